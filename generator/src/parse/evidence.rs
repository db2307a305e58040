//! Evidence beats inference: every value a doc itself gives for a request parameter is held
//! against the rules read from its prose, and a rule that rejects one of them is not enforced.
//!
//! The values: the table's example cell, the values of every request example (RPC query
//! pairs, REST-style query, path and JSON body), and the values a description lists or names as
//! the default (evidence against the parameter's *other* rules). Masked and placeholder values
//! (`vpn-bp1****`, `116.XX.XX.28`, `<your-id>`, `$accountID`, …; [`text::is_placeholder`])
//! are no evidence. A contradicted rule moves from `constraints` to `demoted` with the value and
//! its place, and a `rule-contradicts-example` warning names both the rule's row and the value.
//!
//! A missed rule costs a server round trip; a wrong rule costs a user their call. The doc's own
//! values are the best evidence the generator has of what the service accepts, so a reading of
//! the prose that turns one of them away is taken to be the misreading.
//!
//! [`settle`] runs once per doc (in [`super::parse_doc`]) and again after the languages of one
//! API are merged, when one language's example may contradict the other's rule; it is
//! idempotent.

use std::collections::BTreeMap;

use serde_json::Value;

use super::text;
use crate::diagnostics::Diagnostic;
use crate::model::{
    Api, Condition, Constraint, Demoted, Evidence, Field, RelationKind, Rule, Type,
};
use crate::rules::{self, Instant, Kind};

/// One request as an example shows it, flattened to dotted keys with 1-based item indices
/// (`Tag.1.Key`, `Name`), with where it stands.
#[derive(Debug, Clone)]
struct Shown {
    pairs: Vec<(String, String)>,
    file: String,
    line: usize,
}

/// A value placed on one field: its text, the item indices met on the way (`[2]` for
/// `Tag.2.Key`, so members of one item can be told apart), and where it stands.
#[derive(Debug, Clone)]
struct Placed {
    value: String,
    items: Vec<u32>,
    example: usize,
    file: String,
    line: usize,
}

/// Demotes the rules of `api`'s request that a value of the doc contradicts; returns the
/// warnings (one per demoted rule).
pub fn settle(api: &mut Api) -> Vec<Diagnostic> {
    let shown = shown_requests(api);
    let mut placed: BTreeMap<Vec<usize>, Vec<Placed>> = BTreeMap::new();
    for (i, ex) in shown.iter().enumerate() {
        for (key, value) in &ex.pairs {
            place(&api.request, key, value, i, ex, &mut placed);
        }
    }
    let rule_file = api
        .sources
        .first()
        .map(|s| s.file.clone())
        .unwrap_or_default();
    let mut diags = Vec::new();
    let mut path = Vec::new();
    single_field_rules(
        &mut api.request,
        &mut path,
        "",
        &placed,
        &rule_file,
        &mut diags,
    );
    relation_rules(api, &shown, &rule_file, &mut diags);
    diags
}

/// The request examples of `api` as flat pairs.
fn shown_requests(api: &Api) -> Vec<Shown> {
    let mut out = Vec::new();
    for ex in &api.examples.requests {
        out.push(Shown {
            pairs: ex
                .params
                .iter()
                .map(|p| (p.name.clone(), p.value.clone()))
                .collect(),
            file: ex.file.clone(),
            line: ex.line,
        });
    }
    for ex in &api.examples.http_requests {
        let mut pairs: Vec<(String, String)> = ex
            .query
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        pairs.extend(path_values(api.path.as_deref(), &ex.path));
        if let Some(body) = &ex.body {
            match serde_json::from_str::<Value>(body) {
                Ok(Value::Object(map)) => {
                    for (k, v) in &map {
                        flatten(k, v, &mut pairs);
                    }
                }
                // A body that is one array or value: the parameter sent as the whole body.
                Ok(v) => {
                    if let Some(f) = api
                        .request
                        .iter()
                        .find(|f| f.location.as_deref() == Some(crate::model::location::PAYLOAD))
                    {
                        flatten(&f.name, &v, &mut pairs);
                    }
                }
                Err(_) => {}
            }
        }
        out.push(Shown {
            pairs,
            file: ex.file.clone(),
            line: ex.line,
        });
    }
    out
}

