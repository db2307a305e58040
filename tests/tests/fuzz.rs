//! Mutated real docs (truncation, deleted and duplicated lines, random bytes, huge cells) never
//! make the parser or the emitter panic. A quick run for CI; the `fuzz` command of this crate
//! runs 100,000 and more.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aliyun_codegen::emit::{render_crate, CrateOptions};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::mutate::{apply, Mutation};
use aliyun_codegen_tests::{corpus_docs, repo_root};
use proptest::prelude::*;

fn docs() -> &'static Vec<String> {
    static DOCS: OnceLock<Vec<String>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut texts: Vec<String> = corpus_docs()
            .iter()
            .filter_map(|(_, _, p)| std::fs::read_to_string(p).ok())
            .collect();
        for own in [
            "spec/vpc/CreateSslVpnServer.md",
            "tests/fixtures/widget/CreateWidget.md",
        ] {
            texts.push(
                std::fs::read_to_string(repo_root().join(own)).expect("a doc of the repository"),
            );
        }
        texts
    })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..40)
        )
            .prop_map(|(a, b)| Mutation::InsertBytes(a, b)),
        (any::<usize>(), 100usize..20_000).prop_map(|(a, n)| Mutation::HugeCell(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

fn opts() -> CrateOptions {
    aliyun_codegen_tests::fuzz_crate_options()
}

#[test]
fn mutated_docs_never_panic() {
    let config = ProptestConfig {
        cases: 1500,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let strategy = (
        any::<prop::sample::Index>(),
        proptest::collection::vec(mutation(), 1..4),
    );
    let result = runner.run(&strategy, |(doc, mutations)| {
        let texts = docs();
        let mut text = texts[doc.index(texts.len())].clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        RUNS.fetch_add(1, Ordering::Relaxed);
        if let Ok((api, _)) = parse_doc("fuzz.md", &text, &DocDefaults::default()) {
            // Errors are fine (e.g. a name collision); panics are not.
            let _ = render_crate(&[api], &opts());
        }
        Ok(())
    });
    println!(
        "fuzz: {} mutated documents parsed and emitted",
        RUNS.load(Ordering::Relaxed)
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}
