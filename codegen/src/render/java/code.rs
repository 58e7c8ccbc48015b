//! `Code.java` and `CodeHandler.java`: the codes with their numbers and texts, and the
//! handler with one method per code.

use std::fmt::Write;

use super::source::{doc, header, literal};
use crate::render::view::View;

/// `Code.java`: the codes with their numbers and texts, and `handle`.
pub fn code(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("import java.util.ArrayList;\nimport java.util.Arrays;\nimport java.util.Collections;\nimport java.util.List;\nimport java.util.Optional;\n\n/**\n * Every display code of the table, with the three digits the card reader shows and its texts.\n *\n * <p>The constants are declared in the table's order, so {@link #ordinal()}, {@link #compareTo}\n * and the order of an {@link java.util.EnumMap} follow it, and shift when a revision adds or\n * removes a code: store or send {@link #number()} or {@link #digits()} (or {@link #name()}),\n * never the ordinal.\n */\npublic enum Code {\n");
    let constants: Vec<String> = view
        .codes
        .iter()
        .map(|code| {
            let e = code.entry;
            let tags = e.tags.iter().map(|t| literal(t)).collect::<Vec<_>>().join(", ");
            let notes = e.footnotes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            let tag_text: String = e.tags.iter().map(|t| format!("【{t}】")).collect();
            format!(
                "    /** {} {} {} */\n    {}({}, new String[] {{ {tags} }}, {}, {}, new int[] {{ {notes} }})",
                e.number,
                doc(&tag_text),
                doc(&e.heading),
                code.constant,
                e.number.get(),
                literal(&e.heading),
                literal(&e.message)
            )
        })
        .collect();
    out.push_str(&constants.join(",\n"));
    out.push_str(";\n\n");
    out.push_str(CODE_BODY);
    out.push_str("    /**\n     * Calls the handler's method for this code.\n     *\n     * @param <R> what the handler answers\n     * @param handler one method per code\n     * @return what the handler's method for this code answers\n     */\n    public <R> R handle(CodeHandler<R> handler) {\n        switch (this) {\n");
    for code in &view.codes {
        let _ = writeln!(
            out,
            "            case {}: return handler.{}();",
            code.constant, code.camel
        );
    }
    out.push_str("            default: throw new AssertionError(this);\n        }\n    }\n}\n");
    out
}

const CODE_BODY: &str = r#"    private final int number;
    private final List<String> tags;
    private final String heading;
    private final String message;
    private final List<Integer> footnotes;

    Code(int number, String[] tags, String heading, String message, int[] footnotes) {
        this.number = number;
        this.tags = Collections.unmodifiableList(Arrays.asList(tags));
        this.heading = heading;
        this.message = message;
        List<Integer> notes = new ArrayList<Integer>();
        for (int n : footnotes) notes.add(n);
        this.footnotes = Collections.unmodifiableList(notes);
    }

    /**
     * The code's number: 001 is 1.
     *
     * @return the number
     */
    public int number() { return number; }
    /**
     * The tags of the category, without brackets.
     *
     * @return the tags, read-only
     */
    public List<String> tags() { return tags; }
    /**
     * The heading of the category.
     *
     * @return the heading, as published
     */
    public String heading() { return heading; }
    /**
     * メッセージ内容: what the patient or staff is told.
     *
     * @return the message, as published
     */
    public String message() { return message; }
    /**
     * The footnotes the category or message cites, by number.
     *
     * @return the footnotes' numbers, read-only
     */
    public List<Integer> footnotes() { return footnotes; }
    /**
     * The three digits the card reader shows: 001.
     *
     * @return three ASCII digits, whatever the default locale
     */
    public String digits() { return String.format(java.util.Locale.ROOT, "%03d", number); }

    /**
     * The rows under this code, in the table's order.
     *
     * @return the rows, read-only
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<Row>();
        for (Row row : Table.ROWS) if (row.code() == this) rows.add(row);
        return Collections.unmodifiableList(rows);
    }

    /**
     * The rows of this code that list a logged value, exactly or in a range.
     *
     * @param value the message ID as logged, as a number
     * @return the rows, read-only; empty when none lists it
     */
    public List<Row> rowsFor(long value) {
        List<Row> rows = new ArrayList<Row>();
        for (Row row : rows()) if (row.lists(value)) rows.add(row);
        return Collections.unmodifiableList(rows);
    }

    /**
     * The code shown as this number (15 is 015).
     *
     * @param number the code's number
     * @return the code, or empty when the table has no such code
     */
    public static Optional<Code> fromNumber(int number) {
        for (Code code : values()) if (code.number == number) return Optional.of(code);
        return Optional.empty();
    }

    /**
     * Reads a code as the reader shows it ("015", "15"): ASCII digits only.
     *
     * @param text what was read or typed; may be null
     * @return the code, or empty when the text is not the number of a code
     */
    public static Optional<Code> parse(String text) {
        if (text == null) return Optional.empty();
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 3) return Optional.empty();
        for (int i = 0; i < digits.length(); i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return Optional.empty();
        return fromNumber(Integer.parseInt(digits));
    }

"#;

/// `CodeHandler.java`: one method per code.
pub fn handler(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("/**\n * One method per code: implement every one. A revision that adds a code adds a method\n * (\"is not abstract and does not override abstract method\"), one that removes a code\n * leaves an {@code @Override} that overrides nothing.\n *\n * @param <R> what every method answers\n */\npublic interface CodeHandler<R> {\n");
    for code in &view.codes {
        let _ = writeln!(
            out,
            "    /**\n     * {} {}\n     *\n     * @return what the vendor does for code {}\n     */\n    R {}();",
            code.entry.number,
            doc(&code.entry.heading),
            code.entry.number,
            code.camel
        );
    }
    out.push_str("}\n");
    out
}
