use oqs_messages::{Code, CodeHandler};

/// One method per code; `Code::handle` dispatches.
struct Retry;

impl CodeHandler for Retry {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool {
        true
    }
    fn wrong_pin(&mut self) -> bool {
        true
    }
    fn card_face_unreadable(&mut self) -> bool {
        false
    }
    fn version_mismatch(&mut self) -> bool {
        false
    }
}

fn main() {
    let retried: Vec<u16> = Code::ALL
        .iter()
        .filter(|code| code.handle(&mut Retry))
        .map(|code| code.number())
        .collect();
    assert_eq!(retried, [1, 3]);
}
