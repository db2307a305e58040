//! End-to-end tests of ROA calls through `client::Client` against an HTTP/1.1 server on
//! 127.0.0.1 that recomputes every `ACS3-HMAC-SHA256` signature with its own code (method, raw
//! path, query, signed headers, body hash) and decodes what it received.
#![cfg(feature = "reqwest")]

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aliyun_runtime::client::Client;
use aliyun_runtime::roa::RoaRequest;
use aliyun_runtime::{ApiError, Credentials, Request, SdkError, ValidationError};
use hmac::{Hmac, Mac};
use sha2::Digest as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const AK: &str = "LTAIroa";
const SK: &str = "roa-s3cr3t";

#[derive(Debug, Clone, PartialEq)]
struct RoaError(String);

impl fmt::Display for RoaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ApiError for RoaError {
    fn from_code(code: &str, _message: &str) -> Self {
        RoaError(code.to_string())
    }
    fn code(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, serde::Deserialize)]
struct Created {
    #[serde(rename = "RequestId")]
    request_id: String,
}

/// Like elasticsearch `CreateDataStream`: a path parameter, a query token, a JSON body.
struct CreateStream {
    instance_id: String,
    name: String,
    client_token: Option<String>,
}

impl Request for CreateStream {
    type Response = Created;
    type Error = RoaError;
    const ACTION: &'static str = "CreateDataStream";
    const VERSION: &'static str = "2017-06-13";
    const PRODUCT: &'static str = "elasticsearch";
    const CLIENT_TOKEN: Option<&'static str> = Some("ClientToken");
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
    fn to_query(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn roa(&self) -> Option<RoaRequest> {
        let mut r = RoaRequest::new("POST", "/openapi/instances/{InstanceId}/data-streams");
        r.path_param("InstanceId", &self.instance_id);
        if let Some(t) = &self.client_token {
            r.query_param("ClientToken", t);
        }
        r.query_param("mode", "fast & safe*");
        r.body_member("name", &self.name);
        r.body_member("replicas", &2);
        Some(r)
    }
}

fn rfc3986(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    raw_path: String,
    query: BTreeMap<String, String>,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
    signature_ok: bool,
}

/// The server's own V3 check.
fn check(
    method: &str,
    raw_path: &str,
    query: &BTreeMap<String, String>,
    headers: &BTreeMap<String, String>,
    body: &[u8],
) -> bool {
    let Some(auth) = headers.get("authorization") else {
        return false;
    };
    let Some(rest) = auth.strip_prefix("ACS3-HMAC-SHA256 ") else {
        return false;
    };
    let fields: BTreeMap<&str, &str> = rest.split(',').filter_map(|f| f.split_once('=')).collect();
    let signed = fields.get("SignedHeaders").copied().unwrap_or("");
    for needed in [
        "host",
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
        "content-type",
    ] {
        if !signed.split(';').any(|h| h == needed) {
            return false;
        }
    }
    let payload = hex::encode(sha2::Sha256::digest(body));
    if headers.get("x-acs-content-sha256") != Some(&payload) {
        return false;
    }
    let canonical_query = query
        .iter()
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let canonical_headers: String = signed
        .split(';')
        .map(|n| format!("{n}:{}\n", headers.get(n).map(|v| v.trim()).unwrap_or("")))
        .collect();
    let request = format!(
        "{method}\n{raw_path}\n{canonical_query}\n{canonical_headers}\n{signed}\n{payload}"
    );
    let to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        hex::encode(sha2::Sha256::digest(request))
    );
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(SK.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    fields.get("Credential") == Some(&AK)
        && fields.get("Signature").copied()
            == Some(hex::encode(mac.finalize().into_bytes()).as_str())
}

/// Serves `replies[n]` (status, body) for the n-th request; logs what it saw.
async fn server(replies: Vec<(u16, &'static str)>) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    tokio::spawn(async move {
        for reply in replies {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let head_end = loop {
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i;
                }
                let n = stream.read(&mut chunk).await.unwrap();
                if n == 0 {
                    return;
                }
                buf.extend_from_slice(&chunk[..n]);
            };
            let head = String::from_utf8(buf[..head_end].to_vec()).unwrap();
            let mut lines = head.split("\r\n");
            let mut first = lines.next().unwrap().split(' ');
            let method = first.next().unwrap().to_string();
            let target = first.next().unwrap().to_string();
            let headers: BTreeMap<String, String> = lines
                .filter_map(|l| l.split_once(':'))
                .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect();
            let length: usize = headers
                .get("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = buf[head_end + 4..].to_vec();
            while body.len() < length {
                let n = stream.read(&mut chunk).await.unwrap();
                body.extend_from_slice(&chunk[..n]);
            }
            let (raw_path, raw_query) = target.split_once('?').unwrap_or((&target, ""));
            let query: BTreeMap<String, String> = raw_query
                .split('&')
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (decode(k), decode(v)))
                .collect();
            let signature_ok = check(&method, raw_path, &query, &headers, &body);
            log.lock().unwrap().push(Seen {
                method,
                raw_path: raw_path.to_string(),
                query,
                headers,
                body,
                signature_ok,
            });
            let (status, text) = if signature_ok {
                reply
            } else {
                (
                    400,
                    r#"{"RequestId":"bad","Code":"SignatureDoesNotMatch","Message":"no"}"#,
                )
            };
            let out = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                text.len()
            );
            stream.write_all(out.as_bytes()).await.unwrap();
            let _ = stream.shutdown().await;
        }
    });
    (url, seen)
}

