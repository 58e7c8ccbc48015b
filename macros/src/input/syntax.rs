//! The input's syntax, read straight into the model: `title`, `version`, the `history`,
//! the declared ranges, the footnotes, then one `code` block per code with its rows. A
//! row's texts are those [`RowText`] lists, each under its field's name, in any order.

use oqs_messages_table::{
    CodeEntry, CodeListing, CodeNumber, Detail, DetailCode, Footnote, History, IdListing, ListedId,
    MessageIdValue, Row, RowText, Table, Version, Withdrawal, WithdrawnEntry,
};
use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{braced, bracketed, Ident, LitInt, LitStr, Token};

use super::table::{CodeSpans, RangeDecl, RowSpans, Spans, TableInput};

mod kw {
    syn::custom_keyword!(title);
    syn::custom_keyword!(version);
    syn::custom_keyword!(range);
    syn::custom_keyword!(footnote);
    syn::custom_keyword!(code);
    syn::custom_keyword!(row);
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

/// `history { versions: ["1.25", "1.26"], code 017: ["1.26"], id 0x04000011: ["1.25"], … }`
/// as written: the versions of `spec/` read, oldest first, the codes and IDs of the table
/// that not all of them list with the versions that do, and the withdrawn entries. It
/// becomes the model's [`History`] once the codes are read.
struct HistoryBlock {
    versions: Vec<Version>,
    codes: Vec<(u16, Span, Vec<Version>)>,
    ids: Vec<(ListedId, Vec<Version>)>,
    withdrawals: Vec<(Withdrawal, Ident)>,
}

impl HistoryBlock {
    /// The model's history of this table: every code and ID it lists, with the versions
    /// the block gives it, or every version where the block gives none.
    fn history(self, table: &Table) -> History {
        let listed = |given: Option<&Vec<Version>>| given.unwrap_or(&self.versions).clone();
        History {
            codes: table
                .codes
                .iter()
                .map(|code| CodeListing {
                    number: code.number,
                    listed_in: listed(
                        self.codes
                            .iter()
                            .find(|(n, _, _)| *n == code.number.get())
                            .map(|(_, _, l)| l),
                    ),
                })
                .collect(),
            message_ids: table
                .listed_ids()
                .into_iter()
                .map(|id| IdListing {
                    id,
                    listed_in: listed(self.ids.iter().find(|(i, _)| *i == id).map(|(_, l)| l)),
                })
                .collect(),
            versions: self.versions,
            ..History::default()
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
        let version = version(&input.parse()?)?;
        input.parse::<Token![,]>()?;
        let history = if input.peek(kw::history) {
            input.parse::<kw::history>()?;
            Some(history_block(input)?)
        } else {
            None
        };

        let mut table = Table {
            title: title.value(),
            version,
            codes: Vec::new(),
            footnotes: Vec::new(),
        };
        let mut spans = Spans::default();
        let (mut code_names, mut ranges) = (Vec::new(), Vec::new());
        while !input.is_empty() {
            let lookahead = input.lookahead1();
            if lookahead.peek(kw::range) {
                input.parse::<kw::range>()?;
                let name: Ident = input.parse()?;
                input.parse::<Token![=]>()?;
                let (id, span) = listed_id(input)?;
                input.parse::<Token![;]>()?;
                let ListedId::Range { start, end } = id else {
                    return Err(syn::Error::new(
                        name.span(),
                        "expected a range such as 0xF0000000..=0xF7FFFFFF",
                    ));
                };
                ranges.push(RangeDecl {
                    name,
                    start: start.value(),
                    end: end.value(),
                    span,
                });
            } else if lookahead.peek(kw::footnote) {
                input.parse::<kw::footnote>()?;
                let number: LitInt = input.parse()?;
                let body;
                braced!(body in input);
                table.footnotes.push(Footnote {
                    number: int(&number, "a footnote number")?,
                    marker: field::<LitStr>(&body, "marker")?.value(),
                    text: field::<LitStr>(&body, "text")?.value(),
                });
                spans.footnotes.push(number.span());
            } else if lookahead.peek(kw::code) {
                let (entry, name, code_spans) = code(input)?;
                table.codes.push(entry);
                code_names.push(name);
                spans.codes.push(code_spans);
            } else {
                return Err(lookahead.error());
            }
        }
        let (history, withdrawals) = match history {
            Some(mut block) => {
                let named = std::mem::take(&mut block.withdrawals);
                spans.history_codes = block.codes.iter().map(|(n, s, _)| (*n, *s)).collect();
                let (withdrawals, names) = named.into_iter().unzip();
                spans.withdrawal_names = names;
                (Some(block.history(&table)), withdrawals)
            }
            None => (None, Vec::new()),
        };
        Ok(TableInput {
            table,
            history,
            withdrawals,
            code_names,
            ranges,
            spans,
        })
    }
}

/// `code 001 CardNotRecognized { tags: […], heading: "…", message: "…", footnotes: […],
/// row {…}… }`
fn code(input: ParseStream) -> syn::Result<(CodeEntry, Ident, CodeSpans)> {
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
    let tags = list_field::<LitStr>(&body, "tags")?;
    let heading: LitStr = field(&body, "heading")?;
    let message: LitStr = field(&body, "message")?;
    let (footnotes, footnote_spans) = footnote_list(&body)?;
    let mut entry = CodeEntry {
        number: code_number(&number)?,
        tags: tags.iter().map(LitStr::value).collect(),
        heading: heading.value(),
        message: message.value(),
        footnotes,
        rows: Vec::new(),
    };
    let mut spans = CodeSpans {
        number: number.span(),
        footnotes: footnote_spans,
        rows: Vec::new(),
    };
    while !body.is_empty() {
        body.parse::<kw::row>()?;
        let (row, row_spans) = row(&body)?;
        entry.rows.push(row);
        spans.rows.push(row_spans);
    }
    Ok((entry, name, spans))
}

/// `row { ids: [0x03000001], kind: "…", cause: "…", remedy: "…", contact: "…",
/// footnotes: [1], details: [received 0xF0301D1A => "…"], }`: its fields in any order,
/// each once; `ids` and `footnotes` are required, `details` may be left out, and so may a
/// text, which is then empty (as a text the table leaves empty).
fn row(input: ParseStream) -> syn::Result<(Row, RowSpans)> {
    let body;
    let brace = braced!(body in input);
    let mut row = Row::default();
    let (mut ids, mut footnotes) = (None, None);
    let mut seen: Vec<String> = Vec::new();
    while !body.is_empty() {
        let name: Ident = body.parse()?;
        let key = name.to_string();
        if seen.contains(&key) {
            return Err(syn::Error::new(
                name.span(),
                format!("the field `{key}` is given twice"),
            ));
        }
        body.parse::<Token![:]>()?;
        match key.as_str() {
            "ids" => {
                let content;
                bracketed!(content in body);
                let listed = Punctuated::<IdToken, Token![,]>::parse_terminated(&content)?;
                ids = Some(listed.into_iter().map(|id| (id.0, id.1)).unzip());
            }
            "footnotes" => footnotes = Some(footnote_numbers(&body)?),
            "details" => {
                let content;
                bracketed!(content in body);
                row.details = Punctuated::<DetailToken, Token![,]>::parse_terminated(&content)?
                    .into_iter()
                    .map(|d| d.0)
                    .collect();
            }
            _ => match RowText::from_name(&key) {
                Some(text) => *row.text_mut(text) = body.parse::<LitStr>()?.value(),
                None => {
                    let fields: Vec<&str> = ["ids"]
                        .into_iter()
                        .chain(RowText::ALL.map(RowText::name))
                        .chain(["footnotes", "details"])
                        .collect();
                    return Err(syn::Error::new(
                        name.span(),
                        format!(
                            "expected a field of a row ({}), found `{key}`",
                            fields.join(", ")
                        ),
                    ));
                }
            },
        }
        body.parse::<Token![,]>()?;
        seen.push(key);
    }
    let missing =
        |field: &str| syn::Error::new(brace.span.join(), format!("the row has no `{field}` field"));
    let (message_ids, id_spans) = ids.ok_or_else(|| missing("ids"))?;
    let (cited, footnote_spans) = footnotes.ok_or_else(|| missing("footnotes"))?;
    row.message_ids = message_ids;
    row.footnotes = cited;
    Ok((
        row,
        RowSpans {
            ids: id_spans,
            footnotes: footnote_spans,
        },
    ))
}

/// A code a cause lists: `received 0xF0301D1A => "…"` or `portal 860..=990 => "…"`.
struct DetailToken(Detail);

impl Parse for DetailToken {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        let code = if lookahead.peek(kw::received) {
            input.parse::<kw::received>()?;
            let lit: LitInt = input.parse()?;
            DetailCode::ReceivedCode {
                code: MessageIdValue(int(&lit, "an error code such as 0xF0301D1A")?),
            }
        } else if lookahead.peek(kw::portal) {
            input.parse::<kw::portal>()?;
            let first: LitInt = input.parse()?;
            input.parse::<Token![..=]>()?;
            let last: LitInt = input.parse()?;
            DetailCode::PortalError {
                first: int(&first, "a portal error code such as 005")?,
                last: int(&last, "a portal error code such as 990")?,
            }
        } else {
            return Err(lookahead.error());
        };
        input.parse::<Token![=>]>()?;
        let text: LitStr = input.parse()?;
        Ok(DetailToken(Detail {
            code,
            text: text.value(),
        }))
    }
}

/// `history { … }`, read up to the model's history, which needs the table's codes.
fn history_block(input: ParseStream) -> syn::Result<HistoryBlock> {
    let body;
    braced!(body in input);
    body.parse::<kw::versions>()?;
    body.parse::<Token![:]>()?;
    let versions = version_list(&body)?;
    body.parse::<Token![,]>()?;
    let mut block = HistoryBlock {
        versions,
        codes: Vec::new(),
        ids: Vec::new(),
        withdrawals: Vec::new(),
    };
    while !body.is_empty() {
        let lookahead = body.lookahead1();
        if lookahead.peek(kw::withdrawn) {
            body.parse::<kw::withdrawn>()?;
            block.withdrawals.push(withdrawal(&body)?);
            body.parse::<Token![,]>()?;
        } else if lookahead.peek(kw::code) {
            body.parse::<kw::code>()?;
            let number: LitInt = body.parse()?;
            body.parse::<Token![:]>()?;
            let listed = version_list(&body)?;
            body.parse::<Token![,]>()?;
            block
                .codes
                .push((int(&number, "a three-digit code")?, number.span(), listed));
        } else if lookahead.peek(kw::id) {
            body.parse::<kw::id>()?;
            let (id, _) = listed_id(&body)?;
            body.parse::<Token![:]>()?;
            let listed = version_list(&body)?;
            body.parse::<Token![,]>()?;
            block.ids.push((id, listed));
        } else {
            return Err(lookahead.error());
        }
    }
    Ok(block)
}

/// `code 017 InsurerCheckRequired { heading: "…", last: "1.25", removed: "1.26", }` or
/// `id 0x8100000D Id8100000D { code: 017, last: "1.25", removed: "1.26", }`, after
/// `withdrawn`.
fn withdrawal(input: ParseStream) -> syn::Result<(Withdrawal, Ident)> {
    enum Withdrawn {
        Code(CodeNumber),
        Id(ListedId),
    }
    let withdrawn = if input.peek(kw::code) {
        input.parse::<kw::code>()?;
        Withdrawn::Code(code_number(&input.parse()?)?)
    } else {
        input.parse::<kw::id>()?;
        Withdrawn::Id(listed_id(input)?.0)
    };
    let name: Ident = input.parse()?;
    let body;
    braced!(body in input);
    let (mut code, mut heading) = (None, None);
    if body.peek(kw::code) {
        body.parse::<kw::code>()?;
        body.parse::<Token![:]>()?;
        code = Some(code_number(&body.parse()?)?);
        body.parse::<Token![,]>()?;
    }
    if body.peek(kw::heading) {
        body.parse::<kw::heading>()?;
        body.parse::<Token![:]>()?;
        heading = Some(body.parse::<LitStr>()?.value());
        body.parse::<Token![,]>()?;
    }
    body.parse::<kw::last>()?;
    body.parse::<Token![:]>()?;
    let last_version = version(&body.parse()?)?;
    body.parse::<Token![,]>()?;
    body.parse::<kw::removed>()?;
    body.parse::<Token![:]>()?;
    let removed_in = version(&body.parse()?)?;
    body.parse::<Token![,]>()?;
    let lacks = |what: &str| syn::Error::new(name.span(), format!("a withdrawn {what}"));
    let entry = match withdrawn {
        Withdrawn::Code(number) => WithdrawnEntry::Code {
            number,
            heading: heading.ok_or_else(|| lacks("code needs its `heading`"))?,
        },
        Withdrawn::Id(id) => WithdrawnEntry::Id {
            id,
            code: code.ok_or_else(|| lacks("ID needs its `code`"))?,
        },
    };
    let withdrawal = Withdrawal {
        entry,
        name: name.to_string(),
        last_version,
        removed_in,
    };
    Ok((withdrawal, name))
}

/// An exact message ID or a range in a list, with where it stands.
struct IdToken(ListedId, Span);

impl Parse for IdToken {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let (id, span) = listed_id(input)?;
        Ok(IdToken(id, span))
    }
}

