//! The shared strings of an `.xlsx` with the runs of each rich string, and Excel's
//! `_xHHHH_` escapes.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::scan::{Scanner, Tag};
use crate::load::strike::Run;
use crate::load::xml::{attr, entity_text};

/// The runs of each shared string; `None` for a plain string.
///
/// Most strings are plain: they are only stepped over ([`Scanner`]); an item with runs
/// (`<r>`) is parsed in full.
pub fn shared_strings(xml: &[u8]) -> Result<Vec<Option<Vec<Run>>>, String> {
    let mut scan = Scanner::new(xml);
    let mut strings = Vec::new();
    while let Some(tag) = scan.next_tag()? {
        let Tag::Start { name: b"si", at } = tag else {
            continue;
        };
        if scan.skip_tag()? {
            strings.push(None);
            continue;
        }
        let mut has_runs = false;
        loop {
            match scan.next_tag()? {
                Some(Tag::Start { name: b"r", .. }) => has_runs = true,
                Some(Tag::End { name: b"si" }) => break,
                Some(_) => {}
                None => return Err("the XML ends inside a string".to_owned()),
            }
        }
        if has_runs {
            let mut reader = Reader::from_reader(&xml[at..scan.position()]);
            // The `<si>` start tag, already scanned.
            reader.read_event().map_err(|err| err.to_string())?;
            strings.push(string_item(&mut reader, "si")?);
        } else {
            strings.push(None);
        }
    }
    Ok(strings)
}

/// Reads a string item (`<si>` or `<is>`) up to its end: its runs when it has any.
pub fn string_item(reader: &mut Reader<&[u8]>, end: &str) -> Result<Option<Vec<Run>>, String> {
    let mut buf = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut has_runs = false;
    let mut in_run = false;
    let mut in_run_format = false;
    let mut phonetic = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "r" => {
                    has_runs = true;
                    in_run = true;
                    runs.push(Run {
                        text: String::new(),
                        strike: None,
                    });
                }
                "rPr" if in_run => {
                    in_run_format = true;
                    if let Some(run) = runs.last_mut() {
                        run.strike = Some(false);
                    }
                }
                "strike" if in_run_format => set_strike(&mut runs, &e),
                "rPh" => phonetic = true,
                "t" if !phonetic => {
                    let preserve = attr(&e, "space").as_deref() == Some("preserve");
                    let text = text_until(reader, "t", preserve)?;
                    match runs.last_mut() {
                        Some(run) if in_run => run.text.push_str(&text),
                        _ => runs.push(Run { text, strike: None }),
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "rPr" if in_run => {
                    if let Some(run) = runs.last_mut() {
                        run.strike = Some(false);
                    }
                }
                "strike" if in_run_format => set_strike(&mut runs, &e),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "r" => in_run = false,
                "rPr" => in_run_format = false,
                "rPh" => phonetic = false,
                name if name == end => break,
                _ => {}
            },
            Event::Eof => return Err("the XML ends inside a string".to_owned()),
            _ => {}
        }
        buf.clear();
    }
    Ok(has_runs.then_some(runs))
}

fn set_strike(runs: &mut [Run], element: &BytesStart<'_>) {
    let on = !matches!(attr(element, "val").as_deref(), Some("0" | "false"));
    if let Some(run) = runs.last_mut() {
        run.strike = Some(on);
    }
}

/// The text of an element up to its end, unescaped as calamine does (`_x000D_` escapes;
/// blanks at both ends trimmed unless `xml:space="preserve"`).
pub fn text_until(reader: &mut Reader<&[u8]>, end: &str, preserve: bool) -> Result<String, String> {
    let mut buf = Vec::new();
    let mut value = String::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?
        {
            Event::Text(t) => value.push_str(&t.xml10_content()),
            Event::CData(t) => value.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => value.extend(entity_text(&r)),
            Event::End(e) if e.local_name().as_ref() == end => break,
            Event::Eof => return Err("the XML ends inside a text".to_owned()),
            _ => {}
        }
        buf.clear();
    }
    let value = if preserve {
        value.as_str()
    } else {
        value.trim_matches([' ', '\t', '\r', '\n'])
    };
    Ok(unescape_ooxml(value))
}

/// `_xHHHH_` escapes (UTF-16 code units) as characters; `_x005F_` escapes an underscore.
fn unescape_ooxml(text: &str) -> String {
    let mut units: Vec<u16> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let flush = |units: &mut Vec<u16>, out: &mut String| {
        out.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
    };
    while let Some(index) = rest.find("_x") {
        let escape = rest
            .get(index..index + 7)
            .filter(|s| s.ends_with('_'))
            .and_then(|s| u16::from_str_radix(&s[2..6], 16).ok());
        match escape {
            Some(unit) => {
                if index > 0 {
                    flush(&mut units, &mut out);
                    out.push_str(&rest[..index]);
                }
                units.push(unit);
                rest = &rest[index + 7..];
            }
            None => {
                flush(&mut units, &mut out);
                out.push_str(&rest[..index + 2]);
                rest = &rest[index + 2..];
            }
        }
    }
    flush(&mut units, &mut out);
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ooxml_escapes() {
        assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_ooxml("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_ooxml("_xD83D__xDCF7_"), "📷");
        assert_eq!(unescape_ooxml("no_xescape"), "no_xescape");
    }

    #[test]
    fn struck_runs_in_shared_strings() {
        let xml = r#"<sst><si><t>plain</t></si><si><r><rPr><strike/></rPr><t>0x03000001</t></r><r><t xml:space="preserve">
0x03000002</t></r><rPh><t>ふりがな</t></rPh></si><si><r><rPr><strike val="0"/><b/></rPr><t>a&amp;b</t></r></si></sst>"#;
        let strings = shared_strings(xml.as_bytes()).unwrap();
        assert_eq!(strings[0], None);
        assert_eq!(
            strings[1].as_deref(),
            Some(
                &[
                    Run {
                        text: "0x03000001".into(),
                        strike: Some(true)
                    },
                    Run {
                        text: "\n0x03000002".into(),
                        strike: None
                    }
                ][..]
            )
        );
        assert_eq!(
            strings[2].as_deref(),
            Some(
                &[Run {
                    text: "a&b".into(),
                    strike: Some(false)
                }][..]
            )
        );
    }
}
