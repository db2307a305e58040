//! The runtime's modules form no import cycle (house rule; `house-review.md` §3f found two).
//!
//! The graph is read from the source text: every `crate::name` and `super::name` path outside
//! `#[cfg(test)]` code and comments is an edge from the file's module to the module it names
//! (the deepest module of the path that exists). A parent module that only declares and
//! re-exports its children (`mod x; pub use x::Y;`) writes no such path, so it is no tie.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `validate/table.rs` → `validate::table`; `validate/mod.rs` → `validate`; `lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The code a module runs outside tests: everything before the first `#[cfg(test)]`, without
/// comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers after each occurrence of `prefix` (`crate::a::b` → `["a", "b"]`).
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<Vec<&'a str>> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        out.push(rest[..end].split("::").filter(|s| !s.is_empty()).collect());
    }
    out
}

/// The deepest existing module named by `base` followed by `segments`.
fn resolve(modules: &BTreeSet<String>, base: &str, segments: &[&str]) -> String {
    let mut current = base.to_string();
    for segment in segments {
        let next = if current.is_empty() {
            segment.to_string()
        } else {
            format!("{current}::{segment}")
        };
        if !modules.contains(&next) {
            break;
        }
        current = next;
    }
    current
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let code = code(&std::fs::read_to_string(file).unwrap());
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p).to_string();
        let mut targets = BTreeSet::new();
        for segments in paths_after(&code, "crate::") {
            targets.insert(resolve(&modules, "", &segments));
        }
        for segments in paths_after(&code, "super::") {
            targets.insert(resolve(&modules, &parent, &segments));
        }
        targets.retain(|t| !t.is_empty() && *t != module);
        edges.entry(module).or_default().extend(targets);
    }
    edges
}

/// A cycle through `start`, if any (depth-first).
fn cycle_from(
    edges: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    at: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in edges.get(at).into_iter().flatten() {
        if next == start {
            let mut cycle = path.clone();
            cycle.push(start.to_string());
            return Some(cycle);
        }
        if seen.insert(next.clone()) {
            path.push(next.clone());
            if let Some(c) = cycle_from(edges, start, next, path, seen) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn runtime_modules_have_no_import_cycle() {
    let edges = graph();
    // The scan sees the known ties (a vacuous graph would pass anything).
    assert!(edges["http"].contains("sign"), "{edges:#?}");
    assert!(
        edges["validate::table"].contains("validate::rules"),
        "{edges:#?}"
    );
    for start in edges.keys() {
        let mut path = vec![start.clone()];
        if let Some(cycle) = cycle_from(&edges, start, start, &mut path, &mut BTreeSet::new()) {
            panic!("import cycle: {}\n{edges:#?}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_scan_finds_a_cycle_when_there_is_one() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("a".into());
    let mut path = vec!["a".to_string()];
    let cycle = cycle_from(&edges, "a", "a", &mut path, &mut BTreeSet::new());
    assert_eq!(cycle, Some(vec!["a".into(), "b".into(), "a".into()]));
    let modules: BTreeSet<String> = ["validate", "validate::rules"].map(String::from).into();
    assert_eq!(
        resolve(&modules, "", &["validate", "rules", "Param"]),
        "validate::rules"
    );
    assert_eq!(
        paths_after("use crate::x::Y; notcrate::z", "crate::"),
        vec![vec!["x", "Y"]]
    );
}
