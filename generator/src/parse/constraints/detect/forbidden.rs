//! `forbidden` and `prefix_forbidden`: values and prefixes that are not allowed.

use crate::parse::constraints::*;

/// `不能用使用以下端口：**22、2222**`, `cannot be **X**`.
pub(crate) fn detect_forbidden(r: &Rich) -> Vec<Rule> {
    let mut out = Vec::new();
    let listy = r.has_any(&FORBIDDEN_LIST_WORDS);
    let negative = r.has_any(&FORBIDDEN_NEGATIONS);
    if listy && negative {
        if let Some((_, colon)) = r.find(0, ":") {
            let (vals, _) = parse_expr(r, colon, 0);
            let values: Vec<String> = vals
                .iter()
                .filter_map(|v| match v {
                    Val::One { v, .. } => Some(v.clone()),
                    Val::Span { .. } => None,
                })
                .collect();
            if !values.is_empty() {
                out.push(Rule::Forbidden { values });
            }
        }
    }
    // `不能为空` is `not_empty` (its own detector), not a forbidden value.
    if r.has_any(&NOT_EMPTY_WORDS) || r.has_any(&NOT_EMPTY_WEAK) {
        return out;
    }
    if let Some((_, e)) = r.find_any(0, &FORBIDDEN_VALUE_INTROS) {
        if let Some(t) = read_token(r, e, false) {
            if (t.marked || to_number(&t.text).is_some()) && is_value_like(&t.text) {
                out.push(Rule::Forbidden {
                    values: vec![t.text],
                });
            }
        }
    }
    out
}

/// Tokens between `a` and `b` that can be prefixes: marked text, or plain text with
/// punctuation (`http://`); plain words are prose, unless the slot holds nothing but the
/// prefixes (`plain`: `不能以 auto 开头`, `不能以aliyun和acs:开头`).
pub(crate) fn prefix_tokens(r: &Rich, a: usize, b: usize, plain: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut p = a;
    while p < b {
        match read_token(r, p, true) {
            Some(t) if t.start < b => {
                let ok = plain || t.marked || t.text.chars().any(|c| !c.is_ascii_alphanumeric());
                if ok && is_value_like(&t.text) && !out.contains(&t.text) {
                    out.push(t.text);
                }
                p = t.end.max(p + 1);
            }
            _ => p += 1,
        }
    }
    out
}

/// The prefixes after `cannot start with`: values joined by `,`/`or`/`and`, up to the first
/// word that is neither (`cannot start with acs: or contain http://` ends at `contain`). A plain
/// word is a prefix when the list ends with it (`acs: or aliyun.`); inside the list only marked
/// text or text with punctuation (`http://`) is.
fn prefix_list(r: &Rich, a: usize, b: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut p = a;
    while let Some(t) = read_token(r, p, true).filter(|t| t.start < b) {
        let next = r.skip_ws(t.end);
        let ends = next >= b || matches!(r.c(next), '.' | ',' | ';' | '。');
        let joined = r.match_any(next, &LIST_SEPS);
        let literal = t.marked || t.text.chars().any(|c| !c.is_ascii_alphanumeric());
        if !is_value_like(&t.text) || !(literal || ends || joined.is_some() && out.is_empty()) {
            break;
        }
        if !out.contains(&t.text) {
            out.push(t.text);
        }
        match joined {
            Some(j) if r.c(next) != '.' => p = j,
            _ => break,
        }
    }
    out
}

/// `不能以`http://`或`https://`开头`, `cannot start with `http://``.
pub(crate) fn detect_prefix(r: &Rich) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut push = |values: Vec<String>| {
        if !values.is_empty() {
            let rule = Rule::PrefixForbidden { values };
            if !out.contains(&rule) {
                out.push(rule);
            }
        }
    };
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, &PREFIX_INTROS) {
        from = e;
        if let Some((k, _)) = r.find_any(e, &START_ENDS).filter(|(k, _)| *k <= e + 80) {
            push(prefix_tokens(r, e, k, true));
        }
    }
    let en = &PREFIX_PHRASES;
    from = 0;
    while let Some((_, e)) = r.find_any(from, en) {
        from = e;
        let stop = r.clause_end(e, &['。', ';']);
        let stop = (e..stop)
            .find(|&i| r.c(i) == '.' && r.span(i) == 0 && r.c(i + 1) == ' ')
            .unwrap_or(stop);
        push(prefix_list(r, e, stop));
    }
    out
}
