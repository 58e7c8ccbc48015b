//! The docs' Markdown: the table's texts quoted as published, a row under the table's own
//! column titles, and since when an entry is listed.

use oqs_messages_table::{CodeEntry, History, ListedId, Row, RowText, Version};

use super::layout::hex;

/// Escapes text for rustdoc's Markdown, so that published texts show as published
/// (`[TAB]` is not a link, `<ユーザー名>` is not an HTML tag).
pub fn markdown(text: &str) -> String {
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
pub fn quoted(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {}  ", markdown(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text on one line, for a heading or a short field.
pub fn one_line(text: &str) -> String {
    markdown(&text.replace('\n', " "))
}

/// The IDs a row lists, as rustdoc shows them: `` `0x03000001`, `0xF0000000`～`0xF7FFFFFF` ``.
fn listed_ids(row: &Row) -> String {
    let listed: Vec<String> = row
        .message_ids
        .iter()
        .map(|id| match *id {
            ListedId::Exact(v) => format!("`{}`", hex(v.value())),
            ListedId::Range { start, end } => {
                format!("`{}`～`{}`", hex(start.value()), hex(end.value()))
            }
        })
        .collect();
    if listed.is_empty() {
        "-".to_owned()
    } else {
        listed.join(", ")
    }
}

/// A row's texts under the table's own column titles, for the variants' docs: its place
/// (`001-1`) and kind, then its message IDs and each other text as [`RowText`] lists it, as
/// published: the contact on one line, the others quoted, left out with their title where
/// the table leaves them empty.
pub fn row_doc(reference: &str, row: &Row, under: Option<&CodeEntry>) -> String {
    let mut doc = format!("**{reference}** {}", one_line(&row.kind));
    if let Some(code) = under {
        doc.push_str(&format!(
            " (under **{}** {})",
            code.number,
            one_line(&code.heading)
        ));
    }
    doc.push_str(&format!("\n\nメッセージID: {}\n", listed_ids(row)));
    for text in RowText::ALL {
        let (title, value) = (text.title(), row.text(text));
        match text {
            RowText::Kind => {}
            RowText::Contact => doc.push_str(&format!("\n{title}: {}\n", one_line(value))),
            _ if value.is_empty() => {}
            _ => doc.push_str(&format!("\n{title}:\n\n{}\n", quoted(value))),
        }
    }
    doc
}

/// The rustdoc sentence of an entry of the table listed in `listed_in` of the history's
/// versions: in every one, since one, or in some.
pub fn listed_sentence(history: &History, listed_in: &[Version]) -> String {
    let all = history.versions.as_slice();
    let span = |list: &[Version]| match list {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}–{last}"),
    };
    let join = |list: &[Version]| {
        list.iter()
            .map(Version::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if listed_in == all {
        return format!("In every version in spec/ ({}).", span(all));
    }
    let start = all.iter().position(|v| Some(v) == listed_in.first());
    let contiguous = start.is_some_and(|start| all.get(start..) == Some(listed_in));
    match (contiguous, listed_in.first()) {
        (true, Some(first)) => format!("Listed since {first} (spec/ holds {}).", span(all)),
        _ => format!(
            "Listed in {} of the versions in spec/ ({}).",
            join(listed_in),
            join(all)
        ),
    }
}
