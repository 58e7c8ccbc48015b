// The types of the table and the impls of the generated enums, included by `lib.rs` (and
// by the fixture crate of the UI tests, `tests/fixture`): items only, no inner attributes.
// In parts, by what they hold.

include!("api/rows.rs");
include!("api/errors.rs");
include!("api/code.rs");
include!("api/message_id.rs");
include!("api/serde.rs");
