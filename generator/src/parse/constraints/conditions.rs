//! Conditions: sentences stated under `当…时` / `If …`, and the branches of rules they hold.

use crate::parse::constraints::*;

pub(crate) fn starts_conditional(r: &Rich) -> bool {
    // `当前` means "current", not "when".
    r.starts_with_any(&COND_STARTS) && !r.starts_with_any(&NOT_CONDITION_STARTS)
}

/// `**RecurrenceType**取**Daily**时，…`: the first clause is a condition on a marked name with
/// no opening word (a bullet of a list of cases); where that condition ends.
pub(crate) fn condition_head(r: &Rich) -> Option<usize> {
    if r.span(r.skip_ws(0)) == 0 || starts_conditional(r) {
        return None;
    }
    let (s, e) = r.find_any(0, &CONDITION_CLAUSE_ENDS)?;
    let first_clause = (0..s).all(|i| !matches!(r.c(i), ',' | ';' | '。'));
    (first_clause && conditional_at(r, e)).then_some(e)
}

/// The sibling and value of the condition a text opens with (`**X**取**A**时，…`, `当X为A时，…`).
pub(crate) fn head_condition(text: &str, env: &Env) -> Option<(String, Option<String>)> {
    let r = Rich::new(text);
    let (name, at, end, names) = opening_condition(&r, env)?;
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let value = condition_value(&r, at, end, &names)?;
    Some((name, Some(value)))
}

/// The opening condition of a text: the first parameter it names inside the condition, where
/// that name ends, where the condition ends, and every parameter the text names.
fn opening_condition(r: &Rich, env: &Env) -> Option<(String, usize, usize, Vec<String>)> {
    let end = condition_head(r).or_else(|| {
        starts_conditional(r)
            .then(|| r.find_any(0, &[&CONDITION_CLAUSE_ENDS[..], &[","]].concat()))
            .flatten()
            .map(|(_, e)| e)
    })?;
    let found = mentions(r, env);
    let (_, at, name) = found.iter().find(|m| m.1 <= end)?.clone();
    let names = found.into_iter().map(|m| m.2).collect();
    Some((name, at, end, names))
}

/// Range branches keyed on distinct values of one sibling (`**X**取**A**时，取值范围：1~31`) that
/// are not every case: some range sentence names no value, or the sibling documents values
/// the cases leave out. Their `range_when` holds, their hull would bound the other cases too.
pub(crate) fn keyed_ranges(branches: &[&Branch], env: &Env) -> Option<Rule> {
    let keyed: Vec<&Branch> = branches
        .iter()
        .copied()
        .filter(|b| matches!(&b.cond, Some((_, Some(_)))))
        .collect();
    let first = keyed.first()?.cond.as_ref()?;
    let one = keyed
        .iter()
        .all(|b| b.cond.as_ref().map(|c| &c.0) == Some(&first.0));
    let distinct = keyed
        .iter()
        .enumerate()
        .all(|(i, b)| keyed[..i].iter().all(|d| d.cond != b.cond));
    if !one || !distinct {
        return None;
    }
    let keys: Vec<&str> = keyed
        .iter()
        .filter_map(|b| b.cond.as_ref()?.1.as_deref())
        .collect();
    let all_cases = keyed.len() == branches.len() && keyed.len() >= 2;
    (!all_cases || !covers_documented(&first.0, &keys, env))
        .then(|| cases_of_branches(&keyed))
        .flatten()
}

/// Every value the sibling `other` documents (its value list, its example) is one of `keys`
/// (true when it documents none): only then does the hull of per-value ranges bound this one.
pub(crate) fn covers_documented(other: &str, keys: &[&str], env: &Env) -> bool {
    let documented = sibling_of(other, env)
        .and_then(|name| env.members.iter().find(|m| m.name == name))
        .map(|m| documented_values(m))
        .unwrap_or_default();
    documented.iter().all(|v| keys.contains(&v.as_str()))
}

/// The text at `pos` only holds under a condition: the sentence opens with one, or a
/// `…为X时，` clause precedes `pos`. Clauses about leaving the value empty state a default.
pub(crate) fn conditional_at(r: &Rich, pos: usize) -> bool {
    if starts_conditional(r) {
        return true;
    }
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &CONDITION_CLAUSE_ENDS) {
        if e > pos {
            break;
        }
        let clause_start = (0..s)
            .rev()
            .find(|&i| matches!(r.c(i), ',' | ';' | '。'))
            .map_or(0, |i| i + 1);
        let clause = Rich::new(&r.orig(clause_start, s));
        let marked = (clause_start..s).any(|i| r.span(i) != 0);
        let about_empty = clause.has_any(&EMPTY_CLAUSE_WORDS);
        if !about_empty && (marked || clause.has_any(&CONDITION_SETTING_WORDS)) {
            return true;
        }
        from = e;
    }
    false
}

