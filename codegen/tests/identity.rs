//! The publishing identity, kept in the workspace `Cargo.toml` alone: set in a copy of it,
//! `cargo run -p codegen` writes it into every manifest (npm's `package.json`, the csproj,
//! the nuspec, the pom, complete for Maven Central); unset, as in this repository, no
//! manifest holds any of it, and none is made up; malformed, the run is refused, naming
//! the key.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use quick_xml::events::Event;

const REPOSITORY: &str = "https://example.org/vendor/oqs-messages";
const HOMEPAGE: &str = "https://example.org/oqs-messages";
const GROUP: &str = "org.example.oqs";

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .output()
        .expect("run codegen")
}

/// The workspace manifest with `lines` added to `[workspace.package]` and `metadata` to
/// `[workspace.metadata.oqs-messages]`.
fn manifest_with(lines: &str, metadata: &str) -> String {
    let manifest = fs::read_to_string(codegen::workspace_root().join("Cargo.toml")).unwrap();
    let package = "[workspace.package]\n";
    let ours = "[workspace.metadata.oqs-messages]\n";
    assert!(manifest.contains(package) && manifest.contains(ours));
    manifest
        .replacen(package, &format!("{package}{lines}"), 1)
        .replacen(ours, &format!("{ours}{metadata}"), 1)
}

/// `cargo run -p codegen` into `generated/` of a copy of the workspace whose manifest is
/// `manifest`.
fn generate_in_copy(workspace: &Path, manifest: &str) -> Output {
    fs::write(workspace.join("Cargo.toml"), manifest).unwrap();
    let out = workspace.join("generated");
    fs::create_dir_all(&out).unwrap();
    for file in ["Cargo.toml", "CHANGES.md", "table.json"] {
        fs::copy(
            codegen::workspace_root().join("generated").join(file),
            out.join(file),
        )
        .unwrap();
    }
    codegen(&["--out", out.to_str().unwrap()])
}

/// Every element of an XML document by its path from the root (`project/scm/url`), with
/// its text, in document order.
fn elements(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                path.push(AsRef::<str>::as_ref(&e.name()).to_owned());
                found.push((path.join("/"), String::new()));
            }
            Event::Empty(e) => {
                let name = AsRef::<str>::as_ref(&e.name()).to_owned();
                found.push((format!("{}/{name}", path.join("/")), String::new()));
            }
            Event::Text(text) => {
                if let Some(last) = found.iter_mut().rev().find(|(p, _)| *p == path.join("/")) {
                    last.1.push_str(text.xml10_content().trim());
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

fn texts<'a>(elements: &'a [(String, String)], path: &str) -> Vec<&'a str> {
    elements
        .iter()
        .filter(|(p, _)| p == path)
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn an_identity_set_in_the_workspace_manifest_reaches_every_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = manifest_with(
        &format!(
            "repository = \"{REPOSITORY}\"\nhomepage = \"{HOMEPAGE}\"\nauthors = [\"Hanako Yamada <hanako@example.org>\", \"Taro Sato\"]\n"
        ),
        &format!("maven-group-id = \"{GROUP}\"\n"),
    );
    let ran = generate_in_copy(dir.path(), &manifest);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let generated = dir.path().join("generated");
    let read = |path: &str| fs::read_to_string(generated.join(path)).unwrap();

    let package: serde_json::Value =
        serde_json::from_str(&read("typescript/package.json")).unwrap();
    assert_eq!(package["repository"]["url"], REPOSITORY);
    assert_eq!(package["homepage"], HOMEPAGE);
    assert_eq!(package["author"], "Hanako Yamada <hanako@example.org>");
    assert_eq!(package["contributors"], serde_json::json!(["Taro Sato"]));

    let project = elements(&read("csharp/OqsMessages.csproj"));
    let property = |name: &str| texts(&project, &format!("Project/PropertyGroup/{name}"));
    assert_eq!(property("RepositoryUrl"), [REPOSITORY]);
    assert_eq!(property("PackageProjectUrl"), [HOMEPAGE]);
    assert_eq!(property("Authors"), ["Hanako Yamada, Taro Sato"]);

    let nuspec_text = read("csharp/OqsMessages.nuspec");
    let nuspec = elements(&nuspec_text);
    assert_eq!(texts(&nuspec, "package/metadata/projectUrl"), [HOMEPAGE]);
    assert_eq!(
        texts(&nuspec, "package/metadata/authors"),
        ["Hanako Yamada, Taro Sato"]
    );
    assert!(nuspec_text.contains(&format!("<repository type=\"git\" url=\"{REPOSITORY}\" />")));

    let pom = elements(&read("java/pom.xml"));
    assert_eq!(texts(&pom, "project/groupId"), [GROUP]);
    assert_eq!(texts(&pom, "project/url"), [HOMEPAGE]);
    assert_eq!(texts(&pom, "project/scm/url"), [REPOSITORY]);
    assert_eq!(
        texts(&pom, "project/scm/connection"),
        [format!("scm:git:{REPOSITORY}").as_str()]
    );
    assert_eq!(
        texts(&pom, "project/developers/developer/name"),
        ["Hanako Yamada", "Taro Sato"]
    );
    assert_eq!(
        texts(&pom, "project/developers/developer/email"),
        ["hanako@example.org"]
    );
    // What Maven Central requires of a pom, every element there and not empty.
    for required in [
        "project/groupId",
        "project/artifactId",
        "project/version",
        "project/name",
        "project/description",
        "project/url",
        "project/licenses/license/name",
        "project/licenses/license/url",
        "project/developers/developer/name",
        "project/scm/connection",
        "project/scm/developerConnection",
        "project/scm/url",
    ] {
        let found = texts(&pom, required);
        assert!(
            !found.is_empty() && found.iter().all(|t| !t.is_empty()),
            "{required}: {found:?}"
        );
    }
    // The READMEs say what the package was generated with.
    for readme in ["typescript/README.md", "csharp/README.md", "java/README.md"] {
        assert!(read(readme).contains(REPOSITORY), "{readme}");
    }
}

