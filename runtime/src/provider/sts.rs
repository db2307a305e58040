//! Temporary credentials from STS: `AssumeRole` signed with other credentials (a RAM role
//! ARN), and `AssumeRoleWithOIDC` with an OIDC token file (RRSA on Kubernetes; the call itself
//! is anonymous: the token is the proof).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::provider::fetch::{http_client, is_direct, sts_call, STS_ENDPOINT};
use crate::provider::traits::{CredentialsFuture, Environment, ProvideCredentials, ProviderError};

/// Session length asked of STS unless set: one hour, the credential libraries' default.
pub const DEFAULT_SESSION_DURATION: Duration = Duration::from_secs(3600);

/// Where the role session is assumed and for how long; shared by both STS providers.
#[derive(Debug, Clone)]
pub struct RoleSession {
    /// `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// Names the session in audit logs.
    pub session_name: String,
    pub duration: Duration,
    /// A policy narrowing the role's permissions (JSON text).
    pub policy: Option<String>,
    /// STS base URL, e.g. `https://sts.aliyuncs.com` or `https://sts.cn-hangzhou.aliyuncs.com`.
    pub endpoint: String,
}

impl RoleSession {
    /// A session of `role_arn` on the central STS endpoint, one hour long, named after this
    /// runtime.
    pub fn new(role_arn: impl Into<String>) -> Self {
        Self {
            role_arn: role_arn.into(),
            session_name: default_session_name(),
            duration: DEFAULT_SESSION_DURATION,
            policy: None,
            endpoint: STS_ENDPOINT.to_string(),
        }
    }

    /// The STS endpoint of a region (`sts.{region}.aliyuncs.com`).
    pub fn sts_region(mut self, region: &str) -> Self {
        self.endpoint = format!("https://sts.{region}.aliyuncs.com");
        self
    }

    fn params(&self) -> BTreeMap<String, String> {
        let mut params = BTreeMap::new();
        params.insert("RoleArn".to_string(), self.role_arn.clone());
        params.insert("RoleSessionName".to_string(), self.session_name.clone());
        params.insert(
            "DurationSeconds".to_string(),
            self.duration.as_secs().to_string(),
        );
        if let Some(policy) = &self.policy {
            params.insert("Policy".to_string(), policy.clone());
        }
        params
    }

    fn client(&self) -> Result<reqwest::Client, ProviderError> {
        http_client(Duration::from_secs(10), is_direct(&self.endpoint))
    }
}

/// `aliyun-runtime-rust-<unix seconds>`: a session name the audit log can tell apart.
fn default_session_name() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("aliyun-runtime-rust-{secs}")
}

/// Assumes a RAM role with `AssumeRole`, signed with the credentials of `source`.
pub struct AssumeRoleProvider {
    source: Arc<dyn ProvideCredentials>,
    session: RoleSession,
    external_id: Option<String>,
}

impl AssumeRoleProvider {
    pub fn new(source: Arc<dyn ProvideCredentials>, session: RoleSession) -> Self {
        Self {
            source,
            session,
            external_id: None,
        }
    }

    /// The external ID the role's trust policy asks for.
    pub fn external_id(mut self, id: impl Into<String>) -> Self {
        self.external_id = Some(id.into());
        self
    }
}

impl fmt::Debug for AssumeRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleProvider")
            .field("source", &self.source)
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for AssumeRoleProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let signer = self.source.provide_credentials().await.map_err(|e| {
                ProviderError::failed(format!(
                    "the credentials to assume {} with are missing",
                    self.session.role_arn
                ))
                .with_source(e)
            })?;
            let mut params = self.session.params();
            if let Some(id) = &self.external_id {
                params.insert("ExternalId".to_string(), id.clone());
            }
            let client = self.session.client()?;
            sts_call(
                &client,
                &self.session.endpoint,
                "AssumeRole",
                params,
                Some(&signer),
            )
            .await
        })
    }
}

/// Assumes a RAM role with `AssumeRoleWithOIDC`, reading the OIDC token from a file at every
/// refresh (the platform rotates it).
pub struct OidcRoleProvider {
    provider_arn: String,
    token_file: PathBuf,
    session: RoleSession,
    environment: Arc<dyn Environment>,
}

impl OidcRoleProvider {
    pub fn new(
        provider_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
        session: RoleSession,
        environment: Arc<dyn Environment>,
    ) -> Self {
        Self {
            provider_arn: provider_arn.into(),
            token_file: token_file.into(),
            session,
            environment,
        }
    }
}

impl fmt::Debug for OidcRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcRoleProvider")
            .field("provider_arn", &self.provider_arn)
            .field("token_file", &self.token_file)
            .field("session", &self.session)
            .finish()
    }
}

impl ProvideCredentials for OidcRoleProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let token = self
                .environment
                .read_to_string(&self.token_file)
                .map_err(|e| {
                    ProviderError::failed(format!(
                        "cannot read the OIDC token file {}",
                        self.token_file.display()
                    ))
                    .with_source(e)
                })?;
            let token = token.trim();
            if token.is_empty() {
                return Err(ProviderError::failed(format!(
                    "the OIDC token file {} is empty",
                    self.token_file.display()
                )));
            }
            let mut params = self.session.params();
            params.insert("OIDCProviderArn".to_string(), self.provider_arn.clone());
            params.insert("OIDCToken".to_string(), token.to_string());
            let client = self.session.client()?;
            sts_call(
                &client,
                &self.session.endpoint,
                "AssumeRoleWithOIDC",
                params,
                None,
            )
            .await
        })
    }
}
