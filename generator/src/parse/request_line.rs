//! Step 5a, REST-style (ROA) docs: the request line of the syntax section (or of a request
//! example), understood: method, path, the query template, header lines, the body's name or
//! JSON template, an XML body.

use super::sections::{Section, Sections};
use super::text;
use crate::model::HttpRequestExample;

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// The request line of a REST-style doc, understood.
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
    /// The value of the `Host:` header line (`ProjectName.Endpoint`), spaces removed.
    pub host: Option<String>,
    /// Whether a line names the body (`Payload`).
    pub payload: Option<String>,
    /// The `Content-Type` header line's value, when the syntax block has one.
    pub content_type: Option<String>,
    /// The syntax block shows an XML document as the body (OSS-style requests).
    pub xml_body: bool,
    /// The member names of a JSON body the syntax block shows as a template
    /// (`{"logstoreName" : logStoreName, …}`: names quoted, values placeholders).
    pub body_keys: Vec<String>,
}

pub fn is_method(word: &str) -> bool {
    let word = word.to_ascii_uppercase();
    !word.is_empty() && word.split('|').all(|m| METHODS.contains(&m))
}

/// Reads `METHOD PATH [HTTP/1.1]` (the query may go on over `?`/`&` lines), then header lines
/// and a body line. `None` for an RPC call written that way (`GET /?Action=X`).
pub fn request_line(code: &str) -> Option<RequestLine> {
    let mut lines = code
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    let first = lines.next()?;
    let (method, rest) = first.split_once(char::is_whitespace)?;
    if !is_method(method) {
        return None;
    }
    let mut target = target_of(rest.trim()).to_string();
    // `GET https://sls.aliyuncs.com/` then `? AccessKeyId=…` and `&Action=…` lines.
    while let Some(next) = lines.peek() {
        if !(next.starts_with('?') || next.starts_with('&')) {
            break;
        }
        let part: String = next.chars().filter(|c| !c.is_whitespace()).collect();
        target.push_str(&part);
        lines.next();
    }
    let (path, query) = split_target(&target)?;
    if query.iter().any(|(k, _)| k == "Action") {
        return None;
    }
    let mut headers = Vec::new();
    let mut host = None;
    let mut payload = None;
    let mut content_type = None;
    let mut xml_body = false;
    let mut body_keys = Vec::new();
    // Depth inside a JSON body template (`{` on a line of its own or after the headers).
    let mut depth = 0i32;
    for line in lines {
        if line.starts_with('<') {
            xml_body = true;
            continue;
        }
        if depth > 0 || line.starts_with('{') {
            // A member of the template's top level: `"name" : value,`.
            if depth == 1 {
                if let Some(key) = quoted_key(line) {
                    body_keys.push(key.to_string());
                }
            }
            depth += line.matches(['{', '[']).count() as i32;
            depth -= line.matches(['}', ']']).count() as i32;
            if depth == 1 && line.starts_with('{') {
                if let Some(key) = quoted_key(line[1..].trim_start()) {
                    body_keys.push(key.to_string());
                }
            }
            continue;
        }
        // `Content-Length：ContentLength`: a full-width colon too.
        match line.split_once([':', '：']) {
            Some((name, value)) if !name.contains(' ') && !name.is_empty() => {
                if name.eq_ignore_ascii_case("content-type") {
                    content_type = Some(value.trim().to_string());
                }
                if name.eq_ignore_ascii_case("host") {
                    host = Some(value.split_whitespace().collect());
                }
                headers.push(name.to_string())
            }
            _ if line.chars().all(|c| c.is_ascii_alphanumeric()) => {
                payload = Some(line.to_string())
            }
            _ => {}
        }
    }
    xml_body |= content_type.as_deref().is_some_and(|t| t.contains("xml"));
    Some(RequestLine {
        method: method.to_ascii_uppercase(),
        path,
        query,
        headers,
        host,
        payload,
        content_type,
        xml_body,
        body_keys,
    })
}

/// The parameter a `Host:` value names in its first label (`ProjectName.Endpoint`,
/// `BucketName.oss-cn-hangzhou.aliyuncs.com`, `{project}.<endpoint>`), as written without its
/// brackets: `None` when the value has no second label (a bare `Endpoint`).
pub fn host_label(host: &str) -> Option<&str> {
    let (first, rest) = host.split_once('.')?;
    if rest.trim_matches('.').is_empty() {
        return None;
    }
    let bare = [('{', '}'), ('[', ']'), ('<', '>')]
        .iter()
        .find_map(|(o, c)| first.strip_prefix(*o).and_then(|s| s.strip_suffix(*c)))
        .unwrap_or(first);
    (!bare.is_empty()).then_some(bare)
}

/// `"name" : value` → `name`.
fn quoted_key(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('"')?;
    let (key, after) = rest.split_once('"')?;
    (!key.is_empty() && after.trim_start().starts_with(':')).then_some(key)
}

