//! The example section: request URLs and JSON/XML response bodies.
//!
//! Labels are plain paragraphs and fence info strings are unreliable, so the kind of each code
//! block is read from its content, with the last label as a hint.

use aliyun_wire::xml::insert_member;
use serde_json::{Map, Value};

use super::doc::Block;
use super::sections::{Section, Sections};
use super::sink::Sink;
use super::text;
use crate::model::{ExampleFormat, Examples, QueryParam, RequestExample, ResponseExample};

/// What the last label said the next code block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Request,
    Success,
    Failure,
    /// Notes on the examples (`返回示例补充说明`): what follows is no request or response.
    Notes,
    Unknown,
}

/// Classifies a label paragraph (`请求示例`, `正常返回示例`, `Sample success responses`, …).
pub fn label_of(text: &str) -> Option<Label> {
    let t = text.to_lowercase();
    if t.contains("补充说明") || t.contains("supplementary") {
        return Some(Label::Notes);
    }
    if t.contains("请求") || t.contains("request") {
        return Some(Label::Request);
    }
    if t.contains("异常") || t.contains("exception") || t.contains("error") || t.contains("错误")
    {
        return Some(Label::Failure);
    }
    if t.contains("返回") || t.contains("response") || t.contains("响应") || t.contains("return")
    {
        return Some(Label::Success);
    }
    None
}

/// A code block of the example section, understood.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleBlock {
    /// One request per URL of the block.
    Requests(Vec<ParsedRequest>),
    Response {
        format: ExampleFormat,
        body: String,
        valid: bool,
        problem: Option<String>,
    },
    /// A request block with no URL and no parameters.
    Empty,
    Unrecognised,
}

/// Drops HTTP status/header lines and `//` comments that docs put inside response fences.
fn strip_response_noise(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        let header = lower.starts_with("http/")
            || (lines.iter().all(|l| l.trim().is_empty())
                && (lower.starts_with("content-type") || lower.starts_with("content-length")));
        if header || t.starts_with("//") {
            continue;
        }
        lines.push(line);
    }
    lines.join("\n").trim().to_string()
}

pub fn classify(code: &str, label: Label) -> ExampleBlock {
    let stripped = strip_response_noise(code);
    let first = stripped.chars().next();
    match first {
        Some('<') if !stripped.starts_with("<公共") => {
            let problem = check_xml(&stripped).err();
            ExampleBlock::Response {
                format: ExampleFormat::Xml,
                valid: problem.is_none(),
                problem,
                body: stripped,
            }
        }
        Some('{') | Some('[') => {
            let (body, problem) = match repair_json(&stripped) {
                Ok(body) => (body, None),
                Err(e) => (stripped.clone(), Some(e)),
            };
            ExampleBlock::Response {
                format: ExampleFormat::Json,
                valid: problem.is_none(),
                problem,
                body,
            }
        }
        Some('"') if label != Label::Request => {
            // A bare `"Key": value,` list without the outer braces.
            let wrapped = format!("{{{}}}", stripped.trim_end_matches(','));
            match repair_json(&wrapped) {
                Ok(body) => ExampleBlock::Response {
                    format: ExampleFormat::Json,
                    valid: true,
                    problem: None,
                    body,
                },
                Err(e) => ExampleBlock::Response {
                    format: ExampleFormat::Json,
                    valid: false,
                    problem: Some(e),
                    body: stripped,
                },
            }
        }
        _ => parse_request(code),
    }
}

/// Accepts a JSON body, or its first JSON value followed by stray text (a trailing `}`).
fn repair_json(text: &str) -> Result<String, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(_) => Ok(text.to_string()),
        Err(e) => {
            let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
            match stream.next() {
                Some(Ok(v)) if v.is_object() || v.is_array() => {
                    Ok(serde_json::to_string_pretty(&v).unwrap_or_default())
                }
                _ => Err(format!("not valid JSON: {e}")),
            }
        }
    }
}

