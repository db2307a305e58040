//! An async client (feature `reqwest`) that signs, sends, decodes and retries.
//!
//! Retries are bounded and never repeat an action that might have taken effect, unless the API
//! carries an idempotency token: a `Create*` retried after a timeout must not create two
//! resources. See [`Client::call`].
//!
//! A generated crate wraps this client in its own type:
//!
//! ```
//! # use aliyun_runtime::client::{self, ClientBuilder};
//! pub struct Client(client::Client);
//! impl From<client::Client> for Client {
//!     fn from(inner: client::Client) -> Self {
//!         Client(inner)
//!     }
//! }
//! impl Client {
//!     pub fn builder() -> ClientBuilder<Client> {
//!         ClientBuilder::new("Vpc")
//!     }
//! }
//! let vpc = Client::builder()
//!     .credentials(aliyun_runtime::Credentials::new("id", "secret"))
//!     .region("cn-shanghai")
//!     .build()
//!     .unwrap();
//! assert_eq!(vpc.0.endpoint().unwrap().host(), "vpc.cn-shanghai.aliyuncs.com");
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::api::Request;
use crate::credentials::{Credentials, CredentialsError};
use crate::endpoint::{Endpoint, Network, RequestConfig, Service, SignatureStyle};
use crate::error::{ConfigError, SdkError, TimeoutError, TransportError};
use crate::http::{build_request, parse_response};
use crate::provider::{CachedProvider, DefaultChain, ProvideCredentials};
use crate::sign;

/// Per-attempt timeout unless set: the official SDKs' read timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Connect timeout unless set.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Retries after the first attempt unless set.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// First backoff unless set; it doubles per retry.
pub const DEFAULT_BACKOFF_BASE: Duration = Duration::from_millis(200);
/// Longest backoff unless set.
pub const DEFAULT_BACKOFF_MAX: Duration = Duration::from_secs(10);

/// A configured client for one product. Cheap to clone (shared connection pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    product: &'static str,
    config: RequestConfig,
    credentials: Arc<dyn ProvideCredentials>,
    max_retries: u32,
    backoff_base: Duration,
    backoff_max: Duration,
    rng: AtomicU64,
}

impl Client {
    /// A builder for a client of `product` (e.g. `"Vpc"`).
    pub fn builder(product: &'static str) -> ClientBuilder<Client> {
        ClientBuilder::new(product)
    }

    /// The product this client was built for.
    pub fn product(&self) -> &'static str {
        self.inner.product
    }

    /// The endpoint requests of this client's product go to.
    pub fn endpoint(&self) -> Result<Endpoint, ConfigError> {
        self.inner.config.endpoint_for(self.inner.product)
    }

    /// Validates, signs, sends and decodes one API call, retrying within the bounds set on the
    /// builder.
    ///
    /// Each attempt has a fresh nonce and timestamp. When the API has a client token
    /// (`R::CLIENT_TOKEN`) and the request leaves it unset, one UUID is filled in and reused
    /// on every attempt, which makes repeats harmless: throttling, `InternalError`,
    /// `ServiceUnavailable`, other 5xx, timeouts and connection failures are then retried.
    /// Without a client token only failures that prove nothing happened are retried
    /// (throttling codes, connections that were never established): never a timeout or a 5xx.
    /// [`SdkError::attempts`] tells how many attempts were made.
    pub async fn call<R: Request>(&self, req: &R) -> Result<R::Response, SdkError<R::Error>> {
        crate::http::check_request(req, &self.inner.config)?;
        let inner = &self.inner;
        let credentials = inner
            .credentials
            .provide_credentials()
            .await
            .map_err(|e| ConfigError::new("cannot get credentials").with_source(e))?;
        let token = R::CLIENT_TOKEN.map(|_| uuid::Uuid::new_v4().to_string());
        let idempotent = R::CLIENT_TOKEN.is_some();
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let nonce = sign::new_nonce();
            let request = build_request(
                req,
                &inner.config,
                &credentials,
                SystemTime::now(),
                &nonce,
                token.as_deref(),
            )?;
            let result = match self.send(request).await {
                Ok((status, content_type, body)) => {
                    parse_response::<R>(status, content_type.as_deref(), &body)
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(response) => return Ok(response),
                Err(error) if attempt <= inner.max_retries && error.should_retry(idempotent) => {
                    let delay = backoff_delay(
                        attempt,
                        inner.backoff_base,
                        inner.backoff_max,
                        self.random(),
                    );
                    tokio::time::sleep(delay).await;
                }
                Err(mut error) => {
                    error.set_attempts(attempt);
                    error.redact(&credentials);
                    return Err(error);
                }
            }
        }
    }

    async fn send<E>(
        &self,
        request: ::http::Request<Vec<u8>>,
    ) -> Result<(u16, Option<String>, Vec<u8>), SdkError<E>> {
        let host = request
            .uri()
            .authority()
            .map_or_else(String::new, |a| a.to_string());
        let request = reqwest::Request::try_from(request).map_err(|e| {
            ConfigError::new("cannot send the request").with_source(e.without_url())
        })?;
        let response = self
            .inner
            .http
            .execute(request)
            .await
            .map_err(|e| transport_error(e, &host))?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(e, &host))?;
        Ok((status, content_type, body.to_vec()))
    }

    /// xorshift64 over a shared state: jitter needs spread, not cryptographic quality.
    fn random(&self) -> u64 {
        let step = |mut x: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let previous = self
            .inner
            .rng
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |x| Some(step(x)))
            .unwrap_or(1);
        step(previous)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("product", &self.inner.product)
            .field("config", &self.inner.config)
            .field("credentials", &self.inner.credentials)
            .field("max_retries", &self.inner.max_retries)
            .finish_non_exhaustive()
    }
}

