//! `aliyun-codegen`: turns Alibaba Cloud API reference documents (Markdown, zh-CN or en-US)
//! into a typed, validated Rust SDK crate.
//!
//! The flow is `spec/<product>/*.md` → [`parse`] → IR ([`model`]) → [`emit`] → a crate that
//! depends on `aliyun-runtime`. The same library serves the `aliyun-codegen` CLI and build
//! scripts:
//!
//! ```no_run
//! // build.rs of a crate that depends on `aliyun-runtime` (feature `reqwest` for the `Client`)
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?).join("vpc.rs");
//!     let report = aliyun_codegen::Config::new()
//!         .emit_rerun_if_changed(true)
//!         .generate_module("spec/vpc", &out)?; // a failure prints `file:line: error[kind]: …`
//!     report.emit_cargo_warnings();
//!     Ok(())
//! }
//! // lib.rs: pub mod vpc { include!(concat!(env!("OUT_DIR"), "/vpc.rs")); }
//! ```

#[cfg(feature = "cli")]
pub mod alloc;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod lint;
pub mod locations;
pub mod merge;
pub mod model;
pub mod naming;
pub mod par;
pub mod parse;
pub mod rules;
pub mod runtime_dep;
pub mod service;
pub mod stats;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use diagnostics::{Diagnostic, Failure, Severity};
pub use emit::RuntimeDependency;
pub use model::Api;
pub use parse::DocDefaults;
pub use runtime_dep::RUNTIME_VERSION;

/// The name of the optional manifest in a spec folder.
pub const MANIFEST: &str = "aliyun-codegen.toml";

/// Settings a spec folder can carry in `aliyun-codegen.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Product code (`Vpc`), used when a doc's OpenAPI Explorer link does not give it.
    pub product: Option<String>,
    /// API version (`2016-04-28`), same.
    pub version: Option<String>,
    /// Package name of the generated crate (default `aliyun-<product>`).
    #[serde(rename = "crate")]
    pub crate_name: Option<String>,
    /// Feature groups of the generated crate: `[features] ssl-vpn = ["CreateSslVpnServer", …]`
    /// (API names or per-API feature names).
    #[serde(default)]
    pub features: BTreeMap<String, Vec<String>>,
    /// `runtime-path = "../../runtime"`: depend on a local copy of `aliyun-runtime` (for
    /// development) instead of the released version. Written in the manifest relative to the
    /// spec folder; after [`Config::load`], absolute. [`Config::runtime`] wins over it.
    #[serde(rename = "runtime-path")]
    pub runtime_path: Option<PathBuf>,
    /// Where REST-style parameters go when the doc does not say or says it wrong:
    /// `[locations.UpdateApp] AppName = "body"` ([`locations`]).
    #[serde(default)]
    pub locations: locations::Locations,
    /// The manifest line of each `[locations]` entry, for diagnostics.
    #[serde(skip)]
    pub location_lines: locations::Lines,
}

/// A crate rendered in memory: relative path → content, and the warnings; or why it failed.
pub type Rendered = Result<(BTreeMap<String, String>, Vec<Diagnostic>), Failure>;

/// Generator settings, modelled on `prost_build::Config`: set what you need, then call one of
/// the `generate*`/`check*` methods.
#[derive(Debug, Clone)]
pub struct Config {
    product: Option<String>,
    version: Option<String>,
    crate_name: Option<String>,
    crate_version: String,
    runtime: Option<RuntimeDependency>,
    standalone: bool,
    rerun_if_changed: bool,
    strict: bool,
    client: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

/// The APIs read from a spec folder, with everything noticed on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub apis: Vec<Api>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read (docs and manifest), for `rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
    pub manifest: Manifest,
    /// Docs that could not be read, each with an error among `diagnostics`: skipped, and the
    /// product generated from the rest (a strict configuration fails instead).
    pub skipped: Vec<PathBuf>,
    /// The product, version and endpoints the crate uses ([`service`]), from the APIs and the
    /// folder's product pages.
    pub service: model::Service,
}

