use oqs_messages::CodeHandler;

// The fix the note seems to offer, the parameter it shows, does not compile: its type is
// named nowhere outside the crate, so deleting the withdrawn code's method is the only fix.
struct Retry;

impl CodeHandler for Retry {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool { true }
    fn not_my_number_card(
        &mut self,
        _: oqs_messages::__withdrawn::delete_this_method::NotMyNumberCard_code_002_withdrawn_in_table_0_1_last_listed_in_0_0,
    ) -> bool {
        false
    }
    fn wrong_pin(&mut self) -> bool { true }
    fn card_face_unreadable(&mut self) -> bool { false }
    fn version_mismatch(&mut self) -> bool { false }
}

fn main() {
    let _ = oqs_messages::Code::ALL[0].handle(&mut Retry);
}
