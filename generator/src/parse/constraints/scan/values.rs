//! Tokens and value expressions: numbers, ranges, marked values and value lists.

use crate::parse::constraints::*;

/// One value candidate: a whole bold/code span, or a run of plain value characters.
pub(crate) struct Tok {
    pub(crate) text: String,
    pub(crate) marked: bool,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// `1,000` (a thousands group) as opposed to the list `10,20`.
pub(crate) fn thousands(r: &Rich, e: usize) -> bool {
    if e == 0
        || r.c(e) != ','
        || !r.c(e - 1).is_ascii_digit()
        || !(1..=3).all(|k| r.c(e + k).is_ascii_digit())
    {
        return false;
    }
    let after = e + 4;
    after >= r.len() || matches!(r.c(after), ' ' | '。') || r.span(after) != r.span(e + 3)
}

pub(crate) fn plain_char(r: &Rich, e: usize, keep_colon: bool) -> bool {
    match r.o(e) {
        c if c.is_ascii_alphanumeric() => true,
        '_' | '-' | '.' | '/' | '+' | '@' | '#' | '*' | '=' | '$' => true,
        ':' => keep_colon || (r.o(e + 1) == '/' && r.o(e + 2) == '/'),
        ',' => thousands(r, e),
        _ => false,
    }
}

pub(crate) fn read_token(r: &Rich, pos: usize, keep_colon: bool) -> Option<Tok> {
    let i = r.skip_ws(pos);
    if i >= r.len() {
        return None;
    }
    let sp = r.span(i);
    if sp != 0 {
        let mut e = i;
        while e < r.len() && r.span(e) == sp {
            e += 1;
        }
        let text = r.orig(i, e);
        return (!text.is_empty()).then_some(Tok {
            text,
            marked: true,
            start: i,
            end: e,
        });
    }
    let mut e = i;
    while e < r.len() && r.span(e) == 0 && plain_char(r, e, keep_colon) {
        e += 1;
    }
    while e > i && (matches!(r.o(e - 1), '.' | ',' | '-') || (!keep_colon && r.o(e - 1) == ':')) {
        e -= 1;
    }
    (e > i).then(|| Tok {
        text: r.orig(i, e),
        marked: false,
        start: i,
        end: e,
    })
}

/// A literal value: printable ASCII without spaces, with at least one letter or digit.
pub(crate) fn is_value_like(t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 80
        && t.chars().all(|c| c.is_ascii_graphic())
        && t.chars().any(|c| c.is_ascii_alphanumeric())
}

/// `IkeConfig.Psk` / `IkeConfig. IkeEncAlg`: a member of a JSON value, not a value.
pub(crate) fn looks_like_field(v: &str) -> bool {
    let chars: Vec<char> = v.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '.' && (w[1].is_ascii_uppercase() || w[1] == ' '))
}

pub(crate) fn to_number(t: &str) -> Option<Number> {
    let s: String = t.chars().filter(|c| *c != ',').collect();
    // Scientific notation (`-9.999999E18`): a decimal mantissa and an integer exponent.
    if let Some((mantissa, exponent)) = s.split_once(['e', 'E']) {
        let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
        let exp_digits = exponent.strip_prefix('-').unwrap_or(exponent);
        let mantissa_ok = to_number(mantissa).is_some();
        if mantissa_ok && !exp_digits.is_empty() && exp_digits.chars().all(|c| c.is_ascii_digit()) {
            return s.parse::<f64>().ok().map(Number::Float);
        }
        return None;
    }
    let digits = s.strip_prefix('-').unwrap_or(&s);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return s.parse::<i64>().ok().map(Number::Int);
    }
    let dots = digits.chars().filter(|c| *c == '.').count();
    let ok = dots == 1
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if ok {
        s.parse::<f64>().ok().map(Number::Float)
    } else {
        None
    }
}

pub(crate) fn to_u64(n: Number) -> Option<u64> {
    match n {
        Number::Int(i) => u64::try_from(i).ok(),
        Number::Float(_) => None,
    }
}

/// One element of an inline value list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    One {
        v: String,
        default: bool,
    },
    Span {
        lo: Number,
        hi: Number,
        lo_ex: bool,
        hi_ex: bool,
    },
}

pub(crate) fn span_val(lo: Number, hi: Number) -> Val {
    Val::Span {
        lo,
        hi,
        lo_ex: false,
        hi_ex: false,
    }
}

/// `5-1000` written as one token.
pub(crate) fn dash_range(t: &str) -> Option<Val> {
    let (a, b) = t.split_once('-')?;
    Some(span_val(to_number(a)?, to_number(b)?))
}

/// `[1,10]`, `(0,100]`: an interval in brackets.
pub(crate) fn bracket_range(r: &Rich, i: usize) -> Option<(Val, usize)> {
    let open = r.c(i);
    if open != '[' && open != '(' {
        return None;
    }
    let a = read_token(r, i + 1, false).filter(|t| !t.marked || r.span(i) == r.span(t.start))?;
    let lo = to_number(&a.text)?;
    let comma = r.match_at(a.end, ",")?;
    let b = read_token(r, comma, false)?;
    let hi = to_number(&b.text)?;
    let close = r.skip_ws(b.end);
    let hi_ex = match r.c(close) {
        ']' => false,
        ')' => true,
        _ => return None,
    };
    Some((
        Val::Span {
            lo,
            hi,
            lo_ex: open == '(',
            hi_ex,
        },
        close + 1,
    ))
}

