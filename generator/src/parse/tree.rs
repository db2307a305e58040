//! Rebuilds nested fields from flat table rows.
//!
//! Request tables nest by name (`Tag.N.Key`, `Config.Disk.N.Size`). Response tables nest by
//! `└` markers, by container rows (`Array of X` followed by its item row, `Struct`, `Object`)
//! with nothing marking where a block ends, and — the only reliable source — by the JSON/XML
//! examples. Rows are placed in the innermost open container whose example has the name;
//! without an example, by the docs' conventions (item rows, alphabetical member order, paging
//! fields at the top level).

use serde_json::Value;

use super::types::{item_type, TypeCell};
use crate::model::{Field, Type};

/// One parameter row of a request or response table.
#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    /// `Some(d)` when the name carried a `└` marker; `d` is the depth it states (1 for a bare
    /// `└`, more with EM-space indentation).
    pub marker: Option<usize>,
    pub ty: TypeCell,
    pub raw_type: String,
    pub required: Option<bool>,
    pub example: Option<String>,
    pub description: String,
    pub line: usize,
    /// REST-style request rows: the Position column as written, lower-cased (`path`, `query`,
    /// `body`, `header`; empty for a member row under a container); `None` without the column.
    pub position: Option<String>,
}

/// A note about a decision the builder had to guess or could not honour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub kind: &'static str,
    pub message: String,
}

fn leaf(row: &Row, ty: Type) -> Field {
    Field {
        name: row.name.clone(),
        aliases: Vec::new(),
        ty,
        raw_type: row.raw_type.clone(),
        required: row.required,
        item_type: None,
        wire: None,
        location: None,
        example: row.example.clone().filter(|e| !e.is_empty()),
        description: row.description.clone(),
        translations: Vec::new(),
        constraints: Vec::new(),
        demoted: Vec::new(),
        children: Vec::new(),
        line: row.line,
        written_name: None,
    }
}

/// Field names that close any open nested block when the doc gives no other hint.
const TOP_LEVEL_NAMES: &[&str] = &[
    "RequestId",
    "TotalCount",
    "PageNumber",
    "PageSize",
    "NextToken",
    "MaxResults",
    "Code",
    "Message",
    "Success",
    "HttpStatusCode",
    "Count",
    "Total",
];

/// Keys an example value offers for children: an object's keys, or the union over an array's
/// object items.
fn example_keys(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Object(m) => Some(m.keys().cloned().collect()),
        Value::Array(items) => {
            let mut keys: Vec<String> = Vec::new();
            let mut any = false;
            for item in items {
                if let Value::Object(m) = item {
                    any = true;
                    for k in m.keys() {
                        if !keys.contains(k) {
                            keys.push(k.clone());
                        }
                    }
                }
            }
            any.then_some(keys)
        }
        _ => None,
    }
}

/// The example value of child `name` inside `v` (first non-null one across array items).
fn example_child<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) => m.get(name),
        Value::Array(items) => items
            .iter()
            .find_map(|i| i.get(name).filter(|x| !x.is_null())),
        _ => None,
    }
}

fn scalar_of(v: &Value) -> Type {
    match v {
        Value::Bool(_) => Type::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => Type::Long,
        Value::Number(_) => Type::Double,
        _ => Type::String,
    }
}

struct Frame {
    /// Path of child indices from the root to this container's field.
    path: Vec<usize>,
    example: Option<Value>,
    /// Item-row name still to be consumed (`Array of X` → `X`).
    pending_item: Option<String>,
    last_child: Option<String>,
    /// Whether the members placed so far are in alphabetical order.
    sorted: bool,
}

pub struct Builder {
    root: Vec<Field>,
    stack: Vec<Frame>,
    /// Whether to nest rows under containers that no example describes.
    infer_without_example: bool,
    pub notes: Vec<Note>,
}

impl Builder {
    pub fn new(example: Option<Value>, infer_without_example: bool) -> Self {
        let root_frame = Frame {
            path: Vec::new(),
            example,
            pending_item: None,
            last_child: None,
            sorted: true,
        };
        Builder {
            root: Vec::new(),
            stack: vec![root_frame],
            infer_without_example,
            notes: Vec::new(),
        }
    }

