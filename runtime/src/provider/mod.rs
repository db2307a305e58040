//! Where credentials come from (feature `reqwest`): providers for each source Alibaba's
//! credential libraries know, the [`DefaultChain`] over them in the documented order, and a
//! [`CachedProvider`] that refreshes temporary credentials before they expire, once for any
//! number of concurrent calls.
//!
//! `ClientBuilder` uses `CachedProvider(DefaultChain)` unless credentials or a provider are
//! given. Secrets never appear in `Debug` output or in errors: errors name the variable, the
//! file, the profile or the host.

mod cache;
mod chain;
mod env;
mod fetch;
mod profile;
mod remote;
mod sts;
mod traits;

pub use cache::{CachedProvider, DEFAULT_REFRESH_MARGIN};
pub use chain::{DefaultChain, DefaultChainBuilder};
pub use env::{
    EnvironmentProvider, OidcEnvironmentProvider, ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE,
    ENV_ROLE_ARN, ENV_ROLE_SESSION_NAME, ENV_STS_REGION,
};
pub use fetch::{STS_ENDPOINT, STS_VERSION};
pub use profile::{
    CliConfigProvider, Endpoints, IniFileProvider, ENV_CLI_PROFILE_DISABLED, ENV_CREDENTIALS_FILE,
    ENV_PROFILE,
};
pub use remote::{
    EcsRoleProvider, UriProvider, ECS_METADATA_ENDPOINT, ENV_CREDENTIALS_URI, ENV_ECS_METADATA,
    ENV_ECS_METADATA_DISABLED, ENV_IMDSV1_DISABLED,
};
pub use sts::{AssumeRoleProvider, OidcRoleProvider, RoleSession, DEFAULT_SESSION_DURATION};
pub use traits::{
    Clock, CredentialsFuture, Environment, MapEnvironment, ProcessEnvironment, ProvideCredentials,
    ProviderError, SystemClock,
};
