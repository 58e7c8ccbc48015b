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
        ReferralLetterInfoUnavailable,
        CardNotRecognized
    )]
    HelpDesk,
}

fn main() {}