/// A marked token that itself holds a list or a range (`**Normal | FinancialLocked**`,
/// `**0~86400**`, `**22、2222、…**`).
pub(crate) fn split_marked(text: &str) -> Option<Vec<Val>> {
    let splittable =
        text.contains(['、', ',', '，', '|', '~', '～', '[', ' ']) || dash_range(text).is_some();
    if !splittable {
        return None;
    }
    let sub = Rich::new(text);
    let (vals, end) = parse_expr(&sub, 0, 1);
    let rest_is_punct = (end..sub.len()).all(|i| matches!(sub.c(i), ' ' | '.' | '。' | ',' | ';'));
    (!vals.is_empty() && rest_is_punct).then_some(vals)
}

/// Reads one list element (a value, a bracket interval or `a ~ b`) at `p`.
pub(crate) fn read_vals(r: &Rich, p: usize, depth: u8) -> Option<(Vec<Val>, usize)> {
    let i = r.skip_ws(p);
    if let Some((v, e)) = bracket_range(r, i) {
        return Some((vec![v], e));
    }
    let tok = read_token(r, i, false)?;
    let mut vals = match (tok.marked && depth == 0)
        .then(|| split_marked(&tok.text))
        .flatten()
    {
        Some(v) => v,
        None => {
            if !is_value_like(&tok.text) {
                return None;
            }
            vec![dash_range(&tok.text).unwrap_or(Val::One {
                v: tok.text.clone(),
                default: false,
            })]
        }
    };
    let mut q = tok.end;
    let single_number = match vals.as_slice() {
        [Val::One { v, .. }] => to_number(v),
        _ => None,
    };
    if let Some(lo) = single_number {
        // `1~20`, `1 to 20`; then `0 TB~20 TB`: the same unit after both numbers.
        let unit = unit_at(r, q);
        let tries = [
            (q, None),
            unit.as_ref().map_or((q, None), |(u, e)| (*e, Some(u))),
        ];
        'found: for (from, unit) in tries {
            for sep in RANGE_SEPS.iter() {
                let Some(e) = r.match_at(from, sep) else {
                    continue;
                };
                let Some((t, hi)) =
                    read_token(r, e, false).and_then(|t| to_number(&t.text).map(|n| (t, n)))
                else {
                    continue;
                };
                let end = match unit {
                    None => t.end,
                    Some(u) => match unit_at(r, t.end) {
                        Some((v, e)) if v == *u => e,
                        _ => continue,
                    },
                };
                vals = vec![span_val(lo, hi)];
                q = end;
                break 'found;
            }
        }
    }
    Some((vals, q))
}

/// A unit of at most four ASCII letters after a number (`20 TB`, `100GB`): the unit and its end.
fn unit_at(r: &Rich, q: usize) -> Option<(String, usize)> {
    let a = r.skip_ws(q);
    let b = (a..a + 5)
        .find(|&i| !r.o(i).is_ascii_alphabetic())
        .unwrap_or(a + 5);
    (b > a && b - a <= 4 && !r.o(b).is_alphanumeric())
        .then(|| ((a..b).map(|i| r.o(i)).collect(), b))
}

/// A value can start at `i` (used to decide whether a separator continues the list).
pub(crate) fn starts_value(r: &Rich, i: usize) -> bool {
    let i = r.skip_ws(i);
    r.span(i) != 0
        || bracket_range(r, i).is_some()
        || read_token(r, i, false).is_some_and(|t| is_value_like(&t.text))
}

/// The end of a parenthesised gloss after a value (`**ChinaTelecom**（中国电信）`), so that the
/// list goes on after it.
pub(crate) fn gloss_end(r: &Rich, q: usize) -> Option<usize> {
    let open = r.skip_ws(q);
    if r.c(open) != '(' {
        return None;
    }
    let close = (open + 1..r.len().min(open + 40)).find(|&i| r.c(i) == ')')?;
    let next = r.skip_ws(close + 1);
    r.match_any(next, &LIST_SEPS).map(|_| close + 1)
}

/// Parses a value list / range expression starting at `pos`; returns the values and the end.
pub(crate) fn parse_expr(r: &Rich, pos: usize, depth: u8) -> (Vec<Val>, usize) {
    let mut out = Vec::new();
    let mut p = pos;
    while let Some((mut vals, mut q)) = read_vals(r, p, depth) {
        if let Some(e) = r.match_any(q, &DEFAULT_MARKS) {
            if let Some(Val::One { default, .. }) = vals.last_mut() {
                *default = true;
            }
            q = e;
        } else if let Some(e) = gloss_end(r, q) {
            q = e;
        }
        out.append(&mut vals);
        p = q;
        // `**SSLVPN**/**GRE**/**SDK**`: a slash between two marked values separates them.
        let slashed = p > 0 && r.span(p - 1) != 0 && r.c(p) == '/' && r.span(p + 1) != 0;
        if slashed {
            p += 1;
            continue;
        }
        match r.match_any(p, &LIST_SEPS) {
            // `Set the value to scalinggroup, which indicates …`: a clause, not a second value.
            Some(s) if r.span(r.skip_ws(s)) == 0 && r.match_any(s, &CLAUSE_WORDS).is_some() => {
                break
            }
            Some(s) if starts_value(r, s) => p = s,
            _ => break,
        }
    }
    (out, p)
}

