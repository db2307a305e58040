//! Generation uses every core for independent docs; the output must be the bytes a
//! single-threaded run writes.

use aliyun_codegen::{par, Config};
use aliyun_codegen_tests::{corpus_available, corpus_dir};

#[test]
fn parallel_generation_writes_the_same_bytes_as_a_sequential_run() {
    if !corpus_available("parallel_generation_writes_the_same_bytes_as_a_sequential_run") {
        return;
    }
    let dirs = [corpus_dir().join("vpn"), corpus_dir().join("eip")];
    let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
    let config = Config::new().product("Vpc").version("2016-04-28");
    let run = |threads: usize| {
        par::with_threads(threads, || {
            let loaded = config.load_dirs(&dirs).expect("loads");
            let (files, diags) = config
                .render_loaded(&loaded, dirs[0], std::path::Path::new("generated/vpc"))
                .expect("renders");
            let module = aliyun_codegen::emit::render_module(&loaded.apis, "spec/vpc")
                .expect("renders a module")
                .0;
            (loaded.apis, files, diags, module)
        })
    };
    let sequential = run(1);
    let parallel = run(4);
    assert!(sequential.1.len() > 50, "vpn and eip give many APIs");
    assert!(sequential.0 == parallel.0, "IR differs");
    assert_eq!(sequential.1, parallel.1);
    assert_eq!(sequential.2, parallel.2);
    assert_eq!(sequential.3, parallel.3);
}

#[test]
fn crates_rendered_side_by_side_equal_each_crate_rendered_alone() {
    if !corpus_available("crates_rendered_side_by_side_equal_each_crate_rendered_alone") {
        return;
    }
    let targets: Vec<(std::path::PathBuf, std::path::PathBuf)> = ["cbwp", "ipv6gateway", "pvtz"]
        .iter()
        .map(|p| {
            (
                corpus_dir().join(p),
                std::path::Path::new("generated").join(p),
            )
        })
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
