//! Parsers for the texts of the table's cells: codes, message IDs and ranges, the
//! category cell's tags, footnotes and the title's version.
//!
//! Every parser works on the text of one cell and never panics; a text it cannot accept
//! gives a [`ParseError`] that says what was expected and what was found.

use std::collections::BTreeSet;
use std::str::FromStr;

use crate::table::{Detail, DetailCode, Footnote};
use crate::values::{CodeNumber, ListedId, MessageIdValue, Version};

pub use crate::error::{quote, ParseError};

/// Line breaks as `\n` (the workbook stores some as `_x000D_\n`, read as `\r\n`), and no
/// blank space at either end. Ideographic spaces at the ends are kept: the table indents
/// list items with them.
pub fn normalize_text(text: &str) -> String {
    // Trimmed first: the blanks at both ends include every line break there.
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    if !trimmed.contains('\r') {
        return trimmed.to_owned();
    }
    trimmed.replace("\r\n", "\n").replace('\r', "\n")
}

/// Blank space as it appears in the table: ASCII blanks and the ideographic space.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

/// Full-width digits (０–９) as ASCII digits; other characters unchanged.
fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// An identifier (a code or message IDs) typed with full-width letters and digits
/// (`００５`, `０ｘ８１０００００３`) in ASCII; `None` when there is nothing to fold.
///
/// Only identifiers are folded: texts are kept exactly as published. The range dashes
/// (`～`) and the blanks between IDs are left as they are; the parsers accept them.
pub fn fold_identifier(text: &str) -> Option<String> {
    let is_full_width_alnum = |c: char| matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
    if !text.chars().any(is_full_width_alnum) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| {
                if is_full_width_alnum(c) {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A display code: exactly three ASCII digits, e.g. `001`.
pub fn code_number(text: &str) -> Result<CodeNumber, ParseError> {
    let trimmed = text.trim();
    let expected = "a three-digit code such as 001";
    if trimmed.len() != 3 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::new(expected, text));
    }
    let number: u16 = trimmed
        .parse()
        .map_err(|_| ParseError::new(expected, text))?;
    CodeNumber::new(number).ok_or_else(|| ParseError::new(expected, text))
}

/// What a message ID must look like, for error messages.
const MESSAGE_ID_FORM: &str = "a message ID of 0x and eight hex digits, such as 0x03000001";

/// One message ID: `0x` and exactly eight hex digits, either case.
pub fn message_id(text: &str) -> Result<MessageIdValue, ParseError> {
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .ok_or_else(|| ParseError::new(MESSAGE_ID_FORM, text))?;
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ParseError::new(MESSAGE_ID_FORM, text));
    }
    u32::from_str_radix(digits, 16)
        .map(MessageIdValue)
        .map_err(|_| ParseError::new(MESSAGE_ID_FORM, text))
}

/// The dashes the table uses between the ends of a range: full-width tilde, wave dash, `~`.
fn is_range_dash(c: char) -> bool {
    matches!(c, '～' | '〜' | '~')
}

/// What separates several IDs in one cell.
fn is_id_separator(c: char) -> bool {
    is_blank(c) || matches!(c, ',' | '、' | '，')
}

