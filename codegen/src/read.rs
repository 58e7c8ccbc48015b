//! Reading the table out of a workbook's sheets: finding the header, following merged
//! cells, parsing every cell and checking the whole.
//!
//! Every problem found is collected with the cell it concerns, so that one run reports
//! all of them.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use oqs_messages_table::parse::{self, quote, ParseError};
use oqs_messages_table::{CodeEntry, CodeNumber, Footnote, Row, Table, Version, Violation};

use crate::workbook::{cell_name, column_letters, CellValue, Sheet, Visibility};

/// A problem with the workbook, tied to a cell where there is one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The cell, e.g. `一覧!E14`, or the sheet alone.
    pub place: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{place}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The columns of the table, in the order the ministry publishes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// コード
    Code,
    /// エラー区分（見出し）
    Category,
    /// メッセージ内容
    Message,
    /// エラー種別（エラーの発生原因）
    Kind,
    /// メッセージID
    MessageId,
    /// 原因
    Cause,
    /// 対処(医療機関等ベンダーまたはシステム担当者向け）
    Remedy,
    /// 問合せ先
    Contact,
}

impl Column {
    /// Every column.
    pub const ALL: [Column; 8] = [
        Column::Code,
        Column::Category,
        Column::Message,
        Column::Kind,
        Column::MessageId,
        Column::Cause,
        Column::Remedy,
        Column::Contact,
    ];

    /// The title as published.
    pub fn title(self) -> &'static str {
        match self {
            Column::Code => "コード",
            Column::Category => "エラー区分（見出し）",
            Column::Message => "メッセージ内容",
            Column::Kind => "エラー種別（エラーの発生原因）",
            Column::MessageId => "メッセージID",
            Column::Cause => "原因",
            Column::Remedy => "対処(医療機関等ベンダーまたはシステム担当者向け）",
            Column::Contact => "問合せ先",
        }
    }

    /// Whether a header cell's text is this column's title. Titles are compared without
    /// blanks and line breaks, full-width letters folded; the long ones by their stem, so
    /// that `対処\n(医療機関等…)` is the remedy column.
    fn matches(self, text: &str) -> bool {
        let folded = fold_title(text);
        match self {
            Column::Code => folded == "コード",
            Column::Category => folded.starts_with("エラー区分"),
            Column::Message => folded == "メッセージ内容",
            Column::Kind => folded.starts_with("エラー種別"),
            Column::MessageId => folded == "メッセージID",
            Column::Cause => folded == "原因",
            Column::Remedy => folded.starts_with("対処"),
            Column::Contact => folded == "問合せ先" || folded == "問い合わせ先",
        }
    }

    /// What the column's cells hold, for error messages.
    fn what(self) -> &'static str {
        match self {
            Column::Code => "the code",
            Column::Category => "the category (tags and heading)",
            Column::Message => "the message",
            Column::Kind => "the error kind",
            Column::MessageId => "the message IDs (or - for none)",
            Column::Cause => "the cause",
            Column::Remedy => "the remedy",
            Column::Contact => "the contact (or - for none)",
        }
    }
}

fn fold_title(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width ASCII variants (Ａ, Ｉ, Ｄ, …) as ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Something in the workbook that the reader did not take as published text: a hidden
/// sheet, row or column, struck-through text, an identifier typed full-width, a header
/// repeated for printing. Listed in the summary and the revision report; `--strict`
/// refuses a workbook that has any.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Notice {
    /// The sheet, row, column or cell: `一覧`, `一覧!A14:H14`, `一覧!I:I`, `一覧!E14`.
    pub place: String,
    /// What was seen and what the reader did with it.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Where the header row is: the sheet, the row, and the column of each title.
struct Header<'a> {
    sheet: &'a Sheet,
    row: u32,
    columns: [u32; 8],
}

impl Header<'_> {
    fn col(&self, column: Column) -> u32 {
        self.columns[column as usize]
    }

    fn cell(&self, row: u32, column: Column) -> String {
        cell_name(&self.sheet.name, (row, self.col(column)))
    }

    /// The row across the table's columns, as Excel names a range: `一覧!A14:H14`.
    fn row_range(&self, row: u32) -> String {
        let first = self.columns.iter().min().copied().unwrap_or(0);
        let last = self.columns.iter().max().copied().unwrap_or(0);
        format!(
            "{}:{}{}",
            cell_name(&self.sheet.name, (row, first)),
            column_letters(last),
            row + 1
        )
    }
}

/// What was read from the title above the header.
pub struct Title {
    /// The title text.
    pub text: String,
    /// The version at its end.
    pub version: Version,
    /// The title's cell, e.g. `一覧!A1`.
    pub cell: String,
}

/// A table read from a workbook, with its title and what the reader did not take as
/// published text.
pub struct TableRead {
    /// The table.
    pub table: Table,
    /// The title and its cell.
    pub title: Title,
    /// Everything not read as published text, in sheet order.
    pub notices: Vec<Notice>,
}

