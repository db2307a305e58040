//! No import cycles between the modules of the crates (a tidy test in the manner of
//! rust-analyzer's): a module that depends on another which depends back on it, directly or
//! around a ring, cannot be read, tested or moved on its own. What counts as a dependency is
//! written in `aliyun_codegen_tests::modgraph` (`use` lines and inline paths outside
//! `#[cfg(test)]`; a module's ties to its own children do not count).
//!
//! `cargo run -p aliyun-codegen-tests --bin import_graph -- generator/src/lib.rs emit` prints
//! the graph.

use std::path::Path;

use aliyun_codegen_tests::modgraph::{cycles, describe, graph, ModPath};
use aliyun_codegen_tests::repo_root;

/// The cycles of the crate whose root file is `root` (relative to the repository), described.
fn cycles_of(root: &Path) -> Vec<String> {
    let graph = graph(root).unwrap_or_else(|e| panic!("{e}"));
    cycles(&graph).iter().map(|c| describe(c)).collect()
}

fn assert_no_cycle(crate_root: &str) {
    let found = cycles_of(&repo_root().join(crate_root));
    assert!(
        found.is_empty(),
        "{crate_root}: modules that depend on each other (break each ring by moving what both \
         need below them):\n{}",
        found.join("\n")
    );
}

#[test]
fn generator_modules_have_no_import_cycle() {
    assert_no_cycle("generator/src/lib.rs");
}

#[test]
fn wire_modules_have_no_import_cycle() {
    assert_no_cycle("wire/src/lib.rs");
}

#[test]
fn runtime_modules_have_no_import_cycle() {
    assert_no_cycle("runtime/src/lib.rs");
}

/// A made-up crate in a temporary folder: `files` are (path under src/, text).
struct FakeCrate(std::path::PathBuf);

impl FakeCrate {
    fn new(name: &str, files: &[(&str, &str)]) -> FakeCrate {
        let dir = std::env::temp_dir().join(format!(
            "aliyun-codegen-modgraph-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join("src").join(path);
            std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
            std::fs::write(&path, text).expect("writes");
        }
        FakeCrate(dir)
    }

    fn cycles(&self) -> Vec<String> {
        cycles_of(&self.0.join("src/lib.rs"))
    }
}

impl Drop for FakeCrate {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_ring_between_siblings_is_found_and_named_with_its_ties() {
    let fake = FakeCrate::new(
        "ring",
        &[
            ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
            ("a.rs", "use crate::b::B;\npub struct A;\n"),
            // Inline paths count as well as `use` lines.
            ("b.rs", "pub struct B(super::c::C);\n"),
            (
                "c.rs",
                "pub struct C;\npub fn f() -> usize { std::mem::size_of::<crate::a::A>() }\n",
            ),
        ],
    );
    assert_eq!(
        fake.cycles(),
        ["crate::a --[crate::b::B]--> crate::b --[super::c::C]--> crate::c --[crate::a::A]--> crate::a"]
    );
}

#[test]
fn parents_tests_and_reexports_are_read_as_the_layering_means() {
    let fake = FakeCrate::new(
        "layers",
        &[
            // The root drives its children and re-exports one of their items.
            (
                "lib.rs",
                "pub mod low;\npub mod top;\npub use low::Thing;\npub fn run() { top::go() }\n",
            ),
            // A child may use its parent's re-export: the tie is to where the item is defined,
            // `low`, not to the root.
            (
                "top/mod.rs",
                "mod inner;\npub fn go() { inner::x(); let _ = crate::Thing; }\n",
            ),
            (
                "top/inner.rs",
                "pub fn x() { let _ = super::super::Thing; }\n",
            ),
            // Tests may reach anywhere: no tie from `low` to `top`.
            (
                "low.rs",
                "pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use crate::top::go;\n}\n",
            ),
        ],
    );
    assert!(fake.cycles().is_empty(), "{:?}", fake.cycles());
    let graph = graph(&fake.0.join("src/lib.rs")).expect("reads");
    let path = |p: &[&str]| -> ModPath { p.iter().map(|s| s.to_string()).collect() };
    let ties = |m: &[&str]| -> Vec<ModPath> {
        graph
            .edges
            .get(&path(m))
            .map(|e| e.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(ties(&["top"]), [path(&["low"])]);
    assert_eq!(ties(&["top", "inner"]), [path(&["low"])]);
    assert!(ties(&["low"]).is_empty());
    assert!(
        ties(&[]).is_empty(),
        "a parent's ties to its children do not count"
    );
}

#[test]
fn a_ring_through_a_folder_module_is_found() {
    // `x` has children of its own (ties to them do not count), and it and `y` need each other.
    let fake = FakeCrate::new(
        "parent",
        &[
            ("lib.rs", "pub mod x;\npub mod y;\n"),
            (
                "x/mod.rs",
                "pub mod a;\npub struct X;\npub fn f() { crate::y::g() }\n",
            ),
            ("x/a.rs", "pub fn h() {}\n"),
            ("y.rs", "pub fn g() { let _ = crate::x::X; }\n"),
        ],
    );
    assert_eq!(
        fake.cycles(),
        ["crate::x --[crate::y::g]--> crate::y --[crate::x::X]--> crate::x"]
    );
}
