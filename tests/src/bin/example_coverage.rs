//! Share of response-example values that land in a generated field, per corpus product
//! (JSON and XML examples, every scalar counted where it occurs, `RequestId` included):
//!
//! ```sh
//! cargo run --release -p aliyun-codegen-tests --bin example_coverage
//! ```
//!
//! The same walk decides what the generated example tests skip, so this is also the share of
//! example values those tests assert.

use std::collections::BTreeMap;

use aliyun_codegen::emit::plan::fit::api_fits;
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::corpus_docs;

fn main() {
    let mut by_product: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unparsed = 0;
    for (folder, _, path) in corpus_docs() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok((api, _)) = parse_doc(&path.display().to_string(), &text, &DocDefaults::default())
        else {
            unparsed += 1;
            continue;
        };
        let entry = by_product.entry(folder).or_default();
        for (_, _, fit) in api_fits(&api) {
            entry.0 += fit.leaves;
            entry.1 += fit.kept();
        }
    }
    let (mut total, mut kept) = (0, 0);
    for (product, (t, k)) in &by_product {
        println!(
            "{product:12} example values {t:6}  in a typed field {k:6} ({:.1}%)",
            100.0 * *k as f64 / (*t).max(1) as f64
        );
        total += t;
        kept += k;
    }
    println!(
        "all          example values {total:6}  in a typed field {kept:6} ({:.1}%){}",
        100.0 * kept as f64 / total.max(1) as f64,
        if unparsed > 0 {
            format!("; {unparsed} docs did not parse")
        } else {
            String::new()
        }
    );
}
