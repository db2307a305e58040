//! REST-style (ROA) facts of an API the emitters share: whether it is sent REST-style, which
//! method it sends, and where each parameter goes.

use super::shape::Planned;
use crate::model::{location, Api};

pub fn is_roa(api: &Api) -> bool {
    api.style == "ROA" && api.path.is_some()
}

/// The method sent: the only one, or of documented alternatives (`PATCH|POST`) the one the
/// first request example uses, else the first.
pub fn method(api: &Api) -> String {
    let written = api.method.clone().unwrap_or_else(|| "GET".into());
    let alternatives: Vec<&str> = written.split('|').map(str::trim).collect();
    api.examples
        .http_requests
        .iter()
        .map(|e| e.method.as_str())
        .find(|m| alternatives.contains(m))
        .or(alternatives.first().copied())
        .unwrap_or("GET")
        .to_string()
}

/// Where a parameter goes in the request (`query` when the doc does not say).
pub fn location_of<'a>(p: &Planned<'a>) -> &'a str {
    p.field.location.as_deref().unwrap_or(location::QUERY)
}
