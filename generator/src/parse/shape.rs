//! One response *shape* from all of a doc's examples, and the pass that makes the field tree
//! agree with it (see notes/response-tree.md).
//!
//! A shape is a `serde_json::Value` in which every array holds at most one item: the merge of
//! all items seen. JSON examples and XML examples (converted by `examples::xml_to_json`) merge
//! into one shape; where they disagree (an object here, a list of one there) the richer form
//! wins. The table says which fields exist; the shape says where they sit, so on structure the
//! shape wins: [`reconcile`] moves rows to where the examples show them and adds the fields the
//! table forgot (typed from the example, with a warning).

use serde_json::{Map, Value};

use super::tree::Note;
use crate::model::{Field, Type};

/// The shape of one example value: arrays reduced to one merged item.
pub fn of(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, x)| (k.clone(), of(x))).collect()),
        Value::Array(items) => {
            let merged = items.iter().map(of).reduce(merge);
            Value::Array(merged.into_iter().collect())
        }
        other => other.clone(),
    }
}

/// Merges two shapes into the richer one.
pub fn merge(a: Value, b: Value) -> Value {
    match (a, b) {
        (Value::Null, x) | (x, Value::Null) => x,
        (Value::Object(mut a), Value::Object(b)) => {
            for (k, v) in b {
                let merged = match a.remove(&k) {
                    Some(old) => merge(old, v),
                    None => v,
                };
                a.insert(k, merged);
            }
            Value::Object(a)
        }
        (Value::Array(a), Value::Array(b)) => {
            let item = a.into_iter().chain(b).reduce(merge);
            Value::Array(item.into_iter().collect())
        }
        // The same list written as a plain array (`[{…}]`, as JSON does) and with its items
        // in a wrapper element (`{"Zone": [{…}]}`, as XML must): one list; the wrapper is no
        // member of the items.
        (Value::Array(a), Value::Object(o)) | (Value::Object(o), Value::Array(a))
            if wraps_same_items(&o, &a) =>
        {
            let inner = o.into_iter().next().map(|(_, v)| v).unwrap_or_default();
            merge(Value::Array(a), inner)
        }
        // A one-item list written as the item itself.
        (Value::Array(a), o @ Value::Object(_)) | (o @ Value::Object(_), Value::Array(a)) => {
            let item = a.into_iter().fold(o, merge);
            Value::Array(vec![item])
        }
        (Value::Array(a), s) | (s, Value::Array(a)) => {
            // A list beside a scalar: a list of such scalars (XML writes one-item lists bare).
            let item = a.into_iter().fold(s, merge);
            Value::Array(vec![item])
        }
        (o @ Value::Object(_), _) | (_, o @ Value::Object(_)) => o,
        // Two values: the non-empty one (an empty XML element says nothing about the type).
        (Value::String(s), x) if s.is_empty() => x,
        (x, _) => x,
    }
}

/// Whether `wrapper` is `{"X": [item]}` holding the same kind of items as the plain list
/// `list` (their items share a member name, and the list's items do not name `X`).
fn wraps_same_items(wrapper: &Map<String, Value>, list: &[Value]) -> bool {
    let (Some((key, Value::Array(inner))), 1) = (wrapper.iter().next(), wrapper.len()) else {
        return false;
    };
    let (Some(Value::Object(a)), Some(Value::Object(b))) = (list.first(), inner.first()) else {
        return false;
    };
    !a.contains_key(key) && a.keys().any(|k| b.contains_key(k))
}

/// Removes a root that only wraps the body (`{"DescribeXResponse": {...}}`): when the single
/// key is named like a response, or when the table's top-level names sit one level further in.
pub fn unwrap_root(shape: Value, top_names: &[&str]) -> Value {
    let Value::Object(m) = &shape else {
        return shape;
    };
    if m.len() != 1 {
        return shape;
    }
    let Some((key, Value::Object(inner))) = m.iter().next() else {
        return shape;
    };
    let named_as_root = key.ends_with("Response") && !top_names.contains(&key.as_str());
    let inner_hits = top_names.iter().filter(|n| inner.contains_key(**n)).count();
    let outer_hits = usize::from(top_names.contains(&key.as_str()));
    if named_as_root || (outer_hits == 0 && inner_hits >= 1) {
        Value::Object(inner.clone())
    } else {
        shape
    }
}

