//! The answer as the offline page draws it: the status line and, code by code, the rows
//! with every field's text in pieces (plain, marked where a word was found, a character no
//! one can see named, a badge). The page's script turns these into elements and decides
//! nothing: what to say, which rows, in which order, what to mark are all here.

use std::ops::Range;

use oqs_messages_text::fold::{looked_for, placed};
use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::Field;
use oqs_messages_text::unseen::unseen;
use serde::Serialize;

use crate::answer::{Answer, Failure, Match, Read, Reason, Shown};
use crate::data::TableData;
use crate::say::{self, label, Label, Lang};
use crate::text::reason_text;
use crate::Engine;

/// A piece of a text as the page draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Piece {
    /// Text as it is.
    Plain(String),
    /// Text where a word searched for was found.
    Marked {
        /// Its pieces.
        mark: Vec<Piece>,
    },
    /// A character no one can see, shown as a symbol that names it.
    Unseen {
        /// What is shown: `␛`, `U+200B`.
        unseen: String,
        /// Its code point and name: `U+001B ESC`.
        title: String,
        /// `control`, `format` or `bidi`.
        kind: &'static str,
    },
    /// A badge: added or removed in a version.
    Badge {
        /// Its text.
        badge: String,
        /// `added` or `withdrawn`.
        class: &'static str,
    },
}

/// The status line over the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Status {
    /// `""`, `none` (nothing answers) or `withdrawn`.
    pub class: &'static str,
    /// What it says.
    pub text: Vec<Piece>,
    /// The table's words nearest the words searched for, each a button that searches it.
    pub near: Vec<String>,
    /// What goes before them.
    pub near_label: &'static str,
}

/// A code and the rows of it that answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The element's id: the code's number, on the first section of that code only.
    pub id: Option<String>,
    /// The code's number.
    pub number: String,
    /// Its heading.
    pub heading: Vec<Piece>,
    /// Its tags, each in brackets.
    pub tags: Vec<Piece>,
    /// Added in the newest version, or withdrawn.
    pub badge: Option<Piece>,
    /// Whether these are a withdrawn code's or ID's rows as last published.
    pub withdrawn: bool,
    /// Its message, labelled.
    pub message: Option<FieldView>,
    /// The rows.
    pub rows: Vec<RowView>,
}

/// A row of a section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowView {
    /// `015-2`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Added in the newest version.
    pub badge: Option<Piece>,
    /// Why it answers (none for the rows of a code asked for).
    pub reason: Option<Vec<Piece>>,
    /// Its fields, labelled, in the table's column order, the footnotes it cites last.
    pub fields: Vec<FieldView>,
}

/// A labelled field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldView {
    /// The label: the table's column title.
    pub label: String,
    /// `ids` for the message IDs, one a line.
    pub class: Option<&'static str>,
    /// The text.
    pub text: Vec<Piece>,
}

/// What the page draws for an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageAnswer {
    /// The status line.
    pub status: Status,
    /// Code by code, the rows shown.
    pub sections: Vec<Section>,
}

/// The answer as the page draws it. An empty box shows the whole table.
pub fn render_page(engine: &Engine, answer: &Answer<'_>, lang: Lang) -> PageAnswer {
    let data = engine.data();
    let added = Added::new(data);
    let mut page = Page {
        lang,
        added: &added,
        sections: Vec::new(),
        seen: Vec::new(),
    };
    let status = match &answer.failure {
        Some(Failure::Malformed {
            error: QueryError::Empty,
            ..
        }) => {
            for shown in engine.rows() {
                page.row(&shown, None, &[], None);
            }
            plain_status(
                "",
                say::whole_table(
                    lang,
                    data.table.codes.len(),
                    page.row_count(),
                    answer.version,
                ),
            )
        }
        Some(failure @ Failure::Malformed { .. }) => plain_status("none", failure.say(lang)),
        Some(Failure::NoWords {
            words,
            version,
            nearest,
        }) => Status {
            class: "none",
            text: pieces(
                &format!(
                    "{}{}",
                    say::nothing_found(lang),
                    say::no_words(lang, words, version, &[])
                ),
                &[],
            ),
            near: nearest.clone(),
            near_label: say::nearest_words(lang),
        },
        Some(failure) if answer.withdrawn.is_none() => plain_status(
            "none",
            format!("{}{}", say::nothing_found(lang), failure.say(lang)),
        ),
        _ => found_status(answer, lang),
    };
    if let Some(withdrawn) = &answer.withdrawn {
        let badge = Piece::Badge {
            badge: say::removed_in(lang, withdrawn.removed_in),
            class: "withdrawn",
        };
        for shown in &withdrawn.rows {
            page.row(shown, None, &[], Some(&badge));
        }
    }
    for m in &answer.matches {
        let reason = match &m.reason {
            Reason::Code => None,
            reason => Some(format!(
                "{}: {}",
                label(lang, Label::Match),
                reason_text(reason, answer.words(), lang)
            )),
        };
        page.row(&m.shown, reason, &found_words(m), None);
    }
    PageAnswer {
        status,
        sections: page.sections,
    }
}

