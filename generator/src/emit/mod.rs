//! IR → Rust, the crate-level driver. Each API is planned ([`plan`]), its items and tests are
//! written as tokens ([`api`], which drives `items` and `gen_tests`), and the tokens are printed
//! ([`mod@print`]: syn, then prettyplease); this module assembles the crate around the API modules
//! (`lib.rs`, features, askama's `Cargo.toml` and README, the IR lock file).

pub mod api;
mod docs;
pub mod features;
mod gen_tests;
mod items;
pub mod plan;
pub mod print;
mod templates;

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Failure};
use crate::model::Api;
use crate::naming;
use print::{format_tokens, header};

/// How the generated crate depends on `aliyun-runtime`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeDependency {
    /// `path = "…", version = "<RUNTIME_VERSION>"`: a local copy, for development. In
    /// [`CrateOptions`] the path is written as it is (relative to the generated crate);
    /// [`crate::Config::runtime`] takes it relative to the current directory and makes it
    /// relative to the crate.
    Path(String),
    /// `version = "…"` from a registry (the default: [`crate::RUNTIME_VERSION`]).
    Version(String),
}

/// What the emitter needs besides the APIs.
#[derive(Debug, Clone)]
pub struct CrateOptions {
    pub crate_name: String,
    pub crate_version: String,
    pub product: String,
    pub version: String,
    /// Shown in headers: where the docs came from (e.g. `spec/vpc`).
    pub spec: String,
    pub runtime: RuntimeDependency,
    /// Adds an empty `[workspace]` so the crate builds outside any workspace.
    pub standalone: bool,
    /// Feature groups from the manifest: group name → API names or per-API feature names.
    pub feature_groups: BTreeMap<String, Vec<String>>,
    /// The product, version and endpoints the crate calls (its `SERVICE`).
    pub service: crate::model::Service,
}

/// Forgets the name conversions remembered so far, so that the next generation runs as in a
/// fresh process (the corpus benchmark measures each round cold).
pub fn clear_caches() {
    naming::clear_caches();
}

/// A rough cost of emitting and formatting `api`: its fields (nested members included),
/// error codes and example text, so that big APIs start first ([`crate::par`]).
fn api_weight(api: &Api) -> usize {
    fn fields(list: &[crate::model::Field]) -> usize {
        list.iter().map(|f| 1 + fields(&f.children)).sum()
    }
    let examples = &api.examples;
    let example_text: usize = examples.responses.iter().map(|r| r.body.len() / 128).sum();
    fields(&api.request)
        + fields(&api.response)
        + api.errors.len()
        + examples.requests.len()
        + examples.http_requests.len()
        + example_text
}

/// One API module's name, Rust source (without the file header) and notes.
type Emitted = (String, Result<String, Diagnostic>, Vec<Diagnostic>);

/// One API module's Rust source (without the file header).
fn api_source(api: &Api) -> Result<Emitted, Diagnostic> {
    let module = naming::module(&api.name).ok_or_else(|| {
        Diagnostic::error(
            api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
            0,
            "unnamable-api",
            format!("API name `{}` cannot be a Rust module name", api.name),
        )
    })?;
    let api::ApiModule {
        tokens,
        diagnostics,
    } = api::emit_api(api)?;
    let text = format_tokens(tokens, &module);
    Ok((module, text, diagnostics))
}

/// An API module ready to be written.
struct ApiSource<'a> {
    module: String,
    /// Its Rust source, without the file header.
    text: String,
    api: &'a Api,
}

