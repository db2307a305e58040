//! Credentials named in files: the Alibaba Cloud CLI's `~/.aliyun/config.json` and the
//! credential libraries' `~/.alibabacloud/credentials` (INI).
//!
//! A profile is turned into a provider each time credentials are fetched, so an edited file
//! takes effect at the next refresh.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::credentials::Credentials;
use crate::provider::remote::{EcsRoleProvider, UriProvider};
use crate::provider::sts::{AssumeRoleProvider, OidcRoleProvider, RoleSession};
use crate::provider::traits::{
    truthy, CredentialsFuture, Environment, ProvideCredentials, ProviderError,
};

/// Picks the profile of both files (else the CLI file's `current`, else `default`).
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// Another path for the INI credentials file.
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";
/// Turns the CLI file off.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

/// Endpoints the providers a profile makes use; tests point them at loopback servers.
#[derive(Debug, Clone, Default)]
pub struct Endpoints {
    /// Overrides every profile's STS endpoint (`sts_region` included).
    pub sts: Option<String>,
    /// Overrides the ECS metadata endpoint.
    pub ecs_metadata: Option<String>,
}

/// A provider, shared.
type Shared = Arc<dyn ProvideCredentials>;
/// Resolves a `source_profile` name to its provider.
type SourceLookup<'a> = &'a dyn Fn(&str) -> Result<Shared, ProviderError>;
/// An INI file's sections: name and `key = value` pairs, in file order.
type Sections = Vec<(String, Vec<(String, String)>)>;

/// What a profile asks for, read from either file.
struct Profile {
    /// `config.json`'s mode or the INI `type`, for messages.
    mode: String,
    fields: Vec<(String, String)>,
    /// Where it came from, for messages: `~/.aliyun/config.json profile "x"`.
    origin: String,
}

impl Profile {
    fn get(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| {
            self.fields
                .iter()
                .find(|(k, v)| k == name && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        })
    }

    fn require(&self, names: &[&str]) -> Result<String, ProviderError> {
        self.get(names).ok_or_else(|| {
            ProviderError::failed(format!(
                "{} (mode {}) has no {}",
                self.origin, self.mode, names[0]
            ))
        })
    }

    fn session(&self, endpoints: &Endpoints) -> Result<RoleSession, ProviderError> {
        let mut session = RoleSession::new(self.require(&["ram_role_arn", "role_arn"])?);
        if let Some(name) = self.get(&["ram_session_name", "role_session_name"]) {
            session.session_name = name;
        }
        if let Some(secs) = self.get(&["expired_seconds", "role_session_expiration"]) {
            let secs: u64 = secs.parse().map_err(|_| {
                ProviderError::failed(format!(
                    "{}: expired_seconds `{secs}` is not a number",
                    self.origin
                ))
            })?;
            session.duration = Duration::from_secs(secs);
        }
        session.policy = self.get(&["policy"]);
        if let Some(region) = self.get(&["sts_region"]) {
            session = session.sts_region(&region);
        }
        if let Some(endpoint) = &endpoints.sts {
            session.endpoint = endpoint.clone();
        }
        Ok(session)
    }

    fn access_key(&self) -> Result<Credentials, ProviderError> {
        Ok(Credentials::new(
            self.require(&["access_key_id"])?,
            self.require(&["access_key_secret"])?,
        ))
    }
}

