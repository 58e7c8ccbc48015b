//! A problem that refuses the workbook, tied to its cell.

use std::fmt;

use crate::load::LoadError;

/// A problem with the workbook, tied to a cell where there is one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The cell, e.g. `一覧!E14`, or the sheet alone.
    pub place: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{place}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl From<LoadError> for Problem {
    fn from(err: LoadError) -> Problem {
        Problem {
            place: err.sheet,
            message: err.message,
        }
    }
}
