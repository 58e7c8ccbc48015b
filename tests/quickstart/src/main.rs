//! Quick start: what a vendor's terminal software does with `oqs-messages`.
//!
//! Run it with `cargo run -p oqs-messages-quickstart -- 015 0x04000011`.
//!
//! Written against table version 1.25. When the ministry publishes a revision that adds
//! or removes a code, this crate stops compiling, and the errors name the codes: the
//! `CodeHandler` impl misses a method or has one too many, and `#[derive(CodeMap)]`
//! reports the code that is mapped nowhere or the name that is no longer a code.

use oqs_messages::{Code, CodeHandler, CodeMap, MessageId};

/// What the reception screen does for each code: every code is mapped exactly once.
#[derive(CodeMap, Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// The patient can fix it at the reader.
    #[codes(CardNotRecognized, NotMyNumberCard, WrongPin, FacePhotoUnreadable)]
    AskPatientToRetry,
    /// The patient must go to the reception desk or the municipality.
    #[codes(
        CardLocked,
        CollationNumberBLocked,
        UserCertificateRevokedOrExpired,
        CardApplicationBroken,
        InitialRegistrationFailed,
        EligibilityRetrievalFailed,
        InsurerCheckRequired
    )]
    SendPatientToDesk,
    /// Staff can fix it on site.
    #[codes(
        DeviceNotConnected,
        ModeChangedDuringProcessing,
        NetworkError,
        TerminalCertificateError,
        TerminalConfigurationError,
        TerminalHardwareError,
        CardFaceUnreadable,
        FaceCaptureFailed,
        ScreenKeyboardFault
    )]
    StaffCheck,
    /// Call the help desk named in the table.
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
    CallHelpDesk,
}

/// Whether the terminal may offer the patient another try: one method per code.
struct RetryPolicy;

impl CodeHandler for RetryPolicy {
    type Output = bool;
    fn card_not_recognized(&mut self) -> bool {
        true
    }
    fn not_my_number_card(&mut self) -> bool {
        true
    }
    fn wrong_pin(&mut self) -> bool {
        true
    }
    fn card_locked(&mut self) -> bool {
        false
    }
    fn collation_number_b_locked(&mut self) -> bool {
        false
    }
    fn user_certificate_revoked_or_expired(&mut self) -> bool {
        false
    }
    fn card_application_broken(&mut self) -> bool {
        false
    }
    fn device_not_connected(&mut self) -> bool {
        true
    }
    fn mode_changed_during_processing(&mut self) -> bool {
        true
    }
    fn initial_registration_failed(&mut self) -> bool {
        false
    }
    fn network_error(&mut self) -> bool {
        true
    }
    fn terminal_certificate_error(&mut self) -> bool {
        false
    }
    fn terminal_configuration_error(&mut self) -> bool {
        false
    }
    fn terminal_hardware_error(&mut self) -> bool {
        true
    }
    fn face_photo_unreadable(&mut self) -> bool {
        true
    }
    fn eligibility_retrieval_failed(&mut self) -> bool {
        false
    }
    fn insurer_check_required(&mut self) -> bool {
        false
    }
    fn card_face_unreadable(&mut self) -> bool {
        true
    }
    fn face_capture_failed(&mut self) -> bool {
        true
    }
    fn screen_keyboard_fault(&mut self) -> bool {
        false
    }
    fn system_failure(&mut self) -> bool {
        false
    }
    fn terminal_app_version_mismatch(&mut self) -> bool {
        false
    }
    fn specific_institution_auth_error(&mut self) -> bool {
        false
    }
    fn system_certificate_error(&mut self) -> bool {
        false
    }
    fn terminal_app_unexpected_fault(&mut self) -> bool {
        false
    }
    fn terminal_setup_unexpected_error(&mut self) -> bool {
        false
    }
    fn face_device_setup_unexpected_error(&mut self) -> bool {
        false
    }
    fn e_prescription_service_failure(&mut self) -> bool {
        false
    }
    fn medical_subsidy_info_unavailable(&mut self) -> bool {
        false
    }
    fn referral_letter_info_unavailable(&mut self) -> bool {
        false
    }
}

/// What the help desk reads for a code and message ID from a reader's log.
fn explain(code: Code, id: MessageId) -> String {
    let mut text = format!("{code}\n{}\n", code.message());
    let action = Action::from(code);
    let retry = code.handle(&mut RetryPolicy);
    text.push_str(&format!("action: {action:?}, retry: {retry}\n"));
    for row in code.rows_for(id) {
        text.push_str(&format!(
            "{id}: {}\n  cause: {}\n  remedy: {}\n  contact: {}\n",
            row.kind, row.cause, row.remedy, row.contact
        ));
    }
    text
}

/// The code and the ID as a reader's log gives them, each error saying what was given.
fn explain_text(code: &str, id: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(explain(code.parse()?, id.parse()?))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let code = args.next().unwrap_or_else(|| "015".to_owned());
    let id = args.next().unwrap_or_else(|| "0x04000011".to_owned());
    match explain_text(&code, &id) {
        Ok(text) => print!("{text}"),
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_an_action_and_a_retry_policy() {
        for code in Code::ALL {
            let _ = Action::from(code);
            let _ = code.handle(&mut RetryPolicy);
        }
        assert_eq!(Action::from(Code::NetworkError), Action::StaffCheck);
        assert!(!Code::CardLocked.handle(&mut RetryPolicy));
    }

    #[test]
    fn explains_a_log_line() {
        let text = explain(Code::FacePhotoUnreadable, MessageId::Id04000011);
        assert!(text.starts_with("015 マイナンバーカードから顔写真の引き出し不可\n"));
        assert!(text.contains("0x04000011: 照合番号Bが正しくない(あと1回で閉塞)"));
        assert!(text.contains("contact: 顔認証付きカードリーダーベンダー"));
    }
}