/// Reads an example body that is not valid JSON for its *shape* only (never for a test):
/// single quotes, missing commas between members and trailing commas are repaired in turn.
pub fn tolerant_json(text: &str) -> Option<Value> {
    let parse = |t: &str| serde_json::from_str::<Value>(t).ok();
    if let Some(v) = parse(text) {
        return Some(v);
    }
    let quoted = if text.contains('"') {
        text.to_string()
    } else {
        text.replace('\'', "\"")
    };
    if let Some(v) = parse(&quoted) {
        return Some(v);
    }
    let mut out = String::with_capacity(quoted.len() + 16);
    let mut in_string = false;
    let mut escaped = false;
    // The last significant character outside strings, to know whether a value just ended.
    let mut last = ' ';
    for c in quoted.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                last = '"';
            }
            continue;
        }
        let value_ended = matches!(last, '"' | '}' | ']') || last.is_ascii_alphanumeric();
        match c {
            '"' | '{' | '[' if value_ended => {
                out.push(',');
                out.push(c);
            }
            '}' | ']' if last == ',' => {
                // Drop the trailing comma.
                if let Some(i) = out.rfind(',') {
                    out.remove(i);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        if c == '"' {
            in_string = true;
        }
        if !c.is_whitespace() {
            last = c;
        }
    }
    parse(&out)
}

/// The scalar type an example value suggests.
pub fn scalar_type(v: &Value) -> Type {
    match v {
        Value::Bool(_) => Type::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => Type::Long,
        Value::Number(_) => Type::Double,
        _ => Type::String,
    }
}

/// Whether a member name of an example is data rather than a field name: a timestamp, a number,
/// an address or anything else no field of an API is named (it starts with a digit, or holds
/// a character other than letters, digits, `_` and `-`).
fn is_data_key(key: &str) -> bool {
    key.chars().next().is_some_and(|c| c.is_ascii_digit())
        || key
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// An object of the example whose member names are all data (`{"1574247000": 3, …}`): a map
/// from those keys, not a struct with a field per key.
fn is_data_map(m: &Map<String, Value>) -> bool {
    !m.is_empty() && m.keys().all(|k| is_data_key(k))
}

fn data_map_note(path: &str, m: &Map<String, Value>, line: usize) -> Note {
    let first = m.keys().next().map(String::as_str).unwrap_or_default();
    Note {
        line,
        kind: "example-map",
        message: format!(
            "`{path}`: the example's member names are data (`{first}`, …), not field names; read as a map"
        ),
    }
}

/// A field for a name that only the example shows, typed from it.
fn from_example(name: &str, v: &Value, line: usize) -> Field {
    let mut f = Field::bare(name, Type::String, line);
    match v {
        Value::Object(m) if is_data_map(m) => f.ty = Type::Map,
        Value::Object(m) => {
            f.ty = Type::Object;
            f.children = m.iter().map(|(k, x)| from_example(k, x, line)).collect();
        }
        Value::Array(items) => {
            f.ty = Type::Array;
            match items.first() {
                Some(Value::Object(m)) => {
                    f.item_type = Some(Type::Object);
                    f.children = m.iter().map(|(k, x)| from_example(k, x, line)).collect();
                }
                Some(x) => f.item_type = Some(scalar_type(x)),
                None => f.item_type = Some(Type::String),
            }
        }
        Value::String(s) if !s.is_empty() => f.example = Some(s.clone()),
        Value::Number(n) => {
            f.ty = scalar_type(v);
            f.example = Some(n.to_string());
        }
        Value::Bool(b) => {
            f.ty = Type::Boolean;
            f.example = Some(b.to_string());
        }
        _ => {}
    }
    f
}

/// Every object path of a shape where `name` is a key, arrays transparent.
fn paths_of(shape: &Value, name: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match shape {
        Value::Object(m) => {
            if m.contains_key(name) {
                out.push(prefix.clone());
            }
            for (k, v) in m {
                prefix.push(k.clone());
                paths_of(v, name, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for i in items {
                paths_of(i, name, prefix, out);
            }
        }
        _ => {}
    }
}

/// The object keys a shape offers at one level (through a list).
fn keys(shape: &Value) -> Option<&Map<String, Value>> {
    match shape {
        Value::Object(m) => Some(m),
        Value::Array(items) => items.first().and_then(|i| match i {
            Value::Object(m) => Some(m),
            _ => None,
        }),
        _ => None,
    }
}

fn child<'a>(shape: &'a Value, name: &str) -> Option<&'a Value> {
    keys(shape).and_then(|m| m.get(name))
}

fn level_mut<'a>(fields: &'a mut Vec<Field>, path: &[String]) -> Option<&'a mut Vec<Field>> {
    let Some((first, rest)) = path.split_first() else {
        return Some(fields);
    };
    let f = fields.iter_mut().find(|f| &f.name == first)?;
    level_mut(&mut f.children, rest)
}

