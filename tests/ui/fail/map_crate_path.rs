use oqs_messages::CodeMap;

// `crate = …` is where the derive looks for oqs-messages: a path that leads nowhere is an
// error there, and anything but `crate = path` is refused.
#[derive(CodeMap)]
#[oqs_messages(crate = nowhere::oqs)]
enum Lost {
    #[codes(CardNotRecognized, WrongPin, CardFaceUnreadable, VersionMismatch)]
    All,
}

#[derive(CodeMap)]
#[oqs_messages(krate = oqs_messages)]
enum Misspelled {
    #[codes(CardNotRecognized, WrongPin, CardFaceUnreadable, VersionMismatch)]
    All,
}

fn main() {}
