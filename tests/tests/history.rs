//! Every version in `spec/` answers. Three workbooks go into a copy of the workspace, built
//! from the current table (whatever its version): the middle one adds a code, the last
//! withdraws a code and a message ID, adds a row with a new ID and rewords a message. One
//! run of codegen over `spec/` writes the newest table with the history of the others;
//! then `table.json`, the Rust API (`Withdrawn`, from a vendor's crate built in the copy)
//! and `explain` must answer the withdrawn code and ID with their last texts and the
//! version that withdrew them.

use std::fs;
use std::path::Path;
use std::process::Command;

use oqs_messages_table::{CodeNumber, Table};
use oqs_messages_tests::revisions::{three_versions, ThreeVersions};
use oqs_messages_tests::workspace::{cargo, copy_explain_workspace, current_table, root};
use serde_json::Value;

/// A vendor's crate that asks the Rust API about the entries of `ThreeVersions`.
const PROBE_MAIN: &str = r#"
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (removed, id, added) = (
        args[0].parse::<u16>().unwrap(),
        u32::from_str_radix(args[1].trim_start_matches("0x"), 16).unwrap(),
        args[2].parse::<u16>().unwrap(),
    );
    println!("versions {:?}", oqs_messages::withdrawn::versions());
    println!("current {:?}", oqs_messages::Code::from_number(removed).is_some());
    let code = oqs_messages::Withdrawn::code(removed).expect("withdrawn code");
    println!("code {:03} {} / {} / last {} / removed {}", code.number(), code.heading(), code.message(), code.last_version(), code.removed_in());
    for row in code.rows() {
        println!("code row {:03}-{} {} {}", row.code, row.number, row.kind, row.contact);
    }
    println!("id current {:?}", oqs_messages::MessageId::from_value(id).is_some());
    let old = oqs_messages::Withdrawn::message_id(id).expect("withdrawn id");
    println!("id 0x{:08X} last {} / removed {}", old.value(), old.last_version(), old.removed_in());
    for row in old.rows() {
        println!("id row {:03}-{} {} {}", row.code, row.number, row.kind, row.cause);
    }
    println!("added withdrawn {:?}", oqs_messages::Withdrawn::code(added).is_some());
    println!("added current {:?}", oqs_messages::Code::from_number(added).is_some());
}
"#;

fn names_with(workspace: &Path, number: CodeNumber, name: &str) {
    let names_file = workspace.join("spec/names.toml");
    let text = fs::read_to_string(&names_file)
        .unwrap()
        .replace("\n[ranges]", &format!("{number} = \"{name}\"\n\n[ranges]"));
    fs::write(&names_file, text).unwrap();
}

/// The copy's `spec/` with the three workbooks, and codegen run over it as
/// `cargo run -p codegen` runs (every workbook, the revision recorded).
fn publish_all(workspace: &Path, versions: &ThreeVersions) {
    for table in &versions.tables {
        let file = workspace.join(format!("spec/一覧_{}版.xlsx", table.version));
        oqs_messages_tests::write_table(table, &file).unwrap();
    }
    names_with(workspace, versions.added_code, versions.added_code_name);
    let files = codegen::workbook_files(&workspace.join("spec")).unwrap();
    let names_file = workspace.join("spec/names.toml");
    let out = workspace.join("generated");
    let (read, rendered) =
        codegen::generate(&files, &names_file, false, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.readings().len(), 3);
    assert_eq!(&read.newest().table, &versions.tables[2]);
    let (rendered, _) = codegen::with_revision(&out, read.newest(), rendered);
    codegen::write_files(&out, &rendered).unwrap();
}

