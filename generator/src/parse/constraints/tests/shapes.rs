use super::*;

// ---- Character classes -------------------------------------------------------------

#[test]
fn chars_path_with_first_slash_and_wildcards() {
    // ga/zh-CN/CreateForwardingRules.md `Values` (path)
    let r = s("路径长度为1~128个字符，必须以正斜线（/）开头，只允许包含字母、数字、美元符号（$）、短划线（-）、下划线（_）、半角句号（.）、加号（+）、正斜线（/）、and（&）、波浪线（~）、at（@）、半角冒号（:）、撇号（'），支持使用星号（*）和半角问号（?）作为通配符。");
    let allowed = vec![
        Char('/'),
        Letter,
        Digit,
        Char('$'),
        Char('-'),
        Char('_'),
        Char('.'),
        Char('+'),
        Char('&'),
        Char('~'),
        Char('@'),
        Char(':'),
        Char('\''),
        Char('*'),
        Char('?'),
    ];
    assert!(
        r.contains(&Rule::Chars {
            first: vec![Char('/')],
            allowed
        }),
        "{r:?}"
    );
    // ga/en-US/CreateForwardingRules.md (domain name): no first-char rule
    let r = s("The domain name must be 3 to 128 characters in length and can contain letters, digits, hyphens (-), and periods (.).Supported wildcard characters are asterisks (*) and question marks (?).");
    assert!(
        r.contains(&Rule::Chars {
            first: vec![],
            allowed: vec![Letter, Digit, Char('-'), Char('.'), Char('*'), Char('?')]
        }),
        "{r:?}"
    );
}

#[test]
fn chars_first_only_and_cjk_addition() {
    // nat/zh-CN/CreateSnatEntry.md `SnatEntryName`: first-char rule, anything after
    let r = s("长度为2~128个字符，必须以大小写字母或中文开头，但不能以`http://`或`https://`开头。");
    assert!(r.contains(&Rule::Chars {
        first: vec![Letter, Cjk],
        allowed: vec![]
    }));
    // ga/zh-CN/CreateAcl.md `AclEntries.N.EntryDescription`: `支持中文字符`
    let r = s("访问控制条目备注描述，长度限制为1~256个字符，允许包含字母、数字、短划线（-）、正斜线（/）、半角句号（.）和下划线（_），支持中文字符。");
    assert!(
        r.contains(&Rule::Chars {
            first: vec![],
            allowed: vec![
                Letter,
                Digit,
                Char('-'),
                Char('/'),
                Char('.'),
                Char('_'),
                Cjk
            ]
        }),
        "{r:?}"
    );
    // vpn/zh-CN/CreateIpsecServer.md `IpSecServerName`: `以…开始`
    assert!(s(
        "名称长度为2~128个字符，以英文字母或中文开始，可包含数字、短划线（-）和下划线（_）。"
    )
    .contains(&Rule::Chars {
        first: vec![Letter, Cjk],
        allowed: vec![Letter, Cjk, Digit, Char('-'), Char('_')]
    }));
}

// ---- Formats -------------------------------------------------------------------------

#[test]
fn format_time_layouts() {
    // eip/zh-CN/DescribeEipMonitorData.md `EndTime`
    let r = s("获取数据的结束时间。使用UTC时间。按照ISO8601标准，格式为`YYYY-MM-DDThh:mm:ssZ`。例如，北京时间2013年01月10日20点00分00秒，表示为`2013-01-10T12:00:00Z`。");
    assert_eq!(r, vec![format("datetime", Some("YYYY-MM-DDThh:mm:ssZ"))]);
    // eip/en-US/DescribeEipMonitorData.md `StartTime`
    let r = s("The beginning of the time range to query. The time must be in UTC. Specify the time in the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2013-01-10T12:00:00Z, which specifies 20:00:00 on January 10, 2013 (UTC+8).");
    assert_eq!(r, vec![format("datetime", Some("yyyy-MM-ddTHH:mm:ssZ"))]);
    assert_eq!(
        s("日期，格式为YYYY-MM-DD。"),
        vec![format("date", Some("YYYY-MM-DD"))]
    );
}

