//! End-to-end tests of `client::Client` against a real HTTP/1.1 server on 127.0.0.1.
//!
//! The server checks every request's signature with its own code (not the crate's signer),
//! rejects reused nonces and stale timestamps like the gateway does, then answers per scenario.
#![cfg(feature = "reqwest")]

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use aliyun_runtime::client::{Client, ClientBuilder};
use aliyun_runtime::error::CommonErrorCode;
use aliyun_runtime::validate::{Check, Level, Param, Validate, Value, Violations};
use aliyun_runtime::{ApiError, Credentials, Request, SdkError, ValidationError};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Digest as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const AK: &str = "LTAItestid";
const SK: &str = "s3cr3t-S3CR3T";
const STS: &str = "sts-token-value";

// ---------------------------------------------------------------------------------------------
// A fake API: one with a client token, one without.

#[derive(Debug, Clone, PartialEq)]
enum FakeError {
    VpnGatewayConfiguring,
    Throttling,
    SignatureDoesNotMatch,
    Unknown(String),
}

impl fmt::Display for FakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl ApiError for FakeError {
    fn from_code(code: &str, _message: &str) -> Self {
        match code {
            "VpnGateway.Configuring" => FakeError::VpnGatewayConfiguring,
            "Throttling" => FakeError::Throttling,
            "SignatureDoesNotMatch" => FakeError::SignatureDoesNotMatch,
            other => FakeError::Unknown(other.to_string()),
        }
    }
    fn code(&self) -> &str {
        match self {
            FakeError::VpnGatewayConfiguring => "VpnGateway.Configuring",
            FakeError::Throttling => "Throttling",
            FakeError::SignatureDoesNotMatch => "SignatureDoesNotMatch",
            FakeError::Unknown(code) => code,
        }
    }
}

#[derive(Debug, serde::Deserialize, PartialEq)]
struct ThingResponse {
    #[serde(rename = "RequestId")]
    request_id: String,
    #[serde(rename = "ThingId", default)]
    thing_id: Option<String>,
}

/// Like `CreateSslVpnServer`: has a `ClientToken`.
struct CreateThing {
    region_id: String,
    name: String,
    client_token: Option<String>,
    /// What a generated `build_unchecked()` records.
    rules_skipped: bool,
}

impl CreateThing {
    fn new(name: &str) -> Self {
        Self {
            region_id: "cn-shanghai".into(),
            name: name.into(),
            client_token: None,
            rules_skipped: false,
        }
    }
}

/// The rule table a generated request would carry, for its one checked parameter.
struct NameRules<'a>(&'a str);

impl Validate for NameRules<'_> {
    fn check(&self, at: &Level<'_>, v: &mut Violations) {
        const RULES: &[Param] = &[Param {
            name: "Name",
            required: true,
            checks: &[Check::Length {
                min: Some(1),
                max: Some(20),
            }],
        }];
        let name = if self.0.is_empty() {
            Value::Absent
        } else {
            Value::Text(self.0)
        };
        at.check(RULES, &[name], v);
    }
}

fn validate_name(name: &str) -> Result<(), ValidationError> {
    aliyun_runtime::validate::run(&NameRules(name))
}

impl Request for CreateThing {
    type Response = ThingResponse;
    type Error = FakeError;
    const ACTION: &'static str = "CreateThing";
    const VERSION: &'static str = "2016-04-28";
    const PRODUCT: &'static str = "Vpc";
    const CLIENT_TOKEN: Option<&'static str> = Some("ClientToken");
    fn validate(&self) -> Result<(), ValidationError> {
        validate_name(&self.name)
    }
    fn validate_required(&self) -> Result<(), ValidationError> {
        aliyun_runtime::validate::run_required(&NameRules(&self.name))
    }
    fn rule_checks_skipped(&self) -> bool {
        self.rules_skipped
    }
    fn to_query(&self) -> Vec<(String, String)> {
        let mut q = vec![
            ("Action".to_string(), Self::ACTION.to_string()),
            ("Name".to_string(), self.name.clone()),
            ("RegionId".to_string(), self.region_id.clone()),
        ];
        if let Some(token) = &self.client_token {
            q.push(("ClientToken".to_string(), token.clone()));
        }
        q.sort();
        q
    }
}

