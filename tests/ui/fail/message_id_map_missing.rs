use oqs_messages::MessageIdMap;

#[derive(MessageIdMap)]
enum Source {
    #[message_ids(Id03000001, Id04000011)]
    Card,
}

fn main() {
    // Uses of the impl add no error of their own: every error names a message ID.
    let _: Source = oqs_messages::MessageId::ALL[0].into();
    let _ = Source::from(oqs_messages::MessageId::ALL[1]);
}
