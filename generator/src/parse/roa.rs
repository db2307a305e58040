//! Step 5b, REST-style (ROA) docs: from the request line ([`super::request_line`]), the path
//! template, and where each request parameter travels (path, query, header, a JSON body member,
//! a form field, the whole body).
//!
//! Every parameter table of the request section is read, each with its own position: the
//! Position column when there is one, else the table's announcement (`RequestBody`), else the
//! evidence of the request line (placeholders, header lines, query template) and of the doc's
//! own request examples (a JSON or form body naming the parameter, a query naming it), and only
//! then the default (query). Every inference is reported (`roa-location-inferred`).
//!
//! A parameter the request syntax's `Host:` line names in its first label
//! (`Host: ProjectName.Endpoint` and a row `projectName`) travels in the host name: the request
//! goes to `{value}.{endpoint}` (location `host`).
//!
//! This step only places rows; the pipeline reads their prose once, afterwards, for both styles.

use serde_json::Value;

use super::request_line::{host_label, RequestLine};
use super::roa_shown::{
    add_example_body, add_example_query, add_host_placeholder, parameter_like, same_name,
    with_fixed_query,
};
use super::sink::Sink;
use super::text;
use super::tree::{Builder, Row};
use super::types;
use crate::model::{location, Field, HttpRequestExample, Type};

/// `createInstance`: an H1 in lower camel case, accepted as an API name.
pub fn is_lower_camel_name(s: &str) -> bool {
    s.len() > 3
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

/// `ProdcutKey` for `ProductKey`: the same letters with two neighbours swapped.
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
}

/// Rows of one request table, and whether the doc announced them as the body.
pub struct TableRows {
    pub rows: Vec<Row>,
    pub body: bool,
    /// 1-based line of the table's header.
    pub line: usize,
}

/// A REST-style request: its fields with their locations, and the path template (`{Name}` for
/// every placeholder, with the field's wire name).
pub struct Placed {
    pub fields: Vec<Field>,
    pub path: String,
}

/// Whether an example path shows a value (not the segment itself) at the position of `segment`.
fn filled_in_examples(
    segment_at: usize,
    segment: &str,
    template: &[&str],
    examples: &[HttpRequestExample],
) -> Option<bool> {
    let mut verdict = None;
    for ex in examples {
        let shown: Vec<&str> = ex.path.trim_matches('/').split('/').collect();
        if shown.len() != template.len() {
            continue;
        }
        let at = shown[segment_at];
        verdict = Some(verdict.unwrap_or(false) || at != segment);
    }
    verdict
}

