use oqs_messages::MessageIdMap;

// A mapping written for version 0.0: ID 0x0400001F was withdrawn in 0.1.
#[derive(MessageIdMap)]
enum Source {
    #[message_ids(Id04000011, Id0400001F)]
    Pin,
    #[rest]
    Other,
}

fn main() {
    let _: Source = oqs_messages::MessageId::ALL[0].into();
}
