//! Rules of one field compared without their source sentences, so a reworded sentence that
//! yields the same rules is no change.
//!
//! `enum` and `default` have kinds of their own; every other rule is handled generically by
//! its serde tag and data (so rule kinds added to [`crate::model::Rule`] later work unchanged):
//! rules with `min`/`max` bounds are tightened or loosened, others added, removed or changed.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Change, Kind, Place};
use crate::emit::plan::shape::is_enum;
use crate::model::{Field, Rule};

/// Keys holding bounds; a rule whose other data is unchanged is tightened or loosened by them.
const BOUNDS: &[&str] = &["min", "max", "min_exclusive", "max_exclusive"];
/// Keys that tell two rules of one kind apart (a relation with one parameter or another).
const IDENTITY: &[&str] = &["relation", "other", "others"];

pub(super) fn diff_rules(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    let request = place == Place::Request;
    enum_values(api, place, path, old, new, out);
    default_value(api, place, path, old, new, out);

    let (o, n) = (generic_rules(old), generic_rules(new));
    let mut ids: Vec<&String> = o.keys().chain(n.keys()).collect();
    ids.sort();
    ids.dedup();
    let empty = Vec::new();
    for id in ids {
        let (a, b) = (o.get(id).unwrap_or(&empty), n.get(id).unwrap_or(&empty));
        if same_set(a, b) {
            continue;
        }
        let kind = id.split('|').next().unwrap_or("");
        let breaking = request
            && match (a.as_slice(), b.as_slice()) {
                (_, []) => false,
                ([], _) => kind != "unique",
                ([x], [y]) => tightened(kind, x, y),
                _ => b.iter().any(|r| !a.contains(r)),
            };
        out.push(
            Change::new(
                api,
                Kind::LimitChanged,
                place,
                path,
                one_or_list(a),
                one_or_list(b),
            )
            .breaking(breaking),
        );
    }
}

fn one_or_list(rules: &[Value]) -> Value {
    match rules {
        [] => Value::Null,
        [one] => one.clone(),
        many => Value::Array(many.to_vec()),
    }
}

fn same_set(a: &[Value], b: &[Value]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// Rules other than `enum` and `default` as JSON (tag included, source dropped), grouped by
/// kind and identity, without duplicates.
fn generic_rules(f: &Field) -> BTreeMap<String, Vec<Value>> {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for c in &f.constraints {
        if matches!(c.rule, Rule::Enum { .. } | Rule::Default { .. }) {
            continue;
        }
        let Ok(mut value) = serde_json::to_value(&c.rule) else {
            continue;
        };
        canonical(&mut value);
        let mut id = value
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        for key in IDENTITY {
            if let Some(v) = value.get(*key) {
                id.push('|');
                id.push_str(&v.to_string());
            }
        }
        let list = out.entry(id).or_default();
        if !list.contains(&value) {
            list.push(value);
        }
    }
    for list in out.values_mut() {
        if let Some(one) = combine_bounds(list) {
            *list = vec![one];
        }
    }
    out
}

/// Lists inside a rule (forbidden values, character classes, related parameters) are sets:
/// sorted and without duplicates, so their order in the sentence is no change.
fn canonical(value: &mut Value) {
    match value {
        Value::Array(items) => {
            items.iter_mut().for_each(canonical);
            items.sort_by_key(|v| v.to_string());
            items.dedup();
        }
        Value::Object(m) => m.values_mut().for_each(canonical),
        _ => {}
    }
}

/// Several rules of one kind that hold nothing but bounds (`length` min 1 and `length` max
/// 64, from two sentences) are one rule: the strictest bound on each side.
fn combine_bounds(list: &[Value]) -> Option<Value> {
    if list.len() < 2 {
        return None;
    }
    let mut out = Map::new();
    for rule in list {
        let rule = rule.as_object()?;
        for (key, value) in rule {
            let bound = match key.as_str() {
                "kind" => {
                    out.insert(key.clone(), value.clone());
                    continue;
                }
                "min" => true,
                "max" => false,
                "min_exclusive" | "max_exclusive" => continue,
                _ => return None,
            };
            let exclusive = format!("{key}_exclusive");
            let flag = rule.get(&exclusive).cloned();
            let new = value.as_f64()?;
            let replace = match out.get(key).and_then(Value::as_f64) {
                None => true,
                Some(old) => (bound && new > old) || (!bound && new < old),
            };
            if replace {
                out.insert(key.clone(), value.clone());
                match flag {
                    Some(f) => out.insert(exclusive, f),
                    None => out.remove(&exclusive),
                };
            }
        }
    }
    Some(Value::Object(out))
}

/// Whether a changed rule rejects something the old one accepted.
fn tightened(kind: &str, old: &Value, new: &Value) -> bool {
    let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
        return true;
    };
    let rest = |m: &Map<String, Value>| -> Map<String, Value> {
        m.iter()
            .filter(|(k, _)| !BOUNDS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    if rest(o) == rest(n) {
        return bounds_tightened(o, n);
    }
    // Lists of what is refused shrink, lists of what is allowed grow, when loosened.
    let only_differs_in = |keys: &[&str]| {
        o.keys()
            .chain(n.keys())
            .all(|k| keys.contains(&k.as_str()) || o.get(k) == n.get(k))
    };
    match kind {
        "forbidden" | "prefix_forbidden" if only_differs_in(&["values"]) => {
            !is_subset(n.get("values"), o.get("values"))
        }
        "chars" if only_differs_in(&["first", "allowed"]) => {
            // An empty list means "anything".
            ["first", "allowed"].iter().any(|k| {
                let (a, b) = (o.get(*k), n.get(*k));
                let empty =
                    |v: Option<&Value>| v.and_then(Value::as_array).is_none_or(Vec::is_empty);
                !empty(b) && (empty(a) || !is_subset(a, b))
            })
        }
        _ => true,
    }
}

fn is_subset(small: Option<&Value>, big: Option<&Value>) -> bool {
    let list = |v: Option<&Value>| v.and_then(Value::as_array).cloned().unwrap_or_default();
    let big = list(big);
    list(small).iter().all(|x| big.contains(x))
}

fn bounds_tightened(o: &Map<String, Value>, n: &Map<String, Value>) -> bool {
    let num = |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_f64);
    let flag = |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_bool).unwrap_or(false);
    let side = |bound: &str, exclusive: &str, stricter: fn(f64, f64) -> bool| match (
        num(o, bound),
        num(n, bound),
    ) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            stricter(b, a) || (a == b && flag(n, exclusive) && !flag(o, exclusive))
        }
        _ => false,
    };
    side("min", "min_exclusive", |new, old| new > old)
        || side("max", "max_exclusive", |new, old| new < old)
}