/// The path template: each placeholder becomes `{Name}` with a row's exact name. A bare segment
/// is a placeholder only when a row of that name is placed in the path, or the examples fill
/// it with a value, or (without either) it is written like a parameter name (a capital letter:
/// `ProductKey`) rather than a path word (`tags`).
fn path_template(
    line: &RequestLine,
    tables: &mut [TableRows],
    examples: &[HttpRequestExample],
    syntax_line: usize,
    sink: &mut Sink,
) -> (String, Vec<String>) {
    // `place` passes at least one table: a placeholder without a row is added to the first.
    let segments: Vec<&str> = line.path.split('/').filter(|s| !s.is_empty()).collect();
    let mut template = String::new();
    let mut names = Vec::new();
    for (k, segment) in segments.iter().enumerate() {
        let written = text::bracketed(segment);
        let find = |tables: &[TableRows], want: &dyn Fn(&Row) -> bool| {
            tables
                .iter()
                .enumerate()
                .find_map(|(t, tr)| tr.rows.iter().position(want).map(|i| (t, i)))
        };
        let named = match written {
            Some(name) => find(tables, &|r: &Row| r.name == name)
                .or_else(|| find(tables, &|r: &Row| r.name.eq_ignore_ascii_case(name))),
            None => {
                let pathish = |r: &Row| {
                    r.position
                        .as_deref()
                        .is_none_or(|p| p.is_empty() || p == "path")
                };
                let hit = find(tables, &|r: &Row| r.name == *segment && pathish(r))
                    .or_else(|| {
                        find(tables, &|r: &Row| {
                            pathish(r) && r.name.eq_ignore_ascii_case(segment)
                        })
                    })
                    .or_else(|| {
                        find(tables, &|r: &Row| {
                            pathish(r) && is_transposition(segment, &r.name)
                        })
                    });
                hit.filter(|(t, i)| {
                    let row = &tables[*t].rows[*i];
                    row.position.as_deref() == Some("path")
                        || filled_in_examples(k, segment, &segments, examples)
                            .unwrap_or_else(|| segment.chars().any(|c| c.is_ascii_uppercase()))
                })
            }
        };
        // `/ObjectName` with no row: a parameter-like segment the examples fill with a value
        // is a placeholder all the same.
        let written = written.or_else(|| {
            (named.is_none()
                && parameter_like(segment)
                && filled_in_examples(k, segment, &segments, examples) == Some(true))
            .then_some(*segment)
        });
        let name = match (named, written) {
            (Some((t, i)), _) => {
                let name = tables[t].rows[i].name.clone();
                if written.is_none() && name != *segment {
                    let how = if name.eq_ignore_ascii_case(segment) {
                        "another case"
                    } else {
                        "letters swapped"
                    };
                    sink.warn(
                        syntax_line,
                        "roa-path",
                        format!("path segment `{segment}` is read as parameter `{name}` ({how})"),
                    );
                }
                Some(name)
            }
            (None, Some(name)) => {
                sink.warn(syntax_line, "roa-path", format!("path placeholder `{segment}` has no request-table row; added as a required string"));
                tables[0].rows.push(Row {
                    name: name.to_string(),
                    marker: None,
                    ty: types::parse_type("String"),
                    raw_type: "String".into(),
                    required: Some(true),
                    example: None,
                    description: String::new(),
                    line: syntax_line,
                    position: Some("path".into()),
                });
                Some(name.to_string())
            }
            (None, None) => None,
        };
        template.push('/');
        match name {
            Some(n) => {
                template.push_str(&format!("{{{n}}}"));
                names.push(n);
            }
            None => template.push_str(segment),
        }
    }
    if template.is_empty() {
        template.push('/');
    }
    (template, names)
}

fn leaf(row: &Row) -> Field {
    let mut b = Builder::new(None, false);
    b.push(row, &[], false);
    b.finish()
        .pop()
        .unwrap_or_else(|| Field::bare(&row.name, Type::String, row.line))
}

/// Body rows as a tree: `└` markers, container rows and the body example decide nesting.
fn body_tree(rows: &[Row], example: Option<Value>) -> Vec<Field> {
    let uses_markers = rows.iter().any(|r| r.marker.is_some());
    let mut b = Builder::new(example.filter(Value::is_object), uses_markers);
    for (i, row) in rows.iter().enumerate() {
        b.push(row, &rows[i + 1..], uses_markers);
    }
    b.finish()
}

fn normalise_position(p: &str) -> String {
    match p {
        "formdata" | "form" | "form-data" => location::FORM.into(),
        other => other.to_string(),
    }
}

/// What the doc's request examples show of one parameter name: in a JSON body, a form body, or
/// the query (names compared without case).
#[derive(Default)]
struct Shown {
    json_body: bool,
    form_body: bool,
    query: bool,
}

fn shown_in(examples: &[HttpRequestExample], name: &str) -> Shown {
    let mut s = Shown::default();
    for ex in examples {
        if ex.query.iter().any(|q| q.name.eq_ignore_ascii_case(name)) {
            s.query = true;
        }
        if let Some(body) = &ex.body {
            if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) {
                if map.keys().any(|k| k.eq_ignore_ascii_case(name)) {
                    s.json_body = true;
                }
            }
        }
        if ex.form.iter().any(|q| q.name.eq_ignore_ascii_case(name)) {
            s.form_body = true;
        }
    }
    s
}

