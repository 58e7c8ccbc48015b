//! The Rust that `message_table!` expands to: the `Code` and `MessageId` enums, the
//! static rows and footnotes, the lookups, the handler trait and the hidden
//! `macro_rules!` that the derives call back with the list of codes.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::table::{CodeInput, DetailCodeInput, ListedId, RowInput, TableInput};

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
    /// The exact ID; for a range, the lowest value of it that no exact ID takes, which
    /// stands for the range in `MessageId::ALL`.
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
                // `TableInput::check` refused a range every value of which is an exact ID.
                value: table.first_free_value(r.start, r.end).unwrap_or(r.start),
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

    /// The first exact ID variant and the first range variant, for the examples.
    fn first_exact(&self) -> Option<&IdVariant> {
        self.ids.iter().find(|v| v.range.is_none())
    }

    fn first_range(&self) -> Option<&IdVariant> {
        self.ids.iter().find(|v| v.range.is_some())
    }
}

/// Expands the checked table: its data, the `Code` enum, the handler trait, the
/// `MessageId` enum, the shadows of withdrawn names and the callbacks of the derives, each
/// written by its own function.
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

/// What `#[derive(CodeMap)]` does, before its example.
const CODE_MAP_DOC: &str = r#"Writes `impl From<Code> for YourEnum`, checked: each variant lists codes of the table
by their names in `#[codes(…)]`, and every code must be listed exactly once.

A code listed nowhere or twice, or a name that is not a code of the table, is a
compile error that names the code, so that a revision of the table that adds or
removes a code stops the build where the mapping is:

```text
error: code 011 `NetworkError` (ネットワークエラー) is not mapped to any variant of `Action`; add it to one #[codes(…)]
```

A code the revision withdrew, with the older workbook beside the new one in
`spec/`, is said to be withdrawn, and when. Every code is listed by name: there is no
`#[rest]` here, so that no code a revision adds goes anywhere unseen.

The derive finds `oqs-messages` under the name the deriving crate's `Cargo.toml` gives
it (`oqs = { package = "oqs-messages", … }` works as it is); where the crate reaches it
through another crate's re-export, say where with
`#[oqs_messages(crate = path::to::it)]` on the enum."#;

/// What `#[derive(MessageIdMap)]` does, before its example.
const MESSAGE_ID_MAP_DOC: &str = r#"Writes `impl From<MessageId> for YourEnum`, checked: each variant lists message IDs
and ranges of the table by their names in `#[message_ids(…)]` (`Id04000011`, a range
by its name, whatever value it carries), and every one must be listed exactly once,
or one variant marked `#[rest]` takes every ID not listed: today's, and any a revision
adds. A listed name that a revision withdraws still stops the build, saying so.

The derive finds `oqs-messages` as [`CodeMap`](derive@CodeMap) does: under the
name the deriving crate's manifest gives it, or at `#[oqs_messages(crate = path)]`."#;

