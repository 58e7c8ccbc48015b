//! The compile-time API on a small fixture table (`tests/fixture`: codes 001, 003, 101 and
//! 900, one range): what must compile, and what must fail and with which message. The
//! fixture is expanded by the same macro as `oqs-messages`, so these cases hold whatever the
//! ministry's table becomes; the revision test (`tests/tests/revision.rs`) covers the real one.
//!
//! Regenerate the `.stderr` files after a deliberate change with
//! `TRYBUILD=overwrite cargo test -p oqs-messages-ui`, then review them.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("pass/*.rs");
    cases.compile_fail("fail/*.rs");
}
