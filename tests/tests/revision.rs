//! The revision workflow end to end, as a vendor lives it.
//!
//! A copy of the workspace with the quick start crate (written against the current table)
//! is built; then the ministry "publishes" revised workbooks, built here from the current
//! table, whatever its version:
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
use std::process::Output;

use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue, Table};
use oqs_messages_tests::revisions::{free_code_number, unlisted_id};
use oqs_messages_tests::workspace::{copy_workspace, current_table, next_version, root};

fn copy_quickstart_workspace(to: &Path) {
    copy_workspace(to, &[("tests/quickstart", "quickstart")]);
}

fn cargo(workspace: &Path, args: &[&str]) -> Output {
    oqs_messages_tests::workspace::cargo(workspace, "oqs-messages-quickstart", args)
}

/// A variant name as the handler trait's method: `ReferralLetterInfoUnavailable` gives
/// `referral_letter_info_unavailable` (simple CamelCase names only, which is what the
/// curated names are).
fn method(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The table's next version with a code added: the highest three-digit number that neither
/// the table nor `spec/names.toml` has, with one row listing an ID that no row lists.
fn with_added_code(original: &Table) -> (Table, CodeNumber) {
    let names = codegen::Names::load(&root().join("spec/names.toml")).unwrap();
    let named: Vec<CodeNumber> = names.codes.keys().copied().collect();
    let added = free_code_number(original, &named);
    let unused_id = unlisted_id(&[original], 0x8100_0000);
    let mut revised = next_version(original);
    let mut row = revised.codes[0].rows[0].clone();
    row.message_ids = vec![ListedId::Exact(MessageIdValue(unused_id))];
    row.footnotes.clear();
    row.details.clear();
    revised.codes.push(CodeEntry {
        number: added,
        tags: vec!["障害".to_owned()],
        heading: "検診情報取得失敗".to_owned(),
        message: "職員はシステムの運用情報を確認してください。".to_owned(),
        footnotes: Vec::new(),
        rows: vec![row],
    });
    (revised, added)
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
    // As `cargo run -p codegen` writes them: every package at the crate's next version,
    // with CHANGES.md and the crate version moved.
    let out = workspace.join("generated");
    let release = codegen::revision::release_version(&out, &reading);
    let files = reading
        .render(&names, &names_file, &release)
        .unwrap_or_else(|e| panic!("{e}"));
    let (files, _) = codegen::with_revision(&out, &reading, files);
    codegen::write_files(&out, &files).unwrap();
}

fn text_of(output: &Output) -> String {
    text(output)
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
    copy_quickstart_workspace(workspace);
    let original = current_table();
    let first = &original.codes[0];
    let first_id = first
        .rows
        .iter()
        .flat_map(|r| &r.message_ids)
        .find_map(|id| match id {
            ListedId::Exact(id) => Some(*id),
            ListedId::Range { .. } => None,
        })
        .expect("the first code lists a message ID");
    let number = format!("{:03}", first.number.get());
    let id = format!("0x{:08X}", first_id.0);

    // Written against the current table, the quick start builds and runs.
    let output = cargo(workspace, &["run", "--", &number, &id]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains(&format!("{number} {}", first.heading)));

    // A structural revision: a code added (with a new ID), the last code removed.
    let names = codegen::Names::load(&root().join("spec/names.toml")).unwrap();
    let removed = original.codes.last().unwrap().number;
    let removed_name = names.codes[&removed].clone();
    let (mut revised, added) = with_added_code(&original);
    revised.codes.retain(|c| c.number != removed);
    revised.codes[0].message = format!("{}（改訂）", revised.codes[0].message);
    publish(
        workspace,
        &revised,
        &format!("{added} = \"RevisionTestAddedCode\"\n"),
    );

    let output = cargo(workspace, &["build"]);
    let errors = text(&output);
    assert!(
        !output.status.success(),
        "a structural revision must not compile"
    );
    for expected in [
        // The derive names the added code and the removed one.
        format!("code {added} `RevisionTestAddedCode` (検診情報取得失敗) is not mapped to any variant of `Action`"),
        format!("`{removed_name}` is not a display code of table version {}", revised.version),
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in:\n{errors}");
    }
    // The handler trait names them too, as its methods.
    assert!(
        errors.contains("missing: `revision_test_added_code`")
            && errors.contains(&format!(
                "method `{}` is not a member of trait `CodeHandler`",
                method(&removed_name)
            )),
        "{errors}"
    );
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
        codegen::revision::Semver::Major.next_version(&version(&before)),
        Some(version(&manifest)),
        "the crate version must move to a breaking one"
    );
    // Every package of the release carries the crate's version, and an old caret range
    // (npm's default) does not let the breaking revision in.
    let released = version(&manifest);
    let generated =
        |path: &str| fs::read_to_string(workspace.join("generated").join(path)).unwrap();
    let package: serde_json::Value =
        serde_json::from_str(&generated("typescript/package.json")).unwrap();
    assert_eq!(package["version"], released.as_str(), "npm");
    assert!(
        generated("csharp/OqsMessages.csproj").contains(&format!("<Version>{released}</Version>")),
        "NuGet at {released}"
    );
    assert!(
        generated("java/pom.xml").contains(&format!("<version>{released}</version>")),
        "Maven at {released}"
    );
    let (old, new) = (version(&before), released.clone());
    let caret_admits = |old: &str, new: &str| {
        let parts = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap()).collect() };
        let (o, n) = (parts(old), parts(new));
        // ^0.y.z admits 0.y.*; ^x.y.z admits x.*.* from x ≥ 1.
        n >= o
            && if o[0] == 0 {
                n[0] == 0 && n[1] == o[1]
            } else {
                n[0] == o[0]
            }
    };
    assert!(
        !caret_admits(&old, &new),
        "^{old} must not admit the breaking {new}"
    );

    // Back to the current structure, only texts reworded. It compiles, and runs with the
    // new texts: nothing stale.
    let mut reworded = next_version(&next_version(&original));
    reworded.codes[0].message = "患者はカードを置き直してください。【改訂】".to_owned();
    let row = reworded.codes[0]
        .rows
        .iter_mut()
        .find(|r| r.message_ids.contains(&ListedId::Exact(first_id)))
        .unwrap();
    row.cause = "・カードを途中で抜いた（改訂）".to_owned();
    publish(workspace, &reworded, "");
    let output = cargo(workspace, &["run", "--", &number, &id]);
    assert!(
        output.status.success(),
        "a rewording must compile:\n{}",
        text(&output)
    );
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        shown.contains("患者はカードを置き直してください。【改訂】"),
        "{shown}"
    );
    assert!(
        shown.contains("cause: ・カードを途中で抜いた（改訂）"),
        "{shown}"
    );
}

