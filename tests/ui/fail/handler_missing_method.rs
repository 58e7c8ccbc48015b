use oqs_messages::CodeHandler;

/// A handler written before code 101 was added: the build names the method to add.
struct Retry;

impl CodeHandler for Retry {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool {
        true
    }
    fn wrong_pin(&mut self) -> bool {
        true
    }
    fn version_mismatch(&mut self) -> bool {
        false
    }
}

fn main() {}
