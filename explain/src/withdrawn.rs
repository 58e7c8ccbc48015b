//! What an old terminal still shows: a code or message ID an older version of `spec/`
//! lists and this table does not, answered with the texts it last had and the version
//! that withdrew it.

use oqs_messages::unseen::escaped;
use oqs_messages::{
    Code, MessageId, Query, Withdrawn, WithdrawnCode, WithdrawnListedId, WithdrawnRow, VERSION,
};

use crate::json::{FootnoteJson, IdJson, RowJson, WithdrawnJson, WithdrawnRowJson};
use crate::say::{self, Lang, Missing};
use crate::text::write_row;

/// A withdrawn code or ID and the rows it last had.
#[derive(Clone, Debug)]
pub struct WithdrawnAnswer {
    /// What was asked: code 017, message ID 0x81000030.
    pub what: Missing,
    /// The last version that lists it.
    pub last_version: &'static str,
    /// The version that no longer lists it.
    pub removed_in: &'static str,
    /// The withdrawn code, when a code was asked.
    pub code: Option<&'static WithdrawnCode>,
    /// Its rows as last published (for a pair, those listing the ID).
    pub rows: Vec<&'static WithdrawnRow>,
}

/// The withdrawn entry a query asks for: a code this table does not list, an ID it does
/// not list, or a pair whose code or ID it does not list, where an older version of
/// `spec/` does. (A number alone can also be a マイナポータル error code of a current row:
/// both are answers.)
pub fn withdrawn(query: Query) -> Option<WithdrawnAnswer> {
    let by_code = |number: u16, value: Option<u32>| {
        if Code::from_number(number).is_some() {
            return None;
        }
        let code = Withdrawn::code(number)?;
        let rows: Vec<&WithdrawnRow> = code
            .rows()
            .iter()
            .filter(|r| value.is_none_or(|v| r.message_ids.iter().any(|id| id.contains(v))))
            .collect();
        (!rows.is_empty()).then(|| WithdrawnAnswer {
            what: Missing::Code(number),
            last_version: code.last_version(),
            removed_in: code.removed_in(),
            code: Some(code),
            rows,
        })
    };
    let by_id = |value: u32, number: Option<u16>| {
        if MessageId::from_value(value).is_some() {
            return None;
        }
        let id = Withdrawn::message_id(value)?;
        let rows: Vec<&WithdrawnRow> = id
            .rows()
            .iter()
            .filter(|r| number.is_none_or(|n| r.code == n))
            .collect();
        (!rows.is_empty()).then(|| WithdrawnAnswer {
            what: Missing::MessageId(value),
            last_version: id.last_version(),
            removed_in: id.removed_in(),
            code: None,
            rows,
        })
    };
    match query {
        Query::Code(number) => by_code(number, None),
        Query::Value(value) => by_id(value, None),
        Query::Pair(number, value) => {
            by_code(number, Some(value)).or_else(|| by_id(value, Some(number)))
        }
        Query::Portal(_) => None,
    }
}

impl WithdrawnAnswer {
    /// The sentence that heads the answer.
    pub fn notice(&self, lang: Lang) -> String {
        say::withdrawn(lang, self.what, VERSION, self.removed_in, self.last_version)
    }

    /// The answer for people, as `render_text` writes current rows.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = format!("{}\n", self.notice(lang));
        for row in &self.rows {
            out.push('\n');
            write_row(&mut out, lang, &reference(row), None, &self.row_json(row));
        }
        escaped(&out).to_string()
    }

    /// The answer for machines.
    pub fn json(&self) -> WithdrawnJson {
        WithdrawnJson {
            last_version: self.last_version,
            removed_in: self.removed_in,
            rows: self
                .rows
                .iter()
                .map(|row| WithdrawnRowJson {
                    row: reference(row),
                    texts: self.row_json(row),
                })
                .collect(),
        }
    }

    /// A row's texts as last published; the code's tags and message when a code was asked
    /// (the rows of a withdrawn ID keep neither).
    fn row_json(&self, row: &WithdrawnRow) -> RowJson {
        RowJson {
            code: format!("{:03}", row.code),
            tags: self.code.map_or_else(Vec::new, |c| c.tags().to_vec()),
            heading: row.code_heading,
            message: self.code.map(|c| c.message()),
            kind: row.kind,
            message_ids: row.message_ids.iter().map(id_json).collect(),
            cause: row.cause,
            remedy: row.remedy,
            contact: row.contact,
            footnotes: row
                .footnotes
                .iter()
                .map(|n| FootnoteJson {
                    number: n.number,
                    marker: n.marker,
                    text: n.text,
                })
                .collect(),
        }
    }
}

/// `017-1`: the code and the row's number under it.
fn reference(row: &WithdrawnRow) -> String {
    format!("{:03}-{}", row.code, row.number)
}

fn id_json(id: &WithdrawnListedId) -> IdJson {
    match *id {
        WithdrawnListedId::Exact(v) => IdJson::Exact(format!("0x{v:08X}")),
        WithdrawnListedId::Range { start, end } => IdJson::Range {
            start: format!("0x{start:08X}"),
            end: format!("0x{end:08X}"),
        },
    }
}
