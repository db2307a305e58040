//! Errors: gateway codes, error bodies, and the error type every call returns.
//!
//! Alibaba Cloud's docs disagree on HTTP statuses (the same code is 400 on one page and 404 on
//! another), so everything here keys on the error **code**; the status is kept only as advice.

use std::fmt;

use crate::validate::ValidationError;

/// Boxed error kept as the `source` of transport and configuration errors.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

macro_rules! common_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// Gateway-level error codes that any API can return (notes §4.3).
        ///
        /// API-specific codes (including a plain `Forbidden`, which APIs document
        /// themselves) belong to each API's generated error type, not here.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CommonErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl CommonErrorCode {
            /// Every known common code.
            pub const ALL: &'static [CommonErrorCode] = &[$(CommonErrorCode::$variant,)*];

            /// The common code for an exact wire code, if it is one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(CommonErrorCode::$variant),)*
                    _ => None,
                }
            }

            /// The exact wire code.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(CommonErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

common_codes! {
    /// A required parameter is missing.
    MissingParameter => "MissingParameter",
    /// A parameter (often `Action` or `Version`) is not valid.
    InvalidParameter => "InvalidParameter",
    /// The AccessKey ID does not exist.
    InvalidAccessKeyIdNotFound => "InvalidAccessKeyId.NotFound",
    /// The AccessKey is disabled.
    InvalidAccessKeyIdInactive => "InvalidAccessKeyId.Inactive",
    /// The signature does not follow the scheme.
    IncompleteSignature => "IncompleteSignature",
    /// The signature was computed differently by the server; its message quotes the server's
    /// string to sign.
    SignatureDoesNotMatch => "SignatureDoesNotMatch",
    /// The `Timestamp` is too far from the server's clock.
    InvalidTimeStampExpired => "InvalidTimeStamp.Expired",
    /// The `Timestamp` is missing or malformed.
    IllegalTimestamp => "IllegalTimestamp",
    /// The `SignatureNonce` was used before.
    SignatureNonceUsed => "SignatureNonceUsed",
    /// The `Version` is unknown.
    InvalidVersion => "InvalidVersion",
    /// The `Action` is unknown.
    InvalidActionNotFound => "InvalidAction.NotFound",
    /// The `Action` is not valid.
    InvalidAction => "InvalidAction",
    /// The HTTP method is not allowed.
    UnsupportedHttpMethod => "UnsupportedHTTPMethod",
    /// Request throttled.
    Throttling => "Throttling",
    /// Request throttled by the per-user limit.
    ThrottlingUser => "Throttling.User",
    /// Request throttled by the per-API limit.
    ThrottlingApi => "Throttling.Api",
    /// RAM policy denies the call.
    ForbiddenRam => "Forbidden.RAM",
    /// Blocked by risk control.
    ForbiddenRiskControl => "Forbidden.RiskControl",
    /// Unknown server-side failure.
    InternalError => "InternalError",
    /// Temporary server failure.
    ServiceUnavailable => "ServiceUnavailable",
}

impl CommonErrorCode {
    /// `Throttling` and its `Throttling.*` variants.
    pub fn is_throttling(&self) -> bool {
        is_throttling_code(self.as_str())
    }

    /// Worth retrying after a pause: throttling, `InternalError`, `ServiceUnavailable`.
    ///
    /// Only throttling proves that the request was not carried out; see
    /// [`SdkError::should_retry`] for when a retry is safe.
    pub fn is_retryable(&self) -> bool {
        self.is_throttling()
            || matches!(
                self,
                CommonErrorCode::InternalError | CommonErrorCode::ServiceUnavailable
            )
    }
}

impl fmt::Display for CommonErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a wire code is a throttling code (`Throttling` or `Throttling.<anything>`): the
/// gateway rejected the call before the API ran, so it is always safe to retry.
pub fn is_throttling_code(code: &str) -> bool {
    code == "Throttling" || code.starts_with("Throttling.")
}

