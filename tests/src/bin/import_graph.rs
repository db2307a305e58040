//! Prints the module import graph of a crate (see `aliyun_codegen_tests::modgraph`), one line
//! per module with the modules it depends on, then its cycles.
//!
//! `cargo run -p aliyun-codegen-tests --bin import_graph -- generator/src/lib.rs [emit]`: the
//! optional second argument keeps the modules below that path (`emit` → `crate::emit::…`), and
//! names them relative to it; modules elsewhere keep their `crate::` path.

use aliyun_codegen_tests::modgraph::{cycles, describe, display, graph, ModPath};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: import_graph SRC/lib.rs [MODULE::PATH]");
        std::process::exit(2);
    };
    let under: ModPath = args
        .next()
        .map(|p| p.split("::").map(str::to_string).collect())
        .unwrap_or_default();
    let graph = match graph(std::path::Path::new(&root)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let name = |m: &ModPath| match m.strip_prefix(under.as_slice()) {
        Some([]) if !under.is_empty() => "(mod.rs)".to_string(),
        Some(rest) if !under.is_empty() => rest.join("::"),
        _ => display(m),
    };
    for m in graph.modules.iter().filter(|m| m.starts_with(&under)) {
        let to: Vec<String> = graph
            .edges
            .get(m)
            .into_iter()
            .flat_map(|e| e.keys())
            .map(&name)
            .collect();
        println!("{:<24} -> {}", name(m), to.join(", "));
    }
    for c in cycles(&graph) {
        println!("cycle: {}", describe(&c));
    }
}
