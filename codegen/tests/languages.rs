//! The packages for TypeScript, C# and Java, checked by each language's real compiler: the
//! generated package alone, and a downstream client written as a vendor would (a handler
//! with a method for every code, and an exhaustive switch), on the current table and on a
//! revision built from it that adds a code and removes one. On the current table each
//! client compiles (the C# and Java ones also run); on the revision each fails, and every
//! error names the added or the removed code. The C# and Java sources compile to the
//! table's exact texts under any code page or default encoding (`mcs -codepage:932`,
//! `LANG=C javac`, `javac -encoding MS932`), and a program run with the library of a later
//! release, without a rebuild, reports that release's versions.
//!
//! The compilers: `tsc` (TypeScript 5, `OQS_TSC` or on the PATH), Mono's `mcs` and `mono`,
//! `javac` and `java`. Where one is missing the test says it was skipped; CI installs them
//! and sets `OQS_REQUIRE_TOOLS`, which makes a skip a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::render::view::{CodeView, View};
use codegen::{GeneratedFile, Names};
use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue, Table};

const REQUIRE: &str = "OQS_REQUIRE_TOOLS";

/// The name the revision gives the code it adds: no maintainer will pick it, and the
/// names file does not hold it (it may hold another test's, after a built revision).
const ADDED: &str = "LanguagesTestAddedCode";

fn spec_names() -> Names {
    Names::load(&codegen::default_names_file()).unwrap()
}

fn current() -> Table {
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    codegen::read_workbook(&newest).unwrap().table
}

/// What a built revision does to the current table.
#[derive(Clone, Copy, Debug, PartialEq)]
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
    assert!(
        !names.codes.values().any(|n| n == ADDED),
        "spec/names.toml names a code {ADDED}"
    );
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

/// A client that says something for every code: `head`, a line per code, `tail`.
fn per_code(
    view: &View<'_>,
    head: &str,
    line: impl Fn(&CodeView<'_>) -> String,
    tail: &str,
) -> String {
    let mut out = head.to_owned();
    for code in &view.codes {
        out.push_str(&line(code));
    }
    out + tail
}

/// What a revision does to a form of client code.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// It still compiles: the README says this form does not carry the guarantee here.
    Compiles,
    /// It fails, every error naming the added or the removed code.
    Breaks,
    /// It fails, but the compiler's error names no code (said in the README).
    BreaksUnnamed,
}

