//! The values the table's cells hold: display codes, message IDs (exact or ranges) and the
//! table's version.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::de::{self, Deserializer};
#[cfg(feature = "serde")]
use serde::ser::{SerializeStruct, Serializer};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::ParseError;

/// A three-digit display code such as `001` or `950`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct CodeNumber(u16);

impl CodeNumber {
    /// The largest number a three-digit code can have.
    pub const MAX: u16 = 999;

    /// A code from its number; `None` above 999.
    pub const fn new(number: u16) -> Option<Self> {
        if number <= Self::MAX {
            Some(Self(number))
        } else {
            None
        }
    }

    /// The code's number: `001` is 1.
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for CodeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

#[cfg(feature = "serde")]
impl Serialize for CodeNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for CodeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// A 32-bit message ID value as the terminal logs it, written `0x03000001`: any value, read
/// from a cell. (In `oqs-messages`, `MessageId` is the enum of the IDs one table lists.)
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct MessageIdValue(pub u32);

impl MessageIdValue {
    /// The raw value.
    pub const fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for MessageIdValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.0)
    }
}

#[cfg(feature = "serde")]
impl Serialize for MessageIdValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for MessageIdValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the ID from its text, borrowed where it can be.
        struct IdVisitor;
        impl de::Visitor<'_> for IdVisitor {
            type Value = MessageIdValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a message ID such as "0x03000001""#)
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<MessageIdValue, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(IdVisitor)
    }
}

/// What a row lists in its message ID cell: one exact ID, or an inclusive range.
///
/// In JSON an exact ID is the string `"0x03000001"` and a range is
/// `{"start": "0xF0000000", "end": "0xF7FFFFFF"}`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum ListedId {
    /// One message ID.
    Exact(MessageIdValue),
    /// Every message ID from `start` to `end`, both included (`0xF0000000～0xF7FFFFFF`).
    Range {
        /// The first ID of the range.
        start: MessageIdValue,
        /// The last ID of the range.
        end: MessageIdValue,
    },
}

impl ListedId {
    /// Whether a logged value is this ID or falls in this range.
    pub const fn contains(&self, value: u32) -> bool {
        match *self {
            ListedId::Exact(id) => id.0 == value,
            ListedId::Range { start, end } => start.0 <= value && value <= end.0,
        }
    }
}

impl fmt::Display for ListedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListedId::Exact(id) => id.fmt(f),
            ListedId::Range { start, end } => write!(f, "{start}～{end}"),
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for ListedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ListedId::Exact(id) => id.serialize(serializer),
            ListedId::Range { start, end } => {
                let mut range = serializer.serialize_struct("Range", 2)?;
                range.serialize_field("start", start)?;
                range.serialize_field("end", end)?;
                range.end()
            }
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ListedId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListedIdVisitor)
    }
}

/// Reads an ID from its text, or a range from its two IDs: written out rather than derived
/// as an untagged enum, which buffers every value first (the page's engine reads the table
/// at its start, each row's IDs so).
#[cfg(feature = "serde")]
struct ListedIdVisitor;

#[cfg(feature = "serde")]
impl<'de> de::Visitor<'de> for ListedIdVisitor {
    type Value = ListedId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a message ID such as "0x03000001", or a range {"start": …, "end": …}"#)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<ListedId, E> {
        text.parse().map(ListedId::Exact).map_err(E::custom)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<ListedId, A::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum End {
            Start,
            End,
        }
        let (mut start, mut end) = (None, None);
        while let Some(key) = map.next_key()? {
            let (slot, name) = match key {
                End::Start => (&mut start, "start"),
                End::End => (&mut end, "end"),
            };
            if slot.is_some() {
                return Err(de::Error::duplicate_field(name));
            }
            *slot = Some(map.next_value::<MessageIdValue>()?);
        }
        let start = start.ok_or_else(|| de::Error::missing_field("start"))?;
        let end = end.ok_or_else(|| de::Error::missing_field("end"))?;
        if start <= end {
            Ok(ListedId::Range { start, end })
        } else {
            Err(de::Error::custom(format!(
                "reversed message ID range {start}～{end}"
            )))
        }
    }
}

/// The table's version as its title gives it, e.g. `1.25` in `…_1.25版`.
///
/// Versions compare part by part as numbers, so 1.3 < 1.25, as the ministry counts.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Version {
    text: String,
    parts: Vec<u32>,
}

impl Version {
    /// The version as written, e.g. `1.25`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The numeric parts: `1.25` is `[1, 25]`.
    pub fn parts(&self) -> &[u32] {
        &self.parts
    }
}

impl FromStr for Version {
    type Err = ParseError;

    /// Dot-separated ASCII numbers: `1.25`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let parts = text
            .split('.')
            .map(|part| {
                if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                part.parse::<u32>().ok()
            })
            .collect::<Option<Vec<u32>>>();
        match parts {
            Some(parts) if parts.len() >= 2 => Ok(Version {
                text: text.to_owned(),
                parts,
            }),
            _ => Err(ParseError::new(
                "a version of numbers separated by dots, like 1.25",
                text,
            )),
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts
            .cmp(&other.parts)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_number() {
        let v = |s: &str| s.parse::<Version>().unwrap();
        assert!(v("1.3") < v("1.25"));
        assert!(v("1.25") < v("2.0"));
        assert_eq!(v("1.25").to_string(), "1.25");
        assert!("1.".parse::<Version>().is_err());
        assert!("１.25".parse::<Version>().is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn message_id_specs_serialize_as_documented() {
        let exact = ListedId::Exact(MessageIdValue(0x0400_0011));
        let range = ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF),
        };
        let json = serde_json::to_string(&[exact, range]).unwrap();
        assert_eq!(
            json,
            r#"["0x04000011",{"start":"0xF0000000","end":"0xF7FFFFFF"}]"#
        );
        let back: Vec<ListedId> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [exact, range]);
        let refused = |json: &str| {
            serde_json::from_str::<ListedId>(json)
                .unwrap_err()
                .to_string()
        };
        assert!(refused(r#"{"start":"0xF7FFFFFF","end":"0xF0000000"}"#)
            .starts_with("reversed message ID range 0xF7FFFFFF～0xF0000000"));
        assert!(refused(r#"{"start":"0xF0000000"}"#).starts_with("missing field `end`"));
        assert!(
            refused(r#"{"start":"0xF0000000","start":"0xF0000000","end":"0xF7FFFFFF"}"#)
                .starts_with("duplicate field `start`")
        );
        assert!(refused(r#"{"start":"0xF0000000","to":"0xF7FFFFFF"}"#)
            .starts_with("unknown field `to`"));
        assert!(refused("17").contains(r#"expected a message ID such as "0x03000001""#));
        assert!(refused(r#""0x""#).contains("0x"));
        assert!(serde_json::from_str::<MessageIdValue>(
            r#"{"start":"0xF0000000","end":"0xF7FFFFFF"}"#
        )
        .is_err());
        // Escaped text is read as the text it stands for.
        assert_eq!(
            serde_json::from_str::<ListedId>(r#""0x0400\u0030011""#).unwrap(),
            exact
        );
        assert!(range.contains(0xF030_1D1C));
        assert!(!range.contains(0xF800_0000));
    }

    #[test]
    fn code_numbers_are_three_digits() {
        assert_eq!(CodeNumber::new(1).unwrap().to_string(), "001");
        assert!(CodeNumber::new(1000).is_none());
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::to_string(&CodeNumber::new(950)).unwrap(),
            "\"950\""
        );
    }
}
