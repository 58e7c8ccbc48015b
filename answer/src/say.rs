//! Every sentence an answer says to a person around the table's texts, in `explain` and on
//! the offline page alike, in Japanese (the default: help desks read it) and in English
//! (on request). Each message is one function that matches on the language, so that none
//! can be written in one language only.
//!
//! The table's own texts, codes, IDs and file names are never translated.

use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::Field;

/// The language `explain` speaks around the table's texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// 日本語: the default.
    #[default]
    Ja,
    /// English, on request (`--lang en`, or `EXPLAIN_LANG=en`).
    En,
}

impl Lang {
    /// `ja` or `en` (also `ja_JP.UTF-8`, `en-US`: the part before `_`, `-` or `.`), in any
    /// case.
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text
            .split(['_', '-', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match code.as_str() {
            "ja" | "jp" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// One of two texts, by the language.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// What was looked for and not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A display code.
    Code(u16),
    /// A row under a code the table lists.
    RowUnderCode(u16),
    /// A message ID or received error code.
    Value(u32),
    /// A message ID (withdrawn).
    MessageId(u32),
    /// A row under a code for a value.
    Pair(u16, u32),
    /// A マイナポータル error code.
    Portal(u16),
    /// A row by its label: the code and the row's number under it.
    Row(u16, u16),
    /// The start of a message ID: the least value it could become and how many hex digits
    /// were typed.
    IdPrefix {
        /// The least value.
        value: u32,
        /// The hex digits typed.
        digits: usize,
    },
}

/// `コード 018`, `code 018`: what was looked for.
pub fn missing(lang: Lang, what: Missing) -> String {
    match (what, lang) {
        (Missing::Code(n), Lang::Ja) => format!("コード {n:03}"),
        (Missing::Code(n), Lang::En) => format!("code {n:03}"),
        (Missing::RowUnderCode(n), Lang::Ja) => format!("コード {n:03} の行"),
        (Missing::RowUnderCode(n), Lang::En) => format!("row under code {n:03}"),
        (Missing::Value(v), Lang::Ja) => format!("メッセージIDまたはエラーコード 0x{v:08X}"),
        (Missing::Value(v), Lang::En) => format!("message ID or error code 0x{v:08X}"),
        (Missing::MessageId(v), Lang::Ja) => format!("メッセージID 0x{v:08X}"),
        (Missing::MessageId(v), Lang::En) => format!("message ID 0x{v:08X}"),
        (Missing::Pair(n, v), Lang::Ja) => format!("コード {n:03} の 0x{v:08X} の行"),
        (Missing::Pair(n, v), Lang::En) => format!("row under code {n:03} for 0x{v:08X}"),
        (Missing::Portal(n), Lang::Ja) => format!("マイナポータルのエラーコード {n:03}"),
        (Missing::Portal(n), Lang::En) => format!("マイナポータル error code {n:03}"),
        (Missing::Row(n, row), Lang::Ja) => format!("行 {n:03}-{row}"),
        (Missing::Row(n, row), Lang::En) => format!("row {n:03}-{row}"),
        (Missing::IdPrefix { value, digits }, lang) => {
            let typed = id_prefix_text(value, digits);
            lang.pick(
                format!("{typed} で始まるメッセージID"),
                format!("message ID starting {typed}"),
            )
        }
    }
}

/// `0x0400`: the start of an ID as typed, from its least value and its digits.
pub fn id_prefix_text(value: u32, digits: usize) -> String {
    let hex = format!("{value:08X}");
    format!("0x{}", &hex[..digits.min(8)])
}

/// Not in the table, with the nearest entries.
pub fn not_found(lang: Lang, what: Missing, version: &str, nearest: &[String]) -> String {
    let what = missing(lang, what);
    let mut out = lang.pick(
        format!("{what} は一覧（{version}版）にありません"),
        format!("no {what} in table version {version}"),
    );
    if !nearest.is_empty() {
        out.push_str(&lang.pick(
            format!("。近いもの: {}", nearest.join("、")),
            format!("; nearest: {}", nearest.join(", ")),
        ));
    }
    out.push_str(lang.pick("。", ""));
    out
}

/// No row holds the words, with the nearest words of the table.
pub fn no_words(lang: Lang, words: &[String], version: &str, nearest: &[String]) -> String {
    let mut out = lang.pick(
        format!(
            "「{}」を含む行は一覧（{version}版）にありません",
            words.join(" ")
        ),
        format!(
            "no row holds {} in table version {version}",
            words.join(", ")
        ),
    );
    if !nearest.is_empty() {
        out.push_str(&lang.pick(
            format!("。近い語: {}", nearest.join("、")),
            format!("; nearest words: {}", nearest.join(", ")),
        ));
    }
    out.push_str(lang.pick(
        "。コード（015）やメッセージID（0x04000011）でも引けます。",
        "; a code (015) or a message ID (0x04000011) can be typed too",
    ));
    out
}

/// Why a text is not a query. `parts` says what the text was read as, where it was read
/// as several codes or IDs.
pub fn malformed(lang: Lang, text: &str, error: QueryError, parts: &str) -> String {
    let why = match (error, lang) {
        (QueryError::Empty, Lang::Ja) => "調べる文字がありません".to_owned(),
        (QueryError::Empty, Lang::En) => "nothing to look up".to_owned(),
        (QueryError::Unrecognized, Lang::Ja) => {
            "3桁のコード（015）もメッセージID（0x04000011）もありません".to_owned()
        }
        (QueryError::Unrecognized, Lang::En) => {
            "neither a three-digit code (015) nor a message ID (0x04000011) in it".to_owned()
        }
        (QueryError::Several, Lang::Ja) => {
            "コードまたはメッセージIDが複数あります。コード1つとメッセージID1つまでにしてください"
                .to_owned()
        }
        (QueryError::Several, Lang::En) => {
            "several codes or several message IDs in it; give one code and one ID at most"
                .to_owned()
        }
    };
    let mut out = format!("{text}: {why}");
    if !parts.is_empty() {
        out.push_str(&lang.pick(
            format!("（読み取り: {parts}）"),
            format!(" (read: {parts})"),
        ));
    }
    out.push_str(lang.pick("。", ""));
    out
}

/// What a part of a log line was read as: `015 → コード`.
pub fn part(lang: Lang, text: &str, kind: PartKind) -> String {
    let kind = match (kind, lang) {
        (PartKind::Code, Lang::Ja) => "コード",
        (PartKind::Code, Lang::En) => "code",
        (PartKind::MessageId, Lang::Ja) => "メッセージID",
        (PartKind::MessageId, Lang::En) => "message ID",
    };
    format!("{text} → {kind}")
}

/// What a part of a text was taken for, as [`part`] says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// A display code.
    Code,
    /// A message ID.
    MessageId,
}

/// The notice that heads the answer for a withdrawn code or ID.
pub fn withdrawn(lang: Lang, what: Missing, version: &str, removed_in: &str, last: &str) -> String {
    let what = missing(lang, what);
    lang.pick(
        format!("廃止: {what} は一覧（{version}版）にありません。{removed_in}版で削除されました。{last}版での内容:"),
        format!("withdrawn: {what} is not in table version {version}; it was removed in {removed_in}. As of {last}:"),
    )
}

/// The line that heads an older version's answer.
pub fn older_heading(lang: Lang, version: &str, source: &str) -> String {
    lang.pick(
        format!("一覧の{version}版（{source}）での回答:"),
        format!("table version {version} (from {source}):"),
    )
}

/// The labels of an answer's fields: the table's own column titles in Japanese.
pub fn label(lang: Lang, field: Label) -> &'static str {
    match (field, lang) {
        (Label::Match, Lang::Ja) => "一致",
        (Label::Match, Lang::En) => "Match",
        (Label::Message, Lang::Ja) => "メッセージ内容",
        (Label::Message, Lang::En) => "Message",
        (Label::Kind, Lang::Ja) => "エラー種別",
        (Label::Kind, Lang::En) => "Error kind",
        (Label::MessageId, Lang::Ja) => "メッセージID",
        (Label::MessageId, Lang::En) => "Message ID",
        (Label::Cause, Lang::Ja) => "原因",
        (Label::Cause, Lang::En) => "Cause",
        (Label::Remedy, Lang::Ja) => "対処",
        (Label::Remedy, Lang::En) => "Remedy",
        (Label::Contact, Lang::Ja) => "問合せ先",
        (Label::Contact, Lang::En) => "Contact",
        (Label::Heading, Lang::Ja) => "見出し",
        (Label::Heading, Lang::En) => "Heading",
        (Label::Tags, Lang::Ja) => "区分",
        (Label::Tags, Lang::En) => "Tags",
        (Label::Footnote, Lang::Ja) => "注記",
        (Label::Footnote, Lang::En) => "Footnote",
    }
}

/// A labelled field of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Why the row answers.
    Match,
    /// メッセージ内容.
    Message,
    /// エラー種別.
    Kind,
    /// メッセージID.
    MessageId,
    /// 原因.
    Cause,
    /// 対処.
    Remedy,
    /// 問合せ先.
    Contact,
    /// The code's heading.
    Heading,
    /// The code's tags.
    Tags,
    /// A footnote.
    Footnote,
}

