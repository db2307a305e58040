//! An honest figure for the extractor: recall and precision of the IR's rules against hand
//! labels of 20 docs drawn at random from the products added to ../shared/corpus (ess, cbwp,
//! smartag, cms, nas). The labels (`tests/data/rule-labels.json`, conventions in
//! `tests/data/rule-labels.FORMAT.md`) were made by reading the docs, without the generator.
//!
//! A rule counts as found only when the IR holds a rule of the same kind on the same parameter
//! with the same content (values, bounds, default, separator, other parameter). Labels marked
//! `doubtful` are left out of recall, and an IR rule that matches one is not held against
//! precision either.

use std::collections::BTreeMap;

use aliyun_codegen::model::{Field, RelationKind, Rule};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::labels::{report, Tally};
use aliyun_codegen_tests::{corpus_available, corpus_dir};
use serde_json::Value;

const RECALL_FLOOR: f64 = 90.0;
const PRECISION_FLOOR: f64 = 95.0;

/// The label vocabulary's name of an IR rule kind.
fn kind_of(rule: &Rule) -> String {
    match rule {
        Rule::Relation { relation, .. } => match relation {
            RelationKind::NoOverlap => "no_overlap",
            RelationKind::MutuallyExclusive => "mutually_exclusive",
            RelationKind::Requires => "requires",
            RelationKind::RequiredWhen => "required_when",
            RelationKind::AtLeastOneOf => "at_least_one_of",
            RelationKind::AppliesWhen => "applies_when",
            RelationKind::Ordered => "ordered",
            RelationKind::DifferentFrom => "different_from",
        }
        .to_string(),
        other => serde_json::to_value(other).expect("rules serialise")["kind"]
            .as_str()
            .expect("rules carry a kind")
            .to_string(),
    }
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn same_bound(label: &Value, ir: Option<f64>) -> bool {
    num(label) == ir
}

/// The label's value as wire text (`false`, `10`, `release`).
fn label_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether an IR rule states what the label states.
fn matches(label: &Value, rule: &Rule) -> bool {
    if label["kind"].as_str() != Some(kind_of(rule).as_str()) {
        return false;
    }
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(label_text).collect())
            .unwrap_or_default()
    };
    match rule {
        Rule::Enum { values } => {
            let mut a: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
            let mut b = strs(&label["values"]);
            a.sort();
            b.sort();
            a == b
        }
        Rule::Default { value } => value.eq_ignore_ascii_case(&label_text(&label["value"])),
        Rule::Range { min, max, .. } => {
            same_bound(&label["min"], min.map(|n| n.as_f64()))
                && same_bound(&label["max"], max.map(|n| n.as_f64()))
        }
        Rule::Length { min, max } | Rule::Items { min, max } => {
            same_bound(&label["min"], min.map(|n| n as f64))
                && same_bound(&label["max"], max.map(|n| n as f64))
        }
        Rule::MultiValue { separator, max } => {
            label["separator"].as_str() == Some(separator.as_str())
                && same_bound(&label["max"], max.map(|n| n as f64))
        }
        Rule::Format { name, .. } => strs(&label["values"]).contains(name),
        Rule::Relation { other, .. } => match &label["other"] {
            Value::String(s) => s == other,
            Value::Array(_) => strs(&label["other"]).contains(other),
            _ => false,
        },
        _ => true,
    }
}

/// Request fields by their dotted wire path, `.N` segments dropped (`InstanceId`,
/// `Escalations.Critical.ComparisonOperator`).
fn fields_by_path<'a>(fields: &'a [Field], prefix: &str, out: &mut BTreeMap<String, &'a Field>) {
    for f in fields {
        let path = format!("{prefix}{}", f.name);
        let path = strip_items(&path);
        out.insert(path.clone(), f);
        fields_by_path(&f.children, &format!("{path}."), out);
    }
}

fn strip_items(path: &str) -> String {
    path.split('.')
        .filter(|s| *s != "N" && s.parse::<u32>().is_err())
        .collect::<Vec<_>>()
        .join(".")
}

#[test]
fn recall_and_precision_against_hand_labels() {
    if !corpus_available("recall_and_precision_against_hand_labels") {
        return;
    }
    let text = include_str!("../data/rule-labels.json");
    let labels: Value = serde_json::from_str(text).expect("labels are JSON");
    let docs: Vec<&str> = labels["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| d.as_str().expect("doc path"))
        .collect();
    assert_eq!(docs.len(), 20, "the sample is 20 docs");
    let rules = labels["rules"].as_array().expect("rules");
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for doc in &docs {
        let path = corpus_dir().join(doc);
        let source = std::fs::read_to_string(&path).expect("labelled doc is readable");
        let (api, _) = parse_doc(doc, &source, &DocDefaults::default())
            .unwrap_or_else(|f| panic!("{doc} does not parse: {f}"));
        let mut fields = BTreeMap::new();
        fields_by_path(&api.request, "", &mut fields);
        let here: Vec<&Value> = rules.iter().filter(|r| r["doc"] == *doc).collect();
        for label in &here {
            if label.get("doubtful").is_some() {
                continue;
            }
            let kind = label["kind"].as_str().expect("kind").to_string();
            let param = strip_items(label["param"].as_str().expect("param"));
            let t = tally.entry(kind).or_default();
            t.labels += 1;
            let found = fields
                .get(&param)
                .is_some_and(|f| f.constraints.iter().any(|c| matches(label, &c.rule)));
            if found {
                t.found += 1;
            } else {
                misses.push(format!("{doc} {param}: {label}"));
            }
        }
        for (param, f) in &fields {
            for c in &f.constraints {
                let mine: Vec<&&Value> = here
                    .iter()
                    .filter(|l| strip_items(l["param"].as_str().unwrap_or("")) == *param)
                    .filter(|l| matches(l, &c.rule))
                    .collect();
                if mine.iter().any(|l| l.get("doubtful").is_some()) {
                    continue;
                }
                let t = tally.entry(kind_of(&c.rule)).or_default();
                t.ir += 1;
                if mine.is_empty() {
                    wrong.push(format!(
                        "{doc} {param}: {} (from `{}`)",
                        serde_json::to_string(&c.rule).unwrap_or_default(),
                        c.source
                    ));
                } else {
                    t.ir_right += 1;
                }
            }
        }
    }
    let (recall, precision) = report(&tally, &misses, &wrong);
    assert!(
        recall >= RECALL_FLOOR && precision >= PRECISION_FLOOR,
        "recall {recall:.1}% (floor {RECALL_FLOOR}%), precision {precision:.1}% (floor {PRECISION_FLOOR}%)"
    );
}
