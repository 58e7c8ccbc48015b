//! What a pasted text is read as, answered over the table of the day (every case is taken
//! from the table, so this holds for any version):
//!
//! - the start of a message ID, as the page answers it at each keystroke: every start of
//!   every ID the table lists (`0x`, `0x0`, … `0x0400001`; `0400`, … without `0x`) is
//!   answered with exactly the rows that list an ID it could become, never with nothing
//!   found;
//! - a マイナポータル error code pasted with the display code whose row lists it (the
//!   screen's `【010：…】` and the portal's code in one message) is read as both and answered
//!   as the error code; with another code beside it, as the error code alone.

use oqs_answer::{CallersWords, Engine, IdPrefix, ListedId, Read, TableData};
use oqs_messages_table::DetailCode;

fn engine() -> Engine {
    let table = include_str!("../../generated/table.json");
    Engine::new(
        TableData::from_json(table).unwrap(),
        &CallersWords::default(),
    )
}

/// The engine as `explain` and the page run it, with the callers' words.
fn engine_with_callers_words() -> Engine {
    let table = include_str!("../../generated/table.json");
    let words = include_str!("../../generated/callers-words.json");
    Engine::new(
        TableData::from_json(table).unwrap(),
        &CallersWords::from_json(words).unwrap(),
    )
}

#[test]
fn every_start_of_every_id_answers_with_the_ids_it_could_become() {
    let engine = engine();
    let rows: Vec<_> = engine.rows().collect();
    let mut asked = 0;
    for id in engine.data().table.listed_ids() {
        let ListedId::Exact(value) = id else {
            continue;
        };
        let hex = format!("{:08X}", value.0);
        for digits in 0..8 {
            let mut texts = vec![format!("0x{}", &hex[..digits])];
            // Digits alone are a code (one to three) or a row's label first; only where
            // nothing else answers are they the start of an ID.
            if digits > 0 && hex.starts_with(|c: char| c.is_ascii_digit()) {
                texts.push(hex[..digits].to_owned());
            }
            for text in texts {
                asked += 1;
                let answer = engine.answer(&text);
                assert!(answer.failure.is_none(), "{text}: {:?}", answer.failure);
                assert!(!answer.matches.is_empty(), "{text}");
                let Some(Read::IdPrefix(prefix)) = &answer.read else {
                    continue; // a code, or words found, answered first
                };
                let expected: Vec<String> = rows
                    .iter()
                    .filter(|s| s.row.message_ids.iter().any(|id| prefix.admits(id)))
                    .map(|s| s.reference())
                    .collect();
                let got: Vec<String> = answer.matches.iter().map(|m| m.shown.reference()).collect();
                assert_eq!(got, expected, "{text}");
                assert!(prefix.admits(&id), "{text} {id}");
            }
        }
    }
    assert!(asked > 100);
    // A start no ID has is said to be so; digits alone that start none are left to the
    // rest of the engine.
    let none = engine.answer("0x9");
    assert_eq!(none.failure.map(|f| f.kind()), Some("not_found"));
    assert_eq!(IdPrefix::read("0x9").unwrap().shown(), "0x9");
}

#[test]
fn a_portal_code_with_its_display_code_is_read_as_both() {
    let engine = engine();
    let mut asked = 0;
    for (code, _, row) in engine.data().rows() {
        for detail in &row.details {
            let DetailCode::PortalError { first, .. } = detail.code else {
                continue;
            };
            let number = code.number.get();
            let alone = engine.answer(&format!("マイナポータル {first:03}"));
            let heading = &code.heading;
            for text in [
                format!("画面は【{number:03}：{heading}】、マイナポータルのエラーは({first:03})"),
                format!("{number:03} マイナポータル {first:03}"),
                format!("マイナポータル　{first:03}　コード{number:03}"),
            ] {
                let answer = engine.answer(&text);
                assert_eq!(
                    answer.read,
                    Some(Read::PortalUnderCode {
                        code: number,
                        portal: first
                    }),
                    "{text}"
                );
                let rows: Vec<String> =
                    answer.matches.iter().map(|m| m.shown.reference()).collect();
                let expected: Vec<String> =
                    alone.matches.iter().map(|m| m.shown.reference()).collect();
                assert_eq!(rows, expected, "{text}");
            }
            // Another code beside it is not the code that lists it: the error code alone.
            let other = engine
                .data()
                .table
                .codes
                .iter()
                .map(|c| c.number.get())
                .find(|n| *n != number)
                .unwrap();
            let answer = engine.answer(&format!("{other:03} マイナポータル {first:03}"));
            assert_eq!(answer.read, alone.read, "{other:03} beside {first:03}");
            asked += 1;
        }
    }
    assert!(asked > 0, "the table lists no マイナポータル error code");
}

