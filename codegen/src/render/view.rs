//! The table as every language's renderer walks it: each code with its variant name in
//! each casing, the distinct exact message IDs, the ranges with their names. Names come
//! from `spec/names.toml` through one word split (`oqs_messages_table::casing`).

use oqs_messages_table::casing::{lower_camel_case, snake_case, upper_snake_case};
use oqs_messages_table::{CodeEntry, ListedId, MessageIdValue, Row, Table};

use super::names::Names;

/// A code and its names.
pub struct CodeView<'a> {
    /// The code as the table gives it.
    pub entry: &'a CodeEntry,
    /// `CardNotRecognized`: the variant (Rust, TypeScript, C#).
    pub name: &'a str,
    /// `card_not_recognized`: the Rust handler method.
    pub snake: String,
    /// `cardNotRecognized`: the TypeScript and Java handler method.
    pub camel: String,
    /// `CARD_NOT_RECOGNIZED`: the Java constant.
    pub constant: String,
}

/// A range of message IDs and its name.
pub struct RangeView<'a> {
    /// The first ID.
    pub start: MessageIdValue,
    /// The last ID.
    pub end: MessageIdValue,
    /// `InternalVersionError`.
    pub name: &'a str,
}

/// A code an older version lists and this one does not, under the name it had.
pub struct WithdrawnView {
    /// `952`.
    pub number: oqs_messages_table::CodeNumber,
    /// `ReferralLetterInfoUnavailable`.
    pub name: String,
    /// Its heading as last published.
    pub heading: String,
    /// The last version that lists it.
    pub last: String,
    /// The version that withdrew it.
    pub removed: String,
}

impl WithdrawnView {
    /// What a compiler says where a client still names it, as the Rust macro says it.
    pub fn sentence(&self) -> String {
        format!(
            "code {} {} (`{}`) was withdrawn in table {}; last listed in {}",
            self.number, self.heading, self.name, self.removed, self.last
        )
    }
}

/// The table with its names, for the renderers of other languages.
pub struct View<'a> {
    /// The table.
    pub table: &'a Table,
    /// Every code, in document order.
    pub codes: Vec<CodeView<'a>>,
    /// Every exact message ID listed, each once, by value.
    pub exact_ids: Vec<MessageIdValue>,
    /// Every range listed, each once, in document order.
    pub ranges: Vec<RangeView<'a>>,
    /// The version of every package of this release: the Rust crate's, moved by the
    /// revision report ([`FIRST_RELEASE`] until [`View::with_release`] says otherwise).
    pub release: String,
    /// The codes older versions list and this one does not, that `spec/names.toml` still
    /// names ([`View::with_history`]).
    pub withdrawn: Vec<WithdrawnView>,
}

/// The version of a first release, and of a table rendered without a crate beside it.
pub const FIRST_RELEASE: &str = "0.1.0";

impl<'a> View<'a> {
    /// The view of a table whose codes and ranges the names cover.
    pub fn new(table: &'a Table, names: &'a Names) -> View<'a> {
        let codes = table
            .codes
            .iter()
            .map(|entry| {
                let name = names.codes.get(&entry.number).map_or("", String::as_str);
                CodeView {
                    entry,
                    name,
                    snake: snake_case(name),
                    camel: lower_camel_case(name),
                    constant: upper_snake_case(name),
                }
            })
            .collect();
        let mut exact_ids: Vec<MessageIdValue> = table
            .codes
            .iter()
            .flat_map(|c| &c.rows)
            .flat_map(|r| &r.message_ids)
            .filter_map(|id| match id {
                ListedId::Exact(value) => Some(*value),
                ListedId::Range { .. } => None,
            })
            .collect();
        exact_ids.sort();
        exact_ids.dedup();
        let ranges = table
            .ranges()
            .into_iter()
            .map(|(start, end)| RangeView {
                start,
                end,
                name: names.ranges.get(&(start, end)).map_or("", String::as_str),
            })
            .collect();
        View {
            table,
            codes,
            exact_ids,
            ranges,
            release: FIRST_RELEASE.to_owned(),
            withdrawn: Vec::new(),
        }
    }

    /// The same view, with the withdrawn codes of the history that the names still name.
    pub fn with_history(
        mut self,
        history: &oqs_messages_table::History,
        names: &Names,
    ) -> View<'a> {
        self.withdrawn = history
            .withdrawn_codes
            .iter()
            .filter_map(|gone| {
                Some(WithdrawnView {
                    number: gone.entry.number,
                    name: names.codes.get(&gone.entry.number)?.clone(),
                    heading: gone.entry.heading.clone(),
                    last: gone.last_version.to_string(),
                    removed: gone.removed_in.to_string(),
                })
            })
            .collect();
        self
    }

    /// The same view, its packages at this version.
    pub fn with_release(mut self, release: &str) -> View<'a> {
        self.release = release.to_owned();
        self
    }

    /// The version of the npm, NuGet and Maven packages: the Rust crate's, so that every
    /// package of a release carries the same version, moved by the same revision report.
    pub fn package_version(&self) -> String {
        self.release.clone()
    }

    /// `Id04000011`: the name of an exact message ID in every language.
    pub fn id_name(value: MessageIdValue) -> String {
        format!("Id{:08X}", value.value())
    }

    /// The name of a range the table lists.
    pub fn range_name(&self, start: MessageIdValue, end: MessageIdValue) -> &str {
        self.ranges
            .iter()
            .find(|r| r.start == start && r.end == end)
            .map_or("", |r| r.name)
    }

    /// Every row with its code, in document order.
    pub fn rows(&self) -> impl Iterator<Item = (&CodeView<'a>, &'a Row)> + '_ {
        self.codes
            .iter()
            .flat_map(|code| code.entry.rows.iter().map(move |row| (code, row)))
    }
}