/// A reqwest error as a typed error naming the host that was tried; the URL (with its signed
/// query and any token) is dropped, the error's own causes stay its `source`.
fn transport_error<E>(error: reqwest::Error, host: &str) -> SdkError<E> {
    let error = error.without_url();
    if error.is_timeout() {
        return SdkError::Timeout(TimeoutError::new(error.is_connect()).with_host(host));
    }
    let not_sent = error.is_connect();
    let message = if not_sent {
        format!("cannot connect to {host}")
    } else {
        format!("the exchange with {host} failed")
    };
    SdkError::Transport(TransportError::new(message, not_sent).with_source(error))
}

/// Delay before retry number `retry` (1-based): `base · 2^(retry-1)` capped at `max`, then
/// "equal jitter" (a random point in its upper half) so that clients throttled together do not
/// come back together.
fn backoff_delay(retry: u32, base: Duration, max: Duration, random: u64) -> Duration {
    let factor = 1u32
        .checked_shl(retry.saturating_sub(1))
        .unwrap_or(u32::MAX);
    let ceiling = base.saturating_mul(factor).min(max);
    let floor = ceiling / 2;
    let span = u64::try_from((ceiling - floor).as_nanos()).unwrap_or(u64::MAX);
    let extra = if span == 0 {
        0
    } else {
        random % span.saturating_add(1)
    };
    floor + Duration::from_nanos(extra)
}

/// Where a builder's credentials come from.
enum Source {
    Fixed(Result<Credentials, CredentialsError>),
    Provider(Arc<dyn ProvideCredentials>),
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Fixed(result) => result.fmt(f),
            Source::Provider(provider) => provider.fmt(f),
        }
    }
}

/// Builds a [`Client`], or a generated crate's wrapper `C: From<Client>`.
///
/// Credentials: [`ClientBuilder::credentials`] (explicit keys) win; else
/// [`ClientBuilder::credentials_provider`]; else the [`DefaultChain`] (environment, OIDC role,
/// CLI config file, credentials file, ECS instance role, credentials URI), looked up at the
/// first call and cached.
pub struct ClientBuilder<C = Client> {
    service: Service,
    network: Network,
    credentials: Option<Source>,
    region: Option<String>,
    endpoint: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    max_retries: u32,
    backoff_base: Duration,
    backoff_max: Duration,
    signature: SignatureStyle,
    rule_checks: bool,
    target: PhantomData<fn() -> C>,
}

