//! A lean scan of a worksheet's XML: its tags and their attributes, nothing else decoded.
//!
//! calamine parses the sheet for its values; the reader needs a second look only at a few
//! elements (rows, cells' positions, types and formats, merged regions, hidden columns), so
//! it steps from `<` to `<` and reads attributes as raw bytes. The rare elements that need
//! a real parse (inline strings, formulas, the autofilter's criteria) are handed to
//! quick-xml from where they start.

/// A tag met in the scan.
#[derive(Clone, Copy, Debug)]
pub enum Tag<'x> {
    /// `<name attributes>` or `<name attributes/>`.
    Start {
        /// The local name (after any `prefix:`).
        name: &'x [u8],
        /// The raw attributes between the name and the tag's end.
        attributes: &'x [u8],
        /// Whether the tag closes itself (`/>`).
        empty: bool,
        /// Where the tag starts (its `<`), to hand the element to a full parser.
        at: usize,
    },
    /// `</name>`, by local name.
    End {
        /// The local name.
        name: &'x [u8],
    },
}

/// The scan's position in a sheet's XML.
pub struct Scanner<'x> {
    xml: &'x [u8],
    pos: usize,
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

fn is_name_end(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>')
}

impl<'x> Scanner<'x> {
    /// A scan from the start of `xml`.
    pub fn new(xml: &'x [u8]) -> Scanner<'x> {
        Scanner { xml, pos: 0 }
    }

    /// The whole XML, for handing an element to a full parser.
    pub fn xml(&self) -> &'x [u8] {
        self.xml
    }

    /// Where the scan is: just after the last tag it gave.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Continues the scan at `pos` (after an element a full parser read).
    pub fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.xml.len());
    }

    /// The text from here to the next tag, raw (for a `<v>`'s digits).
    pub fn text(&self) -> &'x [u8] {
        let rest = &self.xml[self.pos..];
        let end = memchr::memchr(b'<', rest).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The next tag, passing over text, comments, processing instructions, CDATA and
    /// declarations; `None` at the end.
    pub fn next_tag(&mut self) -> Result<Option<Tag<'x>>, String> {
        loop {
            let rest = &self.xml[self.pos..];
            // Tags mostly follow each other with nothing between.
            let next = match rest.first() {
                Some(b'<') => Some(0),
                _ => memchr::memchr(b'<', rest),
            };
            let Some(lt) = next else {
                self.pos = self.xml.len();
                return Ok(None);
            };
            let at = self.pos + lt;
            let after = &self.xml[at + 1..];
            match after.first() {
                Some(b'/') => {
                    let gt = memchr::memchr(b'>', after).ok_or("the XML ends inside an end tag")?;
                    self.pos = at + 1 + gt + 1;
                    let name = after[1..gt].trim_ascii_end();
                    return Ok(Some(Tag::End { name: local(name) }));
                }
                Some(b'!') => {
                    let (close, skip): (&[u8], usize) = if after.starts_with(b"!--") {
                        (b"-->", 3)
                    } else if after.starts_with(b"![CDATA[") {
                        (b"]]>", 8)
                    } else {
                        (b">", 1)
                    };
                    let end = memchr::memmem::find(&after[skip..], close)
                        .ok_or("the XML ends inside a comment or declaration")?;
                    self.pos = at + 1 + skip + end + close.len();
                }
                Some(b'?') => {
                    let end = memchr::memmem::find(after, b"?>")
                        .ok_or("the XML ends inside a processing instruction")?;
                    self.pos = at + 1 + end + 2;
                }
                Some(_) => return self.start_tag(at).map(Some),
                None => return Err("the XML ends with `<`".to_owned()),
            }
        }
    }

    fn start_tag(&mut self, at: usize) -> Result<Tag<'x>, String> {
        let body = &self.xml[at + 1..];
        let name_len = body
            .iter()
            .position(|&b| is_name_end(b))
            .unwrap_or(body.len());
        // The tag ends at the first `>` outside quotes. Tags are short: a plain loop beats
        // a vectorized search here.
        let mut quote = 0u8;
        let mut end = None;
        for (i, &b) in body.iter().enumerate().skip(name_len) {
            if quote != 0 {
                if b == quote {
                    quote = 0;
                }
            } else if b == b'>' {
                end = Some(i);
                break;
            } else if b == b'"' || b == b'\'' {
                quote = b;
            }
        }
        let end = end.ok_or("the XML ends inside a tag")?;
        let empty = end > name_len && body[end - 1] == b'/';
        let attributes = &body[name_len..if empty { end - 1 } else { end }];
        self.pos = at + 1 + end + 1;
        Ok(Tag::Start {
            name: local(&body[..name_len]),
            attributes,
            empty,
            at,
        })
    }
}

