//! Where requests go: the endpoint (scheme and `host[:port]`), the region, the signature
//! scheme, and the `User-Agent` every request carries.
//!
//! # Resolving an endpoint
//!
//! A generated crate describes its product once, as a `static` [`Service`]: product code, API
//! version, the documented endpoint table (region → host, one row per network) and the rule
//! for regions the table does not list. A client then resolves its endpoint in this order:
//!
//! 1. an explicit endpoint ([`RequestConfig::with_endpoint`], `ClientBuilder::endpoint`)
//!    always wins;
//! 2. the table's host for the region and network (public by default);
//! 3. the rule: [`EndpointRule::Regional`] (`{prefix}.{region}.aliyuncs.com`, or
//!    `{prefix}-vpc.{region}…` on the VPC network) or [`EndpointRule::Central`] (one host);
//! 4. [`EndpointRule::TableOnly`] and a region the table lacks: a configuration error that
//!    names the region and the regions the table knows.
//!
//! A client made from a product code only (`ClientBuilder::new("Vpc")`) knows no table; its
//! rule is the regional guess `{product lower-cased}.{region}.aliyuncs.com`.
//!
//! ```
//! use aliyun_runtime::endpoint::{EndpointRule, Network, RegionEndpoint, Service};
//! static VPC: Service = Service {
//!     product: "Vpc",
//!     version: "2016-04-28",
//!     rule: EndpointRule::Regional { prefix: "vpc" },
//!     endpoints: &[
//!         RegionEndpoint::public("cn-qingdao", "vpc.aliyuncs.com"),
//!         RegionEndpoint::new("cn-shanghai", Network::Vpc, "vpc-vpc.cn-shanghai.aliyuncs.com"),
//!     ],
//! };
//! assert_eq!(VPC.resolve("cn-qingdao", Network::Public).unwrap().host(), "vpc.aliyuncs.com");
//! assert_eq!(VPC.resolve("cn-shanghai", Network::Vpc).unwrap().host(), "vpc-vpc.cn-shanghai.aliyuncs.com");
//! assert_eq!(VPC.resolve("eu-central-1", Network::Public).unwrap().host(), "vpc.eu-central-1.aliyuncs.com");
//! ```

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

    /// This endpoint with `label` put before its host name (`my-project` and
    /// `cn-hangzhou.log.aliyuncs.com` → `my-project.cn-hangzhou.log.aliyuncs.com`), the port
    /// kept: where a REST-style API sends a parameter in the host name. `label` must be one DNS
    /// label ([`crate::roa::host_label_problem`]); an endpoint given as an IP address has no
    /// name to extend and is an error.
    pub fn with_host_label(&self, label: &str) -> Result<Self, ConfigError> {
        if let Some(why) = crate::roa::host_label_problem(label) {
            return Err(ConfigError::new(format!("host name label {why}")));
        }
        let host = self.authority.host();
        if host.starts_with('[') || host.parse::<std::net::IpAddr>().is_ok() {
            return Err(ConfigError::new(format!(
                "the endpoint `{}` is an IP address, but this API sends a parameter as the first label of the host name (`{label}.{}`): give an endpoint by name",
                self.authority, self.authority
            )));
        }
        let authority = format!("{label}.{}", self.authority).parse().map_err(|e| {
            ConfigError::new(format!("invalid host `{label}.{}`: {e}", self.authority))
        })?;
        Ok(Self {
            scheme: self.scheme.clone(),
            authority,
        })
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

/// One DNS label: letters, digits and inner hyphens (what a product code or region may be).
fn label_ok(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}/", self.scheme, self.authority)
    }
}

/// Which of a region's hosts to use: the endpoint tables list a public host and often a
/// VPC-internal one beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Network {
    /// Reachable from the internet; the default.
    #[default]
    Public,
    /// Reachable only from inside an Alibaba Cloud VPC (`{prefix}-vpc.{region}…`).
    Vpc,
}

impl Network {
    fn name(self) -> &'static str {
        match self {
            Network::Public => "public",
            Network::Vpc => "VPC",
        }
    }
}

/// One row of a product's endpoint table: a region's host on one network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionEndpoint {
    /// Region ID, e.g. `cn-hangzhou`.
    pub region: &'static str,
    pub network: Network,
    /// `host` (no scheme; HTTPS is used), e.g. `vpc.aliyuncs.com`.
    pub host: &'static str,
}

impl RegionEndpoint {
    pub const fn new(region: &'static str, network: Network, host: &'static str) -> Self {
        Self {
            region,
            network,
            host,
        }
    }

    /// A public host.
    pub const fn public(region: &'static str, host: &'static str) -> Self {
        Self::new(region, Network::Public, host)
    }
}