/// Ranges expanded into single values when the list mixes both (`**1**~**9**、**12**、**24**`).
pub(crate) fn expand(vals: &[Val]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for v in vals {
        match v {
            Val::One { v, .. } => out.push(v.clone()),
            Val::Span {
                lo: Number::Int(a),
                hi: Number::Int(b),
                lo_ex: false,
                hi_ex: false,
            } if b >= a && b - a < 64 => out.extend((*a..=*b).map(|n| n.to_string())),
            Val::Span { .. } => return None,
        }
        if out.len() > 64 {
            return None;
        }
    }
    Some(out)
}

/// Smallest range covering every numeric element.
pub(crate) fn hull(vals: &[Val]) -> Option<Rule> {
    let mut lo: Option<(Number, bool)> = None;
    let mut hi: Option<(Number, bool)> = None;
    for v in vals {
        let (a, ax, b, bx) = match v {
            Val::One { v, .. } => {
                let n = to_number(v)?;
                (n, false, n, false)
            }
            Val::Span {
                lo,
                hi,
                lo_ex,
                hi_ex,
            } => (*lo, *lo_ex, *hi, *hi_ex),
        };
        if lo.is_none_or(|(l, _)| a.as_f64() < l.as_f64()) {
            lo = Some((a, ax));
        }
        if hi.is_none_or(|(h, _)| b.as_f64() > h.as_f64()) {
            hi = Some((b, bx));
        }
    }
    let ((lo, lo_ex), (hi, hi_ex)) = (lo?, hi?);
    Some(Rule::Range {
        min: Some(lo),
        max: Some(hi),
        min_exclusive: lo_ex,
        max_exclusive: hi_ex,
    })
}

pub(crate) fn is_bool_word(v: &str) -> bool {
    v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false")
}

/// Turns a parsed value list into rules. Returns the rules and whether an enum was dropped
/// because the field is a `Boolean` (the type already says `true`/`false`).
pub(crate) fn vals_to_rules(vals: &[Val], items: bool, ty: &Type) -> (Vec<Rule>, bool) {
    if vals.is_empty() {
        return (Vec::new(), false);
    }
    if items {
        let rule = match hull(vals) {
            Some(Rule::Range { min, max, .. }) => Rule::Items {
                min: min.and_then(to_u64),
                max: max.and_then(to_u64),
            },
            _ => return (Vec::new(), false),
        };
        return (vec![rule], false);
    }
    let ones: Vec<(&String, bool)> = vals
        .iter()
        .filter_map(|v| match v {
            Val::One { v, default } => Some((v, *default)),
            Val::Span { .. } => None,
        })
        .collect();
    let spans = vals.len() - ones.len();
    let mut out = Vec::new();
    let values: Vec<String> = if spans == 0 {
        ones.iter().map(|(v, _)| (*v).clone()).collect()
    } else if ones.is_empty() {
        return (hull(vals).into_iter().collect(), false);
    } else {
        match expand(vals) {
            Some(v) => v,
            None => return (hull(vals).into_iter().collect(), false),
        }
    };
    let mut redundant = false;
    if matches!(ty, Type::Boolean) && values.iter().all(|v| is_bool_word(v)) {
        redundant = true;
    } else {
        let mut seen: Vec<EnumValue> = Vec::new();
        for v in values {
            if !seen.iter().any(|e| e.value == v) {
                seen.push(EnumValue {
                    value: v,
                    description: String::new(),
                });
            }
        }
        out.push(Rule::Enum { values: seen });
    }
    if let Some((v, _)) = ones.iter().find(|(_, d)| *d) {
        out.push(Rule::Default {
            value: default_value(v, ty),
        });
    }
    let redundant = redundant && out.is_empty();
    (out, redundant)
}

pub(crate) fn default_value(v: &str, ty: &Type) -> String {
    let v = v
        .trim()
        .trim_end_matches(['.', '。', ',', '，', ';', '；'])
        .trim();
    if matches!(ty, Type::Boolean) && is_bool_word(v) {
        v.to_ascii_lowercase()
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_in_scientific_notation() {
        assert_eq!(to_number("-9.999999E18"), Some(Number::Float(-9.999999e18)));
        assert_eq!(to_number("1e3"), Some(Number::Float(1000.0)));
        assert_eq!(to_number("2E-2"), Some(Number::Float(0.02)));
        assert_eq!(to_number("E18"), None);
        assert_eq!(to_number("1.5E"), None);
        assert_eq!(to_number("ecs"), None);
    }
}