/// The message ID cell: `-` for none, or one or more IDs and ranges.
///
/// IDs are separated by line breaks, blanks or commas; a range is two IDs joined by
/// `～`, `〜` or `~`, possibly over a line break (`0xF0000000～\n0xF7FFFFFF`).
pub fn message_ids(text: &str) -> Result<Vec<ListedId>, ParseError> {
    let cell = text.trim();
    if cell == "-" || cell == "－" {
        return Ok(Vec::new());
    }
    if cell.is_empty() {
        return Err(ParseError::new(
            "message IDs such as 0x03000001, a range such as 0xF0000000～0xF7FFFFFF, or - for none",
            text,
        ));
    }
    let mut specs = Vec::new();
    let mut seen = BTreeSet::new();
    let mut rest = cell;
    loop {
        rest = rest.trim_start_matches(is_id_separator);
        if rest.is_empty() {
            break;
        }
        let (start, after) = take_id(rest, text)?;
        let after_blank = after.trim_start_matches(is_blank);
        let spec = match after_blank.chars().next() {
            Some(dash) if is_range_dash(dash) => {
                let after_dash = after_blank[dash.len_utf8()..].trim_start_matches(is_blank);
                let (end, after_end) = take_id(after_dash, text)?;
                rest = after_end;
                if end < start {
                    return Err(ParseError::new(
                        format!("a range whose end is not below its start ({end} < {start})"),
                        text,
                    ));
                }
                ListedId::Range { start, end }
            }
            _ => {
                rest = after;
                ListedId::Exact(start)
            }
        };
        if !seen.insert(spec) {
            return Err(ParseError::new(
                format!("each message ID once per cell ({spec} is listed twice)"),
                text,
            ));
        }
        specs.push(spec);
    }
    Ok(specs)
}

/// Reads one ID at the start of `text`; returns it and what follows.
fn take_id<'a>(text: &'a str, cell: &str) -> Result<(MessageIdValue, &'a str), ParseError> {
    let end = text
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    if end == 0 {
        let shown: String = text.chars().take(1).collect();
        return Err(ParseError::new(
            format!("{MESSAGE_ID_FORM}, a range dash (～) or a line break, not {shown:?}"),
            cell,
        ));
    }
    let id = message_id(&text[..end]).map_err(|_| {
        ParseError::new(
            format!("{MESSAGE_ID_FORM} (\"{}\" is not)", &text[..end]),
            cell,
        )
    })?;
    Ok((id, &text[end..]))
}

/// The category cell split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// The tags without brackets, in order: `【手順誤り】 【職員】` gives `手順誤り`, `職員`.
    pub tags: Vec<String>,
    /// The heading after the tags, footnote citations removed.
    pub heading: String,
    /// Footnotes the cell cites on a line of their own (`※2`).
    pub footnotes: Vec<u8>,
}

/// The category cell (エラー区分（見出し）): one or more tags `【…】`, then the heading.
///
/// Tags may stand on one line or several; the heading may follow on the same line
/// (`【障害】医療費助成情報の取得失敗`). A line that is only a footnote citation (`※2`) is a
/// citation, not part of the heading.
pub fn category(text: &str) -> Result<Category, ParseError> {
    let expected =
        "tags in 【】 followed by a heading, such as 【手順誤り】\\nマイナンバーカードの認識不可";
    let mut rest = text.trim_start_matches(is_blank);
    let mut tags = Vec::new();
    while let Some(after_open) = rest.strip_prefix('【') {
        let close = after_open
            .find('】')
            .ok_or_else(|| ParseError::new(format!("{expected} (a 【 is not closed)"), text))?;
        let tag = after_open[..close].trim_matches(is_blank);
        if tag.is_empty() || tag.contains('【') {
            return Err(ParseError::new(
                format!("{expected} (a tag is empty or nested)"),
                text,
            ));
        }
        tags.push(tag.to_owned());
        rest = after_open[close + '】'.len_utf8()..].trim_start_matches(is_blank);
    }
    if tags.is_empty() {
        return Err(ParseError::new(expected, text));
    }
    let mut heading_lines = Vec::new();
    let mut footnotes = Vec::new();
    for line in rest.lines() {
        match citation(line) {
            Some(number) => footnotes.push(number),
            None => heading_lines.push(line.trim_matches(is_blank)),
        }
    }
    let heading = heading_lines.join("\n").trim_matches(is_blank).to_owned();
    if heading.is_empty() {
        return Err(ParseError::new(
            format!("{expected} (the heading is missing)"),
            text,
        ));
    }
    Ok(Category {
        tags,
        heading,
        footnotes,
    })
}

