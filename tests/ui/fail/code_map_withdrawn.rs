use oqs_messages::CodeMap;

// A mapping written for version 0.0: code 002 was withdrawn in 0.1 and code 101 added. Both
// are errors in the same round; the withdrawn one says so, and suggests no other code.
#[derive(CodeMap)]
enum Action {
    #[codes(CardNotRecognized, NotMyNumberCard, WrongPin)]
    AskPatientToRetry,
    #[codes(VersionMismatch)]
    CallHelpDesk,
}

fn main() {
    let _: Action = oqs_messages::Code::ALL[0].into();
}
