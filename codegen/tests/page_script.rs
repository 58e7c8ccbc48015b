//! The offline page's scripts are JavaScript of their own (`codegen/src/render/page/page.js`
//! and `load.js`), checked by Node's parser: a syntax error fails here, not in a help desk's
//! browser.

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Set (to anything) to make a missing Node.js a failure rather than a skip: CI sets it.
const REQUIRE: &str = "OQS_REQUIRE_TOOLS";

#[test]
fn the_page_script_parses_as_javascript() {
    for name in ["page.js", "load.js"] {
        check(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src/render/page")
                .join(name),
        );
    }
}

fn check(script: &Path) {
    let checked = match Command::new("node").arg("--check").arg(script).output() {
        Ok(output) => output,
        Err(err) if std::env::var_os(REQUIRE).is_some() => {
            panic!("node cannot be run ({err}), and {REQUIRE} is set: install Node.js")
        }
        Err(err) => {
            // Straight to stderr, past the test harness's capture: a skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the_page_script_parses_as_javascript: node cannot be run ({err}); \
                 CI sets {REQUIRE} so that it never skips"
            );
            return;
        }
    };
    assert!(
        checked.status.success(),
        "node --check {} failed:\n{}",
        script.display(),
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn a_syntax_error_is_what_the_check_would_catch() {
    // The check above must be able to fail: a broken copy of the script is refused.
    let Ok(version) = Command::new("node").arg("--version").output() else {
        return;
    };
    assert!(version.status.success());
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("page.js");
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/page/page.js"),
    )
    .unwrap();
    std::fs::write(
        &broken,
        script.replacen("(function () {", "(function () {{", 1),
    )
    .unwrap();
    let checked = Command::new("node")
        .arg("--check")
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!checked.status.success());
}