/// The values of a REST-style path's `{Name}` placeholders in an example path.
fn path_values(template: Option<&str>, path: &str) -> Vec<(String, String)> {
    let Some(template) = template else {
        return Vec::new();
    };
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return Vec::new();
    }
    t.iter()
        .zip(&p)
        .filter_map(|(t, p)| {
            let name = t.strip_prefix('{')?.strip_suffix('}')?;
            let unfilled = p.starts_with('{') || p.starts_with('[') || p.eq_ignore_ascii_case(name);
            (!unfilled).then(|| (name.to_string(), text::percent_decode(p)))
        })
        .collect()
}

/// `{"A":[{"B":1}]}` under `X` → `X.A.1.B=1`.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{}", i + 1), item, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                flatten(&format!("{prefix}.{k}"), item, out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Null => {}
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

fn is_index(segment: &str) -> bool {
    !segment.is_empty() && segment.chars().all(|c| c.is_ascii_digit())
}

/// The member of `level` a key segment names: the exact wire name, else the one name that
/// differs only in case.
fn member(level: &[Field], segment: &str) -> Option<usize> {
    level.iter().position(|f| f.name == segment).or_else(|| {
        let mut same = level
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name.eq_ignore_ascii_case(segment));
        match (same.next(), same.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    })
}

/// Places one flat pair on the field it names (keys that name no documented field are left
/// alone). A container's value written as one JSON document is placed member by member.
fn place(
    fields: &[Field],
    key: &str,
    value: &str,
    example: usize,
    ex: &Shown,
    out: &mut BTreeMap<Vec<usize>, Vec<Placed>>,
) {
    let mut level = fields;
    let mut path = Vec::new();
    let mut items = Vec::new();
    let mut last: Option<&Field> = None;
    for segment in key.split('.') {
        if is_index(segment) && last.is_some_and(|f| f.ty == Type::Array) {
            items.push(segment.parse().unwrap_or(0));
            continue;
        }
        let Some(i) = member(level, segment) else {
            return;
        };
        path.push(i);
        last = Some(&level[i]);
        level = &level[i].children;
    }
    let Some(field) = last else {
        return;
    };
    let container = !field.children.is_empty() || field.ty == Type::Array;
    let json = value.trim_start().starts_with(['[', '{']);
    if container && json {
        if let Ok(v) = serde_json::from_str::<Value>(value) {
            let mut pairs = Vec::new();
            flatten(key, &v, &mut pairs);
            // An array of scalars written `[…]` is a list of items; anything else places below.
            for (k, v) in pairs {
                if k != key {
                    place(fields, &k, &v, example, ex, out);
                }
            }
            return;
        }
    }
    if !field.children.is_empty() {
        return;
    }
    out.entry(path).or_default().push(Placed {
        value: value.to_string(),
        items,
        example,
        file: ex.file.clone(),
        line: ex.line,
    });
}

/// What a rule says in a few words, for messages.
fn summary(rule: &Rule) -> String {
    let json = serde_json::to_value(rule).unwrap_or(Value::Null);
    let mut text = json["kind"].as_str().unwrap_or("rule").to_string();
    if let Value::Object(map) = &json {
        let rest: Vec<String> = map
            .iter()
            .filter(|(k, _)| k.as_str() != "kind")
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        if !rest.is_empty() {
            text = format!("{text} ({})", rest.join(", "));
        }
    }
    text
}

fn demote(
    field: &mut Field,
    index: usize,
    evidence: Evidence,
    path: &str,
    rule_file: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let constraint: Constraint = field.constraints.remove(index);
    diags.push(Diagnostic::warning(
        rule_file,
        field.line,
        "rule-contradicts-example",
        format!(
            "`{path}`: the rule {} read from `{}` is not enforced: the doc's own value `{}` ({}:{}) breaks it; it stays in the docs",
            summary(&constraint.rule),
            constraint.source.replace('\n', " "),
            evidence.value,
            evidence.file,
            evidence.line
        ),
    ));
    field.demoted.push(Demoted {
        constraint,
        contradicted_by: evidence,
    });
}

