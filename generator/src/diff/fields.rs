//! Request parameters and response fields: matched by their path in the tree, then compared
//! property by property.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{rules, text, Change, Kind, Place};
use crate::emit::plan::shape::Scalar;
use crate::model::{Field, Type};

/// A field with its path: `Tag.N.Key` in requests (wire names), `Data.Items.Name` in
/// responses.
struct Node<'a> {
    path: String,
    parent: Option<String>,
    field: &'a Field,
}

fn flatten<'a>(place: Place, fields: &'a [Field]) -> Vec<Node<'a>> {
    fn walk<'a>(
        place: Place,
        fields: &'a [Field],
        prefix: Option<&str>,
        parent: Option<&str>,
        out: &mut Vec<Node<'a>>,
    ) {
        for f in fields {
            let own = match prefix {
                Some(p) => format!("{p}.{}", f.name),
                None => f.name.clone(),
            };
            let list = place == Place::Request && f.ty == Type::Array;
            let path = if list && f.children.is_empty() {
                format!("{own}.N")
            } else {
                own.clone()
            };
            out.push(Node {
                path: path.clone(),
                parent: parent.map(str::to_string),
                field: f,
            });
            let child_prefix = if list { format!("{own}.N") } else { own };
            walk(place, &f.children, Some(&child_prefix), Some(&path), out);
        }
    }
    let mut out = Vec::new();
    walk(place, fields, None, None, &mut out);
    out
}

/// The Rust shape the emitter gives a field, with enums counted as strings (enum-ness is
/// reported through `values_*`).
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Scalar(Scalar),
    Struct,
    Vec(Box<Shape>),
}

fn shape(f: &Field) -> Shape {
    match f.ty {
        Type::Array => {
            let item = if !f.children.is_empty() {
                Shape::Struct
            } else {
                Shape::Scalar(Scalar::of(f.item_type.as_ref().unwrap_or(&Type::String)))
            };
            Shape::Vec(Box::new(item))
        }
        Type::Object if !f.children.is_empty() => Shape::Struct,
        ref ty => Shape::Scalar(Scalar::of(ty)),
    }
}

/// Whether every value of the old Rust type converts into the new one (`impl Into<New>`).
fn widens(old: &Shape, new: &Shape) -> bool {
    use Scalar::*;
    match (old, new) {
        (Shape::Scalar(a), Shape::Scalar(b)) => {
            matches!((a, b), (I32, I64) | (I32, F64) | (F32, F64))
        }
        (Shape::Vec(a), Shape::Vec(b)) => a == b || widens(a, b),
        _ => false,
    }
}

fn type_text(f: &Field) -> String {
    match (&f.ty, &f.item_type) {
        (Type::Array, Some(item)) => format!("Array of {}", item.as_str()),
        (ty, _) => ty.as_str().to_string(),
    }
}

fn field_summary(place: Place, f: &Field) -> Value {
    let mut v = serde_json::json!({ "type": type_text(f) });
    if place == Place::Request {
        v["required"] = Value::Bool(f.required == Some(true));
    }
    v
}

pub(super) fn diff_fields(
    api: &str,
    place: Place,
    old: &[Field],
    new: &[Field],
    out: &mut Vec<Change>,
) {
    let old_nodes = flatten(place, old);
    let new_nodes = flatten(place, new);
    let old_by: BTreeMap<&str, &Node<'_>> =
        old_nodes.iter().map(|n| (n.path.as_str(), n)).collect();
    let new_by: BTreeMap<&str, &Node<'_>> =
        new_nodes.iter().map(|n| (n.path.as_str(), n)).collect();

    let removed: Vec<&Node<'_>> = old_nodes
        .iter()
        .filter(|n| !new_by.contains_key(n.path.as_str()))
        .collect();
    let added: Vec<&Node<'_>> = new_nodes
        .iter()
        .filter(|n| !old_by.contains_key(n.path.as_str()))
        .collect();
    let moves = if place == Place::Response {
        moved(&removed, &added)
    } else {
        BTreeMap::new()
    };

    for n in &old_nodes {
        if let Some(m) = new_by.get(n.path.as_str()) {
            compare(api, place, &n.path, n.field, m.field, out);
        }
    }
    for n in &removed {
        let (kind, new_value) = match place {
            Place::Request => (Kind::ParamRemoved, Value::Null),
            _ => (
                Kind::ResponseRemoved,
                moves
                    .get(n.path.as_str())
                    .map(|to| Value::String(to.to_string()))
                    .unwrap_or(Value::Null),
            ),
        };
        out.push(
            Change::new(
                api,
                kind,
                place,
                &n.path,
                field_summary(place, n.field),
                new_value,
            )
            .breaking(true),
        );
    }
    for n in &added {
        if moves.values().any(|to| *to == n.path) {
            continue;
        }
        let kind = match place {
            Place::Request => Kind::ParamAdded,
            _ => Kind::ResponseAdded,
        };
        // A required parameter breaks builders that did not set it, unless it sits in a
        // container that is new as well (old code never builds that container).
        let parent_existed = n.parent.as_deref().is_none_or(|p| old_by.contains_key(p));
        let breaking = place == Place::Request && n.field.required == Some(true) && parent_existed;
        out.push(
            Change::new(
                api,
                kind,
                place,
                &n.path,
                Value::Null,
                field_summary(place, n.field),
            )
            .breaking(breaking),
        );
    }
}

