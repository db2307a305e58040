//! One API → one Rust module: request (struct, builder, validator, query), response types,
//! the error enum, and tests made from the doc's examples.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::naming::{self, ident, TypeNames};
use super::outline::{self, Place, Run, Slot, SlotTokens};
use super::tests as example_tests;
use crate::diagnostics::Diagnostic;
use crate::model::{Api, Field, Rule, Type, WireStyle};

/// Where generated code finds the runtime.
pub fn rt() -> TokenStream {
    quote!(::aliyun_runtime)
}

fn serde_crate() -> Literal {
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
    /// The generated type this shape names (itself or as array items).
    fn type_name(&self) -> Option<&str> {
        match self {
            Shape::Scalar(_) => None,
            Shape::Enum(name, _) | Shape::Struct(name) => Some(name),
            Shape::Vec(inner) => inner.type_name(),
        }
    }

    /// [`Shape::tokens`] with `name` (a stand-in, see [`super::outline::Slot`]) for the
    /// generated type's name.
    fn tokens_named(&self, name: Option<&SlotTokens>) -> TokenStream {
        match (self, name) {
            (Shape::Enum(..) | Shape::Struct(_), Some(name)) => quote!(#name),
            (Shape::Vec(inner), _) => {
                let t = inner.tokens_named(name);
                quote!(::std::vec::Vec<#t>)
            }
            _ => self.tokens(),
        }
    }

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
    items.push(request_struct(api, request_name, builder_name, &request));
    request_types(&request, &mut items);
    items.push(super::validators::validation(
        request_name,
        builder_name,
        &request,
    ));
    response_struct(
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

// ---------------------------------------------------------------- requests

/// The accessor of a field as `Option<&T>`.
#[derive(Clone, Copy)]
pub(super) enum Access {
    /// On the finished struct: required fields are stored bare.
    Struct,
    /// On a builder or nested struct: every field is an `Option` (or a `Vec`).
    Optional,
}

/// Query writing of one struct level (`prefix` is `""` or `Tag.1.`): one runtime call per
/// field, which joins prefix and wire name (no `format!` per field).
fn struct_query(fields: &[Planned<'_>], how: Access) -> outline::Finished {
    let mut run = Run::new(Place::Stmt(2));
    for p in fields {
        let json =
            p.field.wire == Some(WireStyle::Json) || matches!(p.shape, Shape::Scalar(Scalar::Json));
        let write = match (&p.shape, json) {
            (Shape::Scalar(Scalar::Json), _) => "field",
            (_, true) => "field_json",
            (Shape::Scalar(_) | Shape::Enum(..), false) => "field",
            (Shape::Struct(_), false) => "member",
            (Shape::Vec(inner), false) => match inner.as_ref() {
                Shape::Struct(_) => "items",
                _ => "field_list",
            },
        };
        let bare = p.required && matches!(how, Access::Struct) && !matches!(p.shape, Shape::Vec(_));
        let access = match (&p.shape, how, p.required) {
            _ if bare => "bare",
            (Shape::Vec(_), Access::Struct, _) => "vec_struct",
            (Shape::Vec(_), Access::Optional, _) => "vec_optional",
            (_, Access::Struct, true) => "required",
            _ => "optional",
        };
        let key = format!("query:{write}:{access}");
        let slots = [Slot::Ident(&p.ident), Slot::Str(&p.field.name)];
        run.unit(&key, None, &slots, |s| {
            let (id, wire) = (&s[0], &s[1]);
            let write = match write {
                "field_json" => quote!(q.field_json(prefix, #wire, x);),
                "member" => {
                    quote!(x.write_query(&::aliyun_runtime::query::member_prefix(prefix, #wire), q);)
                }
                "items" => quote! {
                    for (i, item) in x.iter().enumerate() {
                        item.write_query(&::aliyun_runtime::query::item_prefix(prefix, #wire, i), q);
                    }
                },
                "field_list" => quote!(q.field_list(prefix, #wire, x);),
                _ => quote!(q.field(prefix, #wire, x);),
            };
            let acc = match access {
                "bare" => return quote!({ let x = &self.#id; #write }),
                "vec_struct" => {
                    quote!(::std::option::Option::Some(&self.#id).filter(|v| !v.is_empty()))
                }
                "vec_optional" => quote!(self.#id.as_ref().filter(|v| !v.is_empty())),
                "required" => quote!(::std::option::Option::Some(&self.#id)),
                _ => quote!(self.#id.as_ref()),
            };
            quote!(if let ::std::option::Option::Some(x) = #acc { #write })
        });
    }
    run.finish()
}

/// Slots of a unit about field `p`: its identifier, its wire name, then its type's name when
/// it names a generated type (see [`Shape::tokens_named`]).
fn field_slots<'a>(p: &'a Planned<'_>) -> Vec<Slot<'a>> {
    let mut slots = vec![Slot::Ident(&p.ident), Slot::Str(&p.field.name)];
    slots.extend(p.shape.type_name().map(Slot::Ident));
    slots
}

/// The field's type from the slots of [`field_slots`].
fn slot_type(p: &Planned<'_>, s: &[SlotTokens]) -> TokenStream {
    p.shape.tokens_named(s.get(2))
}

/// What determines the printed form of [`Shape::tokens_named`] but the type's name.
fn shape_form(shape: &Shape) -> String {
    match shape {
        Shape::Scalar(s) => format!("{s:?}"),
        Shape::Enum(..) | Shape::Struct(_) => "named".into(),
        Shape::Vec(inner) => format!("Vec<{}>", shape_form(inner)),
    }
}

fn field_decl(run: &mut Run, p: &Planned<'_>, request: bool) {
    let doc = docs::field_doc(p.field, if request { p.field.required } else { None });
    let doc = docs::Doc::outer(doc);
    let form = match (&p.shape, p.required) {
        (Shape::Vec(_), _) => "vec",
        (_, true) => "required",
        _ => "optional",
    };
    let key = format!("field_decl:{form}:{}", shape_form(&p.shape));
    run.unit(&key, Some(&doc), &field_slots(p), |s| {
        let (id, wire, ty) = (&s[0], &s[1], slot_type(p, s));
        match form {
            "vec" => quote! {
                #[serde(rename = #wire, skip_serializing_if = "::std::vec::Vec::is_empty")]
                pub #id: #ty,
            },
            "required" => quote! {
                #[serde(rename = #wire)]
                pub #id: #ty,
            },
            _ => quote! {
                #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")]
                pub #id: ::std::option::Option<#ty>,
            },
        }
    });
}

/// The setters of `fields`, one each: `impl Into<T>` argument, stored as `Some(value)` in the
/// field of the same name (printed once per shape and name widths, see [`Run`]).
fn setters(fields: &[Planned<'_>]) -> outline::Finished {
    let mut run = Run::new(Place::Impl);
    for p in fields {
        let doc = docs::field_doc(p.field, p.field.required);
        let doc = docs::Doc::outer(doc);
        let key = format!("setter:{}", shape_form(&p.shape));
        let mut slots = vec![Slot::Ident(&p.ident)];
        slots.extend(p.shape.type_name().map(Slot::Ident));
        run.unit(&key, Some(&doc), &slots, |s| {
            setter_item(&p.shape, &s[0], s.get(1))
        });
    }
    run.finish()
}

fn setter_item(shape: &Shape, id: &SlotTokens, type_name: Option<&SlotTokens>) -> TokenStream {
    match shape {
        Shape::Vec(inner) => {
            let item = inner.tokens_named(type_name);
            quote! {
                pub fn #id<I, V>(mut self, values: I) -> Self
                where
                    I: ::std::iter::IntoIterator<Item = V>,
                    V: ::std::convert::Into<#item>,
                {
                    self.#id = ::std::option::Option::Some(values.into_iter().map(::std::convert::Into::into).collect());
                    self
                }
            }
        }
        other => {
            let ty = other.tokens_named(type_name);
            quote! {
                pub fn #id(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
                    self.#id = ::std::option::Option::Some(value.into());
                    self
                }
            }
        }
    }
}

// In the generated methods `let _ = (&prefix, &v);` keeps structs without rules (or without
// fields) free of unused-variable warnings without an `#[allow]` on user-facing code.
fn request_struct(api: &Api, name: &str, builder: &str, fields: &[Planned<'_>]) -> TokenStream {
    let serde_crate = serde_crate();
    let mut decls = Run::new(Place::Field(1));
    for p in fields {
        field_decl(&mut decls, p, true);
    }
    let decls = decls.finish();
    let doc = format!(
        "The parameters of `{}`.\n\nBuild it with [`{name}::builder`]; `build()` checks every documented rule and reports all violations at once.",
        api.name
    );
    let doc = docs::Doc::outer(doc);
    let query = struct_query(fields, Access::Struct);
    let mut builder_fields = Run::new(Place::Field(1));
    for p in fields {
        let key = format!("builder_field:{}", shape_form(&p.shape));
        let mut slots = vec![Slot::Ident(&p.ident)];
        slots.extend(p.shape.type_name().map(Slot::Ident));
        builder_fields.unit(&key, None, &slots, |s| {
            let (id, ty) = (&s[0], p.shape.tokens_named(s.get(1)));
            quote!(#id: ::std::option::Option<#ty>,)
        });
    }
    let builder_fields = builder_fields.finish();
    let setters = setters(fields);
    // Moving values out of the builder once every required field is known to be present.
    let required: Vec<&Planned<'_>> = fields.iter().filter(|p| p.required).collect();
    // The struct expression's fields: units when it is sure to break (see
    // [`Place::FieldValue`]): in the arm of the `match` (depth 5) or as the tail (depth 3).
    let assign_form = |p: &Planned<'_>| match (&p.shape, p.required) {
        (_, true) => ("moved", p.ident.len()),
        (Shape::Vec(_), false) => ("or_default", 2 * p.ident.len() + 26),
        _ => ("copied", 2 * p.ident.len() + 7),
    };
    let one_line: usize = fields.iter().map(|p| assign_form(p).1 + 2).sum();
    let depth = if required.is_empty() { 3 } else { 5 };
    let mut assign = match one_line > 40 {
        true => Run::field_values(depth, fields.len()),
        false => Run::new(Place::Top).plain_only(),
    };
    for p in fields {
        let (form, _) = assign_form(p);
        assign.unit(form, None, &[Slot::Ident(&p.ident)], |s| {
            let id = &s[0];
            match form {
                "moved" => quote!(#id,),
                "or_default" => quote!(#id: self.#id.unwrap_or_default(),),
                _ => quote!(#id: self.#id,),
            }
        });
    }
    let assign = assign.finish();
    let builder_doc = format!("Builder of [`{name}`].");
    let builder_doc = docs::Doc::outer(builder_doc);
    // The struct, its impl and the builder struct: fixed text but for names, the doc and the
    // runs inside, so each is printed once per name widths (see [`Run`]).
    let mut items = Run::new(Place::Top);
    let slots = [Slot::Doc(&doc), Slot::Ident(name), Slot::Inner(&decls)];
    items.unit("request_struct", None, &slots, |s| {
        let (doc, name_id, decls) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, ::aliyun_runtime::__private::serde::Serialize)]
            #[serde(crate = #serde_crate)]
            #[non_exhaustive]
            pub struct #name_id {
                #decls
            }
        }
    });
    let slots = [
        Slot::Ident(name),
        Slot::Str(&api.name),
        Slot::Ident(builder),
        Slot::Inner(&query),
    ];
    items.unit("request_impl", None, &slots, |s| {
        let (name_id, action, builder_id, query) = (&s[0], &s[1], &s[2], &s[3]);
        quote! {
            impl #name_id {
                /// The API's `Action`.
                pub const ACTION: &'static str = #action;

                /// Starts a builder with nothing set.
                pub fn builder() -> #builder_id {
                    #builder_id::default()
                }

                /// Runs every check `build()` runs, on this value.
                pub fn validate(&self) -> ::std::result::Result<(), ::aliyun_runtime::ValidationError> {
                    ::aliyun_runtime::validate::run(self)
                }

                /// The parameters as (wire name, wire value), `Action` included, sorted by name.
                pub fn to_query(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
                    let mut q = ::aliyun_runtime::query::Query::new();
                    q.push("Action", Self::ACTION);
                    self.write_query("", &mut q);
                    q.finish()
                }

                #[doc(hidden)]
                pub fn write_query(&self, prefix: &str, q: &mut ::aliyun_runtime::query::Query) {
                    let _ = (&prefix, &q);
                    #query
                }
            }
        }
    });
    let slots = [
        Slot::Doc(&builder_doc),
        Slot::Ident(builder),
        Slot::Inner(&builder_fields),
    ];
    items.unit("builder_struct", None, &slots, |s| {
        let (doc, builder_id, fields) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, Default, PartialEq)]
            #[must_use]
            pub struct #builder_id {
                #fields
            }
        }
    });
    // The body of `build_unchecked`, a statement each: the checks of required fields, then
    // the request built (its required fields, how many and how wide, are slots there).
    let mut body = Run::new(Place::Stmt(2));
    if !required.is_empty() {
        body.unit(
            "violations",
            None,
            &[],
            |_| quote!(let mut violations = ::aliyun_runtime::validate::Violations::new();),
        );
        for p in &required {
            let slots = [Slot::Ident(&p.ident), Slot::Str(&p.field.name)];
            body.unit("missing", None, &slots, |s| {
                let (id, wire) = (&s[0], &s[1]);
                quote! {
                    if self.#id.is_none() {
                        violations.missing(#wire);
                    }
                }
            });
        }
        body.unit("finish", None, &[], |_| quote!(violations.finish()?;));
    }
    let mut slots = vec![Slot::Ident(name), Slot::Inner(&assign)];
    slots.extend(required.iter().map(|p| Slot::Ident(&p.ident)));
    let key = match required.is_empty() {
        true => "construct",
        false => "construct_required",
    };
    body.unit(key, None, &slots, |s| {
        let (name_id, assign, req_ids) = (&s[0], &s[1], &s[2..]);
        match req_ids.is_empty() {
            true => quote!(::std::result::Result::Ok(#name_id { #assign })),
            false => quote! {
                match (#(self.#req_ids,)*) {
                    (#(::std::option::Option::Some(#req_ids),)*) => ::std::result::Result::Ok(#name_id { #assign }),
                    _ => ::std::result::Result::Err(::aliyun_runtime::ValidationError {
                        violations: ::std::vec::Vec::new(),
                    }),
                }
            },
        }
    });
    let body = body.finish();
    // The builder's impl: fixed text but for the names and the runs inside.
    let slots = [
        Slot::Ident(builder),
        Slot::Ident(name),
        Slot::Inner(&setters),
        Slot::Inner(&body),
    ];
    items.unit("builder_impl", None, &slots, |s| {
        let (builder_id, name_id, setters, body) = (&s[0], &s[1], &s[2], &s[3]);
        quote! {
            impl #builder_id {
                #setters

                /// Checks every rule and returns the request, or all the violations found.
                pub fn build(self) -> ::std::result::Result<#name_id, ::aliyun_runtime::ValidationError> {
                    ::aliyun_runtime::validate::run(&self)?;
                    self.build_unchecked()
                }

                /// Returns the request with only the required parameters checked, skipping the
                /// documented rules (for when the service accepts what its docs do not say).
                pub fn build_unchecked(self) -> ::std::result::Result<#name_id, ::aliyun_runtime::ValidationError> {
                    #body
                }
            }
        }
    });
    items.finish().into_tokens()
}

/// Nested request structs and enums, depth first.
fn request_types(fields: &[Planned<'_>], items: &mut Vec<TokenStream>) {
    for p in fields {
        let mut shape = &p.shape;
        if let Shape::Vec(inner) = shape {
            shape = inner;
        }
        match shape {
            Shape::Struct(name) => {
                items.push(nested_request_struct(name, p));
                request_types(&p.children, items);
            }
            Shape::Enum(name, variants) => items.push(request_enum(name, p.field, variants)),
            _ => {}
        }
    }
}

fn nested_request_struct(name: &str, parent: &Planned<'_>) -> TokenStream {
    let serde_crate = serde_crate();
    let fields = &parent.children;
    let setters = setters(fields);
    let query = struct_query(fields, Access::Optional);
    let doc = format!(
        "An item of `{}`.\n\nStart from [`{name}::new`] and chain the setters; the enclosing request validates it.",
        parent.field.name
    );
    let doc = docs::Doc::outer(doc);
    // Nested structs keep every field optional; vectors are stored as `Option<Vec<_>>` here too.
    let mut decls_opt = Run::new(Place::Field(1));
    for p in fields.iter() {
        let doc = docs::field_doc(p.field, p.field.required);
        let doc = docs::Doc::outer(doc);
        let key = format!("nested_field:{}", shape_form(&p.shape));
        decls_opt.unit(&key, Some(&doc), &field_slots(p), |s| {
            let (id, wire, ty) = (&s[0], &s[1], slot_type(p, s));
            quote! {
                #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")]
                pub #id: ::std::option::Option<#ty>,
            }
        });
    }
    let decls_opt = decls_opt.finish();
    // Fixed text but for the name, the doc and the runs inside (see [`Run`]).
    let mut items = Run::new(Place::Top);
    let slots = [Slot::Doc(&doc), Slot::Ident(name), Slot::Inner(&decls_opt)];
    items.unit("nested_struct", None, &slots, |s| {
        let (doc, name_id, decls) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, Default, PartialEq, ::aliyun_runtime::__private::serde::Serialize)]
            #[serde(crate = #serde_crate)]
            #[non_exhaustive]
            pub struct #name_id {
                #decls
            }
        }
    });
    let slots = [
        Slot::Ident(name),
        Slot::Inner(&setters),
        Slot::Inner(&query),
    ];
    items.unit("nested_impl", None, &slots, |s| {
        let (name_id, setters, query) = (&s[0], &s[1], &s[2]);
        quote! {
            impl #name_id {
                /// An item with nothing set.
                pub fn new() -> Self {
                    Self::default()
                }

                #setters

                #[doc(hidden)]
                pub fn write_query(&self, prefix: &str, q: &mut ::aliyun_runtime::query::Query) {
                    let _ = (&prefix, &q);
                    #query
                }
            }
        }
    });
    items.finish().into_tokens()
}

fn request_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
    let name_id = ident(name);
    let default = field.constraints.iter().find_map(|c| match &c.rule {
        Rule::Default { value } => variants
            .iter()
            .find(|(v, _)| v == value)
            .map(|(_, var)| var.clone()),
        _ => None,
    });
    let descriptions: Vec<docs::Doc> = variants
        .iter()
        .map(|(value, _)| {
            let text = field
                .constraints
                .iter()
                .find_map(|c| match &c.rule {
                    Rule::Enum { values } => values
                        .iter()
                        .find(|v| &v.value == value)
                        .map(|v| v.description.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            let mut d = format!("`{}`", value.replace('`', "'"));
            if !text.is_empty() {
                d.push_str(": ");
                d.push_str(&docs::sanitize(&text));
            }
            docs::Doc::outer(d)
        })
        .collect();
    let vars: Vec<proc_macro2::Ident> = variants.iter().map(|(_, v)| ident(v)).collect();
    let (mut variant_run, mut as_str_arms, mut from_str_arms) = (
        Run::new(Place::Variant(1)),
        Run::new(Place::Arm(3)),
        Run::new(Place::Arm(3)),
    );
    for ((value, variant), doc) in variants.iter().zip(&descriptions) {
        variant_run.unit("variant", Some(doc), &[Slot::Ident(variant)], |s| {
            let id = &s[0];
            quote!(#id,)
        });
        let slots = [Slot::Ident(variant), Slot::Str(value)];
        as_str_arms.unit("as_str", None, &slots, |s| {
            let (id, value) = (&s[0], &s[1]);
            quote!(Self::#id => #value,)
        });
        from_str_arms.unit("from_str", None, &slots, |s| {
            let (id, value) = (&s[0], &s[1]);
            quote!(#value => ::std::result::Result::Ok(Self::#id),)
        });
    }
    let expected = variants
        .iter()
        .map(|(v, _)| v.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    // The last arm, its own unit: the list of values makes it differ from enum to enum.
    from_str_arms.unit("from_str_other", None, &[Slot::Str(&expected)], |s| {
        let expected = &s[0];
        quote! {
            other => ::std::result::Result::Err(::aliyun_runtime::validate::UnknownValue::new(other, #expected)),
        }
    });
    let (variant_run, as_str_arms, from_str_arms) = (
        variant_run.finish(),
        as_str_arms.finish(),
        from_str_arms.finish(),
    );
    let doc = format!("Allowed values of `{}`.", field.name);
    let doc = docs::Doc::outer(doc);
    // Fixed text but for the names: printed once per name widths (see [`Run`]).
    let mut default_and_display = Run::new(Place::Top);
    if let Some(d) = &default {
        let slots = [Slot::Ident(name), Slot::Ident(d)];
        default_and_display.unit("default", None, &slots, |s| {
            let (name_id, d) = (&s[0], &s[1]);
            quote! {
                /// The value the service assumes when the parameter is not sent.
                impl ::std::default::Default for #name_id {
                    fn default() -> Self {
                        Self::#d
                    }
                }
            }
        });
    }
    default_and_display.unit("display", None, &[Slot::Ident(name)], |s| {
        let name_id = &s[0];
        quote! {
            impl ::std::fmt::Display for #name_id {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        }
    });
    let default_and_display = default_and_display.finish();
    let mut query_and_serialize = Run::new(Place::Top);
    query_and_serialize.unit("query_and_serialize", None, &[Slot::Ident(name)], |s| {
        let name_id = &s[0];
        quote! {
            impl ::aliyun_runtime::query::QueryValue for #name_id {
                fn to_query_value(&self) -> ::std::string::String {
                    self.as_str().to_string()
                }
            }

            impl ::aliyun_runtime::__private::serde::Serialize for #name_id {
                fn serialize<S: ::aliyun_runtime::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                    s.serialize_str(self.as_str())
                }
            }
        }
    });
    let query_and_serialize = query_and_serialize.finish();
    // The enum and its `FromStr`: fixed text but for names, the doc and the runs inside.
    let mut decl = Run::new(Place::Top);
    let slots = [
        Slot::Doc(&doc),
        Slot::Ident(name),
        Slot::Inner(&variant_run),
    ];
    decl.unit("request_enum", None, &slots, |s| {
        let (doc, name_id, variants) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
            pub enum #name_id {
                #variants
            }
        }
    });
    let decl = decl.finish();
    let mut from_str = Run::new(Place::Top);
    let slots = [Slot::Ident(name), Slot::Inner(&from_str_arms)];
    from_str.unit("from_str", None, &slots, |s| {
        let (name_id, arms) = (&s[0], &s[1]);
        quote! {
            impl ::std::str::FromStr for #name_id {
                type Err = ::aliyun_runtime::validate::UnknownValue;

                fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                    match s {
                        #arms
                    }
                }
            }
        }
    });
    let from_str = from_str.finish();
    quote! {
        #decl

        impl #name_id {
            /// Every documented value.
            pub const ALL: &'static [#name_id] = &[#(Self::#vars),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    #as_str_arms
                }
            }
        }

        #default_and_display

        #from_str

        #query_and_serialize
    }
}

// ---------------------------------------------------------------- responses

fn response_field(run: &mut Run, p: &Planned<'_>) {
    let doc = docs::field_doc(p.field, None);
    let doc = docs::Doc::outer(doc);
    let vec = matches!(p.shape, Shape::Vec(_));
    let key = format!("response_field:{}", shape_form(&p.shape));
    // The wire name matters to serde only in the crate's own tests (see `response_struct`).
    run.unit(&key, Some(&doc), &field_slots(p), |s| {
        let (id, wire, ty) = (&s[0], &s[1], slot_type(p, s));
        let ty = match vec {
            true => ty,
            false => quote!(::std::option::Option<#ty>),
        };
        quote! {
            #[cfg_attr(test, serde(rename = #wire))]
            pub #id: #ty,
        }
    });
}

/// The decoding of one field from its struct's members (`m`), by `aliyun_runtime::response`.
fn response_decode(run: &mut Run, p: &Planned<'_>) {
    let f = match &p.shape {
        Shape::Scalar(Scalar::Json) => "json",
        Shape::Scalar(_) | Shape::Enum(..) => "scalar",
        Shape::Struct(_) => "object",
        Shape::Vec(inner) => match inner.as_ref() {
            Shape::Struct(_) => "objects",
            Shape::Scalar(Scalar::Json) => "json_list",
            _ => "scalars",
        },
    };
    let slots = [Slot::Ident(&p.ident), Slot::Str(&p.field.name)];
    run.unit(f, None, &slots, |s| {
        let (id, wire, f) = (&s[0], &s[1], ident(f));
        quote!(#id: ::aliyun_runtime::response::#f(m, #wire),)
    });
}

fn response_struct(name: &str, doc: &str, fields: &[Planned<'_>], items: &mut Vec<TokenStream>) {
    let doc = docs::Doc::outer(doc);
    let serde_crate = serde_crate();
    let mut decls = Run::new(Place::Field(1));
    for p in fields {
        response_field(&mut decls, p);
    }
    let decls = decls.finish();
    let m = if fields.is_empty() {
        quote!(_m)
    } else {
        quote!(m)
    };
    // Fixed text but for the name (see [`Run`]).
    let mut deserialize = Run::new(Place::Top);
    deserialize.unit("deserialize", None, &[Slot::Ident(name)], |s| {
        let id = &s[0];
        quote! {
            impl<'de> ::aliyun_runtime::__private::serde::Deserialize<'de> for #id {
                fn deserialize<D: ::aliyun_runtime::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                    ::aliyun_runtime::response::deserialize(d)
                }
            }
        }
    });
    let deserialize = deserialize.finish();
    // Decoding is one runtime call per field instead of a serde derive (which expanded to
    // ~500 lines per struct). `Serialize` only in the crate's own tests: the example tests
    // compare what the typed value holds with the example, by wire name; users do not compile it.
    // The struct: fixed text but for the name, the doc and the fields (see [`Run`]).
    let mut decl = Run::new(Place::Top);
    let slots = [Slot::Doc(&doc), Slot::Ident(name), Slot::Inner(&decls)];
    decl.unit("response_struct", None, &slots, |s| {
        let (doc, name_id, decls) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, Default, PartialEq)]
            #[cfg_attr(test, derive(::aliyun_runtime::__private::serde::Serialize), serde(crate = #serde_crate))]
            #[non_exhaustive]
            pub struct #name_id {
                #decls
            }
        }
    });
    let decl = decl.finish();
    // Every field decodes with the path of a runtime function (wider than 34 alone), so the
    // struct expression always breaks: its fields are units (see [`Place::FieldValue`]).
    let mut decode = Run::field_values(3, fields.len());
    for p in fields {
        response_decode(&mut decode, p);
    }
    let decode = decode.finish();
    let mut from_members = Run::new(Place::Top);
    let key = if fields.is_empty() {
        "no_fields"
    } else {
        "fields"
    };
    from_members.unit(key, None, &[Slot::Ident(name), Slot::Inner(&decode)], |s| {
        let (name_id, decode) = (&s[0], &s[1]);
        quote! {
            impl ::aliyun_runtime::response::FromMembers for #name_id {
                fn from_members(#m: &mut ::aliyun_runtime::response::Members) -> Self {
                    Self {
                        #decode
                    }
                }
            }
        }
    });
    let from_members = from_members.finish();
    items.push(quote! {
        #decl

        #from_members

        #deserialize
    });
    for p in fields {
        let mut shape = &p.shape;
        if let Shape::Vec(inner) = shape {
            shape = inner;
        }
        match shape {
            Shape::Struct(n) => {
                let doc = format!("`{}` in a response.", p.field.name);
                response_struct(n, &doc, &p.children, items);
            }
            Shape::Enum(n, variants) => items.push(response_enum(n, p.field, variants)),
            _ => {}
        }
    }
}

fn response_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
    let name_id = ident(name);
    let vars: Vec<proc_macro2::Ident> = variants.iter().map(|(_, v)| ident(v)).collect();
    let values: Vec<Literal> = variants.iter().map(|(v, _)| Literal::string(v)).collect();
    let mut variant_run = Run::new(Place::Variant(1));
    let mut as_str_arms = Run::new(Place::Arm(3));
    for (value, variant) in variants {
        let doc = docs::Doc::outer(format!("`{}`", value.replace('`', "'")));
        variant_run.unit("variant", Some(&doc), &[Slot::Ident(variant)], |s| {
            let id = &s[0];
            quote!(#id,)
        });
        let slots = [Slot::Ident(variant), Slot::Str(value)];
        as_str_arms.unit("as_str", None, &slots, |s| {
            let (id, value) = (&s[0], &s[1]);
            quote!(Self::#id => #value,)
        });
    }
    let (variant_run, as_str_arms) = (variant_run.finish(), as_str_arms.finish());
    let mut display_and_serialize = Run::new(Place::Top);
    display_and_serialize.unit("display_and_serialize", None, &[Slot::Ident(name)], |s| {
        let name_id = &s[0];
        quote! {
            impl ::std::fmt::Display for #name_id {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            #[cfg(test)]
            impl ::aliyun_runtime::__private::serde::Serialize for #name_id {
                fn serialize<S: ::aliyun_runtime::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                    s.serialize_str(self.as_str())
                }
            }
        }
    });
    let display_and_serialize = display_and_serialize.finish();
    let doc = format!(
        "Values of `{}`; values the doc does not list are kept in `Unknown`.",
        field.name
    );
    let doc = docs::Doc::outer(doc);
    // The enum and its `as_str`: fixed text but for the name, the doc and the runs inside.
    let mut decl = Run::new(Place::Top);
    let slots = [
        Slot::Doc(&doc),
        Slot::Ident(name),
        Slot::Inner(&variant_run),
        Slot::Inner(&as_str_arms),
    ];
    decl.unit("response_enum", None, &slots, |s| {
        let (doc, name_id, variants, arms) = (&s[0], &s[1], &s[2], &s[3]);
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #name_id {
                #variants
                /// A value the documentation does not list.
                Unknown(::std::string::String),
            }

            impl #name_id {
                /// The value as it appears on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #arms
                        Self::Unknown(other) => other,
                    }
                }
            }
        }
    });
    let decl = decl.finish();
    quote! {
        #decl

        #display_and_serialize

        impl ::aliyun_runtime::de::Scalar for #name_id {
            fn from_wire(text: &str) -> ::std::result::Result<Self, ::std::string::String> {
                ::std::result::Result::Ok(match text {
                    #(#values => Self::#vars,)*
                    other => Self::Unknown(other.to_string()),
                })
            }
        }
    }
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
    // Fixed text but for names (see [`Run`]): the impl is one unit (the REST-style method, when
    // there is one, is plain tokens inside).
    let mut run = match roa.is_empty() {
        true => Run::new(Place::Top),
        false => Run::new(Place::Top).plain_only(),
    };
    let mut slots = vec![
        Slot::Ident(request),
        Slot::Ident(response),
        Slot::Ident(error),
        Slot::Str(&api.name),
        Slot::Str(&api.version),
        Slot::Str(&api.product),
    ];
    slots.extend(token.map(Slot::Str));
    let key = if token.is_some() { "token" } else { "no_token" };
    run.unit(key, None, &slots, |s| {
        let (req, resp, err) = (&s[0], &s[1], &s[2]);
        let (action, version, product) = (&s[3], &s[4], &s[5]);
        let token = match s.get(6) {
            Some(t) => quote!(::std::option::Option::Some(#t)),
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
    });
    run.finish().into_tokens()
}
