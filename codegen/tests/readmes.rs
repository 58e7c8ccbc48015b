//! Every code block of the READMEs, compiled and run where a vendor would put it: the
//! packages' `README.md` and `README.ja.md` as codegen writes them for the current table,
//! and the guide for the other languages (`docs/languages.md`) and the root `README.ja.md`
//! against the packages of the 1.25 workbook they were written for. TypeScript in the
//! projects `npm init` and `tsc --init` (TypeScript 5.9: strict, `verbatimModuleSyntax`,
//! `module: nodenext`) make, an ES module one (`"type": "module"`) and, for the
//! `import … = require()` form, a CommonJS one, each with the packed package installed;
//! JavaScript by Node in the ES module project; C# by `mcs` against the package's assembly,
//! run by `mono`; Java by `javac` against the package's classes, run by `java`; the XML
//! of a dependency held against the package's manifest. Every block runs to the end and
//! prints something, and no `undefined`: an example that finds nothing fails. Blocks of
//! `sh`, `text` and other languages are not code a vendor compiles.
//!
//! The tools are those of `languages.rs` and `npm.rs`; where one is missing the test says
//! it was skipped, and `OQS_REQUIRE_TOOLS` makes that a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::render::view::{VERSION_RULE, VERSION_RULE_JA};
use codegen::{GeneratedFile, Names};
use oqs_messages_table::Table;

const REQUIRE: &str = "OQS_REQUIRE_TOOLS";

/// A fenced code block of a README.
#[derive(Clone, Debug)]
struct Block {
    /// `typescript/README.ja.md:42`: where it starts.
    place: String,
    /// Its language, as fenced.
    language: String,
    code: String,
}

/// The fenced blocks of a Markdown text.
fn blocks(name: &str, text: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    for (i, line) in text.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(language)) => {
                open = Some((i + 1, language.trim().to_owned(), String::new()));
            }
            (Some(_), Some("")) => {
                let (at, language, code) = open.take().unwrap();
                found.push(Block {
                    place: format!("{name}:{at}"),
                    language,
                    code,
                });
            }
            (Some((_, _, code)), _) => {
                code.push_str(line);
                code.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "{name}: a code block is not closed");
    found
}

fn spec_names() -> Names {
    Names::load(&codegen::default_names_file()).unwrap()
}

fn current() -> Table {
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    codegen::read_workbook(&newest).unwrap().table
}

/// The table the root READMEs' examples were written for.
fn table_1_25() -> Table {
    let workbook = codegen::spec_workbook("1.25").expect("spec/ keeps the 1.25 workbook");
    codegen::read_workbook(&workbook).unwrap().table
}

/// What the tests compile: the packages of a table, and the blocks written for them.
struct Docs {
    files: Vec<GeneratedFile>,
    blocks: Vec<Block>,
}

/// The packages of the current table and their READMEs' blocks; those of the 1.25 table
/// and the root READMEs' blocks on the other languages.
fn docs() -> [Docs; 2] {
    let names = spec_names();
    let files = codegen::render::render(&current(), "t.xlsx", &names);
    let mut package_blocks = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.path.ends_with("README.md") || f.path.ends_with("README.ja.md"))
    {
        package_blocks.extend(blocks(file.path, &file.contents));
    }
    let root = codegen::workspace_root();
    let guide = std::fs::read_to_string(root.join("docs/languages.md")).unwrap();
    let mut root_blocks = blocks("docs/languages.md", &guide);
    let japanese = std::fs::read_to_string(root.join("README.ja.md")).unwrap();
    root_blocks.extend(blocks("README.ja.md", &japanese));
    [
        Docs {
            files,
            blocks: package_blocks,
        },
        Docs {
            files: codegen::render::render(&table_1_25(), "t.xlsx", &names),
            blocks: root_blocks,
        },
    ]
}

fn of_language<'a>(docs: &'a Docs, languages: &[&str]) -> Vec<&'a Block> {
    docs.blocks
        .iter()
        .filter(|b| languages.contains(&b.language.as_str()))
        .collect()
}

