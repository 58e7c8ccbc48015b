//! The input of `message_table!`, the table that `cargo run -p codegen` writes into
//! `generated/src/table.rs`, read into the model of `oqs-messages-table`: the same types
//! codegen's reader fills, checked by the same rules (`syntax.rs` reads into `table.rs`'s
//! `TableInput`, `check.rs` checks). Beside the model stands only what this input adds to
//! it: the variants' names, the declared ranges, and where each part stands, for errors.

pub mod check;
mod syntax;
mod table;

pub use table::TableInput;
