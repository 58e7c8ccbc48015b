//! The engine: one version of the table, read as data, and the answer it gives to a text.

use std::sync::{Arc, Mutex, OnceLock};

use oqs_messages_table::{CodeEntry, DetailCode, Footnote, ListedId, Row};
use oqs_messages_text::needle::Needle;
use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::SearchError;

use crate::answer::{
    Answer, Failure, Match, Read, Reason, Shown, TextReason, Withdrawn, WordsRead,
};
use crate::data::{table_texts, CallersWords, TableData};
use crate::denied::without_what_is_denied;
use crate::elsewhere::{
    asks_without_a_fault, is_a_name, is_hiragana, states_a_wish, Elsewhere, WEAK_FIT,
    WEAK_FIT_ASKING_ELSEWHERE, WEAK_FIT_NAMING_ELSEWHERE,
};
use crate::index::{fold, SearchIndex, Searched};
use crate::learned::SentenceCounts;
use crate::prefix::IdPrefix;
use crate::romaji::read_as_kana;
use crate::say::Missing;

mod as_callers_mean;
mod callers;
mod numbers;

use numbers::{beside_a_bare_number, code_beside_portal, short_numbers};

/// One version of the table with its texts folded for the search: what answers a text.
#[derive(Debug)]
pub struct Engine {
    data: TableData,
    /// The callers' words: given read, or read from `callers_json` at the first search by
    /// words (or why they could not be).
    callers_words: OnceLock<Result<CallersWords, String>>,
    /// `callers-words.json` and `callers-sentences.txt` as given to
    /// [`Engine::with_callers_json`], until they are read (then taken: not kept twice).
    callers_json: Mutex<Option<(String, String)>>,
    /// The words of `[elsewhere]`, folded (made at the first search by words).
    elsewhere: OnceLock<Elsewhere>,
    /// Made at the first search by words: codes and IDs need none (the page shows the table
    /// sooner).
    index: OnceLock<SearchIndex>,
    /// The callers' sentences' counts, read at the first search by words (an ID needs none;
    /// a text that cannot be read orders nothing: codegen writes it, and its tests read it).
    learned: OnceLock<SentenceCounts>,
    /// The table's texts folded, in `table_texts`' order: where a word of `[elsewhere]` a
    /// sentence names is looked for (made at the first search by words, as the index).
    folded_texts: OnceLock<Vec<String>>,
}

impl Engine {
    /// An engine over a version of the table, searching with the callers' words.
    pub fn new(data: TableData, callers_words: &CallersWords) -> Engine {
        Engine {
            data,
            callers_words: OnceLock::from(Ok(callers_words.clone())),
            callers_json: Mutex::new(None),
            elsewhere: OnceLock::new(),
            index: OnceLock::new(),
            learned: OnceLock::new(),
            folded_texts: OnceLock::new(),
        }
    }

    /// The table's texts folded, with the callers' words.
    pub fn index(&self) -> &SearchIndex {
        self.index
            .get_or_init(|| SearchIndex::new(&self.data.table, self.searched_callers_words()))
    }

    /// The table, its source and its history.
    pub fn data(&self) -> &TableData {
        &self.data
    }

    /// The version of the table.
    pub fn version(&self) -> &str {
        self.data.table.version.as_str()
    }