    fn children_mut(&mut self, path: &[usize]) -> &mut Vec<Field> {
        let mut list = &mut self.root;
        for &i in path {
            list = &mut list[i].children;
        }
        list
    }

    fn has_child(&self, path: &[usize], name: &str) -> bool {
        let mut list = &self.root;
        for &i in path {
            list = &list[i].children;
        }
        list.iter().any(|f| f.name == name)
    }

    /// Chooses the frame (index into the stack) that receives a row.
    fn choose_parent(&self, row: &Row, rest: &[Row], uses_markers: bool) -> Option<usize> {
        let lowest = match (uses_markers, row.marker) {
            (true, None) => return (!self.has_child(&[], &row.name)).then_some(0),
            (true, Some(d)) if d >= 2 && d < self.stack.len() => {
                return Some(d.min(self.stack.len() - 1))
            }
            (true, Some(_)) => 1.min(self.stack.len() - 1),
            (false, _) => 0,
        };
        let frames = (lowest..self.stack.len()).rev();
        // 1. An open container whose example names this field.
        for i in frames.clone() {
            let f = &self.stack[i];
            let named = f
                .example
                .as_ref()
                .and_then(example_keys)
                .is_some_and(|k| k.contains(&row.name));
            if named && !self.has_child(&f.path, &row.name) {
                return Some(i);
            }
        }
        // 2. Paging and request fields belong to the root.
        if !uses_markers
            && TOP_LEVEL_NAMES.contains(&row.name.as_str())
            && !self.has_child(&[], &row.name)
        {
            return Some(0);
        }
        // 3. Unknown to the examples: the first row of a new container is its member; then
        //    the level of the next row the examples know; then alphabetical member order.
        let open: Vec<usize> = frames
            .filter(|&i| {
                let f = &self.stack[i];
                !self.has_child(&f.path, &row.name)
                    // Request containers take only the rows their example names.
                    && (i == 0 || self.infer_without_example)
            })
            .collect();
        let innermost = *open.first()?;
        if innermost == 0 {
            return Some(0);
        }
        if uses_markers || self.stack[innermost].last_child.is_none() {
            return Some(innermost);
        }
        if let Some(level) = self.lookahead_level(rest) {
            if let Some(&i) = open.iter().find(|&&i| i <= level) {
                return Some(i);
            }
        }
        for &i in &open {
            let f = &self.stack[i];
            let ordered = f
                .last_child
                .as_ref()
                .is_none_or(|last| row.name.to_lowercase() >= last.to_lowercase());
            if i == 0 || (ordered && f.sorted) {
                return Some(i);
            }
            if !f.sorted {
                return Some(i);
            }
        }
        None
    }

    /// The stack level of the next row that an open container's example names.
    fn lookahead_level(&self, rest: &[Row]) -> Option<usize> {
        for r in rest.iter().take(40) {
            // Paging fields go to the root by their own rule: they say nothing about the rows
            // before them.
            if TOP_LEVEL_NAMES.contains(&r.name.as_str()) {
                return None;
            }
            for i in (1..self.stack.len()).rev() {
                let f = &self.stack[i];
                let named = f
                    .example
                    .as_ref()
                    .and_then(example_keys)
                    .is_some_and(|k| k.contains(&r.name));
                if named && !self.has_child(&f.path, &r.name) {
                    return Some(i);
                }
            }
            let at_root = self.stack[0]
                .example
                .as_ref()
                .and_then(example_keys)
                .is_some_and(|k| k.contains(&r.name));
            if at_root {
                return Some(0);
            }
        }
        None
    }

