//! The revision report: a revised workbook built in the test gives the exact report.

mod support;

use support::{codegen, SheetSpec};

/// 1.26 against the small 1.25 table: 101 removed, 950 added (with a new ID), 901's third
/// row now lists 0x03000002 instead of 0x81000026, 001's message reworded.
fn revised() -> SheetSpec {
    let mut spec = SheetSpec::valid("1.26");
    let cells = [
        ("A9", "950"),
        ("B9", "【障害】\n処方箋取得失敗"),
        ("C9", "職員は障害発生状況を確認してください。"),
        ("D9", "処方箋一覧取得失敗"),
        ("E9", "0x81000030"),
        ("F9", "電子処方箋管理サービスから取得に失敗した"),
        ("G9", "-"),
        ("H9", "オンライン資格確認等コールセンター"),
        ("E7", "0x03000002"),
        (
            "C3",
            "患者はカードを置き直してください。【001：マイナンバーカードの認識不可】",
        ),
    ];
    for (cell, text) in cells {
        spec.set(cell, Some(text));
    }
    spec
}

const EXPECTED: &str = "# Revision 1.25 → 1.26

Semver: major (breaking) release: codes or message IDs were added or removed; `Code`/`MessageId` variants change, and exhaustive matches, `CodeHandler` impls and `#[derive(CodeMap)]` stop compiling until they handle them.

## Codes added

- **950** 【障害】 処方箋取得失敗 (1 row)

## Codes removed

- **101** 【顔認証装置】【ハードウェア】 券面の読取り不可 (1 row)

## Message IDs added

- `0x81000030` under 950

## Message IDs removed

- `0x81000026` under 901

## Message IDs moved between codes

- `0x03000002`: under 001 → under 001, 901

## Rows added

- 901 row 3: 端末情報が登録できない (`0x03000002`)

## Rows removed

- 901 row 3: 端末情報が登録できない (`0x81000026`)

## Texts reworded

- 001 message

  before:
  > 患者はカードを置いてください。【001：マイナンバーカードの認識不可】
  after:
  > 患者はカードを置き直してください。【001：マイナンバーカードの認識不可】
  changed ([-removed-] {+added+}):
  > 患者はカードを置[-い-]{+き直し+}てください。【001：マイナンバーカードの認識不可】
";

#[test]
fn diff_prints_the_exact_report() {
    let dir = tempfile::tempdir().unwrap();
    let old = support::write(dir.path(), "一覧_1.25版.xlsx", &[SheetSpec::valid("1.25")]);
    let new = support::write(dir.path(), "一覧_1.26版.xlsx", &[revised()]);
    let output = codegen(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), EXPECTED);
}

#[test]
fn rewording_only_is_a_patch_and_the_same_table_is_no_change() {
    let old = codegen::read_workbook(&{
        let dir = tempfile::tempdir().unwrap().keep();
        support::write(&dir, "一覧_1.25版.xlsx", &[SheetSpec::valid("1.25")])
    })
    .unwrap()
    .table;
    let mut new = old.clone();
    new.codes[1].rows[0].remedy = "① 端末を再起動".to_owned();
    let report = codegen::revision::Report::compare(&old, &new);
    assert_eq!(report.semver(), codegen::revision::Semver::Patch);
    assert_eq!(report.rewordings.len(), 1);
    assert_eq!(
        report.rewordings[0].place,
        "901 row 1 (`0x81000031`, `0x82000200`) remedy"
    );
    // 901's second row lists the same IDs as its first: removing it removes no ID.
    new.codes[1].rows.remove(1);
    assert_eq!(
        codegen::revision::Report::compare(&old, &new).semver(),
        codegen::revision::Semver::Minor
    );
    assert_eq!(
        codegen::revision::Report::compare(&old, &old).semver(),
        codegen::revision::Semver::None
    );
}

#[test]
fn a_plain_run_on_a_new_workbook_reports_and_records_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let old = support::write(dir.path(), "一覧_1.25版.xlsx", &[SheetSpec::valid("1.25")]);
    let new = support::write(dir.path(), "一覧_1.26版.xlsx", &[revised()]);
    let run = |input: &std::path::Path| support::codegen_built(input, &out);
    let output = run(&old);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let first = std::fs::read_to_string(out.join("CHANGES.md")).unwrap();
    assert!(
        first.contains("## Version 1.25\n\nFirst table: 4 codes, 7 rows"),
        "{first}"
    );

    let output = run(&new);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains(EXPECTED), "{stdout}");
    let changes = std::fs::read_to_string(out.join("CHANGES.md")).unwrap();
    let entry = EXPECTED
        .replace("\n#", "\n##")
        .replacen("# Revision", "## Revision", 1);
    assert!(changes.contains(entry.trim_end()), "{changes}");
    assert!(changes.find("Revision 1.25 → 1.26") < changes.find("## Version 1.25"));

    // Running again on the same workbook changes nothing.
    let output = run(&new);
    assert!(output.status.success());
    assert_eq!(
        std::fs::read_to_string(out.join("CHANGES.md")).unwrap(),
        changes
    );
}
