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
    /// `<name …>` or `<name …/>`: the scan stands just after the name, and the next call
    /// reads the rest of the tag ([`Scanner::attributes`], [`Scanner::skip_tag`]) or steps
    /// over it.
    Start {
        /// The local name (after any `prefix:`).
        name: &'x [u8],
        /// Where the tag starts (its `<`), to hand the element to a full parser.
        at: usize,
    },
    /// `</name>`, by local name.
    End {
        /// The local name.
        name: &'x [u8],
    },
}

/// The raw values of the attributes asked for, in the order asked.
pub type Attributes<'x, const N: usize> = [Option<&'x [u8]>; N];

/// The scan's position in a sheet's XML.
pub struct Scanner<'x> {
    xml: &'x [u8],
    pos: usize,
    /// Whether the scan stands inside a start tag, after its name.
    in_tag: bool,
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

/// Names of a byte or a few, compared in place rather than through `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<'x> Scanner<'x> {
    /// A scan from the start of `xml`.
    pub fn new(xml: &'x [u8]) -> Scanner<'x> {
        Scanner {
            xml,
            pos: 0,
            in_tag: false,
        }
    }

    /// The whole XML, for handing an element to a full parser.
    pub fn xml(&self) -> &'x [u8] {
        self.xml
    }

    /// Where the scan is: just after the last tag it read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Continues the scan at `pos` (after an element a full parser read).
    pub fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.xml.len());
        self.in_tag = false;
    }

    /// The text from here to the next tag, raw (for a `<v>`'s digits), once the start tag
    /// before it is read.
    pub fn text(&self) -> &'x [u8] {
        let rest = &self.xml[self.pos..];
        let end = memchr::memchr(b'<', rest).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The next tag, passing over text, comments, processing instructions, CDATA and
    /// declarations, and over the rest of a start tag not read; `None` at the end.
    pub fn next_tag(&mut self) -> Result<Option<Tag<'x>>, String> {
        if self.in_tag {
            self.skip_tag()?;
        }
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
                    // End tags are short: a plain loop beats a vectorized search.
                    let gt = after
                        .iter()
                        .position(|&b| b == b'>')
                        .ok_or("the XML ends inside an end tag")?;
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
                Some(_) => {
                    let name_len = after
                        .iter()
                        .position(|&b| is_name_end(b))
                        .unwrap_or(after.len());
                    self.pos = at + 1 + name_len;
                    self.in_tag = true;
                    return Ok(Some(Tag::Start {
                        name: local(&after[..name_len]),
                        at,
                    }));
                }
                None => return Err("the XML ends with `<`".to_owned()),
            }
        }
    }

    /// Steps over the rest of the start tag just given, to its first `>` outside quotes;
    /// whether it closes itself (`/>`).
    pub fn skip_tag(&mut self) -> Result<bool, String> {
        if !self.in_tag {
            return Ok(false);
        }
        let from = self.pos;
        let body = &self.xml[from..];
        // Tags are short: a plain loop beats a vectorized search here.
        let mut quote = 0u8;
        let mut end = None;
        for (i, &b) in body.iter().enumerate() {
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
        self.pos = from + end + 1;
        self.in_tag = false;
        Ok(end > 0 && body[end - 1] == b'/')
    }

    /// The raw values of the attributes named in `locals` (by local name) of the start tag
    /// just given, read with the tag's end in one pass, and whether it closes itself. What
    /// is malformed ends the reading of attributes; the tag's end is still found.
    pub fn attributes<const N: usize>(
        &mut self,
        locals: [&[u8]; N],
    ) -> Result<(Attributes<'x, N>, bool), String> {
        let mut found = [None; N];
        if !self.in_tag {
            return Ok((found, false));
        }
        let raw = self.xml;
        let len = raw.len();
        let mut i = self.pos;
        loop {
            while i < len && raw[i].is_ascii_whitespace() {
                i += 1;
            }
            match raw.get(i) {
                Some(b'>') => {
                    self.pos = i + 1;
                    self.in_tag = false;
                    return Ok((found, false));
                }
                Some(b'/') if raw.get(i + 1) == Some(&b'>') => {
                    self.pos = i + 2;
                    self.in_tag = false;
                    return Ok((found, true));
                }
                _ => {}
            }
            let key_start = i;
            while i < len
                && !matches!(raw[i], b'=' | b'/' | b'>' | b'"' | b'\'')
                && !raw[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let key = &raw[key_start..i];
            while i < len && raw[i].is_ascii_whitespace() {
                i += 1;
            }
            let quote = match (key.is_empty(), raw.get(i), raw.get(i + 1)) {
                (false, Some(b'='), _) => {
                    i += 1;
                    while i < len && raw[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    match raw.get(i) {
                        Some(&q @ (b'"' | b'\'')) => Some(q),
                        _ => None,
                    }
                }
                _ => None,
            };
            let close = quote.and_then(|q| raw[i + 1..].iter().position(|&b| b == q));
            let Some(close) = close else {
                // Malformed: the tag ends where a quote-aware look finds its end.
                self.pos = key_start;
                return Ok((found, self.skip_tag()?));
            };
            let value = &raw[i + 1..i + 1 + close];
            i += close + 2;
            let key = if key.contains(&b':') { local(key) } else { key };
            if let Some(slot) = locals.iter().position(|l| same(l, key)) {
                if found[slot].is_none() {
                    found[slot] = Some(value);
                }
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
                Tag::Start { name, .. } => {
                    let empty = scan.skip_tag().unwrap();
                    format!(
                        "<{}{}>",
                        String::from_utf8_lossy(name),
                        if empty { "/" } else { "" }
                    )
                }
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
            ["<row>", "<c>", "<v>", "</v>", "</c>", "<c/>", "</row>"]
        );
    }

    /// Reads the attributes of the first tag of `xml`, then the name of the tag after it.
    fn first_attributes<const N: usize>(
        xml: &str,
        locals: [&[u8]; N],
    ) -> ([Option<String>; N], bool, Option<String>) {
        let mut scan = Scanner::new(xml.as_bytes());
        scan.next_tag().unwrap();
        let (found, empty) = scan.attributes(locals).unwrap();
        let next = match scan.next_tag().unwrap() {
            Some(Tag::Start { name, .. }) | Some(Tag::End { name }) => {
                Some(String::from_utf8_lossy(name).into_owned())
            }
            None => None,
        };
        (
            found.map(|v| v.map(|v| String::from_utf8_lossy(v).into_owned())),
            empty,
            next,
        )
    }

    #[test]
    fn attributes_by_local_name_with_the_tag_end_in_one_pass() {
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            first_attributes(
                r#"<c r="A1" x:s = '7' t="s" r="B2"/><v>"#,
                [b"r", b"s", b"t"]
            ),
            ([some("A1"), some("7"), some("s")], true, some("v"))
        );
        assert_eq!(
            first_attributes(r#"<c f="a>b" r='C3' ><next/>"#, [b"r", b"f"]),
            ([some("C3"), some("a>b")], false, some("next"))
        );
        // Malformed: what was read before stays, and the tag still ends at its `>`.
        assert_eq!(
            first_attributes(r#"<c r="A1" broken= t="s"/><after>"#, [b"r", b"t"]),
            ([some("A1"), None], true, some("after"))
        );
        assert_eq!(
            first_attributes(r#"<c a"b="x>" r="A1"><after>"#, [b"r"]),
            ([None], false, some("after"))
        );
        assert_eq!(
            first_attributes(r#"<c r="A1"/ ><after>"#, [b"r"]),
            ([some("A1")], false, some("after"))
        );
        assert_eq!(first_attributes("<c>", [b"r"]), ([None], false, None));
        assert_eq!(integer(b" 42 "), Some(42));
        assert_eq!(integer(b"4294967295"), Some(u32::MAX));
        assert_eq!(integer(b"4294967296"), None);
        assert_eq!(integer(b"x"), None);
    }

    #[test]
    fn unterminated_markup_is_an_error() {
        for xml in ["<c r=\"A1\"", "<c r=\"A1", "<!-- never closed", "</c", "<"] {
            let mut scan = Scanner::new(xml.as_bytes());
            let read = scan.next_tag().and_then(|tag| match tag {
                Some(Tag::Start { .. }) => scan.attributes([b"r"]).map(|_| None),
                other => Ok(other),
            });
            assert!(read.is_err(), "{xml}");
            let mut scan = Scanner::new(xml.as_bytes());
            assert!(
                scan.next_tag().and_then(|_| scan.next_tag()).is_err(),
                "{xml}"
            );
        }
    }
}
