//! Parsing and checking the input of `message_table!`: the normalized table that
//! `cargo run -p codegen` writes into `generated/src/table.rs`.

use oqs_messages_table::{
    CodeEntry, CodeNumber, Footnote, ListedId as ModelId, MessageIdValue, Row, Table, Violation,
};
use proc_macro2::Span;
use quote::format_ident;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{braced, bracketed, Ident, LitInt, LitStr, Token};

mod kw {
    syn::custom_keyword!(title);
    syn::custom_keyword!(version);
    syn::custom_keyword!(range);
    syn::custom_keyword!(footnote);
    syn::custom_keyword!(code);
    syn::custom_keyword!(row);
    syn::custom_keyword!(details);
    syn::custom_keyword!(received);
    syn::custom_keyword!(portal);
    syn::custom_keyword!(history);
    syn::custom_keyword!(versions);
    syn::custom_keyword!(id);
    syn::custom_keyword!(withdrawn);
    syn::custom_keyword!(heading);
    syn::custom_keyword!(last);
    syn::custom_keyword!(removed);
}

/// The whole table.
pub struct TableInput {
    pub title: LitStr,
    pub version: LitStr,
    pub history: Option<HistoryInput>,
    pub ranges: Vec<RangeDecl>,
    pub footnotes: Vec<FootnoteInput>,
    pub codes: Vec<CodeInput>,
}

/// `history { versions: ["1.25", "1.26"], code 017: ["1.26"], id 0x04000011: ["1.25"], }`:
/// the versions of `spec/` read, oldest first, and the codes and IDs of the table that not
/// all of them list, with the versions that do.
pub struct HistoryInput {
    pub versions: Vec<String>,
    pub codes: Vec<(u16, Span, Vec<String>)>,
    pub ids: Vec<(ListedId, Vec<String>)>,
    /// Codes an older version lists and this one does not, under the names they had.
    pub withdrawn_codes: Vec<WithdrawnCodeInput>,
    /// Message IDs and ranges an older version lists and this one does not.
    pub withdrawn_ids: Vec<WithdrawnIdInput>,
}

/// `withdrawn code 017 InsurerCheckRequired { heading: "…", last: "1.25", removed: "1.26", }`
pub struct WithdrawnCodeInput {
    pub number: u16,
    pub name: Ident,
    pub heading: LitStr,
    pub last: LitStr,
    pub removed: LitStr,
}

/// `withdrawn id 0x8100000D Id8100000D { code: 017, last: "1.25", removed: "1.26", }`
pub struct WithdrawnIdInput {
    pub id: ListedId,
    pub name: Ident,
    pub code: u16,
    pub last: LitStr,
    pub removed: LitStr,
}

impl WithdrawnCodeInput {
    /// What every error and deprecation that meets it says.
    pub fn sentence(&self) -> String {
        format!(
            "code {:03} {} (`{}`) was withdrawn in table {}; last listed in {}",
            self.number,
            self.heading.value(),
            self.name,
            self.removed.value(),
            self.last.value()
        )
    }

    /// The type of its shadow, whose name says it wherever the compiler shows it:
    /// `InsurerCheckRequired_code_017_withdrawn_in_table_1_26_last_listed_in_1_25`.
    pub fn marker(&self) -> Ident {
        format_ident!(
            "{}_code_{:03}_withdrawn_in_table_{}_last_listed_in_{}",
            self.name,
            self.number,
            self.removed.value().replace('.', "_"),
            self.last.value().replace('.', "_")
        )
    }
}

impl WithdrawnIdInput {
    /// What every error and deprecation that meets it says.
    pub fn sentence(&self) -> String {
        let what = match self.id {
            ListedId::Exact(v, _) => format!("message ID 0x{v:08X}"),
            ListedId::Range(s, e, _) => format!("message ID range 0x{s:08X}..=0x{e:08X}"),
        };
        format!(
            "{what} (`{}`) of code {:03} was withdrawn in table {}; last listed in {}",
            self.name,
            self.code,
            self.removed.value(),
            self.last.value()
        )
    }

