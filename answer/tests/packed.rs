//! The table packed for the page's engine (`oqs_answer::packed`) is read back as
//! `table.json` is: the table of the day, and a history with every kind of entry; bytes cut
//! short or damaged anywhere are refused with the byte named, never a panic.

use oqs_answer::packed::UnpackError;
use oqs_answer::TableData;
use oqs_messages_table::{
    CodeNumber, ListedId, MessageIdValue, RowPlace, Version, WithdrawnCode, WithdrawnId,
    WithdrawnRow,
};

fn today() -> TableData {
    TableData::from_json(include_str!("../../generated/table.json")).unwrap()
}

/// The table of the day with a history of each kind: a code and an ID withdrawn (with the
/// row that listed it), a row added.
fn with_a_history() -> TableData {
    let mut data = today();
    let older: Version = "1.24".parse().unwrap();
    let version = data.table.version.clone();
    let entry = data.table.codes[0].clone();
    let row = entry.rows[0].clone();
    let history = &mut data.history;
    history.versions.insert(0, older.clone());
    history.withdrawn_codes.push(WithdrawnCode {
        last_version: older.clone(),
        removed_in: version.clone(),
        entry: entry.clone(),
        footnotes: data.table.footnotes.clone(),
    });
    history.withdrawn_ids.push(WithdrawnId {
        id: ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF),
        },
        last_version: older,
        removed_in: version,
        rows: vec![WithdrawnRow {
            code: CodeNumber::new(999).unwrap(),
            heading: entry.heading.clone(),
            number: 300,
            row,
        }],
        footnotes: Vec::new(),
    });
    history.rows_added.push(RowPlace {
        code: entry.number,
        row: 2,
    });
    data
}

#[test]
fn a_packed_table_is_read_back_as_table_json_is() {
    for data in [today(), with_a_history()] {
        let packed = data.packed();
        assert_eq!(TableData::from_packed(&packed).unwrap(), data);
        // The same table gives the same bytes.
        assert_eq!(packed, data.clone().packed());
    }
    // Every kind of value the table holds is in the table of the day: details of both
    // kinds, ranges, footnotes.
    let rows = || today().table.codes.into_iter().flat_map(|code| code.rows);
    assert!(rows().any(|row| !row.details.is_empty()));
    assert!(rows().any(|row| row
        .message_ids
        .iter()
        .any(|id| matches!(id, ListedId::Range { .. }))));
    assert!(rows().any(|row| !row.footnotes.is_empty()));
    // Smaller than the JSON the page carried before, without indentation (46 KB against 60
    // KB for 1.25).
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../generated/table.json")).unwrap();
    let compact = serde_json::to_string(&json).unwrap();
    assert!(today().packed().len() < compact.len() * 4 / 5);
}

#[test]
fn damaged_bytes_are_refused_with_the_byte_named() {
    let packed = with_a_history().packed();
    assert_eq!(
        TableData::from_packed(b"{\"codes\": []}").unwrap_err(),
        UnpackError {
            at: 0,
            expected: "the bytes OQT1"
        }
    );
    let error = TableData::from_packed(b"OQT1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "not a packed table: byte 4: expected a number"
    );
    let mut longer = packed.clone();
    longer.push(0);
    assert_eq!(
        TableData::from_packed(&longer).unwrap_err(),
        UnpackError {
            at: packed.len(),
            expected: "the end of the table"
        }
    );
    // Cut anywhere: refused within the bytes.
    let cuts = (0..packed.len())
        .step_by(61)
        .chain(packed.len() - 300..packed.len());
    for cut in cuts {
        let error = TableData::from_packed(&packed[..cut]).unwrap_err();
        assert!(error.at <= cut, "{cut}: {error}");
    }
    // A byte changed anywhere: refused, or read as some other table; never a panic, and a
    // count that cannot fit is refused before anything is made for it.
    for at in (4..packed.len()).step_by(37) {
        for byte in [0x00, 0x7f, 0xff] {
            let mut damaged = packed.clone();
            damaged[at] = byte;
            if let Err(error) = TableData::from_packed(&damaged) {
                assert!(error.at < damaged.len(), "{at}: {error}");
            }
        }
    }
    let mut huge = b"OQT1".to_vec();
    huge.extend([0xff; 9]);
    huge.push(0x01);
    assert_eq!(TableData::from_packed(&huge).unwrap_err().at, 4);
}
