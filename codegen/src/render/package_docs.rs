//! What the READMEs and `CHANGES.md` of the npm, NuGet and Maven packages share: the
//! templates' placeholders, the publishing section, the licence, and each package's
//! `CHANGES.md`, made of the table's.

use super::identity::Identity;
use super::view::{CodeView, View, VERSION_RULE, VERSION_RULE_JA};
use super::{GeneratedFile, COMMAND};

/// A package for another language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Package {
    /// `typescript/`: npm's `oqs-messages`.
    Npm,
    /// `csharp/`: NuGet's `OqsMessages`.
    NuGet,
    /// `java/`: Maven's `oqs-messages`.
    Maven,
}

impl Package {
    /// Every package, in the order of the root README.
    pub const ALL: [Package; 3] = [Package::Npm, Package::NuGet, Package::Maven];

    /// The package's folder in `generated/`.
    pub fn folder(self) -> &'static str {
        match self {
            Package::Npm => "typescript",
            Package::NuGet => "csharp",
            Package::Maven => "java",
        }
    }

    /// How the package is named where it is published.
    pub fn title(self) -> &'static str {
        match self {
            Package::Npm => "the npm package oqs-messages",
            Package::NuGet => "the NuGet package OqsMessages",
            Package::Maven => "the Maven artifact oqs-messages",
        }
    }

    /// The manifest fields the publishing identity fills.
    fn fields(self) -> &'static str {
        match self {
            Package::Npm => "`package.json`'s `repository`, `homepage` and `author` (the first author; the others are `contributors`)",
            Package::NuGet => "the csproj's and the nuspec's `RepositoryUrl`, `PackageProjectUrl` (the homepage, else the repository) and `Authors`",
            Package::Maven => "the pom's `groupId`, `url` (the homepage, else the repository), `scm` and `developers`",
        }
    }
}

/// The template with each `@KEY@` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("@{key}@"), value);
    }
    out
}

