//! Times the three stages over every doc of ../shared/corpus: parse (Markdown → IR), emit
//! (IR → tokens) and format (tokens → syn → prettyplease), one thread. Prints docs per second per stage, then end to end as `aliyun-codegen generate`
//! runs: every product folder loaded (read, parse, merge zh/en) and rendered as a crate, the
//! folders side by side on every core, and on one thread.
//!
//! Every round starts with the name caches emptied (`aliyun_codegen::emit::clear_caches`), so
//! each is a cold run like one `generate`.
//!
//! Stage figures are CPU time of the measuring thread (`CLOCK_THREAD_CPUTIME_ID`), so they
//! stay comparable when other work shares the machine; end to end is wall time, with the load
//! average printed beside it, and docs per second of the process's CPU time (on a machine whose
//! cores share caches with other work, a thread's CPU time per doc grows with that work).
//!
//! `cargo bench -p aliyun-codegen --bench corpus [-- ROUNDS] [stages|e2e]`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aliyun_codegen::emit::{api::emit_api, print::format_tokens};
use aliyun_codegen::parse::{parse_doc, DocDefaults};

// The allocator the CLI uses, so the figures are the CLI's.
#[cfg(feature = "cli")]
#[global_allocator]
static GLOBAL: aliyun_codegen::alloc::Mimalloc = aliyun_codegen::alloc::Mimalloc;

/// The docs of a folder, as `aliyun-codegen generate` reads them.
fn docs(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(aliyun_codegen::doc_files(dir).expect("the corpus folder reads"));
}

/// CPU time used so far by this thread (`CLOCK_THREAD_CPUTIME_ID`) or by the whole process
/// (`CLOCK_PROCESS_CPUTIME_ID`).
fn cpu_clock(clock: libc::clockid_t) -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the clock id is a constant the OS defines.
    let rc = unsafe { libc::clock_gettime(clock, &mut t) };
    assert_eq!(rc, 0, "clock_gettime({clock}) failed");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn thread_cpu() -> Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

fn process_cpu() -> Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// The docs `render_crates` reads for these targets (every `.md` but SOURCES.md).
fn docs_in(targets: &[(PathBuf, PathBuf)]) -> usize {
    let mut all = Vec::new();
    for (spec, _) in targets {
        docs(spec, &mut all);
    }
    all.len()
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a == "stages" || a == "e2e");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut paths = Vec::new();
    docs(&corpus, &mut paths);
    let texts: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|t| (p.display().to_string(), t))
        })
        .collect();
    assert!(!texts.is_empty(), "no docs under {}", corpus.display());
    let defaults = DocDefaults {
        product: Some("Bench".into()),
        version: Some("2020-01-01".into()),
    };
    if only.as_deref() != Some("e2e") {
        stages(&texts, &defaults, rounds);
    }
    if only.as_deref() != Some("stages") {
        end_to_end(&corpus, rounds);
    }
}

/// Parse, emit and format of every doc on this thread, each stage timed in CPU time.
fn stages(texts: &[(String, String)], defaults: &DocDefaults, rounds: usize) {
    let (mut parse_t, mut emit_t, mut format_t) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut bytes = 0usize;
    for _ in 0..rounds {
        // Every round cold, as a fresh `aliyun-codegen generate` runs.
        aliyun_codegen::emit::clear_caches();
        for (file, text) in texts {
            let t = thread_cpu();
            let parsed = parse_doc(file, text, defaults);
            parse_t += thread_cpu() - t;
            let Ok((api, _)) = parsed else { continue };
            let t = thread_cpu();
            let module = emit_api(&api);
            emit_t += thread_cpu() - t;
            let Ok(module) = module else { continue };
            let t = thread_cpu();
            let source = format_tokens(module.tokens, file);
            format_t += thread_cpu() - t;
            bytes += source.map(|s| s.len()).unwrap_or(0);
        }
    }
    let n = texts.len() * rounds;
    println!(
        "{} docs x {rounds} rounds ({} MiB of Rust emitted); stages in CPU time of one thread",
        texts.len(),
        bytes / (1 << 20)
    );
    println!(
        "parse:  {:>9.0} docs/s ({:.2} ms/doc)",
        rate(n, parse_t),
        parse_t.as_secs_f64() * 1e3 / n as f64
    );
    println!(
        "emit:   {:>9.0} docs/s ({:.2} ms/doc)",
        rate(n, emit_t),
        emit_t.as_secs_f64() * 1e3 / n as f64
    );
    println!(
        "format: {:>9.0} docs/s ({:.2} ms/doc)",
        rate(n, format_t),
        format_t.as_secs_f64() * 1e3 / n as f64
    );
    let all = parse_t + emit_t + format_t;
    println!("total:  {:>9.0} docs/s", rate(n, all));
}

/// `aliyun-codegen generate` as it runs: every product folder loaded and rendered, on every
/// core and on one thread (wall time).
fn end_to_end(corpus: &Path, rounds: usize) {
    let mut products: Vec<PathBuf> = std::fs::read_dir(corpus)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    products.sort();
    let config = aliyun_codegen::Config::new()
        .product("Bench")
        .version("2020-01-01");
    // As `aliyun-codegen generate` renders several spec folders: side by side.
    let targets: Vec<(PathBuf, PathBuf)> = products
        .iter()
        .map(|p| {
            let out = Path::new("generated").join(p.file_name().unwrap_or_default());
            (p.clone(), out)
        })
        .collect();
    let run = |threads: usize| {
        aliyun_codegen::par::with_threads(threads, || {
            let t = Instant::now();
            let cpu = process_cpu();
            let mut docs = 0;
            for _ in 0..rounds {
                // Every round cold, as a fresh `aliyun-codegen generate` runs.
                aliyun_codegen::emit::clear_caches();
                for rendered in config.render_crates(&targets) {
                    assert!(rendered.is_ok(), "a corpus product failed to render");
                }
                docs += docs_in(&targets);
            }
            (docs, t.elapsed(), process_cpu() - cpu)
        })
    };
    let threads = aliyun_codegen::par::threads();
    let before = load_average();
    let (docs, t, cpu) = run(threads);
    println!(
        "end to end, {threads} threads: {:>9.0} docs/s, {:.0} docs per CPU second (load + merge + render, every product folder side by side; load average {before} before, {} after)",
        rate(docs, t),
        rate(docs, cpu),
        load_average()
    );
    let (docs, t, cpu) = run(1);
    println!(
        "end to end, 1 thread:  {:>9.0} docs/s, {:.0} docs per CPU second",
        rate(docs, t),
        rate(docs, cpu)
    );
}
