use oqs_messages::MessageId;

// An ID withdrawn in 0.1, used as a value: it cannot be evaluated, and says why.
fn main() {
    let id = MessageId::Id0400001F;
    let _ = id;
}
