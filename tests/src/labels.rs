//! Scoring of the extractor against hand labels (`rule_labels.rs`, `relation_labels.rs`,
//! `wide_rule_labels.rs`): how a label and an IR rule are compared, counts per rule kind, the
//! printed table, and recall and precision over all kinds.

use std::collections::BTreeMap;

use aliyun_codegen::model::{Field, RelationKind, Rule};
use serde_json::Value;

/// `Tag.N.Key` and `Tag.1.Key` are the same member: names compared without item indices.
pub fn strip_items(path: &str) -> String {
    path.split('.')
        .filter(|s| !s.eq_ignore_ascii_case("n") && s.parse::<u32>().is_err())
        .collect::<Vec<_>>()
        .join(".")
}

/// Request fields by their dotted wire path without item indices (`InstanceId`,
/// `Escalations.Critical.ComparisonOperator`).
pub fn fields_by_path<'a>(
    fields: &'a [Field],
    prefix: &str,
    out: &mut BTreeMap<String, &'a Field>,
) {
    for f in fields {
        let path = strip_items(&format!("{prefix}{}", f.name));
        out.insert(path.clone(), f);
        fields_by_path(&f.children, &format!("{path}."), out);
    }
}

/// The label vocabulary's name of a relation (`different_from` is the relation labels'
/// negated `equal_to` when `equal_to` is asked for).
pub fn relation_name(kind: &RelationKind, different_as_equal: bool) -> &'static str {
    match kind {
        RelationKind::NoOverlap => "no_overlap",
        RelationKind::MutuallyExclusive => "mutually_exclusive",
        RelationKind::Requires => "requires",
        RelationKind::RequiredWhen => "required_when",
        RelationKind::AtLeastOneOf => "at_least_one_of",
        RelationKind::AppliesWhen => "applies_when",
        RelationKind::Ordered => "ordered",
        RelationKind::DifferentFrom if different_as_equal => "equal_to",
        RelationKind::DifferentFrom => "different_from",
    }
}

/// The label vocabulary's name of any IR rule kind.
pub fn kind_of(rule: &Rule) -> String {
    match rule {
        Rule::Relation { relation, .. } => relation_name(relation, false).to_string(),
        other => serde_json::to_value(other).expect("rules serialise")["kind"]
            .as_str()
            .expect("rules carry a kind")
            .to_string(),
    }
}

pub fn is_relation(rule: &Rule) -> bool {
    matches!(rule, Rule::Relation { .. } | Rule::RangeWhen { .. })
}

fn same_bound(label: &Value, ir: Option<f64>) -> bool {
    label.as_f64() == ir
}

/// The label's value as wire text (`false`, `10`, `release`).
pub fn label_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(label_text).collect())
        .unwrap_or_default()
}

/// Whether a single-parameter IR rule states what the label states: same kind and the same
/// content (values, bounds, default, separator; a `chars` or `ascii` rule by its kind alone).
pub fn single_matches(label: &Value, rule: &Rule) -> bool {
    if label["kind"].as_str() != Some(kind_of(rule).as_str()) {
        return false;
    }
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
        Rule::Forbidden { values }
        | Rule::PrefixForbidden { values }
        | Rule::ForbiddenSubstrings { values } => {
            let mut a: Vec<String> = values.iter().map(|v| v.to_ascii_lowercase()).collect();
            let mut b: Vec<String> = strs(&label["values"])
                .iter()
                .map(|v| v.to_ascii_lowercase())
                .collect();
            a.sort();
            b.sort();
            a == b
        }
        Rule::Json {
            min_items,
            max_items,
            ..
        } => {
            same_bound(&label["min"], min_items.map(|n| n as f64))
                && same_bound(&label["max"], max_items.map(|n| n as f64))
        }
        _ => true,
    }
}

/// One relation the IR could hold: on `holder`, of `kind`, naming `others`.
#[derive(Debug)]
pub struct Expected {
    pub holder: String,
    pub kind: String,
    /// Every one must be named by a rule on `holder`.
    pub others: Vec<String>,
    /// Condition values, any of which the rule may name (empty: no value stated).
    pub values: Vec<String>,
    pub negated: bool,
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![strip_items(s)],
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(strip_items)
            .collect(),
        _ => Vec::new(),
    }
}

