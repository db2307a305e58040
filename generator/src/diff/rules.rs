//! Rules of one field compared without their source sentences, so a reworded sentence that
//! yields the same rules is no change.
//!
//! `enum` and `default` have kinds of their own; every other rule is handled generically by
//! its serde tag and data (so rule kinds added to [`crate::model::Rule`] later work unchanged):
//! rules with `min`/`max` bounds are tightened or loosened, others added, removed or changed.
//! All of a field's rule changes are one `limit_changed`, with the old and new rules.
//!
//! Two readings of the prose that the IR does not hold are made here with the parser's own
//! extractor, for the report only (the generated code does not see them, so they never break):
//!
//! - rule-like sentences of a request parameter that yield no rule ("at most 5 tags",
//!   "required when InternetChargeType is PayBy95"): a sentence whose data (numbers, names,
//!   values) the other revision no longer states anywhere in the description is a rule change;
//! - the values a response description lists, for an IR made before the parser read them
//!   (a lock file of an older crate): the response field was text then.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Change, Kind, Place};
use crate::emit::plan::shape::is_enum;
use crate::model::{Field, Rule};
use crate::parse::constraints;

/// Keys holding bounds; a rule whose other data is unchanged is tightened or loosened by them.
const BOUNDS: &[&str] = &["min", "max", "min_exclusive", "max_exclusive"];
/// Keys that tell two rules of one kind apart (a relation with one parameter or another).
const IDENTITY: &[&str] = &["relation", "other", "others"];

/// Compares the rules of one field; returns the rule-like sentences reported as changed (the
/// description comparison leaves them out).
pub(super) fn diff_rules(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) -> Vec<String> {
    let request = place == Place::Request;
    enum_values(api, place, path, old, new, out);
    default_value(api, place, path, old, new, out);

    let (o, n) = (generic_rules(old), generic_rules(new));
    let mut ids: Vec<&String> = o.keys().chain(n.keys()).collect();
    ids.sort();
    ids.dedup();
    let empty = Vec::new();
    let (mut before, mut after, mut breaking) = (Vec::new(), Vec::new(), false);
    for id in ids {
        let (a, b) = (o.get(id).unwrap_or(&empty), n.get(id).unwrap_or(&empty));
        if same_set(a, b) {
            continue;
        }
        let kind = id.split('|').next().unwrap_or("");
        breaking |= request
            && match (a.as_slice(), b.as_slice()) {
                (_, []) => false,
                ([], _) => kind != "unique",
                ([x], [y]) => tightened(kind, x, y),
                _ => b.iter().any(|r| !a.contains(r)),
            };
        before.extend(a.iter().cloned());
        after.extend(b.iter().cloned());
    }
    let enforced = !before.is_empty() || !after.is_empty();
    // Rules the doc's own values contradict are kept, not enforced: documentation.
    let (da, db) = (demoted_rules(old), demoted_rules(new));
    before.extend(da.iter().filter(|r| !db.contains(r)).cloned());
    after.extend(db.iter().filter(|r| !da.contains(r)).cloned());
    let (gone, came) = if request {
        unread_changes(old, new)
    } else {
        (Vec::new(), Vec::new())
    };
    let prose = |s: &String| serde_json::json!({ "kind": "prose", "text": s });
    before.extend(gone.iter().map(prose));
    after.extend(came.iter().map(prose));
    if !before.is_empty() || !after.is_empty() {
        let change = Change::new(
            api,
            Kind::LimitChanged,
            place,
            path,
            one_or_list(&before),
            one_or_list(&after),
        );
        out.push(if enforced {
            change.breaking(breaking)
        } else {
            change.docs_only()
        });
    }
    gone.into_iter().chain(came).collect()
}

