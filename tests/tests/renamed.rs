//! The derives in a vendor's workspace as vendors lay them out: a crate that depends on
//! `oqs-messages` under another name (`oqs = { package = "oqs-messages", … }`), and one
//! that reaches it only through a crate of its own that re-exports it
//! (`#[oqs_messages(crate = facade::oqs)]`). Both build and map as written. The crates are
//! written from the current table, whatever its version.

use std::fs;
use std::path::Path;

use oqs_messages_table::ListedId;
use oqs_messages_tests::workspace::{cargo, copy_workspace, current_table, root};

/// A crate of the vendor's workspace: its manifest's dependencies and its `main.rs`.
fn write_crate(workspace: &Path, name: &str, dependencies: &str, main: &str) {
    let dir = workspace.join("vendor").join(name);
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependencies}"
        ),
    )
    .unwrap();
    let file = if main.contains("fn main") {
        "main.rs"
    } else {
        "lib.rs"
    };
    fs::write(dir.join("src").join(file), main).unwrap();
}

/// The enums a vendor maps the table onto, at the path `krate` names the crate by: every
/// code to one variant, the first exact ID by name and the rest to `#[rest]`.
fn mapping(krate: &str, attribute: &str) -> String {
    let table = current_table();
    let names = codegen::Names::load(&root().join("spec/names.toml")).unwrap();
    let codes: Vec<&str> = table
        .codes
        .iter()
        .map(|c| names.codes[&c.number].as_str())
        .collect();
    let first_id = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .flat_map(|r| &r.message_ids)
        .filter_map(|id| match id {
            ListedId::Exact(v) => Some(v.0),
            ListedId::Range { .. } => None,
        })
        .min()
        .expect("an exact message ID");
    format!(
        "#[derive({krate}::CodeMap, Debug, PartialEq)]\n{attribute}\nenum Every {{\n    #[codes({})]\n    Listed,\n}}\n\n\
         #[derive({krate}::MessageIdMap, Debug, PartialEq)]\n{attribute}\nenum Source {{\n    #[message_ids(Id{first_id:08X})]\n    First,\n    #[rest]\n    Other,\n}}\n\n\
         fn main() {{\n    for code in {krate}::Code::ALL {{\n        assert_eq!(Every::from(code), Every::Listed);\n    }}\n    \
         assert_eq!(Source::from({krate}::MessageId::ALL[0]), Source::First);\n    \
         assert!({krate}::MessageId::ALL[1..].iter().all(|id| Source::from(*id) == Source::Other));\n    \
         println!(\"mapped {{}} codes\", {krate}::Code::ALL.len());\n}}\n",
        codes.join(", ")
    )
}

#[test]
fn the_derives_work_through_a_renamed_dependency_and_a_re_export() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_workspace(workspace, &[]);
    let manifest = workspace.join("Cargo.toml");
    let members = r#""vendor/renamed", "vendor/facade", "vendor/through""#;
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace(r#""generated"]"#, &format!(r#""generated", {members}]"#));
    fs::write(&manifest, text).unwrap();

    // Renamed in the manifest: found there, no attribute needed.
    write_crate(
        workspace,
        "renamed",
        "oqs = { package = \"oqs-messages\", path = \"../../generated\" }\n",
        &mapping("oqs", ""),
    );
    // Reached through a crate that re-exports it: `crate = path`.
    write_crate(
        workspace,
        "facade",
        "oqs-messages = { path = \"../../generated\" }\n",
        "//! The vendor's own crate, which re-exports the table.\npub use oqs_messages as oqs;\n",
    );
    write_crate(
        workspace,
        "through",
        "facade = { path = \"../facade\" }\n",
        &mapping("facade::oqs", "#[oqs_messages(crate = facade::oqs)]"),
    );

    let codes = current_table().codes.len();
    for package in ["renamed", "through"] {
        let output = cargo(workspace, package, &["run"]);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.status.success(), "{package}:\n{said}");
        assert!(
            said.contains(&format!("mapped {codes} codes")),
            "{package}:\n{said}"
        );
    }
}