    /// Places one row; `next` is the row after it (to recognise item rows without examples).
    pub fn push(&mut self, row: &Row, rest: &[Row], uses_markers: bool) {
        let next = rest.first();
        // An item row (`|NatGateway| | | |` after `Array of NatGateway`) is consumed silently.
        if let Some(top) = self.stack.last_mut() {
            if row.ty.ty.is_none()
                && top
                    .pending_item
                    .as_ref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(&row.name))
            {
                top.pending_item = None;
                return;
            }
        }
        let Some(parent) = self.choose_parent(row, rest, uses_markers) else {
            self.notes.push(Note {
                line: row.line,
                kind: "duplicate-field",
                message: format!(
                    "`{}` appears twice at the same level; the second row is ignored",
                    row.name
                ),
            });
            return;
        };
        self.stack.truncate(parent + 1);
        let frame = &mut self.stack[parent];
        frame.pending_item = None;
        if let Some(last) = &frame.last_child {
            frame.sorted &= row.name.to_lowercase() >= last.to_lowercase();
        }
        frame.last_child = Some(row.name.clone());
        // Only the child's part of the parent's example is copied (not the whole example per row).
        let example = frame
            .example
            .as_ref()
            .and_then(|v| example_child(v, &row.name))
            .cloned();
        let parent_path = self.stack[parent].path.clone();
        let (field, frame) = self.shape(row, next, example, uses_markers);
        let siblings = self.children_mut(&parent_path);
        siblings.push(field);
        let index = siblings.len() - 1;
        if let Some(mut frame) = frame {
            let mut path = parent_path;
            path.push(index);
            path.append(&mut frame.path);
            frame.path = path;
            self.stack.push(frame);
        }
    }

    /// The field for a row, and the frame to open when it is a container. A returned frame's
    /// `path` is relative to the new field (empty, or `[0]` for a wrapper's inner array).
    fn shape(
        &mut self,
        row: &Row,
        next: Option<&Row>,
        example: Option<Value>,
        markers: bool,
    ) -> (Field, Option<Frame>) {
        match (&row.ty.ty, &example) {
            (Some(Type::Array), _) => array_shape(row, next, example, markers),
            (Some(Type::Object), _)
            | (None, _)
            | (Some(Type::Other(_)), Some(Value::Object(_))) => {
                self.container_shape(row, next, example, markers)
            }
            (Some(t), Some(Value::Array(_)))
                if !t.is_container() && !matches!(t, Type::Json | Type::Map) =>
            {
                self.notes.push(Note {
                    line: row.line,
                    kind: "type-mismatch",
                    message: format!(
                        "`{}` is {} in the table but a list in the example; read as a list",
                        row.name,
                        t.as_str()
                    ),
                });
                let mut f = leaf(row, Type::Array);
                f.item_type = Some(t.clone());
                (f, None)
            }
            (Some(t), _) => (leaf(row, t.clone()), None),
        }
    }

    /// A row typed object, or untyped (or of another type with an object example): a
    /// container when its type, its example, the markers or the builder's setting say so,
    /// else a scalar.
    fn container_shape(
        &self,
        row: &Row,
        next: Option<&Row>,
        example: Option<Value>,
        markers: bool,
    ) -> (Field, Option<Frame>) {
        // Without a type, a row is a container only when something says so.
        let container = matches!(row.ty.ty, Some(Type::Object) | Some(Type::Other(_)))
            || example
                .as_ref()
                .is_some_and(|v| v.is_object() || v.is_array())
            || (markers && next.is_some_and(|n| n.marker.is_some()))
            || (example.is_none() && self.infer_without_example);
        if !container {
            return (
                leaf(row, example.as_ref().map(scalar_of).unwrap_or(Type::String)),
                None,
            );
        }
        // The wrapper convention without an item row (`└` docs): the example shows
        // `{"X": {"Y": [{…}]}}` and the table lists Y's members right under X.
        let wrapped = match &example {
            Some(Value::Object(m)) if m.len() == 1 => m.iter().next().filter(|(k, v)| {
                let items_are_objects =
                    matches!(v, Value::Array(a) if a.iter().any(Value::is_object));
                items_are_objects && next.is_none_or(|n| &n.name != *k)
            }),
            _ => None,
        };
        if let Some((inner_name, inner_example)) = wrapped {
            let outer = wrapped_list(row, inner_name.clone(), Type::Object);
            let frame = Frame::open(
                vec![0],
                Some(inner_example.clone()),
                Some(inner_name.clone()),
            );
            return (outer, Some(frame));
        }
        if let Some(Value::Array(_)) = example {
            let mut f = leaf(row, Type::Array);
            f.item_type = Some(Type::Object);
            return (f, Some(Frame::open(Vec::new(), example, None)));
        }
        let f = leaf(row, Type::Object);
        (f, Some(Frame::open(Vec::new(), example, None)))
    }

    pub fn finish(self) -> Vec<Field> {
        self.root
    }
}

