//! `relation`: rules that tie this parameter to another parameter of the request.

use crate::parse::constraints::*;

/// Whole-word occurrences of sibling names: (start, end, the name as the doc spells it), in
/// text order. A member of the same list item or object may be written with its parent's path
/// (`DataDisk.N.Category` beside `DataDisk.N.Size`, `Filter.1.Key`): that spelling is kept, and
/// a path through another parent (`SystemDisk.Category`) is no mention of this sibling. A bold
/// name one swapped-letters typo away from a sibling (`**SourceVSwtichId**`) counts as that
/// sibling.
pub(crate) fn mentions(r: &Rich, env: &Env) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for name in env.names.iter().copied().filter(|n| !n.is_empty()) {
        if !r.may_spell(name.chars()) {
            continue;
        }
        let len = name.chars().count();
        for i in 0..r.len() {
            let hit = spelled_at(r, i, name.chars());
            if !(hit && r.boundary(i) && r.boundary(i + len)) {
                continue;
            }
            let end = i + len;
            match path_start(r, i, env.parent) {
                Some(start) => out.push((start, end, r.orig(start, end))),
                None => continue,
            }
        }
    }
    // A parameter of an enclosing level, named without a path (`the SpotStrategy parameter`
    // in a member of `SpotPriceLimit.N`), and lowerCamel spellings of camel-case names
    // (`instanceTypes` for `InstanceTypes`).
    // Spelled chars are compared in place (no string per name and sentence: this runs for every
    // sentence of every parameter).
    let camel = env
        .names
        .iter()
        .chain(env.outer.iter())
        .copied()
        .filter(|n| is_camel(n))
        .map(|n| (true, n));
    let spellings = camel.chain(env.outer.iter().map(|n| (false, *n)));
    for (lower, name) in spellings {
        // (All chars but the first, which lowerCamel changes, must occur somewhere.)
        if !name.is_empty() && !r.may_spell(name.chars().skip(usize::from(lower))) {
            continue;
        }
        let len = name.chars().count();
        for i in 0..r.len() {
            let hit = if lower {
                let mut chars = name.chars();
                let first = chars.next().map(|c| c.to_ascii_lowercase());
                spelled_at(r, i, first.into_iter().chain(chars))
            } else {
                spelled_at(r, i, name.chars())
            };
            if !hit {
                continue;
            }
            // `X.N.Y` is a path through X, not X itself.
            let end = i + len;
            let into = r.o(end) == '.' && r.is_word(end + 1) && !matches!(r.o(end + 1), 'N' | 'n');
            let dotted = (i > 0 && r.o(i - 1) == '.') || into;
            if !dotted && r.boundary(i) && r.boundary(i + len) {
                out.push((i, i + len, name.to_string()));
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
            if let Some(name) = env
                .names
                .iter()
                .copied()
                .find(|n| swapped_letters(&t.text, n))
            {
                out.push((t.start, t.end, name.to_string()));
            }
        }
        i = t.end.max(i + 1);
    }
    out.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    // A longer sibling name holds a shorter one (`SecurityGroupIds` / `SecurityGroupId` cannot
    // overlap by the word boundary, but two spellings of one path can).
    let mut kept: Vec<(usize, usize, String)> = Vec::new();
    for m in out {
        if !kept.iter().any(|k| k.0 <= m.0 && m.1 <= k.1) {
            kept.push(m);
        }
    }
    kept
}

/// The original text at `i` spells `want` exactly.
fn spelled_at(r: &Rich, i: usize, want: impl Iterator<Item = char>) -> bool {
    want.enumerate().all(|(k, c)| r.o(i + k) == c)
}

/// A name that is also written lowerCamel (`instanceTypes` for `InstanceTypes`): only a
/// camel-case name (another capital follows), so that a plain word (`Description`) is not
/// taken for the parameter.
fn is_camel(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.any(|c| c.is_ascii_uppercase())
}

/// Where the mention of a sibling that starts at `i` really starts: at `i`, or earlier when the
/// doc writes the path of the common parent before it (`DataDisk.N.`/`Filter.1.`); `None` when
/// that path is another parent's.
fn path_start(r: &Rich, i: usize, parent: &str) -> Option<usize> {
    let mut start = i;
    let mut segments: Vec<String> = Vec::new();
    while start >= 2 && r.o(start - 1) == '.' && r.is_word(start - 2) {
        let mut k = start - 1;
        while k > 0 && r.is_word(k - 1) {
            k -= 1;
        }
        segments.insert(0, r.orig(k, start - 1));
        start = k;
    }
    if segments.is_empty() {
        return Some(i);
    }
    let named: Vec<&str> = segments
        .iter()
        .map(String::as_str)
        .filter(|s| *s != "N" && *s != "n" && s.parse::<u32>().is_err())
        .collect();
    let parent: Vec<&str> = parent
        .split('.')
        .filter(|s| !s.is_empty() && *s != "N" && s.parse::<u32>().is_err())
        .collect();
    (named == parent || parent.ends_with(&named)).then_some(start)
}

