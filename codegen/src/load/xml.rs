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
