use oqs_messages::CodeHandler;

/// A handler written when the table still had a code it no longer has.
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
    fn retired_code(&mut self) -> bool {
        false
    }
}

fn main() {}
