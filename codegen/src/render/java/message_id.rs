//! `MessageId.java` and `MessageIdRange.java`: the exact IDs and the ranges.

use super::source::header;
use crate::render::view::View;

/// `MessageId.java` and `MessageIdRange.java`: the exact IDs and the ranges.
pub fn message_ids(view: &View<'_>) -> (String, String) {
    let table = view.table;
    let mut ids = header(table);
    ids.push_str("import java.util.Optional;\nimport java.util.OptionalLong;\n\n/**\n * Every exact message ID the table lists, in the order of their values.\n *\n * <p>The ordinals shift when a revision adds or removes an ID: store or send\n * {@link #value()} or {@link #toString()}, never the ordinal.\n */\npublic enum MessageId {\n");
    let constants: Vec<String> = view
        .exact_ids
        .iter()
        .map(|id| {
            format!(
                "    /** {id} */\n    ID_{:08X}(0x{:08X}L)",
                id.value(),
                id.value()
            )
        })
        .collect();
    ids.push_str(&constants.join(",\n"));
    ids.push_str(MESSAGE_ID_BODY);
    let mut ranges = header(table);
    ranges.push_str("/** Every range of message IDs the table lists, both ends included. */\npublic enum MessageIdRange {\n");
    let constants: Vec<String> = view
        .ranges
        .iter()
        .map(|r| {
            format!(
                "    /** {}～{} */\n    {}(0x{:08X}L, 0x{:08X}L)",
                r.start,
                r.end,
                oqs_messages_table::casing::upper_snake_case(r.name),
                r.start.value(),
                r.end.value()
            )
        })
        .collect();
    ranges.push_str(&constants.join(",\n"));
    ranges.push_str(RANGE_BODY);
    (ids, ranges)
}

const MESSAGE_ID_BODY: &str = r#";

    private final long value;

    MessageId(long value) { this.value = value; }

    /**
     * The ID as the terminal logs it, as a number.
     *
     * @return the value, 0x04000011 for {@code ID_04000011}
     */
    public long value() { return value; }

    /**
     * The ID as the terminal logs it: 0x04000011.
     *
     * @return {@code 0x} and eight upper-case hex digits
     */
    @Override public String toString() { return String.format(java.util.Locale.ROOT, "0x%08X", value); }

    /**
     * The exact ID of a logged value.
     *
     * @param value the message ID as logged, as a number
     * @return the ID, or empty when the table lists it in no row as an exact ID
     */
    public static Optional<MessageId> fromValue(long value) {
        for (MessageId id : values()) if (id.value == value) return Optional.of(id);
        return Optional.empty();
    }

    /**
     * Reads a message ID as the terminal logs it (0x04000011, 04000011): {@code 0x} or not, then
     * eight ASCII hex digits, nothing else (no sign, no other script's digits).
     *
     * @param text what was logged or typed; may be null
     * @return its value, listed or not, or empty when the text is not a message ID
     */
    public static OptionalLong parse(String text) {
        if (text == null) return OptionalLong.empty();
        String digits = text.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) digits = digits.substring(2);
        if (digits.length() != 8) return OptionalLong.empty();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0 || digits.charAt(i) > 'f') return OptionalLong.empty();
            value = value * 16 + digit;
        }
        return OptionalLong.of(value);
    }
}
"#;

const RANGE_BODY: &str = r#";

    private final long start;
    private final long end;

    MessageIdRange(long start, long end) { this.start = start; this.end = end; }

    /**
     * The first ID.
     *
     * @return the first ID's value
     */
    public long start() { return start; }
    /**
     * The last ID.
     *
     * @return the last ID's value
     */
    public long end() { return end; }
    /**
     * Whether a logged value is in the range.
     *
     * @param value the message ID as logged, as a number
     * @return true when start &lt;= value &lt;= end
     */
    public boolean contains(long value) { return start <= value && value <= end; }
}
"#;
