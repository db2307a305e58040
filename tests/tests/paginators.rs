//! Paginators end to end: a made-up product (tests/fixtures/paging) with an API that pages by
//! `PageNumber`/`PageSize`/`TotalCount` (a wrapped list), one that pages by `NextToken`, an
//! endpoint page and a common-parameters page. Its crate is generated, built and tested (clippy
//! and rustdoc clean), then called over a loopback gateway (`tests/fixtures/paging/loopback.rs`,
//! copied into the crate): a walk of 3 pages yields every item once, a token walk stops when
//! the token ends, the first error ends a walk, and `SERVICE` resolves the fixture's table.

use std::process::Command;

use aliyun_codegen::emit::plan::paging::{detect, Style};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, repo_root};

#[test]
fn detection_reads_the_fixture_as_its_docs_say() {
    let loaded = Config::new()
        .load(repo_root().join("tests/fixtures/paging"))
        .expect("loads");
    let style = |name: &str| {
        let api = loaded.apis.iter().find(|a| a.name == name).expect("api");
        detect(api).expect("pages").map(|p| p.style)
    };
    assert_eq!(style("DescribeParcels"), Some(Style::Number));
    assert_eq!(style("ListCrates"), Some(Style::Token));
    // The two product pages are no APIs.
    assert_eq!(loaded.apis.len(), 2);
}

#[test]
fn a_generated_crate_walks_pages_over_loopback() {
    let root = repo_root();
    let fixture = root.join("tests/fixtures/paging");
    let out = root.join("target/fixture-crates/parcel");
    // The loopback test a previous run copied in needs the dev-dependency added below: without
    // it, the generated crate's own check would fail to build it.
    let _ = std::fs::remove_dir_all(out.join("tests"));
    generate_and_check_crate(Config::new(), "Parcel", std::slice::from_ref(&fixture));
    std::fs::create_dir_all(out.join("tests")).expect("tests folder");
    std::fs::copy(fixture.join("loopback.rs"), out.join("tests/loopback.rs"))
        .expect("copy the loopback test");
    // The fake gateway needs tokio; the generated crate has no dev-dependencies of its own.
    let manifest = out.join("Cargo.toml");
    let mut toml = std::fs::read_to_string(&manifest).expect("Cargo.toml");
    toml.push_str(
        "\n[dev-dependencies]\ntokio = { version = \"1.47\", default-features = false, features = [\"rt\", \"macros\", \"net\", \"io-util\"] }\n",
    );
    std::fs::write(&manifest, toml).expect("write Cargo.toml");
    let ok = Command::new(env!("CARGO"))
        .args([
            "test",
            "--quiet",
            "--features",
            "reqwest",
            "--test",
            "loopback",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", root.join("target/corpus-target"))
        .env("RUSTFLAGS", "-D warnings")
        .status()
        .expect("run cargo")
        .success();
    assert!(ok, "the loopback test of the generated crate fails");
}