/// Whether an enum's values hold `v` (compared without case: a doc writing `enabled` for a
/// listed `Enabled` shows the spelling the service takes, not a value the list misses).
fn enum_holds(values: &[crate::model::EnumValue], kind: Kind, v: &str) -> bool {
    values.iter().any(|e| {
        e.value.eq_ignore_ascii_case(v.trim())
            || (kind == Kind::Number
                && matches!((e.value.parse::<f64>(), v.trim().parse::<f64>()), (Ok(a), Ok(b)) if a == b))
    })
}

/// The values a field's own description gives (listed values, the default): evidence against
/// its other rules.
fn stated_values(field: &Field) -> Vec<String> {
    let mut out = Vec::new();
    for c in &field.constraints {
        match &c.rule {
            Rule::Enum { values } => out.extend(values.iter().map(|v| v.value.clone())),
            Rule::Default { value } => out.push(value.clone()),
            _ => {}
        }
    }
    out
}

/// Single-field rules of every field, depth first.
fn single_field_rules(
    fields: &mut [Field],
    at: &mut Vec<usize>,
    prefix: &str,
    placed: &BTreeMap<Vec<usize>, Vec<Placed>>,
    rule_file: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for (i, field) in fields.iter_mut().enumerate() {
        at.push(i);
        let path = format!("{prefix}{}", field.name);
        let mut values: Vec<Evidence> = Vec::new();
        let row_file = rule_file.to_string();
        if let Some(example) = &field.example {
            let items: Vec<String> = match serde_json::from_str::<Value>(example) {
                Ok(Value::Array(items)) if field.ty == Type::Array => items
                    .iter()
                    .filter_map(|v| match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        Value::Bool(b) => Some(b.to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => vec![example.clone()],
            };
            values.extend(items.into_iter().map(|value| Evidence {
                value,
                file: row_file.clone(),
                line: field.line,
            }));
        }
        let shown = placed.get(at.as_slice()).cloned().unwrap_or_default();
        values.extend(shown.iter().map(|p| Evidence {
            value: p.value.clone(),
            file: p.file.clone(),
            line: p.line,
        }));
        values.retain(|e| !text::is_placeholder(&e.value));
        let stated: Vec<Evidence> = stated_values(field)
            .into_iter()
            .filter(|v| !text::is_placeholder(v))
            .map(|value| Evidence {
                value,
                file: row_file.clone(),
                line: field.line,
            })
            .collect();
        judge_field(field, &path, &values, &stated, &shown, rule_file, diags);
        single_field_rules(
            &mut field.children,
            at,
            &format!("{path}."),
            placed,
            rule_file,
            diags,
        );
        at.pop();
    }
}

/// Demotes the single-field rules of `field` that one of its values breaks.
fn judge_field(
    field: &mut Field,
    path: &str,
    values: &[Evidence],
    stated: &[Evidence],
    shown: &[Placed],
    rule_file: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let kind = Kind::of(&super::rule_type(field));
    let separators: Vec<Constraint> = field
        .constraints
        .iter()
        .filter(|c| matches!(c.rule, Rule::MultiValue { .. }))
        .cloned()
        .collect();
    let mut i = 0;
    while i < field.constraints.len() {
        let rule = field.constraints[i].rule.clone();
        let broken: Option<Evidence> = match &rule {
            Rule::Enum { values: listed } => values.iter().find_map(|e| {
                let items: Vec<&str> = match separators.first().map(|c| &c.rule) {
                    Some(Rule::MultiValue { separator, .. }) => {
                        e.value.split(separator.as_str()).collect()
                    }
                    _ => vec![e.value.as_str()],
                };
                items
                    .iter()
                    .any(|v| !enum_holds(listed, kind, v))
                    .then(|| e.clone())
            }),
            Rule::Items { min, max } => {
                // Items of one list in one example.
                let mut counts: BTreeMap<usize, (std::collections::BTreeSet<u32>, &Placed)> =
                    BTreeMap::new();
                for p in shown {
                    let entry = counts
                        .entry(p.example)
                        .or_insert_with(|| (Default::default(), p));
                    if let Some(first) = p.items.first() {
                        entry.0.insert(*first);
                    }
                }
                counts.values().find_map(|(set, p)| {
                    (!set.is_empty() && !rules::accepts_items(set.len() as u64, *min, *max)).then(
                        || Evidence {
                            value: format!("{} items", set.len()),
                            file: p.file.clone(),
                            line: p.line,
                        },
                    )
                })
            }
            Rule::Default { .. }
            | Rule::Unique
            | Rule::Relation { .. }
            | Rule::RangeWhen { .. } => None,
            _ => {
                let mut context = separators.clone();
                if !matches!(rule, Rule::MultiValue { .. }) {
                    context.push(field.constraints[i].clone());
                }
                values
                    .iter()
                    .chain(stated.iter())
                    .find(|e| !rules::accepts(kind, &context, &e.value))
                    .cloned()
            }
        };
        match broken {
            Some(evidence) => demote(field, i, evidence, path, rule_file, diags),
            None => i += 1,
        }
    }
}

/// One example's view of the parameters at one level: who is set, with which value.
struct View<'a> {
    pairs: &'a [(String, String)],
    /// `Tag.2.` for the members of one list item; empty at the top level.
    item: String,
}

impl View<'_> {
    fn keys_of(&self, name: &str, top: bool) -> impl Iterator<Item = &(String, String)> {
        let full = if top {
            name.to_string()
        } else {
            format!("{}{name}", self.item)
        };
        let dotted = format!("{full}.");
        self.pairs
            .iter()
            .filter(move |(k, _)| *k == full || k.starts_with(&dotted))
    }

    fn set(&self, name: &str, top: bool) -> bool {
        self.keys_of(name, top).next().is_some()
    }

    /// The one value of a scalar parameter (a placeholder value is no value to judge by).
    fn value(&self, name: &str, top: bool) -> Option<&str> {
        let full = if top {
            name.to_string()
        } else {
            format!("{}{name}", self.item)
        };
        self.pairs
            .iter()
            .find(|(k, _)| *k == full)
            .map(|(_, v)| v.as_str())
    }
}

