//! Every lookup of `oqs-messages` on the real 1.25 table, and the generated API checked
//! against `generated/table.json`, field by field.

use std::path::Path;

use oqs_messages::{
    rows_for_value, Code, CodeHandler, ListedId, LookupError, MessageId, FOOTNOTES, ROWS, VERSION,
};
use oqs_messages_table::{MessageIdSpec, Table};

fn exported_table() -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/table.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_api_holds_exactly_the_exported_table() {
    let table = exported_table();
    assert_eq!(VERSION, table.version.as_str());
    assert_eq!(Code::ALL.len(), table.codes.len());
    assert_eq!(ROWS.len(), table.stats().rows);
    for (code, entry) in Code::ALL.iter().zip(&table.codes) {
        assert_eq!(code.number(), entry.number.get());
        assert_eq!(code.heading(), entry.heading);
        assert_eq!(code.message(), entry.message);
        assert_eq!(code.tags(), entry.tags);
        let notes: Vec<u8> = code.footnotes().iter().map(|n| n.number).collect();
        assert_eq!(notes, entry.footnotes);
        assert_eq!(code.rows().len(), entry.rows.len());
        for (row, expected) in code.rows().iter().zip(&entry.rows) {
            assert_eq!(row.code, *code);
            assert_eq!(row.kind, expected.kind);
            assert_eq!(row.cause, expected.cause);
            assert_eq!(row.remedy, expected.remedy);
            assert_eq!(row.contact, expected.contact);
            let notes: Vec<u8> = row.footnotes.iter().map(|n| n.number).collect();
            assert_eq!(notes, expected.footnotes);
            let listed: Vec<MessageIdSpec> = row
                .message_ids
                .iter()
                .map(|l| match *l {
                    ListedId::Exact(id) => {
                        MessageIdSpec::Exact(oqs_messages_table::MessageId(id.value()))
                    }
                    ListedId::Range { start, end } => MessageIdSpec::Range {
                        start: oqs_messages_table::MessageId(start),
                        end: oqs_messages_table::MessageId(end),
                    },
                })
                .collect();
            assert_eq!(listed, expected.message_ids);
            assert_eq!(row.details.len(), expected.details.len());
            for (detail, want) in row.details.iter().zip(&expected.details) {
                assert_eq!(detail.text, want.text);
                let code = match want.code {
                    oqs_messages_table::DetailCode::ReceivedCode { code } => {
                        oqs_messages::DetailCode::ReceivedCode(code.value())
                    }
                    oqs_messages_table::DetailCode::PortalError { first, last } => {
                        oqs_messages::DetailCode::PortalError { first, last }
                    }
                };
                assert_eq!(detail.code, code);
            }
        }
    }
    let notes: Vec<(u8, &str, &str)> = FOOTNOTES
        .iter()
        .map(|n| (n.number, n.marker, n.text))
        .collect();
    let expected: Vec<(u8, &str, &str)> = table
        .footnotes
        .iter()
        .map(|n| (n.number, n.marker.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(notes, expected);
}

#[test]
fn codes_by_number_and_in_document_order() {
    assert_eq!(Code::ALL.len(), 30);
    assert_eq!(Code::ALL[0], Code::CardNotRecognized);
    assert_eq!(Code::ALL[20], Code::SystemFailure);
    assert_eq!(Code::ALL[21], Code::TerminalAppVersionMismatch);
    assert_eq!(Code::from_number(1), Some(Code::CardNotRecognized));
    assert_eq!(
        Code::from_number(952),
        Some(Code::ReferralLetterInfoUnavailable)
    );
    assert_eq!(Code::from_number(18), None);
    assert_eq!(Code::NetworkError.number(), 11);
    assert_eq!(Code::NetworkError as u16, 11);
    assert!(
        Code::TerminalAppVersionMismatch < Code::SystemFailure,
        "Ord compares numbers"
    );
    for (i, code) in Code::ALL.iter().enumerate() {
        assert_eq!(code.index(), i);
        assert_eq!(Code::from_number(code.number()), Some(*code));
    }
    assert_eq!(Code::WrongPin.name(), "WrongPin");
}

#[test]
fn code_texts_and_conversions() {
    assert_eq!(Code::DeviceNotConnected.tags(), ["手順誤り", "職員"]);
    assert_eq!(Code::DeviceNotConnected.heading(), "端末接続不良");
    assert_eq!(Code::DeviceNotConnected.to_string(), "端末接続不良");
    assert_eq!(
        format!("{:#}", Code::DeviceNotConnected),
        "008 端末接続不良"
    );
    assert_eq!("008".parse::<Code>(), Ok(Code::DeviceNotConnected));
    assert_eq!("8".parse::<Code>(), Err(LookupError::MalformedCode));
    assert_eq!("999".parse::<Code>(), Err(LookupError::UnknownCode(999)));
    assert_eq!(Code::try_from(905), Ok(Code::TerminalSetupUnexpectedError));
    assert_eq!(u16::from(Code::SystemFailure), 901);
    assert_eq!(
        LookupError::UnknownCode(999).to_string(),
        "no code 999 in table version 1.25"
    );
    let subsidy = Code::MedicalSubsidyInfoUnavailable;
    assert_eq!(subsidy.footnotes().len(), 1);
    assert_eq!(subsidy.footnotes()[0].marker, "※２");
}

#[test]
fn message_ids_by_value() {
    assert_eq!(MessageId::ALL.len(), 73);
    assert_eq!(
        MessageId::from_u32(0x0400_0011),
        Some(MessageId::Id04000011)
    );
    assert_eq!(MessageId::Id04000011.value(), 0x0400_0011);
    assert_eq!(MessageId::from_u32(0x1234_5678), None);
    // An exact ID wins over the range that contains it.
    assert_eq!(
        MessageId::from_u32(0xF000_0001),
        Some(MessageId::IdF0000001)
    );
    assert_eq!(
        MessageId::from_u32(0xF030_1D1C),
        Some(MessageId::InternalVersionError(0xF030_1D1C))
    );
    assert_eq!(
        MessageId::InternalVersionError(0xF030_1D1C).range(),
        Some((0xF000_0000, 0xF7FF_FFFF))
    );
    assert_eq!(
        MessageId::from_u32(0xFFFF_FFFF),
        Some(MessageId::TerminalInternalError(0xFFFF_FFFF))
    );
    assert_eq!(MessageId::Id04000011.range(), None);
    for (i, id) in MessageId::ALL.iter().enumerate() {
        assert_eq!(id.index(), i);
        assert_eq!(MessageId::from_u32(id.value()), Some(*id));
    }
    let exact: Vec<u32> = MessageId::ALL[..71].iter().map(|id| id.value()).collect();
    assert!(exact.windows(2).all(|w| w[0] < w[1]), "exact IDs ascend");
}

#[test]
fn message_id_texts_and_conversions() {
    assert_eq!("0x04000011".parse::<MessageId>(), Ok(MessageId::Id04000011));
    assert_eq!("0X8100000b".parse::<MessageId>(), Ok(MessageId::Id8100000B));
    assert_eq!(
        "0x0400001".parse::<MessageId>(),
        Err(LookupError::MalformedMessageId)
    );
    assert_eq!(
        "4000011".parse::<MessageId>(),
        Err(LookupError::MalformedMessageId)
    );
    assert_eq!(
        "0x12345678".parse::<MessageId>(),
        Err(LookupError::UnknownMessageId(0x1234_5678))
    );
    assert_eq!(MessageId::try_from(0x8100_0005), Ok(MessageId::Id81000005));
    assert_eq!(MessageId::Id8100000B.to_string(), "0x8100000B");
    assert_eq!(
        MessageId::InternalVersionError(0xF030_1D1C).to_string(),
        "0xF0301D1C"
    );
    assert_eq!(u32::from(MessageId::Id81000005), 0x8100_0005);
}

#[test]
fn rows_by_message_id_across_codes() {
    let codes = |id: MessageId| -> Vec<u16> { id.codes().iter().map(|c| c.number()).collect() };
    assert_eq!(codes(MessageId::Id04000011), [3, 15, 903]);
    assert_eq!(codes(MessageId::Id04000001), [4, 5, 902]);
    let rows = MessageId::Id04000011.rows();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].kind, "PIN認証に失敗し、試行可能回数が1回残っている");
    assert_eq!(rows[2].code, Code::SystemCertificateError);
    // Three rows of 004 list 0x04000001, one of 005, one of 902.
    assert_eq!(MessageId::Id04000001.rows().len(), 5);
    // 901's kind and IDs are merged over three cause rows.
    assert_eq!(MessageId::Id82000200.rows().len(), 3);
    assert_eq!(codes(MessageId::InternalVersionError(0xF000_0000)), [900]);
    for id in MessageId::ALL {
        assert!(!id.rows().is_empty(), "{id:?} has rows");
        assert!(id.rows().iter().all(|row| row.lists(id)));
    }
}

