//! The `MessageId` enum with its lookups: the exact IDs by value, then the named ranges,
//! each carrying the logged value.

use oqs_messages_table::{ListedId, MessageIdValue};
use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{listed_sentence, row_doc};
use super::layout::{hex, hex_literal, id_literal, Layout};

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
pub fn message_id_enum(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let rows = &l.rows;
    let ids = &l.ids;
    let version_text = table.version.as_str();
    let id_count = ids.len();
    // The row's place under its code: `015-2`.
    let reference = |r: usize| {
        let code_index = rows[r].0;
        let number = rows[..r].iter().filter(|(c, _)| *c == code_index).count() + 1;
        format!("{}-{number}", table.codes[code_index].number)
    };
    let since = |id: ListedId| {
        l.input
            .history
            .as_ref()
            .map(|history| listed_sentence(history, history.id_listed_in(id)))
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
                if let Some(sentence) = since(ListedId::Exact(MessageIdValue(v.value))) {
                    doc.push_str(&format!("\n\n{sentence}"));
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
                let range = ListedId::Range {
                    start: MessageIdValue(start),
                    end: MessageIdValue(end),
                };
                if let Some(sentence) = since(range) {
                    doc.push_str(&format!("\n\n{sentence}"));
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
