//! Access keys, optionally with an STS security token.
//!
//! The secret and the token never appear in `Debug` output or in errors: clients and their
//! configuration get logged, and a leaked secret is worse than a confusing log line.

use std::ffi::OsString;
use std::fmt;
use std::time::SystemTime;

/// Environment variable holding the AccessKey ID.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// Environment variable holding the AccessKey secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// Environment variable holding an STS security token (optional).
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

/// An AccessKey pair, with a security token when it comes from STS.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    expiry: Option<SystemTime>,
}

impl Credentials {
    /// Long-lived AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: None,
            expiry: None,
        }
    }

    /// When temporary credentials stop working; providers refresh them before that.
    pub fn with_expiry(mut self, expiry: SystemTime) -> Self {
        self.expiry = Some(expiry);
        self
    }

    /// The expiry of temporary credentials; `None` for long-lived keys.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.expiry
    }

    /// Adds an STS security token; it is sent (and signed) with every request.
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(token.into());
        self
    }

    /// Reads [`ENV_ACCESS_KEY_ID`], [`ENV_ACCESS_KEY_SECRET`] and, if set and not empty,
    /// [`ENV_SECURITY_TOKEN`].
    pub fn from_env() -> Result<Self, CredentialsError> {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    /// [`Credentials::from_env`] over any variable source (tests use this, not the process
    /// environment, which other threads share).
    fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Self, CredentialsError> {
        let read = |name: &'static str| -> Result<Option<String>, CredentialsError> {
            match lookup(name) {
                None => Ok(None),
                Some(value) => match value.into_string() {
                    Ok(text) if text.trim().is_empty() => Ok(None),
                    Ok(text) => Ok(Some(text.trim().to_string())),
                    Err(_) => Err(CredentialsError::NotUnicode(name)),
                },
            }
        };
        let id = read(ENV_ACCESS_KEY_ID)?.ok_or(CredentialsError::Missing(ENV_ACCESS_KEY_ID))?;
        let secret =
            read(ENV_ACCESS_KEY_SECRET)?.ok_or(CredentialsError::Missing(ENV_ACCESS_KEY_SECRET))?;
        let credentials = Self::new(id, secret);
        Ok(match read(ENV_SECURITY_TOKEN)? {
            Some(token) => credentials.with_security_token(token),
            None => credentials,
        })
    }

    /// The AccessKey ID (not a secret: it is sent in clear with every request).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret, for signing.
    pub fn access_key_secret(&self) -> &str {
        &self.access_key_secret
    }

    /// The STS security token, if any.
    pub fn security_token(&self) -> Option<&str> {
        self.security_token.as_deref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expiry", &self.expiry)
            .finish()
    }
}

/// Why credentials could not be read from the environment. Names the variable, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsError {
    /// The variable is unset or empty.
    Missing(&'static str),
    /// The variable is not valid Unicode.
    NotUnicode(&'static str),
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsError::Missing(name) => {
                write!(f, "environment variable {name} is not set (or is empty)")
            }
            CredentialsError::NotUnicode(name) => {
                write!(f, "environment variable {name} is not valid Unicode")
            }
        }
    }
}

impl std::error::Error for CredentialsError {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).map(OsString::from)
    }

    #[test]
    fn debug_redacts_secret_and_token() {
        let c = Credentials::new("LTAIid", "topsecretvalue").with_security_token("tokvalue");
        let text = format!("{c:?} {c:#?}");
        assert!(text.contains("LTAIid"), "{text}");
        assert!(!text.contains("topsecretvalue"), "{text}");
        assert!(!text.contains("tokvalue"), "{text}");
        assert!(text.contains("<redacted>"));
        assert_eq!(c.access_key_secret(), "topsecretvalue");
        assert_eq!(c.security_token(), Some("tokvalue"));
    }

    #[test]
    fn reads_all_three_variables() {
        let c = Credentials::from_lookup(env(&[
            (ENV_ACCESS_KEY_ID, "id"),
            (ENV_ACCESS_KEY_SECRET, "sk"),
            (ENV_SECURITY_TOKEN, "tok"),
        ]))
        .unwrap();
        assert_eq!(c, Credentials::new("id", "sk").with_security_token("tok"));
        let c = Credentials::from_lookup(env(&[
            (ENV_ACCESS_KEY_ID, "id"),
            (ENV_ACCESS_KEY_SECRET, "sk"),
            (ENV_SECURITY_TOKEN, ""),
        ]))
        .unwrap();
        assert_eq!(c.security_token(), None);
    }

    #[test]
    fn missing_variable_is_named_and_values_are_not() {
        let e = Credentials::from_lookup(env(&[(ENV_ACCESS_KEY_ID, "id")])).unwrap_err();
        assert_eq!(e, CredentialsError::Missing(ENV_ACCESS_KEY_SECRET));
        assert!(e.to_string().contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        let e = Credentials::from_lookup(env(&[(ENV_ACCESS_KEY_SECRET, "sk")])).unwrap_err();
        assert!(e.to_string().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));
        assert!(!e.to_string().contains("sk\""));
    }
}
