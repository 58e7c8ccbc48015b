use oqs_messages::Code;

// A match written for version 0.0: code 002 was withdrawn in 0.1. The arm is an error whose
// type names the withdrawal, and the deprecation note at the arm says it.
fn action(code: Code) -> &'static str {
    match code {
        Code::CardNotRecognized => "retry",
        Code::NotMyNumberCard => "ask for the card",
        Code::WrongPin => "retry",
        Code::CardFaceUnreadable => "call staff",
        Code::VersionMismatch => "call the help desk",
    }
}

fn main() {
    let _ = action(Code::ALL[0]);
}
