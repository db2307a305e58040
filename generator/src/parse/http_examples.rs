//! Step 5c: the REST-style (ROA) request examples of a doc, as written: `METHOD target` or a
//! bare URL, query lines going on after it, header lines (or a `Header :` block), then a JSON or
//! form body (or a `Body :` part); or a `curl` command. What the RPC reader of
//! [`super::examples`] does for `?Action=` calls, this does for requests with a method and path.

use serde_json::Value;

use super::sections::{Section, Sections};
use super::text;
use crate::model::{HttpRequestExample, QueryParam};

/// Query or form pairs as a doc writes them: `&`-joined on one line or one per line (tabs and
/// spaces around them dropped), values percent-decoded when they are encoded.
fn pairs_of(text: &str) -> Vec<QueryParam> {
    text.lines()
        .flat_map(|l| l.split('&'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            // A piece without `=` (`<公共请求参数>`) is no pair; a masked value
            // (`AppId=pdtk****`) is still the example's value of that parameter.
            let (k, v) = p.split_once('=')?;
            let k = k.trim();
            let valid = !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            valid.then(|| QueryParam {
                name: super::text::percent_decode(k),
                value: super::text::query_value(v.trim()),
            })
        })
        .collect()
}

/// A REST-style request example: `METHOD target [HTTP/1.1]` (a query value may hold spaces),
/// query lines going on after it (`&name=value`, tabs and all), header lines, then a JSON body
/// (object or array) or a form body (`Name=value` pairs); or a `curl` command (`-X`, `-d '…'`).
/// `None` for a block that is no such request, or an RPC call (`?Action=`).
pub fn http_request(code: &str, file: &str, line: usize) -> Option<HttpRequestExample> {
    let mut lines = code.lines().skip_while(|l| l.trim().is_empty()).peekable();
    let first = lines.next()?.trim();
    let (method, target, rest) = match first
        .strip_prefix("$ ")
        .unwrap_or(first)
        .strip_prefix("curl ")
    {
        Some(cmd) => curl_command(cmd)?,
        // A bare URL (`http://host/path…`, no method): the method is the request line's; what
        // follows is read as for a request line.
        None if text::is_bare_url(first) => {
            let url = first.split_whitespace().next().unwrap_or(first);
            let rest: Vec<&str> = lines.collect();
            (String::new(), url.to_string(), rest.join("\n"))
        }
        None => method_line(first, lines)?,
    };
    let (path, query_text) = path_and_query(&target, !method.is_empty());
    let query = pairs_of(&query_text);
    if query.iter().any(|q| q.name == "Action") {
        return None;
    }
    let (body_text, form_type, host_header) = body_after_headers(&rest);
    let (body, form) = body_of(body_text.trim(), form_type);
    Some(HttpRequestExample {
        method,
        path,
        query,
        body,
        form,
        xml: xml_of(body_text.trim()),
        host: host_header.or_else(|| url_host(&target)),
        file: file.to_string(),
        line,
    })
}

/// A `curl` command (after `curl `): its method (`-X`, else by whether `-d '…'` sends data),
/// URL and data.
fn curl_command(cmd: &str) -> Option<(String, String, String)> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let method = words
        .iter()
        .position(|w| *w == "-X")
        .and_then(|i| words.get(i + 1))
        .map(|m| m.trim_matches(['\'', '"']).to_ascii_uppercase());
    let url = words.iter().rev().find(|w| w.contains("://"))?;
    let data = cmd
        .split_once("-d '")
        .and_then(|(_, after)| after.split_once('\''))
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    let method = method.unwrap_or_else(|| if data.is_empty() { "GET" } else { "POST" }.into());
    Some((method, url.trim_matches(['\'', '"']).to_string(), data))
}

/// `METHOD target [HTTP/1.1]` and the query lines going on after it: the method, the whole
/// target, and the text after them (what follows the protocol, then the remaining lines).
fn method_line<'a>(
    first: &'a str,
    mut lines: std::iter::Peekable<impl Iterator<Item = &'a str>>,
) -> Option<(String, String, String)> {
    let (method, after) = first.split_once(char::is_whitespace)?;
    if !super::request_line::is_method(method) {
        return None;
    }
    let mut target = super::request_line::target_of(after).to_string();
    // What follows the protocol on the same line (`HTTP/1.1 公共请求头 {"a": 1}`).
    let same_line: String = after
        .trim()
        .get(target.len()..)
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(|c: char| !c.is_whitespace())
        .to_string();
    while let Some(next) = lines.peek() {
        let t = next.trim();
        if !(t.starts_with('&') || t.starts_with('?')) {
            break;
        }
        target.push_str(t);
        lines.next();
    }
    // The rest, one line after the other (as `join("\n")` would put them).
    let mut rest = same_line;
    for l in lines {
        rest.push('\n');
        rest.push_str(l);
    }
    Some((method.to_ascii_uppercase(), target, rest))
}

