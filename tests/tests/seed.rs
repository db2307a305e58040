//! The seed document end to end: IR and generated Rust as reviewed snapshots, the checked-in
//! crate equal to a fresh generation, and the same bytes every time.

use std::collections::BTreeMap;
use std::path::PathBuf;

use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen::Config;
use aliyun_codegen_tests::repo_root;

fn seed_path() -> PathBuf {
    repo_root().join("spec/vpc/CreateSslVpnServer.md")
}

#[test]
fn spec_holds_the_seed_byte_for_byte() {
    let shared = repo_root().join("../shared/seed/CreateSslVpnServer.md");
    let Ok(original) = std::fs::read(&shared) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the seed is expected at {}",
            shared.display()
        );
        eprintln!("skipped: no seed at {}", shared.display());
        return;
    };
    assert_eq!(std::fs::read(seed_path()).expect("spec copy"), original);
}

#[test]
fn seed_ir_snapshot() {
    let text = std::fs::read_to_string(seed_path()).expect("seed");
    let (api, diags) = parse_doc(
        "spec/vpc/CreateSslVpnServer.md",
        &text,
        &DocDefaults::default(),
    )
    .expect("parses");
    // The only sentence left is a precondition on the gateway's age, not a parameter rule.
    let notes: Vec<String> = diags.iter().map(ToString::to_string).collect();
    insta::assert_debug_snapshot!("seed_diagnostics", notes);
    insta::assert_json_snapshot!("seed_ir", api);
}

fn render() -> BTreeMap<String, String> {
    let root = repo_root();
    let (files, _) = Config::new()
        .render_crate(root.join("spec/vpc"), root.join("generated/vpc"))
        .expect("the seed generates");
    files
}

#[test]
fn seed_generated_rust_snapshot() {
    let files = render();
    insta::assert_snapshot!("seed_module", files["src/create_ssl_vpn_server.rs"]);
    insta::assert_snapshot!("seed_lib", files["src/lib.rs"]);
    insta::assert_snapshot!("seed_cargo_toml", files["Cargo.toml"]);
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(render(), render());
}

#[test]
fn checked_in_crate_is_what_the_generator_writes() {
    let root = repo_root();
    let stale = Config::new()
        .check_crate(root.join("spec/vpc"), root.join("generated/vpc"))
        .expect("the seed generates");
    assert!(
        stale.is_empty(),
        "generated/ is stale, run `cargo run -p aliyun-codegen -- generate`: {stale:?}"
    );
}

/// A spec folder beside the seed doc holding `Broken.md`, an API doc whose request section has
/// no table, and an output folder with a hand-written file.
fn broken_spec(tag: &str) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("aliyun-codegen-{tag}-{}", std::process::id()));
    let spec = dir.join("spec/bad");
    let out = dir.join("generated/bad");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("src/lib.rs"), "// hand-written, must survive\n").unwrap();
    std::fs::copy(seed_path(), spec.join("CreateSslVpnServer.md")).unwrap();
    std::fs::write(
        spec.join("Broken.md"),
        "# Broken\n\n## Request parameters\n\nno table at all\n",
    )
    .unwrap();
    (dir, spec, out)
}

#[test]
fn failed_generation_leaves_output_untouched() {
    let (dir, spec, out) = broken_spec("failed");
    let failure = Config::new()
        .strict(true)
        .generate_crate(&spec, &out)
        .expect_err("a strict run fails on a doc without a request table");
    let message = failure.to_string();
    assert!(
        message.contains("Broken.md") && message.contains("request parameter table"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("src/lib.rs")).unwrap(),
        "// hand-written, must survive\n"
    );
    assert!(!out.join("Cargo.toml").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unreadable_doc_is_skipped_with_its_error_and_the_rest_generates() {
    let (dir, spec, out) = broken_spec("skipped");
    let report = Config::new()
        .generate_crate(&spec, &out)
        .expect("the seed doc still generates");
    let broken: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].file.ends_with("Broken.md") && broken[0].kind == "not-an-api-doc");
    assert!(out.join("src/create_ssl_vpn_server.rs").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_page_that_is_no_api_reference_is_a_note() {
    // An overview page beside the docs (no request section): noted, never an error.
    let (dir, spec, out) = broken_spec("overview");
    std::fs::write(
        spec.join("Broken.md"),
        "# Overview\n\nThe product's APIs.\n",
    )
    .unwrap();
    let report = Config::new()
        .strict(true)
        .generate_crate(&spec, &out)
        .expect("an overview page fails nothing");
    let notes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.kind == "not-an-api-page")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", report.diagnostics);
    assert!(!notes[0].is_error());
    std::fs::remove_dir_all(&dir).ok();
}
