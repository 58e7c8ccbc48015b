//! What the parser cannot check: the table's own rules, as codegen's reader checks them
//! (`Table::violations`, in one place, the model), each pointed at its tokens; and what
//! only this input has: the history's codes, the variants' names, the declared ranges.

use oqs_messages_table::{ListedId, Violation};
use proc_macro2::Span;
use syn::Ident;

use super::table::TableInput;
use crate::errors::Errors;

impl TableInput {
    /// Every inconsistency, all reported at once: the table's rules, codes the history
    /// names that the table does not list, names used twice, ranges reversed, declared
    /// twice, undeclared or without a value of their own.
    pub fn check(&self) -> syn::Result<()> {
        let mut errors = Errors::default();
        let table = &self.table;
        for violation in table.violations() {
            errors.push(self.span_of(&violation), table.describe(&violation));
        }
        for (number, span) in &self.spans.history_codes {
            if !table.codes.iter().any(|c| c.number.get() == *number) {
                errors.push(
                    *span,
                    format!("the history names code {number:03}, which the table does not list"),
                );
            }
        }
        for (i, name) in self.code_names.iter().enumerate() {
            if let Some(first) = self.code_names[..i].iter().position(|n| n == name) {
                errors.push(
                    name.span(),
                    format!(
                        "the name `{name}` is used twice (first for code {})",
                        table.codes[first].number
                    ),
                );
            }
        }
        let mut range_names: Vec<&Ident> = Vec::new();
        for (i, range) in self.ranges.iter().enumerate() {
            if range.start > range.end {
                errors.push(range.span, "a range's end is below its start");
            }
            if self.ranges[..i]
                .iter()
                .any(|r| (r.start, r.end) == (range.start, range.end))
            {
                errors.push(range.span, "this range is declared twice");
            }
            if let Some(first) = range_names.iter().find(|n| **n == &range.name) {
                errors.push(
                    range.name.span(),
                    format!("the range name `{first}` is used twice"),
                );
            }
            if range.start <= range.end && self.first_free_value(range.start, range.end).is_none() {
                errors.push(
                    range.span,
                    "every value of this range is an exact message ID of the table: its variant could hold no value",
                );
            }
            if is_id_name(&range.name.to_string()) {
                errors.push(
                    range.name.span(),
                    format!(
                        "`{}` has the form of an exact message ID's variant",
                        range.name
                    ),
                );
            }
            range_names.push(&range.name);
        }
        for (code, code_spans) in table.codes.iter().zip(&self.spans.codes) {
            for (row, row_spans) in code.rows.iter().zip(&code_spans.rows) {
                for (id, span) in row.message_ids.iter().zip(&row_spans.ids) {
                    if let ListedId::Range { start, end } = *id {
                        if self.range_name(start.value(), end.value()).is_none() {
                            errors.push(
                                *span,
                                format!("the range {start}..={end} has no `range NAME = …;` declaration"),
                            );
                        }
                    }
                }
            }
        }
        errors.finish()
    }

    /// Where in the input a violation of the table's rules is.
    fn span_of(&self, violation: &Violation) -> Span {
        let spans = &self.spans;
        let name = |c: usize| self.code_names[c].span();
        match *violation {
            Violation::DuplicateCode { again, .. } => spans.codes[again].number,
            Violation::CodeWithoutRows { code } => name(code),
            Violation::MissingFootnote { code, row, number } => {
                let entry = &self.table.codes[code];
                let (cited, at) = match row {
                    Some(r) => (
                        &entry.rows[r].footnotes,
                        &spans.codes[code].rows[r].footnotes,
                    ),
                    None => (&entry.footnotes, &spans.codes[code].footnotes),
                };
                cited
                    .iter()
                    .position(|n| *n == number)
                    .and_then(|i| at.get(i).copied())
                    .unwrap_or_else(|| name(code))
            }
            Violation::ReversedRange { code, row, id }
            | Violation::RepeatedId { code, row, id } => spans.codes[code].rows[row].ids[id],
            Violation::DuplicateFootnote { again, .. } => spans.footnotes[again],
        }
    }
}

/// `Id` and eight hex digits: the names exact message IDs take.
pub fn is_id_name(name: &str) -> bool {
    name.strip_prefix("Id")
        .is_some_and(|hex| hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}
