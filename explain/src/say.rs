//! Every sentence `explain` says to a person around the table's texts, in Japanese (the
//! default: help desks read it) and in English (on request). Each message is one function
//! that matches on the language, so that none can be written in one language only.
//!
//! The table's own texts, codes, IDs and file names are never translated.

use oqs_messages::search::Field;
use oqs_messages::QueryError;

/// The language `explain` speaks around the table's texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// 日本語: the default.
    #[default]
    Ja,
    /// English, on request (`--lang en`, or `EXPLAIN_LANG=en`).
    En,
}

/// The environment variable that sets the language when `--lang` is not given.
pub const LANG_VARIABLE: &str = "EXPLAIN_LANG";

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

    /// The language a flag asks for, else [`LANG_VARIABLE`], else Japanese. The locale
    /// (`LANG`, `LC_ALL`) is not consulted: servers and containers default to English or
    /// `C` whoever reads the answer, and the help desk's language is Japanese.
    pub fn chosen(flag: Option<&str>) -> Lang {
        flag.and_then(Lang::parse)
            .or_else(|| {
                std::env::var(LANG_VARIABLE)
                    .ok()
                    .and_then(|v| Lang::parse(&v))
            })
            .unwrap_or_default()
    }

    /// One of two texts, by the language.
    fn pick<T>(self, ja: T, en: T) -> T {
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
    }
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

/// `--table` with words.
pub fn older_words(lang: Lang, version: &str, current: &str) -> String {
    lang.pick(
        format!("--table {version} で引けるのはコードとメッセージIDです。語は現行の一覧（{current}版）で検索します: --table を付けずにお試しください。"),
        format!("--table {version} answers codes and message IDs; words are searched in the current table ({current}): ask without --table"),
    )
}

/// No older table of that version.
pub fn no_older_table(lang: Lang, version: &str, kept: &[String]) -> String {
    let kept_ja = if kept.is_empty() {
        "ありません".to_owned()
    } else {
        kept.join("、")
    };
    let kept_en = if kept.is_empty() {
        "none".to_owned()
    } else {
        kept.join(", ")
    };
    lang.pick(
        format!("一覧の{version}版はありません（この explain が持つ版: {kept_ja}）。"),
        format!("no table of version {version} (this explain holds: {kept_en})"),
    )
}

/// A workbook file given with `--table` could not be read.
pub fn unreadable_workbook(lang: Lang, error: &str) -> String {
    lang.pick(
        format!("ワークブックを読めません: {error}"),
        format!("cannot read the workbook: {error}"),
    )
}

/// A workbook file given with `--table`, to an `explain` built without the reader.
pub fn workbook_feature_needed(lang: Lang) -> String {
    lang.pick(
        "ワークブックのファイルを読むには、explain を workbook 機能付きでビルドしてください（cargo install --path explain --features workbook）。版の番号（--table 1.25）なら、この explain が持つ版で答えます。".to_owned(),
        "reading a workbook file needs explain built with the workbook feature (cargo install --path explain --features workbook); a version number (--table 1.25) is answered from the versions built in".to_owned(),
    )
}

/// No text given at all.
pub fn nothing_asked(lang: Lang) -> String {
    lang.pick(
        "調べるもの（コード、メッセージID、ログの1行、言葉）を指定してください（explain 015）。使い方: explain --help".to_owned(),
        "give something to look up (a code, a message ID, a log line, words: explain 015); see explain --help".to_owned(),
    )
}

/// The command line could not be read; clap's own words follow (in English).
pub fn bad_arguments(lang: Lang, clap_says: &str) -> String {
    lang.pick(
        format!("引数を読めません（使い方: explain --help）。{clap_says}"),
        format!("cannot read the arguments (see explain --help): {clap_says}"),
    )
}

