//! The publishing identity of the packages, kept in one place: the workspace `Cargo.toml`,
//! cargo's own `[workspace.package]` `repository`, `homepage` and `authors`, and
//! `[workspace.metadata.oqs-messages] maven-group-id`. The npm, NuGet and Maven manifests
//! are filled from it; a field left unset is left out of every manifest, never made up.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// The Maven `groupId` while `maven-group-id` is unset: a placeholder, which Maven Central
/// does not take (it takes only a namespace its owner has verified).
pub const PLACEHOLDER_GROUP_ID: &str = "oqs";

/// Where the project is published and by whom, as the workspace manifest says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// `[workspace.package] repository`: the source repository's address.
    pub repository: Option<String>,
    /// `[workspace.package] homepage`.
    pub homepage: Option<String>,
    /// `[workspace.package] authors`, each `Name` or `Name <email>`.
    pub authors: Vec<String>,
    /// `[workspace.metadata.oqs-messages] maven-group-id`: a namespace verified on Maven
    /// Central (a reversed domain, or `io.github.<account>`).
    pub maven_group_id: Option<String>,
}

/// An author as the manifests of other ecosystems split it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author<'a> {
    /// The name, before any `<email>`.
    pub name: &'a str,
    /// The address between `<` and `>`, if given.
    pub email: Option<&'a str>,
}

impl Identity {
    /// The identity of the workspace whose `generated/` folder is `out`: read from the
    /// `Cargo.toml` beside `out` when that is a workspace manifest; none for an output
    /// folder outside a workspace.
    pub fn of_output(out: &Path) -> Result<Identity, Error> {
        let manifest = out
            .parent()
            .map_or_else(|| PathBuf::from("Cargo.toml"), |p| p.join("Cargo.toml"));
        match std::fs::read_to_string(&manifest) {
            Ok(text) if text.lines().any(|l| l.trim() == "[workspace]") => Identity::parse(&text)
                .map_err(|problems| Error::Identity {
                    file: manifest,
                    problems,
                }),
            _ => Ok(Identity::default()),
        }
    }

    /// The identity a workspace manifest gives, or every problem with it.
    pub fn parse(manifest: &str) -> Result<Identity, Vec<String>> {
        let value: toml::Table = toml::from_str(manifest).map_err(|e| vec![e.to_string()])?;
        let workspace = value.get("workspace").and_then(toml::Value::as_table);
        let package = workspace
            .and_then(|w| w.get("package"))
            .and_then(toml::Value::as_table);
        let metadata = workspace
            .and_then(|w| w.get("metadata"))
            .and_then(|m| m.get("oqs-messages"))
            .and_then(toml::Value::as_table);
        let mut problems = Vec::new();
        let mut text = |table: Option<&toml::Table>, key: &str, place: &str| {
            let value = table?.get(key)?;
            match value.as_str() {
                Some(text) => Some(text.to_owned()),
                None => {
                    problems.push(format!("{place} {key}: expected a string, found {value}"));
                    None
                }
            }
        };
        let repository = text(package, "repository", "[workspace.package]");
        let homepage = text(package, "homepage", "[workspace.package]");
        let maven_group_id = text(
            metadata,
            "maven-group-id",
            "[workspace.metadata.oqs-messages]",
        );
        let mut authors = Vec::new();
        match package.and_then(|p| p.get("authors")) {
            None => {}
            Some(toml::Value::Array(items)) => {
                for item in items {
                    match item.as_str() {
                        Some(author) => authors.push(author.to_owned()),
                        None => problems.push(format!(
                            "[workspace.package] authors: expected strings such as \"Name <name@example.org>\", found {item}"
                        )),
                    }
                }
            }
            Some(other) => problems.push(format!(
                "[workspace.package] authors: expected a list such as [\"Name <name@example.org>\"], found {other}"
            )),
        }
        let identity = Identity {
            repository,
            homepage,
            authors,
            maven_group_id,
        };
        problems.extend(identity.problems());
        if problems.is_empty() {
            Ok(identity)
        } else {
            Err(problems)
        }
    }