impl Frame {
    /// A container just opened: its members follow, none placed yet.
    fn open(path: Vec<usize>, example: Option<Value>, pending_item: Option<String>) -> Frame {
        Frame {
            path,
            example,
            pending_item,
            last_child: None,
            sorted: true,
        }
    }
}

/// A row typed as an array: a list of scalars or of objects, or (the wrapper convention
/// `{"X": {"Y": [...]}}`, shown by the example or by an item row right after it) an object
/// holding the list as its one member.
fn array_shape(
    row: &Row,
    next: Option<&Row>,
    example: Option<Value>,
    markers: bool,
) -> (Field, Option<Frame>) {
    let next_is_item =
        |name: &str| next.is_some_and(|n| n.ty.ty.is_none() && n.name.eq_ignore_ascii_case(name));
    let item_name = row.ty.item.clone();
    let scalar_item = item_name
        .as_deref()
        .map(item_type)
        .filter(|t| *t != Type::Object);
    // Wrapper convention: `{"X": {"Y": [...]}}`.
    let wrapper = match &example {
        Some(Value::Object(m)) if m.len() == 1 => {
            m.iter().next().map(|(k, v)| (k.clone(), Some(v.clone())))
        }
        Some(_) => None,
        None => match &item_name {
            Some(item) if next_is_item(item) => {
                Some((next.map(|n| n.name.clone()).unwrap_or_default(), None))
            }
            None => next
                .filter(|n| n.ty.ty.is_none() && !markers)
                .map(|n| (n.name.clone(), None)),
            _ => None,
        },
    };
    let (inner_example, inner_name) = match &wrapper {
        Some((k, v)) => (v.clone(), Some(k.clone())),
        None => (example.clone(), None),
    };
    let item_ty = match (&scalar_item, &inner_example) {
        (Some(t), _) => t.clone(),
        (None, Some(v)) if example_keys(v).is_none() => match v {
            Value::Array(items) => items.first().map(scalar_of).unwrap_or(Type::String),
            other if !other.is_object() => scalar_of(other),
            _ => Type::Object,
        },
        // A bare `Array` whose next row is marked as its member (`└name`) lists objects.
        (None, None)
            if item_name.is_none()
                && wrapper.is_none()
                && !(markers && next.is_some_and(|n| n.marker > row.marker)) =>
        {
            Type::String
        }
        _ => Type::Object,
    };
    // Only a list of objects opens a container for the rows after it.
    let opens = item_ty == Type::Object;
    let pending = inner_name.clone().or(item_name);
    match inner_name {
        Some(inner) => {
            let outer = wrapped_list(row, inner, item_ty);
            (
                outer,
                opens.then(|| Frame::open(vec![0], inner_example, pending)),
            )
        }
        None => {
            let mut outer = leaf(row, Type::Array);
            outer.item_type = Some(item_ty);
            (
                outer,
                opens.then(|| Frame::open(Vec::new(), inner_example, pending)),
            )
        }
    }
}

/// The wrapper convention's field: an object (the row) whose one member, `inner`, is the list
/// of `item` (a member with the row's type notes but none of its prose or example).
fn wrapped_list(row: &Row, inner: String, item: Type) -> Field {
    let mut outer = leaf(row, Type::Object);
    let mut array = leaf(row, Type::Array);
    array.name = inner;
    array.description = String::new();
    array.example = None;
    array.required = None;
    array.item_type = Some(item);
    outer.children.push(array);
    outer
}

/// Builds a response tree from its rows and the first valid example body (as JSON).
pub fn build_response(rows: &[Row], example: Option<Value>) -> (Vec<Field>, Vec<Note>) {
    let uses_markers = rows.iter().any(|r| r.marker.is_some());
    let mut b = Builder::new(example, true);
    for (i, row) in rows.iter().enumerate() {
        b.push(row, &rows[i + 1..], uses_markers);
    }
    let notes = std::mem::take(&mut b.notes);
    (b.finish(), notes)
}