/// Builds the provider a profile describes. `source` resolves `source_profile` (CLI file).
fn provider_for(
    profile: &Profile,
    environment: &Arc<dyn Environment>,
    endpoints: &Endpoints,
    source: SourceLookup<'_>,
) -> Result<Arc<dyn ProvideCredentials>, ProviderError> {
    let ecs = |role: Option<String>| {
        let mut p = EcsRoleProvider::new(environment.clone());
        if let Some(role) = role {
            p = p.role_name(role);
        }
        if let Some(endpoint) = &endpoints.ecs_metadata {
            p = p.endpoint(endpoint.clone());
        }
        Arc::new(p) as Arc<dyn ProvideCredentials>
    };
    Ok(match profile.mode.as_str() {
        "AK" | "access_key" => Arc::new(profile.access_key()?),
        "StsToken" | "sts" => Arc::new(
            profile
                .access_key()?
                .with_security_token(profile.require(&["sts_token", "security_token"])?),
        ),
        "RamRoleArn" | "ram_role_arn" => {
            let mut p = AssumeRoleProvider::new(
                Arc::new(profile.access_key()?),
                profile.session(endpoints)?,
            );
            if let Some(id) = profile.get(&["external_id"]) {
                p = p.external_id(id);
            }
            Arc::new(p)
        }
        "ChainableRamRoleArn" => {
            let upstream = source(&profile.require(&["source_profile"])?)?;
            let mut p = AssumeRoleProvider::new(upstream, profile.session(endpoints)?);
            if let Some(id) = profile.get(&["external_id"]) {
                p = p.external_id(id);
            }
            Arc::new(p)
        }
        "EcsRamRole" | "ecs_ram_role" => ecs(profile.get(&["ram_role_name", "role_name"])),
        "OIDC" | "oidc_role_arn" => Arc::new(OidcRoleProvider::new(
            profile.require(&["oidc_provider_arn"])?,
            PathBuf::from(profile.require(&["oidc_token_file", "oidc_token_file_path"])?),
            profile.session(endpoints)?,
            environment.clone(),
        )),
        "CredentialsURI" | "credentials_uri" => {
            Arc::new(UriProvider::new(profile.require(&["credentials_uri"])?))
        }
        other => {
            return Err(ProviderError::not_configured(format!(
                "{} uses mode {other}, which this runtime does not support",
                profile.origin
            )))
        }
    })
}

/// The profile of the Alibaba Cloud CLI's `~/.aliyun/config.json`: [`ENV_PROFILE`], else the
/// file's `current`. Modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC and
/// CredentialsURI.
pub struct CliConfigProvider {
    environment: Arc<dyn Environment>,
    endpoints: Endpoints,
    path: Option<PathBuf>,
}

impl CliConfigProvider {
    pub fn new(environment: Arc<dyn Environment>, endpoints: Endpoints) -> Self {
        Self {
            environment,
            endpoints,
            path: None,
        }
    }

    /// Another file than `~/.aliyun/config.json`.
    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    fn file(&self) -> Option<PathBuf> {
        self.path.clone().or_else(|| {
            self.environment
                .home()
                .map(|h| h.join(".aliyun").join("config.json"))
        })
    }

    fn profile(
        &self,
        document: &serde_json::Value,
        name: &str,
        file: &str,
    ) -> Result<Profile, ProviderError> {
        let profiles = document
            .get("profiles")
            .and_then(|p| p.as_array())
            .ok_or_else(|| ProviderError::failed(format!("{file} has no `profiles` list")))?;
        let found = profiles
            .iter()
            .find(|p| p.get("name").and_then(|n| n.as_str()) == Some(name))
            .ok_or_else(|| ProviderError::failed(format!("{file} has no profile \"{name}\"")))?;
        let object = found.as_object().ok_or_else(|| {
            ProviderError::failed(format!("{file} profile \"{name}\" is not an object"))
        })?;
        let fields = object
            .iter()
            .filter_map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => return None,
                };
                Some((k.clone(), text))
            })
            .collect();
        let origin = format!("{file} profile \"{name}\"");
        let mode = object
            .get("mode")
            .and_then(|m| m.as_str())
            .ok_or_else(|| ProviderError::failed(format!("{origin} has no mode")))?
            .to_string();
        Ok(Profile {
            mode,
            fields,
            origin,
        })
    }

    /// The provider of profile `name`; `visited` are the profiles whose `source_profile` led
    /// here (a loop is an error, not a hang).
    fn provider(
        &self,
        document: &serde_json::Value,
        name: &str,
        file: &str,
        visited: &[String],
    ) -> Result<Arc<dyn ProvideCredentials>, ProviderError> {
        if visited.iter().any(|v| v == name) {
            return Err(ProviderError::failed(format!(
                "{file}: source_profile chain loops back to \"{name}\""
            )));
        }
        let mut path = visited.to_vec();
        path.push(name.to_string());
        let profile = self.profile(document, name, file)?;
        let source = |upstream: &str| self.provider(document, upstream, file, &path);
        provider_for(&profile, &self.environment, &self.endpoints, &source)
    }
}

