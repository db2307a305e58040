//! Markdown → IR.

pub mod constraints;
pub mod doc;
pub mod examples;
pub mod names;
pub mod response;
pub mod shape;
pub mod table;
pub mod text;
pub mod tree;
pub mod types;
pub mod wire;

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Failure};
use crate::model::{Api, ErrorCode, Examples, Field, Source, Type};
use doc::Block;
use examples::{ExampleBlock, Label};
use table::RawTable;
use tree::Row;

/// Product and version to use when the doc's OpenAPI Explorer link does not give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocDefaults {
    pub product: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Intro,
    Request,
    Response,
    Errors,
    Examples,
    Debug,
    Other,
}

/// Normalises a heading: `{#id .class}` suffixes, emphasis, trailing punctuation, spacing.
fn heading_text(raw: &str) -> String {
    let mut t = raw.trim().to_string();
    if let Some(open) = t.rfind('{') {
        if t.ends_with('}') {
            t.truncate(open);
        }
    }
    let t = text::unescape(&t).replace('*', "");
    let t = t.trim().trim_end_matches(['.', '：', ':', '。']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn section_of(heading: &str) -> Section {
    let h = heading.to_lowercase();
    let is = |words: &[&str]| words.iter().any(|w| h == *w);
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if is(&[
        "请求参数",
        "request parameters",
        "request prameters",
        "请求参数说明",
        "parameters",
        "request parameter",
    ]) {
        Section::Request
    } else if is(&[
        "返回数据",
        "返回参数",
        "返回结果",
        "响应参数",
        "返回值",
        "response parameters",
        "return parameters",
        "response parameter",
        "response",
        "returns",
    ]) {
        Section::Response
    } else if has(&["错误码", "错误代码", "error code", "errors code"]) || is(&["errors", "error"])
    {
        Section::Errors
    } else if is(&[
        "示例",
        "examples",
        "example",
        "sample requests",
        "sample responses",
        "request format",
        "请求示例",
        "返回示例",
        "正常返回示例",
        "调用示例",
    ]) {
        Section::Examples
    } else if is(&[
        "调试",
        "debug",
        "debugging",
        "make the api call",
        "在线调试",
    ]) {
        Section::Debug
    } else {
        Section::Other
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Column roles of a parameter table, by header keyword (never by position).
#[derive(Debug, Default, Clone, Copy)]
struct Columns {
    name: Option<usize>,
    ty: Option<usize>,
    required: Option<usize>,
    example: Option<usize>,
    description: Option<usize>,
}

fn param_columns(header: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in header.iter().enumerate() {
        let h = h.to_lowercase();
        let slot = if h.contains("是否必") || h.contains("required") || h.contains("必填") {
            &mut c.required
        } else if h.contains("类型") || h == "type" || h.contains("type") {
            &mut c.ty
        } else if h.contains("示例") || h.contains("example") || h.contains("sample") {
            &mut c.example
        } else if h.contains("描述")
            || h.contains("说明")
            || h.contains("description")
            || h.contains("语义")
            || h.contains("meaning")
            || h == "note"
        {
            &mut c.description
        } else if h.contains("position") || h.contains("位置") {
            continue;
        } else if h.contains("名称")
            || h.contains("参数")
            || h.contains("name")
            || h.contains("parameter")
            || h.contains("field")
            || h.contains("prameter")
            || h.contains("字段")
        {
            &mut c.name
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    c
}

/// Error-table columns.
#[derive(Debug, Default, Clone, Copy)]
struct ErrorColumns {
    status: Option<usize>,
    code: Option<usize>,
    message: Option<usize>,
    description: Option<usize>,
}

fn error_columns(header: &[String]) -> ErrorColumns {
    let mut c = ErrorColumns::default();
    let mut descriptions = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.to_lowercase();
        if h.contains("http") || h.contains("状态码") || h.contains("返回码") {
            c.status.get_or_insert(i);
        } else if h.contains("错误码")
            || h.contains("错误代码")
            || h.contains("error code")
            || h.contains("errorcode")
            || h == "code"
        {
            c.code.get_or_insert(i);
        } else if h.contains("错误信息") || h.contains("message") || h.contains("error information")
        {
            c.message.get_or_insert(i);
        } else if h.contains("描述")
            || h.contains("说明")
            || h.contains("语义")
            || h.contains("description")
            || h.contains("meaning")
            || h.contains("note")
        {
            descriptions.push(i);
        }
    }
    match (c.message, descriptions.as_slice()) {
        (None, [m, d, ..]) => {
            c.message = Some(*m);
            c.description = Some(*d);
        }
        (_, [d, ..]) => c.description = Some(*d),
        _ => {}
    }
    c
}

fn cell(cells: &[String], index: Option<usize>) -> &str {
    index
        .and_then(|i| cells.get(i))
        .map(String::as_str)
        .unwrap_or("")
}

fn parse_required(raw: &str) -> Option<bool> {
    let t = text::plain(&text::clean_value(raw)).to_lowercase();
    let t = t.trim_end_matches(['.', '。']);
    match t {
        "是" | "yes" | "required" | "true" | "必选" | "必填" | "y" => Some(true),
        "否" | "no" | "optional" | "false" | "可选" | "n" | "not required" => Some(false),
        _ => None,
    }
}

/// A name cell: `└` markers (with EM-space indentation) and escapes removed.
fn parse_name(raw: &str) -> (String, Option<usize>) {
    let unescaped = text::unescape(raw);
    match unescaped.split_once('└') {
        Some((indent, rest)) => {
            let em = indent.chars().filter(|c| *c == '\u{2003}').count();
            (text::plain(text::trim(rest)), Some(em / 2 + 1))
        }
        None => (text::plain(text::trim(&unescaped)), None),
    }
}

fn rows_of(
    table: &RawTable,
    file: &str,
    with_required: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    let cols = param_columns(&table.header);
    if cols.name.is_none() {
        diags.push(Diagnostic::warning(
            file,
            table.line,
            "table-header",
            format!("no name column in table header {:?}", table.header),
        ));
        return Vec::new();
    }
    let mut rows = Vec::new();
    for raw in &table.rows {
        let (name, marker) = parse_name(cell(&raw.cells, cols.name));
        if name.is_empty() {
            diags.push(Diagnostic::warning(
                file,
                raw.line,
                "empty-name",
                "table row without a name is skipped",
            ));
            continue;
        }
        let raw_type = text::clean_value(cell(&raw.cells, cols.ty)).replace('\n', " ");
        let ty = types::parse_type(&text::plain(&raw_type));
        if ty.unknown {
            diags.push(Diagnostic::warning(
                file,
                raw.line,
                "unknown-type",
                format!("type `{raw_type}` of `{name}` is not known; read as a string"),
            ));
        }
        let required = if with_required {
            let r = parse_required(cell(&raw.cells, cols.required));
            if r.is_none() && cols.required.is_some() {
                diags.push(Diagnostic::warning(
                    file,
                    raw.line,
                    "required-flag",
                    format!("required flag of `{name}` is not 是/否/Yes/No; taken as optional"),
                ));
            }
            Some(r.unwrap_or(false))
        } else {
            None
        };
        let example = text::clean_value(cell(&raw.cells, cols.example));
        let example = (!example.is_empty() && example != "N/A").then_some(example);
        rows.push(Row {
            name,
            marker,
            ty,
            raw_type,
            required,
            example,
            description: text::clean_cell(cell(&raw.cells, cols.description)),
            line: raw.line,
        });
    }
    rows
}

/// Product, API and version from an OpenAPI Explorer link.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct ExplorerLink {
    product: Option<String>,
    api: Option<String>,
    version: Option<String>,
    style: Option<String>,
}

fn explorer_link(url: &str) -> Option<ExplorerLink> {
    if !url.contains("api.aliyun.com")
        && !url.contains("next.api.aliyun.com")
        && !url.contains("api.alibabacloud.com")
    {
        return None;
    }
    let query = url.split_once('#').map(|(_, f)| f).unwrap_or(url);
    let query = query.trim_start_matches('/').trim_start_matches('?');
    let mut link = ExplorerLink::default();
    for pair in query.split('&') {
        let Some((k, v)) = pair.split_once('=') else {
            continue;
        };
        let v = Some(v.to_string()).filter(|v| !v.is_empty());
        match k.trim_start_matches(['/', '?']) {
            "product" => link.product = v,
            "api" => link.api = v,
            "version" => link.version = v,
            "type" => link.style = v,
            _ => {}
        }
    }
    link.product.is_some().then_some(link)
}

fn is_api_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && s.len() > 1
}

/// First API-name-like word after `调用` / `取值：` / `value to` in a text.
fn name_in_prose(s: &str) -> Option<String> {
    let plain = text::plain(s);
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| {
            is_api_name(w)
                && w.len() > 3
                && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        })
        .map(str::to_string)
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
    let mut diags = Vec::new();
    let blocks = doc::blocks(source);

    // Sections by normalised heading text; H3+ headings do not end a section.
    let mut title: Option<(String, usize)> = None;
    let mut section = Section::Intro;
    let mut headings = Vec::new();
    let mut sectioned: Vec<(Section, &Block)> = Vec::new();
    for block in &blocks {
        if let Block::Heading {
            level,
            text: raw,
            line,
        } = block
        {
            let h = heading_text(raw);
            if *level == 1 && title.is_none() {
                title = Some((h, *line));
                section = Section::Intro;
                continue;
            }
            let kind = section_of(&h);
            headings.push(h);
            if *level == 2 || kind != Section::Other {
                section = kind;
            }
            continue;
        }
        sectioned.push((section, block));
    }
    let lang = if headings.iter().any(|h| has_cjk(h)) {
        "zh-CN"
    } else {
        "en-US"
    };

    for (_, block) in &sectioned {
        if let Block::Table(t) = block {
            for (line, problem) in &t.problems {
                diags.push(Diagnostic::warning(
                    file,
                    *line,
                    "table-row",
                    problem.clone(),
                ));
            }
        }
    }

    let first_table = |want: Section| {
        sectioned.iter().find_map(|(s, b)| match b {
            Block::Table(t) if *s == want => Some(t),
            _ => None,
        })
    };
    let Some(request_table) = first_table(Section::Request) else {
        return Err(Diagnostic::error(
            file,
            0,
            "not-an-api-doc",
            "no request parameter table: expected a `## 请求参数` / `## Request parameters` heading followed by a pipe table",
        )
        .into());
    };
    let mut request_rows = rows_of(request_table, file, true, &mut diags);
    // Every table of the response section: the first is the main one, later ones list the
    // members of its containers.
    let response_tables: Vec<Vec<Row>> = sectioned
        .iter()
        .filter_map(|(s, b)| match b {
            Block::Table(t) if *s == Section::Response => Some(t),
            _ => None,
        })
        .filter(|t| param_columns(&t.header).name.is_some())
        .map(|t| rows_of(t, file, false, &mut diags))
        .collect();
    if first_table(Section::Response).is_none() {
        diags.push(Diagnostic::warning(
            file,
            0,
            "no-response-table",
            "no response table; the response type only keeps the request id",
        ));
    }

    // The Action row names the API; it is not a parameter of the generated request.
    let action_row = request_rows
        .iter()
        .position(|r| r.name == "Action")
        .map(|i| request_rows.remove(i));
    let action_value = action_row.as_ref().and_then(|r| {
        r.example
            .clone()
            .filter(|e| is_api_name(e))
            .or_else(|| name_in_prose(&r.description))
    });

    // Summary: intro paragraphs.
    let summary: Vec<String> = sectioned
        .iter()
        .filter_map(|(s, b)| match b {
            Block::Paragraph { text: t, .. } if *s == Section::Intro => Some(text::clean_cell(t)),
            _ => None,
        })
        .collect();
    let summary = summary.join("\n\n");

    // API name: the H1 when it is one, else the Action row, else the intro prose.
    let title_name = title
        .as_ref()
        .map(|(t, _)| text::unescape(t))
        .filter(|t| is_api_name(t));
    let name = title_name
        .clone()
        .or_else(|| action_value.clone())
        .or_else(|| name_in_prose(&summary));
    let Some(name) = name else {
        return Err(Diagnostic::error(
            file,
            title.as_ref().map(|t| t.1).unwrap_or(0),
            "no-api-name",
            "cannot tell the API name: expected an H1 like `# CreateSslVpnServer` or an `Action` row naming it",
        )
        .into());
    };
    if let (Some(t), Some(a)) = (&title_name, &action_value) {
        if t != a {
            diags.push(Diagnostic::warning(
                file,
                action_row.as_ref().map(|r| r.line).unwrap_or(0),
                "name-mismatch",
                format!("H1 says `{t}` but the Action row says `{a}`; using `{t}`"),
            ));
        }
    }

    // Product and version from the OpenAPI Explorer link when it names this API.
    let links: Vec<(ExplorerLink, usize)> = sectioned
        .iter()
        .filter_map(|(_, b)| match b {
            Block::Paragraph { links, line, .. } => Some(
                links
                    .iter()
                    .filter_map(|l| explorer_link(l))
                    .map(|l| (l, *line))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    let link = links
        .iter()
        .find(|(l, _)| l.api.as_deref() == Some(name.as_str()))
        .or(links.first());
    let mut product = defaults.product.clone();
    let mut version = defaults.version.clone();
    let mut style = "RPC".to_string();
    if let Some((l, line)) = link {
        if l.api.as_deref() == Some(name.as_str()) {
            if let (Some(p), Some(d)) = (&l.product, &defaults.product) {
                if !p.eq_ignore_ascii_case(d) {
                    diags.push(Diagnostic::warning(file, *line, "link-mismatch", format!("the OpenAPI Explorer link says product `{p}`, the configuration `{d}`; using `{d}`")));
                }
            }
            product = product.or(l.product.clone());
            match (&l.version, &defaults.version) {
                (Some(v), Some(d)) if v != d => diags.push(Diagnostic::warning(file, *line, "link-mismatch", format!("the OpenAPI Explorer link says version `{v}`, the configuration `{d}`; using `{d}`"))),
                (Some(v), None) => version = Some(v.clone()),
                _ => {}
            }
            if let Some(s) = &l.style {
                style = s.to_uppercase();
            }
        } else {
            diags.push(Diagnostic::warning(
                file,
                *line,
                "link-mismatch",
                format!("the OpenAPI Explorer link names API `{}`, not `{name}`; product and version come from the configuration", l.api.as_deref().unwrap_or("?")),
            ));
        }
    }
    let product = product.unwrap_or_else(|| {
        diags.push(Diagnostic::warning(
            file,
            0,
            "no-product",
            "no product in the doc or the configuration",
        ));
        String::new()
    });
    let version = version.unwrap_or_else(|| {
        diags.push(Diagnostic::warning(
            file,
            0,
            "no-version",
            "no API version in the doc or the configuration",
        ));
        String::new()
    });

    // Examples.
    let mut examples = Examples::default();
    let mut label = Label::Unknown;
    for (s, b) in &sectioned {
        match b {
            Block::Paragraph { text: t, .. } if *s == Section::Examples => {
                if let Some(l) = examples::label_of(t) {
                    label = l;
                }
            }
            Block::Code {
                text: code, line, ..
            } if *s == Section::Examples || *s == Section::Errors => {
                let parsed = examples::classify(
                    code,
                    if *s == Section::Errors {
                        Label::Failure
                    } else {
                        label
                    },
                );
                match &parsed {
                    ExampleBlock::Request {
                        action: Some(a), ..
                    } if a != &name => diags.push(Diagnostic::warning(
                        file,
                        *line,
                        "example-action",
                        format!("the request example calls `{a}`, not `{name}`; skipped"),
                    )),
                    ExampleBlock::Response {
                        valid: false,
                        problem,
                        ..
                    } => diags.push(Diagnostic::warning(
                        file,
                        *line,
                        "invalid-example",
                        format!(
                            "response example skipped: {}",
                            problem.as_deref().unwrap_or("invalid")
                        ),
                    )),
                    ExampleBlock::Request { params, .. } => {
                        if let Some(problem) = examples::request_problem(params) {
                            diags.push(Diagnostic::warning(
                                file,
                                *line,
                                "invalid-example",
                                format!("request example not tested: {problem}"),
                            ));
                        }
                    }
                    ExampleBlock::Empty => diags.push(Diagnostic::warning(
                        file,
                        *line,
                        "empty-example",
                        "request example lists no parameters; skipped",
                    )),
                    _ => {}
                }
                if matches!(&parsed, ExampleBlock::Request { action: Some(a), .. } if a != &name) {
                    // Another API's example (copied by mistake): nothing to test against.
                    continue;
                }
                let label = if *s == Section::Errors {
                    Label::Failure
                } else {
                    label
                };
                let (req, resp) = examples::to_ir(parsed, label, file, *line);
                examples.requests.extend(req);
                examples.responses.extend(resp);
            }
            _ => {}
        }
    }

    // Trees: the request example's JSON-valued parameters show request nesting; every
    // response example shows the response nesting.
    let request_example = examples.requests.first().map(|r| {
        let mut m = serde_json::Map::new();
        for p in &r.params {
            let v = serde_json::from_str::<Value>(&p.value)
                .ok()
                .filter(|v| v.is_object() || v.is_array());
            m.insert(
                p.name.clone(),
                v.unwrap_or_else(|| Value::String(p.value.clone())),
            );
        }
        Value::Object(m)
    });
    for r in &mut request_rows {
        r.marker = None;
    }
    let (mut request, notes) = tree::build_request(&request_rows, request_example);
    for n in notes {
        diags.push(Diagnostic::warning(file, n.line, n.kind, n.message));
    }
    let (response, notes) = response::build(&response_tables, &examples.responses);
    for n in notes {
        diags.push(Diagnostic::warning(file, n.line, n.kind, n.message));
    }

    wire::decide(
        &mut request,
        &request_rows,
        &examples.requests,
        file,
        &mut diags,
    );
    add_constraints(&mut request, file, &mut diags);
    names::report_collisions(&request, "", file, &mut diags);
    names::report_collisions(&response, "", file, &mut diags);

    let errors = first_error_table(&sectioned)
        .map(|t| error_rows(t, file, &mut diags))
        .unwrap_or_default();

    let api = Api {
        name,
        product,
        version,
        style,
        summary,
        sources: vec![Source {
            file: file.to_string(),
            lang: lang.to_string(),
        }],
        request,
        response,
        errors,
        examples,
    };
    Ok((api, diags))
}

fn first_error_table<'a>(sectioned: &[(Section, &'a Block)]) -> Option<&'a RawTable> {
    sectioned.iter().find_map(|(s, b)| match b {
        Block::Table(t) if *s == Section::Errors && error_columns(&t.header).code.is_some() => {
            Some(t)
        }
        _ => None,
    })
}

fn error_rows(table: &RawTable, file: &str, diags: &mut Vec<Diagnostic>) -> Vec<ErrorCode> {
    let cols = error_columns(&table.header);
    let mut out = Vec::new();
    for row in &table.rows {
        let code = text::plain(&text::clean_value(cell(&row.cells, cols.code)));
        if code.is_empty() {
            continue;
        }
        let status_text = text::clean_value(cell(&row.cells, cols.status));
        let http_status = status_text.parse::<u16>().ok();
        if http_status.is_none() && !status_text.is_empty() {
            diags.push(Diagnostic::warning(
                file,
                row.line,
                "error-status",
                format!("HTTP status `{status_text}` of `{code}` is not a number"),
            ));
        }
        out.push(ErrorCode {
            http_status,
            code,
            message: text::clean_value(cell(&row.cells, cols.message)).replace('\n', " "),
            description: text::clean_cell(cell(&row.cells, cols.description)),
            line: row.line,
        });
    }
    out
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

/// The type whose values a field's rules talk about (an array's items).
pub fn rule_type(f: &Field) -> Type {
    if f.ty == Type::Array {
        f.item_type.clone().unwrap_or(Type::String)
    } else {
        f.ty.clone()
    }
}

/// Runs the prose-constraint extractor over every request field.
fn add_constraints(request: &mut [Field], file: &str, diags: &mut Vec<Diagnostic>) {
    visit_with_siblings(request, "", &mut |f, path, siblings| {
        let found = constraints::extract(&f.description, &rule_type(f), siblings);
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
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn not_an_api_doc() {
        let e = parse_doc("x.md", "# Title\n\nJust prose.\n", &DocDefaults::default()).unwrap_err();
        assert!(e.to_string().contains("x.md"), "{e}");
    }
}