#[test]
fn format_ip_addresses_from_the_head_noun() {
    // vpn/zh-CN/CreateCustomerGateway.md `IpAddress`, ipv6gateway/*/DescribeIpv6Addresses.md
    assert_eq!(s("用户网关的IP地址。"), vec![format("ip", None)]);
    assert_eq!(s("要查询的IPv6地址。"), vec![format("ipv6", None)]);
    assert_eq!(
        s("The IPv6 address that you want to query."),
        vec![format("ipv6", None)]
    );
    // eip/en-US/ListIpGeolocations.md `Ipv4Prefix`
    assert_eq!(
        s("The IPv4 CIDR block that you want to query.\n\nExample: `203.0.XX.XX/24`."),
        vec![format("cidr", None)]
    );
    // Not the value itself: ga/en-US/CreateEndpointGroup.md, ipv6gateway/zh-CN/AllocateIpv6InternetBandwidth.md
    assert!(s("The IP address or domain name of the endpoint.").is_empty());
    assert!(s("IPv6地址的实例ID。").is_empty());
    // nat/en-US/CreateSnatEntry.md `SourceCIDR`: a CIDR block or an IP address
    assert!(s("The CIDR block of the vSwitch or the IP address of the ECS instance.").is_empty());
    // Only strings get a head-noun format.
    assert!(rules_of("用户网关的IP地址。", Type::Integer, &[]).is_empty());
}

#[test]
fn format_json() {
    // No corpus request row; the brief's wording.
    assert_eq!(s("规则配置，JSON格式。"), vec![format("json", None)]);
    assert_eq!(
        s("The rule configuration, as a JSON string."),
        vec![format("json", None)]
    );
}

// ---- Items and multi-value strings ---------------------------------------------------

#[test]
fn items_phrasings() {
    let rl = Type::Other("RepeatList".to_string());
    // vpn/zh-CN/TagResources.md `ResourceId.N`
    assert_eq!(
        rules_of("资源ID，N的取值范围为**1**~**20**。", rl.clone(), &[]),
        vec![items(Some(1), Some(20))]
    );
    // vpn/en-US/ListTagResources.md `ResourceId.N`
    assert_eq!(
        rules_of(
            "The ID of resource N. Valid values of N: **1** to **20**.",
            rl.clone(),
            &[]
        ),
        vec![items(Some(1), Some(20))]
    );
    // nat/en-US/RemoveBandwidthPackageIps.md, nat/zh-CN/RemoveBandwidthPackageIps.md
    assert_eq!(
        rules_of(
            "The ID of the public IP address to be deleted. Value range of n: 1 to 20.",
            rl.clone(),
            &[]
        ),
        vec![items(Some(1), Some(20))]
    );
    assert_eq!(
        rules_of(
            "待删除的公网IP的ID。n必须从1开始，最大为20。",
            rl.clone(),
            &[]
        ),
        vec![items(Some(1), Some(20))]
    );
    // pvtz/zh-CN/TagResources.md `ResourceId.N`
    assert_eq!(
        rules_of(
            "资源ID，即ZoneId。可传入内容数量的取值范围为 `[1, 50]`",
            rl,
            &[]
        ),
        vec![items(Some(1), Some(50))]
    );
    // ga/zh-CN/AssociateAclsWithListener.md `AclIds.N`
    assert_eq!(
        s("ACL实例ID，最多支持关联3个ACL实例ID。"),
        vec![items(None, Some(3))]
    );
}

#[test]
fn multi_value_with_max_count() {
    // ipv6gateway/en-US/DescribeIpv6Addresses.md `Ipv6AddressId`
    let r = s("The ID of the IPv6 address. You can specify up to 20 IDs in each call. Separate multiple IDs with commas (,).");
    assert_eq!(
        r,
        vec![Rule::MultiValue {
            separator: ",".to_string(),
            max: Some(20)
        }]
    );
    // eip/zh-CN/DescribeEipAddresses.md `EipAddress`
    let r =
        s("要查询的EIP的IP地址。\n\n最多支持输入50个EIP的IP地址，IP地址之间用半角逗号（,）分隔。");
    assert_eq!(
        r,
        vec![
            format("ip", None),
            Rule::MultiValue {
                separator: ",".to_string(),
                max: Some(50)
            }
        ]
    );
    // vpn/zh-CN/CreateVpnConnection.md `LocalSubnet`
    let r = s("本端网段。\n\n需要和本地IDC互连的VPC侧的网段，用于第二阶段协商。\n\n多个网段之间用半角逗号（,）分隔，例如：192.168.1.0/24,192.168.2.0/24。");
    assert_eq!(
        r,
        vec![
            format("cidr", None),
            Rule::MultiValue {
                separator: ",".to_string(),
                max: None
            }
        ]
    );
}
