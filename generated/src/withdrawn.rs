//! The codes and message IDs an older version of the table in `spec/` lists and this one
//! no longer does, with the texts they last had.
//!
//! A withdrawn code is not a [`Code`](crate::Code) variant: a build that handles it
//! breaks on the revision, as it should. But terminals running older software keep
//! showing it for months; [`Withdrawn::code`] and [`Withdrawn::message_id`] let a screen
//! say something true about it.
//!
//! ```
//! use oqs_messages::{Code, Withdrawn};
//!
//! let shown = 17;
//! match (Code::from_number(shown), Withdrawn::code(shown)) {
//!     (Some(code), _) => println!("{code:#}"),
//!     (None, Some(old)) => println!(
//!         "{:03} {}: withdrawn in {}; as of {}: {}",
//!         old.number(),
//!         old.heading(),
//!         old.removed_in(),
//!         old.last_version(),
//!         old.message()
//!     ),
//!     (None, None) => println!("{shown:03} is in no version of the table"),
//! }
//! // Every version of spec/ the table was generated with, oldest first; the last is VERSION.
//! assert_eq!(oqs_messages::withdrawn::versions().last(), Some(&oqs_messages::VERSION));
//! ```

use crate::Footnote;

/// What a withdrawn row listed in its message ID cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WithdrawnListedId {
    /// One message ID.
    Exact(u32),
    /// Every ID from `start` to `end`, both included.
    Range {
        /// The first ID.
        start: u32,
        /// The last ID.
        end: u32,
    },
}

impl WithdrawnListedId {
    /// Whether a logged value is this ID or inside this range.
    pub const fn contains(&self, value: u32) -> bool {
        match *self {
            WithdrawnListedId::Exact(id) => id == value,
            WithdrawnListedId::Range { start, end } => start <= value && value <= end,
        }
    }
}

impl core::fmt::Display for WithdrawnListedId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WithdrawnListedId::Exact(id) => write!(f, "0x{id:08X}"),
            WithdrawnListedId::Range { start, end } => write!(f, "0x{start:08X}～0x{end:08X}"),
        }
    }
}

/// A row as an older version published it, with the code it was under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WithdrawnRow {
    /// The code the row was under.
    pub code: u16,
    /// That code's heading, as of the row's version.
    pub code_heading: &'static str,
    /// The row's number under its code, from 1 (`015-2` is row 2 of 015).
    pub number: usize,
    /// The error kind (エラー種別), as published.
    pub kind: &'static str,
    /// The message IDs listed, empty where the table said `-`.
    pub message_ids: &'static [WithdrawnListedId],
    /// The cause (原因), as published.
    pub cause: &'static str,
    /// The remedy (対処), as published.
    pub remedy: &'static str,
    /// Whom to call (問合せ先), as published.
    pub contact: &'static str,
    /// The footnotes the row or its code cited, as of the row's version.
    pub footnotes: &'static [Footnote],
}

/// A code an older version lists and this one does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WithdrawnCode {
    number: u16,
    tags: &'static [&'static str],
    heading: &'static str,
    message: &'static str,
    rows: &'static [WithdrawnRow],
    last_version: &'static str,
    removed_in: &'static str,
}

impl WithdrawnCode {
    /// The three-digit code.
    pub const fn number(&self) -> u16 {
        self.number
    }

    /// The tags of its category cell, as last published (`障害`).
    pub const fn tags(&self) -> &'static [&'static str] {
        self.tags
    }

    /// Its heading, as last published.
    pub const fn heading(&self) -> &'static str {
        self.heading
    }

    /// The message shown to the patient or staff, as last published.
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// Its rows, as last published.
    pub const fn rows(&self) -> &'static [WithdrawnRow] {
        self.rows
    }

    /// The last version of `spec/` that lists it (`"1.25"`).
    pub const fn last_version(&self) -> &'static str {
        self.last_version
    }

    /// The first version of `spec/` after that one, which no longer lists it (`"1.26"`).
    pub const fn removed_in(&self) -> &'static str {
        self.removed_in
    }
}

/// A message ID or range an older version lists and this one does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WithdrawnId {
    id: WithdrawnListedId,
    rows: &'static [WithdrawnRow],
    last_version: &'static str,
    removed_in: &'static str,
}

impl WithdrawnId {
    /// The ID, or the range.
    pub const fn id(&self) -> WithdrawnListedId {
        self.id
    }

    /// The ID's value (a range's first ID).
    pub const fn value(&self) -> u32 {
        match self.id {
            WithdrawnListedId::Exact(value) | WithdrawnListedId::Range { start: value, .. } => {
                value
            }
        }
    }

    /// The rows that listed it, in the order of its last version, each with its code.
    pub const fn rows(&self) -> &'static [WithdrawnRow] {
        self.rows
    }

    /// The last version of `spec/` that lists it.
    pub const fn last_version(&self) -> &'static str {
        self.last_version
    }

    /// The first version of `spec/` after that one, which no longer lists it.
    pub const fn removed_in(&self) -> &'static str {
        self.removed_in
    }
}

/// Lookups of what the table no longer lists.
#[derive(Clone, Copy, Debug)]
pub struct Withdrawn;

impl Withdrawn {
    /// The withdrawn code shown as `number`, if an older version of `spec/` lists it and
    /// this one does not.
    pub fn code(number: u16) -> Option<&'static WithdrawnCode> {
        WITHDRAWN_CODES.iter().find(|c| c.number == number)
    }

    /// The withdrawn message ID `value`: the exact ID if one was withdrawn, else a
    /// withdrawn range that holds it. A value can be withdrawn as an exact ID and still
    /// fall in a range this version lists: ask [`MessageId::from_value`](crate::MessageId::from_value)
    /// first.
    pub fn message_id(value: u32) -> Option<&'static WithdrawnId> {
        WITHDRAWN_IDS
            .iter()
            .find(|w| w.id == WithdrawnListedId::Exact(value))
            .or_else(|| WITHDRAWN_IDS.iter().find(|w| w.id.contains(value)))
    }

    /// Every withdrawn code, by number.
    pub const fn codes() -> &'static [WithdrawnCode] {
        WITHDRAWN_CODES
    }

    /// Every withdrawn message ID and range, by value.
    pub const fn message_ids() -> &'static [WithdrawnId] {
        WITHDRAWN_IDS
    }
}

/// Every version of `spec/` the table was generated with, oldest first; the last is
/// [`VERSION`](crate::VERSION).
pub const fn versions() -> &'static [&'static str] {
    VERSIONS
}

include!("withdrawn_table.rs");