/// Like `DeleteVpnGateway`: no idempotency token.
struct DeleteThing {
    thing_id: String,
}

impl Request for DeleteThing {
    type Response = ThingResponse;
    type Error = FakeError;
    const ACTION: &'static str = "DeleteThing";
    const VERSION: &'static str = "2016-04-28";
    const PRODUCT: &'static str = "Vpc";
    const CLIENT_TOKEN: Option<&'static str> = None;
    fn validate(&self) -> Result<(), ValidationError> {
        validate_name(&self.thing_id)
    }
    fn to_query(&self) -> Vec<(String, String)> {
        vec![
            ("Action".to_string(), Self::ACTION.to_string()),
            ("RegionId".to_string(), "cn-shanghai".to_string()),
            ("ThingId".to_string(), self.thing_id.clone()),
        ]
    }
}

fn delete() -> DeleteThing {
    DeleteThing {
        thing_id: "thing-1 *~".into(),
    }
}

/// What a generated crate does.
struct VpcClient(Client);

impl From<Client> for VpcClient {
    fn from(inner: Client) -> Self {
        VpcClient(inner)
    }
}

// ---------------------------------------------------------------------------------------------
// Independent signature checks.

fn rfc3986(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn parse_query(raw: &str) -> Option<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=')?;
        map.insert(percent_decode(k)?, percent_decode(v)?);
    }
    Some(map)
}

/// HMAC-SHA1 RPC signature, recomputed from the decoded parameters.
fn expected_v2(method: &str, query: &BTreeMap<String, String>, secret: &str) -> (String, String) {
    let canonical = query
        .iter()
        .filter(|(k, _)| k.as_str() != "Signature")
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let string_to_sign = format!("{method}&%2F&{}", rfc3986(&canonical));
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes()).unwrap();
    mac.update(string_to_sign.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    (string_to_sign, signature)
}

/// V3 Authorization, recomputed from the received headers and query.
fn expected_v3(seen: &Seen, secret: &str, signed_names: &str) -> String {
    let canonical_query = seen
        .query
        .iter()
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut headers = String::new();
    for name in signed_names.split(';') {
        headers.push_str(&format!(
            "{name}:{}\n",
            seen.header(name).unwrap_or("").trim()
        ));
    }
    let payload = hex::encode(sha2::Sha256::digest(&seen.body));
    let request = format!(
        "{}\n/\n{canonical_query}\n{headers}\n{signed_names}\n{payload}",
        seen.method
    );
    let to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        hex::encode(sha2::Sha256::digest(request))
    );
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn timestamp_ok(text: &str) -> bool {
    // yyyy-MM-ddTHH:mm:ssZ, within 15 minutes of now.
    let b = text.as_bytes();
    let shape = b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return false;
    }
    let n = |r: std::ops::Range<usize>| text[r].parse::<i64>().unwrap();
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    // Days from civil (proleptic Gregorian), independent of the crate's formatter.
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19);
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    (now - secs).abs() <= 15 * 60
}

// ---------------------------------------------------------------------------------------------
// The server.

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    raw_query: String,
    query: BTreeMap<String, String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn param(&self, name: &str) -> Option<&str> {
        self.query.get(name).map(String::as_str)
    }
    /// The nonce of either signature scheme.
    fn nonce(&self) -> String {
        self.param("SignatureNonce")
            .or_else(|| self.header("x-acs-signature-nonce"))
            .unwrap_or("")
            .to_string()
    }
}

