//! Generates the Vpc SDK from the repository's spec folder at build time.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("vpc.rs");
    let spec =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("../../spec/vpc");
    let report = aliyun_codegen::Config::new()
        .emit_rerun_if_changed(true)
        .generate_module(&spec, &out)
        .unwrap_or_else(|failure| panic!("generating the Vpc SDK failed:\n{failure}"));
    // Notes (sentences the extractor did not understand) are for `aliyun-codegen lint`.
    for warning in report
        .diagnostics
        .iter()
        .filter(|d| d.severity != aliyun_codegen::Severity::Note)
    {
        println!("cargo:warning={warning}");
    }
}
