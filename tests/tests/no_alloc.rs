//! The lookups allocate nothing: a counting allocator watches every one of them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, MessageId,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed to the system allocator; the count is a thread-local.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `work` makes on this thread.
fn allocations(work: impl FnOnce() -> usize) -> (usize, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = std::hint::black_box(work());
    (ALLOCATIONS.with(Cell::get) - before, result)
}

#[test]
fn lookups_allocate_nothing() {
    let texts = [
        "0x04000011",
        "0xf0301d1c",
        "0x12345678",
        "0x0400001",
        "015",
        "999",
        "1",
    ];
    let (count, found) = allocations(|| {
        let mut found = 0;
        for id in MessageId::ALL {
            found += usize::from(MessageId::from_value(id.value()).is_some());
            found += id.rows().len() + id.codes().len();
        }
        for code in Code::ALL {
            found += usize::from(Code::from_number(code.number()).is_some());
            found += code.rows().len() + code.heading().len() + code.message().len();
            for row in code.rows() {
                for listed in row.message_ids {
                    if let oqs_messages::ListedId::Exact(id) = listed {
                        found += code.rows_for(*id).count();
                    }
                }
            }
        }
        for text in texts {
            found += usize::from(text.parse::<MessageId>().is_ok());
            found += usize::from(text.parse::<Code>().is_ok());
        }
        // What people paste, read without allocating.
        for pasted in [
            "０１５　０ｘ０４００００１１",
            "【015：マイナンバーカードから顔写真の引き出し不可】 0x04000011",
            "2026/11/25 10:15:30 ERROR code=015 id=0x04000011",
            "マイナポータル 005",
        ] {
            found += usize::from(oqs_messages::Query::parse(pasted).is_ok());
        }
        found += rows_for_value(0xF000_0001).count();
        found += rows_for_received_code(0xF030_1D1C).count();
        found += rows_for_portal_error(5).count();
        // Words, with every term of the first heading; sentences, with callers' words and a
        // typo found by its parts; nothing found.
        let heading = Code::ALL[0].heading();
        for words in [
            heading,
            "ﾈｯﾄﾜｰｸ　ＬＡＮ",
            "暗証番号がロックされたと出た",
            "PINを3回間違えて使えなくなった",
            "暗唱番号",
            "ゐゑゐゑ",
        ] {
            if let Ok(search) = oqs_messages::search::Search::new(words) {
                for m in search.matches() {
                    found += m.fields().count() + m.words_in(m.fields().next().unwrap()).count();
                }
                found += search.nearest_words().count();
            }
        }
        found += oqs_messages::search::terms(heading).count();
        found
    });
    assert!(
        found > MessageId::ALL.len() + Code::ALL.len(),
        "the lookups ran ({found})"
    );
    assert_eq!(count, 0, "lookups allocated {count} times");
}

#[test]
fn the_counter_counts() {
    let (count, _) = allocations(|| vec![1u8; 100].len());
    assert_eq!(count, 1);
}
