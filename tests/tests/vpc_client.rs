//! The generated `aliyun_vpc::Client` end to end, against a fake Alibaba Cloud RPC gateway
//! listening on 127.0.0.1.
//!
//! The fake gateway is deliberately independent of `aliyun-runtime`: it parses the raw HTTP/1.1
//! request itself, recomputes the HMAC-SHA1 ("V2") signature with its own percent-encoding,
//! checks the common parameters, `Action`, `Version` and every API parameter, and only then
//! answers from a per-test script. Every test asserts the exact typed outcome of
//! `client.create_ssl_vpn_server(..)`.

use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aliyun_runtime::client::ClientBuilder;
use aliyun_runtime::error::CommonErrorCode;
use aliyun_runtime::{Credentials, SdkError};
use aliyun_vpc::create_ssl_vpn_server::{Cipher, Proto};
use aliyun_vpc::{Client, CreateSslVpnServerError, CreateSslVpnServerRequest};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const KEY_ID: &str = "LTAI5tFakeVpcKeyId";
/// Characters that need encoding, to make sure the key is `secret + "&"` and nothing else.
const KEY_SECRET: &str = "fake/Secret+for=vpc&tests";

/// The JSON response example of `spec/vpc/CreateSslVpnServer.md`, verbatim.
const DOC_JSON_EXAMPLE: &str = "{\n    \"RequestId\": \"E98A9651-7098-40C7-8F85-C818D1EBBA85\",\n    \"SslVpnServerId\": \"vss-bp18q7hzj6largv4v****\",\n    \"Name\": \"test\"\n}";

/// Hard limit on connections one fake gateway accepts.
const MAX_CONNECTIONS: usize = 24;
/// Hard limit on the size of a request head.
const MAX_HEAD: usize = 32 * 1024;

// =============================================================================================
// Independent HMAC-SHA1 RPC signature.

/// RFC 3986 unreserved characters stay; everything else is `%XY` (upper-case hex).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn enc(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// `(string to sign, base64 signature)` over every parameter except `Signature`.
fn v2_signature(method: &str, params: &BTreeMap<String, String>, secret: &str) -> (String, String) {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .filter(|(name, _)| name.as_str() != "Signature")
        .map(|(name, value)| (enc(name), enc(value)))
        .collect();
    pairs.sort();
    let canonical = pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&");
    let string_to_sign = format!("{method}&{}&{}", enc("/"), enc(&canonical));
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("any key length");
    mac.update(string_to_sign.as_bytes());
    let digest = mac.finalize().into_bytes();
    (
        string_to_sign,
        base64::engine::general_purpose::STANDARD.encode(digest),
    )
}

/// Seconds since the epoch of `yyyy-MM-ddTHH:mm:ssZ`, or `None` when malformed.
fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 20 {
        return None;
    }
    for (i, c) in b.iter().enumerate() {
        let ok = match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        };
        if !ok {
            return None;
        }
    }
    let num = |from: usize, to: usize| text[from..to].parse::<i64>().ok();
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    // Civil date to days since 1970-01-01 (March-based years, 400-year eras).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

fn looks_like_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

// =============================================================================================
// The fake gateway.

/// What the gateway does with the n-th request that passed its checks.
#[derive(Debug, Clone)]
enum Answer {
    /// A complete JSON response.
    Json(u16, String),
    /// A complete response with any content type and bytes.
    Raw {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// `200` announcing `declared` bytes of JSON, sending only `body`, then closing.
    CutOff { declared: usize, body: Vec<u8> },
    /// Waits, then answers.
    Late(Duration, Box<Answer>),
}

fn gateway_error(status: u16, code: &str, message: &str, request_id: &str) -> Answer {
    let body = serde_json::json!({
        "RequestId": request_id,
        "HostId": "vpc.aliyuncs.com",
        "Code": code,
        "Message": message,
        "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}"),
    });
    Answer::Json(status, body.to_string())
}

fn doc_success() -> Answer {
    Answer::Json(200, DOC_JSON_EXAMPLE.to_string())
}

/// One request as the gateway saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    params: BTreeMap<String, String>,
    /// Everything the gateway found wrong; empty for a request it accepted.
    problems: Vec<String>,
}

impl Seen {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// What the gateway enforces besides the signature.
struct Expectations {
    /// The API parameters (`ClientToken` apart), exactly.
    api_params: BTreeMap<String, String>,
}

/// Parameters the runtime adds to every RPC call; the rest belong to the API.
const COMMON: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Signature",
    "SecurityToken",
];

