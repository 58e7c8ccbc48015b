//! The memory bound on hostile input, measured on the codegen process.
//!
//! Alone in its test binary on purpose: a child's peak resident set as Linux reports it
//! includes the parent's at the time of the spawn, so the parent must stay small (no other
//! tests running beside it). The figure is therefore an upper bound on codegen's own peak.

mod support;

use std::fs;

use support::archives::{million_rows, zip_bomb};
use support::{codegen, snapshot, SheetSpec};

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
