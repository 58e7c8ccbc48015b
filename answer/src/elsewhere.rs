//! Whether a sentence asks about something the table does not answer: it names, in
//! katakana or Latin letters, something no text of the table holds ([`is_a_name`]), or one
//! of the clinic's other systems and matters (`[elsewhere]` of `spec/callers-words.toml`:
//! レセコン, 自動精算機, 算定). Such a sentence whose best row fits it only loosely is told
//! that nothing fits.

use oqs_messages_text::fold::{folded, placed, widen, PlacedChar};
use oqs_messages_text::needle::char_bits;
use oqs_messages_text::search::TOGETHER;

/// Below this fit (thousandths of what a sentence asks, [`crate::TextReason::fit`]) the best
/// row of a search by words does not answer it: the rows shown are weak candidates. Chosen
/// on the tuning half of `tests/callers/` (sentences that warn, against questions the table
/// does not answer that are told so), figures in BENCHMARKS.md.
pub const WEAK_FIT: u32 = 200;

/// Below this fit the best row does not answer a sentence that names, in katakana or Latin
/// letters, something no text of the table holds ([`is_a_name`]: タイムレコーダー, HPKI): a
/// question about another of the clinic's systems. Chosen on the tuning half of
/// `tests/callers/` like [`WEAK_FIT`].
pub const WEAK_FIT_NAMING_ELSEWHERE: u32 = 340;

/// Below this fit the best row does not answer a sentence that names one of the words of
/// `[elsewhere]` ([`Elsewhere`]): those were chosen for naming what the table does not
/// answer, so a row must fit much of the sentence to answer it. Chosen on the tuning half
/// of `tests/callers/` like [`WEAK_FIT`].
pub const WEAK_FIT_ASKING_ELSEWHERE: u32 = 600;

/// A hiragana character (a word of them is no term of the search: `なくした`).
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Whether a sentence says what its writer wants to do (`暗くしたい`, `変えたいんですけど`,
/// `撮り直したいと言っている`): a wish, where the table's rows say what went wrong. Read in
/// hiragana as typed: `たい` after the last kana of a verb's stem and before the end, a mark
/// or the kana a wish goes on with (`ん`, `の`, `で`, `と`, `け`, `が`, `な`, `か`); never
/// `みたい` (it seems) nor `ったい` (`いったい`), nor `たいへん`, `たいおう`.
pub fn states_a_wish(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let stem = |c: char| {
        matches!(
            c,
            'い' | 'き'
                | 'ぎ'
                | 'げ'
                | 'ね'
                | 'し'
                | 'じ'
                | 'ち'
                | 'に'
                | 'ひ'
                | 'び'
                | 'り'
                | 'え'
                | 'け'
                | 'せ'
                | 'て'
                | 'べ'
                | 'め'
                | 'れ'
        )
    };
    let goes_on = |c: char| {
        !is_hiragana(c) || matches!(c, 'ん' | 'の' | 'で' | 'と' | 'け' | 'が' | 'な' | 'か')
    };
    (1..chars.len().saturating_sub(1)).any(|i| {
        chars[i] == 'た'
            && chars[i + 1] == 'い'
            && stem(chars[i - 1])
            && chars.get(i + 2).is_none_or(|&c| goes_on(c))
    })
}

/// Whether a sentence asks a question and says nothing went wrong (`何歳から作れますか`,
/// `インターネットを見てもいいんですか`, `どの窓口に行けばいいのか聞かれました`): the table's rows
/// answer what went wrong (an error, a screen's message, a thing that does not work), not how
/// the clinic's matters are run. The question is read at the sentence's end (`か`, `の`,
/// `っけ`, `本当`, a question mark, `教えて`; a request, `…ほしい`, `お願いします`; a topic,
/// `…について`) or in what a caller was asked (`…のか聞かれ`);
/// what went wrong, anywhere in it, folded (`ない`, `不可`, `出た`, `ロック`, …; `エラー` as
/// written in katakana or letters, not the `えら` of `変えられる`).
pub fn asks_without_a_fault(text: &str) -> bool {
    let widened: String = text.chars().map(widen).collect();
    let end = widened.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '。' | '.' | '!' | '！' | '…' | '、' | '」' | '』')
    });
    let end = end
        .strip_suffix("ください")
        .or_else(|| end.strip_suffix("下さい"))
        .unwrap_or(end);
    let asks = QUESTION_ENDS.iter().any(|e| end.ends_with(e))
        || REPORTED_QUESTIONS.iter().any(|q| widened.contains(q));
    if !asks {
        return false;
    }
    let folded: String = folded(text).collect();
    // `エラー` as written in katakana (either width), in hiragana with its long-vowel mark,
    // or in letters: the fold would find it in `変えられる` too.
    let error = widened.contains("エラ") || widened.contains("えらー") || folded.contains("err");
    !error && !FAULTS.iter().any(|fault| folded.contains(fault))
}

