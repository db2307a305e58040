//! Tests generated from a doc's own examples: the request example must serialize to the
//! documented query, every valid response example must deserialize with each of its values
//! held by a typed field.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::values::{value_expr, Val};
use crate::diagnostics::Diagnostic;
use crate::emit::plan::fit;
use crate::emit::plan::shape::{item_rules, Planned, Scalar, Shape};
use crate::model::{Api, ExampleFormat, RequestExample, ResponseExample, WireStyle};
use crate::naming::ident;

/// The value of a top-level field from flattened parameters (`Tag.1.Key`, `Id.2`, `Name`).
fn flattened(p: &Planned<'_>, params: &[(&str, &str)]) -> Result<Option<TokenStream>, String> {
    let name = p.field.name.as_str();
    let exact = params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let json = p.field.wire == Some(WireStyle::Json);
    if let Some(v) = exact {
        let val = match (&p.shape, json) {
            (Shape::Vec(_) | Shape::Struct(_), _) => Val::Json(
                serde_json::from_str(v)
                    .map_err(|_| format!("`{name}` is not JSON in the example"))?,
            ),
            _ => Val::Text(v.to_string()),
        };
        return value_expr(&p.shape, &p.children, &val).map(Some);
    }
    // Rebuild a JSON tree from dotted keys, then read it like a JSON value.
    let prefix = format!("{name}.");
    let nested: Vec<(&str, &str)> = params
        .iter()
        .filter_map(|(k, v)| k.strip_prefix(prefix.as_str()).map(|rest| (rest, *v)))
        .collect();
    if nested.is_empty() {
        return Ok(None);
    }
    let tree = unflatten(&nested, matches!(p.shape, Shape::Vec(_)));
    value_expr(&p.shape, &p.children, &Val::Json(tree)).map(Some)
}

/// `["1.Key"="a", "1.Value"="b", "2.Key"="c"]` → `[{"Key":"a","Value":"b"},{"Key":"c"}]`.
fn unflatten(pairs: &[(&str, &str)], list: bool) -> Value {
    if list {
        let mut items: std::collections::BTreeMap<usize, Vec<(&str, &str)>> = Default::default();
        let mut scalars: std::collections::BTreeMap<usize, &str> = Default::default();
        for (k, v) in pairs {
            let (index, rest) = k.split_once('.').unwrap_or((k, ""));
            let Ok(i) = index.parse::<usize>() else {
                continue;
            };
            if rest.is_empty() {
                scalars.insert(i, v);
            } else {
                items.entry(i).or_default().push((rest, v));
            }
        }
        if !scalars.is_empty() {
            return Value::Array(
                scalars
                    .values()
                    .map(|v| Value::String(v.to_string()))
                    .collect(),
            );
        }
        return Value::Array(
            items
                .values()
                .map(|pairs| unflatten(pairs, false))
                .collect(),
        );
    }
    let mut map = serde_json::Map::new();
    let mut groups: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for (k, v) in pairs {
        match k.split_once('.') {
            None => {
                map.insert(k.to_string(), Value::String(v.to_string()));
            }
            Some((head, rest)) => match groups.iter_mut().find(|(h, _)| *h == head) {
                Some((_, g)) => g.push((rest, v)),
                None => groups.push((head, vec![(rest, v)])),
            },
        }
    }
    for (head, g) in groups {
        let is_list = g.iter().all(|(k, _)| {
            k.split('.')
                .next()
                .is_some_and(|i| i.parse::<usize>().is_ok())
        });
        map.insert(head.to_string(), unflatten(&g, is_list));
    }
    Value::Object(map)
}

/// The documented pairs in the API's wire style: a container documented as `X.N.Y` rows but
/// shown as JSON in the example is expected flattened, and the other way round.
fn expected_query(fields: &[Planned<'_>], pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for p in fields
        .iter()
        .filter(|p| matches!(p.shape, Shape::Vec(_) | Shape::Struct(_)))
    {
        let name = p.field.name.as_str();
        let prefix = format!("{name}.");
        let exact = pairs.iter().find(|(k, _)| *k == name);
        let dotted: Vec<(&str, &str)> = pairs
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(prefix.as_str()).map(|r| (r, *v)))
            .collect();
        match (p.field.wire, exact) {
            (Some(WireStyle::RepeatList), Some((_, v))) => {
                if let Ok(json) = serde_json::from_str::<Value>(v) {
                    flatten_json(name, &json, &mut out);
                    done.push(name);
                }
            }
            (Some(WireStyle::Json), None) if !dotted.is_empty() => {
                let tree = unflatten(&dotted, matches!(p.shape, Shape::Vec(_)));
                out.push((name.to_string(), tree.to_string()));
                done.push(name);
            }
            _ => {}
        }
    }
    for (k, v) in pairs {
        let top = k.split('.').next().unwrap_or(k);
        if !done.contains(&top) {
            out.push((k.to_string(), v.to_string()));
        }
    }
    out
}

