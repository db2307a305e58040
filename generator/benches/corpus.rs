//! Times the three stages over every doc of ../shared/corpus: parse (Markdown → IR), emit
//! (IR → tokens, docs outlined) and format (tokens → syn → prettyplease, docs put back), one
//! thread. Prints docs per second
//! per stage, then end to end as `aliyun-codegen generate` runs: each product folder loaded
//! (read, parse, merge zh/en) and rendered as a crate on every core, and on one thread.
//!
//! `cargo bench -p aliyun-codegen --bench corpus [-- ROUNDS]`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aliyun_codegen::emit::outline::emit_api_outlined;
use aliyun_codegen::parse::{parse_doc, DocDefaults};

fn docs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            docs(&p, out);
        } else if p.extension().is_some_and(|e| e == "md")
            && p.file_name().is_some_and(|n| n != "SOURCES.md")
        {
            out.push(p);
        }
    }
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
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
    let (mut parse_t, mut emit_t, mut format_t) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for (file, text) in &texts {
            let t = Instant::now();
            let parsed = parse_doc(file, text, &defaults);
            parse_t += t.elapsed();
            let Ok((api, _)) = parsed else { continue };
            let t = Instant::now();
            let module = emit_api_outlined(&api);
            emit_t += t.elapsed();
            let Ok(module) = module else { continue };
            let t = Instant::now();
            let source = module.format(file);
            format_t += t.elapsed();
            bytes += source.map(|s| s.len()).unwrap_or(0);
        }
    }
    let n = texts.len() * rounds;
    println!(
        "{} docs x {rounds} rounds ({} MiB of Rust emitted)",
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

    let mut products: Vec<PathBuf> = std::fs::read_dir(&corpus)
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
    let end_to_end = |threads: usize| {
        aliyun_codegen::par::with_threads(threads, || {
            let t = Instant::now();
            let mut docs = 0;
            for _ in 0..rounds {
                for product in &products {
                    let Ok(loaded) = config.load(product) else {
                        continue;
                    };
                    docs += loaded.inputs.len();
                    let out = Path::new("generated").join(product.file_name().unwrap_or_default());
                    let _ = config.render_loaded(&loaded, product, &out);
                }
            }
            (docs, t.elapsed())
        })
    };
    let threads = aliyun_codegen::par::threads();
    let (docs, t) = end_to_end(threads);
    println!(
        "end to end, {threads} threads: {:>9.0} docs/s (load + merge + render crate, per product folder)",
        rate(docs, t)
    );
    let (docs, t) = end_to_end(1);
    println!("end to end, 1 thread:  {:>9.0} docs/s", rate(docs, t));
}