/// A README's template filled in: the table's example values (each language's own), then
/// `more`.
fn filled(template: &str, examples: &[(&str, String)], more: &[(&str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = examples
        .iter()
        .chain(more)
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    fill(template, &pairs)
}

/// A package's `README.md`: its template filled with the table's examples in the language
/// (`examples`), what only this language's README shows (`own`: its handler, …) and what
/// every package's README says (the version rule, the publishing identity, the licence).
pub fn package_readme(
    view: &View<'_>,
    package: Package,
    template: &str,
    examples: &[(&str, String)],
    own: &[(&str, String)],
) -> String {
    let mut more = own.to_vec();
    more.extend([
        ("VERSION_RULE", VERSION_RULE.to_owned()),
        ("PUBLISHING", publishing(view, package)),
        ("LICENCE", LICENCE.to_owned()),
    ]);
    filled(template, examples, &more)
}

/// A package's `README.ja.md`, for Japanese vendors: its template filled with the table's
/// examples, the version rule and the licence, its lines joined as Japanese text is.
pub fn package_readme_ja(template: &str, examples: &[(&str, String)]) -> String {
    let more = [
        ("VERSION_RULE", VERSION_RULE_JA.to_owned()),
        ("LICENCE", LICENCE_JA.to_owned()),
    ];
    join_japanese_lines(&filled(template, examples, &more))
}

/// The handler a vendor starts from, as a README shows it: one member per code (`member`
/// writes it from the code and its first tag), each followed by a comment with the code's
/// number and heading, the comments aligned for a reader of the README in a monospace font.
pub fn handler_members(
    view: &View<'_>,
    indent: &str,
    member: impl Fn(&CodeView<'_>, &str) -> String,
) -> String {
    let members: Vec<String> = view
        .codes
        .iter()
        .map(|c| member(c, c.entry.tags.first().map_or("", String::as_str)))
        .collect();
    let width = members.iter().map(|m| display_width(m)).max().unwrap_or(0);
    view.codes
        .iter()
        .zip(&members)
        .map(|(c, member)| {
            let pad = " ".repeat(width - display_width(member));
            let heading = oqs_messages_table::unseen::escape(&c.entry.heading.replace('\n', " "));
            format!("{indent}{member}{pad} // {} {heading}\n", c.entry.number)
        })
        .collect()
}

/// The README's section on the publishing identity: where it is set, what it fills here,
/// and what this package was generated with.
pub fn publishing(view: &View<'_>, package: Package) -> String {
    let identity = &view.identity;
    let mut out = format!(
        "## Publishing\n\n\
The publishing identity is kept in one place, the workspace `Cargo.toml`: cargo's own\n\
`[workspace.package]` `repository`, `homepage` and `authors`, and\n\
`[workspace.metadata.oqs-messages] maven-group-id`. `{COMMAND}` fills {} from it;\n\
a field left unset is left out, never made up. ",
        package.fields()
    );
    out.push_str(&match identity_set(identity) {
        None => "This package was generated with none of them set (the project has no public address yet).\n".to_owned(),
        Some(set) => format!("This package was generated with {set}.\n"),
    });
    if package == Package::Maven {
        out.push_str(&format!(
            "\nWhile `maven-group-id` is unset the pom's `groupId` is `{}`, a placeholder: Maven Central takes\n\
only a namespace its owner has verified (a domain of theirs, or `io.github.<account>`), and asks for\n\
`url`, `scm` and `developers` too, which the other three fields fill. A vendor who deploys the jar\n\
to an internal repository may keep the placeholder, or set its own group in its clone's `Cargo.toml`.\n",
            super::identity::PLACEHOLDER_GROUP_ID
        ));
    }
    out
}

/// What of the identity is set, in words; `None` when nothing is.
fn identity_set(identity: &Identity) -> Option<String> {
    let mut set = Vec::new();
    if let Some(repository) = &identity.repository {
        set.push(format!("`repository` {repository}"));
    }
    if let Some(homepage) = &identity.homepage {
        set.push(format!("`homepage` {homepage}"));
    }
    if !identity.authors.is_empty() {
        set.push(format!("`authors` {}", identity.authors.join(", ")));
    }
    if let Some(group) = &identity.maven_group_id {
        set.push(format!("`maven-group-id` {group}"));
    }
    (!set.is_empty()).then(|| set.join(", "))
}

/// The licence paragraph of the English READMEs.
pub const LICENCE: &str = "## Licence\n\nMIT OR Apache-2.0 (`LICENSE-MIT`, `LICENSE-APACHE`). The table's texts are the ministry's\n(厚生労働省), reproduced exactly as published.\n";

/// The licence paragraph of the Japanese READMEs.
pub const LICENCE_JA: &str = "## ライセンスと出典\n\nMIT または Apache-2.0 のいずれか（`LICENSE-MIT`、`LICENSE-APACHE`）。一覧の文言は厚生労働省が公開したもので、\n公開されたとおりに収録しています。\n";

/// The header of the table's `CHANGES.md`, which each package's copy replaces.
const TABLE_CHANGES_HEADER: &str = "# Changes of the table\n";

/// Each package's `CHANGES.md`: the table's changes (`generated/CHANGES.md`, newest first),
/// under a header that says whose they are and that the crate's version in them is the
/// package's too.
pub fn changes(table_changes: &str, table_version: &str) -> Vec<GeneratedFile> {
    let entries = table_changes
        .strip_prefix(TABLE_CHANGES_HEADER)
        .unwrap_or(table_changes);
    // The table's own comment on how the file grows: this copy says where it comes from.
    let entries = match entries.find("-->") {
        Some(end) if entries.trim_start().starts_with("<!--") => &entries[end + 3..],
        _ => entries,
    };
    Package::ALL
        .iter()
        .map(|package| {
            let path = match package {
                Package::Npm => "typescript/CHANGES.md",
                Package::NuGet => "csharp/CHANGES.md",
                Package::Maven => "java/CHANGES.md",
            };
            let title = package.title();
            let contents = format!(
                "# Changes of {title}\n\n\
<!-- @generated by `{COMMAND}` from the table's CHANGES.md (table version {table_version}). Do not edit. -->\n\n\
Each release of this package carries the version of the Rust crate `oqs-messages` of the same\n\
release: where an entry below says `Crate: oqs-messages 0.1.0 → 0.2.0`, this package moved\n\
from 0.1.0 to 0.2.0 too. How a revision of the table moves the version: README.md, \"Versions\".\n\n{}\n",
                entries.trim()
            );
            GeneratedFile { path, contents }
        })
        .collect()
}

/// The columns a text takes in a fixed-width font: two for each character outside ASCII
/// (the table's kana and kanji are full width), so that the comments of a template line up.
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Markdown for Japanese readers: the lines of each paragraph and list item joined, since a
/// line break inside a paragraph shows as a space, which Japanese text does not have. A space
/// stays where ASCII meets the break (`JavaScript と TypeScript`), except after Japanese
/// punctuation. Code blocks, headings and tables are left as they are.
pub fn join_japanese_lines(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    let mut joinable = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let fence = trimmed.starts_with("```");
        let continues = !in_code
            && !fence
            && joinable
            && !trimmed.is_empty()
            && !trimmed.starts_with(['#', '|', '-', '<', '>'])
            && !trimmed.starts_with(|c: char| c.is_ascii_digit());
        if continues {
            let previous = out.trim_end_matches('\n').chars().last();
            out.truncate(out.trim_end_matches('\n').len());
            let ascii_before = previous.is_some_and(|c| c.is_ascii());
            let punctuation_before = previous.is_some_and(|c| "、。，．（「『：".contains(c));
            let ascii_after = trimmed.starts_with(|c: char| c.is_ascii());
            if ascii_before || (ascii_after && !punctuation_before) {
                out.push(' ');
            }
            out.push_str(trimmed);
        } else {
            out.push_str(line);
        }
        out.push('\n');
        if fence {
            in_code = !in_code;
        }
        joinable =
            !in_code && !fence && !trimmed.is_empty() && !trimmed.starts_with(['#', '|', '<']);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_paragraphs_are_joined_and_code_is_not() {
        let text = "# 見出し\n\n一覧を\n引きます。JavaScript と\nTypeScript から、\n`VERSION` で。\n\n- 項目の\n  続き\n- 次\n\n```ts\nconst a =\n  1;\n```\n| a |\n| b |\n";
        assert_eq!(
            join_japanese_lines(text),
            "# 見出し\n\n一覧を引きます。JavaScript と TypeScript から、`VERSION` で。\n\n- 項目の続き\n- 次\n\n```ts\nconst a =\n  1;\n```\n| a |\n| b |\n"
        );
    }
}
