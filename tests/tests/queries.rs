//! The library reads every case of `tests/queries.json` as the case says, as `explain` and
//! the offline page must (they are tested on the same cases); and a search by words finds
//! exactly the rows that hold every word, checked against a plain scan of the table.

use oqs_messages::fold::{folded, looked_for, widen};
use oqs_messages::search::{field_weight, weight_of, Field, Origin, Rank, Search, SATURATION};
use oqs_messages::{Code, Query, QueryError, Row, FOOTNOTES, ROWS};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/queries.json");
    let text = std::fs::read_to_string(path).expect("tests/queries.json");
    let file: Value = serde_json::from_str(&text).expect("valid JSON");
    file["cases"].as_array().expect("cases").clone()
}

fn read_as(query: Query) -> Value {
    let code = |n: u16| Value::String(format!("{n:03}"));
    let id = |v: u32| Value::String(format!("0x{v:08X}"));
    let mut map = serde_json::Map::new();
    match query {
        Query::Code(n) => {
            map.insert("code".into(), code(n));
        }
        Query::Value(v) => {
            map.insert("message_id".into(), id(v));
        }
        Query::Pair(n, v) => {
            map.insert("code".into(), code(n));
            map.insert("message_id".into(), id(v));
        }
        Query::Portal(n) => {
            map.insert("portal_error".into(), code(n));
        }
        Query::Row(n, row) => {
            map.insert("code".into(), code(n));
            map.insert("row".into(), Value::String(format!("{n:03}-{row}")));
        }
    }
    Value::Object(map)
}

#[test]
fn every_case_is_read_as_it_says() {
    let cases = cases();
    assert!(cases.len() >= 30);
    for case in cases {
        let query = case["query"].as_str().unwrap();
        let parsed = Query::parse(query);
        match case.get("error").and_then(Value::as_str) {
            Some(error) => {
                let expected = match error {
                    "empty" => QueryError::Empty,
                    "unrecognized" => QueryError::Unrecognized,
                    "several" => QueryError::Several,
                    other => panic!("unknown error {other:?} in the case {query:?}"),
                };
                assert_eq!(parsed, Err(expected), "{query:?}");
                if let Some(listed) = case.get("candidates") {
                    assert_eq!(candidates_of(query), *listed, "{query:?}");
                }
            }
            None if case["read_as"]["words"].is_array() => {
                assert_eq!(parsed, Err(QueryError::Unrecognized), "{query:?}");
                let search = Search::new(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
                let words: Vec<&str> = case["read_as"]["words"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_str().unwrap())
                    .collect();
                assert_eq!(search.words(), words.as_slice(), "{query:?}");
                let split = case["read_as"]["split"].as_bool().unwrap_or(false);
                assert_eq!(search.is_split(), split, "{query:?}");
                let found = search.matches().count();
                if case["rows"] == "none" {
                    assert_eq!(found, 0, "{query:?}");
                    assert_eq!(search.matches().count(), 0);
                } else {
                    assert!(found > 0, "{query:?}: no row found");
                }
                matches_are_those_of_a_plain_scan(&search);
            }
            None => {
                let parsed = parsed.unwrap_or_else(|e| panic!("{query:?}: {e}"));
                // What the library reads where the table reads more (a display code written
                // beside a マイナポータル error code).
                let expected = case.get("library_reads").unwrap_or(&case["read_as"]);
                assert_eq!(read_as(with_table(parsed)), *expected, "{query:?}");
            }
        }
    }
}

/// A query as the table reads it (`explain` and the page): a number that is no code of the
/// table but a マイナポータル error code one of its rows lists is that error code.
fn with_table(query: Query) -> Query {
    match query {
        Query::Code(n)
            if oqs_messages::Code::from_number(n).is_none()
                && oqs_messages::rows_for_portal_error(n).next().is_some() =>
        {
            Query::Portal(n)
        }
        query => query,
    }
}

/// What each part of a text that may be a code or an ID was taken for, as the cases
/// write it: `[["015", "code"], ["0x04000011", "message_id"]]`.
fn candidates_of(query: &str) -> Value {
    oqs_messages::query::candidates(query)
        .map(|c| {
            let kind = match c.kind {
                oqs_messages::query::CandidateKind::Code(_) => "code",
                oqs_messages::query::CandidateKind::Value(_) => "message_id",
            };
            serde_json::json!([&query[c.span], kind])
        })
        .collect()
}

/// Log lines as systems write them: at least 30 shapes among the cases, each read as it
/// says (the test above), none of them found by words.
#[test]
fn at_least_thirty_log_line_shapes() {
    let shapes: Vec<Value> = cases()
        .into_iter()
        .filter(|c| c.get("log_line").is_some())
        .collect();
    assert!(shapes.len() >= 30, "{} log-line shapes", shapes.len());
    for case in shapes {
        assert!(
            case["read_as"]["words"].is_null(),
            "{}: read as words",
            case["query"]
        );
    }
}

/// A text folded, as a string: what a plain scan compares.
fn fold(text: &str) -> String {
    folded(text).collect()
}

/// A word as a plain scan looks for it: folded, but a last okurigana after a kanji.
fn looked(word: &str) -> String {
    let chars: Vec<char> = folded(word).collect();
    chars[..looked_for(&chars)].iter().collect()
}

/// The texts of a field of a row and its code.
fn field_texts(field: Field, row: &Row) -> Vec<&'static str> {
    let code = row.code;
    match field {
        Field::Heading => vec![code.heading()],
        Field::Tags => code.tags().to_vec(),
        Field::Message => vec![code.message()],
        Field::Kind => vec![row.kind],
        Field::Cause => vec![row.cause],
        Field::Remedy => vec![row.remedy],
        Field::Contact => vec![row.contact],
        Field::Footnote => FOOTNOTES
            .iter()
            .filter(|n| {
                row.footnotes.iter().any(|f| f.number == n.number)
                    || code.footnotes().iter().any(|f| f.number == n.number)
            })
            .map(|n| n.text)
            .collect(),
    }
}

