//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use aliyun_codegen::{Config, RuntimeDependency};

pub mod kind_scan;
pub mod labels;
pub mod modgraph;
pub mod mutate;
pub mod product_pages;

/// The repository root.
/// (wire name, location) of each top-level request field of an API, in order; `""` for none.
pub fn locations(api: &aliyun_codegen::Api) -> Vec<(&str, &str)> {
    api.request
        .iter()
        .map(|f| (f.name.as_str(), f.location.as_deref().unwrap_or("")))
        .collect()
}

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
    folder_available(test, &corpus_dir())
}

/// Whether `dir` (a folder of real docs under `../shared`) is there; the same rule as
/// [`corpus_available`]: skipped with a message outside CI, a failure in CI.
pub fn folder_available(test: &str, dir: &Path) -> bool {
    if dir.is_dir() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: the corpus is expected at {} in CI",
        dir.display()
    );
    eprintln!("{test}: skipped, no corpus at {}", dir.display());
    false
}

/// Options of the throwaway crate the fuzzers render mutated docs into.
pub fn fuzz_crate_options() -> aliyun_codegen::emit::CrateOptions {
    aliyun_codegen::emit::CrateOptions {
        crate_name: "aliyun-fuzz".into(),
        crate_version: "0.1.0".into(),
        product: "Fuzz".into(),
        version: "2020-01-01".into(),
        spec: "spec/fuzz".into(),
        runtime: RuntimeDependency::Path("../../runtime".into()),
        standalone: true,
        feature_groups: Default::default(),
        service: Default::default(),
    }
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

/// Generates a standalone crate from `dirs` into `target/fixture-crates/<product>`, then builds
/// it with warnings denied, runs its tests (the ones made from the docs' examples and rules),
/// clippy and rustdoc, all of which must pass. Prints what was generated.
pub fn generate_and_check_crate(config: Config, product: &str, dirs: &[PathBuf]) {
    let root = repo_root();
    let out = root
        .join("target/fixture-crates")
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
    check_generated_crate(&out, product);
}

/// Builds a generated crate under `out` with warnings denied, runs its tests, and requires
/// clippy and rustdoc to be clean.
pub fn check_generated_crate(out: &Path, product: &str) {
    let root = repo_root();
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

/// One product of the corpus: its crate is generated from these folders (zh and en together).
#[derive(Debug, Clone)]
pub struct CorpusProduct {
    pub product: &'static str,
    pub version: &'static str,
    pub folders: Vec<&'static str>,
}

impl CorpusProduct {
    /// The crate's folder under `target/corpus-crates` (and its package name after `aliyun-`).
    pub fn dir_name(&self) -> String {
        self.product.to_lowercase()
    }
}

/// What generating one product's crate gave.
#[derive(Debug)]
pub struct Generated {
    pub product: String,
    pub apis: usize,
    pub example_tests: usize,
    pub rule_tests: usize,
    pub diagnostics: Vec<aliyun_codegen::diagnostics::Diagnostic>,
}

/// The folder holding every generated corpus crate as members of one cargo workspace, so that
/// their dependencies are built once.
pub fn corpus_workspace() -> PathBuf {
    repo_root().join("target/corpus-crates")
}

/// Generates one product's crate into `target/corpus-crates/<product>` as a member of the
/// corpus workspace. `Err` carries the generator's errors.
pub fn generate_corpus_crate(p: &CorpusProduct) -> Result<Generated, String> {
    let dirs: Vec<PathBuf> = p.folders.iter().map(|f| corpus_dir().join(f)).collect();
    let config = Config::new().product(p.product).version(p.version);
    generate_workspace_crate(&corpus_workspace(), &p.dir_name(), config, &dirs)
        .map(|g| Generated {
            product: p.product.to_string(),
            ..g
        })
        .map_err(|e| format!("{}: {e}", p.product))
}

/// Generates a crate from `dirs` into `<ws>/<dir_name>` as a member of the workspace `ws`
/// (product and version from `config`, else from the docs). `Err` carries the generator's
/// errors; `Generated::product` is `dir_name`.
pub fn generate_workspace_crate(
    ws: &Path,
    dir_name: &str,
    config: Config,
    dirs: &[PathBuf],
) -> Result<Generated, String> {
    let root = repo_root();
    let out = ws.join(dir_name);
    let dir_refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let config = config.standalone(false).runtime(RuntimeDependency::Path(
        root.join("runtime").display().to_string(),
    ));
    let loaded = config
        .load_dirs(&dir_refs)
        .map_err(|f| format!("load failed:\n{f}"))?;
    let (files, diagnostics) = config
        .render_loaded(&loaded, Path::new(&format!("corpus/{dir_name}")), &out)
        .map_err(|f| format!("generation failed:\n{f}"))?;
    aliyun_codegen::write_crate(&out, &files).map_err(|f| f.to_string())?;
    let count = |needle: &str| -> usize { files.values().map(|f| f.matches(needle).count()).sum() };
    Ok(Generated {
        product: dir_name.to_string(),
        apis: loaded.apis.len(),
        example_tests: count("fn request_example_") + count("fn response_example_"),
        rule_tests: count("fn rules_of_"),
        diagnostics,
    })
}

/// Writes the corpus workspace's `Cargo.toml` (members: `members`, folder names) and lock file,
/// then builds it with warnings denied, runs every generated test, clippy and rustdoc, all of
/// which must pass. Returns the seconds each step took.
pub fn check_corpus_workspace(members: &[String]) -> Vec<(&'static str, f64)> {
    check_workspace(&corpus_workspace(), members)
}

/// [`check_corpus_workspace`] for the workspace at `ws`: writes its manifest (members:
/// `members`, folder names) and lock file, removes other folders, then builds, tests, lints
/// and documents every member with warnings denied. Returns the seconds each step took.
pub fn check_workspace(ws: &Path, members: &[String]) -> Vec<(&'static str, f64)> {
    let root = repo_root();
    let ws = ws.to_path_buf();
    let list: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    let manifest = format!(
        "# Written by the corpus test: every generated corpus crate, built together.\n\
         [workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        list.join(", ")
    );
    std::fs::create_dir_all(&ws).expect("create the workspace folder");
    std::fs::write(ws.join("Cargo.toml"), manifest).expect("write the workspace manifest");
    // Pin dependency versions to the repository's lock file.
    std::fs::copy(root.join("Cargo.lock"), ws.join("Cargo.lock")).expect("copy Cargo.lock");
    // A crate left from an older layout would be a nested workspace; members are regenerated.
    for entry in std::fs::read_dir(&ws).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && !members.contains(&name) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
    let cargo = |sub: &str, args: &[&str], env: (&str, &str)| {
        let start = std::time::Instant::now();
        let ok = Command::new(env!("CARGO"))
            .arg(sub)
            .arg("--manifest-path")
            .arg(ws.join("Cargo.toml"))
            .args(["--workspace", "--quiet"])
            .args(args)
            .env("CARGO_TARGET_DIR", root.join("target/corpus-target"))
            .env(env.0, env.1)
            .status()
            .expect("run cargo")
            .success();
        (ok, start.elapsed().as_secs_f64())
    };
    let mut times = Vec::new();
    let (ok, t) = cargo("test", &["--no-fail-fast"], ("RUSTFLAGS", "-D warnings"));
    assert!(
        ok,
        "a generated crate does not build or its example tests fail"
    );
    times.push(("test", t));
    let (ok, t) = cargo(
        "clippy",
        &["--all-targets", "--", "-D", "warnings"],
        ("CARGO_TERM_COLOR", "never"),
    );
    assert!(ok, "clippy warns on a generated crate");
    times.push(("clippy", t));
    let (ok, t) = cargo("doc", &["--no-deps"], ("RUSTDOCFLAGS", "-D warnings"));
    assert!(ok, "rustdoc warns on a generated crate");
    times.push(("doc", t));
    times
}
