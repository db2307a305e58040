//! Request parameters and response fields: matched by their place in the tree, then compared
//! property by property.
//!
//! Matching is by path (`Tag.N.Key` in requests, `Data.Items.Name` in responses) with three
//! refinements, so that one change in the doc is one change in the report:
//!
//! - **Item levels**: a response list written the XML way (`Zones` → `Zone` → fields) and the
//!   same list written as a plain array (`Zones` → fields) hold the same fields; the item level
//!   the parser made for a wrapper is skipped when matching, and the change shows once, as the
//!   container's type change.
//! - **Moves**: a response field that left one place and appeared in exactly one other under
//!   its name has moved; its members move with it (they are not reported one by one).
//! - **Respelled lists**: `InstanceId.1` and `InstanceId.N` are one list for the generated code;
//!   the respelling is reported as the doc's rename (removed + added), breaking only when the
//!   setter changes.
//!
//! Fields without a row of their own (a request list made from `Tag.N.Key` rows, a response
//! field only the examples show) are described by their members or by the examples: a list
//! without a row is reported through its members, and a field the examples showed that the
//! table now lists is reported as documented (`response_added`, docs only).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::types::{is_item_level, type_text};
use super::{rules, text, Change, Kind, Place};
use crate::emit::plan::shape::Scalar;
use crate::model::{Field, Type};

/// A field with its place in the tree.
struct Node<'a> {
    /// The name reported: the wire name in requests (`Tag.N.Key`, or as written:
    /// `InstanceId.1`), the dotted path in responses.
    path: String,
    /// What matches across revisions: `path` without the item levels of wrappers.
    key: String,
    parent: Option<usize>,
    field: &'a Field,
    /// The item level the parser made for a wrapper (`Zone` of `Zones`), not a row.
    item_level: bool,
}

impl Node<'_> {
    fn leaf(&self) -> &str {
        &self.field.name
    }
}

/// Whether the doc's table describes the field itself (a type cell or words), rather than the
/// parser inferring it from its members' names or from the examples.
fn has_row(f: &Field) -> bool {
    !f.raw_type.trim().is_empty()
        || !f.description.trim().is_empty()
        || f.translations.iter().any(|t| !t.text.trim().is_empty())
}

fn flatten<'a>(place: Place, fields: &'a [Field]) -> Vec<Node<'a>> {
    struct At<'s> {
        path: Option<&'s str>,
        key: Option<&'s str>,
        index: Option<usize>,
    }
    fn walk<'a>(place: Place, fields: &'a [Field], parent: At<'_>, out: &mut Vec<Node<'a>>) {
        let parent_field = parent.index.map(|i| out[i].field);
        for f in fields {
            let join = |prefix: Option<&str>, name: &str| match prefix {
                Some(p) => format!("{p}.{name}"),
                None => name.to_string(),
            };
            let list = place == Place::Request && f.ty == Type::Array;
            let own = join(parent.path, &f.name);
            let path = match &f.written_name {
                Some(written) if place == Place::Request => written.clone(),
                _ if list && f.children.is_empty() => format!("{own}.N"),
                _ => own.clone(),
            };
            let item_level =
                place == Place::Response && parent_field.is_some_and(|p| is_item_level(p, f));
            let key = if item_level {
                parent.key.unwrap_or_default().to_string()
            } else if place == Place::Request {
                path.clone()
            } else {
                join(parent.key, &f.name)
            };
            out.push(Node {
                path: path.clone(),
                key: key.clone(),
                parent: parent.index,
                field: f,
                item_level,
            });
            let index = out.len() - 1;
            let child_path = if list { format!("{own}.N") } else { path };
            // Members of an item level hang from the wrapper it belongs to.
            let index = if item_level {
                parent.index
            } else {
                Some(index)
            };
            walk(
                place,
                &f.children,
                At {
                    path: Some(&child_path),
                    key: Some(&key),
                    index,
                },
                out,
            );
        }
    }
    let mut out = Vec::new();
    walk(
        place,
        fields,
        At {
            path: None,
            key: None,
            index: None,
        },
        &mut out,
    );
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