/// The groups of the words searched for, as indexes into `words()`.
fn groups(search: &Search<'_>) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, group) in search.word_groups().enumerate() {
        if group == groups.len() {
            groups.push(Vec::new());
        }
        groups[group].push(i);
    }
    groups
}

/// Every row's score as the search defines it, recomputed from a plain scan: for each group
/// of words, BM25's weight by the rows that hold a word of it, times the sum of the weights
/// of the fields that hold one, saturated (k1 = `SATURATION`); half for a part. A group with
/// a caller's word's readings counts the better of the words as written and the readings,
/// each weighed by the rows that hold it, the readings never above the words where some row
/// holds those.
fn scores_of_a_plain_scan(search: &Search<'_>) -> Vec<u32> {
    let words: Vec<String> = search.words().iter().map(|w| looked(w)).collect();
    let origins: Vec<Origin> = search.origins().collect();
    let groups = groups(search);
    let unheld = unheld_parts(search);
    let holds = |field: Field, row: &Row, word: &str| {
        !unheld.iter().any(|u| u == word)
            && field_texts(field, row)
                .iter()
                .any(|t| fold(t).contains(word))
    };
    let in_group = |row: &Row, field: Field, group: &[usize]| {
        group.iter().any(|&w| holds(field, row, &words[w]))
    };
    let weight = |group: &[usize]| {
        let rows = ROWS
            .iter()
            .filter(|row| Field::ALL.iter().any(|&f| in_group(row, f, group)))
            .count();
        weight_of(rows, ROWS.len())
    };
    let saturated = |row: &Row, group: &[usize], weight: u32| {
        let frequency: u32 = Field::ALL
            .iter()
            .filter(|&&f| in_group(row, f, group))
            .map(|&f| field_weight(f))
            .sum();
        weight * frequency * (SATURATION + 1) / (frequency + SATURATION)
    };
    // Each group split into its words as written and its readings, each weighed once.
    // (written, read, the group's weight, the written words', the readings').
    type Weighed = (Vec<usize>, Vec<usize>, u32, u32, u32);
    let weighed: Vec<Weighed> = groups
        .iter()
        .map(|group| {
            let (read, written): (Vec<usize>, Vec<usize>) = group
                .iter()
                .partition(|&&w| matches!(origins[w], Origin::CallersWord(_)));
            let written_weight = weight(&written);
            let read_weight = match written_weight {
                0 => weight(&read),
                w => weight(&read).min(w),
            };
            (written, read, weight(group), written_weight, read_weight)
        })
        .collect();
    ROWS.iter()
        .map(|row| {
            groups
                .iter()
                .zip(&weighed)
                .map(
                    |(group, (written, read, all, written_weight, read_weight))| {
                        let score = if read.is_empty() {
                            saturated(row, group, *all)
                        } else {
                            saturated(row, written, *written_weight).max(saturated(
                                row,
                                read,
                                *read_weight,
                            ))
                        };
                        if origins[group[0]] == Origin::Part {
                            score / 2
                        } else {
                            score
                        }
                    },
                )
                .sum()
        })
        .collect()
}

