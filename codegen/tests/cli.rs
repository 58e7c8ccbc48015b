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
    // Every workbook in spec/, whatever their versions: the newest with the history of
    // the others is what generated/ holds.
    let inputs = codegen::workbook_files(&codegen::workspace_root().join("spec")).unwrap();
    let (_, files) = codegen::generate(
        &inputs,
        &codegen::default_names_file(),
        false,
        &generated_dir(),
    )
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
    // The summary of the newest workbook in spec/, whatever its version.
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    let reading = codegen::read_workbook(&newest).unwrap();
    assert!(stdout.contains(&codegen::summary(&reading)), "{stdout}");
    assert!(
        stdout.contains(&format!("version      {}", reading.table.version)),
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
    assert_eq!(
        names,
        [
            "CHANGES.md",
            "callers-sentences.txt",
            "callers-words.json",
            "csharp/AssemblyInfo.cs",
            "csharp/CHANGES.md",
            "csharp/Code.cs",
            "csharp/LICENSE-APACHE",
            "csharp/LICENSE-MIT",
            "csharp/MessageId.cs",
            "csharp/OqsMessages.csproj",
            "csharp/OqsMessages.nuspec",
            "csharp/README.ja.md",
            "csharp/README.md",
            "csharp/Table.cs",
            "csharp/Types.cs",
            "java/CHANGES.md",
            "java/LICENSE-APACHE",
            "java/LICENSE-MIT",
            "java/README.ja.md",
            "java/README.md",
            "java/pom.xml",
            "java/src/main/java/oqs/messages/Code.java",
            "java/src/main/java/oqs/messages/CodeHandler.java",
            "java/src/main/java/oqs/messages/Footnote.java",
            "java/src/main/java/oqs/messages/ListedId.java",
            "java/src/main/java/oqs/messages/MessageId.java",
            "java/src/main/java/oqs/messages/MessageIdRange.java",
            "java/src/main/java/oqs/messages/Row.java",
            "java/src/main/java/oqs/messages/Table.java",
            "java/src/main/java/oqs/messages/package-info.java",
            "older-tables.json",
            "src/callers_words.rs",
            "src/search_index.rs",
            "src/table.rs",
            "src/withdrawn_table.rs",
            "table.html",
            "table.json",
            "table.schema.json",
            "typescript/CHANGES.md",
            "typescript/LICENSE-APACHE",
            "typescript/LICENSE-MIT",
            "typescript/README.ja.md",
            "typescript/README.md",
            "typescript/index.d.mts",
            "typescript/index.d.ts",
            "typescript/index.js",
            "typescript/index.mjs",
            "typescript/package.json"
        ]
    );
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    let version = codegen::read_workbook(&newest).unwrap().table.version;
    // Every file says what made it and from which table, but the licence texts, packed as
    // they are.
    for (_, bytes) in a
        .iter()
        .filter(|(p, _)| !p.to_string_lossy().contains("LICENSE-"))
    {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("cargo run -p codegen"));
        assert!(text.contains(version.as_str()));
    }
}

#[test]
fn the_page_is_self_contained_and_names_its_command_and_version() {
    let page = fs::read_to_string(generated_dir().join("table.html")).unwrap();
    let version = codegen::read_workbook(
        &codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap(),
    )
    .unwrap()
    .table
    .version;
    assert!(
        page.starts_with("<!DOCTYPE html>\n<!-- @generated by `cargo run -p codegen` from spec/")
    );
    assert!(page.contains(&format!("(table version {version}). Do not edit. -->")));
    // Nothing is loaded from anywhere: no external script, style, font or image; a link
    // only to a place in the page itself (`#015-1`: a row, asked again).
    let links = page.matches("href=").count();
    assert!(links > 0);
    assert_eq!(
        page.matches("href=\"#").count(),
        links,
        "a link out of the page"
    );
    for fetch in [
        "src=",
        "http://",
        "https://",
        "url(",
        "@import",
        "@font-face",
    ] {
        assert!(!page.contains(fetch), "the page refers to {fetch}");
    }
    // Small enough to mail and to open at once on an old help-desk PC.
    assert!(
        page.len() < 450_000,
        "the page is {} bytes: over 450 KB",
        page.len()
    );
    // The module carries the data: the table of table.json packed, the callers' words as in
    // callers-words.json (without its indentation), the sentences' counts as written.
    let sections = custom_sections(&page);
    let read = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    let generated = |name: &str| fs::read_to_string(generated_dir().join(name)).unwrap();
    assert_eq!(
        oqs_answer::TableData::from_packed(&sections["oqs-table"]).unwrap(),
        oqs_answer::TableData::from_json(&generated("table.json")).unwrap()
    );
    assert_eq!(
        read(&sections["oqs-callers-words"]),
        read(generated("callers-words.json").as_bytes())
    );
    assert_eq!(
        sections["oqs-callers-sentences"],
        generated("callers-sentences.txt").as_bytes()
    );
    for name in sections.keys().filter(|name| name.starts_with("oqs-")) {
        assert!(page.contains(&format!("-section=\"{name}\"")), "{name}");
    }
}

