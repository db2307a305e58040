//! Merging: the one policy by which rules of one parameter are combined, whether they come from
//! several sentences of one description ([`finalize`]) or from the other language's document
//! (`crate::merge`):
//! - an exact duplicate is dropped;
//! - value lists are united: an allow-list may only grow, never reject a documented value;
//! - the first default is kept;
//! - a spelled time layout refines a bare format of the same name;
//! - a relation is kept once, however the other parameter is spelled (`DataDisk.N.Category` and
//!   `Category` are the same parameter);
//! - bounds (length, range, items, …): sentences of one text each state a part and all are kept;
//!   the other language restates them, so its bounds are added only where the kind is missing.

use crate::parse::constraints::*;

/// Where a rule comes from, relative to the rules it is merged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Another sentence of the same description.
    SameText,
    /// The same parameter's description in the other language.
    OtherLanguage,
}

/// Adds `extra` values that `known` lacks (in order); true when `known` grew.
pub fn unite_values(known: &mut Vec<EnumValue>, extra: &[EnumValue]) -> bool {
    let before = known.len();
    for v in extra {
        if !known.iter().any(|k| k.value == v.value) {
            known.push(v.clone());
        }
    }
    known.len() > before
}

/// The parameter a relation names, without the path of the item it shares (`DataDisk.N.Category`
/// is `Category`).
fn relation_target(other: &str) -> &str {
    other.rsplit('.').next().unwrap_or(other)
}

/// Merges one rule into a parameter's rules under the policy of the module notes.
pub fn merge_rule(into: &mut Vec<Constraint>, c: Constraint, origin: Origin) {
    if into.iter().any(|k| k.rule == c.rule) {
        return;
    }
    match &c.rule {
        Rule::Enum { values } => {
            if let Some(k) = into
                .iter_mut()
                .find(|k| matches!(k.rule, Rule::Enum { .. }))
            {
                if let Rule::Enum { values: known } = &mut k.rule {
                    unite_values(known, values);
                }
                if origin == Origin::SameText {
                    k.source = join_source(&k.source, &c.source);
                }
                return;
            }
        }
        Rule::Default { .. } => {
            if into.iter().any(|k| matches!(k.rule, Rule::Default { .. })) {
                return;
            }
        }
        Rule::Format { name, pattern } => {
            let same_name =
                |k: &Constraint| matches!(&k.rule, Rule::Format { name: n, .. } if n == name);
            if origin == Origin::OtherLanguage
                && into.iter().any(|k| matches!(k.rule, Rule::Format { .. }))
            {
                return;
            }
            if let Some(k) = into.iter_mut().find(|k| same_name(k)) {
                let bare = matches!(k.rule, Rule::Format { pattern: None, .. });
                if pattern.is_some() && bare {
                    k.source = join_source(&k.source, &c.source);
                    k.rule = c.rule;
                }
                return;
            }
        }
        Rule::Relation { other, .. } => {
            let same = into.iter().any(|k| match (&k.rule, &c.rule) {
                (Rule::Relation { other: o, .. }, _)
                    if relation_target(o) == relation_target(other) =>
                {
                    let mut respelled = k.rule.clone();
                    if let Rule::Relation { other: o, .. } = &mut respelled {
                        o.clone_from(other);
                    }
                    respelled == c.rule
                }
                _ => false,
            });
            if same {
                return;
            }
        }
        _ => {
            let kind = std::mem::discriminant(&c.rule);
            if origin == Origin::OtherLanguage
                && into.iter().any(|k| std::mem::discriminant(&k.rule) == kind)
            {
                return;
            }
        }
    }
    into.push(c);
}

pub(crate) fn join_source(a: &str, b: &str) -> String {
    if a == b || a.contains(b) {
        a.to_string()
    } else {
        format!("{a} {b}")
    }
}

