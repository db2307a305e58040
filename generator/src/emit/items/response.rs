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
    // Other spellings of a wire name (`RequestId` beside the example's `requestId`) follow the
    // fields' own names, each decoding into its field's slot.
    let aliases: Vec<(usize, &str)> = fields
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.field.aliases.iter().map(move |a| (i, a.as_str())))
        .collect();
    let wires = fields
        .iter()
        .map(|p| p.field.name.as_str())
        .chain(aliases.iter().map(|(_, a)| *a))
        .map(Literal::string);
    let slot = if fields.is_empty() {
        quote! {
            fn slot(&mut self, _: usize) -> ::aliyun_runtime::response::Slot<'_> {
                ::aliyun_runtime::response::Slot::Skip
            }
        }
    } else {
        let arms = fields.iter().enumerate().map(|(i, p)| {
            let indices = std::iter::once(i)
                .chain(
                    aliases
                        .iter()
                        .enumerate()
                        .filter(|(_, (f, _))| *f == i)
                        .map(|(k, _)| fields.len() + k),
                )
                .map(Literal::usize_unsuffixed);
            let (id, slot) = (ident(&p.ident), ident(response_slot(p)));
            quote!(#(#indices)|* => Slot::#slot(&mut self.#id),)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::plan::plan_api;
    use crate::parse::{parse_doc, DocDefaults};

    /// The table writes `RequestId`, the example `requestId`: the field is named as the example
    /// writes it and decodes from the table's spelling too (a second name in the table, read
    /// into the same slot).
    #[test]
    fn another_spelling_of_a_wire_name_decodes_into_the_same_field() {
        let doc = "# DescribeThings\n\n## Request parameters\n\n\
                   |Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n\
                   |RegionId|String|Yes|cn-hangzhou|The region.|\n\n\
                   ## Response parameters\n\n|Name|Type|Example|Description|\n|--|--|--|--|\n\
                   |RequestId|String|r-1|The request ID.|\n|Total|Integer|1|The total.|\n\n\
                   ## Examples\n\n```json\n{\"requestId\": \"r-1\", \"Total\": 1}\n```\n";
        let (api, _) = parse_doc("T.md", doc, &DocDefaults::default()).expect("parses");
        let plan = plan_api(&api).expect("plans");
        let mut items = Vec::new();
        response_struct("DescribeThingsResponse", "doc", &plan.response, &mut items);
        let text: String = items.iter().map(|t| t.to_string()).collect();
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains(r#"&["requestId","Total","RequestId"]"#),
            "{text}"
        );
        assert!(
            compact.contains("0|2=>Slot::Scalar(&mutself.request_id)"),
            "{text}"
        );
        assert!(
            compact.contains("1=>Slot::Scalar(&mutself.total)"),
            "{text}"
        );
    }
}