struct State {
    expectations: Expectations,
    script: Vec<Answer>,
    seen: Mutex<Vec<Seen>>,
    nonces: Mutex<HashSet<String>>,
    accepted: AtomicUsize,
    connections: AtomicUsize,
}

struct Gateway {
    addr: SocketAddr,
    state: Arc<State>,
    accept_loop: tokio::task::JoinHandle<()>,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

impl Gateway {
    /// Starts a gateway that accepts requests carrying exactly `api_params` (plus a
    /// `ClientToken`) and answers the n-th accepted one with `script[n]` (the last entry
    /// repeats).
    async fn start(api_params: &[(&str, &str)], script: Vec<Answer>) -> Gateway {
        assert!(!script.is_empty());
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        assert!(addr.ip().is_loopback());
        let state = Arc::new(State {
            expectations: Expectations {
                api_params: api_params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            },
            script,
            seen: Mutex::new(Vec::new()),
            nonces: Mutex::new(HashSet::new()),
            accepted: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        });
        let shared = state.clone();
        let accept_loop = tokio::spawn(async move {
            for _ in 0..MAX_CONNECTIONS {
                let Ok((stream, _peer)) = listener.accept().await else {
                    return;
                };
                shared.connections.fetch_add(1, Ordering::SeqCst);
                let state = shared.clone();
                tokio::spawn(async move {
                    handle_connection(stream, state).await;
                });
            }
        });
        Gateway {
            addr,
            state,
            accept_loop,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        self.state.connections.load(Ordering::SeqCst)
    }

    /// Asserts that every request so far passed every check, and returns them.
    fn clean_requests(&self) -> Vec<Seen> {
        let seen = self.seen();
        for (i, s) in seen.iter().enumerate() {
            assert!(
                s.problems.is_empty(),
                "request {i} rejected: {:?}",
                s.problems
            );
        }
        seen
    }
}

/// Reads one request: head up to the blank line, then a `Content-Length` body (bounded).
async fn read_request(stream: &mut TcpStream) -> Option<(String, String, Vec<(String, String)>)> {
    let mut data = Vec::with_capacity(2048);
    let mut buf = [0u8; 2048];
    let head_len = loop {
        if let Some(pos) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
        if data.len() > MAX_HEAD {
            return None;
        }
        let read = tokio::time::timeout(Duration::from_secs(3), stream.read(&mut buf)).await;
        match read {
            Ok(Ok(n)) if n > 0 => data.extend_from_slice(&buf[..n]),
            _ => return None,
        }
    };
    let head = String::from_utf8(data[..head_len].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    if request_line.next() != Some("HTTP/1.1") {
        return None;
    }
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let declared = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(Some(0))?;
    let mut body_read = data.len() - (head_len + 4);
    while body_read < declared.min(64 * 1024) {
        let read = tokio::time::timeout(Duration::from_secs(3), stream.read(&mut buf)).await;
        match read {
            Ok(Ok(n)) if n > 0 => body_read += n,
            _ => return None,
        }
    }
    Some((method, target, headers))
}

/// The gateway's checks, in the order a real gateway applies them; returns the rejection.
fn check(seen: &mut Seen, state: &State) -> Option<Answer> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64;
    let mut problems = Vec::new();
    if seen.method != "POST" {
        problems.push(format!("method {}", seen.method));
    }
    if !seen.target.starts_with("/?") {
        problems.push(format!("target {}", seen.target));
    }
    let hosts = seen.headers_named("host");
    if hosts.len() != 1 {
        problems.push(format!("Host headers: {hosts:?}"));
    }
    let fixed = [
        ("Format", "JSON"),
        ("AccessKeyId", KEY_ID),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
    ];
    for (name, value) in fixed {
        if seen.param(name) != Some(value) {
            problems.push(format!("{name} = {:?}", seen.param(name)));
        }
    }
    match seen.param("Timestamp").and_then(parse_timestamp) {
        Some(at) if (now - at).abs() <= 600 => {}
        _ => problems.push(format!("Timestamp {:?}", seen.param("Timestamp"))),
    }
    let nonce = seen.param("SignatureNonce").unwrap_or("").to_string();
    if nonce.is_empty() || !state.nonces.lock().unwrap().insert(nonce) {
        problems.push("SignatureNonce missing or reused".to_string());
    }
    if !problems.is_empty() {
        seen.problems = problems;
        return Some(gateway_error(
            400,
            "IncompleteSignature",
            "bad common parameters",
            "gw-common",
        ));
    }

    let (string_to_sign, expected) = v2_signature(&seen.method, &seen.params, KEY_SECRET);
    if seen.param("Signature") != Some(expected.as_str()) {
        seen.problems.push(format!(
            "signature {:?} != {expected:?}",
            seen.param("Signature")
        ));
        return Some(gateway_error(
            400,
            "SignatureDoesNotMatch",
            &format!(
                "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
            ),
            "gw-signature",
        ));
    }

    if seen.param("Action") != Some("CreateSslVpnServer") {
        problems.push(format!("Action {:?}", seen.param("Action")));
    }
    if seen.param("Version") != Some("2016-04-28") {
        problems.push(format!("Version {:?}", seen.param("Version")));
    }
    let api: BTreeMap<String, String> = seen
        .params
        .iter()
        .filter(|(name, _)| !COMMON.contains(&name.as_str()) && name.as_str() != "ClientToken")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if api != state.expectations.api_params {
        problems.push(format!(
            "API parameters {api:?} != {:?}",
            state.expectations.api_params
        ));
    }
    match seen.param("ClientToken") {
        Some(token) if !token.is_empty() && token.len() <= 64 && token.is_ascii() => {}
        other => problems.push(format!("ClientToken {other:?}")),
    }
    if !problems.is_empty() {
        seen.problems = problems;
        return Some(gateway_error(
            400,
            "InvalidParameter",
            "unexpected parameters",
            "gw-params",
        ));
    }
    None
}

async fn handle_connection(mut stream: TcpStream, state: Arc<State>) {
    let Some((method, target, headers)) = read_request(&mut stream).await else {
        return;
    };
    let raw_query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
    let mut params = BTreeMap::new();
    let mut problems = Vec::new();
    for pair in raw_query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |t: &str| percent_decode_str(t).decode_utf8().map(|c| c.into_owned());
        match (decode(name), decode(value)) {
            (Ok(name), Ok(value)) => {
                if params.insert(name.clone(), value).is_some() {
                    problems.push(format!("duplicate parameter {name}"));
                }
            }
            _ => problems.push(format!("undecodable pair {pair}")),
        }
    }
    let mut seen = Seen {
        method,
        target,
        headers,
        params,
        problems,
    };
    let answer = if seen.problems.is_empty() {
        check(&mut seen, &state)
    } else {
        Some(gateway_error(
            400,
            "InvalidParameter",
            "bad query",
            "gw-query",
        ))
    };
    let answer = match answer {
        Some(rejection) => rejection,
        None => {
            let n = state.accepted.fetch_add(1, Ordering::SeqCst);
            state.script[n.min(state.script.len() - 1)].clone()
        }
    };
    state.seen.lock().unwrap().push(seen);
    let _ = respond(&mut stream, answer).await;
}

async fn respond(stream: &mut TcpStream, mut answer: Answer) -> std::io::Result<()> {
    while let Answer::Late(delay, inner) = answer {
        tokio::time::sleep(delay).await;
        answer = *inner;
    }
    let (status, content_type, body, declared) = match answer {
        Answer::Json(status, body) => {
            let len = body.len();
            (
                status,
                "application/json;charset=utf-8",
                body.into_bytes(),
                len,
            )
        }
        Answer::Raw {
            status,
            content_type,
            body,
        } => {
            let len = body.len();
            (status, content_type, body, len)
        }
        Answer::CutOff { declared, body } => {
            (200, "application/json;charset=utf-8", body, declared)
        }
        Answer::Late(..) => unreachable!("unwrapped above"),
    };
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Whatever",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.flush().await?;
    stream.shutdown().await
}

// =============================================================================================
// Client-side helpers.

const REQUIRED: &[(&str, &str)] = &[
    ("ClientIpPool", "192.168.1.0/24"),
    ("LocalSubnet", "10.0.0.0/8"),
    ("RegionId", "cn-shanghai"),
    ("VpnGatewayId", "vpn-bp1hgim8by0kc9nga****"),
];

/// The documented request example, built through the checked builder.
fn doc_request() -> CreateSslVpnServerRequest {
    CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
        .client_ip_pool("192.168.1.0/24")
        .local_subnet("10.0.0.0/8")
        .build()
        .expect("the documented example is valid")
}

/// Short timeouts and backoffs so the whole file runs in a few seconds.
fn client_builder(gateway: &Gateway, secret: &str) -> ClientBuilder<Client> {
    Client::builder()
        .credentials(Credentials::new(KEY_ID, secret))
        .region("cn-shanghai")
        .endpoint(gateway.url())
        .timeout(Duration::from_secs(3))
        .connect_timeout(Duration::from_secs(1))
        .max_retries(2)
        .retry_backoff(Duration::from_millis(2), Duration::from_millis(10))
}

fn client(gateway: &Gateway) -> Client {
    client_builder(gateway, KEY_SECRET)
        .build()
        .expect("valid configuration")
}

fn tokens(seen: &[Seen]) -> Vec<String> {
    seen.iter()
        .map(|s| {
            s.param("ClientToken")
                .expect("ClientToken sent")
                .to_string()
        })
        .collect()
}

fn assert_distinct_nonces(seen: &[Seen]) {
    let nonces: HashSet<&str> = seen
        .iter()
        .map(|s| s.param("SignatureNonce").expect("nonce sent"))
        .collect();
    assert_eq!(nonces.len(), seen.len(), "a nonce was reused: {seen:?}");
}

// =============================================================================================
// 1. Success.

#[tokio::test]
async fn success_decodes_the_documented_example() {
    let gateway = Gateway::start(REQUIRED, vec![doc_success()]).await;
    let response = client(&gateway)
        .create_ssl_vpn_server(doc_request())
        .await
        .expect("the call succeeds");
    assert_eq!(
        response.request_id.as_deref(),
        Some("E98A9651-7098-40C7-8F85-C818D1EBBA85")
    );
    assert_eq!(
        response.ssl_vpn_server_id.as_deref(),
        Some("vss-bp18q7hzj6largv4v****")
    );
    assert_eq!(response.name.as_deref(), Some("test"));

    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 1);
    let request = &seen[0];
    assert_eq!(
        request.headers_named("host"),
        vec![gateway.addr.to_string()]
    );
    // The unset token is filled with a UUID by the client.
    assert!(looks_like_uuid(request.param("ClientToken").unwrap()));
    assert!(request.param("SecurityToken").is_none());
    // `*` travels percent-encoded, as the signature requires.
    assert!(
        request
            .target
            .contains("VpnGatewayId=vpn-bp1hgim8by0kc9nga%2A%2A%2A%2A"),
        "{}",
        request.target
    );
}

