//! What a generated crate costs its users to compile, in one run:
//!
//! - generates the Vpc corpus crate (../shared/corpus vpn, eip, nat, ipv6gateway, cbwp; product
//!   Vpc 2016-04-28) into `target/bench/aliyun-vpc`, standalone, and times
//!   `Config::load_dirs` + `emit::render_module` (what `Config::generate_module` does in a
//!   build script);
//! - lines per API of the generated sources;
//! - debug build time of that crate alone (dependencies prebuilt, `CARGO_INCREMENTAL=0`, the
//!   crate cleaned before each build, median of 3) with every API (`full`) and with five;
//!   rounds interleave the crates (full, five, anchor, full, …) so that a change of load on the
//!   machine between rounds hits all of them, and the load average is printed around them;
//! - the anchor: `aws-sdk-dynamodb` built the same way in a separate cargo project under
//!   `target/bench/anchor-dynamodb`, outside the workspace (so CI never builds it).
//!
//! `cargo bench -p aliyun-codegen --bench compile [-- --no-anchor] [-- --rounds N]`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use aliyun_codegen::{emit, Config, RuntimeDependency};

const FOLDERS: [&str; 5] = ["vpn", "eip", "nat", "ipv6gateway", "cbwp"];
const ANCHOR: &str = "aws-sdk-dynamodb";
const ANCHOR_VERSION: &str = "=1.136.0";

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.env("CARGO_INCREMENTAL", "0").env_remove("RUSTFLAGS");
    c
}

fn run(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One crate to time: its manifest, target dir, package and features.
struct Build<'a> {
    manifest: &'a Path,
    target: &'a Path,
    package: &'a str,
    features: &'a [&'a str],
}

impl Build<'_> {
    fn args(&self, c: &mut Command) {
        c.arg("--manifest-path")
            .arg(self.manifest)
            .arg("--target-dir")
            .arg(self.target);
        if !self.features.is_empty() {
            c.arg("--no-default-features")
                .arg("--features")
                .arg(self.features.join(","));
        }
    }

    /// Builds the dependencies once, so that rounds time the package alone.
    fn prebuild(&self) {
        let mut c = cargo();
        c.args(["build", "--quiet"]);
        self.args(&mut c);
        run(c, "building the dependencies");
    }

    /// One debug build of the package alone: clean it, build, time.
    fn once(&self) -> Duration {
        let mut clean = cargo();
        clean.args(["clean", "--quiet", "-p", self.package]);
        clean
            .arg("--manifest-path")
            .arg(self.manifest)
            .arg("--target-dir")
            .arg(self.target);
        run(clean, "cargo clean -p");
        let mut build = cargo();
        build.args(["build", "--quiet"]);
        self.args(&mut build);
        let t = Instant::now();
        run(build, &format!("building {}", self.package));
        t.elapsed()
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn rust_lines(dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            n += rust_lines(&p);
        } else if p.extension().is_some_and(|e| e == "rs") {
            n += std::fs::read_to_string(&p).map_or(0, |t| t.lines().count());
        }
    }
    n
}

/// The anchor project: a crate depending on aws-sdk-dynamodb, with its own `[workspace]`.
fn anchor_project(bench: &Path) -> PathBuf {
    let dir = bench.join("anchor-dynamodb");
    std::fs::create_dir_all(dir.join("src")).expect("anchor dir");
    let manifest = format!(
        "# Written by aliyun-codegen's compile benchmark: the anchor crate, built outside the workspace.\n\
         [package]\nname = \"anchor-dynamodb\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{ANCHOR} = \"{ANCHOR_VERSION}\"\n\n[workspace]\n"
    );
    let path = dir.join("Cargo.toml");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(manifest.as_str()) {
        std::fs::write(&path, manifest).expect("anchor manifest");
    }
    let lib = dir.join("src/lib.rs");
    if !lib.exists() {
        std::fs::write(lib, "").expect("anchor lib");
    }
    path
}