    /// The type of its shadow:
    /// `Id8100000D_of_code_017_withdrawn_in_table_1_26_last_listed_in_1_25`.
    pub fn marker(&self) -> Ident {
        format_ident!(
            "{}_of_code_{:03}_withdrawn_in_table_{}_last_listed_in_{}",
            self.name,
            self.code,
            self.removed.value().replace('.', "_"),
            self.last.value().replace('.', "_")
        )
    }
}

/// `{ key: value, … }` of a withdrawn entry: its fields in order.
fn withdrawn_fields(
    input: ParseStream,
) -> syn::Result<(Option<u16>, Option<LitStr>, LitStr, LitStr)> {
    let body;
    braced!(body in input);
    let (mut code, mut heading) = (None, None);
    if body.peek(kw::code) {
        body.parse::<kw::code>()?;
        body.parse::<Token![:]>()?;
        let number: LitInt = body.parse()?;
        code = Some(int(&number, "a three-digit code")?);
        body.parse::<Token![,]>()?;
    }
    if body.peek(kw::heading) {
        body.parse::<kw::heading>()?;
        body.parse::<Token![:]>()?;
        heading = Some(body.parse()?);
        body.parse::<Token![,]>()?;
    }
    body.parse::<kw::last>()?;
    body.parse::<Token![:]>()?;
    let last: LitStr = body.parse()?;
    body.parse::<Token![,]>()?;
    body.parse::<kw::removed>()?;
    body.parse::<Token![:]>()?;
    let removed: LitStr = body.parse()?;
    body.parse::<Token![,]>()?;
    Ok((code, heading, last, removed))
}

impl HistoryInput {
    fn parse_body(input: ParseStream) -> syn::Result<HistoryInput> {
        let body;
        braced!(body in input);
        body.parse::<kw::versions>()?;
        body.parse::<Token![:]>()?;
        let versions = strings(&body)?;
        body.parse::<Token![,]>()?;
        let mut history = HistoryInput {
            versions,
            codes: Vec::new(),
            ids: Vec::new(),
            withdrawn_codes: Vec::new(),
            withdrawn_ids: Vec::new(),
        };
        while !body.is_empty() {
            let lookahead = body.lookahead1();
            if lookahead.peek(kw::withdrawn) {
                body.parse::<kw::withdrawn>()?;
                if body.peek(kw::code) {
                    body.parse::<kw::code>()?;
                    let number: LitInt = body.parse()?;
                    let number = int(&number, "a three-digit code")?;
                    let name: Ident = body.parse()?;
                    let (_, heading, last, removed) = withdrawn_fields(&body)?;
                    let heading = heading.ok_or_else(|| {
                        syn::Error::new(name.span(), "a withdrawn code needs its `heading`")
                    })?;
                    history.withdrawn_codes.push(WithdrawnCodeInput {
                        number,
                        name,
                        heading,
                        last,
                        removed,
                    });
                } else {
                    body.parse::<kw::id>()?;
                    let id: ListedId = body.parse()?;
                    let name: Ident = body.parse()?;
                    let (code, _, last, removed) = withdrawn_fields(&body)?;
                    let code = code.ok_or_else(|| {
                        syn::Error::new(name.span(), "a withdrawn ID needs its `code`")
                    })?;
                    history.withdrawn_ids.push(WithdrawnIdInput {
                        id,
                        name,
                        code,
                        last,
                        removed,
                    });
                }
                body.parse::<Token![,]>()?;
            } else if lookahead.peek(kw::code) {
                body.parse::<kw::code>()?;
                let number: LitInt = body.parse()?;
                body.parse::<Token![:]>()?;
                let listed = strings(&body)?;
                body.parse::<Token![,]>()?;
                history
                    .codes
                    .push((int(&number, "a three-digit code")?, number.span(), listed));
            } else if lookahead.peek(kw::id) {
                body.parse::<kw::id>()?;
                let id: ListedId = body.parse()?;
                body.parse::<Token![:]>()?;
                let listed = strings(&body)?;
                body.parse::<Token![,]>()?;
                history.ids.push((id, listed));
            } else {
                return Err(lookahead.error());
            }
        }
        Ok(history)
    }

