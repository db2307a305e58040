//! Tests made from a REST-style (ROA) doc's request examples: the example's values set through
//! the builder reproduce its method, path, query and body.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::values::{value_expr, Val};
use crate::diagnostics::Diagnostic;
use crate::emit::plan::roa::{is_roa, location_of, method};
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::model::{location, Api, HttpRequestExample};
use crate::naming::ident;

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

/// One test: the example's values set through the builder reproduce its method, path, query
/// and body.
fn example_test(
    api: &Api,
    request: &str,
    fields: &[Planned<'_>],
    ex: &HttpRequestExample,
    index: usize,
) -> Result<TokenStream, String> {
    let template = api.path.as_deref().unwrap_or("/");
    let sent = method(api);
    if ex.method != sent {
        return Err(format!(
            "the example uses {}, the request sends {sent}",
            ex.method
        ));
    }
    let by_name = |name: &str| fields.iter().find(|p| p.field.name == name);
    let mut values: Vec<(&Planned<'_>, Value)> = Vec::new();
    // Path: the template's literal segments must match; placeholders give values.
    let t_segments: Vec<&str> = template.split('/').filter(|s| !s.is_empty()).collect();
    let e_segments: Vec<String> = ex
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::parse::text::percent_decode)
        .collect();
    if t_segments.len() != e_segments.len() {
        return Err(format!(
            "the example path `{}` does not fit `{template}`",
            ex.path
        ));
    }
    for (t, e) in t_segments.iter().zip(&e_segments) {
        match t.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) if !is_placeholder(e) => {
                let p = by_name(name).ok_or(format!("no field for `{{{name}}}`"))?;
                values.push((p, Value::String(e.clone())));
            }
            Some(_) => {}
            None if t == e => {}
            None => {
                return Err(format!(
                    "the example path `{}` does not fit `{template}`",
                    ex.path
                ))
            }
        }
    }
    for q in &ex.query {
        let p = by_name(&q.name)
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
    // Body: members, the payload, or (as mse examples do) path and query values repeated.
    let mut expected_body: Option<Value> = None;
    if let Some(text) = &ex.body {
        let body: Value = serde_json::from_str(text).map_err(|e| format!("body: {e}"))?;
        if let Some(p) = fields.iter().find(|p| location_of(p) == location::PAYLOAD) {
            values.push((p, normalise(p, &body)));
            expected_body = Some(body);
        } else {
            let Value::Object(mut map) = body else {
                return Err("the example body is not an object of documented members".into());
            };
            // `{"data": {...}}` around the members, a key the table does not have.
            if map.len() == 1 {
                let (k, v) = map
                    .iter()
                    .next()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap_or_default();
                if by_name(&k).is_none() && v.is_object() {
                    map = v.as_object().cloned().unwrap_or_default();
                }
            }
            let mut members = serde_json::Map::new();
            for (k, v) in map {
                let p = by_name(&k).ok_or(format!(
                    "the example body has `{k}`, which the tables do not document"
                ))?;
                match location_of(p) {
                    location::BODY => {
                        values.push((p, normalise(p, &v)));
                        members.insert(k, v);
                    }
                    _ if values.iter().any(|(q, _)| q.field.name == k) => {}
                    _ => values.push((p, normalise(p, &v))),
                }
            }
            expected_body = (!members.is_empty()).then_some(Value::Object(members));
        }
    }
    for p in fields.iter().filter(|p| p.required) {
        let given = values.iter().any(|(q, _)| q.field.name == p.field.name);
        if !given && location_of(p) == location::HEADER && p.shape == Shape::Scalar(Scalar::String)
        {
            // Examples leave credentials such as a cookie out; the test does not compare headers.
            let stand_in = p
                .field
                .example
                .clone()
                .unwrap_or_else(|| p.field.name.clone());
            values.push((p, Value::String(stand_in)));
            continue;
        }
        if !given {
            return Err(format!(
                "the example omits the required parameter `{}`",
                p.field.name
            ));
        }
    }
    let mut calls = Vec::new();
    let mut path_values: Vec<(String, String)> = Vec::new();
    let mut query: Vec<(String, String)> = Vec::new();
    for (p, v) in &values {
        let val = match v {
            Value::String(s) if !matches!(p.shape, Shape::Vec(_) | Shape::Struct(_)) => {
                Val::Text(s.clone())
            }
            other => Val::Json(other.clone()),
        };
        let expr = value_expr(&p.shape, &p.children, &val)
            .map_err(|e| format!("`{}`: {e}", p.field.name))?;
        let setter = ident(&p.ident);
        calls.push(quote!(.#setter(#expr)));
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match location_of(p) {
            location::PATH => path_values.push((p.field.name.clone(), text)),
            location::QUERY => query.push((p.field.name.clone(), text)),
            _ => {}
        }
    }
    let mut expected_path = String::new();
    for t in &t_segments {
        expected_path.push('/');
        match t.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) => {
                let v = path_values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str());
                expected_path.push_str(&encode_segment(v.unwrap_or("")));
            }
            None => expected_path.push_str(&encode_segment(t)),
        }
    }
    if expected_path.is_empty() {
        expected_path.push('/');
    }
    query.sort();
    let ty = ident(request);
    let test = format_ident!(
        "request_example_{}_reproduces_method_path_query_and_body",
        index + 1
    );
    let method_lit = Literal::string(&ex.method);
    let path_lit = Literal::string(&expected_path);
    let names = query.iter().map(|(k, _)| Literal::string(k));
    let vals = query.iter().map(|(_, v)| Literal::string(v));
    let body_check = match &expected_body {
        Some(b) => {
            let lit = Literal::string(&b.to_string());
            quote!(::aliyun_runtime::testing::assert_json_matches(roa.body().as_ref(), ::std::option::Option::Some(#lit));)
        }
        None => {
            quote!(::aliyun_runtime::testing::assert_json_matches(roa.body().as_ref(), ::std::option::Option::None);)
        }
    };
    Ok(quote! {
        #[test]
        fn #test() {
            let request = #ty::builder()
                #(#calls)*
                .build_unchecked()
                .expect("the documented request example sets every required parameter");
            let roa = request.to_roa();
            assert_eq!(roa.method(), #method_lit);
            assert_eq!(roa.path(), #path_lit);
            ::aliyun_runtime::testing::assert_query_eq(&roa.query(), &[#((#names, #vals)),*], &[]);
            #body_check
        }
    })
}

/// Tests from the doc's REST-style request examples; examples that do not fit are reported in
/// `notes`.
pub fn example_tests(
    api: &Api,
    request: &str,
    fields: &[Planned<'_>],
    notes: &mut Vec<Diagnostic>,
) -> Vec<TokenStream> {
    let mut tests = Vec::new();
    if !is_roa(api) {
        return tests;
    }
    for (i, ex) in api.examples.http_requests.iter().enumerate() {
        match example_test(api, request, fields, ex, i) {
            Ok(t) => tests.push(t),
            Err(why) => notes.push(Diagnostic::warning(
                &ex.file,
                ex.line,
                "example-not-tested",
                format!("request example not turned into a test: {why}"),
            )),
        }
    }
    tests
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
}
