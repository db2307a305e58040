//! Markdown → IR: [`parse_doc`] is a pipeline of named steps, each in its own file, all
//! reporting through one [`sink::Sink`]:
//!
//! 1. [`sections`]: blocks by normalised heading (request, response, examples, errors, …);
//! 2. [`rows`]: the parameter rows of the request and response tables;
//! 3. [`identity`]: API name, product, version, style;
//! 4. [`examples`]: request and response examples, validity checked;
//! 5. trees: [`request`] (names, example JSON, [`wire`] forms) and [`response`] (rows placed
//!    with the merged example [`shape`]), then [`names`] reports Rust-name collisions;
//! 6. [`errors`]: the error table.
//!
//! Product-level pages (endpoint tables, common parameters, overviews) are no API docs: the
//! loader reads them with [`product_page`], outside this pipeline.

pub mod constraints;
pub mod doc;
pub mod errors;
pub mod evidence;
pub mod examples;
pub mod http_examples;
pub mod identity;
pub mod names;
pub mod product_page;
pub mod request;
pub mod request_line;
pub mod response;
pub mod roa;
pub mod roa_shown;
pub mod rows;
pub mod sections;
pub mod shape;
pub mod sink;
pub mod table;
pub mod text;
pub mod tree;
pub mod types;
pub mod wire;

use crate::diagnostics::{Diagnostic, Failure};
use crate::model::{Api, Field, Source, Type};
use sections::Section;
use sink::Sink;
use tree::Row;

/// Product and version to use when the doc's OpenAPI Explorer link does not give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocDefaults {
    pub product: Option<String>,
    pub version: Option<String>,
}

/// Parses one API document.
///
/// Returns the API and warnings; fails only when the text cannot be read as an API document
/// (no request table, no API name).
pub fn parse_doc(
    file: &str,
    source: &str,
    defaults: &DocDefaults,
) -> Result<(Api, Vec<Diagnostic>), Failure> {
    let mut sink = Sink::new(file);
    let blocks = sections::blocks(source);
    let sections = sections::split(&blocks, &mut sink);

    let request_tables = sections.request_tables();
    // REST-style: the syntax section's request line, else a request example written that way.
    let http = http_examples::http_requests(&sections, file);
    // (An example that writes no method, a bare URL, shows no request line.)
    let syntax = request_line::syntax(&sections).or_else(|| {
        http.iter()
            .find(|e| !e.method.is_empty())
            .map(|e| (request_line::line_of_example(e), e.line))
    });
    if request_tables.is_empty() && syntax.is_none() {
        return Err(no_request_table(file, &sections, &sink));
    }
    let mut tables = request_table_rows(&request_tables, syntax.is_some(), &mut sink);
    // The first response table is the main one; later ones list members of its containers.
    let response_tables: Vec<Vec<Row>> = response_parameter_tables(&sections)
        .map(|t| rows::rows_of(t, false, &mut sink))
        .collect();
    // A table cut short would be a struct that silently lacks fields: the doc is not read.
    let parameter_tables = request_tables
        .iter()
        .map(|t| t.table)
        .chain(response_parameter_tables(&sections));
    for t in parameter_tables {
        if let Some((line, why)) = table::cut_short(t) {
            return Err(sink.fail(line, "table-cut", why));
        }
    }

    let summary = sections.summary();
    let id = identify(
        &sections,
        &mut tables,
        &summary,
        defaults,
        syntax.is_some(),
        &mut sink,
    )?;
    let mut examples = examples::collect(&sections, &id.name, &mut sink);

    let request = match syntax {
        Some((line, syntax_line)) => {
            let request = rest_request(tables, line, syntax_line, &http, &mut sink);
            // The examples are HTTP requests; their RPC reading is no request.
            examples.requests.clear();
            examples.http_requests = http;
            request
        }
        None => rpc_request(tables, &examples.requests, &mut sink),
    };
    let Request {
        fields: mut request,
        method,
        path,
        style,
        content_type,
    } = request;
    if id.style == "ROA" && style == "RPC" {
        sink.warn(0, "roa-syntax", "the OpenAPI Explorer link says ROA but no request line gives a method and a path; read as RPC");
    }
    numbers_shown_as_text(&mut request, &mut sink);
    add_constraints(&mut request, &mut sink);
    if style == "RPC" {
        wire::settle(&mut request, &examples.requests, &mut sink);
    }
    let response = response_fields(&response_tables, &examples.responses, &mut sink);
    names::report_collisions(&request, "", &mut sink);
    names::report_collisions(&response, "", &mut sink);

    let errors = errors::collect(&sections, &mut sink);

    let mut api = Api {
        name: id.name,
        product: id.product,
        version: id.version,
        style,
        method,
        path,
        content_type,
        summary,
        sources: vec![Source {
            file: file.to_string(),
            lang: sections.lang.to_string(),
        }],
        request,
        response,
        errors,
        examples,
    };
    // The doc's own values against the rules read from its prose.
    sink.extend(evidence::settle(&mut api));
    Ok((api, sink.finish()))
}

