//! What changed between two revisions of an API, at the level users of the generated crate
//! care about (API, parameter, rule, response field, error code), and whether it breaks them.
//!
//! `breaking` is decided from what the generated Rust code does with the change:
//!
//! - a parameter or response field removed, an API removed, a new required parameter, a
//!   narrowed type, allowed values removed, limits tightened, a rule added to a parameter:
//!   breaking (code stops compiling, or a request the old validators accepted is rejected);
//! - a new optional parameter, a new response field, values added to an existing enum, limits
//!   loosened, a rule removed, a new error code, descriptions: compatible.
//!
//! Borderline cases, decided from the emitter's output:
//!
//! - **Widened request type** (`Integer` → `Long`, `Integer`/`Float` → `Double`): compatible,
//!   setters take `impl Into<T>` and the old values convert. Any other request type change, and
//!   every response type change (fields are read with their type), is breaking. An IR type
//!   change that yields the same Rust type (an unknown type name → `String`) is compatible.
//! - **Values added to an enum**: compatible; request enums are `#[non_exhaustive]`, response
//!   enums too, and their `Unknown(String)` variant already held the new value. The first
//!   values given to a plain string field are breaking (the field becomes an enum), and so are
//!   the first values of any request parameter (a new check).
//! - **Values removed**: breaking in requests and responses alike (the variant goes away).
//!   Values a response description lists, which the parser does not turn into a rule, are
//!   read for the report only: the field stays a string, so their changes are docs only.
//! - **Error code added**: compatible (error enums are `#[non_exhaustive]` with `Other`);
//!   **removed**: breaking (its variant goes away).
//! - **Required → optional**: compatible (the builder still takes the value; only code that
//!   reads the field of a built request sees an `Option`). Optional → required: breaking.
//! - **Default changed**: compatible, except a request enum losing its default (its `Default`
//!   implementation goes away).
//! - **Rules of other kinds** (those without bounds: `forbidden`, `chars`, `format`,
//!   `relation`, and kinds added later) are compared by their serde tag and data: one added or
//!   changed on a request parameter is breaking, one removed is compatible; `unique` is never
//!   breaking (the client fills the token in). Rules on response fields are never breaking:
//!   responses are not validated.
//! - **Wire changes** (`wire_changed`: version, style, a container's wire form, and any other
//!   API or field property such as ROA `method`, `path`, `location`): compatible, the generated
//!   crate encodes requests as the new docs say.
//!
//! A change the generated code does not see is `docs_only` (never breaking): prose, a type
//! cell respelled with the same Rust type, a rule-like sentence the extractor reads no rule
//! from, values listed in a response description, a response field the examples showed and
//! the table now lists. The semver verdict is `patch` when only such changes remain.

mod fields;
pub mod load;
pub mod lock;
pub mod report;
mod rules;
pub mod text;
mod types;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Api, ErrorCode};

pub use load::load;
pub use report::{Format, Summary};

/// The kind of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ApiAdded,
    ApiRemoved,
    ParamAdded,
    ParamRemoved,
    TypeChanged,
    RequiredChanged,
    ValuesAdded,
    ValuesRemoved,
    DefaultChanged,
    LimitChanged,
    ResponseAdded,
    /// A response field removed, or moved to another place in the tree (`new` names it).
    ResponseRemoved,
    ErrorAdded,
    ErrorRemoved,
    DescriptionChanged,
    /// Where or how the API or a parameter travels (version, style, wire form, ROA method…).
    WireChanged,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ApiAdded => "api_added",
            Kind::ApiRemoved => "api_removed",
            Kind::ParamAdded => "param_added",
            Kind::ParamRemoved => "param_removed",
            Kind::TypeChanged => "type_changed",
            Kind::RequiredChanged => "required_changed",
            Kind::ValuesAdded => "values_added",
            Kind::ValuesRemoved => "values_removed",
            Kind::DefaultChanged => "default_changed",
            Kind::LimitChanged => "limit_changed",
            Kind::ResponseAdded => "response_added",
            Kind::ResponseRemoved => "response_removed",
            Kind::ErrorAdded => "error_added",
            Kind::ErrorRemoved => "error_removed",
            Kind::DescriptionChanged => "description_changed",
            Kind::WireChanged => "wire_changed",
        }
    }
}