/// A revision beside the current workbook in `spec/`, as the ministry publishes it and a
/// maintainer runs `cargo run -p codegen`: the last code and its IDs withdrawn, a code
/// added. Where the quick start (and a `match`, a few uses of the withdrawn name and its ID
/// as vendors write them) still names the withdrawn code or ID, `cargo check` (not only
/// `cargo build`) stops, saying it was withdrawn, in which version, with no suggestion of
/// another entry and no error that names no code; and the added code's errors come in the
/// same round.
#[test]
fn a_revision_beside_the_current_workbook_says_what_was_withdrawn() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_quickstart_workspace(workspace);
    let original = current_table();
    let names = codegen::Names::load(&root().join("spec/names.toml")).unwrap();
    let gone = original.codes.last().unwrap().clone();
    let gone_name = names.codes[&gone.number].clone();
    let gone_id = gone
        .rows
        .iter()
        .flat_map(|r| &r.message_ids)
        .find_map(|id| match id {
            ListedId::Exact(v) => Some(*v),
            ListedId::Range { .. } => None,
        });
    // A vendor's match over every code, and the withdrawn code and its ID by name, in the
    // places a value goes: a binding, an argument, a comparison, a constant.
    let mut client = String::from(
        "\n#[allow(dead_code)]\nfn every_code(code: Code) -> u16 {\n    match code {\n",
    );
    for code in &original.codes {
        client.push_str(&format!(
            "        Code::{} => {},\n",
            names.codes[&code.number],
            code.number.get()
        ));
    }
    client.push_str("    }\n}\n");
    let uses = [
        format!("const KEPT: Code = Code::{gone_name};"),
        format!("fn is_gone(code: Code) -> bool {{ code == Code::{gone_name} }}"),
        format!("fn gone() -> u16 {{ let code = Code::{gone_name}; every_code(code) }}"),
        format!("fn gone_number() -> u16 {{ every_code(Code::{gone_name}) }}"),
    ];
    for line in &uses {
        client.push_str(&format!("\n#[allow(dead_code)]\n{line}\n"));
    }
    if let Some(id) = gone_id {
        client.push_str(&format!(
            "\n#[allow(dead_code)]\nfn gone_id() -> oqs_messages::MessageId {{\n    oqs_messages::MessageId::Id{:08X}\n}}\n",
            id.0
        ));
    }
    let main = workspace.join("quickstart/src/main.rs");
    let text = fs::read_to_string(&main).unwrap() + &client;
    fs::write(&main, text).unwrap();
    let output = cargo(workspace, &["build"]);
    assert!(
        output.status.success(),
        "before the revision:\n{}",
        text_of(&output)
    );

    // The revision, beside the current workbook.
    let current_workbook = codegen::newest_workbook(&root().join("spec")).unwrap();
    let old = workspace
        .join("spec")
        .join(current_workbook.file_name().unwrap());
    fs::copy(&current_workbook, &old).unwrap();
    let (mut revised, added) = with_added_code(&original);
    revised.codes.retain(|c| c.number != gone.number);
    let new = workspace.join(format!("spec/一覧_{}版.xlsx", revised.version));
    oqs_messages_tests::write_table(&revised, &new).unwrap();
    let names_file = workspace.join("spec/names.toml");
    let names_text = fs::read_to_string(&names_file).unwrap().replace(
        "\n[ranges]",
        &format!("{added} = \"RevisionTestAddedCode\"\n\n[ranges]"),
    );
    fs::write(&names_file, names_text).unwrap();
    let out = workspace.join("generated");
    let (versions, files) =
        codegen::generate(&[old, new], &names_file, false, &out).unwrap_or_else(|e| panic!("{e}"));
    let (files, _) = codegen::with_revision(&out, versions.newest(), files);
    codegen::write_files(&out, &files).unwrap();

    // `cargo check`: what rust-analyzer, clippy and a check-only CI run.
    let output = cargo(workspace, &["check", "--message-format=short"]);
    let short = text_of(&output);
    let output = cargo(workspace, &["check"]);
    let errors = text_of(&output);
    // `OQS_SHOW_ERRORS=1` prints what the vendor sees, for the README.
    if std::env::var_os("OQS_SHOW_ERRORS").is_some() {
        eprintln!("{errors}");
    }
    assert!(
        !output.status.success(),
        "the revision must not pass cargo check"
    );
    let (removed, last) = (revised.version.as_str(), original.version.as_str());
    let sentence = format!(
        "code {} {} (`{gone_name}`) was withdrawn in table {removed}; last listed in {last}",
        gone.number, gone.heading
    );
    let marker = format!(
        "{gone_name}_code_{}_withdrawn_in_table_{}_last_listed_in_{}",
        gone.number,
        removed.replace('.', "_"),
        last.replace('.', "_")
    );
    // The derive says it in words; every use of the name is an error whose note names
    // the withdrawal; the handler's method has a parameter of a type that says it.
    assert!(errors.contains(&format!("error: {sentence}")), "{errors}");
    assert!(
        errors
            .lines()
            .any(|line| line.contains(&format!(
                "the variant or associated item `{gone_name}` exists for enum"
            )) && line.ends_with("Code`, but its trait bounds were not satisfied")),
        "{errors}"
    );
    assert!(
        errors.contains(&format!(
            "__withdrawn::{marker}<'_>: oqs_messages::__withdrawn::ListedInThisTable"
        )),
        "{errors}"
    );
    assert!(
        errors.contains(&format!(
            "fn(&mut Self, oqs_messages::__withdrawn::delete_this_method::{marker}) -> <Self as CodeHandler>::Output"
        )),
        "{errors}"
    );
    // Each use is an error of its own, the arm of the match too.
    let main_text = fs::read_to_string(&main).unwrap();
    let line_of = |needle: &str| {
        main_text
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{needle:?} not in main.rs"))
    };
    let mut places = vec![line_of(&format!("        Code::{gone_name} => "))];
    places.extend(uses.iter().map(|u| line_of(u)));
    for place in places {
        assert!(
            short.contains(&format!("quickstart/src/main.rs:{place}:"))
                && short
                    .lines()
                    .any(|l| l.contains(&format!("main.rs:{place}:")) && l.contains("E0599")),
            "no error at line {place}:\n{short}"
        );
    }
    if let Some(id) = gone_id {
        let id_marker = format!(
            "Id{:08X}_of_code_{}_withdrawn_in_table_{}_last_listed_in_{}",
            id.0,
            gone.number,
            removed.replace('.', "_"),
            last.replace('.', "_")
        );
        assert!(errors.contains(&id_marker), "{errors}");
        assert!(
            errors.contains(&format!(
                "the variant or associated item `Id{:08X}` exists for enum",
                id.0
            )),
            "{errors}"
        );
    }
    // The added code, in the same round: the derive and the handler name it.
    assert!(
        errors.contains(&format!(
            "code {added} `RevisionTestAddedCode` (検診情報取得失敗) is not mapped to any variant of `Action`"
        )),
        "{errors}"
    );
    assert!(
        errors.contains("missing: `revision_test_added_code`"),
        "{errors}"
    );
    // Nothing says the withdrawn name is merely unknown, nor suggests another entry.
    assert!(!errors.contains("is not a display code"), "{errors}");
    assert!(!errors.contains("did you mean"), "{errors}");
    assert!(!errors.contains("help: there is a variant"), "{errors}");
    // Every error names the withdrawn code or the added one.
    for error in errors.split("\nerror").skip(1) {
        assert!(
            error.contains(&gone_name)
                || error.contains(&method(&gone_name))
                || error.contains("RevisionTestAddedCode")
                || error.contains("revision_test_added_code")
                || error.contains("could not compile")
                || gone_id.is_some_and(|id| error.contains(&format!("{:08X}", id.0))),
            "an error that names no code:\n{error}\n\nall:\n{errors}"
        );
    }
}

