//! The Rust code of the workspace's README and of its guide for Rust vendors
//! (`docs/rust.md`), and of the crate's README (`generated/README.md`), compiled and run as
//! doctests. Like the quick start, they are written against table 1.25
//! and take the same edit after a revision that adds or removes a code; the rest of the
//! suite holds for any table.

#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct WorkspaceReadme;

#[cfg(doctest)]
#[doc = include_str!("../../../docs/rust.md")]
pub struct RustGuide;

#[cfg(doctest)]
#[doc = include_str!("../../../generated/README.md")]
pub struct CrateReadme;
