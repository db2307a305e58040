//! Building signed requests and reading responses, without I/O.
//!
//! [`build_request`] turns a typed [`Request`] into an [`http::Request`] ready for any HTTP
//! client; [`parse_response`] turns status, content type and body back into the typed response
//! or a typed [`SdkError`]. The clock and the nonce are arguments, so both are testable offline.

use std::collections::BTreeMap;
use std::time::SystemTime;

use http::header::{HeaderName, HeaderValue, ACCEPT, HOST, USER_AGENT};

use crate::api::{ApiError, Request};
use crate::credentials::Credentials;
pub use crate::endpoint::{Endpoint, RequestConfig, SignatureStyle, USER_AGENT_VALUE};
use crate::error::{ConfigError, ErrorBody, ResponseError, SdkError, ServiceError};
use crate::roa::{RoaRequest, JSON_CONTENT_TYPE};
use crate::sign;

/// The checks a request gets before it is sent: every documented rule
/// ([`Request::validate`]), or only required parameters ([`Request::validate_required`]) when
/// the request skips its rule checks or the configuration turns them off.
pub fn check_request<R: Request>(
    req: &R,
    config: &RequestConfig,
) -> Result<(), crate::validate::ValidationError> {
    if config.rule_checks() && !req.rule_checks_skipped() {
        req.validate()
    } else {
        req.validate_required()
    }
}

/// Builds the signed HTTP request for one attempt.
///
/// Runs [`check_request`] first. The API parameters go into the query of a `POST /` with an
/// empty body. With [`SignatureStyle::V2`] the common parameters (`Action`, `Version`,
/// `Format=JSON`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`,
/// `Timestamp`, and `SecurityToken` for STS) are added and everything is signed into the
/// query; with [`SignatureStyle::V3`] they become `x-acs-*` headers and an `Authorization`
/// header ([`sign::acs3_request`], the same function REST-style calls use). `RegionId` is the
/// request's business.
///
/// `client_token` is inserted under `R::CLIENT_TOKEN` when the API has one and the request
/// did not set it, so that retries can reuse one token. `now` and `nonce` must be fresh per
/// attempt (the gateway rejects a reused nonce).
pub fn build_request<R: Request>(
    req: &R,
    config: &RequestConfig,
    credentials: &Credentials,
    now: SystemTime,
    nonce: &str,
    client_token: Option<&str>,
) -> Result<http::Request<Vec<u8>>, SdkError<R::Error>> {
    check_request(req, config)?;
    if credentials.access_key_id().is_empty() || credentials.access_key_secret().is_empty() {
        return Err(ConfigError::new("the AccessKey ID and secret must not be empty").into());
    }
    if nonce.is_empty() {
        return Err(ConfigError::new("the signature nonce must not be empty").into());
    }
    let endpoint = config.endpoint_for(R::PRODUCT)?;
    let timestamp = sign::format_timestamp(now);
    let built = match req.roa() {
        Some(mut roa) => {
            if let (Some(name), Some(token)) = (R::CLIENT_TOKEN, client_token) {
                roa.fill_token(name, token);
            }
            let endpoint = roa_endpoint(&roa, &endpoint)?;
            roa_request(
                &roa,
                R::ACTION,
                R::VERSION,
                &endpoint,
                credentials,
                &timestamp,
                nonce,
            )
        }
        None => {
            let mut params: BTreeMap<String, String> = req.to_query().into_iter().collect();
            if let (Some(name), Some(token)) = (R::CLIENT_TOKEN, client_token) {
                // An empty token is no token: keeping it would make retries unsafe.
                let slot = params.entry(name.to_string()).or_default();
                if slot.trim().is_empty() {
                    *slot = token.to_string();
                }
            }
            let call = RpcCall {
                action: R::ACTION,
                version: R::VERSION,
                endpoint: &endpoint,
                now: &timestamp,
                nonce,
            };
            match config.signature() {
                SignatureStyle::V2 => rpc_v2_request(&call, params, Some(credentials)),
                SignatureStyle::V3 => rpc_v3_request(&call, params, credentials),
            }
        }
    };
    // Only a header value with control characters (e.g. in a token) can fail here.
    let mut built = built.map_err(|e| {
        ConfigError::new(format!(
            "cannot build the HTTP request (check the credentials and header values): {e}"
        ))
    })?;
    let headers = built.headers_mut();
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
    Ok(built)
}

