//! Generation uses every core for independent docs and APIs; the output must be the bytes a
//! single-threaded run writes, whatever the order in which threads finish. Checked on the
//! repository's own spec/ and fixtures (always), and on every folder of ../shared/corpus and
//! ../shared/corpus-roa when they are there.

use std::path::{Path, PathBuf};

use aliyun_codegen::{par, Api, Config, Diagnostic};
use aliyun_codegen_tests::{corpus_available, corpus_dir, folder_available, repo_root};

/// What one generation of a product gives: the IR, the crate's files, the diagnostics and the
/// one-module form a build script includes.
type Generated = (
    Vec<Api>,
    std::collections::BTreeMap<String, String>,
    Vec<Diagnostic>,
    String,
);

/// The product of `dirs` loaded and rendered (as a crate and as a module) on `threads` threads.
fn generate(config: &Config, dirs: &[&Path], threads: usize) -> Generated {
    par::with_threads(threads, || {
        let loaded = config.load_dirs(dirs).expect("loads");
        let (files, diags) = config
            .render_loaded(&loaded, dirs[0], Path::new("generated/product"))
            .expect("renders");
        let opts = aliyun_codegen::emit::ModuleOptions {
            spec: "spec/product".to_string(),
            service: loaded.service.clone(),
            client: true,
        };
        let module = aliyun_codegen::emit::render_module(&loaded.apis, &opts)
            .expect("renders a module")
            .0;
        (loaded.apis, files, diags, module)
    })
}

/// Generates `dirs` on one thread and on four and compares everything; returns how many files
/// the crate has.
fn assert_same_on_one_thread_and_four(config: &Config, dirs: &[&Path]) -> usize {
    let sequential = generate(config, dirs, 1);
    let parallel = generate(config, dirs, 4);
    let what = dirs[0].display();
    assert!(sequential.0 == parallel.0, "{what}: IR differs");
    assert!(sequential.1 == parallel.1, "{what}: crate files differ");
    assert_eq!(sequential.2, parallel.2, "{what}: diagnostics differ");
    assert!(sequential.3 == parallel.3, "{what}: module text differs");
    sequential.1.len()
}

fn folders(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn spec_and_fixtures_render_the_same_bytes_on_one_thread_and_on_four() {
    let root = repo_root();
    let mut dirs = folders(&root.join("spec"));
    // Every fixture folder that holds docs (rules-ir holds an IR file, not docs).
    dirs.extend(
        folders(&root.join("tests/fixtures"))
            .into_iter()
            .filter(|d| d.join("aliyun-codegen.toml").is_file()),
    );
    // By hand: spec/vpc, and the bodies, fleet, gadget, hosted, mixed, notice and widget
    // fixtures.
    assert_eq!(dirs.len(), 8, "{dirs:?}");
    for dir in &dirs {
        // Cargo.toml, README.md, src/lib.rs, the lock file and at least one API module.
        assert!(assert_same_on_one_thread_and_four(&Config::new(), &[dir]) >= 5);
    }
}

#[test]
fn parallel_generation_writes_the_same_bytes_as_a_sequential_run() {
    if !corpus_available("parallel_generation_writes_the_same_bytes_as_a_sequential_run") {
        return;
    }
    // Two folders loaded as one product, as the Vpc crate is made.
    let dirs = [corpus_dir().join("vpn"), corpus_dir().join("eip")];
    let dirs: Vec<&Path> = dirs.iter().map(|d| d.as_path()).collect();
    let config = Config::new().product("Vpc").version("2016-04-28");
    assert!(
        assert_same_on_one_thread_and_four(&config, &dirs) > 50,
        "vpn and eip give many APIs"
    );
}

#[test]
fn every_corpus_folder_renders_the_same_bytes_on_one_thread_and_on_four() {
    let test = "every_corpus_folder_renders_the_same_bytes_on_one_thread_and_on_four";
    let roa = repo_root().join("../shared/corpus-roa");
    if !corpus_available(test) || !folder_available(test, &roa) {
        return;
    }
    let config = Config::new().product("Bench").version("2020-01-01");
    let mut dirs = folders(&corpus_dir());
    dirs.extend(folders(&roa));
    let mut files = 0;
    for dir in &dirs {
        files += assert_same_on_one_thread_and_four(&config, &[dir]);
    }
    // By hand: 897 corpus docs are 542 APIs (zh and en merged), one file each besides the
    // four per crate; corpus-roa adds its own.
    assert!(files > 600, "compared only {files} files");
}

#[test]
fn crates_rendered_side_by_side_equal_each_crate_rendered_alone() {
    if !corpus_available("crates_rendered_side_by_side_equal_each_crate_rendered_alone") {
        return;
    }
    let targets: Vec<(PathBuf, PathBuf)> = ["cbwp", "ipv6gateway", "pvtz"]
        .iter()
        .map(|p| (corpus_dir().join(p), Path::new("generated").join(p)))
        .collect();
    let config = Config::new().version("2020-01-01");
    let alone: Vec<_> = par::with_threads(1, || {
        targets
            .iter()
            .map(|(spec, out)| config.render_crate(spec, out).expect("renders"))
            .collect()
    });
    let together: Vec<_> = par::with_threads(4, || config.render_crates(&targets))
        .into_iter()
        .map(|r| r.expect("renders"))
        .collect();
    assert_eq!(alone.len(), 3);
    assert!(alone.iter().all(|(files, _)| files.len() > 3));
    assert_eq!(alone, together);
}