    /// Every row of the table, as an answer shows it, in document order.
    pub fn rows(&self) -> impl Iterator<Item = Shown<'_>> {
        self.data
            .rows()
            .map(|(code, index, row)| self.shown(code, index, row))
    }

    /// The answer to a text: read as [`Query::parse`] reads it (a code, an ID, both, a
    /// マイナポータル error code), or else as words; the rows that answer it; the withdrawn
    /// entry it names; or why nothing answers. The start of a message ID (`0x0400`) is
    /// answered with the rows of the IDs it could become.
    pub fn answer(&self, text: &str) -> Answer<'_> {
        let answer = self.answer_as_read(text);
        self.by_id_prefix(text, answer)
    }

    /// The answer to a text as [`Query::parse`] or the search by words reads it.
    fn answer_as_read(&self, text: &str) -> Answer<'_> {
        let mut answer = Answer {
            text: text.to_owned(),
            version: self.version(),
            source: &self.data.source,
            newest: self.data.newest,
            read: None,
            matches: Vec::new(),
            weak: false,
            withdrawn: None,
            failure: None,
        };
        let query = match Query::parse(text) {
            Ok(query) => query,
            Err(QueryError::Unrecognized) => {
                self.words(text, &mut answer);
                return answer;
            }
            Err(error) => {
                answer.failure = Some(Failure::Malformed {
                    text: text.to_owned(),
                    error,
                });
                return answer;
            }
        };
        // A number that is no code of any version but a マイナポータル error code the table
        // lists (`999`, `875` of `860~990`) is that; so is one written beside the name the
        // table gives that error code (`加入者情報未登録 005`).
        let query = match query {
            Query::Code(n)
                if (!self.is_code_of_any_version(n) && self.by_portal(n).next().is_some())
                    || self.names_portal_error(text, n) =>
            {
                Query::Portal(n)
            }
            query => query,
        };
        // A bare number that is no code of any version, in a sentence that says more
        // (`フォルダ書込み権限エラー（端末No.334）`, `…うけつけばんごう213`): a number of the
        // clinic's (a terminal, a reception number), not a code; the sentence is answered
        // by its words where they find rows.
        if let Query::Code(n) = query {
            let rest = (!self.is_code_of_any_version(n))
                .then(|| beside_a_bare_number(text))
                .flatten();
            if let Some(rest) = rest {
                let mut by_words = answer.clone();
                self.words(&rest, &mut by_words);
                if !by_words.matches.is_empty() {
                    return by_words;
                }
            }
        }
        // An ID with one or two digits beside it that are the code it is listed under
        // (`15 / 0x4000020`, `err(7): 0x6000003`): that code and the ID.
        let query = match query {
            Query::Value(value) => short_numbers(text)
                .find(|&n| self.code_lists(n, value))
                .map_or(query, |n| Query::Pair(n, value)),
            query => query,
        };
        answer.read = Some(match query {
            Query::Portal(portal) => match code_beside_portal(text) {
                Some(code) if self.by_portal(portal).all(|m| m.shown.code.get() == code) => {
                    Read::PortalUnderCode { code, portal }
                }
                _ => Read::Query(query),
            },
            query => Read::Query(query),
        });
        answer.withdrawn = self.withdrawn(query);
        match self.by_query(query) {
            Ok(matches) => answer.matches = matches,
            Err(Failure::NotFound { .. }) if answer.withdrawn.is_some() => {}
            Err(failure) => answer.failure = Some(failure),
        }
        answer
    }

    /// The answer to the start of a message ID (`0x0400`, `040000`): the rows that list an
    /// ID it could become, in document order. Taken before the search by words for a text
    /// that begins with `0x`, and where nothing else answers for digits alone; `0x` and
    /// digits no ID starts with are said to be so. A sentence that writes the start of an
    /// ID (`0xF8で始まるエラー`) is answered with the rows of that start, those its words
    /// found first.
    fn by_id_prefix<'e>(&'e self, text: &str, answer: Answer<'e>) -> Answer<'e> {
        let words = matches!(answer.read, Some(Read::Words(_)));
        let Some(prefix) = IdPrefix::read(text) else {
            return match IdPrefix::find_in(text) {
                Some(prefix) if words => self.by_id_prefix_in_words(prefix, answer),
                _ => answer,
            };
        };
        let failed = answer.matches.is_empty() && answer.withdrawn.is_none();
        if !(failed || (words && prefix.hex_marked)) {
            return answer;
        }
        let matches = self.starting_with(&prefix);
        if matches.is_empty() && !prefix.hex_marked {
            return answer;
        }
        let (value, digits) = (prefix.span().0, prefix.digits.len());
        Answer {
            failure: matches
                .is_empty()
                .then(|| self.not_found(Missing::IdPrefix { value, digits }, Vec::new())),
            matches,
            read: Some(Read::IdPrefix(prefix)),
            withdrawn: None,
            weak: false,
            ..answer
        }
    }

    /// The rows of the start of an ID written in a sentence, the rows the sentence's words
    /// found first, in their order; the words' answer as it was where no row lists an ID
    /// of that start (a slip of the keyboard is no reason to answer nothing).
    fn by_id_prefix_in_words<'e>(&'e self, prefix: IdPrefix, answer: Answer<'e>) -> Answer<'e> {
        let mut rows: Vec<Option<Match<'e>>> =
            self.starting_with(&prefix).into_iter().map(Some).collect();
        if rows.is_empty() {
            return answer;
        }
        let mut matches = Vec::with_capacity(rows.len());
        for found in &answer.matches {
            let same = rows.iter_mut().find(|m| {
                m.as_ref().is_some_and(|m| {
                    m.shown.code == found.shown.code && m.shown.number == found.shown.number
                })
            });
            matches.extend(same.and_then(Option::take));
        }
        matches.extend(rows.into_iter().flatten());
        Answer {
            failure: None,
            matches,
            read: Some(Read::IdPrefix(prefix)),
            withdrawn: None,
            weak: false,
            ..answer
        }
    }

    /// Every row that lists an ID the start could become, in document order: its own ID
    /// where it lists one, else the range that holds one.
    fn starting_with(&self, prefix: &IdPrefix) -> Vec<Match<'_>> {
        self.data
            .rows()
            .filter_map(|(code, index, row)| {
                let id = row
                    .message_ids
                    .iter()
                    .find(|id| matches!(id, ListedId::Exact(_)) && prefix.admits(id));
                let id = id.or_else(|| row.message_ids.iter().find(|id| prefix.admits(id)))?;
                let reason = match *id {
                    ListedId::Exact(v) => Reason::MessageId(v.0),
                    ListedId::Range { start, end } => Reason::Range {
                        start: start.0,
                        end: end.0,
                    },
                };
                Some(self.matched(code, index, row, reason))
            })
            .collect()
    }

    /// A row as an answer shows it: its code's texts and the footnotes it or its code cites.
    fn shown<'e>(&'e self, code: &'e CodeEntry, index: usize, row: &'e Row) -> Shown<'e> {
        Shown {
            code: code.number,
            heading: &code.heading,
            tags: &code.tags,
            message: Some(&code.message),
            number: index + 1,
            row,
            footnotes: cited(&self.data.table.footnotes, code, row),
        }
    }

    fn matched<'e>(
        &'e self,
        code: &'e CodeEntry,
        index: usize,
        row: &'e Row,
        reason: Reason<'e>,
    ) -> Match<'e> {
        Match {
            shown: self.shown(code, index, row),
            reason,
        }
    }

    fn not_found(&self, missing: Missing, candidates: Vec<String>) -> Failure {
        Failure::NotFound {
            missing,
            version: self.version().to_owned(),
            candidates,
        }
    }

    /// Whether code `number` lists ID `value` as one of its own (not in a range).
    fn code_lists(&self, number: u16, value: u32) -> bool {
        self.code(number).is_some_and(|code| {
            code.rows.iter().any(|row| {
                row.message_ids
                    .iter()
                    .any(|id| matches!(id, ListedId::Exact(v) if v.0 == value))
            })
        })
    }

    /// Whether a number is a display code of this version or one an older version withdrew.
    fn is_code_of_any_version(&self, number: u16) -> bool {
        self.code(number).is_some()
            || self
                .data
                .history
                .withdrawn_codes
                .iter()
                .any(|w| w.entry.number.get() == number)
    }

    fn code(&self, number: u16) -> Option<&CodeEntry> {
        self.data
            .table
            .codes
            .iter()
            .find(|c| c.number.get() == number)
    }

    /// Every row that answers a code, an ID, both or a マイナポータル error code.
    fn by_query(&self, query: Query) -> Result<Vec<Match<'_>>, Failure> {
        let matches: Vec<Match<'_>> = match query {
            // A number alone is the code on the reader's screen, and may also be a
            // マイナポータル error code listed under 010: both are answers, each said for
            // what it is.
            Query::Code(number) => {
                let mut matches: Vec<Match<'_>> = self
                    .data
                    .rows()
                    .filter(|(code, _, _)| code.number.get() == number)
                    .map(|(code, index, row)| self.matched(code, index, row, Reason::Code))
                    .collect();
                matches.extend(self.by_portal(number));
                if matches.is_empty() {
                    return Err(self.not_found(Missing::Code(number), self.nearest_codes(number)));
                }
                matches
            }
            Query::Value(value) => self.by_value(value),
            Query::Pair(number, value) => {
                if self.code(number).is_none() {
                    return Err(self.not_found(Missing::Code(number), self.nearest_codes(number)));
                }
                self.by_value(value)
                    .into_iter()
                    .filter(|m| m.shown.code.get() == number)
                    .collect()
            }
            Query::Portal(number) => self.by_portal(number).collect(),
            Query::Row(number, row) => self
                .data
                .rows()
                .filter(|(code, index, _)| {
                    code.number.get() == number && *index + 1 == usize::from(row)
                })
                .map(|(code, index, row)| self.matched(code, index, row, Reason::Code))
                .collect(),
        };
        if !matches.is_empty() {
            return Ok(matches);
        }
        let (missing, candidates) = match query {
            Query::Code(number) => (Missing::RowUnderCode(number), Vec::new()),
            Query::Value(value) => (Missing::Value(value), self.nearest_ids(value)),
            Query::Pair(number, value) => {
                let mut ids: Vec<String> = Vec::new();
                let listed = self.code(number).into_iter().flat_map(|c| &c.rows);
                for id in listed.flat_map(|row| &row.message_ids) {
                    let id = format!("{number:03} {id}");
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                (Missing::Pair(number, value), ids)
            }
            Query::Portal(number) => (Missing::Portal(number), Vec::new()),
            Query::Row(number, row) => {
                let rows = self.code(number).map_or(0, |c| c.rows.len());
                let labels = (1..=rows).map(|i| format!("{number:03}-{i}")).collect();
                (Missing::Row(number, row), labels)
            }
        };
        Err(self.not_found(missing, candidates))
    }

    /// Whether a text writes the name the table gives マイナポータル error code `number`
    /// (`加入者情報未登録` for 005), folded.
    fn names_portal_error(&self, text: &str, number: u16) -> bool {
        let text = Needle::new(text);
        self.data.rows().any(|(_, _, row)| {
            row.details.iter().any(|d| {
                d.code.is_portal(number)
                    && !d.text.is_empty()
                    && Needle::new(&d.text).is_in_needle(&text)
            })
        })
    }

    /// The rows whose cause lists a マイナポータル error code.
    fn by_portal(&self, number: u16) -> impl Iterator<Item = Match<'_>> {
        self.data.rows().flat_map(move |(code, index, row)| {
            row.details
                .iter()
                .filter(move |d| d.code.is_portal(number))
                .map(move |d| self.matched(code, index, row, Reason::PortalError(d)))
        })
    }

    /// The rows that list a value: those that name it (in their IDs, then in their cause
    /// as a received error code) before those whose range merely covers it.
    fn by_value(&self, value: u32) -> Vec<Match<'_>> {
        let mut exact: Vec<Match<'_>> = Vec::new();
        let mut ranges: Vec<Match<'_>> = Vec::new();
        for (code, index, row) in self.data.rows() {
            let listed = row
                .message_ids
                .iter()
                .any(|id| matches!(id, ListedId::Exact(v) if v.0 == value));
            if listed {
                exact.push(self.matched(code, index, row, Reason::MessageId(value)));
                continue;
            }
            let range = row.message_ids.iter().find_map(|id| match *id {
                ListedId::Range { start, end } if id.contains(value) => Some((start.0, end.0)),
                _ => None,
            });
            if let Some((start, end)) = range {
                ranges.push(self.matched(code, index, row, Reason::Range { start, end }));
            }
        }
        for (code, index, row) in self.data.rows() {
            for detail in row.details.iter().filter(|d| d.code.is_received(value)) {
                exact.push(self.matched(code, index, row, Reason::ReceivedCode(detail)));
            }
        }
        exact.extend(ranges);
        exact
    }

    /// The three codes nearest a number: `015 マイナンバーカードから顔写真の引き出し不可`.
    fn nearest_codes(&self, number: u16) -> Vec<String> {
        let mut near: Vec<&CodeEntry> = self.data.table.codes.iter().collect();
        near.sort_by_key(|c| (c.number.get().abs_diff(number), c.number.get()));
        near.iter()
            .take(3)
            .map(|c| format!("{} {}", c.number, c.heading))
            .collect()
    }

    /// The table's IDs nearest a value: those differing in the fewest hex digits (two at
    /// most), then the closest in value.
    fn nearest_ids(&self, value: u32) -> Vec<String> {
        let digits = |v: u32| {
            (0..8)
                .filter(|i| (v >> (i * 4)) & 0xF != (value >> (i * 4)) & 0xF)
                .count()
        };
        let mut ids: Vec<u32> = self
            .data
            .table
            .listed_ids()
            .into_iter()
            .filter_map(|id| match id {
                ListedId::Exact(v) => Some(v.0),
                ListedId::Range { .. } => None,
            })
            .collect();
        ids.sort_by_key(|v| (digits(*v), v.abs_diff(value)));
        ids.into_iter()
            .filter(|v| digits(*v) <= 2)
            .take(3)
            .map(|v| format!("0x{v:08X}"))
            .collect()
    }

    /// Whether the table lists a value, exactly or in a range.
    fn lists(&self, value: u32) -> bool {
        self.data
            .rows()
            .any(|(_, _, row)| row.message_ids.iter().any(|id| id.contains(value)))
    }

    /// The withdrawn entry a query asks for: a code this version does not list, an ID it
    /// does not list, or a pair whose code or ID it does not list, where an older version
    /// of `spec/` does. (A number alone can also be a マイナポータル error code of a current
    /// row: both are answers.)
    fn withdrawn(&self, query: Query) -> Option<Withdrawn<'_>> {
        let history = &self.data.history;
        let by_code = |number: u16, value: Option<u32>| {
            if self.code(number).is_some() {
                return None;
            }
            let gone = history
                .withdrawn_codes
                .iter()
                .find(|w| w.entry.number.get() == number)?;
            let rows: Vec<Shown<'_>> = gone
                .entry
                .rows
                .iter()
                .enumerate()
                .filter(|(_, row)| {
                    value.is_none_or(|v| row.message_ids.iter().any(|id| id.contains(v)))
                })
                .map(|(index, row)| Shown {
                    code: gone.entry.number,
                    heading: &gone.entry.heading,
                    tags: &gone.entry.tags,
                    message: Some(&gone.entry.message),
                    number: index + 1,
                    row,
                    footnotes: cited(&gone.footnotes, &gone.entry, row),
                })
                .collect();
            (!rows.is_empty()).then(|| Withdrawn {
                what: Missing::Code(number),
                last_version: gone.last_version.as_str(),
                removed_in: gone.removed_in.as_str(),
                rows,
            })
        };
        let by_id = |value: u32, number: Option<u16>| {
            if self.lists(value) {
                return None;
            }
            let withdrawn = &history.withdrawn_ids;
            let gone = withdrawn
                .iter()
                .find(|w| w.id == ListedId::Exact(oqs_messages_table::MessageIdValue(value)))
                .or_else(|| withdrawn.iter().find(|w| w.id.contains(value)))?;
            let rows: Vec<Shown<'_>> = gone
                .rows
                .iter()
                .filter(|r| number.is_none_or(|n| r.code.get() == n))
                .map(|r| Shown {
                    code: r.code,
                    heading: &r.heading,
                    tags: &[],
                    message: None,
                    number: r.number,
                    row: &r.row,
                    footnotes: gone
                        .footnotes
                        .iter()
                        .filter(|n| r.row.footnotes.contains(&n.number))
                        .collect(),
                })
                .collect();
            (!rows.is_empty()).then(|| Withdrawn {
                what: Missing::MessageId(value),
                last_version: gone.last_version.as_str(),
                removed_in: gone.removed_in.as_str(),
                rows,
            })
        };
        match query {
            Query::Code(number) => by_code(number, None),
            Query::Value(value) => by_id(value, None),
            Query::Pair(number, value) => {
                by_code(number, Some(value)).or_else(|| by_id(value, Some(number)))
            }
            Query::Portal(_) | Query::Row(..) => None,
        }
    }

    /// The rows that hold the words of a text, best first; or nothing found, with the
    /// nearest words of the table.
    fn words<'e>(&'e self, typed: &str, answer: &mut Answer<'e>) {
        // What the sentence says is not the case is not searched for.
        let asked = without_what_is_denied(typed);
        let text = asked.as_deref().unwrap_or(typed);
        // A word of [elsewhere] the text names in hiragana (`なくした`) is no term of the
        // search: it is a word of the text that the table does not hold all the same.
        let folded = self
            .folded_texts
            .get_or_init(|| table_texts(&self.data.table).map(fold).collect());
        let table = table_texts(&self.data.table).zip(folded.iter().map(String::as_str));
        let named = self.elsewhere().named_where(text, table);
        let elsewhere = named.as_ref().map(|(word, _)| *word);
        let unheld = u32::from(elsewhere.is_some_and(|word| word.chars().all(is_hiragana)));
        // A sentence typed in romaji is read as the kana it spells as well; the reading
        // whose best row fits more answers.
        // A sentence in hiragana alone is read with the words of katakana it writes in
        // hiragana as well, the same way.
        let as_kana = read_as_kana(text)
            .or_else(|| self.index().with_loanwords_in_hiragana(text))
            .and_then(|kana| self.index().search(&kana, unheld).ok());
        let best_fit = |s: &Searched| s.rows.first().map_or(0, |row| row.fit);
        let searched = match self.index().search(text, unheld) {
            Ok(searched) => match as_kana {
                Some(kana) if best_fit(&kana) > best_fit(&searched) => kana,
                _ => searched,
            },
            Err(SearchError::Empty) => {
                answer.failure = Some(Failure::Malformed {
                    text: typed.to_owned(),
                    error: QueryError::Empty,
                });
                return;
            }
        };
        // A row found by its place among the table's rows: its code's, and its own within
        // that code's (the rows of a code are together, the codes in order).
        let row_codes = &self.index().row_codes;
        let row_at = |row: usize| -> Option<(&CodeEntry, usize, &Row)> {
            let code_place = *row_codes.get(row)?;
            let code = self.data.table.codes.get(usize::from(code_place))?;
            let index = row - row_codes.partition_point(|&c| c < code_place);
            Some((code, index, code.rows.get(index)?))
        };
        let words: Arc<[String]> = searched.words.as_slice().into();
        answer.matches = searched
            .rows
            .iter()
            .filter_map(|found| {
                let (code, index, row) = row_at(found.row)?;
                let reason = TextReason {
                    rank: found.rank,
                    held: found.found,
                    words: Arc::clone(&words),
                    score: found.score,
                    fit: found.fit,
                };
                Some(self.matched(code, index, row, Reason::Text(reason)))
            })
            .collect();
        // The counts order the rows found and offer codes beside them: none, nothing to do.
        let pieces = if answer.matches.is_empty() {
            Vec::new()
        } else {
            self.known_pieces(typed)
        };
        self.order_as_callers_mean(&pieces, &mut answer.matches);
        // A sentence whose best row holds little of what it asks, or not much of it while it
        // names a thing the table never does, or one of the clinic's other matters, or a
        // question that says nothing went wrong: no row fits; the rows are weak candidates,
        // said to be so.
        let names_elsewhere = searched.unknown.iter().any(|w| is_a_name(w));
        // How well a row fits what the text asks besides the word of [elsewhere] it names:
        // the parts of that word the table writes (`Windows` of `Windowsアップデート`) say
        // nothing of the rows.
        // Searched again only when nothing cheaper has already said the answer is weak.
        let fit_besides_elsewhere = |spans: &[std::ops::Range<usize>]| {
            let rest = blanked(text, spans);
            self.index()
                .search(&rest, 1)
                .ok()
                .and_then(|rest| rest.rows.first().map(|row| row.fit))
                .unwrap_or(0)
        };
        answer.weak = searched.rows.first().is_some_and(|best| {
            (searched.split && best.fit < WEAK_FIT)
                || (names_elsewhere && best.fit < WEAK_FIT_NAMING_ELSEWHERE)
                || (best.fit < WEAK_FIT_ASKING_ELSEWHERE
                    && (elsewhere.is_some() || states_a_wish(text)))
                || asks_without_a_fault(text)
                || named.as_ref().is_some_and(|(_, spans)| {
                    fit_besides_elsewhere(spans) < WEAK_FIT_ASKING_ELSEWHERE
                })
        });
        if !answer.weak {
            self.add_codes_callers_mean(&pieces, &mut answer.matches);
        }
        if answer.matches.is_empty() {
            answer.failure = Some(Failure::NoWords {
                words: searched
                    .words
                    .iter()
                    .zip(&searched.parts)
                    .filter(|(_, part)| !**part)
                    .map(|(word, _)| word.clone())
                    .collect(),
                version: self.version().to_owned(),
                nearest: searched.nearest.clone(),
            });
        }
        answer.read = Some(Read::Words(WordsRead {
            words: searched.words,
            split: searched.split,
            unknown: searched.unknown,
            taken_for: searched.taken_for,
        }));
    }
}

