//! The request side of an API module: the request struct and its builder, nested request
//! structs, request enums, setters and query writing.

use proc_macro2::TokenStream;
use quote::quote;

use super::api::{field_slots, serde_crate, shape_form, slot_type, Planned, Scalar, Shape};
use super::docs;
use super::naming::ident;
use super::outline::{self, Place, Run, Slot, SlotTokens};
use crate::model::{Api, Field, Rule, WireStyle};

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
pub(super) fn request_struct(
    api: &Api,
    name: &str,
    builder: &str,
    fields: &[Planned<'_>],
) -> TokenStream {
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
    struct_decl(&mut items, &doc, name, &decls, false);
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

/// The declaration of a request struct (`Default` for nested ones, whose fields are all
/// optional) as a unit holding its field run.
fn struct_decl(
    items: &mut Run,
    doc: &docs::Doc,
    name: &str,
    decls: &outline::Finished,
    default: bool,
) {
    let serde_crate = serde_crate();
    let key = if default {
        "nested_struct"
    } else {
        "request_struct"
    };
    let slots = [Slot::Doc(doc), Slot::Ident(name), Slot::Inner(decls)];
    items.unit(key, None, &slots, |s| {
        let (doc, name_id, decls) = (&s[0], &s[1], &s[2]);
        let default = default.then(|| quote!(Default,));
        quote! {
            #doc
            #[derive(Debug, Clone, #default PartialEq, ::aliyun_runtime::__private::serde::Serialize)]
            #[serde(crate = #serde_crate)]
            #[non_exhaustive]
            pub struct #name_id {
                #decls
            }
        }
    });
}

/// Nested request structs and enums, depth first.
pub(super) fn request_types(fields: &[Planned<'_>], items: &mut Vec<TokenStream>) {
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
    struct_decl(&mut items, &doc, name, &decls_opt, true);
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
        enum_value_units(&mut variant_run, &mut as_str_arms, value, variant, doc);
        let slots = [Slot::Ident(variant), Slot::Str(value)];
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

/// The variant of one enum value (with its doc) and its `as_str` arm, for request and
/// response enums alike.
pub(super) fn enum_value_units(
    variants: &mut Run,
    as_str_arms: &mut Run,
    value: &str,
    variant: &str,
    doc: &docs::Doc,
) {
    variants.unit("variant", Some(doc), &[Slot::Ident(variant)], |s| {
        let id = &s[0];
        quote!(#id,)
    });
    let slots = [Slot::Ident(variant), Slot::Str(value)];
    as_str_arms.unit("as_str", None, &slots, |s| {
        let (id, value) = (&s[0], &s[1]);
        quote!(Self::#id => #value,)
    });
}