/// How hosts are named for regions the table does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EndpointRule {
    /// `{prefix}.{region}.aliyuncs.com` (`{prefix}-vpc.{region}.aliyuncs.com` on the VPC
    /// network); the prefix is lower-cased, e.g. `vpc`, or `metrics` for cms.
    Regional { prefix: &'static str },
    /// One host for every region, e.g. `sts.aliyuncs.com`; public network only.
    Central { host: &'static str },
    /// Only the regions the table lists.
    TableOnly,
}

/// What a generated crate knows about its product, emitted as a `static` and handed to
/// `ClientBuilder::with_service`. See the [module docs](self) for the resolution order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// Product code, e.g. `Vpc`.
    pub product: &'static str,
    /// API version, e.g. `2016-04-28`; empty when not known.
    pub version: &'static str,
    pub rule: EndpointRule,
    /// The documented endpoint table, in the doc's order.
    pub endpoints: &'static [RegionEndpoint],
}

impl Service {
    /// A product known only by its code: no table, the regional guess as the rule.
    pub const fn product_only(product: &'static str) -> Self {
        Self {
            product,
            version: "",
            rule: EndpointRule::Regional { prefix: product },
            endpoints: &[],
        }
    }

    /// The regions the table lists, each once, in the table's order.
    pub fn regions(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for row in self.endpoints {
            if !out.contains(&row.region) {
                out.push(row.region);
            }
        }
        out
    }

    /// The endpoint of `region` on `network`: the table's host, else the rule's.
    pub fn resolve(&self, region: &str, network: Network) -> Result<Endpoint, ConfigError> {
        if !label_ok(region) {
            return Err(ConfigError::new(format!("invalid region `{region}`")));
        }
        let listed = self
            .endpoints
            .iter()
            .find(|row| row.region.eq_ignore_ascii_case(region) && row.network == network);
        if let Some(row) = listed {
            return Endpoint::parse(&format!("https://{}", row.host));
        }
        let region = region.to_ascii_lowercase();
        match (self.rule, network) {
            (EndpointRule::Regional { prefix }, _) if label_ok(prefix) => {
                let suffix = match network {
                    Network::Public => "",
                    Network::Vpc => "-vpc",
                };
                let prefix = prefix.to_ascii_lowercase();
                Endpoint::parse(&format!("https://{prefix}{suffix}.{region}.aliyuncs.com"))
            }
            (EndpointRule::Regional { prefix }, _) => {
                Err(ConfigError::new(format!("invalid product code `{prefix}`")))
            }
            (EndpointRule::Central { host }, Network::Public) => {
                Endpoint::parse(&format!("https://{host}"))
            }
            _ => Err(self.unknown_region(&region, network)),
        }
    }

    fn unknown_region(&self, region: &str, network: Network) -> ConfigError {
        let known: Vec<&str> = self
            .endpoints
            .iter()
            .filter(|row| row.network == network)
            .map(|row| row.region)
            .collect();
        let known = if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        };
        ConfigError::new(format!(
            "{} has no {} endpoint for region `{region}` (its endpoint table lists: {known}); \
             check the region or set an explicit endpoint",
            self.product,
            network.name()
        ))
    }
}

/// Where and how to send requests: region, optional endpoint override, signature scheme,
/// and whether documented rules are checked before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestConfig {
    region: Option<String>,
    endpoint: Option<Endpoint>,
    signature: SignatureStyle,
    service: Option<Service>,
    network: Network,
    rule_checks: bool,
}

impl Default for RequestConfig {
    fn default() -> Self {
        Self {
            region: None,
            endpoint: None,
            signature: SignatureStyle::default(),
            service: None,
            network: Network::default(),
            rule_checks: true,
        }
    }
}

impl RequestConfig {
    pub fn new() -> Self {
        Self::default()
    }

    /// `false` sends every request with only its required parameters checked (see
    /// `Request::validate_required`); `true`, the default, checks every documented rule
    /// unless the request itself skips them.
    pub fn with_rule_checks(mut self, enabled: bool) -> Self {
        self.rule_checks = enabled;
        self
    }

