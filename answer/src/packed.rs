//! The table packed for the page's engine: the data of `table.json` (the table and its
//! history) as lengths and bytes, read with a few small functions. The page's engine reads
//! it at its start, where JSON took most of the time before the first answer (every
//! function of a JSON reader compiled at its first call, then run unoptimized).
//!
//! The form: the bytes `OQT1`, then each value in the order of its fields. A number is
//! unsigned LEB128; a text its length in bytes and its UTF-8; a list its length and its
//! items; a version its text; a listed ID `0` and the ID, or `1`, the first and the last
//! of the range; a detail's code `0` and the received code, or `1`, the first and the last
//! マイナポータル code. Every struct is taken apart whole, so a field added to the model
//! does not compile here until it is packed.

use std::fmt;

use oqs_messages_table::{
    CodeEntry, CodeListing, CodeNumber, Detail, DetailCode, Footnote, History, IdListing, ListedId,
    MessageIdValue, Row, RowPlace, Table, Version, WithdrawnCode, WithdrawnId, WithdrawnRow,
};

use crate::data::TableData;

/// The first bytes of a packed table, and its form's version.
const MAGIC: &[u8; 4] = b"OQT1";

/// Why bytes are not a packed table: where, and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnpackError {
    /// The offset of the byte where reading stopped.
    pub at: usize,
    /// What was expected there.
    pub expected: &'static str,
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a packed table: byte {}: expected {}",
            self.at, self.expected
        )
    }
}

impl std::error::Error for UnpackError {}

/// The table and its history, packed (its source's name with them).
pub(crate) fn pack(data: &TableData) -> Vec<u8> {
    let TableData {
        source,
        table,
        history,
        newest: _,
    } = data;
    let Table {
        title,
        version,
        codes,
        footnotes,
    } = table;
    let mut out = Packer(MAGIC.to_vec());
    out.text(source);
    out.text(title);
    out.version(version);
    out.list(codes, Packer::code);
    out.list(footnotes, Packer::footnote);
    let History {
        versions,
        codes,
        message_ids,
        withdrawn_codes,
        withdrawn_ids,
        rows_added,
    } = history;
    out.list(versions, Packer::version);
    out.list(codes, |out, CodeListing { number, listed_in }| {
        out.number(number.get().into());
        out.list(listed_in, Packer::version);
    });
    out.list(message_ids, |out, IdListing { id, listed_in }| {
        out.listed_id(id);
        out.list(listed_in, Packer::version);
    });
    out.list(withdrawn_codes, |out, withdrawn| {
        let WithdrawnCode {
            last_version,
            removed_in,
            entry,
            footnotes,
        } = withdrawn;
        out.version(last_version);
        out.version(removed_in);
        out.code(entry);
        out.list(footnotes, Packer::footnote);
    });
    out.list(withdrawn_ids, |out, withdrawn| {
        let WithdrawnId {
            id,
            last_version,
            removed_in,
            rows,
            footnotes,
        } = withdrawn;
        out.listed_id(id);
        out.version(last_version);
        out.version(removed_in);
        out.list(rows, |out, place| {
            let WithdrawnRow {
                code,
                heading,
                number,
                row,
            } = place;
            out.number(code.get().into());
            out.text(heading);
            out.number(*number as u64);
            out.row(row);
        });
        out.list(footnotes, Packer::footnote);
    });
    out.list(rows_added, |out, RowPlace { code, row }| {
        out.number(code.get().into());
        out.number(*row as u64);
    });
    out.0
}

