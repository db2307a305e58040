//! REST-style (ROA) requests: the method, the path template and where each field goes
//! (`to_roa`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::diagnostics::Diagnostic;
use crate::emit::plan::roa::{is_roa, location_of, method};
use crate::emit::plan::shape::{is_idempotency_token, Planned, Scalar, Shape};
use crate::model::{location, Api, WireStyle};
use crate::naming::ident;

/// The `roa()` method of the `Request` impl; nothing for RPC APIs.
pub fn trait_method(api: &Api, request: &str) -> TokenStream {
    if !is_roa(api) {
        return quote!();
    }
    let req = ident(request);
    quote! {
        fn roa(&self) -> ::std::option::Option<::aliyun_runtime::roa::RoaRequest> {
            ::std::option::Option::Some(#req::to_roa(self))
        }
    }
}

/// `impl Request { METHOD, PATH, to_roa() }`, and diagnostics for places it cannot send to.
pub fn roa_impl(
    api: &Api,
    request: &str,
    fields: &[Planned<'_>],
    file: &str,
) -> (TokenStream, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    if !is_roa(api) {
        return (quote!(), notes);
    }
    let req = ident(request);
    let method = Literal::string(&method(api));
    let (template, fixed) =
        crate::emit::plan::roa::path_and_fixed_query(api.path.as_deref().unwrap_or("/"));
    let path = Literal::string(template);
    // The query the request line fixes goes with every request, as written.
    let mut puts: Vec<TokenStream> = fixed
        .iter()
        .map(|(k, v)| {
            let (k, v) = (Literal::string(k), Literal::string(v));
            quote!(r.query_param(#k, #v);)
        })
        .collect();
    for p in fields {
        let id = ident(&p.ident);
        let wire = Literal::string(&p.field.name);
        let json =
            p.field.wire == Some(WireStyle::Json) || matches!(p.shape, Shape::Scalar(Scalar::Json));
        let put = match location_of(p) {
            location::PATH => quote!(r.path_param(#wire, x);),
            location::HEADER => quote!(r.header(#wire, x);),
            location::BODY => quote!(r.body_member(#wire, x);),
            location::PAYLOAD => quote!(r.payload(x);),
            // The first label of the host name; the runtime refuses a value that is no DNS
            // label, so no value can send the request to another host.
            location::HOST => quote!(r.host_param(#wire, x);),
            location::QUERY if json => quote!(r.query_json(#wire, x);),
            location::QUERY => quote!(r.query_param(#wire, x);),
            other => {
                notes.push(Diagnostic::warning(
                    file,
                    p.field.line,
                    "roa-location",
                    format!(
                        "`{}`: location `{other}` is not supported; sent in the query",
                        p.field.name
                    ),
                ));
                quote!(r.query_param(#wire, x);)
            }
        };
        puts.push(match (&p.shape, p.required) {
            // A required list in the JSON body is sent even when empty (`"indices": []`, as
            // the docs' examples send it); elsewhere an empty list has no spelling.
            (Shape::Vec(_), true) if location_of(p) == location::BODY => {
                quote!({ let x = &self.#id; #put })
            }
            (Shape::Vec(_), _) => quote!(if !self.#id.is_empty() { let x = &self.#id; #put }),
            (_, true) => quote!({ let x = &self.#id; #put }),
            _ => quote!(if let ::std::option::Option::Some(x) = &self.#id { #put }),
        });
        if location_of(p) == location::BODY && is_idempotency_token(p.field) {
            puts.push(quote!(r.token_in_body();));
        }
    }
    let tokens = quote! {
        impl #req {
            /// The HTTP method.
            pub const METHOD: &'static str = #method;
            /// The path, with `{Name}` placeholders for path parameters.
            pub const PATH: &'static str = #path;

            /// Method, filled path, query, headers and JSON body of this request.
            pub fn to_roa(&self) -> ::aliyun_runtime::roa::RoaRequest {
                let mut r = ::aliyun_runtime::roa::RoaRequest::new(Self::METHOD, Self::PATH);
                #(#puts)*
                r
            }
        }
    };
    (tokens, notes)
}
