//! Texts that would not compile as Rust literals: kept, reported, and escaped in the
//! generated Rust.

use super::*;

// --- Texts that would not compile as Rust literals -------------------------------------------

#[test]
fn bidirectional_controls_are_kept_reported_and_escaped_in_the_generated_rust() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set(
        "F3",
        Some("・カードの\u{202E}アクセス\u{202C}が正常に行えない\u{2066}"),
    );
    let reading = read(&spec);
    assert_eq!(
        reading.table.codes[0].rows[0].cause,
        "・カードの\u{202E}アクセス\u{202C}が正常に行えない\u{2066}"
    );
    assert_notice(&reading, "一覧!F3", "U+202E, U+202C, U+2066");
    let names_file = std::path::Path::new(support::FIXTURE_NAMES);
    let names = codegen::Names::load(names_file).unwrap();
    let files = reading
        .render(&names, names_file, codegen::render::view::FIRST_RELEASE)
        .unwrap();
    let json = &files
        .iter()
        .find(|f| f.path == "table.json")
        .unwrap()
        .contents;
    assert!(
        json.contains('\u{202E}'),
        "table.json keeps the text as published"
    );
    let rust = &files
        .iter()
        .find(|f| f.path == "src/table.rs")
        .unwrap()
        .contents;
    assert!(!rust
        .chars()
        .any(|c| oqs_messages_table::unseen::unseen(c).is_some()));
    let literal = codegen::render::rust::literal(&reading.table.codes[0].rows[0].cause);
    assert!(rust.contains(&literal));
    // rustc accepts the literal and reads back the text as published.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("check.rs");
    std::fs::write(
        &source,
        format!(
            "fn main() {{ assert_eq!({literal}, \"{}\"); }}\n",
            reading.table.codes[0].rows[0]
                .cause
                .chars()
                .map(|c| format!("\\u{{{:x}}}", c as u32))
                .collect::<String>()
        ),
    )
    .unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(rustc)
        .args(["--edition", "2021", "-o"])
        .arg(dir.path().join("check"))
        .arg(&source)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let run = std::process::Command::new(dir.path().join("check"))
        .status()
        .unwrap();
    assert!(run.success());
}
