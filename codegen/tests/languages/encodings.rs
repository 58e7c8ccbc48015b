//! Encodings and versions at run time: the C# and Java sources compile to the table's
//! exact texts under any code page or default encoding, and a replaced library reports
//! its own versions.

use super::csharp::mcs_build;
use super::java::javac_build;
use super::*;

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
