//! REST-style (ROA) facts of an API the emitters share: whether it is sent REST-style, which
//! method it sends, where each parameter goes, and how a request example of the doc fits the
//! path template and the parameter tables ([`read_example`]).

use serde_json::Value;

use super::shape::{Planned, Scalar, Shape};
use crate::model::{location, Api, HttpRequestExample};
use crate::parse::roa_shown::same_name;

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

/// A REST-style request example read against the API: the value each parameter takes, and the
/// request the builder must then reproduce.
pub struct RoaExample<'p, 'a> {
    /// Each parameter the example sets, with its value as the example writes it: path segments
    /// and query values as text, body members as JSON (a string holding JSON where a list or
    /// object is documented read as that JSON). A required header the example leaves out (a
    /// cookie) gets its documented example or its name.
    pub values: Vec<(&'p Planned<'a>, Value)>,
    pub method: String,
    /// The path filled with the example's values, each segment percent-encoded.
    pub path: String,
    /// The query parameters, sorted.
    pub query: Vec<(String, String)>,
    /// The JSON body, when the example sends one the request writes.
    pub body: Option<Value>,
    /// When the API sends a parameter in the host name: the first label the request must put
    /// before the endpoint (the example's `Host:` first label), or `None` when it sends none.
    pub host_prefix: Option<Option<String>>,
}

/// Reads a request example of a REST-style API; `Err` says why it does not fit (another
/// method, a path that does not fit the template, a parameter the tables do not document or
/// place there, a required parameter left out).
pub fn read_example<'p, 'a>(
    api: &Api,
    fields: &'p [Planned<'a>],
    ex: &HttpRequestExample,
) -> Result<RoaExample<'p, 'a>, String> {
    let sent = method(api);
    // An example that writes no method (a bare URL) shows the request line's.
    if !ex.method.is_empty() && ex.method != sent {
        return Err(format!(
            "the example uses {}, the request sends {sent}",
            ex.method
        ));
    }
    let (template, fixed) = path_and_fixed_query(api.path.as_deref().unwrap_or("/"));
    // An example that writes no path (`http://host&<公共请求参数>`) fills no placeholder.
    let mut values = if ex.path.is_empty() {
        Vec::new()
    } else {
        path_values(fields, template, &ex.path)?
    };
    for q in &ex.query {
        if let Some((_, v)) = fixed.iter().find(|(k, _)| *k == q.name) {
            if *v != q.value {
                return Err(format!(
                    "the example sends `{}={}`, the request line `{}={v}`",
                    q.name, q.value, q.name
                ));
            }
            continue;
        }
        let p = by_name(fields, &q.name)
            .filter(|p| location_of(p) == location::QUERY)
            .ok_or(format!(
                "the example sends query `{}`, which is not a documented query parameter",
                q.name
            ))?;
        if !matches!(p.shape, Shape::Scalar(_) | Shape::Enum(..)) {
            return Err(format!(
                "query `{}` is a list or object; the example shows one text",
                q.name
            ));
        }
        values.push((p, Value::String(q.value.clone())));
    }
    let body = match (&ex.body, &ex.xml) {
        (Some(text), _) => body_values(fields, text, &mut values)?,
        // An XML document is the payload, sent as written.
        (None, Some(xml)) => {
            let p = fields
                .iter()
                .find(|p| {
                    location_of(p) == location::PAYLOAD
                        && api
                            .content_type
                            .as_deref()
                            .is_some_and(|t| t.contains("xml"))
                })
                .ok_or("the example sends an XML body, which the request does not hold")?;
            values.push((p, Value::String(xml.clone())));
            Some(Value::String(xml.clone()))
        }
        (None, None) => None,
    };
    host_value(fields, ex, &mut values);
    required_values(fields, &mut values)?;
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let placed = |at: &str| -> Vec<(String, String)> {
        values
            .iter()
            .filter(|(p, _)| location_of(p) == at)
            .map(|(p, v)| (p.field.name.clone(), text(v)))
            .collect()
    };
    let path = filled_path(template, &placed(location::PATH));
    let mut query = placed(location::QUERY);
    query.extend(fixed);
    query.sort();
    let host_prefix = fields
        .iter()
        .any(|p| location_of(p) == location::HOST)
        .then(|| placed(location::HOST).into_iter().next().map(|(_, v)| v));
    Ok(RoaExample {
        values,
        method: sent,
        path,
        query,
        body,
        host_prefix,
    })
}

