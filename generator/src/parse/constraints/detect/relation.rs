//! `relation`: rules that tie this parameter to another parameter of the request.

use crate::parse::constraints::*;

/// Whole-word occurrences of sibling names: (start, end, name), in text order. A bold name one
/// swapped-letters typo away from a sibling (`**SourceVSwtichId**`) counts as that sibling.
pub(crate) fn mentions<'a>(r: &Rich, siblings: &[&'a str]) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    for name in siblings.iter().copied().filter(|n| !n.is_empty()) {
        let want: Vec<char> = name.chars().collect();
        for i in 0..r.len() {
            let hit = want.iter().enumerate().all(|(k, c)| r.o(i + k) == *c);
            if hit && r.boundary(i) && r.boundary(i + want.len()) {
                out.push((i, i + want.len(), name));
            }
        }
    }
    let mut i = 0;
    while i < r.len() {
        if r.span(i) == 0 || out.iter().any(|m| m.0 <= i && i < m.1) {
            i += 1;
            continue;
        }
        let Some(t) = read_token(r, i, false) else {
            break;
        };
        let ident = t.text.chars().count() >= 8
            && t.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if ident {
            if let Some(name) = siblings
                .iter()
                .copied()
                .find(|n| swapped_letters(&t.text, n))
            {
                out.push((t.start, t.end, name));
            }
        }
        i = t.end.max(i + 1);
    }
    out.sort_by_key(|m| m.0);
    out
}

/// `a` is `b` with two neighbouring letters swapped (`SourceVSwtichId`, `Descritpion`), the
/// typo the docs make. Other edits are not accepted: `VSwitchIds` or `Ipv6Prefix` may well be
/// other parameters than `VSwitchId` or `Ipv4Prefix`.
pub(crate) fn swapped_letters(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// The value a condition names after a sibling (`当**X**的值为**Y**时`, `X is set to **Y**`,
/// `AuthChannel取”AUTH_CODE“`).
pub(crate) fn condition_value(
    r: &Rich,
    from: usize,
    limit: usize,
    names: &[&str],
) -> Option<String> {
    let mut i = from;
    while i < limit.min(r.len()) {
        if r.span(i) != 0 {
            let t = read_token(r, i, false)?;
            if !names.contains(&t.text.as_str()) && is_value_like(&t.text) {
                return Some(t.text);
            }
            i = t.end;
            continue;
        }
        if r.c(i) == '"' {
            let close = (i + 1..r.len()).find(|&k| r.c(k) == '"')?;
            let v = r.orig(i + 1, close);
            return is_value_like(&v).then_some(v);
        }
        if matches!(r.c(i), ',' | '。' | ';') {
            return None;
        }
        i += 1;
    }
    None
}

/// Relations with other parameters of the request (only names from `siblings`).
pub(crate) fn detect_relations(r: &Rich, siblings: &[&str]) -> Vec<Rule> {
    let found = mentions(r, siblings);
    if found.is_empty() {
        return Vec::new();
    }
    let mut others: Vec<&str> = Vec::new();
    for (_, _, n) in &found {
        if !others.contains(n) {
            others.push(n);
        }
    }
    let each = |kind: RelationKind| -> Vec<Rule> {
        others
            .iter()
            .map(|o| Rule::relation(kind.clone(), *o, None))
            .collect()
    };
    let negated = r.has_any(&RELATION_NEGATION);
    if negated && r.has_any(&OVERLAP_WORDS) {
        return each(RelationKind::NoOverlap);
    }
    let exclusive = &EXCLUSIVE_WORDS;
    // `Set **IpAddress** or **InstanceId**.`: one parameter or the other (zh: `仅需传入一个`).
    let either = r.starts_with_any(&["set"]) && r.span(r.skip_ws(3)) != 0 && found.len() == 1 && {
        let first = read_token(r, 3, false);
        let or = first.as_ref().and_then(|t| r.match_at(t.end, "or"));
        let second = or
            .and_then(|o| read_token(r, o, false))
            .filter(|t| t.marked);
        second.is_some_and(|t| (t.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.')))
    };
    let at_least_one = &AT_LEAST_ONE_WORDS;
    if r.has_any(at_least_one) {
        return each(RelationKind::AtLeastOneOf);
    }
    if r.has_any(exclusive) || either {
        return each(RelationKind::MutuallyExclusive);
    }
    let requires = &REQUIRES_WORDS;
    if r.has_any(requires) {
        return each(RelationKind::Requires);
    }
    let required = required_when(r, &found);
    if !required.is_empty() {
        return required;
    }
    conditional_relation(r, &found, &APPLIES_WORDS, RelationKind::AppliesWhen)
}

/// `当**X**参数的值为**Y**时，该参数必选`, `This parameter is required when **X** is set to **Y**`.
pub(crate) fn required_when(r: &Rich, found: &[(usize, usize, &str)]) -> Vec<Rule> {
    conditional_relation(r, found, &REQUIRED_WORDS, RelationKind::RequiredWhen)
}

/// A relation stated by a marker (`该参数必选`, `takes effect only when`) and a condition on the
/// nearest mentioned parameter (and the value it names, if any).
fn conditional_relation(
    r: &Rich,
    found: &[(usize, usize, &str)],
    required: &[&str],
    kind: RelationKind,
) -> Vec<Rule> {
    let names: Vec<&str> = found.iter().map(|m| m.2).collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, required) {
        from = e;
        // The condition is the nearest mention before the marker (zh, `If X…, this parameter is
        // required`), else the first one right after it (`required when X is set to Y`).
        let before = found.iter().rev().find(|m| m.0 >= prev_end && m.1 <= s);
        let after = found.iter().find(|m| m.0 >= e && m.0 <= e + 40);
        prev_end = e;
        let Some(&(_, m_end, other)) = before.or(after) else {
            continue;
        };
        let limit = if before.is_some() { s } else { r.len() };
        let value = condition_value(r, m_end, limit, &names);
        let rule = Rule::relation(kind.clone(), other.to_string(), value);
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    out
}
