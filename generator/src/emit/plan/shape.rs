//! The Rust shape of each field: which scalar, generated enum, struct or list it becomes, the
//! names of the generated types, and the API-level facts the emitters share (the idempotency
//! token, the rules that hold for each item of a list).

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostics::Diagnostic;
use crate::model::{Constraint, Field, Rule, Type, WireStyle};
use crate::naming::{self, ident, TypeNames};
use crate::rules::Format;

/// A Rust scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    String,
    I32,
    I64,
    F32,
    F64,
    Bool,
    Json,
}

impl Scalar {
    pub fn of(ty: &Type) -> Scalar {
        match ty {
            Type::Integer => Scalar::I32,
            Type::Long => Scalar::I64,
            Type::Float => Scalar::F32,
            Type::Double => Scalar::F64,
            Type::Boolean => Scalar::Bool,
            Type::Json | Type::Map => Scalar::Json,
            _ => Scalar::String,
        }
    }

    pub fn tokens(self) -> TokenStream {
        match self {
            Scalar::String => quote!(::std::string::String),
            Scalar::I32 => quote!(i32),
            Scalar::I64 => quote!(i64),
            Scalar::F32 => quote!(f32),
            Scalar::F64 => quote!(f64),
            Scalar::Bool => quote!(bool),
            Scalar::Json => quote!(::aliyun_runtime::__private::serde_json::Value),
        }
    }

    /// What kind of value the rules of a field of this scalar judge ([`crate::rules`]).
    pub fn kind(self) -> crate::rules::Kind {
        match self {
            Scalar::String => crate::rules::Kind::Text,
            Scalar::Bool => crate::rules::Kind::Bool,
            Scalar::Json => crate::rules::Kind::Json,
            _ => crate::rules::Kind::Number,
        }
    }

    pub(crate) fn is_numeric(self) -> bool {
        matches!(self, Scalar::I32 | Scalar::I64 | Scalar::F32 | Scalar::F64)
    }
}

/// The Rust shape of one field's value (or one array item).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Scalar(Scalar),
    /// A generated enum: type name and (value, variant) pairs.
    Enum(String, Vec<(String, String)>),
    Struct(String),
    Vec(Box<Shape>),
}

impl Shape {
    pub fn tokens(&self) -> TokenStream {
        match self {
            Shape::Scalar(s) => s.tokens(),
            Shape::Enum(name, _) | Shape::Struct(name) => {
                let n = ident(name);
                quote!(#n)
            }
            Shape::Vec(inner) => {
                let t = inner.tokens();
                quote!(::std::vec::Vec<#t>)
            }
        }
    }
}

/// A planned field: names and shape decided.
#[derive(Debug, Clone)]
pub struct Planned<'a> {
    pub field: &'a Field,
    pub ident: String,
    pub shape: Shape,
    /// Members of the struct this field holds (directly or as array items).
    pub children: Vec<Planned<'a>>,
    /// Whether the generated struct stores it without `Option` (required top-level fields).
    pub required: bool,
}

fn enum_values(f: &Field) -> Option<Vec<String>> {
    f.constraints.iter().find_map(|c| match &c.rule {
        Rule::Enum { values } if !values.is_empty() => {
            Some(values.iter().map(|v| v.value.clone()).collect())
        }
        _ => None,
    })
}

fn variants(values: &[String]) -> Vec<(String, String)> {
    let mut used = TypeNames::default();
    used.reserve("Unlisted");
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let base = naming::camel(v).unwrap_or_else(|| format!("Value{}", i + 1));
            (v.clone(), used.allocate(&base, "V"))
        })
        .collect()
}

/// Plans the fields of one struct level.
pub struct Planner<'n> {
    pub names: &'n mut TypeNames,
    pub file: String,
    pub diags: Vec<Diagnostic>,
    /// Request side (required fields, builders) or response side.
    pub request: bool,
}