enum Reply {
    Full {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Declares `declared` bytes of body but sends `body` and closes.
    Cut {
        status: u16,
        body: Vec<u8>,
        declared: usize,
    },
    /// Waits, then replies.
    Slow(Duration, Box<Reply>),
}

fn json(status: u16, body: &str) -> Reply {
    Reply::Full {
        status,
        content_type: "application/json;charset=utf-8",
        body: body.into(),
    }
}

fn ok(request_id: &str) -> Reply {
    json(
        200,
        &format!(r#"{{"RequestId":"{request_id}","ThingId":"t-1"}}"#),
    )
}

fn gateway_error(status: u16, code: &str) -> Reply {
    json(
        status,
        &format!(
            r#"{{"RequestId":"RID-{code}","HostId":"vpc.aliyuncs.com","Code":"{code}","Message":"{code} happened","Recommend":"https://error-center.aliyun.com/status/search?Keyword={code}"}}"#
        ),
    )
}

type Handler = Box<dyn Fn(usize, &Seen) -> Reply + Send + Sync>;

struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Serves `handler(n, request)` for the n-th (0-based) correctly signed request.
    async fn start(handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let nonces = Arc::new(Mutex::new(HashSet::new()));
        let handler: Arc<Handler> = Arc::new(Box::new(handler));
        let log = seen.clone();
        let task = tokio::spawn(async move {
            // Bounded: no test sends more than a handful of requests.
            for _ in 0..64 {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (log, nonces, handler) = (log.clone(), nonces.clone(), handler.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, log, nonces, handler).await;
                });
            }
        });
        Server { addr, seen, task }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buf[..head_end]).ok()?.to_string();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length.min(1 << 20) {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let (path, raw_query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target.clone(), String::new()),
    };
    let query = parse_query(&raw_query)?;
    Some(Seen {
        method,
        path,
        raw_query,
        query,
        headers,
        body,
    })
}

/// The gateway's checks; `Some(reply)` rejects the request.
fn gateway_checks(seen: &Seen, nonces: &Mutex<HashSet<String>>) -> Option<Reply> {
    let nonce = seen.nonce();
    if nonce.is_empty() || !nonces.lock().unwrap().insert(nonce) {
        return Some(gateway_error(400, "SignatureNonceUsed"));
    }
    if let Some(auth) = seen.header("authorization") {
        // V3.
        let rest = auth.strip_prefix("ACS3-HMAC-SHA256 ")?;
        let fields: BTreeMap<&str, &str> =
            rest.split(',').filter_map(|f| f.split_once('=')).collect();
        let signed = fields.get("SignedHeaders").copied().unwrap_or("");
        let good = fields.get("Credential") == Some(&AK)
            && signed.split(';').any(|h| h == "host")
            && signed.split(';').any(|h| h == "x-acs-date")
            && timestamp_ok(seen.header("x-acs-date").unwrap_or(""))
            && fields.get("Signature").copied() == Some(expected_v3(seen, SK, signed).as_str());
        return (!good).then(|| gateway_error(400, "SignatureDoesNotMatch"));
    }
    if seen.param("AccessKeyId") != Some(AK) {
        return Some(gateway_error(404, "InvalidAccessKeyId.NotFound"));
    }
    if !timestamp_ok(seen.param("Timestamp").unwrap_or("")) {
        return Some(gateway_error(400, "InvalidTimeStamp.Expired"));
    }
    let (string_to_sign, signature) = expected_v2(&seen.method, &seen.query, SK);
    if seen.param("Signature") != Some(signature.as_str())
        || seen.param("SignatureMethod") != Some("HMAC-SHA1")
        || seen.param("SignatureVersion") != Some("1.0")
    {
        return Some(json(
            400,
            &format!(
                r#"{{"RequestId":"RID-sig","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"}}"#
            ),
        ));
    }
    None
}

async fn serve(
    mut stream: TcpStream,
    log: Arc<Mutex<Vec<Seen>>>,
    nonces: Arc<Mutex<HashSet<String>>>,
    handler: Arc<Handler>,
) -> std::io::Result<()> {
    let Some(seen) = read_request(&mut stream).await else {
        return Ok(());
    };
    let mut reply = match gateway_checks(&seen, &nonces) {
        Some(rejection) => {
            log.lock().unwrap().push(seen);
            rejection
        }
        None => {
            let n = {
                let mut log = log.lock().unwrap();
                log.push(seen.clone());
                log.len() - 1
            };
            handler(n, &seen)
        }
    };
    while let Reply::Slow(delay, inner) = reply {
        tokio::time::sleep(delay).await;
        reply = *inner;
    }
    let (status, content_type, body, declared) = match reply {
        Reply::Full {
            status,
            content_type,
            body,
        } => {
            let len = body.len();
            (status, content_type, body, len)
        }
        Reply::Cut {
            status,
            body,
            declared,
        } => (status, "application/json", body, declared),
        Reply::Slow(..) => unreachable!(),
    };
    let head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {declared}\r\nconnection: close\r\nx-acs-request-id: srv\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.flush().await?;
    stream.shutdown().await
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn builder(server: &Server) -> ClientBuilder<Client> {
    Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK).with_security_token(STS))
        .endpoint(server.url())
        .timeout(Duration::from_secs(5))
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .max_retries(3)
}

