//! The table's data: the version, the title, the footnotes, the rows and the per-variant
//! arrays the enums' methods index.

use oqs_messages_table::{DetailCode, ListedId, RowText};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::Ident;

use super::layout::{id_literal, Layout};

/// The version, the title, the footnotes, the rows and the per-variant arrays.
pub fn table_data(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let names = &l.input.code_names;
    let rows = &l.rows;
    let ids = &l.ids;
    let version = table.version.as_str();
    let title = &table.title;
    let exact_index = &l.exact_index;
    let footnote_index = |number: u8| l.footnote_positions[&number];
    let code_count = table.codes.len();
    let code_name_strs: Vec<String> = names.iter().map(Ident::to_string).collect();
    let code_number_strs: Vec<String> = table.codes.iter().map(|c| c.number.to_string()).collect();
    let code_labels: Vec<String> = table
        .codes
        .iter()
        .map(|c| format!("{} {}", c.number, c.heading))
        .collect();
    let headings: Vec<&String> = table.codes.iter().map(|c| &c.heading).collect();
    let messages: Vec<&String> = table.codes.iter().map(|c| &c.message).collect();
    let tags: Vec<&Vec<String>> = table.codes.iter().map(|c| &c.tags).collect();
    let code_footnotes: Vec<Vec<usize>> = table
        .codes
        .iter()
        .map(|c| c.footnotes.iter().map(|n| footnote_index(*n)).collect())
        .collect();
    let mut code_rows = Vec::new();
    let mut start = 0usize;
    for code in &table.codes {
        code_rows.push((start..start + code.rows.len()).collect::<Vec<usize>>());
        start += code.rows.len();
    }
    let row_tokens = rows.iter().map(|(code_index, row)| {
        let code = &names[*code_index];
        let listed = row.message_ids.iter().map(|id| match *id {
            ListedId::Exact(value) => {
                let name = &ids[exact_index[&value.value()]].name;
                quote!(Exact(MessageId::#name))
            }
            ListedId::Range { start, end } => {
                let (start, end) = (id_literal(start.value()), id_literal(end.value()));
                quote!(Range { start: #start, end: #end })
            }
        });
        let texts = RowText::ALL.map(|text| row.text(text));
        let footnotes = row
            .footnotes
            .iter()
            .map(|n| footnote_index(*n))
            .map(|i| quote!(&FOOTNOTES[#i]));
        let details = row.details.iter().map(|detail| {
            let text = &detail.text;
            let code = match detail.code {
                DetailCode::ReceivedCode { code } => {
                    let value = id_literal(code.value());
                    quote!(crate::DetailCode::ReceivedCode(#value))
                }
                DetailCode::PortalError { first, last } => {
                    quote!(crate::DetailCode::PortalError { first: #first, last: #last })
                }
            };
            quote!(crate::Detail::__new(#code, #text))
        });
        // Positional, through the hidden constructor of `oqs-messages`, the texts in the
        // order of `RowText::ALL`: a fifth of the expansion's tokens are these rows.
        quote! {
            R::__new(Code::#code, &[#(#listed),*], #(#texts,)* &[#(#footnotes),*], &[#(#details),*])
        }
    });
    let row_count = rows.len();
    let footnote_count = table.footnotes.len();
    let footnote_tokens = table.footnotes.iter().map(|note| {
        let number = Literal::u8_unsuffixed(note.number);
        let (marker, text) = (&note.marker, &note.text);
        quote!(crate::Footnote::__new(#number, #marker, #text))
    });
    let id_count = ids.len();
    let id_name_strs: Vec<String> = ids.iter().map(|v| v.name.to_string()).collect();
    let id_values = ids.iter().map(|v| id_literal(v.value));
    let id_rows = ids.iter().map(|v| {
        let indexes = &v.rows;
        quote!(&[#(&ROWS[#indexes]),*])
    });
    let id_codes = ids.iter().map(|v| {
        let mut codes: Vec<&Ident> = Vec::new();
        for &r in &v.rows {
            let name = &names[rows[r].0];
            if !codes.contains(&name) {
                codes.push(name);
            }
        }
        quote!(&[#(Code::#codes),*])
    });
    quote! {
        /// The table's version, from the workbook's title.
        pub const VERSION: &str = #version;
        /// The workbook's title as published.
        pub const TITLE: &str = #title;

        /// The footnotes under the table, in document order.
        pub static FOOTNOTES: [crate::Footnote; #footnote_count] = [#(#footnote_tokens),*];

        /// How many rows [`ROWS`] holds: a constant, for arrays with a place per row.
        pub const ROW_COUNT: usize = #row_count;

        /// Every row of the table, in document order.
        pub static ROWS: [crate::Row; ROW_COUNT] = {
            use crate::ListedId::{Exact, Range};
            use crate::Row as R;
            [#(#row_tokens),*]
        };

        static CODE_FOOTNOTES: [&[&crate::Footnote]; #code_count] = [#(&[#(&FOOTNOTES[#code_footnotes]),*]),*];

        static CODE_ROWS: [&[&crate::Row]; #code_count] = [#(&[#(&ROWS[#code_rows]),*]),*];

        static ID_ROWS: [&[&crate::Row]; #id_count] = [#(#id_rows),*];

        // Per-variant data, indexed by `index()`: one array each rather than one match arm
        // per variant, so that the expansion stays small.
        const CODE_NAMES: [&str; #code_count] = [#(#code_name_strs),*];
        const CODE_NUMBERS: [&str; #code_count] = [#(#code_number_strs),*];
        const CODE_LABELS: [&str; #code_count] = [#(#code_labels),*];
        const CODE_TAGS: [&[&str]; #code_count] = [#(&[#(#tags),*]),*];
        const CODE_HEADINGS: [&str; #code_count] = [#(#headings),*];
        const CODE_MESSAGES: [&str; #code_count] = [#(#messages),*];
        const ID_NAMES: [&str; #id_count] = [#(#id_name_strs),*];
        const ID_VALUES: [u32; #id_count] = [#(#id_values),*];
        const ID_CODES: [&[Code]; #id_count] = [#(#id_codes),*];
    }
}
