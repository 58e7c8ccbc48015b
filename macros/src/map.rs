//! `#[derive(CodeMap)]` and `#[derive(MessageIdMap)]`: map every code (or message ID) of
//! the table to one variant of a downstream enum, checked at compile time.
//!
//! The derive cannot see the table, so it hands the enum's mapping to a `macro_rules!`
//! that `message_table!` defined in the generated crate; that macro adds the list of
//! every code and calls [`check_map`], which checks the mapping and writes the `From`
//! impl. The table thus stays in one place, and a revision reaches every derive.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{bracketed, Data, DeriveInput, Fields, Ident, LitStr, Token};

use crate::errors::Errors;

/// Which enum of the table a derive maps.
#[derive(Clone, Copy)]
pub enum MapKind {
    Code,
    MessageId,
}

impl MapKind {
    /// The kind the callback names by the table's enum, `Code` or `MessageId`.
    fn of_enum(name: &Ident) -> syn::Result<MapKind> {
        if name == "Code" {
            Ok(MapKind::Code)
        } else if name == "MessageId" {
            Ok(MapKind::MessageId)
        } else {
            Err(syn::Error::new(
                name.span(),
                "expected the table's enum `Code` or `MessageId`",
            ))
        }
    }

    fn attribute(self) -> &'static str {
        match self {
            MapKind::Code => "codes",
            MapKind::MessageId => "message_ids",
        }
    }

    fn derive(self) -> &'static str {
        match self {
            MapKind::Code => "CodeMap",
            MapKind::MessageId => "MessageIdMap",
        }
    }

    fn example(self) -> &'static str {
        match self {
            MapKind::Code => "CardNotRecognized",
            MapKind::MessageId => "Id04000011",
        }
    }

    /// The `macro_rules!` of the generated crate that the derive calls back.
    fn callback(self) -> Ident {
        match self {
            MapKind::Code => format_ident!("__code_map"),
            MapKind::MessageId => format_ident!("__message_id_map"),
        }
    }
}

/// The path to `oqs-messages` in the crate that derives: `#[oqs_messages(crate = path)]`
/// where it is re-exported, else the name the crate's manifest gives the dependency (as
/// `oqs = { package = "oqs-messages", … }` renames it), else `::oqs_messages`.
fn crate_path(input: &DeriveInput, errors: &mut Errors) -> syn::Path {
    let mut given = None;
    for attr in input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident(CRATE_ATTRIBUTE))
    {
        let parsed = attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident("crate") {
                return Err(meta.error("expected `crate = path::to::oqs_messages`"));
            }
            let value = meta.value()?;
            // `crate = path`, or `crate = "path"` as serde writes it.
            let path = if value.peek(LitStr) {
                value.parse::<LitStr>()?.parse::<syn::Path>()?
            } else {
                value.parse::<syn::Path>()?
            };
            if given.replace(path).is_some() {
                return Err(meta.error("`crate` is given twice"));
            }
            Ok(())
        });
        if let Err(err) = parsed {
            errors.push(err.span(), err);
        }
    }
    given.unwrap_or_else(manifest_path)
}

/// The helper attribute of both derives that says where `oqs-messages` is.
pub const CRATE_ATTRIBUTE: &str = "oqs_messages";