#[test]
fn rows_by_code_and_message_id() {
    let pair = |code: Code, id: MessageId| -> Vec<&str> {
        code.rows_for(id).map(|row| row.kind).collect()
    };
    assert_eq!(
        pair(Code::WrongPin, MessageId::Id04000011),
        ["PIN認証に失敗し、試行可能回数が1回残っている"]
    );
    assert_eq!(
        pair(Code::NotMyNumberCard, MessageId::Id03000003),
        [
            "対応しているICカードではない",
            "券面事項確認APが見つからない"
        ]
    );
    assert!(pair(Code::WrongPin, MessageId::Id03000001).is_empty());
    let system = Code::SystemFailure.rows_for(MessageId::Id81000031);
    let contacts: Vec<&str> = system
        .map(|row| row.contact.lines().next().unwrap())
        .collect();
    assert_eq!(
        contacts,
        [
            "オンライン資格確認等コールセンター",
            "端末導入設定ベンダー",
            "オンライン資格確認等コールセンター"
        ]
    );
    assert_eq!(
        pair(
            Code::TerminalAppVersionMismatch,
            MessageId::InternalVersionError(0xF030_1D1C)
        ),
        ["内部バージョンエラー"]
    );
}

#[test]
fn rows_for_a_logged_value_include_ranges() {
    let codes: Vec<u16> = rows_for_value(0xF000_0001)
        .map(|r| r.code.number())
        .collect();
    assert_eq!(codes, [900, 905]);
    assert_eq!(rows_for_value(0x1234_5678).count(), 0);
    let without_id: Vec<u16> = ROWS
        .iter()
        .filter(|r| r.message_ids.is_empty())
        .map(|r| r.code.number())
        .collect();
    assert_eq!(without_id, [101, 102, 103]);
}

