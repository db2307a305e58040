//! The layers of the emitter (ARCHITECTURE.md): the plan decides, the item and test emitters
//! write tokens from it, the drivers call them, and printing is one function. A tie against
//! that direction, or syn and prettyplease named outside `emit/print.rs`, fails here.

use std::path::Path;

use aliyun_codegen_tests::modgraph::{display, graph, ModPath};
use aliyun_codegen_tests::repo_root;

fn path(p: &str) -> ModPath {
    p.split("::").map(str::to_string).collect()
}

/// Modules under `from` must not tie to modules under any of `not`.
fn assert_no_tie(from: &str, not: &[&str]) {
    let graph = graph(&repo_root().join("generator/src/lib.rs")).unwrap_or_else(|e| panic!("{e}"));
    let (from, not): (ModPath, Vec<ModPath>) = (path(from), not.iter().map(|n| path(n)).collect());
    let wrong: Vec<String> = graph
        .edges
        .iter()
        .filter(|(m, _)| m.starts_with(&from))
        .flat_map(|(m, to)| to.iter().map(move |(t, tie)| (m, t, tie)))
        .filter(|(_, t, _)| not.iter().any(|n| t.starts_with(n)))
        .map(|(m, t, tie)| format!("{} → {} ({tie})", display(m), display(t)))
        .collect();
    assert!(
        wrong.is_empty(),
        "ties against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_plan_writes_no_code_and_knows_no_emitter() {
    assert_no_tie(
        "emit::plan",
        &[
            "emit::items",
            "emit::gen_tests",
            "emit::api",
            "emit::print",
            "emit::templates",
        ],
    );
}

#[test]
fn item_and_test_emitters_are_driven_not_drivers() {
    assert_no_tie(
        "emit::items",
        &["emit::gen_tests", "emit::api", "emit::print"],
    );
    assert_no_tie(
        "emit::gen_tests",
        &["emit::items", "emit::api", "emit::print"],
    );
}

/// Rust files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_emit_print_names_syn_or_prettyplease() {
    let src = repo_root().join("generator/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for f in files.iter().filter(|f| !f.ends_with("emit/print.rs")) {
        let text = std::fs::read_to_string(f).expect("reads");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("syn::") || code.contains("prettyplease") {
                wrong.push(format!("{}:{}: {line}", f.display(), i + 1));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "printing outside emit/print.rs:\n{}",
        wrong.join("\n")
    );
}
