//! `forbidden_substrings`: text the value must not contain anywhere.

use crate::parse::constraints::*;

/// `不能包含http://或者https://`, `cannot contain http:// or https://`: the tokens after the
/// phrase that can be literal text (marked, or with punctuation); plain words (`spaces`) are
/// character classes or prose, not literals.
pub(crate) fn detect_forbidden_substrings(r: &Rich) -> Option<Rule> {
    let mut values: Vec<String> = Vec::new();
    let mut from = 0;
    let carried = r
        .find_any(0, &RELATION_NEGATION)
        .and_then(|(s, _)| r.find_any(s, &NEGATED_CONTAIN));
    if let Some((_, e)) = carried {
        let stop = r.clause_end(e, &['。', ';']);
        values.extend(prefix_tokens(r, e, stop, false));
    }
    while let Some((_, e)) = r.find_any(from, &CONTAIN_FORBIDDEN) {
        from = e;
        let stop = r.clause_end(e, &['。', ';']);
        let stop = (e..stop)
            .find(|&i| r.c(i) == '.' && r.span(i) == 0 && r.c(i + 1) == ' ')
            .unwrap_or(stop);
        for v in prefix_tokens(r, e, stop, false) {
            if !values.contains(&v) {
                values.push(v);
            }
        }
    }
    (!values.is_empty()).then_some(Rule::ForbiddenSubstrings { values })
}
