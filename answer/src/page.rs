//! The answer as the offline page shows it, in HTML: the status line and, code by code, the
//! rows with every field's text escaped, the words found marked (`<mark>`), every character
//! no one can see named, and badges for what a version added or withdrew. The page's script
//! puts it in place and decides nothing: what to say, which rows, in which order, what to
//! mark are all here. codegen writes the answer to the empty box (the whole table) into the
//! page itself, so that the table shows before the engine has loaded.

use std::fmt::Write;
use std::ops::Range;

use oqs_messages_text::fold::{folded, looked_for, placed};
use oqs_messages_text::query::QueryError;
use oqs_messages_text::search::Field;
use oqs_messages_text::unseen::unseen;
use serde::Serialize;

use crate::answer::{Answer, Failure, Match, Read, Reason, Shown};
use crate::data::TableData;
use crate::say::{self, label, Label, Lang};
use crate::text::reason_text;
use crate::Engine;

/// What the page shows for an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageAnswer {
    /// The status line's class: `""`, `none` (nothing answers) or `withdrawn`.
    pub class: &'static str,
    /// The status line, HTML: what it says, and the nearest words as buttons
    /// (`<button data-word="…">`) that search for them.
    pub status: String,
    /// The rows, HTML: a `<section class="code">` for each run of rows of one code, each
    /// row an `<article class="row" data-row="015-2">`.
    pub results: String,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        push_escaped(out, c);
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

