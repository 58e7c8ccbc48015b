//! What changed between two versions of the table: codes, message IDs, rows and texts.

use std::collections::BTreeMap;

use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, Row, Table};

use super::diff::{char_diff, Piece};
use super::rows::pair_rows;

/// A text that changed, where, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewording {
    /// Where: `001 message`, `015 row 2 (0x04000012) cause`, `footnote ※１`.
    pub place: String,
    /// The old text.
    pub before: String,
    /// The new text.
    pub after: String,
}

impl Rewording {
    /// What changed, character by character: Japanese has no spaces to split words on.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        char_diff(&self.before, &self.after)
    }
}

/// Everything that changed from one table to another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The old version.
    pub old_version: String,
    /// The new version.
    pub new_version: String,
    /// Codes only in the new table: number and a one-line description.
    pub codes_added: Vec<String>,
    /// Codes only in the old table.
    pub codes_removed: Vec<String>,
    /// Message IDs and ranges only in the new table, with their codes.
    pub ids_added: Vec<String>,
    /// Message IDs and ranges only in the old table, with their codes.
    pub ids_removed: Vec<String>,
    /// Message IDs listed under other codes than before.
    pub ids_moved: Vec<String>,
    /// Rows only in the new table, under codes in both.
    pub rows_added: Vec<String>,
    /// Rows only in the old table, under codes in both.
    pub rows_removed: Vec<String>,
    /// Texts that changed.
    pub rewordings: Vec<Rewording>,
    /// What the reader did not take as published text in the new workbook (hidden rows,
    /// struck-through text, …), for the maintainer to look at before committing.
    pub notices: Vec<String>,
    /// The version of the generated crate before and after, when codegen moved it.
    pub crate_versions: Option<(String, String)>,
}

fn ids_text(ids: &[ListedId]) -> String {
    if ids.is_empty() {
        "-".to_owned()
    } else {
        ids.iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn code_line(code: &CodeEntry) -> String {
    let tags: String = code.tags.iter().map(|t| format!("【{t}】")).collect();
    format!(
        "**{}** {tags} {} ({} row{})",
        code.number,
        code.heading,
        code.rows.len(),
        if code.rows.len() == 1 { "" } else { "s" }
    )
}

/// Every exact ID and range with the codes whose rows list it, in document order.
fn ids_by_code(table: &Table) -> BTreeMap<ListedId, Vec<CodeNumber>> {
    let mut map: BTreeMap<ListedId, Vec<CodeNumber>> = BTreeMap::new();
    for code in &table.codes {
        for spec in code.rows.iter().flat_map(|r| &r.message_ids) {
            let codes = map.entry(*spec).or_default();
            if !codes.contains(&code.number) {
                codes.push(code.number);
            }
        }
    }
    map
}

fn codes_text(codes: &[CodeNumber]) -> String {
    codes
        .iter()
        .map(CodeNumber::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Report {
    /// Compares two tables.
    pub fn compare(old: &Table, new: &Table) -> Report {
        let mut report = Report {
            old_version: old.version.to_string(),
            new_version: new.version.to_string(),
            ..Report::default()
        };
        for code in &new.codes {
            if old.code(code.number).is_none() {
                report.codes_added.push(code_line(code));
            }
        }
        for code in &old.codes {
            if new.code(code.number).is_none() {
                report.codes_removed.push(code_line(code));
            }
        }

        let (old_ids, new_ids) = (ids_by_code(old), ids_by_code(new));
        for (spec, codes) in &new_ids {
            match old_ids.get(spec) {
                None => report
                    .ids_added
                    .push(format!("`{spec}` under {}", codes_text(codes))),
                Some(before) => {
                    let (mut a, mut b) = (before.clone(), codes.clone());
                    a.sort();
                    b.sort();
                    if a != b {
                        report.ids_moved.push(format!(
                            "`{spec}`: under {} → under {}",
                            codes_text(before),
                            codes_text(codes)
                        ));
                    }
                }
            }
        }
        for (spec, codes) in &old_ids {
            if !new_ids.contains_key(spec) {
                report
                    .ids_removed
                    .push(format!("`{spec}` under {}", codes_text(codes)));
            }
        }

        for new_code in &new.codes {
            let Some(old_code) = old.code(new_code.number) else {
                continue;
            };
            report.compare_code(old_code, new_code);
        }

        for note in &new.footnotes {
            match old.footnote(note.number) {
                Some(before) if before.text != note.text => report.rewordings.push(Rewording {
                    place: format!("footnote {}", note.marker),
                    before: before.text.clone(),
                    after: note.text.clone(),
                }),
                Some(_) => {}
                None => report.rewordings.push(Rewording {
                    place: format!("footnote {} (new)", note.marker),
                    before: String::new(),
                    after: note.text.clone(),
                }),
            }
        }
        for note in &old.footnotes {
            if new.footnote(note.number).is_none() {
                report.rewordings.push(Rewording {
                    place: format!("footnote {} (removed)", note.marker),
                    before: note.text.clone(),
                    after: String::new(),
                });
            }
        }
        report
    }

    fn reword(&mut self, place: String, before: &str, after: &str) {
        if before != after {
            self.rewordings.push(Rewording {
                place,
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
    }

    fn compare_code(&mut self, old: &CodeEntry, new: &CodeEntry) {
        let n = new.number;
        self.reword(
            format!("{n} tags"),
            &old.tags.join("・"),
            &new.tags.join("・"),
        );
        self.reword(format!("{n} heading"), &old.heading, &new.heading);
        self.reword(format!("{n} message"), &old.message, &new.message);

        let paired = pair_rows(&old.rows, &new.rows);
        let (pairs, added, unmatched_old) = (paired.pairs, paired.added, paired.removed);
        let line = |index: usize, row: &Row| {
            format!(
                "{n} row {}: {} ({})",
                index + 1,
                row.kind.replace('\n', " "),
                ids_text(&row.message_ids)
            )
        };
        self.rows_added
            .extend(added.into_iter().map(|(index, row)| line(index, row)));
        self.rows_removed.extend(
            unmatched_old
                .into_iter()
                .map(|(index, row)| line(index, row)),
        );
        for ((_, before), (index, after)) in pairs {
            let place = |field: &str| {
                format!(
                    "{n} row {} ({}) {field}",
                    index + 1,
                    ids_text(&after.message_ids)
                )
            };
            self.reword(place("kind"), &before.kind, &after.kind);
            self.reword(place("cause"), &before.cause, &after.cause);
            self.reword(place("remedy"), &before.remedy, &after.remedy);
            self.reword(place("contact"), &before.contact, &after.contact);
        }
    }
}
