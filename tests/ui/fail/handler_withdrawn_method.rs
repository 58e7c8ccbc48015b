use oqs_messages::CodeHandler;

// A handler written for version 0.0: code 002 was withdrawn in 0.1 and code 101 added. Both
// are errors in the same round: the withdrawn code's method has a parameter too few (the
// note names its type, which says the code was withdrawn and the method is to be deleted),
// and the added code's method is missing.
struct Retry;

impl CodeHandler for Retry {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool { true }
    fn not_my_number_card(&mut self) -> bool { false }
    fn wrong_pin(&mut self) -> bool { true }
    fn version_mismatch(&mut self) -> bool { false }
}

fn main() {
    let _ = oqs_messages::Code::ALL[0].handle(&mut Retry);
}