/// Merges the per-sentence findings into the final list: one `Chars` rule (first classes and
/// allowed classes united), a list size folded into `MultiValue.max` for strings, the first
/// `Enum`/`Default` kept, exact duplicates dropped.
pub(crate) fn finalize(cands: Vec<(Rule, String)>, ty: &Type) -> Vec<Constraint> {
    // Character classes from several sentences form one rule.
    let mut first: Vec<CharClass> = Vec::new();
    let mut listed: Vec<CharClass> = Vec::new();
    let mut chars_source = String::new();
    for (rule, source) in &cands {
        if let Rule::Chars { first: f, allowed } = rule {
            f.iter().for_each(|c| push_class(&mut first, c.clone()));
            allowed
                .iter()
                .for_each(|c| push_class(&mut listed, c.clone()));
            chars_source = if chars_source.is_empty() {
                source.clone()
            } else {
                join_source(&chars_source, source)
            };
        }
    }
    let merged_chars = {
        let mut allowed = Vec::new();
        if !listed.is_empty() {
            first
                .iter()
                .chain(listed.iter())
                .for_each(|c| push_class(&mut allowed, c.clone()));
        }
        Rule::Chars { first, allowed }
    };

    let is_list_type = matches!(ty, Type::Array)
        || matches!(ty, Type::Other(n) if n.eq_ignore_ascii_case("RepeatList"));
    let multi = cands
        .iter()
        .any(|(r, _)| matches!(r, Rule::MultiValue { .. }));
    let count = cands.iter().find_map(|(r, s)| match r {
        Rule::Items {
            min: None | Some(0) | Some(1),
            max: Some(m),
        } if multi && !is_list_type => Some((*m, s.clone())),
        _ => None,
    });

    let mut out: Vec<Constraint> = Vec::new();
    let mut chars_done = false;
    for (rule, source) in cands {
        let (rule, source) = match rule {
            Rule::Chars { .. } if chars_done => continue,
            Rule::Chars { .. } => {
                chars_done = true;
                (merged_chars.clone(), chars_source.clone())
            }
            Rule::Items { .. } if count.as_ref().is_some_and(|(_, s)| *s == source) => continue,
            Rule::MultiValue { separator, max } => match &count {
                Some((m, s)) => (
                    Rule::MultiValue {
                        separator,
                        max: max.or(Some(*m)),
                    },
                    join_source(&source, s),
                ),
                None => (Rule::MultiValue { separator, max }, source),
            },
            other => (other, source),
        };
        merge_rule(&mut out, Constraint { rule, source }, Origin::SameText);
    }
    json_with_items(&mut out, is_list_type);
    out
}

/// A JSON-encoded string with a stated number of items (`a JSON array … up to 100 resources`)
/// is one `json` rule: the count is of the decoded array, not of a list parameter.
fn json_with_items(out: &mut Vec<Constraint>, is_list_type: bool) {
    let is_json = |c: &Constraint| matches!(&c.rule, Rule::Format { name, .. } if name == "json");
    let (Some(j), Some(i)) = (
        out.iter().position(is_json),
        out.iter()
            .position(|c| matches!(c.rule, Rule::Items { .. })),
    ) else {
        return;
    };
    if is_list_type {
        return;
    }
    let Rule::Items { min, max } = out[i].rule else {
        return;
    };
    let source = join_source(&out[j].source, &out[i].source);
    out[j] = Constraint {
        rule: Rule::Json {
            min_items: min,
            max_items: max,
            keys: Vec::new(),
        },
        source,
    };
    out.remove(i);
}

/// A JSON value whose members the description lists one by one (`The value is a JSON string
/// that contains the following fields: -   **InstanceId**: …`): a `json` rule naming them, in
/// place of a bare JSON format.
pub(crate) fn json_members_rule(
    cands: &mut Vec<(Rule, String)>,
    members: Vec<String>,
    description: &str,
) {
    if members.is_empty() {
        return;
    }
    let format_at = cands
        .iter()
        .position(|(r, _)| matches!(r, Rule::Format { name, .. } if name == "json"));
    let stated = Rich::new(description).has_any(&JSON_WORDS);
    if let Some((Rule::Json { keys, .. }, _)) = cands
        .iter_mut()
        .find(|(r, _)| matches!(r, Rule::Json { .. }))
    {
        if keys.is_empty() {
            *keys = members;
        }
        return;
    }
    let rule = Rule::Json {
        min_items: None,
        max_items: None,
        keys: members,
    };
    match format_at {
        Some(i) => cands[i].0 = rule,
        None if stated => cands.push((rule, description.lines().next().unwrap_or("").to_string())),
        None => {}
    }
}