/// A way vendors write code over every code (a handler, a switch), as the README shows it
/// per language, with what a revision that adds a code and one that removes one do to it.
struct Form {
    name: &'static str,
    client: fn(&View<'_>) -> String,
    added: Expect,
    removed: Expect,
}

impl Form {
    fn expect(&self, change: Change) -> Expect {
        match change {
            Change::Add => self.added,
            Change::Remove => self.removed,
            Change::Both => match (self.added, self.removed) {
                (Expect::Compiles, Expect::Compiles) => Expect::Compiles,
                (Expect::BreaksUnnamed, _) | (_, Expect::BreaksUnnamed) => Expect::BreaksUnnamed,
                _ => Expect::Breaks,
            },
        }
    }
}

/// A compiler's answer on one client: its errors (each with the lines after it), and all
/// it said.
struct Built {
    errors: Vec<String>,
    said: String,
}

impl Built {
    /// A compiler's output, split into its errors (each line holding `marker` begins one);
    /// a failure that printed none counts as one error, all it said.
    fn of(output: &Output, marker: &str) -> Built {
        let all = said(output);
        let mut errors = errors(&all, |l| l.contains(marker));
        if !output.status.success() && errors.is_empty() {
            errors.push(all.clone());
        }
        Built { errors, said: all }
    }
}

/// Every form compiles on the current table, and on each built revision does what the
/// README says: compiles, or fails with every error naming the added or the removed code.
/// `build` compiles the package of a table once and each client against it.
fn check_forms(
    table: &Table,
    forms: &[Form],
    build: impl Fn(&Table, &Names, &[String]) -> Vec<Built>,
) {
    let names = spec_names();
    let view = View::new(table, &names);
    let clients: Vec<String> = forms.iter().map(|f| (f.client)(&view)).collect();
    for (form, built) in forms.iter().zip(build(table, &names, &clients)) {
        assert!(
            built.errors.is_empty(),
            "{}: the client does not compile on the current table:\n{}",
            form.name,
            built.said
        );
    }
    for change in [Change::Add, Change::Remove, Change::Both] {
        let (revised, names, added, removed) = revised(table, change);
        for (form, built) in forms.iter().zip(build(&revised, &names, &clients)) {
            let (errors, all) = (&built.errors, &built.said);
            // `OQS_SHOW_ERRORS=1` prints what each compiler says, for the README.
            if std::env::var_os("OQS_SHOW_ERRORS").is_some() {
                let _ = writeln!(std::io::stderr(), "== {} {change:?}\n{all}", form.name);
            }
            let expect = form.expect(change);
            if expect == Expect::Compiles {
                assert!(
                    errors.is_empty(),
                    "{} {change:?}: the README says this form still compiles:\n{all}",
                    form.name
                );
                continue;
            }
            assert!(
                !errors.is_empty(),
                "{} {change:?}: the client still compiles:\n{all}",
                form.name
            );
            if expect == Expect::BreaksUnnamed {
                continue;
            }
            for error in errors {
                assert!(
                    added.iter().chain(&removed).any(|n| error.contains(n.as_str())),
                    "{} {change:?}: an error names neither the added nor the removed code:\n{error}\n\nall:\n{all}",
                    form.name
                );
            }
            // A compiler that stops at its first kind of error (Mono's mcs) need not name
            // both when both change; each alone it must name.
            if change != Change::Both {
                for names in [&added, &removed].into_iter().filter(|n| !n.is_empty()) {
                    assert!(
                        errors
                            .iter()
                            .any(|e| names.iter().any(|n| e.contains(n.as_str()))),
                        "{} {change:?}: no error names {names:?}:\n{all}",
                        form.name
                    );
                }
            }
        }
    }
}

/// The names a code goes by in a language's errors.
fn names_of(view_name: &str, number: CodeNumber) -> Vec<String> {
    vec![
        view_name.to_owned(),
        oqs_messages_table::casing::lower_camel_case(view_name),
        oqs_messages_table::casing::upper_snake_case(view_name),
        format!("\"{number}\""),
        format!("'{number}'"),
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

/// The forms of TypeScript the README shows, and what a revision does to each.
const TYPESCRIPT_FORMS: [Form; 4] = [
    Form {
        name: "object literal typed CodeHandler",
        client: |view| {
            per_code(view, "import { CodeHandler } from \"oqs-messages\";\n\nexport const handler: CodeHandler<string> = {\n", |code| format!("  {}: () => \"{}\",\n", code.camel, code.entry.number), "};\n")
        },
        added: Expect::Breaks,
        removed: Expect::Breaks,
    },
    Form {
        name: "switch with a never default",
        client: |view| {
            per_code(view, "import { Code } from \"oqs-messages\";\n\nexport function action(code: Code): string {\n  switch (code) {\n", |code| format!("    case Code.{}: return \"{}\";\n", code.name, code.camel), "    default: {\n      const unhandled: never = code;\n      return unhandled;\n    }\n  }\n}\n")
        },
        added: Expect::Breaks,
        removed: Expect::Breaks,
    },
    Form {
        name: "Record<Code, T> object literal",
        client: |view| {
            per_code(view, "import { Code } from \"oqs-messages\";\n\nexport const labels: Record<Code, string> = {\n", |code| format!("  [Code.{}]: \"{}\",\n", code.name, code.camel), "};\n")
        },
        added: Expect::Breaks,
        removed: Expect::Breaks,
    },
    Form {
        name: "class implements CodeHandler",
        client: |view| {
            per_code(view, "import { CodeHandler } from \"oqs-messages\";\n\nexport class Vendor implements CodeHandler<string> {\n", |code| format!("  {}(): string {{ return \"{}\"; }}\n", code.camel, code.entry.number), "}\n")
        },
        added: Expect::Breaks,
        // A class may have methods its interface lacks.
        removed: Expect::Compiles,
    },
];

/// Each client type-checked by `tsc --strict` in a vendor project that installed the package.
fn tsc_check(tsc: &Path, package: &[GeneratedFile], clients: &[String]) -> Vec<Built> {
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
    clients
        .iter()
        .map(|client| {
            std::fs::write(vendor.join("main.ts"), client).unwrap();
            let checked = run(Command::new(tsc).args(["-p", "."]).current_dir(&vendor));
            Built::of(&checked, ": error TS")
        })
        .collect()
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
    let checked = tsc_check(&tsc, &package(&table, &names, "typescript"), &[client]);
    assert!(
        checked[0].errors.is_empty(),
        "tsc --strict on the current table:\n{}",
        checked[0].said
    );
    check_forms(&table, &TYPESCRIPT_FORMS, |revised, names, clients| {
        tsc_check(&tsc, &package(revised, names, "typescript"), clients)
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

/// The forms of C# the README shows, and what a revision does to each.
const CSHARP_FORMS: [Form; 3] = [
    Form {
        name: "explicit interface implementation",
        client: |view| {
            per_code(
                view,
                "using OqsMessages;\n\nclass Vendor : ICodeHandler<string>\n{\n",
                |code| {
                    format!(
                        "    string ICodeHandler<string>.{}() {{ return \"{}\"; }}\n",
                        code.name, code.entry.number
                    )
                },
                "}\n",
            )
        },
        added: Expect::Breaks,
        removed: Expect::Breaks,
    },
    Form {
        name: "implicit interface implementation",
        client: |view| {
            per_code(
                view,
                "using OqsMessages;\n\nclass Vendor : ICodeHandler<string>\n{\n",
                |code| {
                    format!(
                        "    public string {}() {{ return \"{}\"; }}\n",
                        code.name, code.entry.number
                    )
                },
                "}\n",
            )
        },
        added: Expect::Breaks,
        // A public method the interface lacks is just a method.
        removed: Expect::Compiles,
    },
    Form {
        name: "switch statement",
        client: |view| {
            per_code(view, "using OqsMessages;\n\nstatic class Vendor\n{\n    static string Action(Code code)\n    {\n        switch (code)\n        {\n", |code| format!("            case Code.{}: return \"{}\";\n", code.name, code.name), "            default: return \"?\";\n        }\n    }\n}\n")
        },
        // C# never checks that a switch names every member of an enum.
        added: Expect::Compiles,
        removed: Expect::Breaks,
    },
];

/// The package compiled by `mcs -warnaserror` into a library, then each client against it
/// (a client with `Main` into an executable). The library's failure is the test's failure.
fn mcs_build(
    mcs: &Path,
    package: &[GeneratedFile],
    clients: &[String],
) -> (Vec<Built>, tempfile::TempDir) {
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
    assert!(
        library.status.success(),
        "mcs -warnaserror on the package:\n{}",
        said(&library)
    );
    let built = clients
        .iter()
        .enumerate()
        .map(|(i, client)| {
            let source = dir.join(format!("Vendor{i}.cs"));
            std::fs::write(&source, client).unwrap();
            let target = if client.contains("static void Main") {
                "exe"
            } else {
                "library"
            };
            let vendor = run(Command::new(mcs)
                .arg(format!("-target:{target}"))
                .arg(format!("-r:{}", dir.join("OqsMessages.dll").display()))
                .arg(format!(
                    "-out:{}",
                    dir.join(format!(
                        "vendor{i}.{}",
                        if target == "exe" { "exe" } else { "dll" }
                    ))
                    .display()
                ))
                .arg(&source));
            Built::of(&vendor, ": error CS")
        })
        .collect();
    (built, temp)
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
    let (built, dir) = mcs_build(&mcs, &package(&table, &names, "csharp"), &[client]);
    assert!(
        built[0].errors.is_empty(),
        "mcs on the client:\n{}",
        built[0].said
    );
    let ran = run(Command::new(&mono).arg(dir.path().join("vendor0.exe")));
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
    check_forms(&table, &CSHARP_FORMS, |revised, names, clients| {
        mcs_build(&mcs, &package(revised, names, "csharp"), clients).0
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
        "    public static void main(String[] args) {{\n        Code code = Code.fromNumber({}).get();\n        System.out.println(code.handle(new Vendor()) + \" \" + action(code) + \" \" + code.heading() + \" \" + Table.VERSION + \" \" + code.rowsFor(0L).size());\n    }}\n}}\n",
        first.entry.number.get()
    ));
    out
}

/// The forms of Java the README shows, and what a revision does to each.
const JAVA_FORMS: [Form; 4] = [
    Form {
        name: "CodeHandler with @Override",
        client: |view| java_handler(view, "@Override "),
        added: Expect::Breaks,
        removed: Expect::Breaks,
    },
    Form {
        name: "CodeHandler without @Override",
        client: |view| java_handler(view, ""),
        added: Expect::Breaks,
        // A method the interface lacks is just a method.
        removed: Expect::Compiles,
    },
    Form {
        name: "switch statement",
        client: |view| {
            per_code(view, "import oqs.messages.Code;\n\npublic class Vendor {\n    static String action(Code code) {\n        switch (code) {\n", |code| format!("            case {}: return \"{}\";\n", code.constant, code.entry.number), "            default: return \"?\";\n        }\n    }\n}\n")
        },
        // javac never checks that a switch statement names every constant.
        added: Expect::Compiles,
        removed: Expect::Breaks,
    },
    Form {
        name: "switch expression (Java 14 or newer)",
        client: |view| {
            per_code(view, "// release 17\nimport oqs.messages.Code;\n\npublic class Vendor {\n    static String action(Code code) {\n        return switch (code) {\n", |code| format!("            case {} -> \"{}\";\n", code.constant, code.entry.number), "        };\n    }\n}\n")
        },
        // "the switch expression does not cover all possible input values": no constant named.
        added: Expect::BreaksUnnamed,
        removed: Expect::Breaks,
    },
];

fn java_handler(view: &View<'_>, annotation: &str) -> String {
    let mut out = String::from(
        "import oqs.messages.CodeHandler;\n\npublic class Vendor implements CodeHandler<String> {\n",
    );
    for code in &view.codes {
        out.push_str(&format!(
            "    {annotation}public String {}() {{ return \"{}\"; }}\n",
            code.camel, code.entry.number
        ));
    }
    out + "}\n"
}

/// The package compiled by `javac --release 8 -Xlint:all -Werror`, then each client against
/// it into a folder of its own (`classes0`, …), for Java 8 unless its first line asks for
/// a newer release. The library's failure is the test's failure.
fn javac_build(
    javac: &Path,
    package: &[GeneratedFile],
    clients: &[String],
) -> (Vec<Built>, tempfile::TempDir) {
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
    let library_classes = dir.join("library");
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
        .arg(&library_classes)
        .args(&sources));
    assert!(
        library.status.success(),
        "javac -Xlint:all -Werror on the package:\n{}",
        said(&library)
    );
    let built = clients
        .iter()
        .enumerate()
        .map(|(i, client)| {
            let folder = dir.join(format!("client{i}"));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("Vendor.java"), client).unwrap();
            let release = client
                .strip_prefix("// release ")
                .and_then(|r| r.split('\n').next())
                .unwrap_or("8");
            let vendor = run(Command::new(javac)
                .args([
                    "--release",
                    release,
                    "-encoding",
                    "UTF-8",
                    "-Xlint:-options",
                    "-cp",
                ])
                .arg(&library_classes)
                .arg("-d")
                .arg(dir.join(format!("classes{i}")))
                .arg(folder.join("Vendor.java")));
            Built::of(&vendor, ": error:")
        })
        .collect();
    (built, temp)
}

/// The classpath that runs client `i` of a `javac_build`.
fn java_classpath(dir: &Path, i: usize) -> std::ffi::OsString {
    std::env::join_paths([dir.join("library"), dir.join(format!("classes{i}"))]).unwrap()
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
    let (built, dir) = javac_build(&javac, &package(&table, &names, "java"), &[client]);
    assert!(
        built[0].errors.is_empty(),
        "javac on the client:\n{}",
        built[0].said
    );
    let ran = run(Command::new(&java)
        .arg("-Dfile.encoding=UTF-8")
        .arg("-cp")
        .arg(java_classpath(dir.path(), 0))
        .arg("Vendor"));
    assert!(ran.status.success(), "{}", said(&ran));
    let first = &table.codes[0];
    let line = String::from_utf8_lossy(&ran.stdout);
    let constant = oqs_messages_table::casing::upper_snake_case(&names.codes[&first.number]);
    assert!(
        line.starts_with(&format!(
            "{} {constant} {} {}",
            first.number, first.heading, table.version
        )),
        "{line}"
    );
    check_forms(&table, &JAVA_FORMS, |revised, names, clients| {
        javac_build(&javac, &package(revised, names, "java"), clients).0
    });
}

/// The package's javadoc, every doclint group on, has no warning: every public method says
/// what it takes and returns, and the package has its own page.
#[test]
fn java_package_javadoc_has_no_warning() {
    let test = "java_package_javadoc_has_no_warning";
    let Some(javadoc) = tool(test, "javadoc", None) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let temp = tempfile::tempdir().unwrap();
    let files = package(&table, &names, "java");
    assert!(files.iter().any(|f| f.path.ends_with("/package-info.java")));
    write(&temp.path().join("pkg"), &files, "java");
    let sources: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.path.ends_with(".java"))
        .map(|f| {
            temp.path()
                .join("pkg")
                .join(f.path.trim_start_matches("java/"))
        })
        .collect();
    let made = run(Command::new(javadoc)
        .args([
            "-Xdoclint:all",
            "-Werror",
            "-quiet",
            "-encoding",
            "UTF-8",
            "-d",
        ])
        .arg(temp.path().join("doc"))
        .args(&sources));
    assert!(
        made.status.success(),
        "javadoc -Xdoclint:all -Werror:\n{}",
        said(&made)
    );
    assert!(
        said(&made).trim().is_empty(),
        "javadoc said:\n{}",
        said(&made)
    );
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
         StringBuilder out = new StringBuilder();\n        for (String text : texts) out.append(MessageId.parse(text).orElse(-1L)).append(' ');\n        \
         out.append(Code.fromNumber({}).get().digits()).append(' ').append(MessageId.fromValue(MessageId.parse(\"{id}\").getAsLong()).get()).append(' ');\n        \
         out.append(Code.fromNumber(0).isPresent()).append(' ').append(Code.parse(\"\\u0660\\u0661\\u0665\").isPresent()).append(' ').append(MessageId.fromValue(0L).isPresent());\n        \
         System.out.println(out);\n    }}\n}}\n",
        id.to_string().to_lowercase().trim_start_matches("0x"),
        first.number.get()
    );
    let (built, dir) = javac_build(&javac, &package(&table, &names, "java"), &[client]);
    assert!(built[0].errors.is_empty(), "{}", built[0].said);
    for locale in [["en", "US"], ["ar", "EG"], ["hi", "IN"], ["ja", "JP"]] {
        let ran = run(Command::new(&java)
            .arg(format!("-Duser.language={}", locale[0]))
            .arg(format!("-Duser.country={}", locale[1]))
            .arg("-cp")
            .arg(java_classpath(dir.path(), 0))
            .arg("Vendor"));
        assert!(ran.status.success(), "{}", said(&ran));
        let value = id.value();
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout).trim(),
            format!(
                "-1 -1 -1 {value} {value} -1 {} {id} false false false",
                first.number
            ),
            "{locale:?}"
        );
    }
}

/// After a revision beside the current version in `spec/` withdraws a code, the C# enum
/// keeps its name, obsolete as an error: a `case` that still names it fails there with the
/// story (CS0619), as the Rust macro tells it.
#[test]
fn csharp_names_a_withdrawn_code_as_withdrawn() {
    let test = "csharp_names_a_withdrawn_code_as_withdrawn";
    let Some(mcs) = tool(test, "mcs", None) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let (revised, revised_names, _, _) = revised(&table, Change::Remove);
    let mut newer = revised.clone();
    newer.version = format!("{}.1", table.version).parse().unwrap();
    newer.title = newer.title.replace(
        &format!("{}版", table.version),
        &format!("{}版", newer.version),
    );
    let history = codegen::history::history(&[&table, &newer]);
    let files: Vec<GeneratedFile> = codegen::render::render_with_history(
        &newer,
        &history,
        &[],
        "t.xlsx",
        &revised_names,
        codegen::render::view::FIRST_RELEASE,
    )
    .into_iter()
    .filter(|f| f.path.starts_with("csharp"))
    .collect();
    let gone = table.codes.last().unwrap();
    let gone_name = &names.codes[&gone.number];
    let view = View::new(&table, &names);
    let switch = (CSHARP_FORMS[2].client)(&view);
    let (built, _dir) = mcs_build(&mcs, &files, &[switch]);
    let said = &built[0].said;
    assert!(
        said.contains("error CS0619")
            && said.contains(&format!(
                "code {} {} (`{gone_name}`) was withdrawn in table {}; last listed in {}",
                gone.number, gone.heading, newer.version, table.version
            )),
        "{said}"
    );
    for error in &built[0].errors {
        assert!(
            error.contains(gone_name.as_str()),
            "an error that names no code: {error}"
        );
    }
}

/// The C# lookups say absence by their answer (the Try- pattern), and read a message ID
/// as an exact ID only when the table lists it exactly.
#[test]
fn csharp_lookups_say_absence_with_try() {
    let test = "csharp_lookups_say_absence_with_try";
    let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) else {
        return;
    };
    let table = current();
    let names = spec_names();
    let listed: Vec<ListedId> = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .flat_map(|r| r.message_ids.clone())
        .collect();
    let exact = listed.iter().find_map(|id| match id {
        ListedId::Exact(value) => Some(*value),
        ListedId::Range { .. } => None,
    });
    let range = listed.iter().find_map(|id| match id {
        ListedId::Range { start, .. } => Some(*start),
        ListedId::Exact(_) => None,
    });
    let (Some(exact), Some(range)) = (exact, range) else {
        panic!("the table lists no exact ID or no range");
    };
    let first = table.codes[0].number.get();
    let client = format!(
        r#"using System;
using System.Linq;
using OqsMessages;

class Vendor
{{
    static void Main()
    {{
        Code code; MessageId id; uint value; IdRange range;
        var said = new System.Collections.Generic.List<string>();
        said.Add(Table.TryFromNumber(0, out code).ToString());
        said.Add(Table.TryFromNumber({first}, out code) + ":" + (int)code);
        said.Add(Table.TryParseMessageId("{exact}", out id) + ":" + id);
        said.Add(Table.TryParseMessageId("{range}", out id).ToString());
        said.Add(Table.TryParseMessageId("+1234567", out id).ToString());
        said.Add(Table.TryParseMessageIdValue("{range}", out value) + ":" + value);
        said.Add(Table.TryParseMessageIdValue("-1234567", out value).ToString());
        var listed = Table.Codes.SelectMany(c => c.Rows).SelectMany(r => r.MessageIds).ToList();
        var anExact = listed.First(l => l.Exact.HasValue);
        var aRange = listed.First(l => !l.Exact.HasValue);
        said.Add(anExact.TryGetExact(out id) + ":" + anExact.TryGetRange(out range) + ":" + (range == null));
        said.Add(aRange.TryGetExact(out id) + ":" + aRange.TryGetRange(out range) + ":" + (range != null && range.Contains(range.Start)));
        Console.WriteLine(string.Join(" ", said));
    }}
}}
"#
    );
    let (built, dir) = mcs_build(&mcs, &package(&table, &names, "csharp"), &[client]);
    assert!(built[0].errors.is_empty(), "{}", built[0].said);
    let ran = run(Command::new(&mono).arg(dir.path().join("vendor0.exe")));
    assert!(ran.status.success(), "{}", said(&ran));
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout).trim(),
        format!(
            "False True:{first} True:Id{:08X} False False True:{} False True:False:True False:True:True",
            exact.value(),
            range.value()
        )
    );
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
    let (built, dir) = mcs_build(
        &mcs,
        &package(&table, &names, "csharp"),
        &[client.to_owned()],
    );
    assert!(built[0].errors.is_empty(), "{}", built[0].said);
    let ran = run(Command::new(&mono).arg(dir.path().join("vendor0.exe")));
    assert!(ran.status.success(), "{}", said(&ran));
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout).trim(),
        "refused refused refused refused refused refused refused same"
    );
}

