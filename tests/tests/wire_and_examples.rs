//! The made-up product in tests/fixtures/fleet: request containers that travel as one JSON
//! document beside a repeat list, and response examples whose shapes differ from the table. The
//! doc's own request example is the arbiter of the wire shape (its generated test must pass);
//! the response example values without a place in the types are reported, named, and skipped
//! by the generated tests, which assert every other value.

use std::path::Path;

use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, repo_root};

fn fleet() -> (
    std::collections::BTreeMap<String, String>,
    Vec<aliyun_codegen::diagnostics::Diagnostic>,
) {
    let config = Config::new();
    let dir = repo_root().join("tests/fixtures/fleet");
    let loaded = config.load(&dir).expect("the fleet doc loads");
    config
        .render_loaded(&loaded, Path::new("tests/fixtures/fleet"), Path::new("out"))
        .expect("the fleet crate renders")
}

#[test]
fn json_wire_containers_are_sent_as_one_document() {
    let (files, _) = fleet();
    let module = &files["src/create_fleet.rs"];
    // The expected query of the generated request test is the doc's example, as written.
    for (name, value) in [
        ("Servers", r#"[{"Id":"s-1","Port":80},{"Id":"s-2"}]"#),
        ("Rules", r#"[{"Priority":1},{"Priority":2}]"#),
        ("Names", r#"["x","y"]"#),
        ("Tag.1.Key", "k"),
    ] {
        let pair = format!("({name:?}, {value:?})");
        assert!(module.contains(&pair), "{pair} not expected in:\n{module}");
    }
    // Servers, Rules and Names are one parameter each; Tag stays a repeat list.
    for json in ["Servers", "Rules", "Names"] {
        let push = format!("q.field_json(prefix, \"{json}\", x)");
        assert!(module.contains(&push), "{json} is not sent as JSON");
    }
    assert!(module.contains("item_prefix(prefix, \"Tag\", i)"));
    // Rules has no documented members: its items are JSON values, not an empty struct.
    assert!(!module.contains("pub struct Rules"));
}

#[test]
fn example_values_without_a_place_are_reported_with_their_line() {
    let (_, diags) = fleet();
    let mut unplaced: Vec<(usize, String)> = diags
        .iter()
        .filter(|d| d.kind == "example-value-unplaced")
        .map(|d| {
            let path = d.message.split('`').nth(1).unwrap_or_default().to_string();
            (d.line, path)
        })
        .collect();
    unplaced.sort();
    // Read off the doc by hand: the JSON example (its fence opens at line 51) nests Zone, adds
    // Servers.Health and Extra — the parser gives those a place from the example (checked
    // below); the XML one (line 64) has a root attribute, an attribute on FleetId and words in
    // the Integer Capacity, which no typed field can hold.
    let expected: Vec<(usize, String)> = [(64, "Capacity"), (64, "FleetId.lang"), (64, "Version")]
        .iter()
        .map(|(l, p)| (*l, p.to_string()))
        .collect();
    for (kind, field) in [
        ("example-only-field", "`Extra`"),
        ("example-only-field", "`Servers.Health`"),
        ("type-mismatch", "`Zone`"),
    ] {
        assert!(
            diags
                .iter()
                .any(|d| d.kind == kind && d.message.starts_with(field)),
            "no {kind} for {field}: {diags:#?}"
        );
    }
    assert_eq!(unplaced, expected, "{diags:#?}");
    // Every diagnostic names the doc, but the folder's own: no product page gives an endpoint.
    assert!(diags
        .iter()
        .filter(|d| d.kind != "service-endpoints-unknown")
        .all(|d| d.file.ends_with("CreateFleet.md")));
}

#[test]
fn fleet_crate_builds_and_its_example_tests_pass() {
    generate_and_check_crate(
        Config::new(),
        "Fleet",
        &[repo_root().join("tests/fixtures/fleet")],
    );
}
