//! `range`: numeric bounds stated as words (`最大值为`, `greater than`).

use crate::parse::constraints::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Bound {
    Max,
    MaxEx,
    Min,
    MinEx,
}

/// `最大值为50`, `Maximum value: **50**`, `大于0`, `greater than 0`; `N…` sentences bound the
/// number of items instead.
pub(crate) fn detect_bounds(r: &Rich) -> Option<Rule> {
    let pats: Vec<&str> = BOUNDS.iter().map(|(p, _)| *p).collect();
    let mut min: Option<(Number, bool)> = None;
    let mut max: Option<(Number, bool)> = None;
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &pats) {
        from = e;
        let Some(kind) = &BOUNDS
            .iter()
            .filter(|(p, _)| r.match_at(s, p) == Some(e))
            .map(|(_, k)| *k)
            .next()
        else {
            continue;
        };
        if conditional_at(r, s) {
            continue;
        }
        let mut p = e;
        if let Some(q) = r.match_any(p, &[&BOUND_JOINERS[..], &[":"]].concat()) {
            p = q;
        }
        let Some(tok) = read_token(r, p, false) else {
            continue;
        };
        let Some(n) = to_number(&tok.text) else {
            continue;
        };
        // `最大不超过64个字符` is a length, `最多20个` a count.
        if r.match_any(tok.end, &BOUND_NOT_FOLLOWERS).is_some() {
            continue;
        }
        match kind {
            Bound::Max => max = Some((n, false)),
            Bound::MaxEx => max = Some((n, true)),
            Bound::Min => min = Some((n, false)),
            Bound::MinEx => min = Some((n, true)),
        }
    }
    if min.is_none() && max.is_none() {
        return None;
    }
    if r.starts_with_any(&ITEM_BOUND_STARTS) {
        return Some(Rule::Items {
            min: min.and_then(|(n, _)| to_u64(n)),
            max: max.and_then(|(n, _)| to_u64(n)),
        });
    }
    Some(Rule::Range {
        min: min.map(|m| m.0),
        max: max.map(|m| m.0),
        min_exclusive: min.is_some_and(|m| m.1),
        max_exclusive: max.is_some_and(|m| m.1),
    })
}
