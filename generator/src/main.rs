//! The `aliyun-codegen` command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aliyun_codegen::{parse, stats::Stats, Config, DocDefaults, Failure, RuntimeDependency};
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
    Generate {
        spec_dir: Option<PathBuf>,
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
        /// Package name of the generated crate (single folder only).
        #[arg(long)]
        crate_name: Option<String>,
        /// Depend on aliyun-runtime at this path instead of this repository's runtime/.
        #[arg(long)]
        runtime_path: Option<String>,
        /// Add an empty [workspace] table so the crate builds on its own.
        #[arg(long)]
        standalone: bool,
        /// Print warnings too.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Exit non-zero, naming the files, when generated/ differs from what generate would write.
    Check {
        spec_dir: Option<PathBuf>,
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
    },
    /// Print the IR of documents as JSON (an object for one doc, an array for several).
    Ir {
        #[arg(required = true)]
        docs: Vec<PathBuf>,
        #[command(flatten)]
        overrides: Overrides,
    },
    /// Count docs, fields, examples, constraints and warnings over documents or folders.
    Stats {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// What changed between two revisions (docs, spec folders; OLD may be a generated crate or
    /// its IR lock file), and whether it breaks users of the generated crate.
    Diff {
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
    },
    /// List description sentences that look like rules but produced no constraint.
    Lint {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
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

/// Markdown files under the given paths.
fn docs_under(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            for e in entries {
                walk(&e, out);
            }
        } else if p.extension().is_some_and(|e| e == "md")
            && p.file_name()
                .is_some_and(|n| n != "README.md" && n != "SOURCES.md")
        {
            out.push(p.to_path_buf());
        }
    }
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out);
    }
    out
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Generate {
            spec_dir,
            out_dir,
            overrides,
            crate_name,
            runtime_path,
            standalone,
            verbose,
        } => {
            let mut c = config(&overrides).standalone(standalone);
            if let Some(n) = &crate_name {
                c = c.crate_name(n);
            }
            if let Some(p) = &runtime_path {
                c = c.runtime(RuntimeDependency::Path(p.clone()));
            }
            let targets = targets(spec_dir, out_dir)?;
            let befores: Vec<_> = targets
                .iter()
                .map(|(_, out)| aliyun_codegen::diff::lock::read_crate(out))
                .collect();
            // Every crate is rendered (side by side) before any is written; each is then written
            // whole or, when it failed, not at all.
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
                        if verbose {
                            for d in &r.diagnostics {
                                eprintln!("{d}");
                            }
                        }
                        eprintln!(
                            "{} → {}: {} written, {} unchanged, {} removed, {} warnings",
                            spec.display(),
                            out.display(),
                            r.written.len(),
                            r.unchanged.len(),
                            r.removed.len(),
                            r.diagnostics.len()
                        );
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
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check {
            spec_dir,
            out_dir,
            overrides,
        } => {
            let mut stale = false;
            let targets = targets(spec_dir, out_dir)?;
            let rendered = config(&overrides).render_crates(&targets);
            for ((_, out), result) in targets.iter().zip(rendered) {
                match result.map(|(files, _)| aliyun_codegen::differing_files(out, &files)) {
                    Ok(files) if files.is_empty() => eprintln!("{}: up to date", out.display()),
                    Ok(files) => {
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
            Ok(if stale {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Ir { docs, overrides } => {
            let defaults = DocDefaults {
                product: overrides.product.clone(),
                version: overrides.version.clone(),
            };
            let mut values = Vec::new();
            let mut failed = false;
            for path in &docs {
                let parsed = aliyun_codegen::read_doc(path).and_then(|text| {
                    parse::parse_doc(&path.display().to_string(), &text, &defaults)
                });
                match parsed {
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
            let text = if docs.len() == 1 && values.len() == 1 {
                serde_json::to_string_pretty(&values[0])
            } else {
                serde_json::to_string_pretty(&values)
            };
            println!("{}", text.map_err(|e| e.to_string())?);
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on_breaking,
            overrides,
        } => {
            let defaults = DocDefaults {
                product: overrides.product.clone(),
                version: overrides.version.clone(),
            };
            let format = aliyun_codegen::diff::Format::from_name(&format)
                .ok_or_else(|| format!("unknown format `{format}`"))?;
            let summary =
                aliyun_codegen::diff::diff_paths(&old, &new, &config(&overrides), &defaults)?;
            print!("{}", summary.render(format));
            Ok(if fail_on_breaking && summary.breaking {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Stats { paths } => {
            let mut stats = Stats::default();
            for path in docs_under(&paths) {
                let parsed = aliyun_codegen::read_doc(&path).and_then(|text| {
                    parse::parse_doc(&path.display().to_string(), &text, &DocDefaults::default())
                });
                match parsed {
                    Ok((api, diags)) => stats.add(&api, &diags),
                    Err(f) => {
                        report_failure(&f);
                        stats.add_failure(&f.diagnostics);
                    }
                }
            }
            print!("{stats}");
            Ok(if stats.failed_docs > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Lint { paths } => {
            let (mut understood, mut not_understood) = (0usize, 0usize);
            for path in docs_under(&paths) {
                let Ok(text) = aliyun_codegen::read_doc(&path) else {
                    continue;
                };
                let Ok((api, _)) =
                    parse::parse_doc(&path.display().to_string(), &text, &DocDefaults::default())
                else {
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
    }
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