/// How a question ends, as typed and widened: `か` after what a question puts before it
/// (`ですか`, `いいのか`, `でしょうか`; not `不可` written `ふか`), `の`, `っけ`, a mark, a
/// request or a topic; and
/// words typed into a search box that ask (`導入 手順`, `更新 いつ`, `有効期限 何年`).
const QUESTION_ENDS: &[&str] = &[
    "ですか",
    "ますか",
    "せんか",
    "のか",
    "んか",
    "しょうか",
    "るか",
    "たか",
    "いか",
    "かね",
    "かな",
    "っけ",
    "の",
    "本当",
    "?",
    "教えて",
    "ほしい",
    "欲しい",
    "について",
    "お願いします",
    "方法",
    "手順",
    "やり方",
    "いつ",
    "とは",
    "どこ",
    "何年",
    "何桁",
    "って何",
    "とは何",
    "作り方",
    "いくら",
    "なぜ",
    "どう",
];

/// A question a caller was asked, reported (`…のか聞かれました`, `…の？』と聞かれた`).
const REPORTED_QUESTIONS: [&str; 5] = [
    "のか聞かれ",
    "かと聞かれ",
    "?』と聞かれ",
    "?」と聞かれ",
    "って聞かれ",
];

/// Words that say something went wrong, folded (hiragana as katakana, no long-vowel mark).
const FAULTS: &[&str] = &[
    "ナイ",
    "ナク",
    "ナシ",
    "マセン",
    "ズニ",
    "ズ、",
    "ズ。",
    "ズデ",
    "デキズ",
    "失敗",
    "表示",
    "出ル",
    "出タ",
    "出テ",
    "出マ",
    "出ナ",
    "デタ",
    "デル",
    "ロック",
    "故障",
    "止マ",
    "ダメ",
    "オカシ",
    "閉塞",
    "無効",
    "切レ",
    "異常",
    "障害",
    "違",
    "誤",
    "ハジカレ",
    "弾カレ",
    "拒否",
    "ng",
    "壊",
    "コワレ",
    "割レ",
    "ヒビ",
    "困",
    "忘レ",
    "固マ",
    "フリズ",
    "落チ",
    "消エ",
    "点滅",
    "失効",
    "タイムアウト",
    "未登録",
    "重複",
    "詰マ",
    "遅イ",
    "過ギ",
    "無理",
    "ムリ",
    "中断",
    "警告",
    "マチガ",
    "ミス",
    "不",
    "以外",
    "言ワレ",
    "終ワッ",
    "終了",
];

/// Whether a word is a name as products and systems are written: four characters or more,
/// all full-width katakana (the long-vowel mark with them) or all letters and digits of the
/// Latin alphabet. Half-width katakana is left out: callers type whole sentences in it
/// (ﾖﾐﾄﾘ ﾌｶ), not names.
pub fn is_a_name(word: &str) -> bool {
    let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー');
    let latin =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９');
    word.chars().count() >= 4
        && (word.chars().all(katakana)
            || (word.chars().all(latin) && word.chars().any(|c| !c.is_numeric())))
}