/// The custom sections of the page's module (gzipped, in base64, in `<script id="engine">`),
/// by name, as texts.
fn custom_sections(page: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    use base64::Engine as _;
    use std::io::Read as _;
    let start = page
        .find("<script id=\"engine\"")
        .expect("the engine's element");
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
    let gzipped = base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .unwrap();
    let mut module = Vec::new();
    flate2::read::GzDecoder::new(&gzipped[..])
        .read_to_end(&mut module)
        .unwrap();
    assert_eq!(&module[..4], b"\0asm");
    let leb128 = |at: &mut usize| {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let byte = module[*at];
            *at += 1;
            n |= usize::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                return n;
            }
        }
    };
    let mut sections = std::collections::BTreeMap::new();
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        at += 1;
        let size = leb128(&mut at);
        let end = at + size;
        if id == 0 {
            let name_len = leb128(&mut at);
            let name = String::from_utf8(module[at..at + name_len].to_vec()).unwrap();
            let payload = module[at + name_len..end].to_vec();
            sections.insert(name, payload);
        }
        at = end;
    }
    sections
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
    let output = support::codegen_built(&good, &out);
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
    // A code that spec/names.toml does not name, whatever revision it is at.
    let names = fs::read_to_string(codegen::default_names_file()).unwrap();
    let number = (100..1000)
        .rev()
        .find(|n| !names.contains(&format!("\n{n} =")))
        .unwrap();
    let mut spec = SheetSpec::valid("1.26");
    spec.set("A9", Some(&number.to_string()));
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
        err.contains(&format!(
            "no variant name for code {number} (券面の読取り不可); add this line under [codes]"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "\n    {number} = \"Code{number}\"    # 券面の読取り不可"
        )),
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
        "--names",
        support::FIXTURE_NAMES,
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