/// A request target's path (from `/`, without the host of a URL) and query text. Without a
/// method (a bare URL), a URL with no path gives an empty path: the request line's.
fn path_and_query(target: &str, has_method: bool) -> (String, String) {
    let (path, query_text) = match target.split_once("://") {
        // `http://host&<公共请求参数>`: a host and no path; the path is the request line's.
        Some((_, after)) if !has_method && !after.contains(['/', '?']) => {
            (String::new(), String::new())
        }
        Some((_, after)) => {
            let from = after.find(['/', '?']).unwrap_or(after.len());
            after[from..]
                .split_once('?')
                .map_or((after[from..].to_string(), String::new()), |(p, q)| {
                    (p.to_string(), q.to_string())
                })
        }
        None => target
            .split_once('?')
            .map_or((target.to_string(), String::new()), |(p, q)| {
                (p.to_string(), q.to_string())
            }),
    };
    // `/v1/change/pause&<公共请求头>`: the query glued on with `&` where `?` belongs.
    let (path, query_text) = match path.split_once('&') {
        Some((p, q)) if query_text.is_empty() => (p.to_string(), q.to_string()),
        _ => (path, query_text),
    };
    // A masked segment written with spaces (`es-cn-n6w1o1x0w001c **** /actions`).
    let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
    let path = if path.starts_with('/') || path.is_empty() && !has_method {
        path
    } else {
        format!("/{path}")
    };
    (path, query_text)
}

/// The host of a URL target (`https://host/path`, `http://host&…`), or `None` for a path.
fn url_host(target: &str) -> Option<String> {
    let (_, after) = target.split_once("://")?;
    let host = &after[..after.find(['/', '?', '&']).unwrap_or(after.len())];
    (!host.is_empty()).then(|| host.to_string())
}

/// The value of a `Host` header line as examples write it: `Host: h`, or quoted inside a
/// `Header :` block (`'Host': 'h',`, `"Host": "h",`); spaces inside the value removed
/// (`oss-example. oss-cn-hangzhou.aliyuncs.com`).
fn host_header(line: &str) -> Option<String> {
    let quotes = ['\'', '"'];
    let (name, value) = line.split_once(':')?;
    if !name
        .trim()
        .trim_matches(quotes)
        .eq_ignore_ascii_case("host")
    {
        return None;
    }
    let value: String = value
        .trim()
        .trim_end_matches(',')
        .trim_matches(quotes)
        .split_whitespace()
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The body text after the header lines, whether a header says it is a form
/// (`Content-Type: …form-urlencoded`), and the `Host` header's value. A line naming the common
/// headers stands for them.
fn body_after_headers(rest: &str) -> (String, bool, Option<String>) {
    let mut body_lines: Vec<&str> = Vec::new();
    let mut form_type = false;
    let mut host = None;
    // `Header :` then a `{…}` block of header lines (skipped), `Body :` then the body.
    let mut header_block: Option<i32> = None;
    let mut after_header_label = false;
    for l in rest.lines() {
        let t = l.trim();
        if body_lines.is_empty() {
            if host.is_none() {
                host = host_header(t);
            }
            if let Some(depth) = header_block.as_mut() {
                *depth += text::open_brackets(t);
                if *depth <= 0 {
                    header_block = None;
                }
                continue;
            }
            if after_header_label && t.starts_with('{') {
                after_header_label = false;
                let depth = text::open_brackets(t);
                if depth > 0 {
                    header_block = Some(depth);
                }
                continue;
            }
            match section_label(t) {
                Some(("header", after)) => {
                    let depth = text::open_brackets(after);
                    if depth > 0 {
                        header_block = Some(depth);
                    } else {
                        after_header_label = after.is_empty();
                    }
                    continue;
                }
                Some(("body", after)) => {
                    if !after.is_empty() {
                        body_lines.push(after);
                    }
                    continue;
                }
                _ => {}
            }
            // Before the body: header lines (`Host: …`) and lines standing for the common
            // headers (`公共请求头`, `Common request headers`) are skipped.
            let form_pair = t.split_once('=').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            });
            // `<TransferAccelerationConfiguration>`: an XML body (not `<公共请求头>`).
            let xml = opens_xml(t, rest);
            if !(t.starts_with(['{', '[']) || form_pair || xml) {
                if let Some((name, value)) = t.split_once(':') {
                    if name.eq_ignore_ascii_case("content-type")
                        && value.contains("form-urlencoded")
                    {
                        form_type = true;
                    }
                    if !name.contains(char::is_whitespace) {
                        continue;
                    }
                }
                // `public request header ["a","b"]`: the body starts after the words.
                if let Some(i) = t.find(['{', '[']) {
                    body_lines.push(&t[i..]);
                }
                continue;
            }
        }
        body_lines.push(l);
    }
    (body_lines.join("\n"), form_type, host)
}

