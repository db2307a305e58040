//! Every diagnostic kind the generator can emit is in its registry
//! (`aliyun_codegen::diagnostics::kinds::KINDS`), so `generate` can say what it means and
//! `aliyun-codegen explain` what to do; and the registry lists no kind that nothing emits.
//! The kinds are read from the sources (`aliyun_codegen_tests::kind_scan`).

use std::collections::BTreeSet;
use std::path::Path;

use aliyun_codegen::diagnostics::kinds::KINDS;
use aliyun_codegen_tests::kind_scan::scan;
use aliyun_codegen_tests::repo_root;

#[test]
fn every_kind_the_generator_emits_is_registered_and_every_registered_kind_is_emitted() {
    let found = scan(&repo_root().join("generator/src")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        found.unreadable.is_empty(),
        "kinds that are not string literals (write the kind where the diagnostic is made, \
         so that it can be registered): {:?}",
        found.unreadable
    );
    let registered: BTreeSet<&str> = KINDS.iter().map(|k| k.name).collect();
    let unregistered: Vec<String> = found
        .kinds
        .iter()
        .filter(|f| !registered.contains(f.kind.as_str()))
        .map(|f| format!("`{}` ({})", f.kind, f.file.display()))
        .collect();
    assert!(
        unregistered.is_empty(),
        "emitted but not in generator/src/diagnostics/kinds.rs (its module doc says how to add \
         one): {}",
        unregistered.join(", ")
    );
    let emitted: BTreeSet<&str> = found.kinds.iter().map(|f| f.kind.as_str()).collect();
    let stale: Vec<&&str> = registered.difference(&emitted).collect();
    assert!(
        stale.is_empty(),
        "registered in generator/src/diagnostics/kinds.rs but emitted nowhere: {stale:?}"
    );
}

/// A made-up source folder: `files` are (path, text).
fn fake_sources(tag: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("aliyun-codegen-kinds-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, text).expect("writes");
    }
    dir
}

#[test]
fn the_scan_finds_kinds_wherever_a_kind_parameter_or_field_takes_them() {
    let dir = fake_sources(
        "finds",
        &[
            (
                "diagnostics.rs",
                "pub struct Diagnostic;\nimpl Diagnostic {\n    \
                 pub fn warning(file: &str, line: usize, kind: &'static str, m: String) -> Self { Diagnostic }\n}\n",
            ),
            (
                "sink.rs",
                "pub struct Sink;\nimpl Sink {\n    \
                 pub fn warn(&mut self, line: usize, kind: &'static str, m: &str) {\n        \
                 let _ = Diagnostic::warning(\"f\", line, kind, m.into());\n    }\n}\n\
                 pub struct Note { pub kind: &'static str }\n",
            ),
            (
                "use.rs",
                "fn f(sink: &mut Sink) {\n    \
                 sink.warn(1, \"by-method\", \"m\");\n    \
                 let v = vec![Diagnostic::warning(\"f\", 1, \"in-a-macro\", String::new())];\n    \
                 let n = Note { kind: \"in-a-field\" };\n    \
                 let k = if v.is_empty() { \"a\" } else { \"b\" };\n    \
                 sink.warn(2, k, \"chosen at run time\");\n}\n",
            ),
        ],
    );
    let found = scan(&dir).expect("reads");
    let _ = std::fs::remove_dir_all(&dir);
    let kinds: Vec<&str> = found.kinds.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, ["by-method", "in-a-field", "in-a-macro"]);
    assert_eq!(found.unreadable.len(), 1);
    assert_eq!(found.unreadable[0].0, Path::new("use.rs"));
    assert_eq!(found.unreadable[0].1, "k");
}
