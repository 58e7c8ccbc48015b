//! The npm package as a vendor installs it: packed with `npm pack`, installed into a scratch
//! project from the tarball, and used from plain JavaScript (ES module `import` and CommonJS
//! `require`, through Node's own resolver), from a strictly configured TypeScript project
//! whose emitted JavaScript runs (the newest TypeScript, and the oldest the declarations
//! claim), and from a Jest test; publint and arethetypeswrong judge the tarball; and the
//! declarations are held against the JavaScript: every export declared is exported by both
//! modules, with the declared literal values and parameter counts. A project pinned to an
//! older TypeScript (3.9) installs it and compiles with it: no peer dependency refuses it.
//!
//! The tools come from npm, pinned, in one folder (`OQS_NPM_TOOLS`, a prefix holding
//! `node_modules/.bin`): `.ci/run` installs them. Without it the test says it was skipped;
//! CI sets `OQS_REQUIRE_TOOLS`, which makes a skip a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::render::typescript::OLDEST_TYPESCRIPT;
use codegen::render::view::View;
use codegen::{GeneratedFile, Names};
use oqs_messages_table::Table;

const REQUIRE: &str = "OQS_REQUIRE_TOOLS";
const TOOLS: &str = "OQS_NPM_TOOLS";

fn current() -> Table {
    let newest = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    codegen::read_workbook(&newest).unwrap().table
}

fn names() -> Names {
    Names::load(&codegen::default_names_file()).unwrap()
}

