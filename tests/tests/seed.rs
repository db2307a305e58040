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

#[test]
fn failed_generation_leaves_output_untouched() {
    let dir = std::env::temp_dir().join(format!("aliyun-codegen-failed-{}", std::process::id()));
    let spec = dir.join("spec/bad");
    let out = dir.join("generated/bad");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("src/lib.rs"), "// hand-written, must survive\n").unwrap();
    std::fs::copy(seed_path(), spec.join("CreateSslVpnServer.md")).unwrap();
    std::fs::write(spec.join("Broken.md"), "# Broken\n\nno tables at all\n").unwrap();
    let failure = Config::new()
        .generate_crate(&spec, &out)
        .expect_err("a doc without a request table fails");
    let message = failure.to_string();
    assert!(
        message.contains("Broken.md") && message.contains("request"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("src/lib.rs")).unwrap(),
        "// hand-written, must survive\n"
    );
    assert!(!out.join("Cargo.toml").exists());
    std::fs::remove_dir_all(&dir).ok();
}
