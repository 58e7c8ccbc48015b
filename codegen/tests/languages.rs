//! The packages for TypeScript, C# and Java, checked by each language's real compiler: the
//! generated package alone, and a downstream client written as a vendor would (a handler
//! with a method for every code, and an exhaustive switch), on the current table and on a
//! revision built from it that adds a code and removes one. On the current table each
//! client compiles (the C# and Java ones also run); on the revision each fails, and every
//! error names the added or the removed code.
//!
//! The compilers: `tsc` (TypeScript 5, `OQS_TSC` or on the PATH), Mono's `mcs` and `mono`,
//! `javac` and `java`. Where one is missing the test says it was skipped; CI installs them
//! and sets `OQS_REQUIRE_TOOLS`, which makes a skip a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::render::view::View;
use codegen::{GeneratedFile, Names};
use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue, Table};

const REQUIRE: &str = "OQS_REQUIRE_TOOLS";

/// The name the revision gives the code it adds: no maintainer will pick it.
const ADDED: &str = "RevisionTestAddedCode";

fn spec_names() -> Names {
    Names::load(&codegen::default_names_file()).unwrap()
}

fn current() -> Table {
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    codegen::read_workbook(&newest).unwrap().table
}

/// What a built revision does to the current table.
#[derive(Clone, Copy, Debug)]
enum Change {
    Add,
    Remove,
    Both,
}

/// The current table with a code added (the highest free number, one row listing an ID no
/// row lists) and its last code removed; the names with the added code's.
fn revision(table: &Table) -> (Table, Names, CodeEntry, CodeEntry) {
    let mut names = spec_names();
    let number = (100..1000)
        .rev()
        .map(|n| CodeNumber::new(n).unwrap())
        .find(|n| table.code(*n).is_none() && !names.codes.contains_key(n))
        .unwrap();
    let listed: Vec<ListedId> = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .flat_map(|r| r.message_ids.clone())
        .collect();
    let unused = (0x8100_0000u32..)
        .find(|v| listed.iter().all(|id| !id.contains(*v)))
        .unwrap();
    let mut revised = table.clone();
    let removed = revised.codes.pop().unwrap();
    let mut row = revised.codes[0].rows[0].clone();
    row.message_ids = vec![ListedId::Exact(MessageIdValue(unused))];
    row.footnotes.clear();
    row.details.clear();
    let added = CodeEntry {
        number,
        tags: vec!["障害".to_owned()],
        heading: "検診情報取得失敗".to_owned(),
        message: "職員はシステムの運用情報を確認してください。".to_owned(),
        footnotes: Vec::new(),
        rows: vec![row],
    };
    revised.codes.push(added.clone());
    names.codes.insert(number, ADDED.to_owned());
    (revised, names, added, removed)
}

/// The files of one language for a table.
fn package(table: &Table, names: &Names, prefix: &str) -> Vec<GeneratedFile> {
    codegen::render::render(table, "t.xlsx", names)
        .into_iter()
        .filter(|f| f.path.starts_with(prefix))
        .collect()
}

fn write(dir: &Path, files: &[GeneratedFile], prefix: &str) {
    for file in files {
        let path = dir.join(file.path.trim_start_matches(prefix).trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
}

/// A compiler, or `None` after saying the test is skipped (a failure under `REQUIRE`).
fn tool(test: &str, name: &str, env: Option<&str>) -> Option<PathBuf> {
    if let Some(path) = env.and_then(std::env::var_os) {
        return Some(PathBuf::from(path));
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os(REQUIRE).is_none(),
            "{test}: no {name} on this machine, and {REQUIRE} is set"
        );
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {test}: no {name} on this machine; CI installs it and sets {REQUIRE}"
        );
    }
    found
}

