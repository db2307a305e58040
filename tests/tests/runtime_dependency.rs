//! How generated crates depend on `aliyun-runtime` (issue 25): by version by default, so that a
//! crate generated anywhere builds once the runtime is published (or, before that, with the
//! user's own `[patch.crates-io]`); by a path relative to the crate for development inside one
//! repository; never with an absolute path in a generated file; and `check` names a crate whose
//! runtime does not fit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use aliyun_codegen::{Config, RuntimeDependency, RUNTIME_VERSION};
use aliyun_codegen_tests::repo_root;

/// A scratch folder holding a copy of the seed doc as `spec/vpc` (no manifest: a user's docs).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-runtime-dep-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = dir.join("spec/vpc");
    std::fs::create_dir_all(&spec).expect("scratch dir");
    std::fs::copy(
        repo_root().join("spec/vpc/CreateSslVpnServer.md"),
        spec.join("CreateSslVpnServer.md"),
    )
    .expect("copy the seed doc");
    dir
}

/// The package version a manifest declares.
fn package_version(manifest: &Path) -> String {
    let text = std::fs::read_to_string(manifest).expect("manifest");
    text.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no version in {}", manifest.display()))
        .to_string()
}

/// No generated file may name a folder of this machine.
fn assert_no_absolute_path(files: &BTreeMap<String, String>, roots: &[&Path]) {
    for (name, text) in files {
        for root in roots {
            let root = root.display().to_string();
            assert!(!text.contains(&root), "{name} holds `{root}`");
        }
        assert!(
            !text.contains("path = \"/"),
            "{name} holds an absolute path"
        );
        assert!(!text.contains(":\\\\"), "{name} holds a Windows path");
    }
}

fn cargo_build(manifest: &Path) -> bool {
    Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline", "--manifest-path"])
        .arg(manifest)
        // The fixture crates' target folder: the runtime's dependencies are built once.
        .env("CARGO_TARGET_DIR", repo_root().join("target/corpus-target"))
        .env("RUSTFLAGS", "-D warnings")
        .status()
        .expect("run cargo")
        .success()
}

#[test]
fn the_generator_writes_code_for_the_runtime_of_this_repository() {
    let root = repo_root();
    assert_eq!(
        package_version(&root.join("runtime/Cargo.toml")),
        RUNTIME_VERSION
    );
    // aliyun-wire is released with the runtime's version (its README).
    assert_eq!(
        package_version(&root.join("wire/Cargo.toml")),
        RUNTIME_VERSION
    );
}

#[test]
fn this_repository_builds_its_crate_against_the_runtime_beside_it() {
    let cargo = std::fs::read_to_string(repo_root().join("generated/vpc/Cargo.toml"))
        .expect("generated/vpc");
    let line =
        format!("aliyun-runtime = {{ path = \"../../runtime\", version = \"{RUNTIME_VERSION}\" }}");
    assert!(cargo.contains(&line), "{cargo}");
}

