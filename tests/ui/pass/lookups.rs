use oqs_messages::{Code, MessageId};

/// The expansion puts each row under its code and lists each ID under the codes whose rows
/// hold it, each code once.
fn main() {
    for code in Code::ALL {
        assert_eq!(code.rows().len(), 1, "{code:?}");
        assert!(code.rows().iter().all(|row| row.code == code), "{code:?}");
    }
    assert_eq!(
        MessageId::Id04000011.codes(),
        [Code::WrongPin, Code::VersionMismatch]
    );
    assert_eq!(MessageId::Id03000001.codes(), [Code::CardNotRecognized]);
    let rows_of_04000011: Vec<Code> = MessageId::Id04000011
        .rows()
        .iter()
        .map(|row| row.code)
        .collect();
    assert_eq!(rows_of_04000011, [Code::WrongPin, Code::VersionMismatch]);
}
