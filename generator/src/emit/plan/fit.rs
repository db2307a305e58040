//! Where each value of a response example lands in the generated types.
//!
//! Walks an example (read by `aliyun_wire::body_value`, which generated code calls as
//! `aliyun_runtime::de::body_value`, so JSON and XML look exactly as they do to the decoder)
//! against the planned response fields, following the rules of the runtime's lenient decoding.
//! A leaf with no place (a member the table does not list, text where a number was documented,
//! an object where a value was) is a [`Miss`]: the generator reports it and the example test
//! skips exactly that path; every other leaf is asserted by the test.

use aliyun_wire::{is_scalar_like, Scalar as WireScalar};
use serde_json::{Map, Value};

use super::shape::{Planned, Scalar, Shape};

/// A path of the example that has no place in the generated types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    /// `Items.Item[2].Size`: wire names, `[i]` for list items.
    pub path: String,
    /// Scalars under the path.
    pub leaves: usize,
    pub reason: String,
}

/// How one example fits: its scalars, and what has no place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fit {
    pub leaves: usize,
    pub misses: Vec<Miss>,
}

impl Fit {
    /// Scalars that land in a typed field.
    pub fn kept(&self) -> usize {
        self.leaves - self.misses.iter().map(|m| m.leaves).sum::<usize>()
    }
}

/// Fits an example body (already read into a value) to the response fields.
pub fn fit(fields: &[Planned<'_>], body: &Value) -> Fit {
    let mut fit = Fit {
        leaves: leaves(body),
        misses: Vec::new(),
    };
    match body {
        Value::Object(m) => object(fields, m, "", &mut fit),
        other => miss(&mut fit, "", other, "the example is not an object"),
    }
    fit
}

fn leaves(v: &Value) -> usize {
    match v {
        Value::Null => 0,
        Value::Object(m) => m.values().map(leaves).sum(),
        Value::Array(items) => items.iter().map(leaves).sum(),
        _ => 1,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn miss(fit: &mut Fit, path: &str, v: &Value, reason: &str) {
    fit.misses.push(Miss {
        path: path.to_string(),
        leaves: leaves(v),
        reason: reason.to_string(),
    });
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "an object",
        Value::Array(_) => "a list",
        _ => "a value",
    }
}

fn object(fields: &[Planned<'_>], m: &Map<String, Value>, path: &str, fit: &mut Fit) {
    for (k, v) in m {
        let at = join(path, k);
        match fields.iter().find(|p| p.field.name == *k) {
            Some(p) => value(p, v, &at, fit),
            None if k == "$text" => miss(fit, &at, v, "text beside child elements"),
            None => miss(fit, &at, v, "not in the response table"),
        }
    }
}

fn value(p: &Planned<'_>, v: &Value, path: &str, fit: &mut Fit) {
    match &p.shape {
        Shape::Scalar(Scalar::Json) => {}
        Shape::Scalar(s) => scalar(Some(*s), v, path, fit),
        Shape::Enum(..) => scalar(None, v, path, fit),
        Shape::Struct(_) => strukt(&p.children, v, path, fit),
        Shape::Vec(inner) => match inner.as_ref() {
            Shape::Struct(_) => struct_list(&p.children, v, path, fit),
            Shape::Scalar(Scalar::Json) => {}
            Shape::Scalar(s) => scalar_list(Some(*s), v, path, fit),
            _ => scalar_list(None, v, path, fit),
        },
    }
}

/// Whether the runtime reads this text as the scalar (`None`: any text, an enum).
fn parses(s: Option<Scalar>, text: &str) -> bool {
    match s {
        Some(Scalar::I32) => i32::from_wire(text).is_ok(),
        Some(Scalar::I64) => i64::from_wire(text).is_ok(),
        Some(Scalar::F32) => f32::from_wire(text).is_ok(),
        Some(Scalar::F64) => f64::from_wire(text).is_ok(),
        Some(Scalar::Bool) => bool::from_wire(text).is_ok(),
        _ => true,
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn type_name(s: Option<Scalar>) -> &'static str {
    match s {
        Some(Scalar::I32) => "an Integer",
        Some(Scalar::I64) => "a Long",
        Some(Scalar::F32 | Scalar::F64) => "a number",
        Some(Scalar::Bool) => "a Boolean",
        _ => "a value",
    }
}

fn scalar(s: Option<Scalar>, v: &Value, path: &str, fit: &mut Fit) {
    match v {
        Value::Null => {}
        Value::Array(items) if items.is_empty() => {}
        Value::Array(items) if items.len() == 1 => scalar(s, &items[0], &format!("{path}[0]"), fit),
        Value::Object(m) if m.contains_key("$text") => {
            for (k, x) in m {
                if k == "$text" {
                    scalar(s, x, path, fit);
                } else {
                    miss(fit, &join(path, k), x, "an XML attribute");
                }
            }
        }
        Value::Object(m) if m.is_empty() => {}
        Value::Object(_) | Value::Array(_) => {
            let why = format!(
                "documented as {}, the example has {}",
                type_name(s),
                kind(v)
            );
            miss(fit, path, v, &why);
        }
        leaf => {
            let t = text(leaf).unwrap_or_default();
            // An empty text is "no value" for the decoder and for the test.
            if !t.trim().is_empty() && !parses(s, &t) {
                let why = format!("documented as {}, the example has `{t}`", type_name(s));
                miss(fit, path, v, &why);
            }
        }
    }
}

/// Whether the decoder turns this value into an object (`de::object_of`).
fn is_objectish(v: &Value) -> bool {
    match v {
        Value::Object(_) => true,
        Value::Array(items) => items.len() == 1 && is_objectish(&items[0]),
        _ => false,
    }
}

fn strukt(children: &[Planned<'_>], v: &Value, path: &str, fit: &mut Fit) {
    match v {
        Value::Object(m) => object(children, m, path, fit),
        Value::Array(items) if items.len() == 1 => {
            strukt(children, &items[0], &format!("{path}[0]"), fit)
        }
        Value::Null => {}
        Value::Array(items) if items.is_empty() => {}
        Value::String(s) if s.is_empty() => {}
        other => {
            let why = format!("documented as an object, the example has {}", kind(other));
            miss(fit, path, other, &why);
        }
    }
}

fn struct_list(children: &[Planned<'_>], v: &Value, path: &str, fit: &mut Fit) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if is_objectish(item) {
                    strukt(children, item, &at, fit);
                } else {
                    // The decoder drops the item, so the test must skip it too.
                    miss(fit, &at, item, "a list item that is not an object");
                }
            }
        }
        Value::Object(m) => object(children, m, path, fit),
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        other => miss(
            fit,
            path,
            other,
            "documented as a list of objects, the example has a value",
        ),
    }
}

/// `{"Id": ["a", "b"]}`: the XML way of writing a list of values (`de::scalar_list_of`).
fn is_wrapper(m: &Map<String, Value>) -> bool {
    m.len() == 1
        && !m.contains_key("$text")
        && m.values()
            .all(|v| !v.is_null() && (is_scalar_like(v) || v.is_array()))
}

/// Whether the decoder keeps this list item (`de::scalar_list_of`).
fn item_kept(s: Option<Scalar>, item: &Value) -> bool {
    let item = match item {
        Value::Object(m) => match m.get("$text") {
            Some(t) => t,
            None => return false,
        },
        other => other,
    };
    match item {
        Value::Null | Value::Array(_) | Value::Object(_) => false,
        leaf => parses(s, &text(leaf).unwrap_or_default()),
    }
}

fn scalar_list(s: Option<Scalar>, v: &Value, path: &str, fit: &mut Fit) {
    match v {
        Value::Null => {}
        Value::String(t) if t.is_empty() => {}
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if item_kept(s, item) {
                    scalar(s, item, &at, fit);
                } else {
                    let why = format!("a list item that is not {}", type_name(s));
                    miss(fit, &at, item, &why);
                }
            }
        }
        Value::Object(m) if is_wrapper(m) => {
            for (k, inner) in m {
                scalar_list(s, inner, &join(path, k), fit);
            }
        }
        Value::Object(m) if m.contains_key("$text") => scalar(s, v, path, fit),
        Value::Object(m) if m.is_empty() => {}
        Value::Object(_) => miss(
            fit,
            path,
            v,
            "documented as a list of values, the example has an object",
        ),
        leaf => scalar(s, leaf, path, fit),
    }
}

