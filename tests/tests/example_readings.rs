//! Every RPC request example of every corpus doc, read twice: by the generator (the parameters
//! the IR keeps) and by the runtime's independent reader of the raw text
//! (`aliyun_runtime::testing::example_query`), which each generated request test runs again.
//! A disagreement is a misread example (one of the two readers is wrong): this test names
//! them all at once, where the generated crates would fail one test each.

use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::{folder_available, repo_root};
use aliyun_runtime::testing::example_query;

#[test]
fn every_request_example_reads_the_same_twice() {
    let shared = repo_root().join("../shared");
    let mut docs = Vec::new();
    for corpus in ["corpus", "corpus-roa", "corpus-wide"] {
        let dir = shared.join(corpus);
        if folder_available("every_request_example_reads_the_same_twice", &dir) {
            docs.extend(aliyun_codegen::doc_files(&dir).expect("the corpus folder reads"));
        }
    }
    docs.push(repo_root().join("spec/vpc/CreateSslVpnServer.md"));
    docs.sort();
    let (mut examples, mut differ) = (0usize, Vec::new());
    for path in &docs {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok((api, _)) = parse_doc(&path.display().to_string(), &text, &DocDefaults::default())
        else {
            continue;
        };
        for ex in &api.examples.requests {
            // Examples marked invalid (a value that starts like JSON and is not) get no test.
            if ex.raw.is_empty() || !ex.valid {
                continue;
            }
            examples += 1;
            let first: Vec<(String, String)> = ex
                .params
                .iter()
                .map(|p| (p.name.clone(), p.value.clone()))
                .collect();
            let second = example_query(&ex.raw);
            let same_json = |a: &str, b: &str| {
                matches!(
                    (
                        serde_json::from_str::<serde_json::Value>(a),
                        serde_json::from_str::<serde_json::Value>(b)
                    ),
                    (Ok(x), Ok(y)) if x == y
                )
            };
            let agree = first.len() == second.len()
                && first
                    .iter()
                    .zip(&second)
                    .all(|((k, v), (l, w))| k == l && (v == w || same_json(v, w)));
            if !agree {
                differ.push(format!(
                    "{}:{}\n  generator: {first:?}\n  second:    {second:?}",
                    path.display(),
                    ex.line
                ));
            }
        }
    }
    println!("{examples} request examples read twice");
    assert!(examples > 1000, "only {examples} request examples found");
    assert!(
        differ.is_empty(),
        "{} of {examples} request examples read differently:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