impl From<Field> for Label {
    fn from(field: Field) -> Label {
        match field {
            Field::Heading => Label::Heading,
            Field::Tags => Label::Tags,
            Field::Message => Label::Message,
            Field::Kind => Label::Kind,
            Field::Cause => Label::Cause,
            Field::Remedy => Label::Remedy,
            Field::Contact => Label::Contact,
            Field::Footnote => Label::Footnote,
        }
    }
}

/// Why a row answers.
pub fn reason_code(lang: Lang) -> &'static str {
    lang.pick("コードの行", "a row of the code")
}

/// The words did not find the row; callers' sentences alike meant its code.
pub fn reason_alike(lang: Lang) -> &'static str {
    lang.pick(
        "語では見つからなかった行ですが、似た言い方の相談の多くがこのコードでした",
        "the words did not find this row, but callers' sentences like this one mostly meant this code",
    )
}

/// The row lists the ID.
pub fn reason_message_id(lang: Lang, id: &str) -> String {
    lang.pick(format!("メッセージID {id}"), format!("message ID {id}"))
}

/// The value is in a range the row lists.
pub fn reason_range(lang: Lang, start: u32, end: u32) -> String {
    lang.pick(
        format!("メッセージIDの範囲 0x{start:08X}～0x{end:08X} に含まれる"),
        format!("in the message ID range 0x{start:08X}～0x{end:08X}"),
    )
}