/// The words of `[elsewhere]`, folded as the search folds texts, each with the places the
/// table writes it inside a longer word of its own (`電子カルテ` in `電子カルテ情報共有サービス`).
#[derive(Clone, Debug, Default)]
pub struct Elsewhere {
    words: Vec<ElsewhereWord>,
}

#[derive(Clone, Debug)]
struct ElsewhereWord {
    word: String,
    /// The word, or the words said together (`ポータル+パスワード`), each named in the text.
    parts: Vec<ElsewherePart>,
    /// The characters of all its parts ([`char_bits`]): six hundred words for each text,
    /// most passed over by these alone.
    bits: u128,
}

#[derive(Clone, Debug)]
struct ElsewherePart {
    folded: Vec<char>,
    /// The same, as a text: what a folded text of the table is first searched for.
    folded_text: String,
    /// Its characters' [`char_bits`]: a sentence lacking one of them is passed over (six
    /// hundred words looked for in each sentence).
    bits: u128,
    /// Written in katakana alone (the long-vowel mark with it).
    in_katakana: bool,
}

impl ElsewherePart {
    fn new(word: &str) -> ElsewherePart {
        ElsewherePart {
            folded: folded(word).collect(),
            folded_text: folded(word).collect(),
            bits: char_bits(folded(word)),
            in_katakana: word
                .chars()
                .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')),
        }
    }
}

/// Where a word is found: the characters the text writes before and after it (`None` at
/// the text's ends), and its own first and last as the text writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Beside {
    before: Option<char>,
    after: Option<char>,
    first: Option<char>,
    last: Option<char>,
    /// Where the word is, in bytes of the text: its start and end.
    span: (usize, usize),
}

/// Katakana (either width, with the long-vowel mark) and Latin letters and digits (either
/// width): the characters a name written in them runs on with. A word of these found with
/// one of them beside it is part of a longer word (`レジ` in `クレジット`).
fn runs_on(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | 'ｰ' | '\u{FF66}'..='\u{FF9F}' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９')
        || c.is_ascii_alphanumeric()
}

/// What a word of the table runs on with: katakana and Latin letters ([`runs_on`]) and
/// kanji (`電子カルテ` runs on into `情報共有サービス`).
fn continues_a_word(c: char) -> bool {
    runs_on(c) || matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// A character folded as the search folds it (`None` where it folds to nothing).
fn folded_char(c: char) -> Option<char> {
    let mut buffer = [0u8; 4];
    folded(c.encode_utf8(&mut buffer)).next()
}

/// A text with each of its characters folded as the search folds it, placed in the text.
struct PlacedText<'t> {
    text: &'t str,
    chars: Vec<PlacedChar>,
    /// The folded characters' [`char_bits`].
    bits: u128,
    /// Whether a blank typed beside a word ends it (a sentence's words: `電子カルテ ログイン`),
    /// or is a line break the table's cell writes inside a word.
    blanks_end_words: bool,
}