/// Every caller's word the sentence holds (folded) is read as each of its table's words:
/// said in `taken_for()`, or already searched for as another word; and nothing else is.
fn callers_words_are_read_as_the_list_says(search: &Search<'_>) {
    // Folded word by word: a caller's word is said within one word, never across a blank.
    let query: Vec<String> = search
        .query()
        .split(|c: char| widen(c).is_whitespace())
        .map(fold)
        .collect();
    let taken: Vec<(&str, &str)> = search.taken_for().collect();
    let searched: Vec<String> = search.words().iter().map(|w| fold(w)).collect();
    let mut expected = 0;
    for (callers, table) in oqs_messages::search::CALLERS_WORDS {
        // Words said together (`病院+証明書`): each anywhere in the sentence.
        let said = looked(callers)
            .split(oqs_messages::search::TOGETHER)
            .all(|word| query.iter().any(|said| said.contains(word)));
        if !said {
            assert!(
                taken.iter().all(|(c, _)| c != callers),
                "{:?}: {callers} taken",
                search.query()
            );
            continue;
        }
        for word in table.iter() {
            let said = taken.contains(&(*callers, *word));
            expected += usize::from(said);
            assert!(
                said || searched.contains(&fold(word)),
                "{:?}: {callers} → {word} not read",
                search.query()
            );
        }
    }
    assert_eq!(taken.len(), expected, "{:?}: {taken:?}", search.query());
    // Each table's word searched for a caller's word is said to be.
    for (word, origin) in search.words().iter().zip(search.origins()) {
        if let Origin::CallersWord(callers) = origin {
            assert!(
                taken.contains(&(callers, *word)),
                "{:?}: {callers} → {word} not said",
                search.query()
            );
        }
    }
}

/// Whether any text of the table holds a word, both folded.
fn anywhere(word: &str) -> bool {
    let word = looked(word);
    ROWS.iter().any(|row| {
        Field::ALL
            .iter()
            .any(|&f| field_texts(f, row).iter().any(|t| fold(t).contains(&word)))
    })
}

/// Whether a word is a name: katakana or Latin letters alone.
fn is_name(word: &str) -> bool {
    word.chars().all(|c| {
        let c = oqs_messages::fold::widen(c);
        c.is_ascii_alphanumeric()
            || ('\u{30A1}'..='\u{30FE}').contains(&c)
            || matches!(c, 'ー' | '\u{3099}'..='\u{309C}' | '\u{FF9E}' | '\u{FF9F}')
    })
}

/// The parts a word found nowhere is looked for by: the pairs of characters within its runs
/// of kanji or of katakana; for a name, its runs of three katakana letters (a long-vowel
/// mark between them not counted).
fn parts_of(word: &str) -> Vec<String> {
    let kind = |c: char| {
        let c = oqs_messages::fold::widen(c);
        if oqs_messages::fold::is_kanji(c) {
            1
        } else if ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー' {
            2
        } else {
            0
        }
    };
    let chars: Vec<char> = word.chars().collect();
    if !is_name(word) {
        return chars
            .windows(2)
            .filter(|p| kind(p[0]) != 0 && kind(p[0]) == kind(p[1]))
            .map(|p| p.iter().collect())
            .collect();
    }
    let mut parts = Vec::new();
    for start in 0..chars.len() {
        if kind(chars[start]) != 2 || chars[start] == 'ー' {
            continue;
        }
        let mut letters = 0;
        for end in start..chars.len() {
            if kind(chars[end]) != 2 {
                break;
            }
            if chars[end] != 'ー' {
                letters += 1;
            }
            if letters == 3 {
                parts.push(chars[start..=end].iter().collect());
                break;
            }
        }
    }
    parts
}

