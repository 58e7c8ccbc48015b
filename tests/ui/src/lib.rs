//! Only the UI tests (`tests/ui.rs`, cases in `pass/` and `fail/`) live in this crate.
