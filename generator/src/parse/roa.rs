//! REST-style (ROA) docs: the method and path of the request-syntax block, where each request
//! field travels (path, query, header, JSON body), the body tree and the request example.
//!
//! The RPC reading of a doc runs first; [`apply`] then re-reads the parts that differ for a doc
//! whose request syntax is `METHOD /path`, and replaces the request fields and request
//! examples. Where a doc does not say where a field goes (no Position column), the evidence
//! used (a path placeholder, a header line, a body table) is reported as a warning.

use serde_json::Value;

use super::doc::{self, Block};
use super::table::RawTable;
use super::tree::{Builder, Row};
use super::{constraints, text, types};
use crate::diagnostics::Diagnostic;
use crate::model::{location, Api, Field, HttpRequestExample, QueryParam, Type};

/// `createInstance`: an H1 in lower camel case, accepted as an API name.
pub fn is_lower_camel_name(s: &str) -> bool {
    s.len() > 3
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// The first line of a request-syntax block, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    /// `POST`, or alternatives joined by `|`.
    pub method: String,
    /// The path as written, without query.
    pub path: String,
    /// `key=Value` pairs of a query template written in the path.
    pub query: Vec<(String, String)>,
    /// Names of `Name: Value` header lines after the first line.
    pub headers: Vec<String>,
    /// Whether a line names the body (`Payload`).
    pub payload: Option<String>,
}

fn is_method(word: &str) -> bool {
    !word.is_empty() && word.split('|').all(|m| METHODS.contains(&m))
}

/// Reads `METHOD PATH [HTTP/1.1]`, then header lines and a body line.
pub fn request_line(code: &str) -> Option<RequestLine> {
    let mut lines = code.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let mut words = first.split_whitespace();
    let method = words.next()?;
    if !is_method(method) {
        return None;
    }
    let target = words.next()?;
    let (path, query) = split_target(target)?;
    if query.iter().any(|(k, _)| k == "Action") {
        // `GET /?Action=X`: an RPC call written as a request line.
        return None;
    }
    let mut headers = Vec::new();
    let mut payload = None;
    for line in lines {
        match line.split_once(':') {
            Some((name, _)) if !name.contains(' ') && !name.is_empty() => {
                headers.push(name.to_string())
            }
            _ if line.chars().all(|c| c.is_ascii_alphanumeric()) => {
                payload = Some(line.to_string())
            }
            _ => {}
        }
    }
    Some(RequestLine {
        method: method.to_string(),
        path,
        query,
        headers,
        payload,
    })
}

/// A path or URL → (path starting with `/`, query pairs). Returns `None` for what is not one.
fn split_target(target: &str) -> Option<(String, Vec<(String, String)>)> {
    let rest = match target.split_once("://") {
        Some((_, after)) => after.find('/').map(|i| &after[i..]).unwrap_or("/"),
        None => target,
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.contains('=') || path.contains('&') {
        return None;
    }
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    let query = query
        .split('&')
        .filter(|p| !p.is_empty() && *p != "...")
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    Some((path, query))
}

/// The parts of a ROA doc that this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Syntax,
    Params,
    Body,
    Examples,
    Other,
}