/// The parts of the words said unknown (and of no other term), held by no row whatever the
/// texts hold: they say nothing of their word.
fn unheld_parts(search: &Search<'_>) -> Vec<String> {
    let unknown: Vec<&str> = search.unknown_words().to_vec();
    let terms: Vec<&str> = search
        .words()
        .iter()
        .zip(search.origins())
        .filter(|(_, o)| *o == Origin::Term)
        .map(|(w, _)| *w)
        .collect();
    search
        .words()
        .iter()
        .zip(search.origins())
        .filter(|(w, o)| {
            *o == Origin::Part
                && terms
                    .iter()
                    .filter(|t| t.contains(**w))
                    .all(|t| unknown.contains(t))
                && unknown.iter().any(|u| u.contains(**w))
        })
        .map(|(w, _)| looked(w))
        .collect()
}

/// Whether a word is among those searched, as folded (`一回` is searched as `1回`).
fn is_searched(search: &Search<'_>, word: &str) -> bool {
    search.words().iter().any(|w| folded(w).eq(folded(word)))
}

/// A sentence's unknown words are found nowhere, not even in part; and every term of it
/// found nowhere is either a caller's word, said unknown, or searched by a part the table
/// holds.
fn unknown_words_are_those_of_a_plain_scan(search: &Search<'_>) {
    callers_words_are_read_as_the_list_says(search);
    let callers: Vec<&str> = oqs_messages::search::CALLERS_WORDS
        .iter()
        .map(|(c, _)| *c)
        .collect();
    let full = search.words().len() == oqs_messages::search::MAX_TERMS;
    for word in search.unknown_words() {
        assert!(
            !anywhere(word),
            "{:?}: {word} is in the table",
            search.query()
        );
        let parts = parts_of(word);
        let searched = parts.iter().any(|p| is_searched(search, p));
        // Parts are looked for while there is room among the words searched.
        if !searched && full {
            continue;
        }
        let found = parts.iter().filter(|p| anywhere(p)).count();
        assert!(
            found == 0 || (is_name(word) && 2 * found < parts.len()),
            "{:?}: {word} has {found} of its parts {parts:?} in the table",
            search.query()
        );
    }
    for (word, origin) in search.words().iter().zip(search.origins()) {
        if origin != Origin::Term || anywhere(word) || callers.contains(word) {
            continue;
        }
        let parts = parts_of(word);
        let found = parts
            .iter()
            .filter(|p| anywhere(p) && is_searched(search, p))
            .count();
        let by_part = found > 0 && (!is_name(word) || 2 * found >= parts.len());
        assert!(
            by_part || search.unknown_words().contains(word),
            "{:?}: {word} is neither searched in part nor said unknown",
            search.query()
        );
        assert!(
            !(by_part && search.unknown_words().contains(word)),
            "{:?}: {word} is searched in part and said unknown",
            search.query()
        );
    }
}

