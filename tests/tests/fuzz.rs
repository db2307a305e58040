//! Mutated real docs (truncation, deleted and duplicated lines, random bytes, huge cells) never
//! make the parser or the emitter panic.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aliyun_codegen::emit::{render_crate, CrateOptions, RuntimeDependency};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
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

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertBytes(usize, Vec<u8>),
    HugeCell(usize, usize),
    SwapLines(usize, usize),
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

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match m {
        Mutation::Truncate(at) => {
            let mut cut = at % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_string();
        }
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::InsertBytes(i, bytes) => {
            let junk = String::from_utf8_lossy(bytes).into_owned();
            lines.insert(i % (lines.len() + 1), junk);
        }
        Mutation::HugeCell(i, size) if !lines.is_empty() => {
            let idx = i % n;
            let filler = "长|x\\|**a**、".repeat(size / 8 + 1);
            lines[idx] = format!("{}{}", lines[idx], filler);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        _ => {}
    }
    lines.join("\n")
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

fn opts() -> CrateOptions {
    CrateOptions {
        crate_name: "aliyun-fuzz".into(),
        crate_version: "0.1.0".into(),
        product: "Fuzz".into(),
        version: "2020-01-01".into(),
        spec: "spec/fuzz".into(),
        runtime: RuntimeDependency::Path("../../runtime".into()),
        standalone: true,
        feature_groups: Default::default(),
    }
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