/// A value rule stated under a condition (`当**PricingCycle**取值**Month**时，Period取值范围为1~9`),
/// in a note or in a bullet of a condition list. It never stands alone: it is checked against
/// the unconditional rules, and branches over the values of one sibling are united.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Branch {
    pub(crate) rule: Rule,
    /// The sibling and value of the condition, when the condition names one.
    pub(crate) cond: Option<(String, Option<String>)>,
}

/// Values or a range under a condition, when they are about this parameter (no sibling is
/// named between the condition and the values).
pub(crate) fn branch_values(r: &Rich, env: &Env, ty: &Type) -> Vec<Branch> {
    let found = mentions(r, env);
    let start = if starts_conditional(r) {
        match r.find_any(0, &[&CONDITION_CLAUSE_ENDS[..], &[","]].concat()) {
            Some((_, e)) => e,
            None => return Vec::new(),
        }
    } else {
        condition_head(r).unwrap_or(0)
    };
    let cond = found.iter().find(|m| m.1 <= start).map(|m| {
        let names: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
        (m.2.clone(), condition_value(r, m.1, start, &names))
    });
    let mut from = start;
    let intros = [&VALUE_INTROS[..], &ONLY_INTROS[..], &BRANCH_INTROS[..]].concat();
    while let Some((s, e)) = r.find_any(from, &intros) {
        from = s + 1;
        if found.iter().any(|m| m.0 >= start && m.1 <= s) {
            break;
        }
        let (vals, end) = parse_expr(r, e, 0);
        let numeric = vals.iter().all(|v| {
            matches!(v, Val::Span { .. })
                || matches!(v, Val::One { v, .. } if to_number(v).is_some())
        });
        let marked = r.span(r.skip_ws(e)) != 0;
        if vals.is_empty() || (r.match_any(s, &NUMERIC_ONLY_INTROS) == Some(e) && !numeric) {
            continue;
        }
        let ends_sentence = (end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。'));
        if !numeric && !marked && r.match_any(s, &ONLY_INTROS).is_some() && !ends_sentence {
            continue;
        }
        return branch_rules(&vals, ty, cond);
    }
    // `…可输入50个EIP的IP地址`, `you can enter … up to 50 …`: a list size under a condition.
    if let Some((_, e)) = r.find_any(start, &BRANCH_COUNT_INTROS) {
        let named_before = found.iter().any(|m| m.0 >= start && m.1 <= e);
        if let Some(n) = read_token(r, e, false)
            .and_then(|t| to_number(&t.text))
            .and_then(to_u64)
        {
            if !named_before {
                return vec![Branch {
                    rule: Rule::Items {
                        min: None,
                        max: Some(n),
                    },
                    cond,
                }];
            }
        }
    }
    // `You can set the endpoint type to **ECS** or **SLB**.`
    if let Some((_, e)) = r.find(start, "you can set") {
        let to = r
            .find(e, "to")
            .filter(|(k, _)| *k <= e + 40 && (e..*k).all(|i| r.c(i) != ','));
        if let Some((_, t)) = to.filter(|(_, t)| r.span(r.skip_ws(*t)) != 0) {
            let (vals, _) = parse_expr(r, t, 0);
            return branch_rules(&vals, ty, cond);
        }
    }
    Vec::new()
}

/// The enum/range of a conditional value list, as branches.
pub(crate) fn branch_rules(
    vals: &[Val],
    ty: &Type,
    cond: Option<(String, Option<String>)>,
) -> Vec<Branch> {
    let (rules, redundant) = vals_to_rules(vals, false, ty);
    let mut out: Vec<Branch> = rules
        .into_iter()
        .filter(|r| matches!(r, Rule::Enum { .. } | Rule::Range { .. }))
        .map(|rule| Branch {
            rule,
            cond: cond.clone(),
        })
        .collect();
    if redundant {
        out.push(Branch {
            rule: Rule::Enum { values: Vec::new() },
            cond,
        });
    }
    out
}

/// A branch rule already implied by an unconditional one (a sub-range, a subset of values).
pub(crate) fn subsumed(rule: &Rule, cands: &[(Rule, String)]) -> bool {
    cands.iter().any(|(c, _)| match (rule, c) {
        (Rule::Enum { values: b }, Rule::Enum { values: u }) => {
            b.iter().all(|v| u.iter().any(|w| w.value == v.value))
        }
        (Rule::Items { max: Some(b), .. }, Rule::Items { max: Some(u), .. })
        | (Rule::Items { max: Some(b), .. }, Rule::MultiValue { max: Some(u), .. }) => b <= u,
        (
            Rule::Range {
                min: bmin,
                max: bmax,
                ..
            },
            Rule::Range {
                min: umin,
                max: umax,
                ..
            },
        ) => {
            let lo_ok = match (umin, bmin) {
                (None, _) => true,
                (Some(u), Some(b)) => b.as_f64() >= u.as_f64(),
                (Some(_), None) => false,
            };
            let hi_ok = match (umax, bmax) {
                (None, _) => true,
                (Some(u), Some(b)) => b.as_f64() <= u.as_f64(),
                (Some(_), None) => false,
            };
            lo_ok && hi_ok
        }
        _ => false,
    })
}

/// Widens an unconditional enum or range so that it admits a branch; true when it changed.
pub(crate) fn widen(rule: &mut Rule, branch: &Rule) -> bool {
    match (rule, branch) {
        (Rule::Enum { values }, Rule::Enum { values: extra }) => unite_values(values, extra),
        (
            Rule::Range {
                min,
                max,
                min_exclusive,
                max_exclusive,
            },
            Rule::Range {
                min: bmin,
                max: bmax,
                ..
            },
        ) => {
            let mut changed = false;
            if let (Some(m), Some(b)) = (*min, *bmin) {
                if b.as_f64() < m.as_f64() {
                    *min = Some(b);
                    *min_exclusive = false;
                    changed = true;
                }
            }
            if let (Some(m), Some(b)) = (*max, *bmax) {
                if b.as_f64() > m.as_f64() {
                    *max = Some(b);
                    *max_exclusive = false;
                    changed = true;
                }
            }
            changed
        }
        _ => false,
    }
}

/// The union of branch enums, or the hull of branch ranges; it must admit the default.
pub(crate) fn unite(branches: &[&Branch], default: Option<&str>) -> Option<Rule> {
    let mut values: Vec<EnumValue> = Vec::new();
    let mut vals: Vec<Val> = Vec::new();
    for b in branches {
        match &b.rule {
            Rule::Enum { values: vs } => {
                unite_values(&mut values, vs);
            }
            Rule::Range {
                min: Some(lo),
                max: Some(hi),
                min_exclusive,
                max_exclusive,
            } => vals.push(Val::Span {
                lo: *lo,
                hi: *hi,
                lo_ex: *min_exclusive,
                hi_ex: *max_exclusive,
            }),
            _ => return None,
        }
    }
    let rule = if vals.is_empty() {
        if values.is_empty() {
            return None;
        }
        Rule::Enum { values }
    } else {
        hull(&vals)?
    };
    let admits = default.is_none_or(|d| match &rule {
        Rule::Enum { values } => values.iter().any(|v| v.value == d),
        Rule::Range { .. } => to_number(d).is_none_or(|n| {
            subsumed(
                &Rule::Range {
                    min: Some(n),
                    max: Some(n),
                    min_exclusive: false,
                    max_exclusive: false,
                },
                &[(rule.clone(), String::new())],
            )
        }),
        _ => true,
    });
    admits.then_some(rule)
}

/// A bullet without its leading key, and the condition (sibling, value) it holds under.
pub(crate) type SiblingCase = (LItem, (String, Option<String>));

/// Bullets that each open with a value of a sibling and go on with the condition that names
/// it (`Daily: If you set RecurrenceType to Daily, …`): cases of that sibling, not values of
/// this parameter. Returns each bullet without its leading key, with the condition it holds
/// under. Every key must be the value its condition names, on one sibling other than this
/// parameter, and one of the values that sibling documents (its value list or example).
pub(crate) fn sibling_case_items(items: &[LItem], env: &Env) -> Option<Vec<SiblingCase>> {
    if items.len() < 2 {
        return None;
    }
    let mut out: Vec<SiblingCase> = Vec::with_capacity(items.len());
    for it in items {
        let (key, rest) = it.text.split_once([':', '：'])?;
        let key = key.trim().trim_matches('*').trim();
        let rest = rest.trim_start();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return None;
        }
        let other = condition_on_key(rest, key, env)?;
        if out.first().is_some_and(|(_, (o, _))| *o != other) {
            return None;
        }
        let item = LItem {
            text: rest.to_string(),
            children: it.children.clone(),
            extras: it.extras.clone(),
        };
        out.push((item, (other, Some(key.to_string()))));
    }
    let other = &out.first()?.1 .0;
    let name = sibling_of(other, env)?;
    let documented = env
        .members
        .iter()
        .find(|m| m.name == name)
        .map(|m| documented_values(m))?;
    out.iter()
        .all(|(_, (_, k))| k.as_ref().is_some_and(|k| documented.contains(k)))
        .then_some(out)
}

/// The sibling a text's opening condition names with the value `key` (`If you set X to key,`,
/// `**X**取**key**时，`).
fn condition_on_key(text: &str, key: &str, env: &Env) -> Option<String> {
    let r = Rich::new(text);
    let (name, at, end, names) = opening_condition(&r, env)?;
    if name == env.own {
        return None;
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let value = condition_value(&r, at, end, &names).or_else(|| last_value(&r, at, end))?;
    (value == key).then_some(name)
}

/// The `range_when` rule of range branches over distinct values of one sibling.
pub(crate) fn cases_of_branches(branches: &[&Branch]) -> Option<Rule> {
    let mut other = None;
    let mut cases = Vec::new();
    for b in branches {
        let (Rule::Range { min, max, .. }, Some((param, Some(value)))) = (&b.rule, &b.cond) else {
            return None;
        };
        other.get_or_insert_with(|| param.clone());
        cases.push(RangeCase {
            value: value.clone(),
            min: *min,
            max: *max,
        });
    }
    Some(Rule::RangeWhen {
        other: other?,
        cases,
    })
}