impl Planner<'_> {
    pub fn plan<'a>(
        &mut self,
        fields: &'a [Field],
        parent: &str,
        top: bool,
    ) -> Result<Vec<Planned<'a>>, Diagnostic> {
        let mut out: Vec<Planned<'a>> = Vec::new();
        // Colliding spellings were reported by the parser; the rule lives in crate::naming.
        let wires: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        let idents = naming::field_idents(&wires);
        for (f, id) in fields.iter().zip(idents) {
            let Some(id) = id else {
                self.diags.push(Diagnostic::warning(
                    &self.file,
                    f.line,
                    "unnamable-field",
                    format!(
                        "`{}` has no ASCII letters to name a Rust field; skipped",
                        f.name
                    ),
                ));
                continue;
            };
            let type_base = naming::camel(&f.name).unwrap_or_else(|| "Item".to_string());
            let (shape, children) = match (&f.ty, &f.item_type) {
                // A container whose members the doc does not list would be an empty struct that
                // can neither send nor keep anything: it is a JSON value (items) instead.
                (Type::Object, _) if f.children.is_empty() => {
                    (Shape::Scalar(Scalar::Json), Vec::new())
                }
                (Type::Array, Some(Type::Object)) if f.children.is_empty() => (
                    Shape::Vec(Box::new(Shape::Scalar(Scalar::Json))),
                    Vec::new(),
                ),
                (Type::Object, _) => {
                    let name = self.names.allocate(&type_base, parent);
                    let children = self.plan(&f.children, &name, false)?;
                    (Shape::Struct(name), children)
                }
                // A list's item type is named by its item (`AppInfoList` of `Array of
                // AppInfo` holds `AppInfo`s), not after the list.
                (Type::Array, Some(Type::Object)) => {
                    let name = self.names.allocate(&item_base(f), parent);
                    let children = self.plan(&f.children, &name, false)?;
                    (Shape::Vec(Box::new(Shape::Struct(name))), children)
                }
                (Type::Array, item) => {
                    let item = item.clone().unwrap_or(Type::String);
                    (
                        Shape::Vec(Box::new(self.scalar_shape(f, &item, &item_base(f), parent))),
                        Vec::new(),
                    )
                }
                (t, _) => (self.scalar_shape(f, t, &type_base, parent), Vec::new()),
            };
            // A required idempotency token is filled by the client when unset (a fresh one
            // per call), so the caller need not give one.
            let filled_by_client =
                is_idempotency_token(f) && shape == Shape::Scalar(Scalar::String);
            let required = top && self.request && f.required == Some(true) && !filled_by_client;
            out.push(Planned {
                field: f,
                ident: id,
                shape,
                children,
                required,
            });
        }
        Ok(out)
    }

    fn scalar_shape(&mut self, f: &Field, ty: &Type, type_base: &str, parent: &str) -> Shape {
        match enum_values(f) {
            Some(values) if is_enum(f) => {
                let name = self.names.allocate(type_base, parent);
                Shape::Enum(name, variants(&values))
            }
            _ => Shape::Scalar(Scalar::of(ty)),
        }
    }
}

/// The type name base of one item of the list `f` ([`naming::list_item`]).
fn item_base(f: &Field) -> String {
    naming::list_item(&f.name, &f.raw_type).unwrap_or_else(|| "Item".to_string())
}

/// Whether the planner makes the values of `f` (or the items of its list) a generated enum:
/// text with documented values. `Action`, the API's own name on the wire, stays text.
pub fn is_enum(f: &Field) -> bool {
    let value_type = match (&f.ty, &f.item_type) {
        (Type::Object, _) | (Type::Array, Some(Type::Object)) => return false,
        (Type::Array, item) => item.as_ref().unwrap_or(&Type::String),
        (ty, _) => ty,
    };
    Scalar::of(value_type) == Scalar::String && f.name != "Action" && enum_values(f).is_some()
}

/// The API's idempotency token: the parameter whose rules say it is unique per request.
pub fn is_idempotency_token(f: &Field) -> bool {
    f.constraints.iter().any(|c| c.rule == Rule::Unique)
}

/// The wire name of the top-level text parameter the client fills with a fresh token when it is
/// unset.
pub fn idempotency_token<'a>(request: &[Planned<'a>]) -> Option<&'a str> {
    request
        .iter()
        .find(|p| p.shape == Shape::Scalar(Scalar::String) && is_idempotency_token(p.field))
        .map(|p| p.field.name.as_str())
}

/// The rules that hold for each item of a list. A JSON-wire list's `json` format describes the
/// one document the SDK writes itself (always JSON), not its items.
pub fn item_rules(field: &Field) -> Vec<Constraint> {
    let json_wire = field.wire == Some(WireStyle::Json);
    field
        .constraints
        .iter()
        .filter(|c| !(json_wire && matches!(&c.rule, Rule::Format { name, .. } if Format::from_name(name) == Some(Format::Json))))
        .cloned()
        .collect()
}