/// Reads what [`pack`] wrote: the newest table, as [`TableData::from_json`] reads
/// `table.json`.
pub(crate) fn unpack(bytes: &[u8]) -> Result<TableData, UnpackError> {
    let mut read = Unpacker { bytes, at: 0 };
    if !bytes.starts_with(MAGIC) {
        return Err(read.error("the bytes OQT1"));
    }
    read.at = MAGIC.len();
    let source = read.text()?;
    let title = read.text()?;
    let version = read.version()?;
    let codes = read.list(Unpacker::code)?;
    let footnotes = read.list(Unpacker::footnote)?;
    let history = History {
        versions: read.list(Unpacker::version)?,
        codes: read.list(|read| {
            Ok(CodeListing {
                number: read.code_number()?,
                listed_in: read.list(Unpacker::version)?,
            })
        })?,
        message_ids: read.list(|read| {
            Ok(IdListing {
                id: read.listed_id()?,
                listed_in: read.list(Unpacker::version)?,
            })
        })?,
        withdrawn_codes: read.list(|read| {
            Ok(WithdrawnCode {
                last_version: read.version()?,
                removed_in: read.version()?,
                entry: read.code()?,
                footnotes: read.list(Unpacker::footnote)?,
            })
        })?,
        withdrawn_ids: read.list(|read| {
            Ok(WithdrawnId {
                id: read.listed_id()?,
                last_version: read.version()?,
                removed_in: read.version()?,
                rows: read.list(|read| {
                    Ok(WithdrawnRow {
                        code: read.code_number()?,
                        heading: read.text()?,
                        number: read.size()?,
                        row: read.row()?,
                    })
                })?,
                footnotes: read.list(Unpacker::footnote)?,
            })
        })?,
        rows_added: read.list(|read| {
            Ok(RowPlace {
                code: read.code_number()?,
                row: read.size()?,
            })
        })?,
    };
    if read.at != bytes.len() {
        return Err(read.error("the end of the table"));
    }
    Ok(TableData {
        source,
        table: Table {
            title,
            version,
            codes,
            footnotes,
        },
        history,
        newest: true,
    })
}

/// Writes values as [`unpack`] reads them.
struct Packer(Vec<u8>);

impl Packer {
    fn number(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Packer, &T)) {
        self.number(items.len() as u64);
        for item in items {
            each(self, item);
        }
    }

    fn version(&mut self, version: &Version) {
        self.text(version.as_str());
    }

    /// The footnotes a code or a row cites, by number.
    fn footnote_numbers(&mut self, numbers: &[u8]) {
        self.list(numbers, |out, n| out.number((*n).into()));
    }

    fn listed_id(&mut self, id: &ListedId) {
        match *id {
            ListedId::Exact(id) => {
                self.number(0);
                self.number(id.value().into());
            }
            ListedId::Range { start, end } => {
                self.number(1);
                self.number(start.value().into());
                self.number(end.value().into());
            }
        }
    }

    fn code(&mut self, entry: &CodeEntry) {
        let CodeEntry {
            number,
            tags,
            heading,
            message,
            footnotes,
            rows,
        } = entry;
        self.number(number.get().into());
        self.list(tags, |out, tag| out.text(tag));
        self.text(heading);
        self.text(message);
        self.footnote_numbers(footnotes);
        self.list(rows, Packer::row);
    }

    fn row(&mut self, row: &Row) {
        let Row {
            kind,
            message_ids,
            cause,
            remedy,
            contact,
            footnotes,
            details,
        } = row;
        self.text(kind);
        self.list(message_ids, Packer::listed_id);
        self.text(cause);
        self.text(remedy);
        self.text(contact);
        self.footnote_numbers(footnotes);
        self.list(details, |out, Detail { code, text }| {
            match *code {
                DetailCode::ReceivedCode { code } => {
                    out.number(0);
                    out.number(code.value().into());
                }
                DetailCode::PortalError { first, last } => {
                    out.number(1);
                    out.number(first.into());
                    out.number(last.into());
                }
            }
            out.text(text);
        });
    }

    fn footnote(&mut self, footnote: &Footnote) {
        let Footnote {
            number,
            marker,
            text,
        } = footnote;
        self.number((*number).into());
        self.text(marker);
        self.text(text);
    }
}