impl<'t> PlacedText<'t> {
    fn new(text: &'t str) -> PlacedText<'t> {
        let chars: Vec<PlacedChar> = placed(text).collect();
        PlacedText {
            text,
            bits: char_bits(chars.iter().map(|p| p.c)),
            chars,
            blanks_end_words: false,
        }
    }

    /// A text typed: a blank beside a word ends it.
    fn typed(text: &'t str) -> PlacedText<'t> {
        PlacedText {
            blanks_end_words: true,
            ..PlacedText::new(text)
        }
    }

    /// Whether the text writes a blank right before byte `at`, or right after it (past the
    /// word's own long-vowel marks, which fold to nothing).
    fn blank_before(&self, at: usize) -> bool {
        self.blanks_end_words
            && self.text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| widen(c).is_whitespace())
    }

    fn blank_after(&self, at: usize) -> bool {
        self.blanks_end_words
            && self.text[at..]
                .trim_start_matches(['ー', 'ｰ'])
                .chars()
                .next()
                .is_some_and(|c| widen(c).is_whitespace())
    }

    /// Each place the text holds a folded word, with the characters it writes beside it.
    fn found(&self, word: &[char]) -> Vec<Beside> {
        let (text, placed, n) = (self.text, &self.chars, word.len());
        if n == 0 || n > placed.len() {
            return Vec::new();
        }
        (0..=placed.len() - n)
            .filter(|&i| {
                placed[i..i + n]
                    .iter()
                    .zip(word)
                    .all(|(placed, c)| placed.c == *c)
            })
            // Beside it: the characters of the text that fold to something (the long-vowel
            // mark that ends `プリンター` is the word's, not what follows it).
            .map(|i| Beside {
                before: if self.blank_before(placed[i].start) {
                    Some(' ')
                } else {
                    i.checked_sub(1)
                        .and_then(|b| text[placed[b].start..placed[b].end].chars().next_back())
                },
                after: if self.blank_after(placed[i + n - 1].end) {
                    Some(' ')
                } else {
                    placed
                        .get(i + n)
                        .and_then(|a| text[a.start..a.end].chars().next())
                },
                first: text[placed[i].start..].chars().next(),
                last: text[..placed[i + n - 1].end].chars().next_back(),
                span: (placed[i].start, placed[i + n - 1].end),
            })
            .collect()
    }
}

/// A text of the table with its fold (`oqs_answer::fold`), made once per table: a word is
/// placed only in the texts whose fold holds it.
pub type FoldedText<'t> = (&'t str, &'t str);

/// Each place the texts hold a folded word, with what each writes beside it.
fn found_in<'t>(texts: impl Iterator<Item = FoldedText<'t>>, part: &ElsewherePart) -> Vec<Beside> {
    texts
        .filter(|(_, folded)| folded.contains(part.folded_text.as_str()))
        .flat_map(|(text, _)| PlacedText::new(text).found(&part.folded))
        .collect()
}

/// Whether one text of the table writes every part of a word (`ポータル+パスワード`) as a
/// word of its own.
fn holds_together<'t>(mut texts: impl Iterator<Item = FoldedText<'t>>, word: &str) -> bool {
    let parts: Vec<ElsewherePart> = word.split(TOGETHER).map(ElsewherePart::new).collect();
    texts.any(|(text, folded)| {
        parts.iter().all(|part| {
            folded.contains(part.folded_text.as_str())
                && PlacedText::new(text)
                    .found(&part.folded)
                    .iter()
                    .any(Beside::alone)
        })
    })
}

impl Beside {
    /// Neither side runs on into a longer word: the word stands as a word of its own.
    fn alone(&self) -> bool {
        !self.before.is_some_and(continues_a_word) && !self.after.is_some_and(continues_a_word)
    }

    /// Where the word is found in a sentence, it is the table's longer word: the sentence
    /// writes beside it what the table does, on a side where that runs on.
    fn as_in_table(&self, in_table: &Beside) -> bool {
        let same = |sentence: Option<char>, table: Option<char>| {
            table.is_some_and(continues_a_word)
                && sentence.and_then(folded_char).is_some()
                && sentence.and_then(folded_char) == table.and_then(folded_char)
        };
        same(self.before, in_table.before) || same(self.after, in_table.after)
    }
}

impl Elsewhere {
    /// The words, each folded once; words said together (`ポータル+パスワード`, joined by
    /// [`TOGETHER`]) in parts.
    pub fn new(words: &[String]) -> Elsewhere {
        Elsewhere {
            words: words
                .iter()
                .map(|word| {
                    let parts: Vec<ElsewherePart> =
                        word.split(TOGETHER).map(ElsewherePart::new).collect();
                    let bits = parts.iter().fold(0, |bits, part| bits | part.bits);
                    ElsewhereWord {
                        word: word.clone(),
                        parts,
                        bits,
                    }
                })
                .filter(|entry| entry.parts.iter().all(|part| !part.folded.is_empty()))
                .collect(),
        }
    }