/// Whether a line opens an XML document the text closes: `<?xml …?>`, or `<Name …>` with a
/// `</Name>` further on (a placeholder such as `<公共请求头>` or `<Common parameters>` is none).
fn opens_xml(line: &str, text: &str) -> bool {
    if line.starts_with("<?xml") {
        return true;
    }
    let Some(after) = line.strip_prefix('<') else {
        return false;
    };
    let name: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
        .collect();
    !name.is_empty() && text.contains(&format!("</{name}>"))
}

/// An XML body: a well-formed document, each line trimmed.
fn xml_of(trimmed: &str) -> Option<String> {
    let text: Vec<&str> = trimmed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let text = text.join("\n");
    (text.starts_with('<') && super::examples::check_xml(&text).is_ok()).then_some(text)
}

/// The body as compact JSON (its first value), or as form pairs.
fn body_of(trimmed: &str, form_type: bool) -> (Option<String>, Vec<QueryParam>) {
    let (mut body, mut form) = (None, Vec::new());
    if trimmed.starts_with('<') {
        return (body, form);
    }
    if trimmed.starts_with(['{', '[']) {
        let mut stream = serde_json::Deserializer::from_str(trimmed).into_iter::<Value>();
        if let Some(Ok(v)) = stream.next() {
            body = Some(v.to_string());
        }
    } else if !trimmed.is_empty() && (form_type || trimmed.contains('=')) {
        form = pairs_of(trimmed);
    }
    (body, form)
}

/// A line that labels what follows in a request example: `Header :` / `Headers:` (a block of
/// header lines) or `Body :` (the body, on the next lines or after the colon). The label, lower
/// case, and what follows the colon.
fn section_label(line: &str) -> Option<(&'static str, &str)> {
    let (word, after) = line.split_once([':', '：'])?;
    let label = match word.trim().to_ascii_lowercase().as_str() {
        "header" | "headers" => "header",
        "body" => "body",
        _ => return None,
    };
    Some((label, after.trim()))
}

