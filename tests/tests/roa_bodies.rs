//! A made-up REST-style product (tests/fixtures/bodies) whose request bodies only the docs'
//! examples show: a JSON array no table documents, object members named only in prose and the
//! example, an array whose items hold the body rows, and one list row standing for the whole
//! body; and a query the request line fixes. Each becomes something a caller can set (or the
//! request always sends), and the crate's generated request-example tests (method, path, query,
//! body as the example writes it) pass.

use aliyun_codegen::model::{Api, Field, Type};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, repo_root};

/// (name, type, location, required) of each field, members indented by their depth.
fn shape(fields: &[Field], depth: usize, out: &mut Vec<String>) {
    for f in fields {
        out.push(format!(
            "{}{} {} {} {}",
            "  ".repeat(depth),
            f.name,
            f.ty.as_str(),
            f.location.as_deref().unwrap_or(""),
            f.required == Some(true)
        ));
        shape(&f.children, depth + 1, out);
    }
}

fn request_of(apis: &[Api], name: &str) -> Vec<String> {
    let api = apis.iter().find(|a| a.name == name).expect(name);
    let mut out = Vec::new();
    shape(&api.request, 0, &mut out);
    out
}

#[test]
fn bodies_only_the_examples_show_can_be_sent() {
    let dir = repo_root().join("tests/fixtures/bodies");
    let loaded = Config::new().load(&dir).expect("loads");
    // The request line's `?action=restore` names no parameter: every request sends it.
    let restore = loaded.apis.iter().find(|a| a.name == "RestoreZones");
    assert_eq!(
        restore.and_then(|a| a.path.as_deref()),
        Some("/openapi/clusters/{ClusterId}/zones?action=restore")
    );
    // The example's `["cn-hangzhou-i","cn-hangzhou-h"]`: one optional JSON value.
    assert_eq!(
        request_of(&loaded.apis, "RestoreZones"),
        ["ClusterId String path true", "Body Json payload false"]
    );
    // `adminPassword` (text), `replicas` (3, a whole number), `settings` (an object): optional
    // members typed from the example's values; the example's query `dryRun`: optional text.
    assert_eq!(
        request_of(&loaded.apis, "UpdateClusterSettings"),
        [
            "ClusterId String path true",
            "clientToken String query false",
            "adminPassword String body false",
            "replicas Long body false",
            "settings Json body false",
            "dryRun String query false",
        ]
    );
    // The table's rows are the members of each item of the example's list.
    assert_eq!(
        request_of(&loaded.apis, "RemoveNodes"),
        [
            "ClusterId String path true",
            "Body Array payload true",
            "  host String payload true",
            "  port Integer payload true",
            "  store Object payload false",
            "    bucket String payload false",
            "    prefix String payload false",
        ]
    );
    // `RequestBody|Array` with `└ name`: the row is the list the example sends.
    assert_eq!(
        request_of(&loaded.apis, "InstallPlugins"),
        [
            "ClusterId String path true",
            "RequestBody Array payload true",
            "  name String payload true",
        ]
    );
    let kinds: Vec<&str> = loaded.diagnostics.iter().map(|d| d.kind).collect();
    assert!(kinds.contains(&"example-only-parameter"), "{kinds:?}");
    // Every request example becomes a test of the crate.
    let (files, notes) = Config::new()
        .render_crate(&dir, std::path::Path::new("fixtures/bodies"))
        .expect("renders");
    assert!(
        !notes.iter().any(|d| d.kind == "example-not-tested"),
        "{notes:#?}"
    );
    let tests = files
        .values()
        .filter(|src| src.contains("fn request_example_1_reproduces_method_path_query_and_body"))
        .count();
    assert_eq!(tests, 4);
    let lists = loaded
        .apis
        .iter()
        .flat_map(|a| &a.request)
        .filter(|f| f.ty == Type::Array)
        .count();
    assert_eq!(lists, 2);

    generate_and_check_crate(Config::new(), "Bodies", &[dir]);
}