/// `{"A":[{"B":1}]}` under `X` → `X.A.1.B=1`.
fn flatten_json(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten_json(&format!("{prefix}.{}", i + 1), item, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                flatten_json(&format!("{prefix}.{k}"), item, out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Null => {}
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// Example values that a documented rule of their parameter rejects (judged as the runtime
/// would), as `Name=value`: of real values (`masked == false`), or of masked and placeholder
/// values (`116.XX.XX.12`, `vpn-****`), which stand for a value and need not pass.
fn rule_breaks(fields: &[Planned<'_>], pairs: &[(&str, &str)], masked: bool) -> Vec<String> {
    let mut out = Vec::new();
    for p in fields {
        let (scalar, list) = match &p.shape {
            Shape::Scalar(s) => (*s, false),
            Shape::Vec(inner) => match inner.as_ref() {
                Shape::Scalar(s) => (*s, true),
                _ => continue,
            },
            _ => continue,
        };
        let name = p.field.name.as_str();
        for (k, v) in pairs {
            let mine = *k == name
                || (list
                    && k.strip_prefix(name)
                        .and_then(|r| r.strip_prefix('.'))
                        .is_some_and(|i| i.parse::<usize>().is_ok()));
            let rules = if list {
                item_rules(p.field)
            } else {
                p.field.constraints.clone()
            };
            if !mine {
                continue;
            }
            // A list written as one JSON array (`["1.1.1.1", "2.2.2.2"]`): its items.
            let items: Vec<String> = match serde_json::from_str::<Value>(v) {
                Ok(Value::Array(a)) if list => a
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                    .collect(),
                _ => vec![v.to_string()],
            };
            for item in items {
                let placeholder = crate::parse::text::is_placeholder(&item);
                if placeholder == masked && !crate::rules::accepts(scalar.kind(), &rules, &item) {
                    out.push(format!("`{k}={v}`"));
                    break;
                }
            }
        }
    }
    out
}

/// Relations between parameters that the example's set of parameters breaks (a validator
/// checks them at `build()`/`validate()`), as `Name` and the relation.
fn relation_breaks(fields: &[Planned<'_>], pairs: &[(&str, &str)]) -> Vec<String> {
    use crate::model::{RelationKind as R, Rule};
    let value_of = |name: &str| {
        let prefix = format!("{name}.");
        pairs
            .iter()
            .find(|(k, _)| *k == name || k.starts_with(&prefix))
            .map(|(_, v)| *v)
    };
    let mut out = Vec::new();
    for p in fields {
        let me = p.field.name.as_str();
        for c in &p.field.constraints {
            let Rule::Relation {
                relation,
                other,
                value,
                ..
            } = &c.rule
            else {
                continue;
            };
            let (mine, theirs) = (value_of(me), value_of(other));
            let broken = match relation {
                R::MutuallyExclusive => mine.is_some() && theirs.is_some(),
                R::Requires => mine.is_some() && theirs.is_none(),
                R::AtLeastOneOf => mine.is_none() && theirs.is_none(),
                R::DifferentFrom => mine.is_some() && mine == theirs,
                R::RequiredWhen => {
                    mine.is_none()
                        && match (theirs, value) {
                            (Some(t), Some(v)) => t == v,
                            (Some(_), None) => true,
                            (None, _) => false,
                        }
                }
                R::NoOverlap | R::AppliesWhen | R::Ordered => false,
            };
            if broken {
                out.push(format!("`{me}` {relation:?} `{other}`"));
            }
        }
    }
    out
}

fn request_test(
    api: &Api,
    request_name: &str,
    fields: &[Planned<'_>],
    ex: &RequestExample,
    index: usize,
    notes: &mut Vec<String>,
) -> Result<TokenStream, String> {
    let params = &ex.params;
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str()))
        .collect();
    for (k, _) in &pairs {
        let top = k.split('.').next().unwrap_or(k);
        if !fields.iter().any(|f| f.field.name == top) {
            return Err(format!(
                "the example sends `{k}`, which the parameter table does not document"
            ));
        }
    }
    for p in fields.iter().filter(|p| p.required) {
        let name = p.field.name.as_str();
        let prefix = format!("{name}.");
        if !pairs
            .iter()
            .any(|(k, _)| *k == name || k.starts_with(&prefix))
        {
            return Err(format!("the example omits the required parameter `{name}`"));
        }
    }
    let mut calls = Vec::new();
    for p in fields {
        if let Some(expr) = flattened(p, &pairs).map_err(|e| format!("`{}`: {e}", p.field.name))? {
            let setter = ident(&p.ident);
            calls.push(quote!(.#setter(#expr)));
        }
    }
    let mut expected = expected_query(fields, &pairs);
    expected.push(("Action".to_string(), api.name.clone()));
    expected.sort();
    let names = expected.iter().map(|(k, _)| Literal::string(k));
    let values = expected.iter().map(|(_, v)| Literal::string(v));
    let json_params: Vec<Literal> = fields
        .iter()
        .filter(|p| {
            p.field.wire == Some(WireStyle::Json) || matches!(p.shape, Shape::Scalar(Scalar::Json))
        })
        .map(|p| Literal::string(&p.field.name))
        .collect();
    // Masked values (`116.XX.XX.12`, `vpn-****`) need not pass format rules; real ones must.
    // The parser demotes a rule a real value breaks, so a break here is a bug to report.
    let mut broken = rule_breaks(fields, &pairs, false);
    broken.extend(relation_breaks(fields, &pairs));
    if !broken.is_empty() {
        notes.push(format!(
            "the example breaks documented rules ({}); its test checks the query only",
            broken.join(", ")
        ));
    }
    let masked = rule_breaks(fields, &pairs, true);
    let validate = if !masked.is_empty() || !broken.is_empty() {
        quote!()
    } else {
        quote!(request.validate().expect("the documented request example follows the documented rules");)
    };
    // The pairs above are the generator's reading of the example; the runtime reads the raw
    // text again on its own, so that a misreading fails here rather than agree with itself.
    let second_reading = if ex.raw.is_empty() {
        quote!()
    } else {
        let raw = Literal::string(&ex.raw);
        let read_names = pairs.iter().map(|(k, _)| Literal::string(k));
        let read_values = pairs.iter().map(|(_, v)| Literal::string(v));
        quote! {
            ::aliyun_runtime::testing::assert_example_read(
                #raw,
                &[#((#read_names, #read_values)),*],
            );
        }
    };
    let ty = ident(request_name);
    let test = format_ident!(
        "request_example_{}_serializes_to_the_documented_query",
        index + 1
    );
    Ok(quote! {
        #[test]
        fn #test() {
            #second_reading
            let request = #ty::builder()
                #(#calls)*
                .build_unchecked()
                .expect("the documented request example sets every required parameter");
            #validate
            ::aliyun_runtime::testing::assert_query_eq(
                &request.to_query(),
                &[#((#names, #values)),*],
                &[#(#json_params),*],
            );
        }
    })
}

/// A test that decodes a valid response example and checks, leaf by leaf, that the typed value
/// holds it; the paths the generated types have no place for are reported here and skipped
/// there (named in the test, so the exclusion is visible).
fn response_test(
    response_name: &str,
    fields: &[Planned<'_>],
    ex: &ResponseExample,
    index: usize,
    notes: &mut Vec<Diagnostic>,
) -> Option<TokenStream> {
    let tree = match aliyun_wire::body_value(&ex.body) {
        Ok(tree @ Value::Object(_)) => tree,
        Ok(_) => {
            notes.push(Diagnostic::warning(
                &ex.file,
                ex.line,
                "example-not-tested",
                "response example not turned into a test: it is not an object",
            ));
            return None;
        }
        Err(e) => {
            notes.push(Diagnostic::warning(
                &ex.file,
                ex.line,
                "example-not-tested",
                format!("response example not turned into a test: {e}"),
            ));
            return None;
        }
    };
    let fit = fit::fit(fields, &tree);
    for m in &fit.misses {
        notes.push(Diagnostic::warning(
            &ex.file,
            ex.line,
            "example-value-unplaced",
            format!(
                "response example: `{}` ({} value{}) has no place in the generated types ({}); the example test skips it",
                m.path,
                m.leaves,
                if m.leaves == 1 { "" } else { "s" },
                m.reason
            ),
        ));
    }
    let kind = match ex.format {
        ExampleFormat::Json => "json",
        ExampleFormat::Xml => "xml",
    };
    let test = format!(
        "response_example_{}_{kind}_lands_in_typed_fields",
        index + 1
    );
    let (test, ty, body) = (
        ident(&test),
        ident(response_name),
        Literal::string(&ex.body),
    );
    let excluded = fit.misses.iter().map(|m| Literal::string(&m.path));
    Some(quote! {
        #[test]
        fn #test() {
            let body = #body;
            let response: #ty = ::aliyun_runtime::de::from_body(body)
                .expect("the documented response example deserializes");
            let typed = ::aliyun_runtime::__private::serde_json::to_value(&response)
                .expect("a typed response serializes");
            ::aliyun_runtime::testing::assert_example_kept(body, &typed, &[#(#excluded),*]);
        }
    })
}

/// A documented error response must parse as an error body and map to the API's error enum
/// (a documented code to its own variant).
fn error_example_test(
    error_name: &str,
    api: &Api,
    format: ExampleFormat,
    body: &str,
    index: usize,
) -> TokenStream {
    let content_type = match format {
        ExampleFormat::Json => "application/json",
        ExampleFormat::Xml => "text/xml",
    };
    let test = format!("error_example_{}_maps_to_the_error_enum", index + 1);
    let (test, ty) = (ident(&test), ident(error_name));
    let (content_type, body) = (Literal::string(content_type), Literal::string(body));
    let documented = api.errors.iter().map(|e| Literal::string(&e.code));
    quote! {
        #[test]
        fn #test() {
            let body = ::aliyun_runtime::ErrorBody::parse(::std::option::Option::Some(#content_type), #body.as_bytes())
                .expect("the documented error example is an error body");
            let error = #ty::from_code(&body.code, body.message.as_deref().unwrap_or(""));
            assert_eq!(error.code(), body.code);
            let documented: &[&str] = &[#(#documented),*];
            if documented.contains(&body.code.as_str()) {
                assert!(!matches!(error, #ty::Other { .. } | #ty::Common { .. }), "{error:?}");
            }
        }
    }
}

/// Tests from the doc's valid request examples; examples that cannot be tested are reported
/// in `notes`.
pub fn request_tests(
    api: &Api,
    request_name: &str,
    request: &[Planned<'_>],
    notes: &mut Vec<Diagnostic>,
) -> Vec<TokenStream> {
    let mut tests = Vec::new();
    for (i, ex) in api
        .examples
        .requests
        .iter()
        .enumerate()
        .filter(|(_, e)| e.valid)
    {
        let mut why_partial = Vec::new();
        match request_test(api, request_name, request, ex, i, &mut why_partial) {
            Ok(t) => {
                tests.push(t);
                notes.extend(
                    why_partial.into_iter().map(|why| {
                        Diagnostic::warning(&ex.file, ex.line, "example-breaks-rule", why)
                    }),
                );
            }
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

/// Tests from the doc's valid success response examples (numbered among those that became a
/// test); what cannot be tested is reported in `notes`.
pub fn response_tests(
    api: &Api,
    response_name: &str,
    response: &[Planned<'_>],
    notes: &mut Vec<Diagnostic>,
) -> Vec<TokenStream> {
    let mut tests = Vec::new();
    for ex in api
        .examples
        .responses
        .iter()
        .filter(|r| r.success && r.valid)
    {
        if let Some(t) = response_test(response_name, response, ex, tests.len(), notes) {
            tests.push(t);
        }
    }
    tests
}

/// Tests from the doc's valid error response examples.
pub fn error_tests(api: &Api, error_name: &str) -> Vec<TokenStream> {
    api.examples
        .responses
        .iter()
        .filter(|r| !r.success && r.valid)
        .enumerate()
        .map(|(i, ex)| error_example_test(error_name, api, ex.format, &ex.body, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unflattens_repeat_lists() {
        let v = unflatten(&[("1.Key", "a"), ("1.Value", "b"), ("2.Key", "c")], true);
        assert_eq!(v, serde_json::json!([{"Key":"a","Value":"b"},{"Key":"c"}]));
        let v = unflatten(&[("1", "x"), ("2", "y")], true);
        assert_eq!(v, serde_json::json!(["x", "y"]));
        let v = unflatten(&[("Disk.1.Size", "5"), ("Mode", "m")], false);
        assert_eq!(v, serde_json::json!({"Mode":"m","Disk":[{"Size":"5"}]}));
    }
}
