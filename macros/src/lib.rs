//! Proc macros behind [`oqs-messages`](https://docs.rs/oqs-messages): they turn the
//! normalized card reader message table into typed Rust. Use them through
//! `oqs-messages`, which re-exports the derives; this crate never reads the workbook.
//!
//! - `message_table!` reads the table that `cargo run -p codegen` writes into
//!   `generated/src/table.rs` (parse, check, expand, each error with its span).
//! - `#[derive(CodeMap)]` and `#[derive(MessageIdMap)]` map every code or message ID to a
//!   variant of a downstream enum; a code mapped nowhere or twice, or a name that is not
//!   a code, is a compile error naming the code. `oqs-messages` re-exports them with
//!   examples.
#![deny(missing_docs)]

mod errors;
mod expand;
mod input;
mod manifest;
mod map;

use proc_macro::TokenStream;
use syn::parse_macro_input;

/// Expands the normalized table into the `oqs-messages` API, and re-exports the derives
/// with examples written from it. Its input is written by `cargo run -p codegen`; see
/// `generated/src/table.rs`.
#[proc_macro]
pub fn message_table(input: TokenStream) -> TokenStream {
    let table = parse_macro_input!(input as input::TableInput);
    match table.check() {
        Ok(()) => {
            let items = expand::expand(&table);
            let derives = expand::derive_exports(&table);
            quote::quote!(#items #derives).into()
        }
        Err(err) => err.to_compile_error().into(),
    }
}

/// `#[derive(CodeMap)]`, defined in `oqs-messages-macros` and used through `oqs-messages`,
/// which documents it with examples written from the table.
#[proc_macro_derive(CodeMap, attributes(codes, oqs_messages))]
pub fn derive_code_map(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as syn::DeriveInput);
    map::derive(input, map::MapKind::Code)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// `#[derive(MessageIdMap)]`, defined in `oqs-messages-macros` and used through
/// `oqs-messages`, which documents it with examples written from the table.
#[proc_macro_derive(MessageIdMap, attributes(message_ids, rest, oqs_messages))]
pub fn derive_message_id_map(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as syn::DeriveInput);
    map::derive(input, map::MapKind::MessageId)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Not public API: the derives reach it through the generated crate, which adds the
/// table's list of codes or message IDs.
#[doc(hidden)]
#[proc_macro]
pub fn check_map(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as map::CheckMapInput);
    map::check_map(input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
