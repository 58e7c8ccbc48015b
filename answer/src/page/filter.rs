//! The filters beside the text: by category and by whom to call, and the counts their
//! buttons show.

use serde::{Deserialize, Serialize};

use crate::answer::Shown;
use crate::say::Lang;

/// What the page asks beside the text: the filters on, by category (one of the codes'
/// tags, 【手順誤り】) and by whom to call (a contact's first line). The page's script keeps
/// it as the JSON its filter buttons carry (`data-filter`), each the filter its click asks
/// for, so that what a click does is decided here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// A tag every row shown is under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Whom every row shown names first in its contact ([`contact_party`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

impl Filter {
    /// The filter a button carries; anything unreadable (or nothing) filters nothing.
    pub fn from_json(text: &str) -> Filter {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// Whether a row passes.
    pub fn admits(&self, shown: &Shown<'_>) -> bool {
        self.tag.as_ref().is_none_or(|t| shown.tags.contains(t))
            && self
                .contact
                .as_deref()
                .is_none_or(|c| contact_party(&shown.row.contact) == c)
    }

    pub(super) fn is_on(&self) -> bool {
        self.tag.is_some() || self.contact.is_some()
    }

    /// `【手順誤り】、顔認証付きカードリーダーベンダー`.
    pub(super) fn said(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(tag) = &self.tag {
            parts.push(format!("【{tag}】"));
        }
        if let Some(contact) = &self.contact {
            parts.push(contact.clone());
        }
        parts.join(lang.pick("、", ", "))
    }

    pub(super) fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Whom a contact names: its first line (`端末導入設定ベンダー` of
/// `端末導入設定ベンダー\n※不明な場合は…`), what the page filters by.
pub fn contact_party(contact: &str) -> &str {
    contact.lines().next().unwrap_or("").trim()
}

/// Each value with how many rows have it, in the order first met.
pub(super) fn counted<'v>(values: impl IntoIterator<Item = &'v str>) -> Vec<(&'v str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, n)) => *n += 1,
            None => counts.push((value, 1)),
        }
    }
    counts
}
