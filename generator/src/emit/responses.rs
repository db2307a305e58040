//! The response side of an API module: response structs decoded member by member, and
//! open response enums.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::api::{field_slots, serde_crate, shape_form, slot_type, Planned, Scalar, Shape};
use super::docs;
use super::naming::ident;
use super::outline::{Place, Run, Slot};
use crate::model::Field;

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

pub(super) fn response_struct(
    name: &str,
    doc: &str,
    fields: &[Planned<'_>],
    items: &mut Vec<TokenStream>,
) {
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
        super::requests::enum_value_units(&mut variant_run, &mut as_str_arms, value, variant, &doc);
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
