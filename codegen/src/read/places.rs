//! Where the parts of the table read so far stand in the sheet: the cells to name when the
//! model's rules find one broken.

use std::collections::BTreeMap;

/// Where each footnote citation stands, by its place in the model (code, row or `None`
/// for the code's own cells, number): the cells to name when the model's rules find the
/// footnote missing. A merged cell met once per row it covers is named once.
#[derive(Default)]
pub struct Citations {
    pub cells: BTreeMap<(usize, Option<usize>, u8), Vec<String>>,
}

impl Citations {
    pub fn add(&mut self, at: (usize, Option<usize>), cell: String, number: u8) {
        let cells = self.cells.entry((at.0, at.1, number)).or_default();
        if !cells.contains(&cell) {
            cells.push(cell);
        }
    }
}

/// Where the parts of the table read so far stand in the sheet, to name the cells when the
/// model's rules ([`Table::violations`]) find one broken.
#[derive(Default)]
pub struct Places {
    /// The code cell of each code kept, in the model's order.
    pub codes: Vec<String>,
    /// The cell of each footnote, in the model's order.
    pub footnotes: Vec<String>,
    pub citations: Citations,
}
