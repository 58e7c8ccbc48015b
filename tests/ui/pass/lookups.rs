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

    // As text: the number, then the heading; each read back.
    let code = Code::CardNotRecognized;
    assert_eq!(code.as_str(), "001");
    assert_eq!(code.to_string(), "001 カードの認識不可");
    assert_eq!(format!("[{code:>14}]"), "[  001 カードの認識不可]");
    assert_eq!("001 カードの認識不可".parse::<Code>(), Ok(code));
    assert_eq!(
        "001 カードの認識".parse::<Code>().unwrap_err().to_string(),
        "「001 カードの認識」: コード 001 の見出しは「カードの認識不可」です"
    );
    assert_eq!(
        "002".parse::<Code>().unwrap_err().to_string(),
        "コード 002 は一覧（0.1版）にありません"
    );
    assert_eq!(MessageId::Id04000011.to_text().as_str(), "0x04000011");
}
