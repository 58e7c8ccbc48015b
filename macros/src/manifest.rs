//! The name under which the crate being compiled depends on `oqs-messages`, read from its
//! `Cargo.toml` (and from its workspace's, for `workspace = true`), so that the derives call
//! the generated crate back under that name: `oqs = { package = "oqs-messages", … }` gives
//! `oqs`.
//!
//! A reader of a manifest's keys and values, not of TOML at large (no dates, no numbers'
//! forms, no escapes beyond `\"` and `\\`): what it cannot read it passes over, and the
//! derive falls back to `::oqs_messages`, which `#[oqs_messages(crate = path)]` overrides.
//! Written here rather than taken from `proc-macro-crate`, whose TOML parser (toml_edit,
//! winnow, indexmap) doubled the clean build of a crate using the derives.

use std::path::{Path, PathBuf};

/// A value, as far as a dependency entry needs it.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Str(String),
    Bool(bool),
    Other,
}

/// Every key of a manifest with its value, each a full dotted path (table headers and
/// inline tables flattened): `[dependencies] oqs = { package = "x" }` gives
/// `["dependencies", "oqs", "package"] = "x"`.
fn entries(text: &str) -> Vec<(Vec<String>, Value)> {
    let tokens = tokens(text);
    let mut reader = Reader {
        tokens: &tokens,
        at: 0,
        out: Vec::new(),
    };
    let mut table: Vec<String> = Vec::new();
    while let Some(token) = reader.peek() {
        match token {
            Token::Newline => reader.at += 1,
            Token::Open | Token::OpenTwice => {
                reader.at += 1;
                table = reader.key();
                // The closing bracket or brackets, and what follows on the line.
                reader.skip_line();
            }
            _ => {
                let mut key = table.clone();
                key.extend(reader.key());
                if reader.peek() == Some(&Token::Equals) {
                    reader.at += 1;
                    reader.value(key);
                }
                reader.skip_line();
            }
        }
    }
    reader.out
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Open,
    OpenTwice,
    Close,
    Brace,
    CloseBrace,
    Equals,
    Dot,
    Comma,
    Newline,
}

/// The manifest as tokens: comments dropped, strings unquoted (basic strings with `\"` and
/// `\\` read, literal strings as they are, multi-line strings kept whole), `[[` only at
/// the start of a line.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut line_start = true;
    while i < chars.len() {
        let c = chars[i];
        let starts_line = line_start;
        line_start = false;
        match c {
            '\n' => {
                out.push(Token::Newline);
                line_start = true;
                i += 1;
            }
            ' ' | '\t' | '\r' => {
                line_start = starts_line;
                i += 1;
            }
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '[' if starts_line && chars.get(i + 1) == Some(&'[') => {
                out.push(Token::OpenTwice);
                i += 2;
            }
            '[' => {
                out.push(Token::Open);
                i += 1;
            }
            ']' => {
                out.push(Token::Close);
                i += 1;
            }
            '{' => {
                out.push(Token::Brace);
                i += 1;
            }
            '}' => {
                out.push(Token::CloseBrace);
                i += 1;
            }
            '=' => {
                out.push(Token::Equals);
                i += 1;
            }
            '.' => {
                out.push(Token::Dot);
                i += 1;
            }
            ',' => {
                out.push(Token::Comma);
                i += 1;
            }
            '"' | '\'' => {
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let quote_len = if triple { 3 } else { 1 };
                i += quote_len;
                let mut text = String::new();
                while i < chars.len() {
                    if chars[i] == c
                        && (!triple
                            || (chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c)))
                    {
                        i += quote_len;
                        break;
                    }
                    if c == '"' && chars[i] == '\\' && i + 1 < chars.len() {
                        i += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                out.push(Token::Str(text));
            }
            _ => {
                let start = i;
                while i < chars.len() && !" \t\r\n#[]{}=.,\"'".contains(chars[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Token::Word(chars[start..i].iter().collect()));
                }
            }
        }
    }
    out
}

