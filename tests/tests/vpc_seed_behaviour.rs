//! The public surface of the generated `aliyun-vpc` crate, as downstream crates use it.

use aliyun_vpc::create_ssl_vpn_server::{Cipher, Proto};
use aliyun_vpc::{
    CreateSslVpnServerError, CreateSslVpnServerRequest, CreateSslVpnServerRequestBuilder,
    CreateSslVpnServerResponse,
};

fn valid() -> CreateSslVpnServerRequestBuilder {
    CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-bp1hgim8by0kc9nga****")
        .client_ip_pool("192.168.1.0/24")
        .local_subnet("10.0.0.0/8")
}

fn violations(builder: CreateSslVpnServerRequestBuilder) -> Vec<String> {
    match builder.build() {
        Ok(_) => Vec::new(),
        Err(e) => e.violations.iter().map(|v| v.field.clone()).collect(),
    }
}

#[test]
fn required_parameters_are_all_reported_by_wire_name() {
    let err = CreateSslVpnServerRequest::builder().build().unwrap_err();
    let text = err.to_string();
    for name in ["RegionId", "VpnGatewayId", "ClientIpPool", "LocalSubnet"] {
        assert!(err.mentions(name), "{name} missing from {text}");
    }
    let _: &dyn std::error::Error = &err;
}

#[test]
fn port_rejects_the_forbidden_ports_and_accepts_the_default() {
    assert!(violations(valid().port(1194)).is_empty());
    for port in [
        22, 2222, 22222, 9000, 9001, 9002, 7505, 80, 443, 53, 68, 123, 4510, 4560, 500, 4500,
    ] {
        assert_eq!(violations(valid().port(port)), ["Port"], "port {port}");
    }
    let err = valid().port(22).build().unwrap_err();
    assert!(err.to_string().contains("Port"), "{err}");
}

#[test]
fn name_rules() {
    assert!(violations(valid().name("sslvpnname")).is_empty());
    assert!(violations(valid().name("中文名.a_b-c1")).is_empty());
    for bad in ["1abc", "a", "http://x", "https://example", "bad name!"] {
        assert!(
            violations(valid().name(bad)).contains(&"Name".to_string()),
            "{bad} accepted"
        );
    }
    assert!(violations(valid().name("a".repeat(128))).is_empty());
    assert_eq!(violations(valid().name("a".repeat(129))), ["Name"]);
}

#[test]
fn client_token_is_at_most_64_ascii_characters() {
    assert!(violations(valid().client_token("x".repeat(64))).is_empty());
    assert_eq!(
        violations(valid().client_token("x".repeat(65))),
        ["ClientToken"]
    );
    assert_eq!(violations(valid().client_token("令牌")), ["ClientToken"]);
}

#[test]
fn client_ip_pool_and_local_subnet_are_non_overlapping_cidr_blocks() {
    let overlapping = valid()
        .client_ip_pool("10.1.0.0/16")
        .local_subnet("10.0.0.0/8");
    assert_eq!(violations(overlapping), ["ClientIpPool"]);
    assert_eq!(
        violations(valid().client_ip_pool("not-a-cidr")),
        ["ClientIpPool"]
    );
    assert_eq!(
        violations(valid().local_subnet("10.0.0.0/33")),
        ["LocalSubnet"]
    );
}

#[test]
fn every_violation_is_collected() {
    let err = valid()
        .port(22)
        .name("1abc")
        .client_token("x".repeat(65))
        .build()
        .unwrap_err();
    for name in ["Port", "Name", "ClientToken"] {
        assert!(err.mentions(name), "{name} not reported: {err}");
    }
}

#[test]
fn validate_checks_an_existing_value() {
    let request = valid().port(1194).build().unwrap();
    assert!(request.validate().is_ok());
    let mut changed = request.clone();
    changed.port = Some(22);
    assert!(changed.validate().unwrap_err().mentions("Port"));
}

#[test]
fn enums_and_defaults() {
    assert_eq!(Proto::Tcp.as_str(), "TCP");
    assert_eq!(Proto::Udp.as_str(), "UDP");
    assert_eq!(Proto::default(), Proto::Udp);
    assert_eq!(Cipher::default(), Cipher::Aes128Cbc);
    let all: Vec<&str> = Cipher::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(all, ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "none"]);
    assert_eq!("none".parse::<Cipher>().unwrap(), Cipher::None);
    // Wire values are case-sensitive: "NONE" is not the listed "none", so it is
    // kept as an unlisted value and sent exactly as written (issue 19).
    let upper: Cipher = "NONE".parse().unwrap();
    assert!(!upper.is_documented());
    assert_eq!(upper.as_str(), "NONE");
}

