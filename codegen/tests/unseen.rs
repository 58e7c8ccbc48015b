//! Characters no one can see: control characters (an escape sequence that retitles the
//! terminal, a bell) and invisible format characters (a zero-width space) in cells. The
//! reader reports each cell with its code points, `--strict` refuses them, `table.json`
//! keeps them, the generated Rust escapes them, and no message prints them raw.

mod support;

use codegen::Error;
use oqs_messages_table::unseen::unseen;
use support::{read_one as read, SheetSpec};

/// What Excel writes for ESC ] 0 ; … BEL ESC [ 31 m RED ESC [ 0 m in a cell.
const ESCAPES: &str = "\u{1B}]0;retitled\u{7}\u{1B}[31mRED\u{1B}[0m";

/// The valid test table with an escape sequence in a cause (F3), a zero-width space in an
/// ID cell (E4), a C1 control in a heading (B5) and a byte order mark in the title.
fn spec() -> SheetSpec {
    let mut spec = SheetSpec::valid("1.25");
    spec.set(
        "F3",
        Some(&format!("・カードのアクセスが正常に行えない{ESCAPES}")),
    )
    .set("E4", Some("0x0300\u{200B}0002"))
    .set(
        "B5",
        Some("【オンライン資格確認等システム】\n【障害】\nシステムの\u{85}障害発生"),
    )
    .set(
        "A1",
        Some("テスト用メッセージID別問い合わせ先一覧\u{FEFF}_1.25版"),
    );
    spec
}

fn workbook(dir: &std::path::Path, spec: &SheetSpec) -> std::path::PathBuf {
    support::write(dir, "table_1.25版.xlsx", std::slice::from_ref(spec))
}

fn has_raw_unseen(text: &str) -> bool {
    text.chars()
        .any(|c| unseen(c).is_some() && !matches!(c, '\t' | '\n' | '\r'))
}

#[test]
fn each_cell_is_reported_with_its_code_points_and_the_texts_are_kept() {
    let reading = read(&spec());
    let notices: Vec<String> = reading.notices.iter().map(ToString::to_string).collect();
    let expect = [
        ("一覧!A1", "U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)"),
        ("一覧!F3", "U+001B ESC, U+0007 BEL"),
        ("一覧!E4", "U+200B ZERO WIDTH SPACE"),
        ("一覧!B5", "U+0085 NEL"),
    ];
    for (place, names) in expect {
        assert!(
            notices.iter().any(|n| n.starts_with(&format!("{place}: "))
                && n.contains(&format!("holds characters no one can see ({names})"))),
            "expected {place} with {names}, got {notices:#?}"
        );
    }
    // The ID is read as a person sees it; the texts are kept as published.
    assert!(notices.iter().any(|n| n.starts_with("一覧!E4: ")
        && n.contains("read without the characters no one can see, as \"0x03000002\"")));
    let table = &reading.table;
    assert!(table.codes[0].rows[0].cause.ends_with(ESCAPES));
    assert_eq!(
        table.codes[0].rows[1].message_ids[0].to_string(),
        "0x03000002"
    );
    assert!(table.codes[1].heading.contains('\u{85}'));
    assert!(table.title.contains('\u{FEFF}'));
    // Nothing in the notices or the summary is raw.
    for notice in &notices {
        assert!(!has_raw_unseen(notice), "{notice:?}");
    }
    let summary = codegen::summary(&reading);
    assert!(!has_raw_unseen(&summary), "{summary:?}");
    assert!(summary.contains("\\u{FEFF}"), "{summary}");
}

#[test]
fn strict_refuses_them() {
    let err = read(&spec()).strict().unwrap_err().to_string();
    assert!(err.contains("一覧!F3: holds characters no one can see (U+001B ESC, U+0007 BEL)"));
    assert!(err.contains("(refused under --strict)"));
    assert!(!has_raw_unseen(&err), "{err:?}");
}

#[test]
fn table_json_keeps_them_and_the_generated_rust_escapes_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = workbook(dir.path(), &spec());
    let out = dir.path().join("generated");
    let run = support::codegen_built(&input, &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(!has_raw_unseen(&stdout), "{stdout:?}");
    assert!(stdout.contains("一覧!F3: holds characters no one can see (U+001B ESC, U+0007 BEL)"));
    let json = std::fs::read_to_string(out.join("table.json")).unwrap();
    let table: oqs_messages_table::Table = serde_json::from_str(&json).unwrap();
    assert!(table.codes[0].rows[0].cause.ends_with(ESCAPES));
    let rust = std::fs::read_to_string(out.join("src/table.rs")).unwrap();
    assert!(!has_raw_unseen(&rust));
    assert!(rust.contains("\\u{1b}]0;retitled\\u{7}\\u{1b}[31mRED\\u{1b}[0m"));
    assert!(rust.contains("\\u{85}"));
}

#[test]
fn a_refusal_that_quotes_an_id_cell_shows_its_control_characters_escaped() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E3", Some("0x0300\u{1B}0001"));
    let dir = tempfile::tempdir().unwrap();
    let input = workbook(dir.path(), &spec);
    let out = dir.path().join("generated");
    let run = support::codegen_built(&input, &out);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(!has_raw_unseen(&stderr), "{stderr:?}");
    assert!(stderr.contains("一覧!E3: "), "{stderr}");
    assert!(stderr.contains("\"0x0300\\u{1B}0001\""), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn the_revision_report_shows_them_escaped() {
    let before = read(&SheetSpec::valid("1.25")).table;
    let after = read(&spec()).table;
    let report = codegen::Report::compare(&before, &after).markdown(1);
    assert!(!has_raw_unseen(&report), "{report:?}");
    assert!(report.contains("\\u{1B}]0;retitled\\u{7}"), "{report}");
    assert!(report.contains("システムの\\u{85}障害発生"), "{report}");
}

#[test]
fn errors_of_any_kind_never_print_them_raw() {
    let err = Error::NoWorkbook {
        dir: "spec\u{1B}[2J".into(),
    }
    .to_string();
    assert_eq!(
        err,
        "spec\\u{1B}[2J: no workbook (.xlsx) found; put the ministry's workbook there or pass --input"
    );
}
