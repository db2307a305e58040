//! Every rule kind the validators enforce, end to end, without the parser: the IR in
//! `tests/fixtures/rules-ir/apis.json` is written by hand (one parameter per kind, relations
//! inside list items, `required_when` with two conditions and with "is not set", `ordered` with
//! and without a span over datetimes, dates and epoch milliseconds, `range_when` at the top
//! and per item). The crate generated from it is built, and its generated rule tests (which
//! break each rule once and keep it once, outcomes decided from the rule's meaning) must pass.

use std::path::Path;

use aliyun_codegen::model::{Api, RelationKind, Rule};
use aliyun_codegen::{Config, Loaded, Manifest, RuntimeDependency};
use aliyun_codegen_tests::{check_generated_crate, repo_root};

fn kinds(apis: &[Api]) -> Vec<String> {
    fn walk(fields: &[aliyun_codegen::model::Field], out: &mut Vec<String>) {
        for f in fields {
            for c in &f.constraints {
                out.push(match &c.rule {
                    Rule::Relation { relation, .. } => format!("{relation:?}"),
                    other => serde_json::to_value(other).expect("rule")["kind"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                });
            }
            walk(&f.children, out);
        }
    }
    let mut out = Vec::new();
    for a in apis {
        walk(&a.request, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn hand_written_ir_becomes_validators_that_pass_their_rule_tests() {
    let root = repo_root();
    let text = std::fs::read_to_string(root.join("tests/fixtures/rules-ir/apis.json"))
        .expect("read the fixture");
    let apis: Vec<Api> = serde_json::from_str(&text).expect("the fixture is IR JSON");
    let present = kinds(&apis);
    for kind in [
        "not_empty",
        "forbidden_substrings",
        "range_when",
        &format!("{:?}", RelationKind::Ordered),
        &format!("{:?}", RelationKind::RequiredWhen),
        &format!("{:?}", RelationKind::Requires),
        &format!("{:?}", RelationKind::MutuallyExclusive),
        &format!("{:?}", RelationKind::AtLeastOneOf),
        &format!("{:?}", RelationKind::AppliesWhen),
        &format!("{:?}", RelationKind::DifferentFrom),
    ] {
        assert!(present.iter().any(|k| k == kind), "fixture lacks {kind}");
    }

    let out = root.join("target/fixture-crates/rulekinds");
    let config = Config::new()
        .standalone(true)
        .runtime(RuntimeDependency::Path(
            root.join("runtime").display().to_string(),
        ));
    let loaded = Loaded {
        apis,
        diagnostics: Vec::new(),
        inputs: Vec::new(),
        manifest: Manifest::default(),
        skipped: Vec::new(),
        service: Default::default(),
    };
    let (files, _) = config
        .render_loaded(&loaded, Path::new("tests/fixtures/rules-ir"), &out)
        .unwrap_or_else(|f| panic!("generation failed:\n{f}"));
    let module = files
        .iter()
        .find(|(path, _)| path.ends_with("create_thing.rs"))
        .map(|(_, text)| text.as_str())
        .expect("the API's module");
    // A test per relation, at the top level and inside list items; each breaks its rule once.
    for test in [
        "fn relations_of_end_time",
        "fn relations_of_end_date",
        "fn relations_of_end_ms",
        "fn relations_of_token",
        "fn relations_of_backup",
        "fn relations_of_alpha",
        "fn relations_of_beta",
        "fn relations_of_delta",
        "fn relations_of_epsilon",
        "fn relations_of_period",
        "fn relations_of_data_disk_size",
        "fn relations_of_data_disk_iops",
        "fn relations_of_data_disk_encrypted",
        "fn relations_of_filter_value",
    ] {
        let body = module
            .split(test)
            .nth(1)
            .unwrap_or_else(|| panic!("no `{test}` in the generated tests"));
        let body = &body[..body.find("#[test]").unwrap_or(body.len())];
        assert!(
            body.contains(".mentions(") && body.contains("! matches!("),
            "`{test}` must reject one request and accept another:\n{body}"
        );
    }
    // not_empty and forbidden_substrings: the empty name and a name with a URL are rejected.
    assert!(module.contains("(\"\", false)") && module.contains("(\"aahttp://aa\", false)"));
    // Indexed names relate members of the same item; the violation names the item's path.
    for path in [
        "\"DataDisk.1.Size\"",
        "\"DataDisk.1.Iops\"",
        "\"DataDisk.1.KmsKeyId\"",
        "\"Filter.1.Value\"",
    ] {
        assert!(module.contains(path), "no assertion on {path}");
    }
    // The rules are data a reviewer can read.
    assert!(module.contains("Check::RangeWhen"), "{module}");
    assert!(module.contains("Rel::Same(\"Category\")") && module.contains("Rel::Top(\"Zone\")"));
    aliyun_codegen::write_crate(&out, &files).expect("write the crate");
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("copy Cargo.lock");
    check_generated_crate(&out, "RuleKinds");
}
