use oqs_messages::Code;

// The match of `match_withdrawn_code.rs` once the withdrawn arm is deleted: the code that
// version 0.1 added is not covered.
fn action(code: Code) -> &'static str {
    match code {
        Code::CardNotRecognized => "retry",
        Code::WrongPin => "retry",
        Code::VersionMismatch => "call the help desk",
    }
}

fn main() {
    let _ = action(Code::ALL[0]);
}
