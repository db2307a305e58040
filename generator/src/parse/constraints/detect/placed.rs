//! Relations that a description states about ANOTHER parameter, or with this parameter as the
//! condition: `X is ignored if Y is specified` / `If you specify this parameter, X is ignored`
//! (`applies_when`, negated), `StartTime must be earlier than EndTime` (`ordered`, held by the
//! later one), `If this parameter is set to Target, X must be specified` (`required_when` on X),
//! and `at least one of A, B and C` in a row that is no member of the group. Rules for a
//! sibling come back as `(sibling wire name, rule)`; the caller hands them to that sibling.

use crate::parse::constraints::*;

/// Rules this sentence puts on this parameter, and rules it puts on named siblings.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    pub(crate) own: Vec<Rule>,
    pub(crate) elsewhere: Vec<(String, Rule)>,
}

impl Placed {
    fn is_empty(&self) -> bool {
        self.own.is_empty() && self.elsewhere.is_empty()
    }
}

/// Runs the detectors of this file, the first that finds something wins.
pub(crate) fn detect_placed(r: &Rich, env: &Env) -> Placed {
    let found = mentions(r, env);
    for detector in [
        ignored,
        earlier,
        then_required,
        group_elsewhere,
        self_then_requires,
    ] {
        let p = detector(r, &found, env);
        if !p.is_empty() {
            return p;
        }
    }
    Placed::default()
}

/// Where the sentence names this parameter: by its wire name or by a pronoun (`this
/// parameter`, `该参数`).
fn own_spans(r: &Rich, env: &Env) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let want: Vec<char> = env.own.chars().collect();
    if !want.is_empty() {
        for i in 0..r.len() {
            let hit = want.iter().enumerate().all(|(k, c)| r.o(i + k) == *c);
            if hit && r.boundary(i) && r.boundary(i + want.len()) {
                out.push((i, i + want.len()));
            }
        }
    }
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &SELF_WORDS) {
        out.push((s, e));
        from = e;
    }
    out
}

fn own_in(spans: &[(usize, usize)], a: usize, b: usize) -> bool {
    spans.iter().any(|s| s.0 >= a && s.1 <= b)
}

/// The wire name of the sibling a mention names (`DataDisk.N.Size` is `Size`).
fn wire(spelled: &str, env: &Env) -> String {
    sibling_of(spelled, env).unwrap_or(spelled).to_string()
}

/// A whole-word phrase of `pats` at or after `from`.
fn find_word(r: &Rich, from: usize, to: usize, pats: &[&str]) -> Option<(usize, usize)> {
    let mut k = from;
    while let Some((s, e)) = r.find_any(k, pats) {
        if s >= to {
            return None;
        }
        if r.boundary(s) && r.boundary(e) {
            return Some((s, e));
        }
        k = s + 1;
    }
    None
}

fn clause_start(r: &Rich, before: usize) -> usize {
    (0..before)
        .rev()
        .find(|&i| matches!(r.c(i), ',' | ';' | '。'))
        .map_or(0, |i| i + 1)
}

/// Adds a rule for this parameter (`None`) or a sibling of its level; a parameter of an
/// enclosing level is not handed rules from here.
fn put(p: &mut Placed, env: &Env, target: Option<String>, rule: Rule) {
    if target
        .as_ref()
        .is_some_and(|t| !env.names.contains(&t.as_str()))
    {
        return;
    }
    let pair = target.map(|t| (t, rule.clone()));
    match pair {
        None if !p.own.contains(&rule) => p.own.push(rule),
        Some(pair) if !p.elsewhere.contains(&pair) => p.elsewhere.push(pair),
        _ => {}
    }
}

