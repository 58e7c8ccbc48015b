//! The README and the guides in `docs/` as a newcomer follows them: every file or folder they
//! link to exists, and `docs/architecture.md` lists every file of the workspace with the
//! first sentence of its own documentation (a file added, moved or removed, or whose first
//! sentence changed, fails here until the list is written again with
//! `OQS_WRITE_ARCHITECTURE=1 cargo test -p oqs-messages-tests --test guides`), none of them,
//! if hand-written, over 800 lines.

use std::fs;
use std::path::{Path, PathBuf};

/// The folders whose files are listed, each with the subfolders walked in it. The trybuild
/// cases (`tests/ui/`) and what codegen writes in other languages are left out.
const FOLDERS: &[(&str, &[&str])] = &[
    ("text", &["src", "tests"]),
    ("table", &["src", "tests"]),
    ("codegen", &["src", "tests"]),
    ("macros", &["src", "tests", "examples"]),
    ("generated", &["src"]),
    ("answer", &["src", "tests"]),
    ("wasm", &["src"]),
    ("explain", &["src", "tests"]),
    ("tests", &["fixture/src", "quickstart/src", "src", "tests"]),
    ("bench", &["benches", "src", "build.rs"]),
    ("fuzz", &["fuzz_targets"]),
    ("scripts", &["."]),
];

const EXTENSIONS: &[&str] = &["rs", "js", "sh", "py"];
const WIDTH: usize = 45;
const LONGEST: usize = 110;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    if dir.is_file() {
        files.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e))
        {
            files.push(path);
        }
    }
}

/// The first paragraph of a file's leading comment (`//!`, `//`, `#`, a docstring), without
/// its markers.
fn leading_comment(text: &str) -> String {
    let mut lines = text.lines().peekable();
    // A shebang, or JavaScript's strict mode, comes before a file's comment.
    if lines
        .peek()
        .is_some_and(|l| l.starts_with("#!") || l.trim() == "\"use strict\";")
    {
        lines.next();
    }
    let mut words = Vec::new();
    let mut in_docstring = false;
    for line in lines {
        let line = line.trim();
        let body = if in_docstring {
            match line.find("\"\"\"") {
                Some(end) => {
                    words.push(line[..end].to_string());
                    break;
                }
                None => line,
            }
        } else if let Some(rest) = line.strip_prefix("\"\"\"") {
            match rest.find("\"\"\"") {
                Some(end) => {
                    words.push(rest[..end].to_string());
                    break;
                }
                None => {
                    in_docstring = true;
                    rest
                }
            }
        } else if let Some(rest) = ["//!", "//", "#"].iter().find_map(|m| line.strip_prefix(m)) {
            rest.trim()
        } else {
            break;
        };
        if body.is_empty() {
            if words.is_empty() {
                continue;
            }
            break;
        }
        words.push(body.to_string());
    }
    words.join(" ")
}

