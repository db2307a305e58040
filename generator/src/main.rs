//! The `aliyun-codegen` command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aliyun_codegen::diagnostics::kinds;
use aliyun_codegen::{
    parse, stats::Stats, Config, Diagnostic, DocDefaults, Failure, RuntimeDependency,
};
use clap::{Args, Parser, Subcommand};

// Generation allocates many small, short-lived token and syn nodes; mimalloc serves them faster
// than the system allocator.
#[global_allocator]
static GLOBAL: aliyun_codegen::alloc::Mimalloc = aliyun_codegen::alloc::Mimalloc;

#[derive(Parser)]
#[command(
    name = "aliyun-codegen",
    version,
    about = "Generate typed Rust SDK crates from Alibaba Cloud API reference docs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Default)]
struct Overrides {
    /// Product code when the docs' OpenAPI Explorer links do not give it (e.g. Vpc).
    #[arg(long)]
    product: Option<String>,
    /// API version when the docs do not give it (e.g. 2016-04-28).
    #[arg(long)]
    version: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate crates: SPEC_DIR into OUT_DIR, or every spec/<product> into generated/<product>.
    Generate(GenerateArgs),
    /// Exit non-zero, naming the files, when generated/ differs from what generate would write.
    Check(CheckArgs),
    /// Print the IR of documents as JSON (an object for one doc, an array for several).
    Ir(IrArgs),
    /// Count docs, fields, examples, constraints and warnings over documents or folders.
    Stats(PathsArgs),
    /// What changed between two revisions (docs, spec folders; OLD may be a generated crate or
    /// its IR lock file), and whether it breaks users of the generated crate.
    Diff(DiffArgs),
    /// List description sentences that look like rules but produced no constraint.
    Lint(PathsArgs),
    /// Print, as JSON, the product code, version, endpoint rule and region → host table a crate
    /// generated from SPEC_DIR uses (further folders are read as part of the same product, e.g.
    /// a folder of product pages).
    Endpoints(EndpointsArgs),
    /// What a kind of warning means and what to do about it; without KIND, every kind.
    Explain {
        /// A kind as `generate` prints it (`unknown-type`).
        kind: Option<String>,
    },
}

/// How the crate is written: `generate` and `check` take the same, so that `check` compares
/// with what that `generate` wrote.
#[derive(Args, Clone, Default)]
struct CrateArgs {
    /// Package name of the generated crate (single folder only).
    #[arg(long)]
    crate_name: Option<String>,
    /// Depend on a local copy of aliyun-runtime at this folder (for development) instead of the
    /// released version; written relative to the generated crate. Overrides `runtime-path` in
    /// the spec folder's aliyun-codegen.toml.
    #[arg(long)]
    runtime_path: Option<String>,
    /// Add an empty [workspace] table so the crate builds on its own.
    #[arg(long)]
    standalone: bool,
}

#[derive(Args)]
struct GenerateArgs {
    spec_dir: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
    #[command(flatten)]
    output: CrateArgs,
    /// Fail (and write nothing) when a doc cannot be read, instead of skipping it.
    #[arg(long)]
    strict: bool,
    /// Print every warning, not only the count of each kind.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Args)]
struct CheckArgs {
    spec_dir: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
    #[command(flatten)]
    output: CrateArgs,
    /// Print every warning, not only the count of each kind.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Args)]
struct IrArgs {
    #[arg(required = true)]
    docs: Vec<PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
}

#[derive(Args)]
struct EndpointsArgs {
    spec_dir: PathBuf,
    /// More folders of the same product (API docs or product pages).
    more: Vec<PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
    /// Print every warning and note about the service, not only the count of each kind.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Args)]
struct PathsArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Args)]
struct DiffArgs {
    old: PathBuf,
    new: PathBuf,
    /// `text`, `json` or `markdown` (a CHANGELOG entry).
    #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"])]
    format: String,
    /// Exit with status 1 when a change is breaking.
    #[arg(long)]
    fail_on_breaking: bool,
    #[command(flatten)]
    overrides: Overrides,
}

fn config(o: &Overrides) -> Config {
    let mut c = Config::new();
    if let Some(p) = &o.product {
        c = c.product(p);
    }
    if let Some(v) = &o.version {
        c = c.version(v);
    }
    c
}

/// [`config`] with how the crate is written.
fn crate_config(o: &Overrides, out: &CrateArgs) -> Config {
    let mut c = config(o).standalone(out.standalone);
    if let Some(n) = &out.crate_name {
        c = c.crate_name(n);
    }
    if let Some(p) = &out.runtime_path {
        c = c.runtime(RuntimeDependency::Path(p.clone()));
    }
    c
}

fn report_failure(f: &Failure) {
    for d in &f.diagnostics {
        eprintln!("{d}");
    }
}

/// `(spec, out)` pairs: the given folder, or every folder under spec/.
fn targets(spec: Option<PathBuf>, out: Option<PathBuf>) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    if let Some(spec) = spec {
        let name = spec.file_name().map(|n| n.to_owned()).unwrap_or_default();
        let out = out.unwrap_or_else(|| Path::new("generated").join(name));
        return Ok(vec![(spec, out)]);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("spec")
        .map_err(|e| format!("spec: cannot read the spec folder ({e}); run from the repository root or name a folder"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs
        .into_iter()
        .map(|d| {
            let out = Path::new("generated").join(d.file_name().unwrap_or_default());
            (d, out)
        })
        .collect())
}

/// The API docs under the given paths: each folder's (see [`aliyun_codegen::doc_files`]), and
/// each file named that is a doc. A folder that cannot be read is reported and skipped.
fn docs_under(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            match aliyun_codegen::doc_files(p) {
                Ok(files) => out.extend(files),
                Err(f) => report_failure(&f),
            }
        } else if aliyun_codegen::is_doc(p) {
            out.push(p.clone());
        }
    }
    out
}

