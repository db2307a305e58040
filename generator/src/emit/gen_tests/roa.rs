//! Tests made from a REST-style (ROA) doc's request examples: the example's values set through
//! the builder reproduce its method, path, query and body.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::values::{value_expr, Val};
use crate::diagnostics::Diagnostic;
use crate::emit::plan::roa::{is_roa, read_example};
use crate::emit::plan::shape::{Planned, Shape};
use crate::model::{Api, HttpRequestExample};
use crate::naming::ident;

/// One test: the example's values set through the builder reproduce its method, path, query
/// and body.
fn example_test(
    api: &Api,
    request: &str,
    fields: &[Planned<'_>],
    ex: &HttpRequestExample,
    index: usize,
) -> Result<TokenStream, String> {
    let ex = read_example(api, fields, ex)?;
    let mut calls = Vec::new();
    for (p, v) in &ex.values {
        let val = match v {
            Value::String(s) if !matches!(p.shape, Shape::Vec(_) | Shape::Struct(_)) => {
                Val::Text(s.clone())
            }
            other => Val::Json(other.clone()),
        };
        let expr = value_expr(&p.shape, &p.children, &val)
            .map_err(|e| format!("`{}`: {e}", p.field.name))?;
        let setter = ident(&p.ident);
        calls.push(quote!(.#setter(#expr)));
    }
    let ty = ident(request);
    let test = format_ident!(
        "request_example_{}_reproduces_method_path_query_and_body",
        index + 1
    );
    let method_lit = Literal::string(&ex.method);
    let path_lit = Literal::string(&ex.path);
    let names = ex.query.iter().map(|(k, _)| Literal::string(k));
    let vals = ex.query.iter().map(|(_, v)| Literal::string(v));
    // The host name's first label, when the API sends a parameter there.
    let host_check = match &ex.host_prefix {
        Some(Some(label)) => {
            let lit = Literal::string(label);
            quote!(assert_eq!(roa.host_prefix(), ::std::option::Option::Some(#lit));)
        }
        Some(None) => quote!(assert_eq!(roa.host_prefix(), ::std::option::Option::None);),
        None => quote!(),
    };
    let body_check = match &ex.body {
        Some(b) => {
            let lit = Literal::string(&b.to_string());
            quote!(::aliyun_runtime::testing::assert_json_matches(roa.body().as_ref(), ::std::option::Option::Some(#lit));)
        }
        None => {
            quote!(::aliyun_runtime::testing::assert_json_matches(roa.body().as_ref(), ::std::option::Option::None);)
        }
    };
    Ok(quote! {
        #[test]
        fn #test() {
            let request = #ty::builder()
                #(#calls)*
                .build_unchecked()
                .expect("the documented request example sets every required parameter");
            let roa = request.to_roa();
            assert_eq!(roa.method(), #method_lit);
            assert_eq!(roa.path(), #path_lit);
            #host_check
            ::aliyun_runtime::testing::assert_query_eq(&roa.query(), &[#((#names, #vals)),*], &[]);
            #body_check
        }
    })
}

/// Tests from the doc's REST-style request examples; examples that do not fit are reported in
/// `notes`.
pub fn example_tests(
    api: &Api,
    request: &str,
    fields: &[Planned<'_>],
    notes: &mut Vec<Diagnostic>,
) -> Vec<TokenStream> {
    let mut tests = Vec::new();
    if !is_roa(api) {
        return tests;
    }
    for (i, ex) in api.examples.http_requests.iter().enumerate() {
        match example_test(api, request, fields, ex, i) {
            Ok(t) => tests.push(t),
            Err(why) => notes.push(Diagnostic::warning(
                &ex.file,
                ex.line,
                "example-not-tested",
                format!("request example not turned into a test: {why}"),
            )),
        }
    }
    tests
}
