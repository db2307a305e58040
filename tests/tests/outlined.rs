//! `generate` prints API modules with outlined docs and items (`aliyun_codegen::emit::outline`):
//! the text must be the bytes the plain route (`emit_api` tokens through `format_tokens`)
//! prints, for every API of the corpus folders below, with a template cache that is cold for
//! the first APIs and warm for the rest.

use aliyun_codegen::emit::{api::emit_api, format_tokens, outline::emit_api_outlined};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{corpus_available, corpus_dir};

#[test]
fn outlined_printing_writes_the_same_bytes_as_plain_printing() {
    if !corpus_available("outlined_printing_writes_the_same_bytes_as_plain_printing") {
        return;
    }
    let config = Config::new().product("Bench").version("2020-01-01");
    let mut compared = 0;
    for product in ["vpn", "ess", "cms"] {
        let loaded = config.load(corpus_dir().join(product)).expect("loads");
        for api in &loaded.apis {
            let plain = emit_api(api).expect("emits");
            let plain = format_tokens(plain.tokens, &api.name).expect("prints");
            let outlined = emit_api_outlined(api).expect("emits");
            assert!(!outlined.docs.is_empty(), "{}: nothing outlined", api.name);
            let outlined = outlined.format(&api.name).expect("placeholders come back");
            assert!(outlined == plain, "{}: outlined text differs", api.name);
            compared += 1;
        }
    }
    assert!(compared > 200, "vpn, ess and cms hold a few hundred APIs");
}
