//! The non-empty cells of a sheet, row by row: one vector sorted by position and where
//! each row starts in it. A cell is found in its row's slice, a row is read as a slice, and
//! a stray cell far from the table costs one entry (and its row one index).

/// The value of one non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    /// Text, line breaks normalized to `\n`.
    Text(String),
    /// A number (Excel stores `001` formatted as "000" as the number 1).
    Number(f64),
    /// Anything else (a boolean, a date, an error such as `#N/A`), described.
    Other(String),
}

/// A position, 0-based (row, column).
pub type Position = (u32, u32);

/// The non-empty cells of a sheet, ordered by row then column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cells {
    /// Every cell, sorted by position, each position once.
    entries: Vec<(Position, CellValue)>,
    /// For each row up to the last one and one past it, the index of its first entry (of
    /// the first entry below it when the row is empty).
    row_starts: Vec<u32>,
    /// The last column holding a cell.
    last_col: u32,
}

impl Cells {
    /// The cells given in any order; a position given twice keeps the value given last, as
    /// Excel keeps the last of two records for one cell.
    pub fn new(mut entries: Vec<(Position, CellValue)>) -> Cells {
        // Sheets list their cells in order: then this is one pass over them.
        if !entries.is_sorted_by(|a, b| a.0 < b.0) {
            entries.sort_by_key(|&(pos, _)| pos);
            let mut kept: Vec<(Position, CellValue)> = Vec::with_capacity(entries.len());
            for entry in entries {
                match kept.last_mut() {
                    Some(last) if last.0 == entry.0 => *last = entry,
                    _ => kept.push(entry),
                }
            }
            entries = kept;
        }
        let last_row = entries.last().map_or(0, |&((row, _), _)| row);
        let mut row_starts = Vec::with_capacity(last_row as usize + 2);
        let mut last_col = 0;
        for (i, &((row, col), _)) in entries.iter().enumerate() {
            while row_starts.len() <= row as usize {
                row_starts.push(i as u32);
            }
            last_col = last_col.max(col);
        }
        while row_starts.len() <= last_row as usize + 1 {
            row_starts.push(entries.len() as u32);
        }
        Cells {
            entries,
            row_starts,
            last_col,
        }
    }

    /// Where a row's cells stand in `entries` (empty past the last row).
    fn row_range(&self, row: u32) -> std::ops::Range<usize> {
        let row = row as usize;
        match (self.row_starts.get(row), self.row_starts.get(row + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        }
    }

    /// The cells of one row, in column order.
    pub fn row(&self, row: u32) -> &[(Position, CellValue)] {
        &self.entries[self.row_range(row)]
    }

    fn index(&self, pos: Position) -> Option<usize> {
        let range = self.row_range(pos.0);
        // Rows hold a few cells: a scan beats a binary search.
        self.entries[range.clone()]
            .iter()
            .position(|&((_, col), _)| col == pos.1)
            .map(|i| range.start + i)
    }

    /// The cell at a position, if it holds anything.
    pub fn get(&self, pos: Position) -> Option<&CellValue> {
        self.index(pos).map(|i| &self.entries[i].1)
    }

    /// The cell at a position, to change it.
    pub fn get_mut(&mut self, pos: Position) -> Option<&mut CellValue> {
        self.index(pos).map(|i| &mut self.entries[i].1)
    }

    /// Whether a position holds a cell.
    pub fn contains(&self, pos: Position) -> bool {
        self.index(pos).is_some()
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = &(Position, CellValue)> {
        self.entries.iter()
    }

    /// How many cells there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The last row holding a cell (0 when there are none).
    pub fn last_row(&self) -> u32 {
        self.entries.last().map_or(0, |&((row, _), _)| row)
    }

    /// The last column holding a cell (0 when there are none).
    pub fn last_col(&self) -> u32 {
        self.last_col
    }

    /// These cells with the given ones added where no cell stands (a cell already there
    /// keeps its value).
    pub fn with_missing(self, added: impl IntoIterator<Item = (Position, CellValue)>) -> Cells {
        let added: Vec<_> = added
            .into_iter()
            .filter(|&(pos, _)| !self.contains(pos))
            .collect();
        if added.is_empty() {
            return self;
        }
        let mut entries = self.entries;
        entries.extend(added);
        Cells::new(entries)
    }

    /// These cells without those at the given positions.
    pub fn without(self, removed: &[Position]) -> Cells {
        if removed.is_empty() {
            return self;
        }
        let mut entries = self.entries;
        entries.retain(|(pos, _)| removed.binary_search(pos).is_err());
        Cells::new(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_owned())
    }

    #[test]
    fn cells_in_any_order_are_found_by_position_and_row() {
        let cells = Cells::new(vec![
            ((5, 1), text("f")),
            ((0, 2), text("a")),
            ((5, 0), text("e")),
            ((2, 7), text("c")),
            ((0, 2), text("b")),
        ]);
        assert_eq!(cells.len(), 4);
        assert_eq!(cells.get((0, 2)), Some(&text("b")), "the last given kept");
        assert_eq!(cells.get((2, 7)), Some(&text("c")));
        assert_eq!(cells.get((2, 6)), None);
        assert_eq!(cells.get((3, 0)), None, "an empty row");
        assert_eq!(cells.get((9, 0)), None, "past the last row");
        assert_eq!(cells.get((u32::MAX, u32::MAX)), None);
        let row: Vec<_> = cells.row(5).iter().map(|(pos, _)| *pos).collect();
        assert_eq!(row, [(5, 0), (5, 1)]);
        assert!(cells.row(1).is_empty() && cells.row(6).is_empty());
        let all: Vec<_> = cells.iter().map(|(pos, _)| *pos).collect();
        assert_eq!(all, [(0, 2), (2, 7), (5, 0), (5, 1)]);
        assert_eq!((cells.last_row(), cells.last_col()), (5, 7));
    }

    #[test]
    fn cells_are_added_where_none_stands_and_removed() {
        let cells = Cells::new(vec![((1, 1), text("kept"))])
            .with_missing([((1, 1), text("not added")), ((0, 0), text("added"))]);
        assert_eq!(cells.get((1, 1)), Some(&text("kept")));
        assert_eq!(cells.get((0, 0)), Some(&text("added")));
        let cells = cells.without(&[(0, 0)]);
        assert_eq!(cells.len(), 1);
        assert!(!cells.contains((0, 0)) && cells.contains((1, 1)));
        assert!(Cells::default().get((0, 0)).is_none() && Cells::default().row(0).is_empty());
    }
}