/// Where a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Api,
    Request,
    Response,
    Errors,
}

impl Place {
    pub fn as_str(self) -> &'static str {
        match self {
            Place::Api => "api",
            Place::Request => "request",
            Place::Response => "response",
            Place::Errors => "errors",
        }
    }
}

/// One change. `name` is the wire name (`Tag.N.Key` in requests, a dotted path in responses,
/// the code for errors, the API name for API-level changes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub api: String,
    pub kind: Kind,
    #[serde(rename = "where")]
    pub place: Place,
    pub name: String,
    pub old: Value,
    pub new: Value,
    pub breaking: bool,
    /// The generated code does not change: prose, a type cell respelled, a rule or values the
    /// generator does not read, a field the examples showed and the table now lists.
    pub docs_only: bool,
}

impl Change {
    fn new(api: &str, kind: Kind, place: Place, name: &str, old: Value, new: Value) -> Self {
        Change {
            api: api.to_string(),
            kind,
            place,
            name: name.to_string(),
            old,
            new,
            breaking: false,
            docs_only: false,
        }
    }

    fn breaking(mut self, yes: bool) -> Self {
        self.breaking = yes;
        self
    }

    /// Marks a change the generated code does not see (never breaking).
    fn docs_only(mut self) -> Self {
        self.docs_only = true;
        self.breaking = false;
        self
    }

    /// Whether this change is about prose only.
    pub fn is_description(&self) -> bool {
        self.kind == Kind::DescriptionChanged
    }
}

/// Compares two sets of APIs matched by name. With `pair_single`, one API on each side is
/// compared whatever their names (two docs of one API).
pub fn diff_apis(old: &[Api], new: &[Api], pair_single: bool) -> Vec<Change> {
    let mut out = Vec::new();
    if pair_single && old.len() == 1 && new.len() == 1 {
        diff_api(&old[0], &new[0], &mut out);
        return out;
    }
    for o in old {
        match new.iter().find(|n| n.name == o.name) {
            Some(n) => diff_api(o, n, &mut out),
            None => out.push(
                Change::new(
                    &o.name,
                    Kind::ApiRemoved,
                    Place::Api,
                    &o.name,
                    Value::String(o.name.clone()),
                    Value::Null,
                )
                .breaking(true),
            ),
        }
    }
    for n in new {
        if !old.iter().any(|o| o.name == n.name) {
            out.push(Change::new(
                &n.name,
                Kind::ApiAdded,
                Place::Api,
                &n.name,
                Value::Null,
                Value::String(n.name.clone()),
            ));
        }
    }
    out.sort_by(|a, b| a.api.cmp(&b.api));
    out
}

/// Every change between two revisions of one API.
pub fn diff_api(old: &Api, new: &Api, out: &mut Vec<Change>) {
    let api = new.name.as_str();
    api_properties(api, old, new, out);
    if !text::same_prose(&old.summary, &new.summary) {
        out.push(
            Change::new(
                api,
                Kind::DescriptionChanged,
                Place::Api,
                api,
                Value::String(old.summary.clone()),
                Value::String(new.summary.clone()),
            )
            .docs_only(),
        );
    }
    fields::diff_fields(api, Place::Request, &old.request, &new.request, out);
    fields::diff_fields(api, Place::Response, &old.response, &new.response, out);
    diff_errors(api, &old.errors, &new.errors, out);
}

/// API properties other than the ones compared in detail: version, style, product and any
/// key added to the IR later (ROA `method`, `path`), compared as JSON.
fn api_properties(api: &str, old: &Api, new: &Api, out: &mut Vec<Change>) {
    const DETAILED: &[&str] = &[
        "name", "summary", "sources", "request", "response", "errors", "examples",
    ];
    // An empty value is one the doc did not give (a version without an Explorer link).
    let unknown = |v: &Value| v.is_null() || v.as_str() == Some("");
    for (key, a, b) in other_keys(old, new, DETAILED) {
        if !unknown(&a) && !unknown(&b) {
            out.push(Change::new(api, Kind::WireChanged, Place::Api, &key, a, b));
        }
    }
}

