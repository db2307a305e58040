//! The one-pass decoding (`aliyun_runtime::de::from_body` into `Fields` structs) on the corpus's
//! own response examples, mutated the ways real answers differ from the docs: numbers as text
//! and text as numbers, one-item lists written as objects and objects as lists, lists of values
//! in the XML way (`{"Id": [...]}`), values where objects were documented and the reverse,
//! nulls, empty text, dropped and unknown members; each body as JSON and as XML.
//!
//! The typed side is a struct built at run time from the API's planned response (the shapes
//! the generator gives the fields), decoded through the same slots generated code uses. The
//! answer it must give comes from the value path: the body read by `body_value`, each field
//! decoded by the rules of `aliyun_runtime::de` (`scalar_of`, `scalar_list_of`, …). Decoding
//! never panics, and both sides agree (value by value, both failing alike).

use std::rc::Rc;
use std::sync::OnceLock;

use aliyun_codegen::emit::plan::plan_api;
use aliyun_codegen::emit::plan::shape::{Planned, Scalar as PlanScalar, Shape};
use aliyun_codegen::model::ExampleFormat;
use aliyun_codegen::Config;
use aliyun_codegen_tests::{corpus_available, corpus_dir};
use aliyun_runtime::de::{body_value, from_body, scalar_list_of, scalar_of, Scalar};
use aliyun_runtime::response::{Fields, Slot, StructField};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The shape of a field, as the generator plans it.
#[derive(Debug)]
enum Kind {
    Text,
    I32,
    I64,
    F32,
    F64,
    Bool,
    Json,
    Struct(Rc<Schema>),
    List(Box<Kind>),
}

#[derive(Debug)]
struct Schema {
    names: &'static [&'static str],
    kinds: Vec<Kind>,
}

