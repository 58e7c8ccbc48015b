//! Typed API of the card reader message table (built in the next step).