/// This repository sets no identity: no manifest has a field of it, none is made up, and
/// the pom's groupId is the placeholder its README explains.
#[test]
fn an_unset_identity_is_left_out_of_every_manifest() {
    let generated = codegen::workspace_root().join("generated");
    let identity = codegen::render::identity::Identity::of_output(&generated).unwrap();
    if identity != Default::default() {
        // A publisher set it: the test above checks it is written.
        return;
    }
    let read = |path: &str| fs::read_to_string(generated.join(path)).unwrap();
    let package: serde_json::Value =
        serde_json::from_str(&read("typescript/package.json")).unwrap();
    for key in ["repository", "homepage", "author", "contributors", "bugs"] {
        assert!(package.get(key).is_none(), "package.json has {key}");
    }
    let project = read("csharp/OqsMessages.csproj");
    for element in [
        "<RepositoryUrl>",
        "<PackageProjectUrl>",
        "<Authors>",
        "<Company>",
    ] {
        assert!(!project.contains(element), "the csproj has {element}");
    }
    let nuspec = elements(&read("csharp/OqsMessages.nuspec"));
    assert!(texts(&nuspec, "package/metadata/projectUrl").is_empty());
    assert!(texts(&nuspec, "package/metadata/repository").is_empty());
    // NuGet requires authors: the package's id, as `dotnet pack` writes for a project
    // that sets none.
    assert_eq!(texts(&nuspec, "package/metadata/authors"), ["OqsMessages"]);
    let pom = elements(&read("java/pom.xml"));
    assert_eq!(
        texts(&pom, "project/groupId"),
        [codegen::render::identity::PLACEHOLDER_GROUP_ID]
    );
    for element in ["project/url", "project/scm", "project/developers"] {
        assert!(texts(&pom, element).is_empty(), "the pom has {element}");
    }
    assert!(read("java/README.md").contains("a placeholder"));
}

#[test]
fn a_malformed_identity_is_refused_naming_the_key_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = manifest_with(
        "repository = \"github.com/vendor/oqs-messages\"\n",
        "maven-group-id = \"Org Example\"\n",
    );
    let ran = generate_in_copy(dir.path(), &manifest);
    let stderr = String::from_utf8_lossy(&ran.stderr);
    assert_eq!(ran.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot give the publishing identity (2 problems)")
            && stderr.contains("[workspace.package] repository")
            && stderr.contains("maven-group-id"),
        "{stderr}"
    );
    assert!(!dir.path().join("generated/typescript").exists());
}
