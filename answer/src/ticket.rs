//! A row as plain text for a ticket or an e-mail: the code and its heading, the message ID,
//! the error kind, whom to call, the cause and the remedy as published, the footnotes the
//! row cites, the row's place in the table and the table's version. The row is named as
//! the workbook shows it (its code and message ID, and its place under the code), the
//! page's reference only beside. The page's copy control copies it and `explain --ticket`
//! prints it: one function, so that both give the same text.

use std::fmt::Write;

use oqs_messages_table::unseen::escape;
use oqs_messages_text::query::Query;

use crate::answer::{Answer, Read, Reason, Shown, Withdrawn};
use crate::engine::detail_code_text;
use crate::say::{self, column_title, Label, Lang};
use crate::Engine;

/// The ticket of one row of an answer, by its reference (`015-1`): a withdrawn row, a
/// matching row (said with the value asked), or, for any other row of the table (the whole
/// table, an empty box), the row as it stands. `None` when the table has no such row.
pub fn ticket(engine: &Engine, answer: &Answer<'_>, reference: &str, lang: Lang) -> Option<String> {
    if let Some(withdrawn) = &answer.withdrawn {
        if let Some(shown) = withdrawn.rows.iter().find(|s| s.reference() == reference) {
            return Some(ticket_of(
                engine,
                answer,
                shown,
                None,
                Some(withdrawn),
                lang,
            ));
        }
    }
    if let Some(m) = answer
        .matches
        .iter()
        .find(|m| m.shown.reference() == reference)
    {
        return Some(ticket_of(
            engine,
            answer,
            &m.shown,
            Some(&m.reason),
            None,
            lang,
        ));
    }
    let shown = engine.rows().find(|s| s.reference() == reference)?;
    Some(ticket_of(engine, answer, &shown, None, None, lang))
}

/// The tickets of every row an answer shows, in its order: `explain --ticket`.
pub fn tickets(engine: &Engine, answer: &Answer<'_>, lang: Lang) -> Vec<String> {
    let withdrawn = answer.withdrawn.iter().flat_map(|w| {
        w.rows
            .iter()
            .map(move |shown| ticket_of(engine, answer, shown, None, Some(w), lang))
    });
    let current = answer
        .matches
        .iter()
        .map(|m| ticket_of(engine, answer, &m.shown, Some(&m.reason), None, lang));
    withdrawn.chain(current).collect()
}

/// `label: text` on one line, or the label and the text under it when the text has several.
fn line(out: &mut String, label: &str, text: &str) {
    if text.contains('\n') {
        let _ = writeln!(out, "{label}:\n{}", text.trim_end());
    } else {
        let _ = writeln!(out, "{label}: {text}");
    }
}

fn ticket_of(
    engine: &Engine,
    answer: &Answer<'_>,
    shown: &Shown<'_>,
    reason: Option<&Reason<'_>>,
    withdrawn: Option<&Withdrawn<'_>>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let row = shown.row;
    let code = shown.code.to_string();
    if let Some(w) = withdrawn {
        let _ = writeln!(
            out,
            "{}",
            say::ticket_withdrawn(lang, w.removed_in, w.last_version)
        );
    }
    let tags: String = shown.tags.iter().map(|t| format!("【{t}】")).collect();
    let _ = writeln!(
        out,
        "{} {} {tags}",
        say::ticket_code(lang, &code),
        shown.heading
    );
    let listed: Vec<String> = row.message_ids.iter().map(ToString::to_string).collect();
    let listed = if listed.is_empty() {
        "-".to_owned()
    } else {
        listed.join(lang.pick("、", ", "))
    };
    let asked = match answer.read {
        Some(Read::Query(Query::Value(v) | Query::Pair(_, v))) => Some(v),
        _ => None,
    };
    let id_label = column_title(lang, Label::MessageId);
    match (reason, asked) {
        (Some(Reason::MessageId(id)), _) => line(&mut out, id_label, &format!("0x{id:08X}")),
        (Some(Reason::Range { start, end }), Some(value)) => line(
            &mut out,
            id_label,
            &say::ticket_in_range(lang, value, *start, *end),
        ),
        (Some(Reason::ReceivedCode(detail)), _) => {
            let code = detail_code_text(detail.code);
            line(
                &mut out,
                say::ticket_error_code(lang),
                &format!("{code}：{}", detail.text),
            );
            line(&mut out, id_label, &listed);
        }
        _ => line(&mut out, id_label, &listed),
    }
    line(&mut out, column_title(lang, Label::Kind), &row.kind);
    line(&mut out, column_title(lang, Label::Contact), &row.contact);
    if row.contact.trim() == "-" {
        let _ = writeln!(out, "{}", say::no_contact(lang));
    }
    line(&mut out, column_title(lang, Label::Cause), &row.cause);
    line(&mut out, column_title(lang, Label::Remedy), &row.remedy);
    for note in &shown.footnotes {
        let _ = writeln!(out, "{} {}", note.marker, note.text.trim_end());
    }
    let _ = writeln!(
        out,
        "{}",
        say::ticket_place(lang, &code, shown.number, &shown.reference())
    );
    let _ = writeln!(
        out,
        "{}",
        say::ticket_source(lang, &engine.data().table.title, answer.version)
    );
    escape(&out)
}
