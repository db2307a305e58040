//! One API → one Rust module: request (struct, builder, validator, query), response types,
//! the error enum, and tests made from the doc's examples.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::naming::{self, ident, TypeNames};
use super::tests as example_tests;
use crate::diagnostics::Diagnostic;
use crate::model::{Api, Field, Rule, Type};

/// Where generated code finds the runtime.
pub fn rt() -> TokenStream {
    quote!(::aliyun_runtime)
}

pub(super) fn serde_crate() -> Literal {
    Literal::string("::aliyun_runtime::__private::serde")
}

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
    used.reserve("Unknown");
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
    /// Request side: string enums become closed Rust enums; response side: open ones.
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
        // Colliding spellings were reported by the parser; the rule lives in naming.rs.
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
                (Type::Array, Some(Type::Object)) => {
                    let name = self.names.allocate(&type_base, parent);
                    let children = self.plan(&f.children, &name, false)?;
                    (Shape::Vec(Box::new(Shape::Struct(name))), children)
                }
                (Type::Array, item) => {
                    let item = item.clone().unwrap_or(Type::String);
                    (
                        Shape::Vec(Box::new(self.scalar_shape(f, &item, &type_base, parent))),
                        Vec::new(),
                    )
                }
                (t, _) => (self.scalar_shape(f, t, &type_base, parent), Vec::new()),
            };
            let required = top && self.request && f.required == Some(true);
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
        let scalar = Scalar::of(ty);
        if scalar == Scalar::String && f.name != "Action" {
            if let Some(values) = enum_values(f) {
                let name = self.names.allocate(type_base, parent);
                return Shape::Enum(name, variants(&values));
            }
        }
        Shape::Scalar(scalar)
    }
}

/// Generated items of one API module.
pub struct ApiModule {
    pub tokens: TokenStream,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn emit_api(api: &Api) -> Result<ApiModule, Diagnostic> {
    let file = api
        .sources
        .first()
        .map(|s| s.file.clone())
        .unwrap_or_default();
    let types = naming::ApiTypes::of(&api.name).ok_or_else(|| {
        Diagnostic::error(
            &file,
            0,
            "unnamable-api",
            format!("API name `{}` cannot be a Rust name", api.name),
        )
    })?;
    let (request_name, builder_name, response_name, error_name) = (
        &types.request,
        &types.builder,
        &types.response,
        &types.error,
    );
    let mut names = TypeNames::default();
    for n in types.all() {
        names.reserve(n);
    }
    let mut planner = Planner {
        names: &mut names,
        file: file.clone(),
        diags: Vec::new(),
        request: true,
    };
    let request = planner.plan(&api.request, request_name, true)?;
    planner.request = false;
    let response = planner.plan(&api.response, response_name, false)?;
    let mut diagnostics = std::mem::take(&mut planner.diags);

    let mut items = Vec::new();
    items.push(super::requests::request_struct(
        api,
        request_name,
        builder_name,
        &request,
    ));
    super::requests::request_types(&request, &mut items);
    items.push(super::validators::validation(
        request_name,
        builder_name,
        &request,
    ));
    super::responses::response_struct(
        response_name,
        &format!("The response of `{}`.", api.name),
        &response,
        &mut items,
    );
    items.push(super::errors::error_enum(api, error_name));
    items.push(api_impl(
        api,
        request_name,
        response_name,
        error_name,
        &request,
    ));
    let (roa, notes) = super::roa::roa_impl(api, request_name, &request, &file);
    diagnostics.extend(notes);
    items.push(roa);
    let (tests, notes) = example_tests::example_tests(api, &types, &request, &response);
    diagnostics.extend(notes);
    items.push(tests);
    let (roa_tests, notes) = super::roa::example_tests(api, request_name, &request);
    diagnostics.extend(notes);
    items.push(roa_tests);

    let summary = docs::sanitize(&api.summary);
    let doc_text = format!(
        "`{}` ({} API version {}).\n\n{}",
        api.name, api.product, api.version, summary
    );
    let doc = docs::Doc::inner(doc_text.trim_end());
    Ok(ApiModule {
        tokens: quote! {
            #doc
            #(#items)*
        },
        diagnostics,
    })
}

// ---------------------------------------------------------------- glue

/// The API's idempotency token: the parameter whose rules say it is unique per request.
pub fn is_idempotency_token(f: &Field) -> bool {
    f.constraints.iter().any(|c| c.rule == Rule::Unique)
}

fn api_impl(
    api: &Api,
    request: &str,
    response: &str,
    error: &str,
    fields: &[Planned<'_>],
) -> TokenStream {
    let token = fields
        .iter()
        .find(|p| p.shape == Shape::Scalar(Scalar::String) && is_idempotency_token(p.field))
        .map(|p| p.field.name.as_str());
    let roa = super::roa::trait_method(api, request);
    let (req, resp, err) = (ident(request), ident(response), ident(error));
    let (action, version, product) = (
        Literal::string(&api.name),
        Literal::string(&api.version),
        Literal::string(&api.product),
    );
    let token = match token {
        Some(t) => {
            let t = Literal::string(t);
            quote!(::std::option::Option::Some(#t))
        }
        None => quote!(::std::option::Option::None),
    };
    quote! {
        impl ::aliyun_runtime::api::Request for #req {
            type Response = #resp;
            type Error = #err;
            const ACTION: &'static str = #action;
            const VERSION: &'static str = #version;
            const PRODUCT: &'static str = #product;
            const CLIENT_TOKEN: ::std::option::Option<&'static str> = #token;

            fn validate(&self) -> ::std::result::Result<(), ::aliyun_runtime::ValidationError> {
                #req::validate(self)
            }

            fn to_query(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
                #req::to_query(self)
            }

            #roa
        }
    }
}