impl<C> ClientBuilder<C> {
    /// Defaults: HMAC-SHA1 ("V2") signatures, [`DEFAULT_TIMEOUT`],
    /// [`DEFAULT_CONNECT_TIMEOUT`], [`DEFAULT_MAX_RETRIES`], backoff from
    /// [`DEFAULT_BACKOFF_BASE`] up to [`DEFAULT_BACKOFF_MAX`]. Credentials and a region (or an
    /// endpoint) must be set.
    ///
    /// The product is known by its code only, so its endpoint is the regional guess
    /// `{product}.{region}.aliyuncs.com`; [`ClientBuilder::with_service`] gives the documented
    /// table and rule instead.
    pub fn new(product: &'static str) -> Self {
        Self::with_service(&Service::product_only(product))
    }

    /// A builder for the product a generated crate describes in its `static` [`Service`]: the
    /// endpoint is then resolved through the crate's table, then the documented rule (an
    /// explicit [`ClientBuilder::endpoint`] still wins). See [`crate::endpoint`].
    pub fn with_service(service: &Service) -> Self {
        Self {
            service: *service,
            network: Network::Public,
            credentials: None,
            region: None,
            endpoint: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_retries: DEFAULT_MAX_RETRIES,
            backoff_base: DEFAULT_BACKOFF_BASE,
            backoff_max: DEFAULT_BACKOFF_MAX,
            signature: SignatureStyle::V2,
            rule_checks: true,
            target: PhantomData,
        }
    }

    /// Explicit credentials: they win over every other source.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(Source::Fixed(Ok(credentials)));
        self
    }

    /// Reads the credentials from the environment now ([`Credentials::from_env`]); a missing
    /// variable is reported by [`ClientBuilder::build`].
    pub fn credentials_from_env(mut self) -> Self {
        self.credentials = Some(Source::Fixed(Credentials::from_env()));
        self
    }

    /// Credentials from a provider (an STS role, a configured [`DefaultChain`], your own),
    /// cached and refreshed before they expire ([`CachedProvider`]). Without this or
    /// [`ClientBuilder::credentials`], the client uses the [`DefaultChain`].
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Source::Provider(Arc::new(provider)));
        self
    }

    /// The region whose endpoint is used: the service's table or rule (see
    /// [`crate::endpoint`]); for a product-only builder `{product}.{region}.aliyuncs.com`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Which of the region's hosts to use: [`Network::Vpc`] for the VPC-internal endpoint of
    /// calls made from inside Alibaba Cloud. Public unless set.
    pub fn network(mut self, network: Network) -> Self {
        self.network = network;
        self
    }

    /// Overrides the endpoint with a base URL, e.g. `https://vpc.aliyuncs.com` or (for tests
    /// and proxies) `http://127.0.0.1:8080`.
    pub fn endpoint(mut self, base_url: impl Into<String>) -> Self {
        self.endpoint = Some(base_url.into());
        self
    }

    /// Time limit of each attempt, from connecting to the end of the body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Retries after the first attempt (0 disables retrying).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Exponential backoff: `base` before the first retry, doubling, never above `max`.
    pub fn retry_backoff(mut self, base: Duration, max: Duration) -> Self {
        self.backoff_base = base;
        self.backoff_max = max;
        self
    }

    /// `false` turns the documented rule checks off for every call of this client: requests
    /// are sent with only their required parameters checked. For when the service accepts
    /// values the docs (or the rules read from them) do not; one request can skip its checks
    /// alone with `build_unchecked()` or [`crate::Unchecked`]. On by default.
    pub fn rule_checks(mut self, enabled: bool) -> Self {
        self.rule_checks = enabled;
        self
    }

    /// Signs with `ACS3-HMAC-SHA256` (V3) instead of HMAC-SHA1 in the query.
    pub fn signature_v3(mut self, enabled: bool) -> Self {
        self.signature = if enabled {
            SignatureStyle::V3
        } else {
            SignatureStyle::V2
        };
        self
    }
}

