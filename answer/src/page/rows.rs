//! The rows under way: the filters' buttons, the overview of an empty box, each code's
//! section and its rows with their badges.

use std::fmt::Write;

use oqs_messages_text::search::Field;

use super::filter::counted;
use super::filter::{contact_party, Filter};
use super::html::{contact_box, escape, escape_into, field, words_in, write_text, FIELD_END};
use super::{found_words, reason_kind, Item};
use crate::answer::{Reason, Shown, WordsRead};
use crate::data::TableData;
use crate::say::{self, column_title, label, Label, Lang, ReasonKind};
use crate::text::reason_text;

/// A badge: added in a version, or removed.
pub(super) struct Badge {
    pub(super) text: String,
    pub(super) class: &'static str,
}

impl Badge {
    pub(super) fn write(&self, out: &mut String) {
        let _ = write!(out, "<span class=\"badge {}\">", self.class);
        escape_into(out, &self.text);
        out.push_str("</span>");
    }
}

/// What the newest version added: codes, IDs, rows (each marked on the page).
pub(super) struct Added {
    pub(super) badge: Option<Badge>,
    pub(super) codes: Vec<u16>,
    pub(super) ids: Vec<oqs_messages_table::ListedId>,
    pub(super) rows: Vec<(u16, usize)>,
}

impl Added {
    pub(super) fn new(data: &TableData, lang: Lang) -> Added {
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
pub(super) struct Page<'a> {
    pub(super) lang: Lang,
    pub(super) added: &'a Added,
    pub(super) out: String,
    /// The ids given (a code's section, a row), so that each is given once.
    pub(super) seen: Vec<String>,
    /// Whether the words were taken out of a sentence (single characters then unmarked).
    pub(super) split: bool,
}

impl Page<'_> {
    /// An id for the element, the first time it is asked for: ` id="015"`.
    pub(super) fn id(&mut self, id: &str) -> String {
        if self.seen.iter().any(|s| s == id) {
            return String::new();
        }
        self.seen.push(id.to_owned());
        format!(" id=\"{}\"", escape(id))
    }

    /// Over the rows: the filters, by category and by whom to call, each with how many rows
    /// of the answer it keeps (where there is a choice), and the box that shows why each row
    /// matched (where a row has a reason to show).
    pub(super) fn tools(
        &mut self,
        items: &[Item<'_, '_>],
        kept: &[&Item<'_, '_>],
        filter: &Filter,
    ) {
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
    pub(super) fn overview(&mut self, kept: &[&Item<'_, '_>]) {
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
    pub(super) fn section(&mut self, run: &[&Item<'_, '_>], words: Option<&WordsRead>) {
        let first = run[0];
        let shown = first.shown;
        let number = shown.code.get();
        let lang = self.lang;
        let split = self.split;
        let found: Vec<Vec<(Field, Vec<&str>)>> =
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
                    ReasonKind::Range
                        | ReasonKind::Received
                        | ReasonKind::Portal
                        | ReasonKind::Alike
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
    pub(super) fn row(
        &mut self,
        item: &Item<'_, '_>,
        reason: Option<(String, Option<&str>)>,
        found: &[(Field, Vec<&str>)],
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
            "<div><dt>{}</dt><dd class=\"ids\">",
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
        out.push_str(FIELD_END);
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
            out.truncate(out.len() - FIELD_END.len());
            out.push_str("<span class=\"note\">");
            escape_into(out, say::right_column(lang));
            out.push_str("</span>");
            out.push_str(FIELD_END);
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