/// Why a doc with neither a request table nor a request line is not read.
fn no_request_table(file: &str, sections: &sections::Sections<'_>, sink: &Sink) -> Failure {
    // A page with no request section at all is no API reference (an overview, an endpoint
    // list): a note. A request section without a readable table is an error.
    if !sections.seen.contains(&Section::Request) {
        return Diagnostic::note(
            file,
            0,
            "not-an-api-page",
            "not an API reference (no request parameters section); skipped",
        )
        .into();
    }
    sink.fail(
        0,
        "not-an-api-doc",
        "no request parameter table: expected a `## 请求参数` / `## Request parameters` heading followed by a pipe table",
    )
}

/// The rows of the request tables. An RPC request takes its parameters from the first table
/// only (later ones are kept empty and reported by [`rpc_request`]); a REST-style one reads
/// every table.
fn request_table_rows(
    request_tables: &[sections::RequestTable<'_>],
    rest_style: bool,
    sink: &mut Sink,
) -> Vec<roa::TableRows> {
    let read = if rest_style { request_tables.len() } else { 1 };
    request_tables
        .iter()
        .enumerate()
        .map(|(i, t)| roa::TableRows {
            rows: if i < read {
                rows::rows_of(t.table, true, sink)
            } else {
                Vec::new()
            },
            body: t.body,
            line: t.table.line,
        })
        .collect()
}

/// The response section's tables that have a parameter-name column.
fn response_parameter_tables<'s, 'a>(
    sections: &'s sections::Sections<'a>,
) -> impl Iterator<Item = &'a table::RawTable> + 's {
    sections
        .tables(Section::Response)
        .filter(|t| rows::param_columns(&t.header).name.is_some())
}

/// The API's identity, read with the first request table's rows (which may lose the `Action`
/// row to it).
fn identify(
    sections: &sections::Sections<'_>,
    tables: &mut [roa::TableRows],
    summary: &str,
    defaults: &DocDefaults,
    rest_style: bool,
    sink: &mut Sink,
) -> Result<identity::Identity, Failure> {
    let mut first_rows = tables
        .first_mut()
        .map(|t| std::mem::take(&mut t.rows))
        .unwrap_or_default();
    let id = identity::identify(
        sections,
        &mut first_rows,
        summary,
        defaults,
        rest_style,
        sink,
    )?;
    if let Some(t) = tables.first_mut() {
        t.rows = first_rows;
    }
    Ok(id)
}

/// The request fields and how the request travels, before the constraints are read.
struct Request {
    fields: Vec<Field>,
    method: Option<String>,
    path: Option<String>,
    style: String,
    content_type: Option<String>,
}

/// A REST-style request: every table's rows placed by the request line and examples.
fn rest_request(
    tables: Vec<roa::TableRows>,
    line: request_line::RequestLine,
    syntax_line: usize,
    http: &[crate::model::HttpRequestExample],
    sink: &mut Sink,
) -> Request {
    let placed = roa::place(tables, &line, syntax_line, http, sink);
    // JSON is the default; any other body type is sent as the doc says.
    let content_type = match (&line.content_type, line.xml_body) {
        (Some(t), _) if !t.contains("json") => Some(t.clone()),
        (_, true) => Some("application/xml".to_string()),
        _ => None,
    };
    Request {
        fields: placed.fields,
        method: Some(line.method),
        path: Some(placed.path),
        style: "ROA".to_string(),
        content_type,
    }
}

/// An RPC request: the first table's rows as a tree; later tables are reported unread.
fn rpc_request(
    tables: Vec<roa::TableRows>,
    examples: &[crate::model::RequestExample],
    sink: &mut Sink,
) -> Request {
    for extra in tables.iter().skip(1) {
        sink.warn(
            extra.line,
            "request-table-unread",
            "a further parameter table of the request section is not read as parameters: an RPC request takes its parameters from the first table",
        );
    }
    let mut rows = tables
        .into_iter()
        .next()
        .map(|t| t.rows)
        .unwrap_or_default();
    Request {
        fields: request::build(&mut rows, examples, sink),
        method: None,
        path: None,
        style: "RPC".to_string(),
        content_type: None,
    }
}

/// The response fields: the tables' rows placed with the examples' shape, and the values
/// their descriptions list.
fn response_fields(
    response_tables: &[Vec<Row>],
    examples: &[crate::model::ResponseExample],
    sink: &mut Sink,
) -> Vec<Field> {
    let (mut response, notes) = response::build(response_tables, examples);
    sink.notes(notes);
    add_response_values(&mut response);
    if response_tables.is_empty() {
        sink.warn(0, "no-response-table", no_response_table(&response));
    }
    response
}

/// What the `no-response-table` warning says the response type holds: nothing, or only the
/// fields the response examples show.
fn no_response_table(response: &[Field]) -> String {
    if response.is_empty() {
        return "no response table and no response example to read fields from: the response type has no fields (a call tells success or a typed error, nothing more)".to_string();
    }
    let names: Vec<&str> = response.iter().map(|f| f.name.as_str()).collect();
    format!(
        "no response table: the response type holds only what the response examples show ({})",
        names.join(", ")
    )
}

/// Visits every request field, depth first, with its dotted path and the wire names of its
/// siblings at the same level (itself excluded): relations only hold between siblings.
pub fn visit_with_siblings(
    fields: &mut [Field],
    path: &str,
    visit: &mut dyn FnMut(&mut Field, &str, &[&str]),
) {
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    for (i, f) in fields.iter_mut().enumerate() {
        let siblings: Vec<&str> = names
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, n)| n.as_str())
            .collect();
        let full = format!("{path}{}", f.name);
        visit(f, &full, &siblings);
        visit_with_siblings(&mut f.children, &format!("{full}."), visit);
    }
}