/// The target of a request line: up to its protocol suffix (`HTTP/1.1`, `HTTPS|HTTP`), so that
/// a query value may hold spaces (`?AppDescription=This is an app HTTP/1.1`).
pub fn target_of(rest: &str) -> &str {
    let rest = rest.trim();
    let upper = rest.to_ascii_uppercase();
    let suffix = [" HTTP/", " HTTPS|HTTP", " HTTP|HTTPS", " HTTPS", " HTTP"]
        .iter()
        .filter_map(|s| upper.rfind(s))
        .min();
    match suffix {
        Some(i) => rest[..i].trim(),
        None => rest.split_whitespace().next().unwrap_or(""),
    }
}

/// A path or URL → (path starting with `/`, query pairs as written). `None` for what is not one.
pub fn split_target(target: &str) -> Option<(String, Vec<(String, String)>)> {
    let rest = match target.split_once("://") {
        Some((_, after)) => after.find(['/', '?']).map(|i| &after[i..]).unwrap_or("/"),
        None => target,
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.contains('=') || path.contains('&') || path.contains(char::is_whitespace) {
        return None;
    }
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    let query = query
        .split('&')
        .map(str::trim)
        // `<公共请求参数>` alone is no pair; `consumer=<consumer>` is one with a placeholder value.
        .filter(|p| {
            !p.is_empty()
                && *p != "..."
                && (p.split_once('=').is_some_and(|(k, _)| !k.trim().is_empty())
                    || !text::is_placeholder(p))
        })
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.trim().to_string(), v.trim().to_string())
        })
        .collect();
    Some((path, query))
}

/// The doc's request line and its line: the first code block of the syntax section.
pub fn syntax(sections: &Sections<'_>) -> Option<(RequestLine, usize)> {
    sections
        .code(Section::Syntax)
        .find_map(|(code, line)| request_line(code).map(|l| (l, line)))
}

/// The request line a doc without a syntax section shows through its request example
/// (`POST /pop/v1/wam/appEnv HTTP/1.1`): method and path only.
pub fn line_of_example(example: &HttpRequestExample) -> RequestLine {
    RequestLine {
        method: example.method.clone(),
        path: example.path.clone(),
        query: Vec::new(),
        headers: Vec::new(),
        host: example.host.clone(),
        payload: None,
        content_type: None,
        xml_body: false,
        body_keys: Vec::new(),
    }
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
        // An RPC call whose query starts on the next line.
        assert!(request_line(
            "GET https://sls.aliyuncs.com/\n? AccessKeyId=k\n&Action=GetSlsService"
        )
        .is_none());
        // `Get /ObjectName?uploadId=…`: a method in another case.
        let l = request_line("Get /ObjectName?uploadId=0004B9895DBBB6EC98E HTTP/1.1\nHost: BucketName.oss-cn-hangzhou.aliyuncs.com").unwrap();
        assert_eq!((l.method.as_str(), l.path.as_str()), ("GET", "/ObjectName"));
        assert_eq!(
            l.query,
            vec![("uploadId".to_string(), "0004B9895DBBB6EC98E".to_string())]
        );
    }

    #[test]
    fn targets_end_at_the_protocol_not_at_a_space() {
        assert_eq!(
            target_of("/pop/v1/app?AppDescription=This is an app HTTP/1.1"),
            "/pop/v1/app?AppDescription=This is an app"
        );
        assert_eq!(target_of("/a/b HTTPS|HTTP"), "/a/b");
        assert_eq!(target_of("/a/b"), "/a/b");
        let (path, query) =
            split_target("/pop/v1/app?AppDescription=This is an app&Name=x").unwrap();
        assert_eq!(path, "/pop/v1/app");
        assert_eq!(
            query[0],
            ("AppDescription".to_string(), "This is an app".to_string())
        );
        let (path, query) = split_target(
            "http://webplus.cn-hangzhou.aliyuncs.com/pop/v1/wam/appEnv?<公共请求参数>",
        )
        .unwrap();
        assert_eq!(path, "/pop/v1/wam/appEnv");
        assert!(query.is_empty());
    }

    #[test]
    fn a_json_body_template_names_body_members() {
        let l = request_line("PUT /logstores/logstoreName HTTP/1.1\nHost: ProjectName.Endpoint\n{\n    \"ttl\": ttl,\n    \"shardCount\" : shardCount,\n    \"conf\": {\n        \"inner\": x\n    }\n}").unwrap();
        assert_eq!(l.body_keys, ["ttl", "shardCount", "conf"]);
        assert_eq!(l.headers, ["Host"]);
        assert_eq!(l.host.as_deref(), Some("ProjectName.Endpoint"));
    }

    #[test]
    fn host_labels_name_parameters() {
        assert_eq!(host_label("ProjectName.Endpoint"), Some("ProjectName"));
        assert_eq!(
            host_label("BucketName.oss-cn-hangzhou.aliyuncs.com"),
            Some("BucketName")
        );
        assert_eq!(host_label("{project}.endpoint"), Some("project"));
        assert_eq!(host_label("Endpoint"), None);
        assert_eq!(host_label("Endpoint."), None);
        // A value split by a space (`oss-example. oss-cn-hangzhou…`) is read without it.
        let l =
            request_line("GET /?uploads HTTP/1.1\nHost:oss-example. oss-cn-hangzhou.aliyuncs.com")
                .unwrap();
        assert_eq!(
            l.host.as_deref(),
            Some("oss-example.oss-cn-hangzhou.aliyuncs.com")
        );
    }
}