/// Places every row of every request table; see the module doc.
pub fn place(
    mut tables: Vec<TableRows>,
    line: &RequestLine,
    syntax_line: usize,
    examples: &[HttpRequestExample],
    sink: &mut Sink,
) -> Placed {
    if tables.is_empty() {
        tables.push(TableRows {
            rows: Vec::new(),
            body: false,
            line: syntax_line,
        });
    }
    // The path template first: it may take placeholder rows out of the tables.
    let (path, path_names) = path_template(line, &mut tables, examples, syntax_line, sink);
    let body_example = examples
        .iter()
        .find_map(|e| e.body.as_deref())
        .and_then(|b| serde_json::from_str::<Value>(b).ok());
    let has_payload_row = tables.iter().flat_map(|t| &t.rows).any(|r| {
        line.payload.as_deref() == Some(r.name.as_str())
            || r.position.as_deref() == Some(location::PAYLOAD)
    });
    let mut placing = Placing {
        line,
        path_names: &path_names,
        examples,
        fields: Vec::new(),
        body_rows: Vec::new(),
        whole_body: None,
        open: None,
        xml_rows: Vec::new(),
    };
    for (t, table) in tables.iter().enumerate() {
        if t > 0 && is_values_table(table) {
            sink.note(table.line, "request-table-values", "a further table of the request section has no type column: read as documentation, not as parameters");
            continue;
        }
        if t > 0 && has_payload_row && placing.add_payload_members(table) {
            continue;
        }
        for r in &table.rows {
            placing.place_row(r, table.body, sink);
        }
        placing.close_container();
    }
    let Placing {
        mut fields,
        body_rows,
        whole_body,
        xml_rows,
        ..
    } = placing;
    if line.xml_body {
        fields.push(xml_body_field(&xml_rows, syntax_line, sink));
    }
    add_body(
        &mut fields,
        whole_body,
        &body_rows,
        body_example.as_ref(),
        sink,
    );
    if !line.xml_body {
        let example_line = examples
            .iter()
            .find(|e| e.body.is_some())
            .map_or(syntax_line, |e| e.line);
        add_example_body(&mut fields, body_example.as_ref(), example_line, sink);
    }
    let path = with_fixed_query(path, line, &fields, syntax_line, sink);
    add_example_query(&mut fields, &path, examples, sink);
    add_host_placeholder(&mut fields, line, examples, syntax_line, sink);
    Placed { fields, path }
}

/// A later table without types lists values or notes (`名称|说明` of metric names), not
/// parameters.
fn is_values_table(table: &TableRows) -> bool {
    !table.body
        && table
            .rows
            .iter()
            .all(|r| r.raw_type.is_empty() && r.position.is_none())
}

/// Where [`Placing::place_row`] sends one row.
enum Destination {
    /// A field of its own, sent at `location` under the wire name `name`.
    Field { location: String, name: String },
    /// A member of the JSON body (the body tree is built once every row is read).
    BodyMember,
    /// An element of an XML body, which the request holds as one document.
    XmlElement,
}

/// The state of [`place`] while it reads the rows of the request tables in order.
struct Placing<'a> {
    line: &'a RequestLine,
    path_names: &'a [String],
    examples: &'a [HttpRequestExample],
    fields: Vec<Field>,
    body_rows: Vec<Row>,
    /// A nameless `Body` row: the rows of position `body` after it are its members.
    whole_body: Option<Row>,
    /// A container row with a position (its index in `fields`), and the rows with an empty
    /// position under it.
    open: Option<(usize, Vec<Row>)>,
    /// Rows of an XML body's elements (`WebsiteConfiguration`, `IndexDocument`, …).
    xml_rows: Vec<Row>,
}

