//! Which rule-like description sentences the constraint extractor did not understand.

use crate::model::{Api, Field, Type};
use crate::parse::constraints;

/// Per API: sentences understood, and those not understood as (field path, line, sentence).
#[derive(Debug, Clone, Default)]
pub struct Lint {
    pub understood: usize,
    pub not_understood: Vec<(String, usize, String)>,
}

pub fn lint_api(api: &Api) -> Lint {
    let names: Vec<&str> = api.request.iter().map(|f| f.name.as_str()).collect();
    let mut lint = Lint::default();
    fn walk(fields: &[Field], path: &str, names: &[&str], lint: &mut Lint) {
        for f in fields {
            let full = format!("{path}{}", f.name);
            let ty = if f.ty == Type::Array {
                f.item_type.clone().unwrap_or(Type::String)
            } else {
                f.ty.clone()
            };
            let found = constraints::extract(&f.description, &ty, names);
            lint.understood += found.understood;
            for s in found.not_understood {
                lint.not_understood.push((full.clone(), f.line, s));
            }
            walk(&f.children, &format!("{full}."), names, lint);
        }
    }
    walk(&api.request, "", &names, &mut lint);
    lint
}