/// How each valid success response example of an API fits its generated response types, as
/// `(file, line, fit)`; empty when the response cannot be planned (a name collision).
pub fn api_fits(api: &crate::model::Api) -> Vec<(String, usize, Fit)> {
    let Ok(plan) = super::plan_api(api) else {
        return Vec::new();
    };
    api.examples
        .responses
        .iter()
        .filter(|r| r.success && r.valid)
        .filter_map(|r| {
            let body = aliyun_wire::body_value(&r.body).ok()?;
            Some((r.file.clone(), r.line, fit(&plan.response, &body)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::plan::shape::Planner;
    use crate::model::Field;
    use crate::naming::TypeNames;

    fn fields() -> Vec<Field> {
        let f = |name: &str, ty: &str, item: Option<&str>, children: Vec<serde_json::Value>| {
            serde_json::json!({"name": name, "type": ty, "raw_type": ty, "item_type": item,
                               "description": "", "line": 1, "children": children})
        };
        let item = f(
            "Item",
            "Array",
            Some("Object"),
            vec![f("Id", "String", None, vec![])],
        );
        serde_json::from_value(serde_json::json!([
            f("Total", "Integer", None, vec![]),
            f("Items", "Object", None, vec![item]),
            f("Ids", "Array", Some("Long"), vec![]),
        ]))
        .expect("IR fields")
    }

    #[test]
    fn misses_follow_the_decoders_rules() {
        let fields = fields();
        let mut names = TypeNames::default();
        let mut planner = Planner {
            names: &mut names,
            file: String::new(),
            diags: Vec::new(),
            request: false,
        };
        let planned = planner.plan(&fields, "R", false).expect("plans");
        let example = serde_json::json!({
            "Total": "x",
            "Items": {"Item": [{"Id": "a", "Zone": "z"}, "oops", [{"Id": "b"}]]},
            "Ids": {"Id": ["1", "two"]},
            "Other": {"A": 1, "B": [2, 3]}
        });
        let fit = fit(&planned, &example);
        let misses: Vec<(&str, usize)> = fit
            .misses
            .iter()
            .map(|m| (m.path.as_str(), m.leaves))
            .collect();
        assert_eq!(
            misses,
            [
                ("Ids.Id[1]", 1),
                ("Items.Item[0].Zone", 1),
                ("Items.Item[1]", 1),
                ("Other", 3),
                ("Total", 1)
            ]
        );
        // Id a, Id b (a one-item list stands for its item) and Ids 1 are kept.
        assert_eq!((fit.leaves, fit.kept()), (10, 3));
    }
}