fn values_of(f: &Field) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &f.constraints {
        if let Rule::Enum { values } = &c.rule {
            for v in values {
                if !out.contains(&v.value) {
                    out.push(v.value.clone());
                }
            }
        }
    }
    out
}

fn enum_values(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    let (a, b) = (values_of(old), values_of(new));
    let added: Vec<&String> = b.iter().filter(|v| !a.contains(v)).collect();
    let removed: Vec<&String> = a.iter().filter(|v| !b.contains(v)).collect();
    let list =
        |v: &[&String]| Value::Array(v.iter().map(|s| Value::String(s.to_string())).collect());
    if !added.is_empty() {
        // A plain string becoming an enum changes the Rust type, and a first list of values
        // on a request parameter is a new check; a `#[non_exhaustive]` enum gaining a variant,
        // or a checked list growing, breaks no one.
        let breaking = (!is_enum(old) && is_enum(new)) || (a.is_empty() && place == Place::Request);
        out.push(
            Change::new(
                api,
                Kind::ValuesAdded,
                place,
                path,
                Value::Null,
                list(&added),
            )
            .breaking(breaking),
        );
    }
    if !removed.is_empty() {
        // The variant goes away, or the validator now rejects the value.
        let breaking = is_enum(old) || place == Place::Request;
        out.push(
            Change::new(
                api,
                Kind::ValuesRemoved,
                place,
                path,
                list(&removed),
                Value::Null,
            )
            .breaking(breaking),
        );
    }
}

fn default_of(f: &Field) -> Option<String> {
    f.constraints.iter().find_map(|c| match &c.rule {
        Rule::Default { value } => Some(value.clone()),
        _ => None,
    })
}

fn default_value(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    let (a, b) = (default_of(old), default_of(new));
    if a == b {
        return;
    }
    // A request enum implements `Default` when its default is one of its values: losing that
    // implementation breaks code calling `Enum::default()`.
    let has_default_impl = |f: &Field, d: &Option<String>| {
        is_enum(f) && d.as_ref().is_some_and(|d| values_of(f).contains(d))
    };
    let breaking =
        place == Place::Request && has_default_impl(old, &a) && !has_default_impl(new, &b);
    let value = |d: Option<String>| d.map(Value::String).unwrap_or(Value::Null);
    out.push(
        Change::new(api, Kind::DefaultChanged, place, path, value(a), value(b)).breaking(breaking),
    );
}
