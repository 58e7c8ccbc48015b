//! Which rows of a code in one version are the same rows in another: the revision report
//! and the page's 「追加」 marks pair them the same way.

use oqs_messages_table::Row;

/// A row and its index under its code.
pub type IndexedRow<'t> = (usize, &'t Row);

/// The rows of a code in two versions, paired.
pub struct PairedRows<'t> {
    /// Rows in both: (index, old row) and (index, new row).
    pub pairs: Vec<(IndexedRow<'t>, IndexedRow<'t>)>,
    /// Rows only in the new version, with their index.
    pub added: Vec<IndexedRow<'t>>,
    /// Rows only in the old version, with their index.
    pub removed: Vec<IndexedRow<'t>>,
}

/// Rows are paired by the IDs they list, in order among rows listing the same IDs; a row
/// whose IDs change is a row removed and a row added.
pub fn pair_rows<'t>(old: &'t [Row], new: &'t [Row]) -> PairedRows<'t> {
    let mut removed: Vec<(usize, &Row)> = old.iter().enumerate().collect();
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (index, row) in new.iter().enumerate() {
        match removed
            .iter()
            .position(|(_, o)| o.message_ids == row.message_ids)
        {
            Some(pos) => pairs.push((removed.remove(pos), (index, row))),
            None => added.push((index, row)),
        }
    }
    PairedRows {
        pairs,
        added,
        removed,
    }
}
