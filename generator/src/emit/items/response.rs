//! The response side of an API module: response structs decoded member by member, and
//! open response enums.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{enums, serde_crate};
use crate::emit::docs;
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::naming::ident;

/// A field of a response struct. The wire name matters to serde only in the crate's own tests
/// (see [`response_struct`]).
fn response_field(p: &Planned<'_>) -> TokenStream {
    let doc = docs::Doc::outer(docs::field_doc(p.field, None));
    let (id, wire, ty) = (
        ident(&p.ident),
        Literal::string(&p.field.name),
        p.shape.tokens(),
    );
    let ty = match p.shape {
        Shape::Vec(_) => ty,
        _ => quote!(::std::option::Option<#ty>),
    };
    quote! {
        #doc
        #[cfg_attr(test, serde(rename = #wire))]
        pub #id: #ty,
    }
}

/// The decoding of one field from its struct's members (`m`), by `aliyun_runtime::response`.
fn response_decode(p: &Planned<'_>) -> TokenStream {
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
    let (id, wire, f) = (ident(&p.ident), Literal::string(&p.field.name), ident(f));
    quote!(#id: ::aliyun_runtime::response::#f(m, #wire),)
}

/// A response struct, its decoding and its nested structs and enums, depth first.
///
/// Decoding is one runtime call per field instead of a serde derive (which expanded to ~500
/// lines per struct). `Serialize` only in the crate's own tests: the example tests compare what
/// the typed value holds with the example, by wire name; users do not compile it.
pub fn response_struct(
    name: &str,
    doc: &str,
    fields: &[Planned<'_>],
    items: &mut Vec<TokenStream>,
) {
    let doc = docs::Doc::outer(doc);
    let serde_crate = serde_crate();
    let name_id = ident(name);
    let decls = fields.iter().map(response_field);
    let decode = fields.iter().map(response_decode);
    let m = if fields.is_empty() {
        quote!(_m)
    } else {
        quote!(m)
    };
    items.push(quote! {
        #doc
        #[derive(Debug, Clone, Default, PartialEq)]
        #[cfg_attr(test, derive(::aliyun_runtime::__private::serde::Serialize), serde(crate = #serde_crate))]
        #[non_exhaustive]
        pub struct #name_id {
            #(#decls)*
        }

        impl ::aliyun_runtime::response::FromMembers for #name_id {
            fn from_members(#m: &mut ::aliyun_runtime::response::Members) -> Self {
                Self {
                    #(#decode)*
                }
            }
        }

        impl<'de> ::aliyun_runtime::__private::serde::Deserialize<'de> for #name_id {
            fn deserialize<D: ::aliyun_runtime::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                ::aliyun_runtime::response::deserialize(d)
            }
        }
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
            Shape::Enum(n, variants) => items.push(enums::response_enum(n, p.field, variants)),
            _ => {}
        }
    }
}
