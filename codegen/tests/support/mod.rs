//! Workbooks built on the fly with rust_xlsxwriter, laid out like the ministry's: a title
//! row, the header, codes whose cells are merged over their rows, footnotes below.
#![allow(dead_code)]

pub mod archives;

use std::fs;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// A cell to write: text, or a number with a number format.
#[derive(Clone, Debug)]
pub enum Cell {
    Text(String),
    Number(f64, &'static str),
}

/// One worksheet: a grid of cells (None is empty) and merged regions, and what people do
/// to a sheet in Excel: hide it, hide rows and columns, strike text through, filter.
#[derive(Clone, Debug, Default)]
pub struct SheetSpec {
    pub name: String,
    pub rows: Vec<Vec<Option<Cell>>>,
    /// (first row, first col, last row, last col), 0-based inclusive.
    pub merges: Vec<(u32, u16, u32, u16)>,
    pub visibility: SheetVisibility,
    pub hidden_rows: Vec<u32>,
    pub hidden_columns: Vec<u16>,
    /// Cells whose font is struck through (the whole cell).
    pub struck_cells: Vec<(u32, u16)>,
    /// Cells written as rich strings: runs of (struck through, text).
    pub rich: Vec<RichCell>,
    /// An autofilter over (first row, first col, last row, last col) showing only the rows
    /// whose cell in the column holds the value: Excel hides the others.
    pub filter: Option<Filter>,
    pub page_breaks: Vec<u32>,
}

/// A cell and its runs of (struck through, text).
pub type RichCell = ((u32, u16), Vec<(bool, String)>);

/// An autofilter's range (first row, first col, last row, last col), the filtered column
/// and the value shown.
pub type Filter = ((u32, u16, u32, u16), u16, String);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SheetVisibility {
    #[default]
    Visible,
    Hidden,
    VeryHidden,
}

pub const HEADER: [&str; 8] = [
    "コード",
    "エラー区分（見出し）",
    "メッセージ内容",
    "エラー種別（エラーの発生原因）",
    "メッセージID",
    "原因",
    "対処\n(医療機関等ベンダーまたはシステム担当者向け）",
    "問合せ先",
];

impl SheetSpec {
    /// A small valid table in the 1.25 layout, on sheet `一覧`:
    ///
    /// - row 1 title, row 2 header;
    /// - 001 over rows 3–4 (code, category, message, contact merged), citing ※1;
    /// - 901 over rows 5–7, kind and IDs merged over rows 5–6, two IDs in one cell;
    /// - 900 on row 8 with a range split over two lines;
    /// - 101 on row 9 without an ID;
    /// - row 10 empty, footnote ※１ on row 11.
    pub fn valid(version: &str) -> SheetSpec {
        let t = |s: &str| Some(Cell::Text(s.to_owned()));
        let mut rows = vec![vec![None; 8]; 11];
        rows[0][0] = t(&format!(
            "テスト用メッセージID別問い合わせ先一覧_{version}版"
        ));
        for (col, title) in HEADER.iter().enumerate() {
            rows[1][col] = t(title);
        }
        rows[2] = vec![
            t("001"),
            t("【手順誤り】\nマイナンバーカードの認識不可"),
            t("患者はカードを置いてください。【001：マイナンバーカードの認識不可】"),
            t("カードアクセスでエラーが発生した"),
            t("0x03000001"),
            t("・カードのアクセスが正常に行えない"),
            t("・カードを正しく置く\n・※1"),
            t("顔認証付きカードリーダーベンダー"),
        ];
        rows[3] = vec![
            None,
            None,
            None,
            t("カードが見つからない"),
            t("0x03000002"),
            t("・カードが置かれていない"),
            t("・カードを置く"),
            None,
        ];
        rows[4] = vec![
            t("901"),
            t("【オンライン資格確認等システム】\n【障害】\nシステムの障害発生"),
            t("職員は障害発生状況を確認してください。"),
            t("内部エラー"),
            t("0x81000031\n0x82000200"),
            t("予期せぬエラーコードを受取った"),
            t("① 再起動"),
            t("オンライン資格確認等コールセンター"),
        ];
        rows[5] = vec![
            None,
            None,
            None,
            None,
            None,
            t("環境構築に関係する予期せぬエラーコード"),
            t("① 上書きインストール"),
            t("端末導入設定ベンダー"),
        ];
        rows[6] = vec![
            None,
            None,
            None,
            t("端末情報が登録できない"),
            t("0x81000026"),
            t("サーバ内エラー"),
            t("-"),
            t("オンライン資格確認等コールセンター"),
        ];
        rows[7] = vec![
            t("900"),
            t("【資格確認端末】\nバージョン不整合"),
            t("職員はヘルプデスクに問合せを行ってください。"),
            t("内部バージョンエラー"),
            t("0xF0000000～\n0xF7FFFFFF"),
            t("更新に失敗"),
            t("① 再起動"),
            t("オンライン資格確認等コールセンター"),
        ];
        rows[8] = vec![
            t("101"),
            t("【顔認証装置】 【ハードウェア】\n券面の読取り不可"),
            t("職員をお呼びください。"),
            t("(読取り部分の故障)"),
            t("-"),
            t("券面の読取り不可"),
            t("① 汚れを確認"),
            t("顔認証付きカードリーダーベンダー"),
        ];
        rows[10][0] =
            t("\u{3000}※１\n\u{3000}\u{3000}改善されない場合はコールセンターに問合せする。");
        SheetSpec {
            name: "一覧".to_owned(),
            rows,
            ..SheetSpec::default()
        }
        .with_merges(vec![
            (0, 0, 0, 7),
            (2, 0, 3, 0),
            (2, 1, 3, 1),
            (2, 2, 3, 2),
            (2, 7, 3, 7),
            (4, 0, 6, 0),
            (4, 1, 6, 1),
            (4, 2, 6, 2),
            (4, 3, 5, 3),
            (4, 4, 5, 4),
            (10, 0, 10, 7),
        ])
    }

