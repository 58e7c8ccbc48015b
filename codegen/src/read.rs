//! Reading the table out of a workbook's sheets: finding the header, following merged
//! cells, parsing every cell and checking the whole.
//!
//! Every problem found is collected with the cell it concerns, so that one run reports
//! all of them.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use oqs_messages_table::parse::{self, quote, ParseError};
use oqs_messages_table::{CodeEntry, CodeNumber, Footnote, Row, Table, Version};

use crate::workbook::{cell_name, CellValue, Sheet};

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

/// Reads the table from a workbook's sheets, or every problem that prevents it.
pub fn read_table(sheets: &[Sheet]) -> Result<(Table, Title), Vec<Problem>> {
    let header = find_header(sheets).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let title = read_title(&header)
        .map_err(|problem| problems.push(problem))
        .ok();
    let (codes, footnotes) = TableReader::new(&header, &mut problems).read();
    match title {
        Some(title) if problems.is_empty() => Ok((
            Table {
                title: title.text.clone(),
                version: title.version.clone(),
                codes,
                footnotes,
            },
            title,
        )),
        _ => Err(problems),
    }
}

/// Only the title and its version: enough to pick the newest workbook in a folder.
pub fn read_title_only(sheets: &[Sheet]) -> Result<Title, Problem> {
    read_title(&find_header(sheets)?)
}

fn titles_list() -> String {
    Column::ALL
        .iter()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join(", ")
}

