//! A character-level diff of two texts: Japanese has no spaces to split words on, so a
//! rewording is shown as the characters removed and added between the ones kept.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// A run of characters of a rewording: kept, removed or added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    /// In both texts.
    Same(&'t str),
    /// Only in the old text.
    Removed(&'t str),
    /// Only in the new text.
    Added(&'t str),
}

/// Kept runs this short between two changes are folded into them: a lone `の` or `、`
/// kept between two rewritten phrases reads as noise, not as a kept word.
const SHORTEST_KEPT_BETWEEN_CHANGES: usize = 2;

/// The pieces that turn `before` into `after`, in reading order; a change is its removed
/// run followed by its added run.
pub fn char_diff<'t>(before: &'t str, after: &'t str) -> Vec<Piece<'t>> {
    let old: Vec<(usize, char)> = before.char_indices().collect();
    let new: Vec<(usize, char)> = after.char_indices().collect();
    let old_chars: Vec<char> = old.iter().map(|&(_, c)| c).collect();
    let new_chars: Vec<char> = new.iter().map(|&(_, c)| c).collect();
    // Byte offset of the character at an index, or the text's end.
    let at = |chars: &[(usize, char)], text: &str, index: usize| {
        chars.get(index).map_or(text.len(), |&(offset, _)| offset)
    };
    // Each op as (old char range, new char range, kept?).
    let mut spans: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, bool)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new_chars) {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let kept = matches!(op, DiffOp::Equal { .. });
        match spans.last_mut() {
            Some(last) if !last.2 && !kept => {
                last.0.end = old_range.end;
                last.1.end = new_range.end;
            }
            _ => spans.push((old_range, new_range, kept)),
        }
    }
    merge_short_kept_runs(&mut spans);
    let mut pieces = Vec::new();
    for (old_range, new_range, kept) in spans {
        let removed = &before[at(&old, before, old_range.start)..at(&old, before, old_range.end)];
        let added = &after[at(&new, after, new_range.start)..at(&new, after, new_range.end)];
        if kept {
            pieces.push(Piece::Same(added));
            continue;
        }
        if !removed.is_empty() {
            pieces.push(Piece::Removed(removed));
        }
        if !added.is_empty() {
            pieces.push(Piece::Added(added));
        }
    }
    pieces
}

type Span = (std::ops::Range<usize>, std::ops::Range<usize>, bool);

/// Folds a kept run shorter than [`SHORTEST_KEPT_BETWEEN_CHANGES`] that stands between two
/// changes into one change with them.
fn merge_short_kept_runs(spans: &mut Vec<Span>) {
    let mut index = 1;
    while index + 1 < spans.len() {
        let (before, kept, after) = (&spans[index - 1], &spans[index], &spans[index + 1]);
        if !before.2 && kept.2 && !after.2 && kept.1.len() < SHORTEST_KEPT_BETWEEN_CHANGES {
            let merged = (
                before.0.start..after.0.end,
                before.1.start..after.1.end,
                false,
            );
            spans.splice(index - 1..index + 2, [merged]);
        } else {
            index += 1;
        }
    }
}

/// The pieces in one line of plain text, as the revision report shows them:
/// `患者は[-カード-]{+マイナンバーカード+}を…` (the notation of `git diff --word-diff`).
pub fn marked(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Same(text) => out.push_str(text),
            Piece::Removed(text) => {
                out.push_str("[-");
                out.push_str(text);
                out.push_str("-]");
            }
            Piece::Added(text) => {
                out.push_str("{+");
                out.push_str(text);
                out.push_str("+}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(pieces: &[Piece<'_>]) -> (String, String) {
        let (mut before, mut after) = (String::new(), String::new());
        for piece in pieces {
            match piece {
                Piece::Same(t) => {
                    before.push_str(t);
                    after.push_str(t);
                }
                Piece::Removed(t) => before.push_str(t),
                Piece::Added(t) => after.push_str(t),
            }
        }
        (before, after)
    }

    #[test]
    fn a_word_changed_inside_a_sentence_is_marked_alone() {
        let before = "患者はマイナンバーカードが正しく置かれているか確認してください。";
        let after = "患者はマイナンバーカードが正しく置かれているか確認して下さい。";
        let pieces = char_diff(before, after);
        assert_eq!(
            marked(&pieces),
            "患者はマイナンバーカードが正しく置かれているか確認して[-くだ-]{+下+}さい。"
        );
        assert_eq!(both(&pieces), (before.to_owned(), after.to_owned()));
    }

    #[test]
    fn added_and_removed_texts_are_whole() {
        assert_eq!(char_diff("", "新しい"), [Piece::Added("新しい")]);
        assert_eq!(char_diff("古い", ""), [Piece::Removed("古い")]);
        assert_eq!(char_diff("同じ", "同じ"), [Piece::Same("同じ")]);
    }

    #[test]
    fn every_diff_gives_back_both_texts() {
        let texts = [
            "・マイナンバーカードを正しく置いて\n・※1",
            "・カードを正しく置いて、読み込み途中で抜かない\n・※2",
            "オンライン資格確認等コールセンター",
            "顔認証付きカードリーダーベンダー",
            "",
        ];
        for before in texts {
            for after in texts {
                let pieces = char_diff(before, after);
                assert_eq!(both(&pieces), (before.to_owned(), after.to_owned()));
                assert!(pieces.iter().all(|p| !matches!(
                    p,
                    Piece::Same("") | Piece::Added("") | Piece::Removed("")
                )));
            }
        }
    }
}