fn heading(raw: &str) -> String {
    let mut t = raw.trim().to_string();
    if let Some(open) = t.rfind('{') {
        if t.ends_with('}') {
            t.truncate(open);
        }
    }
    let t = text::unescape(&t).replace('*', "").to_lowercase();
    let t = t.trim().trim_end_matches(['.', '：', ':', '。']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn part_of(raw: &str) -> Part {
    let h = heading(raw);
    match h.as_str() {
        "请求语法" | "request syntax" | "request structure" => Part::Syntax,
        "请求参数" | "request parameters" | "request parameter" | "请求参数说明" => {
            Part::Params
        }
        "requestbody" | "request body" | "请求体" => Part::Body,
        "示例" | "examples" | "example" | "完整示例" | "请求示例" | "sample requests" => {
            Part::Examples
        }
        _ => Part::Other,
    }
}

/// A request-table row with the position the doc gives it (`None`: no Position column).
#[derive(Debug, Clone)]
struct PlacedRow {
    row: Row,
    position: Option<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Columns {
    name: Option<usize>,
    ty: Option<usize>,
    position: Option<usize>,
    required: Option<usize>,
    example: Option<usize>,
    description: Option<usize>,
}

fn columns(header: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in header.iter().enumerate() {
        let h = text::plain(&text::clean_value(h)).to_lowercase();
        let slot = if h.contains("position") || h.contains("location") || h.contains("位置") {
            &mut c.position
        } else if h.contains("是否必") || h.contains("required") || h.contains("必填") {
            &mut c.required
        } else if h.contains("类型") || h.contains("type") {
            &mut c.ty
        } else if h.contains("示例") || h.contains("example") {
            &mut c.example
        } else if h.contains("描述") || h.contains("说明") || h.contains("description") {
            &mut c.description
        } else if h.contains("名称")
            || h.contains("参数")
            || h.contains("name")
            || h.contains("parameter")
            || h.contains("field")
            || h.contains("字段")
        {
            &mut c.name
        } else {
            continue;
        };
        slot.get_or_insert(i);
    }
    c
}

fn cell(cells: &[String], index: Option<usize>) -> &str {
    index
        .and_then(|i| cells.get(i))
        .map(String::as_str)
        .unwrap_or("")
}

fn required_flag(raw: &str) -> Option<bool> {
    let t = text::plain(&text::clean_value(raw)).to_lowercase();
    let t = t.trim_end_matches(['.', '。']);
    if matches!(t, "是" | "yes" | "required" | "true" | "必选" | "必填")
        || t.starts_with("required")
    {
        Some(true)
    } else if matches!(t, "否" | "no" | "optional" | "false" | "可选") {
        Some(false)
    } else {
        None
    }
}

/// Spellings of these docs that the shared type reader does not know: `List<String>` (with
/// any leftover escape) is an array, `Struts` is a misspelt `Struct`.
fn type_spelling(raw: &str) -> String {
    let t = raw.replace('\\', "");
    let t = t.trim();
    for generic in ["List<", "Array<"] {
        if let Some(item) = t.strip_prefix(generic).and_then(|r| r.strip_suffix('>')) {
            return format!("Array of {item}");
        }
    }
    if t.eq_ignore_ascii_case("struts") {
        return "Struct".into();
    }
    t.to_string()
}

/// Rows of one table; rows without a name are kept (a nameless row stands for the body).
fn read_rows(table: &RawTable, file: &str, diags: &mut Vec<Diagnostic>) -> Vec<PlacedRow> {
    let cols = columns(&table.header);
    if cols.name.is_none() {
        diags.push(Diagnostic::warning(
            file,
            table.line,
            "table-header",
            format!("no name column in table header {:?}", table.header),
        ));
        return Vec::new();
    }
    let mut out = Vec::new();
    for raw in &table.rows {
        let unescaped = text::unescape(cell(&raw.cells, cols.name));
        let (name, marker) = match unescaped.split_once('└') {
            Some((indent, rest)) => {
                let em = indent.chars().filter(|c| *c == '\u{2003}').count();
                (text::plain(text::trim(rest)), Some(em / 2 + 1))
            }
            None => (text::plain(text::trim(&unescaped)), None),
        };
        let raw_type = text::clean_value(cell(&raw.cells, cols.ty)).replace('\n', " ");
        let ty = types::parse_type(&type_spelling(&text::plain(&raw_type)));
        if ty.unknown {
            diags.push(Diagnostic::warning(
                file,
                raw.line,
                "unknown-type",
                format!("type `{raw_type}` of `{name}` is not known; read as a string"),
            ));
        }
        let required = required_flag(cell(&raw.cells, cols.required)).unwrap_or(false);
        let example = text::clean_value(cell(&raw.cells, cols.example));
        let example = (!example.is_empty() && example != "N/A").then_some(example);
        let position = cols.position.map(|_| {
            text::plain(&text::clean_value(cell(&raw.cells, cols.position))).to_lowercase()
        });
        out.push(PlacedRow {
            row: Row {
                name,
                marker,
                ty,
                raw_type,
                required: Some(required),
                example,
                description: text::clean_cell(cell(&raw.cells, cols.description)),
                line: raw.line,
            },
            position,
        });
    }
    out
}

/// What the doc's blocks hold for the ROA reading.
#[derive(Default)]
struct Read<'a> {
    syntax: Option<(RequestLine, usize)>,
    params: Option<&'a RawTable>,
    /// Tables announced as the body (a `RequestBody` heading, label or sentence).
    body: Vec<&'a RawTable>,
    /// Further tables of the parameter section (a payload's members).
    more: Vec<&'a RawTable>,
    /// Code blocks of the examples section.
    examples: Vec<(&'a str, usize)>,
}

fn read(blocks: &[Block]) -> Read<'_> {
    let mut r = Read::default();
    let mut part = Part::Other;
    let mut body_next = false;
    for block in blocks {
        match block {
            Block::Heading { level, text: t, .. } => {
                if *level <= 2 {
                    part = part_of(t);
                    body_next = part == Part::Body;
                } else if heading(t).contains("requestbody") {
                    body_next = true;
                }
            }
            Block::Paragraph { text: t, .. } if part == Part::Params || part == Part::Body => {
                let plain = text::plain(t);
                if plain.contains("RequestBody") {
                    body_next = true;
                }
            }
            Block::Code { text: t, line, .. } => {
                if part == Part::Syntax && r.syntax.is_none() {
                    r.syntax = request_line(t).map(|l| (l, *line));
                } else if part == Part::Examples {
                    r.examples.push((t.as_str(), *line));
                }
            }
            Block::Table(t) => match part {
                Part::Params | Part::Body if body_next => r.body.push(t),
                Part::Params if r.params.is_none() => r.params = Some(t),
                Part::Params => r.more.push(t),
                _ => {}
            },
            _ => {}
        }
    }
    r
}

/// One path segment that names a parameter: `[Name]`, `{name}`, or a bare name.
fn placeholder(segment: &str) -> Option<&str> {
    segment
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .filter(|s| !s.is_empty())
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

fn warn(diags: &mut Vec<Diagnostic>, file: &str, line: usize, kind: &'static str, m: String) {
    diags.push(Diagnostic::warning(file, line, kind, m));
}

/// Rewrites an RPC reading of a ROA doc. Does nothing to a doc without a `METHOD /path`
/// request-syntax block (a link that says `type=ROA` without one is reported).
pub fn apply(api: &mut Api, file: &str, source: &str, diags: &mut Vec<Diagnostic>) {
    // RPC docs have no request-syntax heading: skip re-reading their blocks.
    let has_syntax = source.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("## ") && part_of(&t[3..]) == Part::Syntax
    });
    let blocks = if has_syntax {
        doc::blocks(source)
    } else {
        Vec::new()
    };
    let found = read(&blocks);
    let Some((line, syntax_line)) = found.syntax.clone() else {
        if api.style == "ROA" {
            warn(diags, file, 0, "roa-syntax", "the OpenAPI Explorer link says ROA but no request-syntax block gives a method and a path; read as RPC".into());
            api.style = "RPC".into();
        }
        return;
    };
    api.style = "ROA".into();
    api.method = Some(line.method.clone());
    let mut rows: Vec<PlacedRow> = found
        .params
        .map(|t| read_rows(t, file, diags))
        .unwrap_or_default();

    // Path template: every placeholder becomes `{Name}` with a row's exact name.
    let mut template = String::new();
    let mut path_names: Vec<String> = Vec::new();
    for segment in line.path.split('/').filter(|s| !s.is_empty()) {
        let written = placeholder(segment);
        let may_be_bare = |r: &PlacedRow| {
            r.position
                .as_deref()
                .is_none_or(|p| p.is_empty() || p == "path")
        };
        let row = match written {
            Some(name) => rows.iter().position(|r| r.row.name == name),
            None => rows
                .iter()
                .position(|r| r.row.name == segment && may_be_bare(r))
                .or_else(|| {
                    rows.iter()
                        .position(|r| may_be_bare(r) && is_transposition(segment, &r.row.name))
                }),
        };
        let name = match (row, written) {
            (Some(i), _) => {
                let name = rows[i].row.name.clone();
                if written.is_none() && name != segment {
                    warn(diags, file, syntax_line, "roa-path", format!("path segment `{segment}` is read as parameter `{name}` (letters swapped)"));
                }
                Some(name)
            }
            (None, Some(name)) => {
                warn(diags, file, syntax_line, "roa-path", format!("path placeholder `{segment}` has no request-table row; added as a required string"));
                rows.push(PlacedRow {
                    row: Row {
                        name: name.to_string(),
                        marker: None,
                        ty: types::parse_type("String"),
                        raw_type: "String".into(),
                        required: Some(true),
                        example: None,
                        description: String::new(),
                        line: syntax_line,
                    },
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
                path_names.push(n);
            }
            None => template.push_str(segment),
        }
    }
    if template.is_empty() {
        template.push('/');
    }
    api.path = Some(template);

    let mut request = place_fields(&rows, &line, &path_names, file, syntax_line, diags);
    let body_rows: Vec<Row> = found
        .body
        .iter()
        .flat_map(|t| read_rows(t, file, diags))
        .map(|p| p.row)
        .collect();
    let example = examples(&found.examples, &line, file, diags);
    if !body_rows.is_empty() {
        let body_example = example.first().and_then(|e| e.body.as_deref());
        let body_example = body_example.and_then(|b| serde_json::from_str::<Value>(b).ok());
        let members = body_tree(&body_rows, body_example.clone());
        for mut f in scalars_as_shown(members, body_example.as_ref(), file, diags) {
            set_location(&mut f, location::BODY);
            if request.iter().any(|r| r.name == f.name) {
                warn(
                    diags,
                    file,
                    f.line,
                    "duplicate-field",
                    format!(
                        "body field `{}` is also a request parameter; the first is kept",
                        f.name
                    ),
                );
                continue;
            }
            request.push(f);
        }
    }
    // A payload's own table: its members, for the documentation (the value is sent as given).
    if let Some(payload) = request
        .iter_mut()
        .find(|f| f.location.as_deref() == Some(location::PAYLOAD))
    {
        for t in &found.more {
            for p in read_rows(t, file, diags) {
                let mut f = leaf(&p.row);
                f.location = Some(location::BODY.into());
                payload.children.push(f);
            }
        }
    }
    let mut for_siblings = Vec::new();
    super::visit_in_place(&mut request, "", &mut |f, path, place| {
        let found = constraints::extract_in(&f.description, &super::rule_type(f), place);
        let parent = path.strip_suffix(f.name.as_str()).unwrap_or("");
        for (name, c) in found.for_siblings {
            for_siblings.push((format!("{parent}{name}"), c));
        }
        for sentence in found.not_understood {
            diags.push(Diagnostic::note(
                file,
                f.line,
                "rule-not-understood",
                format!("`{path}`: {}", sentence.replace('\n', " ")),
            ));
        }
        f.constraints = found.constraints;
    });
    super::place_on_siblings(&mut request, for_siblings);
    // The RPC reading already reported these rows' sentences once.
    dedup_notes(diags);
    api.request = request;
    api.examples.requests.clear();
    api.examples.http_requests = example;
}

fn dedup_notes(diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::BTreeSet::new();
    diags.retain(|d| {
        d.kind != "rule-not-understood" || seen.insert((d.file.clone(), d.line, d.message.clone()))
    });
}

fn set_location(f: &mut Field, loc: &str) {
    f.location = Some(loc.to_string());
    for c in &mut f.children {
        set_location(c, loc);
    }
}

fn leaf(row: &Row) -> Field {
    let mut b = Builder::new(None, false);
    b.push(row, &[], false);
    b.finish().pop().unwrap_or_else(|| Field {
        name: row.name.clone(),
        ty: Type::String,
        raw_type: row.raw_type.clone(),
        required: row.required,
        item_type: None,
        wire: None,
        location: None,
        example: row.example.clone(),
        description: row.description.clone(),
        translations: Vec::new(),
        constraints: Vec::new(),
        demoted: Vec::new(),
        children: Vec::new(),
        line: row.line,
        written_name: None,
    })
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

/// A body member typed as a bare list (`List`) whose example value is one scalar is read as
/// that scalar: the example is what the service was shown to accept.
fn scalars_as_shown(
    members: Vec<Field>,
    example: Option<&Value>,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Field> {
    members
        .into_iter()
        .map(|mut f| {
            let shown = example.and_then(|e| e.get(&f.name));
            let scalar = shown.is_some_and(|v| !v.is_array() && !v.is_object() && !v.is_null());
            if f.ty == Type::Array && f.children.is_empty() && scalar {
                f.ty = f.item_type.take().unwrap_or(Type::String);
                warn(diags, file, f.line, "type-mismatch", format!("`{}` is `{}` in the table but one value in the request example; read as one value", f.name, f.raw_type));
            }
            f
        })
        .collect()
}

fn normalise_position(p: &str) -> String {
    match p {
        "path" | "query" | "header" | "body" | "host" => p.to_string(),
        "formdata" | "form" => "form".into(),
        other => other.to_string(),
    }
}

/// The request fields of the parameter table, each with its location.
fn place_fields(
    rows: &[PlacedRow],
    line: &RequestLine,
    path_names: &[String],
    file: &str,
    syntax_line: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    // Rows of a nameless body row, or children (empty position) of a body container.
    let mut body_group: Vec<Row> = Vec::new();
    let mut open_container: Option<(usize, Vec<Row>)> = None;
    let mut whole_body: Option<&PlacedRow> = None;
    let flush = |out: &mut Vec<Field>, open: &mut Option<(usize, Vec<Row>)>| {
        if let Some((i, children)) = open.take() {
            let parent = &mut out[i];
            for c in children {
                let mut f = leaf(&c);
                set_location(&mut f, parent.location.as_deref().unwrap_or(location::BODY));
                parent.children.push(f);
            }
        }
    };
    for p in rows {
        let r = &p.row;
        let pos = p.position.as_deref().map(normalise_position);
        if r.name.is_empty() {
            if pos.as_deref() == Some("body") || pos.is_none() {
                flush(&mut out, &mut open_container);
                whole_body = Some(p);
            } else {
                warn(
                    diags,
                    file,
                    r.line,
                    "empty-name",
                    "table row without a name is skipped".into(),
                );
            }
            continue;
        }
        // A row with an empty position after a container row is one of its members.
        if pos.as_deref() == Some("") {
            if let Some((_, children)) = open_container.as_mut() {
                children.push(r.clone());
                continue;
            }
        }
        flush(&mut out, &mut open_container);
        // A name placed in the path already: a second row (a body member) keeps its position.
        let in_path = path_names.contains(&r.name) && !out.iter().any(|f| f.name == r.name);
        let header = line.headers.iter().any(|h| h.eq_ignore_ascii_case(&r.name));
        let query_key = line
            .query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&r.name));
        let payload = line.payload.as_deref() == Some(r.name.as_str());
        let mut name = r.name.clone();
        let loc = match pos.as_deref() {
            _ if in_path => {
                if pos.as_deref().is_some_and(|p| p != "path") {
                    warn(
                        diags,
                        file,
                        r.line,
                        "roa-location",
                        format!(
                            "`{}` is a path placeholder but its row says `{}`; sent in the path",
                            r.name,
                            pos.as_deref().unwrap_or("")
                        ),
                    );
                } else if pos.is_none() {
                    warn(
                        diags,
                        file,
                        r.line,
                        "roa-location-inferred",
                        format!(
                            "`{}`: no Position column; in the path because the path names it",
                            r.name
                        ),
                    );
                }
                location::PATH.to_string()
            }
            Some(p) if !p.is_empty() => {
                if p == "body" && whole_body.is_some() {
                    body_group.push(r.clone());
                    continue;
                }
                p.to_string()
            }
            _ if header => {
                warn(diags, file, r.line, "roa-location-inferred", format!("`{}`: no Position column; a header because the request syntax has a `{}:` line", r.name, r.name));
                location::HEADER.into()
            }
            _ if payload => {
                warn(diags, file, r.line, "roa-location-inferred", format!("`{}`: no Position column; the whole body because the request syntax names it as the body", r.name));
                location::PAYLOAD.into()
            }
            _ => {
                if let Some((key, _)) = query_key {
                    if *key != r.name {
                        warn(diags, file, r.line, "roa-location-inferred", format!("`{}`: sent as query key `{key}`, the spelling of the request syntax", r.name));
                        name = key.clone();
                    }
                }
                warn(
                    diags,
                    file,
                    r.line,
                    "roa-location-inferred",
                    format!(
                        "`{}`: no position given; taken as a query parameter",
                        r.name
                    ),
                );
                location::QUERY.into()
            }
        };
        if out.iter().any(|f| f.name == name) {
            warn(
                diags,
                file,
                r.line,
                "duplicate-field",
                format!("`{name}` appears twice in the request table; the second row is ignored"),
            );
            continue;
        }
        let mut f = leaf(r);
        f.name = name;
        if loc == location::PATH && f.required != Some(true) {
            warn(diags, file, r.line, "roa-path", format!("path parameter `{}` is documented as optional; required, since the path cannot be built without it", f.name));
            f.required = Some(true);
        }
        set_location(&mut f, &loc);
        let container = f.ty.is_container() && r.marker.is_none();
        out.push(f);
        if container && p.position.is_some() {
            open_container = Some((out.len() - 1, Vec::new()));
        }
    }
    flush(&mut out, &mut open_container);
    if let Some(w) = whole_body {
        let r = &w.row;
        let members = body_tree(&body_group, None);
        if r.ty.ty == Some(Type::Array) {
            // The body is an array whose items have the following rows as members.
            let mut f = leaf(r);
            f.name = "Body".into();
            f.item_type = Some(Type::Object);
            f.children = members;
            set_location(&mut f, location::PAYLOAD);
            warn(diags, file, r.line, "roa-body", "a nameless `Array` body row: the body is an array of the following Body rows, field `Body`".into());
            out.push(f);
        } else {
            for mut m in members {
                set_location(&mut m, location::BODY);
                out.push(m);
            }
            if !r.description.is_empty() {
                warn(diags, file, r.line, "roa-body", format!("the nameless body row (\"{}\") stands for the body; its members are the Body rows", r.description.replace('\n', " ")));
            }
        }
    } else if !body_group.is_empty() {
        for mut m in body_tree(&body_group, None) {
            set_location(&mut m, location::BODY);
            out.push(m);
        }
    }
    let _ = syntax_line;
    out
}

/// The request examples: method, path, query, and a JSON body if one follows.
fn examples(
    blocks: &[(&str, usize)],
    syntax: &RequestLine,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<HttpRequestExample> {
    let mut out = Vec::new();
    for (code, line) in blocks {
        let Some((method, target, rest)) = example_request(code) else {
            continue;
        };
        let Some((path, query)) = split_target(&target) else {
            continue;
        };
        let body = rest.find(['{', '[']).and_then(|start| {
            let mut stream =
                serde_json::Deserializer::from_str(&rest[start..]).into_iter::<Value>();
            match stream.next() {
                Some(Ok(v)) => Some(v),
                _ => {
                    warn(
                        diags,
                        file,
                        *line,
                        "invalid-example",
                        "the request example's body is not JSON; left out".into(),
                    );
                    None
                }
            }
        });
        let method = if is_method(&method) {
            method
        } else {
            syntax.method.clone()
        };
        out.push(HttpRequestExample {
            method,
            path,
            query: query
                .into_iter()
                .map(|(name, value)| QueryParam {
                    name: crate::parse::text::percent_decode(&name),
                    value: crate::parse::text::percent_decode(&value),
                })
                .collect(),
            body: body.map(|b| b.to_string()),
            file: file.to_string(),
            line: *line,
        });
    }
    out
}

/// `METHOD target rest…` from a request example, or a `curl` command (`-X`, `-d '…'`).
fn example_request(code: &str) -> Option<(String, String, String)> {
    let trimmed = code.trim_start();
    let first = trimmed.lines().next()?.trim();
    if let Some(cmd) = first
        .strip_prefix("$ ")
        .unwrap_or(first)
        .strip_prefix("curl ")
    {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        let method = words
            .iter()
            .position(|w| *w == "-X")
            .and_then(|i| words.get(i + 1))
            .map(|m| m.to_string());
        let url = words.iter().rev().find(|w| w.contains("://"))?;
        let data = cmd
            .split_once("-d '")
            .and_then(|(_, after)| after.split_once('\''))
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        let method = method.unwrap_or_else(|| if data.is_empty() { "GET" } else { "POST" }.into());
        return Some((method, url.to_string(), data));
    }
    let mut words = first.split_whitespace();
    let method = words.next()?;
    if !is_method(method) {
        return None;
    }
    let target = words.next()?.to_string();
    let after_first = &trimmed[trimmed.find(&target)? + target.len()..];
    Some((method.to_string(), target, after_first.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let l = request_line("\n     PATCH|POST /openapi/instances/[InstanceId]/x HTTPS|HTTP \n")
            .unwrap();
        assert_eq!(
            (l.method.as_str(), l.path.as_str()),
            ("PATCH|POST", "/openapi/instances/[InstanceId]/x")
        );
        let l = request_line("GET /2020-04-30/things?productkey=ProductKey&devicename=DeviceName HTTP/1.1\nCookie: Cookie\n\nPayload").unwrap();
        assert_eq!(l.path, "/2020-04-30/things");
        assert_eq!(
            l.query[0],
            ("productkey".to_string(), "ProductKey".to_string())
        );
        assert_eq!(l.headers, vec!["Cookie".to_string()]);
        assert_eq!(l.payload.as_deref(), Some("Payload"));
        assert!(request_line("http://vpc.aliyuncs.com/?Action=X").is_none());
        assert!(request_line("GET /?Action=X&RegionId=Y").is_none());
    }

    #[test]
    fn type_spellings() {
        assert_eq!(type_spelling(r"List<String\>"), "Array of String");
        assert_eq!(type_spelling("Struts"), "Struct");
        assert_eq!(type_spelling("Long"), "Long");
    }

    #[test]
    fn placeholders_and_typos() {
        assert_eq!(placeholder("[InstanceId]"), Some("InstanceId"));
        assert_eq!(placeholder("{apiId}"), Some("apiId"));
        assert_eq!(placeholder("things"), None);
        assert!(is_transposition("ProdcutKey", "ProductKey"));
        assert!(!is_transposition("ProductKey", "ProductKey"));
        assert!(!is_transposition("tsls", "things"));
        assert!(is_lower_camel_name("createInstance"));
        assert!(!is_lower_camel_name("overview"));
    }

    const DOC: &str = "# CreateThing\n\n## 请求语法\n\n```\nPOST /v1/groups/[GroupId]/things HTTP/1.1\n```\n\n## 请求参数\n\n|名称|类型|位置|是否必选|示例值|描述|\n|--|--|--|--|--|--|\n|GroupId|String|Path|是|g 1|组。 |\n|Mode|String|Query|否|fast|模式。 |\n\nRequestBody中需要填入以下参数。\n\n|参数|类型|是否必填|示例值|描述|\n|--|--|--|--|--|\n|spec|Struct|是| |规格。 |\n|└size|Integer|否|2|大小。 |\n\n## 返回数据\n\n|名称|类型|示例值|描述|\n|--|--|--|--|\n|RequestId|String|r|请求ID。 |\n\n## 示例\n\n请求示例\n\n```\nPOST /v1/groups/g%201/things?Mode=fast HTTP/1.1\n公共请求头\n{\"spec\": {\"size\": 2}}\n```\n";

    #[test]
    fn a_small_roa_doc() {
        let (api, diags) = super::super::parse_doc("t.md", DOC, &Default::default()).unwrap();
        assert_eq!(api.style, "ROA");
        assert_eq!(api.method.as_deref(), Some("POST"));
        assert_eq!(api.path.as_deref(), Some("/v1/groups/{GroupId}/things"));
        let locs: Vec<(&str, &str)> = api
            .request
            .iter()
            .map(|f| (f.name.as_str(), f.location.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            locs,
            vec![("GroupId", "path"), ("Mode", "query"), ("spec", "body")]
        );
        assert_eq!(api.request[2].children[0].name, "size");
        assert_eq!(api.request[2].children[0].location.as_deref(), Some("body"));
        let ex = &api.examples.http_requests[0];
        assert_eq!(ex.path, "/v1/groups/g%201/things");
        assert_eq!(ex.query[0].value, "fast");
        assert_eq!(ex.body.as_deref(), Some(r#"{"spec":{"size":2}}"#));
        assert!(api.examples.requests.is_empty(), "{diags:?}");
    }
}
