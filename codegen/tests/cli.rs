//! `cargo run -p codegen` as a user runs it: the checked-in output is fresh, runs are
//! deterministic, `--check` finds stale files, and a refused workbook writes nothing.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use support::{codegen, snapshot, SheetSpec};

fn generated_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn checked_in_output_is_fresh() {
    let reading = codegen::read_workbook(&support::real_workbook()).unwrap();
    let names = codegen::Names::load(&codegen::default_names_file()).unwrap();
    let files = reading
        .render(&names, &codegen::default_names_file())
        .unwrap();
    let stale = codegen::stale_files(&generated_dir(), &files);
    assert!(
        stale.is_empty(),
        "the checked-in output is stale: {stale:?}; run `cargo run -p codegen` and commit the result"
    );
}

#[test]
fn check_mode_passes_on_the_checked_in_output() {
    let output = codegen(&["--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("version      1.25"), "{stdout}");
    assert!(stdout.contains("codes        30"), "{stdout}");
    assert!(
        stdout.contains("rows         96 (3 without a message ID)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("message IDs  71 distinct exact IDs, 2 ranges"),
        "{stdout}"
    );
    assert!(stdout.contains("up to date"), "{stdout}");
}

#[test]
fn two_runs_give_identical_bytes() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for dir in [&first, &second] {
        let output = codegen(&["--out", dir.path().to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let a = snapshot(first.path());
    assert_eq!(a, snapshot(second.path()));
    let names: Vec<String> = a
        .iter()
        .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(names, ["CHANGES.md", "src/table.rs", "table.json"]);
    for (_, bytes) in &a {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("cargo run -p codegen"));
        assert!(text.contains("1.25"));
    }
}

#[test]
fn check_mode_names_each_stale_file_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    assert!(codegen(&["--out", out]).status.success());
    let json = dir.path().join("table.json");
    let edited = fs::read_to_string(&json)
        .unwrap()
        .replace("0x03000001", "0x03000009");
    fs::write(&json, &edited).unwrap();
    fs::remove_file(dir.path().join("src/table.rs")).unwrap();

    let output = codegen(&["--check", "--out", out]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("stale: ") && err.contains("table.json"),
        "{err}"
    );
    assert!(err.contains("table.rs"), "{err}");
    assert!(err.contains("run `cargo run -p codegen`"), "{err}");
    assert_eq!(fs::read_to_string(&json).unwrap(), edited);
    assert!(!dir.path().join("src/table.rs").exists());
}

#[test]
fn a_refused_workbook_leaves_the_previous_output_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(codegen(&["--out", out.to_str().unwrap()]).status.success());
    let before = snapshot(&out);

    let mut spec = SheetSpec::valid("1.26");
    spec.set("E4", Some("0x0300002"));
    spec.set("A9", Some("001"));
    let bad = support::write(dir.path(), "一覧_1.26版.xlsx", &[spec]);
    let output = codegen(&[
        "--input",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("一覧_1.26版.xlsx: cannot be read as the card reader message table (2 problems); nothing was written"), "{err}");
    assert!(err.contains("\n  一覧!E4: expected a message ID"), "{err}");
    assert!(
        err.contains("\n  一覧!A9: code 001 appears a second time"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before);

    // A good workbook of another version replaces the output.
    let good = support::write(dir.path(), "一覧_1.26版.xlsx", &[SheetSpec::valid("1.26")]);
    let output = codegen(&[
        "--input",
        good.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = fs::read_to_string(out.join("table.json")).unwrap();
    assert!(json.contains("\"version\": \"1.26\""));
}

#[test]
fn help_lists_the_flags() {
    let output = codegen(&["--help"]);
    let text = String::from_utf8_lossy(&output.stdout);
    for flag in ["--input <FILE>", "--out <DIR>", "--check"] {
        assert!(text.contains(flag), "{text}");
    }
}

#[test]
fn a_code_without_a_curated_name_is_refused_with_the_line_to_add() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut spec = SheetSpec::valid("1.26");
    spec.set("A9", Some("953"));
    let workbook = support::write(dir.path(), "一覧_1.26版.xlsx", &[spec]);
    let output = codegen(&[
        "--input",
        workbook.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("names.toml: cannot give the variant names (1 problem); nothing was written"),
        "{err}"
    );
    assert!(
        err.contains(
            "no variant name for code 953 (券面の読取り不可); add this line under [codes]"
        ),
        "{err}"
    );
    assert!(
        err.contains("\n    953 = \"Code953\"    # 券面の読取り不可"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn the_summary_lists_what_was_not_read_and_strict_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(6);
    spec.strike("E4");
    spec.set("E4", Some("0x03000002\n0x03000003"));
    spec.rich("E4", &[(true, "0x03000002\n"), (false, "0x03000003")]);
    let path = support::write(dir.path(), "一覧_1.25版.xlsx", &[spec]);
    let args = [
        "--input",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let output = codegen(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("not read     2 places (hidden, struck through, repeated or folded; --strict refuses them):\n  一覧!A7:H7: the row is hidden: not read"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  一覧!E4: struck-through text (見え消し) \"0x03000002\" taken out"),
        "{stdout}"
    );

    let before = snapshot(&out);
    let mut strict = args.to_vec();
    strict.push("--strict");
    let output = codegen(&strict);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains(
            "(2 problems); nothing was written\n  一覧!A7:H7: the row is hidden: not read"
        ),
        "{err}"
    );
    assert!(err.contains("(refused under --strict)"), "{err}");
    assert_eq!(snapshot(&out), before);
}

#[test]
fn the_revision_report_lists_what_was_not_read_in_the_new_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let old = support::write(dir.path(), "一覧_1.25版.xlsx", &[SheetSpec::valid("1.25")]);
    let mut spec = SheetSpec::valid("1.26");
    spec.hidden_rows.push(6);
    let new = support::write(dir.path(), "一覧_1.26版.xlsx", &[spec]);
    let output = codegen(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("## Not read as published text in the new workbook\n\n- 一覧!A7:H7: the row is hidden: not read"),
        "{report}"
    );
    assert!(
        report.contains("- 901 row 3: 端末情報が登録できない"),
        "{report}"
    );
}
