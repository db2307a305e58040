//! Step 5b, REST-style (ROA) docs, continued: what the request line and the request examples
//! show that no table documents, made part of the request so the call the doc shows can be
//! made (each addition reported): a query the request line fixes (`?type=heartbeat`), body
//! members and whole bodies only the example shows, query parameters only the example sends,
//! and a host label no row names (`Host: BucketName.…`). [`super::roa`] places the tables' rows
//! first and calls these afterwards.

use serde_json::Value;

use super::request_line::{host_label, RequestLine};
use super::sink::Sink;
use super::text;
use crate::model::{location, Field, HttpRequestExample, Type};

/// The request syntax's `Host:` writes a parameter-like first label no row names
/// (`Host: BucketName.oss-cn-hangzhou.aliyuncs.com`), and the request examples put a value
/// there before the same rest of the host (`examplebucket.oss-cn-hangzhou.aliyuncs.com`): the
/// label is a placeholder, added as a required host parameter (as a path placeholder without a
/// row is added as a required path parameter).
pub(super) fn add_host_placeholder(
    fields: &mut Vec<Field>,
    line: &RequestLine,
    examples: &[HttpRequestExample],
    syntax_line: usize,
    sink: &mut Sink,
) {
    let Some(host) = line.host.as_deref() else {
        return;
    };
    let Some(label) = host_label(host) else {
        return;
    };
    let written = host.split_once('.').map_or("", |(_, rest)| rest);
    let taken = fields
        .iter()
        .any(|f| f.location.as_deref() == Some(location::HOST) || same_name(&f.name, label));
    if !parameter_like(label) || taken {
        return;
    }
    // The rest of the host is the same in the example, or a word standing for the endpoint.
    let filled = examples.iter().find_map(|ex| {
        let (first, rest) = ex.host.as_deref()?.split_once('.')?;
        let same_rest = rest == written || !written.contains('.');
        (same_rest && first != label && !first.is_empty()).then(|| first.to_string())
    });
    let Some(value) = filled else { return };
    let mut f = Field::bare(label, Type::String, syntax_line);
    f.required = Some(true);
    f.example = Some(value);
    f.description = format!("The first label of the host name (`{host}` in the request syntax).");
    f.set_location(location::HOST);
    sink.warn(syntax_line, "roa-location-inferred", format!("`{label}`: the request syntax's `Host: {host}` names it and no row does; the request examples fill it, so it is added as a required host parameter"));
    fields.push(f);
}

/// A query parameter the request examples send that no table documents (nor the request line
/// fixes) becomes an optional text parameter, so the call the doc shows can be made. A name
/// spelled like a documented one in another case is not added: which spelling the wire
/// wants is the doc's to say, and two fields of one name would collide.
pub(super) fn add_example_query(
    fields: &mut Vec<Field>,
    path: &str,
    examples: &[HttpRequestExample],
    sink: &mut Sink,
) {
    let fixed: Vec<&str> = path
        .split_once('?')
        .map(|(_, q)| {
            q.split('&')
                .map(|p| p.split('=').next().unwrap_or(p))
                .collect()
        })
        .unwrap_or_default();
    for ex in examples {
        let mut added = Vec::new();
        for q in &ex.query {
            let known = fields.iter().any(|f| same_name(&f.name, &q.name));
            if known || fixed.contains(&q.name.as_str()) || q.name.trim().is_empty() {
                continue;
            }
            // No `raw_type`: no doc states a type.
            let mut f = Field::bare(&q.name, Type::String, ex.line);
            f.required = Some(false);
            f.example = Some(q.value.clone()).filter(|v| !v.is_empty());
            f.description =
                "Sent in the doc's request example; no table of the doc documents it.".into();
            f.set_location(location::QUERY);
            added.push(format!("`{}`", q.name));
            fields.push(f);
        }
        if !added.is_empty() {
            sink.warn(ex.line, "example-only-parameter", format!("the request example sends query {}, which no table documents: added as optional text parameters", added.join(", ")));
        }
    }
}

