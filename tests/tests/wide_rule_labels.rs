//! Rules of products the extractor's wordings were not written from: hand labels of every rule
//! stated for the request parameters of 40 docs drawn at random (`random.seed(20261207)`) from
//! the 25 products of `../shared/corpus-wide` (`tests/data/wide-rule-labels.json`, sampling and
//! conventions in `wide-rule-labels.FORMAT.md`). A separate reader made the labels from the
//! docs alone, without seeing the extractor or its output.
//!
//! All kinds are scored together, relations included. A label counts as found when the IR holds
//! a rule of the same kind and content on the same parameter, enforced or demoted (a demoted
//! rule was read right and is documented; the doc's own example contradicts it). Precision is
//! over the rules the IR enforces, on every request parameter of the sampled docs: each must
//! match a label (a doubtful label excuses the rules it matches). Kinds the IR has no word for
//! (`other`) count as misses. Labels on RPC common parameters that a doc lists in its own table
//! (`Timestamp`, `Version`) are not scored: the runtime sets those, the crate has no field.

use std::collections::BTreeMap;

use aliyun_codegen::model::{location, Constraint, Field, Rule};
use aliyun_codegen::parse::identity::RPC_COMMON_PARAMETERS;
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::labels::{
    expected, fields_by_path, is_relation, kind_of, relation_matches, report, single_matches,
    strip_items, Tally,
};
use aliyun_codegen_tests::{folder_available, repo_root};
use serde_json::Value;

/// The floors the issue sets for this sample; the figures are printed by the test.
const RECALL_FLOOR: f64 = 90.0;
const PRECISION_FLOOR: f64 = 99.0;

const RELATION_KINDS: &[&str] = &[
    "no_overlap",
    "mutually_exclusive",
    "requires",
    "required_when",
    "at_least_one_of",
    "applies_when",
    "ordered",
    "different_from",
    "range_when",
];

fn is_relation_label(label: &Value) -> bool {
    label["kind"]
        .as_str()
        .is_some_and(|k| RELATION_KINDS.contains(&k))
}

/// Every rule the IR holds on a field: enforced, then demoted.
fn all_rules(f: &Field) -> impl Iterator<Item = &Constraint> {
    f.constraints
        .iter()
        .chain(f.demoted.iter().map(|d| &d.constraint))
}

/// Whether a single-parameter rule states the label. Rows of one member at literal positions
/// (`Parameter.1.Code`, `Parameter.2.Code`) are one member in the IR, whose listed values are
/// those of every position (the README's rule for `Filter.1.Key`): a position's values are
/// found when the member lists them.
fn single_rule_matches(label: &Value, rule: &Rule) -> bool {
    let positional = label["param"]
        .as_str()
        .is_some_and(|p| p.split('.').any(|s| s.parse::<u32>().is_ok()));
    match rule {
        Rule::Enum { values } if positional && label["kind"] == "enum" => {
            label["values"].as_array().is_some_and(|want| {
                want.iter()
                    .all(|w| values.iter().any(|v| Some(v.value.as_str()) == w.as_str()))
            })
        }
        _ => single_matches(label, rule),
    }
}

/// Labels name a parameter by its row. A REST-style body documented as a nameless `Array` row
/// is the IR's payload field `Body`, whose items have the body rows as members
/// (`Body.direction`): those members are keyed by their rows' names.
fn row_paths(fields: &mut BTreeMap<String, &Field>) {
    let payload = fields.get("Body").is_some_and(|f| {
        f.location.as_deref() == Some(location::PAYLOAD) && !f.children.is_empty()
    });
    if !payload {
        return;
    }
    let members: Vec<String> = fields
        .keys()
        .filter(|k| k.starts_with("Body."))
        .cloned()
        .collect();
    for key in members {
        let row = key["Body.".len()..].to_string();
        if !fields.contains_key(&row) {
            if let Some(f) = fields.remove(&key) {
                fields.insert(row, f);
            }
        }
    }
}

/// Whether the IR holds what `label` states (on any of its parameters' fields).
fn found(label: &Value, fields: &BTreeMap<String, &Field>) -> bool {
    if is_relation_label(label) {
        return expected(label).iter().all(|e| {
            !e.others.is_empty()
                && e.others.iter().all(|o| {
                    fields.get(&e.holder).is_some_and(|f| {
                        all_rules(f).any(|c| relation_matches(e, o, &c.rule, false))
                    })
                })
        });
    }
    let param = strip_items(label["param"].as_str().unwrap_or(""));
    fields
        .get(&param)
        .is_some_and(|f| all_rules(f).any(|c| single_rule_matches(label, &c.rule)))
}

