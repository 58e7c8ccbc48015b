use oqs_messages::{Code, CodeMap};

/// Every code mapped exactly once.
#[derive(CodeMap, Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    #[codes(CardNotRecognized, WrongPin)]
    AskPatientToRetry,
    #[codes(CardFaceUnreadable)]
    StaffCheck,
    #[codes(VersionMismatch)]
    CallHelpDesk,
}

fn main() {
    assert_eq!(Action::from(Code::CardNotRecognized), Action::AskPatientToRetry);
    assert_eq!(Action::from(Code::WrongPin), Action::AskPatientToRetry);
    assert_eq!(Action::from(Code::CardFaceUnreadable), Action::StaffCheck);
    let action: Action = Code::VersionMismatch.into();
    assert_eq!(action, Action::CallHelpDesk);
    assert_eq!(Code::ALL.len(), 4);
}
