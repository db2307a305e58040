//! The response side of an API module: response structs decoded member by member, and
//! open response enums.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::api::{serde_crate, Planned, Scalar, Shape};
use super::docs;
use super::naming::ident;
use crate::model::Field;

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
pub(super) fn response_struct(
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
            Shape::Enum(n, variants) => items.push(response_enum(n, p.field, variants)),
            _ => {}
        }
    }
}

fn response_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
    let name_id = ident(name);
    let vars: Vec<proc_macro2::Ident> = variants.iter().map(|(_, v)| ident(v)).collect();
    let values: Vec<Literal> = variants.iter().map(|(v, _)| Literal::string(v)).collect();
    let (variant_decls, as_str_arms): (Vec<TokenStream>, Vec<TokenStream>) = variants
        .iter()
        .map(|(value, variant)| {
            let doc = docs::Doc::outer(format!("`{}`", value.replace('`', "'")));
            super::requests::enum_value(value, variant, &doc)
        })
        .unzip();
    let doc = format!(
        "Values of `{}`; values the doc does not list are kept in `Unknown`.",
        field.name
    );
    let doc = docs::Doc::outer(doc);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name_id {
            #(#variant_decls)*
            /// A value the documentation does not list.
            Unknown(::std::string::String),
        }

        impl #name_id {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(other) => other,
                }
            }
        }

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
