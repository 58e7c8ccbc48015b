//! The page and `explain` title each field as the newest workbook of `spec/` titles its
//! column (「対処(医療機関等ベンダーまたはシステム担当者向け）」, not 「対処」): the titles are
//! read from the workbook's header row and held against the engine's, line breaks aside.
//! A revision that retitles a column fails here until the engine's titles follow.

use codegen::read::{column_titles, Column};
use oqs_answer::say::{column_title, Label, Lang};

#[test]
fn the_engine_titles_the_fields_as_the_newest_workbook_does() {
    let workbook = codegen::newest_workbook(&codegen::workspace_root().join("spec")).unwrap();
    let sheets = codegen::load::load(&workbook).unwrap();
    let titles = column_titles(&sheets).unwrap();
    let published = |column: Column| {
        let (_, text) = titles.iter().find(|(c, _)| *c == column).unwrap();
        text.chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect::<String>()
    };
    for (column, label) in [
        (Column::Message, Label::Message),
        (Column::Kind, Label::Kind),
        (Column::MessageId, Label::MessageId),
        (Column::Cause, Label::Cause),
        (Column::Remedy, Label::Remedy),
        (Column::Contact, Label::Contact),
    ] {
        assert_eq!(
            column_title(Lang::Ja, label),
            published(column),
            "{}",
            workbook.display()
        );
        // The reader's own name for the column, in its messages, is the same title.
        assert_eq!(column.title(), published(column));
    }
}