/// The answer as the page shows it. An empty box shows the whole table.
pub fn render_page(engine: &Engine, answer: &Answer<'_>, lang: Lang) -> PageAnswer {
    let data = engine.data();
    let added = Added::new(data, lang);
    let mut page = Page {
        lang,
        added: &added,
        out: String::new(),
        open: None,
        seen: Vec::new(),
        rows: 0,
    };
    let mut near: &[String] = &[];
    let (class, status) = match &answer.failure {
        Some(Failure::Malformed {
            error: QueryError::Empty,
            ..
        }) => {
            for shown in engine.rows() {
                page.row(&shown, None, &[], None);
            }
            let line = say::whole_table(lang, data.table.codes.len(), page.rows, answer.version);
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
    if let Some(withdrawn) = &answer.withdrawn {
        let badge = Badge {
            text: say::removed_in(lang, withdrawn.removed_in),
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
        page.row(&m.shown, reason.as_deref(), &found_words(m), None);
    }
    page.close();
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

/// The status line of an answer with rows: its class and what it says.
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
    let line = match &answer.read {
        Some(Read::Words(words)) if words.split => say::rows_for_sentence(
            lang,
            count,
            answer.version,
            &words.taken_for,
            &words.unknown,
        ),
        Some(Read::Words(words)) => {
            say::rows_with_every_word(lang, &words.words, count, answer.version, &words.taken_for)
        }
        Some(Read::Query(query)) => {
            say::rows_for_query(lang, &say::read_as(lang, *query), count, answer.version)
        }
        None => String::new(),
    };
    ("", line)
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

/// A badge: added in a version, or removed.
struct Badge {
    text: String,
    class: &'static str,
}

impl Badge {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "<span class=\"badge {}\">", self.class);
        escape_into(out, &self.text);
        out.push_str("</span>");
    }
}

/// What the newest version added: codes, IDs, rows (each marked on the page).
struct Added {
    badge: Option<Badge>,
    codes: Vec<u16>,
    ids: Vec<oqs_messages_table::ListedId>,
    rows: Vec<(u16, usize)>,
}

impl Added {
    fn new(data: &TableData, lang: Lang) -> Added {
        let history = &data.history;
        let versions = &history.versions;
        let newest = &data.table.version;
        let Some(previous) = versions.len().checked_sub(2).map(|i| &versions[i]) else {
            return Added {
                badge: None,
                codes: Vec::new(),
                ids: Vec::new(),
                rows: Vec::new(),
            };
        };
        let added_now = |listed_in: &[oqs_messages_table::Version]| {
            listed_in.contains(newest) && !listed_in.contains(previous)
        };
        Added {
            badge: Some(Badge {
                text: say::added_in(lang, newest.as_str()),
                class: "added",
            }),
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
}

/// The results under way: sections of consecutive rows of one code.
struct Page<'a> {
    lang: Lang,
    added: &'a Added,
    out: String,
    /// The section open: its code and whether its rows are withdrawn.
    open: Option<(u16, bool)>,
    /// The codes a section was opened for, so that an id is given once.
    seen: Vec<u16>,
    rows: usize,
}

impl Page<'_> {
    fn close(&mut self) {
        if self.open.take().is_some() {
            self.out.push_str("</section>\n");
        }
    }

    /// Opens the section of a row's code unless the last one is it (and as current or
    /// withdrawn).
    fn section(
        &mut self,
        shown: &Shown<'_>,
        withdrawn: Option<&Badge>,
        found: &[(Field, &[String])],
    ) {
        let number = shown.code.get();
        if self.open == Some((number, withdrawn.is_some())) {
            return;
        }
        self.close();
        self.open = Some((number, withdrawn.is_some()));
        let out = &mut self.out;
        out.push_str(if withdrawn.is_some() {
            "<section class=\"code withdrawn\""
        } else {
            "<section class=\"code\""
        });
        if !self.seen.contains(&number) {
            self.seen.push(number);
            let _ = write!(out, " id=\"{}\"", shown.code);
        }
        let _ = write!(out, "><h2><span class=\"number\">{}</span>", shown.code);
        out.push_str("<span class=\"heading\">");
        write_text(out, shown.heading, words_in(found, Field::Heading));
        out.push_str("</span><span class=\"tags\">");
        let tags: String = shown.tags.iter().map(|t| format!("【{t}】")).collect();
        write_text(out, &tags, words_in(found, Field::Tags));
        out.push_str("</span>");
        match withdrawn {
            Some(badge) => badge.write(out),
            None if self.added.codes.contains(&number) => {
                if let Some(badge) = &self.added.badge {
                    badge.write(out);
                }
            }
            None => {}
        }
        out.push_str("</h2>");
        if let Some(message) = shown.message {
            out.push_str("<dl class=\"message\">");
            field(
                out,
                label(self.lang, Label::Message),
                None,
                message,
                words_in(found, Field::Message),
            );
            out.push_str("</dl>");
        }
        out.push('\n');
    }

    /// A row, in the section of its code; `withdrawn` is the badge of a withdrawn code's
    /// or ID's rows.
    fn row(
        &mut self,
        shown: &Shown<'_>,
        reason: Option<&str>,
        found: &[(Field, &[String])],
        withdrawn: Option<&Badge>,
    ) {
        self.section(shown, withdrawn, found);
        self.rows += 1;
        let lang = self.lang;
        let added = self.added.badge.as_ref().filter(|_| withdrawn.is_none());
        let reference = shown.reference();
        let out = &mut self.out;
        let _ = write!(
            out,
            "<article class=\"row\" data-row=\"{reference}\"><div><span class=\"ref\">{reference}</span>"
        );
        if let Some(badge) =
            added.filter(|_| self.added.rows.contains(&(shown.code.get(), shown.number)))
        {
            badge.write(out);
        }
        if let Some(reason) = reason {
            out.push_str("<span class=\"reason\">");
            write_text(out, reason, &[]);
            out.push_str("</span>");
        }
        out.push_str("</div><dl>");
        let row = shown.row;
        field(
            out,
            label(lang, Label::Kind),
            None,
            &row.kind,
            words_in(found, Field::Kind),
        );
        let _ = write!(
            out,
            "<dt>{}</dt><dd class=\"ids\">",
            label(lang, Label::MessageId)
        );
        if row.message_ids.is_empty() {
            out.push('-');
        }
        for (i, id) in row.message_ids.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            write_text(out, &id.to_string(), &[]);
            if let Some(badge) = added.filter(|_| self.added.ids.contains(id)) {
                badge.write(out);
            }
        }
        out.push_str("</dd>");
        field(
            out,
            label(lang, Label::Cause),
            None,
            &row.cause,
            words_in(found, Field::Cause),
        );
        field(
            out,
            label(lang, Label::Remedy),
            None,
            &row.remedy,
            words_in(found, Field::Remedy),
        );
        field(
            out,
            label(lang, Label::Contact),
            None,
            &row.contact,
            words_in(found, Field::Contact),
        );
        for note in &shown.footnotes {
            field(
                out,
                &note.marker,
                None,
                &note.text,
                words_in(found, Field::Footnote),
            );
        }
        out.push_str("</dl></article>\n");
    }
}

/// `<dt>label</dt><dd>text</dd>`, the words marked.
fn field(out: &mut String, label: &str, class: Option<&str>, text: &str, words: &[String]) {
    out.push_str("<dt>");
    escape_into(out, label);
    match class {
        Some(class) => {
            let _ = write!(out, "</dt><dd class=\"{class}\">");
        }
        None => out.push_str("</dt><dd>"),
    }
    write_text(out, text, words);
    out.push_str("</dd>");
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
    if words.is_empty() {
        return Vec::new();
    }
    let folded_text: Vec<_> = placed(text).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for word in words {
        let chars: Vec<char> = folded(word).collect();
        let needle = &chars[..looked_for(&chars)];
        if needle.is_empty() || needle.len() > folded_text.len() {
            continue;
        }
        let mut at = 0;
        while at + needle.len() <= folded_text.len() {
            let here = &folded_text[at..at + needle.len()];
            if here.iter().map(|p| p.c).eq(needle.iter().copied()) {
                ranges.push(here[0].start..here[needle.len() - 1].end);
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

/// A text as HTML: escaped, the words marked, every character no one can see shown as a
/// symbol that names it (`␛`, `U+200B`), never raw and never as nothing.
pub fn write_text(out: &mut String, text: &str, words: &[String]) {
    let mut at = 0;
    for range in marks(words, text) {
        write_plain(out, &text[at..range.start]);
        out.push_str("<mark>");
        write_plain(out, &text[range.clone()]);
        out.push_str("</mark>");
        at = range.end;
    }
    write_plain(out, &text[at..]);
}

/// A text escaped, its unseen characters named.
fn write_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        let Some(u) = unseen(c) else {
            push_escaped(out, c);
            continue;
        };
        let code = c as u32;
        let _ = write!(
            out,
            "<span class=\"unseen {}\" title=\"U+{code:04X} {}\">",
            u.kind.as_str(),
            u.name
        );
        match code {
            0..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
            0x7F => out.push('\u{2421}'),
            _ => {
                let _ = write!(out, "U+{code:04X}");
            }
        }
        out.push_str("</span>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_marked_and_their_unseen_characters_named() {
        let mut out = String::new();
        write_text(
            &mut out,
            "<ﾛｯｸ>&\u{1B}ロック\u{200B}",
            &["ろっく".to_owned()],
        );
        assert_eq!(
            out,
            "&lt;<mark>ﾛｯｸ</mark>&gt;&amp;<span class=\"unseen control\" title=\"U+001B ESC\">\u{241B}</span>\
             <mark>ロック</mark><span class=\"unseen format\" title=\"U+200B ZERO WIDTH SPACE\">U+200B</span>"
        );
    }

    #[test]
    fn overlapping_words_are_marked_once() {
        let words = [
            "暗証".to_owned(),
            "証番号".to_owned(),
            "読み取り".to_owned(),
        ];
        assert_eq!(marks(&words, "暗証番号と読取不可"), [0..12, 15..21]);
        assert_eq!(marks(&[], "暗証番号"), []);
    }
}
