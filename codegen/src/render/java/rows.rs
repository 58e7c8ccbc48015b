//! `Table.java` with the rows and footnotes, and the types they are made of: `Row.java`,
//! `ListedId.java`, `Footnote.java`.

use std::fmt::Write;

use oqs_messages_table::{ListedId, Table};

use super::source::{header, literal};
use crate::render::view::View;

/// `Table.java`: the rows and footnotes as static read-only data.
pub fn data(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("import java.util.Arrays;\nimport java.util.Collections;\nimport java.util.List;\n\n/** The table as published. */\npublic final class Table {\n    private Table() {}\n\n");
    let _ = writeln!(
        out,
        "    /** The table's title, read from this library at run time. */\n    public static final String TITLE = atRunTime({});\n    /** The table's version (\"{}\"), read from this library at run time: a program reports the table of the library it runs with. */\n    public static final String VERSION = atRunTime({});\n    /** The package's version (\"{}\", also the jar's {{@code Implementation-Version}}), read from this library at run time. */\n    public static final String PACKAGE_VERSION = atRunTime(\"{}\");\n\n    // Not a compile-time constant, which javac would copy into each caller: a program would\n    // go on saying the old version after the jar is replaced by a later release.\n    private static String atRunTime(String value) {{ return value; }}\n",
        literal(&table.title),
        table.version,
        literal(table.version.as_str()),
        view.package_version(),
        view.package_version()
    );
    out.push_str("    /** The footnotes under the table. */\n    public static final List<Footnote> FOOTNOTES = Collections.unmodifiableList(Arrays.asList(\n");
    let notes: Vec<String> = table
        .footnotes
        .iter()
        .map(|n| {
            format!(
                "        new Footnote({}, {}, {})",
                n.number,
                literal(&n.marker),
                literal(&n.text)
            )
        })
        .collect();
    out.push_str(&notes.join(",\n"));
    out.push_str("));\n\n    /** Every row, in the table's order. */\n    public static final List<Row> ROWS = Collections.unmodifiableList(Arrays.asList(\n");
    let rows: Vec<String> = view
        .rows()
        .map(|(code, row)| {
            let ids = row
                .message_ids
                .iter()
                .map(|id| match *id {
                    ListedId::Exact(value) => format!("ListedId.of(MessageId.ID_{:08X})", value.value()),
                    ListedId::Range { start, end } => format!(
                        "ListedId.of(MessageIdRange.{})",
                        oqs_messages_table::casing::upper_snake_case(view.range_name(start, end))
                    ),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let notes = row.footnotes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            format!(
                "        new Row(Code.{}, {}, new ListedId[] {{ {ids} }}, {}, {}, {}, new int[] {{ {notes} }})",
                code.constant,
                literal(&row.kind),
                literal(&row.cause),
                literal(&row.remedy),
                literal(&row.contact)
            )
        })
        .collect();
    out.push_str(&rows.join(",\n"));
    out.push_str("));\n}\n");
    out
}

/// `Row.java`, `ListedId.java` and `Footnote.java`: the same for every table.
pub fn types(table: &Table) -> [(&'static str, String); 3] {
    [
        ("Row.java", format!("{}{ROW}", header(table))),
        ("ListedId.java", format!("{}{LISTED_ID}", header(table))),
        ("Footnote.java", format!("{}{FOOTNOTE}", header(table))),
    ]
}

const ROW: &str = r#"import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** One row under a code: one cause with its message IDs. */
public final class Row {
    private final Code code;
    private final String kind;
    private final List<ListedId> messageIds;
    private final String cause;
    private final String remedy;
    private final String contact;
    private final List<Integer> footnotes;

    Row(Code code, String kind, ListedId[] messageIds, String cause, String remedy, String contact, int[] footnotes) {
        this.code = code;
        this.kind = kind;
        this.messageIds = Collections.unmodifiableList(Arrays.asList(messageIds));
        this.cause = cause;
        this.remedy = remedy;
        this.contact = contact;
        List<Integer> notes = new ArrayList<Integer>();
        for (int n : footnotes) notes.add(n);
        this.footnotes = Collections.unmodifiableList(notes);
    }

    /**
     * The code the row is under.
     *
     * @return the code
     */
    public Code code() { return code; }
    /**
     * エラー種別, as published.
     *
     * @return the error kind
     */
    public String kind() { return kind; }
    /**
     * The message IDs listed; empty where the table says -.
     *
     * @return the IDs and ranges, read-only
     */
    public List<ListedId> messageIds() { return messageIds; }
    /**
     * 原因, as published.
     *
     * @return the cause
     */
    public String cause() { return cause; }
    /**
     * 対処, as published.
     *
     * @return the remedy
     */
    public String remedy() { return remedy; }
    /**
     * 問合せ先, as published; - where the table names nobody.
     *
     * @return whom to call
     */
    public String contact() { return contact; }
    /**
     * The footnotes the row cites, by number.
     *
     * @return the footnotes' numbers, read-only
     */
    public List<Integer> footnotes() { return footnotes; }

    /**
     * Whether the row lists a logged value, exactly or in a range.
     *
     * @param value the message ID as logged, as a number
     * @return true when an exact ID or a range of the row holds it
     */
    public boolean lists(long value) {
        for (ListedId id : messageIds) if (id.contains(value)) return true;
        return false;
    }

    /**
     * Every row, under any code, that lists a logged value.
     *
     * @param value the message ID as logged, as a number
     * @return the rows, read-only; empty when none lists it
     */
    public static List<Row> forValue(long value) {
        List<Row> rows = new ArrayList<Row>();
        for (Row row : Table.ROWS) if (row.lists(value)) rows.add(row);
        return Collections.unmodifiableList(rows);
    }
}
"#;

const LISTED_ID: &str = r#"import java.util.Optional;

/** What a row lists in its message ID cell: an exact ID or a range. */
public final class ListedId {
    private final MessageId exact;
    private final MessageIdRange range;

    private ListedId(MessageId exact, MessageIdRange range) {
        this.exact = exact;
        this.range = range;
    }

    static ListedId of(MessageId id) { return new ListedId(id, null); }
    static ListedId of(MessageIdRange range) { return new ListedId(null, range); }

    /**
     * The exact ID.
     *
     * @return the ID, or empty for a range
     */
    public Optional<MessageId> exact() { return Optional.ofNullable(exact); }
    /**
     * The range.
     *
     * @return the range, or empty for an exact ID
     */
    public Optional<MessageIdRange> range() { return Optional.ofNullable(range); }

    /**
     * Whether a logged value is this ID or in this range.
     *
     * @param value the message ID as logged, as a number
     * @return true when it is
     */
    public boolean contains(long value) {
        return exact != null ? exact.value() == value : range.contains(value);
    }

    /**
     * The cell as the table writes it: 0x04000011, or 0xF0000000～0xF7FFFFFF.
     *
     * @return the ID or the range
     */
    @Override public String toString() {
        return exact != null ? exact.toString() : String.format(java.util.Locale.ROOT, "0x%08X～0x%08X", range.start(), range.end());
    }
}
"#;

const FOOTNOTE: &str = r#"/** A footnote under the table. */
public final class Footnote {
    private final int number;
    private final String marker;
    private final String text;

    Footnote(int number, String marker, String text) {
        this.number = number;
        this.marker = marker;
        this.text = text;
    }

    /**
     * Its number: ※１ is 1.
     *
     * @return the number
     */
    public int number() { return number; }
    /**
     * Its marker as published.
     *
     * @return the marker
     */
    public String marker() { return marker; }
    /**
     * Its text.
     *
     * @return the text, as published
     */
    public String text() { return text; }
}
"#;