fn run(command: &mut Command) -> Output {
    command.output().expect("run the compiler")
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The errors a compiler printed, each with the lines that follow it (javac and tsc show
/// the source line there), split where each error begins.
fn errors(text: &str, begins: impl Fn(&str) -> bool) -> Vec<String> {
    let mut errors: Vec<String> = Vec::new();
    for line in text.lines() {
        if begins(line) {
            errors.push(line.to_owned());
        } else if let Some(last) = errors.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    errors
}

/// The table of a revision that makes this change, with its names, and the names in
/// errors of the code it adds and of the code it removes (empty where it does not).
fn revised(table: &Table, change: Change) -> (Table, Names, Vec<String>, Vec<String>) {
    let (both, names, added, removed) = revision(table);
    let removed_name = spec_names().codes[&removed.number].clone();
    let mut revised = both;
    let mut added_names = names_of(ADDED, added.number);
    let mut removed_names = names_of(&removed_name, removed.number);
    match change {
        Change::Add => {
            revised.codes.insert(revised.codes.len() - 1, removed);
            removed_names.clear();
        }
        Change::Remove => {
            revised.codes.pop();
            added_names.clear();
        }
        Change::Both => {}
    }
    (revised, names, added_names, removed_names)
}

/// The errors of a client built against each revision: every one names the added or the
/// removed code, and each code changed is named.
fn check_revisions(table: &Table, build: impl Fn(&Table, &Names) -> (Vec<String>, String)) {
    for change in [Change::Add, Change::Remove, Change::Both] {
        let (revised, names, added, removed) = revised(table, change);
        let (errors, all) = build(&revised, &names);
        // `OQS_SHOW_ERRORS=1` prints what each compiler says, for the README.
        if std::env::var_os("OQS_SHOW_ERRORS").is_some() {
            let _ = writeln!(std::io::stderr(), "== {change:?}\n{all}");
        }
        assert!(
            !errors.is_empty(),
            "{change:?}: the client still compiles:\n{all}"
        );
        for error in &errors {
            assert!(
                added.iter().chain(&removed).any(|n| error.contains(n.as_str())),
                "{change:?}: an error names neither the added nor the removed code:\n{error}\n\nall:\n{all}"
            );
        }
        // A compiler that stops at its first kind of error (Mono's mcs) need not name both
        // when both change; each alone it must name.
        if !matches!(change, Change::Both) {
            for names in [&added, &removed].into_iter().filter(|n| !n.is_empty()) {
                assert!(
                    errors
                        .iter()
                        .any(|e| names.iter().any(|n| e.contains(n.as_str()))),
                    "{change:?}: no error names {names:?}:\n{all}"
                );
            }
        }
    }
}

/// The names a code goes by in a language's errors.
fn names_of(view_name: &str, number: CodeNumber) -> Vec<String> {
    vec![
        view_name.to_owned(),
        oqs_messages_table::names::lower_camel_case(view_name),
        oqs_messages_table::names::upper_snake_case(view_name),
        format!("\"{number}\""),
    ]
}

// --- TypeScript ---------------------------------------------------------------------------

/// A vendor's client: every code handled, an exhaustive switch with a `never` check.
fn typescript_client(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    let mut out = String::from(
        "import { Code, CodeHandler, handle, codeFromNumber, rowsFor, parseMessageId, ROWS, VERSION } from \"oqs-messages\";\n\n\
         const handler: CodeHandler<string> = {\n",
    );
    for code in &view.codes {
        out.push_str(&format!(
            "  {}: () => \"{}\",\n",
            code.camel, code.entry.number
        ));
    }
    out.push_str("};\n\nexport function action(code: Code): string {\n  switch (code) {\n");
    for code in &view.codes {
        out.push_str(&format!(
            "    case Code.{}: return \"{}\";\n",
            code.name, code.camel
        ));
    }
    out.push_str("    default: {\n      const unhandled: never = code;\n      return unhandled;\n    }\n  }\n}\n\n");
    let first = &view.codes[0];
    out.push_str(&format!(
        "const code: Code | undefined = codeFromNumber({});\nif (code !== undefined) {{\n  const said: string = handle(code, handler) + action(code) + VERSION + String(rowsFor(code, 0).length);\n  void said;\n}}\nvoid parseMessageId(\"0x04000011\");\nvoid ROWS;\n",
        first.entry.number.get()
    ));
    out
}

fn tsc_check(tsc: &Path, package: &[GeneratedFile], client: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("oqs-messages"), package, "typescript");
    let vendor = root.join("vendor");
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(
        vendor.join("package.json"),
        r#"{ "name": "vendor", "version": "1.0.0", "private": true, "type": "module" }"#,
    )
    .unwrap();
    // As a vendor takes it: npm install path/to/generated/typescript.
    let npm = run(Command::new("npm")
        .args([
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "../oqs-messages",
        ])
        .current_dir(&vendor));
    assert!(npm.status.success(), "npm install: {}", said(&npm));
    std::fs::write(
        vendor.join("tsconfig.json"),
        r#"{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "esnext", "moduleResolution": "bundler", "lib": ["es2022"], "noUnusedLocals": false }, "include": ["*.ts"] }"#,
    )
    .unwrap();
    std::fs::write(vendor.join("main.ts"), client).unwrap();
    run(Command::new(tsc).args(["-p", "."]).current_dir(&vendor))
}

#[test]
fn typescript_package_type_checks_and_a_revision_breaks_the_client_where_it_must() {
    let test = "typescript_package_type_checks_and_a_revision_breaks_the_client_where_it_must";
    let Some(tsc) = tool(test, "tsc", Some("OQS_TSC")) else {
        return;
    };
    if tool(test, "npm", None).is_none() {
        return;
    }
    let table = current();
    let names = spec_names();
    let client = typescript_client(&table, &names);
    let checked = tsc_check(&tsc, &package(&table, &names, "typescript"), &client);
    assert!(
        checked.status.success(),
        "tsc --strict on the current table:\n{}",
        said(&checked)
    );

    check_revisions(&table, |revised, names| {
        let checked = tsc_check(&tsc, &package(revised, names, "typescript"), &client);
        let all = said(&checked);
        (errors(&all, |l| l.contains(": error TS")), all)
    });
}

// --- C# -----------------------------------------------------------------------------------

fn csharp_client(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    let mut out = String::from(
        "using System;\nusing OqsMessages;\n\nclass Vendor : ICodeHandler<string>\n{\n",
    );
    for code in &view.codes {
        out.push_str(&format!(
            "    string ICodeHandler<string>.{}() {{ return \"{}\"; }}\n",
            code.name, code.entry.number
        ));
    }
    out.push_str(
        "\n    static string Action(Code code)\n    {\n        switch (code)\n        {\n",
    );
    for code in &view.codes {
        out.push_str(&format!(
            "            case Code.{}: return \"{}\";\n",
            code.name, code.name
        ));
    }
    out.push_str("            default: return \"?\";\n        }\n    }\n\n");
    let first = &view.codes[0];
    out.push_str(&format!(
        "    static void Main()\n    {{\n        Code code = Table.FromNumber({}).Value;\n        int rows = 0;\n        foreach (var row in code.RowsFor(0)) rows++;\n        Console.WriteLine(code.Handle(new Vendor()) + \" \" + Action(code) + \" \" + code.Entry().Heading + \" \" + Table.Version + \" \" + rows);\n    }}\n}}\n",
        first.entry.number.get()
    ));
    out
}

fn mcs_build(
    mcs: &Path,
    package: &[GeneratedFile],
    client: &str,
) -> (Output, Option<Output>, tempfile::TempDir) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_path_buf();
    write(&dir.join("pkg"), package, "csharp");
    let sources: Vec<PathBuf> = std::fs::read_dir(dir.join("pkg"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cs"))
        .collect();
    let library = run(Command::new(mcs)
        .args(["-target:library", "-warn:4", "-warnaserror"])
        .arg(format!("-out:{}", dir.join("OqsMessages.dll").display()))
        .args(&sources));
    if !library.status.success() {
        return (library, None, temp);
    }
    std::fs::write(dir.join("Vendor.cs"), client).unwrap();
    let vendor = run(Command::new(mcs)
        .arg(format!("-r:{}", dir.join("OqsMessages.dll").display()))
        .arg(format!("-out:{}", dir.join("vendor.exe").display()))
        .arg(dir.join("Vendor.cs")));
    (library, Some(vendor), temp)
}

#[test]
fn csharp_package_compiles_and_a_revision_breaks_the_client_where_it_must() {
    let test = "csharp_package_compiles_and_a_revision_breaks_the_client_where_it_must";
    let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let client = csharp_client(&table, &names);
    let (library, vendor, dir) = mcs_build(&mcs, &package(&table, &names, "csharp"), &client);
    assert!(
        library.status.success(),
        "mcs on the package:\n{}",
        said(&library)
    );
    let vendor = vendor.unwrap();
    assert!(
        vendor.status.success(),
        "mcs on the client:\n{}",
        said(&vendor)
    );
    let ran = run(Command::new(&mono).arg(dir.path().join("vendor.exe")));
    assert!(ran.status.success(), "{}", said(&ran));
    let first = &table.codes[0];
    let line = String::from_utf8_lossy(&ran.stdout);
    assert!(
        line.starts_with(&format!(
            "{} {} {} {}",
            first.number, names.codes[&first.number], first.heading, table.version
        )),
        "{line}"
    );

    check_revisions(&table, |revised, names| {
        let (library, vendor, _) = mcs_build(&mcs, &package(revised, names, "csharp"), &client);
        assert!(
            library.status.success(),
            "mcs on the revised package:\n{}",
            said(&library)
        );
        let all = said(&vendor.unwrap());
        (errors(&all, |l| l.contains(": error CS")), all)
    });
}

// --- Java ---------------------------------------------------------------------------------

fn java_client(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    let mut out = String::from(
        "import oqs.messages.Code;\nimport oqs.messages.CodeHandler;\nimport oqs.messages.Table;\n\npublic class Vendor implements CodeHandler<String> {\n",
    );
    for code in &view.codes {
        out.push_str(&format!(
            "    @Override public String {}() {{ return \"{}\"; }}\n",
            code.camel, code.entry.number
        ));
    }
    out.push_str("\n    static String action(Code code) {\n        switch (code) {\n");
    for code in &view.codes {
        out.push_str(&format!(
            "            case {}: return \"{}\";\n",
            code.constant, code.constant
        ));
    }
    out.push_str("            default: return \"?\";\n        }\n    }\n\n");
    let first = &view.codes[0];
    out.push_str(&format!(
        "    public static void main(String[] args) {{\n        Code code = Code.fromNumber({});\n        System.out.println(code.handle(new Vendor()) + \" \" + action(code) + \" \" + code.heading() + \" \" + Table.VERSION + \" \" + code.rowsFor(0L).size());\n    }}\n}}\n",
        first.entry.number.get()
    ));
    out
}

fn javac_build(
    javac: &Path,
    package: &[GeneratedFile],
    client: &str,
) -> (Output, Option<Output>, tempfile::TempDir) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_path_buf();
    write(&dir.join("pkg"), package, "java");
    let mut sources = Vec::new();
    let mut stack = vec![dir.join("pkg/src")];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "java") {
                sources.push(path);
            }
        }
    }
    let classes = dir.join("classes");
    // Every lint but the one about --release 8 being old, and a warning fails the build.
    let library = run(Command::new(javac)
        .args([
            "--release",
            "8",
            "-encoding",
            "UTF-8",
            "-Xlint:all,-options",
            "-Werror",
            "-d",
        ])
        .arg(&classes)
        .args(&sources));
    if !library.status.success() {
        return (library, None, temp);
    }
    std::fs::write(dir.join("Vendor.java"), client).unwrap();
    let vendor = run(Command::new(javac)
        .args([
            "--release",
            "8",
            "-encoding",
            "UTF-8",
            "-Xlint:-options",
            "-cp",
        ])
        .arg(&classes)
        .arg("-d")
        .arg(&classes)
        .arg(dir.join("Vendor.java")));
    (library, Some(vendor), temp)
}