/// Reads the table from a workbook's sheets, or every problem that prevents it.
pub fn read_table(sheets: &[Sheet]) -> Result<TableRead, Vec<Problem>> {
    let mut notices = Vec::new();
    let header = find_header(sheets, &mut notices).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let title = read_title(&header)
        .map_err(|problem| problems.push(problem))
        .ok();
    let title_text = title.as_ref().map(|t| t.text.clone());
    let (codes, footnotes) =
        TableReader::new(&header, &mut problems, &mut notices, title_text).read();
    match title {
        Some(title) if problems.is_empty() => Ok(TableRead {
            table: Table {
                title: title.text.clone(),
                version: title.version.clone(),
                codes,
                footnotes,
            },
            title,
            notices,
        }),
        _ => Err(problems),
    }
}

/// Only the title and its version: enough to pick the newest workbook in a folder.
pub fn read_title_only(sheets: &[Sheet]) -> Result<Title, Problem> {
    read_title(&find_header(sheets, &mut Vec::new())?)
}

fn titles_list() -> String {
    Column::ALL
        .iter()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The texts a person sees in a row: visible columns only, each cell where its value
/// stands (the top-left of a merge), in column order.
fn visible_texts(sheet: &Sheet, row: u32) -> Vec<(u32, &str)> {
    sheet
        .cells
        .range((row, 0)..(row + 1, 0))
        .filter(|(&pos, _)| !sheet.is_column_hidden(pos.1) && sheet.origin(pos) == pos)
        .filter_map(|(&(_, col), value)| match value {
            CellValue::Text(text) => Some((col, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The header of one sheet: the first visible row with the eight titles, or the partial
/// header with the most titles, or the problem of a title that appears twice.
enum SheetHeader {
    Found { row: u32, columns: [u32; 8] },
    Partial { row: u32, found: Vec<Column> },
    Twice(Problem),
    None,
}

fn sheet_header(sheet: &Sheet) -> SheetHeader {
    let mut best: Option<(u32, Vec<Column>)> = None;
    let mut rows: BTreeMap<u32, Vec<(u32, &str)>> = BTreeMap::new();
    for (&(row, col), value) in &sheet.cells {
        if let CellValue::Text(text) = value {
            if !sheet.is_row_hidden(row) && !sheet.is_column_hidden(col) {
                rows.entry(row).or_default().push((col, text));
            }
        }
    }
    for (row, cells) in rows {
        let mut columns = [None; 8];
        let mut found = Vec::new();
        for column in Column::ALL {
            let matching: Vec<u32> = cells
                .iter()
                .filter(|(_, text)| column.matches(text))
                .map(|(col, _)| *col)
                .collect();
            match matching.as_slice() {
                [] => {}
                [col] => {
                    columns[column as usize] = Some(*col);
                    found.push(column);
                }
                [first, second, ..] => {
                    return SheetHeader::Twice(Problem {
                        place: Some(cell_name(&sheet.name, (row, *second))),
                        message: format!(
                            "the header row has two visible columns titled {} (the first at {})",
                            column.title(),
                            cell_name(&sheet.name, (row, *first))
                        ),
                    });
                }
            }
        }
        if let Some(columns) = columns.iter().copied().collect::<Option<Vec<u32>>>() {
            let columns = columns.try_into().unwrap_or([0; 8]);
            return SheetHeader::Found { row, columns };
        }
        if found.len() >= 3 && best.as_ref().is_none_or(|(_, b)| found.len() > b.len()) {
            best = Some((row, found));
        }
    }
    match best {
        Some((row, found)) => SheetHeader::Partial { row, found },
        None => SheetHeader::None,
    }
}

fn find_header<'a>(sheets: &'a [Sheet], notices: &mut Vec<Notice>) -> Result<Header<'a>, Problem> {
    // The partial header with the most titles, to explain what is missing.
    let mut best: Option<(&Sheet, u32, Vec<Column>)> = None;
    let mut found: Option<Header<'a>> = None;
    let mut hidden_table: Option<&Sheet> = None;
    for sheet in sheets {
        let visible = sheet.visibility == Visibility::Visible;
        if !visible {
            notices.push(Notice {
                place: sheet.name.clone(),
                message: format!(
                    "the sheet is {}: not read",
                    if sheet.visibility == Visibility::Hidden {
                        "hidden"
                    } else {
                        "very hidden"
                    }
                ),
            });
        }
        match sheet_header(sheet) {
            SheetHeader::Found { row, columns } if visible => {
                if let Some(first) = &found {
                    return Err(Problem {
                        place: Some(cell_name(&sheet.name, (row, columns[0]))),
                        message: format!(
                            "a second visible sheet holds the table (the first is {}); expected the table on one sheet",
                            first.sheet.name
                        ),
                    });
                }
                found = Some(Header {
                    sheet,
                    row,
                    columns,
                });
            }
            SheetHeader::Found { .. } => {
                hidden_table.get_or_insert(sheet);
            }
            SheetHeader::Twice(problem) if visible => return Err(problem),
            SheetHeader::Partial { row, found }
                if visible && best.as_ref().is_none_or(|(_, _, b)| found.len() > b.len()) =>
            {
                best = Some((sheet, row, found));
            }
            _ => {}
        }
    }
    if let Some(header) = found {
        return Ok(header);
    }
    if let Some(sheet) = hidden_table {
        return Err(Problem {
            place: Some(sheet.name.clone()),
            message: "the only table is on this sheet, which is hidden: a hidden sheet is not published; \
                      expected the table on a visible sheet (unhide it in Excel if it is the table)"
                .to_owned(),
        });
    }
    Err(match best {
        Some((sheet, row, found)) => {
            let missing: Vec<&str> = Column::ALL
                .iter()
                .filter(|c| !found.contains(c))
                .map(|c| c.title())
                .collect();
            let first_col = visible_texts(sheet, row).first().map_or(0, |(col, _)| *col);
            Problem {
                place: Some(cell_name(&sheet.name, (row, first_col))),
                message: format!(
                    "the header row lacks the visible column{} {}; expected the eight titles {}",
                    if missing.len() > 1 { "s" } else { "" },
                    missing.join(", "),
                    titles_list()
                ),
            }
        }
        None => {
            let names: Vec<&str> = sheets
                .iter()
                .filter(|s| s.visibility == Visibility::Visible)
                .map(|s| s.name.as_str())
                .collect();
            Problem {
                place: None,
                message: format!(
                    "no visible sheet has a header row with the titles {} (visible sheets: {})",
                    titles_list(),
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            }
        }
    })
}

fn read_title(header: &Header<'_>) -> Result<Title, Problem> {
    let sheet = header.sheet;
    let mut first_text: Option<((u32, u32), &str)> = None;
    for row in (0..header.row).filter(|&row| !sheet.is_row_hidden(row)) {
        for (col, text) in visible_texts(sheet, row) {
            if let Some(version) = parse::title_version(text) {
                return Ok(Title {
                    text: text.to_owned(),
                    version,
                    cell: cell_name(&sheet.name, (row, col)),
                });
            }
            first_text.get_or_insert(((row, col), text));
        }
    }
    let (place, found) = match first_text {
        Some((pos, text)) => (pos, quote(text)),
        None => (
            (header.row, header.col(Column::Code)),
            "no text above the header".to_owned(),
        ),
    };
    Err(Problem {
        place: Some(cell_name(&sheet.name, place)),
        message: format!(
            "expected the title with its version above the header, like \
             …メッセージID別問い合わせ先一覧_1.25版, found {found}"
        ),
    })
}

/// Where each footnote citation stands, by its place in the model (code, row or `None`
/// for the code's own cells, number): the cells to name when the model's rules find the
/// footnote missing. A merged cell met once per row it covers is named once.
#[derive(Default)]
struct Citations {
    cells: BTreeMap<(usize, Option<usize>, u8), Vec<String>>,
}

impl Citations {
    fn add(&mut self, at: (usize, Option<usize>), cell: String, number: u8) {
        let cells = self.cells.entry((at.0, at.1, number)).or_default();
        if !cells.contains(&cell) {
            cells.push(cell);
        }
    }
}

/// Where the parts of the table read so far stand in the sheet, to name the cells when the
/// model's rules ([`Table::violations`]) find one broken.
#[derive(Default)]
struct Places {
    /// The code cell of each code kept, in the model's order.
    codes: Vec<String>,
    /// The cell of each footnote, in the model's order.
    footnotes: Vec<String>,
    citations: Citations,
}

/// A code being read: the cell its number stands in, and the rows read so far.
struct CodeInProgress {
    /// The cell of the code (the top-left of its merge).
    origin: (u32, u32),
    /// `None` when the code cell could not be read: its rows are checked, not kept.
    entry: Option<CodeEntry>,
}

impl CodeInProgress {
    /// Keeps the code's entry, if it was read, with where it stands.
    fn finish(self, sheet: &str, codes: &mut Vec<CodeEntry>, places: &mut Places) {
        if let Some(entry) = self.entry {
            places.codes.push(cell_name(sheet, self.origin));
            codes.push(entry);
        }
    }
}

/// What the footer holds so far: the footnotes, and whether 「以上」 closed the document.
#[derive(Default)]
struct Footer {
    notes: Vec<(String, Footnote)>,
    closed: bool,
    /// The column of the last footnote's text when its marker stands in a cell of its own.
    text_column: Option<u32>,
}

struct TableReader<'h, 'p> {
    header: &'h Header<'h>,
    problems: &'p mut Vec<Problem>,
    notices: &'p mut Vec<Notice>,
    title: Option<String>,
    last_row: u32,
    /// Problems already reported: a merged cell shared by several rows is reported once.
    reported: HashSet<Problem>,
}

/// Whether a text is 「以上」, which closes a Japanese document.
fn is_closing(text: &str) -> bool {
    text.trim_matches(char::is_whitespace) == "以上"
}

/// Whether a header cell's text is a sub-title under a column title, such as
/// `(医療機関等ベンダーまたはシステム担当者向け）`.
fn is_subtitle(text: &str) -> bool {
    let text = text.trim_matches(char::is_whitespace);
    (text.starts_with('(') || text.starts_with('（'))
        && (text.ends_with(')') || text.ends_with('）'))
}

impl<'h, 'p> TableReader<'h, 'p> {
    fn new(
        header: &'h Header<'h>,
        problems: &'p mut Vec<Problem>,
        notices: &'p mut Vec<Notice>,
        title: Option<String>,
    ) -> Self {
        let last_row = header
            .sheet
            .cells
            .keys()
            .map(|&(row, _)| row)
            .max()
            .unwrap_or(header.row)
            .max(header.row);
        TableReader {
            header,
            problems,
            notices,
            title,
            last_row,
            reported: HashSet::new(),
        }
    }

    fn sheet(&self) -> &'h Sheet {
        self.header.sheet
    }

    fn notice(&mut self, place: String, message: String) {
        self.notices.push(Notice { place, message });
    }

    /// The cell whose value shows at (row, column): the top-left of its merge, or itself.
    fn origin(&self, row: u32, column: Column) -> (u32, u32) {
        self.sheet().origin((row, self.header.col(column)))
    }

    /// The value shown at (row, column), following merges.
    fn value(&self, row: u32, column: Column) -> Option<&'h CellValue> {
        self.sheet().cells.get(&self.origin(row, column))
    }

    fn problem(&mut self, row: u32, column: Column, message: String) {
        let place = Some(cell_name(&self.sheet().name, self.origin(row, column)));
        self.problem_at(place, message);
    }

    fn problem_at(&mut self, place: Option<String>, message: String) {
        let problem = Problem { place, message };
        if self.reported.insert(problem.clone()) {
            self.problems.push(problem);
        }
    }

    /// What a struck-through cell held, for a message about the empty cell it leaves.
    fn struck_note(&self, row: u32, column: Column) -> String {
        match self.sheet().struck.get(&self.origin(row, column)) {
            Some(struck) if struck.whole => format!(
                " (everything in it, {}, is struck through, and struck-through text is not published)",
                quote(&struck.text)
            ),
            _ => String::new(),
        }
    }

    /// Reports a text with invisible controls that change its direction: almost always a
    /// mistake or an attack. It is kept as published (escaped in the generated Rust).
    fn check_controls(&mut self, row: u32, column: Column, text: &str) {
        let found: Vec<String> = text
            .chars()
            .filter(|&c| crate::render::is_bidi_control(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        if found.is_empty() {
            return;
        }
        let notice = Notice {
            place: cell_name(&self.sheet().name, self.origin(row, column)),
            message: format!(
                "holds invisible controls that change the direction of text ({}); kept as published in table.json, escaped in the generated Rust",
                found.join(", ")
            ),
        };
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// The text shown at (row, column); a problem if it is empty or not text.
    fn text(&mut self, row: u32, column: Column) -> Option<String> {
        match self.value(row, column) {
            Some(CellValue::Text(text)) => {
                self.check_controls(row, column, text);
                Some(text.clone())
            }
            Some(CellValue::Number(n)) => Some(number_text(*n)),
            Some(CellValue::Other(what)) => {
                self.problem(
                    row,
                    column,
                    format!("expected {} as text, found {what}", column.what()),
                );
                None
            }
            None => {
                let note = self.struck_note(row, column);
                self.problem(
                    row,
                    column,
                    format!("expected {}, found an empty cell{note}", column.what()),
                );
                None
            }
        }
    }

    /// An identifier cell's text with full-width letters and digits folded, reported.
    fn identifier(&mut self, row: u32, column: Column, text: &str) -> String {
        match parse::fold_identifier(text) {
            Some(folded) => {
                let place = cell_name(&self.sheet().name, self.origin(row, column));
                let notice = Notice {
                    place,
                    message: format!(
                        "{} typed with full-width characters, {}, read as {}",
                        column.what().trim_start_matches("the "),
                        quote(text),
                        quote(&folded)
                    ),
                };
                if !self.notices.contains(&notice) {
                    self.notices.push(notice);
                }
                folded
            }
            None => text.to_owned(),
        }
    }

    fn parse_error(&mut self, row: u32, column: Column, err: ParseError) {
        self.problem(row, column, err.to_string());
    }

    /// Whether anything shows in the row in the table's columns.
    fn row_is_empty(&self, row: u32) -> bool {
        Column::ALL.iter().all(|&c| self.value(row, c).is_none())
    }

    /// Whether the row's own cells (those not merged with other rows) are empty after
    /// struck-through text was taken out, and some were struck through: a row struck out.
    fn is_struck_out(&self, row: u32) -> bool {
        let sheet = self.sheet();
        let own = |column: Column| {
            let origin = self.origin(row, column);
            let single_row = sheet
                .merge_at(origin)
                .is_none_or(|m| m.start.0 == row && m.end.0 == row);
            (origin.0 == row && single_row).then_some(origin)
        };
        let mut any_struck = false;
        for column in Column::ALL {
            if let Some(origin) = own(column) {
                if sheet.cells.contains_key(&origin) {
                    return false;
                }
                any_struck |= sheet.struck.contains_key(&origin);
            }
        }
        any_struck
    }

    /// The first text of a visible row, if the row begins the footer: a footnote (`※１ …`
    /// or the marker alone, its text in the next cell) or 「以上」.
    fn begins_footer(&self, row: u32) -> bool {
        let texts = visible_texts(self.sheet(), row);
        let Some((_, first)) = texts.first() else {
            return false;
        };
        if is_closing(first) && texts.len() == 1 {
            return true;
        }
        parse::footnote(first).is_some()
            && self
                .value(row, Column::Code)
                .filter(|_| self.origin(row, Column::Code).0 == row)
                .is_none_or(|v| !is_code_like(v))
    }

    /// A row that repeats the title: its only text is a title with a version.
    fn repeats_title(&mut self, row: u32) -> bool {
        let texts = visible_texts(self.sheet(), row);
        let [(col, text)] = texts.as_slice() else {
            return false;
        };
        let Some(version) = parse::title_version(text) else {
            return false;
        };
        let place = cell_name(&self.sheet().name, (row, *col));
        if self.title.as_deref() == Some(*text) {
            self.notice(
                place,
                "the title repeated (laid out for printing): skipped".to_owned(),
            );
        } else {
            self.problem_at(
                Some(place),
                format!(
                    "a second title, for version {version}, inside the table; expected one table on the sheet, under one title"
                ),
            );
        }
        true
    }

    /// Whether a row repeats the header: every text in it is the title of the table's
    /// column it stands in, and at least half the titles are there.
    fn repeats_header(&self, row: u32) -> bool {
        let texts = visible_texts(self.sheet(), row);
        let matched = texts
            .iter()
            .filter(|(col, text)| {
                Column::ALL
                    .iter()
                    .any(|&c| self.header.col(c) == *col && c.matches(text))
            })
            .count();
        matched >= 4 && matched == texts.len()
    }

    /// The last row of a header block that starts at `row`: titles merged down over
    /// several rows, and rows that only hold sub-titles under the titles.
    fn header_block_end(&self, row: u32) -> u32 {
        let sheet = self.sheet();
        let mut end = row;
        for column in Column::ALL {
            let origin = self.origin(row, column);
            if let Some(merge) = sheet.merge_at(origin).filter(|_| origin.0 == row) {
                end = end.max(merge.end.0);
            }
        }
        while end < self.last_row {
            let next = end + 1;
            let texts = visible_texts(sheet, next);
            let only_subtitles = !texts.is_empty()
                && texts
                    .iter()
                    .all(|(col, text)| is_subtitle(text) && self.header.columns.contains(col));
            if !only_subtitles {
                break;
            }
            end = next;
        }
        end
    }

    fn read(mut self) -> (Vec<CodeEntry>, Vec<Footnote>) {
        let mut codes: Vec<CodeEntry> = Vec::new();
        let mut places = Places::default();
        let mut saw_code = false;
        let mut current: Option<CodeInProgress> = None;
        let mut footer = Footer::default();
        let sheet_name = self.sheet().name.clone();
        let mut in_footer = false;
        // Set when a hidden row held a code of its own: the rows under it must not be
        // read as part of the code above.
        let mut after_hidden_code = false;

        let mut row = self.header_block_end(self.header.row);
        while row < self.last_row {
            row += 1;
            if self.sheet().is_row_hidden(row) {
                self.hidden_row(row, &mut after_hidden_code);
                continue;
            }
            if !in_footer && self.begins_footer(row) {
                in_footer = true;
            }
            if in_footer {
                self.read_footer_row(row, &mut footer);
                continue;
            }
            if self.is_struck_out(row) {
                let place = self.header.row_range(row);
                self.notice(
                    place,
                    "the row is struck through (見え消し): not read".to_owned(),
                );
                continue;
            }
            if self.row_is_empty(row) {
                continue;
            }
            if self.repeats_title(row) {
                continue;
            }
            if self.repeats_header(row) {
                let end = self.header_block_end(row);
                let place = self.header.row_range(row);
                self.notice(
                    place,
                    format!(
                        "the header repeated (laid out for printing){}: skipped",
                        if end > row {
                            format!(", through row {}", end + 1)
                        } else {
                            String::new()
                        }
                    ),
                );
                row = end;
                continue;
            }
            let code_origin = self.origin(row, Column::Code);
            let code_value = self.sheet().cells.get(&code_origin);
            let continues = current.as_ref().is_some_and(|c| c.origin == code_origin);
            match code_value {
                Some(value) if !continues => {
                    if let Some(done) = current.take() {
                        done.finish(&sheet_name, &mut codes, &mut places);
                    }
                    after_hidden_code = false;
                    saw_code = true;
                    current = Some(self.start_code(
                        row,
                        code_origin,
                        value,
                        codes.len(),
                        &mut places.citations,
                    ));
                }
                Some(_) => {
                    let start = code_origin.0;
                    self.check_continuation(row, start);
                }
                None if after_hidden_code => {
                    self.problem(
                        row,
                        Column::Code,
                        "this row has no code, and the row above it that holds a code is hidden; \
                         expected the code in this row (or unhide the row if it is published)"
                            .to_owned(),
                    );
                    current = Some(CodeInProgress {
                        origin: code_origin,
                        entry: None,
                    });
                    after_hidden_code = false;
                }
                None if self
                    .sheet()
                    .struck
                    .get(&code_origin)
                    .is_some_and(|s| s.whole) =>
                {
                    let struck = self
                        .sheet()
                        .struck
                        .get(&code_origin)
                        .map(|s| quote(&s.text));
                    self.problem(
                        row,
                        Column::Code,
                        format!(
                            "the code {} is struck through (見え消し) but its row is not; expected the \
                             whole row struck through (withdrawn) or the code not struck",
                            struck.unwrap_or_default()
                        ),
                    );
                    current = Some(CodeInProgress {
                        origin: code_origin,
                        entry: None,
                    });
                }
                None => match &current {
                    Some(code) => {
                        let start = code.origin.0;
                        self.check_continuation(row, start);
                    }
                    None => {
                        self.problem(
                            row,
                            Column::Code,
                            "this row has content but no code above it; expected a three-digit code \
                             in this cell or in a merged cell above"
                                .to_owned(),
                        );
                        // Keep the rows that follow from repeating the same complaint.
                        current = Some(CodeInProgress {
                            origin: code_origin,
                            entry: None,
                        });
                    }
                },
            }
            // Where this row will stand in the model, if its code is kept.
            let at = current
                .as_ref()
                .and_then(|c| c.entry.as_ref())
                .map(|entry| (codes.len(), Some(entry.rows.len())));
            let row_entry = self.read_row(row, at, &mut places.citations);
            if let (Some(code), Some(row_entry)) = (&mut current, row_entry) {
                if let Some(entry) = &mut code.entry {
                    entry.rows.push(row_entry);
                }
            }
        }
        if let Some(done) = current.take() {
            done.finish(&sheet_name, &mut codes, &mut places);
        }
        if !saw_code {
            self.problems.push(Problem {
                place: Some(cell_name(
                    &self.sheet().name,
                    (self.header.row + 1, self.header.col(Column::Code)),
                )),
                message: "expected the table's rows under the header, found none".to_owned(),
            });
        }
        self.struck_notices();
        self.hidden_column_notices();
        let (cells, notes): (Vec<String>, Vec<Footnote>) = footer.notes.into_iter().unzip();
        places.footnotes = cells;
        self.violations(&codes, &notes, &places);
        (codes, notes)
    }

    /// The table's rules, checked by the model (the same rules `message_table!` checks),
    /// each broken one reported at the cell where it is.
    fn violations(&mut self, codes: &[CodeEntry], notes: &[Footnote], places: &Places) {
        let cell = |list: &[String], i: usize| list.get(i).cloned();
        for violation in Table::violations_of(codes, notes) {
            let number = |i: usize| codes.get(i).map_or(0, |c| c.number.get());
            match violation {
                Violation::DuplicateCode { first, again } => self.problem_at(
                    cell(&places.codes, again),
                    format!(
                        "code {:03} appears a second time (first at {}); expected each code once",
                        number(again),
                        cell(&places.codes, first).unwrap_or_default()
                    ),
                ),
                // A code's first row is its own: it has none only when that row could not
                // be read, which is reported at its cells already.
                Violation::CodeWithoutRows { .. } => {}
                Violation::MissingFootnote { code, row, number } => {
                    let citing = places
                        .citations
                        .cells
                        .get(&(code, row, number))
                        .cloned()
                        .unwrap_or_default();
                    for place in citing {
                        self.problem_at(
                            Some(place),
                            format!(
                                "cites footnote ※{number}, but no footnote ※{number} stands under the table"
                            ),
                        );
                    }
                }
                Violation::DuplicateFootnote { first, again } => self.problem_at(
                    cell(&places.footnotes, again),
                    format!(
                        "footnote ※{} appears a second time (first at {})",
                        notes.get(again).map_or(0, |n| n.number),
                        cell(&places.footnotes, first).unwrap_or_default()
                    ),
                ),
                // The cell parsers refuse these before a row is kept; named by the code.
                Violation::ReversedRange { code, .. } | Violation::RepeatedId { code, .. } => {
                    self.problem_at(cell(&places.codes, code), violation.describe(codes, notes));
                }
            }
        }
    }

    /// A hidden row is not published: it is skipped and reported when it holds anything.
    fn hidden_row(&mut self, row: u32, after_hidden_code: &mut bool) {
        let texts = visible_texts(self.sheet(), row);
        let Some((_, first)) = texts.first() else {
            return;
        };
        let code_origin = self.origin(row, Column::Code);
        if code_origin.0 == row && self.sheet().cells.contains_key(&code_origin) {
            // A merged code cell that starts here still shows on the visible rows it
            // covers; a code cell of this row alone does not.
            let spans_down = self
                .sheet()
                .merge_at(code_origin)
                .is_some_and(|m| m.end.0 > row);
            *after_hidden_code = !spans_down;
        }
        let place = self.header.row_range(row);
        let message = format!("the row is hidden: not read (it holds {})", quote(first));
        self.notice(place, message);
    }

    /// Every cell of the table's sheet where struck-through text was taken out.
    fn struck_notices(&mut self) {
        let sheet = self.sheet();
        for (&pos, struck) in &sheet.struck {
            let message = if struck.whole {
                format!(
                    "struck through (見え消し): {} not read",
                    quote(&struck.text)
                )
            } else {
                format!(
                    "struck-through text (見え消し) {} taken out; the rest read",
                    quote(&struck.text)
                )
            };
            self.notices.push(Notice {
                place: cell_name(&sheet.name, pos),
                message,
            });
        }
    }

    /// Every hidden column of the table's sheet that holds something.
    fn hidden_column_notices(&mut self) {
        let sheet = self.sheet();
        for &col in &sheet.hidden_columns {
            let first =
                sheet
                    .cells
                    .iter()
                    .find(|(&(_, c), _)| c == col)
                    .and_then(|(_, v)| match v {
                        CellValue::Text(text) => Some(quote(text)),
                        _ => None,
                    });
            if let Some(first) = first {
                let letters = column_letters(col);
                self.notices.push(Notice {
                    place: format!(
                        "{}:{letters}",
                        cell_name(&sheet.name, (0, col)).trim_end_matches('1')
                    ),
                    message: format!("the column is hidden: not read (it holds {first})"),
                });
            }
        }
    }

    fn start_code(
        &mut self,
        row: u32,
        origin: (u32, u32),
        value: &CellValue,
        index: usize,
        citations: &mut Citations,
    ) -> CodeInProgress {
        let number = match value {
            CellValue::Text(text) => {
                let text = self.identifier(row, Column::Code, text);
                parse::code_number(&text).map_err(|err| err.to_string())
            }
            CellValue::Number(n) => number_code(*n).ok_or_else(|| {
                format!(
                    "expected a three-digit code such as 001 (or the number 1 shown as 001), found the number {}",
                    number_text(*n)
                )
            }),
            CellValue::Other(what) => Err(format!("expected a three-digit code, found {what}")),
        };
        let number = match number {
            Ok(number) => number,
            Err(message) => {
                self.problem(row, Column::Code, message);
                return CodeInProgress {
                    origin,
                    entry: None,
                };
            }
        };
        self.check_horizontal_merges(row);
        let category = self.text(row, Column::Category).and_then(|text| {
            parse::category(&text)
                .map_err(|err| self.parse_error(row, Column::Category, err))
                .ok()
        });
        let message = self.text(row, Column::Message);
        let (Some(category), Some(message)) = (category, message) else {
            return CodeInProgress {
                origin,
                entry: None,
            };
        };
        let category_cell = cell_name(&self.sheet().name, self.origin(row, Column::Category));
        let message_cell = cell_name(&self.sheet().name, self.origin(row, Column::Message));
        let mut footnotes = category.footnotes.clone();
        for &n in &category.footnotes {
            citations.add((index, None), category_cell.clone(), n);
        }
        for n in parse::citations(&message) {
            citations.add((index, None), message_cell.clone(), n);
            if !footnotes.contains(&n) {
                footnotes.push(n);
            }
        }
        CodeInProgress {
            origin,
            entry: Some(CodeEntry {
                number,
                tags: category.tags,
                heading: category.heading,
                message,
                footnotes,
                rows: Vec::new(),
            }),
        }
    }

    /// A merged region across two of the table's columns would give one column's text to
    /// another: refused, naming the region.
    fn check_horizontal_merges(&mut self, row: u32) {
        let sheet = self.sheet();
        for column in Column::ALL {
            let origin = self.origin(row, column);
            let Some(merge) = sheet.merge_at(origin) else {
                continue;
            };
            let spanned: Vec<&str> = Column::ALL
                .iter()
                .filter(|&&c| (merge.start.1..=merge.end.1).contains(&self.header.col(c)))
                .map(|c| c.title())
                .collect();
            if spanned.len() >= 2 {
                let place = format!(
                    "{}:{}{}",
                    cell_name(&sheet.name, merge.start),
                    column_letters(merge.end.1),
                    merge.end.0 + 1
                );
                self.problem_at(
                    Some(place),
                    format!(
                        "one merged cell spans the columns {}; expected each of the table's columns in cells of its own",
                        spanned.join(" and ")
                    ),
                );
            }
        }
    }

    /// A row that continues the code started at `start_row` must not begin a new category
    /// or message of its own.
    fn check_continuation(&mut self, row: u32, start_row: u32) {
        for column in [Column::Category, Column::Message] {
            let origin = self.origin(row, column);
            let owned = self.sheet().cells.contains_key(&origin) && origin.0 != start_row;
            if owned {
                let first = cell_name(&self.sheet().name, (start_row, self.header.col(column)));
                self.problem(
                    row,
                    column,
                    format!(
                        "expected this cell empty or merged with {first}: {} belongs to the code's first row, \
                         and this row has no code of its own in {}",
                        column.what(),
                        self.header.cell(row, Column::Code),
                    ),
                );
            }
        }
    }

    /// Reads a row; `at` is where it will stand in the model (code, row), if it is kept.
    fn read_row(
        &mut self,
        row: u32,
        at: Option<(usize, Option<usize>)>,
        citations: &mut Citations,
    ) -> Option<Row> {
        self.check_horizontal_merges(row);
        let kind = self.text(row, Column::Kind);
        let message_ids = match self.value(row, Column::MessageId) {
            Some(CellValue::Text(text)) => {
                let text = self.identifier(row, Column::MessageId, text);
                parse::message_ids(&text)
                    .map_err(|err| self.parse_error(row, Column::MessageId, err))
                    .ok()
            }
            Some(CellValue::Number(n)) => {
                let found = number_text(*n);
                self.problem(
                    row,
                    Column::MessageId,
                    format!(
                        "expected message IDs written in hex such as 0x03000001, found the number {found}"
                    ),
                );
                None
            }
            _ => {
                self.text(row, Column::MessageId);
                None
            }
        };
        let cause = self.text(row, Column::Cause);
        let remedy = self.text(row, Column::Remedy);
        let contact = self.text(row, Column::Contact);
        let (kind, message_ids, cause, remedy, contact) =
            (kind?, message_ids?, cause?, remedy?, contact?);
        let mut footnotes = Vec::new();
        for (column, text) in [
            (Column::Cause, &cause),
            (Column::Remedy, &remedy),
            (Column::Contact, &contact),
        ] {
            for n in parse::citations(text) {
                let cell = cell_name(&self.sheet().name, self.origin(row, column));
                if let Some(at) = at {
                    citations.add(at, cell, n);
                }
                if !footnotes.contains(&n) {
                    footnotes.push(n);
                }
            }
        }
        Some(Row {
            details: parse::details(&cause),
            kind,
            message_ids,
            cause,
            remedy,
            contact,
            footnotes,
        })
    }

    /// A row under the table: a footnote (`※１ text`, or the marker in one cell and its
    /// text in the next), a further line of the footnote above, or 「以上」.
    fn read_footer_row(&mut self, row: u32, footer: &mut Footer) {
        let sheet = self.sheet();
        let cells: Vec<((u32, u32), &CellValue)> = sheet
            .cells
            .range((row, 0)..(row + 1, 0))
            .filter(|(&pos, _)| !sheet.is_column_hidden(pos.1) && sheet.origin(pos) == pos)
            .map(|(&pos, value)| (pos, value))
            .collect();
        let Some(&(first_pos, first_value)) = cells.first() else {
            return;
        };
        let cell = cell_name(&sheet.name, first_pos);
        let texts: Vec<&str> = cells
            .iter()
            .filter_map(|(_, v)| match v {
                CellValue::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let found = |value: &CellValue| match value {
            CellValue::Text(text) => quote(text),
            CellValue::Number(n) => format!("the number {}", number_text(*n)),
            CellValue::Other(what) => what.clone(),
        };
        if footer.closed {
            self.problems.push(Problem {
                place: Some(cell),
                message: format!(
                    "expected nothing after 以上, which closes the document, found {}",
                    found(first_value)
                ),
            });
            return;
        }
        if texts.len() == cells.len() && texts.len() == 1 && is_closing(texts[0]) {
            footer.closed = true;
            return;
        }
        let note = match first_value {
            CellValue::Text(text) => parse::footnote(text),
            _ => None,
        };
        match note {
            Some(mut note) => {
                footer.text_column = None;
                if note.text.is_empty() && texts.len() > 1 {
                    // The marker in its own cell, the text in the cells after it.
                    footer.text_column = cells.get(1).map(|(pos, _)| pos.1);
                    note.text = texts[1..]
                        .iter()
                        .map(|t| t.trim_matches(char::is_whitespace))
                        .collect::<Vec<_>>()
                        .join("\n");
                }
                if note.text.is_empty() {
                    self.problems.push(Problem {
                        place: Some(cell),
                        message: format!(
                            "expected the text of footnote {}, found none",
                            note.marker
                        ),
                    });
                } else {
                    footer.notes.push((cell, note));
                }
            }
            None => match footer.notes.last_mut() {
                // A further line of the footnote above, in a row of its own: indented, or
                // in the column of the footnote's text.
                Some((_, last))
                    if texts.len() == cells.len()
                        && (texts[0].starts_with(char::is_whitespace)
                            || footer.text_column == Some(first_pos.1)) =>
                {
                    for text in texts {
                        last.text.push('\n');
                        last.text.push_str(text.trim_matches(char::is_whitespace));
                    }
                }
                _ => {
                    self.problems.push(Problem {
                        place: Some(cell),
                        message: format!(
                            "under the table, expected only footnotes beginning with a marker such as ※１, found {}",
                            found(first_value)
                        ),
                    });
                }
            },
        }
    }
}

fn is_code_like(value: &CellValue) -> bool {
    match value {
        CellValue::Text(text) => parse::code_number(text).is_ok(),
        CellValue::Number(n) => number_code(*n).is_some(),
        CellValue::Other(_) => false,
    }
}

/// A code stored as a number (1 shown as `001` by the number format "000").
fn number_code(n: f64) -> Option<CodeNumber> {
    if n.fract() == 0.0 && (0.0..=f64::from(CodeNumber::MAX)).contains(&n) {
        CodeNumber::new(n as u16)
    } else {
        None
    }
}

/// A number as Excel would show it without a format: `3` rather than `3.0`.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