/// The row's cause lists the value as a received error code.
pub fn reason_received(lang: Lang, code: &str, text: &str) -> String {
    lang.pick(
        format!("原因に記載のエラーコード {code}：{text}"),
        format!("error code {code} in the cause: {text}"),
    )
}

/// The row's cause lists the マイナポータル error code.
pub fn reason_portal(lang: Lang, code: &str, text: &str) -> String {
    lang.pick(
        format!("原因に記載のマイナポータルのエラーコード {code}：{text}"),
        format!("マイナポータル error code {code} in the cause: {text}"),
    )
}

/// The callers' words, as `PIN → 暗証番号, …`.
fn taken_pairs(taken_for: &[(String, String)]) -> String {
    taken_for
        .iter()
        .map(|(callers, table)| format!("{callers} → {table}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words typed that are callers' words, also searched as the table's words.
pub fn taken_note(lang: Lang, taken_for: &[(String, String)]) -> String {
    let pairs = taken_pairs(taken_for);
    lang.pick(
        format!("（読み替え: {pairs}）"),
        format!(" (also searched as the table's words: {pairs})"),
    )
}

/// A sentence searched by its terms, the callers' words read as the table's, and the
/// terms found nowhere.
pub fn split_note(lang: Lang, unknown: &[String], taken_for: &[(String, String)]) -> String {
    let mut out = lang
        .pick(
            "（入力された文を語に分けて検索",
            " (the sentence searched by its terms",
        )
        .to_owned();
    if !taken_for.is_empty() {
        let pairs = taken_pairs(taken_for);
        out.push_str(&lang.pick(
            format!("。読み替え: {pairs}"),
            format!("; read as the table's words: {pairs}"),
        ));
    }
    if !unknown.is_empty() {
        out.push_str(&lang.pick(
            format!("。表にない語: {}", unknown.join(", ")),
            format!("; terms in no row: {}", unknown.join(", ")),
        ));
    }
    out.push_str(lang.pick("）", ")"));
    out
}

/// The line that introduces a code's rows, after its heading and message.
pub fn rows_of_code(lang: Lang, count: usize) -> String {
    lang.pick(format!("行（{count}件）:"), format!("rows ({count}):"))
}

/// The page's line over the whole table (an empty box).
pub fn whole_table(lang: Lang, codes: usize, rows: usize, version: &str) -> String {
    lang.pick(
        format!("表の全体: コード {codes} 件、行 {rows} 件（{version}版）"),
        format!("the whole table: {codes} codes, {rows} rows (version {version})"),
    )
}

/// What a query was read as: `コード 015 と ID 0x04000011`, `行 015-3`.
pub fn read_as(lang: Lang, query: Query) -> String {
    let (code, value, portal) = match query {
        Query::Code(n) => (Some(n), None, None),
        Query::Value(v) => (None, Some(v), None),
        Query::Pair(n, v) => (Some(n), Some(v), None),
        Query::Portal(n) => (None, None, Some(n)),
        Query::Row(n, row) => return missing(lang, Missing::Row(n, row)),
    };
    let mut parts = Vec::new();
    if let Some(code) = code {
        parts.push(lang.pick(format!("コード {code:03}"), format!("code {code:03}")));
    }
    if let Some(value) = value {
        parts.push(format!("ID 0x{value:08X}"));
    }
    if let Some(portal) = portal {
        parts.push(lang.pick(
            format!("マイナポータルのエラーコード {portal:03}"),
            format!("マイナポータル error code {portal:03}"),
        ));
    }
    parts.join(lang.pick(" と ", " and "))
}

/// A マイナポータル error code read with the display code whose row lists it:
/// `コード 010 のマイナポータルのエラーコード 006`.
pub fn portal_under_code(lang: Lang, code: u16, portal: u16) -> String {
    lang.pick(
        format!("コード {code:03} のマイナポータルのエラーコード {portal:03}"),
        format!("マイナポータル error code {portal:03} of code {code:03}"),
    )
}

/// The page's line over the rows that answer a code or an ID.
pub fn rows_for_query(lang: Lang, read: &str, count: usize, version: &str) -> String {
    lang.pick(
        format!("{read} に該当する行: {count} 件（{version}版）"),
        format!("rows for {read}: {count} (version {version})"),
    )
}

/// The page's line over the rows that hold every word typed.
pub fn rows_with_every_word(
    lang: Lang,
    words: &[String],
    count: usize,
    version: &str,
    taken_for: &[(String, String)],
) -> String {
    let quoted: String = words.iter().map(|w| format!("「{w}」")).collect();
    let mut out = lang.pick(
        format!("{quoted} をすべて含む行: {count} 件（{version}版"),
        format!("rows holding every word of {quoted}: {count} (version {version}"),
    );
    if !taken_for.is_empty() {
        let pairs = taken_pairs(taken_for);
        out.push_str(&lang.pick(
            format!("。読み替え: {pairs}"),
            format!("; read as: {pairs}"),
        ));
    }
    out.push_str(lang.pick("）", ")"));
    out
}

/// After the line over the rows found by words, the codes the callers' sentences favour
/// whose rows follow (none where there are none).
pub fn alike_note(lang: Lang, codes: &[String], rows: usize) -> String {
    if codes.is_empty() {
        return String::new();
    }
    lang.pick(
        format!(
            "。続けて、語では見つからなかったものの似た言い方の相談が多いコード {} の行: {rows} 件",
            codes.join("、")
        ),
        format!(
            "; then the rows of code {}, which the words did not find but callers' sentences like this one mostly meant: {rows}",
            codes.join(", ")
        ),
    )
}

/// The page's line over the rows found by the words of a sentence, best first.
pub fn rows_for_sentence(
    lang: Lang,
    count: usize,
    version: &str,
    taken_for: &[(String, String)],
    unknown: &[String],
) -> String {
    let mut out = lang.pick(
        format!("入力された文の語で探した行: {count} 件（{version}版、よく当たる順）"),
        format!("rows found by the words of the sentence: {count} (version {version}, best first)"),
    );
    if !taken_for.is_empty() {
        let pairs = taken_pairs(taken_for);
        out.push_str(&lang.pick(
            format!("。読み替え: {pairs}"),
            format!("; read as: {pairs}"),
        ));
    }
    if !unknown.is_empty() {
        out.push_str(&lang.pick(
            format!("。表にない語: {}", unknown.join("、")),
            format!("; words in no row: {}", unknown.join(", ")),
        ));
    }
    out
}

/// What heads the page's line when nothing answers.
pub fn nothing_found(lang: Lang) -> &'static str {
    lang.pick("該当なし: ", "nothing found: ")
}

/// Before the nearest words offered on the page.
pub fn nearest_words(lang: Lang) -> &'static str {
    lang.pick("近い語: ", "nearest words: ")
}

/// A badge: added in a version.
pub fn added_in(lang: Lang, version: &str) -> String {
    lang.pick(format!("{version}版で追加"), format!("added in {version}"))
}

/// A badge: removed in a version.
pub fn removed_in(lang: Lang, version: &str) -> String {
    lang.pick(
        format!("{version}版で削除"),
        format!("removed in {version}"),
    )
}

/// Rows shown for a sentence no row fits: weak candidates, for reference.
pub fn weak(lang: Lang, count: usize, version: &str) -> String {
    lang.pick(
        format!("この表（{version}版）に当てはまる行は見つかりませんでした。言葉の一部が合う行を参考に示します（{count} 件）"),
        format!("no row of table version {version} fits; {count} rows that share some of the words are shown for reference"),
    )
}

/// A field's title on the page, in `explain` and in a ticket: in Japanese the column's
/// title exactly as the workbook publishes it (line breaks aside), so that clinic staff
/// read, as in the workbook, that the remedies are meant for vendors; labels that are no
/// column of the workbook (一致, 見出し, 区分, 注記) as [`label`] says them.
pub fn column_title(lang: Lang, field: Label) -> &'static str {
    match (field, lang) {
        (Label::Kind, Lang::Ja) => "エラー種別（エラーの発生原因）",
        (Label::Kind, Lang::En) => "Error kind (what caused the error)",
        (Label::Remedy, Lang::Ja) => "対処(医療機関等ベンダーまたはシステム担当者向け）",
        (Label::Remedy, Lang::En) => "Remedy (for the vendors or system staff of clinics)",
        (field, lang) => label(lang, field),
    }
}

