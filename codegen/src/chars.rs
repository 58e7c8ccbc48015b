//! Characters that a person cannot see but that change what a text says or how it shows:
//! the reader reports them and the renderers escape them.

/// The invisible controls that change the direction of text (U+202A–U+202E, U+2066–U+2069,
/// and the marks U+200E, U+200F, U+061C): rustc refuses the first two groups in a literal,
/// and all of them can make source read other than it compiles. Texts keep them; the
/// generated Rust writes them escaped.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}
