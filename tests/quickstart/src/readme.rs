//! The Rust sections of the workspace's README and of the crate's (`generated/README.md`),
//! compiled and run as doctests. Like the quick start, they are written against table 1.25
//! and take the same edit after a revision that adds or removes a code; the rest of the
//! suite holds for any table.

#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct WorkspaceReadme;

#[cfg(doctest)]
#[doc = include_str!("../../../generated/README.md")]
pub struct CrateReadme;
