use oqs_messages::CodeHandler;

// A handler written for version 0.0: its method for code 002, withdrawn in 0.1, is an error
// whose note shows the withdrawal.
struct Retry;

impl CodeHandler for Retry {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool { true }
    fn not_my_number_card(&mut self) -> bool { false }
    fn wrong_pin(&mut self) -> bool { true }
    fn card_face_unreadable(&mut self) -> bool { false }
    fn version_mismatch(&mut self) -> bool { false }
}

fn main() {
    let _ = oqs_messages::Code::ALL[0].handle(&mut Retry);
}