/// The JSON could not be written.
pub fn json_failed(lang: Lang, error: &str) -> String {
    lang.pick(
        format!("JSONを書き出せません: {error}"),
        format!("cannot write the JSON: {error}"),
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

/// The row lists the ID.
pub fn reason_message_id(lang: Lang, id: &str) -> String {
    lang.pick(format!("メッセージID {id}"), format!("message ID {id}"))
}

/// The value is in a range the row lists.
pub fn reason_range(lang: Lang, start: u32, end: u32, name: &str) -> String {
    let name = if name.is_empty() {
        String::new()
    } else {
        format!(" ({name})")
    };
    lang.pick(
        format!("メッセージIDの範囲 0x{start:08X}～0x{end:08X} に含まれる{name}"),
        format!("in the message ID range 0x{start:08X}～0x{end:08X}{name}"),
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

/// The help `explain --help` shows, per language: the about text and each argument's.
pub struct Help {
    /// One line.
    pub about: &'static str,
    /// The long description.
    pub long_about: &'static str,
    /// `TEXT…`.
    pub terms: &'static str,
    /// `--portal`.
    pub portal: &'static str,
    /// `--json`.
    pub json: &'static str,
    /// `--table`.
    pub table: &'static str,
    /// `--lang`.
    pub lang: &'static str,
    /// `-h`, `--help`.
    pub help: &'static str,
    /// `-V`, `--version`.
    pub version: &'static str,
    /// The usage line.
    pub usage: &'static str,
    /// The help's layout, its headings in the language.
    pub template: &'static str,
}

/// The help in a language.
pub fn help(lang: Lang) -> Help {
    match lang {
        Lang::Ja => Help {
            about: "カードリーダーのコード・メッセージIDの意味と問合せ先を、厚生労働省の「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」から引きます。",
            long_about: "カードリーダーのコード・メッセージIDの意味と問合せ先を、厚生労働省の「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」から引きます。\n\n\
貼り付けたものをそのまま読みます: explain 015、explain ０１５、explain 04000011、explain 015 0x04000011、\
ログの1行（explain \"2026-11-25 10:15:30.123 [ERROR] 015 0x04000011\"）、画面のメッセージ\
（explain 【015：マイナンバーカードから顔写真の引き出し不可】）、受信したエラーコード（explain 0xf0301d1c）、\
マイナポータルのエラーコード（explain --portal 005）、または患者さん・職員の言葉（explain 暗証番号 ロック）。\n\n\
現行の表にない、古い版にあったコード・IDには、最後の版での内容を「廃止」として答えます。\n\n\
終了コード: 0 見つかった（廃止を含む）、1 表にない（近いものを示します）、2 調べるものがない・読めない。",
            terms: "コード、メッセージID、その両方、ログの1行、画面のメッセージ、または言葉。複数の引数は1行として読みます。",
            portal: "コード010に記載のマイナポータルのエラーコード（005、860～990）を引きます。",
            json: "JSONで出力します（見つからないときも、読み取った内容と近いものを出力します）。",
            table: "古い版の表で答えます（--table 1.25）。この explain が持つ版、またはワークブックのファイル（workbook 機能付きでビルドした場合）。コードとIDのみ。",
            lang: "表示の言語: ja（既定）または en。環境変数 EXPLAIN_LANG でも指定できます。",
            help: "このヘルプを表示します（-h で要約）。",
            version: "版を表示します。",
            usage: "explain [オプション] [TEXT]...",
            template: "{about-with-newline}\n使い方: {usage}\n\n引数:\n{positionals}\n\nオプション:\n{options}{after-help}",
        },
        Lang::En => Help {
            about: "What a card reader code or message ID means, and whom to call, from the ministry's table 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.",
            long_about: "What a card reader code or message ID means, and whom to call, from the ministry's table 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.\n\n\
Takes what people paste: explain 015, explain ０１５, explain 04000011, explain 015 0x04000011, a log line \
(explain \"2026-11-25 10:15:30.123 [ERROR] 015 0x04000011\"), the screen message \
(explain 【015：マイナンバーカードから顔写真の引き出し不可】), a received error code (explain 0xf0301d1c), \
a マイナポータル error code (explain --portal 005), or the words a caller says (explain 暗証番号 ロック).\n\n\
A code or ID an older version of the table lists and this one does not is answered with the texts it last had, said to be withdrawn.\n\n\
Exit codes: 0 found (or withdrawn); 1 not in the table (the nearest entries are named); 2 nothing to look up, or unreadable.",
            terms: "A code, a message ID, both, a log line, the screen message, or words; several arguments are read as one line.",
            portal: "Look up a マイナポータル error code (005, 860…990) listed under code 010.",
            json: "Print JSON (also when nothing is found: what was read, and the nearest entries).",
            table: "Answer as an older version of the table did (--table 1.25): a version this explain holds, or a workbook file (when built with the workbook feature). Codes and IDs only.",
            lang: "The language around the table's texts: ja (the default) or en; also EXPLAIN_LANG.",
            help: "Print help (see a summary with '-h').",
            version: "Print version.",
            usage: "explain [OPTIONS] [TEXT]...",
            template: "{about-with-newline}\nUsage: {usage}\n\nArguments:\n{positionals}\n\nOptions:\n{options}{after-help}",
        },
    }
}