    /// The words a text of the table writes as words of their own (not only inside longer
    /// words of its own), every part of words said together in one text: the table answers
    /// them, so they cannot name what it does not.
    pub fn held_by<'w, 't>(
        words: impl IntoIterator<Item = &'w String>,
        table_texts: impl Iterator<Item = &'t str>,
    ) -> Vec<&'w String> {
        let texts: Vec<(&str, String)> = table_texts
            .map(|text| (text, folded(text).collect()))
            .collect();
        let texts = texts.iter().map(|(text, folded)| (*text, folded.as_str()));
        words
            .into_iter()
            .filter(|word| holds_together(texts.clone(), word))
            .collect()
    }

    /// The first word of the list that the text names, as a word of its own: found folded
    /// (width, case, hiragana and katakana alike); where the word begins or ends with
    /// katakana or Latin letters, not run on by more of them in the text as typed; and, where
    /// the table's texts write the word too, neither as a word of its own (the table answers
    /// it) nor with what they write beside it inside a longer word of theirs
    /// (`電子カルテ情報共有サービス`). The table's texts are read only for a word the text names.
    pub fn named_in<'t>(
        &self,
        text: &str,
        table_texts: impl Iterator<Item = FoldedText<'t>> + Clone,
    ) -> Option<&str> {
        self.named_where(text, table_texts).map(|(word, _)| word)
    }

    /// [`Elsewhere::named_in`], with where the text names the word (bytes of the text).
    pub fn named_where<'t>(
        &self,
        text: &str,
        table_texts: impl Iterator<Item = FoldedText<'t>> + Clone,
    ) -> Option<(&str, Vec<core::ops::Range<usize>>)> {
        let sentence = PlacedText::typed(text);
        let mut named = self.words.iter().filter(|e| e.bits & !sentence.bits == 0);
        named.find_map(|entry| {
            let mut spans = Vec::new();
            for part in &entry.parts {
                let named = named_part(&sentence, part);
                if named.is_empty() {
                    return None;
                }
                spans.push(named);
            }
            if let [part] = entry.parts.as_slice() {
                // Where the table writes the word too: the table answers it, or the sentence
                // writes it as the table's longer word.
                let in_table = found_in(table_texts.clone(), part);
                if in_table.iter().any(Beside::alone) {
                    return None;
                }
                spans[0].retain(|beside| !in_table.iter().any(|t| beside.as_in_table(t)));
            } else if holds_together(table_texts.clone(), &entry.word) {
                // Words said together that one text of the table writes together.
                return None;
            }
            let spans: Vec<core::ops::Range<usize>> = spans
                .iter()
                .flatten()
                .map(|beside| beside.span.0..beside.span.1)
                .collect();
            (!spans.is_empty()).then_some((entry.word.as_str(), spans))
        })
    }
}

