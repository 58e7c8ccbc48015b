//! The revision workflow end to end, as a vendor lives it.
//!
//! A copy of the workspace with the quick start crate (written against 1.25) is built;
//! then the ministry "publishes" revised workbooks, built here from the real 1.25 table:
//!
//! - one that adds a code, removes a code, adds a message ID and rewords a message: the
//!   quick start must stop compiling, with errors that name the added and removed codes;
//! - one that only rewords texts: it must compile, and run with the new texts.
//!
//! Each revision goes through codegen into the copy's `generated/`, and the same target
//! folder is reused, so the test also proves that cargo rebuilds dependents when the
//! table changes: a stale build would compile the first revision and print old texts.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use oqs_messages_table::{CodeEntry, CodeNumber, MessageId, MessageIdSpec, Row, Table};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// A workspace with the library crates, the quick start and the curated names.
fn copy_workspace(to: &Path) {
    let root = root();
    for dir in ["table", "macros", "generated"] {
        copy_dir(&root.join(dir), &to.join(dir));
    }
    copy_dir(&root.join("tests/quickstart"), &to.join("quickstart"));
    fs::create_dir_all(to.join("spec")).unwrap();
    fs::copy(root.join("spec/names.toml"), to.join("spec/names.toml")).unwrap();
    if root.join("Cargo.lock").exists() {
        fs::copy(root.join("Cargo.lock"), to.join("Cargo.lock")).unwrap();
    }
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let members = r#"["table", "macros", "generated", "quickstart"]"#;
    let manifest: String = manifest
        .lines()
        .map(|line| {
            if line.starts_with("members =") {
                format!("members = {members}")
            } else if line.starts_with("default-members =") {
                format!("default-members = {members}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(to.join("Cargo.toml"), manifest).unwrap();
}

fn cargo(workspace: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(args)
        .args(["--offline", "--quiet", "-p", "oqs-messages-quickstart"])
        .current_dir(workspace)
        // One target folder across runs: dependencies compile once.
        .env("CARGO_TARGET_DIR", root().join("target/revision-test"))
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .expect("run cargo")
}

fn real_table() -> Table {
    let workbook = codegen::spec_workbook("1.25").expect("the 1.25 workbook in spec/");
    codegen::read_workbook(&workbook).unwrap().table
}

/// Publishes a revised table: writes its workbook and runs codegen into the copy.
fn publish(workspace: &Path, table: &Table, extra_names: &str) {
    let workbook = workspace.join(format!("spec/一覧_{}版.xlsx", table.version));
    oqs_messages_tests::write_table(table, &workbook).unwrap();
    let names_file = workspace.join("spec/names.toml");
    let names_text = fs::read_to_string(&names_file)
        .unwrap()
        .replace("\n[ranges]", &format!("{extra_names}\n[ranges]"));
    fs::write(&names_file, &names_text).unwrap();
    let reading = codegen::read_workbook(&workbook).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        &reading.table, table,
        "the revised workbook reads back as written"
    );
    let names = codegen::Names::load(&names_file).unwrap_or_else(|e| panic!("{e}"));
    let files = reading
        .render(&names, &names_file)
        .unwrap_or_else(|e| panic!("{e}"));
    // As `cargo run -p codegen` writes them: with CHANGES.md and the crate version moved.
    let out = workspace.join("generated");
    let (files, _) = codegen::with_revision(&out, &reading, files);
    codegen::write_files(&out, &files).unwrap();
}

fn code_mut(table: &mut Table, number: u16) -> &mut CodeEntry {
    let number = CodeNumber::new(number).unwrap();
    table.codes.iter_mut().find(|c| c.number == number).unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn revisions_break_or_keep_the_downstream_build_as_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_workspace(workspace);

    // Written against 1.25, the quick start builds and runs.
    let output = cargo(workspace, &["run", "--", "001", "0x03000001"]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("001 マイナンバーカードの認識不可"));

    // 1.26: code 953 added, 952 removed, 0x81000033 added under 950, 001 reworded.
    let original = real_table();
    let mut revised = original.clone();
    revised.version = "1.26".parse().unwrap();
    revised.title = revised.title.replace("1.25版", "1.26版");
    revised
        .codes
        .retain(|c| c.number != CodeNumber::new(952).unwrap());
    code_mut(&mut revised, 1).message = "患者はマイナンバーカードを置き直してください。".to_owned();
    let added_row = Row {
        kind: "処方箋情報取得失敗".to_owned(),
        message_ids: vec![MessageIdSpec::Exact(MessageId(0x8100_0033))],
        cause: "電子処方箋管理サービスから処方箋情報取得に失敗した".to_owned(),
        remedy: "-".to_owned(),
        contact: "オンライン資格確認等コールセンター".to_owned(),
        footnotes: Vec::new(),
        details: Vec::new(),
    };
    code_mut(&mut revised, 950).rows.push(added_row.clone());
    revised.codes.push(CodeEntry {
        number: CodeNumber::new(953).unwrap(),
        tags: vec!["障害".to_owned()],
        heading: "検診情報取得失敗".to_owned(),
        message: "職員はシステムの運用情報を確認してください。\n【953：検診情報取得失敗】"
            .to_owned(),
        footnotes: Vec::new(),
        rows: vec![Row {
            kind: "検診情報取得失敗".to_owned(),
            message_ids: vec![MessageIdSpec::Exact(MessageId(0x8100_0035))],
            ..added_row
        }],
    });
    publish(
        workspace,
        &revised,
        "953 = \"HealthCheckInfoUnavailable\"\n",
    );

    let output = cargo(workspace, &["build"]);
    let errors = text(&output);
    assert!(
        !output.status.success(),
        "a structural revision must not compile"
    );
    for expected in [
        // The derive names the added code and the removed one.
        "code 953 `HealthCheckInfoUnavailable` (検診情報取得失敗) is not mapped to any variant of `Action`",
        "`ReferralLetterInfoUnavailable` is not a display code of table version 1.26",
    ] {
        assert!(errors.contains(expected), "missing {expected:?} in:\n{errors}");
    }
    // No follow-on error where the mapping is used: every error names a code.
    assert!(
        !errors.contains("E0308") && !errors.contains("mismatched types"),
        "{errors}"
    );
    // The generated crate moved to a breaking version.
    let manifest = fs::read_to_string(workspace.join("generated/Cargo.toml")).unwrap();
    let before = fs::read_to_string(root().join("generated/Cargo.toml")).unwrap();
    let version = |m: &str| {
        m.lines()
            .find_map(|l| {
                l.strip_prefix("version = \"")?
                    .strip_suffix('"')
                    .map(str::to_owned)
            })
            .unwrap()
    };
    assert_eq!(
        codegen::diff::Semver::Major.next_version(&version(&before)),
        Some(version(&manifest)),
        "the crate version must move to a breaking one"
    );
    // The handler trait names them too, as its methods.
    assert!(
        errors.contains("missing: `health_check_info_unavailable`")
            && errors.contains(
                "method `referral_letter_info_unavailable` is not a member of trait `CodeHandler`"
            ),
        "{errors}"
    );

    // 1.27: back to the 1.25 structure, only texts reworded. It compiles, and runs with the
    // new texts: nothing stale.
    let mut reworded = original;
    reworded.version = "1.27".parse().unwrap();
    reworded.title = reworded.title.replace("1.25版", "1.27版");
    code_mut(&mut reworded, 1).message = "患者はカードを置き直してください。【001】".to_owned();
    code_mut(&mut reworded, 1).rows[0].cause = "・カードを途中で抜いた".to_owned();
    code_mut(&mut reworded, 11).rows[0].remedy = "・LANケーブルを確認する".to_owned();
    publish(workspace, &reworded, "");
    let output = cargo(workspace, &["run", "--", "001", "0x03000001"]);
    assert!(
        output.status.success(),
        "a rewording must compile:\n{}",
        text(&output)
    );
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        shown.contains("患者はカードを置き直してください。【001】"),
        "{shown}"
    );
    assert!(shown.contains("cause: ・カードを途中で抜いた"), "{shown}");
}

/// Writes two copies of the workspace into `$OUT`, `breaking/` (code 953 added) and
/// `reworded/` (texts only), each through codegen as a maintainer runs it, for
/// `scripts/semver-verdict.sh`, which checks the report's verdict with cargo-semver-checks.
#[test]
#[ignore = "writes the fixtures of scripts/semver-verdict.sh"]
fn write_semver_fixtures() {
    let out = PathBuf::from(std::env::var("OUT").expect("OUT: where to write"));
    let original = real_table();

    let breaking = out.join("breaking");
    copy_workspace(&breaking);
    let mut added = original.clone();
    added.version = "1.26".parse().unwrap();
    added.title = added.title.replace("1.25版", "1.26版");
    let mut row = added.codes[0].rows[0].clone();
    row.message_ids = vec![MessageIdSpec::Exact(MessageId(0x8100_0035))];
    added.codes.push(CodeEntry {
        number: CodeNumber::new(953).unwrap(),
        tags: vec!["障害".to_owned()],
        heading: "検診情報取得失敗".to_owned(),
        message: "職員はシステムの運用情報を確認してください。".to_owned(),
        footnotes: Vec::new(),
        rows: vec![row],
    });
    publish(&breaking, &added, "953 = \"HealthCheckInfoUnavailable\"\n");

    let reworded = out.join("reworded");
    copy_workspace(&reworded);
    let mut texts = original;
    texts.version = "1.26".parse().unwrap();
    texts.title = texts.title.replace("1.25版", "1.26版");
    code_mut(&mut texts, 1).message = "患者はカードを置き直してください。".to_owned();
    publish(&reworded, &texts, "");
}
