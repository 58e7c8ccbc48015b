//! The answer as the offline page shows it, in HTML: the status line (what was read and why
//! the rows answer, said once), the filters and their counts, under an empty box an overview
//! of the codes by category, and, code by code, the rows: whom to call first and set apart,
//! a link and a copy control on each, every field's text escaped under the workbook's column
//! title, the words found marked (`<mark>`), every character no one can see named, and
//! badges for what a version added or withdrew. The page's script puts it in place and
//! decides nothing: what to say, which rows, in which order, what to mark, what a filter
//! keeps are all here (and what a copy holds in [`crate::ticket()`]). codegen writes the answer
//! to the empty box (the whole table) into the page itself, so that the table shows before
//! the engine has loaded.

mod filter;
mod html;
mod rows;

use std::fmt::Write;

use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::Field;
use serde::Serialize;

use crate::answer::{codes_of, Answer, Failure, Read, Reason, Shown};
use crate::say::{self, Lang, ReasonKind};
use crate::Engine;

/// What the page shows for an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageAnswer {
    /// The status line's class: `""`, `none` (nothing answers) or `withdrawn`.
    pub class: &'static str,
    /// The status line, HTML: what it says, and the nearest words as buttons
    /// (`<button data-word="…">`) that search for them.
    pub status: String,
    /// The rows, HTML: the filters (`<div class="tools">`, where there is a choice), the
    /// overview under an empty box (`<nav class="overview">`), then a
    /// `<section class="code">` for each run of rows of one code, each row an
    /// `<article class="row" data-row="015-2">`.
    pub results: String,
}

impl PageAnswer {
    /// The answer as the page's script reads it: the class, the status line and the rows,
    /// each ended by NUL, which no HTML written here holds (a NUL of a text is shown as
    /// `␀`, [`escape`]). Cheaper than JSON on both sides: no escaping, no parsing, one split.
    pub fn for_script(&self) -> String {
        let mut out =
            String::with_capacity(self.class.len() + self.status.len() + self.results.len() + 3);
        for part in [self.class, &self.status, &self.results] {
            out.push_str(part);
            out.push('\0');
        }
        out
    }
}

pub use filter::{contact_party, Filter};
pub use html::{escape, marks, write_text};

use html::escape_into;
use rows::{Added, Badge, Page};

/// The answer as the page shows it. An empty box shows the whole table.
pub fn render_page(engine: &Engine, answer: &Answer<'_>, lang: Lang) -> PageAnswer {
    render_page_filtered(engine, answer, &Filter::default(), lang)
}

/// A row the page shows: why it answers (none for the whole table's and a withdrawn
/// entry's rows), and the badge of a withdrawn entry's rows.
pub(super) struct Item<'a, 'e> {
    shown: &'a Shown<'e>,
    reason: Option<&'a Reason<'e>>,
    withdrawn: Option<&'a Badge>,
}

/// The answer as the page shows it, only the rows a filter admits. The status line says
/// what was read and why the rows answer, once; with an empty box the whole table comes
/// with an overview of every code by category; the filters and their counts head the rows.
pub fn render_page_filtered(
    engine: &Engine,
    answer: &Answer<'_>,
    filter: &Filter,
    lang: Lang,
) -> PageAnswer {
    let data = engine.data();
    let added = Added::new(data, lang);
    let whole = matches!(
        answer.failure,
        Some(Failure::Malformed {
            error: QueryError::Empty,
            ..
        })
    );
    let table_rows: Vec<Shown<'_>> = if whole {
        engine.rows().collect()
    } else {
        Vec::new()
    };
    let withdrawn_badge = answer.withdrawn.as_ref().map(|w| Badge {
        text: say::removed_in(lang, w.removed_in),
        class: "withdrawn",
    });
    let mut items: Vec<Item<'_, '_>> = table_rows
        .iter()
        .map(|shown| Item {
            shown,
            reason: None,
            withdrawn: None,
        })
        .collect();
    if let (Some(withdrawn), Some(badge)) = (&answer.withdrawn, &withdrawn_badge) {
        items.extend(withdrawn.rows.iter().map(|shown| Item {
            shown,
            reason: None,
            withdrawn: Some(badge),
        }));
    }
    items.extend(answer.matches.iter().map(|m| Item {
        shown: &m.shown,
        reason: Some(&m.reason),
        withdrawn: None,
    }));
    let kept: Vec<&Item<'_, '_>> = items.iter().filter(|i| filter.admits(i.shown)).collect();

    let mut near: &[String] = &[];
    let (class, mut status) = match &answer.failure {
        Some(Failure::Malformed {
            error: QueryError::Empty,
            ..
        }) => {
            let line = say::whole_table(lang, data.table.codes.len(), items.len(), answer.version);
            ("", line)
        }
        Some(failure @ Failure::Malformed { .. }) => ("none", failure.say(lang)),
        Some(Failure::NoWords {
            words,
            version,
            nearest,
        }) => {
            near = nearest;
            let line = say::no_words(lang, words, version, &[]);
            ("none", format!("{}{line}", say::nothing_found(lang)))
        }
        Some(failure) if answer.withdrawn.is_none() => (
            "none",
            format!("{}{}", say::nothing_found(lang), failure.say(lang)),
        ),
        _ => found_status(answer, lang),
    };
    if filter.is_on() {
        status.push_str(&say::filtered(
            lang,
            kept.len(),
            items.len(),
            &filter.said(lang),
        ));
    }

    let mut page = Page {
        lang,
        added: &added,
        out: String::new(),
        seen: Vec::new(),
        split: answer.words().is_some_and(|w| w.split),
    };
    if !items.is_empty() {
        page.tools(&items, &kept, filter);
    }
    if whole {
        page.overview(&kept);
    }
    let mut at = 0;
    while at < kept.len() {
        let first = kept[at];
        let same = |i: &&&Item<'_, '_>| {
            i.shown.code == first.shown.code && i.withdrawn.is_some() == first.withdrawn.is_some()
        };
        let run = kept[at..].iter().take_while(same).count();
        page.section(&kept[at..at + run], answer.words());
        at += run;
    }

    let mut status_html = String::new();
    write_text(&mut status_html, &status, &[]);
    if !near.is_empty() {
        status_html.push_str("<span class=\"near\"> ");
        escape_into(&mut status_html, say::nearest_words(lang));
        for word in near {
            let word = escape(word);
            let _ = write!(
                status_html,
                "<button type=\"button\" data-word=\"{word}\">{word}</button>"
            );
        }
        status_html.push_str("</span>");
    }
    PageAnswer {
        class,
        status: status_html,
        results: page.out,
    }
}