/// How a relation names the other parameter: a member of the same list item
/// (`DataDisk.N.Category` beside `DataDisk.N.Size`, or a plain sibling name), or a top-level
/// parameter. `None` when the name is neither.
fn resolve_other(
    other: &str,
    siblings: &[Field],
    top: &[Field],
    nested: bool,
) -> Option<(String, bool)> {
    let named: Vec<&str> = other
        .split('.')
        .filter(|s| !matches!(*s, "N" | "n" | "M" | "m") && !is_index(s))
        .collect();
    let last = *named.last()?;
    if nested && named.len() > 1 && siblings.iter().any(|f| f.name == last) {
        return Some((last.to_string(), false));
    }
    if named.len() == 1 {
        if top.iter().any(|f| f.name == last) {
            return Some((last.to_string(), true));
        }
        if nested && siblings.iter().any(|f| f.name == last) {
            return Some((last.to_string(), false));
        }
    }
    None
}

/// A condition of `required_when`, judged on one example: `None` when it cannot be told (the
/// other's value is a placeholder).
fn condition(
    view: &View<'_>,
    name: &str,
    top: bool,
    value: Option<&str>,
    negated: bool,
) -> Option<bool> {
    let set = view.set(name, top);
    match value {
        None => Some(set != negated),
        Some(want) => {
            if !set {
                return Some(false);
            }
            let have = view.value(name, top)?;
            if text::is_placeholder(have) {
                return None;
            }
            Some((have == want) != negated)
        }
    }
}

