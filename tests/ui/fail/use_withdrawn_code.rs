use oqs_messages::{Code, MessageId};

// Every use of a withdrawn name is an error where the compiler resolves it, before any
// code is generated: `cargo check` (and so rust-analyzer and clippy) stops there too.
const KEPT: Code = Code::NotMyNumberCard;

fn is_withdrawn(code: Code) -> bool {
    code == Code::NotMyNumberCard
}

fn show(code: Code) -> u16 {
    code.number()
}

fn main() {
    let code = Code::NotMyNumberCard;
    let _ = show(Code::NotMyNumberCard);
    let _ = Code::NotMyNumberCard.number();
    let _ = (code, KEPT, is_withdrawn(Code::ALL[0]));
    let _ = MessageId::Id0400001F;
}