/// Whether the doc's first H1 is an API name (`# DescribeVpcs`), as API docs are titled and
/// product pages (`# 公共参数`, `# Common parameters`) are not.
fn titled_with_api_name(text: &str) -> bool {
    text.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(parse::sections::heading_text)
        .is_some_and(|t| parse::identity::is_api_name(&t))
}

/// One file of a spec folder, read.
enum Read {
    Api(Box<Api>, Vec<Diagnostic>),
    Page(parse::product_page::ProductPage, Vec<Diagnostic>),
}

/// Reads one file as an API doc or, when it is none, as a product page
/// ([`parse::product_page`]). A doc that parses but has no request field is a product page when
/// it holds an endpoint or common-parameters table (a common-parameters table reads as a request
/// table whose rows are all common parameters).
fn read_file(path: &Path, defaults: &DocDefaults) -> Result<Read, Failure> {
    let file = path.display().to_string();
    let text = read_doc(path)?;
    let page = |strict: bool| {
        parse::product_page::read(&file, &text)
            .filter(|(p, _)| !strict || p.has_product_table())
            .map(|(p, d)| Read::Page(p, d))
    };
    match parse::parse_doc(&file, &text, defaults) {
        // A doc titled with an API name (`# OpenSlsService`) is that API's, whatever its table.
        Ok((api, diags)) if api.request.is_empty() && !titled_with_api_name(&text) => {
            Ok(page(true).unwrap_or(Read::Api(Box::new(api), diags)))
        }
        Ok((api, diags)) => Ok(Read::Api(Box::new(api), diags)),
        Err(f)
            if f.diagnostics.iter().all(|d| {
                matches!(d.kind, "not-an-api-doc" | "not-an-api-page" | "no-api-name")
            }) =>
        {
            page(false).ok_or(f)
        }
        Err(f) => Err(f),
    }
}

/// What a generation did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Files written because they were new or different.
    pub written: Vec<PathBuf>,
    /// Files left as they were (already up to date).
    pub unchanged: Vec<PathBuf>,
    /// Generated files removed because no API produces them any more.
    pub removed: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The warnings as a build script prints them: one `cargo:warning=` line per warning
    /// (`spec/vpc/X.md:12: warning[unknown-type]: …`), then one line saying where to read more.
    /// Notes (sentences the constraint extractor did not understand) are left out: they are for
    /// `aliyun-codegen lint`.
    pub fn cargo_warnings(&self) -> Vec<String> {
        let warnings: Vec<String> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Note)
            .map(|d| format!("cargo:warning={}", d.to_string().replace('\n', " ")))
            .collect();
        if warnings.is_empty() {
            return warnings;
        }
        let mut lines = warnings;
        lines.push(format!(
            "cargo:warning=aliyun-codegen: {} warnings; `aliyun-codegen explain KIND` says what each kind means and what to do",
            lines.len()
        ));
        lines
    }

    /// Prints [`Report::cargo_warnings`] to standard output, where cargo reads them.
    pub fn emit_cargo_warnings(&self) {
        for line in self.cargo_warnings() {
            println!("{line}");
        }
    }
}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> Failure {
    Failure::new(Diagnostic::error(
        &path.display().to_string(),
        0,
        "io",
        format!("{what}: {e}"),
    ))
}

/// Markdown files that are not API docs: a folder's own README and a corpus's list of where its
/// docs came from.
const NOT_DOCS: [&str; 2] = ["README.md", "SOURCES.md"];

/// The API docs of a folder: its Markdown files, recursively, in a stable order (sorted by
/// path), without a folder's `README.md` or a corpus's `SOURCES.md`. What `generate`, `stats`,
/// `lint` and the benchmark read.
pub fn doc_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, "cannot read the spec folder", e))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            out.extend(doc_files(&p)?);
        } else if is_doc(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Whether a file is read as an API doc (see [`doc_files`]).
pub fn is_doc(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
        && path
            .file_name()
            .is_some_and(|n| !NOT_DOCS.iter().any(|not| n == *not))
}

/// Reads one document as text; bad UTF-8 is an error naming the file, never a panic.
pub fn read_doc(path: &Path) -> Result<String, Failure> {
    let bytes = fs::read(path).map_err(|e| io_error(path, "cannot read", e))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        Failure::new(Diagnostic::error(
            &path.display().to_string(),
            line,
            "encoding",
            "the file is not valid UTF-8",
        ))
    })
}