impl<C: From<Client>> ClientBuilder<C> {
    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<C, ConfigError> {
        let credentials: Arc<dyn ProvideCredentials> = match self.credentials {
            None => Arc::new(CachedProvider::new(Arc::new(DefaultChain::new()))),
            Some(Source::Provider(provider)) => Arc::new(CachedProvider::new(provider)),
            Some(Source::Fixed(result)) => {
                let credentials = result?;
                if credentials.access_key_id().is_empty()
                    || credentials.access_key_secret().is_empty()
                {
                    return Err(ConfigError::new(
                        "the AccessKey ID and secret must not be empty",
                    ));
                }
                Arc::new(credentials)
            }
        };
        if self.timeout.is_zero() || self.connect_timeout.is_zero() {
            return Err(ConfigError::new("timeouts must be greater than zero"));
        }
        if self.backoff_base > self.backoff_max {
            return Err(ConfigError::new(
                "the backoff base must not exceed its maximum",
            ));
        }
        let mut config = RequestConfig::new()
            .with_signature(self.signature)
            .with_service(self.service)
            .with_network(self.network)
            .with_rule_checks(self.rule_checks);
        if let Some(region) = self.region {
            config = config.with_region(region);
        }
        if let Some(endpoint) = &self.endpoint {
            config = config.with_endpoint(endpoint)?;
        }
        let endpoint = config.endpoint_for(self.service.product)?;
        let mut http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            // The signature binds the host: following a redirect could only fail or leak.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(crate::http::USER_AGENT_VALUE);
        if endpoint.is_loopback() {
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|e| ConfigError::new("cannot set up the HTTP client").with_source(e))?;
        let seed = uuid::Uuid::new_v4().as_u64_pair().0 | 1;
        let client = Client {
            inner: Arc::new(Inner {
                http,
                product: self.service.product,
                config,
                credentials,
                max_retries: self.max_retries,
                backoff_base: self.backoff_base,
                backoff_max: self.backoff_max,
                rng: AtomicU64::new(seed),
            }),
        };
        Ok(C::from(client))
    }
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("service", &self.service)
            .field("network", &self.network)
            .field("credentials", &self.credentials)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field("signature", &self.signature)
            .field("rule_checks", &self.rule_checks)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles only if calls can be spawned on a multi-threaded runtime.
    #[allow(dead_code)]
    fn call_future_is_send<R: Request + Sync>(client: &Client, request: &R)
    where
        R::Response: Send,
        R::Error: Send,
    {
        fn is_send<T: Send>(_: T) {}
        is_send(client.call(request));
        is_send(client.clone());
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let base = Duration::from_millis(100);
        let max = Duration::from_secs(1);
        assert_eq!(backoff_delay(1, base, max, 0), Duration::from_millis(50));
        assert!(backoff_delay(1, base, max, u64::MAX) <= base);
        assert_eq!(backoff_delay(3, base, max, 0), Duration::from_millis(200));
        for retry in [5, 31, 32, 100, u32::MAX] {
            let d = backoff_delay(retry, base, max, 12345);
            assert!(d >= max / 2 && d <= max, "{retry}: {d:?}");
        }
        assert_eq!(backoff_delay(1, Duration::ZERO, max, 7), Duration::ZERO);
    }

    #[test]
    fn builder_reports_configuration_problems() {
        // No credentials given: the default chain, looked up at the first call.
        let c = Client::builder("Vpc")
            .region("cn-shanghai")
            .build()
            .unwrap();
        assert!(format!("{c:?}").contains("DefaultChain"), "{c:?}");
        let e = Client::builder("Vpc")
            .region("cn-shanghai")
            .credentials(Credentials::new("", ""))
            .build()
            .unwrap_err();
        assert!(e.message().contains("AccessKey"), "{e}");
        let creds = Credentials::new("id", "sk");
        let e = Client::builder("Vpc")
            .credentials(creds.clone())
            .build()
            .unwrap_err();
        assert!(e.message().contains("region"), "{e}");
        let e = Client::builder("Vpc")
            .credentials(creds.clone())
            .endpoint("ftp://x")
            .build()
            .unwrap_err();
        assert!(e.message().contains("endpoint"), "{e}");
        let c = Client::builder("Vpc")
            .credentials(creds)
            .region("cn-shanghai")
            .build()
            .unwrap();
        assert_eq!(
            c.endpoint().unwrap().to_string(),
            "https://vpc.cn-shanghai.aliyuncs.com/"
        );
        assert!(!format!("{c:?}").contains("\"sk\""));
        assert_ne!(c.random(), c.random());
    }
}