/// What an RPC call is, apart from its parameters.
pub(crate) struct RpcCall<'a> {
    pub action: &'a str,
    pub version: &'a str,
    pub endpoint: &'a Endpoint,
    /// The formatted `Timestamp`.
    pub now: &'a str,
    pub nonce: &'a str,
}

/// `POST /` with every parameter in the query, signed with HMAC-SHA1 into the query; without
/// credentials the call is anonymous (no `AccessKeyId`, no `Signature`), as
/// `AssumeRoleWithOIDC` is.
pub(crate) fn rpc_v2_request(
    call: &RpcCall<'_>,
    mut params: BTreeMap<String, String>,
    credentials: Option<&Credentials>,
) -> Result<http::Request<Vec<u8>>, http::Error> {
    let mut common = vec![
        ("Action", call.action),
        ("Version", call.version),
        ("Format", "JSON"),
        ("SignatureNonce", call.nonce),
        ("Timestamp", call.now),
    ];
    if let Some(credentials) = credentials {
        common.extend([
            ("AccessKeyId", credentials.access_key_id()),
            ("SignatureMethod", sign::RPC_SIGNATURE_METHOD),
            ("SignatureVersion", sign::RPC_SIGNATURE_VERSION),
        ]);
        if let Some(token) = credentials.security_token() {
            common.push(("SecurityToken", token));
        }
    }
    for (name, value) in common {
        params.insert(name.to_string(), value.to_string());
    }
    params.remove("Signature");
    let params: Vec<(String, String)> = params.into_iter().collect();
    let query = match credentials {
        Some(credentials) => {
            sign::rpc_v2_sign("POST", &params, credentials.access_key_secret()).signed_query()
        }
        None => sign::canonical_query(&params),
    };
    http::Request::builder()
        .method(http::Method::POST)
        .uri(format!("{}?{query}", call.endpoint))
        .header(HOST, call.endpoint.host())
        .body(Vec::new())
}

/// An RPC call signed with `ACS3-HMAC-SHA256`: `POST /`, the API's parameters in the query.
fn rpc_v3_request(
    call: &RpcCall<'_>,
    mut params: BTreeMap<String, String>,
    credentials: &Credentials,
) -> Result<http::Request<Vec<u8>>, http::Error> {
    params.remove("Action");
    let query: Vec<(String, String)> = params.into_iter().collect();
    sign::acs3_request(
        &sign::Acs3Request {
            method: "POST",
            scheme: call.endpoint.scheme(),
            host: call.endpoint.host(),
            path: "/",
            query: &query,
            action: call.action,
            version: call.version,
            headers: &[],
            body: &[],
            content_type: None,
            date: call.now,
            nonce: call.nonce,
        },
        credentials,
    )
}

/// The endpoint a REST-style call goes to: the configured one, or, when the API sends a
/// parameter in the host name, that value as the first label before it (signed as part of the
/// `host` header like any host). A value that is no DNS label is a validation error naming the
/// parameter: it is never sent, so no value can point the request at another host.
fn roa_endpoint<E>(roa: &RoaRequest, endpoint: &Endpoint) -> Result<Endpoint, SdkError<E>> {
    let Some((name, label)) = roa.host_param_of() else {
        return Ok(endpoint.clone());
    };
    if let Some(why) = crate::roa::host_label_problem(label) {
        return Err(crate::validate::ValidationError {
            violations: vec![crate::validate::Violation {
                field: name.to_string(),
                message: why,
            }],
        }
        .into());
    }
    Ok(endpoint.with_host_label(label)?)
}