#[test]
fn java_package_compiles_and_a_revision_breaks_the_client_where_it_must() {
    let test = "java_package_compiles_and_a_revision_breaks_the_client_where_it_must";
    let (Some(javac), Some(java)) = (tool(test, "javac", None), tool(test, "java", None)) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let client = java_client(&table, &names);
    let (library, vendor, dir) = javac_build(&javac, &package(&table, &names, "java"), &client);
    assert!(
        library.status.success(),
        "javac on the package:\n{}",
        said(&library)
    );
    let vendor = vendor.unwrap();
    assert!(
        vendor.status.success(),
        "javac on the client:\n{}",
        said(&vendor)
    );
    let ran = run(Command::new(&java)
        .arg("-Dfile.encoding=UTF-8")
        .arg("-cp")
        .arg(dir.path().join("classes"))
        .arg("Vendor"));
    assert!(ran.status.success(), "{}", said(&ran));
    let first = &table.codes[0];
    let line = String::from_utf8_lossy(&ran.stdout);
    let constant = oqs_messages_table::names::upper_snake_case(&names.codes[&first.number]);
    assert!(
        line.starts_with(&format!(
            "{} {constant} {} {}",
            first.number, first.heading, table.version
        )),
        "{line}"
    );

    check_revisions(&table, |revised, names| {
        let (library, vendor, _) = javac_build(&javac, &package(revised, names, "java"), &client);
        assert!(
            library.status.success(),
            "javac on the revised package:\n{}",
            said(&library)
        );
        let all = said(&vendor.unwrap());
        (errors(&all, |l| l.contains(": error:")), all)
    });
}

