//! The Rust that `message_table!` expands to, one module per part: the static rows and
//! footnotes (`data.rs`), the `Code` enum and the handler trait (`code.rs`), the
//! `MessageId` enum (`message_id.rs`), the shadows of withdrawn names (`withdrawn.rs`), the
//! derives' callbacks and re-exports with their examples (`derives.rs`), the docs'
//! Markdown (`docs.rs`), all made from one `Layout` of the input (`layout.rs`).

mod code;
mod data;
mod derives;
pub mod docs;
mod layout;
mod message_id;
mod withdrawn;

use proc_macro2::TokenStream;
use quote::quote;

use crate::input::TableInput;
use layout::Layout;

pub use derives::derive_exports;

/// Expands the checked table: its data, the `Code` enum, the handler trait, the
/// `MessageId` enum, the shadows of withdrawn names and the callbacks of the derives, each
/// written by its own function.
pub fn expand(input: &TableInput) -> TokenStream {
    let layout = Layout::new(input);
    let parts = [
        data::table_data(&layout),
        code::code_enum(&layout),
        code::handler_trait(&layout),
        message_id::message_id_enum(&layout),
        withdrawn::withdrawn_shadows(&layout),
        derives::derive_callbacks(&layout),
    ];
    quote!(#(#parts)*)
}
