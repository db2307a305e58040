//! `generate` prints API modules with outlined docs, items and runs of units
//! (`aliyun_codegen::emit::outline`): the text must be the bytes the plain route (`emit_api`
//! tokens through `format_tokens`) prints, for every API of every folder of ../shared/corpus and
//! ../shared/corpus-roa, with template caches that are cold for the first APIs and warm for the
//! rest.

use std::path::Path;

use aliyun_codegen::emit::{api::emit_api, format_tokens, outline::emit_api_outlined};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{corpus_available, corpus_dir, folder_available, repo_root};

fn product_folders(root: &Path) -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
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
fn outlined_printing_writes_the_same_bytes_as_plain_printing() {
    let test = "outlined_printing_writes_the_same_bytes_as_plain_printing";
    let roa = repo_root().join("../shared/corpus-roa");
    if !corpus_available(test) || !folder_available(test, &roa) {
        return;
    }
    let config = Config::new().product("Bench").version("2020-01-01");
    let mut compared = 0;
    let mut folders = product_folders(&corpus_dir());
    folders.extend(product_folders(&roa));
    for folder in &folders {
        let loaded = config.load(folder).expect("loads");
        for api in &loaded.apis {
            let plain = emit_api(api).expect("emits");
            let plain = format_tokens(plain.tokens, &api.name).expect("prints");
            let outlined = emit_api_outlined(api).expect("emits");
            assert!(!outlined.docs.is_empty(), "{}: nothing outlined", api.name);
            let outlined = outlined.format(&api.name).expect("placeholders come back");
            assert!(
                outlined == plain,
                "{} ({}): outlined text differs",
                api.name,
                folder.display()
            );
            compared += 1;
        }
    }
    // By hand: 897 corpus docs are 542 APIs (zh and en merged); corpus-roa adds its own.
    assert!(compared > 600, "compared only {compared} APIs");
}
