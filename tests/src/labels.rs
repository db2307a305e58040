//! Scoring of the extractor against hand labels (`rule_labels.rs`, `relation_labels.rs`):
//! counts per rule kind, the printed table, and recall and precision over all kinds.

use std::collections::BTreeMap;

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