#[test]
fn to_query_is_sorted_with_action_and_wire_values() {
    let request = valid()
        .proto(Proto::Tcp)
        .cipher(Cipher::None)
        .compress(true)
        .enable_multi_factor_auth(false)
        .port(1195)
        .idaas_instance_id("idaas-1")
        .build()
        .unwrap();
    let q = request.to_query();
    let expected: Vec<(String, String)> = [
        ("Action", "CreateSslVpnServer"),
        ("Cipher", "none"),
        ("ClientIpPool", "192.168.1.0/24"),
        ("Compress", "true"),
        ("EnableMultiFactorAuth", "false"),
        ("IDaaSInstanceId", "idaas-1"),
        ("LocalSubnet", "10.0.0.0/8"),
        ("Port", "1195"),
        ("Proto", "TCP"),
        ("RegionId", "cn-shanghai"),
        ("VpnGatewayId", "vpn-bp1hgim8by0kc9nga****"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(q, expected);
}

#[test]
fn response_reads_json_and_xml_and_ignores_unknown_fields() {
    let json = r#"{"RequestId":"R","SslVpnServerId":"vss-1","Name":"n","Extra":{"x":1}}"#;
    let r: CreateSslVpnServerResponse = serde_json::from_str(json).unwrap();
    assert_eq!(r.request_id.as_deref(), Some("R"));
    assert_eq!(r.ssl_vpn_server_id.as_deref(), Some("vss-1"));
    assert_eq!(r.name.as_deref(), Some("n"));
    let xml = "<CreateSslVpnServerResponse><RequestId>R</RequestId><Other>1</Other></CreateSslVpnServerResponse>";
    let r: CreateSslVpnServerResponse = quick_xml::de::from_str(xml).unwrap();
    assert_eq!(r.request_id.as_deref(), Some("R"));
    assert_eq!(r.name, None);
}

#[test]
fn errors_by_code() {
    let e = CreateSslVpnServerError::from_code("Forbbiden.SubUser", "denied");
    assert!(matches!(
        e,
        CreateSslVpnServerError::ForbbidenSubUser { .. }
    ));
    assert_eq!(e.code(), "Forbbiden.SubUser");
    assert_eq!(e.http_status(), Some(403));
    assert_eq!(e.to_string(), "Forbbiden.SubUser: denied");
    let cases = [
        ("Forbidden", 403),
        ("Resource.QuotaFull", 400),
        ("InvalidName", 400),
        ("InvalidVpnGatewayInstanceId.NotFound", 404),
        ("VpnGateway.Configuring", 400),
        ("VpnGateway.FinancialLocked", 400),
        ("QuotaExceeded.VpnRouteEntry", 400),
    ];
    for (code, status) in cases {
        let e = CreateSslVpnServerError::from_code(code, "m");
        assert_eq!((e.code(), e.http_status()), (code, Some(status)));
        assert!(!matches!(
            e,
            CreateSslVpnServerError::Other { .. } | CreateSslVpnServerError::Common { .. }
        ));
    }
    assert!(matches!(
        CreateSslVpnServerError::from_code("ResourceQuotaFull", "m"),
        CreateSslVpnServerError::Other { .. }
    ));
    let throttled = CreateSslVpnServerError::from_code("Throttling", "slow down");
    assert!(matches!(throttled, CreateSslVpnServerError::Common { .. }));
    assert_eq!(throttled.code(), "Throttling");
    let other = CreateSslVpnServerError::from_code("Brand.New", "m");
    assert_eq!(
        (other.code(), other.message(), other.http_status()),
        ("Brand.New", "m", None)
    );
    let _: &dyn std::error::Error = &other;
}

#[test]
fn a_response_field_of_another_shape_degrades_alone() {
    use aliyun_runtime::http::parse_response;
    use aliyun_runtime::SdkError;
    // `Name` is documented as a string; this answer sends an element with children (quick_xml
    // alone stops here with `MixedContent`), an attribute, an unknown element and another root.
    let xml = r#"<?xml version="1.0"?><Response a="1"><RequestId>R</RequestId>
        <Name><First>a</First><Last>b</Last></Name><New><X/></New>
        <SslVpnServerId lang="en">vss-1</SslVpnServerId></Response>"#;
    let r =
        parse_response::<CreateSslVpnServerRequest>(200, Some("text/xml"), xml.as_bytes()).unwrap();
    assert_eq!(r.request_id.as_deref(), Some("R"));
    assert_eq!(r.ssl_vpn_server_id.as_deref(), Some("vss-1"));
    // The raw value is kept where the doc promised text.
    assert_eq!(r.name.as_deref(), Some(r#"{"First":"a","Last":"b"}"#));
    // JSON: a list where a string was documented, a number for a string, a wrapped root, and a
    // content type that says XML (the body decides).
    let json =
        r#"{"CreateSslVpnServerResponse":{"RequestId":["R"],"Name":7,"SslVpnServerId":null}}"#;
    let r = parse_response::<CreateSslVpnServerRequest>(200, Some("text/xml"), json.as_bytes())
        .unwrap();
    assert_eq!(
        (
            r.request_id.as_deref(),
            r.name.as_deref(),
            r.ssl_vpn_server_id
        ),
        (Some("R"), Some("7"), None)
    );
    // Only a body that is neither JSON nor XML is an error, with the body kept.
    for bad in ["", "<html", "Service Unavailable", "{\"RequestId\""] {
        match parse_response::<CreateSslVpnServerRequest>(200, None, bad.as_bytes()) {
            Err(SdkError::Response(e)) => assert_eq!(e.raw_body, bad),
            other => panic!("{bad}: {other:?}"),
        }
    }
}