/// The start of an ID as notes and mails write it inside a sentence (`0xF8で始まるエラー`,
/// `0xFA01xxxx みたいな番号`) is answered with exactly the rows that list an ID it could
/// become; with a code's heading beside it, that code's rows come first.
#[test]
fn the_start_of_an_id_in_a_sentence_answers_with_its_rows_the_words_first() {
    let engine = engine_with_callers_words();
    let rows: Vec<_> = engine.rows().collect();
    let mut asked = 0;
    for (code, _, row) in engine.data().rows() {
        for id in &row.message_ids {
            let value = match *id {
                ListedId::Exact(value) => value.0,
                ListedId::Range { start, .. } => start.0,
            };
            let hex = format!("{value:08X}");
            for digits in [2, 4, 6] {
                let start = &hex[..digits];
                let wildcards = "x".repeat(8 - digits);
                for text in [
                    format!("ログのIDが0x{start}で始まるエラー"),
                    format!("0x{start}{wildcards} みたいな番号が出る"),
                    format!("{} 0x{start}", code.heading),
                ] {
                    asked += 1;
                    let answer = engine.answer(&text);
                    let Some(Read::IdPrefix(prefix)) = &answer.read else {
                        panic!("{text}: read as {:?}", answer.read);
                    };
                    assert_eq!(prefix.digits, start, "{text}");
                    assert!(!answer.weak && answer.failure.is_none(), "{text}");
                    let mut got: Vec<String> =
                        answer.matches.iter().map(|m| m.shown.reference()).collect();
                    got.sort();
                    let mut expected: Vec<String> = rows
                        .iter()
                        .filter(|s| s.row.message_ids.iter().any(|id| prefix.admits(id)))
                        .map(|s| s.reference())
                        .collect();
                    expected.sort();
                    assert_eq!(got, expected, "{text}");
                    if text.starts_with(code.heading.as_str()) {
                        assert_eq!(answer.matches[0].shown.code, code.number, "{text}");
                    }
                }
            }
        }
    }
    assert!(asked > 100, "{asked}");
}

/// Each word of `[elsewhere]` (the clinic's other systems and matters), asked alone, is told
/// that no row fits, even where the table writes a part of it (`Windows` of
/// `Windowsアップデート`): the parts say nothing of a row.
#[test]
fn a_word_of_elsewhere_asked_alone_is_told_that_nothing_fits() {
    let words = CallersWords::from_json(include_str!("../../generated/callers-words.json"))
        .unwrap()
        .elsewhere;
    let engine = engine_with_callers_words();
    let answered: Vec<&String> = words
        .iter()
        .filter(|word| {
            let answer = engine.answer(word);
            answer.failure.is_none() && !answer.weak
        })
        .collect();
    assert!(words.len() > 100, "{}", words.len());
    assert_eq!(answered, Vec::<&String>::new());
}

/// The counts codegen wrote are read (the engine reads them only at its first sentence, and
/// orders nothing where it cannot), and every code they count is one of the table's.
#[test]
fn the_callers_sentences_counts_codegen_wrote_are_read() {
    let text = include_str!("../../generated/callers-sentences.txt");
    let counts = oqs_answer::learned::SentenceCounts::parse(text).unwrap();
    assert!(!counts.is_empty());
    let engine = engine();
    let codes: Vec<u16> = engine
        .data()
        .table
        .codes
        .iter()
        .map(|code| code.number.get())
        .collect();
    let totals = text
        .lines()
        .find_map(|line| line.strip_prefix("= "))
        .expect("each code's count");
    for entry in totals.split(' ') {
        let code: u16 = entry.split(':').next().unwrap().parse().unwrap();
        assert!(codes.contains(&code), "{code:03} is no code of the table");
    }
}