    /// The rustdoc sentence of an entry listed in `listed_in` (`None`: in every version).
    pub fn sentence(&self, listed_in: Option<&[String]>) -> String {
        let all = self.versions.as_slice();
        let span = |list: &[String]| match list {
            [] => String::new(),
            [one] => one.clone(),
            [first, .., last] => format!("{first}–{last}"),
        };
        let Some(listed_in) = listed_in else {
            return format!("In every version in spec/ ({}).", span(all));
        };
        let start = all.iter().position(|v| Some(v) == listed_in.first());
        let contiguous = start.is_some_and(|start| all.get(start..) == Some(listed_in));
        match (contiguous, listed_in.first()) {
            (true, Some(first)) => format!("Listed since {first} (spec/ holds {}).", span(all)),
            _ => format!(
                "Listed in {} of the versions in spec/ ({}).",
                listed_in.join(", "),
                all.join(", ")
            ),
        }
    }

    /// The sentence for a code.
    pub fn code_sentence(&self, number: u16) -> String {
        self.sentence(
            self.codes
                .iter()
                .find(|(n, _, _)| *n == number)
                .map(|(_, _, l)| l.as_slice()),
        )
    }

    /// The sentence for an exact ID (`end` None) or a range.
    pub fn id_sentence(&self, start: u32, end: Option<u32>) -> String {
        self.sentence(
            self.ids
                .iter()
                .find(|(id, _)| match (*id, end) {
                    (ListedId::Exact(v, _), None) => v == start,
                    (ListedId::Range(s, e, _), Some(end)) => (s, e) == (start, end),
                    _ => false,
                })
                .map(|(_, l)| l.as_slice()),
        )
    }
}

/// `["1.25", "1.26"]`
fn strings(input: ParseStream) -> syn::Result<Vec<String>> {
    let content;
    bracketed!(content in input);
    let items = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(items.iter().map(LitStr::value).collect())
}

/// `range InternalVersionError = 0xF0000000..=0xF7FFFFFF;`
pub struct RangeDecl {
    pub name: Ident,
    pub start: u32,
    pub end: u32,
    pub span: Span,
}

/// `footnote 1 { marker: "※１", text: "…", }`
pub struct FootnoteInput {
    pub number: u8,
    pub span: Span,
    pub marker: LitStr,
    pub text: LitStr,
}

/// `code 001 CardNotRecognized { tags: […], heading: "…", message: "…", footnotes: […], row {…}… }`
pub struct CodeInput {
    pub number: u16,
    pub number_span: Span,
    pub name: Ident,
    pub tags: Vec<LitStr>,
    pub heading: LitStr,
    pub message: LitStr,
    pub footnotes: Vec<(u8, Span)>,
    pub rows: Vec<RowInput>,
}

/// One row under a code.
pub struct RowInput {
    pub kind: LitStr,
    pub ids: Vec<ListedId>,
    pub cause: LitStr,
    pub remedy: LitStr,
    pub contact: LitStr,
    pub footnotes: Vec<(u8, Span)>,
    pub details: Vec<DetailInput>,
}

/// A code a cause lists: `received 0xF0301D1A => "…"` or `portal 860..=990 => "…"`.
pub struct DetailInput {
    pub code: DetailCodeInput,
    pub text: LitStr,
}

/// The code of a [`DetailInput`].
pub enum DetailCodeInput {
    Received(u32),
    Portal(u16, u16),
}

impl Parse for DetailInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        let code = if lookahead.peek(kw::received) {
            input.parse::<kw::received>()?;
            let lit: LitInt = input.parse()?;
            DetailCodeInput::Received(int(&lit, "an error code such as 0xF0301D1A")?)
        } else if lookahead.peek(kw::portal) {
            input.parse::<kw::portal>()?;
            let first: LitInt = input.parse()?;
            input.parse::<Token![..=]>()?;
            let last: LitInt = input.parse()?;
            DetailCodeInput::Portal(
                int(&first, "a portal error code such as 005")?,
                int(&last, "a portal error code such as 990")?,
            )
        } else {
            return Err(lookahead.error());
        };
        input.parse::<Token![=>]>()?;
        Ok(DetailInput {
            code,
            text: input.parse()?,
        })
    }
}

