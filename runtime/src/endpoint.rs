//! Where requests go: the endpoint (scheme and `host[:port]`), the region, the signature
//! scheme, and the `User-Agent` every request carries.

use std::fmt;

use http::uri::{Authority, Scheme};

use crate::error::ConfigError;

/// `User-Agent` sent with every request.
pub const USER_AGENT_VALUE: &str = concat!("aliyun-runtime-rust/", env!("CARGO_PKG_VERSION"));

/// Which signature scheme to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignatureStyle {
    /// HMAC-SHA1 in the query ("signature method V2" in the docs, `SignatureVersion=1.0`).
    /// Accepted by every RPC API.
    #[default]
    V2,
    /// `ACS3-HMAC-SHA256` headers.
    V3,
}

/// Where requests go: scheme and `host[:port]`; the path is always `/` for RPC APIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    authority: Authority,
}

impl Endpoint {
    /// Parses a base URL such as `https://vpc.aliyuncs.com/` or `http://127.0.0.1:8080`
    /// (plain HTTP is allowed, for proxies and tests). A bare host means HTTPS. A path other
    /// than `/`, a query or user info are rejected: the RPC signature covers the path `/`.
    pub fn parse(base_url: &str) -> Result<Self, ConfigError> {
        let text = base_url.trim();
        let with_scheme = if text.contains("://") {
            text.to_string()
        } else {
            format!("https://{text}")
        };
        let bad = |why: &str| ConfigError::new(format!("invalid endpoint `{base_url}`: {why}"));
        let uri: http::Uri = with_scheme.parse().map_err(|e| bad(&format!("{e}")))?;
        let scheme = uri.scheme().cloned().ok_or_else(|| bad("no scheme"))?;
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(bad("the scheme must be http or https"));
        }
        let authority = uri.authority().cloned().ok_or_else(|| bad("no host"))?;
        if authority.host().is_empty() {
            return Err(bad("no host"));
        }
        if authority.as_str().contains('@') {
            return Err(bad("user info is not supported"));
        }
        if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
            return Err(bad(
                "only a scheme and host[:port] are allowed, without path or query",
            ));
        }
        Ok(Self { scheme, authority })
    }

    /// The default regional endpoint `https://{product lower-cased}.{region}.aliyuncs.com/`,
    /// e.g. `vpc.cn-shanghai.aliyuncs.com`, as in each product's endpoint table.
    pub fn regional(product: &str, region: &str) -> Result<Self, ConfigError> {
        let label_ok = |s: &str| {
            !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !s.starts_with('-')
                && !s.ends_with('-')
        };
        if !label_ok(product) {
            return Err(ConfigError::new(format!(
                "invalid product code `{product}`"
            )));
        }
        if !label_ok(region) {
            return Err(ConfigError::new(format!("invalid region `{region}`")));
        }
        Self::parse(&format!(
            "https://{}.{}.aliyuncs.com",
            product.to_ascii_lowercase(),
            region.to_ascii_lowercase()
        ))
    }

    /// `host[:port]`, the value of the `Host` header.
    pub fn host(&self) -> &str {
        self.authority.as_str()
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> &str {
        self.scheme.as_str()
    }

    /// Whether the host is a loopback address (`localhost`, `127.x`, `::1`).
    pub fn is_loopback(&self) -> bool {
        let host = self
            .authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}/", self.scheme, self.authority)
    }
}

/// Where and how to send requests: region, optional endpoint override, signature scheme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestConfig {
    region: Option<String>,
    endpoint: Option<Endpoint>,
    signature: SignatureStyle,
}

impl RequestConfig {
    pub fn new() -> Self {
        Self::default()
    }

    /// The region whose endpoint is used (the request's own `RegionId` is left alone).
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Overrides the endpoint with a base URL (see [`Endpoint::parse`]).
    pub fn with_endpoint(mut self, base_url: &str) -> Result<Self, ConfigError> {
        self.endpoint = Some(Endpoint::parse(base_url)?);
        Ok(self)
    }

    pub fn with_signature(mut self, style: SignatureStyle) -> Self {
        self.signature = style;
        self
    }

    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub fn signature(&self) -> SignatureStyle {
        self.signature
    }

    /// The override, or the regional endpoint of `product`.
    pub fn endpoint_for(&self, product: &str) -> Result<Endpoint, ConfigError> {
        match (&self.endpoint, &self.region) {
            (Some(endpoint), _) => Ok(endpoint.clone()),
            (None, Some(region)) => Endpoint::regional(product, region),
            (None, None) => Err(ConfigError::new(format!(
                "no region and no endpoint configured for product {product}"
            ))),
        }
    }
}