/// `::name` for the name under which the deriving crate's manifest depends on
/// `oqs-messages` (the package's own name, unless renamed); `::oqs_messages` when the
/// manifest does not say (a build outside cargo, or a crate that depends on it through
/// another).
fn manifest_path() -> syn::Path {
    let name = crate::manifest::dependency_name("oqs-messages")
        .unwrap_or_else(|| "oqs_messages".to_owned());
    let name = Ident::new(&name, Span::call_site());
    syn::parse_quote!(::#name)
}

/// The derive: reads `#[codes(…)]` on each variant and calls the generated crate back.
pub fn derive(input: DeriveInput, kind: MapKind) -> syn::Result<TokenStream> {
    let attribute = kind.attribute();
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            format!(
                "#[derive({})] works on an enum whose variants are what codes map to",
                kind.derive()
            ),
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.generics.span(),
            format!(
                "#[derive({})] works on an enum without generic parameters",
                kind.derive()
            ),
        ));
    }
    let mut errors = Errors::default();
    let krate = crate_path(&input, &mut errors);
    let mut entries = Vec::new();
    let mut rest: Option<&Ident> = None;
    for variant in &data.variants {
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("rest")) {
            if matches!(kind, MapKind::Code) {
                errors.push(
                    attr.path().span(),
                    "#[rest] is for #[derive(MessageIdMap)]: every code is mapped by name, so that a revision that adds one stops the build",
                );
            } else if let Err(err) = attr.meta.require_path_only() {
                errors.push(err.span(), "expected #[rest], with nothing after it");
            } else if !matches!(variant.fields, Fields::Unit) {
                errors.push(
                    variant.fields.span(),
                    "the #[rest] variant carries no fields",
                );
            } else if let Some(first) = rest {
                errors.push(
                    attr.path().span(),
                    format!("#[rest] is already on `{first}`: one variant takes the rest"),
                );
            } else {
                rest = Some(&variant.ident);
            }
        }
        let mut names: Vec<Ident> = Vec::new();
        for attr in variant
            .attrs
            .iter()
            .filter(|a| a.path().is_ident(attribute))
        {
            let parsed = attr.meta.require_list().and_then(|list| {
                list.parse_args_with(Punctuated::<Ident, Token![,]>::parse_terminated)
                    .map_err(|err| {
                        syn::Error::new(
                            err.span(),
                            format!(
                                "expected names of the table's variants, such as #[{attribute}({}, …)]",
                                kind.example()
                            ),
                        )
                    })
            });
            match parsed {
                Ok(list) if list.is_empty() => errors.push(
                    attr.path().span(),
                    format!(
                        "#[{attribute}()] lists nothing; expected #[{attribute}({}, …)]",
                        kind.example()
                    ),
                ),
                Ok(list) => names.extend(list),
                Err(err) => {
                    let message = if attr.meta.require_list().is_err() {
                        format!("expected #[{attribute}({}, …)]", kind.example())
                    } else {
                        err.to_string()
                    };
                    errors.push(err.span(), message);
                }
            }
        }
        if !names.is_empty() && !matches!(variant.fields, Fields::Unit) {
            errors.push(
                variant.fields.span(),
                format!("a variant that #[{attribute}(…)] maps to carries no fields"),
            );
        }
        entries.push((variant.ident.clone(), names));
    }
    errors.finish()?;
    let target = &input.ident;
    let callback = kind.callback();
    let entries = entries
        .iter()
        .map(|(variant, names)| quote!(#variant => [#(#names),*]));
    let rest = rest.into_iter();
    Ok(quote! {
        #krate::#callback! {
            target: #target,
            map: [#(#entries),*],
            rest: [#(#rest),*],
        }
    })
}

/// The input of `check_map!`: the table's list, then the derive's mapping.
pub struct CheckMapInput {
    krate: TokenTree,
    version: LitStr,
    kind: Ident,
    attribute: Ident,
    known: Vec<Known>,
    withdrawn: Vec<WithdrawnName>,
    target: Ident,
    map: Vec<(Ident, Vec<Ident>)>,
    rest: Option<Ident>,
}

/// `InsurerCheckRequired: "code 017 … was withdrawn in table 1.26; last listed in 1.25"`
struct WithdrawnName {
    name: Ident,
    sentence: LitStr,
}

impl Parse for WithdrawnName {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = input.parse()?;
        input.parse::<Token![:]>()?;
        Ok(WithdrawnName {
            name,
            sentence: input.parse()?,
        })
    }
}

struct Known {
    name: Ident,
    /// A range variant carries a value: its pattern is `Name(_)`.
    carries_value: bool,
    label: LitStr,
}

fn label<T: Parse>(input: ParseStream, name: &str) -> syn::Result<T> {
    let ident: Ident = input.parse()?;
    if ident != name {
        return Err(syn::Error::new(ident.span(), format!("expected `{name}`")));
    }
    input.parse::<Token![:]>()?;
    let value = input.parse()?;
    input.parse::<Token![,]>()?;
    Ok(value)
}

/// `[item, item, …]`
struct List<T>(Vec<T>);

impl<T: Parse> Parse for List<T> {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let content;
        bracketed!(content in input);
        let items = Punctuated::<T, Token![,]>::parse_terminated(&content)?;
        Ok(List(items.into_iter().collect()))
    }
}

impl Parse for Known {
    /// `CardNotRecognized: "label"` or, for a range, `InternalVersionError(_): "label"`.
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = input.parse()?;
        let carries_value = input.peek(syn::token::Paren);
        if carries_value {
            let inner;
            syn::parenthesized!(inner in input);
            inner.parse::<Token![_]>()?;
        }
        input.parse::<Token![:]>()?;
        Ok(Known {
            name,
            carries_value,
            label: input.parse()?,
        })
    }
}

/// `Variant => [Name, Name, …]`
struct MapEntry(Ident, Vec<Ident>);

impl Parse for MapEntry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let variant = input.parse()?;
        input.parse::<Token![=>]>()?;
        let List(names) = input.parse()?;
        Ok(MapEntry(variant, names))
    }
}

impl Parse for CheckMapInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let krate = label(input, "krate")?;
        let version = label(input, "version")?;
        let kind = label(input, "kind")?;
        let attribute = label(input, "attribute")?;
        let List(known) = label(input, "known")?;
        let List(withdrawn) = label(input, "withdrawn")?;
        let target = label(input, "target")?;
        let List(map) = label::<List<MapEntry>>(input, "map")?;
        let List(rest) = label::<List<Ident>>(input, "rest")?;
        Ok(CheckMapInput {
            krate,
            version,
            kind,
            attribute,
            known,
            withdrawn,
            target,
            map: map
                .into_iter()
                .map(|MapEntry(v, names)| (v, names))
                .collect(),
            rest: rest.into_iter().next(),
        })
    }
}