fn assert_distinct_nonces(seen: &[Seen]) {
    let nonces: HashSet<String> = seen.iter().map(Seen::nonce).collect();
    assert_eq!(nonces.len(), seen.len(), "a nonce was reused");
    assert!(!nonces.contains(""));
}

fn client_tokens(seen: &[Seen]) -> Vec<String> {
    seen.iter()
        .map(|s| {
            s.param("ClientToken")
                .expect("ClientToken sent")
                .to_string()
        })
        .collect()
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(SK), "secret leaked: {text}");
    assert!(!text.contains(STS), "token leaked: {text}");
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

#[tokio::test]
async fn success_is_signed_and_decoded() {
    let server = Server::start(|n, _| ok(&format!("R{n}"))).await;
    let vpc: VpcClient = ClientBuilder::<VpcClient>::new("Vpc")
        .credentials(Credentials::new(AK, SK).with_security_token(STS))
        .endpoint(server.url())
        .build()
        .unwrap();
    let response = vpc
        .0
        .call(&CreateThing::new("名字 with space*"))
        .await
        .unwrap();
    assert_eq!(
        response,
        ThingResponse {
            request_id: "R0".into(),
            thing_id: Some("t-1".into())
        }
    );
    let response = vpc.0.call(&delete()).await.unwrap();
    assert_eq!(response.request_id, "R1");

    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    for s in &seen {
        assert_eq!((s.method.as_str(), s.path.as_str()), ("POST", "/"));
        assert!(s.body.is_empty());
        assert_eq!(s.header("host"), Some(server.addr.to_string().as_str()));
        assert_eq!(s.headers.iter().filter(|(n, _)| n == "host").count(), 1);
        assert_eq!(s.param("Version"), Some("2016-04-28"));
        assert_eq!(s.param("Format"), Some("JSON"));
        assert_eq!(s.param("AccessKeyId"), Some(AK));
        assert_eq!(s.param("SecurityToken"), Some(STS));
        assert_eq!(s.param("RegionId"), Some("cn-shanghai"));
        assert!(s.raw_query.ends_with(&format!(
            "Signature={}",
            rfc3986(s.param("Signature").unwrap())
        )));
        assert!(
            !s.raw_query.contains('+') && !s.raw_query.contains('*'),
            "{}",
            s.raw_query
        );
    }
    assert_eq!(seen[0].param("Action"), Some("CreateThing"));
    assert_eq!(seen[0].param("Name"), Some("名字 with space*"));
    let token = seen[0].param("ClientToken").unwrap();
    assert_eq!(token.len(), 36, "a UUID: {token}");
    assert_eq!(seen[1].param("Action"), Some("DeleteThing"));
    assert_eq!(seen[1].param("ClientToken"), None);
    assert_distinct_nonces(&seen);
}

#[tokio::test]
async fn documented_error_is_typed_and_not_retried() {
    let server = Server::start(|_, _| gateway_error(400, "VpnGateway.Configuring")).await;
    let client = builder(&server).build().unwrap();
    let error = client.call(&CreateThing::new("x")).await.unwrap_err();
    let SdkError::Service(e) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(e.error, FakeError::VpnGatewayConfiguring);
    assert_eq!(e.code, "VpnGateway.Configuring");
    assert_eq!(e.message, "VpnGateway.Configuring happened");
    assert_eq!(e.request_id.as_deref(), Some("RID-VpnGateway.Configuring"));
    assert_eq!(e.host_id.as_deref(), Some("vpc.aliyuncs.com"));
    assert!(e.recommend.as_deref().unwrap().contains("error-center"));
    assert_eq!(e.http_status, 400);
    assert!(e.raw_body.contains("\"Code\":\"VpnGateway.Configuring\""));
    assert_eq!(e.common_code(), None);
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.count(), 1);
    // The level says "service error"; the whole chain adds the code and request id once.
    let text = aliyun_runtime::error::ErrorReport(&error).to_string();
    assert!(
        text.starts_with("service error: VpnGateway.Configuring") && text.contains("RID-"),
        "{text}"
    );
}

