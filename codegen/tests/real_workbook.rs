//! The 1.25 workbook as the ministry publishes it, read end to end.

mod support;

use codegen::{read_workbook, Workbook};
use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue, Stats};

fn reading() -> Workbook {
    read_workbook(&support::real_workbook()).unwrap_or_else(|err| panic!("{err}"))
}

fn code(reading: &Workbook, number: u16) -> &CodeEntry {
    reading
        .table
        .code(CodeNumber::new(number).unwrap())
        .unwrap_or_else(|| panic!("code {number:03}"))
}

fn exact(value: u32) -> ListedId {
    ListedId::Exact(MessageIdValue(value))
}

#[test]
fn counts_of_version_1_25() {
    let reading = reading();
    assert_eq!(reading.table.version.as_str(), "1.25");
    assert_eq!(reading.title_cell, "一覧!A1");
    assert_eq!(
        reading.table.stats(),
        Stats {
            codes: 30,
            rows: 96,
            message_ids: 71,
            ranges: 2,
            rows_without_id: 3,
            footnotes: 2,
        }
    );
}

#[test]
fn codes_keep_document_order() {
    let reading = reading();
    let numbers = support::code_numbers(&reading.table);
    let expected: Vec<String> = (1..=17)
        .chain(101..=103)
        .chain([901, 900, 902, 903, 904, 905, 906, 950, 951, 952])
        .map(|n| format!("{n:03}"))
        .collect();
    assert_eq!(numbers, expected);
}

#[test]
fn texts_are_kept_as_published() {
    let reading = reading();
    let c001 = code(&reading, 1);
    assert_eq!(c001.tags, ["手順誤り"]);
    assert_eq!(c001.heading, "マイナンバーカードの認識不可");
    assert_eq!(
        c001.message,
        "患者はマイナンバーカードが正しく置かれているか確認してください。再度同様のエラーが表示される場合は、受付窓口に連絡して下さい。【001：マイナンバーカードの認識不可】"
    );
    // Mixed brackets stay as published.
    let c015 = code(&reading, 15);
    assert_eq!(
        c015.rows.last().unwrap().kind,
        "照合番号Bが正しくない(再試行可能）"
    );
    // Line breaks separate list items; ideographic spaces indent them.
    let c010 = code(&reading, 10);
    assert!(c010.rows[0]
        .cause
        .contains("返却された\n\u{3000}\u{3000}加入者情報未登録(005)\n"));
    // Backslashes of Windows paths.
    let c013 = code(&reading, 13);
    assert!(c013.rows[0].cause.contains("C:\\OQS\\faceフォルダ"));
    assert_eq!(
        c013.rows[0].contact,
        "端末導入設定ベンダー\n※不明な場合はオンライン資格確認等コールセンターへ問合せする"
    );
    let c008 = code(&reading, 8);
    assert_eq!(c008.tags, ["手順誤り", "職員"]);
    let c901 = code(&reading, 901);
    assert_eq!(c901.tags, ["オンライン資格確認等システム", "障害"]);
    assert_eq!(c901.heading, "オンライン資格確認等システムの障害発生");
}

#[test]
fn merged_cells_belong_to_every_row_they_cover() {
    let reading = reading();
    let c901 = code(&reading, 901);
    assert_eq!(c901.rows.len(), 4);
    for row in &c901.rows[..3] {
        assert_eq!(
            row.kind,
            "内部エラー\n(オンライン資格確認等システムでエラー)"
        );
        assert_eq!(row.message_ids, [exact(0x8100_0031), exact(0x8200_0200)]);
    }
    // Contacts are merged over some rows and not others.
    let contacts: Vec<&str> = c901.rows.iter().map(|r| r.contact.as_str()).collect();
    assert_eq!(
        contacts,
        [
            "オンライン資格確認等コールセンター\n※エラー事象を確認後、顔認証付きカードリーダーベンダーへ差配する",
            "端末導入設定ベンダー\n※不明な場合はオンライン資格確認等コールセンターへ問合せする",
            "オンライン資格確認等コールセンター",
            "オンライン資格確認等コールセンター",
        ]
    );
    assert_eq!(c901.rows[3].message_ids, [exact(0x8100_0026)]);
    // 015's contact is one cell merged over its ten rows.
    let c015 = code(&reading, 15);
    assert_eq!(c015.rows.len(), 10);
    assert!(c015
        .rows
        .iter()
        .all(|r| r.contact == "顔認証付きカードリーダーベンダー"));
    // 017: the kind is merged over two rows with different IDs.
    let c017 = code(&reading, 17);
    assert_eq!(c017.rows[1].kind, "保険者問合せでエラー");
    assert_eq!(c017.rows[1].message_ids, [exact(0x8100_000E)]);
}