/// One segment of a request name: `Tag`, or `Tag` followed by `.N`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    name: String,
    repeated: bool,
}

fn segments(name: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for part in name.split('.').map(str::trim).filter(|p| !p.is_empty()) {
        let index = part.eq_ignore_ascii_case("n") || is_position(part);
        match out.last_mut() {
            Some(last) if index => last.repeated = true,
            _ => out.push(Segment {
                name: part.to_string(),
                repeated: false,
            }),
        }
    }
    out
}

/// A list position written as a number (`1` of `InstanceId.1`).
fn is_position(part: &str) -> bool {
    !part.is_empty() && part.trim().chars().all(|c| c.is_ascii_digit())
}

/// Builds the request tree: dotted names nest by path; plain names after a container nest only
/// where the request example's JSON value shows it.
pub fn build_request(rows: &[Row], example: Option<Value>) -> (Vec<Field>, Vec<Note>) {
    let plain: Vec<Row> = rows
        .iter()
        .filter(|r| segments(&r.name).len() == 1 && !r.name.contains('.'))
        .cloned()
        .collect();
    let mut b = Builder::new(example, false);
    for (i, row) in plain.iter().enumerate() {
        b.push(row, &plain[i + 1..], false);
    }
    let mut notes = std::mem::take(&mut b.notes);
    let mut root = b.finish();
    for row in rows
        .iter()
        .filter(|r| segments(&r.name).len() > 1 || r.name.contains('.'))
    {
        insert_path(&mut root, &segments(&row.name), row, &mut notes);
    }
    (root, notes)
}