impl Placing<'_> {
    /// Ends the open container: the rows collected under it become its children, sent where
    /// it is sent.
    fn close_container(&mut self) {
        if let Some((i, children)) = self.open.take() {
            let loc = self.fields[i]
                .location
                .clone()
                .unwrap_or_else(|| location::BODY.into());
            for c in children {
                let mut f = leaf(&c);
                f.set_location(&loc);
                self.fields[i].children.push(f);
            }
        }
    }

    /// A later table beside a payload row lists the payload's members (iotedge `Payload`).
    /// Returns whether the table was read so.
    fn add_payload_members(&mut self, table: &TableRows) -> bool {
        if table.body || !table.rows.iter().all(|r| r.position.is_none()) {
            return false;
        }
        let Some(payload) = self
            .fields
            .iter_mut()
            .find(|f| f.location.as_deref() == Some(location::PAYLOAD))
        else {
            return false;
        };
        for r in &table.rows {
            let mut f = leaf(r);
            f.set_location(location::BODY);
            payload.children.push(f);
        }
        true
    }

    /// Reads one row of a table (`table_body`: the table is announced as the body).
    fn place_row(&mut self, r: &Row, table_body: bool, sink: &mut Sink) {
        let pos = r.position.as_deref().map(normalise_position);
        if r.name.is_empty() {
            self.close_container();
            self.whole_body = Some(r.clone());
            return;
        }
        if pos.as_deref() == Some("") {
            if let Some((_, children)) = self.open.as_mut() {
                children.push(r.clone());
                return;
            }
        }
        self.close_container();
        match self.destination(r, pos.as_deref(), table_body, sink) {
            Destination::BodyMember => self.body_rows.push(r.clone()),
            Destination::XmlElement => self.xml_rows.push(r.clone()),
            Destination::Field { location, name } => {
                self.push_field(r, name, &location, pos.is_some(), sink)
            }
        }
    }

    /// Where a named row travels: its Position column, else the table's announcement, else
    /// the evidence of the request line and of the request examples, else the query. Every
    /// inference is reported.
    fn destination(
        &self,
        r: &Row,
        pos: Option<&str>,
        table_body: bool,
        sink: &mut Sink,
    ) -> Destination {
        let line = self.line;
        // A name already placed is no placeholder a second time.
        let in_path =
            self.path_names.contains(&r.name) && !self.fields.iter().any(|f| f.name == r.name);
        let header = line.headers.iter().any(|h| h.eq_ignore_ascii_case(&r.name));
        // The key, or the value written for it (`?shard=shardId`, `?consumer=<consumer>`).
        let query_key = line
            .query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&r.name))
            .or_else(|| {
                line.query.iter().find(|(_, v)| {
                    text::bracketed(v)
                        .unwrap_or(v)
                        .eq_ignore_ascii_case(&r.name)
                })
            });
        let payload = line.payload.as_deref() == Some(r.name.as_str());
        // `Host: ProjectName.Endpoint` and this row `projectName`; a name placed already
        // (a second row) is not placed twice.
        let host_written = line
            .host
            .as_deref()
            .filter(|h| host_label(h).is_some_and(|l| same_name(l, &r.name)))
            .filter(|_| {
                !self
                    .fields
                    .iter()
                    .any(|f| f.location.as_deref() == Some(location::HOST))
            });
        let shown = shown_in(self.examples, &r.name);
        let body_named = !shown.query
            && (shown.json_body
                || line
                    .body_keys
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(&r.name)));
        let infer = |sink: &mut Sink, why: &str| {
            sink.warn(
                r.line,
                "roa-location-inferred",
                format!("`{}`: {why}", r.name),
            );
        };
        let field = |loc: &str| Destination::Field {
            location: loc.to_string(),
            name: r.name.clone(),
        };
        match pos {
            _ if in_path => {
                if pos.is_some_and(|p| p != "path" && !p.is_empty()) {
                    sink.warn(
                        r.line,
                        "roa-location",
                        format!(
                            "`{}` is a path placeholder but its row says `{}`; sent in the path",
                            r.name,
                            pos.unwrap_or("")
                        ),
                    );
                } else if pos.is_none() {
                    infer(
                        sink,
                        "no Position column; in the path because the path names it",
                    );
                }
                field(location::PATH)
            }
            Some(p) if !p.is_empty() => {
                if p == location::BODY && self.whole_body.is_some() {
                    return Destination::BodyMember;
                }
                field(p)
            }
            _ if table_body => Destination::BodyMember,
            // The body template or the example's JSON body naming it too (sls
            // `CreateProject`: `projectName` in the body) is the more particular evidence.
            _ if host_written.is_some() && !body_named => {
                infer(
                    sink,
                    &format!(
                        "no Position column; in the host name (`{{value}}.{{endpoint}}`) because the request syntax writes `Host: {}`",
                        host_written.unwrap_or_default()
                    ),
                );
                field(location::HOST)
            }
            _ if line.xml_body && !header && query_key.is_none() => Destination::XmlElement,
            _ if header => {
                infer(sink, "no Position column; a header because the request syntax has a header line of that name");
                field(location::HEADER)
            }
            _ if payload => {
                infer(sink, "no Position column; the whole body because the request syntax names it as the body");
                field(location::PAYLOAD)
            }
            _ if query_key.is_some() => {
                if let Some((key, _)) = query_key.filter(|(k, _)| *k != r.name) {
                    infer(
                        sink,
                        &format!("sent as query key `{key}`, the spelling of the request syntax"),
                    );
                    return Destination::Field {
                        location: location::QUERY.into(),
                        name: key.clone(),
                    };
                }
                infer(
                    sink,
                    "no Position column; in the query because the request syntax names it there",
                );
                field(location::QUERY)
            }
            _ if line
                .body_keys
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&r.name))
                && !shown.query =>
            {
                infer(sink, "no Position column; a body member because the request syntax's JSON body names it");
                Destination::BodyMember
            }
            _ if shown.json_body && !shown.query => {
                infer(sink, "no Position column; a body member because the request example's JSON body holds it");
                Destination::BodyMember
            }
            _ if shown.form_body && !shown.query => {
                infer(sink, "no Position column; a form field because the request example's form body holds it");
                field(location::FORM)
            }
            _ => {
                if shown.query {
                    infer(sink, "no Position column; in the query because the request example sends it there");
                } else {
                    infer(
                        sink,
                        "no position given and no example shows it; taken as a query parameter",
                    );
                }
                field(location::QUERY)
            }
        }
    }

    /// Adds a row as a field of its own (the first of two rows of one name is kept); a
    /// container row with a position opens a container for the position-less rows after it.
    fn push_field(
        &mut self,
        r: &Row,
        name: String,
        loc: &str,
        has_position: bool,
        sink: &mut Sink,
    ) {
        if let Some(prev) = self.fields.iter().find(|f| f.name == name) {
            sink.warn(
                r.line,
                "duplicate-field",
                format!(
                    "`{name}` is documented twice (also on line {}); the first row is kept",
                    prev.line
                ),
            );
            return;
        }
        let mut f = leaf(r);
        f.name = name;
        if loc == location::PATH && f.required != Some(true) {
            sink.warn(r.line, "roa-path", format!("path parameter `{}` is documented as optional; required, since the path cannot be built without it", f.name));
            f.required = Some(true);
        }
        f.set_location(loc);
        let container = f.ty.is_container() && r.marker.is_none() && has_position;
        self.fields.push(f);
        if container {
            self.open = Some((self.fields.len() - 1, Vec::new()));
        }
    }
}