/// An exact message ID or a range, as a row lists it.
#[derive(Clone, Copy)]
pub enum ListedId {
    Exact(u32, Span),
    Range(u32, u32, Span),
}

/// `name: value,` where the name must be the one expected.
fn field<T: Parse>(input: ParseStream, name: &str) -> syn::Result<T> {
    let ident: Ident = input.parse()?;
    if ident != name {
        return Err(syn::Error::new(
            ident.span(),
            format!("expected the field `{name}`, found `{ident}`"),
        ));
    }
    input.parse::<Token![:]>()?;
    let value = input.parse()?;
    input.parse::<Token![,]>()?;
    Ok(value)
}

/// `name: [a, b, …],`
fn list_field<T: Parse>(input: ParseStream, name: &str) -> syn::Result<Vec<T>> {
    let ident: Ident = input.parse()?;
    if ident != name {
        return Err(syn::Error::new(
            ident.span(),
            format!("expected the field `{name}`, found `{ident}`"),
        ));
    }
    input.parse::<Token![:]>()?;
    let content;
    bracketed!(content in input);
    let items = Punctuated::<T, Token![,]>::parse_terminated(&content)?;
    input.parse::<Token![,]>()?;
    Ok(items.into_iter().collect())
}

fn int<N: std::str::FromStr>(lit: &LitInt, what: &str) -> syn::Result<N>
where
    N::Err: std::fmt::Display,
{
    lit.base10_parse::<N>()
        .map_err(|err| syn::Error::new(lit.span(), format!("expected {what}: {err}")))
}

fn footnote_list(input: ParseStream) -> syn::Result<Vec<(u8, Span)>> {
    list_field::<LitInt>(input, "footnotes")?
        .iter()
        .map(|lit| Ok((int(lit, "a footnote number")?, lit.span())))
        .collect()
}

impl Parse for ListedId {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let start: LitInt = input.parse()?;
        let start_value = int(&start, "a message ID such as 0x03000001")?;
        if input.peek(Token![..=]) {
            input.parse::<Token![..=]>()?;
            let end: LitInt = input.parse()?;
            let end_value = int(&end, "a message ID such as 0xF7FFFFFF")?;
            Ok(ListedId::Range(start_value, end_value, start.span()))
        } else {
            Ok(ListedId::Exact(start_value, start.span()))
        }
    }
}

impl Parse for TableInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        input.parse::<kw::title>()?;
        input.parse::<Token![:]>()?;
        let title: LitStr = input.parse()?;
        input.parse::<Token![,]>()?;
        input.parse::<kw::version>()?;
        input.parse::<Token![:]>()?;
        let version: LitStr = input.parse()?;
        input.parse::<Token![,]>()?;
        let history = if input.peek(kw::history) {
            input.parse::<kw::history>()?;
            Some(HistoryInput::parse_body(input)?)
        } else {
            None
        };

        let mut table = TableInput {
            title,
            version,
            history,
            ranges: Vec::new(),
            footnotes: Vec::new(),
            codes: Vec::new(),
        };
        while !input.is_empty() {
            let lookahead = input.lookahead1();
            if lookahead.peek(kw::range) {
                input.parse::<kw::range>()?;
                let name: Ident = input.parse()?;
                input.parse::<Token![=]>()?;
                let id: ListedId = input.parse()?;
                input.parse::<Token![;]>()?;
                let ListedId::Range(start, end, span) = id else {
                    return Err(syn::Error::new(
                        name.span(),
                        "expected a range such as 0xF0000000..=0xF7FFFFFF",
                    ));
                };
                table.ranges.push(RangeDecl {
                    name,
                    start,
                    end,
                    span,
                });
            } else if lookahead.peek(kw::footnote) {
                input.parse::<kw::footnote>()?;
                let number: LitInt = input.parse()?;
                let body;
                braced!(body in input);
                table.footnotes.push(FootnoteInput {
                    number: int(&number, "a footnote number")?,
                    span: number.span(),
                    marker: field(&body, "marker")?,
                    text: field(&body, "text")?,
                });
            } else if lookahead.peek(kw::code) {
                table.codes.push(parse_code(input)?);
            } else {
                return Err(lookahead.error());
            }
        }
        Ok(table)
    }
}

