//! The Rust that `message_table!` expands to: the `Code` and `MessageId` enums, the
//! static rows and footnotes, the lookups, the handler trait and the hidden
//! `macro_rules!` that the derives call back with the list of codes.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::table::{DetailCodeInput, ListedId, TableInput};

/// Escapes text for rustdoc's Markdown, so that published texts show as published
/// (`[TAB]` is not a link, `<ユーザー名>` is not an HTML tag).
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A text as a Markdown block quote, line breaks kept.
fn quoted(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {}  ", markdown(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(text: &str) -> String {
    markdown(&text.replace('\n', " "))
}

/// A message ID as an unsuffixed integer literal. It is written in decimal: building a
/// hex literal from text would cost a round trip to the compiler for each of the hundreds
/// of IDs, and the value is the same.
fn id_literal(value: u32) -> Literal {
    Literal::u32_unsuffixed(value)
}

/// A message ID variant: an exact ID or a named range.
struct IdVariant {
    name: Ident,
    range: Option<(u32, u32)>,
    value: u32,
    /// Indexes into the rows that list it.
    rows: Vec<usize>,
}

/// What every part of the expansion is made of, computed once from the input: the rows in
/// document order with their code, the message ID variants, where each exact ID and each
/// footnote stands.
struct Layout<'a> {
    table: &'a TableInput,
    rows: Vec<(usize, &'a crate::table::RowInput)>,
    ids: Vec<IdVariant>,
    exact_index: BTreeMap<u32, usize>,
    footnote_positions: BTreeMap<u8, usize>,
}

impl<'a> Layout<'a> {
    fn new(table: &'a TableInput) -> Layout<'a> {
        // Rows in document order, each with the index of its code.
        let rows: Vec<(usize, &crate::table::RowInput)> = table
            .codes
            .iter()
            .enumerate()
            .flat_map(|(i, code)| code.rows.iter().map(move |row| (i, row)))
            .collect();

        // Message ID variants: exact IDs by value, then ranges in declaration order.
        let mut exact: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut ranged: Vec<Vec<usize>> = vec![Vec::new(); table.ranges.len()];
        for (index, (_, row)) in rows.iter().enumerate() {
            for id in &row.ids {
                match *id {
                    ListedId::Exact(value, _) => {
                        let listing = exact.entry(value).or_default();
                        if !listing.contains(&index) {
                            listing.push(index);
                        }
                    }
                    ListedId::Range(start, end, _) => {
                        if let Some(r) = table
                            .ranges
                            .iter()
                            .position(|r| (r.start, r.end) == (start, end))
                        {
                            ranged[r].push(index);
                        }
                    }
                }
            }
        }
        let ids: Vec<IdVariant> = exact
            .into_iter()
            .map(|(value, rows)| IdVariant {
                name: format_ident!("Id{:08X}", value),
                range: None,
                value,
                rows,
            })
            .chain(table.ranges.iter().zip(ranged).map(|(r, rows)| IdVariant {
                name: r.name.clone(),
                range: Some((r.start, r.end)),
                value: r.start,
                rows,
            }))
            .collect();
        // Every exact ID a row lists has its variant: `ids` was built from the rows.
        let exact_index: BTreeMap<u32, usize> = ids
            .iter()
            .enumerate()
            .filter(|(_, v)| v.range.is_none())
            .map(|(i, v)| (v.value, i))
            .collect();
        // `TableInput::check` refused citations of footnotes that do not exist.
        let footnote_positions: BTreeMap<u8, usize> = table
            .footnotes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.number, i))
            .collect();
        Layout {
            table,
            rows,
            ids,
            exact_index,
            footnote_positions,
        }
    }
}