    /// What no manifest could carry as given.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (key, address) in [
            ("repository", &self.repository),
            ("homepage", &self.homepage),
        ] {
            let Some(address) = address else { continue };
            let scheme = address.starts_with("https://") || address.starts_with("http://");
            if !scheme || address.len() <= "https://".len() || address.contains(char::is_whitespace)
            {
                problems.push(format!(
                    "[workspace.package] {key}: expected an address such as https://example.org/oqs-messages, found {address:?}"
                ));
            }
        }
        for author in &self.authors {
            let parsed = Author::of(author);
            let email_ok = parsed.email.is_none_or(|e| e.contains('@'));
            if parsed.name.is_empty() || !email_ok || author.contains(['\n', '"']) {
                problems.push(format!(
                    "[workspace.package] authors: expected \"Name\" or \"Name <name@example.org>\", found {author:?}"
                ));
            }
        }
        if let Some(group) = &self.maven_group_id {
            let segment_ok = |s: &str| {
                s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            };
            if !group.split('.').all(segment_ok) {
                problems.push(format!(
                    "[workspace.metadata.oqs-messages] maven-group-id: expected a namespace such as io.github.account or org.example, found {group:?}"
                ));
            }
        }
        problems
    }

    /// Every author split into name and address.
    pub fn authors(&self) -> Vec<Author<'_>> {
        self.authors.iter().map(|a| Author::of(a)).collect()
    }

    /// The project's address for a manifest that has one such field (Maven's `url`,
    /// NuGet's `PackageProjectUrl`): the homepage, else the repository.
    pub fn project_url(&self) -> Option<&str> {
        self.homepage.as_deref().or(self.repository.as_deref())
    }

    /// The Maven `groupId`: the one set, else [`PLACEHOLDER_GROUP_ID`].
    pub fn group_id(&self) -> &str {
        self.maven_group_id
            .as_deref()
            .unwrap_or(PLACEHOLDER_GROUP_ID)
    }
}

impl<'a> Author<'a> {
    /// `Name <email>` split; `Name` alone has no address.
    pub fn of(text: &'a str) -> Author<'a> {
        let text = text.trim();
        match text.strip_suffix('>').and_then(|t| t.rsplit_once('<')) {
            Some((name, email)) => Author {
                name: name.trim(),
                email: Some(email.trim()),
            },
            None => Author {
                name: text,
                email: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNSET: &str = "[workspace]\nmembers = []\n\n[workspace.package]\nedition = \"2021\"\n";

    #[test]
    fn unset_fields_stay_unset() {
        assert_eq!(Identity::parse(UNSET), Ok(Identity::default()));
        assert_eq!(Identity::default().group_id(), PLACEHOLDER_GROUP_ID);
    }

    #[test]
    fn set_fields_are_read() {
        let manifest = format!(
            "{UNSET}repository = \"https://example.org/r\"\nauthors = [\"A B <a@example.org>\", \"C\"]\n\n[workspace.metadata.oqs-messages]\nmaven-group-id = \"org.example\"\n"
        );
        let identity = Identity::parse(&manifest).unwrap();
        assert_eq!(
            identity.repository.as_deref(),
            Some("https://example.org/r")
        );
        assert_eq!(identity.project_url(), Some("https://example.org/r"));
        assert_eq!(identity.group_id(), "org.example");
        assert_eq!(
            identity.authors(),
            [
                Author {
                    name: "A B",
                    email: Some("a@example.org")
                },
                Author {
                    name: "C",
                    email: None
                }
            ]
        );
    }

    #[test]
    fn malformed_fields_are_refused_each_named() {
        let manifest = format!(
            "{UNSET}repository = \"example.org\"\nhomepage = 3\nauthors = [\"<a@example.org>\", 4]\n\n[workspace.metadata.oqs-messages]\nmaven-group-id = \"org..example\"\n"
        );
        let problems = Identity::parse(&manifest).unwrap_err();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        for key in ["repository", "homepage", "authors", "maven-group-id"] {
            assert!(
                problems.iter().any(|p| p.contains(key)),
                "{key}: {problems:#?}"
            );
        }
    }
}
