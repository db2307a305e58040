//! The CLI's runtime dependency (issue 25.1), through the binary: `--runtime-path` is read from
//! the current directory and written relative to the generated crate, and `check` fails,
//! naming `runtime-mismatch`, when the runtime there is not the one the generated code needs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aliyun_codegen::RUNTIME_VERSION;

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-codegen");

fn fleet() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fleet")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

/// A stand-in runtime: `check` reads only its manifest's name and version.
fn fake_runtime(dir: &Path, version: &str) {
    std::fs::create_dir_all(dir).expect("runtime dir");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = \"aliyun-runtime\"\nversion = \"{version}\"\n"),
    )
    .expect("runtime manifest");
}

#[test]
fn runtime_path_is_relative_and_check_names_a_runtime_that_does_not_fit() {
    let tmp =
        std::env::temp_dir().join(format!("aliyun-codegen-cli-runtime-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("scratch");
    fake_runtime(&tmp.join("vendor/runtime"), RUNTIME_VERSION);
    let spec = fleet().display().to_string();

    let o = run_in(
        &tmp,
        &[
            "generate",
            &spec,
            "crates/fleet",
            "--runtime-path",
            "vendor/runtime",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cargo = std::fs::read_to_string(tmp.join("crates/fleet/Cargo.toml")).expect("Cargo.toml");
    let line = format!(
        "aliyun-runtime = {{ path = \"../../vendor/runtime\", version = \"{RUNTIME_VERSION}\" }}"
    );
    assert!(cargo.contains(&line), "{cargo}");

    // `check` takes generate's options, to compare with what that generate wrote.
    let check = [
        "check",
        &spec,
        "crates/fleet",
        "--runtime-path",
        "vendor/runtime",
    ];
    let o = run_in(&tmp, &check);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // The copy of the runtime is now another version: the crate no longer fits it.
    fake_runtime(&tmp.join("vendor/runtime"), "0.0.1");
    let o = run_in(&tmp, &check);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{stderr}");
    assert!(
        stderr.contains("crates/fleet/Cargo.toml: error[runtime-mismatch]: the aliyun-runtime at `../../vendor/runtime` is version 0.0.1"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
