use oqs_messages::{Code, CodeMap, MessageId, MessageIdMap};

/// A crate that reaches oqs-messages through another crate's re-export says where it is.
mod facade {
    pub use oqs_messages as oqs;
}

#[derive(CodeMap, Debug, PartialEq)]
#[oqs_messages(crate = facade::oqs)]
enum Action {
    #[codes(CardNotRecognized, WrongPin)]
    Retry,
    #[codes(CardFaceUnreadable, VersionMismatch)]
    Staff,
}

// As serde writes it, in a string.
#[derive(MessageIdMap, Debug, PartialEq)]
#[oqs_messages(crate = "crate::facade::oqs")]
enum Source {
    #[message_ids(Id04000011)]
    Pin,
    #[rest]
    Other,
}

fn main() {
    assert_eq!(Action::from(Code::WrongPin), Action::Retry);
    assert_eq!(Source::from(MessageId::Id04000011), Source::Pin);
    assert_eq!(Source::from(MessageId::IdF0000000), Source::Other);
}
