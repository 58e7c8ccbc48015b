//! The answer for people: each row labelled with the table's column titles, aligned by
//! display width.

use std::fmt::Write;

use oqs_messages::unseen::escaped;
use oqs_messages::MessageId;
use unicode_width::UnicodeWidthStr;

use crate::answer::TextReason;
use crate::answer::{Match, Reason};
use crate::json::{row_json, RowJson};
use crate::say::{self, label, Label, Lang};

/// The table's column titles, as the page and the text output label the fields (in
/// Japanese; [`crate::say::label`] gives them in either language).
pub mod labels {
    use crate::say::{label, Label, Lang};

    /// The label of a field a word was found in.
    pub fn of(field: oqs_messages::search::Field) -> &'static str {
        label(Lang::Ja, Label::from(field))
    }
}

/// Where the words are: the fields that hold the same words grouped,
/// `見出し: 暗証番号; 原因・対処: 暗証番号, ロック`, then how the text was searched (a sentence
/// by its terms, the callers' words read as the table's): the 一致 line of a row, which
/// the page writes the same.
pub fn found_text(reason: &TextReason, lang: Lang) -> String {
    let mut groups: Vec<(Vec<&str>, &[String])> = Vec::new();
    for (field, words) in &reason.found {
        let name = label(lang, Label::from(*field));
        match groups.iter_mut().find(|(_, w)| *w == words.as_slice()) {
            Some((fields, _)) => fields.push(name),
            None => groups.push((vec![name], words)),
        }
    }
    let mut text = groups
        .iter()
        .map(|(fields, words)| format!("{}: {}", fields.join("・"), words.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    if reason.split {
        text.push_str(&say::split_note(lang, &reason.unknown, &reason.taken_for));
    } else if !reason.taken_for.is_empty() {
        text.push_str(&say::taken_note(lang, &reason.taken_for));
    }
    text
}

fn reason_text(reason: &Reason, lang: Lang) -> String {
    match *reason {
        Reason::Code => say::reason_code(lang).to_owned(),
        Reason::MessageId(id) => say::reason_message_id(lang, &id.to_string()),
        Reason::Range { start, end } => {
            let name = MessageId::ALL
                .iter()
                .find(|id| id.range() == Some((start, end)))
                .map_or("", |id| id.name());
            say::reason_range(lang, start, end, name)
        }
        Reason::ReceivedCode(detail) => {
            say::reason_received(lang, &detail.code.to_string(), detail.text)
        }
        Reason::PortalError(detail) => {
            say::reason_portal(lang, &detail.code.to_string(), detail.text)
        }
        Reason::Text(ref found) => found_text(found, lang),
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
pub(crate) fn write_row(
    out: &mut String,
    lang: Lang,
    reference: &str,
    reason: Option<&str>,
    row: &RowJson,
) {
    let tags: String = row.tags.iter().map(|t| format!("【{t}】")).collect();
    let _ = writeln!(out, "{reference} {} {tags}", row.heading);
    write_fields(out, lang, reason, row);
}

/// The fields of a row, labelled and aligned.
fn write_fields(out: &mut String, lang: Lang, reason: Option<&str>, row: &RowJson) {
    let mut all: Vec<&str> = [
        Label::Match,
        Label::Message,
        Label::Kind,
        Label::MessageId,
        Label::Cause,
        Label::Remedy,
        Label::Contact,
    ]
    .into_iter()
    .map(|l| label(lang, l))
    .collect();
    all.extend(row.footnotes.iter().map(|n| n.marker));
    let width = label_width(&all);
    if let Some(reason) = reason {
        field_line(out, width, label(lang, Label::Match), reason);
    }
    if let Some(message) = row.message {
        field_line(out, width, label(lang, Label::Message), message);
    }
    field_line(out, width, label(lang, Label::Kind), row.kind);
    let ids = if row.message_ids.is_empty() {
        "-".to_owned()
    } else {
        let ids: Vec<String> = row.message_ids.iter().map(ToString::to_string).collect();
        ids.join("\n")
    };
    field_line(out, width, label(lang, Label::MessageId), &ids);
    field_line(out, width, label(lang, Label::Cause), row.cause);
    field_line(out, width, label(lang, Label::Remedy), row.remedy);
    field_line(out, width, label(lang, Label::Contact), row.contact);
    for note in &row.footnotes {
        field_line(out, width, note.marker, note.text);
    }
}

/// The answer for people, labelled with the table's column titles, aligned by display
/// width. A whole code (every row of one code, asked by its number) is given as the page
/// gives it: the code's heading, tags and message once, then its rows; any other answer
/// one block per matching row. A character no one can see is written `\u{1B}`
/// ([`oqs_messages::unseen`]): a terminal obeys nothing in a text.
pub fn render_text(matches: &[Match], lang: Lang) -> String {
    let mut out = String::new();
    let whole_code = matches.first().is_some_and(|first| {
        let code = first.row.code;
        matches
            .iter()
            .all(|m| m.reason == Reason::Code && m.row.code == code)
            && matches.len() == code.rows().len()
    });
    if whole_code {
        let code = matches[0].row.code;
        let tags: String = code.tags().iter().map(|t| format!("【{t}】")).collect();
        let _ = writeln!(out, "{:03} {} {tags}", code.number(), code.heading());
        let width = label_width(&[label(lang, Label::Message)]);
        field_line(&mut out, width, label(lang, Label::Message), code.message());
        let _ = writeln!(out, "{}", say::rows_of_code(lang, matches.len()));
        for m in matches {
            out.push('\n');
            let mut row = row_json(m.row);
            row.message = None;
            let _ = writeln!(out, "{}", m.reference());
            write_fields(&mut out, lang, None, &row);
        }
        return escaped(&out).to_string();
    }
    for (i, m) in matches.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let reason = reason_text(&m.reason, lang);
        write_row(
            &mut out,
            lang,
            &m.reference(),
            Some(&reason),
            &row_json(m.row),
        );
    }
    escaped(&out).to_string()
}