#[test]
fn a_sentence_in_hiragana_is_read_with_the_loanwords_it_writes_in_hiragana() {
    let engine = engine();
    let index = engine.index();
    let data = TableData::from_json(include_str!("../../generated/table.json")).unwrap();
    // Every word of katakana the table lengthens with a long-vowel mark, written in
    // hiragana inside a sentence of hiragana: read as that word (or a longer one holding it).
    let mut loanwords: Vec<String> = oqs_answer::table_texts(&data.table)
        .flat_map(oqs_messages_text::search::terms)
        .filter(|t| t.contains('ー') && t.chars().all(|c| matches!(c, 'ァ'..='ヺ' | 'ー')))
        .filter(|t| t.chars().count() >= 3)
        .map(str::to_owned)
        .collect();
    loanwords.sort();
    loanwords.dedup();
    assert!(!loanwords.is_empty());
    for word in &loanwords {
        let hiragana: String = word
            .chars()
            .map(|c| match c {
                'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap(),
                c => c,
            })
            .collect();
        let sentence = format!("きのうから{hiragana}がおかしいみたい");
        let read = index.with_loanwords_in_hiragana(&sentence);
        let read = read.unwrap_or_else(|| panic!("{sentence}"));
        assert!(read.starts_with(&sentence), "{read}");
        let words = &read[sentence.len()..];
        assert!(
            words.split(' ').any(|w| w.contains(word.as_str())),
            "{sentence} → {read}"
        );
    }
    // No long-vowel mark, or a sentence that writes kanji or katakana: read as it is.
    for sentence in ["かどうかわからない", "カードがおかしい", "かーどが読めない"]
    {
        assert_eq!(
            index.with_loanwords_in_hiragana(sentence),
            None,
            "{sentence}"
        );
    }
}

#[test]
fn a_bare_number_that_is_no_code_in_a_sentence_is_the_clinics_and_its_words_answer() {
    use oqs_answer::Failure;
    let engine = engine_with_callers_words();
    let data = engine.data();
    let numbers: Vec<u16> = data.table.codes.iter().map(|c| c.number.get()).collect();
    let no_code = (100..1000)
        .find(|n| {
            !numbers.contains(n)
                && !data
                    .history
                    .withdrawn_codes
                    .iter()
                    .any(|w| w.entry.number.get() == *n)
                && !data
                    .rows()
                    .any(|(_, _, r)| r.details.iter().any(|d| d.code.is_portal(*n)))
        })
        .unwrap();
    // A row's own words, with a terminal's number beside them: that row, by its words.
    let (code, _, row) = data
        .rows()
        .find(|(_, _, r)| r.kind.chars().count() >= 6)
        .unwrap();
    for sentence in [
        format!("{}（端末No.{no_code}）", row.kind),
        format!("受付{no_code}番の端末で{}", row.kind),
    ] {
        let answer = engine.answer(&sentence);
        assert!(answer.failure.is_none(), "{sentence}: {:?}", answer.failure);
        assert!(matches!(answer.read, Some(Read::Words(_))), "{sentence}");
        assert!(
            answer.matches.iter().any(|m| m.shown.code == code.number),
            "{sentence}"
        );
    }
    // The number alone, marked as a code, or with a word or two: no such code, as before.
    for text in [
        format!("{no_code}"),
        format!("エラー{no_code}"),
        format!("{no_code}が出た"),
        format!("カード {no_code}"),
    ] {
        let answer = engine.answer(&text);
        assert!(
            matches!(answer.failure, Some(Failure::NotFound { .. })),
            "{text}: {:?}",
            answer.read
        );
    }
}