/// The demoted rules of a field as JSON (source dropped), marked `"enforced": false`.
fn demoted_rules(f: &Field) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    // Demoted value lists are reported as values (`listed_values`).
    for d in f
        .demoted
        .iter()
        .filter(|d| !matches!(d.constraint.rule, Rule::Enum { .. }))
    {
        let Ok(mut value) = serde_json::to_value(&d.constraint.rule) else {
            continue;
        };
        canonical(&mut value);
        if let Value::Object(m) = &mut value {
            m.insert("enforced".into(), Value::Bool(false));
        }
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

/// Rule-like sentences of each description that produced no rule in the IR, and of those the
/// ones whose content the other revision does not state: (old ones gone, new ones).
fn unread_changes(old: &Field, new: &Field) -> (Vec<String>, Vec<String>) {
    // The same words state the same rules (the extractor is not run for nothing).
    if super::text::same_prose(&old.description, &new.description) {
        return (Vec::new(), Vec::new());
    }
    let (a, b) = (unread(old), unread(new));
    let gone = a
        .into_iter()
        .filter(|s| !still_stated(s, &new.description))
        .collect();
    let came = b
        .into_iter()
        .filter(|s| !still_stated(s, &old.description))
        .collect();
    (gone, came)
}

/// The rule-like sentences of a description that the extractor cannot read and that are not
/// the source of a rule of the field.
fn unread(f: &Field) -> Vec<String> {
    if f.description.trim().is_empty() {
        return Vec::new();
    }
    let ty = crate::parse::rule_type(f);
    let sources: Vec<String> = f
        .constraints
        .iter()
        .chain(f.demoted.iter().map(|d| &d.constraint))
        .map(|c| super::text::normalize(&c.source))
        .filter(|s| !s.is_empty())
        .collect();
    constraints::extract(&f.description, &ty, &[])
        .not_understood
        .into_iter()
        .filter(|s| {
            let words = super::text::normalize(s);
            !words.is_empty() && !sources.iter().any(|src| src.contains(&words))
        })
        .collect()
}

/// Whether a sentence's content is stated in `description`: its data (numbers, names and
/// values) all occur there, or, for a sentence without data, its words do.
fn still_stated(sentence: &str, description: &str) -> bool {
    let data = rule_data(sentence);
    if data.is_empty() {
        return super::text::normalize(description).contains(&super::text::normalize(sentence));
    }
    let there = rule_data(description);
    data.iter().all(|d| there.contains(d))
}

/// English number words, by value.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The data of a sentence: numbers (`5,000` = `5000`) and names or values written in ASCII
/// that are more than a plain word (`PayBy95`, `InternetChargeType`, `BGP_PRO`, `ISP`).
fn rule_data(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        let w = std::mem::take(word);
        let w = w.trim_matches(|c| c == ',' || c == '.');
        if w.is_empty() {
            return;
        }
        if w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            out.push(w.replace(',', ""));
            return;
        }
        for part in w.split(',').map(|p| p.trim_matches('.')) {
            // `up to five` says what `up to 5` says.
            let lower = part.to_ascii_lowercase();
            if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == lower) {
                out.push(n.to_string());
                continue;
            }
            let name = part.chars().skip(1).any(|c| c.is_ascii_uppercase())
                || part.contains('_')
                || (part.chars().any(|c| c.is_ascii_digit())
                    && part.chars().any(|c| c.is_ascii_alphabetic()));
            if name {
                out.push(part.to_string());
            }
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == ',' || c == '.' {
            word.push(c);
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    out.sort();
    out.dedup();
    out
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

fn enum_rule_values(rules: &[&Rule]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rule in rules {
        if let Rule::Enum { values } = rule {
            for v in values {
                if !out.contains(&v.value) {
                    out.push(v.value.clone());
                }
            }
        }
    }
    out
}

fn values_of(f: &Field) -> Vec<String> {
    enum_rule_values(&f.constraints.iter().map(|c| &c.rule).collect::<Vec<_>>())
}

/// The values a field lists: its `enum` rules; else the value lists the doc's own values
/// contradict (demoted); else, for a response field of an IR made before the parser read
/// response values, the values its description lists as the extractor reads them. `true` for
/// the last two: for the report only, the generated type did not see them.
fn listed_values(place: Place, f: &Field) -> (Vec<String>, bool) {
    let values = values_of(f);
    if !values.is_empty() {
        return (values, false);
    }
    let demoted = enum_rule_values(
        &f.demoted
            .iter()
            .map(|d| &d.constraint.rule)
            .collect::<Vec<_>>(),
    );
    if !demoted.is_empty() {
        return (demoted, true);
    }
    if place != Place::Response || f.description.trim().is_empty() {
        return (values, false);
    }
    let ty = crate::parse::rule_type(f);
    let read = constraints::extract(&f.description, &ty, &[]).constraints;
    (
        enum_rule_values(&read.iter().map(|c| &c.rule).collect::<Vec<_>>()),
        true,
    )
}

fn enum_values(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    let unchanged = old.constraints == new.constraints
        && old.demoted == new.demoted
        && super::text::same_prose(&old.description, &new.description);
    if unchanged {
        return;
    }
    let ((a, a_prose), (b, b_prose)) = (listed_values(place, old), listed_values(place, new));
    let docs_only = a_prose && b_prose;
    let added: Vec<&String> = b.iter().filter(|v| !a.contains(v)).collect();
    let removed: Vec<&String> = a.iter().filter(|v| !b.contains(v)).collect();
    let list =
        |v: &[&String]| Value::Array(v.iter().map(|s| Value::String(s.to_string())).collect());
    let mark = |c: Change, breaking: bool| {
        if docs_only {
            c.docs_only()
        } else {
            c.breaking(breaking)
        }
    };
    if !added.is_empty() {
        // A plain string becoming an enum changes the Rust type, and a first list of values
        // on a request parameter is a new check; a `#[non_exhaustive]` enum gaining a variant,
        // or a checked list growing, breaks no one.
        let breaking = (!is_enum(old) && is_enum(new)) || (a.is_empty() && place == Place::Request);
        out.push(mark(
            Change::new(
                api,
                Kind::ValuesAdded,
                place,
                path,
                Value::Null,
                list(&added),
            ),
            breaking,
        ));
    }
    if !removed.is_empty() {
        // The variant goes away, or the validator now rejects the value.
        let breaking = is_enum(old) || place == Place::Request;
        out.push(mark(
            Change::new(
                api,
                Kind::ValuesRemoved,
                place,
                path,
                list(&removed),
                Value::Null,
            ),
            breaking,
        ));
    }
    // A text field that becomes an enum with the values it listed before (a response field of
    // a crate generated before response descriptions were read for values) changes its type.
    if !is_enum(old) && is_enum(new) && added.is_empty() {
        out.push(
            Change::new(
                api,
                Kind::TypeChanged,
                place,
                path,
                Value::String(super::types::type_text(old)),
                Value::String(format!("enum of {}", b.join(", "))),
            )
            .breaking(true),
        );
    }
    // An enum that is no longer one (its list is now documentation only: the doc's own values
    // contradict it) leaves its type behind even when the listed values stay.
    if is_enum(old) && !is_enum(new) && removed.is_empty() {
        out.push(
            Change::new(
                api,
                Kind::TypeChanged,
                place,
                path,
                Value::String(format!("enum of {}", a.join(", "))),
                Value::String(super::types::type_text(new)),
            )
            .breaking(true),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_of_a_sentence_is_its_numbers_names_and_values() {
        assert_eq!(
            rule_data("If **InternetChargeType** is PayBy95, at most 5,000 Mbit/s (up to five)."),
            ["5", "5000", "InternetChargeType", "PayBy95"]
        );
        assert_eq!(
            rule_data("BGP_PRO and ISP only, e.g. 1.5"),
            ["1.5", "BGP_PRO", "ISP"]
        );
        // Plain words carry no data.
        assert!(rule_data("The value cannot start with a letter.").is_empty());
        assert!(still_stated(
            "You can detach up to five instances at a time.",
            "At most 5 instances can be detached at a time."
        ));
        assert!(!still_stated(
            "最多可以使用5组标签。",
            "最多可以使用20组标签。"
        ));
    }
}
