//! Unit tests of the query reader.

use super::*;

#[test]
fn forms_people_paste() {
    assert_eq!(Query::parse("015"), Ok(Query::Code(15)));
    assert_eq!(Query::parse(" 15 "), Ok(Query::Code(15)));
    assert_eq!(Query::parse("０１５"), Ok(Query::Code(15)));
    assert_eq!(Query::parse("0X04000011"), Ok(Query::Value(0x0400_0011)));
    assert_eq!(Query::parse("0x0400 0011"), Ok(Query::Value(0x0400_0011)));
    assert_eq!(
        Query::parse("０ｘ０４００００１１"),
        Ok(Query::Value(0x0400_0011))
    );
    assert_eq!(Query::parse("0xf0301d1c"), Ok(Query::Value(0xF030_1D1C)));
    assert_eq!(
        Query::parse("015 0x04000011"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
    assert_eq!(
        Query::parse("【015：マイナンバーカードから顔写真の引き出し不可】 0x04000011"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
    assert_eq!(Query::parse("portal 860"), Ok(Query::Portal(860)));
    assert_eq!(Query::parse("--portal ００５"), Ok(Query::Portal(5)));
    assert_eq!(Query::parse(""), Err(QueryError::Empty));
    assert_eq!(Query::parse("\u{3000}"), Err(QueryError::Empty));
    assert_eq!(Query::parse("hello"), Err(QueryError::Unrecognized));
    assert_eq!(Query::parse("1234"), Err(QueryError::Unrecognized));
    assert_eq!(Query::parse("015 016 0x04000011"), Err(QueryError::Several));
}

/// What each error says, for those who show it.
#[cfg(feature = "std")]
#[test]
fn errors_say_what_is_wrong() {
    use std::string::ToString;
    assert_eq!(QueryError::Empty.to_string(), "nothing to look up");
    assert!(QueryError::Unrecognized
        .to_string()
        .contains("three-digit code"));
    assert!(QueryError::Several.to_string().contains("several codes"));
}

/// Digits typed apart are one code; blanks of every width are blanks.
#[test]
fn spaced_digits_and_wide_blanks() {
    assert_eq!(Query::parse("0 1 5"), Ok(Query::Code(15)));
    assert_eq!(Query::parse("1 2 3 4"), Err(QueryError::Unrecognized));
    // An ideographic space after a key's `=` still leaves the value the key's.
    assert_eq!(
        Query::parse("code=\u{3000}15 0x04000011"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
}

/// The screen message's code is marked: it outranks a bare number elsewhere.
#[test]
fn the_screen_message_code_outranks_a_bare_number() {
    assert_eq!(
        Query::parse("【015：マイナンバーカードから顔写真の引き出し不可】 016"),
        Ok(Query::Code(15))
    );
    assert_eq!(
        Query::parse("016 【015：マイナンバーカードから顔写真の引き出し不可】"),
        Ok(Query::Code(15))
    );
}

/// A weaker candidate after a stronger one does not replace it.
#[test]
fn a_weaker_candidate_later_does_not_win() {
    assert_eq!(Query::parse("code=015 [016]"), Ok(Query::Code(15)));
    assert_eq!(Query::parse("015 oqs[016]:"), Ok(Query::Code(15)));
}

/// A marked code outranks a bare one; a number is bracketed only with a bracket on
/// either side.
#[test]
fn marks_and_brackets() {
    assert_eq!(Query::parse("code=015 016"), Ok(Query::Code(15)));
    assert_eq!(Query::parse("(016 015"), Err(QueryError::Several));
    assert_eq!(Query::parse("015 016)"), Err(QueryError::Several));
}

/// A マイナポータル code: one to three digits after the word, wherever the word is.
#[test]
fn portal_codes() {
    assert_eq!(Query::parse("portal 5"), Ok(Query::Portal(5)));
    assert_eq!(
        Query::parse("ログ: マイナポータル 005"),
        Ok(Query::Portal(5))
    );
    assert_eq!(Query::parse("portal 1234"), Err(QueryError::Unrecognized));
    assert_eq!(Query::parse("portal"), Err(QueryError::Unrecognized));
    // The word, then an ID and no number of its own: the ID.
    assert_eq!(
        Query::parse("マイナポータルから中間サーバの該当者符号なしが返ってきた。0x8100000E。"),
        Ok(Query::Value(0x8100_000E))
    );
    assert_eq!(
        Query::parse("マイナポータル E015 のあと 005"),
        Ok(Query::Portal(5))
    );
    assert_eq!(
        Query::parse("マイナポ側から重複(006)が返ってきた"),
        Ok(Query::Portal(6))
    );
    assert_eq!(
        Query::parse("マイナポータル 12345678901"),
        Err(QueryError::Unrecognized)
    );
}

/// The mark `0x` alone, then an ID in two halves, inside a sentence.
#[test]
fn a_mark_alone_before_an_id_in_halves() {
    assert_eq!(
        Query::parse("メッセージID 0x 8100 000B ってなってます"),
        Ok(Query::Value(0x8100_000B))
    );
    assert_eq!(
        Query::parse("015 で 0x 0400-0011 でした"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
    // A mark with one half after it is no ID.
    assert_eq!(Query::parse("0x 8100 です 015"), Ok(Query::Code(15)));
}

/// An ID in two halves without `0x` beside a code (`951　8100 0032`), taken where nothing
/// else is an ID; a telephone number's last parts are none.
#[test]
fn halves_without_the_mark_beside_a_code() {
    assert_eq!(
        Query::parse("951　8100 0032"),
        Ok(Query::Pair(951, 0x8100_0032))
    );
    assert_eq!(
        Query::parse("011 8100-0005 が出た"),
        Ok(Query::Pair(11, 0x8100_0005))
    );
    assert_eq!(
        Query::parse("015 折り返しは03-1234-5678"),
        Ok(Query::Code(15))
    );
    assert_eq!(
        Query::parse("015 0x04000011 1234 5678"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
}

/// An ID written in groups after `0x`: pairs of digits, an underscore, six after two.
#[test]
fn an_id_in_groups_after_the_mark() {
    assert_eq!(
        Query::parse("エラーコード:903 メッセージID:0x04 00 00 18"),
        Ok(Query::Pair(903, 0x0400_0018))
    );
    assert_eq!(
        Query::parse("【014】0x0200_0002 リソースマネージャ"),
        Ok(Query::Pair(14, 0x0200_0002))
    );
    assert_eq!(Query::parse("0x05_000001"), Ok(Query::Value(0x0500_0001)));
    // Groups that pass eight digits, or a word among them, are no ID.
    assert_eq!(
        Query::parse("015 0x04 00 00 18 99"),
        Ok(Query::Pair(15, 0x0400_0018))
    );
    assert_eq!(Query::parse("015 0x04 00 zz 18"), Ok(Query::Code(15)));
}

/// A code as tickets and chats write it: after `err`/`error`, a hyphen or a blank; by its
/// number and `番のエラー`; after `エラー番号` and a bracket; in half-width katakana; as a
/// JSON number.
#[test]
fn a_code_as_tickets_write_it() {
    for (text, code) in [
        ("err-15", 15),
        ("error 9 (運転モード)", 9),
        ("15番のエラーが出て受付できません", 15),
        ("ｴﾗｰ17", 17),
        ("エラー番号「７」", 7),
        ("{\"code\": 10, \"count\": 2}", 10),
    ] {
        assert_eq!(Query::parse(text), Ok(Query::Code(code)), "{text}");
    }
    // Windows' own codes are no ID; a ticket's number is no code.
    assert_eq!(
        Query::parse("HRESULT=0x80070005 / OQS msg=0x81000019"),
        Ok(Query::Value(0x8100_0019))
    );
    assert_eq!(
        Query::parse("受付番号「15」"),
        Err(QueryError::Unrecognized)
    );
}

/// After an ID's key, seven digits are the ID without its leading zero.
#[test]
fn an_id_after_its_key_may_lack_its_leading_zero() {
    assert_eq!(
        Query::parse("code:004 id:4000001"),
        Ok(Query::Pair(4, 0x0400_0001))
    );
    assert_eq!(Query::parse("msgid=4000011"), Ok(Query::Value(0x0400_0011)));
}

/// A key's value follows `=` or `:` and blanks or quotes only; other marks end it.
#[test]
fn a_key_is_followed_by_blanks_or_quotes_only() {
    assert_eq!(Query::parse("code=(15) x"), Err(QueryError::Unrecognized));
    assert_eq!(Query::parse("code= \"15\" x"), Ok(Query::Code(15)));
    // A word before a number, apart by other than blanks or a dash, is no key.
    assert_eq!(
        Query::parse("pid/ 015 0x04000011"),
        Ok(Query::Pair(15, 0x0400_0011))
    );
}

#[test]
fn a_code_after_its_key_may_lack_its_leading_zeros() {
    assert_eq!(Query::parse("コード11がでた"), Ok(Query::Code(11)));
    assert_eq!(Query::parse("エラーコード：５です"), Ok(Query::Code(5)));
    assert_eq!(Query::parse("エラー12出てる"), Ok(Query::Code(12)));
    assert_eq!(Query::parse("エラー3回"), Err(QueryError::Unrecognized));
    assert_eq!(
        Query::parse("code 13 id 0x82000002"),
        Ok(Query::Pair(13, 0x8200_0002))
    );
    // Not after another key, nor a number that is no code's.
    assert_eq!(Query::parse("thread 15 と 015"), Ok(Query::Code(15)));
    assert_eq!(Query::parse("コード1234"), Err(QueryError::Unrecognized));
    assert_eq!(Query::parse("code 3回"), Err(QueryError::Unrecognized));
}