/// Whether an enforced IR rule on `param` matches `label`.
fn rule_is(label: &Value, param: &str, rule: &Rule) -> bool {
    if is_relation(rule) {
        is_relation_label(label)
            && expected(label).iter().any(|e| {
                e.holder == param && e.others.iter().any(|o| relation_matches(e, o, rule, false))
            })
    } else {
        strip_items(label["param"].as_str().unwrap_or("")) == param
            && single_rule_matches(label, rule)
    }
}

#[test]
fn every_kind_against_hand_labels_of_unseen_products() {
    let wide = repo_root().join("../shared/corpus-wide");
    if !folder_available("every_kind_against_hand_labels_of_unseen_products", &wide) {
        return;
    }
    let labels: Value = serde_json::from_str(include_str!("../data/wide-rule-labels.json"))
        .expect("labels are JSON");
    let docs: Vec<&str> = labels["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| d.as_str().expect("doc path"))
        .collect();
    assert_eq!(docs.len(), 40, "the sample is 40 docs");
    let rules = labels["rules"].as_array().expect("rules");
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut misses, mut wrong, mut set_by_runtime) = (Vec::new(), Vec::new(), Vec::new());
    for doc in &docs {
        let source = std::fs::read_to_string(wide.join(doc)).expect("labelled doc is readable");
        // A doc the parser cannot read holds no rules: its labels are all missed.
        let request = parse_doc(doc, &source, &DocDefaults::default())
            .map(|(api, _)| api.request)
            .unwrap_or_default();
        let mut fields = BTreeMap::new();
        fields_by_path(&request, "", &mut fields);
        row_paths(&mut fields);
        let here: Vec<&Value> = rules.iter().filter(|r| r["doc"] == *doc).collect();
        for label in here.iter().filter(|l| l.get("doubtful").is_none()) {
            // `Timestamp`, `Version`, `Format` in a doc's own table (sls GetSlsService): the
            // runtime writes the RPC common parameters itself, so the crate has no field for
            // them and their rules cannot reach a user. Counted apart, named in the output.
            let param = label["param"].as_str().unwrap_or("");
            if RPC_COMMON_PARAMETERS.contains(&param) && !fields.contains_key(param) {
                set_by_runtime.push(format!(
                    "{doc}:{} {param}: {}",
                    label["line"], label["kind"]
                ));
                continue;
            }
            let t = tally
                .entry(label["kind"].as_str().unwrap_or("?").to_string())
                .or_default();
            t.labels += 1;
            if found(label, &fields) {
                t.found += 1;
            } else {
                misses.push(format!(
                    "{doc}:{} {}: {} `{}`",
                    label["line"],
                    label["param"].as_str().unwrap_or(""),
                    label["kind"].as_str().unwrap_or(""),
                    label["sentence"].as_str().unwrap_or("")
                ));
            }
        }
        for (param, f) in &fields {
            for c in &f.constraints {
                let matched: Vec<bool> = here
                    .iter()
                    .filter(|l| rule_is(l, param, &c.rule))
                    .map(|l| l.get("doubtful").is_some())
                    .collect();
                if !matched.is_empty() && matched.iter().all(|d| *d) {
                    continue;
                }
                let t = tally.entry(kind_of(&c.rule)).or_default();
                t.ir += 1;
                if matched.is_empty() {
                    wrong.push(format!(
                        "{doc} {param}: {} (from `{}`)",
                        serde_json::to_string(&c.rule).unwrap_or_default(),
                        c.source.replace('\n', " ")
                    ));
                } else {
                    t.ir_right += 1;
                }
            }
        }
    }
    let (recall, precision) = report(&tally, &misses, &wrong);
    println!(
        "\nlabels on RPC common parameters the runtime sets (not scored): {}\n{}",
        set_by_runtime.len(),
        set_by_runtime.join("\n")
    );
    assert!(
        recall >= RECALL_FLOOR && precision >= PRECISION_FLOOR,
        "recall {recall:.1}% (floor {RECALL_FLOOR}%), precision {precision:.1}% (floor {PRECISION_FLOOR}%)"
    );
}