/// The derives `CodeMap` and `MessageIdMap`, re-exported with their docs and examples
/// written from this table (every code named, so that they compile), which rustdoc tests.
/// Apart from [`expand`], so that the expanded twin (`examples/expand_table.rs`) needs no
/// macro crate.
pub fn derive_exports(table: &TableInput) -> TokenStream {
    let layout = Layout::new(table);
    let code_map = format!("{CODE_MAP_DOC}\n\n{}", code_map_example(&layout));
    let message_id_map = format!(
        "{MESSAGE_ID_MAP_DOC}\n\n{}",
        message_id_map_example(&layout)
    );
    quote! {
        #[doc(inline)]
        #[doc = #code_map]
        pub use ::oqs_messages_macros::CodeMap;
        #[doc(inline)]
        #[doc = #message_id_map]
        pub use ::oqs_messages_macros::MessageIdMap;
    }
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

/// A message ID as written in the docs and `Display`: `0x04000011`.
fn hex(value: u32) -> String {
    format!("0x{value:08X}")
}

/// A message ID as a hex literal, where rustdoc shows it (the bounds of a range's type).
fn hex_literal(value: u32) -> Literal {
    hex(value)
        .parse()
        .unwrap_or_else(|_| Literal::u32_unsuffixed(value))
}

/// The IDs a row lists, as rustdoc shows them: `` `0x03000001`, `0xF0000000`～`0xF7FFFFFF` ``.
fn listed_ids(row: &RowInput) -> String {
    let listed: Vec<String> = row
        .ids
        .iter()
        .map(|id| match *id {
            ListedId::Exact(v, _) => format!("`{}`", hex(v)),
            ListedId::Range(s, e, _) => format!("`{}`～`{}`", hex(s), hex(e)),
        })
        .collect();
    if listed.is_empty() {
        "-".to_owned()
    } else {
        listed.join(", ")
    }
}

/// A row's texts under the table's own column titles, for the variants' docs: its place
/// (`001-1`) and kind, then its message IDs, cause, remedy and contact, as published.
fn row_doc(reference: &str, row: &RowInput, under: Option<&CodeInput>) -> String {
    let mut doc = format!("**{reference}** {}", one_line(&row.kind.value()));
    if let Some(code) = under {
        doc.push_str(&format!(
            " (under **{:03}** {})",
            code.number,
            one_line(&code.heading.value())
        ));
    }
    doc.push_str(&format!("\n\nメッセージID: {}\n", listed_ids(row)));
    // A text the table leaves empty is left out, with its title.
    for (title, text) in [("原因", &row.cause), ("対処", &row.remedy)] {
        let text = text.value();
        if !text.is_empty() {
            doc.push_str(&format!("\n{title}:\n\n{}\n", quoted(&text)));
        }
    }
    doc.push_str(&format!("\n問合せ先: {}\n", one_line(&row.contact.value())));
    doc
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
    let code_number_strs: Vec<String> = table
        .codes
        .iter()
        .map(|c| format!("{:03}", c.number))
        .collect();
    let code_labels: Vec<String> = table
        .codes
        .iter()
        .map(|c| format!("{:03} {}", c.number, c.heading.value()))
        .collect();
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
    let mut code_rows = Vec::new();
    let mut start = 0usize;
    for code in &table.codes {
        code_rows.push((start..start + code.rows.len()).collect::<Vec<usize>>());
        start += code.rows.len();
    }
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

/// The example on `Code`, from the table's first code.
fn code_example(l: &Layout<'_>) -> String {
    let Some(code) = l.table.codes.first() else {
        return String::new();
    };
    let number = format!("{:03}", code.number);
    let label = format!("{number} {}", code.heading.value());
    let name = &code.name;
    [
        "# Examples".to_owned(),
        String::new(),
        "```".to_owned(),
        "use oqs_messages::Code;".to_owned(),
        String::new(),
        "// As the reader shows it, and as serde writes it: three digits.".to_owned(),
        format!("let code: Code = {number:?}.parse()?;"),
        format!("assert_eq!(code, Code::{name});"),
        format!("assert_eq!(code.as_str(), {number:?});"),
        "// `Display` starts with the number and goes on with the heading; `FromStr` reads it back."
            .to_owned(),
        format!("assert_eq!(code.to_string(), {label:?});"),
        "assert_eq!(code.to_string().parse::<Code>(), Ok(code));".to_owned(),
        "// Width, fill and precision as for a `str`.".to_owned(),
        format!("assert_eq!(format!(\"{{code:.3}}\"), {number:?});"),
        String::new(),
        "for row in code.rows() {".to_owned(),
        "    println!(\"{}: {} → {}\", row.kind, row.remedy, row.contact);".to_owned(),
        "}".to_owned(),
        "# Ok::<(), oqs_messages::ParseCodeError>(())".to_owned(),
        "```".to_owned(),
    ]
    .join("\n")
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
            for (i, row) in code.rows.iter().enumerate() {
                let reference = format!("{:03}-{}", code.number, i + 1);
                doc.push_str(&format!("\n{}", row_doc(&reference, row, None)));
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
    let discriminant = match table.codes.first() {
        Some(code) => format!(" (`Code::{} as u16 == {}`)", code.name, code.number),
        None => String::new(),
    };
    let code_enum_doc = format!(
        "The display codes of table version {version_text} ({code_count} codes), declared in \
         document order, each with its tags, heading, message and rows as published.\n\n\
         The discriminant is the number shown on the reader{discriminant}; ordering, \
         equality and hashing follow it. As text: [`Code::as_str`] gives the three digits \
         (`\"001\"`), as the reader shows them and serde writes them; `Display` writes them \
         followed by a space and the heading (as `http::StatusCode` writes `404 Not Found`), \
         honouring width, fill and precision; `FromStr` reads either back.\n\n{}",
        code_example(l)
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

            /// The code shown as this number, if the table has it; [`Code::try_from`]
            /// says why not.
            pub const fn from_number(number: u16) -> ::core::option::Option<Code> {
                match number {
                    #(#code_numbers => ::core::option::Option::Some(Code::#code_names),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The three digits shown on the reader, `"001"`: what serde writes and
            /// `FromStr` reads.
            pub const fn as_str(self) -> &'static str {
                CODE_NUMBERS[self.index()]
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
            pub fn rows(self) -> &'static [&'static crate::Row] {
                CODE_ROWS[self.index()]
            }

            /// The footnotes the category or message cites.
            pub fn footnotes(self) -> &'static [&'static crate::Footnote] {
                CODE_FOOTNOTES[self.index()]
            }

            /// `"001 マイナンバーカードの認識不可"`: what `Display` writes.
            const fn label(self) -> &'static str {
                CODE_LABELS[self.index()]
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

/// The example on `CodeHandler`: an implementation with every method, all but the first
/// two hidden.
fn handler_example(l: &Layout<'_>) -> String {
    let table = l.table;
    let methods = handler_methods(table);
    let Some(first) = table.codes.first() else {
        return String::new();
    };
    let mut lines = vec![
        "# Examples".to_owned(),
        String::new(),
        "```".to_owned(),
        "use oqs_messages::{Code, CodeHandler};".to_owned(),
        String::new(),
        "/// Whether the terminal may offer the patient another try.".to_owned(),
        "struct Retry;".to_owned(),
        String::new(),
        "impl CodeHandler for Retry {".to_owned(),
        "    type Output = bool;".to_owned(),
    ];
    for (i, method) in methods.iter().enumerate() {
        let retry = i == 0;
        if i < 2 {
            lines.push(format!("    fn {method}(&mut self) -> bool {{"));
            lines.push(format!("        {retry}"));
            lines.push("    }".to_owned());
        } else {
            if i == 2 {
                lines.push("    // … one method per code of the table".to_owned());
            }
            lines.push(format!(
                "#     fn {method}(&mut self) -> bool {{ {retry} }}"
            ));
        }
    }
    lines.push("}".to_owned());
    lines.push(String::new());
    lines.push(format!("assert!(Code::{}.handle(&mut Retry));", first.name));
    lines.push("```".to_owned());
    lines.join("\n")
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
    let trait_doc = format!(
        "One method per display code, none with a default body: an implementation stops \
         compiling when a revision of the table adds a code (a method is missing) or \
         removes one (a method is not a member; with the older workbook beside the new one \
         in `spec/`, the method of a withdrawn code takes a parameter of a type no crate \
         can name, so deleting it is the only fix). Call it with [`Code::handle`].\n\n{}",
        handler_example(l)
    );
    quote! {
        #[doc = #trait_doc]
        pub trait CodeHandler {
            /// What every method returns.
            type Output;
            #(#[doc = #method_docs] fn #methods(&mut self) -> Self::Output;)*
            #(#withdrawn)*
        }
    }
}

/// The example on `MessageId`, from the table's first exact ID and first range.
fn message_id_example(l: &Layout<'_>) -> String {
    let mut lines = vec![
        "# Examples".to_owned(),
        String::new(),
        "```".to_owned(),
        "use oqs_messages::MessageId;".to_owned(),
    ];
    if let Some(exact) = l.first_exact() {
        let text = hex(exact.value);
        lines.extend([
            String::new(),
            "// As the terminal logs it, and as serde writes it.".to_owned(),
            format!("let id: MessageId = {text:?}.parse()?;"),
            format!("assert_eq!(id, MessageId::{});", exact.name),
            format!("assert_eq!(id.value(), {text});"),
            format!("assert_eq!(id.to_string(), {text:?});"),
            "assert_eq!(id.to_string().parse::<MessageId>(), Ok(id));".to_owned(),
            format!("assert_eq!(id.to_text().as_str(), {text:?});"),
        ]);
    }
    if let Some(range) = l.first_range() {
        let (start, end) = range.range.unwrap_or((range.value, range.value));
        lines.extend([
            String::new(),
            "// A value of a range that no exact ID takes: the range's variant, carrying it."
                .to_owned(),
            format!(
                "let logged = MessageId::from_value({}).unwrap();",
                hex(range.value)
            ),
            format!("assert!(matches!(logged, MessageId::{}(_)));", range.name),
            format!("assert_eq!(logged.value(), {});", hex(range.value)),
            format!(
                "assert_eq!(logged.range(), Some(({}, {})));",
                hex(start),
                hex(end)
            ),
        ]);
    }
    lines.extend([
        "# Ok::<(), oqs_messages::ParseMessageIdError>(())".to_owned(),
        "```".to_owned(),
    ]);
    lines.join("\n")
}

/// The `MessageId` enum and its lookups.
fn message_id_enum(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let rows = &l.rows;
    let ids = &l.ids;
    let version_text = table.version.value();
    let id_count = ids.len();
    // The row's place under its code: `015-2`.
    let reference = |r: usize| {
        let code_index = rows[r].0;
        let number = rows[..r].iter().filter(|(c, _)| *c == code_index).count() + 1;
        format!("{:03}-{number}", table.codes[code_index].number)
    };
    let id_variants = ids.iter().map(|v| {
        let under: Vec<String> = v
            .rows
            .iter()
            .map(|&r| {
                let (code_index, row) = rows[r];
                row_doc(&reference(r), row, Some(&table.codes[code_index]))
            })
            .collect();
        let name = &v.name;
        match v.range {
            None => {
                let mut doc = format!("`{}`\n\n{}", hex(v.value), under.join("\n"));
                if let Some(history) = &table.history {
                    doc.push_str(&format!("\n\n{}", history.id_sentence(v.value, None)));
                }
                quote!(#[doc = #doc] #name)
            }
            Some((start, end)) => {
                let mut doc = format!(
                    "Any ID from `{}` to `{}` that the table does not list exactly, carrying \
                     the logged value (an exact ID inside the range is its own variant)\n\n{}",
                    hex(start),
                    hex(end),
                    under.join("\n")
                );
                if let Some(history) = &table.history {
                    doc.push_str(&format!("\n\n{}", history.id_sentence(start, Some(end))));
                }
                let (start, end) = (hex_literal(start), hex_literal(end));
                quote!(#[doc = #doc] #name(crate::InRange<#start, #end>))
            }
        }
    });
    let id_all = ids.iter().map(|v| {
        let name = &v.name;
        match v.range {
            None => quote!(MessageId::#name),
            Some(_) => {
                let value = id_literal(v.value);
                quote!(MessageId::#name(crate::in_range_unchecked(#value)))
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
                quote!(#start..=#end => ::core::option::Option::Some(MessageId::#name(crate::in_range_unchecked(value))),)
            }
        }
    });
    let id_value_arms = ids.iter().filter(|v| v.range.is_some()).map(|v| {
        let name = &v.name;
        quote!(MessageId::#name(value) => value.value(),)
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
         then {} ranges, each carrying the logged value in an [`InRange`](crate::InRange).\n\n\
         One logged value is one `MessageId`: an ID the table lists exactly is always its \
         own variant, even where a range holds it ([`MessageId::from_value`]), and a range \
         variant holds only a value of its range that no exact ID takes \
         ([`InRange::new`](crate::InRange::new)). Equality, ordering and hashing follow the \
         logged value. As text: `0x` and eight hex digits, upper case (`Display`, \
         [`MessageId::to_text`], serde), honouring width, fill and precision; `FromStr` \
         reads it back, in either case.\n\n{}",
        ids.iter().filter(|v| v.range.is_none()).count(),
        ids.iter().filter(|v| v.range.is_some()).count(),
        message_id_example(l)
    );
    quote! {
        #[doc = #id_enum_doc]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum MessageId {
            #(#id_variants,)*
        }

        impl MessageId {
            /// Every exact ID in ascending order, then each range at its lowest value
            /// that no exact ID takes.
            pub const ALL: [MessageId; #id_count] = [#(#id_all),*];

            /// The message ID of a logged value: an exact ID of the table wins over a range
            /// that contains it. [`MessageId::try_from`] says why there is none.
            pub const fn from_value(value: u32) -> ::core::option::Option<MessageId> {
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

/// What stands under each withdrawn name, so that every use of it in a downstream crate
/// fails `cargo check` and says what happened. `Code::InsurerCheckRequired` and
/// `MessageId::Id8100000D` are constants of an impl whose bound no type meets: the marker
/// type whose name says the entry was withdrawn, and when, implementing a trait that
/// nothing implements. Naming one anywhere (an expression, a pattern, an argument) is then
/// "the variant or associated item exists, but its trait bounds were not satisfied",
/// with that bound as the note. `CodeHandler` keeps the withdrawn code's method, with a
/// default body and a parameter of an uninhabited type no other crate can name, so that
/// an implementation of it has the wrong number of parameters and deleting it is the
/// only fix.
fn withdrawn_shadows(l: &Layout<'_>) -> TokenStream {
    let Some(history) = &l.table.history else {
        return TokenStream::new();
    };
    if history.withdrawn_codes.is_empty() && history.withdrawn_ids.is_empty() {
        return TokenStream::new();
    }
    let shadow = |enum_name: &str, name: &Ident, marker: &Ident| {
        let enum_name = format_ident!("{}", enum_name);
        quote! {
            #[doc(hidden)]
            impl<'a> #enum_name
            where
                __withdrawn::#marker<'a>: __withdrawn::ListedInThisTable,
            {
                #[doc(hidden)]
                #[allow(non_upper_case_globals)]
                pub const #name: __withdrawn::#marker<'a> = __withdrawn::#marker(::core::marker::PhantomData);
            }
        }
    };
    let mut markers = Vec::new();
    let mut method_markers = Vec::new();
    let mut shadows = Vec::new();
    for code in &history.withdrawn_codes {
        let marker = code.marker();
        markers.push(marker.clone());
        method_markers.push(marker.clone());
        shadows.push(shadow("Code", &code.name, &marker));
    }
    for id in &history.withdrawn_ids {
        let marker = id.marker();
        markers.push(marker.clone());
        shadows.push(shadow("MessageId", &id.name, &marker));
    }
    quote! {
        /// The withdrawn names' shadows.
        #[doc(hidden)]
        pub mod __withdrawn {
            /// Implemented by no type: the bound of every withdrawn name's shadow.
            pub trait ListedInThisTable {}

            #(
                #[allow(non_camel_case_types)]
                pub struct #markers<'a>(pub(crate) ::core::marker::PhantomData<&'a ()>);
            )*

            /// The parameters of the withdrawn codes' handler methods: uninhabited, and
            /// named nowhere outside this crate.
            pub(crate) mod delete_this_method {
                #(
                    #[allow(non_camel_case_types)]
                    pub enum #method_markers {}
                )*
            }
        }

        #(#shadows)*
    }
}

/// The withdrawn codes' handler methods, each with a default body and a parameter no other
/// crate can name: an implementation written for an older table stops compiling there
/// ("expected 2 parameters"), the note showing the parameter's type, which says the code
/// was withdrawn and that the method is to be deleted.
fn withdrawn_handler_methods(table: &TableInput) -> Vec<TokenStream> {
    let Some(history) = &table.history else {
        return Vec::new();
    };
    history
        .withdrawn_codes
        .iter()
        .map(|code| {
            let marker = code.marker();
            let method = format_ident!(
                "{}",
                oqs_messages_table::casing::snake_case(&code.name.to_string())
            );
            quote! {
                #[doc(hidden)]
                fn #method(&mut self, withdrawn: __withdrawn::delete_this_method::#marker) -> Self::Output {
                    match withdrawn {}
                }
            }
        })
        .collect()
}

/// The example on the `CodeMap` derive: the first code to one variant, every other to
/// another (all but the first two of those hidden).
fn code_map_example(l: &Layout<'_>) -> String {
    let codes = &l.table.codes;
    let Some(first) = codes.first() else {
        return String::new();
    };
    let mut lines = vec![
        "# Examples".to_owned(),
        String::new(),
        "```".to_owned(),
        "use oqs_messages::{Code, CodeMap};".to_owned(),
        String::new(),
        "#[derive(CodeMap, Debug, PartialEq)]".to_owned(),
        "enum Desk {".to_owned(),
        "    /// The patient can fix it at the reader.".to_owned(),
        format!("    #[codes({})]", first.name),
        "    Patient,".to_owned(),
    ];
    if let Some(second) = codes.get(1) {
        lines.push(
            "    /// Staff can: a code that a revision adds stops the build until it is listed."
                .to_owned(),
        );
        lines.push("    #[codes(".to_owned());
        lines.push(format!("        {},", second.name));
        for (i, code) in codes.iter().enumerate().skip(2) {
            if i == 2 {
                lines.push("        // … every other code of the table, once".to_owned());
            }
            lines.push(format!("#         {},", code.name));
        }
        lines.push("    )]".to_owned());
        lines.push("    Staff,".to_owned());
    }
    lines.push("}".to_owned());
    lines.push(String::new());
    lines.push(format!(
        "assert_eq!(Desk::from(Code::{}), Desk::Patient);",
        first.name
    ));
    if let Some(second) = codes.get(1) {
        lines.push(format!(
            "assert_eq!(Desk::from(Code::{}), Desk::Staff);",
            second.name
        ));
    }
    lines.push("```".to_owned());
    lines.join("\n")
}

/// The example on the `MessageIdMap` derive: the first exact ID and the first range by
/// name, the rest to `#[rest]`.
fn message_id_map_example(l: &Layout<'_>) -> String {
    let listed: Vec<&IdVariant> = l.first_exact().into_iter().chain(l.first_range()).collect();
    let names: Vec<String> = listed.iter().map(|v| v.name.to_string()).collect();
    if names.is_empty() {
        return String::new();
    }
    let mut lines = vec![
        "# Examples".to_owned(),
        String::new(),
        "```".to_owned(),
        "use oqs_messages::{MessageId, MessageIdMap};".to_owned(),
        String::new(),
        "#[derive(MessageIdMap, Debug, PartialEq)]".to_owned(),
        "enum Source {".to_owned(),
        "    /// Listed by name: a revision that withdraws one stops the build.".to_owned(),
        format!("    #[message_ids({})]", names.join(", ")),
        "    Watched,".to_owned(),
        "    /// Every other ID, today's and those a revision adds.".to_owned(),
        "    #[rest]".to_owned(),
        "    Other,".to_owned(),
        "}".to_owned(),
        String::new(),
    ];
    for v in &listed {
        lines.push(format!(
            "assert_eq!(MessageId::from_value({}).map(Source::from), Some(Source::Watched));",
            hex(v.value)
        ));
    }
    if let Some(other) = l
        .ids
        .iter()
        .find(|v| listed.iter().all(|w| w.name != v.name))
    {
        lines.push(format!(
            "assert_eq!(MessageId::from_value({}).map(Source::from), Some(Source::Other));",
            hex(other.value)
        ));
    }
    lines.push("```".to_owned());
    lines.join("\n")
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
        // The kind on one line in the code's rows and in the ID's own doc, each with the
        // row's cause, remedy and contact under the table's column titles.
        assert_eq!(expanded.matches("種別 続き").count(), 2, "{expanded}");
        for text in ["原因:\\n\\n> c  ", "対処:\\n\\n> r  ", "問合せ先: -"] {
            assert_eq!(expanded.matches(text).count(), 2, "{text} in {expanded}");
        }
    }

    fn table(input: &str) -> TableInput {
        syn::parse_str(input).unwrap()
    }

    const WITHDRAWN: &str = r#"title: "t_1.26版", version: "1.26",
        history { versions: ["1.25", "1.26"],
            withdrawn code 017 InsurerCheckRequired { heading: "保険者確認", last: "1.25", removed: "1.26", },
            withdrawn id 0x8100000D Id8100000D { code: 017, last: "1.25", removed: "1.26", }, }
        range Big = 0xF0000000..=0xF7FFFFFF;
        code 001 CardNotRecognized { tags: [], heading: "h", message: "m", footnotes: [],
            row { kind: "k", ids: [0x03000001, 0xF0000000, 0xF0000000..=0xF7FFFFFF], cause: "", remedy: "r", contact: "-", footnotes: [], } }
        code 003 WrongPin { tags: [], heading: "h3", message: "m", footnotes: [],
            row { kind: "k", ids: [0x04000011], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;

    /// A withdrawn name resolves to nothing anyone can use: its constant stands in an impl
    /// bounded by a trait no type implements, and the handler's method takes a type of a
    /// module no other crate can reach.
    #[test]
    fn a_withdrawn_name_is_bounded_by_what_nothing_implements() {
        let expanded = expand(&table(WITHDRAWN)).to_string();
        let marker = "InsurerCheckRequired_code_017_withdrawn_in_table_1_26_last_listed_in_1_25";
        for expected in [
            format!("impl < 'a > Code where __withdrawn :: {marker} < 'a > : __withdrawn :: ListedInThisTable"),
            "pub const InsurerCheckRequired".to_owned(),
            "pub trait ListedInThisTable { }".to_owned(),
            "pub (crate) mod delete_this_method".to_owned(),
            format!("pub enum {marker} {{ }}"),
            format!("fn insurer_check_required (& mut self , withdrawn : __withdrawn :: delete_this_method :: {marker}) -> Self :: Output {{ match withdrawn {{ }} }}"),
            "impl < 'a > MessageId where __withdrawn :: Id8100000D_of_code_017_withdrawn_in_table_1_26_last_listed_in_1_25 < 'a >".to_owned(),
        ] {
            assert!(expanded.contains(&expected), "{expected}\n{expanded}");
        }
        // Nothing implements the trait; nothing is deprecated (a warning only, never seen).
        assert!(!expanded.contains("impl ListedInThisTable"));
        assert!(!expanded.contains("deprecated"));
    }

    /// A range variant stands in `ALL` at its first value that no exact ID takes, and
    /// holds its value in an `InRange` of its bounds.
    #[test]
    fn a_range_stands_at_its_first_free_value() {
        let expanded = expand(&table(WITHDRAWN)).to_string();
        assert!(
            expanded.contains("Big (crate :: InRange < 0xF0000000 , 0xF7FFFFFF >)"),
            "{expanded}"
        );
        let first_free = format!(
            "MessageId :: Big (crate :: in_range_unchecked ({}))",
            0xF000_0001u32
        );
        assert!(expanded.contains(&first_free), "{expanded}");
        // The cause the table leaves empty is left out with its title.
        assert_eq!(expanded.matches("原因:").count(), 2, "{expanded}");
    }

    /// The derives' examples name every code, so that they compile.
    #[test]
    fn the_derives_examples_name_every_code() {
        let exports = derive_exports(&table(WITHDRAWN)).to_string();
        assert!(exports.contains("#[codes(CardNotRecognized)]"), "{exports}");
        assert!(exports.contains("WrongPin,"), "{exports}");
        assert!(
            exports.contains("#[message_ids(Id03000001, Big)]"),
            "{exports}"
        );
        assert!(
            exports.contains("pub use :: oqs_messages_macros :: CodeMap"),
            "{exports}"
        );
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(
            markdown("> cd [TAB] <ユーザー名>"),
            "\\> cd \\[TAB\\] \\<ユーザー名\\>"
        );
    }
}
