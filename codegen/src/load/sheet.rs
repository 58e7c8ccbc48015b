//! A sheet as a person sees it in Excel, the shape every format's loader produces: cells,
//! merged regions, hidden rows and columns, the autofilter, struck-through text.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use super::cell_ref::cell_name;
use super::cells::Cells;
use super::limits::MAX_MERGED_CELLS;

/// A rectangle of merged cells, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// Top-left cell (row, column): the only cell whose value counts.
    pub start: (u32, u32),
    /// Bottom-right cell (row, column).
    pub end: (u32, u32),
}

/// Whether a sheet's tab shows in Excel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    /// Its tab shows.
    #[default]
    Visible,
    /// Hidden (Excel's 再表示 shows it again).
    Hidden,
    /// Very hidden (only a macro or the file's XML shows it).
    VeryHidden,
}

/// Text struck through (見え消し) in a cell, which is not read as published text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Struck {
    /// The struck text, as it stands in the cell.
    pub text: String,
    /// Whether everything in the cell was struck through (the cell reads as empty).
    pub whole: bool,
}

/// One worksheet as a person sees it in Excel: its name, its non-empty cells by (row,
/// column) with struck-through text taken out, its merged regions, and what is hidden.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The sheet's name as shown on its tab.
    pub name: String,
    /// Whether its tab shows.
    pub visibility: Visibility,
    /// Non-empty cells, ordered by row then column, without struck-through text.
    pub cells: Cells,
    /// Every cell a merged region covers, other than its top-left, to that top-left; only
    /// within the rows and columns that hold cells.
    pub merged_into: MergedInto,
    /// The merged regions.
    pub merges: Vec<Merge>,
    /// Each merged region by its top-left cell: an index into `merges`.
    merge_starts: FxHashMap<(u32, u32), usize>,
    /// Rows hidden (by hand or by a filter), 0-based.
    pub hidden_rows: BTreeSet<u32>,
    /// Columns hidden, 0-based.
    pub hidden_columns: BTreeSet<u32>,
    /// The sheet's autofilter, if any.
    pub filter: Option<AutoFilter>,
    /// Cells where struck-through text was taken out.
    pub struck: BTreeMap<(u32, u32), Struck>,
}

/// A sheet as one format's reader found it, struck-through text already taken out:
/// [`finish_sheet`] indexes its merges.
#[derive(Clone, Debug, Default)]
pub struct SheetParts {
    /// Non-empty cells, without struck-through text.
    pub cells: Cells,
    /// Cells where struck-through text was taken out.
    pub struck: BTreeMap<(u32, u32), Struck>,
    /// The merged regions.
    pub merges: Vec<Merge>,
    /// Rows hidden (by hand or by an autofilter whose range [`SheetParts::filter`] gives).
    pub hidden_rows: BTreeSet<u32>,
    /// Columns hidden.
    pub hidden_columns: BTreeSet<u32>,
    /// The sheet's autofilter, if any.
    pub filter: Option<AutoFilter>,
}

/// A sheet from its parts, with its merges indexed (within the limits).
pub fn finish_sheet(
    name: String,
    visibility: Visibility,
    parts: SheetParts,
) -> Result<Sheet, String> {
    let merged_into = index_merges(&parts.merges, &parts.cells)?;
    let merge_starts = parts
        .merges
        .iter()
        .enumerate()
        .map(|(i, m)| (m.start, i))
        .collect();
    Ok(Sheet {
        name,
        visibility,
        cells: parts.cells,
        merged_into,
        merges: parts.merges,
        merge_starts,
        hidden_rows: parts.hidden_rows,
        hidden_columns: parts.hidden_columns,
        filter: parts.filter,
        struck: parts.struck,
    })
}

/// A covered cell's position to the top-left of its merged region.
pub type MergedInto = FxHashMap<(u32, u32), (u32, u32)>;

impl Sheet {
    /// The cell whose value shows at a position: the top-left of its merge, or itself.
    pub fn origin(&self, pos: (u32, u32)) -> (u32, u32) {
        self.merged_into.get(&pos).copied().unwrap_or(pos)
    }

    /// The merged region whose top-left is this cell.
    pub fn merge_at(&self, start: (u32, u32)) -> Option<&Merge> {
        self.merges.get(*self.merge_starts.get(&start)?)
    }

    /// Whether a row is hidden by an active autofilter: a view, not an edit, so its
    /// contents are read.
    pub fn is_filtered(&self, row: u32) -> bool {
        self.hidden_rows.contains(&row)
            && self
                .filter
                .is_some_and(|f| f.active && f.start.0 < row && row <= f.end.0)
    }

    /// Whether a row is hidden other than by an active autofilter: not published.
    pub fn is_row_hidden(&self, row: u32) -> bool {
        self.hidden_rows.contains(&row) && !self.is_filtered(row)
    }

    /// Whether a column is hidden.
    pub fn is_column_hidden(&self, col: u32) -> bool {
        self.hidden_columns.contains(&col)
    }
}

/// The range of an autofilter, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoFilter {
    /// Top-left (row, column).
    pub start: (u32, u32),
    /// Bottom-right (row, column).
    pub end: (u32, u32),
    /// Whether it filters (has a criterion on some column): only then are rows hidden by it.
    pub active: bool,
}

/// Why a file could not be loaded as a workbook.
#[derive(Debug)]
pub struct LoadError {
    /// The sheet concerned, when there is one.
    pub sheet: Option<String>,
    /// What went wrong, for people.
    pub message: String,
}

/// Maps each covered cell to its merge's top-left, within the used rows and columns; the
/// work is bounded by [`MAX_MERGED_CELLS`] whatever the file declares.
fn index_merges(merges: &[Merge], cells: &Cells) -> Result<MergedInto, String> {
    let (last_row, last_col) = (cells.last_row(), cells.last_col());
    let overlap = |pos: (u32, u32)| {
        format!(
            "merged regions overlap at {}; expected each cell in one merged region at most",
            cell_name("", pos).trim_start_matches('!')
        )
    };
    let mut total = 0u64;
    let mut merged_into = FxHashMap::default();
    let mut starts = FxHashSet::default();
    for merge in merges {
        let (end_row, end_col) = (merge.end.0.min(last_row), merge.end.1.min(last_col));
        if merge.start.0 > end_row || merge.start.1 > end_col {
            continue;
        }
        total += u64::from(end_row - merge.start.0 + 1) * u64::from(end_col - merge.start.1 + 1);
        if total > MAX_MERGED_CELLS {
            return Err(format!(
                "the sheet's merged regions cover more than {MAX_MERGED_CELLS} cells; a message table's cover a few hundred"
            ));
        }
        if merged_into.contains_key(&merge.start) || !starts.insert(merge.start) {
            return Err(overlap(merge.start));
        }
        for row in merge.start.0..=end_row {
            for col in merge.start.1..=end_col {
                let pos = (row, col);
                if pos != merge.start
                    && (starts.contains(&pos) || merged_into.insert(pos, merge.start).is_some())
                {
                    return Err(overlap(pos));
                }
            }
        }
    }
    Ok(merged_into)
}