#[test]
fn a_revision_moves_the_crate_version_by_what_it_changes() {
    use codegen::revision::Semver;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // The generated crate's manifest, as the maintainer has it.
    fs::copy(generated_dir().join("Cargo.toml"), out.join("Cargo.toml")).unwrap();
    let version = || codegen::revision::manifest::crate_version(&out).unwrap();
    let run = |spec: SheetSpec, name: &str| {
        let path = support::write(dir.path(), name, &[spec]);
        let output = support::codegen_built(&path, &out);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    run(SheetSpec::valid("1.25"), "一覧_1.25版.xlsx");
    let first = version();

    // A code added: variants change, a breaking release.
    let mut added = SheetSpec::valid("1.26");
    for (cell, text) in [
        ("A10", "950"),
        ("B10", "【障害】\n処方箋取得失敗"),
        ("C10", "職員は障害発生状況を確認してください。"),
        ("D10", "処方箋一覧取得失敗"),
        ("E10", "0x81000030"),
        ("F10", "取得に失敗した"),
        ("G10", "-"),
        ("H10", "オンライン資格確認等コールセンター"),
    ] {
        added.set(cell, Some(text));
    }
    let report = run(added.clone(), "一覧_1.26版.xlsx");
    let breaking = Semver::Major.next_version(&first).unwrap();
    assert_eq!(version(), breaking);
    assert!(
        report.contains(&format!("Crate: oqs-messages {first} → {breaking}.")),
        "{report}"
    );
    let changes = fs::read_to_string(out.join("CHANGES.md")).unwrap();
    assert!(changes.contains(&format!("Crate: oqs-messages {first} → {breaking}.")));

    // Only a text reworded: a patch.
    added.set("C3", Some("患者はカードを置き直してください。"));
    let title = added.rows[0][0].clone();
    if let Some(support::Cell::Text(text)) = title {
        added.set("A1", Some(&text.replace("1.26", "1.27")));
    }
    run(added, "一覧_1.27版.xlsx");
    assert_eq!(version(), Semver::Patch.next_version(&breaking).unwrap());
    // Everything but the version line is as it was.
    let manifest = fs::read_to_string(out.join("Cargo.toml")).unwrap();
    let original = fs::read_to_string(generated_dir().join("Cargo.toml")).unwrap();
    assert_eq!(
        manifest.replace(&version(), "V"),
        original.replacen(&format!("version = \"{first}\""), "version = \"V\"", 1)
    );
}

#[test]
fn a_workbook_that_makes_the_library_panic_is_refused_quietly() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats/corrupt/library_panics_1.25版.xls");
    let dir = tempfile::tempdir().unwrap();
    let output = codegen(&[
        "--input",
        file.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("the file is corrupt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Housekeeping after a revision: the summary names each line of the names file that no
/// version read lists any more (a withdrawn code whose last workbook left `spec/`), to be
/// removed; a name every version still needs is not named.
#[test]
fn the_summary_names_the_names_no_version_uses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let path = support::write(dir.path(), "一覧_1.25版.xlsx", &[SheetSpec::valid("1.25")]);
    let names = dir.path().join("names.toml");
    let text = fs::read_to_string(support::FIXTURE_NAMES)
        .unwrap()
        .replacen("[codes]\n", "[codes]\n777 = \"RetiredLongAgo\"\n", 1);
    fs::write(&names, text).unwrap();
    let output = codegen(&[
        "--input",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--names",
        names.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let listed: Vec<&str> = stdout
        .split_once("remove them:\n")
        .map(|(_, rest)| {
            rest.lines()
                .take_while(|l| l.starts_with("             "))
                .map(str::trim)
                .collect()
        })
        .unwrap_or_default();
    assert!(
        listed.contains(&"[codes] 777 = \"RetiredLongAgo\""),
        "{stdout}"
    );
    // A name the table uses is never listed.
    let table = codegen::read_workbook(&path).unwrap().table;
    for code in &table.codes {
        assert!(
            !listed
                .iter()
                .any(|l| l.starts_with(&format!("[codes] {} ", code.number))),
            "{stdout}"
        );
    }
    assert!(
        stdout.contains(&format!("names        {} line(s) of ", listed.len())),
        "{stdout}"
    );
}

/// After a revision rewords a text, the summary names the callers' words that stand for a
/// word no text holds any more, and the search is generated without complaint.
#[test]
fn the_summary_names_callers_words_no_text_holds() {
    let dir = tempfile::tempdir().unwrap();
    let names = dir.path().join("names.toml");
    fs::copy(codegen::default_names_file(), &names).unwrap();
    // Codegen with the names and, beside them, these callers' words, into `out`.
    let run = |callers_words: &str, out: &Path| {
        fs::write(dir.path().join("callers-words.toml"), callers_words).unwrap();
        codegen(&[
            "--out",
            out.to_str().unwrap(),
            "--names",
            names.to_str().unwrap(),
        ])
    };
    let out = dir.path().join("out");
    let output = run(
        "[words]\n\"PIN\" = [\"暗証番号\"]\n\"ぴん\" = [\"暗証番号\", \"ゐゑゐゑ\"]\n",
        &out,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("callers      1 entr(y/ies)"), "{stdout}");
    assert!(
        stdout.contains("\"ぴん\" = [\"暗証番号\", \"ゐゑゐゑ\"]: ゐゑゐゑ"),
        "{stdout}"
    );
    let rust = fs::read_to_string(out.join("src/callers_words.rs")).unwrap();
    assert!(rust.contains("(\"PIN\", &[\"暗証番号\"]),"), "{rust}");
    // A malformed list is refused, naming the file, and nothing is written.
    let refused = dir.path().join("refused");
    let output = run("[words]\n\"PIN\" = []\n", &refused);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("callers-words.toml"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("\"PIN\": no table word"),
        "{}",
        stderr(&output)
    );
    assert!(!refused.exists());
}
