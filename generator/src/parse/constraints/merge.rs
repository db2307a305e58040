//! Merging: per-sentence pieces into one rule per kind, duplicates dropped.

use crate::parse::constraints::*;

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
        // A spelled layout refines a bare `datetime` found in another sentence.
        if let Rule::Format {
            name,
            pattern: Some(_),
        } = &rule
        {
            if let Some(c) = out
                .iter_mut()
                .find(|c| matches!(&c.rule, Rule::Format { name: n, pattern: None } if n == name))
            {
                c.source = join_source(&c.source, &source);
                c.rule = rule;
                continue;
            }
        }
        // Two value lists (one per position, `Filter.1.Key`/`Filter.2.Key`, or per case):
        // an allow-list may only grow, never reject a documented value.
        if let Rule::Enum { values } = &rule {
            if let Some(c) = out.iter_mut().find(|c| matches!(c.rule, Rule::Enum { .. })) {
                if let Rule::Enum { values: known } = &mut c.rule {
                    for v in values {
                        if !known.iter().any(|k| k.value == v.value) {
                            known.push(v.clone());
                        }
                    }
                }
                c.source = join_source(&c.source, &source);
                continue;
            }
        }
        let clash = out.iter().any(|c| match (&c.rule, &rule) {
            (Rule::Enum { .. }, Rule::Enum { .. })
            | (Rule::Default { .. }, Rule::Default { .. }) => true,
            (Rule::Format { name: a, .. }, Rule::Format { name: b, .. }) => a == b,
            (a, b) => a == b,
        });
        if !clash {
            out.push(Constraint { rule, source });
        }
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