/// The value of the parameter sent in the host name: the first label of the example's host
/// (`Host: my-project.cn-shanghai.log.aliyuncs.com` → `my-project`), when it is a DNS label and
/// not the parameter's own name (`ProjectName.Endpoint` copied from the syntax shows no value).
fn host_value<'p, 'a>(
    fields: &'p [Planned<'a>],
    ex: &HttpRequestExample,
    values: &mut Vec<(&'p Planned<'a>, Value)>,
) {
    let Some(p) = fields.iter().find(|p| location_of(p) == location::HOST) else {
        return;
    };
    if values.iter().any(|(q, _)| q.field.name == p.field.name) {
        return;
    }
    let Some((label, rest)) = ex.host.as_deref().and_then(|h| h.split_once('.')) else {
        return;
    };
    let dns_label = !label.is_empty()
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-');
    if dns_label && !rest.is_empty() && !same_name(label, &p.field.name) {
        values.push((p, Value::String(label.to_string())));
    }
}

fn by_name<'p, 'a>(fields: &'p [Planned<'a>], name: &str) -> Option<&'p Planned<'a>> {
    fields.iter().find(|p| p.field.name == name)
}

/// A path template and the query its request line fixes (`/x?type=heartbeat&acl`: the pairs
/// every request sends as written, a bare name with an empty value).
pub(crate) fn path_and_fixed_query(template: &str) -> (&str, Vec<(String, String)>) {
    let (path, query) = template.split_once('?').unwrap_or((template, ""));
    let fixed = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    (path, fixed)
}

/// The field an example's body key names: its exact name, else the same name spelled with
/// another case or separators (`instanceId` for `InstanceId`), as the parser reads it.
fn loose_name<'p, 'a>(fields: &'p [Planned<'a>], name: &str) -> Option<&'p Planned<'a>> {
    by_name(fields, name).or_else(|| {
        fields
            .iter()
            .find(|p| crate::parse::roa_shown::same_name(&p.field.name, name))
    })
}

/// The values of the path's placeholders: the template's literal segments must match the
/// example's (percent-decoded), and a placeholder left as one in the example gives nothing.
fn path_values<'p, 'a>(
    fields: &'p [Planned<'a>],
    template: &str,
    path: &str,
) -> Result<Vec<(&'p Planned<'a>, Value)>, String> {
    let t_segments: Vec<&str> = template.split('/').filter(|s| !s.is_empty()).collect();
    let e_segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::parse::text::percent_decode)
        .collect();
    let misfit = || format!("the example path `{path}` does not fit `{template}`");
    if t_segments.len() != e_segments.len() {
        return Err(misfit());
    }
    let mut values = Vec::new();
    for (t, e) in t_segments.iter().zip(&e_segments) {
        match t.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) if !is_placeholder(e) || !names_placeholder(e, name) => {
                let p = by_name(fields, name).ok_or(format!("no field for `{{{name}}}`"))?;
                // `[es-cn-tl325wxga000l****]`: a value the doc wrote inside the brackets of
                // the placeholder it fills.
                let value = if is_placeholder(e) {
                    &e[1..e.len() - 1]
                } else {
                    e.as_str()
                };
                values.push((p, Value::String(value.to_string())));
            }
            Some(_) => {}
            None if t == e => {}
            None => return Err(misfit()),
        }
    }
    Ok(values)
}

