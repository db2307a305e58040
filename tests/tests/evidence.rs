//! A valid call is never blocked (issue 19): a rule read from the prose that the doc's own value
//! breaks is demoted, documented but not enforced. `tests/fixtures/notice` holds one made-up
//! parameter per kind of such rule (a date rule on a date-time, a date-time rule on a time, an
//! IP rule on a CIDR block, a CIDR rule on an address, a character class, a range, a length, a
//! value list, a conditional requirement), beside what must not be demoted (a masked example,
//! a list of a format's placeholders that stays prose, rows that name no parameter).
//!
//! Expected values are read off the fixture doc by hand. The generated crate's own
//! request-example test then builds the doc's example and passes validation: it would fail if
//! any of these rules were still enforced.

use aliyun_codegen::model::{Api, Field, Rule};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, repo_root};

fn notice() -> Api {
    let loaded = Config::new()
        .load(repo_root().join("tests/fixtures/notice"))
        .expect("the fixture loads");
    loaded.apis.into_iter().next().expect("one API")
}

fn field<'a>(api: &'a Api, name: &str) -> &'a Field {
    api.request
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// (kind, value that breaks it) of each demoted rule of a field.
fn demoted(f: &Field) -> Vec<(String, String)> {
    f.demoted
        .iter()
        .map(|d| {
            let kind = serde_json::to_value(&d.constraint.rule).expect("serialises")["kind"]
                .as_str()
                .unwrap_or("")
                .to_string();
            (kind, d.contradicted_by.value.clone())
        })
        .collect()
}

fn pair(kind: &str, value: &str) -> Vec<(String, String)> {
    vec![(kind.to_string(), value.to_string())]
}

#[test]
fn each_rule_the_docs_own_value_breaks_is_demoted() {
    let api = notice();
    // Format kinds: date, date-time, IP, CIDR; then a character class, a range, a length.
    assert_eq!(
        demoted(field(&api, "StartDate")),
        pair("format", "2019-03-13T12:11:14Z")
    );
    assert_eq!(demoted(field(&api, "Window")), pair("format", "01:00Z"));
    assert_eq!(
        demoted(field(&api, "ClientAddress")),
        pair("format", "10.23.12.24/24")
    );
    assert_eq!(
        demoted(field(&api, "CidrBlock")),
        pair("format", "192.168.0.1")
    );
    assert_eq!(demoted(field(&api, "Label")), pair("chars", "team_a"));
    assert_eq!(demoted(field(&api, "Port")), pair("range", "8080"));
    assert_eq!(
        demoted(field(&api, "Title")),
        pair("length", "maintenance notice")
    );
    // A value list the example is not one of: no enum, the field stays text.
    assert_eq!(demoted(field(&api, "Level")), pair("enum", "warning"));
    // `Channel` is required when `Kind` is `Sms`; the example sets `Kind=Sms` without it.
    let channel = field(&api, "Channel");
    assert_eq!(channel.demoted.len(), 1);
    assert!(matches!(
        channel.demoted[0].constraint.rule,
        Rule::Relation { .. }
    ));
    assert!(channel.constraints.is_empty());
    for f in &api.request {
        assert!(
            f.constraints
                .iter()
                .all(|c| !f.demoted.iter().any(|d| d.constraint.rule == c.rule)),
            "{}: a demoted rule is still enforced",
            f.name
        );
    }
}

#[test]
fn what_is_no_evidence_demotes_nothing() {
    let api = notice();
    // `116.XX.XX.28` is masked: no evidence against the IP rule, which stays.
    let peer = field(&api, "PeerAddress");
    assert!(peer.demoted.is_empty());
    assert!(peer
        .constraints
        .iter()
        .any(|c| matches!(&c.rule, Rule::Format { name, .. } if name == "ip")));
    // `$accountID` / `$roleName` explain the format's placeholders: prose, not values.
    let role = field(&api, "RoleArn");
    assert!(
        role.constraints.is_empty() && role.demoted.is_empty(),
        "{role:?}"
    );
    // The example is one of the listed values: the list stays a (now open) enum.
    assert!(matches!(
        &field(&api, "Kind").constraints[0].rule,
        Rule::Enum { values } if values.len() == 2
    ));
    // Rows that name no parameter never become fields.
    let names: Vec<&str> = api.request.iter().map(|f| f.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("Common")), "{names:?}");
}

#[test]
fn demoted_rules_stay_in_the_rustdoc_and_the_crate_passes_its_example_tests() {
    let config = Config::new();
    let loaded = config
        .load(repo_root().join("tests/fixtures/notice"))
        .expect("loads");
    let (files, diags) = config
        .render_loaded(
            &loaded,
            std::path::Path::new("spec/notice"),
            std::path::Path::new("notice"),
        )
        .expect("renders");
    let module = &files["src/create_notice.rs"];
    assert!(module.contains("Documented but not checked"));
    assert!(module.contains("`2019-03-13T12:11:14Z`, CreateNotice.md:"));
    let demoted = diags
        .iter()
        .filter(|d| d.kind == "rule-contradicts-example")
        .count();
    assert_eq!(demoted, 9, "one warning per demoted rule");
    assert!(
        diags.iter().all(|d| d.kind != "example-breaks-rule"),
        "{diags:#?}"
    );
    generate_and_check_crate(
        Config::new(),
        "Notice",
        &[repo_root().join("tests/fixtures/notice")],
    );
}