/// Makes the tree agree with the shape: rows the examples show elsewhere move there, rows the
/// table typed as scalars that the examples show with children become containers, and names
/// only the examples show are added. `line` is the line of the first example (for added
/// fields).
pub fn reconcile(fields: &mut Vec<Field>, shape: &Value, line: usize, notes: &mut Vec<Note>) {
    relocate(fields, shape, notes);
    fill(fields, shape, "", line, notes);
}

/// Moves fields sitting where the shape has no such name, to the one place the shape shows
/// that name (when exactly one such place exists and holds no field of that name yet).
fn relocate(root: &mut Vec<Field>, shape: &Value, notes: &mut Vec<Note>) {
    // Collect the misplaced fields first (path of the level, name), then move them.
    let mut misplaced: Vec<(Vec<String>, String)> = Vec::new();
    collect_misplaced(root, shape, &mut Vec::new(), &mut misplaced);
    for (from, name) in misplaced {
        let mut places = Vec::new();
        paths_of(shape, &name, &mut Vec::new(), &mut places);
        let [to] = places.as_slice() else { continue };
        if to == &from {
            continue;
        }
        // The target level must not hold the name yet; containers the table lacks are made.
        let line = level_mut(root, &from)
            .and_then(|l| l.iter().find(|f| f.name == name).map(|f| f.line))
            .unwrap_or(0);
        ensure_path(root, to, shape, "", line, notes);
        let ok = level_mut(root, to).is_some_and(|l| !l.iter().any(|f| f.name == name));
        // Never move a container into its own subtree.
        let inside_itself =
            to.len() > from.len() && to[..from.len()] == from[..] && to[from.len()] == name;
        if !ok || inside_itself {
            continue;
        }
        let Some(level) = level_mut(root, &from) else {
            continue;
        };
        let Some(i) = level.iter().position(|f| f.name == name) else {
            continue;
        };
        let field = level.remove(i);
        notes.push(Note {
            line: field.line,
            kind: "moved-by-example",
            message: format!(
                "`{name}` sits under `{}` in the examples, not under `{}` as the table order suggests; placed as the examples show",
                display(to),
                display(&from)
            ),
        });
        if let Some(target) = level_mut(root, to) {
            target.push(field);
        }
    }
}

/// Makes the containers along `path` exist, typed from the shape (without their members).
fn ensure_path(
    fields: &mut Vec<Field>,
    path: &[String],
    shape: &Value,
    prefix: &str,
    line: usize,
    notes: &mut Vec<Note>,
) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let Some(v) = child(shape, first) else { return };
    let i = match fields.iter().position(|f| &f.name == first) {
        Some(i) => i,
        None => {
            notes.push(Note {
                line,
                kind: "example-only-field",
                message: format!(
                    "`{prefix}{first}` is in the response example but not in the table; added, typed from the example"
                ),
            });
            let mut f = from_example(first, v, line);
            f.children.clear();
            fields.push(f);
            fields.len() - 1
        }
    };
    let next = format!("{prefix}{first}.");
    ensure_path(&mut fields[i].children, rest, v, &next, line, notes);
}

fn display(path: &[String]) -> String {
    if path.is_empty() {
        "the root".to_string()
    } else {
        path.join(".")
    }
}

fn collect_misplaced(
    fields: &[Field],
    shape: &Value,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
) {
    let Some(m) = keys(shape) else { return };
    for f in fields {
        match m.get(&f.name) {
            Some(v) => {
                path.push(f.name.clone());
                collect_misplaced(&f.children, v, path, out);
                path.pop();
            }
            None => out.push((path.clone(), f.name.clone())),
        }
    }
}

fn fill(fields: &mut Vec<Field>, shape: &Value, path: &str, line: usize, notes: &mut Vec<Note>) {
    let Some(m) = keys(shape) else { return };
    for (k, v) in m {
        match fields.iter_mut().find(|f| &f.name == k) {
            Some(f) => fill_field(f, v, path, line, notes),
            None => {
                notes.push(Note {
                    line,
                    kind: "example-only-field",
                    message: format!(
                        "`{path}{k}` is in the response example but not in the table; added, typed from the example"
                    ),
                });
                fields.push(from_example(k, v, line));
            }
        }
    }
}

