//! Credentials named by environment variables: keys, and the OIDC role of RRSA.

use std::fmt;
use std::sync::Arc;

use crate::credentials::{
    Credentials, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN,
};
use crate::provider::sts::{OidcRoleProvider, RoleSession};
use crate::provider::traits::{CredentialsFuture, Environment, ProvideCredentials, ProviderError};

/// The RAM role to assume with an OIDC token.
pub const ENV_ROLE_ARN: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// The OIDC identity provider's ARN.
pub const ENV_OIDC_PROVIDER_ARN: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// The file holding the OIDC token.
pub const ENV_OIDC_TOKEN_FILE: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
/// The role session's name (optional).
pub const ENV_ROLE_SESSION_NAME: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
/// The region whose STS endpoint is used (optional; the central one otherwise).
pub const ENV_STS_REGION: &str = "ALIBABA_CLOUD_STS_REGION";

/// [`ENV_ACCESS_KEY_ID`] and [`ENV_ACCESS_KEY_SECRET`], with [`ENV_SECURITY_TOKEN`] when set.
pub struct EnvironmentProvider {
    environment: Arc<dyn Environment>,
}

impl EnvironmentProvider {
    pub fn new(environment: Arc<dyn Environment>) -> Self {
        Self { environment }
    }
}

impl fmt::Debug for EnvironmentProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentProvider")
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let id = self.environment.var(ENV_ACCESS_KEY_ID);
        let secret = self.environment.var(ENV_ACCESS_KEY_SECRET);
        let token = self.environment.var(ENV_SECURITY_TOKEN);
        Box::pin(async move {
            match (id, secret) {
                (Some(id), Some(secret)) => {
                    let credentials = Credentials::new(id.trim(), secret.trim());
                    Ok(match token {
                        Some(token) => credentials.with_security_token(token.trim()),
                        None => credentials,
                    })
                }
                (None, None) => Err(ProviderError::not_configured(format!(
                    "{ENV_ACCESS_KEY_ID} and {ENV_ACCESS_KEY_SECRET} are not set"
                ))),
                (None, Some(_)) => Err(ProviderError::failed(format!(
                    "{ENV_ACCESS_KEY_SECRET} is set but {ENV_ACCESS_KEY_ID} is not"
                ))),
                (Some(_), None) => Err(ProviderError::failed(format!(
                    "{ENV_ACCESS_KEY_ID} is set but {ENV_ACCESS_KEY_SECRET} is not"
                ))),
            }
        })
    }
}

/// The OIDC role of RRSA (Kubernetes pods): [`ENV_ROLE_ARN`], [`ENV_OIDC_PROVIDER_ARN`] and
/// [`ENV_OIDC_TOKEN_FILE`] give an `AssumeRoleWithOIDC` call.
pub struct OidcEnvironmentProvider {
    environment: Arc<dyn Environment>,
    sts_endpoint: Option<String>,
}

impl OidcEnvironmentProvider {
    /// `sts_endpoint` overrides the STS endpoint ([`ENV_STS_REGION`]'s, or the central one).
    pub fn new(environment: Arc<dyn Environment>, sts_endpoint: Option<String>) -> Self {
        Self {
            environment,
            sts_endpoint,
        }
    }
}

impl fmt::Debug for OidcEnvironmentProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcEnvironmentProvider")
            .field("sts_endpoint", &self.sts_endpoint)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for OidcEnvironmentProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let names = [ENV_ROLE_ARN, ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE];
            let values: Vec<Option<String>> =
                names.iter().map(|n| self.environment.var(n)).collect();
            let missing: Vec<&str> = names
                .iter()
                .zip(&values)
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| *n)
                .collect();
            if missing.len() == names.len() {
                return Err(ProviderError::not_configured(format!(
                    "{} are not set",
                    names.join(", ")
                )));
            }
            if !missing.is_empty() {
                return Err(ProviderError::failed(format!(
                    "an OIDC role needs {}, but {} {} not set",
                    names.join(", "),
                    missing.join(" and "),
                    if missing.len() == 1 { "is" } else { "are" }
                )));
            }
            let [role, provider_arn, token_file] =
                [&values[0], &values[1], &values[2]].map(|v| v.clone().unwrap_or_default());
            let mut session = RoleSession::new(role);
            if let Some(name) = self.environment.var(ENV_ROLE_SESSION_NAME) {
                session.session_name = name;
            }
            if let Some(region) = self.environment.var(ENV_STS_REGION) {
                session = session.sts_region(&region);
            }
            if let Some(endpoint) = &self.sts_endpoint {
                session.endpoint = endpoint.clone();
            }
            OidcRoleProvider::new(provider_arn, token_file, session, self.environment.clone())
                .provide_credentials()
                .await
        })
    }
}