/// The text with each span a blank.
fn blanked(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        rest.push_str(text.get(at..span.start).unwrap_or(""));
        rest.push(' ');
        at = span.end.max(at);
    }
    rest.push_str(text.get(at..).unwrap_or(""));
    rest
}

/// The footnotes a row or its code cites, in the table's order.
fn cited<'e>(footnotes: &'e [Footnote], code: &CodeEntry, row: &Row) -> Vec<&'e Footnote> {
    footnotes
        .iter()
        .filter(|n| row.footnotes.contains(&n.number) || code.footnotes.contains(&n.number))
        .collect()
}

/// A code a cause lists, as the cause writes it: `0xf0301d1a`, `005`, `860~990`.
pub fn detail_code_text(code: DetailCode) -> String {
    match code {
        DetailCode::PortalError { first, last } if first == last => format!("{first:03}"),
        DetailCode::PortalError { first, last } => format!("{first:03}~{last:03}"),
        DetailCode::ReceivedCode { code } => format!("0x{:08x}", code.0),
    }
}

#[cfg(test)]
mod tests {
    use super::is_a_name;

    #[test]
    fn names_are_katakana_or_latin_words_of_four_characters_or_more() {
        for name in [
            "レセコン",
            "プリンター",
            "タイムレコーダー",
            "HPKI",
            "ＨＰＫＩ",
            "Wi2Fi",
        ] {
            assert!(is_a_name(name), "{name}");
        }
        // Too short, half-width katakana, kanji, digits alone, mixed scripts.
        for word in [
            "DX",
            "ボタン",
            "ﾖﾐﾄﾘ",
            "暗証番号",
            "1234",
            "USBメモリ",
            "ログイン中",
        ] {
            assert!(!is_a_name(word), "{word}");
        }
    }
}
