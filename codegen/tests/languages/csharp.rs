//! The C# package through Mono's `mcs` and `mono`: what a revision breaks in a client, a
//! withdrawn code named as withdrawn, lookups that say absence, tables no cast changes.

use super::*;

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
pub(crate) fn mcs_build(
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