#[tokio::test]
async fn success_with_every_optional_parameter_and_unicode() {
    let expected: &[(&str, &str)] = &[
        ("ClientIpPool", "172.16.0.0/16"),
        ("LocalSubnet", "10.0.0.0/8"),
        ("RegionId", "cn-hangzhou"),
        ("VpnGatewayId", "vpn-bp1hgim8by0kc9nga****"),
        ("Name", "测试-ssl.vpn_1"),
        ("Proto", "TCP"),
        ("Cipher", "AES-256-CBC"),
        ("Port", "1195"),
        ("Compress", "true"),
        ("EnableMultiFactorAuth", "false"),
        ("IDaaSInstanceId", "idaas-cn-hangzhou-p****"),
        ("IDaaSRegionId", "cn-hangzhou"),
    ];
    let gateway = Gateway::start(expected, vec![doc_success()]).await;
    let request = CreateSslVpnServerRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
        .client_ip_pool("172.16.0.0/16")
        .local_subnet("10.0.0.0/8")
        .name("测试-ssl.vpn_1")
        .proto(Proto::Tcp)
        .cipher(Cipher::Aes256Cbc)
        .port(1195)
        .compress(true)
        .enable_multi_factor_auth(false)
        .idaas_instance_id("idaas-cn-hangzhou-p****")
        .idaas_region_id("cn-hangzhou")
        .build()
        .expect("valid request");
    let response = client(&gateway)
        .create_ssl_vpn_server(request)
        .await
        .expect("the call succeeds");
    assert_eq!(response.name.as_deref(), Some("test"));
    assert_eq!(gateway.clean_requests().len(), 1);
}

