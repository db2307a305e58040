//! Lists: the bullets of a value list, what each bullet holds, and what the list describes.

use crate::parse::constraints::*;
use crate::parse::text;

/// One bullet of a list with what belongs to it.
#[derive(Debug, Clone, Default)]
pub(crate) struct LItem {
    pub(crate) text: String,
    /// Nested bullets.
    pub(crate) children: Vec<String>,
    /// Paragraphs between this bullet and the next one.
    pub(crate) extras: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ItemKind {
    /// `**v**（默认值）：desc`; `explicit` when a colon or a default marker follows the value.
    Value {
        v: String,
        default: bool,
        desc: String,
        explicit: bool,
    },
    /// `**1**~**200**，…`
    Range(Val),
    /// `If …` / `当…时`.
    Cond,
    Other,
}

/// `desc` marks the item as the default (`This is the default value.`, `精确搜索（默认）`).
pub(crate) fn desc_is_default(desc: &str) -> bool {
    let r = Rich::new(desc);
    let trimmed = r.folded(0, r.len());
    let trimmed = trimmed.trim_end_matches(['.', '。', ' ']);
    r.has_any(&DEFAULT_ITEM_WORDS)
        || DEFAULT_MARKS
            .iter()
            .any(|m| trimmed.ends_with(&m.replace(' ', "")))
}

pub(crate) fn parse_item(text: &str) -> ItemKind {
    let r = Rich::new(text);
    if r.len() == 0 {
        return ItemKind::Other;
    }
    if starts_conditional(&r) || condition_head(&r).is_some() {
        return ItemKind::Cond;
    }
    if let Some((vals, _)) = read_vals(&r, 0, 0) {
        if let [v @ Val::Span { .. }] = vals.as_slice() {
            return ItemKind::Range(v.clone());
        }
    }
    let Some(tok) = read_token(&r, 0, false) else {
        return reversed_item(&r);
    };
    // `**1:** Log backup is enabled`: the colon inside the bold ends the value.
    let v = tok
        .text
        .trim_end_matches(['.', '。', ',', '，', ':', '：'])
        .to_string();
    if !is_value_like(&v) || looks_like_field(&v) {
        return if tok.marked {
            ItemKind::Other
        } else {
            reversed_item(&r)
        };
    }
    let mut p = tok.end;
    let mut default = false;
    if let Some(e) = r.match_any(p, &DEFAULT_MARKS) {
        default = true;
        p = e;
    }
    // `**0**（None）：不显示`: a short gloss in parentheses between the value and its colon.
    let open = r.skip_ws(p);
    if r.c(open) == '(' {
        if let Some(close) = (open + 1..r.len().min(open + 40)).find(|&i| r.c(i) == ')') {
            if r.c(r.skip_ws(close + 1)) == ':' {
                p = close + 1;
            }
        }
    }
    let q = r.skip_ws(p);
    let (desc_from, explicit) = if q >= r.len() {
        (None, default)
    } else if r.c(q) == ':' {
        (Some(q), true)
    } else if tok.marked && matches!(r.c(q), '.' | '。' | ',') {
        (Some(q), default)
    } else if tok.marked && q > p {
        (Some(q - 1), default)
    } else {
        return if tok.marked {
            ItemKind::Other
        } else {
            reversed_item(&r)
        };
    };
    let desc = desc_from
        .and_then(|k| r.byte_after(k))
        .and_then(|b| text.get(b..))
        .map_or(String::new(), |d| d.trim().to_string());
    let default = default || desc_is_default(&desc);
    ItemKind::Value {
        v,
        default,
        desc,
        explicit,
    }
}

/// `中文：zh-CN`: the value on the right of the colon, its meaning on the left.
pub(crate) fn reversed_item(r: &Rich) -> ItemKind {
    let Some((k, e)) = r.find(0, ":") else {
        return ItemKind::Other;
    };
    let left = r.orig(0, k);
    // `默认值：**Purge**` / `Default value: PostPaid.` as the last bullet: the default among
    // the values above.
    let default = Rich::new(&left).starts_with_any(&DEFAULT_INTROS);
    if !default && (!left.chars().any(is_cjk) || left.chars().any(|c| c.is_ascii_alphabetic())) {
        return ItemKind::Other;
    }
    let Some(tok) = read_token(r, e, false) else {
        return ItemKind::Other;
    };
    let rest_empty = (tok.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。'));
    if !is_value_like(&tok.text) || !rest_empty {
        return ItemKind::Other;
    }
    ItemKind::Value {
        v: tok.text,
        default,
        desc: if default { String::new() } else { left },
        explicit: true,
    }
}

/// A paragraph shaped like a list item (`**true**：…` after `取值：`).
pub(crate) fn item_like(text: &str) -> bool {
    matches!(parse_item(text), ItemKind::Value { explicit: true, .. })
}

/// Collects the bullets from `start`; returns them and the index after the list. A paragraph
/// between two bullets stays with the previous bullet unless it opens a new list.
pub(crate) fn collect_list(blocks: &[Block], start: usize) -> (Vec<LItem>, usize) {
    let mut items: Vec<LItem> = Vec::new();
    let mut j = start;
    while let Some(block) = blocks.get(j) {
        match block {
            Block::Bullet { level, text } => {
                let parent_open = items.last().is_some_and(|it| ends_with_colon(&it.text));
                let nested = *level > 0
                    || (parent_open && !matches!(parse_item(text), ItemKind::Value { .. }));
                match items.last_mut() {
                    Some(last) if nested => last.children.push(text.clone()),
                    _ => items.push(LItem {
                        text: text.clone(),
                        ..LItem::default()
                    }),
                }
            }
            Block::Para(text) => {
                let next_is_bullet = matches!(blocks.get(j + 1), Some(Block::Bullet { .. }));
                match items.last_mut() {
                    Some(last) if next_is_bullet && !ends_with_colon(text) => {
                        last.extras.push(text.clone())
                    }
                    _ => break,
                }
            }
        }
        j += 1;
    }
    (items, j)
}

/// What a bullet list turned out to be.
pub(crate) enum ListKind {
    Values(Vec<Rule>, bool),
    SubFields,
    NotValues,
}

/// Bullets that each describe one setting of this parameter in conditional form
/// (`If you set the value to **SOURCE_IP**, …`, `取值为**SOURCE_IP**时，…`, `If this parameter is
/// left empty, …`): a value list in disguise. At least one literal value is needed.
pub(crate) fn own_value_list(items: &[LItem]) -> Option<Vec<Val>> {
    let (set, empty) = (&OWN_VALUE_SETS, &OWN_VALUE_EMPTY);
    let mut vals = Vec::new();
    for it in items {
        let r = Rich::new(&it.text);
        if r.has_any(empty) {
            continue;
        }
        let e = r.match_any(0, set)?;
        let tok = read_token(&r, e, false).filter(|t| t.marked && is_value_like(&t.text))?;
        vals.push(Val::One {
            v: tok.text,
            default: false,
        });
    }
    (!vals.is_empty()).then_some(vals)
}

/// Decides what a list is and, for value lists, returns its enum/default/range rules.
pub(crate) fn classify(
    items: &[LItem],
    parsed: &[ItemKind],
    enum_intro: bool,
    context: &str,
    ty: &Type,
    scope: Scope,
    env: &Env,
) -> ListKind {
    // One folded view per item for the three questions below.
    let riches: Vec<Rich> = items.iter().map(|it| Rich::new(&it.text)).collect();
    let dotted = riches.iter().zip(parsed).any(|(r, p)| {
        *p != ItemKind::Cond
            && read_token(r, 0, false).is_some_and(|t| t.marked && looks_like_field(&t.text))
    });
    // A bullet that opens with a condition on a marked name (`**X**取**A**时，…`) is a case,
    // not a field.
    let marked_heads = riches
        .iter()
        .zip(parsed)
        .filter(|(r, p)| r.span(0) != 0 && **p != ItemKind::Cond)
        .count();
    // A field's own rules inside its bullet (`**Port**：…默认值为1194`); a bullet that is itself a
    // rule (`默认值：**Purge**`) describes no field.
    let sub_rules = riches
        .iter()
        .filter(|r| r.span(r.skip_ws(0)) != 0)
        .any(|r| {
            let body = read_token(r, 0, false).map_or(0, |t| t.end);
            Rich::new(&r.orig(body, r.len())).has_any(&SUBRULE_WORDS)
        });
    let config_intro = Rich::new(context).has_any(&CONFIG_WORDS);
    if dotted || (!enum_intro && marked_heads > 0 && (sub_rules || config_intro)) {
        return ListKind::SubFields;
    }
    if scope != Scope::Main {
        return ListKind::NotValues;
    }
    let listed: Vec<&str> = parsed
        .iter()
        .filter_map(|p| match p {
            ItemKind::Value { v, .. } => Some(v.as_str()),
            _ => None,
        })
        .collect();
    // The members of the parameter's JSON example: a description of its fields.
    if json_members(env.example, &listed) {
        return ListKind::SubFields;
    }
    // The variables of a format the description spells (`acs:mns:{region-id}:{account-id}`,
    // `$accountID`), or placeholders themselves: what to put in, not values to choose from.
    if listed.iter().any(|v| text::is_placeholder(v)) || placeholders_in(env.text, &listed) {
        return ListKind::NotValues;
    }
    // Without a sentence saying the bullets are values, the doc's own example decides: a list
    // it is not one of describes something else (`ECS: 6.8.5_with_community`).
    if !enum_intro && example_outside(env.example, &listed) {
        return ListKind::NotValues;
    }
    let mut vals: Vec<Val> = Vec::new();
    let mut descs: Vec<(String, String)> = Vec::new();
    let (mut others, mut conds, mut loose) = (0, 0, 0);
    for p in parsed {
        match p {
            ItemKind::Value {
                v,
                default,
                desc,
                explicit,
            } => {
                vals.push(Val::One {
                    v: v.clone(),
                    default: *default,
                });
                descs.push((v.clone(), desc.clone()));
                if !explicit && !desc.is_empty() {
                    loose += 1;
                }
            }
            ItemKind::Range(v) => vals.push(v.clone()),
            ItemKind::Cond => conds += 1,
            ItemKind::Other => others += 1,
        }
    }
    // Without an intro the bullets must all be plain `value：meaning` items.
    // A `Default value: 0` bullet names no value of its own: beside `Unit: milliseconds` it
    // makes no list of values.
    let choices = parsed
        .iter()
        .filter(|p| match p {
            ItemKind::Value { default, desc, .. } => !(*default && desc.is_empty()),
            ItemKind::Range(_) => true,
            _ => false,
        })
        .count();
    let bare_ok =
        others == 0 && conds == 0 && loose == 0 && (choices >= 2 || matches!(ty, Type::Boolean));
    // Most bullets are no values (`China (Hangzhou)` beside `Singapore`): an allow-list of the
    // few that parse would reject the documented others.
    if enum_intro && others >= vals.len() && !vals.is_empty() {
        return ListKind::NotValues;
    }
    if vals.is_empty() || (!enum_intro && !bare_ok) {
        return match own_value_list(items) {
            Some(values) => ListKind::Values(vals_to_rules(&values, false, ty).0, false),
            None => ListKind::NotValues,
        };
    }
    let (mut rules, redundant) = vals_to_rules(&vals, false, ty);
    for rule in &mut rules {
        if let Rule::Enum { values } = rule {
            for ev in values.iter_mut() {
                if let Some((_, d)) = descs.iter().find(|(v, _)| *v == ev.value) {
                    ev.description = d.clone();
                }
            }
        }
    }
    ListKind::Values(rules, redundant)
}

/// Whether the values a list names are used in the description as placeholders of a format
/// (`{region-id}`, `<uid>`, `$accountID`, `[InstanceId]`).
pub(crate) fn placeholders_in(description: &str, values: &[&str]) -> bool {
    values.iter().any(|v| {
        !v.is_empty()
            && [("{", "}"), ("<", ">"), ("[", "]"), ("${", "}")]
                .iter()
                .any(|(open, close)| description.contains(&format!("{open}{v}{close}")))
            || description.contains(&format!("${v}"))
    })
}

/// Whether most values a list names are member names of the parameter's JSON example
/// (`[{"InstanceId": "i-1", "Port": 80}]` beside `-   **InstanceId**: …`).
pub(crate) fn json_members(example: Option<&str>, values: &[&str]) -> bool {
    let Some(example) = example.map(text::trim) else {
        return false;
    };
    if values.is_empty() || !example.contains(['{', ':']) {
        return false;
    }
    let members: Vec<String> = match serde_json::from_str::<serde_json::Value>(example) {
        Ok(v) => {
            let mut keys = Vec::new();
            json_keys(&v, &mut keys);
            keys
        }
        Err(_) => Vec::new(),
    };
    // Loose JSON (`{instanceId:'i-1'}`, single quotes) names its members too.
    let named = |v: &str| {
        members.iter().any(|k| k == v)
            || [format!("\"{v}\""), format!("'{v}'")]
                .iter()
                .any(|q| example.contains(&format!("{q}:")) || example.contains(&format!("{q} :")))
            || [format!("{{{v}:"), format!(",{v}:"), format!(", {v}:")]
                .iter()
                .any(|k| example.contains(k.as_str()))
    };
    values.iter().filter(|v| named(v)).count() * 2 > values.len()
}

fn json_keys(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                out.push(k.clone());
                json_keys(item, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_keys(i, out)),
        _ => {}
    }
}

/// Whether the parameter's example (not a placeholder) is none of the listed values, item by
/// item when it lists several (`a,b`, `["a","b"]`).
pub(crate) fn example_outside(example: Option<&str>, values: &[&str]) -> bool {
    let Some(example) = example.map(text::trim).filter(|e| !text::is_placeholder(e)) else {
        return false;
    };
    if values.is_empty() {
        return false;
    }
    let items: Vec<String> = match serde_json::from_str::<serde_json::Value>(example) {
        Ok(serde_json::Value::Array(a)) => a
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect(),
        _ => example
            .split(',')
            .map(|s| text::trim(s).to_string())
            .collect(),
    };
    let known = |x: &str| values.iter().any(|v| v.eq_ignore_ascii_case(x));
    !known(example) && !items.iter().all(|i| known(i))
}
