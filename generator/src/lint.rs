//! Which rule-like description sentences the constraint extractor did not understand.

use crate::model::Api;
use crate::parse::{constraints, rule_type, visit_in_place};

/// Per API: sentences understood, and those not understood as (field path, line, sentence).
#[derive(Debug, Clone, Default)]
pub struct Lint {
    pub understood: usize,
    pub not_understood: Vec<(String, usize, String)>,
}

/// A sentence counts as understood only when a rule read from it survives into the IR (merging
/// or de-duplicating may drop a rule that contradicts another), enforced or demoted (the doc's
/// own example contradicts it: read, but not enforced), or when an unconditional rule of the IR
/// already states it.
pub fn lint_api(api: &Api) -> Lint {
    let mut lint = Lint::default();
    let mut request = api.request.clone();
    visit_in_place(&mut request, "", &mut |f, path, place| {
        let found = constraints::extract_in(&f.description, &rule_type(f), place);
        for (s, rules) in found.understood_sources {
            // Its rule is in the IR: cited from this sentence, or equal to one read elsewhere
            // (a second sentence stating the same rule).
            let survives = f
                .constraints
                .iter()
                .chain(f.demoted.iter().map(|d| &d.constraint))
                .any(|c| c.source.contains(s.as_str()) || rules.contains(&c.rule));
            if survives {
                lint.understood += 1;
            } else {
                lint.not_understood.push((path.to_string(), f.line, s));
            }
        }
        lint.understood += found.consistent_sources.len();
        for s in found.not_understood {
            lint.not_understood.push((path.to_string(), f.line, s));
        }
    });
    lint
}
