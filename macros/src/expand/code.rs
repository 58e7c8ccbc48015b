//! The `Code` enum with its lookups, and the `CodeHandler` trait, one method per code.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::{listed_sentence, markdown, quoted, row_doc};
use super::layout::Layout;
use super::withdrawn::withdrawn_handler_methods;

/// The example on `Code`, from the table's first code.
fn code_example(l: &Layout<'_>) -> String {
    let (Some(code), Some(name)) = (l.table.codes.first(), l.input.code_names.first()) else {
        return String::new();
    };
    let number = code.number.to_string();
    let label = format!("{number} {}", code.heading);
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
pub fn code_enum(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let version_text = table.version.as_str();
    let code_names = &l.input.code_names;
    let code_count = table.codes.len();
    let code_numbers: Vec<Literal> = table
        .codes
        .iter()
        .map(|c| Literal::u16_unsuffixed(c.number.get()))
        .collect();
    let indexes: Vec<usize> = (0..code_count).collect();
    let code_docs: Vec<String> = table
        .codes
        .iter()
        .map(|code| {
            let tags: String = code
                .tags
                .iter()
                .map(|t| format!("【{}】", markdown(t)))
                .collect();
            let mut doc = format!(
                "**{}** {tags} {}\n\n{}\n",
                code.number,
                markdown(&code.heading),
                quoted(&code.message)
            );
            if let Some(history) = &l.input.history {
                let listed_in = history.code_listed_in(code.number);
                doc.push_str(&format!("\n{}\n", listed_sentence(history, listed_in)));
            }
            for (i, row) in code.rows.iter().enumerate() {
                let reference = format!("{}-{}", code.number, i + 1);
                doc.push_str(&format!("\n{}", row_doc(&reference, row, None)));
            }
            // Footnotes the code or any of its rows cites, in table order.
            let cited: Vec<u8> = code
                .footnotes
                .iter()
                .chain(code.rows.iter().flat_map(|r| &r.footnotes))
                .copied()
                .collect();
            for note in &table.footnotes {
                if cited.contains(&note.number) {
                    doc.push_str(&format!(
                        "\n{} {}\n",
                        markdown(&note.marker),
                        markdown(&note.text)
                    ));
                }
            }
            doc
        })
        .collect();
    let methods = l.handler_methods();
    let discriminant = match (table.codes.first(), code_names.first()) {
        (Some(code), Some(name)) => {
            format!(" (`Code::{name} as u16 == {}`)", code.number.get())
        }
        _ => String::new(),
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
    let methods = l.handler_methods();
    let Some(first) = l.input.code_names.first() else {
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
    lines.push(format!("assert!(Code::{first}.handle(&mut Retry));"));
    lines.push("```".to_owned());
    lines.join("\n")
}

/// The `CodeHandler` trait: one required method per code.
pub fn handler_trait(l: &Layout<'_>) -> TokenStream {
    let methods = l.handler_methods();
    let withdrawn = withdrawn_handler_methods(l);
    let method_docs: Vec<String> = l
        .table
        .codes
        .iter()
        .zip(&l.input.code_names)
        .map(|(c, name)| {
            format!(
                "Code **{}** {}: see [`Code::{name}`].",
                c.number,
                markdown(&c.heading)
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
