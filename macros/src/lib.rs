//! Proc macros for `oqs-messages` (built in the next step).
