//! The revision report as Markdown, for the terminal and `CHANGES.md`.

use std::fmt::Write;

use oqs_messages_table::unseen::escape;

use super::diff::marked;
use super::{Report, Said};

impl Report {
    /// The report in Markdown; `level` is the heading level of its title (1 for `#`). The
    /// table's texts in it show the characters no one can see escaped (`\u{1B}`).
    pub fn markdown(&self, level: usize) -> String {
        let h = |extra: usize| "#".repeat(level + extra);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} Revision {} → {}\n",
            h(0),
            self.old_version,
            self.new_version
        );
        let _ = writeln!(out, "Semver: {}.", self.semver().explain());
        if let Some((before, after)) = &self.crate_versions {
            let _ = writeln!(out, "\nCrate: oqs-messages {before} → {after}.");
        }
        let sections: [(&str, &Vec<Said>); 7] = [
            ("Codes added", &self.codes_added),
            ("Codes removed", &self.codes_removed),
            ("Message IDs added", &self.ids_added),
            ("Message IDs removed", &self.ids_removed),
            ("Message IDs moved between codes", &self.ids_moved),
            ("Rows added", &self.rows_added),
            ("Rows removed", &self.rows_removed),
        ];
        for (title, items) in sections {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{} {title}\n", h(1));
            for item in items {
                let _ = writeln!(out, "- {item}");
            }
        }
        if !self.notices.is_empty() {
            let _ = writeln!(
                out,
                "\n{} Not read as published text in the new workbook\n",
                h(1)
            );
            for notice in &self.notices {
                let _ = writeln!(out, "- {notice}");
            }
        }
        if !self.rewordings.is_empty() {
            let _ = writeln!(out, "\n{} Texts reworded", h(1));
            for change in &self.rewordings {
                let _ = writeln!(out, "\n- {}\n", change.place);
                let _ = writeln!(out, "  before:\n{}", quote_block(&change.before));
                let _ = writeln!(out, "  after:\n{}", quote_block(&change.after));
                // Character by character, as `git diff --word-diff` marks words.
                if !change.before.is_empty() && !change.after.is_empty() {
                    let _ = writeln!(
                        out,
                        "  changed ([-removed-] {{+added+}}):\n{}",
                        quote_block(&marked(&change.pieces()))
                    );
                }
            }
        }
        escape(&out)
    }
}

fn quote_block(text: &str) -> String {
    if text.is_empty() {
        return "  > (none)".to_owned();
    }
    text.lines()
        .map(|line| format!("  > {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