struct Reader<'t> {
    tokens: &'t [Token],
    at: usize,
    out: Vec<(Vec<String>, Value)>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    /// A dotted key: `a.b."c d"`; words and strings alike.
    fn key(&mut self) -> Vec<String> {
        let mut key = Vec::new();
        while let Some(Token::Word(part) | Token::Str(part)) = self.peek() {
            key.push(part.clone());
            self.at += 1;
            if self.peek() != Some(&Token::Dot) {
                break;
            }
            self.at += 1;
        }
        key
    }

    /// The value of `key`, inline tables flattened into keys of their own; arrays passed
    /// over whole.
    fn value(&mut self, key: Vec<String>) {
        match self.peek().cloned() {
            Some(Token::Str(text)) => {
                self.at += 1;
                self.out.push((key, Value::Str(text)));
            }
            Some(Token::Word(word)) => {
                self.at += 1;
                // A number with a fraction or a date reads as several words: the rest of
                // the value goes with the line.
                let value = match word.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::Other,
                };
                self.out.push((key, value));
            }
            Some(Token::Brace) => {
                self.at += 1;
                loop {
                    self.skip_blank();
                    match self.peek() {
                        Some(Token::CloseBrace) | None => break,
                        Some(Token::Comma) => self.at += 1,
                        _ => {
                            let mut inner = key.clone();
                            let start = self.at;
                            inner.extend(self.key());
                            if self.peek() == Some(&Token::Equals) {
                                self.at += 1;
                                self.value(inner);
                            } else if self.at == start {
                                // Not a key: passed over.
                                self.at += 1;
                            }
                        }
                    }
                }
                self.at += 1;
                self.out.push((key, Value::Other));
            }
            Some(Token::Open) => {
                let mut depth = 0usize;
                let tokens = self.tokens;
                while let Some(token) = tokens.get(self.at) {
                    self.at += 1;
                    match token {
                        Token::Open => depth += 1,
                        Token::OpenTwice => depth += 2,
                        Token::Close => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                self.out.push((key, Value::Other));
            }
            _ => {}
        }
    }

    fn skip_blank(&mut self) {
        while self.peek() == Some(&Token::Newline) {
            self.at += 1;
        }
    }

    /// Up to and past the end of the line.
    fn skip_line(&mut self) {
        let tokens = self.tokens;
        while let Some(token) = tokens.get(self.at) {
            self.at += 1;
            if *token == Token::Newline {
                break;
            }
        }
    }
}

/// Whether a table name holds dependencies: `dependencies`, `dev-dependencies`,
/// `build-dependencies` (also under `target.'cfg(…)'`).
fn is_dependencies(name: &str) -> bool {
    matches!(
        name,
        "dependencies" | "dev-dependencies" | "build-dependencies"
    )
}

/// What a manifest says of a dependency, by its name there: the package it is (`package =
/// …`, else the name itself), and whether it comes from the workspace.
#[derive(Debug, Default, PartialEq)]
struct Dependency {
    package: Option<String>,
    workspace: bool,
}

/// The dependencies of a manifest, `(name, what it says)`: the package's own when
/// `workspace` is false, `[workspace.dependencies]` when true.
fn dependencies(entries: &[(Vec<String>, Value)], workspace: bool) -> Vec<(String, Dependency)> {
    let mut found: Vec<(String, Dependency)> = Vec::new();
    for (key, value) in entries {
        let in_workspace = key.first().map(String::as_str) == Some("workspace");
        if in_workspace != workspace {
            continue;
        }
        let Some(table) = key.iter().position(|part| is_dependencies(part)) else {
            continue;
        };
        let Some(name) = key.get(table + 1) else {
            continue;
        };
        let index = match found.iter().position(|(n, _)| n == name) {
            Some(index) => index,
            None => {
                found.push((name.clone(), Dependency::default()));
                found.len() - 1
            }
        };
        let field = key.get(table + 2).map(String::as_str);
        match (field, value) {
            (Some("package"), Value::Str(package)) if key.len() == table + 3 => {
                found[index].1.package = Some(package.clone());
            }
            (Some("workspace"), Value::Bool(true)) if key.len() == table + 3 => {
                found[index].1.workspace = true;
            }
            _ => {}
        }
    }
    found
}

/// The name under which `manifest` (with `workspace`, the workspace's manifest, for
/// inherited dependencies) depends on `package`, as Rust spells it (`-` as `_`). `None`
/// when it does not say.
fn name_in(manifest: &str, workspace: Option<&str>, package: &str) -> Option<String> {
    let own = entries(manifest);
    let own_name = own.iter().find_map(|(key, value)| match value {
        Value::Str(name) if key == &["package", "name"] => Some(name.clone()),
        _ => None,
    });
    if own_name.as_deref() == Some(package) {
        return Some(package.replace('-', "_"));
    }
    let shared = workspace.map_or_else(Vec::new, |text| dependencies(&entries(text), true));
    dependencies(&own, false)
        .into_iter()
        .find(|(name, dependency)| {
            let from_workspace = dependency.workspace.then(|| {
                shared
                    .iter()
                    .find(|(shared_name, _)| shared_name == name)
                    .map(|(_, d)| d)
            });
            let declared = match from_workspace {
                Some(Some(shared)) => shared.package.as_deref(),
                _ => dependency.package.as_deref(),
            };
            declared.unwrap_or(name) == package
        })
        .map(|(name, _)| name.replace('-', "_"))
}

/// The manifest of the workspace `dir` is in: the nearest `Cargo.toml` above it with a
/// `[workspace]` table.
fn workspace_manifest(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().skip(1).find_map(|parent| {
        let path = parent.join("Cargo.toml");
        let text = std::fs::read_to_string(&path).ok()?;
        entries(&text)
            .iter()
            .any(|(key, _)| key.first().map(String::as_str) == Some("workspace"))
            .then_some(path)
    })
}

