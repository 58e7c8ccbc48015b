//! The input read: the model's table and history, the withdrawals, and beside them what
//! only this input has, the variants' names, the declared ranges and where each part
//! stands.

use oqs_messages_table::{History, ListedId, Table, Withdrawal};
use proc_macro2::Span;
use syn::Ident;

/// The whole input: the table and its history as the model holds them, with the names.
pub struct TableInput {
    /// The table, as codegen's reader read it.
    pub table: Table,
    /// Since when each code and message ID of the table is listed, over the versions of
    /// `spec/`; `None` where the input has no `history` block. The input carries no rows
    /// added, and its withdrawn entries are [`TableInput::withdrawals`], under their names.
    pub history: Option<History>,
    /// The codes and IDs an older version lists and this one does not, under the names
    /// they had.
    pub withdrawals: Vec<Withdrawal>,
    /// The variant name of each code, in the order of `table.codes`.
    pub code_names: Vec<Ident>,
    /// The declared ranges, with their variants' names.
    pub ranges: Vec<RangeDecl>,
    /// Where each part stands in the input.
    pub spans: Spans,
}

/// `range InternalVersionError = 0xF0000000..=0xF7FFFFFF;`
pub struct RangeDecl {
    /// The variant's name.
    pub name: Ident,
    /// The first ID.
    pub start: u32,
    /// The last ID.
    pub end: u32,
    /// Where the range stands.
    pub span: Span,
}

/// Where each part of the model stands in the input, by the model's indexes.
#[derive(Default)]
pub struct Spans {
    /// Each code's parts, in the order of `table.codes`.
    pub codes: Vec<CodeSpans>,
    /// Each footnote's number, in the order of `table.footnotes`.
    pub footnotes: Vec<Span>,
    /// The codes the history lists the versions of, as the input names them.
    pub history_codes: Vec<(u16, Span)>,
    /// Each withdrawal's name as written, in the order of [`TableInput::withdrawals`].
    pub withdrawal_names: Vec<Ident>,
}

/// Where a code's parts stand.
pub struct CodeSpans {
    /// The code's number.
    pub number: Span,
    /// Each footnote it cites.
    pub footnotes: Vec<Span>,
    /// Its rows.
    pub rows: Vec<RowSpans>,
}

/// Where a row's parts stand.
pub struct RowSpans {
    /// Each ID or range it lists.
    pub ids: Vec<Span>,
    /// Each footnote it cites.
    pub footnotes: Vec<Span>,
}

impl TableInput {
    /// The lowest value of a range that no row lists as an exact ID: the value that
    /// stands for the range's variant in `MessageId::ALL`.
    pub fn first_free_value(&self, start: u32, end: u32) -> Option<u32> {
        let exact: std::collections::BTreeSet<u32> = self
            .table
            .listed_ids()
            .into_iter()
            .filter_map(|id| match id {
                ListedId::Exact(value) => Some(value.value()),
                ListedId::Range { .. } => None,
            })
            .collect();
        (start..=end).find(|value| !exact.contains(value))
    }

    /// The declared name of a range.
    pub fn range_name(&self, start: u32, end: u32) -> Option<&Ident> {
        self.ranges
            .iter()
            .find(|r| (r.start, r.end) == (start, end))
            .map(|r| &r.name)
    }

    /// Each withdrawal with its name as the input wrote it.
    pub fn withdrawn_names(&self) -> impl Iterator<Item = (&Withdrawal, &Ident)> + '_ {
        self.withdrawals.iter().zip(&self.spans.withdrawal_names)
    }
}
