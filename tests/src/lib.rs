//! Support for the tests of this workspace: writing a [`Table`] back into a workbook laid
//! out like the ministry's (title, header, a code's cells merged over its rows,
//! footnotes under the table), so that tests can build revised tables; and copies of the
//! workspace that build against them ([`workspace`]).
#![deny(missing_docs)]

pub mod revisions;
pub mod workspace;

use std::path::Path;

use oqs_messages_table::{ListedId, Table};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The header as published.
const HEADER: [&str; 8] = [
    "コード",
    "エラー区分（見出し）",
    "メッセージ内容",
    "エラー種別（エラーの発生原因）",
    "メッセージID",
    "原因",
    "対処\n(医療機関等ベンダーまたはシステム担当者向け）",
    "問合せ先",
];

/// The category cell of a code: its tags, then the heading, then the footnotes it cites.
fn category(tags: &[String], heading: &str, footnotes: &[u8]) -> String {
    let mut text: String = tags
        .iter()
        .map(|t| format!("【{t}】"))
        .collect::<Vec<_>>()
        .join(" ");
    text.push('\n');
    text.push_str(heading);
    for n in footnotes {
        text.push_str(&format!("\n※{n}"));
    }
    text
}

fn id_cell(ids: &[ListedId]) -> String {
    if ids.is_empty() {
        return "-".to_owned();
    }
    ids.iter()
        .map(|id| match id {
            ListedId::Exact(id) => id.to_string(),
            ListedId::Range { start, end } => format!("{start}～\n{end}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Latin word with a typo: its second letter changed to `x`, or to `z` where it is an `x`
/// in either case (the search folds case, so `Q` → `q` would be no typo).
pub fn misspelt(word: &str) -> String {
    let mut typo: Vec<char> = word.chars().collect();
    typo[1] = if typo[1].eq_ignore_ascii_case(&'x') {
        'z'
    } else {
        'x'
    };
    typo.into_iter().collect()
}

/// Writes the table into a new workbook at `path`, on a sheet named `一覧`.
pub fn write_table(table: &Table, path: &Path) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("一覧")?;
    let wrap = Format::new().set_text_wrap();
    sheet.merge_range(0, 0, 0, 7, &table.title, &wrap)?;
    for (col, title) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *title, &wrap)?;
    }
    let mut row = 2u32;
    for code in &table.codes {
        let first = row;
        let last = row + code.rows.len() as u32 - 1;
        let spanning = [
            code.number.to_string(),
            category(&code.tags, &code.heading, &code.footnotes),
            code.message.clone(),
        ];
        for (col, text) in spanning.iter().enumerate() {
            if last > first {
                sheet.merge_range(first, col as u16, last, col as u16, text, &wrap)?;
            } else {
                sheet.write_string_with_format(first, col as u16, text, &wrap)?;
            }
        }
        for entry in &code.rows {
            let cells = [
                entry.kind.clone(),
                id_cell(&entry.message_ids),
                entry.cause.clone(),
                entry.remedy.clone(),
                entry.contact.clone(),
            ];
            for (i, text) in cells.iter().enumerate() {
                sheet.write_string_with_format(row, 3 + i as u16, text, &wrap)?;
            }
            row += 1;
        }
    }
    row += 1;
    for note in &table.footnotes {
        let text = format!("\u{3000}{}\n\u{3000}\u{3000}{}", note.marker, note.text);
        sheet.merge_range(row, 0, row, 7, &text, &wrap)?;
        row += 1;
    }
    workbook.save(path)
}