/// Every API emitted and printed (on every core, results in input order), with no two APIs
/// that become one module; sorted by module name. The notes of every API come back with the
/// sources, or after the errors in the failure.
fn api_sources(apis: &[Api]) -> Result<(Vec<ApiSource<'_>>, Vec<Diagnostic>), Failure> {
    let rendered = crate::par::map_heaviest_first(apis, api_weight, api_source);
    let (mut sources, mut notes, mut errors) = (Vec::<ApiSource>::new(), Vec::new(), Vec::new());
    for (api, result) in apis.iter().zip(rendered) {
        let (module, text, api_notes) = match result {
            Ok(emitted) => emitted,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        notes.extend(api_notes);
        if let Some(other) = sources.iter().find(|s| s.module == module) {
            errors.push(Diagnostic::error(
                api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
                0,
                "module-collision",
                format!(
                    "APIs `{}` and `{}` both become module `{module}`",
                    other.api.name, api.name
                ),
            ));
            continue;
        }
        match text {
            Ok(text) => sources.push(ApiSource { module, text, api }),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.extend(notes);
        return Err(Failure {
            diagnostics: errors,
        });
    }
    sources.sort_by(|a, b| a.module.cmp(&b.module));
    Ok((sources, notes))
}

/// Renders a whole crate: relative path → content. Deterministic: same APIs, same bytes.
pub fn render_crate(
    apis: &[Api],
    opts: &CrateOptions,
) -> Result<(BTreeMap<String, String>, Vec<Diagnostic>), Failure> {
    let (sources, diags) = api_sources(apis)?;
    let modules: Vec<(String, &Api)> = sources.iter().map(|s| (s.module.clone(), s.api)).collect();
    let with_notes = |mut diagnostics: Vec<Diagnostic>| {
        diagnostics.extend(diags.iter().cloned());
        Failure { diagnostics }
    };
    let feature_plan = feature_plan(&modules, opts).map_err(with_notes)?;
    let head = header(&opts.spec);
    let mut files = BTreeMap::new();
    for s in &sources {
        files.insert(format!("src/{}.rs", s.module), format!("{head}{}", s.text));
    }
    let mut lib = items::crate_root::lib_rs(&modules, &opts.product, &opts.version, &opts.spec);
    lib.extend(items::service::service_static(&opts.service));
    let lib = format_tokens(lib, "lib.rs")?;
    files.insert("src/lib.rs".to_string(), format!("{head}{lib}"));
    files.insert(
        "Cargo.toml".to_string(),
        templates::cargo_toml(opts, &feature_plan)?,
    );
    // The IR the crate was made from, so the next generation and `diff` can say what changed.
    let lock = crate::diff::lock::render(apis, &opts.service, &opts.spec)
        .map_err(|e| Failure::new(Diagnostic::error("lock", 0, "emit-bug", e.to_string())))?;
    files.insert(crate::diff::lock::FILE.to_string(), lock);
    files.insert("README.md".to_string(), templates::readme(&modules, opts)?);
    Ok((files, diags))
}

/// The crate's features: one per API module, the manifest's groups, `full`.
fn feature_plan(
    modules: &[(String, &Api)],
    opts: &CrateOptions,
) -> Result<features::Features, Vec<Diagnostic>> {
    let named: Vec<features::Named> = modules
        .iter()
        .map(|(m, api)| features::Named {
            module: m,
            api: &api.name,
            file: api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
        })
        .collect();
    let manifest = format!("{}/{}", opts.spec, crate::MANIFEST);
    features::plan(&named, &opts.feature_groups, &manifest)
}

/// What a module written for `include!` holds besides the API modules.
#[derive(Debug, Clone)]
pub struct ModuleOptions {
    /// Shown in the header: where the docs came from (e.g. `spec/vpc`).
    pub spec: String,
    /// The product, version and endpoints the client calls (the module's `SERVICE`).
    pub service: crate::model::Service,
    /// Whether to add the async `Client` with a method per API (it needs aliyun-runtime's
    /// `reqwest` feature).
    pub client: bool,
}

/// Renders all APIs as one module file for `include!` from a build script: what a generated
/// crate's `lib.rs` holds (the API modules, their re-exports and, unless turned off, the
/// `Client`), without feature gates. Each API is emitted and formatted on its own (on every
/// core) and wrapped in its `pub mod`; the checks are `render_crate`'s, so that build.rs
/// reports what generate does.
pub fn render_module(
    apis: &[Api],
    opts: &ModuleOptions,
) -> Result<(String, Vec<Diagnostic>), Failure> {
    let (sources, diags) = api_sources(apis)?;
    let mut out = header(&opts.spec);
    for s in &sources {
        let uses = format_tokens(items::crate_root::reexports(&s.module, s.api), "module")?;
        out.push_str(&format!("pub mod {} {{\n{}}}\n{uses}", s.module, s.text));
    }
    if opts.client {
        let modules: Vec<(String, &Api)> =
            sources.iter().map(|s| (s.module.clone(), s.api)).collect();
        let mut client = items::service::service_static(&opts.service);
        client.extend(items::crate_root::module_client(
            &modules,
            &opts.service.product,
        ));
        out.push_str(&format_tokens(client, "module")?);
    }
    Ok((out, diags))
}
