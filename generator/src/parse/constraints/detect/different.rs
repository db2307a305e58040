//! `different_from`: this parameter must not take the value of another one (`不允许与X取值相同`,
//! `must be different from X`).

use crate::parse::constraints::*;

/// The parameter this one must differ from: named right after a `different` phrase, or between
/// an opener and a closer (`不能与X相同`, `不允许与X取值相同`).
pub(crate) fn detect_different(r: &Rich, found: &[(usize, usize, String)]) -> Vec<Rule> {
    let right_after = |e: usize| found.iter().find(|m| m.0 >= e && m.0 <= r.skip_ws(e) + 2);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, &DIFFERENT_WORDS) {
        from = e;
        if let Some(m) = right_after(e) {
            out.push(Rule::relation(
                RelationKind::DifferentFrom,
                m.2.clone(),
                None,
            ));
        }
    }
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, &DIFFERENT_OPENERS) {
        from = e;
        let Some(m) = right_after(e) else {
            continue;
        };
        // The closer follows the name within a few characters of the same clause (`取值相同`).
        let closed = (m.1..(m.1 + 6).min(r.len()))
            .take_while(|&i| !matches!(r.c(i), ',' | ';' | '。'))
            .any(|i| r.match_any(i, &SAME_CLOSERS).is_some());
        if closed {
            out.push(Rule::relation(
                RelationKind::DifferentFrom,
                m.2.clone(),
                None,
            ));
        }
    }
    out.dedup();
    out
}
