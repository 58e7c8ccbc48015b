use oqs_messages::{MessageId, MessageIdMap};

/// Two IDs by name, every other (today's, and any a revision adds) to the rest.
#[derive(MessageIdMap, Debug, PartialEq)]
enum Source {
    #[message_ids(Id04000011, Id04000012)]
    Pin,
    #[rest]
    Other,
}

fn main() {
    assert_eq!(Source::from(MessageId::Id04000012), Source::Pin);
    assert_eq!(Source::from(MessageId::Id03000001), Source::Other);
    assert_eq!(
        MessageId::from_value(0xF030_1D1C).map(Source::from),
        Some(Source::Other)
    );
}
