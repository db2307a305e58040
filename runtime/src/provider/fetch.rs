//! The HTTP exchanges of the providers: plain GET/PUT for the metadata service and credentials
//! URIs, signed (or, for `AssumeRoleWithOIDC`, anonymous) RPC calls to STS, and the reading of
//! the credential documents they answer with.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use crate::credentials::Credentials;
use crate::endpoint::Endpoint;
use crate::error::ErrorBody;
use crate::http::{rpc_v2_request, RpcCall};
use crate::provider::traits::ProviderError;
use crate::sign;

/// STS API version of `AssumeRole` and `AssumeRoleWithOIDC`.
pub const STS_VERSION: &str = "2015-04-01";
/// The central STS endpoint.
pub const STS_ENDPOINT: &str = "https://sts.aliyuncs.com";

/// An HTTP client for credential fetches: short timeouts, no redirects, and no proxy for
/// loopback and link-local hosts (the metadata service must never be reached through one).
pub(crate) fn http_client(
    timeout: Duration,
    direct: bool,
) -> Result<reqwest::Client, ProviderError> {
    let mut builder = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(2)))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(crate::endpoint::USER_AGENT_VALUE);
    if direct {
        builder = builder.no_proxy();
    }
    builder
        .build()
        .map_err(|e| ProviderError::failed("cannot set up an HTTP client").with_source(e))
}

/// Whether requests to `url` should bypass proxies: loopback and the link-local metadata
/// address.
pub(crate) fn is_direct(url: &str) -> bool {
    Endpoint::parse(url).is_ok_and(|e| e.is_loopback() || e.host().starts_with("100.100.100.200"))
}

/// An answer: status and body text.
pub(crate) struct Answer {
    pub status: u16,
    pub body: String,
}

/// Sends a request; a connection that cannot be made is "not configured" when `absent_if_down`
/// (a metadata service that is not there), a failure otherwise. Errors name `what` and the host.
pub(crate) async fn send(
    client: &reqwest::Client,
    request: reqwest::RequestBuilder,
    what: &str,
    absent_if_down: bool,
) -> Result<Answer, ProviderError> {
    let request = request.build().map_err(|e| {
        ProviderError::failed(format!("{what}: cannot build the request"))
            .with_source(e.without_url())
    })?;
    let response = client.execute(request).await.map_err(|e| {
        let e = e.without_url();
        let message = format!("{what}: no answer");
        if absent_if_down && (e.is_connect() || e.is_timeout()) {
            ProviderError::not_configured(message).with_source(e)
        } else {
            ProviderError::failed(message).with_source(e)
        }
    })?;
    let status = response.status().as_u16();
    let body = response.text().await.map_err(|e| {
        ProviderError::failed(format!("{what}: the answer broke off")).with_source(e.without_url())
    })?;
    Ok(Answer { status, body })
}

/// Reads `2024-10-26T03:46:38Z` (RFC 3339).
pub(crate) fn parse_expiration(text: &str) -> Option<SystemTime> {
    let at =
        time::OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339)
            .ok()?;
    let secs = u64::try_from(at.unix_timestamp()).ok()?;
    Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
}

/// Credentials from a JSON object with `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and
/// `Expiration` (the shape of STS's `Credentials`, the metadata service and credential URIs).
/// `what` names the source in errors; values never appear in them.
pub(crate) fn credentials_from(
    object: &serde_json::Value,
    what: &str,
) -> Result<Credentials, ProviderError> {
    let field = |name: &str| -> Result<String, ProviderError> {
        object
            .get(name)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| ProviderError::failed(format!("{what}: the answer has no {name}")))
    };
    let mut credentials = Credentials::new(field("AccessKeyId")?, field("AccessKeySecret")?);
    if let Ok(token) = field("SecurityToken") {
        credentials = credentials.with_security_token(token);
    }
    if let Some(expiration) = object.get("Expiration").and_then(|v| v.as_str()) {
        let at = parse_expiration(expiration).ok_or_else(|| {
            ProviderError::failed(format!(
                "{what}: the Expiration `{expiration}` is not an RFC 3339 time"
            ))
        })?;
        credentials = credentials.with_expiry(at);
    }
    Ok(credentials)
}

/// Parses a JSON body, or says which source answered what.
pub(crate) fn json_body(answer: &Answer, what: &str) -> Result<serde_json::Value, ProviderError> {
    serde_json::from_str(&answer.body).map_err(|e| {
        ProviderError::failed(format!(
            "{what}: the answer (HTTP {}) is not JSON",
            answer.status
        ))
        .with_source(e)
    })
}

/// One STS call (`AssumeRole` signed with `signer`, or `AssumeRoleWithOIDC` anonymous when
/// `signer` is `None`), returning the temporary credentials it grants.
pub(crate) async fn sts_call(
    client: &reqwest::Client,
    endpoint: &str,
    action: &str,
    params: BTreeMap<String, String>,
    signer: Option<&Credentials>,
) -> Result<Credentials, ProviderError> {
    let what = format!("STS {action} at {endpoint}");
    let parsed = Endpoint::parse(endpoint)
        .map_err(|e| ProviderError::failed(format!("{what}: bad endpoint")).with_source(e))?;
    let nonce = sign::new_nonce();
    let now = sign::format_timestamp(SystemTime::now());
    let call = RpcCall {
        action,
        version: STS_VERSION,
        endpoint: &parsed,
        now: &now,
        nonce: &nonce,
    };
    let request = rpc_v2_request(&call, params, signer).map_err(|e| {
        ProviderError::failed(format!("{what}: cannot build the request")).with_source(e)
    })?;
    let (parts, _) = request.into_parts();
    let builder = client
        .request(reqwest::Method::POST, parts.uri.to_string())
        .headers(parts.headers)
        .header(reqwest::header::ACCEPT, "application/json");
    let answer = send(client, builder, &what, false).await?;
    if !(200..300).contains(&answer.status) {
        let detail = match ErrorBody::parse(None, answer.body.as_bytes()) {
            Some(body) => {
                let mut text = body.code;
                if let Some(id) = body.request_id {
                    text.push_str(&format!(", request id {id}"));
                }
                text
            }
            None => "no error code".to_string(),
        };
        return Err(ProviderError::failed(format!(
            "{what}: refused (HTTP {}, {detail})",
            answer.status
        )));
    }
    let body = json_body(&answer, &what)?;
    let granted = body
        .get("Credentials")
        .ok_or_else(|| ProviderError::failed(format!("{what}: the answer has no Credentials")))?;
    credentials_from(granted, &what)
}