/// `X is ignored if Y is specified`, `如果设置了Y，X将被忽略`, `指定Y参数后，会自动忽略请求中的X设置`:
/// X takes effect only when the condition on Y does not hold.
fn ignored(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Placed {
    let mut p = Placed::default();
    let Some((s, e)) = r.find_any(0, &IGNORED_WORDS) else {
        return p;
    };
    let own = own_spans(r, env);
    let names: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
    let from = clause_start(r, s);
    let to = r.clause_end(e, &[',', ';', '。']);
    // The condition: the clause before the ignored one, else `if …` after the phrase.
    let (cond_from, cond_to, ign_to) = if from > 0 {
        (0, from - 1, to)
    } else if let Some((_, oe)) = find_word(r, e, to, &CONDITION_OPENERS) {
        (oe, to, oe)
    } else {
        return p;
    };
    let cond_mention = found.iter().find(|m| m.0 >= cond_from && m.1 <= cond_to);
    let cond = match cond_mention {
        Some(m) => condition_on(r, m, cond_from, cond_to, &names),
        None if own_in(&own, cond_from, cond_to) && !env.own.is_empty() => Condition {
            param: env.own.to_string(),
            value: None,
            negated: false,
        },
        None => return p,
    };
    let rule = Rule::Relation {
        relation: RelationKind::AppliesWhen,
        other: cond.param.clone(),
        value: cond.value.clone(),
        negated: !cond.negated,
        also: Vec::new(),
        max_span_secs: None,
    };
    let ign_from = if from > 0 { from } else { 0 };
    for m in found.iter().filter(|m| {
        m.0 >= ign_from && m.1 <= ign_to && m.0 != cond_mention.map_or(usize::MAX, |c| c.0)
    }) {
        if m.2 != cond.param {
            put(&mut p, env, Some(wire(&m.2, env)), rule.clone());
        }
    }
    if cond.param != env.own && own_in(&own, ign_from, ign_to) {
        put(&mut p, env, None, rule);
    }
    p
}

/// `StartTime must be earlier than EndTime`, `The value of MinSize must be less than or equal
/// to that of MaxSize`: `ordered` on the later (greater) one, naming the earlier one.
fn earlier(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Placed {
    let mut p = Placed::default();
    let Some((s, e)) = r.find_any(0, &EARLIER_WORDS) else {
        return p;
    };
    let own = own_spans(r, env);
    let from = clause_start(r, s);
    let near = |a: usize, b: usize| b >= a && b <= r.skip_ws(a) + 2;
    // The greater one, named right after the phrase.
    let object = found
        .iter()
        .find(|m| near(e, m.0))
        .map(|m| Some(wire(&m.2, env)))
        .or_else(|| own.iter().any(|o| near(e, o.0)).then_some(None));
    let Some(target) = object else {
        return p;
    };
    let subject = found.iter().rfind(|m| m.0 >= from && m.1 <= s);
    let other = match subject {
        Some(m) => m.2.clone(),
        None if target.is_some() && !env.own.is_empty() => env.own.to_string(),
        None => return p,
    };
    if target.as_deref() == Some(other.as_str()) {
        return p;
    }
    put(&mut p, env, target, ordered_rule(r, other));
    p
}

/// `If this parameter is set to Target, the X parameter must be specified`,
/// `当该参数取值为A时，必须指定X`: `required_when` on X, conditioned on this parameter.
fn then_required(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Placed {
    let mut p = Placed::default();
    if env.own.is_empty() || !starts_conditional(r) {
        return p;
    }
    let Some((comma, _)) = r.find(0, ",") else {
        return p;
    };
    let own = own_spans(r, env);
    let Some(&(_, own_end)) = own.iter().find(|o| o.1 <= comma) else {
        return p;
    };
    if found.iter().any(|m| m.1 <= comma) {
        return p;
    }
    let to = r.clause_end(comma + 1, &[',', ';', '。']);
    let Some((ws, _)) = r.find_any(comma, &THEN_REQUIRED).filter(|(s, _)| *s < to) else {
        return p;
    };
    if RELATION_NEGATION.iter().any(|w| r.ends_at(ws, w)) {
        return p;
    }
    let names: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
    let before = Rich::new(&r.orig(0, own_end));
    let after = Rich::new(&r.orig(own_end, comma));
    let not_set = before.has_any(&NOT_SET_BEFORE) || after.has_any(&NOT_SET_AFTER);
    let value = if not_set {
        None
    } else {
        condition_value(r, own_end, comma, &names).or_else(|| {
            let e = r.match_any(r.skip_ws(own_end), &CONDITION_VALUE_INTROS)?;
            read_token(r, e, false)
                .filter(|t| t.end <= comma && is_value_like(&t.text))
                .map(|t| t.text)
        })
    };
    if value.is_none() && !not_set {
        return p;
    }
    for m in found.iter().filter(|m| m.0 > comma && m.1 <= to) {
        let rule = Rule::Relation {
            relation: RelationKind::RequiredWhen,
            other: env.own.to_string(),
            value: value.clone(),
            negated: not_set,
            also: Vec::new(),
            max_span_secs: None,
        };
        put(&mut p, env, Some(wire(&m.2, env)), rule);
    }
    p
}

/// `You must specify at least one of A, B and C` in a row that is none of them: the rule
/// belongs on the members.
fn group_elsewhere(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Placed {
    let mut p = Placed::default();
    if env.own.is_empty() || !r.has_any(&AT_LEAST_ONE_WORDS) || !own_spans(r, env).is_empty() {
        return p;
    }
    let mut members: Vec<String> = Vec::new();
    for m in found {
        if !members.contains(&m.2) {
            members.push(m.2.clone());
        }
    }
    if members.len() < 2 {
        return p;
    }
    for holder in &members {
        for other in members.iter().filter(|o| *o != holder) {
            let rule = Rule::relation(RelationKind::AtLeastOneOf, other, None);
            put(&mut p, env, Some(wire(holder, env)), rule);
        }
    }
    p
}

/// `应用该字段时必须指定Namespace`: when this parameter is set, the one named next must be too.
fn self_then_requires(r: &Rich, found: &[(usize, usize, String)], env: &Env) -> Placed {
    let mut p = Placed::default();
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &THEN_REQUIRED) {
        from = e;
        let start = clause_start(r, s);
        let clause = Rich::new(&r.orig(start, s));
        let conditioned = CONDITION_MARKS.iter().any(|m| r.ends_at(s, m));
        if !conditioned
            || !clause.has_any(&SELF_WORDS)
            || found.iter().any(|m| m.0 >= start && m.1 <= s)
        {
            continue;
        }
        if let Some(m) = found.iter().find(|m| m.0 >= e && m.0 <= r.skip_ws(e) + 2) {
            put(
                &mut p,
                env,
                None,
                Rule::relation(RelationKind::Requires, m.2.clone(), None),
            );
        }
    }
    p
}
