//! What every part of the expansion is made of, computed once from the input, and the
//! literals and names the parts share.

use std::collections::BTreeMap;

use oqs_messages_table::{ListedId, Row, Table};
use proc_macro2::Literal;
use quote::format_ident;
use syn::Ident;

use crate::input::TableInput;

/// A message ID as an unsuffixed integer literal. It is written in decimal: building a
/// hex literal from text would cost a round trip to the compiler for each of the hundreds
/// of IDs, and the value is the same.
pub fn id_literal(value: u32) -> Literal {
    Literal::u32_unsuffixed(value)
}

/// A message ID as written in the docs and `Display`: `0x04000011`.
pub fn hex(value: u32) -> String {
    format!("0x{value:08X}")
}

/// A message ID as a hex literal, where rustdoc shows it (the bounds of a range's type).
pub fn hex_literal(value: u32) -> Literal {
    hex(value)
        .parse()
        .unwrap_or_else(|_| Literal::u32_unsuffixed(value))
}

/// A handler method's name: `card_not_recognized` for `CardNotRecognized`.
pub fn handler_method(name: &Ident) -> Ident {
    format_ident!(
        "{}",
        oqs_messages_table::casing::snake_case(&name.to_string())
    )
}

/// A message ID variant: an exact ID or a named range.
pub struct IdVariant {
    pub name: Ident,
    pub range: Option<(u32, u32)>,
    /// The exact ID; for a range, the lowest value of it that no exact ID takes, which
    /// stands for the range in `MessageId::ALL`.
    pub value: u32,
    /// Indexes into the rows that list it.
    pub rows: Vec<usize>,
}

/// What every part of the expansion is made of, computed once from the input: the rows in
/// document order with their code, the message ID variants, where each exact ID and each
/// footnote stands.
pub struct Layout<'a> {
    /// The input.
    pub input: &'a TableInput,
    /// Its table.
    pub table: &'a Table,
    /// Every row in document order, with the index of its code.
    pub rows: Vec<(usize, &'a Row)>,
    /// The message ID variants: exact IDs by value, then ranges in declaration order.
    pub ids: Vec<IdVariant>,
    /// Each exact ID's place in `ids`.
    pub exact_index: BTreeMap<u32, usize>,
    /// Each footnote's place in the table, by its number.
    pub footnote_positions: BTreeMap<u8, usize>,
}

impl<'a> Layout<'a> {
    pub fn new(input: &'a TableInput) -> Layout<'a> {
        let table = &input.table;
        // Rows in document order, each with the index of its code.
        let rows: Vec<(usize, &Row)> = table
            .codes
            .iter()
            .enumerate()
            .flat_map(|(i, code)| code.rows.iter().map(move |row| (i, row)))
            .collect();

        // Message ID variants: exact IDs by value, then ranges in declaration order.
        let mut exact: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut ranged: Vec<Vec<usize>> = vec![Vec::new(); input.ranges.len()];
        for (index, (_, row)) in rows.iter().enumerate() {
            for id in &row.message_ids {
                match *id {
                    ListedId::Exact(value) => {
                        let listing = exact.entry(value.value()).or_default();
                        if !listing.contains(&index) {
                            listing.push(index);
                        }
                    }
                    ListedId::Range { start, end } => {
                        if let Some(r) = input
                            .ranges
                            .iter()
                            .position(|r| (r.start, r.end) == (start.value(), end.value()))
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
            .chain(input.ranges.iter().zip(ranged).map(|(r, rows)| IdVariant {
                name: r.name.clone(),
                range: Some((r.start, r.end)),
                // `TableInput::check` refused a range every value of which is an exact ID.
                value: input.first_free_value(r.start, r.end).unwrap_or(r.start),
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
            input,
            table,
            rows,
            ids,
            exact_index,
            footnote_positions,
        }
    }

    /// The first exact ID variant, for the examples.
    pub fn first_exact(&self) -> Option<&IdVariant> {
        self.ids.iter().find(|v| v.range.is_none())
    }

    /// The first range variant, for the examples.
    pub fn first_range(&self) -> Option<&IdVariant> {
        self.ids.iter().find(|v| v.range.is_some())
    }

    /// The handler methods' names, in the order of the codes.
    pub fn handler_methods(&self) -> Vec<Ident> {
        self.input.code_names.iter().map(handler_method).collect()
    }
}
