//! A マイナポータル error code pasted with the display code whose row lists it (the screen's
//! `【010：…】` and the portal's code in one message) is read as both and answered as the
//! error code; with another code beside it, as the error code alone. Every portal code the
//! table lists is asked, so this holds for any version.

use oqs_answer::{CallersWords, Engine, Read, TableData};
use oqs_messages_table::DetailCode;

fn engine() -> Engine {
    let table = include_str!("../../generated/table.json");
    Engine::new(
        TableData::from_json(table).unwrap(),
        &CallersWords::default(),
    )
}

#[test]
fn a_portal_code_with_its_display_code_is_read_as_both() {
    let engine = engine();
    let mut asked = 0;
    for (code, _, row) in engine.data().rows() {
        for detail in &row.details {
            let DetailCode::PortalError { first, .. } = detail.code else {
                continue;
            };
            let number = code.number.get();
            let alone = engine.answer(&format!("マイナポータル {first:03}"));
            let heading = &code.heading;
            for text in [
                format!("画面は【{number:03}：{heading}】、マイナポータルのエラーは({first:03})"),
                format!("{number:03} マイナポータル {first:03}"),
                format!("マイナポータル　{first:03}　コード{number:03}"),
            ] {
                let answer = engine.answer(&text);
                assert_eq!(
                    answer.read,
                    Some(Read::PortalUnderCode {
                        code: number,
                        portal: first
                    }),
                    "{text}"
                );
                let rows: Vec<String> =
                    answer.matches.iter().map(|m| m.shown.reference()).collect();
                let expected: Vec<String> =
                    alone.matches.iter().map(|m| m.shown.reference()).collect();
                assert_eq!(rows, expected, "{text}");
            }
            // Another code beside it is not the code that lists it: the error code alone.
            let other = engine
                .data()
                .table
                .codes
                .iter()
                .map(|c| c.number.get())
                .find(|n| *n != number)
                .unwrap();
            let answer = engine.answer(&format!("{other:03} マイナポータル {first:03}"));
            assert_eq!(answer.read, alone.read, "{other:03} beside {first:03}");
            asked += 1;
        }
    }
    assert!(asked > 0, "the table lists no マイナポータル error code");
}