/// Visits every request field, depth first, with its dotted path and its [`constraints::Place`]:
/// its own name, its parent's path and the other members of its level (with their descriptions),
/// for the extractor's relations between members of one list item.
pub fn visit_in_place(
    fields: &mut [Field],
    path: &str,
    visit: &mut dyn FnMut(&mut Field, &str, &constraints::Place),
) {
    visit_level(fields, path, &[], visit);
}

/// [`visit_in_place`] of one level, with the dotted paths of the enclosing levels' fields.
fn visit_level(
    fields: &mut [Field],
    path: &str,
    outer: &[String],
    visit: &mut dyn FnMut(&mut Field, &str, &constraints::Place),
) {
    let level: Vec<constraints::Sibling> = fields
        .iter()
        .map(|f| constraints::Sibling {
            name: f.name.clone(),
            description: f.description.clone(),
            example: f.example.clone(),
        })
        .collect();
    let parent = path.strip_suffix('.').unwrap_or(path);
    for (i, f) in fields.iter_mut().enumerate() {
        let siblings: Vec<&constraints::Sibling> = level
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, s)| s)
            .collect();
        let own = level[i].name.clone();
        let full = format!("{path}{}", f.name);
        let outer_refs: Vec<&str> = outer.iter().map(String::as_str).collect();
        let example = level[i].example.clone();
        let place = constraints::Place {
            own: &own,
            parent,
            siblings: &siblings,
            outer: &outer_refs,
            example: example.as_deref(),
        };
        visit(f, &full, &place);
        if !f.children.is_empty() {
            let mut inner = outer.to_vec();
            inner.extend(level.iter().map(|s| format!("{path}{}", s.name)));
            visit_level(&mut f.children, &format!("{full}."), &inner, visit);
        }
    }
}

/// The type whose values a field's rules talk about (an array's items).
pub fn rule_type(f: &Field) -> Type {
    if f.ty == Type::Array {
        f.item_type.clone().unwrap_or(Type::String)
    } else {
        f.ty.clone()
    }
}