impl fmt::Debug for CliConfigProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CliConfigProvider")
            .field("path", &self.file())
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for CliConfigProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            if truthy(self.environment.var(ENV_CLI_PROFILE_DISABLED)) {
                return Err(ProviderError::not_configured(format!(
                    "turned off by {ENV_CLI_PROFILE_DISABLED}"
                )));
            }
            let Some(path) = self.file() else {
                return Err(ProviderError::not_configured("no home folder to look in"));
            };
            let file = path.display().to_string();
            let text = match self.environment.read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(ProviderError::not_configured(format!(
                        "{file} does not exist"
                    )))
                }
                Err(e) => {
                    return Err(ProviderError::failed(format!("cannot read {file}")).with_source(e))
                }
            };
            let document: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                ProviderError::failed(format!(
                    "{file} is not valid JSON (line {}, column {})",
                    e.line(),
                    e.column()
                ))
            })?;
            let name = match self.environment.var(ENV_PROFILE) {
                Some(name) => name,
                None => document
                    .get("current")
                    .and_then(|c| c.as_str())
                    .filter(|c| !c.is_empty())
                    .unwrap_or("default")
                    .to_string(),
            };
            let provider = self.provider(&document, &name, &file, &[])?;
            provider.provide_credentials().await
        })
    }
}

/// A section of the credential libraries' INI file, `~/.alibabacloud/credentials` (or
/// [`ENV_CREDENTIALS_FILE`]): [`ENV_PROFILE`], else `default`. Types access_key, sts,
/// ram_role_arn, ecs_ram_role, oidc_role_arn and credentials_uri; `enable = false` skips it.
pub struct IniFileProvider {
    environment: Arc<dyn Environment>,
    endpoints: Endpoints,
}

impl IniFileProvider {
    pub fn new(environment: Arc<dyn Environment>, endpoints: Endpoints) -> Self {
        Self {
            environment,
            endpoints,
        }
    }
}

impl fmt::Debug for IniFileProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IniFileProvider").finish_non_exhaustive()
    }
}

/// `[section]` → `key = value` pairs. A `#` or `;` starts a comment (also after a value, as
/// the documented examples write them). Errors name the line.
fn parse_ini(text: &str, file: &str) -> Result<Sections, ProviderError> {
    let mut sections: Sections = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(['#', ';']).next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            sections.push((name.trim().to_string(), Vec::new()));
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(ProviderError::failed(format!(
                "{file} line {}: expected `key = value` or `[section]`",
                i + 1
            )));
        };
        let Some((_, pairs)) = sections.last_mut() else {
            return Err(ProviderError::failed(format!(
                "{file} line {}: a key before any `[section]`",
                i + 1
            )));
        };
        pairs.push((key.trim().to_string(), value.trim().to_string()));
    }
    Ok(sections)
}

impl ProvideCredentials for IniFileProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let path = match self.environment.var(ENV_CREDENTIALS_FILE) {
                Some(path) => PathBuf::from(path),
                None => match self.environment.home() {
                    Some(home) => home.join(".alibabacloud").join("credentials"),
                    None => return Err(ProviderError::not_configured("no home folder to look in")),
                },
            };
            let file = path.display().to_string();
            let text = match self.environment.read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(ProviderError::not_configured(format!(
                        "{file} does not exist"
                    )))
                }
                Err(e) => {
                    return Err(ProviderError::failed(format!("cannot read {file}")).with_source(e))
                }
            };
            let name = self
                .environment
                .var(ENV_PROFILE)
                .unwrap_or_else(|| "default".to_string());
            let sections = parse_ini(&text, &file)?;
            let Some((_, fields)) = sections.into_iter().find(|(s, _)| *s == name) else {
                return Err(ProviderError::not_configured(format!(
                    "{file} has no section [{name}]"
                )));
            };
            let origin = format!("{file} section [{name}]");
            let enabled = fields
                .iter()
                .find(|(k, _)| k == "enable")
                .is_none_or(|(_, v)| truthy(Some(v.clone())));
            if !enabled {
                return Err(ProviderError::not_configured(format!(
                    "{origin} has enable = false"
                )));
            }
            let mode = fields
                .iter()
                .find(|(k, _)| k == "type")
                .map(|(_, v)| v.clone())
                .ok_or_else(|| ProviderError::failed(format!("{origin} has no type")))?;
            let profile = Profile {
                mode,
                fields,
                origin,
            };
            let no_source = |_: &str| -> Result<Arc<dyn ProvideCredentials>, ProviderError> {
                Err(ProviderError::failed(
                    "source_profile is a CLI config.json setting",
                ))
            };
            let provider = provider_for(&profile, &self.environment, &self.endpoints, &no_source)?;
            provider.provide_credentials().await
        })
    }
}
