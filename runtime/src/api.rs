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
    /// Checks only that the required parameters are set, at every level: what is still checked
    /// when rule checks are off ([`Request::rule_checks_skipped`], or the client's
    /// `rule_checks(false)`). Generated code implements it with
    /// [`crate::validate::run_required`]. The default checks nothing more: a request built by
    /// `build_unchecked()` has had its required parameters checked already, and its required
    /// top-level parameters are not optional fields.
    fn validate_required(&self) -> Result<(), crate::validate::ValidationError> {
        Ok(())
    }
    /// Whether this request skips its rule checks (it was built by `build_unchecked()`, or is
    /// wrapped in [`Unchecked`]): the client then runs [`Request::validate_required`] instead
    /// of [`Request::validate`]. `false` (the default) keeps every check.
    fn rule_checks_skipped(&self) -> bool {
        false
    }
    /// The API's own parameters as (wire name, wire value), `Action` included, sorted by name.
    fn to_query(&self) -> Vec<(String, String)>;
    /// REST-style (ROA) APIs: method, filled path, query, headers and JSON body. `None` (the
    /// default) for RPC APIs, whose parameters are [`Request::to_query`].
    fn roa(&self) -> Option<crate::roa::RoaRequest> {
        None
    }
}

/// A request sent without its documented rule checks: only required parameters are checked
/// ([`Request::validate_required`]). For values the service accepts but the docs (or the rules
/// read from them) do not: `client.call(&Unchecked(request))`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchecked<R>(pub R);

impl<R: Request> Request for Unchecked<R> {
    type Response = R::Response;
    type Error = R::Error;
    const ACTION: &'static str = R::ACTION;
    const VERSION: &'static str = R::VERSION;
    const PRODUCT: &'static str = R::PRODUCT;
    const CLIENT_TOKEN: Option<&'static str> = R::CLIENT_TOKEN;
    fn validate(&self) -> Result<(), crate::validate::ValidationError> {
        self.0.validate()
    }
    fn validate_required(&self) -> Result<(), crate::validate::ValidationError> {
        self.0.validate_required()
    }
    fn rule_checks_skipped(&self) -> bool {
        true
    }
    fn to_query(&self) -> Vec<(String, String)> {
        self.0.to_query()
    }
    fn roa(&self) -> Option<crate::roa::RoaRequest> {
        self.0.roa()
    }
}
