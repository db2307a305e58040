//! One API → one Rust module, the per-API driver: the API is planned ([`super::plan`]), then
//! its items are written (`emit::items`: request struct and builder, nested types, validators,
//! response types, error enum, `Request` impl, REST-style request), then the tests made from
//! the doc (`emit::gen_tests`).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::gen_tests;
use super::items;
use super::plan::{plan_api, ApiPlan};
use crate::diagnostics::Diagnostic;
use crate::model::Api;

/// Generated items of one API module.
pub struct ApiModule {
    pub tokens: TokenStream,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn emit_api(api: &Api) -> Result<ApiModule, Diagnostic> {
    let ApiPlan {
        types,
        file,
        request,
        response,
        paging,
        mut diagnostics,
    } = plan_api(api)?;
    let (request, response) = (&request[..], &response[..]);
    let mut items = Vec::new();
    items.push(items::request::request_struct(
        api,
        &types.request,
        &types.builder,
        request,
    ));
    items::request::request_types(request, &mut items);
    items.push(items::validators::validation(
        &types.request,
        &types.builder,
        request,
    ));
    items::response::response_struct(
        &types.response,
        &format!("The response of `{}`.", api.name),
        response,
        &mut items,
    );
    items.push(items::errors::error_enum(api, &types.error));
    items.push(items::request_trait::request_trait_impl(
        api, &types, request,
    ));
    match &paging {
        Ok(Some(paging)) => {
            let impls = items::paging::page_impls(
                paging,
                &types.request,
                &types.response,
                request,
                response,
            );
            // The detection checked every field the impls name; the client's paginator
            // method relies on them.
            items.push(impls.ok_or_else(|| {
                Diagnostic::error(
                    &file,
                    0,
                    "emit-bug",
                    format!(
                        "`{}` pages but its paging fields were not planned",
                        api.name
                    ),
                )
            })?);
        }
        Ok(None) => {}
        Err(why) => diagnostics.push(Diagnostic::note(
            &file,
            0,
            "paginator-not-made",
            format!("`{}` looks paged but gets no paginator: {why}", api.name),
        )),
    }
    let (roa, notes) = items::roa::roa_impl(api, &types.request, request, &file);
    diagnostics.extend(notes);
    items.push(roa);
    let (tests, notes) = gen_tests::test_modules(api, &types, request, response);
    diagnostics.extend(notes);
    items.push(tests);

    let summary = docs::sanitize(&api.summary);
    let doc_text = format!(
        "`{}` ({} API version {}).\n\n{}",
        api.name, api.product, api.version, summary
    );
    let doc = docs::Doc::inner(doc_text.trim_end());
    Ok(ApiModule {
        tokens: quote! {
            #doc
            #(#items)*
        },
        diagnostics,
    })
}