#[tokio::test]
async fn wrong_secret_gives_signature_does_not_match() {
    let server = Server::start(|n, _| ok(&format!("R{n}"))).await;
    let client = builder(&server)
        .credentials(Credentials::new(AK, "wrong-secret").with_security_token(STS))
        .build()
        .unwrap();
    let error = client.call(&CreateThing::new("x")).await.unwrap_err();
    assert_eq!(error.api_error(), Some(&FakeError::SignatureDoesNotMatch));
    let service = error.as_service().unwrap();
    assert_eq!(
        service.common_code(),
        Some(CommonErrorCode::SignatureDoesNotMatch)
    );
    assert!(
        service
            .message
            .contains("server string to sign is:POST&%2F&"),
        "{}",
        service.message
    );
    // The server quotes the signed STS token back; the error does not repeat it.
    assert!(
        service.message.contains("SecurityToken%3D<redacted>"),
        "{}",
        service.message
    );
    assert_no_secret(&format!("{error} {error:?}"));
    // Not retryable, even with a client token.
    assert_eq!((error.attempts(), server.count()), (1, 1));
}

#[tokio::test]
async fn unknown_access_key_is_a_service_error_despite_404() {
    let server = Server::start(|n, _| ok(&format!("R{n}"))).await;
    let client = builder(&server)
        .credentials(Credentials::new("nobody", SK))
        .build()
        .unwrap();
    let error = client.call(&delete()).await.unwrap_err();
    assert_eq!(error.code(), Some("InvalidAccessKeyId.NotFound"));
    assert_eq!(
        error.api_error(),
        Some(&FakeError::Unknown("InvalidAccessKeyId.NotFound".into()))
    );
    assert_eq!(error.as_service().unwrap().http_status, 404);
}

#[tokio::test]
async fn throttling_is_retried_even_without_client_token() {
    let server = Server::start(|n, _| {
        if n < 2 {
            gateway_error(400, "Throttling")
        } else {
            ok("R")
        }
    })
    .await;
    let client = builder(&server).build().unwrap();
    let response = client.call(&delete()).await.unwrap();
    assert_eq!(response.request_id, "R");
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    assert_distinct_nonces(&seen);
    assert!(seen.iter().all(|s| s.param("ClientToken").is_none()));
}

#[tokio::test]
async fn unavailable_then_success_reuses_the_client_token() {
    let server = Server::start(|n, _| {
        if n == 0 {
            gateway_error(503, "ServiceUnavailable")
        } else {
            ok("R")
        }
    })
    .await;
    let client = builder(&server).build().unwrap();
    let response = client.call(&CreateThing::new("x")).await.unwrap();
    assert_eq!(response.request_id, "R");
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "retried once");
    let tokens = client_tokens(&seen);
    assert_eq!(tokens[0], tokens[1], "same ClientToken on every attempt");
    assert_distinct_nonces(&seen);

    // A second call gets a new token.
    client.call(&CreateThing::new("y")).await.unwrap();
    let seen = server.seen();
    assert_ne!(client_tokens(&seen)[2], tokens[0]);
}

#[tokio::test]
async fn callers_client_token_is_kept_across_retries() {
    let server = Server::start(|n, _| {
        if n < 2 {
            gateway_error(500, "InternalError")
        } else {
            ok("R")
        }
    })
    .await;
    let client = builder(&server).build().unwrap();
    let mut request = CreateThing::new("x");
    request.client_token = Some("my-token-1".into());
    client.call(&request).await.unwrap();
    let seen = server.seen();
    assert_eq!(client_tokens(&seen), vec!["my-token-1"; 3]);
}

#[tokio::test]
async fn server_errors_are_not_retried_without_client_token() {
    let server = Server::start(|_, _| gateway_error(503, "ServiceUnavailable")).await;
    let client = builder(&server).build().unwrap();
    let error = client.call(&delete()).await.unwrap_err();
    assert_eq!(error.code(), Some("ServiceUnavailable"));
    assert_eq!((error.attempts(), server.count()), (1, 1));
}

