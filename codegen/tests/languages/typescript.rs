//! The TypeScript package through `tsc`, and what a revision breaks in a client.

use super::*;

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