fn find_header(sheets: &[Sheet]) -> Result<Header<'_>, Problem> {
    // The partial header with the most titles, to explain what is missing.
    let mut best: Option<(&Sheet, u32, Vec<Column>)> = None;
    for sheet in sheets {
        let mut rows: BTreeMap<u32, Vec<(u32, &str)>> = BTreeMap::new();
        for (&(row, col), value) in &sheet.cells {
            if let CellValue::Text(text) = value {
                rows.entry(row).or_default().push((col, text));
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
                        return Err(Problem {
                            place: Some(cell_name(&sheet.name, (row, *second))),
                            message: format!(
                                "the header row has two columns titled {} (the first at {})",
                                column.title(),
                                cell_name(&sheet.name, (row, *first))
                            ),
                        });
                    }
                }
            }
            if let Some(columns) = columns.iter().copied().collect::<Option<Vec<u32>>>() {
                let columns = columns.try_into().unwrap_or([0; 8]);
                return Ok(Header {
                    sheet,
                    row,
                    columns,
                });
            }
            if found.len() >= 3 && best.as_ref().is_none_or(|(_, _, b)| found.len() > b.len()) {
                best = Some((sheet, row, found));
            }
        }
    }
    Err(match best {
        Some((sheet, row, found)) => {
            let missing: Vec<&str> = Column::ALL
                .iter()
                .filter(|c| !found.contains(c))
                .map(|c| c.title())
                .collect();
            let first_col = sheet
                .cells
                .range((row, 0)..(row + 1, 0))
                .next()
                .map_or(0, |(&(_, col), _)| col);
            Problem {
                place: Some(cell_name(&sheet.name, (row, first_col))),
                message: format!(
                    "the header row lacks the column{} {}; expected the eight titles {}",
                    if missing.len() > 1 { "s" } else { "" },
                    missing.join(", "),
                    titles_list()
                ),
            }
        }
        None => {
            let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
            Problem {
                place: None,
                message: format!(
                    "no sheet has a header row with the titles {} (sheets: {})",
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
    for (&pos, value) in sheet.cells.range(..(header.row, 0)) {
        if let CellValue::Text(text) = value {
            if let Some(version) = parse::title_version(text) {
                return Ok(Title {
                    text: text.clone(),
                    version,
                    cell: cell_name(&sheet.name, pos),
                });
            }
        }
    }
    Err(Problem {
        place: Some(cell_name(&sheet.name, (0, 0))),
        message: format!(
            "expected the title with its version above the header, like \
             …メッセージID別問い合わせ先一覧_1.25版, found {}",
            sheet
                .cells
                .range(..(header.row, 0))
                .find_map(|(_, v)| match v {
                    CellValue::Text(t) => Some(quote(t)),
                    _ => None,
                })
                .unwrap_or_else(|| "no text above the header".to_owned())
        ),
    })
}

/// Footnote citations to check once the footnotes are known: (cell, number), in document
/// order, each once (a merged cell is met once per row it covers).
#[derive(Default)]
struct Citations {
    list: Vec<(String, u8)>,
    seen: HashSet<(String, u8)>,
}

impl Citations {
    fn add(&mut self, cell: String, number: u8) {
        if self.seen.insert((cell.clone(), number)) {
            self.list.push((cell, number));
        }
    }
}

/// A code being read: its first row, and the rows read so far.
struct CodeInProgress {
    start_row: u32,
    /// `None` when the code cell could not be read: its rows are checked, not kept.
    entry: Option<CodeEntry>,
}

struct TableReader<'h, 'p> {
    header: &'h Header<'h>,
    problems: &'p mut Vec<Problem>,
    last_row: u32,
    /// Problems already reported: a merged cell shared by several rows is reported once.
    reported: HashSet<Problem>,
}

impl<'h, 'p> TableReader<'h, 'p> {
    fn new(header: &'h Header<'h>, problems: &'p mut Vec<Problem>) -> Self {
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
            last_row,
            reported: HashSet::new(),
        }
    }

    /// The cell whose value shows at (row, column): the top-left of its merge, or itself.
    fn origin(&self, row: u32, column: Column) -> (u32, u32) {
        self.header.sheet.origin((row, self.header.col(column)))
    }

    /// The value shown at (row, column), following merges.
    fn value(&self, row: u32, column: Column) -> Option<&'h CellValue> {
        self.header.sheet.cells.get(&self.origin(row, column))
    }

    /// The value shown at (row, column), only if the cell is not covered by a merge that
    /// starts above it (so that it begins something new).
    fn own_value(&self, row: u32, column: Column) -> Option<&'h CellValue> {
        let origin = self.origin(row, column);
        if origin.0 < row {
            None
        } else {
            self.header.sheet.cells.get(&origin)
        }
    }

    fn problem(&mut self, row: u32, column: Column, message: String) {
        let place = Some(cell_name(&self.header.sheet.name, self.origin(row, column)));
        let problem = Problem { place, message };
        if self.reported.insert(problem.clone()) {
            self.problems.push(problem);
        }
    }

    /// The text shown at (row, column); a problem if it is empty or not text.
    fn text(&mut self, row: u32, column: Column) -> Option<String> {
        match self.value(row, column) {
            Some(CellValue::Text(text)) => Some(text.clone()),
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
                self.problem(
                    row,
                    column,
                    format!("expected {}, found an empty cell", column.what()),
                );
                None
            }
        }
    }

    fn parse_error(&mut self, row: u32, column: Column, err: ParseError) {
        self.problem(row, column, err.to_string());
    }

    /// Whether anything shows in the row in the table's columns.
    fn row_is_empty(&self, row: u32) -> bool {
        Column::ALL.iter().all(|&c| self.value(row, c).is_none())
    }

    /// A footnote that begins the row: the row's first text, if it is a footnote.
    fn footnote_at(&self, row: u32) -> Option<((u32, u32), Footnote)> {
        let (&pos, value) = self
            .header
            .sheet
            .cells
            .range((row, 0)..(row + 1, 0))
            .next()?;
        match value {
            CellValue::Text(text) => parse::footnote(text).map(|note| (pos, note)),
            _ => None,
        }
    }

    fn read(mut self) -> (Vec<CodeEntry>, Vec<Footnote>) {
        let mut codes: Vec<CodeEntry> = Vec::new();
        let mut first_cell_of: BTreeMap<CodeNumber, String> = BTreeMap::new();
        let mut current: Option<CodeInProgress> = None;
        let mut footnotes: Vec<(String, Footnote)> = Vec::new();
        let mut citations = Citations::default();
        let mut in_footer = false;

        for row in self.header.row + 1..=self.last_row {
            if !in_footer
                && self.footnote_at(row).is_some()
                && self
                    .own_value(row, Column::Code)
                    .is_none_or(|v| !is_code_like(v))
            {
                in_footer = true;
            }
            if in_footer {
                self.read_footer_row(row, &mut footnotes);
                continue;
            }
            if self.row_is_empty(row) {
                continue;
            }
            if let Some(value) = self.own_value(row, Column::Code) {
                if let Some(done) = current.take() {
                    codes.extend(done.entry);
                }
                current = Some(self.start_code(row, value, &mut first_cell_of, &mut citations));
            } else if let Some(code) = &current {
                let start = code.start_row;
                self.check_continuation(row, start);
            } else {
                self.problem(
                    row,
                    Column::Code,
                    "this row has content but no code above it; expected a three-digit code \
                     in this cell or in a merged cell above"
                        .to_owned(),
                );
                // Keep the rows that follow from repeating the same complaint.
                current = Some(CodeInProgress {
                    start_row: row,
                    entry: None,
                });
            }
            let row_entry = self.read_row(row, &mut citations);
            if let (Some(code), Some(row_entry)) = (&mut current, row_entry) {
                if let Some(entry) = &mut code.entry {
                    entry.rows.push(row_entry);
                }
            }
        }
        if let Some(done) = current.take() {
            codes.extend(done.entry);
        }
        if codes.is_empty() && first_cell_of.is_empty() {
            self.problems.push(Problem {
                place: Some(cell_name(
                    &self.header.sheet.name,
                    (self.header.row + 1, self.header.col(Column::Code)),
                )),
                message: "expected the table's rows under the header, found none".to_owned(),
            });
        }

        let known: Vec<u8> = footnotes.iter().map(|(_, note)| note.number).collect();
        for (cell, number) in citations.list {
            if !known.contains(&number) {
                self.problems.push(Problem {
                    place: Some(cell),
                    message: format!(
                        "cites footnote ※{number}, but no footnote ※{number} stands under the table"
                    ),
                });
            }
        }
        (codes, footnotes.into_iter().map(|(_, note)| note).collect())
    }

    fn start_code(
        &mut self,
        row: u32,
        value: &CellValue,
        first_cell_of: &mut BTreeMap<CodeNumber, String>,
        citations: &mut Citations,
    ) -> CodeInProgress {
        let cell = self.header.cell(row, Column::Code);
        let number = match value {
            CellValue::Text(text) => parse::code_number(text).map_err(|err| err.to_string()),
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
                    start_row: row,
                    entry: None,
                };
            }
        };
        let mut keep = true;
        if let Some(first) = first_cell_of.get(&number) {
            self.problem(
                row,
                Column::Code,
                format!("code {number} appears a second time (first at {first}); expected each code once"),
            );
            keep = false;
        } else {
            first_cell_of.insert(number, cell);
        }
        let category = self.text(row, Column::Category).and_then(|text| {
            parse::category(&text)
                .map_err(|err| self.parse_error(row, Column::Category, err))
                .ok()
        });
        let message = self.text(row, Column::Message);
        let (Some(category), Some(message)) = (category, message) else {
            return CodeInProgress {
                start_row: row,
                entry: None,
            };
        };
        let mut footnotes = category.footnotes.clone();
        for &n in &category.footnotes {
            citations.add(self.header.cell(row, Column::Category), n);
        }
        for n in parse::citations(&message) {
            citations.add(self.header.cell(row, Column::Message), n);
            if !footnotes.contains(&n) {
                footnotes.push(n);
            }
        }
        CodeInProgress {
            start_row: row,
            entry: keep.then(|| CodeEntry {
                number,
                tags: category.tags,
                heading: category.heading,
                message,
                footnotes,
                rows: Vec::new(),
            }),
        }
    }

    /// A row that continues the code started at `start_row` must not begin a new category
    /// or message of its own.
    fn check_continuation(&mut self, row: u32, start_row: u32) {
        for column in [Column::Category, Column::Message] {
            let origin = self.origin(row, column);
            let owned = self.header.sheet.cells.contains_key(&origin) && origin.0 != start_row;
            if owned {
                let first = cell_name(
                    &self.header.sheet.name,
                    (start_row, self.header.col(column)),
                );
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

    fn read_row(&mut self, row: u32, citations: &mut Citations) -> Option<Row> {
        let kind = self.text(row, Column::Kind);
        let message_ids = match self.value(row, Column::MessageId) {
            Some(CellValue::Text(text)) => parse::message_ids(text)
                .map_err(|err| self.parse_error(row, Column::MessageId, err))
                .ok(),
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
                let cell = cell_name(&self.header.sheet.name, self.origin(row, column));
                citations.add(cell, n);
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

    fn read_footer_row(&mut self, row: u32, footnotes: &mut Vec<(String, Footnote)>) {
        let sheet = self.header.sheet;
        for (&pos, value) in sheet.cells.range((row, 0)..(row + 1, 0)) {
            // A value hidden inside a merge, not at its top-left, is not shown.
            if sheet.origin(pos) != pos {
                continue;
            }
            let cell = cell_name(&sheet.name, pos);
            let note = match value {
                CellValue::Text(text) => parse::footnote(text),
                _ => None,
            };
            match note {
                Some(note) => {
                    if let Some((first, _)) =
                        footnotes.iter().find(|(_, n)| n.number == note.number)
                    {
                        self.problems.push(Problem {
                            place: Some(cell),
                            message: format!(
                                "footnote ※{} appears a second time (first at {first})",
                                note.number
                            ),
                        });
                    } else if note.text.is_empty() {
                        self.problems.push(Problem {
                            place: Some(cell),
                            message: format!(
                                "expected the text of footnote {}, found none",
                                note.marker
                            ),
                        });
                    } else {
                        footnotes.push((cell, note));
                    }
                }
                None => {
                    let found = match value {
                        CellValue::Text(text) => quote(text),
                        CellValue::Number(n) => format!("the number {}", number_text(*n)),
                        CellValue::Other(what) => what.clone(),
                    };
                    self.problems.push(Problem {
                        place: Some(cell),
                        message: format!(
                            "under the table, expected only footnotes beginning with a marker such as ※１, found {found}"
                        ),
                    });
                }
            }
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
