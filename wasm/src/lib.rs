//! The offline page's engine: `oqs-answer` compiled to WebAssembly
//! (`scripts/build-engine.sh` builds it into `generated/engine.wasm`, which codegen embeds
//! in `generated/table.html`). The module depends on no version of the table: the page
//! gives it `table.json` and the callers' words as it loads, and then each text typed (with
//! the filter on); it answers with what the page shows ([`oqs_answer::page::PageAnswer`]:
//! the status line and the rows, in HTML, as
//! [`oqs_answer::page::PageAnswer::for_script`] writes them), and with a row's ticket
//! ([`oqs_answer::ticket()`]) for the copy control. The script puts them in place.
//!
//! The functions the script calls pass texts as UTF-8 in the module's memory: the script
//! asks for room ([`oqs_alloc`]), writes the text there, calls, frees the room
//! ([`oqs_free`]), and reads the answer from [`oqs_result`] (its length is what the call
//! returned).

use std::cell::RefCell;

use oqs_answer::page::{render_page_filtered, Filter};
use oqs_answer::{Engine, Lang, TableData};

thread_local! {
    /// The engine, once the page has given the table.
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    /// The last answer, read by the script through `oqs_result`.
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room for `len` bytes in the module's memory, for the script to write a text into.
#[no_mangle]
pub extern "C" fn oqs_alloc(len: usize) -> *mut u8 {
    let mut room = Vec::<u8>::with_capacity(len);
    let at = room.as_mut_ptr();
    std::mem::forget(room);
    at
}

/// Frees what [`oqs_alloc`] gave.
///
/// # Safety
/// `at` and `len` are what one call of `oqs_alloc` was given and returned, freed once.
#[no_mangle]
pub unsafe extern "C" fn oqs_free(at: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(at, 0, len));
}

/// Where the last result is; its length is what the call that made it returned.
#[no_mangle]
pub extern "C" fn oqs_result() -> *const u8 {
    RESULT.with(|result| result.borrow().as_ptr())
}

/// The bytes the script wrote at `at`.
///
/// # Safety
/// `len` bytes from `at` were written by the script.
unsafe fn bytes<'a>(at: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    std::slice::from_raw_parts(at, len)
}

/// The text the script wrote at `at`.
///
/// # Safety
/// `len` bytes from `at` were written by the script.
unsafe fn text<'a>(at: *const u8, len: usize) -> &'a str {
    // The script writes with TextEncoder: always UTF-8; anything else reads as nothing.
    std::str::from_utf8(bytes(at, len)).unwrap_or("")
}

fn set_result(bytes: Vec<u8>) -> usize {
    let len = bytes.len();
    RESULT.with(|result| *result.borrow_mut() = bytes);
    len
}

/// Reads the table packed (`oqs_answer::packed`, the data of `table.json`) and keeps `callers-words.json` and `callers-sentences.txt`, read at
/// the first search by words (an address's code or ID is answered sooner); returns 0 when
/// the engine is ready, else the length of the error message in the result.
///
/// # Safety
/// Each text is `len` bytes the script wrote at `at`.
#[no_mangle]
pub unsafe extern "C" fn oqs_load(
    table_at: *const u8,
    table_len: usize,
    words_at: *const u8,
    words_len: usize,
    sentences_at: *const u8,
    sentences_len: usize,
) -> usize {
    match load(
        bytes(table_at, table_len),
        text(words_at, words_len),
        text(sentences_at, sentences_len),
    ) {
        Ok(engine) => {
            ENGINE.with(|slot| *slot.borrow_mut() = Some(engine));
            0
        }
        Err(message) => set_result(message.into_bytes()),
    }
}

/// The engine over the data the page holds.
pub fn load(table: &[u8], callers_words: &str, callers_sentences: &str) -> Result<Engine, String> {
    let data = TableData::from_packed(table).map_err(|e| format!("table: {e}"))?;
    Ok(Engine::with_callers_json(
        data,
        callers_words.to_owned(),
        callers_sentences.to_owned(),
    ))
}

/// Answers a text under a filter (the JSON of [`Filter`] a filter button carries, or
/// nothing): what the page shows, its parts ended by NUL
/// ([`oqs_answer::page::PageAnswer::for_script`]), in the result, whose length is returned
/// (0 before the engine is loaded).
///
/// # Safety
/// Each text is `len` bytes the script wrote at `at`.
#[no_mangle]
pub unsafe extern "C" fn oqs_answer(
    at: *const u8,
    len: usize,
    filter_at: *const u8,
    filter_len: usize,
) -> usize {
    let asked = text(at, len);
    let filter = Filter::from_json(text(filter_at, filter_len));
    let shown = ENGINE.with(|slot| {
        slot.borrow()
            .as_ref()
            .map(|engine| answer(engine, asked, &filter))
    });
    set_result(shown.unwrap_or_default().into_bytes())
}

