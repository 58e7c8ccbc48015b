//! `Code.cs`: the codes, withdrawn ones kept as obsolete errors, and the handler.

use std::fmt::Write;

use oqs_messages_table::WithdrawnEntry;

use super::source::{doc, header, literal};
use crate::render::literal::ascii_xml;
use crate::render::view::View;

/// `Code.cs`: the codes, and the handler.
pub fn codes(view: &View<'_>) -> String {
    let table = view.table;
    let mut out = header(table);
    out.push_str("namespace OqsMessages\n{\n    /// <summary>Every display code of the table; the value is the three digits the card reader shows.</summary>\n    public enum Code : ushort\n    {\n");
    for code in &view.codes {
        let e = code.entry;
        let tags: String = e.tags.iter().map(|t| format!("【{t}】")).collect();
        let _ = writeln!(
            out,
            "        /// <summary>{} {} {}</summary>\n        {} = {},",
            e.number,
            doc(&tags),
            doc(&e.heading),
            code.name,
            e.number.get()
        );
    }
    // A withdrawn code keeps its name, obsolete as an error with the story: a client that
    // still names it (a `case`, a comparison) fails there, saying so (CS0619).
    for gone in &view.withdrawn {
        let WithdrawnEntry::Code { number, .. } = gone.entry else {
            continue;
        };
        let _ = writeln!(
            out,
            "        /// <summary>Withdrawn: {}</summary>\n        [System.Obsolete({}, true)]\n        {} = {},",
            doc(&gone.sentence()),
            literal(&gone.sentence()),
            gone.name,
            number.get()
        );
    }
    out.push_str("    }\n\n    /// <summary>One method per code: implement every one. A revision that adds a code adds a method (CS0535); one that removes a code leaves an explicit implementation that is not a member (CS0539).</summary>\n    public interface ICodeHandler<TResult>\n    {\n");
    for code in &view.codes {
        let _ = writeln!(
            out,
            "        /// <summary>{} {}</summary>\n        TResult {}();",
            code.entry.number,
            doc(&code.entry.heading),
            code.name
        );
    }
    out.push_str("    }\n\n    /// <summary>Dispatching a code to its handler method.</summary>\n    public static class CodeHandling\n    {\n        /// <summary>Calls the handler's method for the code.</summary>\n        public static TResult Handle<TResult>(this Code code, ICodeHandler<TResult> handler)\n        {\n            switch (code)\n            {\n");
    for code in &view.codes {
        let _ = writeln!(
            out,
            "                case Code.{0}: return handler.{0}();",
            code.name
        );
    }
    out.push_str("                default: throw new System.ArgumentOutOfRangeException(\"code\", code, \"not a code of table version \" + Table.Version);\n            }\n        }\n    }\n}\n");
    ascii_xml(&out)
}