fn kind_of(shape: &Shape, children: &[Planned<'_>]) -> Kind {
    match shape {
        Shape::Scalar(PlanScalar::String) | Shape::Enum(..) => Kind::Text,
        Shape::Scalar(PlanScalar::I32) => Kind::I32,
        Shape::Scalar(PlanScalar::I64) => Kind::I64,
        Shape::Scalar(PlanScalar::F32) => Kind::F32,
        Shape::Scalar(PlanScalar::F64) => Kind::F64,
        Shape::Scalar(PlanScalar::Bool) => Kind::Bool,
        Shape::Scalar(PlanScalar::Json) => Kind::Json,
        Shape::Struct(_) => Kind::Struct(schema_of(children)),
        Shape::Vec(inner) => Kind::List(Box::new(kind_of(inner, children))),
    }
}

fn schema_of(fields: &[Planned<'_>]) -> Rc<Schema> {
    let names: Vec<&'static str> = fields
        .iter()
        .map(|p| &*Box::leak(p.field.name.clone().into_boxed_str()))
        .collect();
    Rc::new(Schema {
        names: Box::leak(names.into_boxed_slice()),
        kinds: fields
            .iter()
            .map(|p| kind_of(&p.shape, &p.children))
            .collect(),
    })
}

/// A field's value, of the type the generator gives its shape.
#[derive(Debug, Clone, PartialEq)]
enum Held {
    Text(Option<String>),
    I32(Option<i32>),
    I64(Option<i64>),
    F32(Option<f32>),
    F64(Option<f64>),
    Bool(Option<bool>),
    Json(Option<Value>),
    Texts(Vec<String>),
    I32s(Vec<i32>),
    I64s(Vec<i64>),
    F32s(Vec<f32>),
    F64s(Vec<f64>),
    Bools(Vec<bool>),
    Jsons(Vec<Value>),
    Object(Holder),
    Objects(Holder),
}

/// A struct field: its schema, and its value (at most one for an `Option`).
#[derive(Debug, Clone)]
struct Holder {
    schema: Rc<Schema>,
    items: Vec<Dyn>,
    list: bool,
}

impl PartialEq for Holder {
    fn eq(&self, other: &Holder) -> bool {
        self.items == other.items
    }
}

#[derive(Debug, Clone)]
struct Dyn {
    schema: Rc<Schema>,
    held: Vec<Held>,
}

impl PartialEq for Dyn {
    fn eq(&self, other: &Dyn) -> bool {
        self.held == other.held
    }
}

impl Dyn {
    fn new(schema: Rc<Schema>) -> Dyn {
        let held = schema
            .kinds
            .iter()
            .map(|k| match k {
                Kind::Text => Held::Text(None),
                Kind::I32 => Held::I32(None),
                Kind::I64 => Held::I64(None),
                Kind::F32 => Held::F32(None),
                Kind::F64 => Held::F64(None),
                Kind::Bool => Held::Bool(None),
                Kind::Json => Held::Json(None),
                Kind::Struct(s) => Held::Object(Holder {
                    schema: s.clone(),
                    items: Vec::new(),
                    list: false,
                }),
                Kind::List(inner) => match inner.as_ref() {
                    Kind::Struct(s) => Held::Objects(Holder {
                        schema: s.clone(),
                        items: Vec::new(),
                        list: true,
                    }),
                    Kind::I32 => Held::I32s(Vec::new()),
                    Kind::I64 => Held::I64s(Vec::new()),
                    Kind::F32 => Held::F32s(Vec::new()),
                    Kind::F64 => Held::F64s(Vec::new()),
                    Kind::Bool => Held::Bools(Vec::new()),
                    Kind::Json => Held::Jsons(Vec::new()),
                    _ => Held::Texts(Vec::new()),
                },
            })
            .collect();
        Dyn { schema, held }
    }
}

impl Fields for Dyn {
    fn names(&self) -> &'static [&'static str] {
        self.schema.names
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match self.held.get_mut(index) {
            Some(Held::Text(v)) => Slot::Scalar(v),
            Some(Held::I32(v)) => Slot::Scalar(v),
            Some(Held::I64(v)) => Slot::Scalar(v),
            Some(Held::F32(v)) => Slot::Scalar(v),
            Some(Held::F64(v)) => Slot::Scalar(v),
            Some(Held::Bool(v)) => Slot::Scalar(v),
            Some(Held::Json(v)) => Slot::Json(v),
            Some(Held::Texts(v)) => Slot::Scalars(v),
            Some(Held::I32s(v)) => Slot::Scalars(v),
            Some(Held::I64s(v)) => Slot::Scalars(v),
            Some(Held::F32s(v)) => Slot::Scalars(v),
            Some(Held::F64s(v)) => Slot::Scalars(v),
            Some(Held::Bools(v)) => Slot::Scalars(v),
            Some(Held::Jsons(v)) => Slot::JsonList(v),
            Some(Held::Object(h)) => Slot::Object(h),
            Some(Held::Objects(h)) => Slot::Objects(h),
            None => Slot::Skip,
        }
    }
}

/// Generated code uses `Option<S>`/`Vec<S>` of a `Default` struct; a struct of run-time shape
/// implements the same trait by hand, its value-path half through the reference below.
impl StructField for Holder {
    fn fresh(&mut self) -> &mut dyn Fields {
        if !self.list {
            self.items.clear();
        }
        self.items.push(Dyn::new(self.schema.clone()));
        let last = self.items.len() - 1;
        &mut self.items[last]
    }
    fn clear(&mut self) {
        self.items.clear();
    }
    fn put_value(&mut self, value: Value) {
        if !self.list {
            self.items.clear();
        }
        self.items.extend(object_of(&self.schema, value));
    }
    fn set_value(&mut self, value: Value) {
        self.items.clear();
        if self.list {
            self.items = struct_list_of(&self.schema, value);
        } else {
            self.items.extend(object_of(&self.schema, value));
        }
    }
}

// The value path, by the rules of aliyun_runtime::de, field by field.

fn object_of(schema: &Rc<Schema>, value: Value) -> Option<Dyn> {
    match value {
        Value::Object(members) => Some(reference(schema, members)),
        Value::Array(mut items) if items.len() == 1 => {
            items.pop().and_then(|v| object_of(schema, v))
        }
        _ => None,
    }
}

fn struct_list_of(schema: &Rc<Schema>, value: Value) -> Vec<Dyn> {
    match value {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| object_of(schema, v))
            .collect(),
        v @ Value::Object(_) => object_of(schema, v).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn reference(schema: &Rc<Schema>, mut members: Map<String, Value>) -> Dyn {
    let mut out = Dyn::new(schema.clone());
    for (i, name) in schema.names.iter().enumerate() {
        let Some(v) = members.remove(*name) else {
            continue;
        };
        fn list<T: Scalar>(v: Value) -> Vec<T> {
            scalar_list_of(v)
        }
        out.held[i] = match &out.held[i] {
            Held::Text(_) => Held::Text(scalar_of(v)),
            Held::I32(_) => Held::I32(scalar_of(v)),
            Held::I64(_) => Held::I64(scalar_of(v)),
            Held::F32(_) => Held::F32(scalar_of(v)),
            Held::F64(_) => Held::F64(scalar_of(v)),
            Held::Bool(_) => Held::Bool(scalar_of(v)),
            Held::Json(_) => Held::Json(Some(v).filter(|v| !v.is_null())),
            Held::Texts(_) => Held::Texts(list(v)),
            Held::I32s(_) => Held::I32s(list(v)),
            Held::I64s(_) => Held::I64s(list(v)),
            Held::F32s(_) => Held::F32s(list(v)),
            Held::F64s(_) => Held::F64s(list(v)),
            Held::Bools(_) => Held::Bools(list(v)),
            Held::Jsons(_) => Held::Jsons(match v {
                Value::Null => Vec::new(),
                Value::Array(items) => items,
                one => vec![one],
            }),
            Held::Object(h) => {
                let mut h = h.clone();
                h.items = object_of(&h.schema, v).into_iter().collect();
                Held::Object(h)
            }
            Held::Objects(h) => {
                let mut h = h.clone();
                h.items = struct_list_of(&h.schema, v);
                Held::Objects(h)
            }
        };
    }
    out
}

/// What `from_body` is to give for a body: the value path (`Err` when the body is no object).
fn expected(schema: &Rc<Schema>, body: &str) -> Result<Dyn, ()> {
    match body_value(body) {
        Ok(Value::Object(members)) => Ok(reference(schema, members)),
        _ => Err(()),
    }
}

/// One-pass decoding of a `Dyn` (what a generated `Deserialize` does: `deserialize_fields`).
struct Decoded(Dyn);

thread_local! {
    static SCHEMA: std::cell::RefCell<Option<Rc<Schema>>> = const { std::cell::RefCell::new(None) };
}

impl Default for Decoded {
    fn default() -> Decoded {
        let schema = SCHEMA
            .with(|s| s.borrow().clone())
            .expect("a schema is set");
        Decoded(Dyn::new(schema))
    }
}

impl Fields for Decoded {
    fn names(&self) -> &'static [&'static str] {
        self.0.names()
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        self.0.slot(index)
    }
}

impl<'de> aliyun_runtime::__private::serde::Deserialize<'de> for Decoded {
    fn deserialize<D: aliyun_runtime::__private::serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Self, D::Error> {
        aliyun_runtime::response::deserialize_fields(d)
    }
}

fn decoded(schema: &Rc<Schema>, body: &str) -> Result<Dyn, ()> {
    SCHEMA.with(|s| *s.borrow_mut() = Some(schema.clone()));
    from_body::<Decoded>(body).map(|d| d.0).map_err(|_| ())
}

/// Every planned API of the corpus with a valid JSON success example: (name, schema, example).
fn examples() -> &'static Vec<(String, Vec<Planned<'static>>, Value)> {
    static EXAMPLES: OnceLock<Vec<(String, Vec<Planned<'static>>, Value)>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let mut out = Vec::new();
        let mut folders: Vec<_> = std::fs::read_dir(corpus_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        for folder in folders {
            let Ok(loaded) = Config::new().load_dirs(&[folder.as_path()]) else {
                continue;
            };
            let apis: &'static [aliyun_codegen::Api] = Box::leak(loaded.apis.into_boxed_slice());
            for api in apis {
                let Ok(plan) = plan_api(api) else { continue };
                for ex in &api.examples.responses {
                    if !(ex.success && ex.valid && ex.format == ExampleFormat::Json) {
                        continue;
                    }
                    if let Ok(v @ Value::Object(_)) = body_value(&ex.body) {
                        out.push((api.name.clone(), plan.response.clone(), v));
                    }
                }
            }
        }
        out
    })
}

