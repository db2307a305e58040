//! A made-up product (tests/fixtures/mixed) with an RPC API and a REST-style (ROA) API in one
//! crate: both parse as documented, the crate builds clean and its generated tests (the ROA
//! request example: method, path with an encoded segment, query, non-ASCII body) pass.

use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, locations, repo_root};

#[test]
fn rpc_and_roa_apis_side_by_side() {
    let dir = repo_root().join("tests/fixtures/mixed");
    let loaded = Config::new().load(&dir).expect("loads");
    let styles: Vec<(&str, &str)> = loaded
        .apis
        .iter()
        .map(|a| (a.name.as_str(), a.style.as_str()))
        .collect();
    assert_eq!(
        styles,
        [("DescribeGadgets", "RPC"), ("UpdateGadget", "ROA")]
    );
    let rpc = &loaded.apis[0];
    assert_eq!((rpc.method.as_deref(), rpc.path.as_deref()), (None, None));
    assert!(rpc.request.iter().all(|f| f.location.is_none()));
    let roa = &loaded.apis[1];
    assert_eq!(roa.method.as_deref(), Some("PUT|PATCH"));
    assert_eq!(
        roa.path.as_deref(),
        Some("/v2/regions/{regionId}/gadgets/{GadgetId}")
    );
    let locations = locations(roa);
    assert_eq!(
        locations,
        [
            ("regionId", "path"),
            ("GadgetId", "path"),
            ("dryRun", "query"),
            ("x-acs-gadget-trace", "header"),
            ("ClientToken", "query"),
            ("name", "body"),
            ("labels", "body"),
        ]
    );
    let labels: Vec<&str> = roa.request[6]
        .children
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(labels, ["color", "sizes"]);

    let (files, _) = Config::new()
        .render_crate(&dir, std::path::Path::new("fixtures/mixed"))
        .expect("renders");
    let rpc_src = &files["src/describe_gadgets.rs"];
    let roa_src = &files["src/update_gadget.rs"];
    assert!(!rpc_src.contains("to_roa"), "the RPC API stays RPC");
    assert!(roa_src.contains("pub const METHOD: &'static str = \"PATCH\""));
    assert!(roa_src.contains("fn request_example_1_reproduces_method_path_query_and_body"));
    generate_and_check_crate(Config::new(), "Gadget", &[dir]);
}