#[tokio::test]
async fn throttling_burst_is_bounded() {
    let server = Server::start(|_, _| gateway_error(400, "Throttling")).await;
    let client = builder(&server).max_retries(2).build().unwrap();
    let error = client.call(&CreateThing::new("x")).await.unwrap_err();
    assert_eq!(error.api_error(), Some(&FakeError::Throttling));
    assert!(error.as_service().unwrap().is_throttling());
    assert_eq!(error.attempts(), 3);
    assert_eq!(server.count(), 3);
    assert!(error.to_string().contains("3 attempts"), "{error}");
    let seen = server.seen();
    let tokens = client_tokens(&seen);
    assert!(tokens.iter().all(|t| *t == tokens[0]));
    assert_distinct_nonces(&seen);

    // Without a client token: throttling is still retried, and still bounded.
    let before = server.count();
    let error = client.call(&delete()).await.unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(server.count() - before, 3);

    // max_retries(0): one attempt only.
    let client = builder(&server).max_retries(0).build().unwrap();
    let before = server.count();
    assert_eq!(client.call(&delete()).await.unwrap_err().attempts(), 1);
    assert_eq!(server.count() - before, 1);
}

#[tokio::test]
async fn slow_reply_times_out() {
    let server =
        Server::start(|_, _| Reply::Slow(Duration::from_millis(1500), Box::new(ok("late")))).await;
    let client = builder(&server)
        .timeout(Duration::from_millis(300))
        .max_retries(1)
        .build()
        .unwrap();

    // No client token: a timeout may hide a success, so no retry.
    let started = Instant::now();
    let error = client.call(&delete()).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Timeout(t) if !t.connect),
        "{error:?}"
    );
    assert_eq!(error.attempts(), 1);
    // Gave up before the server's 1.5 s reply.
    assert!(
        started.elapsed() < Duration::from_millis(1400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.count(), 1);

    // With a client token: retried (bounded), same token.
    let error = client.call(&CreateThing::new("x")).await.unwrap_err();
    assert!(matches!(error, SdkError::Timeout(_)), "{error:?}");
    assert_eq!(error.attempts(), 2);
    assert_eq!(server.count(), 3);
    let tokens = client_tokens(&server.seen()[1..]);
    assert_eq!(tokens[0], tokens[1]);
}