/// The footnote a line cites when the line is only a citation: `※1`, `・※1`, `※２`.
///
/// A `※` that begins a sentence (`※3で削除したファイルは…`) or a note (`(※注1)`) is not a
/// citation of a footnote under the table.
pub fn citation(line: &str) -> Option<u8> {
    let line = line.trim_matches(is_blank);
    let line = line
        .strip_prefix('・')
        .unwrap_or(line)
        .trim_start_matches(is_blank);
    let digits = line.strip_prefix('※')?;
    footnote_number(digits)
}

/// A footnote number written in ASCII or full-width digits: `1`, `１`, `12`.
fn footnote_number(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.chars().count() > 2 {
        return None;
    }
    let folded: String = digits.chars().map(fold_digit).collect();
    if !folded.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    folded.parse().ok()
}

/// Every footnote a cell cites on lines of their own, in order, each once.
pub fn citations(text: &str) -> Vec<u8> {
    let mut numbers = Vec::new();
    // Most cells cite nothing: one search tells, not a look at every line.
    if !text.contains('※') {
        return numbers;
    }
    for number in text.lines().filter_map(citation) {
        if !numbers.contains(&number) {
            numbers.push(number);
        }
    }
    numbers
}

/// A footnote cell under the table: `※１` and its text, on the same line or below.
///
/// Returns `None` when the cell does not begin with a footnote marker.
pub fn footnote(text: &str) -> Option<Footnote> {
    let text = text.trim_start_matches(is_blank);
    let after_mark = text.strip_prefix('※')?;
    let digits_len: usize = after_mark
        .chars()
        .take_while(|c| fold_digit(*c).is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    let number = footnote_number(&after_mark[..digits_len])?;
    let marker = text[..'※'.len_utf8() + digits_len].to_owned();
    let body = &after_mark[digits_len..];
    let lines: Vec<&str> = body
        .lines()
        .map(|line| line.trim_matches(is_blank))
        .skip_while(|line| line.is_empty())
        .collect();
    Some(Footnote {
        number,
        marker,
        text: lines.join("\n").trim_end().to_owned(),
    })
}

/// The codes a cause lists with their own explanation, in order:
///
/// - a line `・0xf0301d1a：リモートデスクトップ使用…` (a received error code, as under 901);
/// - in a cause about returned error codes (`エラーコード`), a line `加入者情報未登録(005)` or
///   `システム連携エラー(860~990)` (マイナポータル error codes, as under 010).
pub fn details(cause: &str) -> Vec<Detail> {
    let lists_portal_codes = cause.contains("エラーコード");
    let mut details = Vec::new();
    for line in cause.lines() {
        let line = line.trim_matches(is_blank);
        let item = line
            .strip_prefix('・')
            .unwrap_or(line)
            .trim_start_matches(is_blank);
        if let Some(detail) = received_code(item) {
            details.push(detail);
        } else if lists_portal_codes {
            details.extend(portal_error(item));
        }
    }
    details
}

/// `0xf0301d1a：リモートデスクトップ使用…`
fn received_code(item: &str) -> Option<Detail> {
    // The ID begins the item (its blanks trimmed already): tell that before splitting.
    if !(item.starts_with("0x") || item.starts_with("0X")) {
        return None;
    }
    let (code, text) = item.split_once(['：', ':'])?;
    let code = message_id(code.trim_matches(is_blank)).ok()?;
    let text = text.trim_matches(is_blank);
    (!text.is_empty()).then(|| Detail {
        code: DetailCode::ReceivedCode { code },
        text: text.to_owned(),
    })
}

/// `加入者情報未登録(005)`, `システム連携エラー(860~990)`, with ASCII or full-width brackets.
fn portal_error(item: &str) -> Option<Detail> {
    let inner = item.strip_suffix(')').or_else(|| item.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let (name, codes) = (&inner[..open], &inner[open..]);
    let codes = codes.trim_start_matches(['(', '（']);
    let number = |s: &str| -> Option<u16> {
        let s = s.trim_matches(is_blank);
        (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (first, last) = match codes.split_once(|c| is_range_dash(c) || c == '-') {
        Some((a, b)) => (number(a)?, number(b)?),
        None => {
            let n = number(codes)?;
            (n, n)
        }
    };
    let name = name.trim_matches(is_blank);
    (first <= last && !name.is_empty()).then(|| Detail {
        code: DetailCode::PortalError { first, last },
        text: name.to_owned(),
    })
}

/// The version at the end of the title: `…一覧_1.25版` gives 1.25.
pub fn title_version(title: &str) -> Option<Version> {
    let before = title.trim_end().strip_suffix('版')?.trim_end();
    let folded: String = before
        .chars()
        .map(|c| if c == '．' { '.' } else { fold_digit(c) })
        .collect();
    let start = folded
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    folded[start..].trim_start_matches('.').parse().ok()
}

impl FromStr for CodeNumber {
    type Err = ParseError;

    /// Three ASCII digits, as the table prints them: `001`, `950`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        code_number(text)
    }
}

impl FromStr for MessageIdValue {
    type Err = ParseError;

    /// `0x` and exactly eight hex digits, either case.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        message_id(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(value: u32) -> ListedId {
        ListedId::Exact(MessageIdValue(value))
    }

    #[test]
    fn identifiers_folded_from_full_width() {
        assert_eq!(fold_identifier("００５").as_deref(), Some("005"));
        assert_eq!(
            fold_identifier("０ｘ８１０００００３").as_deref(),
            Some("0x81000003")
        );
        assert_eq!(
            fold_identifier("０ｘＦ０００００００～0xF7FFFFFF").as_deref(),
            Some("0xF0000000～0xF7FFFFFF")
        );
        assert_eq!(fold_identifier("0x03000001"), None);
        assert_eq!(fold_identifier("-"), None);
    }

    #[test]
    fn codes() {
        assert_eq!(code_number("001").unwrap().get(), 1);
        assert_eq!(code_number(" 950 ").unwrap().get(), 950);
        for bad in ["1", "0001", "００１", "abc", ""] {
            let err = code_number(bad).unwrap_err();
            assert!(err.to_string().starts_with("expected a three-digit code"));
        }
    }

    #[test]
    fn message_ids_in_every_published_form() {
        assert_eq!(message_ids("0x03000001").unwrap(), [id(0x0300_0001)]);
        assert_eq!(message_ids("0x8100000b").unwrap(), [id(0x8100_000B)]);
        assert_eq!(
            message_ids("0x81000031\n0x82000200").unwrap(),
            [id(0x8100_0031), id(0x8200_0200)]
        );
        let range = ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF),
        };
        assert_eq!(message_ids("0xF0000000～\n0xF7FFFFFF").unwrap(), [range]);
        assert_eq!(message_ids("0xF0000000 〜 0xF7FFFFFF").unwrap(), [range]);
        assert_eq!(message_ids("0xF0000000~0xF7FFFFFF").unwrap(), [range]);
        assert!(message_ids("-").unwrap().is_empty());
        assert_eq!(
            message_ids("0x01000001、0x01000002").unwrap(),
            [id(0x0100_0001), id(0x0100_0002)]
        );
    }

    #[test]
    fn bad_message_ids_say_what_was_expected() {
        let err = message_ids("0x0300001").unwrap_err();
        assert!(err.expected().contains("eight hex digits"), "{err}");
        assert_eq!(err.found(), "\"0x0300001\"");
        let err = message_ids("0xF7FFFFFF～0xF0000000").unwrap_err();
        assert!(
            err.expected().contains("end is not below its start"),
            "{err}"
        );
        assert!(message_ids("0x0300000G").is_err());
        assert!(message_ids("0x03000001～").is_err());
        assert!(message_ids("0x03000001\n0x03000001").is_err());
        assert!(message_ids("").is_err());
        assert!(message_ids("なし").is_err());
    }

    #[test]
    fn category_cells() {
        let c = category("【手順誤り】\nマイナンバーカードの認識不可").unwrap();
        assert_eq!(c.tags, ["手順誤り"]);
        assert_eq!(c.heading, "マイナンバーカードの認識不可");
        let c = category(
            "【オンライン資格確認等システム】\n【障害】\nオンライン資格確認等システムの障害発生",
        )
        .unwrap();
        assert_eq!(c.tags, ["オンライン資格確認等システム", "障害"]);
        let c = category("【手順誤り】 【職員】\n端末接続不良").unwrap();
        assert_eq!(c.tags, ["手順誤り", "職員"]);
        let c = category("【障害】医療費助成情報の取得失敗\n※2").unwrap();
        assert_eq!(c.tags, ["障害"]);
        assert_eq!(c.heading, "医療費助成情報の取得失敗");
        assert_eq!(c.footnotes, [2]);
        assert!(category("端末接続不良").is_err());
        assert!(category("【職員】").is_err());
        assert!(category("【職員\n端末接続不良").is_err());
    }

    #[test]
    fn citations_are_lines_of_their_own() {
        assert_eq!(citations("・作業する\n・※1"), [1]);
        assert_eq!(
            citations("職員は…\n【951：医療費助成情報取得失敗】\n※2"),
            [2]
        );
        assert_eq!(
            citations("※3で削除したファイルは再作成される"),
            Vec::<u8>::new()
        );
        assert_eq!(
            citations("(※注1)マイナンバーカードの交換については"),
            Vec::<u8>::new()
        );
        assert_eq!(
            citations("確認（※）\n※スマートカードサービスの"),
            Vec::<u8>::new()
        );
    }

    #[test]
    fn footnotes() {
        let note = footnote("\u{3000}※１\n\u{3000}\u{3000}記載の対処方法…\n\u{3000}\u{3000}・再現性はあるか\u{3000}・他の").unwrap();
        assert_eq!(note.number, 1);
        assert_eq!(note.marker, "※１");
        assert_eq!(note.text, "記載の対処方法…\n・再現性はあるか\u{3000}・他の");
        let note = footnote("※2 医療費助成情報については").unwrap();
        assert_eq!(
            (note.number, note.text.as_str()),
            (2, "医療費助成情報については")
        );
        assert!(footnote("以上").is_none());
        assert!(footnote("※注意").is_none());
    }

    #[test]
    fn details_inside_causes() {
        let cause = "環境構築に関係する予期せぬエラーコードを受取った\n・0xf0301d00：ログイン処理エラー。旧版\n・0xf1000012：結果出力時に必要なモジュールが存在しない";
        let found = details(cause);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].code,
            DetailCode::ReceivedCode {
                code: MessageIdValue(0xF030_1D00)
            }
        );
        assert_eq!(found[0].text, "ログイン処理エラー。旧版");
        let cause = "・マイナポータルから、下記のエラーコードが返却された\n\u{3000}\u{3000}加入者情報未登録(005)\n\u{3000}\u{3000}システム連携エラー(860~990)";
        let found = details(cause);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].code, DetailCode::PortalError { first: 5, last: 5 });
        assert_eq!(found[0].text, "加入者情報未登録");
        assert_eq!(
            found[1].code,
            DetailCode::PortalError {
                first: 860,
                last: 990
            }
        );
        assert!(found[1].code.is_portal(900));
        // Codes in brackets count only in a cause about returned error codes.
        assert!(details("・機関用証明書の有効期限が切れている(001)").is_empty());
        assert!(details("・資格取得時、以下のデータが返却された\n\u{3000}\u{3000}患者様の資格有効性で該当資格なし").is_empty());
    }

    #[test]
    fn versions_from_titles() {
        let title = "セットアップ時における顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧_1.25版";
        assert_eq!(title_version(title).unwrap().as_str(), "1.25");
        assert_eq!(title_version("一覧_１．２６版").unwrap().as_str(), "1.26");
        assert!(title_version("一覧").is_none());
        assert!(title_version("一覧_版").is_none());
    }

    #[test]
    fn text_normalization_keeps_ideographic_indentation() {
        assert_eq!(normalize_text("a\r\nb\rc \n"), "a\nb\nc");
        assert_eq!(normalize_text("\u{3000}※１"), "\u{3000}※１");
    }
}
