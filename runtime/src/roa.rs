//! REST-style (ROA) requests as data: an HTTP method, a path template filled with path
//! parameters, query parameters, headers, a JSON body, and a parameter sent as the first label
//! of the host name (`Host: ProjectName.Endpoint`).
//!
//! Generated code fills a [`RoaRequest`] (`Request::roa`); [`crate::http::build_request`]
//! signs it (`ACS3-HMAC-SHA256`, [`crate::sign::acs3_request`]) and turns it into the HTTP
//! request, so the client's retries, timeouts and idempotency tokens are the same as for RPC
//! APIs. Nothing here knows about HTTP or credentials.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::sign;

/// `Content-Type` of a JSON body.
pub const JSON_CONTENT_TYPE: &str = "application/json";

/// The parts of one ROA request, before signing.
#[derive(Debug, Clone, PartialEq)]
pub struct RoaRequest {
    method: &'static str,
    template: &'static str,
    path_params: Vec<(&'static str, String)>,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    members: Map<String, Value>,
    payload: Option<Value>,
    token_in_body: bool,
    /// The parameter sent in the host name: its wire name and value.
    host_param: Option<(&'static str, String)>,
}

/// The longest DNS label (RFC 1035 §2.3.4).
const MAX_LABEL: usize = 63;

/// Why `value` cannot be the first label of a host name, or `None` when it can: a DNS label is
/// 1 to 63 ASCII letters, digits and inner hyphens (RFC 1123 §2.1). Anything else (a `.`, a `/`,
/// `@`, `:`, a space) would name another host or break the URL, so it is refused rather than
/// sent.
pub fn host_label_problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("is empty; it is sent as the first label of the host name".into());
    }
    if value.len() > MAX_LABEL {
        return Some(format!(
            "is {} bytes long; a host name label holds at most {MAX_LABEL}",
            value.len()
        ));
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return Some(format!(
            "`{value}` holds `{c}`; it is sent as the first label of the host name, which may hold only ASCII letters, digits and hyphens"
        ));
    }
    if value.starts_with('-') || value.ends_with('-') {
        return Some(format!(
            "`{value}` starts or ends with a hyphen, which a host name label may not"
        ));
    }
    None
}

/// A scalar JSON value as parameter text (`"a"` → `a`, `3` → `3`); `None` for null.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    // Generated request data always serializes; keep a null (nothing sent) otherwise.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// `{"A":[{"B":1}]}` under `X` → `X.A.1.B=1` (the 1-based repeat list of RPC queries).
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{}", i + 1), item, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                flatten(&format!("{prefix}.{k}"), item, out);
            }
        }
        other => out.extend(text_of(other).map(|t| (prefix.to_string(), t))),
    }
}

impl RoaRequest {
    /// `method` is one HTTP method (`POST`); `template` a path with `{Name}` placeholders.
    pub fn new(method: &'static str, template: &'static str) -> Self {
        RoaRequest {
            method,
            template,
            path_params: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            members: Map::new(),
            payload: None,
            token_in_body: false,
            host_param: None,
        }
    }

