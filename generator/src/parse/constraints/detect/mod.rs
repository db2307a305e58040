//! Sentence detectors: `sentence_rules` runs one detector per rule kind over a sentence.
//! Each `<kind>.rs` holds the detector of one README `kind`.

mod chars;
mod default;
mod different;
mod forbidden;
mod forbidden_substrings;
mod format;
mod items;
mod length;
mod multi_value;
mod not_empty;
mod ordered;
mod placed;
mod range;
mod range_when;
mod relation;
mod unique;

pub(crate) use chars::*;
pub(crate) use default::*;
pub(crate) use different::*;
pub(crate) use forbidden::*;
pub(crate) use forbidden_substrings::*;
pub(crate) use format::*;
pub(crate) use items::*;
pub(crate) use length::*;
pub(crate) use multi_value::*;
pub(crate) use not_empty::*;
pub(crate) use ordered::*;
pub(crate) use placed::*;
pub(crate) use range::*;
pub(crate) use range_when::*;
pub(crate) use relation::*;
pub(crate) use unique::*;

use crate::parse::constraints::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Scope {
    /// The running text of the description.
    Main,
    /// A `**说明：**`/`**Note:**` paragraph or the bullets under one.
    Note,
    /// A bullet of a list that is not a value list (conditions, requirements).
    Bullet,
}

pub(crate) struct Ctx<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) env: &'a Env<'a>,
    pub(crate) scope: Scope,
    /// The first sentence of the description (where "X is a CIDR block" is stated).
    pub(crate) first: bool,
    /// The whole description the sentence is part of.
    pub(crate) whole: &'a str,
}

/// What the detectors found in one sentence.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) rules: Vec<Rule>,
    pub(crate) branches: Vec<Branch>,
    /// A `Boolean` enum was dropped (the type already says `true`/`false`).
    pub(crate) redundant: bool,
    /// A largest span (`The maximum time range is 31 days`) stated apart from its `ordered`
    /// relation, in seconds.
    pub(crate) span: Option<u64>,
    /// The sentence states a rule of another parameter (`A TagKey cannot be an empty string`
    /// in the description of `Tag.N.Value`): recognised, but no rule of this one.
    pub(crate) about_other: bool,
    /// A `key: lo~hi` case of a range per value of another parameter.
    pub(crate) case: Option<Case>,
    /// Rules the sentence states about a named sibling: (its wire name, the rule).
    pub(crate) elsewhere: Vec<(String, Rule)>,
}

/// Runs every detector over one sentence.
pub(crate) fn sentence_rules(text: &str, ctx: &Ctx) -> Found {
    let r = Rich::new(text);
    let mut f = Found::default();
    // `**X**取**A**时，…` states its rules under the condition as much as `当X取A时，…`.
    // `For example, if the source disk uses 100 GiB, the value must be greater than 100 GiB.`:
    // an illustration of a rule for one case, not a rule of every value (a separator stated
    // after the example, `例如：i-1，多个ID使用英文逗号分隔`, still holds).
    if r.starts_with_any(&EXAMPLE_STARTS) {
        f.rules.extend(detect_multi(&r));
        return f;
    }
    let conditional = starts_conditional(&r) || condition_head(&r).is_some();
    if !conditional {
        if ctx.scope == Scope::Main {
            let (rules, red) = inline_values(&r, ctx.ty);
            f.rules.extend(rules);
            f.redundant = red;
            if let Some(v) = detect_default(&r) {
                f.rules.push(Rule::Default {
                    value: default_value(&v, ctx.ty),
                });
            }
        }
        f.rules.extend(detect_length(&r));
        f.rules.extend(detect_bounds(&r));
        if !f.rules.iter().any(|x| matches!(x, Rule::Range { .. })) {
            f.rules.extend(detect_exceed(&r, ctx.ty, ctx.whole));
        }
        if !f.rules.iter().any(|x| matches!(x, Rule::Range { .. })) {
            f.rules.extend(detect_number_kind(&r, ctx.ty));
        }
        if let Some(n) = detect_count(&r) {
            f.rules.push(Rule::Items {
                min: None,
                max: Some(n),
            });
        }
        f.rules.extend(detect_forbidden(&r));
        f.rules.extend(detect_not_empty(&r, ctx.env.own));
        f.about_other = not_empty_of(&r, ctx.env.own) == Some(false);
        f.rules.extend(detect_prefix(&r));
        f.rules.extend(detect_forbidden_substrings(&r));
        f.rules.extend(detect_chars(&r));
        if r.has("ascii") && !r.has_any(&ASCII_NEGATIONS) {
            f.rules.push(Rule::Ascii);
        }
        f.rules.extend(detect_format(
            &r,
            ctx.ty,
            ctx.first && ctx.scope == Scope::Main,
        ));
    }
    // A separator rule holds whatever the condition (`If multiple IPs are given, separate them…`).
    f.rules.extend(detect_multi(&r));
    // Uniqueness across requests holds whatever the surrounding wording.
    if is_uniqueness(&r) {
        f.rules.push(Rule::Unique);
    }
    let placed = detect_placed(&r, ctx.env);
    if placed.own.is_empty() && placed.elsewhere.is_empty() {
        f.rules.extend(detect_relations(&r, ctx.env));
    } else {
        f.rules.extend(placed.own);
        f.elsewhere = placed.elsewhere;
    }
    let ordered = f.rules.iter().any(|r| {
        matches!(
            r,
            Rule::Relation {
                relation: RelationKind::Ordered,
                ..
            }
        )
    });
    let span = detect_span(&r);
    if span.is_some() {
        // `时间跨度最大为31天` bounds a span between two times, not this value.
        f.rules.retain(|r| !matches!(r, Rule::Range { .. }));
    }
    if !ordered {
        f.span = span;
    }
    if conditional || ctx.scope != Scope::Main {
        f.branches = branch_values(&r, ctx.env, ctx.ty);
    }
    if f.rules.is_empty() && f.branches.is_empty() {
        f.case = case_of(&r, ctx.env);
    }
    if !f.rules.is_empty() {
        f.redundant = false;
    }
    f
}

