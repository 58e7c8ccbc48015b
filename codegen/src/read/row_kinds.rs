//! What a row under the header is, besides a row of the table: the title or the header
//! repeated for printing, or the first row of the footer.

use oqs_messages_table::parse;

use super::column::Column;
use super::header::visible_texts;
use super::reader::{is_code_like, TableReader};
use crate::load::cell_name;

/// Whether a text is 「以上」, which closes a Japanese document.
pub fn is_closing(text: &str) -> bool {
    text.trim_matches(char::is_whitespace) == "以上"
}

/// Whether a header cell's text is a sub-title under a column title, such as
/// `(医療機関等ベンダーまたはシステム担当者向け）`.
fn is_subtitle(text: &str) -> bool {
    let text = text.trim_matches(char::is_whitespace);
    (text.starts_with('(') || text.starts_with('（'))
        && (text.ends_with(')') || text.ends_with('）'))
}

impl TableReader<'_, '_> {
    /// Whether a visible row, whose `texts` [`visible_texts`] gives, begins the footer: its
    /// first text is a footnote (`※１ …` or the marker alone, its text in the next cell) or
    /// 「以上」.
    pub fn begins_footer(&self, row: u32, texts: &[(u32, &str)]) -> bool {
        let Some((_, first)) = texts.first() else {
            return false;
        };
        if is_closing(first) && texts.len() == 1 {
            return true;
        }
        parse::footnote(first).is_some()
            && self
                .value(row, Column::Code)
                .filter(|_| self.origin(row, Column::Code).0 == row)
                .is_none_or(|v| !is_code_like(v))
    }

    /// A row that repeats the title: its only text (of its `texts`, as [`visible_texts`]
    /// gives them) is a title with a version.
    pub fn repeats_title(&mut self, row: u32, texts: &[(u32, &str)]) -> bool {
        let [(col, text)] = texts else {
            return false;
        };
        let Some(version) = parse::title_version(text) else {
            return false;
        };
        let place = cell_name(&self.sheet().name, (row, *col));
        if self.title.as_deref() == Some(*text) {
            self.notice(
                place,
                "the title repeated (laid out for printing): skipped".to_owned(),
            );
        } else {
            self.problem_at(
                Some(place),
                format!(
                    "a second title, for version {version}, inside the table; expected one table on the sheet, under one title"
                ),
            );
        }
        true
    }

    /// Whether a row repeats the header: every text in it (`texts`, as [`visible_texts`]
    /// gives them) is the title of the table's column it stands in, and at least half the
    /// titles are there.
    pub fn repeats_header(&self, texts: &[(u32, &str)]) -> bool {
        // Stops at the first text that is no title: in a row of the table, its first.
        texts.len() >= 4
            && texts.iter().all(|(col, text)| {
                Column::ALL
                    .iter()
                    .any(|&c| self.header.col(c) == *col && c.matches(text))
            })
    }

    /// The last row of a header block that starts at `row`: titles merged down over
    /// several rows, and rows that only hold sub-titles under the titles.
    pub fn header_block_end(&self, row: u32) -> u32 {
        let sheet = self.sheet();
        let mut end = row;
        for column in Column::ALL {
            let origin = self.origin(row, column);
            if let Some(merge) = sheet.merge_at(origin).filter(|_| origin.0 == row) {
                end = end.max(merge.end.0);
            }
        }
        while end < self.last_row {
            let next = end + 1;
            let texts = visible_texts(sheet, next);
            let only_subtitles = !texts.is_empty()
                && texts
                    .iter()
                    .all(|(col, text)| is_subtitle(text) && self.header.columns.contains(col));
            if !only_subtitles {
                break;
            }
            end = next;
        }
        end
    }
}