/// The fields of an error response body (JSON, or XML with any root, usually `<Error>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    /// The error code, never empty.
    pub code: String,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    /// A link to the error center, on gateway errors.
    pub recommend: Option<String>,
}

#[derive(Default)]
struct Fields {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
}

impl Fields {
    fn slot(&mut self, name: &str) -> Option<&mut Option<String>> {
        match name {
            "Code" | "code" => Some(&mut self.code),
            "Message" | "message" => Some(&mut self.message),
            "RequestId" | "requestId" => Some(&mut self.request_id),
            "HostId" | "hostId" => Some(&mut self.host_id),
            "Recommend" | "recommend" => Some(&mut self.recommend),
            _ => None,
        }
    }

    fn finish(self) -> Option<ErrorBody> {
        let code = self
            .code
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())?;
        Some(ErrorBody {
            code,
            message: self.message,
            request_id: self.request_id,
            host_id: self.host_id,
            recommend: self.recommend,
        })
    }
}

impl ErrorBody {
    /// Reads an error body; `None` when it is not a complete JSON object or XML document with a
    /// non-empty `Code` (truncated, garbage or empty bodies). Never panics.
    ///
    /// The content type only picks which format to try first: gateways are not consistent.
    pub fn parse(content_type: Option<&str>, body: &[u8]) -> Option<ErrorBody> {
        let xml_first = content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("xml"));
        if xml_first {
            Self::parse_xml(body).or_else(|| Self::parse_json(body))
        } else {
            Self::parse_json(body).or_else(|| Self::parse_xml(body))
        }
    }

    fn parse_json(body: &[u8]) -> Option<ErrorBody> {
        let value: serde_json::Value = serde_json::from_slice(body).ok()?;
        let object = value.as_object()?;
        let mut fields = Fields::default();
        for (name, value) in object {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            if let Some(slot) = fields.slot(name) {
                // The PascalCase spelling wins over the camelCase one when both appear.
                if slot.is_none() || name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    *slot = Some(text);
                }
            }
        }
        fields.finish()
    }

    fn parse_xml(body: &[u8]) -> Option<ErrorBody> {
        use quick_xml::events::Event;

        let text = std::str::from_utf8(body).ok()?;
        let mut reader = quick_xml::Reader::from_str(text);
        let mut fields = Fields::default();
        let mut depth = 0usize;
        let mut root_closed = false;
        // The child of the root being read, and its text so far.
        let mut current: Option<(String, String)> = None;
        loop {
            match reader.read_event().ok()? {
                Event::Start(start) => {
                    if root_closed {
                        return None;
                    }
                    depth += 1;
                    if depth == 2 {
                        let name = start.local_name().as_ref().to_string();
                        current = Some((name, String::new()));
                    }
                }
                Event::End(_) => {
                    if depth == 0 {
                        return None;
                    }
                    if depth == 2 {
                        if let Some((name, value)) = current.take() {
                            if let Some(slot) = fields.slot(&name) {
                                *slot = Some(value.trim().to_string());
                            }
                        }
                    }
                    depth -= 1;
                    if depth == 0 {
                        root_closed = true;
                    }
                }
                // A second root element.
                Event::Empty(_) if root_closed => return None,
                // `<Error/>`: a complete document, without a code.
                Event::Empty(_) if depth == 0 => root_closed = true,
                Event::Empty(empty) if depth == 1 => {
                    if let Some(slot) = fields.slot(empty.local_name().as_ref()) {
                        *slot = Some(String::new());
                    }
                }
                Event::Text(t) => {
                    if let Some((_, value)) = current.as_mut().filter(|_| depth == 2) {
                        value.push_str(&t.xml10_content());
                    } else if depth == 0 && !t.xml10_content().trim().is_empty() {
                        // Text outside any element: not XML we understand.
                        return None;
                    }
                }
                Event::CData(c) => {
                    if let Some((_, value)) = current.as_mut().filter(|_| depth == 2) {
                        value.push_str(&c.into_inner());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some((_, value)) = current.as_mut().filter(|_| depth == 2) {
                        let resolved = match r.resolve_char_ref() {
                            Ok(Some(c)) => c,
                            Ok(None) => match r.xml10_content().as_ref() {
                                "lt" => '<',
                                "gt" => '>',
                                "amp" => '&',
                                "apos" => '\'',
                                "quot" => '"',
                                _ => return None,
                            },
                            Err(_) => return None,
                        };
                        value.push(resolved);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !root_closed {
            return None;
        }
        fields.finish()
    }
}

/// An error the service returned with a readable code.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ServiceError<E> {
    /// The API's typed error for [`ServiceError::code`].
    pub error: E,
    /// The exact wire code.
    pub code: String,
    /// The message; empty when the body had none.
    pub message: String,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
    /// Advisory only: match on the code.
    pub http_status: u16,
    /// The body as received (lossy UTF-8).
    pub raw_body: String,
    /// Attempts made, this one included.
    pub attempts: u32,
}

impl<E> ServiceError<E> {
    /// Builds the error from a parsed body; `error` is the API's typed value for its code.
    pub fn new(error: E, body: ErrorBody, http_status: u16, raw_body: String) -> Self {
        Self {
            error,
            code: body.code,
            message: body.message.unwrap_or_default(),
            request_id: body.request_id,
            host_id: body.host_id,
            recommend: body.recommend,
            http_status,
            raw_body,
            attempts: 1,
        }
    }

    /// The gateway-level code, when it is one.
    pub fn common_code(&self) -> Option<CommonErrorCode> {
        CommonErrorCode::from_code(&self.code)
    }

    /// The gateway throttled the call (it was not carried out).
    pub fn is_throttling(&self) -> bool {
        is_throttling_code(&self.code)
    }
}

impl<E> fmt::Display for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        write!(f, " (HTTP {}", self.http_status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

impl<E: fmt::Debug> std::error::Error for ServiceError<E> {}

/// The connection failed or broke.
#[derive(Debug)]
#[non_exhaustive]
pub struct TransportError {
    /// What went wrong at this level, naming the host (no URL, so no signed query or token);
    /// the causes are the [`source`](std::error::Error::source) chain.
    pub message: String,
    /// The request surely did not reach the server (e.g. connection refused), so it is safe to
    /// retry any API.
    pub not_sent: bool,
    /// Attempts made, this one included.
    pub attempts: u32,
    source: Option<BoxError>,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.not_sent {
            f.write_str(" (request not sent)")?;
        }
        Ok(())
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

impl TransportError {
    pub fn new(message: impl Into<String>, not_sent: bool) -> Self {
        Self {
            message: message.into(),
            not_sent,
            attempts: 1,
            source: None,
        }
    }

    /// Keeps the underlying error as the `source`.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }
}

/// No complete response within the per-attempt timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeoutError {
    /// The connection was never established, so the request was not sent.
    pub connect: bool,
    /// Attempts made, this one included.
    pub attempts: u32,
    /// `host[:port]` that did not answer in time, when known.
    pub host: Option<String>,
}

impl TimeoutError {
    pub fn new(connect: bool) -> Self {
        Self {
            connect,
            attempts: 1,
            host: None,
        }
    }

    /// Names the host that was tried.
    pub fn with_host(mut self, host: impl Into<String>) -> Self {
        self.host = Some(host.into());
        self
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = self.host.as_deref().unwrap_or("the endpoint");
        if self.connect {
            write!(f, "timed out connecting to {host}")?;
        } else {
            write!(f, "timed out waiting for the response of {host}")?;
        }
        if self.connect {
            f.write_str(" (request not sent)")?;
        }
        Ok(())
    }
}

impl std::error::Error for TimeoutError {}

/// A response that could not be read: a success body that does not decode, or an error
/// status without a readable code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseError {
    pub status: u16,
    /// Why it could not be read.
    pub reason: String,
    /// The body as received (lossy UTF-8).
    pub raw_body: String,
    /// Attempts made, this one included.
    pub attempts: u32,
}

impl ResponseError {
    pub fn new(status: u16, reason: impl Into<String>, raw_body: impl Into<String>) -> Self {
        Self {
            status,
            reason: reason.into(),
            raw_body: raw_body.into(),
            attempts: 1,
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.reason)
    }
}

impl std::error::Error for ResponseError {}

/// Bad client configuration: missing or unreadable credentials, an unusable endpoint or region.
#[derive(Debug)]
pub struct ConfigError {
    message: String,
    source: Option<BoxError>,
}

impl ConfigError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            source: None,
        }
    }

    /// Keeps the underlying error as the `source`.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

impl From<crate::credentials::CredentialsError> for ConfigError {
    fn from(e: crate::credentials::CredentialsError) -> Self {
        ConfigError::new("cannot read credentials").with_source(e)
    }
}

/// Everything a call can fail with; `E` is the API's typed error.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E> {
    /// The service answered with an error code. Boxed to keep `Result<_, SdkError<E>>` small
    /// (fields are reached through the box: `e.code`, `e.error`).
    Service(Box<ServiceError<E>>),
    /// The request broke a documented constraint; nothing was sent.
    Validation(ValidationError),
    /// Connection or I/O failure.
    Transport(TransportError),
    /// No complete response in time.
    Timeout(TimeoutError),
    /// A response that could not be read.
    Response(ResponseError),
    /// Bad configuration; nothing was sent.
    Config(ConfigError),
}