/// Reads what [`Packer`] wrote, refusing what it would not have.
struct Unpacker<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Unpacker<'_> {
    fn error(&self, expected: &'static str) -> UnpackError {
        UnpackError {
            at: self.at,
            expected,
        }
    }

    fn number(&mut self) -> Result<u64, UnpackError> {
        let start = self.at;
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else {
                self.at = start;
                return Err(self.error("a number"));
            };
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        self.at = start;
        Err(self.error("a number of at most 64 bits"))
    }

    fn bounded<T: TryFrom<u64>>(&mut self, expected: &'static str) -> Result<T, UnpackError> {
        let start = self.at;
        let n = self.number()?;
        T::try_from(n).map_err(|_| UnpackError {
            at: start,
            expected,
        })
    }

    fn size(&mut self) -> Result<usize, UnpackError> {
        self.bounded("a count")
    }

    fn text(&mut self) -> Result<String, UnpackError> {
        let start = self.at;
        let len = self.size()?;
        let bytes = self
            .at
            .checked_add(len)
            .and_then(|end| self.bytes.get(self.at..end))
            .ok_or(UnpackError {
                at: start,
                expected: "a text within the bytes",
            })?;
        let text = std::str::from_utf8(bytes).map_err(|_| UnpackError {
            at: start,
            expected: "a text in UTF-8",
        })?;
        self.at += len;
        Ok(text.to_owned())
    }

    /// A list: its length, then each item (a length longer than the bytes left, each item
    /// taking one at least, is refused before anything is allocated for it).
    fn list<T>(
        &mut self,
        mut each: impl FnMut(&mut Self) -> Result<T, UnpackError>,
    ) -> Result<Vec<T>, UnpackError> {
        let start = self.at;
        let len = self.size()?;
        if len > self.bytes.len() - self.at {
            return Err(UnpackError {
                at: start,
                expected: "a list within the bytes",
            });
        }
        let mut items = Vec::with_capacity(len);
        for _ in 0..len {
            items.push(each(self)?);
        }
        Ok(items)
    }

    fn version(&mut self) -> Result<Version, UnpackError> {
        let start = self.at;
        self.text()?.parse().map_err(|_| UnpackError {
            at: start,
            expected: "a version such as 1.25",
        })
    }

    fn code_number(&mut self) -> Result<CodeNumber, UnpackError> {
        let start = self.at;
        let n = self.bounded("a display code of three digits")?;
        CodeNumber::new(n).ok_or(UnpackError {
            at: start,
            expected: "a display code of three digits",
        })
    }

    fn id(&mut self) -> Result<MessageIdValue, UnpackError> {
        self.bounded("a message ID of 32 bits").map(MessageIdValue)
    }

    fn listed_id(&mut self) -> Result<ListedId, UnpackError> {
        let start = self.at;
        match self.number()? {
            0 => Ok(ListedId::Exact(self.id()?)),
            1 => {
                let (first, last) = (self.id()?, self.id()?);
                if first <= last {
                    Ok(ListedId::Range {
                        start: first,
                        end: last,
                    })
                } else {
                    Err(UnpackError {
                        at: start,
                        expected: "a range whose first ID is not after its last",
                    })
                }
            }
            _ => Err(UnpackError {
                at: start,
                expected: "0 (an ID) or 1 (a range)",
            }),
        }
    }

    /// The footnotes a code or a row cites, by number.
    fn footnote_numbers(&mut self) -> Result<Vec<u8>, UnpackError> {
        self.list(|read| read.bounded("a footnote's number"))
    }

    fn code(&mut self) -> Result<CodeEntry, UnpackError> {
        Ok(CodeEntry {
            number: self.code_number()?,
            tags: self.list(Self::text)?,
            heading: self.text()?,
            message: self.text()?,
            footnotes: self.footnote_numbers()?,
            rows: self.list(Self::row)?,
        })
    }

    fn row(&mut self) -> Result<Row, UnpackError> {
        Ok(Row {
            kind: self.text()?,
            message_ids: self.list(Self::listed_id)?,
            cause: self.text()?,
            remedy: self.text()?,
            contact: self.text()?,
            footnotes: self.footnote_numbers()?,
            details: self.list(|read| {
                let start = read.at;
                let code = match read.number()? {
                    0 => DetailCode::ReceivedCode { code: read.id()? },
                    1 => DetailCode::PortalError {
                        first: read.bounded("a マイナポータル code")?,
                        last: read.bounded("a マイナポータル code")?,
                    },
                    _ => {
                        return Err(UnpackError {
                            at: start,
                            expected: "0 (a received code) or 1 (a マイナポータル code)",
                        })
                    }
                };
                Ok(Detail {
                    code,
                    text: read.text()?,
                })
            })?,
        })
    }

    fn footnote(&mut self) -> Result<Footnote, UnpackError> {
        Ok(Footnote {
            number: self.bounded("a footnote's number")?,
            marker: self.text()?,
            text: self.text()?,
        })
    }
}
