//! The answer for people: each row labelled with the table's column titles, aligned by
//! display width. A character no one can see is written `\u{1B}`: a terminal obeys nothing
//! in a text.

use std::fmt::Write;

use oqs_messages_table::unseen::escape;
use unicode_width::UnicodeWidthStr;

use crate::answer::{Answer, Read, Reason, Shown, TextReason, WordsRead};
use crate::engine::detail_code_text;
use crate::say::{self, column_title, label, Label, Lang};

/// Where the words are: the fields that hold the same words grouped,
/// `見出し: 暗証番号; 原因・対処: 暗証番号, ロック`, then how the text was searched (a sentence
/// by its terms, the callers' words read as the table's): the 一致 line of a row.
pub fn found_text(reason: &TextReason, words: &WordsRead, lang: Lang) -> String {
    let mut groups: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    for (field, held) in reason.found() {
        let name = label(lang, Label::from(field));
        match groups.iter_mut().find(|(_, w)| *w == held) {
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
        Reason::Alike => say::reason_alike(lang).to_owned(),
        Reason::Text(found) => match words {
            Some(words) => found_text(found, words, lang),
            None => String::new(),
        },
    }
}

/// The width of the label column, in terminal columns (full-width characters count two):
/// that of the widest short label. A column title wider than that (the workbook's
/// 「対処(医療機関等ベンダーまたはシステム担当者向け）」) stands on a line of its own, its text
/// under it in the column of the others.
fn label_width(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.width()).max().unwrap_or(0)
}

/// One labelled field, its further lines aligned under its first.
fn field_line(out: &mut String, width: usize, label: &str, text: &str) {
    let blank = " ".repeat(width);
    let mut lines = text.lines();
    if label.width() > width {
        let _ = writeln!(out, "  {label}");
    } else {
        let pad = " ".repeat(width - label.width());
        let _ = writeln!(out, "  {label}{pad}  {}", lines.next().unwrap_or(""));
    }
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

/// The label column's width for a row's fields: the short labels and the footnotes' marks.
fn width_for(lang: Lang, shown: &Shown<'_>) -> usize {
    let mut short: Vec<&str> = [
        Label::Match,
        Label::Message,
        Label::MessageId,
        Label::Cause,
        Label::Contact,
    ]
    .into_iter()
    .map(|l| column_title(lang, l))
    .collect();
    short.extend(shown.footnotes.iter().map(|n| n.marker.as_str()));
    label_width(&short)
}

/// 問合せ先, with what `-` means.
fn contact_lines(out: &mut String, width: usize, lang: Lang, contact: &str) {
    let mut text = contact.to_owned();
    if contact.trim() == "-" {
        text.push('\n');
        text.push_str(say::no_contact(lang));
    }
    field_line(out, width, column_title(lang, Label::Contact), &text);
}

/// One row: a line with its reference, its code's heading and tags, then its fields.
fn write_row(out: &mut String, lang: Lang, reason: Option<&str>, shown: &Shown<'_>) {
    heading_line(out, &shown.reference(), shown);
    write_fields(out, lang, reason, shown, true, true);
}

/// The fields of a row, labelled and aligned: whom to call first (unless said once for
/// the code), why it matched and the code's message, each when there is one; then the
/// row's texts in the workbook's order, a field's further lines under its first; the
/// footnotes it cites last.
fn write_fields(
    out: &mut String,
    lang: Lang,
    reason: Option<&str>,
    shown: &Shown<'_>,
    with_message: bool,
    with_contact: bool,
) {
    let row = shown.row;
    let width = width_for(lang, shown);
    if with_contact {
        contact_lines(out, width, lang, &row.contact);
    }
    if let Some(reason) = reason {
        field_line(out, width, label(lang, Label::Match), reason);
    }
    if let Some(message) = shown.message.filter(|_| with_message) {
        field_line(out, width, column_title(lang, Label::Message), message);
    }
    field_line(out, width, column_title(lang, Label::Kind), &row.kind);
    let ids = if row.message_ids.is_empty() {
        "-".to_owned()
    } else {
        let ids: Vec<String> = row.message_ids.iter().map(ToString::to_string).collect();
        ids.join("\n")
    };
    field_line(out, width, column_title(lang, Label::MessageId), &ids);
    field_line(out, width, column_title(lang, Label::Cause), &row.cause);
    let mut remedy = row.remedy.clone();
    if says_right_column(row) {
        remedy.push('\n');
        remedy.push_str(say::right_column(lang));
    }
    field_line(out, width, column_title(lang, Label::Remedy), &remedy);
    for note in &shown.footnotes {
        field_line(out, width, &note.marker, &note.text);
    }
}

/// Whether a row's remedy sends the reader to 右記, the workbook's column to its right (the
/// contact), where the contact names someone.
pub fn says_right_column(row: &oqs_messages_table::Row) -> bool {
    row.remedy.contains("右記") && row.contact.trim() != "-"
}

/// The contact every row of a run shares, if they all share one.
pub fn shared_contact<'r>(
    rows: impl IntoIterator<Item = &'r oqs_messages_table::Row>,
) -> Option<&'r str> {
    let mut rows = rows.into_iter();
    let first = rows.next()?.contact.as_str();
    rows.all(|r| r.contact == first).then_some(first)
}

