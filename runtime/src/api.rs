//! The traits generated code implements for each API.
//!
//! A generated request type knows its wire parameters and its API's identity; the runtime
//! ([`crate::http`], and `crate::client` with the `reqwest` feature) adds the common
//! parameters, signs, sends and decodes, so none of that is repeated per API.

/// The typed error of one API: its documented codes plus a catch-all.
pub trait ApiError: Sized + std::fmt::Debug + std::fmt::Display {
    /// The API's error value for a service error code and message.
    fn from_code(code: &str, message: &str) -> Self;
    /// The exact wire code.
    fn code(&self) -> &str;
}

/// One API operation's request.
pub trait Request {
    /// The decoded success body.
    type Response: serde::de::DeserializeOwned;
    /// The API's typed error.
    type Error: ApiError;
    /// Wire name of the operation (`Action`), e.g. `CreateSslVpnServer`.
    const ACTION: &'static str;
    /// API version (`Version`), e.g. `2016-04-28`.
    const VERSION: &'static str;
    /// Product code for endpoints, e.g. "Vpc" (endpoint host uses it lower-cased: vpc.{region}.aliyuncs.com).
    const PRODUCT: &'static str;
    /// Wire name of the API's idempotency-token parameter (e.g. "ClientToken"), when it has one.
    const CLIENT_TOKEN: Option<&'static str>;
    /// Checks every documented constraint, collecting all violations.
    fn validate(&self) -> Result<(), crate::validate::ValidationError>;
    /// The API's own parameters as (wire name, wire value), `Action` included, sorted by name.
    fn to_query(&self) -> Vec<(String, String)>;
    /// REST-style (ROA) APIs: method, filled path, query, headers and JSON body. `None` (the
    /// default) for RPC APIs, whose parameters are [`Request::to_query`].
    fn roa(&self) -> Option<crate::roa::RoaRequest> {
        None
    }
}
