//! Per-API cargo features of a generated crate: groups from the manifest, collision errors, and
//! `check` noticing a feature list that no longer matches the spec.

use std::path::{Path, PathBuf};

use aliyun_codegen::Config;
use aliyun_codegen_tests::repo_root;

/// A scratch spec folder holding the seed doc and `manifest` (when given).
fn spec_with_manifest(name: &str, manifest: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-features-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = dir.join("spec/vpc");
    std::fs::create_dir_all(&spec).expect("scratch dir");
    std::fs::copy(
        repo_root().join("spec/vpc/CreateSslVpnServer.md"),
        spec.join("CreateSslVpnServer.md"),
    )
    .expect("copy seed");
    if let Some(text) = manifest {
        std::fs::write(spec.join("aliyun-codegen.toml"), text).expect("manifest");
    }
    spec
}

fn scratch_root(spec: &Path) -> PathBuf {
    spec.ancestors().nth(2).expect("scratch root").to_path_buf()
}

#[test]
fn manifest_groups_become_features() {
    let spec = spec_with_manifest(
        "groups",
        Some("[features]\nssl-vpn = [\"CreateSslVpnServer\"]\n"),
    );
    let (files, _) = Config::new()
        .render_crate(&spec, scratch_root(&spec).join("generated/vpc"))
        .expect("generates");
    let cargo = &files["Cargo.toml"];
    // The seed's API is CreateSslVpnServer: its feature is the kebab case of that name.
    assert!(
        cargo.contains("ssl-vpn = [\n    \"create-ssl-vpn-server\",\n]"),
        "{cargo}"
    );
    assert!(cargo.contains("\ncreate-ssl-vpn-server = []\n"), "{cargo}");
    assert!(cargo.contains("default = [\"full\"]"), "{cargo}");
    let _ = std::fs::remove_dir_all(scratch_root(&spec));
}

#[test]
fn a_group_naming_no_api_is_an_error_in_the_manifest() {
    let spec = spec_with_manifest(
        "bad-group",
        Some("[features]\nssl-vpn = [\"CreateSslVpnServers\"]\nfull = []\n"),
    );
    let failure = Config::new()
        .render_crate(&spec, scratch_root(&spec).join("generated/vpc"))
        .expect_err("a group naming no API and a reserved group name fail");
    let text = failure.to_string();
    assert!(text.contains("spec/vpc/aliyun-codegen.toml"), "{text}");
    assert!(text.contains("`CreateSslVpnServers`"), "{text}");
    assert!(text.contains("group `full`"), "{text}");
    let _ = std::fs::remove_dir_all(scratch_root(&spec));
}

#[test]
fn check_notices_a_stale_feature_list() {
    let spec = spec_with_manifest("stale", None);
    let out = scratch_root(&spec).join("generated/vpc");
    let config = Config::new();
    config.generate_crate(&spec, &out).expect("generates");
    assert_eq!(
        config.check_crate(&spec, &out).expect("checks"),
        Vec::<PathBuf>::new()
    );
    // As if an API had been removed from the spec but not from the feature list: the hand
    // edit adds a feature the spec does not produce.
    let cargo = out.join("Cargo.toml");
    let text = std::fs::read_to_string(&cargo).expect("Cargo.toml");
    let stale = text.replace(
        "create-ssl-vpn-server = []\n",
        "create-ssl-vpn-server = []\ndelete-ssl-vpn-server = []\n",
    );
    assert_ne!(stale, text);
    std::fs::write(&cargo, stale).expect("edit");
    assert_eq!(
        config.check_crate(&spec, &out).expect("checks"),
        vec![cargo]
    );
    let _ = std::fs::remove_dir_all(scratch_root(&spec));
}