/// The answer for people: an older version's answer headed with that version; a withdrawn
/// entry's notice and last rows; then the rows that answer, each with whom to call first;
/// last, the table's version. A code asked by its number is given as the page gives it:
/// the code's heading, tags, contact (when its rows share one) and message once, then its
/// rows; rows whose cause lists the number as a マイナポータル error code follow, each said
/// for what it is. Any other answer is one block per row. Nothing when nothing answers
/// (the failure is said apart: [`crate::Failure::say`]).
pub fn render_text(answer: &Answer<'_>, lang: Lang) -> String {
    let mut out = String::new();
    if !answer.newest {
        out.push_str(&say::older_heading(lang, answer.version, answer.source));
        out.push_str("\n\n");
    }
    if let Some(Read::IdPrefix(prefix)) = &answer.read {
        let ids = answer.ids_starting_with(prefix);
        let _ = writeln!(
            out,
            "{}\n",
            say::rows_for_id_prefix(
                lang,
                &prefix.shown(),
                ids,
                answer.matches.len(),
                answer.version
            )
        );
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
    let code_rows = answer.code_rows();
    let mut rest = &answer.matches[..];
    if code_rows > 0 {
        let (own, others) = answer.matches.split_at(code_rows);
        rest = others;
        let first = &own[0].shown;
        heading_line(&mut out, &first.code.to_string(), first);
        let width = width_for(lang, first);
        let shared = shared_contact(own.iter().map(|m| m.shown.row));
        if let Some(contact) = shared {
            contact_lines(&mut out, width, lang, contact);
        }
        if let Some(message) = first.message {
            field_line(&mut out, width, column_title(lang, Label::Message), message);
        }
        let _ = writeln!(out, "{}", say::rows_of_code(lang, own.len()));
        for m in own {
            out.push('\n');
            let _ = writeln!(out, "{}", m.shown.reference());
            write_fields(&mut out, lang, None, &m.shown, false, shared.is_none());
        }
        if !rest.is_empty() {
            out.push('\n');
        }
    }
    if answer.weak {
        let weak = say::weak(lang, answer.matches.len(), answer.version);
        let _ = writeln!(out, "{weak}:\n");
    }
    for (i, m) in rest.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let reason = reason_text(&m.reason, answer.words(), lang);
        write_row(&mut out, lang, Some(&reason), &m.shown);
    }
    if !answer.matches.is_empty() || answer.withdrawn.is_some() {
        let _ = writeln!(out, "\n{}", say::answered_by(lang, answer.version));
    }
    escape(&out)
}