impl Config {
    pub fn new() -> Self {
        Config {
            product: None,
            version: None,
            crate_name: None,
            crate_version: "0.1.0".to_string(),
            runtime: None,
            standalone: false,
            rerun_if_changed: false,
            strict: false,
            client: true,
        }
    }

    /// Product code when the docs' links do not give it (overrides the manifest).
    pub fn product(mut self, product: impl Into<String>) -> Self {
        self.product = Some(product.into());
        self
    }

    /// API version when the docs' links do not give it (overrides the manifest).
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// Package name of the generated crate.
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = Some(name.into());
        self
    }

    /// How the generated crate depends on `aliyun-runtime`. The default is the released
    /// version this generator writes code for ([`RUNTIME_VERSION`]), else the spec folder's
    /// `runtime-path`. A [`RuntimeDependency::Path`] given here is read relative to the current
    /// directory (or absolute) and written relative to the generated crate: no generated file
    /// holds an absolute path.
    pub fn runtime(mut self, runtime: RuntimeDependency) -> Self {
        self.runtime = Some(runtime);
        self
    }

    /// Adds `[workspace]` to the generated `Cargo.toml` so it builds outside any workspace.
    pub fn standalone(mut self, standalone: bool) -> Self {
        self.standalone = standalone;
        self
    }

    /// Fails the whole folder when one doc cannot be read, instead of skipping that doc with an
    /// error diagnostic and generating the rest (`generate --strict`; `check` is always
    /// strict).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Whether [`Config::generate_module`] adds the async `Client` (default: yes). It needs
    /// aliyun-runtime's `reqwest` feature; without the client, the module is sans-IO (requests
    /// to send with any HTTP client through `aliyun_runtime::http`).
    pub fn client(mut self, yes: bool) -> Self {
        self.client = yes;
        self
    }

    /// Prints `cargo:rerun-if-changed=…` for every file read (for build scripts).
    pub fn emit_rerun_if_changed(mut self, yes: bool) -> Self {
        self.rerun_if_changed = yes;
        self
    }

    fn manifest(&self, dir: &Path) -> Result<(Manifest, Option<PathBuf>), Failure> {
        let path = dir.join(MANIFEST);
        if !path.exists() {
            return Ok((Manifest::default(), None));
        }
        let text = read_doc(&path)?;
        let mut manifest: Manifest = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count())
                .unwrap_or(0);
            Failure::new(Diagnostic::error(
                &path.display().to_string(),
                line,
                "manifest",
                e.message().to_string(),
            ))
        })?;
        manifest.location_lines = locations::lines_of(&text);
        Ok((manifest, Some(path)))
    }

    /// Reads and merges every document of a spec folder. Fails (naming file and line) when a
    /// document cannot be read as an API doc.
    pub fn load(&self, spec_dir: impl AsRef<Path>) -> Result<Loaded, Failure> {
        self.load_dirs(&[spec_dir.as_ref()])
    }

    /// Like [`Config::load`] over several folders whose docs form one product (the manifest
    /// is read from the first).
    pub fn load_dirs(&self, dirs: &[&Path]) -> Result<Loaded, Failure> {
        let Some(dir) = dirs.first().copied() else {
            return Err(Failure::new(Diagnostic::error(
                "",
                0,
                "no-docs",
                "no spec folder given",
            )));
        };
        let (mut manifest, manifest_path) = self.manifest(dir)?;
        // A path in the manifest is written relative to the manifest's folder.
        if let Some(p) = manifest.runtime_path.take() {
            manifest.runtime_path = Some(runtime_dep::absolute(&dir.join(p)));
        }
        let defaults = DocDefaults {
            product: self.product.clone().or(manifest.product.clone()),
            version: self.version.clone().or(manifest.version.clone()),
        };
        let mut files = Vec::new();
        for d in dirs {
            files.extend(doc_files(d)?);
        }
        let mut inputs: Vec<PathBuf> = manifest_path.into_iter().collect();
        let mut diagnostics = Vec::new();
        let mut errors = Vec::new();
        let mut skipped = Vec::new();
        let mut apis = Vec::new();
        // Docs are independent: parse them on every core (longest files first), results in
        // file order.
        let size = |path: &PathBuf| fs::metadata(path).map_or(0, |m| m.len() as usize);
        let results = par::map_heaviest_first(&files, size, |path| read_file(path, &defaults));
        let mut pages = Vec::new();
        for (path, result) in files.iter().zip(results) {
            inputs.push(path.clone());
            match result {
                Ok(Read::Api(api, diags)) => {
                    apis.push(*api);
                    diagnostics.extend(diags);
                }
                Ok(Read::Page(page, diags)) => {
                    pages.push(page);
                    diagnostics.extend(diags);
                }
                // A page that is no API reference (an overview, an endpoint list): a note.
                Err(f) if !f.diagnostics.iter().any(Diagnostic::is_error) => {
                    diagnostics.extend(f.diagnostics)
                }
                // No doc stops a product: an unreadable one is skipped with its errors.
                Err(f) => {
                    skipped.push(path.clone());
                    errors.extend(f.diagnostics);
                }
            }
        }
        if !self.strict && !apis.is_empty() {
            diagnostics.append(&mut errors);
        }
        if apis.is_empty() && errors.is_empty() {
            errors.push(Diagnostic::error(
                &dir.display().to_string(),
                0,
                "no-docs",
                if files.is_empty() {
                    "the spec folder holds no .md documents"
                } else {
                    "the spec folder holds no API reference doc (only product pages or other pages)"
                },
            ));
        }
        if !errors.is_empty() {
            errors.extend(diagnostics);
            return Err(Failure {
                diagnostics: errors,
            });
        }
        // Before merging: the two languages of an API then agree on what was filled in.
        let service = service::settle(
            &mut apis,
            &pages,
            &dir.display().to_string(),
            &mut diagnostics,
        );
        let (mut apis, merge_diags) = merge::merge_all(apis);
        diagnostics.extend(merge_diags);
        // One language's example may contradict the other language's rule.
        for api in apis.iter_mut().filter(|a| a.sources.len() > 1) {
            diagnostics.extend(parse::evidence::settle(api));
        }
        // The manifest's locations correct what the docs say (or leave unsaid).
        let manifest_file = dir.join(MANIFEST).display().to_string();
        let errors = locations::apply(
            &mut apis,
            &manifest.locations,
            &manifest.location_lines,
            &manifest_file,
            &mut diagnostics,
        );
        if !errors.is_empty() {
            let mut all = errors;
            all.extend(diagnostics);
            return Err(Failure { diagnostics: all });
        }
        if self.rerun_if_changed {
            println!("cargo:rerun-if-changed={}", dir.display());
            for p in &inputs {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
        Ok(Loaded {
            apis,
            diagnostics,
            inputs,
            manifest,
            skipped,
            service,
        })
    }

    /// The product code of what was loaded: the settled service's (see [`service`]), else the
    /// configured one, else the spec folder's name.
    fn product_of(&self, loaded: &Loaded, spec_dir: &Path) -> String {
        Some(loaded.service.product.clone())
            .filter(|p| !p.is_empty())
            .or_else(|| self.product.clone())
            .unwrap_or_else(|| {
                spec_dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
    }

    fn crate_options(
        &self,
        loaded: &Loaded,
        spec_dir: &Path,
        out_dir: &Path,
    ) -> Result<emit::CrateOptions, Failure> {
        let product = self.product_of(loaded, spec_dir);
        let version = loaded.service.version.clone();
        let crate_name = self
            .crate_name
            .clone()
            .or(loaded.manifest.crate_name.clone())
            .unwrap_or_else(|| format!("aliyun-{}", product.to_lowercase()));
        let runtime = match (&self.runtime, &loaded.manifest.runtime_path) {
            (Some(RuntimeDependency::Path(p)), _) => runtime_dep::path_from(out_dir, Path::new(p))?,
            (Some(version), _) => version.clone(),
            (None, Some(p)) => runtime_dep::path_from(out_dir, p)?,
            (None, None) => runtime_dep::by_version(),
        };
        Ok(emit::CrateOptions {
            crate_name,
            crate_version: self.crate_version.clone(),
            product,
            version,
            spec: display_spec(spec_dir),
            runtime,
            standalone: self.standalone,
            feature_groups: loaded.manifest.features.clone(),
            service: loaded.service.clone(),
        })
    }

    /// Renders the crate for a spec folder in memory: relative path → content.
    pub fn render_crate(&self, spec_dir: impl AsRef<Path>, out_dir: impl AsRef<Path>) -> Rendered {
        let loaded = self.load(spec_dir.as_ref())?;
        self.render_loaded(&loaded, spec_dir.as_ref(), out_dir.as_ref())
    }

    /// Renders a crate from APIs already loaded (see [`Config::load_dirs`]).
    pub fn render_loaded(
        &self,
        loaded: &Loaded,
        spec_dir: &Path,
        out_dir: &Path,
    ) -> Result<(BTreeMap<String, String>, Vec<Diagnostic>), Failure> {
        let opts = self.crate_options(loaded, spec_dir, out_dir)?;
        let (files, mut diags) = emit::render_crate(&loaded.apis, &opts)?;
        let mut all = loaded.diagnostics.clone();
        all.append(&mut diags);
        Ok((files, all))
    }

    /// [`Config::render_crate`] for several (spec folder, output folder) pairs, side by side:
    /// the crates are independent, so one crate's last doc or API no longer leaves the other
    /// cores idle. Results come back in input order, each the same as `render_crate` gives.
    pub fn render_crates(&self, targets: &[(PathBuf, PathBuf)]) -> Vec<Rendered> {
        par::map(targets, |(spec, out)| self.render_crate(spec, out))
    }

    /// Writes the generated crate for `spec_dir` into `out_dir`. Only files whose content
    /// changed are written; on any error nothing is written at all.
    pub fn generate_crate(
        &self,
        spec_dir: impl AsRef<Path>,
        out_dir: impl AsRef<Path>,
    ) -> Result<Report, Failure> {
        let out = out_dir.as_ref();
        let (files, diagnostics) = self.render_crate(spec_dir, out)?;
        let mut report = write_crate(out, &files)?;
        report.diagnostics = diagnostics;
        Ok(report)
    }

    /// The files under `out_dir` that differ from what [`Config::generate_crate`] would write
    /// now (changed, missing, or stale generated files).
    pub fn check_crate(
        &self,
        spec_dir: impl AsRef<Path>,
        out_dir: impl AsRef<Path>,
    ) -> Result<Vec<PathBuf>, Failure> {
        let out = out_dir.as_ref();
        let (files, _) = self.render_crate(spec_dir, out)?;
        Ok(differing_files(out, &files))
    }

    /// Writes all APIs of `spec_dir` as one Rust file to `include!` (for build scripts): what a
    /// generated crate's `lib.rs` holds, its API modules, their re-exports and the async
    /// `Client` with a method per API (which needs aliyun-runtime's `reqwest` feature; see
    /// [`Config::client`]), without the crate's per-API features. The file is rewritten only
    /// when its bytes change. Print the report's warnings with
    /// [`Report::emit_cargo_warnings`]; a [`Failure`] prints its diagnostics as the CLI does,
    /// also through `?` from `main`.
    pub fn generate_module(
        &self,
        spec_dir: impl AsRef<Path>,
        out_file: impl AsRef<Path>,
    ) -> Result<Report, Failure> {
        let spec_dir = spec_dir.as_ref();
        let loaded = self.load(spec_dir)?;
        let opts = emit::ModuleOptions {
            spec: display_spec(spec_dir),
            service: model::Service {
                product: self.product_of(&loaded, spec_dir),
                ..loaded.service.clone()
            },
            client: self.client,
        };
        let (text, diags) = emit::render_module(&loaded.apis, &opts)?;
        let mut report = Report {
            diagnostics: loaded.diagnostics,
            ..Report::default()
        };
        report.diagnostics.extend(diags);
        let path = out_file.as_ref().to_path_buf();
        if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            report.unchanged.push(path);
        } else {
            write_atomically(&path, &text)?;
            report.written.push(path);
        }
        Ok(report)
    }
}

/// Generated sources under `out/src` that `files` no longer holds (an API that left the spec).
/// Hand-written files, without the `@generated` header, are never listed.
fn stale_generated(out: &Path, files: &BTreeMap<String, String>) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(out.join("src")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| {
            let rel = format!(
                "src/{}",
                p.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            );
            let generated =
                fs::read_to_string(p).is_ok_and(|t| t.starts_with(emit::print::GENERATED_MARK));
            generated && !files.contains_key(&rel)
        })
        .collect()
}

/// The files under `out` that differ from the rendered `files` (changed, missing, or stale
/// generated files): what [`Config::check_crate`] reports.
pub fn differing_files(out: &Path, files: &BTreeMap<String, String>) -> Vec<PathBuf> {
    let mut differ = Vec::new();
    for (rel, content) in files {
        let path = out.join(rel);
        if !fs::read(&path).is_ok_and(|old| old == content.as_bytes()) {
            differ.push(path);
        }
    }
    differ.extend(stale_generated(out, files));
    differ
}

/// Writes rendered files into `out`: only changed files, each atomically; generated sources
/// that are no longer rendered are removed, hand-written files are left alone.
pub fn write_crate(out: &Path, files: &BTreeMap<String, String>) -> Result<Report, Failure> {
    let mut report = Report::default();
    let stale = stale_generated(out, files);
    for (rel, content) in files {
        let path = out.join(rel);
        if fs::read(&path).is_ok_and(|old| old == content.as_bytes()) {
            report.unchanged.push(path);
            continue;
        }
        write_atomically(&path, content)?;
        report.written.push(path);
    }
    for p in stale {
        fs::remove_file(&p).map_err(|e| io_error(&p, "cannot remove a stale generated file", e))?;
        report.removed.push(p);
    }
    Ok(report)
}

/// A spec path as shown in headers: relative and with `/` separators, so output does not
/// depend on the machine.
fn display_spec(dir: &Path) -> String {
    let text = dir.to_string_lossy().replace('\\', "/");
    let trimmed = text.trim_end_matches('/');
    match trimmed.rfind("spec/") {
        Some(i) => trimmed[i..].to_string(),
        None => dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| trimmed.to_string()),
    }
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_atomically(path: &Path, content: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| io_error(parent, "cannot create the folder", e))?;
    }
    let tmp = path.with_extension("aliyun-codegen.tmp");
    fs::write(&tmp, content).map_err(|e| io_error(&tmp, "cannot write", e))?;
    fs::rename(&tmp, path).map_err(|e| io_error(path, "cannot replace", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_docs_are_titled_with_their_name_product_pages_are_not() {
        assert!(titled_with_api_name("# OpenSlsService\n\nActivates it.\n"));
        assert!(titled_with_api_name(
            "intro\n# DescribeVpcs {#doc_api_1 .reference}\n"
        ));
        assert!(!titled_with_api_name("# 公共参数\n"));
        assert!(!titled_with_api_name("# Common parameters\n"));
        assert!(!titled_with_api_name("no heading\n"));
    }

    #[test]
    fn cargo_warnings_are_one_line_each_without_notes() {
        let report = Report {
            diagnostics: vec![
                Diagnostic::warning("spec/x/A.md", 12, "unknown-type", "type `Foo`\nof `Bar`"),
                Diagnostic::note("spec/x/A.md", 13, "rule-not-understood", "a sentence"),
                Diagnostic::warning("spec/x/B.md", 0, "no-version", "no version"),
            ],
            ..Report::default()
        };
        assert_eq!(
            report.cargo_warnings(),
            [
                "cargo:warning=spec/x/A.md:12: warning[unknown-type]: type `Foo` of `Bar`",
                "cargo:warning=spec/x/B.md: warning[no-version]: no version",
                "cargo:warning=aliyun-codegen: 2 warnings; `aliyun-codegen explain KIND` says what each kind means and what to do",
            ]
        );
        assert!(Report::default().cargo_warnings().is_empty());
    }
}