/// Why a row answers, as a kind.
pub(super) fn reason_kind(reason: &Reason<'_>) -> ReasonKind {
    match reason {
        Reason::Code => ReasonKind::Code,
        Reason::MessageId(_) => ReasonKind::MessageId,
        Reason::Range { .. } => ReasonKind::Range,
        Reason::ReceivedCode(_) => ReasonKind::Received,
        Reason::PortalError(_) => ReasonKind::Portal,
        Reason::Text(_) => ReasonKind::Words,
        Reason::Alike => ReasonKind::Alike,
    }
}

/// The status line of an answer with rows: its class and what it says, and why the rows
/// answer, once for all (counted by reason where they answer for several).
fn found_status(answer: &Answer<'_>, lang: Lang) -> (&'static str, String) {
    let count = answer.matches.len();
    if answer.weak {
        let weak = say::weak(lang, count, answer.version);
        let how = answer
            .words()
            .map(|w| say::split_note(lang, &w.unknown, &w.taken_for))
            .unwrap_or_default();
        return ("none", format!("{}{weak}{how}", say::nothing_found(lang)));
    }
    if let Some(withdrawn) = &answer.withdrawn {
        let notice = say::withdrawn(
            lang,
            withdrawn.what,
            answer.version,
            withdrawn.removed_in,
            withdrawn.last_version,
        );
        return ("withdrawn", notice);
    }
    let code_rows = answer.code_rows();
    // Rows of codes the callers' sentences favour were not found by the words: said apart.
    // They follow every row the words found.
    let by_words = answer
        .matches
        .iter()
        .position(|m| m.reason == Reason::Alike)
        .unwrap_or(count);
    let offered = &answer.matches[by_words..];
    let alike: Vec<String> = codes_of(offered).iter().map(|c| c.to_string()).collect();
    let alike_rows = offered.len();
    let line = match &answer.read {
        Some(Read::Words(words)) if words.split => {
            say::rows_for_sentence(
                lang,
                by_words,
                answer.version,
                &words.taken_for,
                &words.unknown,
            ) + &say::alike_note(lang, &alike, alike_rows)
        }
        Some(Read::Words(words)) => {
            say::rows_with_every_word(
                lang,
                &words.words,
                by_words,
                answer.version,
                &words.taken_for,
            ) + &say::alike_note(lang, &alike, alike_rows)
        }
        Some(Read::Query(Query::Code(number))) if code_rows > 0 && code_rows < count => {
            say::rows_of_code_and_portal(
                lang,
                *number,
                code_rows,
                count - code_rows,
                answer.version,
            )
        }
        Some(Read::PortalUnderCode { code, portal }) => say::rows_for_query(
            lang,
            &say::portal_under_code(lang, *code, *portal),
            count,
            answer.version,
        ),
        Some(Read::Query(query)) => {
            let mut line =
                say::rows_for_query(lang, &say::read_as(lang, *query), count, answer.version);
            let mut kinds: Vec<(ReasonKind, usize)> = Vec::new();
            for m in &answer.matches {
                let kind = reason_kind(&m.reason);
                match kinds.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((kind, 1)),
                }
            }
            if kinds.len() > 1 {
                line.push_str(&say::reasons_breakdown(lang, &kinds));
            }
            line
        }
        Some(Read::IdPrefix(prefix)) => say::rows_for_id_prefix(
            lang,
            &prefix.shown(),
            answer.ids_starting_with(prefix),
            count,
            answer.version,
        ),
        None => String::new(),
    };
    ("", line)
}

/// For each field, the words found in it (none but for a search by words), a single
/// character only where it was typed as a word of its own, not taken out of a sentence.
pub(super) fn found_words<'m>(
    reason: Option<&'m Reason<'_>>,
    split: bool,
) -> Vec<(Field, Vec<&'m str>)> {
    match reason {
        Some(Reason::Text(reason)) => reason
            .found()
            .into_iter()
            .map(|(field, words)| {
                let marked = words
                    .into_iter()
                    .filter(|w| !split || w.chars().count() > 1)
                    .collect();
                (field, marked)
            })
            .collect(),
        _ => Vec::new(),
    }
}