/// The body is an XML document the request sends as written (the doc's rows are its elements,
/// nested by `父节点`/`Parent` prose the tree reader does not follow): one `Body` field.
fn xml_body_field(xml_rows: &[Row], syntax_line: usize, sink: &mut Sink) -> Field {
    let mut f = Field::bare("Body", Type::String, syntax_line);
    f.raw_type = "String".into();
    f.required = Some(xml_rows.iter().any(|r| r.required == Some(true)) || xml_rows.is_empty());
    let names: Vec<&str> = xml_rows.iter().map(|r| r.name.as_str()).collect();
    f.description = if names.is_empty() {
        "The XML document sent as the request body.".to_string()
    } else {
        format!(
            "The XML document sent as the request body. Its elements: {}.",
            names.join(", ")
        )
    };
    f.set_location(location::PAYLOAD);
    sink.warn(syntax_line, "roa-body", "the request syntax shows an XML body: the request holds it as one `Body` document, sent as written");
    f
}

/// Adds the JSON body's rows: as the members of an array body (a nameless `Array` row), or
/// each as a body field of its own.
fn add_body(
    fields: &mut Vec<Field>,
    whole_body: Option<Row>,
    body_rows: &[Row],
    body_example: Option<&Value>,
    sink: &mut Sink,
) {
    match whole_body {
        Some(w) if w.ty.ty == Some(Type::Array) => {
            // The body is an array whose items have the body rows as members.
            let mut f = leaf(&w);
            f.name = "Body".into();
            f.item_type = Some(Type::Object);
            f.children = body_tree(body_rows, None);
            f.set_location(location::PAYLOAD);
            sink.warn(w.line, "roa-body", "a nameless `Array` body row: the body is an array of the following Body rows, field `Body`");
            fields.push(f);
        }
        None if array_body(fields, body_rows, body_example, sink) => {}
        w => {
            if let Some(w) = &w {
                if !w.description.is_empty() {
                    sink.warn(w.line, "roa-body", format!("the nameless body row (\"{}\") stands for the body; its members are the Body rows", w.description.replace('\n', " ")));
                }
            }
            // The example nests the members only when no nameless row stands for the body.
            let example = body_example.cloned().filter(|_| w.is_none());
            for mut m in scalars_as_shown(body_tree(body_rows, example), body_example, sink) {
                if let Some(prev) = fields.iter().find(|f| f.name == m.name) {
                    sink.warn(m.line, "duplicate-field", format!("body field `{}` is also a request parameter (line {}); the first is kept", m.name, prev.line));
                    continue;
                }
                m.set_location(location::BODY);
                fields.push(m);
            }
        }
    }
}

