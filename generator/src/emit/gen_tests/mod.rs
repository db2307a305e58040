//! The generated crate's own tests, made from the doc and the plan: each API module gets a
//! `#[cfg(test)] mod tests` (request examples serialize to the documented query, rules and
//! relations are enforced as they mean, response and error examples decode) and, REST-style,
//! a `mod roa_examples` (request examples reproduce method, path, query and body).
//!
//! These emitters write tests *for the generated code*; this crate's own unit tests sit in each
//! file's `#[cfg(test)] mod tests` as usual.

mod candidates;
mod examples;
mod relations;
mod roa;
mod rules;
mod values;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::diagnostics::Diagnostic;
use crate::emit::plan::shape::Planned;
use crate::model::Api;
use crate::naming::ApiTypes;

/// The test modules of one API, and what could not be turned into a test.
pub fn test_modules(
    api: &Api,
    types: &ApiTypes,
    request: &[Planned<'_>],
    response: &[Planned<'_>],
) -> (TokenStream, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    let mut tests = examples::request_tests(api, &types.request, request, &mut notes);
    tests.extend(rules::rule_tests(&types.request, request));
    tests.extend(relations::relation_tests(&types.request, request));
    tests.extend(examples::response_tests(
        api,
        &types.response,
        response,
        &mut notes,
    ));
    tests.extend(examples::error_tests(api, &types.error));
    let roa_tests = roa::example_tests(api, &types.request, request, &mut notes);
    let tokens = [
        test_module("tests", &tests),
        test_module("roa_examples", &roa_tests),
    ];
    (quote!(#(#tokens)*), notes)
}

/// `#[cfg(test)] mod <name> { use super::*; … }`; nothing without tests.
fn test_module(name: &str, tests: &[TokenStream]) -> TokenStream {
    if tests.is_empty() {
        return TokenStream::new();
    }
    let name = format_ident!("{name}");
    quote! {
        #[cfg(test)]
        mod #name {
            use super::*;
            #(#tests)*
        }
    }
}