// --- Encodings and versions at run time ---------------------------------------------------

/// The current table with texts that test every escape: a line break, a carriage return, a
/// quote, a backslash before `u` (which Java would read as an escape if not doubled), a
/// control character the reader reports, one no one can see, a line separator, and a
/// character outside the BMP (a surrogate pair in UTF-16).
fn table_with_hard_texts() -> Table {
    let mut table = current();
    let row = &mut table.codes[0].rows[0];
    row.cause = format!(
        "{}\n\"引用\" \\u0041 \\\\u0042 \\ 終わり\r\n\u{1B}制御 \u{200B}見えない \u{2028}区切り 𠮷野家 ～\\",
        row.cause
    );
    row.remedy = "\\".to_owned();
    table.codes[0].heading = format!("{} \\u000A", table.codes[0].heading);
    table
}

/// Every text of the table in the order the clients below print them, each as its UTF-16
/// code units in hex, one text a line: what both languages must hold, exactly.
fn texts_as_utf16(table: &Table) -> String {
    let mut texts: Vec<&str> = vec![&table.title, table.version.as_str()];
    for code in &table.codes {
        texts.extend(code.tags.iter().map(String::as_str));
        texts.push(&code.heading);
        texts.push(&code.message);
    }
    for row in table.codes.iter().flat_map(|c| &c.rows) {
        texts.extend([&row.kind, &row.cause, &row.remedy, &row.contact].map(String::as_str));
    }
    for note in &table.footnotes {
        texts.push(&note.marker);
        texts.push(&note.text);
    }
    texts
        .iter()
        .map(|text| {
            text.encode_utf16()
                .map(|unit| format!("{unit:x}"))
                .collect::<Vec<_>>()
                .join(" ")
                + "\n"
        })
        .collect()
}