/// Expands the checked table: its data, the `Code` enum, the handler trait, the
/// `MessageId` enum and the callbacks of the derives, each written by its own function.
pub fn expand(table: &TableInput) -> TokenStream {
    let layout = Layout::new(table);
    let parts = [
        table_data(&layout),
        code_enum(&layout),
        handler_trait(&layout),
        message_id_enum(&layout),
        withdrawn_shadows(&layout),
        derive_callbacks(&layout),
    ];
    quote!(#(#parts)*)
}

/// The handler methods' names: `card_not_recognized` for `CardNotRecognized`.
fn handler_methods(table: &TableInput) -> Vec<Ident> {
    table
        .codes
        .iter()
        .map(|c| {
            format_ident!(
                "{}",
                oqs_messages_table::casing::snake_case(&c.name.to_string())
            )
        })
        .collect()
}

/// The version, the title, the footnotes, the rows and the per-variant arrays.
fn table_data(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let rows = &l.rows;
    let ids = &l.ids;
    let version = &table.version;
    let title = &table.title;
    let exact_index = &l.exact_index;
    let footnote_index = |number: u8| l.footnote_positions[&number];
    let code_count = table.codes.len();
    let code_name_strs: Vec<String> = table.codes.iter().map(|c| c.name.to_string()).collect();
    let headings: Vec<&syn::LitStr> = table.codes.iter().map(|c| &c.heading).collect();
    let messages: Vec<&syn::LitStr> = table.codes.iter().map(|c| &c.message).collect();
    let tags: Vec<&Vec<syn::LitStr>> = table.codes.iter().map(|c| &c.tags).collect();
    let code_footnotes: Vec<Vec<usize>> = table
        .codes
        .iter()
        .map(|c| {
            c.footnotes
                .iter()
                .map(|(n, _)| footnote_index(*n))
                .collect()
        })
        .collect();
    let mut row_ranges = Vec::new();
    let mut start = 0usize;
    for code in &table.codes {
        row_ranges.push((start, start + code.rows.len()));
        start += code.rows.len();
    }
    let row_starts: Vec<usize> = row_ranges.iter().map(|r| r.0).collect();
    let row_ends: Vec<usize> = row_ranges.iter().map(|r| r.1).collect();
    let row_tokens = rows.iter().map(|(code_index, row)| {
        let code = &table.codes[*code_index].name;
        let listed = row.ids.iter().map(|id| match *id {
            ListedId::Exact(value, _) => {
                let name = &ids[exact_index[&value]].name;
                quote!(Exact(MessageId::#name))
            }
            ListedId::Range(start, end, _) => {
                let (start, end) = (id_literal(start), id_literal(end));
                quote!(Range { start: #start, end: #end })
            }
        });
        let footnotes = row
            .footnotes
            .iter()
            .map(|(n, _)| footnote_index(*n))
            .map(|i| quote!(&FOOTNOTES[#i]));
        let details = row.details.iter().map(|detail| {
            let text = &detail.text;
            let code = match detail.code {
                DetailCodeInput::Received(value) => {
                    let value = id_literal(value);
                    quote!(crate::DetailCode::ReceivedCode(#value))
                }
                DetailCodeInput::Portal(first, last) => {
                    quote!(crate::DetailCode::PortalError { first: #first, last: #last })
                }
            };
            quote!(crate::Detail::__new(#code, #text))
        });
        let (kind, cause, remedy, contact) = (&row.kind, &row.cause, &row.remedy, &row.contact);
        // Positional, through the hidden constructor of `oqs-messages`: a fifth of the
        // expansion's tokens are these rows.
        quote! {
            R::__new(Code::#code, #kind, &[#(#listed),*], #cause, #remedy, #contact, &[#(#footnotes),*], &[#(#details),*])
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
            let name = &table.codes[rows[r].0].name;
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

        static ID_ROWS: [&[&crate::Row]; #id_count] = [#(#id_rows),*];

        // Per-variant data, indexed by `index()`: one array each rather than one match arm
        // per variant, so that the expansion stays small.
        const CODE_NAMES: [&str; #code_count] = [#(#code_name_strs),*];
        const CODE_TAGS: [&[&str]; #code_count] = [#(&[#(#tags),*]),*];
        const CODE_HEADINGS: [&str; #code_count] = [#(#headings),*];
        const CODE_MESSAGES: [&str; #code_count] = [#(#messages),*];
        const CODE_ROWS: [(usize, usize); #code_count] = [#((#row_starts, #row_ends)),*];
        const ID_NAMES: [&str; #id_count] = [#(#id_name_strs),*];
        const ID_VALUES: [u32; #id_count] = [#(#id_values),*];
        const ID_CODES: [&[Code]; #id_count] = [#(#id_codes),*];
    }
}

/// The `Code` enum and its lookups.
fn code_enum(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let version_text = table.version.value();
    let code_names: Vec<&Ident> = table.codes.iter().map(|c| &c.name).collect();
    let code_count = table.codes.len();
    let code_numbers: Vec<Literal> = table
        .codes
        .iter()
        .map(|c| Literal::u16_unsuffixed(c.number))
        .collect();
    let code_name_strs: Vec<String> = code_names.iter().map(|n| n.to_string()).collect();
    let indexes: Vec<usize> = (0..code_count).collect();
    let code_docs: Vec<String> = table
        .codes
        .iter()
        .map(|code| {
            let tags: String = code
                .tags
                .iter()
                .map(|t| format!("【{}】", markdown(&t.value())))
                .collect();
            let mut doc = format!(
                "**{:03}** {tags} {}\n\n{}\n",
                code.number,
                markdown(&code.heading.value()),
                quoted(&code.message.value())
            );
            if let Some(history) = &table.history {
                doc.push_str(&format!("\n{}\n", history.code_sentence(code.number)));
            }
            doc.push_str("\n| message ID | kind | contact |\n| --- | --- | --- |\n");
            for row in &code.rows {
                let listed: Vec<String> = row
                    .ids
                    .iter()
                    .map(|id| match *id {
                        ListedId::Exact(v, _) => format!("`0x{v:08X}`"),
                        ListedId::Range(s, e, _) => format!("`0x{s:08X}`～`0x{e:08X}`"),
                    })
                    .collect();
                let listed = if listed.is_empty() {
                    "-".to_owned()
                } else {
                    listed.join(", ")
                };
                doc.push_str(&format!(
                    "| {listed} | {} | {} |\n",
                    one_line(&row.kind.value()),
                    one_line(&row.contact.value())
                ));
            }
            // Footnotes the code or any of its rows cites, in table order.
            let cited: Vec<u8> = code
                .footnotes
                .iter()
                .chain(code.rows.iter().flat_map(|r| &r.footnotes))
                .map(|(n, _)| *n)
                .collect();
            for note in &table.footnotes {
                if cited.contains(&note.number) {
                    doc.push_str(&format!(
                        "\n{} {}\n",
                        markdown(&note.marker.value()),
                        markdown(&note.text.value())
                    ));
                }
            }
            doc
        })
        .collect();
    let methods = handler_methods(table);
    let example = match (code_name_strs.first(), table.codes.first()) {
        (Some(name), Some(code)) => format!(" (`Code::{name} as u16 == {}`)", code.number),
        _ => String::new(),
    };
    let code_enum_doc = format!(
        "The display codes of table version {version_text} ({code_count} codes), declared in document order.\n\n\
         The discriminant is the number shown on the reader{example}. Ordering compares the numbers.",
    );
    quote! {
        #[doc = #code_enum_doc]
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[repr(u16)]
        pub enum Code {
            #(#[doc = #code_docs] #code_names = #code_numbers,)*
        }

        impl Code {
            /// Every code, in document order.
            pub const ALL: [Code; #code_count] = [#(Code::#code_names),*];

            /// The number shown on the reader: 1 for `001`.
            pub const fn number(self) -> u16 {
                self as u16
            }

            /// The code shown as this number, if the table has it.
            pub const fn from_number(number: u16) -> ::core::option::Option<Code> {
                match number {
                    #(#code_numbers => ::core::option::Option::Some(Code::#code_names),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The variant's name, e.g. `"CardNotRecognized"`.
            pub const fn name(self) -> &'static str {
                CODE_NAMES[self.index()]
            }

            /// The position of the code in the document, from 0.
            pub const fn index(self) -> usize {
                match self {
                    #(Code::#code_names => #indexes,)*
                }
            }

            /// The tags of the category, without brackets: `手順誤り` for `【手順誤り】`.
            pub const fn tags(self) -> &'static [&'static str] {
                CODE_TAGS[self.index()]
            }

            /// The heading of the category, as published.
            pub const fn heading(self) -> &'static str {
                CODE_HEADINGS[self.index()]
            }

            /// The message shown to the patient or staff, as published.
            pub const fn message(self) -> &'static str {
                CODE_MESSAGES[self.index()]
            }

            /// The rows under this code, in document order.
            pub fn rows(self) -> &'static [crate::Row] {
                let (start, end) = CODE_ROWS[self.index()];
                &ROWS[start..end]
            }

            /// The footnotes the category or message cites.
            pub fn footnotes(self) -> &'static [&'static crate::Footnote] {
                CODE_FOOTNOTES[self.index()]
            }

            /// Calls the handler's method for this code.
            pub fn handle<H: CodeHandler + ?::core::marker::Sized>(self, handler: &mut H) -> H::Output {
                match self {
                    #(Code::#code_names => handler.#methods(),)*
                }
            }
        }
    }
}

/// The `CodeHandler` trait: one required method per code.
fn handler_trait(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let methods = handler_methods(table);
    let withdrawn = withdrawn_handler_methods(table);
    let method_docs: Vec<String> = table
        .codes
        .iter()
        .map(|c| {
            format!(
                "Code **{:03}** {}: see [`Code::{}`].",
                c.number,
                markdown(&c.heading.value()),
                c.name
            )
        })
        .collect();
    quote! {
        /// One method per display code, none with a default body: an implementation
        /// stops compiling when a revision of the table adds a code (a method is
        /// missing) or removes one (a method is not a member). Call it with
        /// [`Code::handle`].
        pub trait CodeHandler {
            /// What every method returns.
            type Output;
            #(#[doc = #method_docs] fn #methods(&mut self) -> Self::Output;)*
            #(#withdrawn)*
        }
    }
}

/// The `MessageId` enum and its lookups.
fn message_id_enum(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let rows = &l.rows;
    let ids = &l.ids;
    let version_text = table.version.value();
    let id_count = ids.len();
    let id_variants = ids.iter().map(|v| {
        let under: Vec<String> = v
            .rows
            .iter()
            .map(|&r| {
                let (code_index, row) = rows[r];
                format!(
                    "- **{:03}** {}: {}",
                    table.codes[code_index].number,
                    markdown(&table.codes[code_index].heading.value()),
                    one_line(&row.kind.value())
                )
            })
            .collect();
        let name = &v.name;
        match v.range {
            None => {
                let mut doc = format!("`0x{:08X}`\n\n{}", v.value, under.join("\n"));
                if let Some(history) = &table.history {
                    doc.push_str(&format!("\n\n{}", history.id_sentence(v.value, None)));
                }
                quote!(#[doc = #doc] #name)
            }
            Some((start, end)) => {
                let mut doc = format!(
                    "Any ID from `0x{start:08X}` to `0x{end:08X}`, carrying the logged value \
                     (an exact ID of the table inside the range is its own variant)\n\n{}",
                    under.join("\n")
                );
                if let Some(history) = &table.history {
                    doc.push_str(&format!("\n\n{}", history.id_sentence(start, Some(end))));
                }
                quote!(#[doc = #doc] #name(u32))
            }
        }
    });
    let id_all = ids.iter().map(|v| {
        let name = &v.name;
        match v.range {
            None => quote!(MessageId::#name),
            Some((start, _)) => {
                let start = id_literal(start);
                quote!(MessageId::#name(#start))
            }
        }
    });
    let id_patterns: Vec<TokenStream> = ids
        .iter()
        .map(|v| {
            let name = &v.name;
            match v.range {
                None => quote!(MessageId::#name),
                Some(_) => quote!(MessageId::#name(_)),
            }
        })
        .collect();
    let id_from_arms = ids.iter().map(|v| {
        let name = &v.name;
        match v.range {
            None => {
                let value = id_literal(v.value);
                quote!(#value => ::core::option::Option::Some(MessageId::#name),)
            }
            Some((start, end)) => {
                let (start, end) = (id_literal(start), id_literal(end));
                quote!(#start..=#end => ::core::option::Option::Some(MessageId::#name(value)),)
            }
        }
    });
    let id_value_arms = ids.iter().filter(|v| v.range.is_some()).map(|v| {
        let name = &v.name;
        quote!(MessageId::#name(value) => value,)
    });
    let id_range_arms = ids.iter().filter_map(|v| {
        let name = &v.name;
        v.range.map(|(start, end)| {
            let (start, end) = (id_literal(start), id_literal(end));
            quote!(MessageId::#name(_) => ::core::option::Option::Some((#start, #end)),)
        })
    });
    let id_indexes: Vec<usize> = (0..id_count).collect();
    let id_enum_doc = format!(
        "The message IDs of table version {version_text}: {} exact IDs named by value, \
         then {} ranges that carry the logged value.",
        ids.iter().filter(|v| v.range.is_none()).count(),
        ids.iter().filter(|v| v.range.is_some()).count(),
    );
    quote! {
        #[doc = #id_enum_doc]
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum MessageId {
            #(#id_variants,)*
        }

        impl MessageId {
            /// Every exact ID in ascending order, then each range at its first value.
            pub const ALL: [MessageId; #id_count] = [#(#id_all),*];

            /// The message ID of a logged value: an exact ID of the table wins over a range
            /// that contains it.
            pub const fn from_u32(value: u32) -> ::core::option::Option<MessageId> {
                match value {
                    #(#id_from_arms)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The value: the exact ID, or the logged value a range variant carries.
            pub const fn value(self) -> u32 {
                match self {
                    #(#id_value_arms)*
                    _ => ID_VALUES[self.index()],
                }
            }

            /// The first and last ID of a range variant; `None` for an exact ID.
            pub const fn range(self) -> ::core::option::Option<(u32, u32)> {
                match self {
                    #(#id_range_arms)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The variant's name, e.g. `"Id04000011"`.
            pub const fn name(self) -> &'static str {
                ID_NAMES[self.index()]
            }

            /// The position of the variant in [`MessageId::ALL`].
            pub const fn index(self) -> usize {
                match self {
                    #(#id_patterns => #id_indexes,)*
                }
            }

            /// Every row that lists this ID (or this range), under every code, in
            /// document order.
            pub fn rows(self) -> &'static [&'static crate::Row] {
                ID_ROWS[self.index()]
            }

            /// The codes whose rows list this ID, in document order, each once.
            pub const fn codes(self) -> &'static [Code] {
                ID_CODES[self.index()]
            }
        }
    }
}

/// What stands under each withdrawn name, so that the compiler's own output where a
/// downstream crate still uses it says what happened: `Code::InsurerCheckRequired` and
/// `MessageId::Id8100000D` are deprecated constants whose note says when the entry was
/// withdrawn, of a type whose name says it too (so a `match` arm or an argument is a type
/// error naming it) and whose value cannot be evaluated (so any other use fails, saying
/// it); `CodeHandler` keeps the withdrawn code's method, deprecated, with a parameter of
/// that type, so that an implementation of it is an error that shows it.
fn withdrawn_shadows(l: &Layout<'_>) -> TokenStream {
    let Some(history) = &l.table.history else {
        return TokenStream::new();
    };
    let mut markers = Vec::new();
    let mut code_consts = Vec::new();
    for code in &history.withdrawn_codes {
        let (name, marker, sentence) = (&code.name, code.marker(), code.sentence());
        markers.push(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub struct #marker;
        });
        code_consts.push(quote! {
            #[doc(hidden)]
            #[deprecated(note = #sentence)]
            #[allow(non_upper_case_globals)]
            pub const #name: __withdrawn::#marker = ::core::panic!(#sentence);
        });
    }
    let mut id_consts = Vec::new();
    for id in &history.withdrawn_ids {
        let (name, marker, sentence) = (&id.name, id.marker(), id.sentence());
        markers.push(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub struct #marker;
        });
        id_consts.push(quote! {
            #[doc(hidden)]
            #[deprecated(note = #sentence)]
            #[allow(non_upper_case_globals)]
            pub const #name: __withdrawn::#marker = ::core::panic!(#sentence);
        });
    }
    if markers.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// The types of the withdrawn names' shadows.
        #[doc(hidden)]
        pub mod __withdrawn {
            #(#markers)*
        }

        impl Code {
            #(#code_consts)*
        }

        impl MessageId {
            #(#id_consts)*
        }
    }
}

/// The withdrawn codes' handler methods, each deprecated with a parameter whose type says
/// it was withdrawn and a default body: an implementation written for an older table
/// stops compiling there ("expected 2 parameters"), the note showing that type.
fn withdrawn_handler_methods(table: &TableInput) -> Vec<TokenStream> {
    let Some(history) = &table.history else {
        return Vec::new();
    };
    history
        .withdrawn_codes
        .iter()
        .map(|code| {
            let (marker, sentence) = (code.marker(), code.sentence());
            let method = format_ident!(
                "{}",
                oqs_messages_table::casing::snake_case(&code.name.to_string())
            );
            quote! {
                #[doc(hidden)]
                #[deprecated(note = #sentence)]
                fn #method(&mut self, withdrawn: __withdrawn::#marker) -> Self::Output {
                    let _ = withdrawn;
                    ::core::unreachable!(#sentence)
                }
            }
        })
        .collect()
}

/// The `macro_rules!` the derives call back with the list of codes and of message IDs.
fn derive_callbacks(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let ids = &l.ids;
    let version = &table.version;
    let code_names: Vec<&Ident> = table.codes.iter().map(|c| &c.name).collect();
    let code_labels: Vec<String> = table
        .codes
        .iter()
        .map(|c| {
            format!(
                "code {:03} `{}` ({})",
                c.number,
                c.name,
                c.heading.value().replace('\n', " ")
            )
        })
        .collect();
    let id_labels: Vec<String> = ids
        .iter()
        .map(|v| match v.range {
            None => format!("message ID 0x{:08X} `{}`", v.value, v.name),
            Some((s, e)) => format!("message ID range 0x{s:08X}..=0x{e:08X} `{}`", v.name),
        })
        .collect();
    let id_known = ids.iter().zip(&id_labels).map(|(v, label)| {
        let name = &v.name;
        if v.range.is_some() {
            quote!(#name(_): #label)
        } else {
            quote!(#name: #label)
        }
    });
    let (withdrawn_codes, withdrawn_ids) = match &table.history {
        Some(history) => (
            history
                .withdrawn_codes
                .iter()
                .map(|c| {
                    let (name, sentence) = (&c.name, c.sentence());
                    quote!(#name: #sentence)
                })
                .collect(),
            history
                .withdrawn_ids
                .iter()
                .map(|i| {
                    let (name, sentence) = (&i.name, i.sentence());
                    quote!(#name: #sentence)
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    quote! {
        #[doc(hidden)]
        #[macro_export]
        macro_rules! __code_map {
            ($($map:tt)*) => {
                $crate::__private::check_map! {
                    krate: $crate,
                    version: #version,
                    kind: Code,
                    attribute: codes,
                    known: [#(#code_names: #code_labels),*],
                    withdrawn: [#(#withdrawn_codes),*],
                    $($map)*
                }
            };
        }

        #[doc(hidden)]
        #[macro_export]
        macro_rules! __message_id_map {
            ($($map:tt)*) => {
                $crate::__private::check_map! {
                    krate: $crate,
                    version: #version,
                    kind: MessageId,
                    attribute: message_ids,
                    known: [#(#id_known),*],
                    withdrawn: [#(#withdrawn_ids),*],
                    $($map)*
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_quoted_in_the_docs_as_published() {
        assert_eq!(
            quoted("① 汚れを確認\n* 再起動"),
            "> ① 汚れを確認  \n> \\* 再起動  "
        );
        assert_eq!(
            one_line("・カードを正しく置く\n・※1"),
            "・カードを正しく置く ・※1"
        );
    }

    #[test]
    fn the_docs_show_the_published_texts_and_the_discriminant() {
        let input = r#"title: "t_1.25版", version: "1.25",
            code 015 FaceImage { tags: [], heading: "見出し", message: "一行目\n*二行目", footnotes: [],
                row { kind: "種別\n続き", ids: [0x03000001], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;
        let table: TableInput = syn::parse_str(input).unwrap();
        let expanded = expand(&table).to_string();
        assert!(
            expanded.contains("(`Code::FaceImage as u16 == 15`)"),
            "{expanded}"
        );
        assert!(
            expanded.contains("> 一行目  \\n> \\\\*二行目  "),
            "{expanded}"
        );
        // The kind on one line in the code's table of IDs and in the ID's own doc.
        assert_eq!(expanded.matches("種別 続き").count(), 2, "{expanded}");
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(
            markdown("> cd [TAB] <ユーザー名>"),
            "\\> cd \\[TAB\\] \\<ユーザー名\\>"
        );
    }
}