/// Whether one relation rule of `field` holds in one example; `None` when the example cannot
/// tell.
#[allow(clippy::too_many_arguments)]
fn relation_holds(
    rule: &Rule,
    field: &Field,
    view: &View<'_>,
    siblings: &[Field],
    top: &[Field],
    nested: bool,
    kind: Kind,
) -> Option<bool> {
    let this_set = view.set(&field.name, !nested);
    let this_value = view
        .value(&field.name, !nested)
        .filter(|v| !text::is_placeholder(v));
    match rule {
        Rule::RangeWhen { other, cases } => {
            let (o, o_top) = resolve_other(other, siblings, top, nested)?;
            let key = view.value(&o, o_top)?;
            let case = cases.iter().find(|c| c.value == key)?;
            let n: f64 = this_value?.trim().parse().ok()?;
            Some(rules::within(n, case.min, case.max, false, false))
        }
        Rule::Relation {
            relation,
            other,
            value,
            negated,
            also,
            max_span_secs,
        } => {
            let (o, o_top) = resolve_other(other, siblings, top, nested)?;
            let other_set = view.set(&o, o_top);
            match relation {
                RelationKind::AppliesWhen => None,
                RelationKind::MutuallyExclusive => Some(!(this_set && other_set)),
                RelationKind::Requires => Some(!this_set || other_set),
                RelationKind::AtLeastOneOf => Some(this_set || other_set),
                RelationKind::RequiredWhen => {
                    let mut all = condition(view, &o, o_top, value.as_deref(), *negated)?;
                    for Condition {
                        param,
                        value,
                        negated,
                    } in also
                    {
                        let (p, p_top) = resolve_other(param, siblings, top, nested)?;
                        all &= condition(view, &p, p_top, value.as_deref(), *negated)?;
                    }
                    Some(!all || this_set)
                }
                RelationKind::DifferentFrom => {
                    let theirs = view.value(&o, o_top)?;
                    Some(rules::differs(this_value?, theirs))
                }
                RelationKind::Ordered => {
                    let mine = Instant::of(this_value?)?;
                    let theirs =
                        Instant::of(view.value(&o, o_top).filter(|v| !text::is_placeholder(v))?)?;
                    let gap = mine.since(theirs)?;
                    Some(gap >= 0.0 && max_span_secs.is_none_or(|s| gap <= s as f64))
                }
                RelationKind::NoOverlap => {
                    let theirs = view.value(&o, o_top).filter(|v| !text::is_placeholder(v))?;
                    let _ = kind;
                    Some(!rules::cidrs_overlap(this_value?, theirs)?)
                }
            }
        }
        _ => None,
    }
}

/// Relations (and ranges keyed on another parameter) judged on every request example, at the
/// top level and between the members of each list item.
fn relation_rules(api: &mut Api, shown: &[Shown], rule_file: &str, diags: &mut Vec<Diagnostic>) {
    let top = api.request.clone();
    for i in 0..api.request.len() {
        let field = &mut api.request[i];
        judge_relations(
            field,
            &field.name.clone(),
            &top,
            &top,
            false,
            shown,
            &[],
            rule_file,
            diags,
        );
        if field.children.is_empty() {
            continue;
        }
        // Members of one item of a top-level list or object.
        let list = field.ty == Type::Array;
        let name = field.name.clone();
        let siblings = field.children.clone();
        let items: Vec<String> = shown
            .iter()
            .flat_map(|ex| ex.pairs.iter())
            .filter_map(|(k, _)| {
                let rest = k.strip_prefix(&format!("{name}."))?;
                if list {
                    let (index, _) = rest.split_once('.')?;
                    is_index(index).then(|| format!("{name}.{index}."))
                } else {
                    Some(format!("{name}."))
                }
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for member in field.children.iter_mut() {
            let path = format!("{name}.{}", member.name);
            judge_relations(
                member, &path, &siblings, &top, true, shown, &items, rule_file, diags,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn judge_relations(
    field: &mut Field,
    path: &str,
    siblings: &[Field],
    top: &[Field],
    nested: bool,
    shown: &[Shown],
    items: &[String],
    rule_file: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let kind = Kind::of(&super::rule_type(field));
    let mut i = 0;
    while i < field.constraints.len() {
        let rule = field.constraints[i].rule.clone();
        let mut broken = None;
        'examples: for ex in shown {
            let views: Vec<View<'_>> = if nested {
                items
                    .iter()
                    .map(|item| View {
                        pairs: &ex.pairs,
                        item: item.clone(),
                    })
                    .collect()
            } else {
                vec![View {
                    pairs: &ex.pairs,
                    item: String::new(),
                }]
            };
            for view in &views {
                if nested && !ex.pairs.iter().any(|(k, _)| k.starts_with(&view.item)) {
                    continue;
                }
                if relation_holds(&rule, field, view, siblings, top, nested, kind) == Some(false) {
                    broken = Some(Evidence {
                        value: example_text(ex),
                        file: ex.file.clone(),
                        line: ex.line,
                    });
                    break 'examples;
                }
            }
        }
        match broken {
            Some(evidence) => demote(field, i, evidence, path, rule_file, diags),
            None => i += 1,
        }
    }
}

/// An example request in one line, for messages.
fn example_text(ex: &Shown) -> String {
    let mut text = ex
        .pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    if text.chars().count() > 160 {
        text = text.chars().take(157).collect::<String>() + "...";
    }
    text
}
