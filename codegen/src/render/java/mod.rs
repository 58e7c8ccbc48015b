//! `java/`: Java 8 source in Maven layout, package `oqs.messages`, for hospital systems:
//! `enum Code` with its number and texts, the message IDs and rows, lookups, and
//! `CodeHandler<R>` with one method per code, so that a vendor's handler stops compiling
//! when a revision adds or removes a code. One file per part: the codes and the handler
//! (`code.rs`), the message IDs (`message_id.rs`), the rows and footnotes (`rows.rs`), the
//! Maven project (`pom.rs`), the READMEs (`readme.rs`); what every source is made with
//! (`source.rs`).
//!
//! Every source is ASCII, the table's words written `\uXXXX` (`literal::ascii_java`), so that
//! `javac` reads them alike under any default encoding. The table's and the package's
//! versions are fields that are not compile-time constants, read from the library at run
//! time: a constant would be copied into each caller when it is compiled.

mod code;
mod message_id;
mod pom;
mod readme;
mod rows;
mod source;

use super::literal::ascii_java;
use super::view::View;

pub use pom::pom;
pub use readme::{readme, readme_ja};

use code::{code, handler};
use message_id::message_ids;
use rows::{data, types};
use source::{doc, header};

/// Every Java source of the package, by its path in `generated/`, each in ASCII
/// (`literal::ascii_java`).
pub fn sources(view: &View<'_>) -> Vec<(&'static str, String)> {
    let (ids, ranges) = message_ids(view);
    let [(_, row), (_, listed), (_, footnote)] = types(view.table);
    [
        (
            "java/src/main/java/oqs/messages/package-info.java",
            package_info(view),
        ),
        ("java/src/main/java/oqs/messages/Code.java", code(view)),
        (
            "java/src/main/java/oqs/messages/CodeHandler.java",
            handler(view),
        ),
        ("java/src/main/java/oqs/messages/MessageId.java", ids),
        (
            "java/src/main/java/oqs/messages/MessageIdRange.java",
            ranges,
        ),
        ("java/src/main/java/oqs/messages/Table.java", data(view)),
        ("java/src/main/java/oqs/messages/Row.java", row),
        ("java/src/main/java/oqs/messages/ListedId.java", listed),
        ("java/src/main/java/oqs/messages/Footnote.java", footnote),
    ]
    .into_iter()
    .map(|(path, text)| (path, ascii_java(&text)))
    .collect()
}

/// `package-info.java`: what the package holds, for its javadoc page.
pub fn package_info(view: &View<'_>) -> String {
    let table = view.table;
    let header = header(table);
    // The package clause follows the documentation comment in this file alone.
    let (comment, package) = header.split_at(header.find("package ").unwrap_or(header.len()));
    format!(
        "{comment}/**\n * {}, table version {}, as typed Java: {{@link oqs.messages.Code}} with the texts of every\n * display code, {{@link oqs.messages.MessageId}} and {{@link oqs.messages.MessageIdRange}},\n * every row ({{@link oqs.messages.Table#ROWS}}) with its error kind, cause, remedy and contact exactly\n * as published, lookups that answer {{@link java.util.Optional}}, and\n * {{@link oqs.messages.CodeHandler}}, one method per code, which stops compiling when a revision adds\n * or removes a code.\n */\n{}",
        doc(&table.title),
        table.version,
        package.trim_end()
    ) + "\n"
}
