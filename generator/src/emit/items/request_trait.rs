//! `impl aliyun_runtime::api::Request`: what the client needs to send the request and read its
//! answer (action, version, product, idempotency token, the REST-style form when there is one).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::plan::shape::{idempotency_token, Planned};
use crate::model::Api;
use crate::naming::{ident, ApiTypes};

pub fn request_trait_impl(api: &Api, types: &ApiTypes, request: &[Planned<'_>]) -> TokenStream {
    let roa = super::roa::trait_method(api, &types.request);
    let (req, resp, err) = (
        ident(&types.request),
        ident(&types.response),
        ident(&types.error),
    );
    let (action, version, product) = (
        Literal::string(&api.name),
        Literal::string(&api.version),
        Literal::string(&api.product),
    );
    let token = match idempotency_token(request) {
        Some(t) => {
            let t = Literal::string(t);
            quote!(::std::option::Option::Some(#t))
        }
        None => quote!(::std::option::Option::None),
    };
    quote! {
        impl ::aliyun_runtime::api::Request for #req {
            type Response = #resp;
            type Error = #err;
            const ACTION: &'static str = #action;
            const VERSION: &'static str = #version;
            const PRODUCT: &'static str = #product;
            const CLIENT_TOKEN: ::std::option::Option<&'static str> = #token;

            fn validate(&self) -> ::std::result::Result<(), ::aliyun_runtime::ValidationError> {
                #req::validate(self)
            }

            fn validate_required(&self) -> ::std::result::Result<(), ::aliyun_runtime::ValidationError> {
                ::aliyun_runtime::validate::run_required(self)
            }

            fn rule_checks_skipped(&self) -> bool {
                #req::rule_checks_skipped(self)
            }

            fn to_query(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
                #req::to_query(self)
            }

            #roa
        }
    }
}