impl<E> SdkError<E> {
    /// The service error, if the service answered with a code.
    pub fn as_service(&self) -> Option<&ServiceError<E>> {
        match self {
            SdkError::Service(e) => Some(e.as_ref()),
            _ => None,
        }
    }

    /// The API's typed error, if the service answered with a code.
    pub fn api_error(&self) -> Option<&E> {
        self.as_service().map(|e| &e.error)
    }

    /// The wire error code, if the service answered with one.
    pub fn code(&self) -> Option<&str> {
        self.as_service().map(|e| e.code.as_str())
    }

    /// The request id of the service's answer, if known.
    pub fn request_id(&self) -> Option<&str> {
        self.as_service().and_then(|e| e.request_id.as_deref())
    }

    /// How many requests were sent (0 when the call failed before sending).
    pub fn attempts(&self) -> u32 {
        match self {
            SdkError::Service(e) => e.attempts,
            SdkError::Transport(e) => e.attempts,
            SdkError::Timeout(e) => e.attempts,
            SdkError::Response(e) => e.attempts,
            SdkError::Validation(_) | SdkError::Config(_) => 0,
        }
    }

    /// Removes the STS token from texts the server sent back.
    ///
    /// The token is signed, so a `SignatureDoesNotMatch` message quotes it inside the server's
    /// string to sign; errors get logged, so it is replaced (raw, percent-encoded once or
    /// twice) by `<redacted>`. The secret itself never travels and needs no scrubbing.
    pub fn redact(&mut self, credentials: &crate::credentials::Credentials) {
        let Some(token) = credentials.security_token().filter(|t| !t.is_empty()) else {
            return;
        };
        let once = crate::sign::percent_encode(token);
        let twice = crate::sign::percent_encode(&once);
        let forms = [twice, once, token.to_string()];
        let scrub = |text: &mut String| {
            for form in &forms {
                if text.contains(form.as_str()) {
                    *text = text.replace(form.as_str(), "<redacted>");
                }
            }
        };
        match self {
            SdkError::Service(e) => {
                scrub(&mut e.message);
                scrub(&mut e.raw_body);
            }
            SdkError::Response(e) => {
                scrub(&mut e.reason);
                scrub(&mut e.raw_body);
            }
            SdkError::Transport(e) => scrub(&mut e.message),
            _ => {}
        }
    }

