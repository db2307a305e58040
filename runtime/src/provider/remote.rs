//! Credentials served over HTTP by the platform: the ECS instance metadata service (the RAM
//! role attached to the instance) and a credentials URI.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::provider::fetch::{credentials_from, http_client, is_direct, json_body, send};
use crate::provider::traits::{
    truthy, CredentialsFuture, Environment, ProvideCredentials, ProviderError,
};

/// The metadata service of ECS instances.
pub const ECS_METADATA_ENDPOINT: &str = "http://100.100.100.200";
/// Names the instance's RAM role (saves the discovery request).
pub const ENV_ECS_METADATA: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// `true` turns the metadata service off.
pub const ENV_ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// `true` forbids falling back to the token-less (IMDSv1) mode.
pub const ENV_IMDSV1_DISABLED: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";
/// A URL that serves credentials.
pub const ENV_CREDENTIALS_URI: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";

const TOKEN_PATH: &str = "/latest/api/token";
const ROLE_PATH: &str = "/latest/meta-data/ram/security-credentials/";
const TOKEN_TTL_HEADER: &str = "X-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "X-aliyun-ecs-metadata-token";
/// Lifetime asked for a metadata token: the documented maximum, six hours.
const TOKEN_TTL_SECONDS: &str = "21600";

/// The RAM role of an ECS instance, from the metadata service in hardened mode (IMDSv2: a
/// session token first), falling back to normal mode unless [`ENV_IMDSV1_DISABLED`] is set.
pub struct EcsRoleProvider {
    endpoint: String,
    role_name: Option<String>,
    environment: Arc<dyn Environment>,
    timeout: Duration,
}

impl EcsRoleProvider {
    /// Reads the role name from [`ENV_ECS_METADATA`] (or discovers it) and honours
    /// [`ENV_ECS_METADATA_DISABLED`] / [`ENV_IMDSV1_DISABLED`] of `environment`.
    pub fn new(environment: Arc<dyn Environment>) -> Self {
        Self {
            endpoint: ECS_METADATA_ENDPOINT.to_string(),
            role_name: None,
            environment,
            timeout: Duration::from_secs(1),
        }
    }

    /// Another metadata endpoint (tests, proxies).
    pub fn endpoint(mut self, base_url: impl Into<String>) -> Self {
        self.endpoint = base_url.into().trim_end_matches('/').to_string();
        self
    }

    /// The role name, instead of the variable or discovery.
    pub fn role_name(mut self, name: impl Into<String>) -> Self {
        self.role_name = Some(name.into());
        self
    }

    async fn token(&self, client: &reqwest::Client) -> Result<Option<String>, ProviderError> {
        let what = format!("ECS metadata token at {}", self.endpoint);
        let request = client
            .put(format!("{}{TOKEN_PATH}", self.endpoint))
            .header(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS);
        let answer = send(client, request, &what, true).await;
        let v1_allowed = !truthy(self.environment.var(ENV_IMDSV1_DISABLED));
        match answer {
            Ok(a) if a.status == 200 && !a.body.trim().is_empty() => {
                Ok(Some(a.body.trim().to_string()))
            }
            Err(e) if e.is_not_configured() => Err(e),
            _ if v1_allowed => Ok(None),
            Ok(a) => Err(ProviderError::failed(format!(
                "{what}: HTTP {} and {ENV_IMDSV1_DISABLED} forbids the token-less mode",
                a.status
            ))),
            Err(e) => Err(e),
        }
    }

    async fn get(
        &self,
        client: &reqwest::Client,
        path: &str,
        token: Option<&str>,
        what: &str,
    ) -> Result<String, ProviderError> {
        let mut request = client.get(format!("{}{path}", self.endpoint));
        if let Some(token) = token {
            request = request.header(TOKEN_HEADER, token);
        }
        let answer = send(client, request, what, true).await?;
        if answer.status == 404 {
            return Err(ProviderError::not_configured(format!(
                "{what}: HTTP 404 (no RAM role attached to this instance?)"
            )));
        }
        if answer.status != 200 {
            return Err(ProviderError::failed(format!(
                "{what}: HTTP {}",
                answer.status
            )));
        }
        Ok(answer.body)
    }
}

impl fmt::Debug for EcsRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcsRoleProvider")
            .field("endpoint", &self.endpoint)
            .field("role_name", &self.role_name)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for EcsRoleProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            if truthy(self.environment.var(ENV_ECS_METADATA_DISABLED)) {
                return Err(ProviderError::not_configured(format!(
                    "turned off by {ENV_ECS_METADATA_DISABLED}"
                )));
            }
            let client = http_client(self.timeout, is_direct(&self.endpoint))?;
            let token = self.token(&client).await?;
            let role = match self
                .role_name
                .clone()
                .or_else(|| self.environment.var(ENV_ECS_METADATA))
            {
                Some(role) => role,
                None => {
                    let what = format!("ECS RAM role name at {}", self.endpoint);
                    let listed = self
                        .get(&client, ROLE_PATH, token.as_deref(), &what)
                        .await?;
                    listed
                        .lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty())
                        .map(str::to_string)
                        .ok_or_else(|| {
                            ProviderError::not_configured(format!(
                                "{what}: no RAM role attached to this instance"
                            ))
                        })?
                }
            };
            let what = format!("ECS RAM role {role} credentials at {}", self.endpoint);
            let path = format!("{ROLE_PATH}{}", crate::sign::percent_encode(&role));
            let body = self.get(&client, &path, token.as_deref(), &what).await?;
            let answer = crate::provider::fetch::Answer { status: 200, body };
            let document = json_body(&answer, &what)?;
            if let Some(code) = document.get("Code").and_then(|c| c.as_str()) {
                if code != "Success" {
                    return Err(ProviderError::failed(format!("{what}: Code {code}")));
                }
            }
            credentials_from(&document, &what)
        })
    }
}

/// Credentials served at a URL (`ALIBABA_CLOUD_CREDENTIALS_URI`): a JSON document with
/// `Code: "Success"`, `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration`.
#[derive(Debug, Clone)]
pub struct UriProvider {
    uri: String,
}

impl UriProvider {
    pub fn new(uri: impl Into<String>) -> Self {
        Self { uri: uri.into() }
    }
}

impl ProvideCredentials for UriProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            // The URI may carry a query with a secret: name its host only.
            let host = reqwest::Url::parse(&self.uri)
                .ok()
                .and_then(|u| {
                    u.host_str().map(|h| {
                        format!(
                            "{h}{}",
                            u.port().map(|p| format!(":{p}")).unwrap_or_default()
                        )
                    })
                })
                .ok_or_else(|| ProviderError::failed("the credentials URI is not a URL"))?;
            let what = format!("credentials URI at {host}");
            let client = http_client(Duration::from_secs(5), is_direct(&format!("http://{host}")))?;
            let answer = send(&client, client.get(&self.uri), &what, false).await?;
            if answer.status != 200 {
                return Err(ProviderError::failed(format!(
                    "{what}: HTTP {}",
                    answer.status
                )));
            }
            let document = json_body(&answer, &what)?;
            match document.get("Code").and_then(|c| c.as_str()) {
                Some("Success") => credentials_from(&document, &what),
                Some(code) => Err(ProviderError::failed(format!("{what}: Code {code}"))),
                None => Err(ProviderError::failed(format!(
                    "{what}: the answer has no Code"
                ))),
            }
        })
    }
}
