//! Tests of the public API live in `tests/`.