/// A user's application outside this workspace: the crate is generated into it with the
/// default dependency (by version), and the user points `[patch.crates-io]` at a local copy of
/// the runtime, as they would before it is published. The generator writes no path.
#[test]
fn a_crate_generated_outside_the_workspace_depends_on_the_runtime_by_version() {
    let dir = scratch("outside");
    let app = dir.join("app");
    let out = app.join("aliyun-vpc");
    let (files, _) = Config::new()
        .render_crate(dir.join("spec/vpc"), &out)
        .expect("generates");
    let expected = format!("aliyun-runtime = {{ version = \"{RUNTIME_VERSION}\" }}");
    assert!(
        files["Cargo.toml"].contains(&expected),
        "{}",
        files["Cargo.toml"]
    );
    assert_no_absolute_path(&files, &[&dir, &repo_root()]);
    aliyun_codegen::write_crate(&out, &files).expect("write");

    // What the user writes: their package, and the patch (theirs, not the generator's).
    let runtime = repo_root().join("runtime");
    std::fs::write(
        app.join("Cargo.toml"),
        format!(
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
             [dependencies]\naliyun-vpc = {{ path = \"aliyun-vpc\" }}\n\n\
             [patch.crates-io]\naliyun-runtime = {{ path = {:?} }}\n",
            runtime.display().to_string()
        ),
    )
    .expect("app manifest");
    std::fs::create_dir_all(app.join("src")).expect("app src");
    std::fs::write(
        app.join("src/main.rs"),
        "fn main() {\n    let request = aliyun_vpc::CreateSslVpnServerRequest::builder()\n        \
         .region_id(\"cn-shanghai\")\n        .vpn_gateway_id(\"vpn-1\")\n        \
         .client_ip_pool(\"192.168.1.0/24\")\n        .local_subnet(\"10.0.0.0/8\")\n        \
         .build()\n        .expect(\"valid\");\n    println!(\"{:?}\", request.to_query());\n}\n",
    )
    .expect("app main");
    // Pin dependency versions to the workspace's, so nothing is fetched.
    std::fs::copy(repo_root().join("Cargo.lock"), app.join("Cargo.lock")).expect("lock");
    assert!(
        cargo_build(&app.join("Cargo.toml")),
        "the user's application does not build"
    );
    assert_eq!(aliyun_codegen::runtime_dep::check(&out), None);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Inside one repository (a runtime copy beside the generated crate), a runtime path is
/// written relative to the crate, wherever the repository is; the crate builds.
#[test]
fn a_crate_generated_inside_a_repository_names_the_runtime_relatively() {
    let dir = scratch("inside");
    let repo = dir.join("repo");
    let runtime = repo.join("vendor/aliyun-runtime");
    copy_crate(&repo_root().join("runtime"), &runtime);
    copy_crate(&repo_root().join("wire"), &repo.join("vendor/wire"));
    let out = repo.join("crates/aliyun-vpc");
    let config = Config::new()
        .standalone(true)
        .runtime(RuntimeDependency::Path(runtime.display().to_string()));
    let (files, _) = config
        .render_crate(dir.join("spec/vpc"), &out)
        .expect("generates");
    let expected = format!(
        "aliyun-runtime = {{ path = \"../../vendor/aliyun-runtime\", version = \"{RUNTIME_VERSION}\" }}"
    );
    assert!(
        files["Cargo.toml"].contains(&expected),
        "{}",
        files["Cargo.toml"]
    );
    assert_no_absolute_path(&files, &[&dir, &repo_root()]);
    aliyun_codegen::write_crate(&out, &files).expect("write");
    std::fs::copy(repo_root().join("Cargo.lock"), out.join("Cargo.lock")).expect("lock");
    assert!(
        cargo_build(&out.join("Cargo.toml")),
        "the crate does not build"
    );
    assert_eq!(aliyun_codegen::runtime_dep::check(&out), None);

    // The same folder in a manifest, relative to the spec folder, gives the same line.
    std::fs::write(
        dir.join("spec/vpc/aliyun-codegen.toml"),
        "runtime-path = \"../../repo/vendor/aliyun-runtime\"\n",
    )
    .expect("manifest");
    let (files, _) = Config::new()
        .render_crate(dir.join("spec/vpc"), &out)
        .expect("generates");
    assert!(
        files["Cargo.toml"].contains(&expected),
        "{}",
        files["Cargo.toml"]
    );

    // A copy of the runtime of another version no longer fits: `check` says so.
    let manifest = runtime.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).expect("runtime manifest");
    let older = text.replacen(
        &format!("version = \"{RUNTIME_VERSION}\""),
        "version = \"0.0.1\"",
        1,
    );
    std::fs::write(&manifest, older).expect("edit");
    let problem = aliyun_codegen::runtime_dep::check(&out).expect("a mismatch");
    assert_eq!(problem.kind, "runtime-mismatch");
    assert!(problem.message.contains("0.0.1"), "{problem}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A crate's manifest and sources (what cargo needs to build it), with the workspace keys it
/// inherits written out, as `cargo package` would.
fn copy_crate(from: &Path, to: &Path) {
    let root_manifest = std::fs::read_to_string(repo_root().join("Cargo.toml")).expect("root");
    let workspace_value = |key: &str| -> String {
        root_manifest
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("workspace {key}"))
            .to_string()
    };
    let mut text = std::fs::read_to_string(from.join("Cargo.toml")).expect("manifest");
    for key in ["edition", "rust-version", "license", "repository"] {
        text = text.replace(
            &format!("{key}.workspace = true"),
            &format!("{key} = {}", workspace_value(key)),
        );
    }
    for dep in ["serde", "serde_json", "quick-xml"] {
        let line = root_manifest
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{dep} = ")))
            .expect("workspace dependency");
        text = text.replace(
            &format!("{dep} = {{ workspace = true }}"),
            &format!("{dep} = {line}"),
        );
    }
    std::fs::create_dir_all(to).expect("copy dir");
    std::fs::write(to.join("Cargo.toml"), text).expect("manifest copy");
    // The manifest names its README (`readme = "README.md"`).
    std::fs::copy(from.join("README.md"), to.join("README.md")).expect("README copy");
    copy_dir(&from.join("src"), &to.join("src"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}
