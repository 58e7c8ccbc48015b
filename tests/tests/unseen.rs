//! A table whose texts hold characters no one can see, as a workbook from a mail attachment
//! may: an escape sequence that retitles the terminal and colours it, a bell, a zero-width
//! space. It goes through codegen into a copy of the workspace, `explain` is built on it,
//! and what `explain` prints, captured as bytes, holds none of them raw while still showing
//! the text around them.

use std::path::Path;
use std::process::Command;

use oqs_messages_table::{ListedId, Table};
use oqs_messages_tests::workspace::{cargo, copy_explain_workspace, current_table, root};

/// ESC ] 0 ; … BEL retitles a terminal; ESC [ 31 m colours it.
const ESCAPES: &str = "\u{1B}]0;retitled\u{7}\u{1B}[31mRED\u{1B}[0m";

/// The current table with the escape sequence after the cause of the first row that lists
/// an exact ID, and a zero-width space and a C1 control in its code's heading; with that ID.
fn tainted(table: &Table) -> (Table, String) {
    let mut tainted = table.clone();
    let (code, row, id) = tainted
        .codes
        .iter()
        .enumerate()
        .find_map(|(c, code)| {
            code.rows.iter().enumerate().find_map(|(r, row)| {
                row.message_ids.iter().find_map(|id| match id {
                    ListedId::Exact(id) => Some((c, r, id.to_string())),
                    ListedId::Range { .. } => None,
                })
            })
        })
        .unwrap();
    tainted.codes[code].rows[row].cause.push_str(ESCAPES);
    let heading = &mut tainted.codes[code].heading;
    let middle = heading.char_indices().nth(2).map_or(0, |(i, _)| i);
    heading.insert_str(middle, "\u{200B}\u{9B}");
    (tainted, id)
}

/// Bytes a terminal would obey, or that hide text: C0 controls other than line feed, DEL,
/// C1 controls (in UTF-8, C2 80–9F) and the zero-width space (E2 80 8B).
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|&c| (c < ' ' && c != '\n') || c == '\u{7F}' || ('\u{80}'..='\u{9F}').contains(&c))
        .chain(text.chars().filter(|&c| c == '\u{200B}'))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn publish(workspace: &Path, table: &Table) {
    let workbook = workspace.join(format!("spec/一覧_{}版.xlsx", table.version));
    oqs_messages_tests::write_table(table, &workbook).unwrap();
    let reading = codegen::read_workbook(&workbook).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&reading.table, table, "the workbook reads back as written");
    let names_file = workspace.join("spec/names.toml");
    let names = codegen::Names::load(&names_file).unwrap_or_else(|e| panic!("{e}"));
    let out = workspace.join("generated");
    let release = codegen::revision::release_version(&out, &reading);
    let files = reading
        .render(&names, &names_file, &release)
        .unwrap_or_else(|e| panic!("{e}"));
    codegen::write_files(&out, &files).unwrap();
}

#[test]
fn explain_prints_no_raw_control_byte_and_still_shows_the_text_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_explain_workspace(workspace);
    let (table, id) = tainted(&current_table());
    publish(workspace, &table);
    let built = cargo(workspace, "oqs-explain", &["build", "--bin", "explain"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let explain = root().join("target/revision-test/debug/explain");

    let text = Command::new(&explain).arg(&id).output().unwrap();
    assert!(text.status.success());
    assert_eq!(raw_controls(&text.stdout), Vec::<String>::new());
    let shown = String::from_utf8(text.stdout).unwrap();
    assert!(
        shown.contains("\\u{1B}]0;retitled\\u{7}\\u{1B}[31mRED\\u{1B}[0m"),
        "{shown}"
    );
    assert!(shown.contains("\\u{200B}\\u{9B}"), "{shown}");
    let row = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .find(|r| r.cause.ends_with(ESCAPES))
        .unwrap();
    let before = row.cause.trim_end_matches(ESCAPES);
    let last_line = before.lines().last().unwrap();
    assert!(
        shown.contains(last_line),
        "the text around is shown: {shown}"
    );

    let json = Command::new(&explain)
        .args(["--json", &id])
        .output()
        .unwrap();
    assert!(json.status.success());
    assert_eq!(raw_controls(&json.stdout), Vec::<String>::new());
    let raw = String::from_utf8(json.stdout).unwrap();
    assert!(raw.contains("\\u001b]0;retitled\\u0007"), "{raw}");
    assert!(raw.contains("\\u200b\\u009b"), "{raw}");
    // JSON readers get the text as published.
    let answer: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let causes: Vec<&str> = answer["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["cause"].as_str())
        .collect();
    assert!(causes.contains(&row.cause.as_str()), "{causes:?}");
}
