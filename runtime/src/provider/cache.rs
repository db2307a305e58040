//! Keeps temporary credentials until shortly before they expire, and refreshes them once for
//! any number of concurrent callers.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::credentials::Credentials;
use crate::provider::traits::{
    Clock, CredentialsFuture, ProvideCredentials, ProviderError, SystemClock,
};

/// How long before their expiry cached credentials are refreshed unless set: five minutes,
/// so that a request signed just before never arrives with expired credentials.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(300);

/// Wraps a provider: long-lived credentials are fetched once, temporary ones again when less
/// than the margin of their lifetime is left. Callers that ask while a refresh runs wait for
/// it and share its result (single flight): fifty concurrent calls make one STS call.
pub struct CachedProvider {
    inner: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn Clock>,
    margin: Duration,
    // An async mutex held across the fetch is the single flight: the first caller fetches,
    // the others queue and then find fresh credentials.
    cached: tokio::sync::Mutex<Option<Credentials>>,
}

impl CachedProvider {
    pub fn new(inner: Arc<dyn ProvideCredentials>) -> Self {
        Self {
            inner,
            clock: Arc::new(SystemClock),
            margin: DEFAULT_REFRESH_MARGIN,
            cached: tokio::sync::Mutex::new(None),
        }
    }

    /// Another clock (tests move time forward instead of sleeping).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Refresh this long before expiry.
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    fn fresh(&self, credentials: &Credentials) -> bool {
        match credentials.expiry() {
            None => true,
            Some(expiry) => self.clock.now() + self.margin < expiry,
        }
    }

    fn usable(&self, credentials: &Credentials) -> bool {
        credentials.expiry().is_none_or(|e| self.clock.now() < e)
    }

    async fn get(&self) -> Result<Credentials, ProviderError> {
        let mut cached = self.cached.lock().await;
        if let Some(credentials) = cached.as_ref().filter(|c| self.fresh(c)) {
            return Ok(credentials.clone());
        }
        match self.inner.provide_credentials().await {
            Ok(credentials) => {
                *cached = Some(credentials.clone());
                Ok(credentials)
            }
            // A failed early refresh keeps credentials that still work.
            Err(e) => match cached.as_ref().filter(|c| self.usable(c)) {
                Some(credentials) => Ok(credentials.clone()),
                None => Err(e),
            },
        }
    }
}

impl fmt::Debug for CachedProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CachedProvider")
            .field("inner", &self.inner)
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for CachedProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.get())
    }
}
