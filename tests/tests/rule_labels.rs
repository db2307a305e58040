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

use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::labels::{
    fields_by_path, kind_of, report, single_matches as matches, strip_items, Tally,
};
use aliyun_codegen_tests::{corpus_available, corpus_dir};
use serde_json::Value;

const RECALL_FLOOR: f64 = 90.0;
const PRECISION_FLOOR: f64 = 95.0;

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