fn fill_field(f: &mut Field, v: &Value, path: &str, line: usize, notes: &mut Vec<Note>) {
    if matches!(f.ty, Type::Map | Type::Json) {
        return;
    }
    let full = format!("{path}{}.", f.name);
    let item_is_object = f.item_type == Some(Type::Object);
    match v {
        // Members the table does not list, named by data: a map, whatever the table's type.
        Value::Object(m) if f.children.is_empty() && is_data_map(m) && !item_is_object => {
            notes.push(data_map_note(&format!("{path}{}", f.name), m, f.line));
            f.ty = Type::Map;
            f.item_type = None;
        }
        Value::Object(_) => {
            if f.ty != Type::Object && !(f.ty == Type::Array && item_is_object) {
                notes.push(Note {
                    line: f.line,
                    kind: "type-mismatch",
                    message: format!(
                        "`{path}{}` is {} in the table but has members in the example; read as a struct",
                        f.name,
                        f.ty.as_str()
                    ),
                });
                f.ty = Type::Object;
                f.item_type = None;
            }
            fill(&mut f.children, v, &full, line, notes);
        }
        Value::Array(items) => match items.first() {
            Some(item @ Value::Object(_)) => {
                if !(f.ty == Type::Array && item_is_object) {
                    // An object the table did not call a list, or a scalar: the example shows
                    // a list of objects.
                    if f.ty != Type::Object || !f.children.is_empty() {
                        notes.push(Note {
                            line: f.line,
                            kind: "type-mismatch",
                            message: format!(
                                "`{path}{}` is {} in the table but a list of objects in the example; read as a list",
                                f.name,
                                f.ty.as_str()
                            ),
                        });
                    }
                    f.ty = Type::Array;
                    f.item_type = Some(Type::Object);
                }
                fill(&mut f.children, item, &full, line, notes);
            }
            Some(item) if f.ty != Type::Array && f.children.is_empty() => {
                let item_type = if f.ty.is_container() || matches!(f.ty, Type::Other(_)) {
                    scalar_type(item)
                } else {
                    f.ty.clone()
                };
                notes.push(Note {
                    line: f.line,
                    kind: "type-mismatch",
                    message: format!(
                        "`{path}{}` is {} in the table but a list in the example; read as a list",
                        f.name,
                        f.ty.as_str()
                    ),
                });
                f.ty = Type::Array;
                f.item_type = Some(item_type);
            }
            _ => {}
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn examples_merge_to_the_richer_form() {
        let a = of(&json!({"Items": {"Item": {"Id": "a"}}, "Total": 1}));
        let b = of(&json!({"Items": {"Item": [{"Id": "b", "Name": "n"}, {"Zone": "z"}]}}));
        assert_eq!(
            merge(a, b),
            json!({"Items": {"Item": [{"Id": "a", "Name": "n", "Zone": "z"}]}, "Total": 1})
        );
        assert_eq!(merge(json!(""), json!(3)), json!(3));
        // XML's item elements in a wrapper, JSON's plain array of the same items: one list,
        // without a member named after the wrapper.
        let xml = of(&json!({"Zones": {"Zone": [{"ZoneId": "a", "Remark": "r"}]}}));
        let json = of(&json!({"Zones": [{"ZoneId": "b", "IsPtr": false}]}));
        assert_eq!(
            merge(xml, json),
            json!({"Zones": [{"ZoneId": "b", "IsPtr": false, "Remark": "r"}]})
        );
        // A one-item list written bare whose only member is a list is no wrapper.
        let bare = of(&json!({"Items": {"Tags": [{"Key": "k"}]}}));
        let list = of(&json!({"Items": [{"Tags": [{"Key": "k"}]}]}));
        assert_eq!(
            merge(bare, list),
            json!({"Items": [{"Tags": [{"Key": "k"}]}]})
        );
        assert_eq!(merge(json!("x"), json!({"A": 1})), json!({"A": 1}));
    }

    #[test]
    fn broken_json_still_gives_a_shape() {
        assert_eq!(
            tolerant_json("{'A': 1, 'B': {'C': 'x'}}"),
            Some(json!({"A": 1, "B": {"C": "x"}}))
        );
        assert_eq!(
            tolerant_json("{\"A\": 1\n \"B\": [{\"C\": \"x, y\"} {\"C\": \"z\"},],}"),
            Some(json!({"A": 1, "B": [{"C": "x, y"}, {"C": "z"}]}))
        );
        assert_eq!(tolerant_json("not json at all"), None);
    }

    #[test]
    fn a_wrapping_root_is_removed() {
        let s = json!({"DescribeThingsResponse": {"RequestId": "r", "Things": {}}});
        assert_eq!(
            unwrap_root(s, &["RequestId"]),
            json!({"RequestId": "r", "Things": {}})
        );
        let s = json!({"Wrapper": {"RequestId": "r"}});
        assert_eq!(unwrap_root(s, &["RequestId"]), json!({"RequestId": "r"}));
        // A real single top-level container stays.
        let s = json!({"Data": {"Id": "x"}});
        assert_eq!(unwrap_root(s.clone(), &["Data", "Id"]), s);
    }
}