/// The raw values of the attributes named in `locals` (by local name), in one pass.
pub fn attributes<'x, const N: usize>(raw: &'x [u8], locals: [&[u8]; N]) -> [Option<&'x [u8]>; N] {
    let mut found = [None; N];
    let mut i = 0;
    let len = raw.len();
    loop {
        while i < len && raw[i].is_ascii_whitespace() {
            i += 1;
        }
        let key_start = i;
        while i < len && raw[i] != b'=' && !raw[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &raw[key_start..i];
        while i < len && raw[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= len || raw[i] != b'=' {
            return found;
        }
        i += 1;
        while i < len && raw[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = raw.get(i) else {
            return found;
        };
        let Some(close) = raw[i + 1..].iter().position(|&b| b == quote) else {
            return found;
        };
        let value = &raw[i + 1..i + 1 + close];
        i += close + 2;
        let key = if key.contains(&b':') { local(key) } else { key };
        if let Some(slot) = locals.iter().position(|l| *l == key) {
            if found[slot].is_none() {
                found[slot] = Some(value);
            }
        }
    }
}

/// A number written in ASCII (surrounding blanks allowed).
pub fn number<T: std::str::FromStr>(raw: &[u8]) -> Option<T> {
    std::str::from_utf8(raw).ok()?.trim().parse().ok()
}

/// An unsigned integer written in ASCII digits, read without a detour through `str`.
pub fn integer(raw: &[u8]) -> Option<u32> {
    let digits = raw.trim_ascii();
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return number(raw);
    }
    Some(
        digits
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0')),
    )
}

/// Whether a raw OOXML boolean is on (`1` or `true`).
pub fn is_on(raw: Option<&[u8]>) -> bool {
    matches!(raw, Some(b"1" | b"true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(xml: &str) -> Vec<String> {
        let mut scan = Scanner::new(xml.as_bytes());
        let mut out = Vec::new();
        while let Some(tag) = scan.next_tag().unwrap() {
            out.push(match tag {
                Tag::Start {
                    name,
                    attributes,
                    empty,
                    ..
                } => format!(
                    "<{}{}{}>",
                    String::from_utf8_lossy(name),
                    String::from_utf8_lossy(attributes),
                    if empty { "/" } else { "" }
                ),
                Tag::End { name } => format!("</{}>", String::from_utf8_lossy(name)),
            });
        }
        out
    }

    #[test]
    fn tags_with_prefixes_comments_and_quoted_brackets() {
        assert_eq!(
            tags(
                r#"<?xml version="1.0"?><!-- <c> --><x:row r="1"><x:c r="A1" t='s' f="a>b"><v>3</v></x:c><c r="B1"/></x:row><![CDATA[<c>]]>"#
            ),
            [
                r#"<row r="1">"#,
                r#"<c r="A1" t='s' f="a>b">"#,
                "<v>",
                "</v>",
                "</c>",
                r#"<c r="B1"/>"#,
                "</row>"
            ]
        );
    }

    #[test]
    fn attributes_by_local_name_in_one_pass() {
        let [r, s, t] = attributes(br#" r="A1" x:s = '7' t="s" r="B2""#, [b"r", b"s", b"t"]);
        assert_eq!(
            (r, s, t),
            (Some(&b"A1"[..]), Some(&b"7"[..]), Some(&b"s"[..]))
        );
        assert_eq!(attributes(br#" broken="#, [b"r"]), [None]);
        assert_eq!(integer(b" 42 "), Some(42));
        assert_eq!(integer(b"4294967295"), Some(u32::MAX));
        assert_eq!(integer(b"4294967296"), None);
        assert_eq!(integer(b"x"), None);
    }

    #[test]
    fn unterminated_markup_is_an_error() {
        for xml in ["<c r=\"A1\"", "<!-- never closed", "</c", "<"] {
            let mut scan = Scanner::new(xml.as_bytes());
            assert!(scan.next_tag().is_err(), "{xml}");
        }
    }
}
