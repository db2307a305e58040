//! Which rule-like description sentences the constraint extractor did not understand.

use crate::model::Api;
use crate::parse::{constraints, rule_type, visit_with_siblings};

/// Per API: sentences understood, and those not understood as (field path, line, sentence).
#[derive(Debug, Clone, Default)]
pub struct Lint {
    pub understood: usize,
    pub not_understood: Vec<(String, usize, String)>,
}

pub fn lint_api(api: &Api) -> Lint {
    let mut lint = Lint::default();
    let mut request = api.request.clone();
    visit_with_siblings(&mut request, "", &mut |f, path, siblings| {
        let found = constraints::extract(&f.description, &rule_type(f), siblings);
        lint.understood += found.understood;
        for s in found.not_understood {
            lint.not_understood.push((path.to_string(), f.line, s));
        }
    });
    lint
}
