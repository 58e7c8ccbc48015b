//! The derives `CodeMap` and `MessageIdMap`: their re-exports with docs and examples
//! written from this table, and the `macro_rules!` they call back with the table's codes
//! and message IDs.

use oqs_messages_table::WithdrawnEntry;
use proc_macro2::TokenStream;
use quote::quote;

use super::layout::{hex, IdVariant, Layout};
use crate::input::TableInput;

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
pub fn derive_exports(input: &TableInput) -> TokenStream {
    let layout = Layout::new(input);
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

/// The example on the `CodeMap` derive: the first code to one variant, every other to
/// another (all but the first two of those hidden).
fn code_map_example(l: &Layout<'_>) -> String {
    let codes = &l.input.code_names;
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
        format!("    #[codes({first})]"),
        "    Patient,".to_owned(),
    ];
    if let Some(second) = codes.get(1) {
        lines.push(
            "    /// Staff can: a code that a revision adds stops the build until it is listed."
                .to_owned(),
        );
        lines.push("    #[codes(".to_owned());
        lines.push(format!("        {second},"));
        for (i, code) in codes.iter().enumerate().skip(2) {
            if i == 2 {
                lines.push("        // … every other code of the table, once".to_owned());
            }
            lines.push(format!("#         {code},"));
        }
        lines.push("    )]".to_owned());
        lines.push("    Staff,".to_owned());
    }
    lines.push("}".to_owned());
    lines.push(String::new());
    lines.push(format!(
        "assert_eq!(Desk::from(Code::{first}), Desk::Patient);"
    ));
    if let Some(second) = codes.get(1) {
        lines.push(format!(
            "assert_eq!(Desk::from(Code::{second}), Desk::Staff);"
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
pub fn derive_callbacks(l: &Layout<'_>) -> TokenStream {
    let table = l.table;
    let ids = &l.ids;
    let version = table.version.as_str();
    let code_names = &l.input.code_names;
    let code_labels: Vec<String> = table
        .codes
        .iter()
        .zip(code_names)
        .map(|(c, name)| {
            format!(
                "code {} `{name}` ({})",
                c.number,
                c.heading.replace('\n', " ")
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
    let (mut withdrawn_codes, mut withdrawn_ids) = (Vec::new(), Vec::new());
    for (gone, name) in l.input.withdrawn_names() {
        let sentence = gone.sentence();
        let told = quote!(#name: #sentence);
        match gone.entry {
            WithdrawnEntry::Code { .. } => withdrawn_codes.push(told),
            WithdrawnEntry::Id { .. } => withdrawn_ids.push(told),
        }
    }
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