/// A REST-style call: its method, filled path, query, headers and JSON body, signed with
/// `ACS3-HMAC-SHA256`.
fn roa_request(
    roa: &RoaRequest,
    action: &str,
    version: &str,
    endpoint: &Endpoint,
    credentials: &Credentials,
    now: &str,
    nonce: &str,
) -> Result<http::Request<Vec<u8>>, http::Error> {
    let body = roa.body().map(|v| v.to_string().into_bytes());
    let path = roa.path();
    let query = roa.query();
    sign::acs3_request(
        &sign::Acs3Request {
            method: roa.method(),
            scheme: endpoint.scheme(),
            host: endpoint.host(),
            path: &path,
            query: &query,
            action,
            version,
            headers: roa.headers(),
            body: body.as_deref().unwrap_or_default(),
            content_type: body.as_ref().map(|_| JSON_CONTENT_TYPE),
            date: now,
            nonce,
        },
        credentials,
    )
}

/// Reads a response into the typed result.
///
/// A 2xx body is decoded as JSON or XML, told apart by its first character (the content type
/// decides only for an empty body); fields degrade one by one ([`crate::de`]). Any other status is an
/// error: a body with a code gives [`SdkError::Service`] (the code, not the status, decides
/// the API's typed error); an unreadable body gives [`SdkError::Response`] with the raw body.
pub fn parse_response<R: Request>(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<R::Response, SdkError<R::Error>> {
    let raw = || String::from_utf8_lossy(body).into_owned();
    if (200..300).contains(&status) {
        // The body decides between JSON and XML; the content type only when the body is empty.
        let xml = match std::str::from_utf8(body) {
            Ok(text) if !text.trim().is_empty() => crate::de::looks_like_xml(text),
            _ => content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("xml")),
        };
        // An HTML page (a proxy's or gateway's maintenance page) is well-formed markup but no
        // API answer: decoding it leniently would give an empty response.
        if content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("html")) {
            return Err(SdkError::Response(ResponseError::new(
                status,
                "the success body is an HTML page, not a JSON or XML API response".to_string(),
                raw(),
            )));
        }
        // Fields decode one by one and never fail (`crate::de`); only a body that is not JSON
        // or XML, or not an object, is an error.
        let decoded = std::str::from_utf8(body)
            .map_err(|e| e.to_string())
            .and_then(|text| crate::de::from_body(text).map_err(|e| e.to_string()));
        return decoded.map_err(|e| {
            let format = if xml { "XML" } else { "JSON" };
            SdkError::Response(ResponseError::new(
                status,
                format!("cannot decode the {format} success body: {e}"),
                raw(),
            ))
        });
    }
    match ErrorBody::parse(content_type, body) {
        Some(parsed) => {
            let error = R::Error::from_code(&parsed.code, parsed.message.as_deref().unwrap_or(""));
            Err(SdkError::Service(Box::new(ServiceError::new(
                error,
                parsed,
                status,
                raw(),
            ))))
        }
        None => {
            let reason = http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("unknown status");
            Err(SdkError::Response(ResponseError::new(
                status,
                format!("HTTP {status} {reason} without a readable error code"),
                raw(),
            )))
        }
    }
}

