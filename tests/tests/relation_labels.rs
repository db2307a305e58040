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

use aliyun_codegen::model::Rule;
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::labels::{
    expected, fields_by_path, is_relation, relation_matches, relation_name, report, strip_items,
    Expected, Tally,
};
use aliyun_codegen_tests::{corpus_available, corpus_dir};
use serde_json::Value;

/// Floors at the level measured when the rules landed (see the closing note); raise them as
/// the extractor learns more wordings, never lower them.
const RECALL_FLOOR: f64 = 90.4;
const PRECISION_FLOOR: f64 = 99.9;

/// The relation labels say `equal_to` (negated) for "must differ".
fn rule_matches(e: &Expected, other: &str, rule: &Rule) -> bool {
    relation_matches(e, other, rule, true)
}

fn kind_of(rule: &Rule) -> String {
    match rule {
        Rule::Relation { relation, .. } => relation_name(relation, true).to_string(),
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