/// The package's sources hold nothing but ASCII.
fn assert_ascii(files: &[GeneratedFile], extension: &str) {
    let sources: Vec<&GeneratedFile> = files
        .iter()
        .filter(|f| f.path.ends_with(extension))
        .collect();
    assert!(!sources.is_empty());
    for file in sources {
        if let Some((line, text)) = file
            .contents
            .lines()
            .enumerate()
            .find(|(_, l)| !l.is_ascii())
        {
            panic!("{}:{}: not ASCII: {text}", file.path, line + 1);
        }
    }
}

const JAVA_TEXTS: &str = r#"import oqs.messages.*;

public class Vendor {
    static void put(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (i > 0) out.append(' ');
            out.append(Integer.toHexString(text.charAt(i)));
        }
        out.append('\n');
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        put(out, Table.TITLE);
        put(out, Table.VERSION);
        for (Code code : Code.values()) {
            for (String tag : code.tags()) put(out, tag);
            put(out, code.heading());
            put(out, code.message());
        }
        for (Row row : Table.ROWS) {
            put(out, row.kind());
            put(out, row.cause());
            put(out, row.remedy());
            put(out, row.contact());
        }
        for (Footnote note : Table.FOOTNOTES) {
            put(out, note.marker());
            put(out, note.text());
        }
        System.out.print(out);
    }
}
"#;