/// Writes copies of the workspace into `$OUT`, `breaking/` (a code added), `removed/` (the
/// last code removed) and `reworded/` (texts only), each through codegen as a maintainer
/// runs it, for `scripts/semver-verdict.sh`, which checks the report's verdict with
/// cargo-semver-checks (and for trying a revision on a clone by hand).
#[test]
#[ignore = "writes the fixtures of scripts/semver-verdict.sh"]
fn write_semver_fixtures() {
    let out = PathBuf::from(std::env::var("OUT").expect("OUT: where to write"));
    let original = current_table();

    let breaking = out.join("breaking");
    copy_quickstart_workspace(&breaking);
    let (added, new_code) = with_added_code(&original);
    publish(
        &breaking,
        &added,
        &format!("{new_code} = \"RevisionTestAddedCode\"\n"),
    );

    let removed = out.join("removed");
    copy_quickstart_workspace(&removed);
    let mut fewer = next_version(&original);
    fewer.codes.pop();
    publish(&removed, &fewer, "");

    let reworded = out.join("reworded");
    copy_quickstart_workspace(&reworded);
    let mut texts = next_version(&original);
    texts.codes[0].message = "患者はカードを置き直してください。".to_owned();
    publish(&reworded, &texts, "");
}

/// Writes into the clone at `$OUT` a revision of its newest workbook beside it in `spec/`,
/// as the ministry would publish one: the last code and its IDs withdrawn, a code added
/// with a new ID, the first code's message reworded; and the added code's name in
/// `spec/names.toml`. `scripts/suite-over-revision.sh` then runs codegen and the whole
/// suite there, which must hold for any table.
#[test]
#[ignore = "writes a revision into a clone; run by scripts/suite-over-revision.sh"]
fn write_revision_beside_spec() {
    let out = PathBuf::from(std::env::var("OUT").expect("OUT: the clone to revise"));
    let original = current_table();
    let (mut revised, added) = with_added_code(&original);
    let gone = original.codes.last().unwrap().number;
    revised.codes.retain(|c| c.number != gone);
    revised.codes[0].message = format!("{}（改訂）", revised.codes[0].message);
    let workbook = out.join(format!("spec/一覧_{}版.xlsx", revised.version));
    oqs_messages_tests::write_table(&revised, &workbook).unwrap();
    let names_file = out.join("spec/names.toml");
    let names = fs::read_to_string(&names_file).unwrap().replace(
        "\n[ranges]",
        &format!("{added} = \"RevisionTestAddedCode\"\n\n[ranges]"),
    );
    fs::write(&names_file, names).unwrap();
}
