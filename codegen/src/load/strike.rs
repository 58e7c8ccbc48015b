//! Struck-through text (見え消し): the runs of a rich-text cell, and a cell's value with
//! its struck runs taken out, for every format.

use oqs_messages_table::parse::normalize_text;

use super::cells::CellValue;
use super::sheet::Struck;

/// A run of a rich-text string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Its text, as calamine reads it.
    pub text: String,
    /// Its own strike-through, when the run has formatting (`<rPr>`); `None` takes the
    /// cell's font.
    pub strike: Option<bool>,
}

/// A cell's value without its struck-through text, and what was taken out; `None` when
/// nothing in it is struck through. A line left blank by the strike goes with it.
pub fn take_out_strike(
    value: &CellValue,
    cell_struck: bool,
    runs: Option<&[Run]>,
) -> Option<(Option<CellValue>, Struck)> {
    let whole = |text: String| Some((None, Struck { text, whole: true }));
    let runs = match runs {
        Some(runs) if runs.iter().any(|r| r.strike.unwrap_or(cell_struck)) => runs,
        _ if cell_struck => {
            return whole(match value {
                CellValue::Text(text) => text.clone(),
                CellValue::Number(n) => format!("{n}"),
                CellValue::Other(what) => what.clone(),
            })
        }
        _ => return None,
    };
    // (live text, whether struck text stood on the line)
    let mut lines: Vec<(String, bool)> = vec![(String::new(), false)];
    let mut dropped = String::new();
    for run in runs {
        let struck = run.strike.unwrap_or(cell_struck);
        let text = run.text.replace("\r\n", "\n").replace('\r', "\n");
        if struck {
            dropped.push_str(&text);
        }
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push((String::new(), false));
            }
            if let Some(line) = lines.last_mut() {
                if struck {
                    line.1 |= !piece.is_empty();
                } else {
                    line.0.push_str(piece);
                }
            }
        }
    }
    let live: Vec<&str> = lines
        .iter()
        .filter(|(text, had_struck)| !(*had_struck && text.trim().is_empty()))
        .map(|(text, _)| text.as_str())
        .collect();
    let live = normalize_text(&live.join("\n"));
    let dropped = normalize_text(&dropped);
    if live.chars().all(char::is_whitespace) {
        return whole(dropped);
    }
    Some((
        Some(CellValue::Text(live)),
        Struck {
            text: dropped,
            whole: false,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn struck_runs_taken_out() {
        let run = |text: &str, strike: Option<bool>| Run {
            text: text.to_owned(),
            strike,
        };
        let value = CellValue::Text("0x03000001\n0x03000002".to_owned());
        let runs = [run("0x03000001", Some(true)), run("\n0x03000002", None)];
        let (live, struck) = take_out_strike(&value, false, Some(&runs)).unwrap();
        assert_eq!(live, Some(CellValue::Text("0x03000002".to_owned())));
        assert_eq!(struck.text, "0x03000001");
        assert!(!struck.whole);
        // A cell struck through whole, with a run that is not.
        let runs = [run("旧", None), run("新", Some(false))];
        let (live, _) = take_out_strike(&value, true, Some(&runs)).unwrap();
        assert_eq!(live, Some(CellValue::Text("新".to_owned())));
        assert!(take_out_strike(&value, false, None).is_none());
        let (live, struck) = take_out_strike(&value, true, None).unwrap();
        assert_eq!((live, struck.whole), (None, true));
    }
}
