//! The page's engine (`generated/engine.wasm`) is checked in with a record of the sources
//! it was built from: in a copy of the workspace, `cargo run -p codegen -- --check` passes
//! as checked in, with no WebAssembly toolchain, and fails naming the file after a change
//! to the engine's Rust, until the module is rebuilt (`scripts/build-engine.sh`).

use std::fs;
use std::process::Command;

use oqs_messages_tests::workspace::{copy_dir, copy_explain_workspace, root};

#[test]
fn a_change_to_the_engine_s_rust_fails_the_check_until_the_module_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path();
    copy_explain_workspace(workspace);
    copy_dir(&root().join("spec"), &workspace.join("spec"));
    fs::create_dir_all(workspace.join("scripts")).unwrap();
    fs::copy(
        root().join("scripts/build-engine.sh"),
        workspace.join("scripts/build-engine.sh"),
    )
    .unwrap();
    let check = || {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        Command::new(cargo)
            .args([
                "run",
                "--offline",
                "--quiet",
                "-p",
                "codegen",
                "--",
                "--check",
            ])
            .current_dir(workspace)
            .env("CARGO_TARGET_DIR", root().join("target/revision-test"))
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .output()
            .unwrap()
    };
    let said = |output: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    };
    let output = check();
    assert!(output.status.success(), "{}", said(&output));

    let source = workspace.join("answer/src/lib.rs");
    let mut text = fs::read_to_string(&source).unwrap();
    text.push_str("\n// A change to the engine.\n");
    fs::write(&source, text).unwrap();
    let output = check();
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let said = said(&output);
    assert!(said.contains("answer/src/lib.rs"), "{said}");
    assert!(said.contains("scripts/build-engine.sh"), "{said}");
}