// =============================================================================================
// 2. Documented errors.

#[tokio::test]
async fn documented_errors_are_typed_and_not_retried() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![
            Answer::Json(
                400,
                r#"{"Code":"VpnGateway.Configuring","Message":"The specified service is configuring.","RequestId":"r1"}"#
                    .to_string(),
            ),
            gateway_error(
                404,
                "InvalidVpnGatewayInstanceId.NotFound",
                "The specified vpn gateway instance id does not exist.",
                "r2",
            ),
            // The doc's misspelt code stays misspelt on the wire.
            gateway_error(403, "Forbbiden.SubUser", "sub user", "r3"),
        ],
    )
    .await;
    let client = client(&gateway);

    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("a service error");
    assert_eq!(error.attempts(), 1, "a documented error is not retried");
    assert_eq!(error.code(), Some("VpnGateway.Configuring"));
    assert_eq!(error.request_id(), Some("r1"));
    let SdkError::Service(e) = &error else {
        panic!("expected a service error, got {error:?}");
    };
    assert!(
        matches!(&e.error, CreateSslVpnServerError::VpnGatewayConfiguring { message }
            if message == "The specified service is configuring."),
        "{:?}",
        e.error
    );
    assert_eq!(e.request_id.as_deref(), Some("r1"));
    assert_eq!(e.http_status, 400);
    assert_eq!(e.message, "The specified service is configuring.");
    assert_eq!(e.error.http_status(), Some(400));

    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("a service error");
    assert_eq!(
        error.api_error(),
        Some(
            &CreateSslVpnServerError::InvalidVpnGatewayInstanceIdNotFound {
                message: "The specified vpn gateway instance id does not exist.".to_string()
            }
        )
    );
    assert_eq!(error.request_id(), Some("r2"));

    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("a service error");
    assert!(
        matches!(
            error.api_error(),
            Some(CreateSslVpnServerError::ForbbidenSubUser { .. })
        ),
        "{error:?}"
    );
    assert_eq!(error.code(), Some("Forbbiden.SubUser"));

    assert_eq!(gateway.clean_requests().len(), 3);
}

