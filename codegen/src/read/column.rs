//! The eight columns of the table and how their titles are recognized.

use oqs_messages_table::RowText;

/// The columns of the table, in the order the ministry publishes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// コード
    Code,
    /// エラー区分（見出し）
    Category,
    /// メッセージ内容
    Message,
    /// エラー種別（エラーの発生原因）
    Kind,
    /// メッセージID
    MessageId,
    /// 原因
    Cause,
    /// 対処(医療機関等ベンダーまたはシステム担当者向け）
    Remedy,
    /// 問合せ先
    Contact,
}

impl Column {
    /// Every column.
    pub const ALL: [Column; 8] = [
        Column::Code,
        Column::Category,
        Column::Message,
        Column::Kind,
        Column::MessageId,
        Column::Cause,
        Column::Remedy,
        Column::Contact,
    ];

    /// The title as published.
    pub fn title(self) -> &'static str {
        match self {
            Column::Code => "コード",
            Column::Category => "エラー区分（見出し）",
            Column::Message => "メッセージ内容",
            Column::Kind => "エラー種別（エラーの発生原因）",
            Column::MessageId => "メッセージID",
            Column::Cause => "原因",
            Column::Remedy => "対処(医療機関等ベンダーまたはシステム担当者向け）",
            Column::Contact => "問合せ先",
        }
    }

    /// Whether a header cell's text is this column's title. Titles are compared without
    /// blanks and line breaks, full-width letters folded; the long ones by their stem, so
    /// that `対処\n(医療機関等…)` is the remedy column.
    pub fn matches(self, text: &str) -> bool {
        // Folded as compared, without a copy: every row's first text is asked.
        let is = |title: &str| fold_title(text).eq(title.chars());
        let starts = |stem: &str| {
            let mut folded = fold_title(text);
            stem.chars().all(|c| folded.next() == Some(c))
        };
        match self {
            Column::Code => is("コード"),
            Column::Category => starts("エラー区分"),
            Column::Message => is("メッセージ内容"),
            Column::Kind => starts("エラー種別"),
            Column::MessageId => is("メッセージID"),
            Column::Cause => is("原因"),
            Column::Remedy => starts("対処"),
            Column::Contact => is("問合せ先") || is("問い合わせ先"),
        }
    }

    /// The text of a row this column holds; `None` for the code's columns and the message
    /// IDs, which are no text.
    pub fn row_text(self) -> Option<RowText> {
        match self {
            Column::Kind => Some(RowText::Kind),
            Column::Cause => Some(RowText::Cause),
            Column::Remedy => Some(RowText::Remedy),
            Column::Contact => Some(RowText::Contact),
            Column::Code | Column::Category | Column::Message | Column::MessageId => None,
        }
    }

    /// What the column's cells hold, for error messages.
    pub fn what(self) -> &'static str {
        match self {
            Column::Code => "the code",
            Column::Category => "the category (tags and heading)",
            Column::Message => "the message",
            Column::Kind => "the error kind",
            Column::MessageId => "the message IDs (or - for none)",
            Column::Cause => "the cause",
            Column::Remedy => "the remedy",
            Column::Contact => "the contact (or - for none)",
        }
    }
}

fn fold_title(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width ASCII variants (Ａ, Ｉ, Ｄ, …) as ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
}