    pub fn rule_checks(&self) -> bool {
        self.rule_checks
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

    /// The product's endpoint table and rule, used for requests of that product.
    pub fn with_service(mut self, service: Service) -> Self {
        self.service = Some(service);
        self
    }

    /// Which of a region's hosts to use (public unless set).
    pub fn with_network(mut self, network: Network) -> Self {
        self.network = network;
        self
    }

    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub fn signature(&self) -> SignatureStyle {
        self.signature
    }

    /// The override; else the region resolved through the service of `product` (its table,
    /// then its rule); else, for a product the configuration has no table for, the regional
    /// guess `{product}.{region}.aliyuncs.com`.
    pub fn endpoint_for(&self, product: &str) -> Result<Endpoint, ConfigError> {
        if let Some(endpoint) = &self.endpoint {
            return Ok(endpoint.clone());
        }
        let Some(region) = &self.region else {
            return Err(ConfigError::new(format!(
                "no region and no endpoint configured for product {product}"
            )));
        };
        match self.service {
            Some(service) if service.product.eq_ignore_ascii_case(product) => {
                service.resolve(region, self.network)
            }
            _ => match self.network {
                Network::Public => Endpoint::regional(product, region),
                Network::Vpc => Endpoint::regional(&format!("{product}-vpc"), region),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows as the VPC endpoint page lists them (alibaba-protocol notes §1.1), plus the central
    /// host the official SDK maps the big regions to.
    static VPC: Service = Service {
        product: "Vpc",
        version: "2016-04-28",
        rule: EndpointRule::Regional { prefix: "vpc" },
        endpoints: &[
            RegionEndpoint::public("cn-hangzhou", "vpc.aliyuncs.com"),
            RegionEndpoint::public("cn-shanghai", "vpc.cn-shanghai.aliyuncs.com"),
            RegionEndpoint::new(
                "cn-shanghai",
                Network::Vpc,
                "vpc-vpc.cn-shanghai.aliyuncs.com",
            ),
        ],
    };

    static TABLE_ONLY: Service = Service {
        product: "Cms",
        version: "2019-01-01",
        rule: EndpointRule::TableOnly,
        endpoints: &[
            RegionEndpoint::public("cn-hangzhou", "metrics.cn-hangzhou.aliyuncs.com"),
            RegionEndpoint::public("cn-beijing", "metrics.cn-beijing.aliyuncs.com"),
        ],
    };

    static CENTRAL: Service = Service {
        product: "Sts",
        version: "2015-04-01",
        rule: EndpointRule::Central {
            host: "sts.aliyuncs.com",
        },
        endpoints: &[],
    };

    fn host(service: &Service, region: &str, network: Network) -> String {
        service.resolve(region, network).unwrap().host().to_string()
    }

    #[test]
    fn table_then_rule() {
        assert_eq!(
            host(&VPC, "cn-hangzhou", Network::Public),
            "vpc.aliyuncs.com"
        );
        assert_eq!(
            host(&VPC, "CN-SHANGHAI", Network::Public),
            "vpc.cn-shanghai.aliyuncs.com"
        );
        assert_eq!(
            host(&VPC, "cn-shanghai", Network::Vpc),
            "vpc-vpc.cn-shanghai.aliyuncs.com"
        );
        // Not in the table: the documented rule.
        assert_eq!(
            host(&VPC, "eu-central-1", Network::Public),
            "vpc.eu-central-1.aliyuncs.com"
        );
        assert_eq!(
            host(&VPC, "cn-hangzhou", Network::Vpc),
            "vpc-vpc.cn-hangzhou.aliyuncs.com"
        );
        assert_eq!(
            host(&CENTRAL, "ap-southeast-1", Network::Public),
            "sts.aliyuncs.com"
        );
        assert_eq!(
            host(&TABLE_ONLY, "cn-beijing", Network::Public),
            "metrics.cn-beijing.aliyuncs.com"
        );
        assert_eq!(
            host(
                &Service::product_only("Ecs"),
                "cn-hangzhou",
                Network::Public
            ),
            "ecs.cn-hangzhou.aliyuncs.com"
        );
        assert_eq!(TABLE_ONLY.regions(), ["cn-hangzhou", "cn-beijing"]);
        assert_eq!(VPC.regions(), ["cn-hangzhou", "cn-shanghai"]);
    }

    #[test]
    fn unknown_region_names_the_region_and_the_known_ones() {
        let e = TABLE_ONLY
            .resolve("cn-shanghia", Network::Public)
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("`cn-shanghia`"), "{text}");
        assert!(text.contains("cn-hangzhou, cn-beijing"), "{text}");
        assert!(text.contains("Cms"), "{text}");
        let e = CENTRAL.resolve("cn-hangzhou", Network::Vpc).unwrap_err();
        assert!(e.to_string().contains("no VPC endpoint"), "{e}");
        assert!(VPC
            .resolve("cn-shanghai.evil.com/", Network::Public)
            .is_err());
    }

    #[test]
    fn explicit_endpoint_wins_then_service_then_guess() {
        let config = RequestConfig::new()
            .with_region("cn-hangzhou")
            .with_service(VPC);
        assert_eq!(
            config.endpoint_for("Vpc").unwrap().host(),
            "vpc.aliyuncs.com"
        );
        // Another product than the service's: the regional guess.
        assert_eq!(
            config.endpoint_for("Ecs").unwrap().host(),
            "ecs.cn-hangzhou.aliyuncs.com"
        );
        let vpc_network = config.clone().with_network(Network::Vpc);
        assert_eq!(
            vpc_network.endpoint_for("Ecs").unwrap().host(),
            "ecs-vpc.cn-hangzhou.aliyuncs.com"
        );
        let config = config.with_endpoint("http://127.0.0.1:9").unwrap();
        assert_eq!(config.endpoint_for("Vpc").unwrap().host(), "127.0.0.1:9");
        let unknown = RequestConfig::new()
            .with_region("xx-nowhere-1")
            .with_service(TABLE_ONLY);
        assert!(unknown.endpoint_for("Cms").is_err());
    }
}
