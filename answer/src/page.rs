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

use std::fmt::Write;
use std::ops::Range;

use oqs_messages_text::fold::{folded, looked_for, placed};
use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::Field;
use oqs_messages_text::unseen::unseen;
use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Failure, Read, Reason, Shown, WordsRead};
use crate::data::TableData;
use crate::say::{self, column_title, label, Label, Lang, ReasonKind};
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
    /// The rows, HTML: the filters (`<div class="tools">`, where there is a choice), the
    /// overview under an empty box (`<nav class="overview">`), then a
    /// `<section class="code">` for each run of rows of one code, each row an
    /// `<article class="row" data-row="015-2">`.
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

/// What the page asks beside the text: the filters on, by category (one of the codes'
/// tags, 【手順誤り】) and by whom to call (a contact's first line). The page's script keeps
/// it as the JSON its filter buttons carry (`data-filter`), each the filter its click asks
/// for, so that what a click does is decided here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// A tag every row shown is under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Whom every row shown names first in its contact ([`contact_party`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

impl Filter {
    /// The filter a button carries; anything unreadable (or nothing) filters nothing.
    pub fn from_json(text: &str) -> Filter {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// Whether a row passes.
    pub fn admits(&self, shown: &Shown<'_>) -> bool {
        self.tag.as_ref().is_none_or(|t| shown.tags.contains(t))
            && self
                .contact
                .as_deref()
                .is_none_or(|c| contact_party(&shown.row.contact) == c)
    }

    fn is_on(&self) -> bool {
        self.tag.is_some() || self.contact.is_some()
    }

    /// `【手順誤り】、顔認証付きカードリーダーベンダー`.
    fn said(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(tag) = &self.tag {
            parts.push(format!("【{tag}】"));
        }
        if let Some(contact) = &self.contact {
            parts.push(contact.clone());
        }
        parts.join(lang.pick("、", ", "))
    }

    fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Whom a contact names: its first line (`端末導入設定ベンダー` of
/// `端末導入設定ベンダー\n※不明な場合は…`), what the page filters by.
pub fn contact_party(contact: &str) -> &str {
    contact.lines().next().unwrap_or("").trim()
}

/// The answer as the page shows it. An empty box shows the whole table.
pub fn render_page(engine: &Engine, answer: &Answer<'_>, lang: Lang) -> PageAnswer {
    render_page_filtered(engine, answer, &Filter::default(), lang)
}

/// A row the page shows: why it answers (none for the whole table's and a withdrawn
/// entry's rows), and the badge of a withdrawn entry's rows.
struct Item<'a, 'e> {
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
fn reason_kind(reason: &Reason<'_>) -> ReasonKind {
    match reason {
        Reason::Code => ReasonKind::Code,
        Reason::MessageId(_) => ReasonKind::MessageId,
        Reason::Range { .. } => ReasonKind::Range,
        Reason::ReceivedCode(_) => ReasonKind::Received,
        Reason::PortalError(_) => ReasonKind::Portal,
        Reason::Text(_) => ReasonKind::Words,
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
        Some(Read::Query(Query::Code(number))) if code_rows > 0 && code_rows < count => {
            say::rows_of_code_and_portal(
                lang,
                *number,
                code_rows,
                count - code_rows,
                answer.version,
            )
        }
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
            prefix.ids_in(answer),
            count,
            answer.version,
        ),
        None => String::new(),
    };
    ("", line)
}

/// For each field, the words found in it (none but for a search by words), a single
/// character only where it was typed as a word of its own, not taken out of a sentence.
fn found_words<'m>(reason: Option<&'m Reason<'_>>, split: bool) -> Vec<(Field, Vec<&'m String>)> {
    match reason {
        Some(Reason::Text(reason)) => reason
            .found
            .iter()
            .map(|(field, words)| {
                let marked = words
                    .iter()
                    .filter(|w| !split || w.chars().count() > 1)
                    .collect();
                (*field, marked)
            })
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

/// The results under way.
struct Page<'a> {
    lang: Lang,
    added: &'a Added,
    out: String,
    /// The ids given (a code's section, a row), so that each is given once.
    seen: Vec<String>,
    /// Whether the words were taken out of a sentence (single characters then unmarked).
    split: bool,
}

/// Each value with how many rows have it, in the order first met.
fn counted<'v>(values: impl IntoIterator<Item = &'v str>) -> Vec<(&'v str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, n)) => *n += 1,
            None => counts.push((value, 1)),
        }
    }
    counts
}

