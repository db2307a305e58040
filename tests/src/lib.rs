//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use aliyun_codegen::{Config, RuntimeDependency};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `../shared/corpus`, next to the repository, where CI puts the real docs.
pub fn corpus_dir() -> PathBuf {
    repo_root().join("../shared/corpus")
}

/// Whether the corpus tests can run. Outside CI a checkout without `../shared` skips them with
/// a message; in CI (`CI` set) a missing corpus is a failure, never a silent pass.
pub fn corpus_available(test: &str) -> bool {
    if corpus_dir().is_dir() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: the corpus is expected at {} in CI",
        corpus_dir().display()
    );
    eprintln!("{test}: skipped, no corpus at {}", corpus_dir().display());
    false
}

/// Every corpus document, sorted: `(product folder, language, path)`.
pub fn corpus_docs() -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(products) = std::fs::read_dir(corpus_dir()) else {
        return out;
    };
    for product in products.flatten().filter(|e| e.path().is_dir()) {
        for lang in std::fs::read_dir(product.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for doc in std::fs::read_dir(lang.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = doc.path();
                if path.extension().is_some_and(|e| e == "md") {
                    out.push((
                        product.file_name().to_string_lossy().into_owned(),
                        lang.file_name().to_string_lossy().into_owned(),
                        path,
                    ));
                }
            }
        }
    }
    out.sort();
    out
}

/// Generates a standalone crate from `dirs` into `target/corpus-crates/<product>`, then builds
/// it with warnings denied, runs its tests (the ones made from the docs' examples and rules),
/// clippy and rustdoc, all of which must pass. Prints what was generated.
pub fn generate_and_check_crate(config: Config, product: &str, dirs: &[PathBuf]) {
    let root = repo_root();
    let out = root
        .join("target/corpus-crates")
        .join(product.to_lowercase());
    let dir_refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let config = config.standalone(true).runtime(RuntimeDependency::Path(
        root.join("runtime").display().to_string(),
    ));
    let loaded = config
        .load_dirs(&dir_refs)
        .unwrap_or_else(|f| panic!("{product}: load failed:\n{f}"));
    let (files, diags) = config
        .render_loaded(
            &loaded,
            Path::new(&format!("corpus/{}", product.to_lowercase())),
            &out,
        )
        .unwrap_or_else(|f| panic!("{product}: generation failed:\n{f}"));
    aliyun_codegen::write_crate(&out, &files).expect("write the crate");
    // Pin dependency versions to the workspace's lock file.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("copy Cargo.lock");
    let rule_tests: usize = files
        .values()
        .map(|f| f.matches("fn rules_of_").count())
        .sum();
    let example_tests: usize = files
        .values()
        .map(|f| {
            f.matches("fn request_example_").count() + f.matches("fn response_example_").count()
        })
        .sum();
    println!("{product}: {example_tests} example tests, {rule_tests} rule tests (one per parameter with rules)");
    let untested = diags
        .iter()
        .filter(|d| d.kind == "example-not-tested")
        .count();
    println!(
        "{product}: {} APIs, {} diagnostics, {untested} request examples not turned into tests",
        loaded.apis.len(),
        diags.len()
    );
    for d in diags.iter().filter(|d| d.kind == "example-not-tested") {
        println!("  {d}");
    }
    // Built with warnings denied, its example tests run, clippy and rustdoc clean.
    let cargo = |before: &[&str], after: &[&str], env: (&str, &str)| {
        Command::new(env!("CARGO"))
            .args(before)
            .arg("--manifest-path")
            .arg(out.join("Cargo.toml"))
            .args(after)
            .env("CARGO_TARGET_DIR", root.join("target/corpus-target"))
            .env(env.0, env.1)
            .status()
            .expect("run cargo")
            .success()
    };
    assert!(
        cargo(&["test", "--quiet"], &[], ("RUSTFLAGS", "-D warnings")),
        "{product}: the generated crate does not build or its example tests fail"
    );
    assert!(
        cargo(
            &["clippy", "--quiet", "--all-targets"],
            &["--", "-D", "warnings"],
            ("CARGO_TERM_COLOR", "never")
        ),
        "{product}: clippy warns on the generated crate"
    );
    assert!(
        cargo(
            &["doc", "--quiet", "--no-deps"],
            &[],
            ("RUSTDOCFLAGS", "-D warnings")
        ),
        "{product}: rustdoc warns on the generated crate"
    );
}