fn add_probe(workspace: &Path) {
    let probe = workspace.join("probe");
    fs::create_dir_all(probe.join("src")).unwrap();
    fs::write(
        probe.join("Cargo.toml"),
        "[package]\nname = \"withdrawn-probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\noqs-messages = { path = \"../generated\" }\n",
    )
    .unwrap();
    fs::write(probe.join("src/main.rs"), PROBE_MAIN).unwrap();
    let manifest = workspace.join("Cargo.toml");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("members = [", "members = [\"probe\", ");
    fs::write(manifest, text).unwrap();
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn check_table_json(workspace: &Path, v: &ThreeVersions) {
    let json: Value =
        serde_json::from_str(&fs::read_to_string(workspace.join("generated/table.json")).unwrap())
            .unwrap();
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(workspace.join("generated/table.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let mut broken = json.clone();
    broken["history"]["withdrawn_codes"][0]["removed_in"] = "next".into();
    assert!(
        !validator.is_valid(&broken),
        "the schema checks the history too"
    );
    let [a, b, c] = &v.tables;
    let history = &json["history"];
    assert_eq!(
        history["versions"],
        serde_json::json!([a.version, b.version, c.version])
    );
    let withdrawn = history["withdrawn_codes"].as_array().unwrap();
    assert_eq!(withdrawn.len(), 1, "{withdrawn:?}");
    assert_eq!(withdrawn[0]["entry"]["number"], v.removed_code.to_string());
    assert_eq!(withdrawn[0]["last_version"], b.version.to_string());
    assert_eq!(withdrawn[0]["removed_in"], c.version.to_string());
    let old_code = b.code(v.removed_code).unwrap();
    assert_eq!(withdrawn[0]["entry"]["heading"], old_code.heading.as_str());
    let removed_id = format!("0x{:08X}", v.removed_id);
    let old_id = history["withdrawn_ids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == removed_id.as_str())
        .unwrap_or_else(|| panic!("{removed_id} withdrawn: {history}"));
    assert_eq!(old_id["removed_in"], c.version.to_string());
    assert_eq!(old_id["rows"][0]["code"], v.removed_id_code.to_string());
    // Since when each entry is listed; what the last version added.
    let listed = |number: CodeNumber| {
        history["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["number"] == number.to_string())
            .unwrap()["listed_in"]
            .clone()
    };
    assert_eq!(
        listed(v.added_code),
        serde_json::json!([b.version, c.version])
    );
    assert_eq!(
        listed(v.removed_code),
        serde_json::json!([a.version, b.version])
    );
    assert_eq!(
        history["rows_added"],
        serde_json::json!([{ "code": v.added_row.0.to_string(), "row": v.added_row.1 }])
    );
    // The rustdoc says since when: the macro's input carries the history.
    let tokens = fs::read_to_string(workspace.join("generated/src/table.rs")).unwrap();
    assert!(
        tokens.contains(&format!(
            "code {}: [\"{}\", \"{}\"],",
            v.added_code, b.version, c.version
        )),
        "{tokens}"
    );
    // CHANGES.md records the last revision with its character-level diff.
    let changes = fs::read_to_string(workspace.join("generated/CHANGES.md")).unwrap();
    assert!(
        changes.contains(&format!("{{+{}+}}", v.reworded.1)),
        "{changes}"
    );
}

fn check_rust_api(workspace: &Path, v: &ThreeVersions) {
    let [a, b, c] = &v.tables;
    let output = cargo(
        workspace,
        "withdrawn-probe",
        &[
            "run",
            "--bin",
            "withdrawn-probe",
            "--",
            &v.removed_code.get().to_string(),
            &format!("0x{:08X}", v.removed_id),
            &v.added_code.get().to_string(),
        ],
    );
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    let old_code = b.code(v.removed_code).unwrap();
    for expected in [
        format!(
            "versions [\"{}\", \"{}\", \"{}\"]",
            a.version, b.version, c.version
        ),
        "current false".to_owned(),
        format!(
            "code {} {} / {} / last {} / removed {}",
            v.removed_code, old_code.heading, old_code.message, b.version, c.version
        ),
        format!(
            "code row {}-1 {} {}",
            v.removed_code, old_code.rows[0].kind, old_code.rows[0].contact
        ),
        "id current false".to_owned(),
        format!(
            "id 0x{:08X} last {} / removed {}",
            v.removed_id, b.version, c.version
        ),
        format!("id row {}-", v.removed_id_code),
        "added withdrawn false".to_owned(),
        "added current true".to_owned(),
    ] {
        assert!(
            shown.contains(&expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
}

fn check_explain(workspace: &Path, v: &ThreeVersions) {
    let [_, b, c] = &v.tables;
    let built = cargo(workspace, "oqs-explain", &["build", "--bin", "explain"]);
    assert!(built.status.success(), "{}", text(&built));
    let explain = root().join("target/revision-test/debug/explain");
    let run = |args: &[&str]| Command::new(&explain).args(args).output().unwrap();

    let code = format!("{:03}", v.removed_code.get());
    let output = run(&[&code]);
    let shown = text(&output);
    assert!(
        output.status.success(),
        "a withdrawn code is answered: {shown}"
    );
    assert!(
        shown.contains(&format!(
            "廃止: コード {code} は一覧（{}版）にありません。{}版で削除されました。{}版での内容:",
            c.version, c.version, b.version
        )),
        "{shown}"
    );
    let old_code = b.code(v.removed_code).unwrap();
    assert!(
        shown.contains(&format!("{code}-1 {}", old_code.heading)),
        "{shown}"
    );
    let first_line = old_code.message.lines().next().unwrap();
    assert!(shown.contains(first_line), "{shown}");

    let id = format!("0x{:08X}", v.removed_id);
    let output = run(&[&id]);
    let shown = text(&output);
    assert!(
        output.status.success(),
        "a withdrawn ID is answered: {shown}"
    );
    assert!(
        shown.contains(&format!("廃止: メッセージID {id} は一覧")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("{:03}-", v.removed_id_code.get())),
        "{shown}"
    );

    let output = run(&["--json", &id]);
    assert!(output.status.success(), "{}", text(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["withdrawn"]["removed_in"], c.version.to_string());
    assert_eq!(json["withdrawn"]["last_version"], b.version.to_string());
    assert_eq!(json["read_as"]["message_id"], id.as_str());
    assert_eq!(
        json["matches"],
        serde_json::json!([]),
        "no current row lists it"
    );
    assert_eq!(
        json["withdrawn"]["rows"][0]["code"],
        format!("{:03}", v.removed_id_code.get())
    );

    // The added code is current; a number in no version is still not found.
    let added = format!("{:03}", v.added_code.get());
    let output = run(&[&added]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(!text(&output).contains("廃止"));
    let never = (100..1000)
        .find(|n| {
            v.tables
                .iter()
                .all(|t| t.code(CodeNumber::new(*n).unwrap()).is_none())
        })
        .unwrap();
    let output = run(&[&format!("{never:03}")]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));

    // `--table VERSION` answers as that version of spec/ did.
    let [a, _, _] = &v.tables;
    let output = run(&["--table", b.version.as_str(), &code]);
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    assert!(
        shown.starts_with(&format!(
            "一覧の{}版（一覧_{}版.xlsx）での回答:",
            b.version, b.version
        )),
        "{shown}"
    );
    // The code's answer: its heading once, then its rows.
    assert!(
        shown.contains(&format!("\n{code} {} ", old_code.heading))
            && shown.contains(&format!("\n{code}-1\n")),
        "{shown}"
    );
    assert!(!shown.contains("廃止"), "{shown}");
    let output = run(&["--table", b.version.as_str(), "--json", &id]);
    assert!(output.status.success(), "{}", text(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["table_version"], b.version.to_string());
    assert_eq!(json["matches"][0]["match"]["kind"], "message_id");
    assert_eq!(json["matches"][0]["code"], v.removed_id_code.to_string());
    // The first version does not have the code the second added (the number may still be
    // a マイナポータル error code some row lists).
    let output = run(&["--table", a.version.as_str(), &added]);
    let shown = text(&output);
    assert!(!shown.contains(&format!("\n{added}-1 ")), "{shown}");
    if !output.status.success() {
        assert_eq!(output.status.code(), Some(1), "{shown}");
        assert!(
            shown.contains(&format!(
                "コード {added} は一覧（{}版）にありません",
                a.version
            )),
            "{shown}"
        );
    }
    let output = run(&[
        "--table",
        a.version.as_str(),
        &format!("{added} 0x{:08X}", v.added_id),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).contains(&format!(
            "コード {added} は一覧（{}版）にありません",
            a.version
        )),
        "{}",
        text(&output)
    );
    // A version not built in is refused, naming the older ones that are.
    let output = run(&["--table", "0.1", &code]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains(&format!(
            "この explain が持つ版: {}、{}",
            a.version, b.version
        )),
        "{}",
        text(&output)
    );
    // Words are searched in that version's texts, as in the current table's.
    let output = run(&["--table", b.version.as_str(), &old_code.heading]);
    let shown = text(&output);
    assert!(output.status.success(), "{shown}");
    assert!(
        shown.starts_with(&format!("一覧の{}版", b.version)),
        "{shown}"
    );
    assert!(shown.contains(&format!("{code}-1 ")), "{shown}");

    // Installed elsewhere, with the workspace gone (spec/ and all): the older versions are
    // built in.
    let away = tempfile::tempdir().unwrap();
    let moved = away.path().join("explain");
    fs::copy(&explain, &moved).unwrap();
    fs::remove_dir_all(workspace.join("spec")).unwrap();
    let output = Command::new(&moved)
        .args(["--table", b.version.as_str(), &code])
        .current_dir(away.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains(&format!("\n{code} {} ", old_code.heading))
            && text(&output).contains(&format!("\n{code}-1\n")),
        "{}",
        text(&output)
    );
    // No workbook reader in it: explain's own dependencies hold no spreadsheet crate.
    let tree = cargo(
        workspace,
        "oqs-explain",
        &["tree", "-e", "normal", "--prefix", "none"],
    );
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert!(tree.contains("oqs-messages"), "{tree}");
    for reader in ["calamine", "zip", "quick-xml", "codegen"] {
        assert!(
            !tree.lines().any(|l| l.starts_with(&format!("{reader} "))),
            "{reader} in explain's tree:\n{tree}"
        );
    }
}

#[test]
fn withdrawn_codes_and_ids_are_answered_from_every_version_in_spec() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_explain_workspace(workspace);
    add_probe(workspace);
    let names = codegen::Names::load(&root().join("spec/names.toml")).unwrap();
    let named: Vec<CodeNumber> = names.codes.keys().copied().collect();
    let versions = three_versions(&current_table(), &named);
    publish_all(workspace, &versions);
    check_table_json(workspace, &versions);
    check_rust_api(workspace, &versions);
    check_explain(workspace, &versions);
}

/// With one version in spec/, nothing is withdrawn and the history says only that.
#[test]
fn one_version_has_nothing_withdrawn() {
    let table: Value =
        serde_json::from_str(&fs::read_to_string(root().join("generated/table.json")).unwrap())
            .unwrap();
    let current: Table = current_table();
    let history = &table["history"];
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.last().unwrap(), current.version.as_str());
    if versions.len() == 1 {
        assert_eq!(history["withdrawn_codes"], serde_json::json!([]));
        assert_eq!(history["withdrawn_ids"], serde_json::json!([]));
        assert_eq!(history["rows_added"], serde_json::json!([]));
        assert_eq!(oqs_messages::Withdrawn::codes(), &[]);
        assert_eq!(oqs_messages::Withdrawn::message_ids(), &[]);
    }
    assert_eq!(
        oqs_messages::withdrawn::versions().len(),
        versions.len(),
        "the crate and table.json read the same versions"
    );
}