/// A tool, or `None` after saying the test is skipped (a failure under `REQUIRE`).
fn tool(test: &str, name: &str, env: Option<&str>) -> Option<PathBuf> {
    let found = env
        .and_then(std::env::var_os)
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
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
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn succeeds(what: &str, command: &mut Command) -> String {
    let output = run(command);
    assert!(output.status.success(), "{what}:\n{}", said(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A block's program ran: it printed something, and nothing it printed is `undefined`.
fn printed(block: &Block, output: &str) {
    assert!(
        !output.trim().is_empty() && !output.contains("undefined"),
        "{}: the example printed {output:?}:\n{}",
        block.place,
        block.code
    );
}

fn write_files(dir: &Path, files: &[GeneratedFile], prefix: &str) {
    for file in files.iter().filter(|f| f.path.starts_with(prefix)) {
        let path = dir.join(file.path.trim_start_matches(prefix));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
}

// --- TypeScript and JavaScript ------------------------------------------------------------

/// A project as a vendor starts one: `npm init -y` (an ES module project sets
/// `"type": "module"`), `tsc --init`, and the package's tarball installed.
fn npm_project(dir: &Path, name: &str, module: bool, tsc: &Path, tarball: &Path) -> PathBuf {
    let project = dir.join(name);
    std::fs::create_dir_all(&project).unwrap();
    succeeds(
        "npm init",
        Command::new("npm")
            .args(["init", "-y"])
            .current_dir(&project),
    );
    if module {
        succeeds(
            "npm pkg set type=module",
            Command::new("npm")
                .args(["pkg", "set", "type=module"])
                .current_dir(&project),
        );
    }
    succeeds(
        "tsc --init",
        Command::new(tsc).arg("--init").current_dir(&project),
    );
    succeeds(
        "npm install of the tarball",
        Command::new("npm")
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--silent",
            ])
            .arg(tarball)
            .current_dir(&project),
    );
    project
}

#[test]
fn typescript_and_javascript_blocks_compile_and_run_in_the_projects_vendors_start_from() {
    let test =
        "typescript_and_javascript_blocks_compile_and_run_in_the_projects_vendors_start_from";
    let Some(tsc) = tool(test, "tsc", Some("OQS_TSC")) else {
        return;
    };
    if tool(test, "npm", None).is_none() {
        return;
    }
    let version = succeeds("tsc --version", Command::new(&tsc).arg("--version"));
    assert!(
        version.contains("Version 5.9."),
        "tsc --init of 5.9: {version}"
    );
    let mut checked = 0;
    for docs in docs() {
        let dir = tempfile::tempdir().unwrap();
        write_files(&dir.path().join("package"), &docs.files, "typescript/");
        let packed = succeeds(
            "npm pack",
            Command::new("npm")
                .args(["pack", "--silent", "--pack-destination"])
                .arg(dir.path())
                .arg(dir.path().join("package")),
        );
        let tarball = dir.path().join(packed.lines().last().unwrap().trim());
        let esm = npm_project(dir.path(), "esm", true, &tsc, &tarball);
        let cjs = npm_project(dir.path(), "cjs", false, &tsc, &tarball);
        for block in of_language(&docs, &["ts", "typescript"]) {
            // `import x = require()` is the form of a CommonJS project.
            let project = if block.code.contains("= require(") {
                &cjs
            } else {
                &esm
            };
            std::fs::write(project.join("main.ts"), &block.code).unwrap();
            let compiled = run(Command::new(&tsc).args(["-p", "."]).current_dir(project));
            assert!(
                compiled.status.success(),
                "{}: tsc in the project of `npm init` and `tsc --init`:\n{}\n{}",
                block.place,
                said(&compiled),
                block.code
            );
            let out = succeeds(
                &block.place,
                Command::new("node").arg("main.js").current_dir(project),
            );
            printed(block, &out);
            std::fs::remove_file(project.join("main.ts")).unwrap();
            checked += 1;
        }
        for block in of_language(&docs, &["js", "javascript"]) {
            let file = if block.code.contains("require(") {
                "main.cjs"
            } else {
                "main.mjs"
            };
            std::fs::write(esm.join(file), &block.code).unwrap();
            let out = succeeds(
                &block.place,
                Command::new("node").arg(file).current_dir(&esm),
            );
            printed(block, &out);
            checked += 1;
        }
    }
    assert!(
        checked >= 6,
        "only {checked} TypeScript and JavaScript blocks"
    );
}

// --- C# -----------------------------------------------------------------------------------

#[test]
fn csharp_blocks_compile_and_run() {
    let test = "csharp_blocks_compile_and_run";
    let (Some(mcs), Some(mono)) = (tool(test, "mcs", None), tool(test, "mono", None)) else {
        return;
    };
    let mut checked = 0;
    for docs in docs() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        write_files(&dir.join("package"), &docs.files, "csharp/");
        let sources: Vec<PathBuf> = docs
            .files
            .iter()
            .filter(|f| f.path.starts_with("csharp/") && f.path.ends_with(".cs"))
            .map(|f| {
                dir.join("package")
                    .join(f.path.trim_start_matches("csharp/"))
            })
            .collect();
        let library = dir.join("OqsMessages.dll");
        succeeds(
            "mcs on the package",
            Command::new(&mcs)
                .args(["-target:library", "-nologo"])
                .arg(format!("-out:{}", library.display()))
                .args(&sources),
        );
        for (i, block) in of_language(&docs, &["csharp", "cs"])
            .into_iter()
            .enumerate()
        {
            let source = dir.join(format!("Program{i}.cs"));
            std::fs::write(&source, &block.code).unwrap();
            let exe = dir.join(format!("program{i}.exe"));
            let compiled = run(Command::new(&mcs)
                .arg("-nologo")
                .arg(format!("-r:{}", library.display()))
                .arg(format!("-out:{}", exe.display()))
                .arg(&source));
            assert!(
                compiled.status.success(),
                "{}: mcs:\n{}\n{}",
                block.place,
                said(&compiled),
                block.code
            );
            let out = succeeds(&block.place, Command::new(&mono).arg(&exe));
            printed(block, &out);
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} C# blocks");
}

// --- Java ---------------------------------------------------------------------------------

#[test]
fn java_blocks_compile_and_run() {
    let test = "java_blocks_compile_and_run";
    let (Some(javac), Some(java)) = (tool(test, "javac", None), tool(test, "java", None)) else {
        return;
    };
    let mut checked = 0;
    for docs in docs() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        write_files(&dir.join("package"), &docs.files, "java/");
        let sources: Vec<PathBuf> = docs
            .files
            .iter()
            .filter(|f| f.path.starts_with("java/") && f.path.ends_with(".java"))
            .map(|f| dir.join("package").join(f.path.trim_start_matches("java/")))
            .collect();
        let classes = dir.join("classes");
        succeeds(
            "javac on the package",
            Command::new(&javac)
                .args(["--release", "8", "-Xlint:-options", "-d"])
                .arg(&classes)
                .args(&sources),
        );
        for (i, block) in of_language(&docs, &["java"]).into_iter().enumerate() {
            let class = block
                .code
                .split("public class ")
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
                .unwrap_or_else(|| panic!("{}: no public class", block.place));
            let folder = dir.join(format!("client{i}"));
            std::fs::create_dir_all(&folder).unwrap();
            let source = folder.join(format!("{class}.java"));
            std::fs::write(&source, &block.code).unwrap();
            let compiled = run(Command::new(&javac)
                .args([
                    "--release",
                    "8",
                    "-Xlint:-options",
                    "-encoding",
                    "UTF-8",
                    "-cp",
                ])
                .arg(&classes)
                .arg("-d")
                .arg(&folder)
                .arg(&source));
            assert!(
                compiled.status.success(),
                "{}: javac:\n{}\n{}",
                block.place,
                said(&compiled),
                block.code
            );
            let classpath = std::env::join_paths([&classes, &folder]).unwrap();
            let out = succeeds(
                &block.place,
                Command::new(&java)
                    .arg("-Dfile.encoding=UTF-8")
                    .arg("-cp")
                    .arg(classpath)
                    .arg(class),
            );
            printed(block, &out);
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} Java blocks");
}

// --- Dependencies, the version rule -------------------------------------------------------

/// The text of the first `<name>…</name>` in `xml`, or of the attribute `name="…"`.
fn xml_value<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let element = xml
        .split(&format!("<{name}>"))
        .nth(1)
        .and_then(|rest| rest.split(&format!("</{name}>")).next());
    element.or_else(|| {
        xml.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
    })
}

/// A dependency a README shows names the package as its manifest does, with every release
/// up to the next breaking one: Maven's range, NuGet's floating version.
#[test]
fn dependencies_in_the_readmes_name_the_packages_as_their_manifests_do() {
    let [docs, _] = docs();
    let file = |path: &str| -> &str {
        &docs
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} not written"))
            .contents
    };
    let version = xml_value(file("csharp/OqsMessages.csproj"), "Version").unwrap();
    let next = codegen::Semver::Major.next_version(version).unwrap();
    let range = format!("[{version},{next})");
    // NuGet takes the lowest version of a range, the highest of a floating version.
    let floating = codegen::render::csharp::floating(version);
    assert!(
        floating.ends_with(".*") && version.starts_with(floating.trim_end_matches('*')),
        "{floating}"
    );
    let pom = file("java/pom.xml");
    let group = xml_value(pom, "groupId").unwrap();
    let xml = of_language(&docs, &["xml"]);
    assert!(xml.len() >= 4, "{xml:?}");
    for block in xml {
        if block.code.contains("<PackageReference") {
            assert_eq!(xml_value(&block.code, "Include"), Some("OqsMessages"));
            assert_eq!(xml_value(&block.code, "Version"), Some(floating.as_str()));
        } else {
            assert_eq!(
                xml_value(&block.code, "groupId"),
                Some(group),
                "{}",
                block.place
            );
            assert_eq!(
                xml_value(&block.code, "artifactId"),
                xml_value(pom, "artifactId")
            );
            assert_eq!(
                xml_value(&block.code, "version"),
                Some(range.as_str()),
                "{}",
                block.place
            );
        }
    }
}

/// Whitespace as Markdown reads it: any run of blanks and line breaks is one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The version rule is stated once, word for word the same in every README that states it;
/// every package carries a README, a Japanese README and its changes.
#[test]
fn every_readme_states_the_one_version_rule_and_every_package_has_its_documents() {
    let root = codegen::workspace_root();
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    for (path, rule) in [
        ("docs/languages.md", VERSION_RULE),
        ("README.ja.md", VERSION_RULE_JA),
        ("generated/README.md", VERSION_RULE),
    ] {
        assert!(
            words(&read(path)).contains(&words(rule)),
            "{path} does not state the version rule as it is stated everywhere"
        );
    }
    // Japanese paragraphs are one line each: a line break in one shows as a space.
    let japanese = read("README.ja.md");
    assert_eq!(
        codegen::render::package_docs::join_japanese_lines(&japanese),
        japanese,
        "README.ja.md: a paragraph broken over lines"
    );
    let table_changes = read("generated/CHANGES.md");
    let entries = table_changes
        .split("-->")
        .nth(1)
        .expect("the table's CHANGES.md has its header")
        .trim();
    for folder in ["typescript", "csharp", "java"] {
        let readme = read(&format!("generated/{folder}/README.md"));
        let japanese = read(&format!("generated/{folder}/README.ja.md"));
        let changes = read(&format!("generated/{folder}/CHANGES.md"));
        assert!(readme.contains(VERSION_RULE), "{folder}/README.md");
        assert!(japanese.contains(VERSION_RULE_JA), "{folder}/README.ja.md");
        assert!(readme.contains("[README.ja.md](README.ja.md)"), "{folder}");
        assert!(
            changes.contains(entries),
            "{folder}/CHANGES.md holds the table's changes"
        );
    }
}
