//! Tests of the error types: common codes, error bodies (JSON, XML, unreadable), retry rules, redaction, and error chains that print each level once.

use super::*;

#[test]
fn common_codes_round_trip() {
    for code in CommonErrorCode::ALL {
        assert_eq!(CommonErrorCode::from_code(code.as_str()), Some(*code));
    }
    assert_eq!(CommonErrorCode::ALL.len(), 20);
    assert_eq!(
        CommonErrorCode::from_code("InvalidAccessKeyId.NotFound"),
        Some(CommonErrorCode::InvalidAccessKeyIdNotFound)
    );
    assert_eq!(CommonErrorCode::from_code("Forbidden"), None);
    assert_eq!(CommonErrorCode::from_code("throttling"), None);
    assert_eq!(
        CommonErrorCode::UnsupportedHttpMethod.as_str(),
        "UnsupportedHTTPMethod"
    );
}

#[test]
fn throttling_and_retryable() {
    use CommonErrorCode::*;
    for c in [Throttling, ThrottlingUser, ThrottlingApi] {
        assert!(c.is_throttling() && c.is_retryable(), "{c}");
    }
    assert!(InternalError.is_retryable() && !InternalError.is_throttling());
    assert!(ServiceUnavailable.is_retryable());
    assert!(!SignatureDoesNotMatch.is_retryable());
    assert!(!ForbiddenRam.is_retryable());
    assert!(is_throttling_code("Throttling.Tenant"));
    assert!(!is_throttling_code("ThrottlingX"));
}

#[test]
fn json_error_body() {
    let body = br#"{"Recommend":"https://error-center.aliyun.com/status/search?Keyword=InvalidTimeStamp.Expired&source=PopGw","Message":"Specified time stamp or date value is expired.","RequestId":"455059DD-F146-4F5A-93F0-74FD23470AE0","HostId":"sms.aliyuncs.com","Code":"InvalidTimeStamp.Expired"}"#;
    let e = ErrorBody::parse(Some("application/json;charset=utf-8"), body).unwrap();
    assert_eq!(e.code, "InvalidTimeStamp.Expired");
    assert_eq!(
        e.message.as_deref(),
        Some("Specified time stamp or date value is expired.")
    );
    assert_eq!(
        e.request_id.as_deref(),
        Some("455059DD-F146-4F5A-93F0-74FD23470AE0")
    );
    assert_eq!(e.host_id.as_deref(), Some("sms.aliyuncs.com"));
    assert!(e
        .recommend
        .unwrap()
        .contains("Keyword=InvalidTimeStamp.Expired"));
}

#[test]
fn camel_case_json_and_extra_fields() {
    let body = br#"{"requestId":"r","code":"Throttling.User","message":"slow down","AccessDeniedDetail":{"x":1}}"#;
    let e = ErrorBody::parse(None, body).unwrap();
    assert_eq!(e.code, "Throttling.User");
    assert_eq!(e.request_id.as_deref(), Some("r"));
    assert_eq!(e.message.as_deref(), Some("slow down"));
}

#[test]
fn xml_error_body() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n    <RequestId>540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx</RequestId>\n    <HostId>ecs.aliyuncs.com</HostId>\n    <Code>MissingParameter.CommandId</Code>\n    <Message>The input parameter “CommandId” &amp; &#x41;&lt;b&gt; <![CDATA[<raw>]]></Message>\n</Error>\n";
    let e = ErrorBody::parse(Some("text/xml;charset=utf-8"), body.as_bytes()).unwrap();
    assert_eq!(e.code, "MissingParameter.CommandId");
    assert_eq!(
        e.request_id.as_deref(),
        Some("540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx")
    );
    assert_eq!(e.host_id.as_deref(), Some("ecs.aliyuncs.com"));
    assert_eq!(
        e.message.as_deref(),
        Some("The input parameter “CommandId” & A<b> <raw>")
    );
    // Any root; content type absent or wrong.
    let other = b"<CreateThingResponse><Code>Throttling</Code><Nested><Code>x</Code></Nested></CreateThingResponse>";
    assert_eq!(ErrorBody::parse(None, other).unwrap().code, "Throttling");
    assert_eq!(
        ErrorBody::parse(Some("application/json"), other)
            .unwrap()
            .code,
        "Throttling"
    );
}

