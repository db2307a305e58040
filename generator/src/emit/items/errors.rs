//! One error enum per API: a variant per documented code, the gateway's common codes, and a
//! variant for any other code.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::docs;
use crate::emit::plan::errors::error_variants;
use crate::model::{Api, ErrorCode};
use crate::naming;

/// The doc of a code's variant: the code, its documented HTTP status, message and description.
fn variant_doc(e: &ErrorCode) -> docs::Doc {
    let status = e
        .http_status
        .map(|s| format!(" (HTTP {s})"))
        .unwrap_or_default();
    let mut d = format!(
        "`{}`{status}: {}",
        e.code.replace('`', "'"),
        docs::sanitize(&e.message)
    );
    if !e.description.is_empty() {
        d.push_str("\n\n");
        d.push_str(&docs::sanitize(&e.description));
    }
    docs::Doc::outer(d)
}

pub fn error_enum(api: &Api, name: &str) -> TokenStream {
    let variants = error_variants(api);
    let variant_docs = variants.iter().map(|(_, e)| variant_doc(e));
    let name_id = naming::ident(name);
    let ids: Vec<proc_macro2::Ident> = variants.iter().map(|(v, _)| naming::ident(v)).collect();
    let codes: Vec<Literal> = variants
        .iter()
        .map(|(_, e)| Literal::string(&e.code))
        .collect();
    let statuses = variants.iter().map(|(_, e)| match e.http_status {
        Some(s) => {
            let s = Literal::u16_suffixed(s);
            quote!(::std::option::Option::Some(#s))
        }
        None => quote!(::std::option::Option::None),
    });
    // Documented codes first; with none, the match would be a lint-worthy single arm.
    let from_code = match variants.is_empty() {
        true => quote!(Self::undocumented(code, message)),
        false => quote! {
            match code {
                #(#codes => Self::#ids { message },)*
                _ => Self::undocumented(code, message),
            }
        },
    };
    let doc = format!(
        "The errors `{}` can return, by code.\n\nMatch on the variant: codes are compared exactly (some documented codes are misspelt and stay so on the wire).",
        api.name
    );
    let doc = docs::Doc::outer(doc);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum #name_id {
            #(
                #variant_docs
                #ids {
                    /// The message the service sent.
                    message: ::std::string::String,
                },
            )*
            /// A gateway-level code every API can return (throttling, signature, parameters…).
            Common {
                code: ::aliyun_runtime::error::CommonErrorCode,
                message: ::std::string::String,
            },
            /// Any other code.
            Other {
                code: ::std::string::String,
                message: ::std::string::String,
            },
        }

        impl #name_id {
            /// The error for a code and message as the service sent them.
            pub fn from_code(code: &str, message: &str) -> Self {
                let message = message.to_string();
                #from_code
            }

            /// A code the API does not document: a gateway code, or any other.
            fn undocumented(code: &str, message: ::std::string::String) -> Self {
                match ::aliyun_runtime::error::CommonErrorCode::from_code(code) {
                    ::std::option::Option::Some(code) => Self::Common { code, message },
                    ::std::option::Option::None => Self::Other { code: code.to_string(), message },
                }
            }

            /// The exact code on the wire.
            pub fn code(&self) -> &str {
                match self {
                    #(Self::#ids { .. } => #codes,)*
                    Self::Common { code, .. } => code.as_str(),
                    Self::Other { code, .. } => code,
                }
            }

            /// The message the service sent.
            pub fn message(&self) -> &str {
                match self {
                    #(Self::#ids { message } => message,)*
                    Self::Common { message, .. } | Self::Other { message, .. } => message,
                }
            }

            /// The HTTP status the documentation gives for this code (advisory: match on the code).
            pub fn http_status(&self) -> ::std::option::Option<u16> {
                match self {
                    #(Self::#ids { .. } => #statuses,)*
                    Self::Common { .. } | Self::Other { .. } => ::std::option::Option::None,
                }
            }
        }

        impl ::std::fmt::Display for #name_id {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}: {}", self.code(), self.message())
            }
        }

        impl ::std::error::Error for #name_id {}

        impl ::aliyun_runtime::api::ApiError for #name_id {
            fn from_code(code: &str, message: &str) -> Self {
                #name_id::from_code(code, message)
            }

            fn code(&self) -> &str {
                #name_id::code(self)
            }
        }
    }
}
