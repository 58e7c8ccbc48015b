//! The Java package through `javac` and `java`: what a revision breaks in a client, its
//! javadoc, and parsers that refuse signs and formats in every locale.

use super::*;

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
pub(crate) fn javac_build(
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
