//! The variants of an API's error enum.

use crate::model::{Api, ErrorCode};
use crate::naming::{self, TypeNames};

/// One variant per distinct documented code (the first row of a code documents it), named
/// after the code; `Common` and `Other` are the enum's own variants.
pub fn error_variants(api: &Api) -> Vec<(String, &ErrorCode)> {
    let mut codes: Vec<&ErrorCode> = Vec::new();
    for e in &api.errors {
        if !codes.iter().any(|c| c.code == e.code) {
            codes.push(e);
        }
    }
    let mut used = TypeNames::default();
    used.reserve("Common");
    used.reserve("Other");
    codes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let base = naming::camel(&e.code).unwrap_or_else(|| format!("Code{}", i + 1));
            (used.allocate(&base, "Error"), *e)
        })
        .collect()
}
