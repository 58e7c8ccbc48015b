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
//!
//! One module per language, one for the JSON Schema and one for encodings and versions at
//! run time; here, what they share: the tools, the revision and how a client's errors are
//! held against it.

mod csharp;
mod encodings;
mod java;
mod schema;
mod typescript;

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
