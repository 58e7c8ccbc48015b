//! `Table.cs` with the rows and texts, and `Types.cs` with the types they are made of: the
//! row, the listed ID, the entry, and the lookups.

use std::fmt::Write;

use oqs_messages_table::{ListedId, Table};

use super::source::{header, literal};
use crate::render::literal::ascii_xml;
use crate::render::view::View;

/// `Table.cs`: the rows and texts as static read-only data.
pub fn data(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("using System.Collections.Generic;\n\nnamespace OqsMessages\n{\n    /// <summary>The table as published.</summary>\n    public static partial class Table\n    {\n");
    // Properties, not constants: a constant is copied into each caller when it is
    // compiled, and would go on saying the old version after the library is replaced.
    let _ = writeln!(
        out,
        "        /// <summary>The table's title, read from this library at run time.</summary>\n        public static string Title {{ get {{ return {}; }} }}\n\n        /// <summary>The table's version (\"{}\"), read from this library at run time: a program reports the table of the library it runs with.</summary>\n        public static string Version {{ get {{ return {}; }} }}\n\n        /// <summary>The package's version (\"{}\", also the assembly's informational version), read from this library at run time.</summary>\n        public static string PackageVersion {{ get {{ return \"{}\"; }} }}\n",
        literal(&table.title),
        table.version,
        literal(table.version.as_str()),
        view.package_version(),
        view.package_version()
    );
    out.push_str("        /// <summary>The footnotes under the table.</summary>\n        public static readonly IReadOnlyList<Footnote> Footnotes = ReadOnly.Of(new Footnote[]\n        {\n");
    for note in &table.footnotes {
        let _ = writeln!(
            out,
            "            new Footnote({}, {}, {}),",
            note.number,
            literal(&note.marker),
            literal(&note.text)
        );
    }
    out.push_str("        });\n\n        /// <summary>Every code with its texts and rows, in the table's order.</summary>\n        public static readonly IReadOnlyList<CodeEntry> Codes = ReadOnly.Of(new CodeEntry[]\n        {\n");
    for code in &view.codes {
        let e = code.entry;
        let tags = e
            .tags
            .iter()
            .map(|t| literal(t))
            .collect::<Vec<_>>()
            .join(", ");
        let notes = e
            .footnotes
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "            new CodeEntry(Code.{}, new string[] {{ {tags} }}, {}, {}, new int[] {{ {notes} }}, new Row[]\n            {{",
            code.name,
            literal(&e.heading),
            literal(&e.message)
        );
        for row in &e.rows {
            let ids = row
                .message_ids
                .iter()
                .map(|id| match *id {
                    ListedId::Exact(value) => {
                        format!("ListedId.Of(MessageId.{})", View::id_name(value))
                    }
                    ListedId::Range { start, end } => {
                        format!(
                            "ListedId.Of(MessageIdRanges.{})",
                            view.range_name(start, end)
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let notes = row
                .footnotes
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                out,
                "                new Row(Code.{}, {}, new ListedId[] {{ {ids} }}, {}, {}, {}, new int[] {{ {notes} }}),",
                code.name,
                literal(&row.kind),
                literal(&row.cause),
                literal(&row.remedy),
                literal(&row.contact)
            );
        }
        out.push_str("            }),\n");
    }
    out.push_str("        });\n    }\n}\n");
    ascii_xml(&out)
}

/// `Types.cs`: the row, ID and entry types and the lookups; the same for every table.
pub fn types(table: &Table) -> String {
    let mut out = header(table);
    out.push_str(TYPES);
    ascii_xml(&out)
}

const TYPES: &str = r#"using System;
using System.Collections.Generic;
using System.Globalization;

namespace OqsMessages
{
    /// <summary>A range of message IDs, both ends included.</summary>
    public sealed class IdRange
    {
        /// <summary>The range's name, as in <see cref="MessageIdRanges"/>.</summary>
        public string Name { get; }
        /// <summary>The first ID.</summary>
        public uint Start { get; }
        /// <summary>The last ID.</summary>
        public uint End { get; }

        internal IdRange(string name, uint start, uint end)
        {
            Name = name;
            Start = start;
            End = end;
        }

        /// <summary>Whether a logged value is in the range.</summary>
        public bool Contains(uint value) { return Start <= value && value <= End; }
    }

    /// <summary>What a row lists in its message ID cell: an exact ID or a range.</summary>
    public sealed class ListedId
    {
        /// <summary>The exact ID, or null for a range (see <see cref="TryGetExact"/>).</summary>
        public MessageId? Exact { get; }
        /// <summary>The range, or null for an exact ID (see <see cref="TryGetRange"/>).</summary>
        public IdRange Range { get; }

        /// <summary>The exact ID, when the cell lists one.</summary>
        /// <returns>false for a range.</returns>
        public bool TryGetExact(out MessageId id)
        {
            id = Exact.GetValueOrDefault();
            return Exact.HasValue;
        }

        /// <summary>The range, when the cell lists one.</summary>
        /// <returns>false for an exact ID.</returns>
        public bool TryGetRange(out IdRange range)
        {
            range = Range;
            return range != null;
        }

        private ListedId(MessageId? exact, IdRange range)
        {
            Exact = exact;
            Range = range;
        }

        internal static ListedId Of(MessageId id) { return new ListedId(id, null); }
        internal static ListedId Of(IdRange range) { return new ListedId(null, range); }

        /// <summary>Whether a logged value is this ID or in this range.</summary>
        public bool Contains(uint value)
        {
            return Exact.HasValue ? (uint)Exact.Value == value : Range.Contains(value);
        }

        /// <summary>0x04000011, or 0xF0000000～0xF7FFFFFF.</summary>
        public override string ToString()
        {
            return Exact.HasValue
                ? "0x" + ((uint)Exact.Value).ToString("X8", CultureInfo.InvariantCulture)
                : "0x" + Range.Start.ToString("X8", CultureInfo.InvariantCulture) + "\uFF5E0x" + Range.End.ToString("X8", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A footnote under the table.</summary>
    public sealed class Footnote
    {
        /// <summary>Its number: ※１ is 1.</summary>
        public int Number { get; }
        /// <summary>Its marker as published.</summary>
        public string Marker { get; }
        /// <summary>Its text.</summary>
        public string Text { get; }

        internal Footnote(int number, string marker, string text)
        {
            Number = number;
            Marker = marker;
            Text = text;
        }
    }

    /// <summary>The table's lists, shared by every caller: a cast to an array or to
    /// <c>IList&lt;T&gt;</c> cannot change them.</summary>
    internal static class ReadOnly
    {
        internal static IReadOnlyList<T> Of<T>(T[] items)
        {
            return new System.Collections.ObjectModel.ReadOnlyCollection<T>(items);
        }
    }

    /// <summary>One row under a code: one cause with its message IDs.</summary>
    public sealed class Row
    {
        /// <summary>The code the row is under.</summary>
        public Code Code { get; }
        /// <summary>エラー種別, as published.</summary>
        public string Kind { get; }
        /// <summary>The message IDs listed; empty where the table says -.</summary>
        public IReadOnlyList<ListedId> MessageIds { get; }
        /// <summary>原因, as published.</summary>
        public string Cause { get; }
        /// <summary>対処, as published.</summary>
        public string Remedy { get; }
        /// <summary>問合せ先, as published; - where the table names nobody.</summary>
        public string Contact { get; }
        /// <summary>The footnotes the row cites, by number.</summary>
        public IReadOnlyList<int> Footnotes { get; }

        internal Row(Code code, string kind, ListedId[] messageIds, string cause, string remedy, string contact, int[] footnotes)
        {
            Code = code;
            Kind = kind;
            MessageIds = ReadOnly.Of(messageIds);
            Cause = cause;
            Remedy = remedy;
            Contact = contact;
            Footnotes = ReadOnly.Of(footnotes);
        }

        /// <summary>Whether the row lists a logged value, exactly or in a range.</summary>
        public bool Lists(uint value)
        {
            foreach (var id in MessageIds)
            {
                if (id.Contains(value)) return true;
            }
            return false;
        }
    }

    /// <summary>A display code with its texts and rows.</summary>
    public sealed class CodeEntry
    {
        /// <summary>The code.</summary>
        public Code Code { get; }
        /// <summary>The tags of the category, without brackets.</summary>
        public IReadOnlyList<string> Tags { get; }
        /// <summary>The heading of the category.</summary>
        public string Heading { get; }
        /// <summary>メッセージ内容: what the patient or staff is told.</summary>
        public string Message { get; }
        /// <summary>The footnotes the category or message cites, by number.</summary>
        public IReadOnlyList<int> Footnotes { get; }
        /// <summary>The rows, in the table's order.</summary>
        public IReadOnlyList<Row> Rows { get; }

        internal CodeEntry(Code code, string[] tags, string heading, string message, int[] footnotes, Row[] rows)
        {
            Code = code;
            Tags = ReadOnly.Of(tags);
            Heading = heading;
            Message = message;
            Footnotes = ReadOnly.Of(footnotes);
            Rows = ReadOnly.Of(rows);
        }
    }

    public static partial class Table
    {
        /// <summary>The code shown as this number (15 is 015), or null (see <see cref="TryFromNumber"/>).</summary>
        public static Code? FromNumber(int number)
        {
            foreach (var entry in Codes)
            {
                if ((int)entry.Code == number) return entry.Code;
            }
            return null;
        }

        /// <summary>The code shown as this number (15 is 015).</summary>
        /// <returns>false when the table has no such code.</returns>
        public static bool TryFromNumber(int number, out Code code)
        {
            var found = FromNumber(number);
            code = found.GetValueOrDefault();
            return found.HasValue;
        }

        /// <summary>Reads a code as the reader shows it ("015", "15").</summary>
        public static bool TryParse(string text, out Code code)
        {
            int number;
            if (text != null && text.Trim().Length <= 3 && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                var found = FromNumber(number);
                if (found.HasValue)
                {
                    code = found.Value;
                    return true;
                }
            }
            code = default(Code);
            return false;
        }

        /// <summary>Reads a message ID the table lists exactly, as the terminal logs it (0x04000011, 04000011).</summary>
        /// <returns>false when the text is no message ID, or one the table lists in a range or not at all
        /// (<see cref="TryParseMessageIdValue"/> reads any).</returns>
        public static bool TryParseMessageId(string text, out MessageId id)
        {
            uint value;
            id = default(MessageId);
            if (!TryParseMessageIdValue(text, out value) || !Enum.IsDefined(typeof(MessageId), value)) return false;
            id = (MessageId)value;
            return true;
        }

        /// <summary>Reads any message ID as the terminal logs it (0x04000011, 04000011): <c>0x</c> or not,
        /// then eight hex digits.</summary>
        /// <returns>false when the text is no message ID.</returns>
        public static bool TryParseMessageIdValue(string text, out uint value)
        {
            value = 0;
            if (text == null) return false;
            var digits = text.Trim();
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits.Substring(2);
            return digits.Length == 8 && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>The entry of a code: its texts and rows.</summary>
        public static CodeEntry Entry(this Code code)
        {
            foreach (var entry in Codes)
            {
                if (entry.Code == code) return entry;
            }
            throw new ArgumentOutOfRangeException("code", code, "not a code of table version " + Version);
        }

        /// <summary>The rows of a code that list a logged value, exactly or in a range.</summary>
        public static IEnumerable<Row> RowsFor(this Code code, uint value)
        {
            foreach (var row in code.Entry().Rows)
            {
                if (row.Lists(value)) yield return row;
            }
        }

        /// <summary>Every row, under any code, that lists a logged value.</summary>
        public static IEnumerable<Row> RowsForValue(uint value)
        {
            foreach (var entry in Codes)
            {
                foreach (var row in entry.Rows)
                {
                    if (row.Lists(value)) yield return row;
                }
            }
        }
    }
}
"#;
