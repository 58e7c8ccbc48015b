use oqs_messages::{MessageId, MessageIdMap};

/// Every message ID mapped exactly once; a range by its name, whatever value it carries.
#[derive(MessageIdMap, Debug, PartialEq)]
enum Source {
    #[message_ids(Id03000001)]
    Card,
    #[message_ids(Id04000011, Id04000012)]
    Pin,
    #[message_ids(IdF0000000, VersionError)]
    Terminal,
}

fn main() {
    assert_eq!(Source::from(MessageId::Id03000001), Source::Card);
    assert_eq!(Source::from(MessageId::Id04000012), Source::Pin);
    let logged = MessageId::from_value(0xF030_1D1C).unwrap();
    assert!(matches!(logged, MessageId::VersionError(_)));
    assert_eq!(Source::from(logged), Source::Terminal);
    assert_eq!(Source::from(MessageId::IdF0000000), Source::Terminal);
    assert_eq!(
        MessageId::from_value(0xF000_0001).map(Source::from),
        Some(Source::Terminal)
    );
}
