//! The answer for people: each row labelled with the table's column titles, aligned by
//! display width. A character no one can see is written `\u{1B}`: a terminal obeys nothing
//! in a text.

use std::fmt::Write;

use oqs_messages_table::unseen::escape;
use unicode_width::UnicodeWidthStr;

use crate::answer::{Answer, Reason, Shown, TextReason, WordsRead};
use crate::engine::detail_code_text;
use crate::say::{self, label, Label, Lang};

/// Where the words are: the fields that hold the same words grouped,
/// `見出し: 暗証番号; 原因・対処: 暗証番号, ロック`, then how the text was searched (a sentence
/// by its terms, the callers' words read as the table's): the 一致 line of a row.
pub fn found_text(reason: &TextReason, words: &WordsRead, lang: Lang) -> String {
    let mut groups: Vec<(Vec<&str>, &[String])> = Vec::new();
    for (field, held) in &reason.found {
        let name = label(lang, Label::from(*field));
        match groups.iter_mut().find(|(_, w)| *w == held.as_slice()) {
            Some((fields, _)) => fields.push(name),
            None => groups.push((vec![name], held)),
        }
    }
    let mut text = groups
        .iter()
        .map(|(fields, held)| format!("{}: {}", fields.join("・"), held.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    if words.split {
        text.push_str(&say::split_note(lang, &words.unknown, &words.taken_for));
    } else if !words.taken_for.is_empty() {
        text.push_str(&say::taken_note(lang, &words.taken_for));
    }
    text
}

/// Why a row answers, as a person is told.
pub fn reason_text(reason: &Reason<'_>, words: Option<&WordsRead>, lang: Lang) -> String {
    match reason {
        Reason::Code => say::reason_code(lang).to_owned(),
        Reason::MessageId(id) => say::reason_message_id(lang, &format!("0x{id:08X}")),
        Reason::Range { start, end } => say::reason_range(lang, *start, *end),
        Reason::ReceivedCode(detail) => {
            say::reason_received(lang, &detail_code_text(detail.code), &detail.text)
        }
        Reason::PortalError(detail) => {
            say::reason_portal(lang, &detail_code_text(detail.code), &detail.text)
        }
        Reason::Text(found) => match words {
            Some(words) => found_text(found, words, lang),
            None => String::new(),
        },
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

/// `015-2 マイナンバーカードから顔写真の引き出し不可 【手順誤り】`: what is named (a row or its
/// code), the code's heading and its tags.
fn heading_line(out: &mut String, named: &str, shown: &Shown<'_>) {
    let tags: String = shown.tags.iter().map(|t| format!("【{t}】")).collect();
    let _ = writeln!(out, "{named} {} {tags}", shown.heading);
}

/// One row: a line with its reference, its code's heading and tags, then its fields.
fn write_row(out: &mut String, lang: Lang, reason: Option<&str>, shown: &Shown<'_>) {
    heading_line(out, &shown.reference(), shown);
    write_fields(out, lang, reason, shown, true);
}

/// The fields of a row, labelled and aligned: why it matched and the code's message, each
/// when there is one; a field's further lines under its first; the footnotes it cites last.
fn write_fields(
    out: &mut String,
    lang: Lang,
    reason: Option<&str>,
    shown: &Shown<'_>,
    with_message: bool,
) {
    let row = shown.row;
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
    all.extend(shown.footnotes.iter().map(|n| n.marker.as_str()));
    let width = label_width(&all);
    if let Some(reason) = reason {
        field_line(out, width, label(lang, Label::Match), reason);
    }
    if let Some(message) = shown.message.filter(|_| with_message) {
        field_line(out, width, label(lang, Label::Message), message);
    }
    field_line(out, width, label(lang, Label::Kind), &row.kind);
    let ids = if row.message_ids.is_empty() {
        "-".to_owned()
    } else {
        let ids: Vec<String> = row.message_ids.iter().map(ToString::to_string).collect();
        ids.join("\n")
    };
    field_line(out, width, label(lang, Label::MessageId), &ids);
    field_line(out, width, label(lang, Label::Cause), &row.cause);
    field_line(out, width, label(lang, Label::Remedy), &row.remedy);
    field_line(out, width, label(lang, Label::Contact), &row.contact);
    for note in &shown.footnotes {
        field_line(out, width, &note.marker, &note.text);
    }
}

/// The answer for people: an older version's answer headed with that version; a withdrawn
/// entry's notice and last rows; then the rows that answer. A whole code (every row of one
/// code, asked by its number) is given as the page gives it: the code's heading, tags and
/// message once, then its rows; any other answer one block per row. Nothing when nothing
/// answers (the failure is said apart: [`crate::Failure::say`]).
pub fn render_text(answer: &Answer<'_>, lang: Lang) -> String {
    let mut out = String::new();
    if !answer.newest {
        out.push_str(&say::older_heading(lang, answer.version, answer.source));
        out.push_str("\n\n");
    }
    if let Some(withdrawn) = &answer.withdrawn {
        let notice = say::withdrawn(
            lang,
            withdrawn.what,
            answer.version,
            withdrawn.removed_in,
            withdrawn.last_version,
        );
        let _ = writeln!(out, "{notice}");
        for shown in &withdrawn.rows {
            out.push('\n');
            write_row(&mut out, lang, None, shown);
        }
        if !answer.matches.is_empty() {
            out.push('\n');
        }
    }
    if answer.is_whole_code() {
        let first = &answer.matches[0].shown;
        heading_line(&mut out, &first.code.to_string(), first);
        if let Some(message) = first.message {
            let width = label_width(&[label(lang, Label::Message)]);
            field_line(&mut out, width, label(lang, Label::Message), message);
        }
        let _ = writeln!(out, "{}", say::rows_of_code(lang, answer.matches.len()));
        for m in &answer.matches {
            out.push('\n');
            let _ = writeln!(out, "{}", m.shown.reference());
            write_fields(&mut out, lang, None, &m.shown, false);
        }
        return escape(&out);
    }
    if answer.weak {
        let weak = say::weak(lang, answer.matches.len(), answer.version);
        let _ = writeln!(out, "{weak}:\n");
    }
    for (i, m) in answer.matches.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let reason = reason_text(&m.reason, answer.words(), lang);
        write_row(&mut out, lang, Some(&reason), &m.shown);
    }
    escape(&out)
}
