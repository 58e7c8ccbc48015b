use oqs_messages::CodeMap;

#[derive(CodeMap)]
enum ByNumber {
    #[codes("001", "003")]
    Patient,
}

#[derive(CodeMap)]
enum Bare {
    #[codes]
    Patient,
}

#[derive(CodeMap)]
enum Empty {
    #[codes()]
    Patient,
}

#[derive(CodeMap)]
enum WithFields {
    #[codes(CardNotRecognized)]
    Patient { name: String },
}

#[derive(CodeMap)]
struct NotAnEnum;

fn main() {}
