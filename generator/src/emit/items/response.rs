//! The response side of an API module: response structs with their decoding tables, and open
//! response enums.

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

/// The slot of one field (`aliyun_runtime::response::Slot`): the rule it decodes with.
fn response_slot(p: &Planned<'_>) -> &'static str {
    match &p.shape {
        Shape::Scalar(Scalar::Json) => "Json",
        Shape::Scalar(_) | Shape::Enum(..) => "Scalar",
        Shape::Struct(_) => "Object",
        Shape::Vec(inner) => match inner.as_ref() {
            Shape::Struct(_) => "Objects",
            Shape::Scalar(Scalar::Json) => "JsonList",
            _ => "Scalars",
        },
    }
}

/// The struct's decoding table (`aliyun_runtime::response::Fields`): its wire names, and by
/// index each field as a slot.
fn fields_impl(name: &proc_macro2::Ident, fields: &[Planned<'_>]) -> TokenStream {
    let wires = fields.iter().map(|p| Literal::string(&p.field.name));
    let slot = if fields.is_empty() {
        quote! {
            fn slot(&mut self, _: usize) -> ::aliyun_runtime::response::Slot<'_> {
                ::aliyun_runtime::response::Slot::Skip
            }
        }
    } else {
        let arms = fields.iter().enumerate().map(|(i, p)| {
            let (i, id, slot) = (
                Literal::usize_unsuffixed(i),
                ident(&p.ident),
                ident(response_slot(p)),
            );
            quote!(#i => Slot::#slot(&mut self.#id),)
        });
        quote! {
            fn slot(&mut self, index: usize) -> ::aliyun_runtime::response::Slot<'_> {
                use ::aliyun_runtime::response::Slot;
                match index {
                    #(#arms)*
                    _ => Slot::Skip,
                }
            }
        }
    };
    quote! {
        impl ::aliyun_runtime::response::Fields for #name {
            fn names(&self) -> &'static [&'static str] {
                &[#(#wires),*]
            }

            #slot
        }
    }
}

/// A response struct, its decoding and its nested structs and enums, depth first.
///
/// Decoding is a table (the wire names, and a slot per field) read by the runtime, instead of
/// a serde derive (which expanded to ~500 lines per struct); `Deserialize` is one call into the
/// runtime. `Serialize` only in the crate's own tests: the example tests compare what the typed
/// value holds with the example, by wire name; users do not compile it.
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
    let fields_impl = fields_impl(&name_id, fields);
    items.push(quote! {
        #doc
        #[derive(Debug, Clone, Default, PartialEq)]
        #[cfg_attr(test, derive(::aliyun_runtime::__private::serde::Serialize), serde(crate = #serde_crate))]
        #[non_exhaustive]
        pub struct #name_id {
            #(#decls)*
        }

        #fields_impl

        impl<'de> ::aliyun_runtime::__private::serde::Deserialize<'de> for #name_id {
            fn deserialize<D: ::aliyun_runtime::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                ::aliyun_runtime::response::deserialize_fields(d)
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
