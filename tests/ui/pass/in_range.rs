use oqs_messages::{InRange, MessageId};

/// A range variant is built only from a value of its range that no exact ID takes; one
/// logged value is one `MessageId`, and equality, ordering and hashing follow the value.
fn main() {
    // 0xF0000000 is listed exactly (under 101) and lies in the range (900): the exact ID.
    assert_eq!(MessageId::from_value(0xF000_0000), Some(MessageId::IdF0000000));
    assert_eq!(InRange::<0xF000_0000, 0xF7FF_FFFF>::new(0xF000_0000), None);
    // Below and above the range: no value of it.
    assert_eq!(InRange::<0xF000_0000, 0xF7FF_FFFF>::new(0xEFFF_FFFF), None);
    assert_eq!(InRange::<0xF000_0000, 0xF7FF_FFFF>::new(0xF800_0000), None);
    // Inside it: the range variant, carrying the value.
    let logged = InRange::new(0xF000_0001).map(MessageId::VersionError).unwrap();
    assert_eq!(MessageId::from_value(0xF000_0001), Some(logged));
    assert_eq!(logged.value(), 0xF000_0001);
    assert_eq!(format!("{logged:?}"), "VersionError(0xF0000001)");
    assert_eq!(logged.to_string(), "0xF0000001");
    // The range stands in ALL at its first value that no exact ID takes.
    assert_eq!(MessageId::ALL.last().map(|id| id.value()), Some(0xF000_0001));
    // Ordered by the logged value: the exact 0xF0000000 before the range's 0xF0000001.
    assert!(MessageId::IdF0000000 < logged);
    assert!(MessageId::Id04000012 < MessageId::IdF0000000);
    let mut sorted = MessageId::ALL;
    sorted.sort();
    assert_eq!(
        sorted.map(|id| id.value()),
        [0x0300_0001, 0x0400_0011, 0x0400_0012, 0xF000_0000, 0xF000_0001]
    );
}