/// Success, or failure when `failed`.
fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Generate(args) => generate(args),
        Command::Check(args) => check(args),
        Command::Ir(args) => ir(args),
        Command::Stats(args) => stats(args),
        Command::Diff(args) => diff(args),
        Command::Lint(args) => lint(args),
        Command::Endpoints(args) => endpoints(args),
        Command::Explain { kind } => explain(kind.as_deref()),
    }
}

/// The warnings of one crate: each line with `-v`; after the summary line, how many of each
/// kind, those that need attention first.
fn print_warnings(diagnostics: &[Diagnostic], verbose: bool, summary: &str) {
    if verbose {
        for d in diagnostics {
            eprintln!("{d}");
        }
    }
    eprintln!("{summary}");
    let counts = kinds::counts(diagnostics);
    if !counts.is_empty() {
        eprint!("{counts}");
        eprintln!(
            "  (`aliyun-codegen explain KIND` says what a kind means and what to do{})",
            if verbose { "" } else { "; -v prints each" }
        );
    }
}

fn generate(args: GenerateArgs) -> Result<ExitCode, String> {
    let c = crate_config(&args.overrides, &args.output).strict(args.strict);
    let targets = targets(args.spec_dir, args.out_dir)?;
    let befores: Vec<_> = targets
        .iter()
        .map(|(_, out)| aliyun_codegen::diff::lock::read_crate(out))
        .collect();
    // Every crate is rendered (side by side) before any is written; each is then written whole
    // or, when it failed, not at all.
    let rendered = c.render_crates(&targets);
    let mut failed = false;
    for (((spec, out), before), result) in targets.iter().zip(befores).zip(rendered) {
        let written = result.and_then(|(files, diagnostics)| {
            let mut r = aliyun_codegen::write_crate(out, &files)?;
            r.diagnostics = diagnostics;
            Ok(r)
        });
        match written {
            Ok(r) => {
                eprint!("{}", aliyun_codegen::diff::generation_summary(before, out));
                // Docs skipped because they could not be read: each has errors (above with -v).
                let skipped: std::collections::BTreeSet<&str> = r
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.file.as_str())
                    .collect();
                let skipped = match skipped.len() {
                    0 => String::new(),
                    n => format!(", {n} docs skipped (`--strict` fails instead)"),
                };
                let summary = format!(
                    "{} → {}: {} written, {} unchanged, {} removed, {} warnings{skipped}",
                    spec.display(),
                    out.display(),
                    r.written.len(),
                    r.unchanged.len(),
                    r.removed.len(),
                    r.diagnostics.len()
                );
                print_warnings(&r.diagnostics, args.verbose, &summary);
            }
            Err(f) => {
                report_failure(&f);
                eprintln!(
                    "{}: generation failed; {} left untouched",
                    spec.display(),
                    out.display()
                );
                failed = true;
            }
        }
    }
    Ok(exit_code(failed))
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let mut stale = false;
    let targets = targets(args.spec_dir, args.out_dir)?;
    // A doc that cannot be read fails the check (as `generate --strict` does).
    let rendered = crate_config(&args.overrides, &args.output)
        .strict(true)
        .render_crates(&targets);
    for ((_, out), result) in targets.iter().zip(rendered) {
        // A runtime that does not fit the generated code fails the build whatever the files say.
        if let Some(problem) = aliyun_codegen::runtime_dep::check(out) {
            eprintln!("{problem}");
            stale = true;
        }
        let checked = result.map(|(files, diagnostics)| {
            (aliyun_codegen::differing_files(out, &files), diagnostics)
        });
        match checked {
            Ok((files, diagnostics)) if files.is_empty() => {
                let summary = format!("{}: up to date", out.display());
                print_warnings(&diagnostics, args.verbose, &summary);
            }
            Ok((files, _)) => {
                stale = true;
                for f in files {
                    eprintln!(
                        "{}: differs from what `aliyun-codegen generate` would write",
                        f.display()
                    );
                }
            }
            Err(f) => {
                report_failure(&f);
                stale = true;
            }
        }
    }
    Ok(exit_code(stale))
}

