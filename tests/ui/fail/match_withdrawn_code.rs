use oqs_messages::Code;

// A match written for version 0.0: code 002 was withdrawn in 0.1 and code 101 added. The
// withdrawn arm is an error whose note names the withdrawal. Rust checks that a match is
// exhaustive only once every arm resolves, so the added code (E0004) is reported in the
// next round, once the arm is deleted (`match_added_code.rs`).
fn action(code: Code) -> &'static str {
    match code {
        Code::CardNotRecognized => "retry",
        Code::NotMyNumberCard => "ask for the card",
        Code::WrongPin => "retry",
        Code::VersionMismatch => "call the help desk",
    }
}

fn main() {
    let _ = action(Code::ALL[0]);
}
