//! What the XML of every archive format shares.

use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::XmlVersion;

/// The text of an entity or character reference (`&amp;`, `&#10;`); `None` for an entity
/// XML does not define, which is left out as Excel and LibreOffice leave it out.
pub fn entity_text(reference: &BytesRef<'_>) -> Option<String> {
    let name: &str = reference;
    quick_xml::escape::resolve_xml_entity(name)
        .map(str::to_owned)
        .or_else(|| {
            reference
                .resolve_char_ref()
                .ok()
                .flatten()
                .map(String::from)
        })
}

/// The value of an attribute by its local name (without namespace prefix), unescaped.
pub fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// The raw values of the attributes named in `locals` (by local name), in one pass over
/// the element's attributes, without duplicate checks or copies: for the elements read
/// once per cell, whose attributes are ASCII names and numbers (`r`, `s`, `t`).
pub fn raw_attrs<'a, const N: usize>(
    element: &'a BytesStart<'_>,
    locals: [&str; N],
) -> [Option<std::borrow::Cow<'a, str>>; N] {
    let mut found: [Option<std::borrow::Cow<'a, str>>; N] = std::array::from_fn(|_| None);
    for attribute in element.attributes().with_checks(false).flatten() {
        let key = attribute.key.local_name();
        if let Some(i) = locals.iter().position(|l| *l == key.as_ref()) {
            if found[i].is_none() {
                found[i] = Some(attribute.value);
            }
        }
    }
    found
}

/// An unsigned number written in ASCII digits (surrounding blanks allowed).
pub fn ascii_number<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.trim().parse().ok()
}

/// Whether a raw OOXML boolean attribute value is on (`1` or `true`).
pub fn raw_is_on(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true"))
}

/// Whether an OOXML boolean attribute is on (`1` or `true`).
pub fn is_on(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true"))
}
