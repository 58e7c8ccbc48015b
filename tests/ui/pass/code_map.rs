use oqs_messages::{Code, CodeMap};

#[derive(CodeMap, Debug, PartialEq)]
enum Action {
    #[codes(
        CardNotRecognized,
        NotMyNumberCard,
        WrongPin,
        CardLocked,
        CollationNumberBLocked,
        UserCertificateRevokedOrExpired,
        CardApplicationBroken
    )]
    Patient,
    #[codes(
        DeviceNotConnected,
        ModeChangedDuringProcessing,
        InitialRegistrationFailed,
        NetworkError,
        TerminalCertificateError,
        TerminalConfigurationError,
        TerminalHardwareError,
        FacePhotoUnreadable,
        EligibilityRetrievalFailed,
        InsurerCheckRequired,
        CardFaceUnreadable,
        FaceCaptureFailed,
        ScreenKeyboardFault
    )]
    Staff,
    #[codes(
        SystemFailure,
        TerminalAppVersionMismatch,
        SpecificInstitutionAuthError,
        SystemCertificateError,
        TerminalAppUnexpectedFault,
        TerminalSetupUnexpectedError,
        FaceDeviceSetupUnexpectedError,
        EPrescriptionServiceFailure,
        MedicalSubsidyInfoUnavailable,
        ReferralLetterInfoUnavailable
    )]
    HelpDesk,
    /// A variant no code maps to is allowed.
    Unused,
}

fn main() {
    assert_eq!(Action::from(Code::CardNotRecognized), Action::Patient);
    assert_eq!(Action::from(Code::NetworkError), Action::Staff);
    assert_eq!(Action::from(Code::TerminalAppVersionMismatch), Action::HelpDesk);
    let _ = Action::Unused;
}
