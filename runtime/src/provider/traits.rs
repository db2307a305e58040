//! What every credentials source implements, and what it reads the world through (the
//! environment, the home folder, files, the clock), so that tests inject their own.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::SystemTime;

use crate::credentials::Credentials;
use crate::error::BoxError;

/// The future a provider returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, ProviderError>> + Send + 'a>>;

/// A source of credentials: keys, a file, STS, the metadata service…
///
/// Implementations fetch every time they are asked; [`super::CachedProvider`] keeps temporary
/// credentials until shortly before they expire.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Fetches credentials (with their expiry when temporary).
    fn provide_credentials(&self) -> CredentialsFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }
}

/// Why a provider gave no credentials. Names variables, files and hosts, never a value.
#[derive(Debug)]
pub struct ProviderError {
    not_configured: bool,
    message: String,
    source: Option<BoxError>,
}

impl ProviderError {
    /// The source is not set up here (variable unset, file absent, no metadata service): a
    /// chain moves on to the next one.
    pub fn not_configured(message: impl Into<String>) -> Self {
        Self {
            not_configured: true,
            message: message.into(),
            source: None,
        }
    }

    /// The source is set up but failed (unreadable file, STS refused the call).
    pub fn failed(message: impl Into<String>) -> Self {
        Self {
            not_configured: false,
            message: message.into(),
            source: None,
        }
    }

    /// Keeps the underlying error as the `source`.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Whether the source was simply not set up (as opposed to failing).
    pub fn is_not_configured(&self) -> bool {
        self.not_configured
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProviderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

/// The environment variables, home folder and files a provider reads.
///
/// [`ProcessEnvironment`] is the real one; tests pass a [`MapEnvironment`] instead of changing
/// the process environment, which parallel tests share.
pub trait Environment: Send + Sync + fmt::Debug {
    /// A variable's value; `None` when unset, empty or not Unicode.
    fn var(&self, name: &str) -> Option<String>;
    /// The user's home folder.
    fn home(&self) -> Option<PathBuf>;
    /// A file's text.
    fn read_to_string(&self, path: &Path) -> std::io::Result<String> {
        std::fs::read_to_string(path)
    }
}

/// The process's environment and home folder (`HOME`, or `USERPROFILE` on Windows).
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }

    fn home(&self) -> Option<PathBuf> {
        self.var("HOME")
            .or_else(|| self.var("USERPROFILE"))
            .map(PathBuf::from)
    }
}

/// Variables from a map and a given home folder; files are read from disk.
#[derive(Clone, Default)]
pub struct MapEnvironment {
    vars: HashMap<String, String>,
    home: Option<PathBuf>,
}

impl MapEnvironment {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_var(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.home = Some(home.into());
        self
    }
}

impl fmt::Debug for MapEnvironment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Names only: values may be secrets.
        let mut names: Vec<&String> = self.vars.keys().collect();
        names.sort();
        f.debug_struct("MapEnvironment")
            .field("vars", &names)
            .field("home", &self.home)
            .finish()
    }
}

impl Environment for MapEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        self.vars
            .get(name)
            .filter(|v| !v.trim().is_empty())
            .cloned()
    }

    fn home(&self) -> Option<PathBuf> {
        self.home.clone()
    }
}

/// The time, for deciding when cached credentials need refreshing.
pub trait Clock: Send + Sync + fmt::Debug {
    fn now(&self) -> SystemTime;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A variable read as a switch: `true`, `1`, `yes`, `on` (any case).
pub(crate) fn truthy(value: Option<String>) -> bool {
    value.is_some_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "true" | "1" | "yes" | "on"
        )
    })
}
