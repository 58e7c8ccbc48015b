//! For `scripts/bench-codegen.sh`: writes the benchmark's workbooks, and times the reader
//! on one, so that the same files can be timed with Python's openpyxl.
//!
//! `time-codegen make DIR` writes real, 1k-row and 10k-row workbooks and prints their paths;
//! `time-codegen time FILE REPEAT` prints the median milliseconds of reading and checking it;
//! `time-codegen load FILE REPEAT` those of loading its sheets only (the archive check, calamine
//! and the layout of each sheet, without reading the table out of them); `time-codegen read
//! FILE REPEAT` those of reading the table out of its sheets, loaded once before;
//! `time-codegen calamine FILE REPEAT` those of a bare calamine load of it (open, load the
//! merged regions, read every sheet's cells): the floor for anything built on calamine.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use oqs_messages_bench::synthetic_table;

fn real_workbook() -> PathBuf {
    codegen::spec_workbook("1.25").expect("the 1.25 workbook in spec/")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["make", dir] => {
            let dir = Path::new(dir);
            std::fs::create_dir_all(dir).expect("the folder");
            let real = real_workbook();
            let copy = dir.join("real_1.25版.xlsx");
            std::fs::copy(&real, &copy).expect("a copy");
            println!("{}", copy.display());
            let table = codegen::read_workbook(&real).expect("the real table").table;
            for rows in [1_000, 10_000] {
                let path = dir.join(format!("synthetic_{rows}.0版.xlsx"));
                oqs_messages_tests::write_table(&synthetic_table(&table, rows), &path)
                    .expect("a workbook");
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        ["time", file, repeat] => {
            median_ms(repeat, || {
                let reading = codegen::read_workbook(Path::new(file)).expect("a readable workbook");
                std::hint::black_box(reading);
            });
            ExitCode::SUCCESS
        }
        ["load", file, repeat] => {
            median_ms(repeat, || {
                let sheets = codegen::load::load(Path::new(file)).expect("a loadable workbook");
                std::hint::black_box(sheets);
            });
            ExitCode::SUCCESS
        }
        ["read", file, repeat] => {
            let sheets = codegen::load::load(Path::new(file)).expect("a loadable workbook");
            median_ms(repeat, || {
                let read = codegen::read::read_table(&sheets).expect("a readable table");
                std::hint::black_box(read);
            });
            ExitCode::SUCCESS
        }
        ["calamine", file, repeat] => {
            median_ms(repeat, || {
                use calamine::Reader;
                let mut workbook: calamine::Xlsx<_> =
                    calamine::open_workbook(file).expect("a readable workbook");
                for name in workbook.sheet_names() {
                    let merges = workbook.merge_cells_by_sheet_name(&name).expect("merges");
                    let range = workbook.worksheet_range(&name).expect("a sheet");
                    std::hint::black_box((merges, range));
                }
            });
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "usage: time-codegen make DIR | time-codegen time|load|read|calamine FILE REPEAT"
            );
            ExitCode::from(2)
        }
    }
}

/// Prints the median milliseconds of `repeat` runs of `work`, after one run not counted.
fn median_ms(repeat: &str, mut work: impl FnMut()) {
    let repeat: usize = repeat.parse().expect("a count");
    work();
    let mut times: Vec<f64> = (0..repeat)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.2}", times[times.len() / 2]);
}