impl Page<'_> {
    /// An id for the element, the first time it is asked for: ` id="015"`.
    fn id(&mut self, id: &str) -> String {
        if self.seen.iter().any(|s| s == id) {
            return String::new();
        }
        self.seen.push(id.to_owned());
        format!(" id=\"{}\"", escape(id))
    }

    /// Over the rows: the filters, by category and by whom to call, each with how many rows
    /// of the answer it keeps (where there is a choice), and the box that shows why each row
    /// matched (where a row has a reason to show).
    fn tools(&mut self, items: &[Item<'_, '_>], kept: &[&Item<'_, '_>], filter: &Filter) {
        let lang = self.lang;
        let by_contact = Filter {
            tag: None,
            ..filter.clone()
        };
        let by_tag = Filter {
            contact: None,
            ..filter.clone()
        };
        let tags = counted(
            items
                .iter()
                .filter(|i| by_contact.admits(i.shown))
                .flat_map(|i| i.shown.tags.iter().map(String::as_str)),
        );
        let parties = counted(
            items
                .iter()
                .filter(|i| by_tag.admits(i.shown))
                .map(|i| contact_party(&i.shown.row.contact)),
        );
        // Why a row answers needs showing where the status line cannot say it for all: a
        // row holding words, a range, a code in the cause.
        let reasons = kept.iter().any(|i| {
            i.reason
                .is_some_and(|r| !matches!(r, Reason::Code | Reason::MessageId(_)))
        });
        let choice = tags.len() > 1 || parties.len() > 1 || filter.is_on();
        if !choice && !reasons {
            return;
        }
        let (summary, tag_label, contact_label, clear) = say::filters(lang);
        let out = &mut self.out;
        out.push_str("<div class=\"tools\">");
        if choice {
            out.push_str(if filter.is_on() {
                "<details class=\"filters\" open><summary>"
            } else {
                "<details class=\"filters\"><summary>"
            });
            escape_into(out, summary);
            if filter.is_on() {
                out.push_str(": ");
                escape_into(out, &filter.said(lang));
            }
            out.push_str("</summary>");
            let chip = |out: &mut String, label: &str, count: usize, on: bool, next: &Filter| {
                let _ = write!(
                    out,
                    "<button type=\"button\" aria-pressed=\"{on}\" data-filter=\"{}\">",
                    escape(&next.json())
                );
                escape_into(out, label);
                let _ = write!(out, " <span class=\"count\">{count}</span></button>");
            };
            let _ = write!(
                out,
                "<p class=\"facet\"><span class=\"label\">{tag_label}</span>"
            );
            for (tag, count) in &tags {
                let on = filter.tag.as_deref() == Some(*tag);
                let next = Filter {
                    tag: (!on).then(|| (*tag).to_owned()),
                    ..filter.clone()
                };
                chip(out, &format!("【{tag}】"), *count, on, &next);
            }
            let _ = write!(
                out,
                "</p><p class=\"facet\"><span class=\"label\">{contact_label}</span>"
            );
            for (party, count) in &parties {
                let on = filter.contact.as_deref() == Some(*party);
                let next = Filter {
                    contact: (!on).then(|| (*party).to_owned()),
                    ..filter.clone()
                };
                chip(out, party, *count, on, &next);
            }
            out.push_str("</p>");
            if filter.is_on() {
                let _ = write!(
                    out,
                    "<p><button type=\"button\" class=\"clear\" data-filter=\"{{}}\">{}</button></p>",
                    escape(clear)
                );
            }
            out.push_str("</details>");
        }
        if reasons {
            out.push_str("<label class=\"show-reasons\"><input type=\"checkbox\"> ");
            escape_into(out, say::show_reasons(lang));
            out.push_str("</label>");
        }
        out.push_str("</div>\n");
    }

    /// With an empty box, every code to jump to, grouped by its first tag (its category),
    /// in document order, with how many codes each category and how many rows each code has.
    fn overview(&mut self, kept: &[&Item<'_, '_>]) {
        let mut codes: Vec<(&Shown<'_>, usize)> = Vec::new();
        for item in kept {
            match codes.iter_mut().find(|(s, _)| s.code == item.shown.code) {
                Some((_, rows)) => *rows += 1,
                None => codes.push((item.shown, 1)),
            }
        }
        if codes.is_empty() {
            return;
        }
        let mut groups: Vec<(&str, Vec<(&Shown<'_>, usize)>)> = Vec::new();
        for (shown, rows) in codes.iter().copied() {
            let tag = shown.tags.first().map_or("", String::as_str);
            match groups.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, members)) => members.push((shown, rows)),
                None => groups.push((tag, vec![(shown, rows)])),
            }
        }
        let lang = self.lang;
        let out = &mut self.out;
        out.push_str("<nav class=\"overview\"><h2>");
        escape_into(out, &say::overview(lang, codes.len()));
        out.push_str("</h2><div class=\"groups\">");
        for (tag, members) in &groups {
            out.push_str("<div class=\"group\"><h3>");
            escape_into(out, &format!("【{tag}】"));
            let _ = write!(
                out,
                " <span class=\"count\">{}</span></h3><ul>",
                members.len()
            );
            for (shown, rows) in members {
                let _ = write!(
                    out,
                    "<li><a href=\"#{0}\"><span class=\"number\">{0}</span> ",
                    shown.code
                );
                escape_into(out, shown.heading);
                out.push_str("</a> <span class=\"count\">");
                escape_into(out, &say::row_count(lang, *rows));
                out.push_str("</span></li>");
            }
            out.push_str("</ul></div>");
        }
        out.push_str("</div></nav>\n");
    }

    /// A run of rows of one code, in its section: the code's heading with its link, whom to
    /// call once when every row of the run names the same contact, the code's message, then
    /// the rows.
    fn section(&mut self, run: &[&Item<'_, '_>], words: Option<&WordsRead>) {
        let first = run[0];
        let shown = first.shown;
        let number = shown.code.get();
        let lang = self.lang;
        let split = self.split;
        let found: Vec<Vec<(Field, Vec<&String>)>> =
            run.iter().map(|i| found_words(i.reason, split)).collect();
        let id = self.id(&shown.code.to_string());
        let shared = crate::text::shared_contact(run.iter().map(|i| i.shown.row));
        let out = &mut self.out;
        out.push_str(if first.withdrawn.is_some() {
            "<section class=\"code withdrawn\""
        } else {
            "<section class=\"code\""
        });
        let _ = write!(
            out,
            "{id}><h2><a class=\"number\" href=\"#{0}\">{0}</a>",
            shown.code
        );
        out.push_str("<span class=\"heading\">");
        write_text(out, shown.heading, &words_in(&found[0], Field::Heading));
        out.push_str("</span><span class=\"tags\">");
        let tags: String = shown.tags.iter().map(|t| format!("【{t}】")).collect();
        write_text(out, &tags, &words_in(&found[0], Field::Tags));
        out.push_str("</span>");
        match first.withdrawn {
            Some(badge) => badge.write(out),
            None if self.added.codes.contains(&number) => {
                if let Some(badge) = &self.added.badge {
                    badge.write(out);
                }
            }
            None => {}
        }
        out.push_str("</h2>");
        if let Some(contact) = shared {
            let mut marked: Vec<String> = Vec::new();
            for words in found.iter().map(|f| words_in(f, Field::Contact)) {
                for word in words {
                    if !marked.contains(&word) {
                        marked.push(word);
                    }
                }
            }
            contact_box(out, lang, contact, &marked);
        }
        if let Some(message) = shown.message {
            out.push_str("<dl class=\"message\">");
            field(
                out,
                column_title(lang, Label::Message),
                None,
                message,
                &words_in(&found[0], Field::Message),
            );
            out.push_str("</dl>");
        }
        out.push('\n');
        for (item, found) in run.iter().zip(&found) {
            let reason = item.reason.filter(|r| **r != Reason::Code).map(|r| {
                let kind = reason_kind(r);
                let chip = matches!(
                    kind,
                    ReasonKind::Range | ReasonKind::Received | ReasonKind::Portal
                );
                (
                    format!(
                        "{}: {}",
                        label(lang, Label::Match),
                        reason_text(r, words, lang)
                    ),
                    chip.then(|| say::reason_kind(lang, kind)),
                )
            });
            self.row(item, reason, found, shared.is_none());
        }
        self.out.push_str("</section>\n");
    }

    /// A row: its reference, a link that opens the page on it; a mark of why it answers
    /// where it does not list the value typed; the copy control; whom to call first (unless
    /// said once for its code's run); then its texts in the workbook's order.
    fn row(
        &mut self,
        item: &Item<'_, '_>,
        reason: Option<(String, Option<&str>)>,
        found: &[(Field, Vec<&String>)],
        with_contact: bool,
    ) {
        let shown = item.shown;
        let lang = self.lang;
        let added = self
            .added
            .badge
            .as_ref()
            .filter(|_| item.withdrawn.is_none());
        let reference = shown.reference();
        let id = self.id(&reference);
        let out = &mut self.out;
        let _ = write!(
            out,
            "<article class=\"row\"{id} data-row=\"{reference}\"><div class=\"head\"><a class=\"ref\" href=\"#{reference}\">{reference}</a>"
        );
        if let Some(badge) =
            added.filter(|_| self.added.rows.contains(&(shown.code.get(), shown.number)))
        {
            badge.write(out);
        }
        if let Some((full, chip)) = &reason {
            if let Some(chip) = chip {
                out.push_str("<span class=\"why\">");
                escape_into(out, chip);
                out.push_str("</span>");
            }
            out.push_str("<span class=\"reason\">");
            write_text(out, full, &[]);
            out.push_str("</span>");
        }
        // What the control says once it has copied is the page's (`data-done` on the
        // results, [`say::copy`]): said once, not in every row.
        let _ = write!(
            out,
            "<button class=\"copy\">{}</button></div>",
            escape(say::copy(lang).0)
        );
        let row = shown.row;
        if with_contact {
            contact_box(out, lang, &row.contact, &words_in(found, Field::Contact));
        }
        out.push_str("<dl>");
        field(
            out,
            column_title(lang, Label::Kind),
            None,
            &row.kind,
            &words_in(found, Field::Kind),
        );
        let _ = write!(
            out,
            "<dt>{}</dt><dd class=\"ids\">",
            column_title(lang, Label::MessageId)
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
            column_title(lang, Label::Cause),
            None,
            &row.cause,
            &words_in(found, Field::Cause),
        );
        field(
            out,
            column_title(lang, Label::Remedy),
            None,
            &row.remedy,
            &words_in(found, Field::Remedy),
        );
        if crate::text::says_right_column(row) {
            // Inside the remedy's <dd>, after its text.
            out.truncate(out.len() - "</dd>".len());
            out.push_str("<span class=\"note\">");
            escape_into(out, say::right_column(lang));
            out.push_str("</span></dd>");
        }
        out.push_str("</dl>");
        if !shown.footnotes.is_empty() {
            out.push_str("<dl class=\"notes\">");
            for note in &shown.footnotes {
                field(
                    out,
                    &note.marker,
                    None,
                    &note.text,
                    &words_in(found, Field::Footnote),
                );
            }
            out.push_str("</dl>");
        }
        out.push_str("</article>\n");
    }
}

/// Whom to call, set apart: the workbook's title, the text as published, the words marked,
/// and what `-` means.
fn contact_box(out: &mut String, lang: Lang, contact: &str, words: &[String]) {
    out.push_str("<div class=\"contact\"><span class=\"label\">");
    escape_into(out, column_title(lang, Label::Contact));
    out.push_str("</span><span class=\"who\">");
    write_text(out, contact, words);
    out.push_str("</span>");
    if contact.trim() == "-" {
        out.push_str("<span class=\"note\">");
        escape_into(out, say::no_contact(lang));
        out.push_str("</span>");
    }
    out.push_str("</div>");
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

fn words_in(found: &[(Field, Vec<&String>)], field: Field) -> Vec<String> {
    found
        .iter()
        .find(|(f, _)| *f == field)
        .map_or_else(Vec::new, |(_, words)| {
            words.iter().map(|w| (*w).clone()).collect()
        })
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
