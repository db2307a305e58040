//! The generated crate's `Cargo.toml` and README, from the askama templates in
//! `generator/templates/`.

use askama::Template;

use super::{features, CrateOptions, RuntimeDependency};
use crate::diagnostics::{Diagnostic, Failure};
use crate::model::Api;
use crate::naming;

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
    /// How the client finds its endpoint, in words.
    endpoint_rule: String,
    /// What the crate does not know (product, version, endpoints), one sentence each.
    unknowns: Vec<String>,
    /// The documented endpoint table: region, network, host.
    endpoints: Vec<(String, &'static str, String)>,
    /// The product pages read.
    pages: Vec<String>,
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn render_error(e: askama::Error) -> Failure {
    Failure::new(Diagnostic::error("templates", 0, "emit-bug", e.to_string()))
}

/// `Cargo.toml`: the package, its runtime dependency and its features.
pub fn cargo_toml(opts: &CrateOptions, features: &features::Features) -> Result<String, Failure> {
    let runtime_dependency = match &opts.runtime {
        RuntimeDependency::Path(p) => format!(
            "path = {}, version = {}",
            toml_string(p),
            toml_string(crate::RUNTIME_VERSION)
        ),
        RuntimeDependency::Version(v) => format!("version = {}", toml_string(v)),
    };
    let lib_name = opts.crate_name.replace('-', "_");
    CargoToml {
        spec: &opts.spec,
        crate_name: &opts.crate_name,
        crate_version: &opts.crate_version,
        lib_name: &lib_name,
        product: &opts.product,
        version: &opts.version,
        runtime_dependency,
        standalone: opts.standalone,
        features,
    }
    .render()
    .map_err(render_error)
}

/// `README.md`: how to use the crate, and a table of its APIs (module, feature, request type,
/// summary), `modules` sorted by module name.
pub fn readme(modules: &[(String, &Api)], opts: &CrateOptions) -> Result<String, Failure> {
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
    let lib_name = opts.crate_name.replace('-', "_");
    Readme {
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
        endpoint_rule: crate::service::describe_rule(&opts.service),
        unknowns: crate::service::unknowns(&opts.service),
        endpoints: opts
            .service
            .endpoints
            .iter()
            .map(|e| {
                let network = match e.network {
                    crate::model::Network::Public => "public",
                    crate::model::Network::Vpc => "VPC",
                };
                (e.region.clone(), network, e.host.clone())
            })
            .collect(),
        pages: opts
            .service
            .pages
            .iter()
            .map(|p| crate::diff::lock::relative(p, &opts.spec))
            .collect(),
    }
    .render()
    .map_err(render_error)
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