    /// The parameter `name` whose value is sent as the first label of the host name
    /// (`{value}.{endpoint host}`); checked when the request is built
    /// ([`host_label_problem`]).
    pub fn host_param<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        let text = text_of(&to_value(value)).unwrap_or_default();
        self.host_param = Some((name, text));
    }

    /// Fills placeholder `{name}`.
    pub fn path_param<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        let text = text_of(&to_value(value)).unwrap_or_default();
        self.path_params.push((name, text));
    }

    /// A query parameter; lists and objects become a repeat list (`Name.1`, `Name.Key`).
    pub fn query_param<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        flatten(name, &to_value(value), &mut self.query);
    }

    /// A query parameter sent as one JSON text.
    pub fn query_json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.query
            .push((name.to_string(), to_value(value).to_string()));
    }

    /// A header parameter (lists and objects as JSON text).
    pub fn header<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let v = to_value(value);
        let text = match &v {
            Value::Array(_) | Value::Object(_) => Some(v.to_string()),
            other => text_of(other),
        };
        self.headers.extend(text.map(|t| (name.to_string(), t)));
    }

    /// A member of the JSON object body.
    pub fn body_member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.members.insert(name.to_string(), to_value(value));
    }

    /// The whole body.
    pub fn payload<T: Serialize + ?Sized>(&mut self, value: &T) {
        self.payload = Some(to_value(value));
    }

    /// The API's idempotency token travels as a body member (the default is the query).
    pub fn token_in_body(&mut self) {
        self.token_in_body = true;
    }

    /// The HTTP method.
    pub fn method(&self) -> &'static str {
        self.method
    }

    /// The path template as documented.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The filled path: each segment RFC 3986-encoded, so a `/` inside a value stays inside
    /// its segment. A placeholder without a value becomes an empty segment.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.template.split('/').filter(|s| !s.is_empty()) {
            out.push('/');
            let name = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'));
            let text = match name {
                Some(n) => self
                    .path_params
                    .iter()
                    .find(|(p, _)| *p == n)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or(""),
                None => segment,
            };
            out.push_str(&sign::percent_encode(text));
        }
        if out.is_empty() {
            out.push('/');
        }
        out
    }

    /// Query parameters sorted by name.
    pub fn query(&self) -> Vec<(String, String)> {
        let mut q = self.query.clone();
        q.sort();
        q
    }

    /// The value sent as the first label of the host name, as given (unchecked).
    pub fn host_prefix(&self) -> Option<&str> {
        self.host_param.as_ref().map(|(_, v)| v.as_str())
    }

    /// The wire name of the parameter sent in the host name, and its value.
    pub fn host_param_of(&self) -> Option<(&'static str, &str)> {
        self.host_param.as_ref().map(|(n, v)| (*n, v.as_str()))
    }

    /// Header parameters as given.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The JSON body: the payload, or the object of the members set; `None` when neither.
    pub fn body(&self) -> Option<Value> {
        match (&self.payload, self.members.is_empty()) {
            (Some(v), _) => Some(v.clone()),
            (None, false) => Some(Value::Object(self.members.clone())),
            (None, true) => None,
        }
    }

    /// Sets the idempotency token `name` where the API sends it, unless already non-empty.
    pub fn fill_token(&mut self, name: &str, token: &str) {
        if self.token_in_body {
            let slot = self.members.get(name).and_then(text_of).unwrap_or_default();
            if slot.trim().is_empty() {
                self.members
                    .insert(name.into(), Value::String(token.into()));
            }
        } else {
            match self.query.iter_mut().find(|(k, _)| k == name) {
                Some((_, v)) if !v.trim().is_empty() => {}
                Some((_, v)) => *v = token.to_string(),
                None => self.query.push((name.into(), token.into())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_encoded_one_by_one() {
        let mut r = RoaRequest::new("GET", "/openapi/instances/{InstanceId}/x");
        r.path_param("InstanceId", "es a/b*中");
        assert_eq!(r.path(), "/openapi/instances/es%20a%2Fb%2A%E4%B8%AD/x");
        assert_eq!(RoaRequest::new("GET", "/").path(), "/");
    }

    #[test]
    fn query_header_and_body() {
        let mut r = RoaRequest::new("POST", "/v1/things");
        r.query_param("size", &20);
        r.query_param("ids", &vec!["a", "b"]);
        r.query_json("filter", &serde_json::json!({"k": 1}));
        r.header("Cookie", "c=1");
        r.body_member("name", "名字");
        r.body_member("count", &3i64);
        assert_eq!(
            r.query(),
            vec![
                ("filter".to_string(), r#"{"k":1}"#.to_string()),
                ("ids.1".to_string(), "a".to_string()),
                ("ids.2".to_string(), "b".to_string()),
                ("size".to_string(), "20".to_string()),
            ]
        );
        assert_eq!(r.headers(), &[("Cookie".to_string(), "c=1".to_string())]);
        assert_eq!(
            r.body(),
            Some(serde_json::json!({"name": "名字", "count": 3}))
        );
        r.payload(&serde_json::json!([1, 2]));
        assert_eq!(r.body(), Some(serde_json::json!([1, 2])));
        assert_eq!(RoaRequest::new("GET", "/").body(), None);
    }

    #[test]
    fn host_labels_are_dns_labels() {
        let mut r = RoaRequest::new("POST", "/logstores");
        assert_eq!(r.host_prefix(), None);
        r.host_param("projectName", "my-project");
        assert_eq!(r.host_prefix(), Some("my-project"));
        assert_eq!(r.host_param_of(), Some(("projectName", "my-project")));
        // RFC 1123 labels: letters, digits, inner hyphens, 1 to 63 bytes.
        for good in ["my-project", "a", "A1", "0abc", &"x".repeat(63)] {
            assert_eq!(host_label_problem(good), None, "{good}");
        }
        // Each of these would name another host or break the URL.
        for bad in [
            "",
            "evil.com",
            "a/b",
            "a@b",
            "a:80",
            "a b",
            "-a",
            "a-",
            "proj\u{e9}t",
            "a?b",
            "a#b",
            &"x".repeat(64),
        ] {
            assert!(host_label_problem(bad).is_some(), "{bad:?} accepted");
        }
        assert!(host_label_problem("evil.com")
            .is_some_and(|why| why.contains("`.`") && why.contains("host name")));
    }

    #[test]
    fn tokens_fill_only_empty_slots() {
        let mut r = RoaRequest::new("POST", "/");
        r.fill_token("clientToken", "t1");
        r.fill_token("clientToken", "t2");
        assert_eq!(r.query(), vec![("clientToken".into(), "t1".into())]);
        let mut r = RoaRequest::new("POST", "/");
        r.token_in_body();
        r.body_member("ClientToken", "");
        r.fill_token("ClientToken", "t3");
        assert_eq!(r.body(), Some(serde_json::json!({"ClientToken": "t3"})));
    }
}