/// Every row found reports each word in exactly the fields that hold it (a plain scan:
/// folded texts and `str::contains`), and the rows come best score first, in table order
/// within a score. For words as typed, the rows are exactly those that hold, for every
/// word, the word or a table's word for it.
fn matches_are_those_of_a_plain_scan(search: &Search<'_>) {
    let words: Vec<String> = search.words().iter().map(|w| looked(w)).collect();
    let unheld = unheld_parts(search);
    let holds = |field: Field, row: &Row, word: &str| {
        !unheld.iter().any(|u| u == word)
            && field_texts(field, row)
                .iter()
                .any(|t| fold(t).contains(word))
    };
    let found: Vec<(u32, usize)> = search
        .matches()
        .map(|m| {
            let index = ROWS.iter().position(|r| std::ptr::eq(r, m.row)).unwrap();
            for field in Field::ALL {
                let reported: Vec<String> = m.words_in(field).map(looked).collect();
                let holding: Vec<String> = words
                    .iter()
                    .filter(|w| holds(field, m.row, w))
                    .cloned()
                    .collect();
                assert_eq!(reported, holding, "{:?} {field:?}", search.query());
            }
            let with_words: Vec<Field> = Field::ALL
                .into_iter()
                .filter(|&f| m.words_in(f).next().is_some())
                .collect();
            assert_eq!(m.fields().collect::<Vec<_>>(), with_words);
            let rank = if with_words.contains(&Field::Heading) {
                Rank::Heading
            } else if with_words.contains(&Field::Message) || with_words.contains(&Field::Tags) {
                Rank::CodeText
            } else {
                Rank::RowText
            };
            assert_eq!(m.rank, rank, "{:?}", search.query());
            (m.score, index)
        })
        .collect();
    let shown = found.len();
    assert_eq!(search.matches().size_hint(), (shown, Some(shown)));
    let mut rest = search.matches();
    rest.next();
    let left = shown.saturating_sub(1);
    assert_eq!(rest.size_hint(), (left, Some(left)));
    for pair in found.windows(2) {
        let ((score_a, index_a), (score_b, index_b)) = (pair[0], pair[1]);
        assert!(
            score_a > score_b || (score_a == score_b && index_a < index_b),
            "{:?}: {found:?}",
            search.query()
        );
    }
    let scores = scores_of_a_plain_scan(search);
    for &(score, index) in &found {
        assert_eq!(score, scores[index], "{:?} row {index}", search.query());
    }
    if search.is_split() {
        unknown_words_are_those_of_a_plain_scan(search);
        // A sentence: every row down to half the best score, no other.
        let best = scores.iter().copied().max().unwrap_or(0);
        let expected: Vec<usize> = (0..ROWS.len())
            .filter(|&i| scores[i] > 0 && 2 * scores[i] >= best)
            .collect();
        let mut rows: Vec<usize> = found.iter().map(|f| f.1).collect();
        rows.sort();
        assert_eq!(rows, expected, "{:?}", search.query());
        return;
    }
    let groups = groups(search);
    let mut expected: Vec<usize> = ROWS
        .iter()
        .enumerate()
        .filter(|(_, row)| {
            groups.iter().all(|group| {
                group
                    .iter()
                    .any(|&w| Field::ALL.iter().any(|&f| holds(f, row, &words[w])))
            })
        })
        .map(|(i, _)| i)
        .collect();
    expected.sort();
    let mut rows: Vec<usize> = found.iter().map(|f| f.1).collect();
    rows.sort();
    assert_eq!(rows, expected, "{:?}", search.query());
}

#[test]
fn every_term_of_the_table_finds_exactly_the_rows_that_hold_it() {
    let texts = Code::ALL
        .iter()
        .flat_map(|c| [c.heading(), c.message()])
        .chain(
            ROWS.iter()
                .flat_map(|r| [r.kind, r.cause, r.remedy, r.contact]),
        );
    let mut seen = Vec::new();
    for text in texts {
        for term in oqs_messages::search::terms(text) {
            if seen.contains(&term) || Query::parse(term).is_ok() {
                continue;
            }
            seen.push(term);
            let search = Search::new(term).unwrap();
            assert!(!search.is_split(), "{term:?} is in the table as typed");
            assert!(search.matches().next().is_some(), "{term:?}");
            matches_are_those_of_a_plain_scan(&search);
        }
    }
    assert!(seen.len() > 100);
}

/// What callers say and ask (`callers/`, both halves): every row's score is the one a
/// plain scan gives, and the rows shown are exactly those down to half the best.
#[test]
fn every_caller_sentence_is_scored_as_a_plain_scan_scores_it() {
    let mut count = 0;
    for half in ["tuning", "test"] {
        let path = format!("{}/callers/{half}.json", env!("CARGO_MANIFEST_DIR"));
        let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let sentences = file["sentences"].as_array().unwrap().iter();
        let questions = file["out_of_scope"].as_array().unwrap().iter();
        for text in sentences
            .chain(questions)
            .map(|s| s["sentence"].as_str().unwrap())
        {
            let search = Search::new(text).unwrap();
            matches_are_those_of_a_plain_scan(&search);
            count += 1;
        }
    }
    assert!(count >= 150);
}