/// The ticket of a row (`015-1`) of the answer to a text: the plain text the page's copy
/// control puts on the clipboard, in the result (its length returned; 0 for no such row).
///
/// # Safety
/// Each text is `len` bytes the script wrote at `at`.
#[no_mangle]
pub unsafe extern "C" fn oqs_ticket(
    at: *const u8,
    len: usize,
    row_at: *const u8,
    row_len: usize,
) -> usize {
    let (asked, row) = (text(at, len), text(row_at, row_len));
    let ticket = ENGINE.with(|slot| {
        let engine = slot.borrow();
        let engine = engine.as_ref()?;
        oqs_answer::ticket(engine, &engine.answer(asked), row, Lang::Ja)
    });
    set_result(ticket.unwrap_or_default().into_bytes())
}

/// What the page shows for a text under a filter, as the script reads it
/// ([`oqs_answer::page::PageAnswer::for_script`]).
pub fn answer(engine: &Engine, text: &str, filter: &Filter) -> String {
    let answer = engine.answer(text);
    render_page_filtered(engine, &answer, filter, Lang::Ja).for_script()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE_JSON: &str = include_str!("../../generated/table.json");
    const WORDS: &str = include_str!("../../generated/callers-words.json");
    const SENTENCES: &str = include_str!("../../generated/callers-sentences.txt");

    /// An answer as the script reads it: class, status line and rows, split at NUL.
    fn parts(shown: &str) -> [&str; 3] {
        let parts: Vec<&str> = shown.split('\0').collect();
        assert_eq!(parts.len(), 4, "three parts, each ended by NUL: {shown:?}");
        assert_eq!(parts[3], "");
        [parts[0], parts[1], parts[2]]
    }

    /// The functions the script calls, called as the script calls them.
    #[test]
    fn the_script_s_calls_answer_in_three_parts() {
        let call = |f: unsafe extern "C" fn(*const u8, usize, *const u8, usize) -> usize,
                    text: &str,
                    second: &str| {
            let at = oqs_alloc(text.len());
            let second_at = oqs_alloc(second.len());
            unsafe {
                std::ptr::copy_nonoverlapping(text.as_ptr(), at, text.len());
                std::ptr::copy_nonoverlapping(second.as_ptr(), second_at, second.len());
                let len = f(at, text.len(), second_at, second.len());
                oqs_free(at, text.len());
                oqs_free(second_at, second.len());
                String::from_utf8(std::slice::from_raw_parts(oqs_result(), len).to_vec()).unwrap()
            }
        };
        assert_eq!(
            call(oqs_answer, "015", ""),
            "",
            "nothing before the table is loaded"
        );
        let table = TableData::from_json(TABLE_JSON).unwrap().packed();
        let placed: Vec<(*mut u8, usize)> = [&table[..], WORDS.as_bytes(), SENTENCES.as_bytes()]
            .into_iter()
            .map(|text| {
                let at = oqs_alloc(text.len());
                unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), at, text.len()) };
                (at, text.len())
            })
            .collect();
        let [(t, tl), (w, wl), (s, sl)] = placed[..] else {
            unreachable!()
        };
        unsafe {
            assert_eq!(oqs_load(t, tl, w, wl, s, sl), 0);
        }
        for (at, len) in placed {
            unsafe { oqs_free(at, len) };
        }
        let shown = call(oqs_answer, "015 0x04000011", "");
        let [class, status, results] = parts(&shown);
        assert_eq!(class, "");
        assert!(status.contains("015"), "{status}");
        assert!(results.contains("data-row=\"015-1\""), "{results}");
        assert_eq!(results.matches("<article").count(), 1, "{results}");
        // A filter keeps the rows it admits; the ticket is the row's text for a ticket.
        let everything = call(oqs_answer, "", "");
        let filtered = call(
            oqs_answer,
            "",
            r#"{"contact": "顔認証付きカードリーダーベンダー"}"#,
        );
        let count = |shown: &str| parts(shown)[2].matches("<article").count();
        assert!(0 < count(&filtered) && count(&filtered) < count(&everything));
        // A NUL typed or pasted is shown, never taken for the end of a part.
        let shown = call(oqs_answer, "暗証\0番号 ロック", "");
        assert!(!parts(&shown)[1].is_empty());
        let shown = call(oqs_answer, "\0\0999999999", "");
        let [class, status, _] = parts(&shown);
        assert_eq!(class, "none", "{status}");
        // The callers' words, read at the first search by words.
        assert!(call(oqs_answer, "ぴん", "").contains("暗証番号"));
        ENGINE.with(|slot| {
            let engine = slot.borrow();
            let words = engine.as_ref().unwrap().callers_words().unwrap();
            assert!(!words.words.is_empty() && !words.sentences.is_empty());
        });
        let ticket = call(oqs_ticket, "015 0x04000011", "015-1");
        assert!(
            ticket.contains("0x04000011") && ticket.contains("015"),
            "{ticket}"
        );
        assert_eq!(call(oqs_ticket, "", "999-1"), "");
        let refused = unsafe { oqs_load(b"{".as_ptr(), 1, b"{}".as_ptr(), 2, b"".as_ptr(), 0) };
        assert!(refused > 0);
    }
}