    /// Records how many attempts a retrying transport made (no effect on errors raised before
    /// sending).
    pub fn set_attempts(&mut self, attempts: u32) {
        match self {
            SdkError::Service(e) => e.attempts = attempts,
            SdkError::Transport(e) => e.attempts = attempts,
            SdkError::Timeout(e) => e.attempts = attempts,
            SdkError::Response(e) => e.attempts = attempts,
            SdkError::Validation(_) | SdkError::Config(_) => {}
        }
    }

    /// The failed attempt surely had no effect on the server: a throttling code, or a
    /// connection that was never established.
    pub fn surely_not_processed(&self) -> bool {
        match self {
            SdkError::Service(e) => e.is_throttling(),
            SdkError::Transport(e) => e.not_sent,
            SdkError::Timeout(e) => e.connect,
            _ => false,
        }
    }

    /// Whether sending the same request again is both useful and safe.
    ///
    /// `idempotent` says that a repeat cannot act twice (the request carries a client token):
    /// then throttling, `InternalError`/`ServiceUnavailable`, any 5xx, timeouts and connection
    /// failures are retried. Otherwise only failures that [surely were not
    /// processed](Self::surely_not_processed) are, so a retry never creates a resource twice.
    pub fn should_retry(&self, idempotent: bool) -> bool {
        if self.surely_not_processed() {
            return true;
        }
        if !idempotent {
            return false;
        }
        match self {
            SdkError::Service(e) => {
                e.common_code().is_some_and(|c| c.is_retryable()) || e.http_status >= 500
            }
            SdkError::Transport(_) | SdkError::Timeout(_) => true,
            SdkError::Response(e) => e.status >= 500,
            SdkError::Validation(_) | SdkError::Config(_) => false,
        }
    }
}

