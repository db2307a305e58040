//! Fuzzing at scale (not in CI): runs N mutated docs (default 100,000) through parse and emit
//! (formatting included) on every core, and reports the count and every panic.
//!
//! ```sh
//! cargo run --release -p aliyun-codegen-tests --bin fuzz -- 100000 [SEED]
//! ```
//!
//! Each case starts from a corpus doc (../shared/corpus) or one of the repository's own docs
//! and applies one to three mutations. A panic is printed with the seed, case number, doc and
//! mutations that reproduce it; the exit status is non-zero when any case panicked.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use aliyun_codegen::emit::{render_crate, CrateOptions};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen_tests::mutate::{apply, Rng};
use aliyun_codegen_tests::{corpus_docs, repo_root};

fn opts() -> CrateOptions {
    aliyun_codegen_tests::fuzz_crate_options()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: usize = args
        .next()
        .map(|a| a.replace('_', "").parse().expect("N: a number of cases"))
        .unwrap_or(100_000);
    let seed: u64 = args
        .next()
        .map(|a| a.parse().expect("SEED: a number"))
        .unwrap_or(1);
    let mut docs: Vec<(String, String)> = corpus_docs()
        .into_iter()
        .filter_map(|(_, _, p)| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    for own in [
        "spec/vpc/CreateSslVpnServer.md",
        "tests/fixtures/widget/CreateWidget.md",
        "tests/fixtures/fleet/CreateFleet.md",
    ] {
        let path = repo_root().join(own);
        let text = std::fs::read_to_string(&path).expect("a doc of the repository");
        docs.push((own.to_string(), text));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "fuzz: {cases} cases from {} docs, seed {seed}, {threads} threads",
        docs.len()
    );
    // Panics are counted and reported below, not printed by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let next = AtomicUsize::new(0);
    let (parsed, emitted) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let panics: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let case = next.fetch_add(1, Ordering::Relaxed);
                if case >= cases {
                    break;
                }
                // Every case has its own generator, so it can be replayed alone.
                let mut rng = Rng::new(seed ^ (case as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                let (name, original) = &docs[rng.below(docs.len())];
                let mutations: Vec<_> = (0..1 + rng.below(3)).map(|_| rng.mutation()).collect();
                let mut text = original.clone();
                for m in &mutations {
                    text = apply(&text, m);
                }
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    if let Ok((api, _)) = parse_doc("fuzz.md", &text, &DocDefaults::default()) {
                        parsed.fetch_add(1, Ordering::Relaxed);
                        // Errors are fine (e.g. a name collision); panics are not.
                        if render_crate(&[api], &opts()).is_ok() {
                            emitted.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }));
                if let Err(payload) = outcome {
                    let what = payload
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    let mut list = panics.lock().unwrap_or_else(|e| e.into_inner());
                    list.push(format!("case {case} ({name}, {mutations:?}): {what}"));
                }
                let done = case + 1;
                if done % 10_000 == 0 {
                    eprintln!("fuzz: {done} cases, {:.0}s", start.elapsed().as_secs_f64());
                }
            });
        }
    });
    let panics = panics.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "fuzz: {cases} mutated docs in {:.0}s: {} parsed, {} emitted and formatted, {} panics",
        start.elapsed().as_secs_f64(),
        parsed.load(Ordering::Relaxed),
        emitted.load(Ordering::Relaxed),
        panics.len()
    );
    for p in panics.iter().take(20) {
        println!("  panic: {}", p.chars().take(600).collect::<String>());
    }
    if !panics.is_empty() {
        std::process::exit(1);
    }
}
