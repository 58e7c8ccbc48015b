//! Hostile and malformed workbooks: refused quickly, with a clear message, with memory
//! bounded, and without touching the previous output.

mod support;

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{snapshot, SheetSpec};
use zip::write::SimpleFileOptions;

/// A copy of the real workbook with one part replaced by `contents`, written by `fill`.
fn with_part(dir: &Path, name: &str, part: &str, fill: impl FnOnce(&mut dyn Write)) -> PathBuf {
    let mut source = zip::ZipArchive::new(File::open(support::real_workbook()).unwrap()).unwrap();
    let path = dir.join(name);
    let mut writer = zip::ZipWriter::new(File::create(&path).unwrap());
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let mut fill = Some(fill);
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        writer.start_file(entry_name.as_str(), options).unwrap();
        if entry_name == part {
            (fill.take().unwrap())(&mut writer);
        } else {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            writer.write_all(&bytes).unwrap();
        }
    }
    writer.finish().unwrap();
    path
}

const SHEET: &str = "xl/worksheets/sheet1.xml";

/// A 1 GiB sheet in a file of about a megabyte.
fn zip_bomb(dir: &Path) -> PathBuf {
    with_part(dir, "bomb_1.25版.xlsx", SHEET, |out| {
        let block = vec![b' '; 1 << 20];
        for _ in 0..1024 {
            out.write_all(&block).unwrap();
        }
    })
}

/// A sheet of a million rows, declared in its dimension or not.
fn million_rows(dir: &Path, declared: bool) -> PathBuf {
    let name = if declared {
        "declared_1.25版.xlsx"
    } else {
        "undeclared_1.25版.xlsx"
    };
    with_part(dir, name, SHEET, |out| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
        );
        if declared {
            xml.push_str("<dimension ref=\"A1:A1000000\"/>");
        }
        xml.push_str("<sheetData>");
        out.write_all(xml.as_bytes()).unwrap();
        // Rows without `r` attributes count from the top: 26 bytes a row.
        out.write_all(&b"<row><c><v>1</v></c></row>".repeat(1_000_000))
            .unwrap();
        out.write_all(b"</sheetData></worksheet>").unwrap();
    })
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .output()
        .expect("run codegen")
}

/// The largest resident set of any child this process has waited for, in bytes.
fn children_peak_memory() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a rusage into the pointer it is given.
    let usage = unsafe {
        assert_eq!(
            libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()),
            0
        );
        usage.assume_init()
    };
    // Linux reports kilobytes.
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = zip_bomb(dir.path());
    assert!(
        fs::metadata(&bomb).unwrap().len() < 8 << 20,
        "the bomb is small"
    );
    let err = codegen::read_workbook(&bomb).unwrap_err().to_string();
    assert!(
        err.contains("the part xl/worksheets/sheet1.xml inflates to 1073741824 bytes or more; refused as a zip bomb"),
        "{err}"
    );
}

#[test]
fn a_million_rows_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let declared = million_rows(dir.path(), true);
    let err = codegen::read_workbook(&declared).unwrap_err().to_string();
    assert!(
        err.contains("一覧: the sheet declares more than 20000 rows (its dimension ends at row 1000000, column 1)"),
        "{err}"
    );
    let undeclared = million_rows(dir.path(), false);
    let err = codegen::read_workbook(&undeclared).unwrap_err().to_string();
    assert!(
        err.contains("一覧: the sheet has a cell at row 20001, column 1 (more than 20000 rows)"),
        "{err}"
    );
}

/// Each refusal, run as a user runs it: exit 2, a message naming the file, and the
/// previous output byte for byte; and the codegen process stays under 100 MiB.
#[test]
fn every_refusal_keeps_the_previous_output_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(codegen(&["--out", out.to_str().unwrap()]).status.success());
    let before = snapshot(&out);

    let not_a_zip = dir.path().join("not-a-zip_1.25版.xlsx");
    fs::write(&not_a_zip, "コード,メッセージID\n").unwrap();
    let truncated = dir.path().join("truncated_1.25版.xlsx");
    let bytes = fs::read(support::real_workbook()).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let mut duplicate = SheetSpec::valid("1.25");
    duplicate.set("A9", Some("001"));
    let mut no_contact = SheetSpec::valid("1.25");
    no_contact.set("H2", None);
    let inputs = [
        not_a_zip,
        truncated,
        zip_bomb(dir.path()),
        million_rows(dir.path(), false),
        support::write(dir.path(), "duplicate_1.25版.xlsx", &[duplicate]),
        support::write(dir.path(), "no-contact_1.25版.xlsx", &[no_contact]),
    ];
    for input in &inputs {
        let output = codegen(&[
            "--input",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{input:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.starts_with(&format!("error: {}: ", input.display())),
            "{err}"
        );
        assert_eq!(snapshot(&out), before, "{input:?} touched the output");
    }
    let peak = children_peak_memory();
    assert!(peak < 100 << 20, "codegen peaked at {} MiB", peak >> 20);
}

/// 19,000 rows with a bad message ID each: every problem is found, in one pass, and the
/// message lists the first 50 and counts the rest.
#[test]
fn thousands_of_problems_are_counted_not_all_listed() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rows.truncate(3);
    spec.merges.retain(|m| m.0 < 2);
    spec.set("E3", Some("bad"));
    let row = spec.rows[2][3..].to_vec();
    for r in 3..19_002u32 {
        for (i, cell) in row.iter().enumerate() {
            spec.put(r, 3 + i as u16, cell.clone());
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(dir.path(), "many_1.25版.xlsx", &[spec]);
    let err = codegen::read_workbook(&path).unwrap_err().to_string();
    assert!(
        err.contains("(19000 problems); nothing was written"),
        "{}",
        &err[..300]
    );
    assert_eq!(err.lines().count(), 1 + 50 + 1);
    assert!(
        err.ends_with("\n  … and 18950 more problems"),
        "{}",
        &err[err.len() - 200..]
    );
    assert!(err.contains("\n  一覧!E3: expected a message ID"));
}