/// The Java sources are ASCII, so that `javac` under `LANG=C` (ASCII) and with MS932 (the
/// default of Japanese Windows up to JDK 17) compiles them, every text exactly as published.
#[test]
fn java_sources_compile_under_any_default_encoding() {
    let test = "java_sources_compile_under_any_default_encoding";
    let (Some(javac), Some(java)) = (tool(test, "javac", None), tool(test, "java", None)) else {
        return;
    };
    let table = table_with_hard_texts();
    let files = package(&table, &spec_names(), "java");
    assert_ascii(&files, ".java");
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    write(&dir.join("pkg"), &files, "java");
    let sources: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.path.ends_with(".java"))
        .map(|f| dir.join("pkg").join(f.path.trim_start_matches("java/")))
        .collect();
    std::fs::write(dir.join("Vendor.java"), JAVA_TEXTS).unwrap();
    let expected = texts_as_utf16(&table);
    for (name, encoding) in [("LANG=C", None), ("MS932", Some("MS932"))] {
        let classes = dir.join(format!("classes-{}", encoding.unwrap_or("default")));
        let mut command = Command::new(&javac);
        command
            .env_remove("JAVA_TOOL_OPTIONS")
            .env("LANG", "C")
            .env("LC_ALL", "C")
            .args(["--release", "8", "-Xlint:all,-options", "-Werror"]);
        if let Some(encoding) = encoding {
            command.args(["-encoding", encoding]);
        }
        let built = run(command.arg("-d").arg(&classes).args(&sources));
        assert!(built.status.success(), "javac, {name}:\n{}", said(&built));
        let client = run(Command::new(&javac)
            .args(["--release", "8", "-Xlint:-options", "-cp"])
            .arg(&classes)
            .arg("-d")
            .arg(&classes)
            .arg(dir.join("Vendor.java")));
        assert!(client.status.success(), "{}", said(&client));
        let ran = run(Command::new(&java).arg("-cp").arg(&classes).arg("Vendor"));
        assert!(ran.status.success(), "{}", said(&ran));
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout),
            expected,
            "the texts compiled under {name}"
        );
    }
}

