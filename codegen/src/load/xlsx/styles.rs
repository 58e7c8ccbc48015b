//! Which cell formats strike their text through: `styles.xml`'s `cellXfs`, each with its
//! font, and the fonts with `<strike/>`. Read here so that the sheet's cells need one pass
//! (calamine's cell styles would parse the whole sheet again).

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::load::xml::attr;

/// For each cell format (the `s` of a cell), whether its font strikes text through.
pub fn struck_formats(xml: &[u8]) -> Result<Vec<bool>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut fonts_struck: Vec<bool> = Vec::new();
    let mut format_fonts: Vec<Option<usize>> = Vec::new();
    let (mut in_fonts, mut in_font, mut in_cell_xfs) = (false, false, false);
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    "fonts" => in_fonts = !empty,
                    "font" if in_fonts => {
                        fonts_struck.push(false);
                        in_font = !empty;
                    }
                    "strike" if in_font => {
                        let on = attr(e, "val").is_none_or(|v| v != "0" && v != "false");
                        if let Some(last) = fonts_struck.last_mut() {
                            *last = on;
                        }
                    }
                    "cellXfs" => in_cell_xfs = !empty,
                    "xf" if in_cell_xfs => {
                        format_fonts.push(attr(e, "fontId").and_then(|f| f.parse().ok()));
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "fonts" => in_fonts = false,
                "font" => in_font = false,
                "cellXfs" => in_cell_xfs = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(format_fonts
        .into_iter()
        .map(|font| {
            font.and_then(|f| fonts_struck.get(f).copied())
                .unwrap_or(false)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_whose_font_is_struck() {
        let xml = br#"<styleSheet><fonts count="3"><font><sz val="11"/></font><font><strike/></font><font><strike val="0"/></font></fonts>
<cellStyleXfs count="1"><xf fontId="1"/></cellStyleXfs>
<cellXfs count="4"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf fontId="2"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(struck_formats(xml).unwrap(), [false, true, false, false]);
    }
}