/// Runs the prose-constraint extractor over every request field.
/// A request parameter typed as a number whose own example is text (`vpcId|Integer|…|vpc-bp1…`)
/// is sent as text: the number type would refuse the very value the doc shows, while text
/// sends a number the same way on the wire. Masks (`*`) are not evidence either way.
fn numbers_shown_as_text(request: &mut [Field], sink: &mut Sink) {
    let numeric = |t: &Type| matches!(t, Type::Integer | Type::Long | Type::Float | Type::Double);
    visit_in_place(request, "", &mut |f, path, _| {
        let scalar = numeric(&f.ty);
        let items = f.ty == Type::Array && f.item_type.as_ref().is_some_and(numeric);
        let Some(example) = f.example.as_deref().filter(|_| scalar || items) else {
            return;
        };
        let text = |v: &str| {
            let core: String = v.chars().filter(|c| *c != '*').collect();
            core.trim().parse::<f64>().is_err() && core.chars().any(char::is_alphabetic)
        };
        // A list's example may be a JSON array (`[1, 2]`) or a comma-separated list.
        let shown_as_text = if items {
            let inner = example.trim().trim_start_matches('[').trim_end_matches(']');
            inner
                .split(',')
                .map(|v| v.trim().trim_matches('"'))
                .any(|v| !v.is_empty() && text(v))
        } else {
            text(example)
        };
        if !shown_as_text {
            return;
        }
        let documented = if items {
            f.item_type.as_ref().map_or("", |t| t.as_str()).to_string()
        } else {
            f.ty.as_str().to_string()
        };
        sink.warn(
            f.line,
            "type-mismatch",
            format!("`{path}` is documented as {documented} but its example `{example}` is text; sent as text"),
        );
        if items {
            f.item_type = Some(Type::String);
        } else {
            f.ty = Type::String;
        }
    });
}

fn add_constraints(request: &mut [Field], sink: &mut Sink) {
    let mut for_siblings = Vec::new();
    visit_in_place(request, "", &mut |f, path, place| {
        let found = constraints::extract_in(&f.description, &rule_type(f), place);
        for sentence in found.not_understood {
            sink.note(
                f.line,
                "rule-not-understood",
                format!("`{path}`: {}", sentence.replace('\n', " ")),
            );
        }
        f.constraints = found.constraints;
        let parent = path.strip_suffix(f.name.as_str()).unwrap_or("");
        for (name, c) in found.for_siblings {
            for_siblings.push((format!("{parent}{name}"), c));
        }
    });
    place_on_siblings(request, for_siblings);
}

/// Runs the extractor's value-list reading over every response field and keeps only the value
/// lists (`enum`): a response is not validated, but a field whose description lists its values
/// becomes an open enum (values the doc does not list are kept in `Unlisted`).
fn add_response_values(response: &mut [Field]) {
    for f in response {
        if !f.description.trim().is_empty() {
            let found = constraints::extract(&f.description, &rule_type(f), &[]);
            f.constraints = found
                .constraints
                .into_iter()
                .filter(|c| matches!(c.rule, crate::model::Rule::Enum { .. }))
                .collect();
        }
        add_response_values(&mut f.children);
    }
}

/// Adds the rules a description states about a sibling (`If you specify this parameter,
/// InstanceType is ignored`) to that sibling, by its dotted path.
pub(crate) fn place_on_siblings(
    request: &mut [Field],
    rules: Vec<(String, crate::model::Constraint)>,
) {
    for (path, c) in rules {
        if let Some(f) = field_at(request, &path) {
            if !f.constraints.contains(&c) {
                f.constraints.push(c);
            }
        }
    }
}