/// Sentences with typos and words the table does not hold: searched by the parts the table
/// holds, the rest said unknown, each as a plain scan finds it.
#[test]
fn typos_are_searched_in_part_and_the_rest_said_unknown() {
    let mut unknown = 0;
    let mut by_part = 0;
    for text in [
        "証明所の期限が切れた",
        "ｽﾏﾎﾝが壊れた",
        "ゑゐ電源が入らない",
        "ぬらりひょんがでた",
        "照合番号Ｂを入力した",
        "ヰヱヰヱの暗証番号",
    ] {
        let search = Search::new(text).unwrap();
        assert_eq!(search.query(), text);
        assert!(search.is_split(), "{text:?}");
        matches_are_those_of_a_plain_scan(&search);
        unknown += search.unknown_words().len();
        by_part += search.origins().filter(|o| *o == Origin::Part).count();
    }
    assert!(
        unknown > 0 && by_part > 0,
        "{unknown} unknown, {by_part} parts"
    );
}

/// Edit distance over folded characters, in thousandths alike, as the nearest words weigh it.
fn alike(a: &str, b: &str) -> u32 {
    let (a, b): (Vec<char>, Vec<char>) = (folded(a).collect(), folded(b).collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    let longer = a.len().max(b.len());
    (1000 - 1000 * row[b.len()].min(longer) / longer) as u32
}

/// A word found nowhere offers the table's nearest words: the word it misspells first, each
/// a term of the table, once, at least half alike, best first, five at most.
#[test]
fn a_word_found_nowhere_offers_the_nearest_words_of_the_table() {
    let term = ROWS
        .iter()
        .flat_map(|r| oqs_messages::search::terms(r.cause))
        .find(|t| t.chars().count() >= 6 && t.chars().all(|c| c.is_ascii_alphabetic()))
        .expect("a Latin term of six letters in a cause");
    let typo = oqs_messages_tests::misspelt(term);
    let search = Search::new(&typo).unwrap();
    assert_eq!(search.matches().count(), 0, "{typo}");
    assert_eq!(search.unknown_words(), [typo.as_str()]);
    let nearest: Vec<&str> = search.nearest_words().collect();
    assert_eq!(nearest.first(), Some(&term), "{typo}: {nearest:?}");
    assert!(nearest.len() <= 5);
    let table_terms: Vec<&str> = Code::ALL
        .iter()
        .flat_map(|c| [c.heading(), c.message()])
        .chain(
            ROWS.iter()
                .flat_map(|r| [r.kind, r.cause, r.remedy, r.contact]),
        )
        .chain(FOOTNOTES.iter().map(|n| n.text))
        .chain(Code::ALL.iter().flat_map(|c| c.tags().iter().copied()))
        .flat_map(oqs_messages::search::terms)
        .collect();
    let mut last = 1000;
    for (i, word) in nearest.iter().enumerate() {
        assert!(table_terms.contains(word), "{word}");
        let score = alike(&typo, word);
        assert!((500..=last).contains(&score), "{word}: {score}");
        last = score;
        assert!(
            nearest[..i].iter().all(|w| fold(w) != fold(word)),
            "{word} twice"
        );
    }
    // Nothing half alike: nothing offered.
    let search = Search::new("ゐゑゐゑ").unwrap();
    assert_eq!(search.nearest_words().count(), 0);
}

/// A word that two tags of one code hold (資格確認端末, 端末設定: 端末) is found in the tags.
#[test]
fn a_word_in_two_tags_of_a_code_is_found_there() {
    let mut searched = 0;
    for code in Code::ALL.iter().filter(|c| c.tags().len() >= 2) {
        let (first, second) = (code.tags()[0], code.tags()[1]);
        let chars: Vec<char> = first.chars().collect();
        for pair in chars.windows(2) {
            let word: String = pair.iter().collect();
            if second.contains(&word) && Query::parse(&word).is_err() {
                let search = Search::new(&word).unwrap();
                matches_are_those_of_a_plain_scan(&search);
                searched += 1;
            }
        }
    }
    assert!(searched > 0, "no code has two tags sharing two characters");
}
