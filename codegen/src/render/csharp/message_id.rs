//! `MessageId.cs`: the exact IDs and the ranges.

use std::fmt::Write;

use super::source::header;
use crate::render::literal::ascii_xml;
use crate::render::view::View;

/// `MessageId.cs`: the exact IDs and the ranges.
pub fn message_ids(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("namespace OqsMessages\n{\n    /// <summary>Every exact message ID the table lists; the value is the ID as the terminal logs it.</summary>\n    public enum MessageId : uint\n    {\n");
    for id in &view.exact_ids {
        let _ = writeln!(
            out,
            "        /// <summary>{id}</summary>\n        {} = 0x{:08X},",
            View::id_name(*id),
            id.value()
        );
    }
    out.push_str("    }\n\n    /// <summary>Every range of message IDs the table lists, both ends included.</summary>\n    public static class MessageIdRanges\n    {\n");
    for range in &view.ranges {
        let _ = writeln!(
            out,
            "        /// <summary>{}～{}</summary>\n        public static readonly IdRange {} = new IdRange(\"{}\", 0x{:08X}, 0x{:08X});",
            range.start,
            range.end,
            range.name,
            range.name,
            range.start.value(),
            range.end.value()
        );
    }
    let all = view
        .ranges
        .iter()
        .map(|r| r.name)
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "\n        /// <summary>Every range, in the table's order.</summary>\n        public static readonly System.Collections.Generic.IReadOnlyList<IdRange> All = ReadOnly.Of(new IdRange[] {{ {all} }});"
    );
    out.push_str("    }\n}\n");
    ascii_xml(&out)
}
