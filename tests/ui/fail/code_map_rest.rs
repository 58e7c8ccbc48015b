use oqs_messages::CodeMap;

// Every code is mapped by name: a rest would let a revision's new code in unseen.
#[derive(CodeMap)]
enum Action {
    #[codes(CardNotRecognized, WrongPin)]
    AskPatientToRetry,
    #[rest]
    CallHelpDesk,
}

fn main() {}
