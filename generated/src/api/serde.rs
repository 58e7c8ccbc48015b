// Serde for `Code` and `MessageId` (feature `serde`), without allocating.
// Included by `api.rs`: items only, no inner attributes.

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;

    use super::{Code, MessageId, VERSION};
    use serde::de::{Deserialize, Deserializer, Error, Unexpected, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// As the reader shows it: `"001"`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// As the terminal logs it: `"0x04000011"`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for MessageId {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.to_text().as_str())
        }
    }

    /// Reads a code from a string, borrowed or not, without allocating.
    struct CodeVisitor;

    impl Visitor<'_> for CodeVisitor {
        type Value = Code;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a display code of table version {VERSION} as three digits, such as \"{}\"",
                Code::ALL[0].as_str()
            )
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Code, E> {
            text.parse()
                .map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
        }
    }

    /// Reads a message ID from a string, borrowed or not, without allocating.
    struct MessageIdVisitor;

    impl Visitor<'_> for MessageIdVisitor {
        type Value = MessageId;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a message ID of table version {VERSION} as 0x and eight hex digits, such as \"{}\"",
                MessageId::ALL[0].to_text().as_str()
            )
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<MessageId, E> {
            text.parse()
                .map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
        }
    }

    /// From `"001"` (or what `Display` writes).
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(CodeVisitor)
        }
    }

    /// From `"0x04000011"`, either case.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for MessageId {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(MessageIdVisitor)
        }
    }
}
