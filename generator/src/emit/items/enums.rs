//! Generated enums of documented values: closed on the request side (a value the doc does not
//! list cannot be sent), open on the response side (`Unknown` keeps what the doc does not list).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::docs;
use crate::model::{Field, Rule};
use crate::naming::ident;

/// A request enum: its values, `as_str`, `Default` when the doc names a default, `Display`,
/// `FromStr` and the query and serde impls.
pub fn request_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
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
    let (variant_decls, as_str_arms): (Vec<TokenStream>, Vec<TokenStream>) = variants
        .iter()
        .zip(&descriptions)
        .map(|((value, variant), doc)| enum_value(value, variant, doc))
        .unzip();
    let from_str_arms = variants.iter().map(|(value, variant)| {
        let (id, value) = (ident(variant), Literal::string(value));
        quote!(#value => ::std::result::Result::Ok(Self::#id),)
    });
    let expected = variants
        .iter()
        .map(|(v, _)| v.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let doc = docs::Doc::outer(format!("Allowed values of `{}`.", field.name));
    let default = default.map(|d| {
        let d = ident(&d);
        quote! {
            /// The value the service assumes when the parameter is not sent.
            impl ::std::default::Default for #name_id {
                fn default() -> Self {
                    Self::#d
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name_id {
            #(#variant_decls)*
        }

        impl #name_id {
            /// Every documented value.
            pub const ALL: &'static [#name_id] = &[#(Self::#vars),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    #(#as_str_arms)*
                }
            }
        }

        #default

        impl ::std::fmt::Display for #name_id {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name_id {
            type Err = ::aliyun_runtime::validate::UnknownValue;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s {
                    #(#from_str_arms)*
                    other => ::std::result::Result::Err(::aliyun_runtime::validate::UnknownValue::new(other, #expected)),
                }
            }
        }

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
}

/// The variant of one enum value (with its doc) and its `as_str` arm, for request and
/// response enums alike.
fn enum_value(value: &str, variant: &str, doc: &docs::Doc) -> (TokenStream, TokenStream) {
    let (id, value) = (ident(variant), Literal::string(value));
    (quote!(#doc #id,), quote!(Self::#id => #value,))
}

/// A response enum: its values and `Unknown`, `as_str`, `Display`, decoding from the wire, and
/// `Serialize` for the crate's own tests.
pub fn response_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
    let name_id = ident(name);
    let vars: Vec<proc_macro2::Ident> = variants.iter().map(|(_, v)| ident(v)).collect();
    let values: Vec<Literal> = variants.iter().map(|(v, _)| Literal::string(v)).collect();
    let (variant_decls, as_str_arms): (Vec<TokenStream>, Vec<TokenStream>) = variants
        .iter()
        .map(|(value, variant)| {
            let doc = docs::Doc::outer(format!("`{}`", value.replace('`', "'")));
            enum_value(value, variant, &doc)
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