/// A small deterministic generator of choices.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides.max(1)
    }
}

/// The example with some of its values changed the ways real answers differ from the docs.
fn mutate(value: &Value, dice: &mut Dice) -> Value {
    let changed = match value {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                if dice.roll(12) != 0 {
                    out.insert(k.clone(), mutate(v, dice));
                }
            }
            if dice.roll(10) == 0 {
                out.insert("Unknown".to_string(), json!({"A": [1]}));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| mutate(v, dice)).collect()),
        other => other.clone(),
    };
    match (dice.roll(8), changed) {
        (0, Value::Number(n)) => Value::String(n.to_string()),
        (0, Value::String(s)) => match s.trim().parse::<i64>() {
            Ok(n) => json!(n),
            Err(_) if dice.roll(2) == 0 => json!("many"),
            Err(_) => Value::String(s),
        },
        (0, Value::Array(mut items)) if items.len() == 1 => items.pop().unwrap_or_default(),
        (0, Value::Array(items)) => json!({ "Item": items }),
        (0, object @ Value::Object(_)) => json!([object]),
        (1, Value::Object(_)) => {
            [json!(""), json!("text"), json!(5)][dice.roll(3) as usize].clone()
        }
        (1, leaf) if !leaf.is_array() => json!({ "Value": leaf, "Unit": "x" }),
        (2, v) if !v.is_null() => {
            [Value::Null, json!(""), json!([]), json!({})][dice.roll(4) as usize].clone()
        }
        (_, v) => v,
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A value as XML: members as child elements, lists as repeated elements.
fn xml(name: &str, value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| xml(name, item, out)),
        Value::Object(members) => {
            out.push_str(&format!("<{name}>"));
            members.iter().for_each(|(k, v)| xml(k, v, out));
            out.push_str(&format!("</{name}>"));
        }
        Value::Null => out.push_str(&format!("<{name}/>")),
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

fn check(case: usize, seed: u64) -> Result<(), TestCaseError> {
    let all = examples();
    if all.is_empty() {
        return Ok(());
    }
    let (api, planned, example) = &all[case % all.len()];
    let schema = schema_of(planned);
    let body = mutate(example, &mut Dice(seed | 1));
    let json_body = body.to_string();
    let mut xml_body = String::new();
    xml(&format!("{api}Response"), &body, &mut xml_body);
    for text in [json_body, xml_body] {
        let got = decoded(&schema, &text);
        let want = expected(&schema, &text);
        prop_assert_eq!(got, want, "{}: {}", api, text);
    }
    Ok(())
}

#[test]
fn corpus_examples_decode_unchanged_in_one_pass() {
    if !corpus_available("corpus_examples_decode_unchanged_in_one_pass") {
        return;
    }
    let all = examples();
    assert!(all.len() > 100, "only {} examples", all.len());
    for (i, (api, planned, example)) in all.iter().enumerate() {
        let schema = schema_of(planned);
        let text = example.to_string();
        assert_eq!(
            decoded(&schema, &text),
            expected(&schema, &text),
            "{api} #{i}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_corpus_examples_decode_as_the_value_path_does(case in any::<usize>(), seed in any::<u64>()) {
        check(case, seed)?;
    }
}
