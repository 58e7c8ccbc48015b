//! What the other versions of the table say beside the newest one: since when each code and
//! message ID is listed, what the newest version no longer lists (withdrawn, with the texts
//! it last had), and what the newest version added.
//!
//! Old terminals keep showing codes for months after the ministry withdraws them; a help
//! desk needs their last texts and the version that dropped them.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::table::{CodeEntry, Footnote, Row};
use crate::values::{CodeNumber, ListedId, Version};

/// The history of the table over the versions read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct History {
    /// Every version read, oldest first; the newest (the table's own) is the last.
    pub versions: Vec<Version>,
    /// Every code listed in any version, in the newest version's order and then the
    /// withdrawn ones, with the versions that list it.
    pub codes: Vec<CodeListing>,
    /// Every exact message ID and range listed in any version, in ID order, with the
    /// versions that list it.
    pub message_ids: Vec<IdListing>,
    /// Codes an older version lists and the newest does not, with their last texts.
    pub withdrawn_codes: Vec<WithdrawnCode>,
    /// Message IDs and ranges an older version lists and the newest does not, with the
    /// rows that last listed them.
    pub withdrawn_ids: Vec<WithdrawnId>,
    /// Rows of the newest version that the version before it does not have, under codes
    /// both have (a code added brings its rows with it and is not repeated here).
    pub rows_added: Vec<RowPlace>,
}

/// A code and the versions that list it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CodeListing {
    /// The code.
    pub number: CodeNumber,
    /// The versions that list it, oldest first.
    pub listed_in: Vec<Version>,
}

/// An exact message ID or a range, and the versions that list it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct IdListing {
    /// The ID or range.
    pub id: ListedId,
    /// The versions that list it, oldest first.
    pub listed_in: Vec<Version>,
}

/// A code the newest version no longer lists.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct WithdrawnCode {
    /// The last version that lists it.
    pub last_version: Version,
    /// The first version after that one, which no longer lists it.
    pub removed_in: Version,
    /// The code with its texts and rows as of `last_version`.
    pub entry: CodeEntry,
    /// The footnotes it cites, as of `last_version`.
    pub footnotes: Vec<Footnote>,
}

/// A message ID or range the newest version no longer lists.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct WithdrawnId {
    /// The ID or range.
    pub id: ListedId,
    /// The last version that lists it.
    pub last_version: Version,
    /// The first version after that one, which no longer lists it.
    pub removed_in: Version,
    /// The rows that list it in `last_version`, in that version's order.
    pub rows: Vec<WithdrawnRow>,
    /// The footnotes those rows cite, as of `last_version`.
    pub footnotes: Vec<Footnote>,
}

/// A row of an older version, with the code it was under.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct WithdrawnRow {
    /// The code the row was under.
    pub code: CodeNumber,
    /// That code's heading, as of the row's version.
    pub heading: String,
    /// The row's number under its code, from 1 (`015-2` is row 2 of 015).
    pub number: usize,
    /// The row as of its version.
    pub row: Row,
}

/// A row of the newest version: its code and its number under it, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct RowPlace {
    /// The code.
    pub code: CodeNumber,
    /// The row's number under it, from 1.
    pub row: usize,
}

/// A withdrawn code or message ID under the name a package gave it, as a compiler says it
/// wherever a client still names it: the one sentence of the Rust macro's errors and of the
/// C# package's `[Obsolete]`, written by [`Withdrawal::sentence`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdrawal {
    /// What was withdrawn.
    pub entry: WithdrawnEntry,
    /// The name it had: `InsurerCheckRequired`, `Id8100000D`.
    pub name: String,
    /// The last version that lists it.
    pub last_version: Version,
    /// The first version after that one, which no longer lists it.
    pub removed_in: Version,
}

/// What a [`Withdrawal`] withdrew.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WithdrawnEntry {
    /// A code, with its heading as last published.
    Code {
        /// The code.
        number: CodeNumber,
        /// Its heading as of the last version that lists it.
        heading: String,
    },
    /// A message ID or range, with the code of the first row that last listed it.
    Id {
        /// The ID or range.
        id: ListedId,
        /// The code it was listed under.
        code: CodeNumber,
    },
}

impl Withdrawal {
    /// `code 017 保険者確認 (`InsurerCheckRequired`) was withdrawn in table 1.26; last
    /// listed in 1.25`.
    pub fn sentence(&self) -> String {
        let what = match &self.entry {
            WithdrawnEntry::Code { number, heading } => {
                format!("code {number} {heading} (`{}`)", self.name)
            }
            WithdrawnEntry::Id { id, code } => {
                let id = match *id {
                    ListedId::Exact(value) => format!("message ID {value}"),
                    ListedId::Range { start, end } => {
                        format!("message ID range {start}..={end}")
                    }
                };
                format!("{id} (`{}`) of code {code}", self.name)
            }
        };
        format!(
            "{what} was withdrawn in table {}; last listed in {}",
            self.removed_in, self.last_version
        )
    }
}

impl History {
    /// The history of a table read alone: one version, nothing withdrawn, nothing added.
    pub fn single(table: &crate::Table) -> History {
        let version = table.version.clone();
        let ids = table.listed_ids();
        History {
            versions: vec![version.clone()],
            codes: table
                .codes
                .iter()
                .map(|c| CodeListing {
                    number: c.number,
                    listed_in: vec![version.clone()],
                })
                .collect(),
            message_ids: ids
                .into_iter()
                .map(|id| IdListing {
                    id,
                    listed_in: vec![version.clone()],
                })
                .collect(),
            ..History::default()
        }
    }

    /// The versions that list a code (empty when none does).
    pub fn code_listed_in(&self, number: CodeNumber) -> &[Version] {
        self.codes
            .iter()
            .find(|c| c.number == number)
            .map_or(&[], |c| &c.listed_in)
    }

    /// The versions that list an exact ID or a range (empty when none does).
    pub fn id_listed_in(&self, id: ListedId) -> &[Version] {
        self.message_ids
            .iter()
            .find(|l| l.id == id)
            .map_or(&[], |l| &l.listed_in)
    }

    /// The withdrawn codes, then the withdrawn IDs and ranges, each under the name a
    /// package gives it; one without a name is left out (`spec/names.toml` no longer names
    /// it, so no package has a name to keep), and so is an ID that no row listed.
    pub fn withdrawals(
        &self,
        code_name: impl Fn(CodeNumber) -> Option<String>,
        id_name: impl Fn(ListedId) -> Option<String>,
    ) -> Vec<Withdrawal> {
        let codes = self.withdrawn_codes.iter().filter_map(|gone| {
            Some(Withdrawal {
                entry: WithdrawnEntry::Code {
                    number: gone.entry.number,
                    heading: gone.entry.heading.clone(),
                },
                name: code_name(gone.entry.number)?,
                last_version: gone.last_version.clone(),
                removed_in: gone.removed_in.clone(),
            })
        });
        let ids = self.withdrawn_ids.iter().filter_map(|gone| {
            Some(Withdrawal {
                entry: WithdrawnEntry::Id {
                    id: gone.id,
                    code: gone.rows.first()?.code,
                },
                name: id_name(gone.id)?,
                last_version: gone.last_version.clone(),
                removed_in: gone.removed_in.clone(),
            })
        });
        codes.chain(ids).collect()
    }
}