/// The first sentence, shortened at a space to fit one line.
fn summary(comment: &str) -> String {
    let sentence = match comment.find(". ") {
        Some(end) => &comment[..end],
        None => comment.trim_end_matches('.'),
    };
    if sentence.chars().count() <= LONGEST {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(LONGEST).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// The files listed for one of [`FOLDERS`], in order.
fn listed_files(base: &Path, parts: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for part in parts {
        walk(&base.join(part), &mut files);
    }
    files.retain(|f| !f.starts_with(base.join("tests/ui")));
    files.sort();
    files
}

fn every_file_section() -> (String, Vec<String>) {
    let root = root();
    let mut out = String::from("Each file's first sentence of documentation, one file a line.\n");
    let mut undocumented = Vec::new();
    for (folder, parts) in FOLDERS {
        let base = root.join(folder);
        let files = listed_files(&base, parts);
        out.push_str(&format!("\n### `{folder}/`\n\n```text\n"));
        for file in files {
            let name = file
                .strip_prefix(&base)
                .expect("under its folder")
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&file).unwrap_or_default();
            let comment = leading_comment(&text);
            // What codegen writes names the table's version: said alike for every version.
            let line = if comment.starts_with("@generated") {
                "written by `cargo run -p codegen`".to_owned()
            } else {
                summary(&comment)
            };
            if line.is_empty() {
                undocumented.push(format!("{folder}/{name}"));
            }
            let pad = WIDTH.saturating_sub(name.chars().count()).max(1);
            out.push_str(&format!("{name}{}{line}\n", " ".repeat(pad)));
        }
        out.push_str("```\n");
    }
    (out, undocumented)
}

#[test]
fn the_architecture_guide_lists_every_file_as_it_stands() {
    let (section, undocumented) = every_file_section();
    assert!(
        undocumented.is_empty(),
        "files without a leading comment that says what they are: {undocumented:?}"
    );
    let path = root().join("docs/architecture.md");
    let doc = fs::read_to_string(&path).expect("docs/architecture.md");
    let start = doc
        .find("## Every file\n")
        .expect("a section \"## Every file\"")
        + 14;
    let end = doc[start..]
        .find("\n## ")
        .map_or(doc.len(), |at| start + at + 1);
    let written = &doc[start..end];
    let expected = format!("\n{section}\n");
    if written == expected {
        return;
    }
    if std::env::var_os("OQS_WRITE_ARCHITECTURE").is_some() {
        fs::write(
            &path,
            format!("{}{}{}", &doc[..start], expected, &doc[end..]),
        )
        .expect("docs/architecture.md written");
        return;
    }
    let first_difference = written
        .lines()
        .zip(expected.lines())
        .find(|(w, e)| w != e)
        .map_or_else(
            || "one list is longer".to_owned(),
            |(w, e)| format!("written: {w}\nexpected: {e}"),
        );
    panic!(
        "docs/architecture.md's \"Every file\" is stale ({first_difference}); write it again \
         with OQS_WRITE_ARCHITECTURE=1 cargo test -p oqs-messages-tests --test guides"
    );
}

/// The targets of a Markdown text's inline links (`[text](target)`), but for web addresses
/// and anchors within the page.
fn relative_links(markdown: &str) -> Vec<&str> {
    let mut links = Vec::new();
    let mut rest = markdown;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = rest[..end].split('#').next().unwrap_or("");
        if !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:") {
            links.push(target);
        }
        rest = &rest[end..];
    }
    links
}

#[test]
fn every_file_the_readme_and_the_guides_link_to_exists() {
    let root = root();
    let mut pages = vec![root.join("README.md")];
    for entry in fs::read_dir(root.join("docs")).expect("docs/").flatten() {
        if entry.path().extension().is_some_and(|e| e == "md") {
            pages.push(entry.path());
        }
    }
    let mut broken = Vec::new();
    let mut guides_linked = 0;
    for page in &pages {
        let text = fs::read_to_string(page).expect("a guide");
        let base = page.parent().expect("in a folder");
        for target in relative_links(&text) {
            if !base.join(target).exists() {
                broken.push(format!("{} -> {target}", page.display()));
            }
            if page.ends_with("README.md") && target.starts_with("docs/") {
                guides_linked += 1;
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:#?}");
    assert!(
        guides_linked >= pages.len() - 1,
        "the README links each guide of docs/ ({guides_linked} links for {} guides)",
        pages.len() - 1
    );
}

#[test]
fn links_are_read_as_markdown_writes_them() {
    assert_eq!(
        relative_links("[a](docs/rust.md) [b](https://x.jp/) [c](#top) [d](../spec/x.xlsx#s)"),
        ["docs/rust.md", "../spec/x.xlsx"]
    );
}

/// The most lines a hand-written file may have: past it, a file holds more than one idea and
/// is split along them (docs/architecture.md).
const MOST_LINES: usize = 800;

#[test]
fn no_hand_written_file_passes_800_lines() {
    let root = root();
    let mut long = Vec::new();
    for (folder, parts) in FOLDERS {
        for file in listed_files(&root.join(folder), parts) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            let lines = text.lines().count();
            if lines > MOST_LINES && !leading_comment(&text).starts_with("@generated") {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "over {MOST_LINES} lines: {long:#?}");
}