/// The status line of an answer with rows.
fn found_status(answer: &Answer<'_>, lang: Lang) -> Status {
    let count = answer.matches.len();
    let text = match (&answer.read, &answer.withdrawn) {
        (_, Some(withdrawn)) => {
            let notice = say::withdrawn(
                lang,
                withdrawn.what,
                answer.version,
                withdrawn.removed_in,
                withdrawn.last_version,
            );
            return plain_status("withdrawn", notice);
        }
        (Some(Read::Words(words)), _) if words.split => say::rows_for_sentence(
            lang,
            count,
            answer.version,
            &words.taken_for,
            &words.unknown,
        ),
        (Some(Read::Words(words)), _) => {
            say::rows_with_every_word(lang, &words.words, count, answer.version, &words.taken_for)
        }
        (Some(Read::Query(query)), _) => {
            let read = match *query {
                Query::Code(n) => say::read_as(lang, Some(n), None, None),
                Query::Value(v) => say::read_as(lang, None, Some(v), None),
                Query::Pair(n, v) => say::read_as(lang, Some(n), Some(v), None),
                Query::Portal(n) => say::read_as(lang, None, None, Some(n)),
            };
            say::rows_for_query(lang, &read, count, answer.version)
        }
        (None, _) => String::new(),
    };
    plain_status("", text)
}

fn plain_status(class: &'static str, text: String) -> Status {
    Status {
        class,
        text: pieces(&text, &[]),
        near: Vec::new(),
        near_label: "",
    }
}

/// For each field, the words found in it (none but for a search by words).
fn found_words<'m>(m: &'m Match<'_>) -> Vec<(Field, &'m [String])> {
    match &m.reason {
        Reason::Text(reason) => reason
            .found
            .iter()
            .map(|(field, words)| (*field, words.as_slice()))
            .collect(),
        _ => Vec::new(),
    }
}

/// What the newest version added: codes, IDs, rows (each marked on the page).
struct Added {
    newest: String,
    codes: Vec<u16>,
    ids: Vec<oqs_messages_table::ListedId>,
    rows: Vec<(u16, usize)>,
}

impl Added {
    fn new(data: &TableData) -> Added {
        let history = &data.history;
        let versions = &history.versions;
        let newest = data.table.version.clone();
        let previous = versions.len().checked_sub(2).map(|i| &versions[i]);
        let added_now = |listed_in: &[oqs_messages_table::Version]| {
            previous.is_some_and(|p| listed_in.contains(&newest) && !listed_in.contains(p))
        };
        Added {
            newest: newest.as_str().to_owned(),
            codes: history
                .codes
                .iter()
                .filter(|c| added_now(&c.listed_in))
                .map(|c| c.number.get())
                .collect(),
            ids: history
                .message_ids
                .iter()
                .filter(|l| added_now(&l.listed_in))
                .map(|l| l.id)
                .collect(),
            rows: history
                .rows_added
                .iter()
                .map(|p| (p.code.get(), p.row))
                .collect(),
        }
    }

    fn badge(&self, lang: Lang) -> Piece {
        Piece::Badge {
            badge: say::added_in(lang, &self.newest),
            class: "added",
        }
    }
}

/// Sections under way.
struct Page<'a> {
    lang: Lang,
    added: &'a Added,
    sections: Vec<Section>,
    /// The codes a section was opened for, so that an id is given once.
    seen: Vec<String>,
}