/// The name under which the crate being compiled (`CARGO_MANIFEST_DIR`) depends on
/// `package`; `None` when its manifest cannot be read or does not say.
pub fn dependency_name(package: &str) -> Option<String> {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    let own = entries(&manifest);
    let workspace = if own
        .iter()
        .any(|(key, _)| key.first().map(String::as_str) == Some("workspace"))
    {
        Some(manifest.clone())
    } else {
        workspace_manifest(&dir).and_then(|path| std::fs::read_to_string(path).ok())
    };
    name_in(&manifest, workspace.as_deref(), package)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(manifest: &str) -> Option<String> {
        name_in(manifest, None, "oqs-messages")
    }

    #[test]
    fn the_dependency_under_its_own_name() {
        assert_eq!(
            name("[package]\nname = \"vendor\"\n\n[dependencies]\noqs-messages = \"0.1\"\n")
                .as_deref(),
            Some("oqs_messages")
        );
        assert_eq!(
            name("[dependencies]\noqs-messages = { path = \"../generated\", features = [\"serde\"] }\n").as_deref(),
            Some("oqs_messages")
        );
        assert_eq!(name("[dependencies]\nserde = \"1\"\n"), None);
    }

    #[test]
    fn a_renamed_dependency_in_every_form_a_manifest_writes_it() {
        for manifest in [
            "[dependencies]\noqs = { package = \"oqs-messages\", path = \"../generated\" }\n",
            "[dependencies]\noqs = { version = \"0.1\", package = 'oqs-messages' } # renamed\n",
            "[dependencies]\noqs.package = \"oqs-messages\"\noqs.version = \"0.1\"\n",
            "[dependencies.oqs]\nversion = \"0.1\"\npackage = \"oqs-messages\"\n\n[features]\nx = []\n",
            "[dev-dependencies]\noqs = { package = \"oqs-messages\", features = [\"serde\", \"std\"] }\n",
            "[target.'cfg(unix)'.dependencies]\noqs = { package = \"oqs-messages\", version = \"0.1\" }\n",
            "[dependencies]\n\"oqs\" = {\n    package = \"oqs-messages\",\n    path = \"../generated\",\n}\n",
        ] {
            assert_eq!(name(manifest).as_deref(), Some("oqs"), "{manifest}");
        }
        // A renamed dependency whose name has a dash, as Rust spells it.
        assert_eq!(
            name("[dependencies]\nmy-oqs = { package = \"oqs-messages\" }\n").as_deref(),
            Some("my_oqs")
        );
        // Another package under the name, and the name in a comment or a string elsewhere.
        assert_eq!(
            name("[dependencies]\noqs-messages = { package = \"other\" }\n# package = \"oqs-messages\"\n[package.metadata]\nnote = \"oqs = { package = 'oqs-messages' }\"\n"),
            None
        );
    }

    #[test]
    fn a_dependency_from_the_workspace() {
        let member = "[package]\nname = \"vendor\"\n[dependencies]\noqs = { workspace = true }\nserde.workspace = true\n";
        let workspace = "[workspace]\nmembers = [\"vendor\"]\n\n[workspace.dependencies]\noqs = { package = \"oqs-messages\", path = \"generated\" }\nserde = \"1\"\n";
        assert_eq!(
            name_in(member, Some(workspace), "oqs-messages").as_deref(),
            Some("oqs")
        );
        let plain = "[workspace.dependencies]\noqs-messages = { path = \"generated\" }\n";
        let member = "[dependencies]\noqs-messages.workspace = true\n";
        assert_eq!(
            name_in(member, Some(plain), "oqs-messages").as_deref(),
            Some("oqs_messages")
        );
    }

    #[test]
    fn the_package_itself() {
        assert_eq!(
            name("[package]\nname = \"oqs-messages\"\nversion = \"0.1.0\"\n").as_deref(),
            Some("oqs_messages")
        );
    }

    #[test]
    fn what_is_not_read_is_passed_over() {
        // Multi-line strings and arrays, numbers, dates, unbalanced leftovers: no panic,
        // and the entries after them are read.
        let manifest = "[package]\ndescription = \"\"\"a\n[dependencies]\nb\"\"\"\nversion = 1.5\nwhen = 1979-05-27T07:32:00Z\nkeywords = [\n  \"a\", # one\n  [\"b\"],\n]\n[dependencies]\noqs = { package = \"oqs-messages\" }\n";
        assert_eq!(name(manifest).as_deref(), Some("oqs"));
        for broken in [
            "[dependencies\noqs = {",
            "= = =",
            "[[",
            "oqs = { package = ",
            "\"unterminated",
        ] {
            assert_eq!(name(broken), None, "{broken}");
        }
    }
}
