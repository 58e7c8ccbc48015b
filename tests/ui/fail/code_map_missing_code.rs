use oqs_messages::CodeMap;

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
}

fn main() {
    // Uses of the impl add no error of their own: every error names a code.
    let _: Action = oqs_messages::Code::ALL[0].into();
    let _ = Action::from(oqs_messages::Code::ALL[1]);
}