fn defaults(o: &Overrides) -> DocDefaults {
    DocDefaults {
        product: o.product.clone(),
        version: o.version.clone(),
    }
}

/// Reads and parses one doc.
fn parse_file(
    path: &Path,
    defaults: &DocDefaults,
) -> Result<(aliyun_codegen::Api, Vec<Diagnostic>), Failure> {
    aliyun_codegen::read_doc(path)
        .and_then(|text| parse::parse_doc(&path.display().to_string(), &text, defaults))
}

fn ir(args: IrArgs) -> Result<ExitCode, String> {
    let defaults = defaults(&args.overrides);
    let mut values = Vec::new();
    let mut failed = false;
    for path in &args.docs {
        match parse_file(path, &defaults) {
            Ok((api, diags)) => {
                for d in diags {
                    eprintln!("{d}");
                }
                values.push(api);
            }
            Err(f) => {
                report_failure(&f);
                failed = true;
            }
        }
    }
    let text = if args.docs.len() == 1 && values.len() == 1 {
        serde_json::to_string_pretty(&values[0])
    } else {
        serde_json::to_string_pretty(&values)
    };
    println!("{}", text.map_err(|e| e.to_string())?);
    Ok(exit_code(failed))
}

fn diff(args: DiffArgs) -> Result<ExitCode, String> {
    let format = aliyun_codegen::diff::Format::from_name(&args.format)
        .ok_or_else(|| format!("unknown format `{}`", args.format))?;
    let summary = aliyun_codegen::diff::diff_paths(
        &args.old,
        &args.new,
        &config(&args.overrides),
        &defaults(&args.overrides),
    )?;
    print!("{}", summary.render(format));
    Ok(exit_code(args.fail_on_breaking && summary.breaking))
}

fn stats(args: PathsArgs) -> Result<ExitCode, String> {
    let mut stats = Stats::default();
    for path in docs_under(&args.paths) {
        match parse_file(&path, &DocDefaults::default()) {
            Ok((api, diags)) => stats.add(&api, &diags),
            Err(f) => {
                report_failure(&f);
                stats.add_failure(&f.diagnostics);
            }
        }
    }
    print!("{stats}");
    Ok(exit_code(stats.failed_docs > 0))
}

fn lint(args: PathsArgs) -> Result<ExitCode, String> {
    let (mut understood, mut not_understood) = (0usize, 0usize);
    for path in docs_under(&args.paths) {
        let Ok((api, _)) = parse_file(&path, &DocDefaults::default()) else {
            continue;
        };
        let lint = aliyun_codegen::lint::lint_api(&api);
        understood += lint.understood;
        not_understood += lint.not_understood.len();
        for (field, line, sentence) in &lint.not_understood {
            println!(
                "{}:{line}: {field}: {}",
                path.display(),
                sentence.replace('\n', " ")
            );
        }
    }
    let total = understood + not_understood;
    let share = if total == 0 {
        100.0
    } else {
        100.0 * understood as f64 / total as f64
    };
    println!("rule-like sentences: {total}; understood: {understood} ({share:.1}%); not understood: {not_understood}");
    Ok(ExitCode::SUCCESS)
}

fn endpoints(args: EndpointsArgs) -> Result<ExitCode, String> {
    let mut dirs: Vec<&Path> = vec![args.spec_dir.as_path()];
    dirs.extend(args.more.iter().map(PathBuf::as_path));
    let loaded = match config(&args.overrides).load_dirs(&dirs) {
        Ok(loaded) => loaded,
        Err(f) => {
            report_failure(&f);
            return Ok(ExitCode::FAILURE);
        }
    };
    let about_service: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| aliyun_codegen::service::KINDS.contains(&d.kind))
        .cloned()
        .collect();
    let summary = format!(
        "{}: {} APIs, {} product pages",
        args.spec_dir.display(),
        loaded.apis.len(),
        loaded.service.pages.len()
    );
    print_warnings(&about_service, args.verbose, &summary);
    let text = serde_json::to_string_pretty(&loaded.service).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn explain(kind: Option<&str>) -> Result<ExitCode, String> {
    let Some(name) = kind else {
        print!("{}", kinds::list());
        return Ok(ExitCode::SUCCESS);
    };
    let k = kinds::lookup(name)
        .ok_or_else(|| format!("no kind `{name}`; `aliyun-codegen explain` lists them"))?;
    print!("{}", kinds::explain(k));
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
