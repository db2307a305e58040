//! `[locations.<Api>]` of a spec folder's `aliyun-codegen.toml`: where the parameters of a
//! REST-style API go when its doc does not say (no Position column: every parameter the path
//! does not name is guessed as query) or says it wrong.
//!
//! ```toml
//! [locations.UpdateApp]
//! AppName = "body"
//! X-Acs-Token = "header"
//! ```
//!
//! Keys are API names and top-level parameter names as the docs write them; values are `path`,
//! `query`, `header`, `body` (a member of the JSON body), `payload` (the whole body) or `host`
//! (the first label of the host name: `{value}.{endpoint}`). Applied
//! after the docs are read and merged, so the IR and the generated crate carry the corrected
//! location; an entry naming no API, no parameter or no location is an error naming the
//! manifest's line (`manifest-location`).

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::model::{location, Api};

/// The locations a manifest may give.
pub const ALLOWED: &[&str] = &[
    location::PATH,
    location::QUERY,
    location::HEADER,
    location::BODY,
    location::PAYLOAD,
    location::HOST,
];

/// `[locations]` as written: API name → parameter name → location.
pub type Locations = BTreeMap<String, BTreeMap<String, String>>;

/// The manifest line of each `[locations.<Api>]` entry, read from the text's spans.
pub type Lines = BTreeMap<(String, String), usize>;

/// The lines of every entry of `[locations]` in a manifest's text (empty when the text does not
/// parse; the manifest's own reading reports that).
pub fn lines_of(text: &str) -> Lines {
    #[derive(serde::Deserialize)]
    struct Spans {
        #[serde(default)]
        locations: BTreeMap<String, BTreeMap<String, toml::Spanned<String>>>,
    }
    let Ok(spans) = toml::from_str::<Spans>(text) else {
        return Lines::new();
    };
    let line_at = |at: usize| 1 + text[..at.min(text.len())].matches('\n').count();
    spans
        .locations
        .into_iter()
        .flat_map(|(api, params)| {
            params
                .into_iter()
                .map(move |(param, value)| ((api.clone(), param), line_at(value.span().start)))
        })
        .collect()
}

/// Sets the location of each parameter the manifest names. Returns the errors (an entry that
/// names no API, no REST-style API, no parameter of it, or no location, or that would take a
/// path placeholder out of the path); `diagnostics` loses the `roa-location-inferred` warnings
/// of the parameters placed here, which the manifest has settled.
pub fn apply(
    apis: &mut [Api],
    locations: &Locations,
    lines: &Lines,
    manifest: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (api_name, params) in locations {
        let line = |param: &str| {
            lines
                .get(&(api_name.clone(), param.to_string()))
                .copied()
                .unwrap_or(0)
        };
        let first_line = params.keys().next().map_or(0, |p| line(p));
        let error = |line: usize, message: String| {
            Diagnostic::error(manifest, line, "manifest-location", message)
        };
        let Some(api) = apis.iter_mut().find(|a| &a.name == api_name) else {
            errors.push(error(
                first_line,
                format!("[locations.{api_name}]: no API `{api_name}` in the spec folder"),
            ));
            continue;
        };
        let Some(template) = api.path.clone().filter(|_| api.style == "ROA") else {
            errors.push(error(
                first_line,
                format!(
                    "[locations.{api_name}]: `{api_name}` is an RPC-style API; every parameter is sent in the query, so it takes no locations"
                ),
            ));
            continue;
        };
        for (param, place) in params {
            let at = line(param);
            if !ALLOWED.contains(&place.as_str()) {
                errors.push(error(
                    at,
                    format!(
                        "[locations.{api_name}] {param} = \"{place}\": not a location; expected one of {}",
                        ALLOWED.join(", ")
                    ),
                ));
                continue;
            }
            let names: Vec<String> = api.request.iter().map(|f| f.name.clone()).collect();
            let Some(field) = api.request.iter_mut().find(|f| &f.name == param) else {
                errors.push(error(
                    at,
                    format!(
                        "[locations.{api_name}]: `{api_name}` has no parameter `{param}` (its parameters: {})",
                        names.join(", ")
                    ),
                ));
                continue;
            };
            let placeholder = template.contains(&format!("{{{param}}}"));
            if placeholder != (place == location::PATH) {
                let message = if placeholder {
                    format!("[locations.{api_name}] {param} = \"{place}\": `{param}` is a placeholder of the path `{template}`; it can only go in the path")
                } else {
                    format!("[locations.{api_name}] {param} = \"path\": the path `{template}` has no `{{{param}}}` placeholder")
                };
                errors.push(error(at, message));
                continue;
            }
            field.location = Some(place.clone());
            let files: Vec<String> = api.sources.iter().map(|s| s.file.clone()).collect();
            let about = format!("`{param}`:");
            diagnostics.retain(|d| {
                !(d.kind == "roa-location-inferred"
                    && files.contains(&d.file)
                    && d.message.starts_with(&about))
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_from_the_manifest_text() {
        let text = "product = \"X\"\n\n[locations.UpdateApp]\nAppName = \"body\"\n\"X-Token\" = \"header\"\n";
        let lines = lines_of(text);
        assert_eq!(lines[&("UpdateApp".to_string(), "AppName".to_string())], 4);
        assert_eq!(lines[&("UpdateApp".to_string(), "X-Token".to_string())], 5);
    }
}
