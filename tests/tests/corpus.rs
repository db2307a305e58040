//! The real docs in ../shared/corpus: every one parses, keeps every table row, and each product
//! becomes a crate that compiles without warnings and passes the tests made from its examples.

use std::collections::BTreeSet;
use std::path::PathBuf;

use aliyun_codegen::model::Field;
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen::stats::Stats;
use aliyun_codegen::Config;
use aliyun_codegen_tests::{corpus_available, corpus_dir, corpus_docs, generate_and_check_crate};

/// Product configuration for the corpus folders (the docs' links are not always right).
fn product_of(folder: &str) -> (&'static str, &'static str) {
    match folder {
        "ga" => ("Ga", "2019-11-20"),
        "pvtz" => ("pvtz", "2018-01-01"),
        _ => ("Vpc", "2016-04-28"),
    }
}

/// Parameter rows of the first table under a heading whose text contains one of `words`,
/// counted without the parser: a row starts at a line beginning with `|` that has at least
/// three unescaped pipes (cells continue on lines that do not start with `|`).
fn table_rows(text: &str, words: &[&str]) -> Vec<(usize, Vec<String>)> {
    let mut rows = Vec::new();
    let mut in_section = false;
    let mut in_table = false;
    let mut past_header = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("## ") {
            if in_table {
                break;
            }
            in_section = words.iter().any(|w| line.to_lowercase().contains(w));
            continue;
        }
        if !in_section {
            continue;
        }
        if line.starts_with('|') {
            in_table = true;
            if !past_header {
                past_header = true;
                continue;
            }
            if line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                continue;
            }
            let pipes = line.replace("\\|", "").matches('|').count();
            if pipes >= 3 {
                let cells: Vec<String> = line.split('|').skip(1).map(str::to_string).collect();
                rows.push((i + 1, cells));
            }
        }
    }
    rows
}

fn all_names(fields: &[Field], out: &mut BTreeSet<String>) {
    for f in fields {
        out.insert(f.name.clone());
        all_names(&f.children, out);
    }
}

fn clean(cell: &str) -> String {
    let t = cell.replace('\\', "");
    let t = t.rsplit('└').next().unwrap_or(&t).to_string();
    t.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{2003}')
        .replace("**", "")
}

#[test]
fn every_corpus_doc_parses_and_keeps_every_row() {
    if !corpus_available("every_corpus_doc_parses_and_keeps_every_row") {
        return;
    }
    let docs = corpus_docs();
    assert_eq!(
        docs.len(),
        272,
        "expected the 272 corpus docs in {}",
        corpus_dir().display()
    );
    let mut stats = Stats::default();
    let mut lint = Vec::new();
    let (mut request_rows, mut response_rows, mut missing) = (0, 0, Vec::new());
    for (folder, _, path) in &docs {
        let text = std::fs::read_to_string(path).expect("readable");
        let (product, version) = product_of(folder);
        let defaults = DocDefaults {
            product: Some(product.into()),
            version: Some(version.into()),
        };
        let (api, diags) = parse_doc(&path.display().to_string(), &text, &defaults)
            .unwrap_or_else(|f| panic!("{} does not parse:\n{f}", path.display()));
        stats.add(&api, &diags);
        lint.push(aliyun_codegen::lint::lint_api(&api));
        let mut request_names = BTreeSet::new();
        all_names(&api.request, &mut request_names);
        let mut response_names = BTreeSet::new();
        all_names(&api.response, &mut response_names);
        for (line, cells) in table_rows(&text, &["请求参数", "request p"]) {
            let name = clean(&cells[0]);
            if name == "Action" {
                continue;
            }
            request_rows += 1;
            // `Tag.N.Key`: every named segment must be a field on the way down.
            for segment in name.split('.').map(str::trim).filter(|s| !s.is_empty()) {
                let index = segment.eq_ignore_ascii_case("n")
                    || segment.chars().all(|c| c.is_ascii_digit());
                if !index && !request_names.contains(segment) {
                    missing.push(format!("{}:{line}: request `{name}`", path.display()));
                }
            }
        }
        for (line, cells) in table_rows(&text, &["返回", "response p", "return p"]) {
            let name = clean(&cells[0]);
            response_rows += 1;
            if !response_names.contains(&name) {
                missing.push(format!("{}:{line}: response `{name}`", path.display()));
            }
        }
    }
    println!("{stats}");
    let (understood, not_understood) = lint.iter().fold((0, 0), |(u, n), l| {
        (u + l.understood, n + l.not_understood.len())
    });
    let share = understood as f64 / (understood + not_understood).max(1) as f64;
    println!(
        "rule-like sentences understood: {understood} of {} ({:.1}%)",
        understood + not_understood,
        share * 100.0
    );
    // The level reached when this test was written; a drop means the extractor regressed.
    assert!(
        share >= 0.90,
        "only {:.1}% of rule-like sentences produce a constraint",
        share * 100.0
    );
    println!("request rows (excluding Action): {request_rows}; response rows: {response_rows}");
    assert!(
        missing.is_empty(),
        "{} rows are not in the IR:\n{}",
        missing.len(),
        missing.join("\n")
    );
    assert_eq!(stats.docs, 272);
}

/// Generates one product's crate from all its corpus folders (zh and en together), then builds
/// it with warnings denied, runs its tests, clippy and rustdoc.
fn generate_and_test(product: &str, version: &str, folders: &[&str]) {
    if !corpus_available(product) {
        return;
    }
    let dirs: Vec<PathBuf> = folders.iter().map(|f| corpus_dir().join(f)).collect();
    let config = Config::new().product(product).version(version);
    generate_and_check_crate(config, product, &dirs);
}

#[test]
fn vpc_crate_from_vpn_eip_nat_ipv6gateway_compiles_and_passes() {
    generate_and_test("Vpc", "2016-04-28", &["vpn", "eip", "nat", "ipv6gateway"]);
}

#[test]
fn ga_crate_compiles_and_passes() {
    generate_and_test("Ga", "2019-11-20", &["ga"]);
}

#[test]
fn pvtz_crate_compiles_and_passes() {
    generate_and_test("pvtz", "2018-01-01", &["pvtz"]);
}