fn parse_code(input: ParseStream) -> syn::Result<CodeInput> {
    input.parse::<kw::code>()?;
    let number: LitInt = input.parse()?;
    let digits = number.to_string();
    if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(syn::Error::new(
            number.span(),
            format!("expected a three-digit code such as 001, found {digits}"),
        ));
    }
    let name: Ident = input.parse()?;
    let body;
    braced!(body in input);
    let mut code = CodeInput {
        number: int(&number, "a three-digit code")?,
        number_span: number.span(),
        name,
        tags: list_field(&body, "tags")?,
        heading: field(&body, "heading")?,
        message: field(&body, "message")?,
        footnotes: footnote_list(&body)?,
        rows: Vec::new(),
    };
    while !body.is_empty() {
        body.parse::<kw::row>()?;
        let row;
        braced!(row in body);
        code.rows.push(RowInput {
            kind: field(&row, "kind")?,
            ids: list_field(&row, "ids")?,
            cause: field(&row, "cause")?,
            remedy: field(&row, "remedy")?,
            contact: field(&row, "contact")?,
            footnotes: footnote_list(&row)?,
            details: if row.peek(kw::details) {
                list_field(&row, "details")?
            } else {
                Vec::new()
            },
        });
    }
    Ok(code)
}

/// Collects errors so that all of them are reported at once.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        let error = syn::Error::new(span, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

impl TableInput {
    /// Checks what the parser cannot: unique codes, names and footnotes, declared ranges,
    /// cited footnotes that exist.
    pub fn check(&self) -> syn::Result<()> {
        let mut errors = Errors::default();
        // The table's own rules, as codegen's reader checks them: in one place, the model.
        match self.model() {
            Ok(table) => {
                for violation in table.violations() {
                    errors.push(self.span_of(&violation), table.describe(&violation));
                }
            }
            Err(error) => errors.push(error.span(), error),
        }
        // What only this input has: the history, the variant names and the declared ranges.
        if let Some(history) = &self.history {
            for (number, span, _) in &history.codes {
                if !self.codes.iter().any(|c| c.number == *number) {
                    errors.push(
                        *span,
                        format!(
                            "the history names code {number:03}, which the table does not list"
                        ),
                    );
                }
            }
        }
        for (i, code) in self.codes.iter().enumerate() {
            if let Some(first) = self.codes[..i].iter().find(|c| c.name == code.name) {
                errors.push(
                    code.name.span(),
                    format!(
                        "the name `{}` is used twice (first for code {:03})",
                        code.name, first.number
                    ),
                );
            }
        }
        let mut range_names: Vec<&Ident> = Vec::new();
        for (i, range) in self.ranges.iter().enumerate() {
            if range.start > range.end {
                errors.push(range.span, "a range's end is below its start");
            }
            if self.ranges[..i]
                .iter()
                .any(|r| (r.start, r.end) == (range.start, range.end))
            {
                errors.push(range.span, "this range is declared twice");
            }
            if let Some(first) = range_names.iter().find(|n| **n == &range.name) {
                errors.push(
                    range.name.span(),
                    format!("the range name `{first}` is used twice"),
                );
            }
            if range.start <= range.end && self.first_free_value(range.start, range.end).is_none() {
                errors.push(
                    range.span,
                    "every value of this range is an exact message ID of the table: its variant could hold no value",
                );
            }
            if is_id_name(&range.name.to_string()) {
                errors.push(
                    range.name.span(),
                    format!(
                        "`{}` has the form of an exact message ID's variant",
                        range.name
                    ),
                );
            }
            range_names.push(&range.name);
        }
        for id in self.codes.iter().flat_map(|c| &c.rows).flat_map(|r| &r.ids) {
            if let ListedId::Range(start, end, span) = *id {
                if self.range_name(start, end).is_none() {
                    errors.push(
                        span,
                        format!("the range 0x{start:08X}..=0x{end:08X} has no `range NAME = …;` declaration"),
                    );
                }
            }
        }
        errors.finish()
    }