// =============================================================================================
// 3. Throttling burst.

#[tokio::test]
async fn throttling_burst_is_retried_then_reported() {
    let max_retries = 3;
    let gateway = Gateway::start(
        REQUIRED,
        vec![gateway_error(
            400,
            "Throttling",
            "Request was denied due to request throttling.",
            "thr",
        )],
    )
    .await;
    let client = client_builder(&gateway, KEY_SECRET)
        .max_retries(max_retries)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("throttled throughout");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(error.attempts(), max_retries + 1);
    let SdkError::Service(e) = &error else {
        panic!("expected a service error, got {error:?}");
    };
    assert!(
        matches!(
            &e.error,
            CreateSslVpnServerError::Common {
                code: CommonErrorCode::Throttling,
                ..
            }
        ),
        "{:?}",
        e.error
    );
    assert_eq!(e.code, "Throttling");
    assert_eq!(e.error.code(), "Throttling");
    assert!(e.is_throttling());
    assert_eq!(e.attempts, max_retries + 1);
    assert!(error.to_string().contains("4 attempts"), "{error}");

    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), (max_retries + 1) as usize);
    assert_distinct_nonces(&seen);
    let tokens = tokens(&seen);
    assert!(tokens.iter().all(|t| t == &tokens[0]), "{tokens:?}");
}

// =============================================================================================
// 4. Unavailable, then success: one client token, fresh nonces.

#[tokio::test]
async fn unavailable_then_success_keeps_the_client_token() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![
            gateway_error(
                503,
                "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.",
                "u1",
            ),
            doc_success(),
            doc_success(),
        ],
    )
    .await;
    let client = client(&gateway);
    let request = doc_request();
    assert_eq!(request.client_token, None);
    let response = client
        .create_ssl_vpn_server(request.clone())
        .await
        .expect("the retry succeeds");
    assert_eq!(
        response.request_id.as_deref(),
        Some("E98A9651-7098-40C7-8F85-C818D1EBBA85")
    );

    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 2);
    let tokens = tokens(&seen);
    assert!(looks_like_uuid(&tokens[0]), "{}", tokens[0]);
    assert_eq!(tokens[0], tokens[1], "the retry must reuse the token");
    assert_ne!(
        seen[0].param("SignatureNonce"),
        seen[1].param("SignatureNonce")
    );
    assert_distinct_nonces(&seen);

    // A new call is a new operation: a new token.
    client
        .create_ssl_vpn_server(request)
        .await
        .expect("the second call succeeds");
    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 3);
    assert_ne!(tokens[0], token_of(&seen[2]));
}

fn token_of(seen: &Seen) -> String {
    seen.param("ClientToken").unwrap().to_string()
}

#[tokio::test]
async fn bad_gateway_html_then_success_is_retried_with_a_token() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![
            Answer::Raw {
                status: 502,
                content_type: "text/html",
                body: b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
            },
            doc_success(),
        ],
    )
    .await;
    let response = client(&gateway)
        .create_ssl_vpn_server(doc_request())
        .await
        .expect("the retry succeeds");
    assert_eq!(response.name.as_deref(), Some("test"));
    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 2);
    let tokens = tokens(&seen);
    assert_eq!(tokens[0], tokens[1]);
}

