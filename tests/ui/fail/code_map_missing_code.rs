use oqs_messages::CodeMap;

#[derive(CodeMap)]
enum Action {
    #[codes(CardNotRecognized, WrongPin)]
    AskPatientToRetry,
    #[codes(VersionMismatch)]
    CallHelpDesk,
}

fn main() {
    // Uses of the impl add no error of their own: every error names a code.
    let _: Action = oqs_messages::Code::ALL[0].into();
    let _ = Action::from(oqs_messages::Code::ALL[1]);
}