    /// The input as the table crate's model, whose rules it must keep.
    fn model(&self) -> syn::Result<Table> {
        let version = self.version.value().parse().map_err(|_| {
            syn::Error::new(self.version.span(), "expected a version such as \"1.25\"")
        })?;
        let codes = self
            .codes
            .iter()
            .map(|code| {
                let number = CodeNumber::new(code.number).ok_or_else(|| {
                    syn::Error::new(code.number_span, "expected a three-digit code")
                })?;
                Ok(CodeEntry {
                    number,
                    tags: code.tags.iter().map(LitStr::value).collect(),
                    heading: code.heading.value(),
                    message: code.message.value(),
                    footnotes: code.footnotes.iter().map(|(n, _)| *n).collect(),
                    rows: code
                        .rows
                        .iter()
                        .map(|row| Row {
                            kind: row.kind.value(),
                            message_ids: row
                                .ids
                                .iter()
                                .map(|id| match *id {
                                    ListedId::Exact(value, _) => {
                                        ModelId::Exact(MessageIdValue(value))
                                    }
                                    ListedId::Range(start, end, _) => ModelId::Range {
                                        start: MessageIdValue(start),
                                        end: MessageIdValue(end),
                                    },
                                })
                                .collect(),
                            cause: row.cause.value(),
                            remedy: row.remedy.value(),
                            contact: row.contact.value(),
                            footnotes: row.footnotes.iter().map(|(n, _)| *n).collect(),
                            details: Vec::new(),
                        })
                        .collect(),
                })
            })
            .collect::<syn::Result<Vec<CodeEntry>>>()?;
        Ok(Table {
            title: self.title.value(),
            version,
            codes,
            footnotes: self
                .footnotes
                .iter()
                .map(|note| Footnote {
                    number: note.number,
                    marker: note.marker.value(),
                    text: note.text.value(),
                })
                .collect(),
        })
    }

    /// Where in the input a violation of the table's rules is.
    fn span_of(&self, violation: &Violation) -> Span {
        let code = |i: usize| &self.codes[i];
        let cited = |list: &[(u8, Span)], number: u8| {
            list.iter()
                .find(|(n, _)| *n == number)
                .map(|(_, span)| *span)
        };
        match *violation {
            Violation::DuplicateCode { again, .. } => code(again).number_span,
            Violation::CodeWithoutRows { code: c } => code(c).name.span(),
            Violation::MissingFootnote {
                code: c,
                row,
                number,
            } => {
                let list = match row {
                    Some(r) => &code(c).rows[r].footnotes,
                    None => &code(c).footnotes,
                };
                cited(list, number).unwrap_or_else(|| code(c).name.span())
            }
            Violation::ReversedRange { code: c, row, id }
            | Violation::RepeatedId { code: c, row, id } => match code(c).rows[row].ids[id] {
                ListedId::Exact(_, span) | ListedId::Range(_, _, span) => span,
            },
            Violation::DuplicateFootnote { again, .. } => self.footnotes[again].span,
        }
    }

    /// The lowest value of a range that no row lists as an exact ID: the value that
    /// stands for the range's variant in `MessageId::ALL`.
    pub fn first_free_value(&self, start: u32, end: u32) -> Option<u32> {
        let exact: std::collections::BTreeSet<u32> = self
            .codes
            .iter()
            .flat_map(|c| &c.rows)
            .flat_map(|r| &r.ids)
            .filter_map(|id| match *id {
                ListedId::Exact(value, _) => Some(value),
                ListedId::Range(..) => None,
            })
            .collect();
        (start..=end).find(|value| !exact.contains(value))
    }

    /// The declared name of a range.
    pub fn range_name(&self, start: u32, end: u32) -> Option<&Ident> {
        self.ranges
            .iter()
            .find(|r| (r.start, r.end) == (start, end))
            .map(|r| &r.name)
    }
}