fn client(url: &str, secret: &str) -> Client {
    Client::builder("elasticsearch")
        .credentials(Credentials::new(AK, secret))
        .endpoint(url)
        .timeout(Duration::from_secs(5))
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .max_retries(2)
        .build()
        .unwrap()
}

fn request() -> CreateStream {
    CreateStream {
        instance_id: "es cn/中*1".into(),
        name: "数据流 ü".into(),
        client_token: None,
    }
}

#[tokio::test]
async fn roa_call_is_signed_over_method_path_query_and_body() {
    let (url, seen) = server(vec![(200, r#"{"RequestId":"R1"}"#)]).await;
    let created = client(&url, SK).call(&request()).await.unwrap();
    assert_eq!(created.request_id, "R1");
    let seen = seen.lock().unwrap().clone();
    let s = &seen[0];
    assert!(s.signature_ok);
    assert_eq!(s.method, "POST");
    // The segment keeps its `/` encoded: one segment on the server's side.
    assert_eq!(
        s.raw_path,
        "/openapi/instances/es%20cn%2F%E4%B8%AD%2A1/data-streams"
    );
    let segments: Vec<String> = s.raw_path.split('/').map(decode).collect();
    assert_eq!(segments[3], "es cn/中*1");
    assert_eq!(
        s.query.get("mode").map(String::as_str),
        Some("fast & safe*")
    );
    assert!(!s.query["ClientToken"].is_empty(), "a token is filled in");
    let body: serde_json::Value = serde_json::from_slice(&s.body).unwrap();
    assert_eq!(body, serde_json::json!({"name": "数据流 ü", "replicas": 2}));
    assert_eq!(s.headers["content-type"], "application/json");
    assert_eq!(s.headers["x-acs-action"], "CreateDataStream");
    assert_eq!(s.headers["x-acs-version"], "2017-06-13");
}

#[tokio::test]
async fn roa_retry_keeps_the_token_and_renews_the_nonce() {
    let (url, seen) = server(vec![
        (
            503,
            r#"{"RequestId":"R0","Code":"ServiceUnavailable","Message":"later"}"#,
        ),
        (200, r#"{"RequestId":"R1"}"#),
    ])
    .await;
    client(&url, SK).call(&request()).await.unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(|s| s.signature_ok));
    assert_eq!(seen[0].query["ClientToken"], seen[1].query["ClientToken"]);
    let nonces: HashSet<&String> = seen
        .iter()
        .map(|s| &s.headers["x-acs-signature-nonce"])
        .collect();
    assert_eq!(nonces.len(), 2);
}

#[tokio::test]
async fn roa_wrong_secret_is_rejected_by_the_independent_check() {
    let (url, seen) = server(vec![(200, r#"{"RequestId":"R1"}"#)]).await;
    let err = client(&url, "not-the-secret")
        .call(&request())
        .await
        .unwrap_err();
    match err {
        SdkError::Service(e) => assert_eq!(e.code, "SignatureDoesNotMatch"),
        other => panic!("{other}"),
    }
    assert!(!seen.lock().unwrap()[0].signature_ok);
}