// =============================================================================================
// 5. A caller's client token.

#[tokio::test]
async fn callers_client_token_is_sent_unchanged() {
    // ASCII, at most 64 characters, with characters that must be percent-encoded.
    let token = "caller token/1+2=3&x*y~z";
    let gateway = Gateway::start(
        REQUIRED,
        vec![
            gateway_error(503, "ServiceUnavailable", "try later", "u1"),
            doc_success(),
        ],
    )
    .await;
    let request = CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
        .client_ip_pool("192.168.1.0/24")
        .local_subnet("10.0.0.0/8")
        .client_token(token)
        .build()
        .expect("valid request");
    client(&gateway)
        .create_ssl_vpn_server(request)
        .await
        .expect("the retry succeeds");
    let seen = gateway.clean_requests();
    assert_eq!(tokens(&seen), vec![token.to_string(), token.to_string()]);
    assert_distinct_nonces(&seen);
}

// =============================================================================================
// 6. Timeouts.

#[tokio::test]
async fn slow_replies_time_out_after_bounded_retries() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![Answer::Late(
            Duration::from_secs(3),
            Box::new(doc_success()),
        )],
    )
    .await;
    let client = client_builder(&gateway, KEY_SECRET)
        .timeout(Duration::from_millis(150))
        .max_retries(2)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("every attempt times out");
    let elapsed = started.elapsed();
    let SdkError::Timeout(t) = &error else {
        panic!("expected a timeout, got {error:?}");
    };
    assert!(!t.connect, "the connection was established");
    // The API has a client token, so timeouts are retried: 1 + 2 attempts.
    assert_eq!(t.attempts, 3);
    assert_eq!(error.attempts(), 3);
    assert!(
        elapsed >= Duration::from_millis(450) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 3);
    let tokens = tokens(&seen);
    assert!(tokens.iter().all(|t| t == &tokens[0]), "{tokens:?}");
    assert_distinct_nonces(&seen);
}

#[tokio::test]
async fn slow_reply_then_fast_one_succeeds() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![
            Answer::Late(Duration::from_secs(3), Box::new(doc_success())),
            doc_success(),
        ],
    )
    .await;
    let client = client_builder(&gateway, KEY_SECRET)
        .timeout(Duration::from_millis(150))
        .build()
        .unwrap();
    let response = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect("the retry succeeds");
    assert_eq!(response.name.as_deref(), Some("test"));
    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(token_of(&seen[0]), token_of(&seen[1]));
}

// =============================================================================================
// 7. Unreadable success bodies.

#[tokio::test]
async fn truncated_and_garbage_success_bodies_are_response_errors() {
    let truncated = DOC_JSON_EXAMPLE[..40].to_string();
    let cases: Vec<(Answer, String)> = vec![
        (Answer::Json(200, truncated.clone()), truncated),
        (
            Answer::Raw {
                status: 200,
                content_type: "text/plain",
                body: b"this is not JSON".to_vec(),
            },
            "this is not JSON".to_string(),
        ),
        (
            Answer::Raw {
                status: 200,
                content_type: "text/html",
                body: b"<html><body>maintenance</body></html>".to_vec(),
            },
            "<html><body>maintenance</body></html>".to_string(),
        ),
        (Answer::Json(200, String::new()), String::new()),
        (Answer::Json(200, "null".to_string()), "null".to_string()),
        (
            Answer::Raw {
                status: 200,
                content_type: "application/json",
                body: vec![0xff, 0xfe, b'{', 0x00],
            },
            String::from_utf8_lossy(&[0xff, 0xfe, b'{', 0x00]).into_owned(),
        ),
    ];
    let count = cases.len();
    let (script, bodies): (Vec<Answer>, Vec<String>) = cases.into_iter().unzip();
    let gateway = Gateway::start(REQUIRED, script).await;
    let client = client(&gateway);
    for (i, body) in bodies.iter().enumerate() {
        let error = client
            .create_ssl_vpn_server(doc_request())
            .await
            .expect_err("an unreadable body");
        let SdkError::Response(e) = &error else {
            panic!("case {i}: expected a response error, got {error:?}");
        };
        assert_eq!(e.status, 200, "case {i}");
        assert_eq!(&e.raw_body, body, "case {i}");
        assert!(e.reason.contains("JSON"), "case {i}: {}", e.reason);
        // A 200 that cannot be read is not retried: the server did act.
        assert_eq!(error.attempts(), 1, "case {i}");
    }
    assert_eq!(gateway.clean_requests().len(), count);
}