#[tokio::test]
async fn truncated_bodies() {
    let server = Server::start(|n, _| match n {
        0 => json(200, r#"{"RequestId":"R","Thi"#),
        1 => json(400, r#"{"RequestId":"R","Code":"Thrott"#),
        _ => Reply::Cut {
            status: 200,
            body: br#"{"RequestId":"R"#.to_vec(),
            declared: 200,
        },
    })
    .await;
    let client = builder(&server).build().unwrap();

    let error = client.call(&delete()).await.unwrap_err();
    let SdkError::Response(e) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(e.status, 200);
    assert_eq!(e.raw_body, r#"{"RequestId":"R","Thi"#);
    assert!(e.reason.contains("JSON"), "{}", e.reason);

    let error = client.call(&delete()).await.unwrap_err();
    let SdkError::Response(e) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(e.status, 400);

    // The connection closes mid-body: a transport error, not retried without a token.
    let error = client.call(&delete()).await.unwrap_err();
    let SdkError::Transport(t) = &error else {
        panic!("{error:?}")
    };
    assert!(!t.not_sent);
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn garbage_bodies() {
    let server = Server::start(|n, _| match n {
        0 => Reply::Full {
            status: 200,
            content_type: "text/plain",
            body: b"definitely not json".to_vec(),
        },
        1 => Reply::Full {
            status: 200,
            content_type: "application/json",
            body: vec![0xff, 0x00, 0xfe],
        },
        _ => Reply::Full {
            status: 502,
            content_type: "text/html",
            body: b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
        },
    })
    .await;
    let client = builder(&server).max_retries(2).build().unwrap();
    for _ in 0..2 {
        let error = client.call(&delete()).await.unwrap_err();
        assert!(
            matches!(&error, SdkError::Response(e) if e.status == 200),
            "{error:?}"
        );
    }
    // A 5xx without a code: not retried without a token...
    let error = client.call(&delete()).await.unwrap_err();
    let SdkError::Response(e) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(e.status, 502);
    assert!(e.raw_body.contains("Bad Gateway"));
    assert_eq!(error.attempts(), 1);
    // ...retried (bounded) with one.
    let error = client.call(&CreateThing::new("x")).await.unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(server.count(), 6);
}

#[tokio::test]
async fn connection_refused_is_retried_and_bounded() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK).with_security_token(STS))
        .endpoint(format!("http://127.0.0.1:{port}"))
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .max_retries(2)
        .build()
        .unwrap();
    // Never reached the server, so even an API without a client token is retried.
    let error = client.call(&delete()).await.unwrap_err();
    let SdkError::Transport(t) = &error else {
        panic!("{error:?}")
    };
    assert!(t.not_sent, "{error}");
    assert_eq!(error.attempts(), 3);
    assert!(std::error::Error::source(&error).is_some());
    assert_no_secret(&error.to_string());
    assert_no_secret(&format!("{error:?}"));
    assert_no_secret(&format!("{client:?}"));
}

#[tokio::test]
async fn invalid_request_sends_nothing() {
    let server = Server::start(|_, _| ok("R")).await;
    let client = builder(&server).build().unwrap();
    let error = client
        .call(&CreateThing::new(&"x".repeat(21)))
        .await
        .unwrap_err();
    let SdkError::Validation(v) = &error else {
        panic!("{error:?}")
    };
    assert!(v.mentions("Name"));
    assert_eq!(error.attempts(), 0);
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn v3_signature_is_accepted() {
    let server = Server::start(|n, _| {
        if n == 0 {
            gateway_error(400, "Throttling")
        } else {
            ok("R3")
        }
    })
    .await;
    let client = builder(&server).signature_v3(true).build().unwrap();
    let response = client.call(&CreateThing::new("v3 name*")).await.unwrap();
    assert_eq!(response.request_id, "R3");
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    for s in &seen {
        assert_eq!(s.header("x-acs-action"), Some("CreateThing"));
        assert_eq!(s.header("x-acs-version"), Some("2016-04-28"));
        assert_eq!(s.header("x-acs-security-token"), Some(STS));
        assert!(s
            .header("authorization")
            .unwrap()
            .contains("x-acs-security-token"));
        assert_eq!(s.param("Signature"), None);
        assert_eq!(s.param("Name"), Some("v3 name*"));
    }
    let tokens = client_tokens(&seen);
    assert_eq!(tokens[0], tokens[1]);
    assert_distinct_nonces(&seen);
}

#[tokio::test]
async fn v3_with_wrong_secret_is_rejected() {
    let server = Server::start(|_, _| ok("R")).await;
    let client = builder(&server)
        .signature_v3(true)
        .credentials(Credentials::new(AK, "nope"))
        .build()
        .unwrap();
    let error = client.call(&delete()).await.unwrap_err();
    assert_eq!(error.api_error(), Some(&FakeError::SignatureDoesNotMatch));
}

#[test]
fn builder_configuration_errors() {
    let empty_credentials = ClientBuilder::<VpcClient>::new("Vpc")
        .credentials(Credentials::new("", SK))
        .region("cn-shanghai")
        .build();
    assert!(empty_credentials
        .err()
        .unwrap()
        .to_string()
        .contains("AccessKey"));
    let no_region = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK))
        .build();
    assert!(no_region.unwrap_err().to_string().contains("region"));
    let bad_endpoint = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK))
        .endpoint("http://127.0.0.1:1/some/path")
        .build();
    assert!(bad_endpoint.is_err());
    let client = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK))
        .region("cn-shanghai")
        .build()
        .unwrap();
    assert_eq!(
        client.endpoint().unwrap().host(),
        "vpc.cn-shanghai.aliyuncs.com"
    );
}