/// Levenshtein distance, to suggest the name meant.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// Whether a name that is this far from a known one is a misspelling of it, worth a "did
/// you mean": three edits, or a quarter of a long name.
fn is_near(spelled: &str, distance: usize) -> bool {
    distance <= 3.max(spelled.len() / 4)
}

/// Checks the mapping: every known name mapped exactly once, no unknown name. Writes
/// `impl From<Code> for Target`.
pub fn check_map(input: CheckMapInput) -> syn::Result<TokenStream> {
    let CheckMapInput {
        krate,
        version,
        kind,
        attribute,
        known,
        withdrawn,
        target,
        map,
        rest,
    } = input;
    let version = version.value();
    let map_kind = MapKind::of_enum(&kind)?;
    let mut errors = Errors::default();
    let mut mapped: Vec<Option<&Ident>> = vec![None; known.len()];
    let mut arms = Vec::new();
    for (variant, names) in &map {
        let mut patterns = Vec::new();
        for name in names {
            let Some(index) = known.iter().position(|k| k.name == *name) else {
                // A withdrawn name: what happened, and no suggestion of another entry.
                if let Some(gone) = withdrawn.iter().find(|w| w.name == *name) {
                    errors.push(name.span(), gone.sentence.value());
                    continue;
                }
                let what = match map_kind {
                    MapKind::Code => "a display code",
                    MapKind::MessageId => "a message ID",
                };
                let mut message = format!("`{name}` is not {what} of table version {version}");
                let spelled = name.to_string();
                if let Some(near) = known
                    .iter()
                    .map(|k| (distance(&spelled, &k.name.to_string()), k))
                    .filter(|(d, _)| is_near(&spelled, *d))
                    .min_by_key(|(d, _)| *d)
                {
                    message.push_str(&format!("; did you mean {}?", near.1.label.value()));
                }
                errors.push(name.span(), message);
                continue;
            };
            let entry = &known[index];
            if let Some(first) = mapped[index] {
                errors.push(
                    name.span(),
                    format!(
                        "{} is mapped twice: to `{first}` and to `{variant}`; map each once",
                        entry.label.value()
                    ),
                );
                continue;
            }
            mapped[index] = Some(variant);
            let name = &entry.name;
            patterns.push(if entry.carries_value {
                quote!(#krate::#kind::#name(_))
            } else {
                quote!(#krate::#kind::#name)
            });
        }
        if !patterns.is_empty() {
            arms.push(quote!(#(#patterns)|* => #target::#variant,));
        }
    }
    for (entry, mapped) in known.iter().zip(&mapped) {
        if mapped.is_none() && rest.is_none() {
            errors.push(
                target.span(),
                format!(
                    "{} is not mapped to any variant of `{target}`; add it to one #[{attribute}(…)]",
                    entry.label.value()
                ),
            );
        }
    }
    let doc = format!("Maps each {kind} of table version {version} to a variant, as the #[{attribute}(…)] attributes say.");
    // With errors, the impl is still written (what is unmapped is unreachable, and the
    // errors stop the build), as thiserror writes a fallback: each use of `From` then adds
    // no error of its own, and every error the build shows names a code.
    let (errors, fallback) = match errors.finish() {
        // Every ID not listed, today's and those a revision adds, goes to the rest.
        Ok(()) if rest.is_some() => (
            TokenStream::new(),
            quote! {
                #[allow(unreachable_patterns)]
                _ => #target::#rest,
            },
        ),
        Ok(()) => (TokenStream::new(), TokenStream::new()),
        Err(error) => (
            error.to_compile_error(),
            quote! {
                #[allow(unreachable_patterns)]
                _ => ::core::unreachable!(),
            },
        ),
    };
    Ok(quote! {
        #errors
        #[automatically_derived]
        impl ::core::convert::From<#krate::#kind> for #target {
            #[doc = #doc]
            fn from(value: #krate::#kind) -> Self {
                match value {
                    #(#arms)*
                    #fallback
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_the_edits_between_two_names() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("WrongPn", "WrongPin"), 1);
        assert_eq!(distance("WrongPin", "WrongPin"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("Id04000011", "Id04000012"), 1);
        assert_eq!(distance("ab", "ba"), 2);
        // A letter too many, at the end and inside.
        assert_eq!(distance("abc", "a"), 2);
        assert_eq!(distance("WrongPinn", "WrongPin"), 1);
        assert_eq!(distance("WroongPin", "WrongPin"), 1);
    }

    #[test]
    fn a_long_name_may_be_a_quarter_misspelled() {
        assert!(is_near("WrongPn", 3));
        assert!(!is_near("WrongPn", 4));
        // 20 bytes: five edits are still a misspelling, six are not.
        let long = "CardNotRecognizedXYZ";
        assert!(is_near(long, 5));
        assert!(!is_near(long, 6));
    }
}
