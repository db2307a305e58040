//! The generator runs in every build.rs user's build: it must not pull in the runtime, whose
//! signing and HTTP crates a build script never needs (issue 9, part 3). It shares only the small
//! decoding crate `aliyun-wire` with the runtime.

use std::process::Command;

use aliyun_codegen_tests::repo_root;

/// Packages of the runtime side that must stay out of the generator's normal and build
/// dependencies.
const FORBIDDEN: &[&str] = &["aliyun-runtime", "hmac", "sha1", "sha2", "reqwest", "tokio"];

#[test]
fn the_generator_does_not_depend_on_the_runtime_or_its_hashing_and_http_crates() {
    let output = Command::new(env!("CARGO"))
        .current_dir(repo_root())
        .args([
            "tree",
            "-p",
            "aliyun-codegen",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("run cargo tree");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo tree failed:\n{stderr}");
    let tree = String::from_utf8_lossy(&output.stdout);
    // `{p}` prints `name vX.Y.Z [(source)]`: the package name is the first word.
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    // The tree is real: the generator itself and the crates it is known to use are in it.
    for present in ["aliyun-codegen", "aliyun-wire", "syn", "pulldown-cmark"] {
        assert!(
            names.contains(&present),
            "`{present}` missing from the generator's tree:\n{tree}"
        );
    }
    let found: Vec<&&str> = FORBIDDEN.iter().filter(|f| names.contains(f)).collect();
    assert!(
        found.is_empty(),
        "the generator depends on {found:?}:\n{tree}"
    );
}
