//! A1-style cell references: naming a cell for people (`一覧!E14`) and reading the
//! references a workbook's XML gives (`B14`, `A2:H98`).

/// The A1-style name of a 0-based cell, with its sheet: `一覧!E14`.
pub fn cell_name(sheet: &str, (row, col): (u32, u32)) -> String {
    let needs_quotes = sheet
        .chars()
        .any(|c| c.is_whitespace() || "!'-+()[],;&%$#@^=<>{}\"".contains(c));
    let sheet = if needs_quotes {
        format!("'{}'", sheet.replace('\'', "''"))
    } else {
        sheet.to_owned()
    };
    format!("{sheet}!{}{}", column_letters(col), row + 1)
}

/// `0` is `A`, `25` is `Z`, `26` is `AA`.
pub fn column_letters(col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// `B14` as (13, 1); `None` when malformed.
pub fn parse_cell_ref(text: &str) -> Option<(u32, u32)> {
    parse_cell_ref_bytes(text.as_bytes())
}

/// [`parse_cell_ref`] on the raw bytes of an attribute, read without a detour through `str`
/// (every cell of a sheet gives one).
pub fn parse_cell_ref_bytes(raw: &[u8]) -> Option<(u32, u32)> {
    let text = trim_dollar(raw);
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = text[..letters].iter().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let digits = trim_dollar(&text[letters..]);
    // As `str::parse::<u32>` reads it: an optional `+`, then at least one digit.
    let digits = digits.strip_prefix(b"+").unwrap_or(digits);
    if digits.is_empty() {
        return None;
    }
    let mut row = 0u32;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        row = row.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
    }
    Some((row.checked_sub(1)?, col - 1))
}

fn trim_dollar(raw: &[u8]) -> &[u8] {
    let start = raw.iter().take_while(|&&b| b == b'$').count();
    &raw[start..]
}

/// `A2:H98` as its corners; a single cell is both.
pub fn parse_range(text: &str) -> Option<((u32, u32), (u32, u32))> {
    match text.split_once(':') {
        Some((start, end)) => Some((parse_cell_ref(start)?, parse_cell_ref(end)?)),
        None => parse_cell_ref(text).map(|cell| (cell, cell)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn cell_names() {
        assert_eq!(cell_name("一覧", (13, 4)), "一覧!E14");
        assert_eq!(cell_name("Sheet 1", (0, 27)), "'Sheet 1'!AB1");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn cell_references() {
        assert_eq!(parse_cell_ref("A1"), Some((0, 0)));
        assert_eq!(parse_cell_ref("$H$98"), Some((97, 7)));
        assert_eq!(parse_cell_ref("AA10"), Some((9, 26)));
        assert_eq!(parse_cell_ref("A0"), None);
        assert_eq!(parse_cell_ref("xfd1048576"), Some((1_048_575, 16_383)));
        assert_eq!(
            parse_cell_ref("B+3"),
            Some((2, 1)),
            "as str::parse reads the row"
        );
        for malformed in [
            "",
            "A",
            "7",
            "AAAA1",
            "A 1",
            "A1 ",
            "A-1",
            "A+",
            "A4294967296",
            "Ａ1",
        ] {
            assert_eq!(parse_cell_ref(malformed), None, "{malformed:?}");
        }
        assert_eq!(parse_cell_ref("A4294967295"), Some((u32::MAX - 1, 0)));
        assert_eq!(parse_range("A2:H98"), Some(((1, 0), (97, 7))));
    }
}
