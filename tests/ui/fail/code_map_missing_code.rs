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

fn main() {}
