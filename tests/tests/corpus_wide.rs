//! The docs of 25 more products in ../shared/corpus-wide (RPC folders `<repo>/`, REST-style
//! folders `<repo>-roa/`): each folder becomes a crate, product and version read from its docs,
//! and all of them, built together in one cargo workspace, compile with warnings denied, pass
//! clippy and rustdoc, and pass the tests made from their examples and rules.

use std::path::PathBuf;

use aliyun_codegen::Config;
use aliyun_codegen_tests::{
    check_workspace, folder_available, generate_workspace_crate, repo_root,
};

fn wide_dir() -> PathBuf {
    repo_root().join("../shared/corpus-wide")
}

/// Folders whose crate cannot pass yet, each with the reason. They are generated (that must
/// not fail) but left out of the workspace build; remove a folder when its crate passes.
const FOLDERS_NOT_PASSING_YET: &[(&str, &str)] = &[];

/// Every folder of corpus-wide, sorted, with its language folders.
fn folders() -> Vec<(String, Vec<PathBuf>)> {
    let mut out: Vec<(String, Vec<PathBuf>)> = std::fs::read_dir(wide_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| {
            let mut langs: Vec<PathBuf> = std::fs::read_dir(e.path())
                .into_iter()
                .flatten()
                .flatten()
                .map(|l| l.path())
                .filter(|p| p.is_dir())
                .collect();
            langs.sort();
            (e.file_name().to_string_lossy().into_owned(), langs)
        })
        .collect();
    out.sort();
    out
}

/// The folder names SOURCES.md lists in its file table (an independent count of what the
/// corpus holds).
fn listed_folders() -> Vec<String> {
    let sources = std::fs::read_to_string(wide_dir().join("SOURCES.md"))
        .expect("../shared/corpus-wide/SOURCES.md is readable");
    let mut out: Vec<String> = sources
        .lines()
        .filter(|l| l.starts_with('|') && l.contains(".md|"))
        .filter_map(|l| l.split('|').nth(1).map(str::to_string))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn corpus_wide_crates_compile_and_pass() {
    if !folder_available("corpus_wide_crates_compile_and_pass", &wide_dir()) {
        return;
    }
    let start = std::time::Instant::now();
    let folders = folders();
    let names: Vec<String> = folders.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(
        names,
        listed_folders(),
        "SOURCES.md and the folders on disk disagree"
    );
    let ws = repo_root().join("target/corpus-wide-crates");
    let mut members = Vec::new();
    let mut failed = Vec::new();
    let (mut apis, mut examples, mut rules) = (0, 0, 0);
    for (folder, langs) in &folders {
        let dir_name = format!("wide-{folder}");
        let config = Config::new().crate_name(format!("aliyun-{dir_name}"));
        match generate_workspace_crate(&ws, &dir_name, config, langs) {
            Ok(g) => {
                let count = |kind: &str| g.diagnostics.iter().filter(|d| d.kind == kind).count();
                println!(
                    "{folder}: {} APIs, {} example tests, {} rule tests, {} diagnostics ({} examples not tested, {} example paths without a place)",
                    g.apis,
                    g.example_tests,
                    g.rule_tests,
                    g.diagnostics.len(),
                    count("example-not-tested"),
                    count("example-value-unplaced"),
                );
                apis += g.apis;
                examples += g.example_tests;
                rules += g.rule_tests;
                match FOLDERS_NOT_PASSING_YET.iter().find(|(f, _)| f == folder) {
                    Some((_, why)) => println!("{folder}: left out of the build ({why})"),
                    None => members.push(dir_name),
                }
            }
            Err(e) => failed.push(format!("{folder}: {e}")),
        }
    }
    assert!(
        failed.is_empty(),
        "{} folders do not generate:\n{}",
        failed.len(),
        failed.join("\n")
    );
    println!(
        "{} crates, {apis} APIs, {examples} example tests, {rules} rule tests; generation: {:.1}s",
        members.len(),
        start.elapsed().as_secs_f64()
    );
    for (step, seconds) in check_workspace(&ws, &members) {
        println!("cargo {step} over {} crates: {seconds:.1}s", members.len());
    }
}