const CSHARP_TEXTS: &str = r#"using System;
using System.Text;
using OqsMessages;

static class Vendor
{
    static void Put(StringBuilder output, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0) output.Append(' ');
            output.Append(((int)text[i]).ToString("x"));
        }
        output.Append('\n');
    }

    static void Main()
    {
        var output = new StringBuilder();
        Put(output, Table.Title);
        Put(output, Table.Version);
        foreach (var entry in Table.Codes)
        {
            foreach (var tag in entry.Tags) Put(output, tag);
            Put(output, entry.Heading);
            Put(output, entry.Message);
        }
        foreach (var entry in Table.Codes)
        {
            foreach (var row in entry.Rows)
            {
                Put(output, row.Kind);
                Put(output, row.Cause);
                Put(output, row.Remedy);
                Put(output, row.Contact);
            }
        }
        foreach (var note in Table.Footnotes)
        {
            Put(output, note.Marker);
            Put(output, note.Text);
        }
        Console.Write(output.ToString());
    }
}
"#;

/// The C# sources are ASCII, so that a compiler set to code page 932 (Shift_JIS) compiles
/// every text exactly as published.
#[test]
fn csharp_sources_compile_under_any_code_page() {
    let test = "csharp_sources_compile_under_any_code_page";
    let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) else {
        return;
    };
    let table = table_with_hard_texts();
    let files = package(&table, &spec_names(), "csharp");
    assert_ascii(&files, ".cs");
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    write(&dir.join("pkg"), &files, "csharp");
    let sources: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.path.ends_with(".cs"))
        .map(|f| dir.join("pkg").join(f.path.trim_start_matches("csharp/")))
        .collect();
    let library = run(Command::new(&mcs)
        .args([
            "-codepage:932",
            "-target:library",
            "-warn:4",
            "-warnaserror",
        ])
        .arg(format!("-out:{}", dir.join("OqsMessages.dll").display()))
        .args(&sources));
    assert!(
        library.status.success(),
        "mcs -codepage:932 (Debian: libmono-i18n-cjk4.0-cil gives the code page):\n{}",
        said(&library)
    );
    std::fs::write(dir.join("Vendor.cs"), CSHARP_TEXTS).unwrap();
    let client = run(Command::new(&mcs)
        .arg(format!("-r:{}", dir.join("OqsMessages.dll").display()))
        .arg(format!("-out:{}", dir.join("vendor.exe").display()))
        .arg(dir.join("Vendor.cs")));
    assert!(client.status.success(), "{}", said(&client));
    let ran = run(Command::new(&mono).arg(dir.join("vendor.exe")));
    assert!(ran.status.success(), "{}", said(&ran));
    assert_eq!(String::from_utf8_lossy(&ran.stdout), texts_as_utf16(&table));
}

