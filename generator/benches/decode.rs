//! How fast a generated response type decodes large bodies, against plain serde, in one binary:
//!
//! - generates the vpn corpus crate (`../shared/corpus/vpn`, product Vpc 2016-04-28) into
//!   `target/bench/decode/vpn`, standalone, against this checkout's runtime;
//! - writes the doc's own `DescribeVpnGateways` response examples (JSON and XML, zh-CN) and the
//!   program `benches/support/decode_program.rs` into `target/bench/decode/program`, a cargo
//!   project outside the workspace with the workspace's `Cargo.lock`, and builds it in release
//!   (the default profile a downstream crate gets: opt-level 3, no LTO);
//! - runs it: `check` (the generated type holds every gateway, field for field equal to a serde
//!   derive's, JSON equal to XML, `parse_response` equal to `from_body`), `mem` (heap peak, heap
//!   kept and allocations per decode, counted by the program's allocator), the timings (median
//!   of rounds, the cases of one body size timed round-robin), and the peak RSS of one decode of
//!   the largest body (`once`, the minimum of three processes, less the process that only builds
//!   the body).
//!
//! `cargo bench -p aliyun-codegen --bench decode [-- --items 10,1000,10000,32000] [-- --rounds N]
//! [-- --round-ms MS] [-- --quick]` (`--quick`: 1,000 and 10,000 items, 3 rounds of 300 ms).

use std::path::{Path, PathBuf};
use std::process::Command;

use aliyun_codegen::model::ExampleFormat;
use aliyun_codegen::{Config, RuntimeDependency};

const API: &str = "DescribeVpnGateways";
const PROGRAM: &str = include_str!("support/decode_program.rs");

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.env_remove("RUSTFLAGS");
    c
}

fn run(mut c: Command, what: &str) -> String {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The doc's success example of `format`, preferring the zh-CN doc's.
fn example(api: &aliyun_codegen::Api, format: ExampleFormat) -> String {
    let mut found: Vec<_> = api
        .examples
        .responses
        .iter()
        .filter(|r| r.success && r.valid && r.format == format)
        .collect();
    found.sort_by_key(|r| !r.file.contains("zh-CN"));
    found
        .first()
        .unwrap_or_else(|| panic!("{API}: no valid {format:?} success example"))
        .body
        .clone()
}

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(i) = args.iter().position(|a| a == "--quick") {
        args.remove(i);
        args.extend(
            [
                "--items",
                "1000,10000",
                "--rounds",
                "3",
                "--round-ms",
                "300",
            ]
            .map(String::from),
        );
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf();
    let vpn = repo.join("../shared/corpus/vpn");
    let bench = repo.join("target/bench/decode");
    let crate_dir = bench.join("vpn");
    let program = bench.join("program");

    let config = Config::new()
        .product("Vpc")
        .version("2016-04-28")
        .standalone(true)
        .runtime(RuntimeDependency::Path(
            repo.join("runtime").display().to_string(),
        ));
    let loaded = config
        .load_dirs(&[vpn.as_path()])
        .expect("the vpn corpus loads");
    let api = loaded
        .apis
        .iter()
        .find(|a| a.name == API)
        .unwrap_or_else(|| panic!("{API} is not in {}", vpn.display()));
    let (json, xml) = (
        example(api, ExampleFormat::Json),
        example(api, ExampleFormat::Xml),
    );
    let (files, _) = config
        .render_loaded(&loaded, &vpn, &crate_dir)
        .expect("renders the crate");
    aliyun_codegen::write_crate(&crate_dir, &files).expect("writes the crate");

    std::fs::create_dir_all(program.join("src")).expect("program folder");
    let manifest = format!(
        "# Written by aliyun-codegen's decode benchmark (generator/benches/decode.rs).\n\
         [package]\nname = \"decode-bench\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n\
         aliyun-vpc = {{ path = \"../vpn\", default-features = false, features = [\"describe-vpn-gateways\"] }}\n\
         aliyun-runtime = {{ path = \"{runtime}\" }}\n\
         serde = {{ version = \"1.0.228\", features = [\"derive\"] }}\n\
         serde_json = \"1.0.140\"\n\
         quick-xml = {{ version = \"0.42\", features = [\"serialize\"] }}\n\n\
         [profile.release]\ndebug = \"line-tables-only\"\n\n[workspace]\n",
        runtime = repo.join("runtime").display()
    );
    write_if_changed(&program.join("Cargo.toml"), &manifest);
    write_if_changed(&program.join("src/main.rs"), PROGRAM);
    write_if_changed(&program.join("example.json"), &json);
    write_if_changed(&program.join("example.xml"), &xml);
    let lock = std::fs::read_to_string(repo.join("Cargo.lock")).expect("the workspace's lock");
    write_if_changed(&program.join("Cargo.lock"), &lock);

    let target = bench.join("target");
    let mut build = cargo();
    build
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(program.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target);
    run(build, "building the decode program");
    let binary: PathBuf = target.join("release/decode-bench");
    let program_run = |extra: &[&str]| {
        let mut c = Command::new(&binary);
        c.env("DECODE_BENCH_EXAMPLES", &program).args(extra);
        c
    };

    let items: Vec<&str> = args.iter().map(String::as_str).collect();
    let item_list = items
        .iter()
        .position(|a| *a == "--items")
        .and_then(|i| items.get(i + 1).copied())
        .unwrap_or("10,1000,10000,32000");
    println!(
        "{API} response of ../shared/corpus/vpn, load average {}",
        load_average()
    );
    print!(
        "{}",
        run(program_run(&["check", "--items", item_list]), "check")
    );
    print!(
        "{}",
        run(program_run(&["mem", "--items", item_list]), "mem")
    );
    let mut timing = vec!["bench"];
    timing.extend(items.iter().copied());
    let mut c = program_run(&timing);
    c.stdout(std::process::Stdio::inherit());
    let status = c.status().expect("runs the timings");
    assert!(status.success(), "timings failed");

    let largest = item_list.rsplit(',').next().unwrap_or("32000");
    println!(
        "peak RSS of one decode of {largest} items (min of 3 processes), above the body alone:"
    );
    let rss = |method: &str| -> u64 {
        (0..3)
            .map(|_| {
                let out = run(program_run(&["once", method, largest]), "once");
                out.rsplit("peak RSS ")
                    .next()
                    .and_then(|t| t.split_whitespace().next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0)
            })
            .min()
            .unwrap_or(0)
    };
    for (base, methods) in [
        ("none", ["generated", "value-path", "derive-str"]),
        (
            "xml-none",
            ["xml-generated", "xml-value-path", "xml-derive"],
        ),
    ] {
        let base_kib = rss(base);
        println!("  {base:<15} {:>7} KiB", base_kib);
        for m in methods {
            let kib = rss(m);
            println!(
                "  {m:<15} {:>7} KiB  (+{:.1} MiB)",
                kib,
                kib.saturating_sub(base_kib) as f64 / 1024.0
            );
        }
    }
    println!("load average after: {}", load_average());
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}