/// The request example's body is a JSON array of objects, and the body rows are the members of
/// its items (or one list row stands for the whole array): the body is that array, one
/// `Body` field (as a nameless `Array` row makes it). Returns whether the body was read so.
fn array_body(
    fields: &mut Vec<Field>,
    body_rows: &[Row],
    body_example: Option<&Value>,
    sink: &mut Sink,
) -> bool {
    let Some(Value::Array(items)) = body_example else {
        return false;
    };
    if body_rows.is_empty() || !items.iter().all(Value::is_object) || items.is_empty() {
        return false;
    }
    // One item holding every member any item shows.
    let item = items.iter().cloned().fold(Value::Null, super::shape::merge);
    let keys: Vec<&String> = item
        .as_object()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    let as_written = body_tree(body_rows, None);
    let mut body = match as_written.as_slice() {
        // `RequestBody|Array` with `└name` rows: the row is the array itself.
        [only]
            if only.ty == Type::Array
                && !keys.iter().any(|k| same_name(&only.name, k))
                && only
                    .children
                    .iter()
                    .any(|c| keys.iter().any(|k| same_name(&c.name, k))) =>
        {
            let mut f = only.clone();
            f.children = scalars_as_shown(f.children, Some(&item), sink);
            f
        }
        _ => {
            let members = body_tree(body_rows, Some(item.clone()));
            let members = scalars_as_shown(members, Some(&item), sink);
            if !keys
                .iter()
                .all(|k| members.iter().any(|m| same_name(&m.name, k)))
            {
                return false;
            }
            let line = members.first().map_or(0, |m| m.line);
            let mut f = Field::bare("Body", Type::Array, line);
            f.raw_type = "Array".into();
            f.item_type = Some(Type::Object);
            f.required = Some(members.iter().any(|m| m.required == Some(true)));
            f.description =
                "The request body: a JSON array of objects with the members below.".into();
            f.children = members;
            f
        }
    };
    let line = body.line;
    body.set_location(location::PAYLOAD);
    sink.warn(line, "roa-body", format!("the request example's body is a JSON array whose items hold the body rows: the body is one list, field `{}`", body.name));
    fields.push(body);
    true
}

/// A body member typed as a bare list (`List`) whose example value is one scalar is read as
/// that scalar, and a list of objects whose example value is one object as that object: the
/// example is what the service was shown to accept.
fn scalars_as_shown(members: Vec<Field>, example: Option<&Value>, sink: &mut Sink) -> Vec<Field> {
    members
        .into_iter()
        .map(|mut f| {
            let shown = example.and_then(|e| e.get(&f.name));
            let scalar = shown.is_some_and(|v| !v.is_array() && !v.is_object() && !v.is_null());
            if f.ty == Type::Array && f.children.is_empty() && scalar {
                f.ty = f.item_type.take().unwrap_or(Type::String);
                sink.warn(f.line, "type-mismatch", format!("`{}` is `{}` in the table but one value in the request example; read as one value", f.name, f.raw_type));
            }
            // The same for a list of objects (`Array` with `└` members) shown as one object.
            if f.ty == Type::Array && !f.children.is_empty() && shown.is_some_and(Value::is_object)
            {
                f.ty = Type::Object;
                f.item_type = None;
                sink.warn(f.line, "type-mismatch", format!("`{}` is `{}` in the table but one object in the request example; read as one object", f.name, f.raw_type));
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests;