impl Page<'_> {
    fn row_count(&self) -> usize {
        self.sections.iter().map(|s| s.rows.len()).sum()
    }

    /// The section a row goes into: the last one when it is of the same code (and as
    /// current or withdrawn), else a new one.
    fn section(
        &mut self,
        shown: &Shown<'_>,
        withdrawn: Option<Piece>,
        found: &[(Field, &[String])],
    ) -> &mut Section {
        let number = shown.code.to_string();
        let same = self
            .sections
            .last()
            .is_some_and(|s| s.number == number && s.withdrawn == withdrawn.is_some());
        if !same {
            let words = |field: Field| words_in(found, field);
            let id = (!self.seen.contains(&number)).then(|| number.clone());
            self.seen.push(number.clone());
            let tags: String = shown.tags.iter().map(|t| format!("【{t}】")).collect();
            let badge = match withdrawn.clone() {
                Some(badge) => Some(badge),
                None if self.added.codes.contains(&shown.code.get()) => {
                    Some(self.added.badge(self.lang))
                }
                None => None,
            };
            self.sections.push(Section {
                id,
                number,
                heading: pieces(shown.heading, words(Field::Heading)),
                tags: pieces(&tags, words(Field::Tags)),
                badge,
                withdrawn: withdrawn.is_some(),
                message: shown.message.map(|message| FieldView {
                    label: label(self.lang, Label::Message).to_owned(),
                    class: None,
                    text: pieces(message, words(Field::Message)),
                }),
                rows: Vec::new(),
            });
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    /// Adds a row to the section of its code; `withdrawn` is the badge of a withdrawn
    /// code's or ID's rows.
    fn row(
        &mut self,
        shown: &Shown<'_>,
        reason: Option<String>,
        found: &[(Field, &[String])],
        withdrawn: Option<&Piece>,
    ) {
        let lang = self.lang;
        let added = self.added;
        let badge = (withdrawn.is_none() && added.rows.contains(&(shown.code.get(), shown.number)))
            .then(|| added.badge(lang));
        let words = |field: Field| words_in(found, field);
        let row = shown.row;
        let mut ids = Vec::new();
        for (i, id) in row.message_ids.iter().enumerate() {
            if i > 0 {
                ids.push(Piece::Plain("\n".to_owned()));
            }
            ids.extend(pieces(&id.to_string(), &[]));
            if withdrawn.is_none() && added.ids.contains(id) {
                ids.push(added.badge(lang));
            }
        }
        if ids.is_empty() {
            ids.push(Piece::Plain("-".to_owned()));
        }
        let field = |l: Label, text: &str, field: Field| FieldView {
            label: label(lang, l).to_owned(),
            class: None,
            text: pieces(text, words(field)),
        };
        let mut fields = vec![
            field(Label::Kind, &row.kind, Field::Kind),
            FieldView {
                label: label(lang, Label::MessageId).to_owned(),
                class: Some("ids"),
                text: ids,
            },
            field(Label::Cause, &row.cause, Field::Cause),
            field(Label::Remedy, &row.remedy, Field::Remedy),
            field(Label::Contact, &row.contact, Field::Contact),
        ];
        for note in &shown.footnotes {
            fields.push(FieldView {
                label: note.marker.clone(),
                class: None,
                text: pieces(&note.text, words(Field::Footnote)),
            });
        }
        let view = RowView {
            reference: shown.reference(),
            badge,
            reason: reason.map(|r| pieces(&r, &[])),
            fields,
        };
        self.section(shown, withdrawn.cloned(), found)
            .rows
            .push(view);
    }
}

fn words_in<'f>(found: &[(Field, &'f [String])], field: Field) -> &'f [String] {
    found
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(&[], |(_, words)| words)
}

/// Where the words stand in a text as published, in bytes: every occurrence of each word
/// as it is looked for (folded, a last okurigana left off), overlapping ones merged.
pub fn marks(words: &[String], text: &str) -> Vec<Range<usize>> {
    let folded: Vec<_> = placed(text).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for word in words {
        let chars: Vec<char> = oqs_messages_text::fold::folded(word).collect();
        let needle = &chars[..looked_for(&chars)];
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        let mut at = 0;
        while at + needle.len() <= folded.len() {
            if folded[at..at + needle.len()]
                .iter()
                .map(|p| p.c)
                .eq(needle.iter().copied())
            {
                ranges.push(folded[at].start..folded[at + needle.len() - 1].end);
                at += needle.len();
            } else {
                at += 1;
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// A text in pieces: the words marked, every character no one can see named.
pub fn pieces(text: &str, words: &[String]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in marks(words, text) {
        unseen_pieces(&text[at..range.start], &mut out);
        let mut mark = Vec::new();
        unseen_pieces(&text[range.clone()], &mut mark);
        out.push(Piece::Marked { mark });
        at = range.end;
    }
    unseen_pieces(&text[at..], &mut out);
    out
}

/// A text's plain runs and its unseen characters, each named.
fn unseen_pieces(text: &str, out: &mut Vec<Piece>) {
    let mut plain = String::new();
    for c in text.chars() {
        let Some(u) = unseen(c) else {
            plain.push(c);
            continue;
        };
        if !plain.is_empty() {
            out.push(Piece::Plain(std::mem::take(&mut plain)));
        }
        let code = c as u32;
        let symbol = match code {
            0..=0x1F => char::from_u32(0x2400 + code).map_or_else(String::new, String::from),
            0x7F => "\u{2421}".to_owned(),
            _ => format!("U+{code:04X}"),
        };
        out.push(Piece::Unseen {
            unseen: symbol,
            title: format!("U+{code:04X} {}", u.name),
            kind: u.kind.as_str(),
        });
    }
    if !plain.is_empty() {
        out.push(Piece::Plain(plain));
    }
}