/// What the contact `-` means: the table names no one to call for the row.
pub fn no_contact(lang: Lang) -> &'static str {
    lang.pick(
        "「-」: 一覧はこの行に問合せ先を記載していません。",
        "\"-\": the table names no contact for this row.",
    )
}

/// After a remedy that says 右記 (the column to its right in the workbook): where that
/// contact stands in an answer.
pub fn right_column(lang: Lang) -> &'static str {
    lang.pick(
        "※「右記」は一覧の右の列、問合せ先（この回答では上）を指します。",
        "※「右記」 is the workbook's column to the right: the contact (above, in this answer).",
    )
}

/// The status line of a code's answer that also holds rows whose cause lists the number as
/// a マイナポータル error code: each counted for what it is.
pub fn rows_of_code_and_portal(
    lang: Lang,
    code: u16,
    code_rows: usize,
    portal_rows: usize,
    version: &str,
) -> String {
    lang.pick(
        format!("コード {code:03} の行: {code_rows} 件、原因にマイナポータルのエラーコード {code:03} を記載した行: {portal_rows} 件（{version}版）"),
        format!("rows of code {code:03}: {code_rows}; rows whose cause lists マイナポータル error code {code:03}: {portal_rows} (version {version})"),
    )
}

/// How many rows answer for each reason, when they answer for several: `（内訳: …）`.
pub fn reasons_breakdown(lang: Lang, counts: &[(ReasonKind, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(kind, count)| {
            lang.pick(
                format!("{} {count} 件", reason_kind(lang, *kind)),
                format!("{} {count}", reason_kind(lang, *kind)),
            )
        })
        .collect();
    lang.pick(
        format!("（内訳: {}）", parts.join("、")),
        format!(" ({})", parts.join(", ")),
    )
}

/// Why a row answers, in a word or two: the page's mark on a row that does not list the
/// value typed as one of its message IDs.
pub fn reason_kind(lang: Lang, kind: ReasonKind) -> &'static str {
    match (kind, lang) {
        (ReasonKind::Code, Lang::Ja) => "コードの行",
        (ReasonKind::Code, Lang::En) => "row of the code",
        (ReasonKind::MessageId, Lang::Ja) => "メッセージIDを記載",
        (ReasonKind::MessageId, Lang::En) => "lists the message ID",
        (ReasonKind::Range, Lang::Ja) => "メッセージIDの範囲に含まれる",
        (ReasonKind::Range, Lang::En) => "in a message ID range",
        (ReasonKind::Received, Lang::Ja) => "原因にエラーコードを記載",
        (ReasonKind::Received, Lang::En) => "error code in the cause",
        (ReasonKind::Portal, Lang::Ja) => "原因にマイナポータルのエラーコードを記載",
        (ReasonKind::Portal, Lang::En) => "マイナポータル error code in the cause",
        (ReasonKind::Words, Lang::Ja) => "言葉を含む",
        (ReasonKind::Words, Lang::En) => "holds the words",
        (ReasonKind::Alike, Lang::Ja) => "似た言い方の相談から",
        (ReasonKind::Alike, Lang::En) => "from sentences alike",
    }
}