#[tokio::test]
async fn body_cut_mid_stream_is_a_transport_error() {
    let gateway = Gateway::start(
        REQUIRED,
        vec![Answer::CutOff {
            declared: DOC_JSON_EXAMPLE.len(),
            body: DOC_JSON_EXAMPLE.as_bytes()[..30].to_vec(),
        }],
    )
    .await;
    let client = client_builder(&gateway, KEY_SECRET)
        .max_retries(1)
        .build()
        .unwrap();
    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("the body never completes");
    let SdkError::Transport(t) = &error else {
        panic!("expected a transport error, got {error:?}");
    };
    assert!(!t.not_sent, "the request was sent");
    // Retried once (the API has a client token), with the same token.
    assert_eq!(error.attempts(), 2);
    let seen = gateway.clean_requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(token_of(&seen[0]), token_of(&seen[1]));
}

// =============================================================================================
// 8. Validation before sending.

#[tokio::test]
async fn invalid_request_is_rejected_before_sending() {
    let gateway = Gateway::start(REQUIRED, vec![doc_success()]).await;
    let client = client(&gateway);

    let mut request = doc_request();
    request.port = Some(22);
    let error = client
        .create_ssl_vpn_server(request)
        .await
        .expect_err("port 22 is forbidden");
    let SdkError::Validation(v) = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert!(v.mentions("Port"), "{v}");
    assert_eq!(v.violations.len(), 1, "{v}");
    assert_eq!(error.attempts(), 0);

    // Every violation is reported at once.
    let mut request = doc_request();
    request.port = Some(443);
    request.client_token = Some("t".repeat(65));
    request.local_subnet = "192.168.0.0/16".to_string();
    let error = client
        .create_ssl_vpn_server(request)
        .await
        .expect_err("three violations");
    let SdkError::Validation(v) = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    for field in ["Port", "ClientToken"] {
        assert!(v.mentions(field), "{field} missing from {v}");
    }
    assert!(
        v.mentions("ClientIpPool") || v.mentions("LocalSubnet"),
        "overlap missing from {v}"
    );

    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(gateway.connections(), 0, "nothing may reach the server");
    assert!(gateway.seen().is_empty());
}

// =============================================================================================
// 9. Wrong secret.

#[tokio::test]
async fn wrong_secret_gets_signature_does_not_match() {
    let wrong_secret = "not-the-secret";
    let gateway = Gateway::start(REQUIRED, vec![doc_success()]).await;
    let client = client_builder(&gateway, wrong_secret).build().unwrap();
    let error = client
        .create_ssl_vpn_server(doc_request())
        .await
        .expect_err("the gateway rejects the signature");
    let SdkError::Service(e) = &error else {
        panic!("expected a service error, got {error:?}");
    };
    assert!(
        matches!(
            &e.error,
            CreateSslVpnServerError::Common {
                code: CommonErrorCode::SignatureDoesNotMatch,
                ..
            }
        ),
        "{:?}",
        e.error
    );
    assert_eq!(e.code, "SignatureDoesNotMatch");
    assert_eq!(e.http_status, 400);
    assert_eq!(e.request_id.as_deref(), Some("gw-signature"));
    assert!(e.message.contains("server string to sign is:POST&%2F&"));
    // Never retried: repeating cannot fix a signature.
    assert_eq!(error.attempts(), 1);
    let text = format!("{error} {error:?}");
    assert!(
        !text.contains(wrong_secret) && !text.contains(KEY_SECRET),
        "{text}"
    );

    let seen = gateway.seen();
    assert_eq!(seen.len(), 1);
    assert!(
        seen[0].problems.len() == 1 && seen[0].problems[0].starts_with("signature"),
        "{:?}",
        seen[0].problems
    );
}

// =============================================================================================
// A valid call is never blocked (issue 19): open enums, and rule checks that can be skipped.