fn field_at<'a>(fields: &'a mut [Field], path: &str) -> Option<&'a mut Field> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let f = fields.iter_mut().find(|f| f.name == head)?;
    match rest {
        Some(rest) => field_at(&mut f.children, rest),
        None => Some(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use errors::error_columns;
    use identity::explorer_link;
    use rows::{param_columns, parse_name};
    use sections::{heading_text, section_of};

    #[test]
    fn headings_map_to_sections() {
        assert_eq!(
            section_of(&heading_text("请求参数 {#parameters .section}")),
            Section::Request
        );
        assert_eq!(
            section_of(&heading_text("Request Parameters")),
            Section::Request
        );
        assert_eq!(
            section_of(&heading_text("返回参数 {#resultMapping .section}")),
            Section::Response
        );
        assert_eq!(section_of(&heading_text("Error codes.")), Section::Errors);
        assert_eq!(section_of(&heading_text("特定错误码")), Section::Errors);
        assert_eq!(
            section_of(&heading_text("Errors { .section}")),
            Section::Errors
        );
        assert_eq!(
            section_of(&heading_text("Make the API call")),
            Section::Debug
        );
        assert_eq!(section_of(&heading_text("Example")), Section::Examples);
        assert_eq!(section_of(&heading_text("API描述")), Section::Other);
    }

    #[test]
    fn explorer_links() {
        let l = explorer_link("https://api.aliyun.com/#product=Vpc&api=CreateSslVpnServer&type=RPC&version=2016-04-28").unwrap();
        assert_eq!(l.product.as_deref(), Some("Vpc"));
        assert_eq!(l.version.as_deref(), Some("2016-04-28"));
        let l = explorer_link("https://api.aliyun.com/#/?product=Ecs&api=Foo").unwrap();
        assert_eq!(
            (l.product.as_deref(), l.api.as_deref(), l.version),
            (Some("Ecs"), Some("Foo"), None)
        );
        assert!(explorer_link("https://error-center.aliyun.com/status/product/Vpc").is_none());
    }

    #[test]
    fn columns_by_header_name() {
        let h: Vec<String> = [
            "Parameter",
            "Position",
            "Type",
            "Required",
            "Example",
            "Description",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = param_columns(&h);
        assert_eq!(
            (c.name, c.ty, c.required, c.example, c.description),
            (Some(0), Some(2), Some(3), Some(4), Some(5))
        );
        let h: Vec<String> = ["错误代码", "描述", "Http 状态码", "语义"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = error_columns(&h);
        assert_eq!(
            (c.code, c.message, c.status, c.description),
            (Some(0), Some(1), Some(2), Some(3))
        );
    }

    #[test]
    fn name_cells() {
        assert_eq!(parse_name("└Bandwidth"), ("Bandwidth".to_string(), Some(1)));
        assert_eq!(
            parse_name("\u{2003}\u{2003}└Deep"),
            ("Deep".to_string(), Some(2))
        );
        assert_eq!(parse_name(r"some\_name"), ("some_name".to_string(), None));
    }

    #[test]
    fn invalid_examples_are_kept_untested_and_reported_with_their_line() {
        let doc = "# PutThing\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|PutThing|The action.|\n|Rules|String|No|[]|Rules.|\n\n## Response parameters\n\n|Name|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The id.|\n\n## Examples\n\n```\nhttps://x.aliyuncs.com/?Action=PutThing\n&Rules=[{'a':1}]\n```\n\n```\n{\"RequestId\": \"r\" \"Extra\": 1}\n```\n\n```\n<PutThingResponse><RequestId>r</PutThingResponse>\n```\n";
        let (api, diags) = parse_doc("p.md", doc, &DocDefaults::default()).unwrap();
        assert_eq!(api.examples.requests.len(), 1);
        assert!(!api.examples.requests[0].valid);
        assert_eq!(api.examples.responses.len(), 2);
        assert!(api.examples.responses.iter().all(|r| !r.valid));
        let lines: Vec<usize> = diags
            .iter()
            .filter(|d| d.kind == "invalid-example")
            .map(|d| d.line)
            .collect();
        // The three fences open on lines 18, 23 and 27.
        assert_eq!(lines, [18, 23, 27], "{diags:#?}");
    }

    /// A number type whose own example is text is sent as text; a masked number (`12****`)
    /// and a list of numbers stay numbers.
    #[test]
    fn numbers_whose_example_is_text_are_text() {
        let doc = "# PutThing\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|VpcId|Integer|Yes|vpc-bp12nu****|The VPC.|\n|Size|Integer|Yes|12****|The size.|\n|Ports|Array of Integer|No|[80, 443]|The ports.|\n|Zones|Array of Long|No|[\"cn-hangzhou-i\"]|The zones.|\n\n## Response parameters\n\n|Name|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The id.|\n";
        let (api, diags) = parse_doc("p.md", doc, &DocDefaults::default()).unwrap();
        let types: Vec<(&str, &Type, Option<&Type>)> = api
            .request
            .iter()
            .map(|f| (f.name.as_str(), &f.ty, f.item_type.as_ref()))
            .collect();
        assert_eq!(
            types,
            [
                ("VpcId", &Type::String, None),
                ("Size", &Type::Integer, None),
                ("Ports", &Type::Array, Some(&Type::Integer)),
                ("Zones", &Type::Array, Some(&Type::String)),
            ]
        );
        let mismatches = diags.iter().filter(|d| d.kind == "type-mismatch").count();
        assert_eq!(mismatches, 2, "{diags:#?}");
    }

    #[test]
    fn not_an_api_doc() {
        let e = parse_doc("x.md", "# Title\n\nJust prose.\n", &DocDefaults::default()).unwrap_err();
        assert!(e.to_string().contains("x.md"), "{e}");
    }
}