#[test]
fn footnotes_linked_from_rows() {
    assert_eq!(FOOTNOTES.len(), 2);
    let citing: Vec<u16> = ROWS
        .iter()
        .filter(|r| r.footnotes.iter().any(|n| n.number == 1))
        .map(|r| r.code.number())
        .collect();
    assert_eq!(citing, [2, 2, 7, 7, 7, 7, 7, 7]);
}

/// Counts how often each code is dispatched, to check `Code::handle`.
struct Numbers;

macro_rules! numbers {
    ($($method:ident => $number:literal,)*) => {
        impl CodeHandler for Numbers {
            type Output = u16;
            $(fn $method(&mut self) -> u16 { $number })*
        }
    };
}

numbers! {
    card_not_recognized => 1, not_my_number_card => 2, wrong_pin => 3, card_locked => 4,
    collation_number_b_locked => 5, user_certificate_revoked_or_expired => 6,
    card_application_broken => 7, device_not_connected => 8, mode_changed_during_processing => 9,
    initial_registration_failed => 10, network_error => 11, terminal_certificate_error => 12,
    terminal_configuration_error => 13, terminal_hardware_error => 14, face_photo_unreadable => 15,
    eligibility_retrieval_failed => 16, insurer_check_required => 17, card_face_unreadable => 101,
    face_capture_failed => 102, screen_keyboard_fault => 103, system_failure => 901,
    terminal_app_version_mismatch => 900, specific_institution_auth_error => 902,
    system_certificate_error => 903, terminal_app_unexpected_fault => 904,
    terminal_setup_unexpected_error => 905, face_device_setup_unexpected_error => 906,
    e_prescription_service_failure => 950, medical_subsidy_info_unavailable => 951,
    referral_letter_info_unavailable => 952,
}

#[test]
fn handle_dispatches_to_the_method_of_each_code() {
    for code in Code::ALL {
        assert_eq!(code.handle(&mut Numbers), code.number(), "{code:?}");
    }
}

#[test]
fn serde_uses_the_published_forms() {
    let json = serde_json::to_string(&(Code::CardNotRecognized, MessageId::Id04000011)).unwrap();
    assert_eq!(json, r#"["001","0x04000011"]"#);
    let back: (Code, MessageId) = serde_json::from_str(&json).unwrap();
    assert_eq!(back, (Code::CardNotRecognized, MessageId::Id04000011));
    let range: MessageId = serde_json::from_str(r#""0xf0301d1c""#).unwrap();
    assert_eq!(range, MessageId::InternalVersionError(0xF030_1D1C));
    let err = serde_json::from_str::<Code>(r#""999""#).unwrap_err();
    assert!(
        err.to_string()
            .contains("no code 999 in table version 1.25"),
        "{err}"
    );
}

#[test]
fn codes_listed_inside_causes() {
    use oqs_messages::{rows_for_portal_error, rows_for_received_code, DetailCode};
    let found: Vec<_> = rows_for_received_code(0xF030_1D1C).collect();
    assert_eq!(found.len(), 1);
    let (row, detail) = found[0];
    assert_eq!(row.code, Code::SystemFailure);
    assert_eq!(detail.code, DetailCode::ReceivedCode(0xF030_1D1C));
    assert_eq!(
        detail.text,
        "Javaが存在しない、結果出力フォルダにファイルが存在しない、GACが存在しない等の結果出力エラー"
    );
    // The same value also falls in 900's message ID range: both are answers.
    let by_id: Vec<u16> = rows_for_value(0xF030_1D1C)
        .map(|r| r.code.number())
        .collect();
    assert_eq!(by_id, [900]);
    let received: usize = Code::SystemFailure
        .rows()
        .iter()
        .map(|r| r.details.len())
        .sum();
    assert_eq!(received, 7);

    let (row, detail) = rows_for_portal_error(5).next().unwrap();
    assert_eq!(
        (row.code, detail.text),
        (Code::InitialRegistrationFailed, "加入者情報未登録")
    );
    let (_, detail) = rows_for_portal_error(900).next().unwrap();
    assert_eq!(
        detail.code,
        DetailCode::PortalError {
            first: 860,
            last: 990
        }
    );
    assert_eq!(detail.code.to_string(), "860~990");
    assert_eq!(rows_for_portal_error(1).count(), 0);
}