/// (operations, lines of Rust) of the anchor crate's sources, found through `cargo metadata`.
fn anchor_size(manifest: &Path) -> (usize, usize) {
    let out = cargo()
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest)
        .output()
        .expect("cargo metadata");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let src = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == ANCHOR)
        .and_then(|p| p["manifest_path"].as_str())
        .map(|m| Path::new(m).with_file_name("src"))
        .expect("the anchor crate in cargo metadata");
    // One folder per operation under src/operation.
    let ops = std::fs::read_dir(src.join("operation"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .count();
    (ops, rust_lines(&src))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let anchor = !args.iter().any(|a| a == "--no-anchor");
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf();
    let corpus = repo.join("../shared/corpus");
    let bench = repo.join("target/bench");
    let dirs: Vec<PathBuf> = FOLDERS.iter().map(|f| corpus.join(f)).collect();
    let dir_refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let out = bench.join("aliyun-vpc");
    let config = Config::new()
        .product("Vpc")
        .version("2016-04-28")
        .standalone(true)
        .runtime(RuntimeDependency::Path(
            repo.join("runtime").display().to_string(),
        ));

    // What a build script pays: load + one module file.
    let t = Instant::now();
    let loaded = config.load_dirs(&dir_refs).expect("the corpus loads");
    let opts = emit::ModuleOptions {
        spec: "spec/vpc".to_string(),
        service: loaded.service.clone(),
        client: true,
    };
    let module = emit::render_module(&loaded.apis, &opts).expect("renders");
    let generate_module = t.elapsed();
    let docs = loaded.inputs.len();
    drop(module);

    let (files, _) = config
        .render_loaded(&loaded, dir_refs[0], &out)
        .expect("renders the crate");
    aliyun_codegen::write_crate(&out, &files).expect("writes the crate");
    let apis = loaded.apis.len();
    let lines = rust_lines(&out.join("src"));
    let mut features: Vec<String> = files
        .keys()
        .filter_map(|f| f.strip_prefix("src/")?.strip_suffix(".rs"))
        .filter(|m| *m != "lib")
        .map(emit::features::of_module)
        .collect();
    features.sort();
    let five: Vec<&str> = features.iter().take(5).map(String::as_str).collect();

    println!(
        "Vpc corpus crate: {apis} APIs from {docs} docs ({})",
        FOLDERS.join(", ")
    );
    println!(
        "generate_module (load + render, {} threads): {:.2} s",
        aliyun_codegen::par::threads(),
        generate_module.as_secs_f64()
    );
    println!("lines/API: {:.0}", lines as f64 / apis as f64);

    let manifest = out.join("Cargo.toml");
    let target = bench.join("target-vpc");
    let full = Build {
        manifest: &manifest,
        target: &target,
        package: "aliyun-vpc",
        features: &[],
    };
    let part = Build {
        features: &five,
        ..full
    };
    let anchor_manifest = anchor.then(|| anchor_project(&bench));
    let anchor_target = bench.join("anchor-target");
    let anchor_build = anchor_manifest.as_deref().map(|m| Build {
        manifest: m,
        target: &anchor_target,
        package: ANCHOR,
        features: &[],
    });
    full.prebuild();
    part.prebuild();
    if let Some(a) = &anchor_build {
        a.prebuild();
    }
    println!("load average before the timed builds: {}", load_average());
    // Rounds interleave the crates, so that a change of load on the machine hits all of them.
    let (mut full_t, mut part_t, mut anchor_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        full_t.push(full.once());
        part_t.push(part.once());
        if let Some(a) = &anchor_build {
            anchor_t.push(a.once());
        }
    }
    let full_time = median(full_t);
    let s_per_api = full_time.as_secs_f64() / apis as f64;
    println!(
        "build, full ({apis} APIs): {:.2} s = {s_per_api:.3} s/API",
        full_time.as_secs_f64()
    );
    let part_time = median(part_t);
    println!(
        "build, five APIs ({}): {:.2} s = {:.1}% of full",
        five.join(", "),
        part_time.as_secs_f64(),
        100.0 * part_time.as_secs_f64() / full_time.as_secs_f64()
    );

    if let Some(manifest) = &anchor_manifest {
        let time = median(anchor_t);
        let (ops, lines) = anchor_size(manifest);
        let per_op = time.as_secs_f64() / ops as f64;
        println!(
            "anchor {ANCHOR} {}: {ops} operations, {:.0} lines/operation, build {:.2} s = {per_op:.3} s/operation",
            ANCHOR_VERSION.trim_start_matches('='),
            lines as f64 / ops as f64,
            time.as_secs_f64()
        );
        println!(
            "ratio Vpc s/API ÷ {ANCHOR} s/operation: {:.2} (goal ≤ 0.2)",
            s_per_api / per_op
        );
    }
    println!("load average after the timed builds: {}", load_average());
    println!("(median of {rounds} debug builds each, CARGO_INCREMENTAL=0, dependencies prebuilt)");
}