/// The folder of the pinned npm tools, or `None` after saying the test is skipped.
fn tools(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os(TOOLS)
        .map(PathBuf::from)
        .filter(|dir| dir.join("node_modules/.bin/publint").is_file());
    if found.is_none() {
        assert!(
            std::env::var_os(REQUIRE).is_none(),
            "{test}: {TOOLS} names no folder with the npm tools, and {REQUIRE} is set"
        );
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {test}: set {TOOLS} to a folder where `npm install publint @arethetypeswrong/cli typescript jest` ran; CI does"
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
    said(&output)
}

fn bin(tools: &Path, name: &str) -> PathBuf {
    tools.join("node_modules/.bin").join(name)
}

/// The package's files as codegen writes them for the current table.
fn package_files(table: &Table, names: &Names) -> Vec<GeneratedFile> {
    codegen::render::render(table, "t.xlsx", names)
        .into_iter()
        .filter(|f| f.path.starts_with("typescript/"))
        .collect()
}

/// The package's files written into `dir/package`, as codegen writes `generated/typescript`.
fn write_package(dir: &Path, files: &[GeneratedFile]) -> PathBuf {
    let package = dir.join("package");
    for file in files {
        let path = package.join(file.path.trim_start_matches("typescript/"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
    package
}

/// `npm pack` of the package written into `dir/package`: the tarball's path.
fn pack(dir: &Path, files: &[GeneratedFile]) -> PathBuf {
    let package = write_package(dir, files);
    let packed = succeeds(
        "npm pack",
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(dir)
            .arg(&package),
    );
    let name = packed.lines().last().unwrap().trim();
    dir.join(name)
}

/// A scratch project with the tarball installed as a vendor installs it.
fn vendor(dir: &Path, tarball: &Path, module_type: &str) -> PathBuf {
    let vendor = dir.join(format!("vendor-{module_type}"));
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(
        vendor.join("package.json"),
        format!(
            r#"{{ "name": "vendor", "version": "1.0.0", "private": true, "type": "{module_type}" }}"#
        ),
    )
    .unwrap();
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
            .current_dir(&vendor),
    );
    vendor
}

/// What a client prints of the package: the same facts from every way in.
const FACTS: &str = r#"[m.VERSION, m.CODES.length, m.ROWS.length, Object.keys(m.MessageId).length,
  FIRST_CODE, m.rowsForValue(FIRST_ID).length, m.handle(FIRST_CODE, HANDLER),
  m.ROWS.every((r) => Object.isFrozen(r) && Object.isFrozen(r.messageIds)), m.parseMessageId("+1234567") === undefined].join("|")"#;

/// The facts a client must print, from the table itself.
fn expected_facts(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    let first = &view.codes[0];
    let first_id = view.exact_ids[0];
    let rows_for_first_id = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .filter(|r| r.message_ids.iter().any(|id| id.contains(first_id.value())))
        .count();
    format!(
        "{}|{}|{}|{}|{}|{}|{}|true|true",
        table.version,
        table.codes.len(),
        table.codes.iter().map(|c| c.rows.len()).sum::<usize>(),
        view.exact_ids.len(),
        first.entry.number,
        rows_for_first_id,
        first.camel,
    )
}

/// A handler's methods, each answering its own name: `cardNotRecognized: () => "cardNotRecognized"`.
fn handler_members(view: &View<'_>) -> String {
    view.codes
        .iter()
        .map(|c| format!("{}: () => \"{}\"", c.camel, c.camel))
        .collect::<Vec<_>>()
        .join(", ")
}

fn client_consts(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    let first = &view.codes[0];
    format!(
        "const FIRST = {};\nconst FIRST_ID = 0x{:08x};\nconst HANDLER = {{ {} }};\nconst FIRST_CODE = m.codeFromNumber(FIRST);\n",
        first.entry.number.get(),
        view.exact_ids[0].value(),
        handler_members(&view)
    )
}

/// A vendor's TypeScript client that prints [`FACTS`], strict, with no `@types/node`.
fn typescript_client(table: &Table, names: &Names) -> String {
    let view = View::new(table, names);
    format!(
        "import * as m from \"oqs-messages\";\nimport {{ Code, CodeHandler, Row }} from \"oqs-messages\";\n{}\n\
         const FIRST: number = {};\nconst FIRST_ID: number = 0x{:08x};\nconst HANDLER: CodeHandler<string> = {{ {} }};\n\
         const FIRST_CODE = m.codeFromNumber(FIRST) as Code;\nconst rows: readonly Row[] = m.rowsFor(FIRST_CODE, FIRST_ID);\nvoid rows;\nconsole.log({FACTS});\n",
        "// A vendor's client, compiled with strict flags (no @types/node: console declared).\ndeclare const console: { log(...items: unknown[]): void };",
        table.codes[0].number.get(),
        view.exact_ids[0].value(),
        handler_members(&view)
    )
}

#[test]
fn the_packed_package_runs_from_javascript_typescript_and_jest() {
    let test = "the_packed_package_runs_from_javascript_typescript_and_jest";
    let Some(tools) = tools(test) else {
        return;
    };
    let (table, names) = (current(), names());
    let dir = tempfile::tempdir().unwrap();
    let tarball = pack(dir.path(), &package_files(&table, &names));
    let expected = expected_facts(&table, &names);
    let consts = client_consts(&table, &names);

    // What the tarball holds: the JavaScript, its declarations, the README and licences.
    let listing = succeeds("tar", Command::new("tar").arg("tzf").arg(&tarball));
    for file in [
        "index.js",
        "index.mjs",
        "index.d.ts",
        "index.d.mts",
        "package.json",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
    ] {
        assert!(
            listing.lines().any(|l| l == format!("package/{file}")),
            "{file} not packed:\n{listing}"
        );
    }

    // Plain JavaScript, through Node's resolver: ES module and CommonJS.
    let esm = vendor(dir.path(), &tarball, "module");
    std::fs::write(
        esm.join("main.js"),
        format!("import * as m from \"oqs-messages\";\n{consts}console.log({FACTS});\n"),
    )
    .unwrap();
    let out = succeeds(
        "node, import",
        Command::new("node").arg("main.js").current_dir(&esm),
    );
    assert_eq!(out.trim(), expected, "import");
    // A CommonJS module of an ES module project, and `import()` from CommonJS.
    std::fs::write(
        esm.join("main.cjs"),
        format!("const m = require(\"oqs-messages\");\n{consts}console.log({FACTS});\nimport(\"oqs-messages\").then((e) => console.log(e.CODES === m.CODES ? \"two copies\" : \"ok\"));\n"),
    )
    .unwrap();
    let out = succeeds(
        "node, require",
        Command::new("node").arg("main.cjs").current_dir(&esm),
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next().map(str::trim),
        Some(expected.as_str()),
        "require"
    );

    // The table cannot be changed by a caller.
    std::fs::write(
        esm.join("mutate.js"),
        "import { CODES, Code, ROWS } from \"oqs-messages\";\n\
         const tries = [() => { CODES[0].rows[0].cause = \"x\"; }, () => { CODES.push(null); }, () => { Code.X = \"1\"; }, () => { ROWS[0].messageIds.pop(); }];\n\
         console.log(tries.map((f) => { try { f(); return \"changed\"; } catch (e) { return e instanceof TypeError ? \"refused\" : String(e); } }).join(\",\"));\n",
    )
    .unwrap();
    let out = succeeds(
        "node, mutate",
        Command::new("node").arg("mutate.js").current_dir(&esm),
    );
    assert_eq!(out.trim(), "refused,refused,refused,refused");

    // TypeScript as a vendor configures it: strict flags, an old target, CommonJS output
    // whose emitted JavaScript runs; with the newest compiler and with the oldest claimed.
    let cjs = vendor(dir.path(), &tarball, "commonjs");
    std::fs::write(cjs.join("main.ts"), typescript_client(&table, &names)).unwrap();
    for (compiler, options) in [
        (
            "tsc",
            r#""strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "noImplicitOverride": true, "noPropertyAccessFromIndexSignature": true, "target": "es5", "lib": ["es5"], "module": "node16", "moduleResolution": "node16""#,
        ),
        (
            "tsc40",
            r#""strict": true, "target": "es5", "lib": ["es5"], "module": "commonjs", "moduleResolution": "node""#,
        ),
    ] {
        let out_dir = format!("dist-{compiler}");
        std::fs::write(
            cjs.join("tsconfig.json"),
            format!(
                r#"{{ "compilerOptions": {{ {options}, "outDir": "{out_dir}", "skipLibCheck": false, "types": [] }}, "files": ["main.ts"] }}"#
            ),
        )
        .unwrap();
        let tsc = if compiler == "tsc40" {
            tools.join("node_modules/ts40/bin/tsc")
        } else {
            // Not `.bin/tsc`: both TypeScripts install one there.
            tools.join("node_modules/typescript/bin/tsc")
        };
        let version = succeeds("tsc --version", Command::new(&tsc).arg("--version"));
        if compiler == "tsc40" {
            assert!(
                version.contains(&format!("Version {OLDEST_TYPESCRIPT}.")),
                "the oldest TypeScript claimed is {OLDEST_TYPESCRIPT}, this is {version}"
            );
        }
        succeeds(
            &format!("{version} on the vendor's strict project"),
            Command::new(&tsc).args(["-p", "."]).current_dir(&cjs),
        );
        let out = succeeds(
            "the emitted JavaScript",
            Command::new("node")
                .arg(format!("{out_dir}/main.js"))
                .current_dir(&cjs),
        );
        assert_eq!(out.trim(), expected, "{version}");
    }

    // A Jest test, as a vendor's test suite requires the package.
    std::fs::write(
        cjs.join("table.test.js"),
        format!("const m = require(\"oqs-messages\");\n{consts}test(\"the table\", () => {{ expect({FACTS}).toBe({}); }});\n", serde_json::to_string(&expected).unwrap()),
    )
    .unwrap();
    succeeds(
        "jest",
        Command::new(bin(&tools, "jest"))
            .args(["--ci", "--rootDir", ".", "table.test.js"])
            .current_dir(&cjs),
    );

    // The linters of npm packages, on the tarball.
    succeeds(
        "publint",
        Command::new(bin(&tools, "publint"))
            .args(["--strict", "--pack", "false"])
            .arg(dir.path().join("package")),
    );
    succeeds(
        "arethetypeswrong",
        Command::new(bin(&tools, "attw"))
            .args(["--format", "ascii"])
            .arg(&tarball),
    );
}

/// Held against the JavaScript by TypeScript's own reading of the declarations: each
/// exported value's declared type, its literal members, and each function's parameters.
const DECLARATIONS_MATCH: &str = r#"
// `node -e` gives the arguments from process.argv[1] on.
const ts = require(process.argv[1]);
const file = process.argv[2];
const program = ts.createProgram([file], { strict: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(file);
const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
const runtime = { cjs: require(process.argv[3]) };
const problems = [];
const declared = [];
(async () => {
  runtime.esm = await import(process.argv[4]);
  for (const symbol of symbols) {
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
    const name = symbol.getName();
    declared.push(name);
    const type = checker.getTypeOfSymbolAtLocation(symbol, source);
    for (const [kind, module] of Object.entries(runtime)) {
      const value = module[name];
      if (value === undefined) { problems.push(`${kind}: ${name} is declared, not exported`); continue; }
      const calls = type.getCallSignatures();
      if (calls.length) {
        if (typeof value !== "function") problems.push(`${kind}: ${name} is declared a function, is ${typeof value}`);
        else if (value.length !== calls[0].getParameters().length) problems.push(`${kind}: ${name} takes ${value.length} parameters, declared ${calls[0].getParameters().length}`);
        continue;
      }
      if (type.isStringLiteral() || type.isNumberLiteral()) {
        if (value !== type.value) problems.push(`${kind}: ${name} is ${JSON.stringify(value)}, declared ${JSON.stringify(type.value)}`);
        continue;
      }
      if (checker.isArrayLikeType(type)) { if (!Array.isArray(value)) problems.push(`${kind}: ${name} is declared an array`); continue; }
      const members = type.getProperties();
      const keys = Object.keys(value);
      if (members.length !== keys.length) problems.push(`${kind}: ${name} has ${keys.length} members, declared ${members.length}`);
      for (const member of members) {
        const memberType = checker.getTypeOfSymbolAtLocation(member, source);
        const actual = value[member.getName()];
        if (memberType.isStringLiteral() || memberType.isNumberLiteral()) {
          if (actual !== memberType.value) problems.push(`${kind}: ${name}.${member.getName()} is ${JSON.stringify(actual)}, declared ${JSON.stringify(memberType.value)}`);
        } else {
          for (const inner of memberType.getProperties()) {
            const innerType = checker.getTypeOfSymbolAtLocation(inner, source);
            if (innerType.isNumberLiteral() && (actual || {})[inner.getName()] !== innerType.value)
              problems.push(`${kind}: ${name}.${member.getName()}.${inner.getName()} differs from its declaration`);
          }
        }
      }
    }
  }
  for (const [kind, module] of Object.entries(runtime))
    for (const name of Object.keys(module))
      if (name !== "__esModule" && name !== "default" && !declared.includes(name)) problems.push(`${kind}: ${name} is exported, not declared`);
  console.log(JSON.stringify({ declared: declared.length, problems }));
})();
"#;

#[test]
fn the_declarations_describe_the_javascript() {
    let test = "the_declarations_describe_the_javascript";
    let Some(tools) = tools(test) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = package_files(&current(), &names());
    let package = write_package(dir.path(), &files);
    let same = |a: &str, b: &str| {
        let text = |name: &str| {
            &files
                .iter()
                .find(|f| f.path.ends_with(name))
                .unwrap()
                .contents
        };
        assert_eq!(text(a), text(b), "{a} and {b} declare the same");
    };
    same("index.d.ts", "index.d.mts");
    let out = succeeds(
        "the declarations against the modules",
        Command::new("node")
            .arg("-e")
            .arg(DECLARATIONS_MATCH)
            .arg(tools.join("node_modules/typescript"))
            .arg(package.join("index.d.ts"))
            .arg(package.join("index.js"))
            .arg(format!("file://{}", package.join("index.mjs").display())),
    );
    let report: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(
        report["declared"].as_u64().unwrap() >= 15,
        "too few values declared: {report}"
    );
    assert_eq!(report["problems"], serde_json::json!([]), "{report}");
}

/// TypeScript older than the declarations claim: a project pinned to TypeScript 3.9 (from
/// npm's cache, where `.ci/run` put it beside the tools) installs the package, since it
/// declares no peer dependency on TypeScript, and its compiler reads the declarations.
#[test]
fn a_project_on_an_older_typescript_installs_and_compiles_with_the_package() {
    let test = "a_project_on_an_older_typescript_installs_and_compiles_with_the_package";
    let Some(_tools) = tools(test) else {
        return;
    };
    let (table, names) = (current(), names());
    let dir = tempfile::tempdir().unwrap();
    let tarball = pack(dir.path(), &package_files(&table, &names));
    let project = dir.path().join("typescript-3.9");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("package.json"),
        r#"{ "name": "old", "version": "1.0.0", "private": true, "devDependencies": { "typescript": "3.9.10" } }"#,
    )
    .unwrap();
    let npm_install = |what: &str, args: &[&std::ffi::OsStr]| {
        succeeds(
            what,
            Command::new("npm")
                .args([
                    "install",
                    "--offline",
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                ])
                .args(args)
                .current_dir(&project),
        )
    };
    npm_install("npm install of TypeScript 3.9 (from npm's cache)", &[]);
    npm_install(
        "npm install of the package beside TypeScript 3.9",
        &[tarball.as_os_str()],
    );
    std::fs::write(project.join("main.ts"), typescript_client(&table, &names)).unwrap();
    std::fs::write(
        project.join("tsconfig.json"),
        r#"{ "compilerOptions": { "strict": true, "target": "es5", "lib": ["es5"], "module": "commonjs", "moduleResolution": "node", "types": [] }, "files": ["main.ts"] }"#,
    )
    .unwrap();
    let tsc = project.join("node_modules/typescript/bin/tsc");
    let version = succeeds("tsc --version", Command::new(&tsc).arg("--version"));
    assert!(version.contains("Version 3.9."), "{version}");
    succeeds(
        "TypeScript 3.9 on the client",
        Command::new(&tsc).args(["-p", "."]).current_dir(&project),
    );
    let out = succeeds(
        "the emitted JavaScript",
        Command::new("node").arg("main.js").current_dir(&project),
    );
    assert_eq!(out.trim(), expected_facts(&table, &names));
}
