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

use std::collections::BTreeMap;

use askama::Template;

use crate::diagnostics::{Diagnostic, Failure};
use crate::model::Api;
use crate::naming;
use print::{format_tokens, header};

/// How the generated crate depends on `aliyun-runtime`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeDependency {
    /// `path = "…"` (relative to the generated crate, or absolute).
    Path(String),
    /// `version = "…"` from a registry.
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
}

/// Forgets the name conversions remembered so far, so that the next generation runs as in a
/// fresh process (the corpus benchmark measures each round cold).
pub fn clear_caches() {
    naming::clear_caches();
}

struct ApiEntry {
    name: String,
    module: String,
    feature: String,
    request: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "Cargo.toml.txt", escape = "none")]
struct CargoToml<'a> {
    spec: &'a str,
    crate_name: &'a str,
    crate_version: &'a str,
    lib_name: &'a str,
    product: &'a str,
    version: &'a str,
    runtime_dependency: String,
    standalone: bool,
    features: &'a features::Features,
}

#[derive(Template)]
#[template(path = "README.md.txt", escape = "none")]
struct Readme<'a> {
    spec: &'a str,
    crate_name: &'a str,
    lib_name: &'a str,
    product: &'a str,
    version: &'a str,
    first_request: String,
    first_feature: String,
    apis: Vec<ApiEntry>,
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
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
type ApiSource = (String, Result<String, Diagnostic>, Vec<Diagnostic>);

/// One API module's Rust source (without the file header).
fn api_source(api: &Api) -> Result<ApiSource, Diagnostic> {
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

/// Renders a whole crate: relative path → content. Deterministic: same APIs, same bytes.
pub fn render_crate(
    apis: &[Api],
    opts: &CrateOptions,
) -> Result<(BTreeMap<String, String>, Vec<Diagnostic>), Failure> {
    let mut files = BTreeMap::new();
    let mut diags = Vec::new();
    let mut errors = Vec::new();
    let mut modules: Vec<(String, &Api)> = Vec::new();
    let head = header(&opts.spec);
    // APIs are independent: emit and format them on every core, results in input order.
    let rendered = crate::par::map_heaviest_first(apis, api_weight, api_source);
    for (api, result) in apis.iter().zip(rendered) {
        match result {
            Ok((module, text, notes)) => {
                diags.extend(notes);
                if let Some((_, other)) = modules.iter().find(|(m, _)| *m == module) {
                    errors.push(Diagnostic::error(
                        api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
                        0,
                        "name-collision",
                        format!(
                            "APIs `{}` and `{}` both become module `{module}`",
                            other.name, api.name
                        ),
                    ));
                    continue;
                }
                match text {
                    Ok(text) => {
                        files.insert(format!("src/{module}.rs"), format!("{head}{text}"));
                        modules.push((module, api));
                    }
                    Err(e) => errors.push(e),
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.extend(diags);
        return Err(Failure {
            diagnostics: errors,
        });
    }
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    let named: Vec<features::Named> = modules
        .iter()
        .map(|(m, api)| features::Named {
            module: m,
            api: &api.name,
            file: api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
        })
        .collect();
    let manifest = format!("{}/{}", opts.spec, crate::MANIFEST);
    let feature_plan =
        features::plan(&named, &opts.feature_groups, &manifest).map_err(|mut diagnostics| {
            diagnostics.extend(diags.iter().cloned());
            Failure { diagnostics }
        })?;
    let lib_name = opts.crate_name.replace('-', "_");
    let lib = items::crate_root::lib_rs(&modules, &opts.product, &opts.version, &opts.spec);
    files.insert(
        "src/lib.rs".to_string(),
        format!("{head}{}", format_tokens(lib, "lib.rs")?),
    );

    let runtime_dependency = match &opts.runtime {
        RuntimeDependency::Path(p) => format!("path = {}, version = \"0.1.0\"", toml_string(p)),
        RuntimeDependency::Version(v) => format!("version = {}", toml_string(v)),
    };
    let cargo = CargoToml {
        spec: &opts.spec,
        crate_name: &opts.crate_name,
        crate_version: &opts.crate_version,
        lib_name: &lib_name,
        product: &opts.product,
        version: &opts.version,
        runtime_dependency,
        standalone: opts.standalone,
        features: &feature_plan,
    };
    let render_err = |e: askama::Error| {
        Failure::new(Diagnostic::error("templates", 0, "emit-bug", e.to_string()))
    };
    files.insert(
        "Cargo.toml".to_string(),
        cargo.render().map_err(render_err)?,
    );
    // The IR the crate was made from, so the next generation and `diff` can say what changed.
    let lock = crate::diff::lock::render(apis, &opts.spec)
        .map_err(|e| Failure::new(Diagnostic::error("lock", 0, "emit-bug", e.to_string())))?;
    files.insert(crate::diff::lock::FILE.to_string(), lock);
    let entries: Vec<ApiEntry> = modules
        .iter()
        .map(|(m, api)| ApiEntry {
            name: api.name.clone(),
            module: m.clone(),
            feature: features::of_module(m),
            request: naming::ApiTypes::of(&api.name)
                .map(|t| t.request)
                .unwrap_or_default(),
            summary: readme_cell(&api.summary),
        })
        .collect();
    let readme = Readme {
        spec: &opts.spec,
        crate_name: &opts.crate_name,
        lib_name: &lib_name,
        product: &opts.product,
        version: &opts.version,
        first_request: entries
            .first()
            .map(|e| e.request.clone())
            .unwrap_or_default(),
        first_feature: entries
            .first()
            .map(|e| e.feature.clone())
            .unwrap_or_default(),
        apis: entries,
    };
    files.insert(
        "README.md".to_string(),
        readme.render().map_err(render_err)?,
    );
    Ok((files, diags))
}

/// First line of a summary, safe inside a Markdown table cell.
fn readme_cell(summary: &str) -> String {
    let first = summary.lines().next().unwrap_or("");
    let plain: String = first
        .chars()
        .filter(|c| !matches!(c, '|' | '<' | '>' | '\\'))
        .collect();
    plain.chars().take(160).collect()
}

/// Renders all APIs as one module file for `include!` from a build script. Each API is emitted
/// and formatted on its own (on every core) and wrapped in its `pub mod`.
pub fn render_module(apis: &[Api], spec: &str) -> Result<(String, Vec<Diagnostic>), Failure> {
    let mut diags = Vec::new();
    let mut errors = Vec::new();
    let mut items: Vec<(String, String, &Api)> = Vec::new();
    let rendered = crate::par::map_heaviest_first(apis, api_weight, |api| {
        api_source(api).and_then(|(module, text, notes)| Ok((module, text?, notes)))
    });
    for (api, result) in apis.iter().zip(rendered) {
        match result {
            Ok((module, text, notes)) => {
                diags.extend(notes);
                // The same check as render_crate, so that build.rs reports what generate does.
                if let Some((_, _, other)) = items.iter().find(|(m, _, _)| *m == module) {
                    errors.push(Diagnostic::error(
                        api.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
                        0,
                        "name-collision",
                        format!(
                            "APIs `{}` and `{}` both become module `{module}`",
                            other.name, api.name
                        ),
                    ));
                    continue;
                }
                items.push((module, text, api));
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Failure {
            diagnostics: errors,
        });
    }
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = header(spec);
    for (module, text, api) in &items {
        let uses = format_tokens(items::crate_root::reexports(module, api), "module")?;
        out.push_str(&format!("pub mod {module} {{\n{text}}}\n{uses}"));
    }
    Ok((out, diags))
}