/// Checks that an XML body is well formed with one root element.
pub fn check_xml(text: &str) -> Result<(), String> {
    xml_to_json(text).map(|_| ())
}

/// One request of a request example block.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRequest {
    pub action: Option<String>,
    pub params: Vec<QueryParam>,
    /// The example's lines of this request, from its URL on, as written.
    pub raw: String,
}

/// Whether a line starts a request: a URL with a query (`http(s)://…/?Action=…`, `/?A=1`,
/// `GET https://…?…`).
fn url_query(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let t = ["GET ", "POST ", "get ", "post "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .unwrap_or(t)
        .trim_start();
    let offset = line.len() - t.len();
    if !(t.starts_with("http") || t.starts_with('/')) {
        return None;
    }
    t.find('?').map(|q| offset + q + 1)
}

/// A value as the doc means it: a placeholder glued on (`example.com&<公共请求参数>`) cut off,
/// percent-encoding decoded.
fn example_value(raw: &str) -> String {
    // `CateId=7503631&&CateName=…`: the `&` of an empty pair is no part of the value.
    let mut v = raw.trim().trim_end_matches(['|', '&']).trim();
    for glue in ["&<", "&公共", "&Common", "&common", "&Public", "&public"] {
        if let Some(i) = v.find(glue) {
            v = v[..i].trim_end().trim_end_matches('&');
        }
    }
    text::query_value(v)
}

/// Reads a request example: each URL starts a request; `&Name=value` pairs follow (one or many
/// per line); a value may go on over the next lines (a JSON document after `Name=`).
fn parse_request(code: &str) -> ExampleBlock {
    let mut requests: Vec<ParsedRequest> = Vec::new();
    let mut current = ParsedRequest {
        action: None,
        params: Vec::new(),
        raw: String::new(),
    };
    // The raw text of the last value while it may go on (`Name=` then a JSON document).
    let mut open: Option<String> = None;
    let mut saw_url = false;
    let mut finish = |current: &mut ParsedRequest, open: &mut Option<String>| {
        if let (Some(raw), Some(last)) = (open.take(), current.params.last_mut()) {
            last.value = example_value(&raw);
        }
        if current.action.is_some() || !current.params.is_empty() {
            requests.push(std::mem::replace(
                current,
                ParsedRequest {
                    action: None,
                    params: Vec::new(),
                    raw: String::new(),
                },
            ));
        } else {
            current.raw.clear();
        }
    };
    for line in code.lines() {
        let mut t = line.trim();
        if t.is_empty() {
            continue;
        }
        let url = url_query(line);
        // `https://sls.aliyuncs.com/` then `? AccessKeyId=…` on the next line.
        let query_line =
            url.is_none() && t.starts_with('?') && (saw_url || current.params.is_empty());
        // A URL without `?` (`https://dcdn.aliyuncs.com&Action=…`) starts a request too.
        let url_without_query = url.is_none() && !query_line && text::is_bare_url(t);
        if url.is_some() || query_line || url_without_query {
            saw_url = true;
            finish(&mut current, &mut open);
        }
        current.raw.push_str(t);
        current.raw.push('\n');
        if let Some(q) = url {
            t = line[q..].trim();
        } else if query_line {
            t = t[1..].trim();
        } else if let Some(raw) = open.as_mut() {
            // The last value goes on while its brackets are open, or when it was empty.
            let starts_pair = t.starts_with('&') && t[1..].trim_start().contains('=');
            if !starts_pair && (text::open_brackets(raw) > 0 || raw.trim().is_empty()) {
                raw.push('\n');
                raw.push_str(t);
                continue;
            }
        }
        // Pairs are read from a request's URL on: a block with none (code of an SDK,
        // `var endpoint = "…"`) is no request example.
        if !saw_url {
            continue;
        }
        for segment in split_params(t) {
            let Some((name, value)) = segment.split_once('=') else {
                continue;
            };
            let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
            let name = name.as_str();
            let valid_name = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-');
            if !valid_name {
                continue;
            }
            if let (Some(raw), Some(last)) = (open.take(), current.params.last_mut()) {
                last.value = example_value(&raw);
            }
            if name == "Action" {
                current.action = Some(example_value(value));
            } else if crate::parse::identity::RPC_COMMON_PARAMETERS.contains(&name) {
                // Signature, credentials, timestamp…: the client writes these itself.
                continue;
            } else {
                current.params.push(QueryParam {
                    name: name.to_string(),
                    value: example_value(value),
                });
                open = Some(value.to_string());
            }
        }
    }
    finish(&mut current, &mut open);
    if requests.is_empty() {
        return if saw_url || code.contains('&') {
            ExampleBlock::Empty
        } else {
            ExampleBlock::Unrecognised
        };
    }
    ExampleBlock::Requests(requests)
}

/// Splits `&A=1&B=2` at each `&` that starts a new `Name=` pair (values may hold `&`).
fn split_params(text: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (i, _) in text.match_indices('&') {
        // A name may hold stray spaces (`&Ipv6 GatewayId=`); it must reach `=` before any
        // other punctuation.
        let rest = text[i + 1..].trim_start();
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == ' '))
            .unwrap_or(rest.len());
        let starts_like_a_name = rest.starts_with(|c: char| c.is_ascii_alphabetic());
        if name_len > 0 && starts_like_a_name && rest[name_len..].starts_with('=') {
            cuts.push(i);
        }
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| text[w[0]..w[1]].trim_start_matches('&').trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Converts an XML body into the JSON shape RPC APIs use: elements become keys, repeated
/// siblings and unnamed list items (`<element>`) become arrays, text becomes strings. The root
/// element is dropped.
pub fn xml_to_json(text: &str) -> Result<Value, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<(String, Map<String, Value>, String)> = Vec::new();
    let mut root: Option<Value> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not valid XML: {e}"))?;
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err("not valid XML: more than one root element".into());
                }
                let name = e.name().into_inner().to_string();
                stack.push((name, Map::new(), String::new()));
            }
            Event::Empty(e) => {
                let name = e.name().into_inner().to_string();
                match stack.last_mut() {
                    Some((_, map, _)) => insert_member(map, name, Value::String(String::new())),
                    None if root.is_none() => root = Some(Value::Object(Map::new())),
                    None => return Err("not valid XML: more than one root element".into()),
                }
            }
            Event::Text(t) => {
                let s = t.into_inner().into_owned();
                match stack.last_mut() {
                    Some((_, _, text)) => text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err("not valid XML: text outside the root element".into()),
                }
            }
            Event::CData(t) => {
                if let Some((_, _, text)) = stack.last_mut() {
                    text.push_str(&t.into_inner());
                }
            }
            Event::End(e) => {
                let name = e.name().into_inner().to_string();
                let Some((open, map, text)) = stack.pop() else {
                    return Err(format!("not valid XML: `</{name}>` closes nothing"));
                };
                if open != name {
                    return Err(format!("not valid XML: `<{open}>` closed by `</{name}>`"));
                }
                // An element of only unnamed items (`<element>`) is a list, as in JSON.
                let value = if map.is_empty() {
                    Value::String(text.trim().to_string())
                } else {
                    aliyun_wire::xml::members_value(map)
                };
                match stack.last_mut() {
                    Some((_, parent, _)) => insert_member(parent, name, value),
                    None => root = Some(value),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((open, _, _)) = stack.last() {
        return Err(format!("not valid XML: `<{open}>` is never closed"));
    }
    root.ok_or_else(|| "not valid XML: no root element".to_string())
}

/// Why a request example cannot be a test: a value that starts like JSON but is not JSON.
pub fn request_problem(params: &[QueryParam]) -> Option<String> {
    params.iter().find_map(|p| {
        let v = p.value.trim();
        let json_like = v.starts_with('[') || v.starts_with('{');
        match serde_json::from_str::<Value>(v) {
            Err(e) if json_like => Some(format!("`{}` is not valid JSON: {e}", p.name)),
            _ => None,
        }
    })
}

/// Turns parsed blocks into IR examples.
pub fn to_ir(
    block: ExampleBlock,
    label: Label,
    file: &str,
    line: usize,
) -> (Vec<RequestExample>, Option<ResponseExample>) {
    match block {
        ExampleBlock::Requests(requests) => (
            requests
                .into_iter()
                .map(|r| RequestExample {
                    valid: request_problem(&r.params).is_none(),
                    params: r.params,
                    raw: r.raw,
                    file: file.to_string(),
                    line,
                })
                .collect(),
            None,
        ),
        ExampleBlock::Response {
            format,
            body,
            valid,
            ..
        } => (
            Vec::new(),
            Some(ResponseExample {
                format,
                success: label != Label::Failure,
                body,
                valid,
                file: file.to_string(),
                line,
            }),
        ),
        _ => (Vec::new(), None),
    }
}

/// Step 5: every code block of the example and error sections, understood and labelled.
/// Request examples that call another API (copied by mistake) are dropped; invalid bodies are
/// kept, marked invalid, and reported with the line of their fence.
pub fn collect(sections: &Sections<'_>, api: &str, sink: &mut Sink) -> Examples {
    let mut examples = Examples::default();
    let mut label = Label::Unknown;
    for (s, b) in &sections.blocks {
        match b {
            Block::Paragraph { text: t, .. } if *s == Section::Examples => {
                if let Some(l) = label_of(t) {
                    label = l;
                }
            }
            Block::Code {
                text: code, line, ..
            } if *s == Section::Examples || *s == Section::Errors => {
                if label == Label::Notes && *s == Section::Examples {
                    sink.note(*line, "example-notes", "a code block under notes on the examples is read as documentation, not as an example");
                    continue;
                }
                let label = if *s == Section::Errors {
                    Label::Failure
                } else {
                    label
                };
                let mut parsed = classify(code, label);
                if let ExampleBlock::Requests(requests) = &mut parsed {
                    // A request copied from another API's doc is no example of this one.
                    requests.retain(|r| match &r.action {
                        Some(a) if a != api => {
                            sink.warn(
                                *line,
                                "example-action",
                                format!("the request example calls `{a}`, not `{api}`; skipped"),
                            );
                            false
                        }
                        _ => true,
                    });
                    for r in requests.iter() {
                        if let Some(problem) = request_problem(&r.params) {
                            sink.warn(
                                *line,
                                "invalid-example",
                                format!("request example not tested: {problem}"),
                            );
                        }
                    }
                }
                match &parsed {
                    ExampleBlock::Response {
                        valid: false,
                        problem,
                        ..
                    } => sink.warn(
                        *line,
                        "invalid-example",
                        format!(
                            "response example skipped: {}",
                            problem.as_deref().unwrap_or("invalid")
                        ),
                    ),
                    ExampleBlock::Empty => sink.warn(
                        *line,
                        "empty-example",
                        "request example lists no parameters; skipped",
                    ),
                    _ => {}
                }
                let (req, resp) = to_ir(parsed, label, sink.file(), *line);
                examples.requests.extend(req);
                examples.responses.extend(resp);
            }
            _ => {}
        }
    }
    examples
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_example_lines() {
        let b = classify(
            "http(s)://[Endpoint]/?Action=CreateSslVpnServer\n&ClientIpPool=192.168.1.0/24\n&LocalSubnet=10.0.0.0/8\n&<公共请求参数>\n",
            Label::Request,
        );
        let ExampleBlock::Requests(r) = b else {
            panic!("{b:?}")
        };
        let ParsedRequest { action, params, .. } = &r[0];
        assert_eq!(action.as_deref(), Some("CreateSslVpnServer"));
        assert_eq!(params.len(), 2);
        assert_eq!(params[1].value, "10.0.0.0/8");
    }

    #[test]
    fn request_example_variants() {
        let b = classify(
            "https://vpc.aliyuncs.com/? Action=X&A=1&B=[{\"a\":\"x&y\"}]\n&公共请求参数",
            Label::Request,
        );
        let ExampleBlock::Requests(r) = b else {
            panic!()
        };
        let params = &r[0].params;
        assert_eq!(params.len(), 2);
        assert_eq!(params[1].value, "[{\"a\":\"x&y\"}]");
        assert_eq!(
            classify("\n  \n&<Common request parameters>\n", Label::Request),
            ExampleBlock::Empty
        );
        let b = classify(
            "http(s)://[Endpoint]/?Action=DeleteX &Ipv6 GatewayId=gw-1 **** &RegionId=cn &<public request parameters>",
            Label::Request,
        );
        let ExampleBlock::Requests(r) = b else {
            panic!()
        };
        let ParsedRequest { action, params, .. } = &r[0];
        assert_eq!(action.as_deref(), Some("DeleteX"));
        assert_eq!(
            params[0],
            QueryParam {
                name: "Ipv6GatewayId".into(),
                value: "gw-1 ****".into()
            }
        );
    }

    fn one_request(code: &str) -> Vec<(String, String)> {
        match classify(code, Label::Request) {
            ExampleBlock::Requests(r) if r.len() == 1 => r[0]
                .params
                .iter()
                .map(|p| (p.name.clone(), p.value.clone()))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn glued_placeholders_are_cut_and_encoded_values_decoded() {
        // Each expected value is the example's text as a person reads it.
        assert_eq!(
            one_request(
                "https://cdn.aliyuncs.com/?Action=AddX&DomainName=example.com&<公共请求参数>"
            ),
            pairs(&[("DomainName", "example.com")])
        );
        assert_eq!(
            one_request(
                "http://x.aliyuncs.com/?Action=ListX\n&StartTime=2017-02-20+10%3A50%3A00\n&Id=11%3A05%3A37Z\n&Name=a+b"
            ),
            pairs(&[
                ("StartTime", "2017-02-20 10:50:00"),
                ("Id", "11:05:37Z"),
                ("Name", "a+b")
            ])
        );
    }

    #[test]
    fn a_json_value_may_start_on_the_next_line() {
        assert_eq!(
            one_request("https://x.aliyuncs.com/?Action=PutX\n&Rules=\n[{\"a\": 1,\n  \"b\": [2]}]\n&Mode=on\n&<公共请求参数>"),
            pairs(&[("Rules", "[{\"a\": 1,\n\"b\": [2]}]"), ("Mode", "on")])
        );
        assert_eq!(
            one_request("https://x.aliyuncs.com/?Action=PutX&Config={\n\"k\": \"v\"\n}\n&Mode=on"),
            pairs(&[("Config", "{\n\"k\": \"v\"\n}"), ("Mode", "on")])
        );
    }

    #[test]
    fn a_query_on_the_line_after_the_url_and_common_parameters_left_out() {
        assert_eq!(
            one_request("https://sls.aliyuncs.com/\n? AccessKeyId=test-key\n&Action=GetSlsService\n&Format=JSON\n&Signature=x\n&Project=demo"),
            pairs(&[("Project", "demo")])
        );
    }

    #[test]
    fn each_url_is_a_request_of_its_own() {
        let b = classify(
            "https://x.aliyuncs.com/?Action=DescribeX&Id=1\n\nhttps://x.aliyuncs.com/?Action=DescribeX\n&Id=2\n&Mode=a",
            Label::Request,
        );
        let ExampleBlock::Requests(r) = b else {
            panic!("{b:?}")
        };
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].params,
            vec![QueryParam {
                name: "Id".into(),
                value: "1".into()
            }]
        );
        assert_eq!(r[1].params.len(), 2);
        // Each request keeps its own lines as written, for the second reading of its test.
        assert_eq!(r[0].raw, "https://x.aliyuncs.com/?Action=DescribeX&Id=1\n");
        assert_eq!(
            r[1].raw,
            "https://x.aliyuncs.com/?Action=DescribeX\n&Id=2\n&Mode=a\n"
        );
    }

    #[test]
    fn code_without_a_url_is_no_request() {
        // acms: SDK code in the example section (`var endpoint = "…"`).
        let b = classify(
            "var endpoint = \"${endpoint}\"\nvar group = \"DEFAULT_GROUP\"\nif a && b {}",
            Label::Request,
        );
        assert!(!matches!(b, ExampleBlock::Requests(_)), "{b:?}");
        // `&&` (an empty pair) is no part of the value before it.
        let b = classify(
            "http://mts.aliyuncs.com?CateId=7503631&&CateName=x",
            Label::Request,
        );
        let ExampleBlock::Requests(r) = b else {
            panic!("{b:?}")
        };
        assert_eq!(r[0].params[0].value, "7503631");
    }

    /// Labels as the docs write them; notes on an example are none of request or response.
    #[test]
    fn labels() {
        assert_eq!(label_of("请求示例"), Some(Label::Request));
        assert_eq!(label_of("正常返回示例"), Some(Label::Success));
        assert_eq!(label_of("错误返回示例"), Some(Label::Failure));
        assert_eq!(label_of("Sample success responses"), Some(Label::Success));
        assert_eq!(label_of("返回示例补充说明"), Some(Label::Notes));
        assert_eq!(
            label_of("Supplementary notes on the sample response"),
            Some(Label::Notes)
        );
        assert_eq!(label_of("`JSON` 格式"), None);
    }

    #[test]
    fn responses_with_http_headers_and_tabs() {
        let b = classify(
            "HTTP/1.1 200 OK\nContent-Type:application/json\n\n{\n\t\"RequestId\": \"x\"\n}",
            Label::Success,
        );
        assert!(matches!(
            b,
            ExampleBlock::Response {
                format: ExampleFormat::Json,
                valid: true,
                ..
            }
        ));
        let b = classify("<R>\n<A>1</A>\n</R>", Label::Success);
        assert!(matches!(
            b,
            ExampleBlock::Response {
                format: ExampleFormat::Xml,
                valid: true,
                ..
            }
        ));
    }

    #[test]
    fn invalid_examples_are_flagged() {
        let b = classify("</R>\n<A>1</A>", Label::Success);
        assert!(matches!(b, ExampleBlock::Response { valid: false, .. }));
        let b = classify("<A>1</A>\n<B>2</B>", Label::Success);
        assert!(matches!(b, ExampleBlock::Response { valid: false, .. }));
        let b = classify("{\"A\": }", Label::Success);
        assert!(matches!(b, ExampleBlock::Response { valid: false, .. }));
    }

    #[test]
    fn stray_trailing_brace_is_tolerated() {
        let b = classify("{\"A\": 1}\n}", Label::Success);
        assert!(matches!(b, ExampleBlock::Response { valid: true, .. }));
    }

    #[test]
    fn xml_repeated_elements_become_arrays() {
        let v = xml_to_json("<R><L><I><A>1</A></I><I><A>2</A></I></L><E/></R>").unwrap();
        assert_eq!(v["L"]["I"].as_array().map(Vec::len), Some(2));
        assert_eq!(v["E"], Value::String(String::new()));
    }

    #[test]
    fn unnamed_xml_items_are_no_level() {
        // The XML rendering of `{"Ids": ["a", "b"], "Items": [{"N": "x"}]}`.
        let v = xml_to_json(
            "<R><Ids><element>a</element><element>b</element></Ids>\
             <Items><element><N>x</N></element></Items></R>",
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!({"Ids": ["a", "b"], "Items": [{"N": "x"}]})
        );
    }
}