// --- JSON Schema --------------------------------------------------------------------------

#[test]
fn table_json_is_valid_against_its_schema_and_the_schema_refuses_what_it_must() {
    let files = codegen::render::render(&current(), "t.xlsx", &spec_names());
    let file = |path: &str| -> serde_json::Value {
        let file = files.iter().find(|f| f.path == path).unwrap();
        serde_json::from_str(&file.contents).unwrap()
    };
    let (schema, table) = (file("table.schema.json"), file("table.json"));
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&table)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // It can fail: a code of two digits, an ID in lower case, a row without its cause.
    let mut broken = table.clone();
    broken["codes"][0]["number"] = "01".into();
    broken["codes"][0]["rows"][0]["message_ids"] = serde_json::json!(["0x0300000a"]);
    broken["codes"][1]["rows"][0]
        .as_object_mut()
        .unwrap()
        .remove("cause");
    assert_eq!(validator.iter_errors(&broken).count(), 3);
}

/// The Java parsers take what a log holds and nothing else, and format alike in every
/// locale (a clinic PC set to another language's digits must still print 015).
#[test]
fn java_parsers_refuse_signs_and_format_in_every_locale() {
    let test = "java_parsers_refuse_signs_and_format_in_every_locale";
    let (Some(javac), Some(java)) = (tool(test, "javac", None), tool(test, "java", None)) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let first = &table.codes[0];
    let id = table.codes[0].rows[0]
        .message_ids
        .iter()
        .find_map(|id| match id {
            ListedId::Exact(value) => Some(*value),
            ListedId::Range { .. } => None,
        })
        .unwrap();
    let client = format!(
        "import oqs.messages.*;\n\npublic class Vendor {{\n    public static void main(String[] args) {{\n        \
         String[] texts = {{ \"+1234567\", \"-1234567\", \"0x+1234567\", \"{id}\", \"{}\", \"\\u0660\\u0660\\u0660\\u0660\\u0660\\u0660\\u0660\\u0661\" }};\n        \
         StringBuilder out = new StringBuilder();\n        for (String text : texts) out.append(MessageId.parse(text)).append(' ');\n        \
         out.append(Code.fromNumber({}).digits()).append(' ').append(MessageId.fromValue(MessageId.parse(\"{id}\")));\n        \
         System.out.println(out);\n    }}\n}}\n",
        id.to_string().to_lowercase().trim_start_matches("0x"),
        first.number.get()
    );
    let (library, vendor, dir) = javac_build(&javac, &package(&table, &names, "java"), &client);
    assert!(
        library.status.success(),
        "javac -Xlint:all -Werror on the package:\n{}",
        said(&library)
    );
    let vendor = vendor.unwrap();
    assert!(vendor.status.success(), "{}", said(&vendor));
    for locale in [["en", "US"], ["ar", "EG"], ["hi", "IN"], ["ja", "JP"]] {
        let ran = run(Command::new(&java)
            .arg(format!("-Duser.language={}", locale[0]))
            .arg(format!("-Duser.country={}", locale[1]))
            .arg("-cp")
            .arg(dir.path().join("classes"))
            .arg("Vendor"));
        assert!(ran.status.success(), "{}", said(&ran));
        let value = id.value();
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout).trim(),
            format!("-1 -1 -1 {value} {value} -1 {} {id}", first.number),
            "{locale:?}"
        );
    }
}