/// Names this level only: what kind of failure, and how many attempts were made. The details
/// are the [`source`](std::error::Error::source) (the variant's own error), so a chain printed
/// level by level (`ErrorReport`, `anyhow`'s `{:#}`) shows each piece once.
impl<E> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SdkError::Service(_) => "service error",
            SdkError::Validation(_) => "request not sent: it breaks documented rules",
            SdkError::Transport(_) => "transport error",
            SdkError::Timeout(_) => "timeout",
            SdkError::Response(_) => "unreadable response",
            SdkError::Config(_) => "configuration error",
        })?;
        let attempts = self.attempts();
        if attempts > 1 {
            write!(f, " [after {attempts} attempts]")?;
        }
        Ok(())
    }
}

impl<E: fmt::Debug + 'static> std::error::Error for SdkError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(match self {
            SdkError::Service(e) => e.as_ref(),
            SdkError::Validation(e) => e,
            SdkError::Transport(e) => e,
            SdkError::Timeout(e) => e,
            SdkError::Response(e) => e,
            SdkError::Config(e) => e,
        })
    }
}

/// Prints an error and every cause below it, `level: cause: cause`, each once.
///
/// [`SdkError`]'s own `Display` names only its level (as smithy-rs' errors do); wrap it in this
/// to log the whole story:
///
/// ```
/// # use aliyun_runtime::error::{ErrorReport, SdkError, TimeoutError};
/// let e: SdkError<String> = SdkError::Timeout(TimeoutError::new(true).with_host("vpc.aliyuncs.com"));
/// assert_eq!(
///     ErrorReport(&e).to_string(),
///     "timeout: timed out connecting to vpc.aliyuncs.com (request not sent)"
/// );
/// ```
pub struct ErrorReport<'a>(pub &'a (dyn std::error::Error + 'a));

impl fmt::Display for ErrorReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        // Bounded: a cyclic chain must not hang a logger.
        for _ in 0..16 {
            let Some(cause) = source else { break };
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

impl fmt::Debug for ErrorReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<E> From<ValidationError> for SdkError<E> {
    fn from(e: ValidationError) -> Self {
        SdkError::Validation(e)
    }
}

impl<E> From<ConfigError> for SdkError<E> {
    fn from(e: ConfigError) -> Self {
        SdkError::Config(e)
    }
}

#[cfg(test)]
mod tests;
