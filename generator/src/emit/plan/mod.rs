//! IR → Rust-level decisions, before any code is written: the Rust shape and name of every
//! field and generated type ([`shape`]), the variants of the error enum ([`errors`]), the
//! REST-style facts and how a request example fits the path template ([`roa`]), where each
//! value of a response example lands ([`fit`]), and how the API pages ([`paging`]). The emitters (`items`, `gen_tests`) and `diff`
//! read these decisions; nothing here writes code but a type's spelling
//! ([`shape::Shape::tokens`]).

pub mod errors;
pub mod fit;
pub mod paging;
pub mod roa;
pub mod shape;

use crate::diagnostics::Diagnostic;
use crate::model::Api;
use crate::naming::{ApiTypes, TypeNames};
use shape::{Planned, Planner};

/// One API planned: its type names and the shapes of its request and response fields.
pub struct ApiPlan<'a> {
    pub types: ApiTypes,
    /// The doc the API was read from (for diagnostics).
    pub file: String,
    pub request: Vec<Planned<'a>>,
    pub response: Vec<Planned<'a>>,
    /// How the API pages, when it does ([`paging`]); why it gets no paginator when it looks
    /// paged but cannot have one.
    pub paging: Result<Option<paging::Paging<'a>>, String>,
    /// Fields that cannot be named (skipped).
    pub diagnostics: Vec<Diagnostic>,
}

/// Plans an API: the request's types are named first, then the response's, none taking a name
/// of the API's own four types (request, builder, response, error).
pub fn plan_api(api: &Api) -> Result<ApiPlan<'_>, Diagnostic> {
    let file = api
        .sources
        .first()
        .map(|s| s.file.clone())
        .unwrap_or_default();
    let types = ApiTypes::of(&api.name).ok_or_else(|| {
        Diagnostic::error(
            &file,
            0,
            "unnamable-api",
            format!("API name `{}` cannot be a Rust name", api.name),
        )
    })?;
    let mut names = TypeNames::default();
    for n in types.all() {
        names.reserve(n);
    }
    let mut planner = Planner {
        names: &mut names,
        file: file.clone(),
        diags: Vec::new(),
        request: true,
    };
    let request = planner.plan(&api.request, &types.request, true)?;
    planner.request = false;
    let response = planner.plan(&api.response, &types.response, false)?;
    let diagnostics = std::mem::take(&mut planner.diags);
    Ok(ApiPlan {
        types,
        file,
        request,
        response,
        paging: paging::detect(api),
        diagnostics,
    })
}
