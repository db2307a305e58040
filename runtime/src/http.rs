//! Building signed requests and reading responses, without I/O.
//!
//! [`build_request`] turns a typed [`Request`] into an [`http::Request`] ready for any HTTP
//! client; [`parse_response`] turns status, content type and body back into the typed response
//! or a typed [`SdkError`]. The clock and the nonce are arguments, so both are testable offline.

use std::collections::BTreeMap;
use std::fmt;
use std::time::SystemTime;

use http::header::{HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, HOST, USER_AGENT};
use http::uri::{Authority, Scheme};

use crate::api::{ApiError, Request};
use crate::credentials::Credentials;
use crate::error::{ConfigError, ErrorBody, ResponseError, SdkError, ServiceError};
use crate::sign;

/// `User-Agent` sent with every request.
pub const USER_AGENT_VALUE: &str = concat!("aliyun-runtime-rust/", env!("CARGO_PKG_VERSION"));

/// Which signature scheme to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignatureStyle {
    /// HMAC-SHA1 in the query ("signature method V2" in the docs, `SignatureVersion=1.0`).
    /// Accepted by every RPC API.
    #[default]
    V2,
    /// `ACS3-HMAC-SHA256` headers.
    V3,
}

/// Where requests go: scheme and `host[:port]`; the path is always `/` for RPC APIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    authority: Authority,
}

impl Endpoint {
    /// Parses a base URL such as `https://vpc.aliyuncs.com/` or `http://127.0.0.1:8080`
    /// (plain HTTP is allowed, for proxies and tests). A bare host means HTTPS. A path other
    /// than `/`, a query or user info are rejected: the RPC signature covers the path `/`.
    pub fn parse(base_url: &str) -> Result<Self, ConfigError> {
        let text = base_url.trim();
        let with_scheme = if text.contains("://") {
            text.to_string()
        } else {
            format!("https://{text}")
        };
        let bad = |why: &str| ConfigError::new(format!("invalid endpoint `{base_url}`: {why}"));
        let uri: http::Uri = with_scheme.parse().map_err(|e| bad(&format!("{e}")))?;
        let scheme = uri.scheme().cloned().ok_or_else(|| bad("no scheme"))?;
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(bad("the scheme must be http or https"));
        }
        let authority = uri.authority().cloned().ok_or_else(|| bad("no host"))?;
        if authority.host().is_empty() {
            return Err(bad("no host"));
        }
        if authority.as_str().contains('@') {
            return Err(bad("user info is not supported"));
        }
        if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
            return Err(bad(
                "only a scheme and host[:port] are allowed, without path or query",
            ));
        }
        Ok(Self { scheme, authority })
    }

    /// The default regional endpoint `https://{product lower-cased}.{region}.aliyuncs.com/`,
    /// e.g. `vpc.cn-shanghai.aliyuncs.com`, as in each product's endpoint table.
    pub fn regional(product: &str, region: &str) -> Result<Self, ConfigError> {
        let label_ok = |s: &str| {
            !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !s.starts_with('-')
                && !s.ends_with('-')
        };
        if !label_ok(product) {
            return Err(ConfigError::new(format!(
                "invalid product code `{product}`"
            )));
        }
        if !label_ok(region) {
            return Err(ConfigError::new(format!("invalid region `{region}`")));
        }
        Self::parse(&format!(
            "https://{}.{}.aliyuncs.com",
            product.to_ascii_lowercase(),
            region.to_ascii_lowercase()
        ))
    }

    /// `host[:port]`, the value of the `Host` header.
    pub fn host(&self) -> &str {
        self.authority.as_str()
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> &str {
        self.scheme.as_str()
    }

    /// Whether the host is a loopback address (`localhost`, `127.x`, `::1`).
    pub fn is_loopback(&self) -> bool {
        let host = self
            .authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}/", self.scheme, self.authority)
    }
}

/// Where and how to send requests: region, optional endpoint override, signature scheme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestConfig {
    region: Option<String>,
    endpoint: Option<Endpoint>,
    signature: SignatureStyle,
}

impl RequestConfig {
    pub fn new() -> Self {
        Self::default()
    }

    /// The region whose endpoint is used (the request's own `RegionId` is left alone).
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Overrides the endpoint with a base URL (see [`Endpoint::parse`]).
    pub fn with_endpoint(mut self, base_url: &str) -> Result<Self, ConfigError> {
        self.endpoint = Some(Endpoint::parse(base_url)?);
        Ok(self)
    }

    pub fn with_signature(mut self, style: SignatureStyle) -> Self {
        self.signature = style;
        self
    }

    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub fn signature(&self) -> SignatureStyle {
        self.signature
    }

    /// The override, or the regional endpoint of `product`.
    pub fn endpoint_for(&self, product: &str) -> Result<Endpoint, ConfigError> {
        match (&self.endpoint, &self.region) {
            (Some(endpoint), _) => Ok(endpoint.clone()),
            (None, Some(region)) => Endpoint::regional(product, region),
            (None, None) => Err(ConfigError::new(format!(
                "no region and no endpoint configured for product {product}"
            ))),
        }
    }
}