#[test]
fn unreadable_bodies_give_none() {
    let cases: &[&[u8]] = &[
        b"",
        b"   ",
        b"{\"Code\":\"Throttling\",\"Mess",
        b"<Error><Code>Throttling</Code><Message>trunc",
        b"<Error><Code>Throttling</Code>",
        b"<Error><Code>Throttling</Cod></Error>",
        b"<html><body>502 Bad Gateway</body></html>",
        b"Service Unavailable",
        b"null",
        b"[1,2]",
        b"{\"Message\":\"no code\"}",
        b"{\"Code\":\"\"}",
        b"{\"Code\":{\"nested\":1}}",
        b"<Error/>",
        b"<Error><Code>A</Code></Error><Error><Code>B</Code></Error>",
        &[0xff, 0xfe, 0x00, b'<'],
    ];
    for body in cases {
        for ct in [None, Some("application/json"), Some("text/xml")] {
            assert_eq!(
                ErrorBody::parse(ct, body),
                None,
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }
}

#[test]
fn every_prefix_of_a_body_is_handled() {
    let json = r#"{"RequestId":"R","HostId":"h","Code":"Throttling","Message":"m \"q\" 名"}"#;
    let xml = "<?xml version=\"1.0\"?><Error><RequestId>R</RequestId><Code>Throttling</Code><Message>a &amp; 名<Empty/></Message><HostId/></Error>";
    for full in [json, xml] {
        let bytes = full.as_bytes();
        for cut in 0..bytes.len() {
            // Cuts may split a UTF-8 sequence; the parser must cope either way.
            assert_eq!(
                ErrorBody::parse(None, &bytes[..cut]),
                None,
                "{cut} of {full}"
            );
        }
        let parsed = ErrorBody::parse(None, bytes).unwrap();
        assert_eq!(parsed.code, "Throttling");
        assert_eq!(parsed.request_id.as_deref(), Some("R"));
    }
    let parsed = ErrorBody::parse(Some("text/xml"), xml.as_bytes()).unwrap();
    assert_eq!(parsed.message.as_deref(), Some("a & 名"));
    assert_eq!(parsed.host_id.as_deref(), Some(""));
}

#[test]
fn retry_rules() {
    fn service(code: &str, status: u16) -> SdkError<String> {
        let body = ErrorBody {
            code: code.into(),
            message: None,
            request_id: None,
            host_id: None,
            recommend: None,
        };
        SdkError::Service(Box::new(ServiceError::new(
            code.to_string(),
            body,
            status,
            String::new(),
        )))
    }
    // Throttling: always.
    assert!(service("Throttling.Api", 400).should_retry(false));
    // 5xx / InternalError: only with a client token.
    assert!(!service("InternalError", 500).should_retry(false));
    assert!(service("InternalError", 500).should_retry(true));
    assert!(service("SomethingElse", 502).should_retry(true));
    assert!(!service("VpnGateway.Configuring", 400).should_retry(true));
    // Transport.
    let refused: SdkError<String> =
        SdkError::Transport(TransportError::new("connection refused", true));
    assert!(refused.should_retry(false));
    let reset: SdkError<String> = SdkError::Transport(TransportError::new("reset", false));
    assert!(!reset.should_retry(false) && reset.should_retry(true));
    let timeout: SdkError<String> = SdkError::Timeout(TimeoutError::new(false));
    assert!(!timeout.should_retry(false) && timeout.should_retry(true));
    assert!(SdkError::<String>::Timeout(TimeoutError::new(true)).should_retry(false));
    let garbage: SdkError<String> = SdkError::Response(ResponseError::new(200, "x", "y"));
    assert!(!garbage.should_retry(true));
    let bad_gateway: SdkError<String> = SdkError::Response(ResponseError::new(502, "x", "y"));
    assert!(bad_gateway.should_retry(true) && !bad_gateway.should_retry(false));
}

#[test]
fn redacts_the_token_echoed_by_the_server() {
    let creds = crate::Credentials::new("id", "sk").with_security_token("a/b+c");
    let message = "server string to sign is:POST&%2F&SecurityToken%3Da%252Fb%252Bc and a/b+c";
    let body = ErrorBody {
        code: "SignatureDoesNotMatch".into(),
        message: Some(message.into()),
        request_id: None,
        host_id: None,
        recommend: None,
    };
    let mut e: SdkError<String> = SdkError::Service(Box::new(ServiceError::new(
        String::new(),
        body,
        400,
        message.into(),
    )));
    e.redact(&creds);
    let text = format!("{e} {e:?}");
    assert!(
        !text.contains("a%252Fb") && !text.contains("a/b+c"),
        "{text}"
    );
    assert!(text.contains("SecurityToken%3D<redacted>"), "{text}");
}

#[test]
fn errors_are_small_and_thread_safe() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<SdkError<String>>();
    assert!(std::mem::size_of::<SdkError<String>>() <= 128);
}

/// Every level's text, top first.
fn chain(error: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut texts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        texts.push(cause.to_string());
        source = cause.source();
    }
    texts
}

