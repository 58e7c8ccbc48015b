//! How the generated crate's version moves with a revision, by Cargo's semver rules.

use super::Report;

/// How the generated crate's version must change for a revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Semver {
    /// Nothing changed.
    None,
    /// Only texts were reworded: a patch release.
    Patch,
    /// Rows were added or removed, or IDs moved between codes, with the same codes and
    /// IDs: a minor release (no variant changes, but lookups answer differently).
    Minor,
    /// Codes or message IDs were added or removed: variants change, matches and
    /// handlers stop compiling: a major (breaking) release.
    Major,
}

impl Semver {
    /// The crate version that follows `current` for a revision of this kind, by Cargo's
    /// rules: before 1.0 a breaking change moves the minor number and anything else the
    /// patch number; from 1.0 on, major, minor and patch as named. `None` when `current`
    /// is not `MAJOR.MINOR.PATCH`.
    pub fn next_version(self, current: &str) -> Option<String> {
        let numbers: Vec<u64> = current
            .split('.')
            .map(|part| part.parse().ok())
            .collect::<Option<_>>()?;
        let [major, minor, patch] = numbers[..] else {
            return None;
        };
        let (major, minor, patch) = match (self, major) {
            (Semver::None, _) => (major, minor, patch),
            (Semver::Major, 0) => (0, minor + 1, 0),
            (Semver::Minor | Semver::Patch, 0) | (Semver::Patch, _) => (major, minor, patch + 1),
            (Semver::Major, _) => (major + 1, 0, 0),
            (Semver::Minor, _) => (major, minor + 1, 0),
        };
        Some(format!("{major}.{minor}.{patch}"))
    }

    pub(crate) fn explain(self) -> &'static str {
        match self {
            Semver::None => "no change: the table is the same",
            Semver::Patch => {
                "patch release: only texts were reworded; no variant changes, downstream code keeps compiling"
            }
            Semver::Minor => {
                "minor release: rows were added or removed or message IDs moved between codes; \
                 no variant changes, but lookups give other rows"
            }
            Semver::Major => {
                "major (breaking) release: codes or message IDs were added or removed; \
                 `Code`/`MessageId` variants change, and exhaustive matches, `CodeHandler` \
                 impls and `#[derive(CodeMap)]` stop compiling until they handle them"
            }
        }
    }
}

impl Report {
    /// The release this revision calls for.
    pub fn semver(&self) -> Semver {
        if !self.codes_added.is_empty()
            || !self.codes_removed.is_empty()
            || !self.ids_added.is_empty()
            || !self.ids_removed.is_empty()
        {
            Semver::Major
        } else if !self.rows_added.is_empty()
            || !self.rows_removed.is_empty()
            || !self.ids_moved.is_empty()
        {
            Semver::Minor
        } else if !self.rewordings.is_empty() {
            Semver::Patch
        } else {
            Semver::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Semver;

    #[test]
    fn versions_follow_cargo_rules() {
        assert_eq!(
            Semver::Major.next_version("0.1.0").as_deref(),
            Some("0.2.0")
        );
        assert_eq!(
            Semver::Minor.next_version("0.1.3").as_deref(),
            Some("0.1.4")
        );
        assert_eq!(
            Semver::Patch.next_version("0.1.3").as_deref(),
            Some("0.1.4")
        );
        assert_eq!(
            Semver::Major.next_version("1.4.2").as_deref(),
            Some("2.0.0")
        );
        assert_eq!(
            Semver::Minor.next_version("1.4.2").as_deref(),
            Some("1.5.0")
        );
        assert_eq!(
            Semver::Patch.next_version("1.4.2").as_deref(),
            Some("1.4.3")
        );
        assert_eq!(Semver::None.next_version("1.4.2").as_deref(), Some("1.4.2"));
        assert_eq!(Semver::Major.next_version("1.0.0-beta"), None);
    }
}
