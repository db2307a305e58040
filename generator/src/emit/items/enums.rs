//! Generated enums of documented values, open on both sides: the listed values are variants
//! (`Proto::Tcp` documents and autocompletes), and any other value is kept verbatim in
//! `Unlisted` (`aliyun_runtime::Unlisted`): built from text and sent as it is on the request
//! side (the service judges values its docs do not list), decoded on the response side.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::docs;
use crate::model::{Field, Rule};
use crate::naming::ident;

/// A request enum: its values, `as_str`, `Default` when the doc names a default, `Display`,
/// `FromStr` and the query and serde impls.
pub fn request_enum(name: &str, field: &Field, variants: &[(String, String)]) -> TokenStream {
    let name_id = ident(name);
    let descriptions = value_docs(field, variants);
    let vars: Vec<proc_macro2::Ident> = variants.iter().map(|(_, v)| ident(v)).collect();
    let (variant_decls, as_str_arms): (Vec<TokenStream>, Vec<TokenStream>) = variants
        .iter()
        .zip(&descriptions)
        .map(|((value, variant), doc)| enum_value(value, variant, doc))
        .unzip();
    let from_arms = variants.iter().map(|(value, variant)| {
        let (id, value) = (ident(variant), Literal::string(value));
        quote!(#value => Self::#id,)
    });
    let doc = docs::Doc::outer(format!(
        "Values of `{}`: the documented ones, and any other as `Unlisted` (build it from text: `{name}::from(\"…\")`; it is sent as it is).",
        field.name
    ));
    let default = default_impl(&name_id, field, variants);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name_id {
            #(#variant_decls)*
            /// A value the documentation does not list, sent as it is. Compare with `as_str()`
            /// rather than matching this variant: a later version may list the value.
            Unlisted(::aliyun_runtime::Unlisted),
        }

        impl #name_id {
            /// Every documented value.
            pub const ALL: &'static [#name_id] = &[#(Self::#vars),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unlisted(other) => other.as_str(),
                }
            }

            /// Whether the documentation lists this value.
            pub fn is_documented(&self) -> bool {
                !matches!(self, Self::Unlisted(_))
            }
        }

        impl ::std::convert::From<&str> for #name_id {
            fn from(s: &str) -> Self {
                match s {
                    #(#from_arms)*
                    other => Self::Unlisted(::aliyun_runtime::Unlisted::new(other)),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name_id {
            fn from(s: ::std::string::String) -> Self {
                Self::from(s.as_str())
            }
        }

        #default

        impl ::std::fmt::Display for #name_id {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Never fails: a value the doc does not list is kept in `Unlisted`.
        impl ::std::str::FromStr for #name_id {
            type Err = ::std::convert::Infallible;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(s))
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

/// Each value's doc line: the value, and its meaning when the enum rule gives one.
fn value_docs(field: &Field, variants: &[(String, String)]) -> Vec<docs::Doc> {
    variants
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
        .collect()
}

/// `Default` when the doc names a default that is one of the values.
fn default_impl(
    name_id: &proc_macro2::Ident,
    field: &Field,
    variants: &[(String, String)],
) -> Option<TokenStream> {
    let default = field.constraints.iter().find_map(|c| match &c.rule {
        Rule::Default { value } => variants
            .iter()
            .find(|(v, _)| v == value)
            .map(|(_, var)| var.clone()),
        _ => None,
    });
    default.map(|d| {
        let d = ident(&d);
        quote! {
            /// The value the service assumes when the parameter is not sent.
            impl ::std::default::Default for #name_id {
                fn default() -> Self {
                    Self::#d
                }
            }
        }
    })
}

/// The variant of one enum value (with its doc) and its `as_str` arm, for request and
/// response enums alike.
fn enum_value(value: &str, variant: &str, doc: &docs::Doc) -> (TokenStream, TokenStream) {
    let (id, value) = (ident(variant), Literal::string(value));
    (quote!(#doc #id,), quote!(Self::#id => #value,))
}

/// A response enum: its values and `Unlisted`, `as_str`, `Display`, decoding from the wire, and
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
        "Values of `{}`; values the doc does not list are kept in `Unlisted`.",
        field.name
    );
    let doc = docs::Doc::outer(doc);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name_id {
            #(#variant_decls)*
            /// A value the documentation does not list. Compare with `as_str()` rather than
            /// matching this variant: a later version may list the value.
            Unlisted(::aliyun_runtime::Unlisted),
        }

        impl #name_id {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unlisted(other) => other.as_str(),
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
                    other => Self::Unlisted(::aliyun_runtime::Unlisted::new(other)),
                })
            }
        }
    }
}
