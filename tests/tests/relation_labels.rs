//! Relations between parameters against hand labels: 60 request rows drawn at random
//! (`random.seed(20261130)`) from the 253 rows of ess/cbwp/smartag/cms/nas whose description
//! names another request parameter of the same doc, each read by hand for every relation it
//! states (`tests/data/relation-labels.json`, conventions in `relation-labels.FORMAT.md`). The
//! labels were made from the docs alone, without the generator.
//!
//! The random sample of `rule_labels.rs` holds only two relations; this one measures the kinds
//! that tie one parameter to another. A label counts as found when the IR holds, on the
//! constrained parameter, a rule of the same kind naming the other parameter(s) with the same
//! condition value and negation. Kinds the IR has no word for (`other`, and `equal_to` unless negated: the IR's `different_from`) count as
//! misses. Precision: every relation rule the IR holds on a sampled row's parameter must match a
//! label of that parameter (doubtful labels excuse the rules they match).

use std::collections::BTreeMap;

use aliyun_codegen::model::{Field, RelationKind, Rule};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::labels::{report, Tally};
use aliyun_codegen_tests::{corpus_available, corpus_dir};
use serde_json::Value;

/// Floors at the level measured when the rules landed (see the closing note); raise them as
/// the extractor learns more wordings, never lower them.
const RECALL_FLOOR: f64 = 90.4;
const PRECISION_FLOOR: f64 = 99.9;

/// `Tag.N.Key` and `Tag.1.Key` are the same member: compare names without item indices.
fn strip_items(path: &str) -> String {
    path.split('.')
        .filter(|s| !s.eq_ignore_ascii_case("n") && s.parse::<u32>().is_err())
        .collect::<Vec<_>>()
        .join(".")
}

fn fields_by_path<'a>(fields: &'a [Field], prefix: &str, out: &mut BTreeMap<String, &'a Field>) {
    for f in fields {
        let path = strip_items(&format!("{prefix}{}", f.name));
        out.insert(path.clone(), f);
        fields_by_path(&f.children, &format!("{path}."), out);
    }
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

fn relation_name(kind: &RelationKind) -> &'static str {
    match kind {
        RelationKind::NoOverlap => "no_overlap",
        RelationKind::MutuallyExclusive => "mutually_exclusive",
        RelationKind::Requires => "requires",
        RelationKind::RequiredWhen => "required_when",
        RelationKind::AtLeastOneOf => "at_least_one_of",
        RelationKind::AppliesWhen => "applies_when",
        RelationKind::Ordered => "ordered",
        // The labels say `equal_to` with `negated: true` for "must differ".
        RelationKind::DifferentFrom => "equal_to",
    }
}

/// One relation the IR could hold: on `holder`, of `kind`, naming `other`.
#[derive(Debug)]
struct Expected {
    holder: String,
    kind: String,
    /// Every one must be named by a rule on `holder`.
    others: Vec<String>,
    /// Condition values, any of which the rule may name (empty: no value stated).
    values: Vec<String>,
    negated: bool,
}

/// What a label asks of the IR: one expectation per constrained parameter.
fn expected(label: &Value) -> Vec<Expected> {
    let kind = label["kind"].as_str().unwrap_or("").to_string();
    let param = strip_items(label["param"].as_str().unwrap_or(""));
    let others = names(&label["other"]);
    let values = match &label["value"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
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
fn same_param(holder: &str, ir_other: &str, label_other: &str) -> bool {
    let o = strip_items(ir_other);
    o == label_other
        || holder
            .rsplit_once('.')
            .is_some_and(|(parent, _)| format!("{parent}.{o}") == label_other)
}

/// Whether `rule` (held by `e.holder`) states what `e` expects of the other parameter `other`.
fn rule_matches(e: &Expected, other: &str, rule: &Rule) -> bool {
    match rule {
        Rule::Relation {
            relation,
            other: o,
            value,
            negated,
            ..
        } => {
            // `different_from` is the labels' negated `equal_to`.
            let negated = *negated != (*relation == RelationKind::DifferentFrom);
            relation_name(relation) == e.kind
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

fn is_relation(rule: &Rule) -> bool {
    matches!(rule, Rule::Relation { .. } | Rule::RangeWhen { .. })
}

fn kind_of(rule: &Rule) -> String {
    match rule {
        Rule::Relation { relation, .. } => relation_name(relation).to_string(),
        _ => "range_when".to_string(),
    }
}

#[test]
fn relations_against_hand_labels() {
    if !corpus_available("relations_against_hand_labels") {
        return;
    }
    let labels: Value = serde_json::from_str(include_str!("../data/relation-labels.json"))
        .expect("labels are JSON");
    let rows = labels["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 60, "the sample is 60 rows");
    let rules = labels["rules"].as_array().expect("rules");
    let mut by_doc: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for row in rows {
        by_doc
            .entry(row["doc"].as_str().expect("doc"))
            .or_default()
            .push(row);
    }
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut misses, mut wrong) = (Vec::new(), Vec::new());
    for (doc, rows) in &by_doc {
        let source = std::fs::read_to_string(corpus_dir().join(doc)).expect("labelled doc");
        let (api, _) = parse_doc(doc, &source, &DocDefaults::default())
            .unwrap_or_else(|f| panic!("{doc} does not parse: {f}"));
        let mut fields = BTreeMap::new();
        fields_by_path(&api.request, "", &mut fields);
        let sampled: Vec<String> = rows
            .iter()
            .map(|r| strip_items(r["param"].as_str().expect("param")))
            .collect();
        let here: Vec<&Value> = rules
            .iter()
            .filter(|r| {
                r["doc"] == **doc
                    && sampled.contains(&strip_items(r["param"].as_str().unwrap_or("")))
            })
            .collect();
        // An `applies_when` the IR holds on the list or object that contains the labelled
        // parameter covers its members (`SpotPriceLimit设置` names the `SpotPriceLimit.N.*` group).
        let holders = |e: &Expected| -> Vec<String> {
            let mut out = vec![e.holder.clone()];
            let mut path = e.holder.as_str();
            while let Some((parent, _)) = path.rsplit_once('.').filter(|_| e.kind == "applies_when")
            {
                out.push(parent.to_string());
                path = parent;
            }
            out
        };
        let holds = |e: &Expected| {
            !e.others.is_empty()
                && e.others.iter().all(|o| {
                    holders(e).iter().any(|h| {
                        fields.get(h).is_some_and(|f| {
                            f.constraints.iter().any(|c| rule_matches(e, o, &c.rule))
                        })
                    })
                })
        };
        for label in &here {
            if label.get("doubtful").is_some() {
                continue;
            }
            let t = tally
                .entry(label["kind"].as_str().unwrap_or("?").to_string())
                .or_default();
            t.labels += 1;
            if expected(label).iter().all(&holds) {
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
        // Precision over the rules the IR holds on the sampled parameters.
        let all_expected: Vec<(Expected, bool)> = here
            .iter()
            .flat_map(|l| {
                let doubtful = l.get("doubtful").is_some();
                expected(l).into_iter().map(move |e| (e, doubtful))
            })
            .collect();
        for param in &sampled {
            let Some(f) = fields.get(param) else { continue };
            for c in f.constraints.iter().filter(|c| is_relation(&c.rule)) {
                let matched: Vec<bool> = all_expected
                    .iter()
                    .filter(|(e, _)| e.holder == *param)
                    .filter(|(e, _)| e.others.iter().any(|o| rule_matches(e, o, &c.rule)))
                    .map(|(_, doubtful)| *doubtful)
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