/// Response fields that left one place and appeared in exactly one other with the same name:
/// old path → new path.
fn moved<'a>(removed: &[&'a Node<'_>], added: &[&'a Node<'_>]) -> BTreeMap<&'a str, &'a str> {
    let mut out = BTreeMap::new();
    for r in removed {
        let same = |n: &&&Node<'_>| n.field.name == r.field.name;
        let targets: Vec<&&Node<'_>> = added.iter().filter(same).collect();
        let sources = removed.iter().filter(same).count();
        if let ([target], 1) = (targets.as_slice(), sources) {
            out.insert(r.path.as_str(), target.path.as_str());
        }
    }
    out
}

/// Properties compared in detail; any other key (present or added to the IR later, such as
/// ROA's `location`) is compared as JSON and reported as `wire_changed`.
const DETAILED: &[&str] = &[
    "name",
    "type",
    "raw_type",
    "required",
    "item_type",
    "example",
    "description",
    "translations",
    "constraints",
    "children",
    "line",
];

fn compare(api: &str, place: Place, path: &str, old: &Field, new: &Field, out: &mut Vec<Change>) {
    let request = place == Place::Request;
    if old.ty != new.ty || old.item_type != new.item_type {
        let (a, b) = (shape(old), shape(new));
        let breaking = a != b && !(request && widens(&a, &b));
        out.push(
            Change::new(
                api,
                Kind::TypeChanged,
                place,
                path,
                Value::String(type_text(old)),
                Value::String(type_text(new)),
            )
            .breaking(breaking),
        );
    }
    if request && old.required.unwrap_or(false) != new.required.unwrap_or(false) {
        let now = new.required.unwrap_or(false);
        out.push(
            Change::new(
                api,
                Kind::RequiredChanged,
                place,
                path,
                Value::Bool(!now),
                Value::Bool(now),
            )
            .breaking(now),
        );
    }
    rules::diff_rules(api, place, path, old, new, out);
    if let Some((a, b)) = description_change(old, new) {
        out.push(Change::new(
            api,
            Kind::DescriptionChanged,
            place,
            path,
            Value::String(a),
            Value::String(b),
        ));
    }
    other_properties(api, place, path, old, new, out);
}

/// The first description (primary, then translations by language) whose words changed
/// outside the sentences rules were read from: those are reported as rule changes.
fn description_change(old: &Field, new: &Field) -> Option<(String, String)> {
    let changed = |a: &str, b: &str| {
        !text::same_prose(a, b) && prose_outside_rules(old, a) != prose_outside_rules(new, b)
    };
    if changed(&old.description, &new.description) {
        return Some((old.description.clone(), new.description.clone()));
    }
    for t in &old.translations {
        let other = new.translations.iter().find(|n| n.lang == t.lang)?;
        if changed(&t.text, &other.text) {
            return Some((t.text.clone(), other.text.clone()));
        }
    }
    None
}

/// A description's words without the sentences its rules came from.
fn prose_outside_rules(f: &Field, description: &str) -> String {
    let mut words = text::normalize(description);
    for c in &f.constraints {
        let source = text::normalize(&c.source);
        if !source.is_empty() {
            words = words.replacen(&source, " ", 1);
        }
    }
    words
}

fn other_properties(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    for (key, a, b) in super::other_keys(old, new, DETAILED) {
        // Absent on one side: an IR written before the key existed, not a change.
        if !a.is_null() && !b.is_null() {
            out.push(Change::new(
                api,
                Kind::WireChanged,
                place,
                path,
                serde_json::json!({ key.as_str(): a }),
                serde_json::json!({ key.as_str(): b }),
            ));
        }
    }
}
