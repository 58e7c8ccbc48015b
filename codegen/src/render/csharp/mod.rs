//! `csharp/`: C# 7.3 for .NET Standard 2.0, what a .NET Framework 4.x receipt computer
//! (レセコン) can use: `enum Code : ushort`, the message IDs, rows and texts as static
//! read-only data, lookups, and `ICodeHandler<TResult>` with one method per code, so that a
//! vendor's handler stops compiling when a revision adds or removes a code. One file per
//! part: the codes and the handler (`code.rs`), the message IDs (`message_id.rs`), the rows
//! and the types they are made of (`rows.rs`), the project, manifest and assembly
//! attributes (`package.rs`), the READMEs with their version ranges (`readme.rs`); what
//! every source is made with (`source.rs`).
//!
//! Every source is ASCII (the table's words as `\u30DE` in literals and `&#x30DE;` in
//! documentation comments), so that every compiler reads it alike whatever its code page.
//! The table's and the package's versions are properties, read from the library at run
//! time: a constant would be copied into each caller when it is compiled.

mod code;
mod message_id;
mod package;
mod readme;
mod rows;
mod source;

pub use code::codes;
pub use message_id::message_ids;
pub use package::{assembly_info, nuspec, project};
pub use readme::{floating, next_breaking, readme, readme_ja};
pub use rows::{data, types};
pub use source::literal;