/// Every REST-style request example of the example section.
pub fn http_requests(sections: &Sections<'_>, file: &str) -> Vec<HttpRequestExample> {
    sections
        .code(Section::Examples)
        .filter_map(|(code, line)| http_request(code, file, line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Query or form pairs as `(name, value)`, to compare with a literal list.
    fn named(params: &[QueryParam]) -> Vec<(&str, &str)> {
        params
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str()))
            .collect()
    }

    #[test]
    fn rest_style_examples_as_written() {
        let ex = http_request("POST /pop/v1/wam/app?AppName=demo&AppDescription=This is an app HTTP/1.1\n\t&RegionId=cn-hangzhou\nHost: webplus.aliyuncs.com\n", "f.md", 3).unwrap();
        assert_eq!(
            (ex.method.as_str(), ex.path.as_str()),
            ("POST", "/pop/v1/wam/app")
        );
        let q = named(&ex.query);
        assert_eq!(
            q,
            [
                ("AppName", "demo"),
                ("AppDescription", "This is an app"),
                ("RegionId", "cn-hangzhou")
            ]
        );
        // A masked query value is the example's value; the placeholder piece is no pair.
        let ex = http_request(
            "POST api/call/describeCall?AppId=pdtk****&ChannelId=1230&<公共请求参数> HTTP/1.1",
            "f.md",
            1,
        )
        .unwrap();
        let q = named(&ex.query);
        assert_eq!(q, [("AppId", "pdtk****"), ("ChannelId", "1230")]);
        // Labelled parts: a `Header :` block of header lines (not the body), then `Body :`.
        let ex = http_request("POST /logstores HTTP/1.1\nHeader :\n{\n    'Content-Type': 'application/json',\n    'Host': 'p.sls.aliyuncs.com'\n}\nBody : \n{\n    \"logstoreName\": \"test\",\n    \"ttl\": 30\n}", "f.md", 1).unwrap();
        assert_eq!(
            ex.body.as_deref(),
            Some(r#"{"logstoreName":"test","ttl":30}"#)
        );
        assert_eq!(ex.host.as_deref(), Some("p.sls.aliyuncs.com"));
        // The Host line of a header block written without quotes; a value split by a space.
        let ex = http_request("POST /logstores/s/consumergroups HTTP/1.1\nHeader :\n{\nAuthorization: LOG id:sig\nHost: my-project.cn-shanghai.log.aliyuncs.com\nDate: Fri, 04 May 2018 08:02:22 GMT\n}\nBody :\n{\"timeout\": 300}", "f.md", 1).unwrap();
        assert_eq!(
            ex.host.as_deref(),
            Some("my-project.cn-shanghai.log.aliyuncs.com")
        );
        assert_eq!(ex.body.as_deref(), Some(r#"{"timeout":300}"#));
        let ex = http_request("Get /?uploads  HTTP/1.1\nHost:oss-example. oss-cn-hangzhou.aliyuncs.com\nDate: Thu, 23 Feb 2012 06:14:27 GMT", "f.md", 1).unwrap();
        assert_eq!(
            ex.host.as_deref(),
            Some("oss-example.oss-cn-hangzhou.aliyuncs.com")
        );
        let ex = http_request(
            "PUT /x HTTP/1.1\nHeaders: {'a': 'b'}\nBody: {\"n\": 1}",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(ex.body.as_deref(), Some(r#"{"n":1}"#));
        // A bare URL: no method (the request line's), the path as written, or none when the
        // URL has no path.
        let ex = http_request(
            "http://webplus.cn-hangzhou.aliyuncs.com&<公共请求参数>\n{\n  \"ChangeId\":\"wc-1\"\n}",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!((ex.method.as_str(), ex.path.as_str()), ("", ""));
        assert_eq!(ex.body.as_deref(), Some(r#"{"ChangeId":"wc-1"}"#));
        // An XML body (OSS): kept as written but for indentation, never read as form pairs
        // (`xmlns="…"`); a placeholder line in angle brackets is no XML.
        let ex = http_request(
            "PUT /?acl HTTP/1.1\nContent-Type: application/xml\nHost: b.oss.aliyuncs.com\n<Config xmlns=\"http://x\">\n  <Enabled>true</Enabled>\n</Config>",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(
            ex.xml.as_deref(),
            Some("<Config xmlns=\"http://x\">\n<Enabled>true</Enabled>\n</Config>")
        );
        assert!(ex.body.is_none() && ex.form.is_empty(), "{ex:?}");
        let ex = http_request(
            "POST /x HTTP/1.1\n<Common request headers>\n{\"a\": 1}",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(
            (ex.body.as_deref(), ex.xml.as_deref()),
            (Some(r#"{"a":1}"#), None)
        );
        // The common parameters glued to the path with `&` are no part of it.
        let ex = http_request(
            "http://webplus.cn-hangzhou.aliyuncs.com/pop/v1/wam/change/pause&<公共请求头>\n{\"ChangeId\": \"wc-1\"}",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(ex.path, "/pop/v1/wam/change/pause");
        assert!(ex.query.is_empty(), "{:?}", ex.query);
        let ex = http_request(
            "https://es.aliyuncs.com/openapi/logstashes?clientToken=x\n{\"a\": 1}",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(
            (ex.method.as_str(), ex.path.as_str()),
            ("", "/openapi/logstashes")
        );
        assert_eq!(ex.host.as_deref(), Some("es.aliyuncs.com"));
        assert_eq!(ex.query[0].name, "clientToken");
        let ex = http_request(
            "PUT /openapi/x HTTP/1.1\n公共请求头\n[{\"a\": 1}, {\"a\": 2}]",
            "f.md",
            1,
        )
        .unwrap();
        assert_eq!(ex.body.as_deref(), Some(r#"[{"a":1},{"a":2}]"#));
        let ex = http_request("POST /pop/v1/sam/env HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nEnvName=test\nEnvDescription=an env", "f.md", 1).unwrap();
        let f = named(&ex.form);
        assert_eq!(f, [("EnvName", "test"), ("EnvDescription", "an env")]);
        assert!(ex.body.is_none());
        let ex = http_request("$ curl -X PUT 'https://127.0.0.1:9999/2020-04-30/things/pk/dn/properties' -d '{\"a\":1}'", "f.md", 1).unwrap();
        assert_eq!(
            (ex.method.as_str(), ex.path.as_str()),
            ("PUT", "/2020-04-30/things/pk/dn/properties")
        );
        assert!(http_request(
            "GET https://nas.aliyuncs.com/?Action=DescribeRegions",
            "f.md",
            1
        )
        .is_none());
        // One line: the body after the words that stand for the common headers; a masked
        // path segment written with spaces.
        let ex = http_request("     POST /openapi/instances/es-cn-n6w1o1x0w001c **** /actions/recover-zones HTTP/1.1 public request header [\"cn-hangzhou-i\",\"cn-hangzhou-h\"] ", "f.md", 1).unwrap();
        assert_eq!(
            ex.path,
            "/openapi/instances/es-cn-n6w1o1x0w001c****/actions/recover-zones"
        );
        assert_eq!(
            ex.body.as_deref(),
            Some(r#"["cn-hangzhou-i","cn-hangzhou-h"]"#)
        );
        assert!(http_request("{\"a\": 1}", "f.md", 1).is_none());
    }
}