/// What a relation label asks of the IR: one expectation per constrained parameter.
pub fn expected(label: &Value) -> Vec<Expected> {
    let kind = label["kind"].as_str().unwrap_or("").to_string();
    let param = strip_items(label["param"].as_str().unwrap_or(""));
    let others = names(&label["other"]);
    let values = match &label["value"] {
        Value::Array(a) => a.iter().map(label_text).collect(),
        Value::Null => Vec::new(),
        v => vec![label_text(v)],
    };
    let negated = label["negated"].as_bool().unwrap_or(false);
    let subject_other = label["subject"].as_str() == Some("other");
    // The IR's `ordered` sits on the later (greater) one: `this < other` is `other ≥ this`.
    let flipped = kind == "ordered" && matches!(label["op"].as_str(), Some("<" | "<="));
    if subject_other || flipped {
        others
            .iter()
            .map(|holder| Expected {
                holder: holder.clone(),
                kind: kind.clone(),
                others: vec![param.clone()],
                values: values.clone(),
                negated,
            })
            .collect()
    } else {
        vec![Expected {
            others: others.into_iter().filter(|o| *o != param).collect(),
            holder: param,
            kind,
            values,
            negated,
        }]
    }
}

/// Whether the IR's `other`, as a rule on `holder` names it, is the labelled `other`: the IR
/// names a member of the holder's own list item by its wire name (`NotificationArn` beside
/// `LifecycleHook.N.NotificationMetadata`) or as the doc spells it (`DataDisk.N.Category`).
pub fn same_param(holder: &str, ir_other: &str, label_other: &str) -> bool {
    let o = strip_items(ir_other);
    o == label_other
        || holder
            .rsplit_once('.')
            .is_some_and(|(parent, _)| format!("{parent}.{o}") == label_other)
}

/// Whether `rule` (held by `e.holder`) states what `e` expects of the other parameter `other`.
pub fn relation_matches(e: &Expected, other: &str, rule: &Rule, different_as_equal: bool) -> bool {
    match rule {
        Rule::Relation {
            relation,
            other: o,
            value,
            negated,
            ..
        } => {
            // `different_from` is the relation labels' negated `equal_to`.
            let negated = if different_as_equal {
                *negated != (*relation == RelationKind::DifferentFrom)
            } else {
                *negated
            };
            relation_name(relation, different_as_equal) == e.kind
                && same_param(&e.holder, o, other)
                && negated == e.negated
                && (e.values.is_empty()
                    || value
                        .as_ref()
                        .is_some_and(|v| e.values.iter().any(|w| w.eq_ignore_ascii_case(v))))
        }
        Rule::RangeWhen { other: o, .. } => {
            e.kind == "range_when" && same_param(&e.holder, o, other)
        }
        _ => false,
    }
}

/// Counts of one rule kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Labels of this kind (doubtful ones left out).
    pub labels: usize,
    /// Of those, found in the IR.
    pub found: usize,
    /// IR rules of this kind judged against the labels.
    pub ir: usize,
    /// Of those, matching a label.
    pub ir_right: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Prints the per-kind table, the misses and the IR rules no label states; returns
/// (recall, precision) over all kinds, in percent.
pub fn report(tally: &BTreeMap<String, Tally>, misses: &[String], wrong: &[String]) -> (f64, f64) {
    println!("| kind | labels | found | recall | IR rules | right | precision |");
    println!("|---|---|---|---|---|---|---|");
    let mut total = Tally::default();
    for (kind, t) in tally {
        println!(
            "| {kind} | {} | {} | {:.0}% | {} | {} | {:.0}% |",
            t.labels,
            t.found,
            pct(t.found, t.labels),
            t.ir,
            t.ir_right,
            pct(t.ir_right, t.ir)
        );
        total.labels += t.labels;
        total.found += t.found;
        total.ir += t.ir;
        total.ir_right += t.ir_right;
    }
    let (recall, precision) = (
        pct(total.found, total.labels),
        pct(total.ir_right, total.ir),
    );
    println!(
        "| all | {} | {} | {recall:.1}% | {} | {} | {precision:.1}% |",
        total.labels, total.found, total.ir, total.ir_right
    );
    println!("\nmissed:\n{}", misses.join("\n"));
    println!("\nnot in the labels:\n{}", wrong.join("\n"));
    (recall, precision)
}