#[test]
fn shared_ids_and_repeated_ids_are_all_kept() {
    let reading = reading();
    let codes_listing = |value: u32| -> Vec<String> {
        reading
            .table
            .codes
            .iter()
            .filter(|c| c.rows.iter().any(|r| r.message_ids.contains(&exact(value))))
            .map(|c| c.number.to_string())
            .collect()
    };
    assert_eq!(codes_listing(0x0400_0001), ["004", "005", "902"]);
    assert_eq!(codes_listing(0x0400_0011), ["003", "015", "903"]);
    let c002 = code(&reading, 2);
    assert_eq!(c002.rows.len(), 2);
    assert!(c002
        .rows
        .iter()
        .all(|r| r.message_ids == [exact(0x0300_0003)]));
}

#[test]
fn ranges_and_rows_without_ids() {
    let reading = reading();
    let range = |start, end| ListedId::Range {
        start: MessageIdValue(start),
        end: MessageIdValue(end),
    };
    assert_eq!(
        code(&reading, 900).rows[0].message_ids,
        [range(0xF000_0000, 0xF7FF_FFFF)]
    );
    assert_eq!(
        code(&reading, 904).rows[0].message_ids,
        [range(0xF800_0000, 0xFFFF_FFFF)]
    );
    // An exact ID of 905 lies inside 900's range; both are kept.
    let c905 = code(&reading, 905);
    assert!(c905
        .rows
        .iter()
        .any(|r| r.message_ids == [exact(0xF000_0001)]));
    assert_eq!(
        reading.table.ranges(),
        [
            (MessageIdValue(0xF000_0000), MessageIdValue(0xF7FF_FFFF)),
            (MessageIdValue(0xF800_0000), MessageIdValue(0xFFFF_FFFF)),
        ]
    );
    for number in [101, 102, 103] {
        assert!(code(&reading, number).rows[0].message_ids.is_empty());
    }
}

#[test]
fn footnotes_are_captured_and_linked() {
    let reading = reading();
    let notes = &reading.table.footnotes;
    assert_eq!(notes.len(), 2);
    assert_eq!((notes[0].number, notes[0].marker.as_str()), (1, "※１"));
    assert!(notes[0]
        .text
        .starts_with("記載の対処方法を実施しても改善されない場合は、オンライン資格確認等コールセンターに問合せする。"));
    assert_eq!(
        notes[1].text,
        "医療費助成情報については、PMH事業に参加している先行実施機関のみ利用可能となります。"
    );
    let c002 = code(&reading, 2);
    assert!(c002.rows.iter().all(|r| r.footnotes == [1]));
    let c007 = code(&reading, 7);
    assert_eq!(c007.rows.len(), 6);
    assert!(c007.rows.iter().all(|r| r.footnotes == [1]));
    let c951 = code(&reading, 951);
    assert_eq!(c951.heading, "医療費助成情報の取得失敗");
    assert_eq!(c951.footnotes, [2]);
    // ※3 in 905's remedy begins a sentence; it cites no footnote.
    assert!(code(&reading, 905)
        .rows
        .iter()
        .all(|r| r.footnotes.is_empty()));
    let citing_rows = reading
        .table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .filter(|r| !r.footnotes.is_empty())
        .count();
    assert_eq!(citing_rows, 8);
}

#[test]
fn codes_inside_causes_are_parsed() {
    use oqs_messages_table::DetailCode;
    let reading = reading();
    let c901 = code(&reading, 901);
    let received: Vec<u32> = c901
        .rows
        .iter()
        .flat_map(|r| &r.details)
        .map(|d| match d.code {
            DetailCode::ReceivedCode { code } => code.value(),
            DetailCode::PortalError { .. } => panic!("{d:?}"),
        })
        .collect();
    assert_eq!(
        received,
        [
            0xF030_1D1A,
            0xF030_1D00,
            0xF030_1D17,
            0xF030_1D1C,
            0xF030_1D1F,
            0xF030_1D21,
            0xF100_0012
        ]
    );
    let c010 = code(&reading, 10);
    let portal: Vec<(u16, u16, &str)> = c010.rows[0]
        .details
        .iter()
        .map(|d| match d.code {
            DetailCode::PortalError { first, last } => (first, last, d.text.as_str()),
            DetailCode::ReceivedCode { .. } => panic!("{d:?}"),
        })
        .collect();
    assert_eq!(
        portal,
        [
            (5, 5, "加入者情報未登録"),
            (6, 6, "加入者情報重複"),
            (800, 800, "オン資マイナポ間エラー"),
            (810, 810, "マイナポ内エラー"),
            (999, 999, "その他エラー"),
            (860, 990, "システム連携エラー"),
        ]
    );
    let others: usize = reading
        .table
        .codes
        .iter()
        .filter(|c| c.number.get() != 901 && c.number.get() != 10)
        .flat_map(|c| &c.rows)
        .map(|r| r.details.len())
        .sum();
    assert_eq!(others, 0);
}

#[test]
fn reading_from_memory_gives_the_same_table() {
    let path = support::real_workbook();
    let bytes = std::fs::read(&path).unwrap();
    let table = codegen::read_workbook_bytes(&path, &bytes).unwrap().table;
    assert_eq!(table, reading().table);
    let err =
        codegen::read_workbook_bytes(std::path::Path::new("x.xlsx"), &bytes[..100]).unwrap_err();
    assert!(
        err.to_string().starts_with("x.xlsx: cannot be read"),
        "{err}"
    );
}