/// Issue 25: a transport failure names the host that was tried, in the error chain.
#[tokio::test]
async fn transport_errors_name_the_host() {
    // A refused loopback port.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK))
        .endpoint(format!("http://127.0.0.1:{port}"))
        .max_retries(0)
        .build()
        .unwrap();
    let error = client.call(&delete()).await.unwrap_err();
    let text = aliyun_runtime::error::ErrorReport(&error).to_string();
    assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
    assert!(
        matches!(&error, SdkError::Transport(t) if t.not_sent),
        "{error:?}"
    );

    // A host that cannot resolve (`.invalid` is reserved: no resolver answers it).
    let client = Client::builder("Vpc")
        .credentials(Credentials::new(AK, SK))
        .endpoint("https://vpc.cn-shanghia.invalid")
        .timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .unwrap();
    let error = client.call(&delete()).await.unwrap_err();
    let text = aliyun_runtime::error::ErrorReport(&error).to_string();
    assert!(text.contains("vpc.cn-shanghia.invalid"), "{text}");
    assert!(
        matches!(&error, SdkError::Transport(_) | SdkError::Timeout(_)),
        "{error:?}"
    );
    assert_no_secret(&text);
}

/// A client built from a crate's service table resolves the listed host; an unknown region of
/// a table-only product is a configuration error naming the region and the known ones.
#[test]
fn service_table_resolution() {
    use aliyun_runtime::endpoint::{EndpointRule, Network, RegionEndpoint, Service};
    static SERVICE: Service = Service {
        product: "Vpc",
        version: "2016-04-28",
        rule: EndpointRule::TableOnly,
        endpoints: &[
            RegionEndpoint::public("cn-hangzhou", "vpc.aliyuncs.com"),
            RegionEndpoint::new(
                "cn-hangzhou",
                Network::Vpc,
                "vpc-vpc.cn-hangzhou.aliyuncs.com",
            ),
        ],
    };
    let build = |region: &str, network| {
        ClientBuilder::<Client>::with_service(&SERVICE)
            .credentials(Credentials::new(AK, SK))
            .region(region)
            .network(network)
            .build()
    };
    let client = build("cn-hangzhou", Network::Public).unwrap();
    assert_eq!(client.endpoint().unwrap().host(), "vpc.aliyuncs.com");
    let client = build("cn-hangzhou", Network::Vpc).unwrap();
    assert_eq!(
        client.endpoint().unwrap().host(),
        "vpc-vpc.cn-hangzhou.aliyuncs.com"
    );
    let error = build("cn-shanghia", Network::Public).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("cn-shanghia") && text.contains("cn-hangzhou"),
        "{text}"
    );
    // An explicit endpoint wins over the table.
    let client = ClientBuilder::<Client>::with_service(&SERVICE)
        .credentials(Credentials::new(AK, SK))
        .region("cn-shanghia")
        .endpoint("http://127.0.0.1:1")
        .build()
        .unwrap();
    assert_eq!(client.endpoint().unwrap().host(), "127.0.0.1:1");
}

/// Issue 19: the escape hatch reaches the wire. A name over the documented 20 characters is
/// refused locally by default, and sent when the request skips its rule checks (as
/// `build_unchecked()` marks it, or wrapped in `Unchecked`) or the client turns them off; a
/// missing required parameter is refused in every case.
#[tokio::test]
async fn rule_checks_can_be_skipped_per_request_and_per_client() {
    let server = Server::start(|n, _| ok(&format!("R{n}"))).await;
    let long = "x".repeat(21);
    let client = builder(&server).build().unwrap();

    let error = client.call(&CreateThing::new(&long)).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Validation(v) if v.mentions("Name")),
        "{error:?}"
    );
    assert_eq!(server.count(), 0);

    let mut marked = CreateThing::new(&long);
    marked.rules_skipped = true;
    client.call(&marked).await.unwrap();
    client
        .call(&aliyun_runtime::Unchecked(CreateThing::new(&long)))
        .await
        .unwrap();
    let unchecked_client = builder(&server).rule_checks(false).build().unwrap();
    unchecked_client
        .call(&CreateThing::new(&long))
        .await
        .unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|s| s.param("Name") == Some(long.as_str())));

    // Required parameters are still checked, nothing is sent.
    for error in [
        unchecked_client
            .call(&CreateThing::new(""))
            .await
            .unwrap_err(),
        client
            .call(&aliyun_runtime::Unchecked(CreateThing::new("")))
            .await
            .unwrap_err(),
    ] {
        let SdkError::Validation(v) = &error else {
            panic!("{error:?}")
        };
        assert!(v.mentions("Name"), "{v}");
    }
    assert_eq!(server.count(), 3);
}
