//! Three versions of the table built from the current one, whatever its version, as the
//! ministry might publish them: the middle one adds a code; the last one withdraws a code
//! and a message ID, adds a row with a new ID and rewords a message.

use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue, Table};

use crate::workspace::next_version;

/// The three versions and what changed in each.
pub struct ThreeVersions {
    /// Oldest first: the current table, then `V.1`, then `V.1.1`.
    pub tables: [Table; 3],
    /// The code the middle version adds (kept in the last).
    pub added_code: CodeNumber,
    /// The curated name of the added code, for `spec/names.toml`.
    pub added_code_name: &'static str,
    /// The code the last version withdraws (listed in the first two).
    pub removed_code: CodeNumber,
    /// The exact message ID the last version withdraws, with the one row that listed it.
    pub removed_id: u32,
    /// The code whose row listing `removed_id` the last version drops.
    pub removed_id_code: CodeNumber,
    /// The row the last version adds, under a code all three list: (code, row number from 1).
    pub added_row: (CodeNumber, usize),
    /// The exact ID that added row lists, in no earlier version.
    pub added_id: u32,
    /// The code whose message the last version rewords, and the words it adds.
    pub reworded: (CodeNumber, &'static str),
}

/// The first message ID from `from` on that no table lists, exactly or in a range.
pub fn unlisted_id(tables: &[&Table], from: u32) -> u32 {
    (from..)
        .find(|v| {
            tables.iter().all(|t| {
                t.codes
                    .iter()
                    .flat_map(|c| &c.rows)
                    .flat_map(|r| &r.message_ids)
                    .all(|id| !id.contains(*v))
            })
        })
        .expect("a free message ID")
}

/// The number a revision built here gives the code it adds: the highest three-digit number
/// that neither the table nor `named` (the curated names' codes) has and that no text of the
/// table names (1.25's 010 lists マイナポータル error code 999, which a text asks for as such).
pub fn free_code_number(table: &Table, named: &[CodeNumber]) -> CodeNumber {
    let texts = serde_json::to_string(table).expect("the table as JSON");
    (100..1000)
        .rev()
        .map(|n| CodeNumber::new(n).unwrap())
        .find(|n| {
            table.code(*n).is_none()
                && !named.contains(n)
                && !texts.contains(&format!("{:03}", n.get()))
        })
        .expect("a free code number")
}

/// The three versions of `current`, the code added numbered by [`free_code_number`].
pub fn three_versions(current: &Table, named: &[CodeNumber]) -> ThreeVersions {
    let first = current.clone();
    let added_code = free_code_number(&first, named);
    let mut second = next_version(&first);
    let mut row = first.codes[0].rows[0].clone();
    row.message_ids = vec![ListedId::Exact(MessageIdValue(unlisted_id(
        &[&first],
        0x8100_0000,
    )))];
    row.footnotes.clear();
    row.details.clear();
    second.codes.push(CodeEntry {
        number: added_code,
        tags: vec!["障害".to_owned()],
        heading: "検診情報取得失敗".to_owned(),
        message: "職員はシステムの運用情報を確認してください。".to_owned(),
        footnotes: Vec::new(),
        rows: vec![row],
    });

    let mut third = next_version(&second);
    // The withdrawn code: the last code the first version lists.
    let removed_code = first.codes.last().unwrap().number;
    third.codes.retain(|c| c.number != removed_code);
    // The withdrawn ID: an exact ID listed by one row only, under a code with other rows.
    let (removed_id_code, row_index, removed_id) = third
        .codes
        .iter()
        .filter(|c| c.rows.len() > 1 && c.number != added_code)
        .find_map(|code| {
            code.rows
                .iter()
                .enumerate()
                .find_map(|(r, row)| match row.message_ids.as_slice() {
                    [ListedId::Exact(id)]
                        if third
                            .codes
                            .iter()
                            .flat_map(|c| &c.rows)
                            .filter(|other| other.message_ids.contains(&ListedId::Exact(*id)))
                            .count()
                            == 1 =>
                    {
                        Some((code.number, r, id.0))
                    }
                    _ => None,
                })
        })
        .expect("an ID listed by one row");
    let code = third
        .codes
        .iter_mut()
        .find(|c| c.number == removed_id_code)
        .unwrap();
    code.rows.remove(row_index);
    // The row added, under the first code, with an ID no version lists.
    let added_id = unlisted_id(&[&first, &second, &third], 0x8200_1000);
    let mut added = third.codes[0].rows[0].clone();
    added.message_ids = vec![ListedId::Exact(MessageIdValue(added_id))];
    added.kind = "追加された行".to_owned();
    third.codes[0].rows.push(added);
    let added_row = (third.codes[0].number, third.codes[0].rows.len());
    // The message reworded: words inserted before its closing bracket.
    let reworded_code = third.codes[0].number;
    let words = "（改訂で追記）";
    let message = &mut third.codes[0].message;
    let at = message.find('【').unwrap_or(message.len());
    message.insert_str(at, words);

    ThreeVersions {
        tables: [first, second, third],
        added_code,
        added_code_name: "HistoryTestAddedCode",
        removed_code,
        removed_id,
        removed_id_code,
        added_row,
        added_id,
        reworded: (reworded_code, words),
    }
}