/// The kinds of reason a row answers for, as [`reason_kind`] names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonKind {
    /// A row of the code asked.
    Code,
    /// The row lists the message ID.
    MessageId,
    /// The value is in a range the row lists.
    Range,
    /// The row's cause lists the value as a received error code.
    Received,
    /// The row's cause lists the マイナポータル error code.
    Portal,
    /// The row holds the words.
    Words,
    /// The words did not find the row; callers' sentences alike meant its code.
    Alike,
}

/// The box that shows, on request, where each row holds the words (one line a row).
pub fn show_reasons(lang: Lang) -> &'static str {
    lang.pick("各行の一致箇所を表示", "show where each row matched")
}

/// The status line of the rows whose message IDs start with what was typed so far.
pub fn rows_for_id_prefix(
    lang: Lang,
    prefix: &str,
    ids: usize,
    rows: usize,
    version: &str,
) -> String {
    lang.pick(
        format!("{prefix} で始まるメッセージID（{ids} 件）の行: {rows} 件（{version}版）。メッセージIDは 0x に続く16進8桁です。"),
        format!("rows of the {ids} message IDs starting {prefix}: {rows} (version {version}); a message ID is 0x and eight hex digits"),
    )
}

/// The copy control of a row, and what it says once it has copied.
pub fn copy(lang: Lang) -> (&'static str, &'static str) {
    lang.pick(("コピー", "コピーしました"), ("Copy", "Copied"))
}