/// The sibling a spelled mention names (`DataDisk.N.Category` is `Category`).
pub(crate) fn sibling_of<'a>(spelled: &str, env: &Env<'a>) -> Option<&'a str> {
    env.names.iter().copied().find(|n| {
        spelled == *n
            || spelled
                .strip_suffix(n)
                .is_some_and(|head| head.ends_with('.'))
    })
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
pub(crate) fn detect_relations(r: &Rich, env: &Env) -> Vec<Rule> {
    let found = mentions(r, env);
    if found.is_empty() {
        // `结束时间需晚于起始时间`: the other parameter is named by its role.
        return detect_ordered(r, &found, env);
    }
    let mut others: Vec<&str> = Vec::new();
    for (_, _, n) in &found {
        if !others.contains(&n.as_str()) {
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
    let different = detect_different(r, &found);
    if !different.is_empty() {
        return different;
    }
    let exclusive = &EXCLUSIVE_WORDS;
    // `Set **IpAddress** or **InstanceId**.`: one parameter or the other (zh: `仅需传入一个`).
    let either =
        r.starts_with_any(&EITHER_STARTS) && r.span(r.skip_ws(3)) != 0 && found.len() == 1 && {
            let first = read_token(r, 3, false);
            let or = first
                .as_ref()
                .and_then(|t| r.match_any(t.end, &EITHER_JOINS));
            let second = or
                .and_then(|o| read_token(r, o, false))
                .filter(|t| t.marked);
            second.is_some_and(|t| (t.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.')))
        };
    let at_least_one = &AT_LEAST_ONE_WORDS;
    if r.has_any(at_least_one) {
        return each(RelationKind::AtLeastOneOf);
    }
    if r.has_any(exclusive) || r.has_any(&MORE_EXCLUSIVE) || either {
        return each(RelationKind::MutuallyExclusive);
    }
    let requires = &REQUIRES_WORDS;
    let requires_at = r
        .find_any(0, requires)
        .or_else(|| r.find_any(0, &MORE_REQUIRES));
    if let Some((s, _)) = requires_at {
        // `执行步进规则时必须同时指定A和B`: under a condition on a state, not on this parameter.
        let from = (0..s)
            .rev()
            .find(|&i| matches!(r.c(i), ',' | ';' | '。'))
            .map_or(0, |i| i + 1);
        let clause = Rich::new(&r.orig(from, s));
        if clause.has_any(&CONDITION_MARKS) && !clause.has_any(&SELF_WORDS) {
            return Vec::new();
        }
        return each(RelationKind::Requires);
    }
    let ordered = detect_ordered(r, &found, env);
    if !ordered.is_empty() {
        return ordered;
    }
    let applies_words = [&APPLIES_WORDS[..], &MORE_APPLIES[..]].concat();
    let applies = alternatives(
        r,
        &found,
        conditional_relation(r, &found, &applies_words, RelationKind::AppliesWhen),
    );
    let mut required = alternatives(r, &found, required_when(r, &found, env));
    // `This parameter is required and takes effect only when X is set to A`: both.
    if !required.is_empty() {
        required.extend(applies);
        return required;
    }
    if applies.is_empty() {
        return scoped_definition(r, &found);
    }
    applies
}

/// `当MultiAZPolicy取值为COST_OPTIMIZED时，…是否允许…`, `When X is set to A, specifies whether
/// …`: this parameter is defined under a condition on another one, so it applies only then.
fn scoped_definition(r: &Rich, found: &[(usize, usize, String)]) -> Vec<Rule> {
    let Some((comma, _)) = r.find(0, ",").filter(|_| starts_conditional(r)) else {
        return Vec::new();
    };
    let [m] = found else {
        return Vec::new();
    };
    if m.1 > comma || !Rich::new(&r.orig(comma, r.len())).has_any(&DEFINITION_WORDS) {
        return Vec::new();
    }
    let cond = condition_on(r, m, 0, comma, &[m.2.as_str()]);
    if cond.value.is_none() && !cond.negated {
        return Vec::new();
    }
    vec![Rule::Relation {
        relation: RelationKind::AppliesWhen,
        other: cond.param,
        value: cond.value,
        negated: cond.negated,
        also: Vec::new(),
        max_span_secs: None,
    }]
}

/// One rule per value of a condition that names several (`X is set to A or B`, `X为A或B`):
/// the IR's condition holds one value.
fn alternatives(r: &Rich, found: &[(usize, usize, String)], rules: Vec<Rule>) -> Vec<Rule> {
    let names: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
    let mut out = Vec::new();
    for rule in rules {
        let mut more = Vec::new();
        if let Rule::Relation {
            other,
            value: Some(v),
            ..
        } = &rule
        {
            let start = found.iter().find(|m| &m.2 == other).map_or(0, |m| m.1);
            more = values_after(r, start, v, &names);
        }
        for v in more {
            let mut alt = rule.clone();
            if let Rule::Relation { value, .. } = &mut alt {
                *value = Some(v);
            }
            if !out.contains(&alt) {
                out.push(alt);
            }
        }
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    out
}

/// The values joined to `first` by `or`/`,`/`或`/`、` after position `from`.
fn values_after(r: &Rich, from: usize, first: &str, names: &[&str]) -> Vec<String> {
    let mut i = from;
    let mut at = None;
    while i < r.len() {
        match read_token(r, i, false) {
            Some(t) if t.text == first => {
                at = Some(t.end);
                break;
            }
            Some(t) => i = t.end.max(i + 1),
            // `为cloud`: no token starts at a CJK word.
            None if i < r.len() => i += 1,
            None => break,
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let Some(mut k) = at else {
        return Vec::new();
    };
    loop {
        let mut j = r.skip_ws(k);
        let mut joined = false;
        // A bare comma joins values only in a list that an `or` closes (`A, B, or C`); in
        // `set to 1, the X parameter …` it ends the clause.
        let mut by_comma_only = true;
        while let Some(e) = r.match_any(j, &VALUE_OR) {
            by_comma_only &= r.orig(j, e).trim() == ",";
            j = r.skip_ws(e);
            joined = true;
        }
        if !joined {
            break;
        }
        let Some(mut t) = read_token(r, j, false) else {
            break;
        };
        // `cloud_efficiency或cloud_essd）`: an unmarked token runs on through CJK text; the
        // value ends where its identifier characters do.
        if !t.marked {
            let len = (t.start..t.end)
                .take_while(|&i| r.is_word(i) || matches!(r.o(i), '-' | '.'))
                .count();
            t.end = t.start + len;
            t.text = r.orig(t.start, t.end);
        }
        if !is_value_like(&t.text) || names.contains(&t.text.as_str()) || t.text == "and" {
            break;
        }
        out.push((t.text.clone(), by_comma_only));
        k = t.end;
    }
    let closed = out
        .iter()
        .rposition(|(_, comma)| !comma)
        .map_or(0, |i| i + 1);
    out.truncate(closed);
    out.into_iter().map(|(v, _)| v).collect()
}

/// `当**X**参数的值为**Y**时，该参数必选`, `This parameter is required when **X** is set to **Y**`,
/// `如果不指定X，则必须指定该参数`.
pub(crate) fn required_when(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Vec<Rule> {
    let own = env.own.to_ascii_lowercase();
    let mut markers: Vec<String> = REQUIRED_WORDS.iter().map(|w| w.to_string()).collect();
    if !own.is_empty() {
        markers.extend(REQUIRED_SELF.iter().map(|t| t.replace("{}", &own)));
    }
    markers.extend(MORE_REQUIRED.iter().map(|w| w.to_string()));
    let markers: Vec<&str> = markers.iter().map(String::as_str).collect();
    conditional_relation(r, found, &markers, RelationKind::RequiredWhen)
}

/// The condition a mention states: `X is set to Y` (value), `X is not set` / `不指定X` (negated,
/// no value), `X is not Y` / `X不为Y` (negated, value). `from` is where the condition clause
/// starts, `limit` where it ends.
pub(crate) fn condition_on(
    r: &Rich,
    mention: &(usize, usize, String),
    from: usize,
    limit: usize,
    names: &[&str],
) -> Condition {
    let (start, end, name) = mention;
    let before = Rich::new(&r.orig(from.min(*start), *start));
    let after_end = limit.min(r.clause_end(*end, &[',', '。', ';']));
    let after = Rich::new(&r.orig(*end, after_end));
    let param = name.clone();
    let value = condition_value(r, *end, limit, names).or_else(|| {
        // An unmarked value right after `is set to` / `为`.
        let at = r.skip_ws(*end);
        let at = r
            .match_any(at, &MENTION_SUFFIXES)
            .map_or(at, |e| r.skip_ws(e));
        let fits = |t: &Tok| {
            t.end <= limit.min(after_end)
                && is_value_like(&t.text)
                && !names.contains(&t.text.as_str())
        };
        if let Some(e) = r.match_any(at, &CONDITION_VALUE_INTROS) {
            return read_token(r, e, false).filter(fits).map(|t| t.text);
        }
        // `when sourceType is OSS`: a wire value has a capital, a digit or `_`; `is specified`
        // is a word.
        let e = r.match_any(at, &CONDITION_VALUE_INTROS_WEAK)?;
        read_token(r, e, false)
            .filter(fits)
            .filter(|t| {
                t.text
                    .chars()
                    .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            })
            .map(|t| t.text)
    });
    if value.is_some() && after.has_any(&NOT_EQUAL_WORDS) {
        return Condition {
            param,
            value,
            negated: true,
        };
    }
    if before.has_any(&NOT_SET_BEFORE) || after.has_any(&NOT_SET_AFTER) {
        return Condition {
            param,
            value: None,
            negated: true,
        };
    }
    let negated = false;
    Condition {
        param,
        value,
        negated,
    }
}

/// The mentions that form one condition with `m` (`A is on and B is insert`, `A为on且B为insert`):
/// neighbours joined by `and`/`且` with no sentence stop between.
fn joined_mentions<'f>(
    r: &Rich,
    found: &'f [(usize, usize, String)],
    at: usize,
    forward: bool,
) -> Vec<&'f (usize, usize, String)> {
    let mut out = vec![&found[at]];
    let mut k = at;
    loop {
        let next = if forward { k + 1 } else { k.wrapping_sub(1) };
        let Some(m) = found.get(next) else {
            break;
        };
        let (a, b) = if forward {
            (found[k].1, m.0)
        } else {
            (m.1, found[k].0)
        };
        let gap = Rich::new(&r.orig(a, b));
        let stop = (a..b).any(|i| matches!(r.c(i), '。' | ';'));
        if stop || b.saturating_sub(a) > 60 || !gap.has_any(&CONDITION_AND) || m.2 == found[k].2 {
            break;
        }
        out.push(m);
        k = next;
    }
    if !forward {
        out.reverse();
    }
    out
}

/// A relation stated by a marker (`该参数必选`, `takes effect only when`) and a condition on the
/// nearest mentioned parameter (and the value it names, if any), with further conditions joined
/// by `and`.
fn conditional_relation(
    r: &Rich,
    found: &[(usize, usize, String)],
    required: &[&str],
    kind: RelationKind,
) -> Vec<Rule> {
    let names: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, required) {
        from = e;
        if r.match_any(e, &MARKER_NOT_BEFORE).is_some() {
            continue;
        }
        // `当X为A时，必须设置Y`: the verb's object is the parameter named right after it.
        let verb_object = kind == RelationKind::RequiredWhen
            && e > 0
            && is_cjk(r.o(e - 1))
            && found.iter().any(|m| m.0 >= e && m.0 <= r.skip_ws(e));
        if verb_object {
            continue;
        }
        // The condition is the nearest mention before the marker (zh, `If X…, this parameter is
        // required`), else the first one right after it (`required when X is set to Y`).
        let before = found.iter().rposition(|m| m.0 >= prev_end && m.1 <= s);
        // `takes effect only when A is set to X and B is set to Y`: the first mention of the
        // clause after the marker.
        let after = found.iter().position(|m| {
            m.0 >= e
                && (m.0 <= e + 40
                    || (m.0 <= e + 120 && (e..m.0).all(|i| !matches!(r.c(i), ',' | ';' | '。'))))
        });
        let clause_from = prev_end;
        prev_end = e;
        let (group, limit) = match (before, after) {
            (Some(b), _) => (joined_mentions(r, found, b, false), s),
            (None, Some(a)) => (joined_mentions(r, found, a, true), r.len()),
            (None, None) => continue,
        };
        let group: Vec<&(usize, usize, String)> =
            group.into_iter().filter(|m| m.0 >= clause_from).collect();
        let mut conditions = Vec::new();
        for (k, m) in group.iter().enumerate() {
            let stop = group.get(k + 1).map_or(limit, |n| n.0);
            let start = if k == 0 { clause_from } else { group[k - 1].1 };
            conditions.push(condition_on(r, m, start, stop, &names));
        }
        if conditions.is_empty() {
            continue;
        }
        let first = conditions.remove(0);
        let rule = Rule::Relation {
            relation: kind.clone(),
            other: first.param,
            value: first.value,
            negated: first.negated,
            also: conditions,
            max_span_secs: None,
        };
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    out
}