/// The C# tables are shared by every caller of the library: a cast to an array or to a
/// writable list cannot change them.
#[test]
fn csharp_tables_cannot_be_changed_through_a_cast() {
    let test = "csharp_tables_cannot_be_changed_through_a_cast";
    let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let client = r#"using System;
using System.Collections.Generic;
using OqsMessages;

class Vendor
{
    static string Try(Action change)
    {
        try { change(); return "changed"; }
        catch (InvalidCastException) { return "refused"; }
        catch (NotSupportedException) { return "refused"; }
    }

    static void Main()
    {
        var first = Table.Codes[0];
        string heading = first.Heading;
        Console.WriteLine(string.Join(" ", new[] {
            Try(() => ((CodeEntry[])Table.Codes)[0] = null),
            Try(() => ((IList<CodeEntry>)Table.Codes)[0] = null),
            Try(() => ((Row[])first.Rows)[0] = null),
            Try(() => ((IList<ListedId>)first.Rows[0].MessageIds).Clear()),
            Try(() => ((int[])first.Rows[0].Footnotes)[0] = 9),
            Try(() => ((IList<string>)first.Tags)[0] = "x"),
            Try(() => ((IList<Footnote>)Table.Footnotes).Clear()),
            Table.Codes[0] == first && Table.Codes[0].Heading == heading ? "same" : "changed",
        }));
    }
}
"#;
    let (library, vendor, dir) = mcs_build(&mcs, &package(&table, &names, "csharp"), client);
    assert!(
        library.status.success(),
        "mcs -warnaserror on the package:\n{}",
        said(&library)
    );
    let vendor = vendor.unwrap();
    assert!(vendor.status.success(), "{}", said(&vendor));
    let ran = run(Command::new(&mono).arg(dir.path().join("vendor.exe")));
    assert!(ran.status.success(), "{}", said(&ran));
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout).trim(),
        "refused refused refused refused refused refused refused same"
    );
}
