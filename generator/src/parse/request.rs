//! Step 4a: the request tree. Dotted names nest by path (`Tag.N.Key`); plain rows after a
//! container nest only where the request example's JSON value shows it. Then each container's
//! wire form is decided ([`super::wire`]).

use serde_json::Value;

use super::sink::Sink;
use super::tree::{self, Row};
use super::wire;
use crate::model::{Field, RequestExample};

/// The first request example as one JSON object: JSON-valued parameters parsed, others text.
fn example_json(examples: &[RequestExample]) -> Option<Value> {
    let first = examples.first()?;
    let mut m = serde_json::Map::new();
    for p in &first.params {
        let v = serde_json::from_str::<Value>(&p.value)
            .ok()
            .filter(|v| v.is_object() || v.is_array());
        m.insert(
            p.name.clone(),
            v.unwrap_or_else(|| Value::String(p.value.clone())),
        );
    }
    Some(Value::Object(m))
}

pub fn build(rows: &mut [Row], examples: &[RequestExample], sink: &mut Sink) -> Vec<Field> {
    // Request nesting is by name; `└` markers there are not trusted.
    for r in rows.iter_mut() {
        r.marker = None;
    }
    let (mut request, notes) = tree::build_request(rows, example_json(examples));
    sink.notes(notes);
    wire::decide(&mut request, rows, examples, sink);
    request
}
