//! The table as every language's renderer walks it: each code with its variant name in
//! each casing, the distinct exact message IDs, the ranges with their names. Names come
//! from `spec/names.toml` through one word split (`oqs_messages_table::casing`).

use oqs_messages_table::casing::{lower_camel_case, snake_case, upper_snake_case};
use oqs_messages_table::{
    CodeEntry, History, ListedId, MessageIdValue, Row, Table, Withdrawal, WithdrawnEntry,
};

use super::identity::Identity;
use super::names::Names;
use crate::report::{Report, Semver};

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
    /// names ([`View::with_history`]); only codes, each a [`WithdrawnEntry::Code`].
    pub withdrawn: Vec<Withdrawal>,
    /// Where the packages are published and by whom ([`View::with_identity`]); unset
    /// fields are left out of the manifests.
    pub identity: Identity,
    /// What the newest revision of `spec/` changed: from and to which table version, and
    /// the release it calls for ([`View::with_revisions`]); `None` for a first table.
    pub revision: Option<(String, String, Semver)>,
}

/// The rule every package's version follows, stated once: each package's README and the
/// root README carry this text.
pub const VERSION_RULE: &str =
    "Every package of a release (the Rust crate `oqs-messages`, the npm package \
`oqs-messages`, the NuGet package `OqsMessages` and the Maven artifact `oqs-messages`) carries one \
version, which `cargo run -p codegen` moves by what the ministry's revision changed: codes or \
message IDs added or removed make a breaking release (from 1.0 a new major version; before 1.0 \
a new minor, 0.1.0 → 0.2.0); rows added, removed or moved, a minor release (before 1.0 a patch); \
reworded texts only, a patch. So the usual ranges (npm's `^0.1.0`, NuGet's floating \
`0.1.*`, Maven's `[0.1.0,0.2.0)`, Cargo's `0.1`) take a revision of texts or rows without a change of yours, and \
never a breaking one unasked. The table's own version (`1.25` for 「…_1.25版」) is another \
number, which each package reports at run time from the library itself.";

/// [`VERSION_RULE`] in Japanese, for the `README.ja.md` files.
pub const VERSION_RULE_JA: &str = "リリースごとに、すべてのパッケージ（Rust のクレート `oqs-messages`、npm の \
`oqs-messages`、NuGet の `OqsMessages`、Maven の `oqs-messages`）は同じバージョンを持ちます。バージョンは、\
厚生労働省の改訂で何が変わったかに応じて `cargo run -p codegen` が上げます。表示コードまたはメッセージIDの追加・削除は\
互換性のない変更（1.0 以降はメジャー、1.0 より前はマイナー：0.1.0 → 0.2.0）、行の追加・削除・移動はマイナー（1.0 より前は\
パッチ）、文言の修正だけならパッチです。そのため通常のバージョン範囲（npm の `^0.1.0`、NuGet の \
`0.1.*`、Maven の `[0.1.0,0.2.0)`、Cargo の `0.1`）は、文言や行の改訂をそのまま受け入れ、互換性のない改訂を黙って取り込むことは\
ありません。一覧そのものの版数（「…_1.25版」の `1.25`）は別の番号で、各パッケージが実行時にライブラリ自身から返します。";

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
            identity: Identity::default(),
            revision: None,
        }
    }

    /// The same view, its packages published under this identity.
    pub fn with_identity(mut self, identity: &Identity) -> View<'a> {
        self.identity = identity.clone();
        self
    }

    /// The same view, with the newest of the revision reports between the versions of
    /// `spec/` (newest first).
    pub fn with_revisions(mut self, revisions: &[Report]) -> View<'a> {
        self.revision = revisions
            .first()
            .map(|r| (r.old_version.clone(), r.new_version.clone(), r.semver()));
        self
    }

    /// One line on what this release's table changed, for a package's release notes.
    pub fn release_note(&self) -> String {
        match &self.revision {
            None => format!("Table version {}: the first table.", self.table.version),
            Some((old, new, semver)) => {
                let kind = match semver {
                    Semver::None => "the same codes, IDs, rows and texts",
                    Semver::Patch => "texts reworded only",
                    Semver::Minor => "rows added, removed or moved; the same codes and IDs",
                    Semver::Major => "codes or message IDs added or removed (a breaking release)",
                };
                format!("Table version {old} → {new}: {kind}.")
            }
        }
    }

    /// The same view, with the withdrawn codes of the history that the names still name.
    pub fn with_history(mut self, history: &History, names: &Names) -> View<'a> {
        self.withdrawn = names
            .withdrawals(history)
            .into_iter()
            .filter(|gone| matches!(gone.entry, WithdrawnEntry::Code { .. }))
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
        Names::id_name(value)
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

/// What the READMEs' examples look up, taken from the table so that every example runs
/// on every version: a code with a row that lists an exact ID, that ID, and a value in a
/// range (an exact ID where the table lists no range).
pub struct Example<'v, 'a> {
    /// The code.
    pub code: &'v CodeView<'a>,
    /// An exact ID listed in a row of the code.
    pub id: MessageIdValue,
    /// A value that only a range holds, with the range's name, if the table lists a range.
    pub in_range: Option<(MessageIdValue, &'a str)>,
}

impl<'a> View<'a> {
    /// The example of the READMEs: the first code whose rows list an exact ID that no
    /// earlier code lists (a code of its own for the ID, when the table has one).
    pub fn example(&self) -> Option<Example<'_, 'a>> {
        let exact = |code: &CodeView<'a>| -> Vec<MessageIdValue> {
            code.entry
                .rows
                .iter()
                .flat_map(|r| &r.message_ids)
                .filter_map(|id| match id {
                    ListedId::Exact(value) => Some(*value),
                    ListedId::Range { .. } => None,
                })
                .collect()
        };
        let (code, id) = self
            .codes
            .iter()
            .find_map(|c| exact(c).first().map(|id| (c, *id)))?;
        let in_range = self.ranges.iter().find_map(|r| {
            let value = MessageIdValue(
                r.start
                    .value()
                    .checked_add(5)
                    .filter(|v| *v <= r.end.value())?,
            );
            let listed_exactly = self.exact_ids.contains(&value);
            (!listed_exactly).then_some((value, r.name))
        });
        Some(Example { code, id, in_range })
    }

    /// The codes grouped by their first tag, in the order each tag first appears: what the
    /// READMEs' `switch` examples answer.
    pub fn codes_by_first_tag(&self) -> Vec<(&str, Vec<&CodeView<'a>>)> {
        let mut groups: Vec<(&str, Vec<&CodeView<'a>>)> = Vec::new();
        for code in &self.codes {
            let tag = code.entry.tags.first().map_or("", String::as_str);
            match groups.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, codes)) => codes.push(code),
                None => groups.push((tag, vec![code])),
            }
        }
        groups
    }
}
