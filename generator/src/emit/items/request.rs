//! The request side of an API module: the request struct and its builder, nested request
//! structs (and, through [`super::enums`], request enums), setters and query writing.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{enums, serde_crate};
use crate::emit::docs;
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::model::{Api, WireStyle};
use crate::naming::ident;

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
fn struct_query(fields: &[Planned<'_>], how: Access) -> TokenStream {
    let statements = fields.iter().map(|p| {
        let (id, wire) = (ident(&p.ident), Literal::string(&p.field.name));
        let json =
            p.field.wire == Some(WireStyle::Json) || matches!(p.shape, Shape::Scalar(Scalar::Json));
        let write = match (&p.shape, json) {
            (Shape::Scalar(Scalar::Json), _) => quote!(q.field(prefix, #wire, x);),
            (_, true) => quote!(q.field_json(prefix, #wire, x);),
            (Shape::Scalar(_) | Shape::Enum(..), false) => quote!(q.field(prefix, #wire, x);),
            (Shape::Struct(_), false) => {
                quote!(x.write_query(&::aliyun_runtime::query::member_prefix(prefix, #wire), q);)
            }
            (Shape::Vec(inner), false) => match inner.as_ref() {
                Shape::Struct(_) => quote! {
                    for (i, item) in x.iter().enumerate() {
                        item.write_query(&::aliyun_runtime::query::item_prefix(prefix, #wire, i), q);
                    }
                },
                _ => quote!(q.field_list(prefix, #wire, x);),
            },
        };
        let bare = p.required && matches!(how, Access::Struct) && !matches!(p.shape, Shape::Vec(_));
        let value = match (&p.shape, how, p.required) {
            _ if bare => return quote!({ let x = &self.#id; #write }),
            (Shape::Vec(_), Access::Struct, _) => {
                quote!(::std::option::Option::Some(&self.#id).filter(|v| !v.is_empty()))
            }
            (Shape::Vec(_), Access::Optional, _) => {
                quote!(self.#id.as_ref().filter(|v| !v.is_empty()))
            }
            (_, Access::Struct, true) => quote!(::std::option::Option::Some(&self.#id)),
            _ => quote!(self.#id.as_ref()),
        };
        quote!(if let ::std::option::Option::Some(x) = #value { #write })
    });
    quote!(#(#statements)*)
}

/// The field of a request struct (`required` fields stored bare, vectors without `Option`).
fn field_decl(p: &Planned<'_>) -> TokenStream {
    let doc = docs::Doc::outer(docs::field_doc(p.field, p.field.required));
    let (id, wire, ty) = (
        ident(&p.ident),
        Literal::string(&p.field.name),
        p.shape.tokens(),
    );
    match (&p.shape, p.required) {
        // A required list is sent even when empty (`"indices": []`): the caller set it, and
        // an empty list is a value the docs show being sent.
        (Shape::Vec(_), true) => quote! {
            #doc
            #[serde(rename = #wire)]
            pub #id: #ty,
        },
        (Shape::Vec(_), false) => quote! {
            #doc
            #[serde(rename = #wire, skip_serializing_if = "::std::vec::Vec::is_empty")]
            pub #id: #ty,
        },
        (_, true) => quote! {
            #doc
            #[serde(rename = #wire)]
            pub #id: #ty,
        },
        _ => quote! {
            #doc
            #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")]
            pub #id: ::std::option::Option<#ty>,
        },
    }
}

/// The setters of `fields`, one each: `impl Into<T>` argument, stored as `Some(value)` in the
/// field of the same name.
fn setters(fields: &[Planned<'_>]) -> TokenStream {
    let setters = fields.iter().map(|p| {
        let doc = docs::Doc::outer(docs::field_doc(p.field, p.field.required));
        let id = ident(&p.ident);
        match &p.shape {
            Shape::Vec(inner) => {
                let item = inner.tokens();
                quote! {
                    #doc
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
                let ty = other.tokens();
                quote! {
                    #doc
                    pub fn #id(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
                        self.#id = ::std::option::Option::Some(value.into());
                        self
                    }
                }
            }
        }
    });
    quote!(#(#setters)*)
}

// In the generated methods `let _ = (&prefix, &v);` keeps structs without rules (or without
// fields) free of unused-variable warnings without an `#[allow]` on user-facing code.
pub fn request_struct(api: &Api, name: &str, builder: &str, fields: &[Planned<'_>]) -> TokenStream {
    let (name_id, builder_id) = (ident(name), ident(builder));
    let action = Literal::string(&api.name);
    let doc = format!(
        "The parameters of `{}`.\n\nBuild it with [`{name}::builder`]; `build()` checks every documented rule and reports all violations at once.",
        api.name
    );
    let decls = fields.iter().map(field_decl);
    // Set by `build_unchecked()`: the client then checks required parameters only.
    let decls = quote! {
        #(#decls)*
        #[serde(skip)]
        rules_unchecked: bool,
    };
    let decl = struct_decl(&docs::Doc::outer(doc), name, decls, false);
    let query = struct_query(fields, Access::Struct);
    let builder_fields = fields.iter().map(|p| {
        let (id, ty) = (ident(&p.ident), p.shape.tokens());
        quote!(#id: ::std::option::Option<#ty>,)
    });
    let builder_doc = docs::Doc::outer(format!("Builder of [`{name}`]."));
    let setters = setters(fields);
    let body = build_unchecked_body(&name_id, fields);
    quote! {
        #decl

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

            /// Whether this request was built by `build_unchecked()`: the client then sends it
            /// with its required parameters checked and the documented rules skipped.
            pub fn rule_checks_skipped(&self) -> bool {
                self.rules_unchecked
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

        #builder_doc
        #[derive(Debug, Clone, Default, PartialEq)]
        #[must_use]
        pub struct #builder_id {
            #(#builder_fields)*
        }

        impl #builder_id {
            #setters

            /// Checks every rule and returns the request, or all the violations found.
            pub fn build(self) -> ::std::result::Result<#name_id, ::aliyun_runtime::ValidationError> {
                ::aliyun_runtime::validate::run(&self)?;
                let mut request = self.build_unchecked()?;
                request.rules_unchecked = false;
                ::std::result::Result::Ok(request)
            }

            /// Returns the request with only the required parameters checked, skipping the
            /// documented rules (for when the service accepts what its docs do not say, or a
            /// rule was read wrongly). The client sends it without rule checks too.
            pub fn build_unchecked(self) -> ::std::result::Result<#name_id, ::aliyun_runtime::ValidationError> {
                #body
            }
        }
    }
}

/// The body of `build_unchecked`: the checks of required fields, then the request built,
/// moving values out of the builder once every required field is known to be present.
fn build_unchecked_body(name: &proc_macro2::Ident, fields: &[Planned<'_>]) -> TokenStream {
    let assign = fields.iter().map(|p| {
        let id = ident(&p.ident);
        match (&p.shape, p.required) {
            (_, true) => quote!(#id,),
            (Shape::Vec(_), false) => quote!(#id: self.#id.unwrap_or_default(),),
            _ => quote!(#id: self.#id,),
        }
    });
    let required: Vec<&Planned<'_>> = fields.iter().filter(|p| p.required).collect();
    if required.is_empty() {
        return quote!(::std::result::Result::Ok(#name { #(#assign)* rules_unchecked: true }));
    }
    let missing = required.iter().map(|p| {
        let (id, wire) = (ident(&p.ident), Literal::string(&p.field.name));
        quote! {
            if self.#id.is_none() {
                violations.missing(#wire);
            }
        }
    });
    let req_ids: Vec<proc_macro2::Ident> = required.iter().map(|p| ident(&p.ident)).collect();
    quote! {
        let mut violations = ::aliyun_runtime::validate::Violations::new();
        #(#missing)*
        violations.finish()?;
        match (#(self.#req_ids,)*) {
            (#(::std::option::Option::Some(#req_ids),)*) => ::std::result::Result::Ok(#name { #(#assign)* rules_unchecked: true }),
            _ => ::std::result::Result::Err(::aliyun_runtime::ValidationError {
                violations: ::std::vec::Vec::new(),
            }),
        }
    }
}

/// The declaration of a request struct (`Default` for nested ones, whose fields are all
/// optional).
fn struct_decl(doc: &docs::Doc, name: &str, decls: TokenStream, default: bool) -> TokenStream {
    let serde_crate = serde_crate();
    let name_id = ident(name);
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
}

/// Nested request structs and enums, depth first.
pub fn request_types(fields: &[Planned<'_>], items: &mut Vec<TokenStream>) {
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
            Shape::Enum(name, variants) => items.push(enums::request_enum(name, p.field, variants)),
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
    // Nested structs keep every field optional; vectors are stored as `Option<Vec<_>>` here too.
    let decls = fields.iter().map(|p| {
        let doc = docs::Doc::outer(docs::field_doc(p.field, p.field.required));
        let (id, wire, ty) = (
            ident(&p.ident),
            Literal::string(&p.field.name),
            p.shape.tokens(),
        );
        quote! {
            #doc
            #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")]
            pub #id: ::std::option::Option<#ty>,
        }
    });
    let decl = struct_decl(&docs::Doc::outer(doc), name, quote!(#(#decls)*), true);
    let name_id = ident(name);
    quote! {
        #decl

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
}
