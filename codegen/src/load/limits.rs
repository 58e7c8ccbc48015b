//! The limits that bound the memory and time a hostile file can cost, in one place for
//! every format.

/// Refuse sheets that declare or hold more rows than this: the real table has about a
/// hundred.
pub const MAX_ROWS: u32 = 20_000;
/// Refuse sheets that declare or hold more columns than this.
pub const MAX_COLUMNS: u32 = 256;
/// Refuse sheets with more non-empty cells than this.
pub const MAX_CELLS: usize = 200_000;
/// Refuse a workbook with a part (a sheet, the shared strings, …) that inflates to more
/// than this: the 1.25 workbook's largest part is 42 KB.
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// Refuse a workbook whose parts inflate to more than this in all.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// Refuse a workbook with more parts than this.
pub const MAX_PARTS: usize = 10_000;
/// Refuse a sheet whose merged regions cover more cells than this, within its used rows
/// and columns: the 1.25 table's cover about 300.
pub const MAX_MERGED_CELLS: u64 = 1_000_000;

/// Whether a cell at this position is within [`MAX_ROWS`] and [`MAX_COLUMNS`]; what it
/// exceeds otherwise.
pub fn check_size(last_row: u32, last_col: u32) -> Result<(), String> {
    if last_row >= MAX_ROWS {
        Err(format!("more than {MAX_ROWS} rows"))
    } else if last_col >= MAX_COLUMNS {
        Err(format!("more than {MAX_COLUMNS} columns"))
    } else {
        Ok(())
    }
}
