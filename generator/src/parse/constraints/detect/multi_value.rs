//! `multi_value`: several values in one string.

use crate::parse::constraints::*;

/// `多个IP之间用半角逗号（,）隔开`, `Separate multiple IDs with commas (,)`.
pub(crate) fn detect_multi(r: &Rich) -> Option<Rule> {
    let verb = r.has_any(&SEPARATOR_VERBS);
    if !verb {
        return None;
    }
    let (_, e, fallback) = SEPARATOR_WORDS
        .iter()
        .find_map(|(w, c)| r.find(0, w).map(|(s, e)| (s, e, *c)))?;
    let p = r.skip_ws(e);
    let explicit =
        (r.c(p) == '(' && r.c(r.skip_ws(p + 1) + 1) == ')').then(|| r.o(r.skip_ws(p + 1)));
    let separator = explicit
        .filter(|c| !c.is_alphanumeric())
        .unwrap_or(fallback);
    Some(Rule::MultiValue {
        separator: separator.to_string(),
        max: None,
    })
}