/// Whether a header name is one the V3 scheme signs (`host`, `content-type`, `x-acs-*`).
pub fn is_v3_signed_header(name: &HeaderName) -> bool {
    let name = name.as_str();
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// A header value, or `None` when absent or not visible ASCII.
pub fn header_str<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Violations;
    use crate::ValidationError;
    use std::fmt;
    use std::time::Duration;

    #[derive(Debug, PartialEq)]
    enum FakeError {
        Configuring,
        Other(String),
    }
    impl fmt::Display for FakeError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.code())
        }
    }
    impl ApiError for FakeError {
        fn from_code(code: &str, _message: &str) -> Self {
            match code {
                "VpnGateway.Configuring" => FakeError::Configuring,
                other => FakeError::Other(other.to_string()),
            }
        }
        fn code(&self) -> &str {
            match self {
                FakeError::Configuring => "VpnGateway.Configuring",
                FakeError::Other(c) => c,
            }
        }
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Reply {
        #[serde(rename = "RequestId")]
        request_id: String,
    }

    struct Create {
        region: String,
        token: Option<String>,
        name: String,
    }
    impl Request for Create {
        type Response = Reply;
        type Error = FakeError;
        const ACTION: &'static str = "CreateThing";
        const VERSION: &'static str = "2016-04-28";
        const PRODUCT: &'static str = "Vpc";
        const CLIENT_TOKEN: Option<&'static str> = Some("ClientToken");
        fn validate(&self) -> Result<(), ValidationError> {
            let mut v = Violations::new();
            if self.region.is_empty() {
                v.missing("RegionId");
            }
            v.finish()
        }
        fn to_query(&self) -> Vec<(String, String)> {
            let mut q = vec![
                ("Action".to_string(), Self::ACTION.to_string()),
                ("Name".to_string(), self.name.clone()),
                ("RegionId".to_string(), self.region.clone()),
            ];
            if let Some(t) = &self.token {
                q.push(("ClientToken".to_string(), t.clone()));
            }
            q.sort();
            q
        }
    }

    fn create() -> Create {
        Create {
            region: "cn-shanghai".into(),
            token: None,
            name: "a b*~".into(),
        }
    }

    fn at() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_456_231_584)
    }

    fn query_of(req: &http::Request<Vec<u8>>) -> BTreeMap<String, String> {
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .unwrap()
                .into_owned()
        };
        req.uri()
            .query()
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (decode(k), decode(v))
            })
            .collect()
    }

    #[test]
    fn endpoints() {
        let e = Endpoint::regional("Vpc", "cn-shanghai").unwrap();
        assert_eq!(e.to_string(), "https://vpc.cn-shanghai.aliyuncs.com/");
        assert_eq!(e.host(), "vpc.cn-shanghai.aliyuncs.com");
        let e = Endpoint::parse("http://127.0.0.1:8080").unwrap();
        assert_eq!((e.scheme(), e.host()), ("http", "127.0.0.1:8080"));
        assert!(e.is_loopback());
        assert_eq!(
            Endpoint::parse("vpc.aliyuncs.com").unwrap().to_string(),
            "https://vpc.aliyuncs.com/"
        );
        for bad in [
            "ftp://x",
            "http://x/path",
            "http://x/?a=b",
            "http://u:p@x",
            "",
            "http://",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
        assert!(Endpoint::regional("Vpc", "cn-shanghai.evil.com/").is_err());
        assert!(RequestConfig::new().endpoint_for("Vpc").is_err());
        let c = RequestConfig::new().with_region("cn-hangzhou");
        assert_eq!(
            c.endpoint_for("Ecs").unwrap().host(),
            "ecs.cn-hangzhou.aliyuncs.com"
        );
        let c = c.with_endpoint("http://localhost:9").unwrap();
        assert_eq!(c.endpoint_for("Ecs").unwrap().host(), "localhost:9");
    }

    #[test]
    fn v2_request_is_signed_and_complete() {
        let config = RequestConfig::new().with_region("cn-shanghai");
        let creds = Credentials::new("testid", "testsecret").with_security_token("tok");
        let req =
            build_request(&create(), &config, &creds, at(), "nonce-1", Some("tok-1")).unwrap();
        assert_eq!(req.method(), http::Method::POST);
        assert_eq!(req.uri().host(), Some("vpc.cn-shanghai.aliyuncs.com"));
        assert_eq!(req.uri().path(), "/");
        assert!(req.body().is_empty());
        let q = query_of(&req);
        let expect = [
            ("AccessKeyId", "testid"),
            ("Action", "CreateThing"),
            ("ClientToken", "tok-1"),
            ("Format", "JSON"),
            ("Name", "a b*~"),
            ("RegionId", "cn-shanghai"),
            ("SecurityToken", "tok"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "nonce-1"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2016-02-23T12:46:24Z"),
            ("Version", "2016-04-28"),
        ];
        for (k, v) in expect {
            assert_eq!(q.get(k).map(String::as_str), Some(v), "{k}");
        }
        assert_eq!(q.len(), expect.len() + 1);
        let unsigned: Vec<(String, String)> = q
            .iter()
            .filter(|(k, _)| *k != "Signature")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(
            q["Signature"],
            sign::rpc_v2_sign("POST", &unsigned, "testsecret").signature
        );
        // Encoded per RFC 3986 on the wire, Signature last.
        let raw = req.uri().query().unwrap();
        assert!(raw.contains("Name=a%20b%2A~"), "{raw}");
        assert!(raw.rsplit('&').next().unwrap().starts_with("Signature="));
    }

    #[test]
    fn callers_client_token_wins() {
        let config = RequestConfig::new().with_region("cn-shanghai");
        let creds = Credentials::new("id", "sk");
        let mut r = create();
        r.token = Some("mine".into());
        let req = build_request(&r, &config, &creds, at(), "n", Some("generated")).unwrap();
        assert_eq!(query_of(&req)["ClientToken"], "mine");
        let req = build_request(&create(), &config, &creds, at(), "n", None).unwrap();
        assert!(!query_of(&req).contains_key("ClientToken"));
        assert!(!query_of(&req).contains_key("SecurityToken"));
        // An empty token would defeat idempotent retries: it is replaced.
        r.token = Some(String::new());
        let req = build_request(&r, &config, &creds, at(), "n", Some("generated")).unwrap();
        assert_eq!(query_of(&req)["ClientToken"], "generated");
    }

    #[test]
    fn validation_and_config_errors_come_first() {
        let creds = Credentials::new("id", "sk");
        let config = RequestConfig::new().with_region("cn-shanghai");
        let bad = Create {
            region: String::new(),
            token: None,
            name: "x".into(),
        };
        let e = build_request(&bad, &config, &creds, at(), "n", None).unwrap_err();
        assert!(
            matches!(&e, SdkError::Validation(v) if v.mentions("RegionId")),
            "{e}"
        );
        let e =
            build_request(&create(), &RequestConfig::new(), &creds, at(), "n", None).unwrap_err();
        assert!(matches!(e, SdkError::Config(_)));
        let e = build_request(
            &create(),
            &config,
            &Credentials::new("", ""),
            at(),
            "n",
            None,
        )
        .unwrap_err();
        assert!(matches!(e, SdkError::Config(_)));
        let newline = Credentials::new("id", "sk").with_security_token("a\nb");
        let e = build_request(
            &create(),
            &config.with_signature(SignatureStyle::V3),
            &newline,
            at(),
            "n",
            None,
        )
        .unwrap_err();
        assert!(matches!(e, SdkError::Config(_)));
        assert!(!e.to_string().contains("a\nb"));
    }

    #[test]
    fn v3_request_headers() {
        let config = RequestConfig::new()
            .with_endpoint("http://127.0.0.1:8080")
            .unwrap()
            .with_signature(SignatureStyle::V3);
        let creds =
            Credentials::new("YourAccessKeyId", "YourAccessKeySecret").with_security_token("sts");
        let req = build_request(&create(), &config, &creds, at(), "n3", Some("t")).unwrap();
        let h = req.headers();
        assert_eq!(header_str(h, "host"), Some("127.0.0.1:8080"));
        assert_eq!(header_str(h, "x-acs-action"), Some("CreateThing"));
        assert_eq!(header_str(h, "x-acs-version"), Some("2016-04-28"));
        assert_eq!(header_str(h, "x-acs-date"), Some("2016-02-23T12:46:24Z"));
        assert_eq!(header_str(h, "x-acs-signature-nonce"), Some("n3"));
        assert_eq!(header_str(h, "x-acs-security-token"), Some("sts"));
        let q = query_of(&req);
        assert!(
            !q.contains_key("Action")
                && !q.contains_key("Signature")
                && !q.contains_key("Timestamp")
        );
        assert_eq!(q["ClientToken"], "t");
        // Recompute from what is on the wire.
        let signed: Vec<(String, String)> = h
            .iter()
            .filter(|(n, _)| is_v3_signed_header(n))
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_string()))
            .collect();
        let query: Vec<(String, String)> = q.into_iter().collect();
        let expect = sign::v3_sign(
            &sign::V3Input {
                method: "POST",
                path: "/",
                query: &query,
                headers: &signed,
                hashed_payload: sign::EMPTY_SHA256,
            },
            "YourAccessKeyId",
            "YourAccessKeySecret",
        );
        assert_eq!(
            header_str(h, "authorization"),
            Some(expect.authorization.as_str())
        );
        assert!(expect.signed_headers.contains("x-acs-security-token"));
    }

    /// Derived once by `runtime/tests/vectors/roa_v3.py`, a second implementation.
    #[test]
    fn roa_v3_vector() {
        let mut r = RoaRequest::new("POST", "/openapi/instances/{InstanceId}/snapshot-repos");
        r.path_param("InstanceId", "es cn/中*1");
        r.query_param("size", &10);
        r.query_param("q", "a b*");
        r.query_param("clientToken", "tok-1");
        r.body_member("name", "数据流 1");
        r.body_member("count", &2);
        let endpoint = Endpoint::parse("https://elasticsearch.cn-hangzhou.aliyuncs.com").unwrap();
        let at = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_698_315_752);
        let creds = Credentials::new("roa-test-id", "roa-test-secret");
        let built = roa_request(
            &r,
            "AddSnapshotRepo",
            "2017-06-13",
            &endpoint,
            &creds,
            &sign::format_timestamp(at),
            "nonce-roa-1",
        )
        .unwrap();
        assert_eq!(built.method(), "POST");
        assert_eq!(
            built.uri().to_string(),
            "https://elasticsearch.cn-hangzhou.aliyuncs.com/openapi/instances/es%20cn%2F%E4%B8%AD%2A1/snapshot-repos?clientToken=tok-1&q=a%20b%2A&size=10"
        );
        assert_eq!(
            built.body().as_slice(),
            "{\"count\":2,\"name\":\"数据流 1\"}".as_bytes()
        );
        assert_eq!(
            built.headers()["x-acs-content-sha256"],
            "a6e733459d4cbcc0c8210d811ead65d3015a641b35e84c24fe0020e222d5022a"
        );
        assert_eq!(
            built.headers()["authorization"],
            "ACS3-HMAC-SHA256 Credential=roa-test-id,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=6f6ffd4dedc38be74be8e59f33cf3dd5461fa6aa9a8a3e19915ba07256b52db0"
        );
    }

    /// Like sls `ListLogStores`: `GET /logstores`, the project in the host name.
    struct ListStores {
        project: String,
    }
    impl Request for ListStores {
        type Response = Reply;
        type Error = FakeError;
        const ACTION: &'static str = "ListLogStores";
        const VERSION: &'static str = "2020-12-30";
        const PRODUCT: &'static str = "Sls";
        const CLIENT_TOKEN: Option<&'static str> = None;
        fn validate(&self) -> Result<(), ValidationError> {
            Ok(())
        }
        fn to_query(&self) -> Vec<(String, String)> {
            Vec::new()
        }
        fn roa(&self) -> Option<RoaRequest> {
            let mut r = RoaRequest::new("GET", "/logstores");
            r.host_param("projectName", &self.project);
            r.query_param("offset", &0);
            r.query_param("size", &10);
            Some(r)
        }
    }

    fn list_stores(
        project: &str,
        endpoint: &str,
    ) -> Result<http::Request<Vec<u8>>, SdkError<FakeError>> {
        let config = RequestConfig::new().with_endpoint(endpoint).unwrap();
        let creds = Credentials::new("roa-test-id", "roa-test-secret");
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_698_315_752);
        let req = ListStores {
            project: project.into(),
        };
        build_request(&req, &config, &creds, at, "nonce-roa-2", None)
    }

    /// Derived once by `runtime/tests/vectors/roa_v3_host.py`: the host signed and sent is the
    /// project name before the endpoint.
    #[test]
    fn roa_host_label_vector() {
        let built = list_stores("my-project", "https://cn-hangzhou.log.aliyuncs.com").unwrap();
        assert_eq!(
            built.uri().to_string(),
            "https://my-project.cn-hangzhou.log.aliyuncs.com/logstores?offset=0&size=10"
        );
        assert_eq!(
            header_str(built.headers(), "host"),
            Some("my-project.cn-hangzhou.log.aliyuncs.com")
        );
        assert_eq!(
            built.headers()["authorization"],
            "ACS3-HMAC-SHA256 Credential=roa-test-id,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=8e5e5bb0b3083200d00145f5578869db562fb8d842b57e3f8e608425709d6081"
        );
        // A port stays after the name.
        let built = list_stores("p1", "http://localhost:8080").unwrap();
        assert_eq!(
            header_str(built.headers(), "host"),
            Some("p1.localhost:8080")
        );
        assert_eq!(
            built.uri().to_string(),
            "http://p1.localhost:8080/logstores?offset=0&size=10"
        );
    }

    /// A value that would name another host (or break the URL) is refused before anything is
    /// built, with the parameter named; an IP endpoint cannot take a label.
    #[test]
    fn host_labels_that_are_no_dns_label_are_refused() {
        for bad in ["evil.com", "a/b", "x@evil.com", "a:1", "", "-a", "a b"] {
            match list_stores(bad, "https://cn-hangzhou.log.aliyuncs.com") {
                Err(SdkError::Validation(e)) => {
                    assert!(e.mentions("projectName"), "{bad:?}: {e}")
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        match list_stores("p1", "http://127.0.0.1:8080") {
            Err(SdkError::Config(e)) => assert!(e.to_string().contains("IP address"), "{e}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parse_success_json_and_xml() {
        let r = parse_response::<Create>(
            200,
            Some("application/json"),
            br#"{"RequestId":"R1","X":1}"#,
        );
        assert_eq!(
            r.unwrap(),
            Reply {
                request_id: "R1".into()
            }
        );
        let r = parse_response::<Create>(
            200,
            Some("text/xml;charset=utf-8"),
            b"<CreateThingResponse><RequestId>R2</RequestId></CreateThingResponse>",
        );
        assert_eq!(r.unwrap().request_id, "R2");
        // Serde would read an array into a struct by position: that is no success body.
        let r = parse_response::<Create>(200, Some("application/json"), br#"["R4"]"#);
        assert!(matches!(r, Err(SdkError::Response(_))), "{r:?}");
    }

    #[test]
    fn parse_errors_by_code() {
        let body = br#"{"RequestId":"R3","Code":"VpnGateway.Configuring","Message":"busy","HostId":"vpc.aliyuncs.com"}"#;
        match parse_response::<Create>(400, Some("application/json"), body).unwrap_err() {
            SdkError::Service(e) => {
                assert_eq!(e.error, FakeError::Configuring);
                assert_eq!(e.code, "VpnGateway.Configuring");
                assert_eq!(e.message, "busy");
                assert_eq!(e.request_id.as_deref(), Some("R3"));
                assert_eq!(e.host_id.as_deref(), Some("vpc.aliyuncs.com"));
                assert_eq!(e.http_status, 400);
                assert_eq!(e.raw_body.as_bytes(), body);
                assert_eq!(e.attempts, 1);
            }
            other => panic!("{other:?}"),
        }
        // Status is advisory: a 404 gateway code is still a service error.
        let e = parse_response::<Create>(404, None, br#"{"Code":"InvalidAccessKeyId.NotFound"}"#)
            .unwrap_err();
        assert_eq!(e.code(), Some("InvalidAccessKeyId.NotFound"));
        assert_eq!(
            e.as_service().unwrap().common_code(),
            Some(crate::error::CommonErrorCode::InvalidAccessKeyIdNotFound)
        );
        let xml = b"<Error><RequestId>R4</RequestId><Code>Throttling</Code></Error>";
        let e = parse_response::<Create>(400, Some("text/xml"), xml).unwrap_err();
        assert!(e.as_service().unwrap().is_throttling());
        assert_eq!(e.request_id(), Some("R4"));
    }

    #[test]
    fn unreadable_bodies() {
        for (status, body) in [
            (200, &b"{\"RequestId\":\"R"[..]),
            (200, b"not json"),
            (200, b""),
            (502, b"<html>Bad Gateway</html>"),
            (500, b""),
            (400, b"{\"Code\":\"Thr"),
        ] {
            match parse_response::<Create>(status, Some("application/json"), body).unwrap_err() {
                SdkError::Response(e) => {
                    assert_eq!(e.status, status);
                    assert_eq!(e.raw_body.as_bytes(), body);
                    assert!(!e.reason.is_empty());
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
