use oqs_messages::{InRange, MessageId};

// A range variant holds a value only through the check of `InRange::new` (or
// `MessageId::from_value`): a bare number is not one, and the value is private.
fn main() {
    let _ = MessageId::VersionError(0xF000_0001);
    let _ = MessageId::VersionError(InRange(0xF000_0001));
}
