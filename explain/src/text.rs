//! The answer for people: each row labelled with the table's column titles, aligned by
//! display width.

use std::fmt::Write;

use oqs_messages::unseen::escaped;
use oqs_messages::MessageId;
use unicode_width::UnicodeWidthStr;

use crate::answer::TextReason;
use crate::answer::{Match, Reason};
use crate::json::{row_json, RowJson};

/// The table's column titles, as the page and the text output label the fields.
pub mod labels {
    /// Why the row answers.
    pub const MATCH: &str = "一致";
    /// メッセージ内容: what the patient or staff is told.
    pub const MESSAGE: &str = "メッセージ内容";
    /// エラー種別.
    pub const KIND: &str = "エラー種別";
    /// メッセージID.
    pub const MESSAGE_ID: &str = "メッセージID";
    /// 原因.
    pub const CAUSE: &str = "原因";
    /// 対処.
    pub const REMEDY: &str = "対処";
    /// 問合せ先.
    pub const CONTACT: &str = "問合せ先";
    /// The heading of the category (エラー区分（見出し）).
    pub const HEADING: &str = "見出し";
    /// The tags of the category (`【手順誤り】`).
    pub const TAGS: &str = "区分";
    /// A footnote cited.
    pub const FOOTNOTE: &str = "注記";

    /// The label of a field a word was found in.
    pub fn of(field: oqs_messages::search::Field) -> &'static str {
        use oqs_messages::search::Field;
        match field {
            Field::Heading => HEADING,
            Field::Tags => TAGS,
            Field::Message => MESSAGE,
            Field::Kind => KIND,
            Field::Cause => CAUSE,
            Field::Remedy => REMEDY,
            Field::Contact => CONTACT,
            Field::Footnote => FOOTNOTE,
        }
    }
}

/// Where the words are: the fields that hold the same words grouped,
/// `見出し: 暗証番号; 原因・対処: 暗証番号, ロック`.
fn found_text(reason: &TextReason) -> String {
    let mut groups: Vec<(Vec<&str>, &[String])> = Vec::new();
    for (field, words) in &reason.found {
        match groups.iter_mut().find(|(_, w)| *w == words.as_slice()) {
            Some((fields, _)) => fields.push(labels::of(*field)),
            None => groups.push((vec![labels::of(*field)], words)),
        }
    }
    let mut text = groups
        .iter()
        .map(|(fields, words)| format!("{}: {}", fields.join("・"), words.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    if reason.split {
        text.push_str("（入力された文を語に分けて検索");
        if !reason.unknown.is_empty() {
            text.push_str(&format!("。表にない語: {}", reason.unknown.join(", ")));
        }
        text.push('）');
    }
    text
}

fn reason_text(reason: &Reason) -> String {
    match *reason {
        Reason::Code => "コードの行".to_owned(),
        Reason::MessageId(id) => format!("メッセージID {id}"),
        Reason::Range { start, end } => {
            let name = MessageId::ALL
                .iter()
                .find(|id| id.range() == Some((start, end)))
                .map_or("", |id| id.name());
            format!("メッセージIDの範囲 0x{start:08X}～0x{end:08X} に含まれる ({name})")
        }
        Reason::ReceivedCode(detail) => {
            format!("原因に記載のエラーコード {}：{}", detail.code, detail.text)
        }
        Reason::PortalError(detail) => format!(
            "原因に記載のマイナポータルのエラーコード {}：{}",
            detail.code, detail.text
        ),
        Reason::Text(ref found) => found_text(found),
    }
}

/// The width of the widest label, in terminal columns (full-width characters count two).
fn label_width(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.width()).max().unwrap_or(0)
}

/// One labelled field, its further lines aligned under its first.
fn field_line(out: &mut String, width: usize, label: &str, text: &str) {
    let pad = " ".repeat(width.saturating_sub(label.width()));
    let mut lines = text.lines();
    let _ = writeln!(out, "  {label}{pad}  {}", lines.next().unwrap_or(""));
    let blank = " ".repeat(width);
    for line in lines {
        let _ = writeln!(out, "  {blank}  {line}");
    }
}

/// Writes one row as the text output gives it: a line with its reference, its code's
/// heading and tags, then its fields labelled with the table's column titles and aligned
/// by display width (why it matched and the code's message, each when there is one; a
/// field's further lines stand under its first; the footnotes it cites last).
pub(crate) fn write_row(out: &mut String, reference: &str, reason: Option<&str>, row: &RowJson) {
    let tags: String = row.tags.iter().map(|t| format!("【{t}】")).collect();
    let _ = writeln!(out, "{reference} {} {tags}", row.heading);
    let mut all = vec![
        labels::MATCH,
        labels::MESSAGE,
        labels::KIND,
        labels::MESSAGE_ID,
        labels::CAUSE,
        labels::REMEDY,
        labels::CONTACT,
    ];
    all.extend(row.footnotes.iter().map(|n| n.marker));
    let width = label_width(&all);
    if let Some(reason) = reason {
        field_line(out, width, labels::MATCH, reason);
    }
    if let Some(message) = row.message {
        field_line(out, width, labels::MESSAGE, message);
    }
    field_line(out, width, labels::KIND, row.kind);
    let ids = if row.message_ids.is_empty() {
        "-".to_owned()
    } else {
        let ids: Vec<String> = row.message_ids.iter().map(ToString::to_string).collect();
        ids.join("\n")
    };
    field_line(out, width, labels::MESSAGE_ID, &ids);
    field_line(out, width, labels::CAUSE, row.cause);
    field_line(out, width, labels::REMEDY, row.remedy);
    field_line(out, width, labels::CONTACT, row.contact);
    for note in &row.footnotes {
        field_line(out, width, note.marker, note.text);
    }
}

/// The answer for people: one block per matching row, labelled with the table's column
/// titles, aligned by display width. A character no one can see is written `\u{1B}`
/// ([`oqs_messages::unseen`]): a terminal obeys nothing in a text.
pub fn render_text(matches: &[Match]) -> String {
    let mut out = String::new();
    for (i, m) in matches.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let reason = reason_text(&m.reason);
        write_row(&mut out, &m.reference(), Some(&reason), &row_json(m.row));
    }
    escaped(&out).to_string()
}