/// An exact message ID or a range, as a row lists it, with where it stands.
fn listed_id(input: ParseStream) -> syn::Result<(ListedId, Span)> {
    let start: LitInt = input.parse()?;
    let start_value = MessageIdValue(int(&start, "a message ID such as 0x03000001")?);
    if input.peek(Token![..=]) {
        input.parse::<Token![..=]>()?;
        let end: LitInt = input.parse()?;
        let end_value = MessageIdValue(int(&end, "a message ID such as 0xF7FFFFFF")?);
        Ok((
            ListedId::Range {
                start: start_value,
                end: end_value,
            },
            start.span(),
        ))
    } else {
        Ok((ListedId::Exact(start_value), start.span()))
    }
}

/// `"1.25"`
fn version(lit: &LitStr) -> syn::Result<Version> {
    lit.value()
        .parse()
        .map_err(|_| syn::Error::new(lit.span(), "expected a version such as \"1.25\""))
}

/// `["1.25", "1.26"]`
fn version_list(input: ParseStream) -> syn::Result<Vec<Version>> {
    let content;
    bracketed!(content in input);
    Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?
        .iter()
        .map(version)
        .collect()
}

/// `017`
fn code_number(lit: &LitInt) -> syn::Result<CodeNumber> {
    CodeNumber::new(int(lit, "a three-digit code")?)
        .ok_or_else(|| syn::Error::new(lit.span(), "expected a three-digit code"))
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

/// `footnotes: [1, 2],` of a code: the numbers and where each stands.
fn footnote_list(input: ParseStream) -> syn::Result<(Vec<u8>, Vec<Span>)> {
    let ident: Ident = input.parse()?;
    if ident != "footnotes" {
        return Err(syn::Error::new(
            ident.span(),
            format!("expected the field `footnotes`, found `{ident}`"),
        ));
    }
    input.parse::<Token![:]>()?;
    let cited = footnote_numbers(input)?;
    input.parse::<Token![,]>()?;
    Ok(cited)
}

/// `[1, 2]`: footnote numbers and where each stands.
fn footnote_numbers(input: ParseStream) -> syn::Result<(Vec<u8>, Vec<Span>)> {
    let content;
    bracketed!(content in input);
    let items = Punctuated::<LitInt, Token![,]>::parse_terminated(&content)?;
    let numbers = items
        .iter()
        .map(|lit| int(lit, "a footnote number"))
        .collect::<syn::Result<Vec<u8>>>()?;
    Ok((numbers, items.iter().map(LitInt::span).collect()))
}