/// The top-level keys of two IR values, as JSON, that differ, outside the ones `detailed`
/// compares elsewhere; sorted by key. A key absent on one side reads as `null`.
pub(super) fn other_keys<T: Serialize>(
    old: &T,
    new: &T,
    detailed: &[&str],
) -> Vec<(String, Value, Value)> {
    let (Ok(Value::Object(o)), Ok(Value::Object(n))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !detailed.contains(&k.as_str()))
        .filter_map(|k| {
            let a = o.get(k).cloned().unwrap_or(Value::Null);
            let b = n.get(k).cloned().unwrap_or(Value::Null);
            (a != b).then(|| (k.clone(), a, b))
        })
        .collect()
}

fn error_value(e: &ErrorCode) -> Value {
    serde_json::json!({
        "http_status": e.http_status,
        "message": e.message,
        "description": e.description,
    })
}

/// Error codes matched by code; the first row of a code documents its variant.
fn diff_errors(api: &str, old: &[ErrorCode], new: &[ErrorCode], out: &mut Vec<Change>) {
    let first = |list: &[ErrorCode], code: &str| list.iter().position(|e| e.code == code);
    for (i, o) in old.iter().enumerate() {
        if first(old, &o.code) != Some(i) {
            continue;
        }
        match new.iter().find(|n| n.code == o.code) {
            None => out.push(
                Change::new(
                    api,
                    Kind::ErrorRemoved,
                    Place::Errors,
                    &o.code,
                    error_value(o),
                    Value::Null,
                )
                .breaking(true),
            ),
            Some(n) => {
                let same = o.http_status == n.http_status
                    && text::same_prose(&o.message, &n.message)
                    && text::same_prose(&o.description, &n.description);
                if !same {
                    out.push(
                        Change::new(
                            api,
                            Kind::DescriptionChanged,
                            Place::Errors,
                            &o.code,
                            error_value(o),
                            error_value(n),
                        )
                        .docs_only(),
                    );
                }
            }
        }
    }
    for (i, n) in new.iter().enumerate() {
        if first(new, &n.code) == Some(i) && !old.iter().any(|o| o.code == n.code) {
            out.push(Change::new(
                api,
                Kind::ErrorAdded,
                Place::Errors,
                &n.code,
                Value::Null,
                error_value(n),
            ));
        }
    }
}

impl Format {
    /// `text`, `json` or `markdown`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// `aliyun-codegen diff OLD NEW`: both sides loaded (see [`load()`]) and compared.
pub fn diff_paths(
    old: &std::path::Path,
    new: &std::path::Path,
    config: &crate::Config,
    defaults: &crate::DocDefaults,
) -> Result<Summary, String> {
    let a = load(old, config, defaults)?;
    let b = load(new, config, defaults)?;
    let pair_single = a.single_doc && b.single_doc;
    Ok(Summary::new(diff_apis(&a.apis, &b.apis, pair_single)))
}

/// What `generate` prints: the changes between the IR lock found in the crate before it was
/// overwritten (`before`, from [`lock::read_crate`]) and the one written now.
pub fn generation_summary(
    before: Option<Result<Vec<Api>, String>>,
    crate_dir: &std::path::Path,
) -> String {
    let shown = crate_dir.display();
    let old = match before {
        None => return format!("{shown}: no {} before, no change summary\n", lock::FILE),
        Some(Err(e)) => return format!("{e}; no change summary\n"),
        Some(Ok(apis)) => apis,
    };
    match lock::read_crate(crate_dir) {
        Some(Ok(new)) => {
            let summary = Summary::new(diff_apis(&old, &new, false));
            format!(
                "{shown}: changes for users of the crate:\n{}",
                summary.text()
            )
        }
        Some(Err(e)) => format!("{e}; no change summary\n"),
        None => format!("{shown}: no {} written, no change summary\n", lock::FILE),
    }
}

#[cfg(test)]
mod tests;
