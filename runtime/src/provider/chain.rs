//! The default chain: every source Alibaba's credential libraries look in, in their order.

use std::fmt;
use std::sync::Arc;

use crate::provider::env::{EnvironmentProvider, OidcEnvironmentProvider};
use crate::provider::profile::{CliConfigProvider, Endpoints, IniFileProvider};
use crate::provider::remote::{EcsRoleProvider, UriProvider, ENV_CREDENTIALS_URI};
use crate::provider::traits::{
    CredentialsFuture, Environment, ProcessEnvironment, ProvideCredentials, ProviderError,
};

/// Tries, in order, and uses the first that gives credentials:
///
/// 1. environment: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`
///    (and `ALIBABA_CLOUD_SECURITY_TOKEN`);
/// 2. OIDC role (RRSA): `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
///    `ALIBABA_CLOUD_OIDC_TOKEN_FILE` → STS `AssumeRoleWithOIDC`;
/// 3. the Alibaba Cloud CLI's `~/.aliyun/config.json` (profile `ALIBABA_CLOUD_PROFILE` or the
///    file's `current`);
/// 4. `~/.alibabacloud/credentials` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`);
/// 5. the ECS instance's RAM role from the metadata service (off with
///    `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`);
/// 6. `ALIBABA_CLOUD_CREDENTIALS_URI`.
///
/// A source that is not set up is skipped; one that is set up but fails stops the chain (a
/// broken config file should not silently give way to another identity). When nothing gives
/// credentials, the error names every source tried and why each gave nothing. The chain does
/// not cache: `ClientBuilder` wraps it in a [`super::CachedProvider`].
pub struct DefaultChain {
    sources: Vec<(&'static str, Arc<dyn ProvideCredentials>)>,
}

/// Settings of the [`DefaultChain`]: where it reads the environment, and endpoints for tests.
#[derive(Debug, Default)]
pub struct DefaultChainBuilder {
    environment: Option<Arc<dyn Environment>>,
    endpoints: Endpoints,
}

impl DefaultChainBuilder {
    /// Reads variables, the home folder and files through `environment` (tests use a
    /// `MapEnvironment`).
    pub fn environment(mut self, environment: Arc<dyn Environment>) -> Self {
        self.environment = Some(environment);
        self
    }

    /// Every STS call goes to this endpoint.
    pub fn sts_endpoint(mut self, base_url: impl Into<String>) -> Self {
        self.endpoints.sts = Some(base_url.into());
        self
    }

    /// The ECS metadata service is reached here.
    pub fn ecs_metadata_endpoint(mut self, base_url: impl Into<String>) -> Self {
        self.endpoints.ecs_metadata = Some(base_url.into());
        self
    }

    pub fn build(self) -> DefaultChain {
        let environment = self
            .environment
            .unwrap_or_else(|| Arc::new(ProcessEnvironment));
        let endpoints = self.endpoints;
        let mut ecs = EcsRoleProvider::new(environment.clone());
        if let Some(endpoint) = &endpoints.ecs_metadata {
            ecs = ecs.endpoint(endpoint.clone());
        }
        DefaultChain {
            sources: vec![
                (
                    "environment",
                    Arc::new(EnvironmentProvider::new(environment.clone())),
                ),
                (
                    "OIDC role",
                    Arc::new(OidcEnvironmentProvider::new(
                        environment.clone(),
                        endpoints.sts.clone(),
                    )),
                ),
                (
                    "CLI config file",
                    Arc::new(CliConfigProvider::new(
                        environment.clone(),
                        endpoints.clone(),
                    )),
                ),
                (
                    "credentials file",
                    Arc::new(IniFileProvider::new(environment.clone(), endpoints.clone())),
                ),
                ("ECS instance RAM role", Arc::new(ecs)),
                (
                    "credentials URI",
                    Arc::new(UriFromEnvironment { environment }),
                ),
            ],
        }
    }
}

impl DefaultChain {
    /// The chain over the process environment and the real endpoints.
    pub fn new() -> Self {
        Self::builder().build()
    }

    pub fn builder() -> DefaultChainBuilder {
        DefaultChainBuilder::default()
    }

    /// The sources in the order tried.
    pub fn source_names(&self) -> Vec<&'static str> {
        self.sources.iter().map(|(name, _)| *name).collect()
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for DefaultChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultChain")
            .field("sources", &self.source_names())
            .finish()
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let mut tried = Vec::new();
            for (name, source) in &self.sources {
                match source.provide_credentials().await {
                    Ok(credentials) => return Ok(credentials),
                    Err(e) if e.is_not_configured() => tried.push(format!("{name}: {e}")),
                    Err(e) => {
                        let before = if tried.is_empty() {
                            String::new()
                        } else {
                            format!(" (skipped before it: {})", tried.join("; "))
                        };
                        return Err(ProviderError::failed(format!(
                            "credentials source \"{name}\" failed{before}"
                        ))
                        .with_source(e));
                    }
                }
            }
            Err(ProviderError::not_configured(format!(
                "no credentials found; tried {}: {}",
                tried.len(),
                tried.join("; ")
            )))
        })
    }
}

/// [`UriProvider`] for the URI in `ALIBABA_CLOUD_CREDENTIALS_URI`, when set.
struct UriFromEnvironment {
    environment: Arc<dyn Environment>,
}

impl fmt::Debug for UriFromEnvironment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UriFromEnvironment").finish_non_exhaustive()
    }
}

impl ProvideCredentials for UriFromEnvironment {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            match self.environment.var(ENV_CREDENTIALS_URI) {
                Some(uri) => UriProvider::new(uri).provide_credentials().await,
                None => Err(ProviderError::not_configured(format!(
                    "{ENV_CREDENTIALS_URI} is not set"
                ))),
            }
        })
    }
}
