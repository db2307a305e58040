//! One error enum per API: a variant per documented code, the gateway's common codes, and a
//! variant for any other code.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

use super::docs;
use super::naming::{self, TypeNames};
use super::outline::{Place, Run, Slot};
use crate::model::{Api, ErrorCode};

pub fn error_enum(api: &Api, name: &str) -> TokenStream {
    // One variant per distinct code; the first row documents it.
    let mut codes: Vec<&ErrorCode> = Vec::new();
    for e in &api.errors {
        if !codes.iter().any(|c| c.code == e.code) {
            codes.push(e);
        }
    }
    let mut used = TypeNames::default();
    used.reserve("Common");
    used.reserve("Other");
    let variants: Vec<(String, &ErrorCode)> = codes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let base = naming::camel(&e.code).unwrap_or_else(|| format!("Code{}", i + 1));
            (used.allocate(&base, "Error"), *e)
        })
        .collect();
    let variant_docs: Vec<docs::Doc> = variants
        .iter()
        .map(|(_, e)| {
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
        })
        .collect();
    // Documented codes first; with none, the match would be a lint-worthy single arm.
    let mut documented = Run::new(Place::Arm(3));
    for (variant, e) in &variants {
        documented.unit(
            "from_code",
            None,
            &[Slot::Str(&e.code), Slot::Ident(variant)],
            |s| {
                let (code, id) = (&s[0], &s[1]);
                quote!(#code => Self::#id { message },)
            },
        );
    }
    let documented = documented.finish();
    // The variants and the arms of `code`, `message` and `http_status`, one run each.
    let mut variant_run = Run::new(Place::Variant(1));
    let mut code_arms = Run::new(Place::Arm(3));
    let mut message_arms = Run::new(Place::Arm(3));
    let mut status_arms = Run::new(Place::Arm(3));
    for ((variant, e), doc) in variants.iter().zip(&variant_docs) {
        variant_run.unit("variant", Some(doc), &[Slot::Ident(variant)], |s| {
            let id = &s[0];
            quote! {
                #id {
                    /// The message the service sent.
                    message: ::std::string::String,
                },
            }
        });
        code_arms.unit(
            "code",
            None,
            &[Slot::Ident(variant), Slot::Str(&e.code)],
            |s| {
                let (id, code) = (&s[0], &s[1]);
                quote!(Self::#id { .. } => #code,)
            },
        );
        message_arms.unit("message", None, &[Slot::Ident(variant)], |s| {
            let id = &s[0];
            quote!(Self::#id { message } => message,)
        });
        let key = format!("http_status:{:?}", e.http_status);
        status_arms.unit(&key, None, &[Slot::Ident(variant)], |s| {
            let id = &s[0];
            let status = match e.http_status {
                Some(s) => {
                    let s = Literal::u16_suffixed(s);
                    quote!(::std::option::Option::Some(#s))
                }
                None => quote!(::std::option::Option::None),
            };
            quote!(Self::#id { .. } => #status,)
        });
    }
    let (variant_run, code_arms, message_arms, status_arms) = (
        variant_run.finish(),
        code_arms.finish(),
        message_arms.finish(),
        status_arms.finish(),
    );
    let doc = format!(
        "The errors `{}` can return, by code.\n\nMatch on the variant: codes are compared exactly (some documented codes are misspelt and stay so on the wire).",
        api.name
    );
    let doc = docs::Doc::outer(doc);
    // Fixed text (but for the name): printed once (per name length), see [`super::outline`].
    // Fixed text but for the name (see [`Run`]).
    let mut error_impls = Run::new(Place::Top);
    error_impls.unit("error_impls", None, &[Slot::Ident(name)], |s| {
        let id = &s[0];
        quote! {
            impl ::std::fmt::Display for #id {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(f, "{}: {}", self.code(), self.message())
                }
            }

            impl ::std::error::Error for #id {}

            impl ::aliyun_runtime::api::ApiError for #id {
                fn from_code(code: &str, message: &str) -> Self {
                    #id::from_code(code, message)
                }

                fn code(&self) -> &str {
                    #id::code(self)
                }
            }
        }
    });
    let error_impls = error_impls.finish();
    // The enum and its impl: fixed text but for the name, the doc and the runs inside, so
    // each is printed once per name width (see [`Run`]).
    let mut items = Run::new(Place::Top);
    let slots = [
        Slot::Doc(&doc),
        Slot::Ident(name),
        Slot::Inner(&variant_run),
    ];
    items.unit("error_enum", None, &slots, |s| {
        let (doc, name_id, variants) = (&s[0], &s[1], &s[2]);
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Eq)]
            #[non_exhaustive]
            pub enum #name_id {
                #variants
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
        }
    });
    let slots = [
        Slot::Ident(name),
        Slot::Inner(&documented),
        Slot::Inner(&code_arms),
        Slot::Inner(&message_arms),
        Slot::Inner(&status_arms),
    ];
    let key = if documented.is_empty() {
        "no_codes"
    } else {
        "codes"
    };
    items.unit(key, None, &slots, |s| {
        let (name_id, documented, code_arms, message_arms, status_arms) =
            (&s[0], &s[1], &s[2], &s[3], &s[4]);
        let documented = if documented.to_token_stream().is_empty() {
            quote!(Self::undocumented(code, message))
        } else {
            quote! {
                match code {
                    #documented
                    _ => Self::undocumented(code, message),
                }
            }
        };
        quote! {
            impl #name_id {
                /// The error for a code and message as the service sent them.
                pub fn from_code(code: &str, message: &str) -> Self {
                    let message = message.to_string();
                    #documented
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
                        #code_arms
                        Self::Common { code, .. } => code.as_str(),
                        Self::Other { code, .. } => code,
                    }
                }

                /// The message the service sent.
                pub fn message(&self) -> &str {
                    match self {
                        #message_arms
                        Self::Common { message, .. } | Self::Other { message, .. } => message,
                    }
                }

                /// The HTTP status the documentation gives for this code (advisory: match on the code).
                pub fn http_status(&self) -> ::std::option::Option<u16> {
                    match self {
                        #status_arms
                        Self::Common { .. } | Self::Other { .. } => ::std::option::Option::None,
                    }
                }
            }
        }
    });
    let items = items.finish();
    quote! {
        #items

        #error_impls
    }
}