    fn with_merges(mut self, merges: Vec<(u32, u16, u32, u16)>) -> SheetSpec {
        self.merges = merges;
        self
    }

    /// Sets a cell to a rich string of (struck through, text) runs, by its A1 name.
    pub fn rich(&mut self, a1: &str, runs: &[(bool, &str)]) -> &mut Self {
        let (row, col) = parse_a1(a1);
        let text: String = runs.iter().map(|(_, t)| *t).collect();
        self.put(row, col, Some(Cell::Text(text)));
        self.rich.retain(|(pos, _)| *pos != (row, col));
        self.rich.push((
            (row, col),
            runs.iter().map(|(s, t)| (*s, (*t).to_owned())).collect(),
        ));
        self
    }

    /// Strikes a whole cell through, by its A1 name.
    pub fn strike(&mut self, a1: &str) -> &mut Self {
        self.struck_cells.push(parse_a1(a1));
        self
    }

    /// Inserts empty rows before `row` (0-based), moving rows and merges down.
    pub fn insert_rows(&mut self, row: u32, count: u32) -> &mut Self {
        let at = (row as usize).min(self.rows.len());
        for _ in 0..count {
            self.rows.insert(at, vec![None; 8]);
        }
        let shift = |r: u32| if r >= row { r + count } else { r };
        for m in &mut self.merges {
            *m = (shift(m.0), m.1, shift(m.2), m.3);
        }
        self
    }

    /// Sets a cell by its A1 name, e.g. `E3`; `None` empties it.
    pub fn set(&mut self, a1: &str, value: Option<&str>) -> &mut Self {
        let (row, col) = parse_a1(a1);
        self.put(row, col, value.map(|v| Cell::Text(v.to_owned())))
    }

    pub fn put(&mut self, row: u32, col: u16, cell: Option<Cell>) -> &mut Self {
        let (row, col) = (row as usize, col as usize);
        if self.rows.len() <= row {
            self.rows.resize(row + 1, vec![None; 8]);
        }
        if self.rows[row].len() <= col {
            self.rows[row].resize(col + 1, None);
        }
        self.rows[row][col] = cell;
        self
    }
}

/// `E14` as (13, 4).
pub fn parse_a1(a1: &str) -> (u32, u16) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &a1[letters.len()..];
    let col = letters
        .bytes()
        .fold(0u16, |acc, b| acc * 26 + u16::from(b - b'A' + 1))
        - 1;
    (digits.parse::<u32>().unwrap() - 1, col)
}

/// Writes sheets into a workbook at `dir/name`.
pub fn write(dir: &Path, name: &str, sheets: &[SheetSpec]) -> PathBuf {
    let mut workbook = Workbook::new();
    let first_visible = sheets
        .iter()
        .position(|s| s.visibility == SheetVisibility::Visible);
    for (index, spec) in sheets.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&spec.name).unwrap();
        write_sheet(sheet, spec);
        match spec.visibility {
            SheetVisibility::Visible => {}
            SheetVisibility::Hidden => {
                sheet.set_hidden(true);
            }
            SheetVisibility::VeryHidden => {
                sheet.set_very_hidden(true);
            }
        }
        if Some(index) == first_visible {
            sheet.set_active(true);
        }
    }
    let path = dir.join(name);
    workbook.save(&path).unwrap();
    path
}

