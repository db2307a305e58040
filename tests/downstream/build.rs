//! Generates the Vpc SDK, its `Client` included, from the repository's spec folder at build time.

use std::path::PathBuf;

// A failure comes back through `?` and prints as the CLI prints it:
// `spec/vpc/X.md:12: error[not-an-api-doc]: …`, one diagnostic per line.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("vpc.rs");
    let spec = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../../spec/vpc");
    let report = aliyun_codegen::Config::new()
        .emit_rerun_if_changed(true)
        .generate_module(&spec, &out)?;
    // Each warning as a `cargo:warning` line (notes are for `aliyun-codegen lint`).
    report.emit_cargo_warnings();
    Ok(())
}