/// The request line's query pairs that name no parameter and whose value is a word, not a
/// placeholder (`?type=heartbeat`, `?acl`): every request sends them as written, so they join
/// the path template after `?`.
pub(super) fn with_fixed_query(
    mut path: String,
    line: &RequestLine,
    fields: &[Field],
    syntax_line: usize,
    sink: &mut Sink,
) -> String {
    let names_field = |s: &str| fields.iter().any(|f| same_name(&f.name, s));
    let word = |v: &str| {
        v.chars().any(|c| c.is_ascii_lowercase())
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    let fixed: Vec<String> = line
        .query
        .iter()
        .filter(|(k, v)| {
            !k.is_empty()
                && !names_field(k)
                && !names_field(text::bracketed(v).unwrap_or(v))
                && (v.is_empty() || word(v))
        })
        .map(|(k, v)| {
            if v.is_empty() {
                k.clone()
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    if !fixed.is_empty() {
        let query = fixed.join("&");
        sink.warn(syntax_line, "roa-path", format!("the request line's query `{query}` names no parameter: every request sends it as written"));
        path = format!("{path}?{query}");
    }
    path
}

/// Written like a parameter name (`BucketName`, `ObjectName`: capitalised, letters and digits),
/// not like a word of a host or a path (`oss-cn-hangzhou`, `shards`).
pub(crate) fn parameter_like(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Names compared as the wire spells them loosely: `instanceId`, `InstanceId`, `instance_id`.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

/// The members of a request example's JSON object body: the object itself, or the object
/// under its one key when that key is no parameter and the object under it holds documented
/// ones (`{"data": {...}}` around the members).
pub(crate) fn example_members<'v>(
    body: &'v serde_json::Map<String, Value>,
    documented: &dyn Fn(&str) -> bool,
) -> &'v serde_json::Map<String, Value> {
    if let [(k, Value::Object(inner))] = body.iter().collect::<Vec<_>>()[..] {
        if !documented(k) && inner.keys().any(|m| documented(m)) {
            return inner;
        }
    }
    body
}

/// What the request example's body shows and no table documents becomes part of the request,
/// so the call the doc shows can be made: an array (or other non-object) body with no body
/// rows becomes one optional `Body` JSON value; a member of an object body that no parameter
/// names becomes an optional body member, typed from its example value (a scalar keeps its
/// type; an object or list is a free JSON value, as nothing says what else it may hold).
pub(super) fn add_example_body(
    fields: &mut Vec<Field>,
    body_example: Option<&Value>,
    example_line: usize,
    sink: &mut Sink,
) {
    let Some(body) = body_example else { return };
    if fields
        .iter()
        .any(|f| f.location.as_deref() == Some(location::PAYLOAD))
    {
        return;
    }
    let Value::Object(map) = body else {
        if fields
            .iter()
            .any(|f| f.location.as_deref() == Some(location::BODY))
        {
            return;
        }
        let mut f = Field::bare("Body", Type::Json, example_line);
        f.required = Some(false);
        f.example = Some(body.to_string());
        f.description =
            "The JSON document sent as the request body, as the doc's request example shows it."
                .into();
        f.set_location(location::PAYLOAD);
        sink.warn(example_line, "roa-body", "the request example sends a JSON body that is not an object and no table documents it: the request holds it as one optional `Body` JSON value");
        fields.push(f);
        return;
    };
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    let documented = |k: &str| names.iter().any(|n| same_name(n, k));
    let mut added = Vec::new();
    for (k, v) in example_members(map, &documented) {
        if documented(k) || k.trim().is_empty() {
            continue;
        }
        let ty = match v {
            Value::Object(_) | Value::Array(_) | Value::Null => Type::Json,
            scalar => super::shape::scalar_type(scalar),
        };
        // No `raw_type`: no doc states a type.
        let mut f = Field::bare(k, ty, example_line);
        f.required = Some(false);
        f.example = Some(match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        f.description =
            "Shown in the doc's request example body; no table of the doc documents it.".into();
        f.set_location(location::BODY);
        added.push(k.clone());
        fields.push(f);
    }
    if !added.is_empty() {
        sink.warn(example_line, "example-only-parameter", format!("the request example's body has {}, which no table documents: added as optional body members typed from the example", added.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")));
    }
}
