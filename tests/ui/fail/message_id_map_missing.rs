use oqs_messages::MessageIdMap;

#[derive(MessageIdMap, Debug, PartialEq)]
enum Source {
    #[message_ids(
        Id03000001,
        Id03000002,
        Id03000003,
        Id03000004,
        Id03000006,
        Id03000007,
        Id04000001,
        Id04000002,
        Id04000010,
        Id04000011,
        Id04000012,
        Id04000013,
        Id04000014,
        Id04000015,
        Id04000016,
        Id04000017,
        Id04000018,
        Id04000019,
        Id04000020,
        Id06000001,
        Id06000002,
        Id06000003,
        Id06000004
    )]
    Card,
    #[message_ids(
        Id01000001,
        Id01000003,
        Id01000004,
        Id0100000F,
        Id02000001,
        Id02000002,
        Id02000003,
        Id05000001,
        Id05000002,
        Id05000003,
        Id05000004,
        Id81000000,
        Id81000001,
        Id81000002,
        Id81000003,
        Id81000004,
        Id81000006,
        Id81000009,
        Id8100000A,
        Id8100000B,
        Id8100000C,
        Id8100000D,
        Id8100000E,
        Id81000012,
        Id81000013,
        Id81000015,
        Id81000016,
        Id81000017,
        Id81000019,
        Id81000023,
        Id81000024,
        Id81000026,
        Id81000027,
        Id81000029,
        Id81000030,
        Id81000031,
        Id81000032,
        Id81000034,
        Id81999999,
        Id82000002,
        Id82000003,
        Id82000004,
        Id82000005,
        Id82000006,
        Id82000007,
        Id82000200,
        IdF0000001
    )]
    System,
    #[message_ids(InternalVersionError)]
    Terminal,
}

fn main() {
    // Uses of the impl add no error of their own: every error names a message ID.
    let _: Source = oqs_messages::MessageId::ALL[0].into();
    let _ = Source::from(oqs_messages::MessageId::ALL[1]);
}