/// A type cell compared without spacing and case (`Array of String` = `array  of string`).
fn same_cell(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn field_summary(place: Place, f: &Field) -> Value {
    let mut v = serde_json::json!({ "type": type_text(f) });
    if place == Place::Request {
        v["required"] = Value::Bool(f.required == Some(true));
    }
    v
}

/// `InstanceId.1` and `InstanceId.N` (and `Filter.1.Key`, `Filter.N.Key`): one list.
fn list_spelling(path: &str) -> String {
    path.split('.')
        .map(|s| {
            if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
                "N"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// How old nodes correspond to new ones.
struct Matching {
    /// Old index → new index, for fields at the same place (after moves and respellings).
    same: BTreeMap<usize, usize>,
    /// Old index → new index of the fields that moved (response) or were respelled (request).
    renamed: BTreeMap<usize, usize>,
}

fn match_nodes(place: Place, old: &[Node<'_>], new: &[Node<'_>]) -> Matching {
    let mut keys: Vec<String> = old.iter().map(|n| n.key.clone()).collect();
    let mut renamed = BTreeMap::new();
    // An item level shares its wrapper's key and is never matched itself.
    let new_by: BTreeMap<&str, usize> = new
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.item_level)
        .map(|(i, n)| (n.key.as_str(), i))
        .collect();
    // Moves are found top down: a member of a moved container moves with it, so a pass
    // remaps the subtrees of the moves it found and the next pass looks one level deeper.
    for _ in 0..8 {
        let matched: BTreeSet<usize> = (0..old.len())
            .filter(|&i| !old[i].item_level && new_by.contains_key(keys[i].as_str()))
            .chain(renamed.keys().copied())
            .collect();
        let taken: BTreeSet<usize> = matched
            .iter()
            .filter_map(|&i| renamed.get(&i).or_else(|| new_by.get(keys[i].as_str())))
            .copied()
            .collect();
        let removed: Vec<usize> = (0..old.len())
            .filter(|i| !matched.contains(i) && !old[*i].item_level)
            .collect();
        let added: Vec<usize> = (0..new.len())
            .filter(|i| !taken.contains(i) && !new[*i].item_level)
            .collect();
        let pairs = match place {
            Place::Request => respelled(old, new, &removed, &added),
            _ => moved(old, new, &removed, &added, &matched),
        };
        if pairs.is_empty() {
            break;
        }
        for (o, n) in pairs {
            renamed.insert(o, n);
            let (from, to) = (keys[o].clone(), new[n].key.clone());
            for k in keys.iter_mut() {
                if let Some(rest) = k.strip_prefix(&format!("{from}.")) {
                    *k = format!("{to}.{rest}");
                }
            }
            keys[o] = to;
        }
    }
    let same = (0..old.len())
        .filter(|i| !renamed.contains_key(i) && !old[*i].item_level)
        .filter_map(|i| new_by.get(keys[i].as_str()).map(|&n| (i, n)))
        .filter(|(_, n)| !renamed.values().any(|r| r == n))
        .collect();
    Matching { same, renamed }
}

/// Request lists respelled between `.1` and `.N`: removed and added under one list spelling.
fn respelled(
    old: &[Node<'_>],
    new: &[Node<'_>],
    removed: &[usize],
    added: &[usize],
) -> Vec<(usize, usize)> {
    removed
        .iter()
        .filter_map(|&o| {
            let spelling = list_spelling(&old[o].path);
            let targets: Vec<usize> = added
                .iter()
                .copied()
                .filter(|&n| list_spelling(&new[n].path) == spelling)
                .collect();
            match targets.as_slice() {
                [n] if old[o].path != new[*n].path => Some((o, *n)),
                _ => None,
            }
        })
        .collect()
}

/// Response fields that left one place and appeared in exactly one other with the same name,
/// only where their old parent is still matched (a member of a moved container moves with it).
fn moved(
    old: &[Node<'_>],
    new: &[Node<'_>],
    removed: &[usize],
    added: &[usize],
    matched: &BTreeSet<usize>,
) -> Vec<(usize, usize)> {
    let top = |i: &usize| old[*i].parent.is_none_or(|p| matched.contains(&p));
    removed
        .iter()
        .filter(|i| top(i))
        .filter_map(|&o| {
            let same = |n: &&usize| new[**n].leaf() == old[o].leaf();
            let targets: Vec<&usize> = added.iter().filter(same).collect();
            let sources = removed.iter().filter(|&&r| old[r].leaf() == old[o].leaf());
            match (targets.as_slice(), sources.count()) {
                ([n], 1) => Some((o, **n)),
                _ => None,
            }
        })
        .collect()
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
    let m = match_nodes(place, &old_nodes, &new_nodes);
    let new_taken: BTreeSet<usize> = m.same.values().chain(m.renamed.values()).copied().collect();
    let old_of_new: BTreeMap<usize, usize> = m
        .same
        .iter()
        .chain(m.renamed.iter())
        .map(|(&o, &n)| (n, o))
        .collect();
    let request = place == Place::Request;

    for (&o, &n) in &m.same {
        let (a, b) = (&old_nodes[o], &new_nodes[n]);
        if a.item_level || b.item_level {
            continue;
        }
        let path = &b.path;
        if !request && has_row(a.field) != has_row(b.field) {
            documented(api, path, a.field, b.field, out);
            continue;
        }
        compare(api, place, path, a.field, b.field, out);
    }
    for (&o, &n) in &m.renamed {
        let (a, b) = (&old_nodes[o], &new_nodes[n]);
        renamed(api, place, a, b, out);
    }
    let old_matched = |i: usize| m.same.contains_key(&i) || m.renamed.contains_key(&i);
    for (i, n) in old_nodes.iter().enumerate() {
        // An item level goes with its wrapper: reported when the wrapper is.
        if old_matched(i) || (n.item_level && n.parent.is_some_and(old_matched)) {
            continue;
        }
        // A list without a row of its own goes with its members, reported one by one.
        if request && !has_row(n.field) && !n.field.children.is_empty() {
            continue;
        }
        let kind = if request {
            Kind::ParamRemoved
        } else {
            Kind::ResponseRemoved
        };
        out.push(
            Change::new(
                api,
                kind,
                place,
                &n.path,
                field_summary(place, n.field),
                Value::Null,
            )
            .breaking(true),
        );
    }
    for (i, n) in new_nodes.iter().enumerate() {
        if new_taken.contains(&i)
            || (n.item_level && n.parent.is_some_and(|p| new_taken.contains(&p)))
        {
            continue;
        }
        if request && !has_row(n.field) && !n.field.children.is_empty() {
            continue;
        }
        let kind = if request {
            Kind::ParamAdded
        } else {
            Kind::ResponseAdded
        };
        out.push(
            Change::new(
                api,
                kind,
                place,
                &n.path,
                Value::Null,
                field_summary(place, n.field),
            )
            .breaking(request && added_breaks(&new_nodes, &old_of_new, i)),
        );
    }
}

/// A required parameter breaks builders that did not set it, unless it sits in a container
/// that is new as well and optional (old code never builds that container). A new container
/// without a row is required when a member is (the emitter does so): its required members
/// break.
fn added_breaks(new: &[Node<'_>], old_of_new: &BTreeMap<usize, usize>, i: usize) -> bool {
    let node = &new[i];
    if node.field.required != Some(true) {
        return false;
    }
    match node.parent {
        None => true,
        Some(p) if old_of_new.contains_key(&p) => true,
        Some(p) => !has_row(new[p].field) && new[p].field.required == Some(true),
    }
}

/// A field that moved (response) or whose list spelling changed (request): reported as the
/// doc's rename, removed + added, each naming the other; its other properties compared too.
fn renamed(api: &str, place: Place, old: &Node<'_>, new: &Node<'_>, out: &mut Vec<Change>) {
    let (kinds, breaking) = match place {
        Place::Request => {
            // The setter keeps its name: it breaks only when it takes another type or
            // becomes required.
            let (a, b) = (shape(old.field), shape(new.field));
            let retyped = a != b && !widens(&a, &b);
            let now_required = old.field.required != Some(true) && new.field.required == Some(true);
            (
                (Kind::ParamRemoved, Kind::ParamAdded),
                retyped || now_required,
            )
        }
        _ => ((Kind::ResponseRemoved, Kind::ResponseAdded), true),
    };
    out.push(
        Change::new(
            api,
            kinds.0,
            place,
            &old.path,
            field_summary(place, old.field),
            serde_json::json!({ "moved_to": new.path }),
        )
        .breaking(breaking),
    );
    out.push(Change::new(
        api,
        kinds.1,
        place,
        &new.path,
        serde_json::json!({ "moved_from": old.path }),
        field_summary(place, new.field),
    ));
    if place == Place::Response {
        compare(api, place, &new.path, old.field, new.field, out);
    } else {
        rules::diff_rules(api, place, &new.path, old.field, new.field, out);
    }
}

/// A response field the examples showed (no row) that the table now lists, or the reverse:
/// the generated code had and keeps the field; the table's row is documentation, and a type
/// that differs from the one the examples suggested is a type change.
fn documented(api: &str, path: &str, old: &Field, new: &Field, out: &mut Vec<Change>) {
    let from_examples = |f: &Field| serde_json::json!({ "type": type_text(f), "from": "examples" });
    let change = if has_row(new) {
        Change::new(
            api,
            Kind::ResponseAdded,
            Place::Response,
            path,
            from_examples(old),
            field_summary(Place::Response, new),
        )
    } else {
        Change::new(
            api,
            Kind::ResponseRemoved,
            Place::Response,
            path,
            field_summary(Place::Response, old),
            from_examples(new),
        )
    };
    out.push(change.docs_only());
    let (a, b) = (shape(old), shape(new));
    if a != b {
        out.push(
            Change::new(
                api,
                Kind::TypeChanged,
                Place::Response,
                path,
                Value::String(type_text(old)),
                Value::String(type_text(new)),
            )
            .breaking(true),
        );
    }
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
    "demoted",
    "children",
    "line",
    "written_name",
];

fn compare(api: &str, place: Place, path: &str, old: &Field, new: &Field, out: &mut Vec<Change>) {
    let request = place == Place::Request;
    // A list without a row has the type and required flag its members give it: their changes
    // are reported on the members.
    let derived = request && !has_row(old) && !has_row(new) && !new.children.is_empty();
    if !derived {
        type_change(api, place, path, old, new, out);
    }
    if request && !derived && old.required.unwrap_or(false) != new.required.unwrap_or(false) {
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
    let unread = rules::diff_rules(api, place, path, old, new, out);
    if let Some((a, b)) = description_change(old, new, &unread) {
        out.push(
            Change::new(
                api,
                Kind::DescriptionChanged,
                place,
                path,
                Value::String(a),
                Value::String(b),
            )
            .docs_only(),
        );
    }
    other_properties(api, place, path, old, new, out);
}

/// A change of the IR type (breaking when the Rust type changes, except a widened request
/// type), or else of the type cell as written (`List` → `Array of String`, `` → `Struct`),
/// which the generated code does not see.
fn type_change(
    api: &str,
    place: Place,
    path: &str,
    old: &Field,
    new: &Field,
    out: &mut Vec<Change>,
) {
    let (a, b) = (type_text(old), type_text(new));
    if a != b || old.item_type != new.item_type {
        let (sa, sb) = (shape(old), shape(new));
        let breaking = sa != sb && !(place == Place::Request && widens(&sa, &sb));
        let change = Change::new(
            api,
            Kind::TypeChanged,
            place,
            path,
            Value::String(a),
            Value::String(b),
        );
        out.push(if sa == sb {
            change.docs_only()
        } else {
            change.breaking(breaking)
        });
    } else if !same_cell(&old.raw_type, &new.raw_type) {
        out.push(
            Change::new(
                api,
                Kind::TypeChanged,
                place,
                path,
                Value::String(old.raw_type.clone()),
                Value::String(new.raw_type.clone()),
            )
            .docs_only(),
        );
    }
}

/// The first description (primary, then translations by language) whose words changed
/// outside the sentences rules were read from: those are reported as rule changes.
fn description_change(old: &Field, new: &Field, unread: &[String]) -> Option<(String, String)> {
    let passages = |f: &Field| -> Vec<String> {
        f.constraints
            .iter()
            .chain(f.demoted.iter().map(|d| &d.constraint))
            .map(|c| c.source.clone())
            .chain(unread.iter().cloned())
            .collect()
    };
    let (po, pn) = (passages(old), passages(new));
    let (po, pn): (Vec<&str>, Vec<&str>) = (
        po.iter().map(String::as_str).collect(),
        pn.iter().map(String::as_str).collect(),
    );
    let changed =
        |a: &str, b: &str| !text::same_prose(a, b) && text::changed_outside(a, &po, b, &pn);
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