/// Builds the signed HTTP request for one attempt.
///
/// Runs `req.validate()` first. The API parameters go into the query of a `POST /` with an
/// empty body. With [`SignatureStyle::V2`] the common parameters (`Action`, `Version`,
/// `Format=JSON`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`,
/// `Timestamp`, and `SecurityToken` for STS) are added and everything is signed into the
/// query; with [`SignatureStyle::V3`] they become `x-acs-*` headers and an `Authorization`
/// header. `RegionId` is the request's business.
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
    req.validate()?;
    if credentials.access_key_id().is_empty() || credentials.access_key_secret().is_empty() {
        return Err(ConfigError::new("the AccessKey ID and secret must not be empty").into());
    }
    if nonce.is_empty() {
        return Err(ConfigError::new("the signature nonce must not be empty").into());
    }
    let endpoint = config.endpoint_for(R::PRODUCT)?;
    if let Some(mut roa) = req.roa() {
        // REST-style: always ACS3-HMAC-SHA256 over method, path, query and body.
        if let (Some(name), Some(token)) = (R::CLIENT_TOKEN, client_token) {
            roa.fill_token(name, token);
        }
        return crate::roa::build_request(
            &roa,
            R::ACTION,
            R::VERSION,
            &endpoint,
            credentials,
            now,
            nonce,
        );
    }
    let mut params: BTreeMap<String, String> = req.to_query().into_iter().collect();
    if let (Some(name), Some(token)) = (R::CLIENT_TOKEN, client_token) {
        // An empty token is no token: keeping it would make retries unsafe.
        let slot = params.entry(name.to_string()).or_default();
        if slot.trim().is_empty() {
            *slot = token.to_string();
        }
    }
    let timestamp = sign::format_timestamp(now);
    let builder = http::Request::builder()
        .method(http::Method::POST)
        .header(HOST, endpoint.host())
        .header(ACCEPT, "application/json")
        .header(USER_AGENT, USER_AGENT_VALUE);
    let built = match config.signature() {
        SignatureStyle::V2 => {
            let common = [
                ("Action", R::ACTION),
                ("Version", R::VERSION),
                ("Format", "JSON"),
                ("AccessKeyId", credentials.access_key_id()),
                ("SignatureMethod", sign::RPC_SIGNATURE_METHOD),
                ("SignatureVersion", sign::RPC_SIGNATURE_VERSION),
                ("SignatureNonce", nonce),
                ("Timestamp", &timestamp),
            ];
            for (name, value) in common {
                params.insert(name.to_string(), value.to_string());
            }
            if let Some(token) = credentials.security_token() {
                params.insert("SecurityToken".to_string(), token.to_string());
            }
            params.remove("Signature");
            let params: Vec<(String, String)> = params.into_iter().collect();
            let signature = sign::rpc_v2_sign("POST", &params, credentials.access_key_secret());
            builder
                .uri(format!("{endpoint}?{}", signature.signed_query()))
                .body(Vec::new())
        }
        SignatureStyle::V3 => {
            params.remove("Action");
            let params: Vec<(String, String)> = params.into_iter().collect();
            let mut signed = vec![
                ("host".to_string(), endpoint.host().to_string()),
                ("x-acs-action".to_string(), R::ACTION.to_string()),
                ("x-acs-version".to_string(), R::VERSION.to_string()),
                ("x-acs-date".to_string(), timestamp),
                ("x-acs-signature-nonce".to_string(), nonce.to_string()),
                (
                    "x-acs-content-sha256".to_string(),
                    sign::EMPTY_SHA256.to_string(),
                ),
            ];
            if let Some(token) = credentials.security_token() {
                signed.push(("x-acs-security-token".to_string(), token.to_string()));
                signed.push((
                    "x-acs-accesskey-id".to_string(),
                    credentials.access_key_id().into(),
                ));
            }
            let input = sign::V3Input {
                method: "POST",
                path: "/",
                query: &params,
                headers: &signed,
                hashed_payload: sign::EMPTY_SHA256,
            };
            let signature = sign::v3_sign(
                &input,
                credentials.access_key_id(),
                credentials.access_key_secret(),
            );
            let query = sign::canonical_query(&params);
            let uri = if query.is_empty() {
                endpoint.to_string()
            } else {
                format!("{endpoint}?{query}")
            };
            let mut builder = builder.uri(uri);
            for (name, value) in signed.iter().filter(|(name, _)| name != "host") {
                builder = builder.header(name.as_str(), value.as_str());
            }
            builder
                .header(AUTHORIZATION, signature.authorization)
                .body(Vec::new())
        }
    };
    // Only a header value with control characters (e.g. in a token) can fail here.
    built.map_err(|e| {
        ConfigError::new(format!(
            "cannot build the HTTP request (check the credentials): {e}"
        ))
        .into()
    })
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