fn insert_path(list: &mut Vec<Field>, path: &[Segment], row: &Row, notes: &mut Vec<Note>) {
    let Some((seg, rest)) = path.split_first() else {
        return;
    };
    let pos = list.iter().position(|f| f.name == seg.name);
    if rest.is_empty() {
        let mut f = leaf(row, row.ty.ty.clone().unwrap_or(Type::String));
        f.name = seg.name.clone();
        // `InstanceId.1`: read as the list `InstanceId.N`; the spelling is kept for `diff`.
        if row.name.split('.').any(is_position) {
            f.written_name = Some(row.name.clone());
        }
        if seg.repeated {
            let item = match (&row.ty.ty, &row.ty.item) {
                (_, Some(item)) => item_type(item),
                (Some(Type::Array) | None, None) => Type::String,
                (Some(t), None) => t.clone(),
            };
            f.ty = Type::Array;
            f.item_type = Some(item);
        }
        match pos {
            // A row for a container that nested rows created already: keep its words.
            Some(i) if list[i].ty.is_container() => {
                let existing = &mut list[i];
                existing.description = f.description;
                existing.required = f.required.or(existing.required);
                existing.raw_type = f.raw_type;
                existing.line = existing.line.min(f.line);
            }
            // `Filter.1.Key` and `Filter.2.Key`: one member documented per position.
            Some(i)
                if row
                    .name
                    .split('.')
                    .any(|p| p.chars().all(|c| c.is_ascii_digit())) =>
            {
                let existing = &mut list[i];
                if !f.description.is_empty() && !existing.description.contains(&f.description) {
                    existing.description = format!(
                        "{}\n\n{}: {}",
                        existing.description, row.name, f.description
                    );
                }
            }
            Some(_) => notes.push(Note {
                line: row.line,
                kind: "duplicate-field",
                message: format!("`{}` appears twice; the second row is ignored", row.name),
            }),
            None => list.push(f),
        }
        return;
    }
    let index = match pos {
        Some(i) => i,
        None => {
            let mut container = leaf(
                row,
                if seg.repeated {
                    Type::Array
                } else {
                    Type::Object
                },
            );
            container.name = seg.name.clone();
            container.raw_type = String::new();
            container.description = String::new();
            container.example = None;
            container.required = Some(false);
            if seg.repeated {
                container.item_type = Some(Type::Object);
            }
            list.push(container);
            list.len() - 1
        }
    };
    let container = &mut list[index];
    // `PortRanges.N.FromPort` required, with no row of its own for `PortRanges`: the list is
    // required too (a required member of every item needs at least the item).
    if container.raw_type.is_empty() && rest.len() == 1 && row.required == Some(true) {
        container.required = Some(true);
    }
    if seg.repeated && container.ty != Type::Array {
        container.ty = Type::Array;
    }
    if container.ty == Type::Array {
        container.item_type = Some(Type::Object);
    } else if container.ty != Type::Object {
        container.ty = Type::Object;
    }
    insert_path(&mut container.children, rest, row, notes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::types::parse_type;

    fn row(name: &str, ty: &str, line: usize) -> Row {
        let (marker, name) = match name.split_once('└') {
            Some((indent, rest)) => (
                Some(indent.chars().filter(|c| *c == '\u{2003}').count() / 2 + 1),
                rest,
            ),
            None => (None, name),
        };
        Row {
            name: name.to_string(),
            marker,
            ty: parse_type(ty),
            raw_type: ty.to_string(),
            required: None,
            example: None,
            description: String::new(),
            line,
            position: None,
        }
    }

    fn shape(fields: &[Field]) -> String {
        fields
            .iter()
            .map(|f| {
                let mut s = format!("{}:{}", f.name, f.ty.as_str());
                if let Some(i) = &f.item_type {
                    s.push_str(&format!("<{}>", i.as_str()));
                }
                if !f.children.is_empty() {
                    s.push_str(&format!("{{{}}}", shape(&f.children)));
                }
                s
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn wrapper_arrays_from_the_json_example() {
        let rows = [
            row("SslVpnServers", "Array of SslVpnServer", 1),
            row("SslVpnServer", "", 2),
            row("Name", "String", 3),
            row("Port", "Integer", 4),
            row("RequestId", "String", 5),
        ];
        let ex = serde_json::json!({"RequestId":"x","SslVpnServers":{"SslVpnServer":[{"Name":"a","Port":1}]}});
        let (tree, _) = build_response(&rows, Some(ex));
        assert_eq!(shape(&tree), "SslVpnServers:Object{SslVpnServer:Array<Object>{Name:String,Port:Integer}},RequestId:String");
    }

    #[test]
    fn wrapper_arrays_without_example_follow_the_item_row() {
        let rows = [
            row("EipAddresses", "Array of EipAddress", 1),
            row("EipAddress", "", 2),
            row("AllocationId", "String", 3),
            row("OperationLocks", "Array of LockReason", 4),
            row("LockReason", "", 5),
            row("LockReason", "String", 6),
            row("RegionId", "String", 7),
            row("PageNumber", "Integer", 8),
        ];
        let (tree, _) = build_response(&rows, None);
        assert_eq!(
            shape(&tree),
            // Without an example nothing tells that RegionId leaves the one-field LockReason item.
            "EipAddresses:Object{EipAddress:Array<Object>{AllocationId:String,OperationLocks:Object{LockReason:Array<Object>{LockReason:String,RegionId:String}}}},PageNumber:Integer"
        );
    }

    #[test]
    fn plain_arrays_and_unordered_members_follow_the_example() {
        let rows = [
            row("TotalCount", "Integer", 1),
            row("Accelerators", "Array of Accelerators", 2),
            row("Type", "String", 3),
            row("Basic", "Object", 4),
            row("Bandwidth", "Integer", 5),
            row("RegionId", "String", 6),
            row("Bandwidth", "Integer", 7),
            row("PageNumber", "Integer", 8),
        ];
        let ex = serde_json::json!({"TotalCount":1,"PageNumber":1,"Accelerators":[{"Type":"a","Basic":{"Bandwidth":2},"RegionId":"r","Bandwidth":5}]});
        let (tree, _) = build_response(&rows, Some(ex));
        assert_eq!(
            shape(&tree),
            "TotalCount:Integer,Accelerators:Array<Object>{Type:String,Basic:Object{Bandwidth:Integer},RegionId:String,Bandwidth:Integer},PageNumber:Integer"
        );
    }

    #[test]
    fn marker_rows_with_lost_depth_use_the_example() {
        let rows = [
            row("Ipv6Addresses", "", 1),
            row("└AllocationTime", "String", 2),
            row("└Ipv6InternetBandwidth", "", 3),
            row("└Bandwidth", "Integer", 4),
            row("RequestId", "String", 5),
        ];
        let ex = serde_json::json!({"Ipv6Addresses":{"AllocationTime":"t","Ipv6InternetBandwidth":{"Bandwidth":2}},"RequestId":"r"});
        let (tree, _) = build_response(&rows, Some(ex));
        assert_eq!(
            shape(&tree),
            "Ipv6Addresses:Object{AllocationTime:String,Ipv6InternetBandwidth:Object{Bandwidth:Integer}},RequestId:String"
        );
        let em = row("\u{2003}\u{2003}└Deep", "String", 9);
        assert_eq!(em.marker, Some(2));
    }

    #[test]
    fn a_position_written_as_a_number_is_kept_with_the_list() {
        let rows = [
            row("InstanceId.1", "String", 1),
            row("ScalingGroupId.N", "RepeatList", 2),
            row("Filter.1.Key", "String", 3),
        ];
        let (tree, _) = build_request(&rows, None);
        // Both spellings are the same list for the generated code.
        assert_eq!(
            shape(&tree),
            "InstanceId:Array<String>,ScalingGroupId:Array<String>,Filter:Array<Object>{Key:String}"
        );
        let written: Vec<Option<&str>> = [&tree[0], &tree[1], &tree[2].children[0]]
            .iter()
            .map(|f| f.written_name.as_deref())
            .collect();
        assert_eq!(written, [Some("InstanceId.1"), None, Some("Filter.1.Key")]);
    }

    #[test]
    fn request_names_nest_by_path() {
        let rows = [
            row("RegionId", "String", 1),
            row("Tag.N.Key", "String", 2),
            row("Tag.N.Value", "String", 3),
            row("ResourceId.N", "RepeatList", 4),
            row("Groups.N.Ports.N.From", "Integer", 5),
            row("Filter.1.Key", "String", 6),
            row("Filter.2.Key", "String", 7),
            row("Config.Disk.N.Size", "Integer", 8),
        ];
        let (tree, notes) = build_request(&rows, None);
        assert_eq!(
            shape(&tree),
            "RegionId:String,Tag:Array<Object>{Key:String,Value:String},ResourceId:Array<String>,Groups:Array<Object>{Ports:Array<Object>{From:Integer}},Filter:Array<Object>{Key:String},Config:Object{Disk:Array<Object>{Size:Integer}}"
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn required_members_make_an_undocumented_list_required() {
        let mut from = row("PortRanges.N.FromPort", "Integer", 1);
        from.required = Some(true);
        let mut tag = row("Tag.N.Key", "String", 2);
        tag.required = Some(false);
        let (tree, _) = build_request(&[from, tag], None);
        assert_eq!(tree[0].required, Some(true));
        assert_eq!(tree[1].required, Some(false));
    }

    #[test]
    fn flattened_request_trees_follow_the_example_json() {
        let rows = [
            row("RegionId", "String", 1),
            row("ForwardingRules", "Array", 2),
            row("Priority", "Integer", 3),
            row("RuleConditions", "Array", 4),
            row("RuleConditionType", "String", 5),
            row("PathConfig", "Object", 6),
            row("Values", "Array of String", 7),
            row("ForwardingRuleName", "String", 8),
            row("ClientToken", "String", 9),
        ];
        let ex = serde_json::json!({"RegionId":"r","ClientToken":"c","ForwardingRules":[{"Priority":1,"RuleConditions":[{"RuleConditionType":"Host","PathConfig":{"Values":["/a"]}}],"ForwardingRuleName":"n"}]});
        let (tree, _) = build_request(&rows, Some(ex));
        assert_eq!(
            shape(&tree),
            "RegionId:String,ForwardingRules:Array<Object>{Priority:Integer,RuleConditions:Array<Object>{RuleConditionType:String,PathConfig:Object{Values:Array<String>}},ForwardingRuleName:String},ClientToken:String"
        );
        // Without the example nothing is nested.
        let (tree, _) = build_request(&rows, None);
        assert_eq!(tree.len(), 9);
    }
}
