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

/// `分页大小不要超过3000。`, `cannot exceed 100.`: the upper bound of a numeric parameter,
/// when the number ends the clause (`不能超过1天` bounds a time difference, `1,000 instances`
/// something counted) and the doc states no range or values of its own (`单次调整的台数不能超过
/// 1000。不同调整方式对应的取值范围：…` bounds another quantity than the ranges that follow).
pub(crate) fn detect_exceed(r: &Rich, ty: &Type, whole: &str) -> Option<Rule> {
    if !matches!(ty, Type::Integer | Type::Long | Type::Float | Type::Double) {
        return None;
    }
    if r.starts_with_any(&ITEM_BOUND_STARTS) || r.find_any(0, &EXCEED_BOUNDS).is_none() {
        return None;
    }
    if Rich::new(whole).find_any(0, &VALUE_INTROS).is_some() {
        return None;
    }
    let mut from = 0;
    let mut max = None;
    while let Some((s, e)) = r.find_any(from, &EXCEED_BOUNDS) {
        from = e;
        if conditional_at(r, s) || about_index(r, s) {
            continue;
        }
        let Some(tok) = read_token(r, e, false) else {
            continue;
        };
        let Some(n) = to_number(&tok.text) else {
            continue;
        };
        let after = r.skip_ws(tok.end);
        let ends_clause = after >= r.len()
            || (matches!(r.c(after), '。' | '.' | ',' | ';' | ')')
                && !r.c(after + 1).is_ascii_digit());
        if !ends_clause {
            continue;
        }
        if max.is_some() {
            // Two different limits in one text: which one is this value's is a guess.
            return None;
        }
        max = Some(n);
    }
    max.map(|n| Rule::Range {
        min: None,
        max: Some(n),
        min_exclusive: false,
        max_exclusive: false,
    })
}

/// `可设置为0和正整数`, `must be a positive integer`: the lower bound a kind of number states,
/// on a numeric parameter. A sentence about the index `N` of a list (`N为正整数`) bounds no
/// value.
pub(crate) fn detect_number_kind(r: &Rich, ty: &Type) -> Option<Rule> {
    if !matches!(ty, Type::Integer | Type::Long | Type::Float | Type::Double) {
        return None;
    }
    if r.starts_with_any(&ITEM_BOUND_STARTS) {
        return None;
    }
    let words: Vec<&str> = NUMBER_KINDS.iter().map(|(w, _)| *w).collect();
    let (s, e) = r.find_any(0, &words)?;
    let min = NUMBER_KINDS
        .iter()
        .find(|(w, _)| r.match_at(s, w) == Some(e))
        .map(|(_, n)| *n)?;
    if conditional_at(r, s) || about_index(r, s) {
        return None;
    }
    Some(Rule::Range {
        min: Some(Number::Int(min)),
        max: None,
        min_exclusive: false,
        max_exclusive: false,
    })
}

/// Whether the clause before `s` names the index `N` (`N为…`, `N is …`).
fn about_index(r: &Rich, s: usize) -> bool {
    let start = (0..s)
        .rev()
        .find(|&i| matches!(r.c(i), ',' | '。' | ';'))
        .map_or(0, |i| i + 1);
    (start..s).any(|i| {
        r.o(i) == 'N'
            && !r.o(i.wrapping_sub(1)).is_ascii_alphanumeric()
            && !r.o(i + 1).is_ascii_alphanumeric()
    })
}
