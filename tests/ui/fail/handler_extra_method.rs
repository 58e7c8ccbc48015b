use oqs_messages::CodeHandler;

struct Names;

impl CodeHandler for Names {
    type Output = &'static str;
    fn card_not_recognized(&mut self) -> &'static str {
        "card_not_recognized"
    }
    fn not_my_number_card(&mut self) -> &'static str {
        "not_my_number_card"
    }
    fn wrong_pin(&mut self) -> &'static str {
        "wrong_pin"
    }
    fn card_locked(&mut self) -> &'static str {
        "card_locked"
    }
    fn collation_number_b_locked(&mut self) -> &'static str {
        "collation_number_b_locked"
    }
    fn user_certificate_revoked_or_expired(&mut self) -> &'static str {
        "user_certificate_revoked_or_expired"
    }
    fn card_application_broken(&mut self) -> &'static str {
        "card_application_broken"
    }
    fn device_not_connected(&mut self) -> &'static str {
        "device_not_connected"
    }
    fn mode_changed_during_processing(&mut self) -> &'static str {
        "mode_changed_during_processing"
    }
    fn initial_registration_failed(&mut self) -> &'static str {
        "initial_registration_failed"
    }
    fn network_error(&mut self) -> &'static str {
        "network_error"
    }
    fn terminal_certificate_error(&mut self) -> &'static str {
        "terminal_certificate_error"
    }
    fn terminal_configuration_error(&mut self) -> &'static str {
        "terminal_configuration_error"
    }
    fn terminal_hardware_error(&mut self) -> &'static str {
        "terminal_hardware_error"
    }
    fn face_photo_unreadable(&mut self) -> &'static str {
        "face_photo_unreadable"
    }
    fn eligibility_retrieval_failed(&mut self) -> &'static str {
        "eligibility_retrieval_failed"
    }
    fn insurer_check_required(&mut self) -> &'static str {
        "insurer_check_required"
    }
    fn card_face_unreadable(&mut self) -> &'static str {
        "card_face_unreadable"
    }
    fn face_capture_failed(&mut self) -> &'static str {
        "face_capture_failed"
    }
    fn screen_keyboard_fault(&mut self) -> &'static str {
        "screen_keyboard_fault"
    }
    fn system_failure(&mut self) -> &'static str {
        "system_failure"
    }
    fn terminal_app_version_mismatch(&mut self) -> &'static str {
        "terminal_app_version_mismatch"
    }
    fn specific_institution_auth_error(&mut self) -> &'static str {
        "specific_institution_auth_error"
    }
    fn system_certificate_error(&mut self) -> &'static str {
        "system_certificate_error"
    }
    fn terminal_app_unexpected_fault(&mut self) -> &'static str {
        "terminal_app_unexpected_fault"
    }
    fn terminal_setup_unexpected_error(&mut self) -> &'static str {
        "terminal_setup_unexpected_error"
    }
    fn face_device_setup_unexpected_error(&mut self) -> &'static str {
        "face_device_setup_unexpected_error"
    }
    fn e_prescription_service_failure(&mut self) -> &'static str {
        "e_prescription_service_failure"
    }
    fn medical_subsidy_info_unavailable(&mut self) -> &'static str {
        "medical_subsidy_info_unavailable"
    }
    fn referral_letter_info_unavailable(&mut self) -> &'static str {
        "referral_letter_info_unavailable"
    }
    fn retired_code(&mut self) -> &'static str {
        "retired_code"
    }
}

fn main() {}