/// No level repeats another's text (smithy-rs style: `Display` is the level, `source` the
/// cause), and every level has something to say.
fn assert_each_level_once(error: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let texts = chain(error);
    for (i, a) in texts.iter().enumerate() {
        assert!(!a.trim().is_empty(), "level {i} is empty: {texts:?}");
        for (j, b) in texts.iter().enumerate() {
            assert!(
                i == j || !a.contains(b.as_str()),
                "level {i} repeats level {j}: {texts:?}"
            );
        }
    }
    texts
}

#[test]
fn error_chains_print_each_level_once() {
    let mut transport: SdkError<String> = SdkError::Transport(
        TransportError::new("cannot connect to vpc.cn-shanghia.invalid", true)
            .with_source(std::io::Error::from(std::io::ErrorKind::ConnectionRefused)),
    );
    transport.set_attempts(3);
    assert_eq!(transport.attempts(), 3);
    let texts = assert_each_level_once(&transport);
    assert_eq!(texts[0], "transport error [after 3 attempts]");
    assert_eq!(
        texts[1],
        "cannot connect to vpc.cn-shanghia.invalid (request not sent)"
    );
    assert_eq!(texts.len(), 3, "{texts:?}");

    let body = ErrorBody {
        code: "Throttling".into(),
        message: Some("slow down".into()),
        request_id: Some("R1".into()),
        host_id: None,
        recommend: None,
    };
    let service: SdkError<String> = SdkError::Service(Box::new(ServiceError::new(
        "Throttling".to_string(),
        body,
        400,
        String::new(),
    )));
    let texts = assert_each_level_once(&service);
    assert_eq!(
        texts,
        [
            "service error",
            "Throttling: slow down (HTTP 400, request id R1)"
        ]
    );

    let mut v = crate::validate::Violations::new();
    v.missing("RegionId");
    let validation: SdkError<String> = v.finish().unwrap_err().into();
    let texts = assert_each_level_once(&validation);
    assert!(texts[1].contains("RegionId"), "{texts:?}");
    assert_eq!(validation.attempts(), 0);

    let config: SdkError<String> = ConfigError::from(
        crate::credentials::CredentialsError::Missing("ALIBABA_CLOUD_ACCESS_KEY_ID"),
    )
    .into();
    let texts = assert_each_level_once(&config);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(
        texts[2].contains("ALIBABA_CLOUD_ACCESS_KEY_ID"),
        "{texts:?}"
    );

    for error in [
        SdkError::<String>::Timeout(TimeoutError::new(false).with_host("h:1")),
        SdkError::Response(ResponseError::new(502, "no code", "<html>")),
    ] {
        let texts = assert_each_level_once(&error);
        assert_eq!(texts.len(), 2, "{texts:?}");
    }
    assert_eq!(
        ErrorReport(&transport).to_string(),
        chain(&transport).join(": ")
    );
}
