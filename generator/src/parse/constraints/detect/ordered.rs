//! `ordered`: this parameter must not be earlier (or smaller) than another one, with an optional
//! largest span (`结束时间需晚于起始时间`, `The end time must be later than the start time. The
//! maximum time range is 31 days.`).

use crate::parse::constraints::*;

/// `必须大于**StartTime**`, `must be later than the start time`: the relation sits on the later
/// parameter (this one), `other` is the earlier one. The earlier one is a sibling the sentence
/// names right after the phrase, or the sibling whose own description opens with the role the
/// sentence names (`起始时间`, `the start time`). A sentence whose subject is another parameter
/// (`StartTime must be …`) is not about this one.
pub(crate) fn detect_ordered(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Vec<Rule> {
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &LATER_WORDS) {
        from = e;
        // `不能晚于`, `cannot be later than`: the opposite order.
        if RELATION_NEGATION.iter().any(|w| r.ends_at(s, w))
            || ORDER_NEGATIONS.iter().any(|w| r.ends_at(s, w))
        {
            continue;
        }
        let clause_start = (0..s)
            .rev()
            .find(|&i| matches!(r.c(i), ',' | '。' | ';'))
            .map_or(0, |i| i + 1);
        if found.iter().any(|m| m.0 >= clause_start && m.1 <= s) {
            continue;
        }
        let named = found
            .iter()
            .find(|m| m.0 >= e && r.skip_ws(e) + 2 >= m.0)
            .map(|m| m.2.clone());
        let needs_name = r.match_any(s, &LATER_NEEDS_NAME) == Some(e);
        let other = match named {
            Some(n) => Some(n),
            None if needs_name => None,
            None => role_sibling(r, e, env),
        };
        if let Some(other) = other {
            return vec![ordered_rule(r, other)];
        }
    }
    Vec::new()
}

/// The sibling whose description opens with the role named at `from` (`起始时间`, `the start
/// time`): only when exactly one sibling does.
fn role_sibling(r: &Rich, from: usize, env: &Env) -> Option<String> {
    let stop = r.clause_end(from, &[',', '。', ';', '.', '(']);
    let mut role = r.folded(from, stop).replace(' ', "");
    for article in ROLE_ARTICLES.iter() {
        if let Some(rest) = role.strip_prefix(article) {
            role = rest.to_string();
            break;
        }
    }
    if role.chars().count() < 2 || role.chars().count() > 24 {
        return None;
    }
    let opening = |d: &str| {
        let first = split_sentences(d).into_iter().next().unwrap_or_default();
        let r = Rich::new(&first);
        r.folded(0, r.len()).replace(' ', "")
    };
    let hits: Vec<&str> = env
        .members
        .iter()
        .filter(|m| m.name != env.own && opening(&m.description).contains(&role))
        .map(|m| m.name.as_str())
        .collect();
    match hits.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// "Later than `other`", with the maximum span the sentence states, if any.
pub(crate) fn ordered_rule(r: &Rich, other: String) -> Rule {
    Rule::Relation {
        relation: RelationKind::Ordered,
        other,
        value: None,
        negated: false,
        also: Vec::new(),
        max_span_secs: detect_span(r),
    }
}

/// `时间跨度最大为31天`, `The maximum time range is 31 days`, `最多查询7天`: the span in seconds.
pub(crate) fn detect_span(r: &Rich) -> Option<u64> {
    let (_, e) = r.find_any(0, &SPAN_WORDS)?;
    let (a, b, n) = numbers(r)
        .into_iter()
        .find(|(a, _, _)| *a >= e && *a <= e + 12)?;
    let _ = a;
    let n = to_u64(n)?;
    let unit = SPAN_UNITS
        .iter()
        .filter_map(|(w, secs)| r.match_at(b, w).map(|end| (end, *secs)))
        .max_by_key(|(end, _)| *end)?;
    n.checked_mul(unit.1)
}