/// Whether `s` sits inside a parenthesis opened before it in the sentence.
fn in_parentheses(r: &Rich, s: usize) -> bool {
    let mut depth = 0i32;
    for i in 0..s {
        match r.c(i) {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// Values or a range after `取值：`/`Valid values:`/`Set the value to` inside a sentence.
pub(crate) fn inline_values(r: &Rich, ty: &Type) -> (Vec<Rule>, bool) {
    let mut from = 0;
    while let Some((s, e)) = r.find_any(
        from,
        &[&VALUE_INTROS[..], &ONLY_INTROS[..], &ITEM_INTROS[..]].concat(),
    ) {
        from = s + 1;
        let only = r.match_any(s, &ONLY_INTROS).is_some_and(|x| x == e);
        let en_items = r.match_any(s, &ITEM_INTROS).is_some_and(|x| x == e);
        // `默认取值X`, `Default value:`, `Maximum value:` belong to other detectors.
        if OTHER_INTRO_HEADS.iter().any(|w| r.ends_at(s, w)) || conditional_at(r, s) {
            continue;
        }
        // `（…24表示前缀的长度，范围为1~32）`: an aside is about what it explains.
        if in_parentheses(r, s) {
            continue;
        }
        if only && r.span(r.skip_ws(e)) == 0 && !r.ends_at(e, ":") && !sole_word_to_end(r, e) {
            continue;
        }
        // `Valid values of this parameter: 1 to 100`, `Valid values of M: 1 to 5`: the intro
        // names what it is about before its colon; the values follow the colon.
        let (e, qualified_by) = match qualifier_colon(r, e) {
            Some((colon, about)) => (colon, Some(about)),
            None => (e, None),
        };
        let (vals, end) = parse_expr(r, e, 0);
        if vals.is_empty() {
            continue;
        }
        let next = r.skip_ws(end);
        // Plain words that run on into prose (`Valid values of this parameter: …`, `Set the
        // value to a UNIX timestamp …`, `Valid values: integers in the range of …`) name no
        // value: a plain value ends its clause, or a list, or opens another clause.
        let plain = read_token(r, e, false).is_some_and(|t| !t.marked)
            && vals.iter().all(|v| matches!(v, Val::One { .. }));
        let runs_on = next < r.len()
            && (r.c(next).is_ascii_alphanumeric() || r.c(next) == ':')
            && r.match_any(next, &CLAUSE_WORDS).is_none()
            && r.match_any(next, &CONDITION_OPENERS).is_none();
        if plain && runs_on {
            continue;
        }
        // `可设置为0和正整数`: a list whose word joiner (`和`, `or`; a comma may end the clause)
        // leads on to words is no closed list of values.
        let dangling = r.match_any(end, &LIST_SEPS).is_some_and(|s| {
            let comma = (end..s).all(|i| matches!(r.c(i), ',' | '|' | ' '));
            !comma && !starts_value(r, s)
        });
        if dangling {
            continue;
        }
        let vals = split_slashed(vals);
        // `当…取值**Month**时` is a condition; `2~128个字符` is a length.
        if r.match_any(next, &NOT_VALUE_FOLLOWERS).is_some() {
            continue;
        }
        // `取值为60或60的整数倍`: a step, which no value list or range states.
        if r.has_any(&MULTIPLE_WORDS) {
            continue;
        }
        let index_letter = |t: &str| matches!(t, "N" | "M");
        let items = en_items
            || ITEM_INTRO_HEADS.iter().any(|w| r.ends_at(s, w))
            || about_index(r, s)
            || qualified_by.as_deref().is_some_and(index_letter);
        return vals_to_rules(&vals, items, ty);
    }
    (Vec::new(), false)
}

/// `of this parameter:` / `of M:` right after a value intro that ends without a colon: the
/// position after the colon, and what the intro is about (the last word before the colon).
fn qualifier_colon(r: &Rich, e: usize) -> Option<(usize, String)> {
    if r.c(e.saturating_sub(1)) == ':' {
        return None;
    }
    let colon = (e..r.len().min(e + 40))
        .take_while(|&i| !matches!(r.c(i), '.' | ',' | ';' | '。'))
        .find(|&i| r.c(i) == ':')?;
    let head = r.orig(e, colon);
    let words: Vec<&str> = head.split_whitespace().collect();
    // Only `of …`: the qualifier of a plural `values`, never a clause of its own.
    if words.first().is_none_or(|w| !w.eq_ignore_ascii_case("of")) || words.len() > 5 {
        return None;
    }
    Some((colon + 1, words.last()?.trim_matches('*').to_string()))
}

/// `N表示实例ID的序号，取值范围：1~20`, `N is the index of the tag. Valid values: 1 to 20`: a
/// range in a clause about the index `N`, or in the clause right after one, counts the items.
fn about_index(r: &Rich, s: usize) -> bool {
    let starts_with_n = |i: usize| {
        let i = r.skip_ws(i);
        matches!(r.o(i), 'N' | 'M') && !r.o(i + 1).is_ascii_alphanumeric() && r.o(i + 1) != '.'
    };
    let bounds: Vec<usize> = (0..s)
        .filter(|&i| matches!(r.c(i), ',' | ';' | '。'))
        .collect();
    let this = bounds.last().map_or(0, |b| b + 1);
    let before = match bounds.len() {
        0 => None,
        1 => Some(0),
        n => Some(bounds[n - 2] + 1),
    };
    starts_with_n(this) || before.is_some_and(starts_with_n)
}

/// `ASC/DESC`, `SSLVPN/GRE/SDK`: plain words joined by slashes are one value each (a path or a
/// URL has other characters and stays whole).
fn split_slashed(vals: Vec<Val>) -> Vec<Val> {
    let word = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    vals.into_iter()
        .flat_map(|v| match &v {
            Val::One { v: text, default } if text.contains('/') && text.split('/').all(word) => {
                text.split('/')
                    .map(|w| Val::One {
                        v: w.to_string(),
                        default: *default,
                    })
                    .collect()
            }
            _ => vec![v],
        })
        .collect()
}

/// `目前仅支持PauseNotify。`: one unmarked identifier ends the sentence, so it is the value
/// (`只支持ASCII字符` goes on, and is no list).
fn sole_word_to_end(r: &Rich, e: usize) -> bool {
    let Some(t) = read_token(r, e, false) else {
        return false;
    };
    let identifier = t
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && t.text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    identifier && (t.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。'))
}

/// All numbers of a sentence that are not glued to letters (`IPv6`, `2XX`).
pub(crate) fn numbers(r: &Rich) -> Vec<(usize, usize, Number)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.len() {
        if !r.c(i).is_ascii_digit() {
            i += 1;
            continue;
        }
        let glued_before = i > 0 && r.c(i - 1).is_ascii_alphabetic() && r.span(i - 1) == r.span(i);
        let mut e = i;
        while e < r.len()
            && (r.c(e).is_ascii_digit()
                || (r.c(e) == '.' && r.c(e + 1).is_ascii_digit())
                || thousands(r, e))
        {
            e += 1;
        }
        let glued_after = r.c(e).is_ascii_alphabetic() && r.span(e) == r.span(e - 1);
        if !glued_before && !glued_after {
            if let Some(n) = to_number(&r.orig(i, e)) {
                out.push((i, e, n));
            }
        }
        i = e.max(i + 1);
    }
    out
}

/// An intro phrase directly followed by a value (`取值：**A**`, `Default value: 10`).
pub(crate) fn intro_with_value(r: &Rich, pats: &[&str]) -> bool {
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, pats) {
        from = e;
        if read_token(r, e, false).is_some_and(|t| t.marked || is_value_like(&t.text)) {
            return true;
        }
    }
    false
}

/// Two marked values joined by a list separator (`**a**或**b**`, `**0**|**100**`).
pub(crate) fn marked_list(r: &Rich) -> bool {
    let mut i = 0;
    while i < r.len() {
        if r.span(i) == 0 {
            i += 1;
            continue;
        }
        let Some(t) = read_token(r, i, false) else {
            break;
        };
        if let Some(s) = r.match_any(t.end, &LIST_SEPS) {
            if r.span(r.skip_ws(s)) != 0 {
                return true;
            }
        }
        i = t.end.max(i + 1);
    }
    false
}

/// A number that is not part of a standard's name (`ISO 8601`).
pub(crate) fn free_number(r: &Rich) -> bool {
    let part_of_address = |a: usize, b: usize| {
        let before = if a > 0 { r.c(a - 1) } else { ' ' };
        matches!(before, '.' | '/' | ':')
            || matches!(r.c(b), '.' | '/' | ':') && r.c(b + 1).is_ascii_alphanumeric()
    };
    numbers(r).iter().any(|(a, b, n)| {
        let dotted = matches!(n, Number::Float(_)) && r.c(*b) == '.';
        !r.ends_at(*a, "iso") && !r.ends_at(*a, "rfc") && !part_of_address(*a, *b) && !dotted
    })
}