/// The doc lists `TCP` and `UDP`; a value it does not list is still a `Proto`, passes the
/// checks and reaches the service exactly as written.
#[tokio::test]
async fn an_unlisted_enum_value_is_built_validated_and_sent_verbatim() {
    let proto: Proto = "SCTP".parse().expect("parsing an open enum never fails");
    assert_eq!(proto, Proto::from("SCTP"));
    assert!(!proto.is_documented() && Proto::Tcp.is_documented());
    assert_eq!(proto.as_str(), "SCTP");
    let request = CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
        .client_ip_pool("192.168.1.0/24")
        .local_subnet("10.0.0.0/8")
        .proto("SCTP")
        .build()
        .expect("an unlisted value is no violation");
    request.validate().expect("validate() agrees");
    assert!(request
        .to_query()
        .contains(&("Proto".to_string(), "SCTP".to_string())));
    let mut params = REQUIRED.to_vec();
    params.push(("Proto", "SCTP"));
    let gateway = Gateway::start(&params, vec![doc_success()]).await;
    client(&gateway)
        .create_ssl_vpn_server(request)
        .await
        .expect("the call succeeds");
    let seen = gateway.clean_requests();
    assert_eq!(seen[0].param("Proto"), Some("SCTP"));
}

/// Port 22 is among the ports the doc forbids: `build()` refuses it, `build_unchecked()` keeps
/// it, and the client sends the unchecked request without checking the rule again.
#[tokio::test]
async fn a_build_unchecked_request_that_breaks_a_rule_reaches_the_server() {
    let builder = || {
        CreateSslVpnServerRequest::builder()
            .region_id("cn-shanghai")
            .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
            .client_ip_pool("192.168.1.0/24")
            .local_subnet("10.0.0.0/8")
            .port(22)
    };
    let refused = builder().build().expect_err("port 22 is forbidden");
    assert_eq!(refused.violations[0].field.to_string(), "Port");
    let request = builder()
        .build_unchecked()
        .expect("required parameters are set");
    assert!(request.rule_checks_skipped());
    let mut params = REQUIRED.to_vec();
    params.push(("Port", "22"));
    let gateway = Gateway::start(&params, vec![doc_success()]).await;
    client(&gateway)
        .create_ssl_vpn_server(request)
        .await
        .expect("the unchecked request is sent");
    assert_eq!(gateway.clean_requests()[0].param("Port"), Some("22"));
    // Required parameters are still checked: an unchecked request cannot leave one out.
    let missing = CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .build_unchecked()
        .expect_err("required parameters are checked");
    assert_eq!(missing.violations.len(), 3);
}

/// A request changed after `build()` so that it breaks a rule: the client refuses it locally,
/// unless rule checks are turned off for the whole client.
#[tokio::test]
async fn a_client_with_rule_checks_off_sends_what_the_rules_refuse() {
    let mut request = doc_request();
    request.port = Some(22);
    let mut params = REQUIRED.to_vec();
    params.push(("Port", "22"));
    let gateway = Gateway::start(&params, vec![doc_success()]).await;
    let error = client(&gateway)
        .create_ssl_vpn_server(request.clone())
        .await
        .expect_err("refused before sending");
    assert!(matches!(error, SdkError::Validation(_)), "{error:?}");
    assert!(gateway.seen().is_empty(), "nothing was sent");
    let relaxed = client_builder(&gateway, KEY_SECRET)
        .rule_checks(false)
        .build()
        .expect("valid configuration");
    relaxed
        .create_ssl_vpn_server(request.clone())
        .await
        .expect("sent without rule checks");
    assert_eq!(gateway.clean_requests()[0].param("Port"), Some("22"));
    // The same request wrapped in `Unchecked` goes through the default client too.
    client(&gateway)
        .call(&aliyun_runtime::Unchecked(request))
        .await
        .expect("sent without rule checks");
    assert_eq!(gateway.clean_requests().len(), 2);
}

// =============================================================================================
// The fake gateway's own signer, pinned so that it cannot agree with the client by accident.

#[test]
fn independent_signer_matches_the_documented_example() {
    // The worked example of Alibaba Cloud's RPC signature documentation (DescribeRegions,
    // AccessKey `testid` / `testsecret`).
    let params: BTreeMap<String, String> = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (string_to_sign, signature) = v2_signature("GET", &params, "testsecret");
    assert_eq!(
        string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
    );
    assert_eq!(signature, "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    assert_eq!(enc("a b*~/é"), "a%20b%2A~%2F%C3%A9");
    assert_eq!(parse_timestamp("1970-01-02T00:00:01Z"), Some(86_401));
    assert_eq!(parse_timestamp("2016-02-23T12:46:24Z"), Some(1_456_231_584));
    assert_eq!(parse_timestamp("2016-02-23 12:46:24Z"), None);
}