/// `Id` and eight hex digits: the names exact message IDs take.
pub fn is_id_name(name: &str) -> bool {
    name.strip_prefix("Id")
        .is_some_and(|hex| hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(input: &str) -> Vec<String> {
        let tokens: proc_macro2::TokenStream = input.parse().unwrap();
        match syn::parse2::<TableInput>(tokens) {
            Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
            Ok(table) => match table.check() {
                Ok(()) => Vec::new(),
                Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
            },
        }
    }

    const ROW: &str = r#"row { kind: "k", ids: [0x03000001], cause: "c", remedy: "r", contact: "-", footnotes: [], }"#;

    #[test]
    fn the_history_says_since_when_each_entry_is_listed() {
        let input = format!(
            r#"title: "t_1.26版", version: "1.26",
            history {{ versions: ["1.24", "1.25", "1.26"], code 002: ["1.26"], code 003: ["1.24", "1.26"], id 0x03000001: ["1.25", "1.26"], }}
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}
            code 002 B {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}
            code 003 C {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
        );
        assert_eq!(errors(&input), Vec::<String>::new());
        let table: TableInput = syn::parse_str(&input).unwrap();
        let history = table.history.unwrap();
        assert_eq!(
            history.code_sentence(1),
            "In every version in spec/ (1.24–1.26)."
        );
        assert_eq!(
            history.code_sentence(2),
            "Listed since 1.26 (spec/ holds 1.24–1.26)."
        );
        assert_eq!(
            history.code_sentence(3),
            "Listed in 1.24, 1.26 of the versions in spec/ (1.24, 1.25, 1.26)."
        );
        assert_eq!(
            history.id_sentence(0x03000001, None),
            "Listed since 1.25 (spec/ holds 1.24–1.26)."
        );
        let one = r#"title: "t", version: "1.25", history { versions: ["1.25"], }"#;
        let one: TableInput = syn::parse_str(one).unwrap();
        assert_eq!(
            one.history.unwrap().code_sentence(1),
            "In every version in spec/ (1.25)."
        );
    }

    #[test]
    fn the_history_names_only_codes_of_the_table() {
        let input = format!(
            r#"title: "t", version: "1.25", history {{ versions: ["1.25"], code 009: ["1.25"], }}
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
        );
        assert_eq!(
            errors(&input),
            ["the history names code 009, which the table does not list"]
        );
    }

    #[test]
    fn a_valid_table_has_no_errors() {
        let input = format!(
            r#"title: "t_1.25版", version: "1.25",
            range Big = 0xF0000000..=0xF7FFFFFF;
            footnote 1 {{ marker: "※１", text: "注", }}
            code 001 CardNotRecognized {{ tags: ["手順誤り"], heading: "h", message: "m", footnotes: [1], {ROW} }}"#
        );
        assert_eq!(errors(&input), Vec::<String>::new());
    }

    #[test]
    fn every_inconsistency_is_reported_at_once() {
        let input = format!(
            r#"title: "t", version: "1.25",
            range Id04000011 = 0xF0000000..=0xF7FFFFFF;
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [3], {ROW} }}
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], }}
            code 002 B {{ tags: [], heading: "h", message: "m", footnotes: [],
                row {{ kind: "k", ids: [0x01000001, 0x01000001, 0xF8000000..=0xFFFFFFFF], cause: "c", remedy: "r", contact: "-", footnotes: [], }} }}"#
        );
        assert_eq!(
            errors(&input),
            [
                "no footnote 3 in this table",
                "code 001 appears twice",
                "code 001 has no row",
                "0x01000001 is listed twice in one row",
                "the name `A` is used twice (first for code 001)",
                "`Id04000011` has the form of an exact message ID's variant",
                "the range 0xF8000000..=0xFFFFFFFF has no `range NAME = …;` declaration",
            ]
        );
    }

    #[test]
    fn ranges_are_checked_for_order_repeats_and_names() {
        let input = format!(
            r#"title: "t", version: "1.25",
            range Backwards = 0xF7FFFFFF..=0xF0000000;
            range One = 0xF8000000..=0xF8000000;
            range Twice = 0xF9000000..=0xF9000001;
            range Again = 0xF9000000..=0xF9000001;
            range One = 0xFA000000..=0xFA000001;
            range AlsoBackwards = 0xFB000001..=0xFB000000;
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
        );
        let found = errors(&input);
        let said = |message: &str| found.iter().filter(|e| *e == message).count();
        // Two ranges end below their start; `One`, of one value, does not.
        assert_eq!(said("a range's end is below its start"), 2, "{found:?}");
        assert_eq!(said("this range is declared twice"), 1, "{found:?}");
        assert_eq!(said("the range name `One` is used twice"), 1, "{found:?}");
    }

    /// A range every value of which a row lists exactly could hold no value: refused.
    #[test]
    fn a_range_needs_a_value_no_exact_id_takes() {
        let input = r#"title: "t", version: "1.25",
            range One = 0xF8000000..=0xF8000001;
            code 001 A { tags: [], heading: "h", message: "m", footnotes: [],
                row { kind: "k", ids: [0xF8000000, 0xF8000001, 0xF8000000..=0xF8000001], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;
        assert_eq!(
            errors(input),
            ["every value of this range is an exact message ID of the table: its variant could hold no value"]
        );
        let table: TableInput =
            syn::parse_str(&input.replace("0xF8000001, 0xF8000000..", "0xF8000000..")).unwrap();
        assert_eq!(
            table.first_free_value(0xF800_0000, 0xF800_0001),
            Some(0xF800_0001)
        );
    }

    #[test]
    fn id_names_are_id_and_eight_hex_digits() {
        assert!(is_id_name("Id04000011"));
        assert!(is_id_name("IdF000000a"));
        assert!(!is_id_name("IdABC"));
        assert!(!is_id_name("IdGGGGGGGG"));
        assert!(!is_id_name("Id040000111"));
        assert!(!is_id_name("Ix04000011"));
    }

    #[test]
    fn the_history_tells_a_range_from_an_exact_id() {
        let input = format!(
            r#"title: "t_1.26版", version: "1.26",
            history {{ versions: ["1.24", "1.25", "1.26"], id 0xF0000000: ["1.24", "1.26"], id 0xF0000000..=0xF7FFFFFF: ["1.26"], id 0xF8000000..=0xFFFFFFFF: ["1.25", "1.26"], }}
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
        );
        let table: TableInput = syn::parse_str(&input).unwrap();
        let history = table.history.unwrap();
        assert_eq!(
            history.id_sentence(0xF0000000, None),
            "Listed in 1.24, 1.26 of the versions in spec/ (1.24, 1.25, 1.26)."
        );
        // Not in the history: in every version.
        assert_eq!(
            history.id_sentence(0xF8000000, None),
            "In every version in spec/ (1.24–1.26)."
        );
        assert_eq!(
            history.id_sentence(0xF0000000, Some(0xF7FFFFFF)),
            "Listed since 1.26 (spec/ holds 1.24–1.26)."
        );
        assert_eq!(
            history.id_sentence(0xF8000000, Some(0xFFFFFFFF)),
            "Listed since 1.25 (spec/ holds 1.24–1.26)."
        );
    }

    /// A footnote cited but missing is reported where it is cited, not at another note of
    /// the same list.
    #[test]
    fn a_missing_footnote_is_reported_where_it_is_cited() {
        let input = format!(
            r#"title: "t", version: "1.25",
            footnote 1 {{ marker: "※１", text: "注", }}
            code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [1, 3], {ROW} }}"#
        );
        let table: TableInput = syn::parse_str(&input).unwrap();
        let error = table.check().unwrap_err();
        let at = error.span().start();
        let line = input.lines().nth(at.line - 1).unwrap();
        let cited = line.find("[1, 3]").unwrap() + "[1, ".len();
        assert_eq!(error.to_string(), "no footnote 3 in this table");
        assert_eq!(line[..cited].chars().count(), at.column);
    }

    #[test]
    fn syntax_errors_name_the_expected_field() {
        let input = r#"title: "t", version: "1.25", code 001 A { tags: [], headline: "h", }"#;
        assert_eq!(
            errors(input),
            ["expected the field `heading`, found `headline`"]
        );
        let input = r#"title: "t", version: "1.25", code 1 A { }"#;
        assert_eq!(
            errors(input),
            ["expected a three-digit code such as 001, found 1"]
        );
    }
}