/// The values an example body gives (members, the payload, or, as mse examples do, path and
/// query values repeated), and the body the request must write.
fn body_values<'p, 'a>(
    fields: &'p [Planned<'a>],
    text: &str,
    values: &mut Vec<(&'p Planned<'a>, Value)>,
) -> Result<Option<Value>, String> {
    let body: Value = serde_json::from_str(text).map_err(|e| format!("body: {e}"))?;
    if let Some(p) = fields.iter().find(|p| location_of(p) == location::PAYLOAD) {
        values.push((p, normalise(p, &body)));
        return Ok(Some(body));
    }
    let Value::Object(body) = body else {
        return Err("the example body is not an object of documented members".into());
    };
    // `{"data": {...}}` around the members: the parser's reading of the same example.
    let documented = |k: &str| loose_name(fields, k).is_some();
    let map = crate::parse::roa_shown::example_members(&body, &documented).clone();
    let mut members = serde_json::Map::new();
    for (k, v) in map {
        let p = loose_name(fields, &k).ok_or(format!(
            "the example body has `{k}`, which the tables do not document"
        ))?;
        match location_of(p) {
            // The test compares the body as written: a member spelled otherwise than the
            // field sends it cannot be compared.
            location::BODY if p.field.name != k => {
                return Err(format!(
                    "the example body spells `{k}`, the table `{}`",
                    p.field.name
                ))
            }
            location::BODY => {
                values.push((p, normalise(p, &v)));
                members.insert(k, v);
            }
            _ if values.iter().any(|(q, _)| q.field.name == p.field.name) => {}
            _ => values.push((p, normalise(p, &v))),
        }
    }
    Ok((!members.is_empty()).then_some(Value::Object(members)))
}

/// Every required parameter must be given; a required text header the example leaves out
/// (credentials such as a cookie) gets a stand-in, as the test does not compare headers.
fn required_values<'p, 'a>(
    fields: &'p [Planned<'a>],
    values: &mut Vec<(&'p Planned<'a>, Value)>,
) -> Result<(), String> {
    for p in fields.iter().filter(|p| p.required) {
        if values.iter().any(|(q, _)| q.field.name == p.field.name) {
            continue;
        }
        if location_of(p) == location::HEADER && p.shape == Shape::Scalar(Scalar::String) {
            let stand_in = p
                .field
                .example
                .clone()
                .unwrap_or_else(|| p.field.name.clone());
            values.push((p, Value::String(stand_in)));
            continue;
        }
        return Err(format!(
            "the example omits the required parameter `{}`",
            p.field.name
        ));
    }
    Ok(())
}

/// The path template with `{Name}` placeholders filled from `values` (by wire name), every
/// segment percent-encoded.
fn filled_path(template: &str, values: &[(String, String)]) -> String {
    let mut path = String::new();
    for t in template.split('/').filter(|s| !s.is_empty()) {
        path.push('/');
        match t.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) => {
                let v = values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str());
                path.push_str(&encode_segment(v.unwrap_or("")));
            }
            None => path.push_str(&encode_segment(t)),
        }
    }
    if path.is_empty() {
        path.push('/');
    }
    path
}

/// RFC 3986 encoding of one path segment (unreserved bytes stay literal).
fn encode_segment(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether a bracketed example segment is the placeholder `name` itself (`[InstanceId]`), not
/// a value written in brackets.
fn names_placeholder(segment: &str, name: &str) -> bool {
    crate::parse::roa_shown::same_name(&segment[1..segment.len() - 1], name)
}

fn is_placeholder(segment: &str) -> bool {
    (segment.starts_with('{') && segment.ends_with('}'))
        || (segment.starts_with('[') && segment.ends_with(']'))
}

/// A string holding JSON where a list or object is documented (`"[ 1 ]"`) is read as that JSON.
fn normalise(p: &Planned<'_>, v: &Value) -> Value {
    match (v, &p.shape) {
        (Value::String(s), Shape::Vec(_) | Shape::Struct(_)) => {
            serde_json::from_str(s).unwrap_or_else(|_| v.clone())
        }
        _ => v.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("es-cn-1****"), "es-cn-1%2A%2A%2A%2A");
        assert_eq!(encode_segment("a b/中"), "a%20b%2F%E4%B8%AD");
        assert!(is_placeholder("{apiId}") && is_placeholder("[Id]") && !is_placeholder("x"));
    }

    /// `[InstanceId]` in an example is the placeholder left unfilled; `[es-cn-1****]` is a
    /// value written inside brackets.
    #[test]
    fn bracketed_example_segments() {
        assert!(names_placeholder("[InstanceId]", "InstanceId"));
        assert!(names_placeholder("{instanceId}", "InstanceId"));
        assert!(!names_placeholder("[es-cn-1****]", "InstanceId"));
    }
}
