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
