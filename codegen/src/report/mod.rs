//! What changed between two versions of the table (codes, message IDs, rows and texts),
//! and how it is told: the report ([`Report::compare`]), its Markdown for the terminal and
//! `CHANGES.md` (`markdown.rs`), its semver verdict (`semver.rs`), a reworded text character
//! by character (`diff.rs`) and which rows of two versions are the same row (`rows.rs`).
//! `history/` lists the reports between the versions of `spec/`; `revision/` writes the
//! newest into `CHANGES.md` and moves the version.

pub mod diff;
mod markdown;
pub mod rows;
pub mod semver;

pub use diff::{char_diff, Piece};
pub use semver::Semver;

use std::collections::BTreeMap;

use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, Row, RowText, Table};

use rows::pair_rows;

/// A line of the report in both languages it is read in: English in `CHANGES.md` (for the
/// vendor's developers, beside the crate), Japanese on the page's 改訂履歴 (for help desks).
/// Written side by side, so that neither can be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Said {
    /// English.
    pub en: String,
    /// 日本語.
    pub ja: String,
}

impl Said {
    fn new(en: String, ja: String) -> Said {
        Said { en, ja }
    }
}

impl std::fmt::Display for Said {
    /// The English line, as `CHANGES.md` writes it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

/// A text that changed, where, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewording {
    /// Where: `001 message` (`001 メッセージ内容`), `015 row 2 (0x04000012) cause`,
    /// `footnote ※１`.
    pub place: Said,
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
    pub codes_added: Vec<Said>,
    /// Codes only in the old table.
    pub codes_removed: Vec<Said>,
    /// Message IDs and ranges only in the new table, with their codes.
    pub ids_added: Vec<Said>,
    /// Message IDs and ranges only in the old table, with their codes.
    pub ids_removed: Vec<Said>,
    /// Message IDs listed under other codes than before.
    pub ids_moved: Vec<Said>,
    /// Rows only in the new table, under codes in both.
    pub rows_added: Vec<Said>,
    /// Rows only in the old table, under codes in both.
    pub rows_removed: Vec<Said>,
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

fn code_line(code: &CodeEntry) -> Said {
    let tags: String = code.tags.iter().map(|t| format!("【{t}】")).collect();
    Said::new(
        format!(
            "**{}** {tags} {} ({} row{})",
            code.number,
            code.heading,
            code.rows.len(),
            if code.rows.len() == 1 { "" } else { "s" }
        ),
        format!(
            "**{}** {tags} {}（{}行）",
            code.number,
            code.heading,
            code.rows.len()
        ),
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
                None => report.ids_added.push(Said::new(
                    format!("`{spec}` under {}", codes_text(codes)),
                    format!("`{spec}`（コード {}）", codes_text(codes)),
                )),
                Some(before) => {
                    let (mut a, mut b) = (before.clone(), codes.clone());
                    a.sort();
                    b.sort();
                    if a != b {
                        report.ids_moved.push(Said::new(
                            format!(
                                "`{spec}`: under {} → under {}",
                                codes_text(before),
                                codes_text(codes)
                            ),
                            format!(
                                "`{spec}`: コード {} → コード {}",
                                codes_text(before),
                                codes_text(codes)
                            ),
                        ));
                    }
                }
            }
        }
        for (spec, codes) in &old_ids {
            if !new_ids.contains_key(spec) {
                report.ids_removed.push(Said::new(
                    format!("`{spec}` under {}", codes_text(codes)),
                    format!("`{spec}`（コード {}）", codes_text(codes)),
                ));
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
                    place: Said::new(
                        format!("footnote {}", note.marker),
                        format!("注記 {}", note.marker),
                    ),
                    before: before.text.clone(),
                    after: note.text.clone(),
                }),
                Some(_) => {}
                None => report.rewordings.push(Rewording {
                    place: Said::new(
                        format!("footnote {} (new)", note.marker),
                        format!("注記 {}（追加）", note.marker),
                    ),
                    before: String::new(),
                    after: note.text.clone(),
                }),
            }
        }
        for note in &old.footnotes {
            if new.footnote(note.number).is_none() {
                report.rewordings.push(Rewording {
                    place: Said::new(
                        format!("footnote {} (removed)", note.marker),
                        format!("注記 {}（削除）", note.marker),
                    ),
                    before: note.text.clone(),
                    after: String::new(),
                });
            }
        }
        report
    }

    fn reword(&mut self, place: Said, before: &str, after: &str) {
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
        let of_code = |en: &str, ja: &str| Said::new(format!("{n} {en}"), format!("{n} {ja}"));
        self.reword(
            of_code("tags", "区分"),
            &old.tags.join("・"),
            &new.tags.join("・"),
        );
        self.reword(of_code("heading", "見出し"), &old.heading, &new.heading);
        self.reword(
            of_code("message", "メッセージ内容"),
            &old.message,
            &new.message,
        );

        let paired = pair_rows(&old.rows, &new.rows);
        let (pairs, added, unmatched_old) = (paired.pairs, paired.added, paired.removed);
        let line = |index: usize, row: &Row| {
            let kind = row.kind.replace('\n', " ");
            let ids = ids_text(&row.message_ids);
            Said::new(
                format!("{n} row {}: {kind} ({ids})", index + 1),
                format!("{n} の{}行目: {kind}（{ids}）", index + 1),
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
            let ids = ids_text(&after.message_ids);
            let place = |en: &str, ja: &str| {
                Said::new(
                    format!("{n} row {} ({ids}) {en}", index + 1),
                    format!("{n} の{}行目（{ids}） {ja}", index + 1),
                )
            };
            for text in RowText::ALL {
                self.reword(
                    place(text.name(), text.title()),
                    before.text(text),
                    after.text(text),
                );
            }
        }
    }
}