/// The overview over the whole table: its heading.
pub fn overview(lang: Lang, codes: usize) -> String {
    lang.pick(
        format!("コード一覧（{codes} 件、区分ごと。番号を押すとそのコードを表示）"),
        format!("codes ({codes}, by category; a number opens the code)"),
    )
}

/// The rows of a code, in the overview: `2行`.
pub fn row_count(lang: Lang, rows: usize) -> String {
    lang.pick(format!("{rows}行"), format!("{rows} rows"))
}

/// The filters: their summary, the two kinds, and the control that clears them.
pub fn filters(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    lang.pick(
        ("絞り込み", "区分", "問合せ先", "絞り込みを解除"),
        ("Filter", "Category", "Contact", "clear the filter"),
    )
}

/// The status line's note when a filter is on.
pub fn filtered(lang: Lang, shown: usize, total: usize, by: &str) -> String {
    lang.pick(
        format!("。絞り込み（{by}）: {total} 件中 {shown} 件を表示"),
        format!("; filtered by {by}: {shown} of {total} shown"),
    )
}

/// A ticket's lines around the table's texts: the code, the message ID asked, the row's
/// place in the table and the table.
pub fn ticket_code(lang: Lang, code: &str) -> String {
    lang.pick(format!("コード {code}"), format!("Code {code}"))
}

/// The value asked, in a ticket, when the row lists it in a range.
pub fn ticket_in_range(lang: Lang, id: u32, start: u32, end: u32) -> String {
    lang.pick(
        format!("0x{id:08X}（一覧の範囲 0x{start:08X}～0x{end:08X} に含まれる）"),
        format!("0x{id:08X} (in the table's range 0x{start:08X}～0x{end:08X})"),
    )
}

/// The error code asked, in a ticket, when the row's cause lists it.
pub fn ticket_error_code(lang: Lang) -> &'static str {
    lang.pick("エラーコード", "Error code")
}

/// The row's place, in a ticket: by its code and number as the workbook orders them, and
/// the page's reference.
pub fn ticket_place(lang: Lang, code: &str, number: usize, reference: &str) -> String {
    lang.pick(
        format!("行: コード {code} の {number} 行目（{reference}）"),
        format!("Row: row {number} of code {code} ({reference})"),
    )
}

/// The table, in a ticket.
pub fn ticket_source(lang: Lang, title: &str, version: &str) -> String {
    lang.pick(
        format!("出典: {title}（一覧の版 {version}）"),
        format!("Source: {title} (table version {version})"),
    )
}

/// The table that answered, under each answer of `explain`.
pub fn answered_by(lang: Lang, version: &str) -> String {
    lang.pick(
        format!("（一覧 {version}版）"),
        format!("(table version {version})"),
    )
}

/// A withdrawn row, in a ticket: when it was removed, and the version whose texts follow.
pub fn ticket_withdrawn(lang: Lang, removed_in: &str, last: &str) -> String {
    lang.pick(
        format!("廃止: {removed_in}版で削除（以下は{last}版での内容）"),
        format!("Withdrawn: removed in {removed_in} (as of {last}):"),
    )
}