/// Where a text names a word (or a part of words said together) as a word of its own.
fn named_part(sentence: &PlacedText<'_>, part: &ElsewherePart) -> Vec<Beside> {
    if part.bits & !sentence.bits != 0 {
        return Vec::new();
    }
    sentence
        .found(&part.folded)
        .into_iter()
        .filter(|beside| {
            // A word in katakana is named in katakana: `メール` folds as `める` of
            // `求める` does, the long-vowel mark left out.
            let in_hiragana =
                beside.first.is_some_and(is_hiragana) || beside.last.is_some_and(is_hiragana);
            if part.in_katakana && in_hiragana {
                return false;
            }
            let runs_on_before =
                beside.first.is_some_and(runs_on) && beside.before.is_some_and(runs_on);
            let runs_on_after =
                beside.last.is_some_and(runs_on) && beside.after.is_some_and(runs_on);
            !runs_on_before && !runs_on_after
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn list(words: &[&str]) -> Elsewhere {
        Elsewhere::new(&strings(words))
    }

    /// The table's texts with their folds, as the engine keeps them.
    fn folds<'t>(texts: &[&'t str]) -> impl Iterator<Item = FoldedText<'t>> + Clone {
        let folds: Vec<(&str, String)> = texts.iter().map(|t| (*t, folded(t).collect())).collect();
        let folds: &'t [(&'t str, String)] = Vec::leak(folds);
        folds.iter().map(|(text, folded)| (*text, folded.as_str()))
    }

    impl Elsewhere {
        /// Named where no table writes a word of the list.
        fn named_in_alone(&self, text: &str) -> Option<&str> {
            self.named_in(text, core::iter::empty())
        }
    }

    #[test]
    fn words_said_together_are_named_where_the_text_writes_each() {
        let words = list(&["ポータル+パスワード"]);
        let named = |text: &str| words.named_in_alone(text);
        assert_eq!(
            named("パスワード忘れた、ポータルの"),
            Some("ポータル+パスワード")
        );
        assert_eq!(named("ポータル ログイン"), None);
        // A part inside a longer word is not named (`マイナポータル`).
        assert_eq!(named("マイナポータルのパスワード"), None);
        // Nor where one text of the table writes them together.
        let table = ["ポータルのパスワードを確認する"];
        assert_eq!(words.named_in("ポータル パスワード", folds(&table)), None);
        assert_eq!(
            Elsewhere::held_by(&strings(&["ポータル+パスワード"]), table.into_iter()).len(),
            1
        );
    }

    #[test]
    fn where_a_word_is_named_is_said_in_bytes_of_the_text() {
        let words = list(&["Windowsアップデート", "レセコン"]);
        let text = "Ｗｉｎｄｏｗｓ アップデートを止めたい";
        let (word, spans) = words.named_where(text, core::iter::empty()).unwrap();
        assert_eq!(word, "Windowsアップデート");
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].clone()], "Ｗｉｎｄｏｗｓ アップデート");
        assert_eq!(
            words.named_where("暗証番号ロック", core::iter::empty()),
            None
        );
    }

    #[test]
    fn a_word_is_named_as_a_word_of_its_own() {
        let list = list(&["レジ", "UPS", "自動精算機"]);
        assert_eq!(list.named_in_alone("レジの釣銭機が止まった"), Some("レジ"));
        assert_eq!(list.named_in_alone("ﾚｼﾞが止まった"), Some("レジ"));
        assert_eq!(list.named_in_alone("クレジットカードを置いた"), None);
        assert_eq!(list.named_in_alone("ups のアラーム"), Some("UPS"));
        assert_eq!(list.named_in_alone("レジ エラー"), Some("レジ"));
        assert_eq!(list.named_in_alone("ﾚｼﾞ\u{3000}ﾄﾗﾌﾞﾙ"), Some("レジ"));
        let mail = super::Elsewhere::new(&strings(&["メール"]));
        assert_eq!(mail.named_in_alone("再入力を求める画面"), None);
        assert_eq!(mail.named_in_alone("案内のメールが来た"), Some("メール"));
        assert_eq!(mail.named_in_alone("ﾒｰﾙが来た"), Some("メール"));
        assert_eq!(list.named_in_alone("groups"), None);
        assert_eq!(list.named_in_alone("UPSのアラーム"), Some("UPS"));
        assert_eq!(
            list.named_in_alone("受付の自動精算機でカードが詰まった"),
            Some("自動精算機")
        );
        assert_eq!(list.named_in_alone("マイナンバーカードが読めない"), None);
        let list = self::list(&["プリンター"]);
        assert_eq!(
            list.named_in_alone("院内プリンターの接続が切れる"),
            Some("プリンター")
        );
        assert_eq!(list.named_in_alone("プリンタードライバ"), None);
        assert_eq!(list.named_in_alone(""), None);
    }

    #[test]
    fn a_word_the_table_writes_only_inside_longer_words_is_named_apart_from_them() {
        let table = [
            "電子カルテ情報共有サービスで取得できない",
            "院内の電子カルテ情報",
        ];
        let words = strings(&["電子カルテ", "レセコン"]);
        let list = Elsewhere::new(&words);
        assert_eq!(
            list.named_in("電子カルテにログインできない", folds(&table)),
            Some("電子カルテ")
        );
        assert_eq!(
            list.named_in("電子ｶﾙﾃが起動しない", folds(&table)),
            Some("電子カルテ")
        );
        assert_eq!(
            list.named_in("電子カルテ情報共有サービスのエラー", folds(&table)),
            None
        );
        assert_eq!(
            list.named_in("電子カルテ情報が取れない", folds(&table)),
            None
        );
        assert_eq!(
            list.named_in("院内電子カルテが止まった", folds(&table)),
            Some("電子カルテ")
        );
        // Written as a word of its own by the table: the table answers it.
        let table = ["電子カルテ情報共有サービス", "電子カルテの設定を確認する"];
        assert_eq!(Elsewhere::held_by(&words, table.into_iter()), [&words[0]]);
        let list = Elsewhere::new(&words);
        assert_eq!(
            list.named_in("電子カルテにログインできない", folds(&table)),
            None
        );
        assert_eq!(
            list.named_in("レセコンが起動しない", folds(&table)),
            Some("レセコン")
        );
    }

    #[test]
    fn a_wish_is_read_in_its_verb() {
        for wish in [
            "画面が明るすぎるので暗くしたい",
            "パスワードを変えたいんですけど",
            "顔写真を撮り直したいと言っている",
            "何を買いたいか",
            "設定を見直したい。",
            "利用率を上げたい",
        ] {
            assert!(states_a_wish(wish), "{wish}");
        }
        for report in [
            "カードを置いちゃったみたいで、エラー",
            "いったい何が起きたのか",
            "たいへん困っている",
            "エラーにたいおうしてほしい",
            "タイムアウトした",
            "端末が重たい",
        ] {
            assert!(!states_a_wish(report), "{report}");
        }
    }

    #[test]
    fn a_question_that_says_nothing_went_wrong() {
        for question in [
            "子どものマイナンバーカードは何歳から作れますか",
            "資格確認端末でインターネットを見てもいいんですか",
            "市役所のどの窓口に行けばいいのか聞かれました",
            "窓口で払う金額が変わるの？』と聞かれた",
            "レセコンの薬価マスタの更新ってどうやるの",
            "申請の流れを教えてください。",
            "電子処方箋 導入 手順",
            "マイナカード 有効期限 何年",
            "登録情報の変更手続きを教えてほしい",
            "回線の契約変更について",
            "設定の変更をお願いします",
            "画面の明るさって変えられる？",
            "しかくかくにんしょって何",
            "暗証番号 何桁",
        ] {
            assert!(asks_without_a_fault(question), "{question}");
        }
        for report in [
            "かおの さつえい ふか",
            "カメラレンズ拭いても撮影できません、故障ですか",
            "顔を写そうとしても反応なし、カメラこわれた？",
            "初回登録エラー、コールセンターに電話すればいいんでしょうか",
            "ﾛｯｸされたｶｰﾄﾞはどうすればいいですか",
            "三回まちがえたらどうなるの",
            "暗証番号を忘れた人はどうすればいい？",
            "顔認証付きカードリーダーが固まった",
            "使えなくなった、どうすれば元に戻るのか教えてほしい",
            "ｶｰﾄﾞ ｴﾗｰ なんで?",
            "かーど えらー なんで?",
        ] {
            assert!(!asks_without_a_fault(report), "{report}");
        }
    }

    #[test]
    fn names_are_katakana_or_latin_words_of_four_characters() {
        assert!(is_a_name("レセコン"));
        assert!(is_a_name("HPKI"));
        assert!(!is_a_name("ＰＩＮ"));
        assert!(!is_a_name("1234"));
        assert!(!is_a_name("暗証番号"));
    }
}