fn write_sheet(sheet: &mut Worksheet, spec: &SheetSpec) {
    let plain = Format::new().set_text_wrap();
    let struck = Format::new().set_text_wrap().set_font_strikethrough();
    let format_of = |row: u32, col: u16| {
        if spec.struck_cells.contains(&(row, col)) {
            &struck
        } else {
            &plain
        }
    };
    let strike_run = Format::new().set_font_strikethrough();
    let live_run = Format::new();
    let top_left_of_merge = |row: u32, col: u16| {
        spec.merges
            .iter()
            .find(|m| m.0 == row && m.1 == col)
            .copied()
    };
    let inside_merge = |row: u32, col: u16| {
        spec.merges.iter().any(|m| {
            m.0 <= row && row <= m.2 && m.1 <= col && col <= m.3 && (m.0, m.1) != (row, col)
        })
    };
    for (r, cells) in spec.rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (row, col) = (r as u32, c as u16);
            if inside_merge(row, col) {
                continue;
            }
            match (top_left_of_merge(row, col), cell) {
                (Some(m), Some(Cell::Text(text))) => {
                    sheet
                        .merge_range(m.0, m.1, m.2, m.3, text, format_of(row, col))
                        .unwrap();
                }
                (Some(m), Some(Cell::Number(n, fmt))) => {
                    sheet
                        .merge_range(m.0, m.1, m.2, m.3, "", format_of(row, col))
                        .unwrap();
                    let format = Format::new().set_num_format(*fmt);
                    sheet
                        .write_number_with_format(row, col, *n, &format)
                        .unwrap();
                }
                (Some(m), None) => {
                    sheet
                        .merge_range(m.0, m.1, m.2, m.3, "", format_of(row, col))
                        .unwrap();
                }
                (None, Some(Cell::Text(text))) => {
                    sheet
                        .write_string_with_format(row, col, text, format_of(row, col))
                        .unwrap();
                }
                (None, Some(Cell::Number(n, fmt))) => {
                    let format = Format::new().set_num_format(*fmt);
                    sheet
                        .write_number_with_format(row, col, *n, &format)
                        .unwrap();
                }
                (None, None) => {}
            }
        }
    }
    for ((row, col), runs) in &spec.rich {
        let runs: Vec<(&Format, &str)> = runs
            .iter()
            .map(|(struck, text)| (if *struck { &strike_run } else { &live_run }, text.as_str()))
            .collect();
        sheet
            .write_rich_string_with_format(*row, *col, &runs, format_of(*row, *col))
            .unwrap();
    }
    for &row in &spec.hidden_rows {
        sheet.set_row_hidden(row).unwrap();
    }
    for &col in &spec.hidden_columns {
        sheet.set_column_hidden(col).unwrap();
    }
    if let Some(((r1, c1, r2, c2), col, value)) = &spec.filter {
        sheet.autofilter(*r1, *c1, *r2, *c2).unwrap();
        let condition = rust_xlsxwriter::FilterCondition::new().add_list_filter(value.as_str());
        sheet.filter_column(*col, &condition).unwrap();
    }
    if !spec.page_breaks.is_empty() {
        sheet.set_page_breaks(&spec.page_breaks).unwrap();
    }
}

/// The sheets written to a workbook named for version 1.25 in a scratch folder, and read.
pub fn read_sheets(sheets: &[SheetSpec]) -> Result<codegen::Workbook, codegen::Error> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "table_1.25版.xlsx", sheets);
    codegen::read_workbook(&path)
}

/// One sheet written and read, which must be accepted.
pub fn read_one(spec: &SheetSpec) -> codegen::Workbook {
    read_sheets(std::slice::from_ref(spec)).unwrap_or_else(|e| panic!("{e}"))
}

/// The problems of a refused workbook, as printed: `一覧!E3: expected …`.
pub fn refused(sheets: &[SheetSpec]) -> Vec<String> {
    match read_sheets(sheets) {
        Ok(reading) => panic!("accepted: {} codes", reading.table.codes.len()),
        Err(codegen::Error::Workbook { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(other) => panic!("unexpected error: {other}"),
    }
}

/// Asserts that the sheet is refused with one problem, at `place`, that holds `needle`.
pub fn assert_one_problem(spec: &SheetSpec, place: &str, needle: &str) {
    let problems = refused(std::slice::from_ref(spec));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with(&format!("{place}: ")) && problems[0].contains(needle),
        "expected a problem at {place} containing {needle:?}, got {problems:#?}"
    );
}

/// The numbers of a table's codes, in its order (`001`, `901`, …).
pub fn code_numbers(table: &oqs_messages_table::Table) -> Vec<String> {
    table.codes.iter().map(|c| c.number.to_string()).collect()
}

/// The 1.25 workbook as the ministry publishes it, in `spec/`.
pub fn real_workbook() -> PathBuf {
    codegen::spec_workbook("1.25").expect("the 1.25 workbook in spec/")
}

/// Every file under a folder with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    files.sort();
    files
}

/// The variant names of the test workbooks (`SheetSpec::valid` and its revisions).
pub const FIXTURE_NAMES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/names.toml");

/// Runs codegen on a workbook the test built, into `out`, with the test workbooks' names.
pub fn codegen_built(input: &Path, out: &Path) -> std::process::Output {
    codegen(&[
        "--input",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--names",
        FIXTURE_NAMES,
    ])
}

/// Runs the codegen binary as a user would, with these arguments.
pub fn codegen(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .output()
        .expect("run codegen")
}
