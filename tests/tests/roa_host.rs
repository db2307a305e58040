//! A made-up product (tests/fixtures/hosted) whose REST-style API takes a parameter in the host
//! name, as Log Service docs write it (`Host: ProjectName.Endpoint` and a row `project_name`):
//! the IR places it at `host`, the generated crate compiles, its request example test compares
//! the host label with the example's `Host:` line, and a request built by the runtime goes to
//! `my-project.<endpoint>` (checked by a test added to the generated crate, at the layer below
//! the socket: the loopback server cannot resolve `my-project.127.0.0.1`).

use aliyun_codegen::{Config, RuntimeDependency};
use aliyun_codegen_tests::{check_generated_crate, locations, repo_root};

/// Added to the generated crate: what the runtime builds from the generated request.
const BUILT_REQUEST_TEST: &str = r#"//! Added by tests/tests/roa_host.rs.
use aliyun_runtime::http::{build_request, header_str, RequestConfig};
use aliyun_runtime::{Credentials, SdkError};
use aliyun_shelf::CreateBinGroupRequest;

fn built(
    project: &str,
) -> Result<(String, Option<String>), SdkError<aliyun_shelf::CreateBinGroupError>> {
    let request = CreateBinGroupRequest::builder()
        .project_name(project)
        .shelf_name("shelf-1")
        .group_name("bins-a")
        .build_unchecked()
        .expect("every required parameter is set");
    let config = RequestConfig::new()
        .with_endpoint("https://cn-hangzhou.shelf.example.com")
        .expect("an endpoint");
    let credentials = Credentials::new("id", "secret");
    let at = std::time::SystemTime::UNIX_EPOCH;
    let http = build_request(&request, &config, &credentials, at, "nonce-1", None)?;
    Ok((
        http.uri().to_string(),
        header_str(http.headers(), "host").map(str::to_string),
    ))
}

#[test]
fn the_project_goes_before_the_endpoint() {
    let (uri, host) = built("my-project").expect("builds");
    assert_eq!(
        uri,
        "https://my-project.cn-hangzhou.shelf.example.com/shelves/shelf-1/bingroups"
    );
    assert_eq!(
        host.as_deref(),
        Some("my-project.cn-hangzhou.shelf.example.com")
    );
}

#[test]
fn a_project_that_would_name_another_host_is_refused() {
    for bad in ["evil.example.org", "a/b", "user@evil", ""] {
        match built(bad) {
            Err(SdkError::Validation(e)) => assert!(e.mentions("project_name"), "{e}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}
"#;

#[test]
fn a_parameter_in_the_host_name_end_to_end() {
    let root = repo_root();
    let dir = root.join("tests/fixtures/hosted");
    let loaded = Config::new().load(&dir).expect("loads");
    let api = &loaded.apis[0];
    let locations = locations(api);
    // By the doc: `Host: ProjectName.Endpoint` names `project_name`; `shelfName` is a path
    // segment the example fills; the body template names the other two.
    assert_eq!(
        locations,
        [
            ("project_name", "host"),
            ("shelfName", "path"),
            ("groupName", "body"),
            ("capacity", "body"),
        ]
    );
    assert_eq!(
        api.examples.http_requests[0].host.as_deref(),
        Some("my-project.cn-hangzhou.shelf.example.com")
    );

    let out = root.join("target/fixture-crates/shelf");
    let config = Config::new()
        .standalone(true)
        .runtime(RuntimeDependency::Path(
            root.join("runtime").display().to_string(),
        ));
    let loaded = config.load_dirs(&[dir.as_path()]).expect("loads");
    let (files, diags) = config
        .render_loaded(&loaded, std::path::Path::new("fixtures/hosted"), &out)
        .expect("renders");
    assert!(
        !diags.iter().any(|d| d.kind == "example-not-tested"),
        "{diags:?}"
    );
    let src = &files["src/create_bin_group.rs"];
    assert!(src.contains("r.host_param(\"project_name\", x);"));
    // The example test compares the label with the example's `Host:` line.
    assert!(
        src.contains("assert_eq!(roa.host_prefix(), ::std::option::Option::Some(\"my-project\"));")
    );
    aliyun_codegen::write_crate(&out, &files).expect("writes the crate");
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("copies Cargo.lock");
    std::fs::create_dir_all(out.join("tests")).expect("a tests folder");
    std::fs::write(out.join("tests/host_name.rs"), BUILT_REQUEST_TEST).expect("writes the test");
    check_generated_crate(&out, "Shelf");
}
