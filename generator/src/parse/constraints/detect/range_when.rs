//! `range_when`: a numeric range per value of another parameter (`cloud：5~2000` under the size
//! of a disk whose `Category` is `cloud`; `Valid values when Category is set to cloud: 5 to
//! 2000`).

use crate::parse::constraints::*;

/// One `key: lo~hi` case; `other` is the parameter the case names, when it names one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Case {
    pub(crate) key: String,
    pub(crate) other: Option<String>,
    pub(crate) min: Number,
    pub(crate) max: Number,
}

/// A sentence or bullet that is one case: `cloud：5~2000`, `**Month**: 1 to 9`, or `Valid values
/// when **Category** is set to **cloud**: 5 to 2000`.
pub(crate) fn case_of(r: &Rich, env: &Env) -> Option<Case> {
    let colon = (0..r.len()).find(|&i| r.c(i) == ':')?;
    let (vals, end) = parse_expr(r, colon + 1, 0);
    let rest_is_punct = (end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。' | ';' | ','));
    let [Val::Span { lo, hi, .. }] = vals.as_slice() else {
        return None;
    };
    if !rest_is_punct {
        return None;
    }
    let found: Vec<_> = mentions(r, env)
        .into_iter()
        .filter(|m| m.1 <= colon)
        .collect();
    if let [m] = found.as_slice() {
        let names: Vec<&str> = env.names.clone();
        let key = condition_value(r, m.1, colon, &names).or_else(|| last_value(r, m.1, colon))?;
        return Some(Case {
            key,
            other: Some(m.2.clone()),
            min: *lo,
            max: *hi,
        });
    }
    if !found.is_empty() {
        return None;
    }
    let key = read_token(r, 0, false)?;
    let plain_key = key.end >= r.skip_ws(colon).min(colon) && r.skip_ws(key.end) == colon;
    if !plain_key || !is_value_like(&key.text) || to_number(&key.text).is_some() {
        return None;
    }
    Some(Case {
        key: key.text,
        other: None,
        min: *lo,
        max: *hi,
    })
}

/// The rule of two or more cases, when it is clear which parameter they are keyed on: the one
/// the cases name (all the same sibling), else the only sibling whose documented values
/// (its value list and its example) include every key.
pub(crate) fn range_when(cases: &[Case], env: &Env) -> Option<Rule> {
    if cases.len() < 2 {
        return None;
    }
    let keys: Vec<&str> = cases.iter().map(|c| c.key.as_str()).collect();
    if keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k)) {
        return None;
    }
    let named: Vec<&str> = cases.iter().filter_map(|c| c.other.as_deref()).collect();
    let other = if named.len() == cases.len() {
        let first = sibling_of(named[0], env)?;
        if !named.iter().all(|n| sibling_of(n, env) == Some(first)) {
            return None;
        }
        named[0].to_string()
    } else if named.is_empty() {
        let fits: Vec<&Sibling> = env
            .members
            .iter()
            .copied()
            .filter(|m| {
                let values = documented_values(m);
                keys.iter().all(|k| values.iter().any(|v| v == k))
            })
            .collect();
        match fits.as_slice() {
            [one] => one.name.clone(),
            _ => return None,
        }
    } else {
        return None;
    };
    Some(Rule::RangeWhen {
        other,
        cases: cases
            .iter()
            .map(|c| RangeCase {
                value: c.key.clone(),
                min: Some(c.min),
                max: Some(c.max),
            })
            .collect(),
    })
}

/// The values a sibling's description lists, and its example.
pub(crate) fn documented_values(s: &Sibling) -> Vec<String> {
    let found = extract(&s.description, &Type::String, &[]);
    let mut out: Vec<String> = found
        .constraints
        .into_iter()
        .filter_map(|c| match c.rule {
            Rule::Enum { values } => Some(values.into_iter().map(|v| v.value)),
            _ => None,
        })
        .flatten()
        .collect();
    out.extend(s.example.clone());
    out
}

/// The last literal-looking token in `a..b` (`cloud` in `is set to cloud:`).
pub(crate) fn last_value(r: &Rich, a: usize, b: usize) -> Option<String> {
    let mut last = None;
    let mut p = a;
    while p < b {
        match read_token(r, p, false) {
            Some(t) if t.end <= b => {
                if is_value_like(&t.text) {
                    last = Some(t.text.clone());
                }
                p = t.end.max(p + 1);
            }
            _ => p += 1,
        }
    }
    last
}