/// The current table as the next release would publish it after a revision of its texts
/// only: another table version, a patch release of the packages.
fn text_revision(table: &Table) -> (Table, String) {
    let mut revised = table.clone();
    revised.version = format!("{}.1", table.version).parse().unwrap();
    revised.codes[0].message.push_str("（改訂）");
    let release = codegen::Semver::Patch
        .next_version(codegen::render::view::FIRST_RELEASE)
        .unwrap();
    (revised, release)
}

/// The files of one language for a table at a release.
fn package_at(table: &Table, release: &str, prefix: &str) -> Vec<GeneratedFile> {
    codegen::render::render_with_history(
        table,
        &oqs_messages_table::History::single(table),
        &[],
        "t.xlsx",
        &spec_names(),
        release,
    )
    .into_iter()
    .filter(|f| f.path.starts_with(prefix))
    .collect()
}

/// A program compiled against the library of one release, run with the library of the
/// next (a text revision, which a version range lets in without a rebuild), reports the
/// table and package of the library it runs with: C# properties, Java fields that are not
/// constants, nothing copied into the caller. The assembly's version is the package's.
#[test]
fn a_replaced_library_reports_its_own_versions() {
    let test = "a_replaced_library_reports_its_own_versions";
    let table = current();
    let (revised, release) = text_revision(&table);
    let first = codegen::render::view::FIRST_RELEASE;
    if let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) {
        let client = "using System;\nusing System.Reflection;\nusing OqsMessages;\n\nstatic class Vendor\n{\n    static void Main()\n    {\n        var assembly = typeof(Table).Assembly;\n        var informational = (AssemblyInformationalVersionAttribute)Attribute.GetCustomAttribute(assembly, typeof(AssemblyInformationalVersionAttribute));\n        Console.WriteLine(Table.Version + \" \" + Table.PackageVersion + \" \" + assembly.GetName().Version + \" \" + informational.InformationalVersion);\n    }\n}\n".to_owned();
        let (built, old) = mcs_build(&mcs, &package_at(&table, first, "csharp"), &[client]);
        assert!(built[0].errors.is_empty(), "{}", built[0].said);
        let (_, new) = mcs_build(&mcs, &package_at(&revised, &release, "csharp"), &[]);
        let exe = old.path().join("vendor0.exe");
        let ran = run(Command::new(&mono).arg(&exe));
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout).trim(),
            format!("{} {first} {first}.0 {first}", table.version),
            "{}",
            said(&ran)
        );
        std::fs::copy(
            new.path().join("OqsMessages.dll"),
            old.path().join("OqsMessages.dll"),
        )
        .unwrap();
        let ran = run(Command::new(&mono).arg(&exe));
        assert_eq!(
            String::from_utf8_lossy(&ran.stdout).trim(),
            format!("{} {release} {release}.0 {release}", revised.version),
            "{}",
            said(&ran)
        );
    }
    if let (Some(javac), Some(java)) = (tool(test, "javac", None), tool(test, "java", None)) {
        let client = "import oqs.messages.Table;\n\npublic class Vendor {\n    public static void main(String[] args) {\n        System.out.println(Table.VERSION + \" \" + Table.PACKAGE_VERSION);\n    }\n}\n".to_owned();
        let (built, old) = javac_build(&javac, &package_at(&table, first, "java"), &[client]);
        assert!(built[0].errors.is_empty(), "{}", built[0].said);
        let (_, new) = javac_build(&javac, &package_at(&revised, &release, "java"), &[]);
        for (library, expected) in [
            (old.path(), format!("{} {first}", table.version)),
            (new.path(), format!("{} {release}", revised.version)),
        ] {
            let classpath =
                std::env::join_paths([library.join("library"), old.path().join("classes0")])
                    .unwrap();
            let ran = run(Command::new(&java).arg("-cp").arg(classpath).arg("Vendor"));
            assert_eq!(
                String::from_utf8_lossy(&ran.stdout).trim(),
                expected,
                "{}",
                said(&ran)
            );
        }
    }
}
