use super::*;

// ---- Lengths -------------------------------------------------------------------------

#[test]
fn length_phrasings() {
    // nat/en-US/AddBandwidthPackageIps.md `ClientToken`
    assert_eq!(
        s("It must be 1 to 64 ASCII characters in length."),
        vec![len(Some(1), Some(64)), Rule::Ascii]
    );
    // nat/en-US/ModifySnatEntry.md `ClientToken`
    assert_eq!(
        s("It can contain up to 64 ASCII characters."),
        vec![len(None, Some(64)), Rule::Ascii]
    );
    // ga/en-US/CreateListener.md `ClientToken`
    assert_eq!(s("The token can contain only ASCII characters and cannot exceed 64 characters in length."), vec![len(None, Some(64)), Rule::Ascii]);
    // vpn/zh-CN/CreateIpsecServer.md `Psk`
    assert_eq!(s("长度限制为100个字符。"), vec![len(None, Some(100))]);
    // vpn/zh-CN/CreateVpnGateway.md `Name`
    assert!(
        s("长度为2~128个英文或中文字符，必须以大小写字母或中文开头。")
            .contains(&len(Some(2), Some(128)))
    );
    // nat/zh-CN/ModifyBandwidthPackageAttribute.md `Name`: `2-128` with a space
    assert!(
        s("NAT带宽包的名称。 长度为 2-128个字符，必须以字母或中文开头。")
            .contains(&len(Some(2), Some(128)))
    );
}

// ---- Ranges --------------------------------------------------------------------------

#[test]
fn range_phrasings() {
    let int = |d: &str| rules_of(d, Type::Integer, &[]);
    // nat/zh-CN/ModifyForwardEntry.md `ExternalPort` (typed String: still a range)
    assert_eq!(
        s("DNAT条目中进行端口转发的外部端口，取值范围：**1**~**65535**。"),
        vec![range(Some(1), Some(65535))]
    );
    // nat/en-US/DescribeForwardTableEntries.md `InternalPort`
    assert_eq!(s("The internal port that is mapped to the external port in the DNAT entry. Valid values: 1 to 65535."), vec![range(Some(1), Some(65535))]);
    // nat/zh-CN/CreateBandwidthPackage.md `Bandwidth`
    assert_eq!(
        int("NAT带宽包的带宽。\n\n取值范围：5-1000"),
        vec![range(Some(5), Some(1000))]
    );
    // ipv6gateway/en-US/AllocateIpv6InternetBandwidth.md: both bounds in one bold span
    assert_eq!(int("The amount of Internet bandwidth resources of the IPv6 address, in Mbit/s. Valid values: **1 to 5000**."), vec![range(Some(1), Some(5000))]);
    // pvtz/zh-CN/AddZoneRecord.md `Priority` and pvtz/zh-CN/UpdateZoneRecord.md (stray escapes)
    assert_eq!(
        int("MX记录的优先级，取值范围：**[1,99]**。"),
        vec![range(Some(1), Some(99))]
    );
    assert_eq!(
        int("MX记录的优先级，取值范围：**\\[1,10\\]**。"),
        vec![range(Some(1), Some(10))]
    );
    // pvtz/zh-CN/DescribeTags.md `PageSize`
    assert_eq!(
        int("分页数，默认为20。取值范围：`[1,200]`"),
        vec![default("20"), range(Some(1), Some(200))]
    );
    // nat/zh-CN/DescribeBandwidthPackages.md / eip/en-US/DescribeEipAddresses.md `PageSize`
    assert_eq!(
        int("分页查询时每页的行数，最大值为50，默认值为10。"),
        vec![default("10"), range(None, Some(50))]
    );
    assert_eq!(int("The number of entries to return on each page. Maximum value: **100**. Default value: **10**."), vec![range(None, Some(100)), default("10")]);
}

#[test]
fn range_exclusive_bounds() {
    // No corpus request row states one; the brief's wording (`大于0` / `greater than 0`).
    let gt0 = Rule::Range {
        min: Some(Number::Int(0)),
        max: None,
        min_exclusive: true,
        max_exclusive: false,
    };
    assert_eq!(
        rules_of("带宽值，必须大于0。", Type::Integer, &[]),
        vec![gt0.clone()]
    );
    assert_eq!(
        rules_of("The value must be greater than 0.", Type::Integer, &[]),
        vec![gt0]
    );
    let r = rules_of(
        "The value must be greater than or equal to 1 and less than 10.",
        Type::Integer,
        &[],
    );
    assert_eq!(
        r,
        vec![Rule::Range {
            min: Some(Number::Int(1)),
            max: Some(Number::Int(10)),
            min_exclusive: false,
            max_exclusive: true
        }]
    );
}

#[test]
fn conditional_ranges_are_united_over_one_sibling() {
    // eip/zh-CN/AllocateEipAddress.md `Period`
    let d = "购买时长。\n\n当**PricingCycle**取值**Month**时，**Period**取值范围为**1**~**9**。\n\n当**PricingCycle**取值**Year**时，**Period**取值范围为**1**~**5**。\n\n如果**InstanceChargeType**参数的值为**PrePaid**时，该参数必选，如果**InstanceChargeType**参数的值为**PostPaid**时，该参数不填。";
    let ex = extract(d, &Type::Integer, &["PricingCycle", "InstanceChargeType"]);
    let r: Vec<Rule> = ex.constraints.iter().map(|c| c.rule.clone()).collect();
    assert!(r.contains(&range(Some(1), Some(9))), "{r:?}");
    assert!(r.contains(&relation(
        RelationKind::RequiredWhen,
        "InstanceChargeType",
        Some("PrePaid")
    )));
    assert!(ex.not_understood.is_empty(), "{:?}", ex.not_understood);
    // A single branch proves nothing about the other cases: no plain range, only the range of
    // that one case (other values of PricingCycle leave Period unchecked).
    assert_eq!(
        rules_of(
            "当**PricingCycle**取值**Month**时，**Period**取值范围为**1**~**9**。",
            Type::Integer,
            &["PricingCycle"]
        ),
        vec![Rule::RangeWhen {
            other: "PricingCycle".into(),
            cases: vec![RangeCase {
                value: "Month".into(),
                min: Some(Number::Int(1)),
                max: Some(Number::Int(9)),
            }],
        }]
    );
}

// ---- Forbidden values and prefixes ---------------------------------------------------

#[test]
fn forbidden_ports_as_separate_bold_values() {
    // vpn/zh-CN/ModifySslVpnServer.md `Port`
    let r = rules_of("SSL-VPN服务端所使用的端口，默认值为**1194**。 不能用使用以下端口：\n\n**22**、**2222**、**22222**、**9000**、**9001**、**9002**、**7505**、**80**、**443**、**53**、**68**、**123**、**4510**、**4560**、**500**、**4500**。", Type::Integer, &[]);
    assert_eq!(
        r[1],
        Rule::Forbidden {
            values: PORTS.iter().map(|p| p.to_string()).collect()
        }
    );
}

#[test]
fn empty_string_is_not_empty_and_contain_is_anywhere() {
    // vpn/zh-CN/TagResources.md `Tag.N.Key`
    let r = s("资源的标签键。N的取值范围：1~20。一旦传入该值，则不允许为空字符串。最多支持64个字符，必须以字母或中文开头，可包含数字、英文句点（.）、下划线（_）和短划线（-），不能以`aliyun`和`acs:`开头，不能包含`http://`或者`https://`。");
    assert_eq!(r[0], items(Some(1), Some(20)));
    assert!(r.contains(&Rule::NotEmpty));
    assert!(r.contains(&len(None, Some(64))));
    assert!(r.contains(&no_prefix(&["aliyun", "acs:"])));
    // `不能包含` forbids the text anywhere, not only at the start.
    assert!(r.contains(&Rule::ForbiddenSubstrings {
        values: vec!["http://".into(), "https://".into()]
    }));
    assert!(!r.contains(&no_prefix(&["http://", "https://"])));
}

#[test]
fn prefix_forbidden_phrasings() {
    // nat/en-US/CreateNatGateway.md `Description`
    assert_eq!(s("The description must be 2 to 256 characters in length, and cannot start with `http://` or `https://`."), vec![len(Some(2), Some(256)), no_prefix(&["http://", "https://"])]);
    // ipv6gateway/zh-CN/CreateIpv6Gateway.md `Name`: plain prefixes, no backticks
    assert!(s("长度为2-128个字符，必须以字母或中文开头，可包含数字、点号(.)、下划线(_)和短橫线(-)。但不能以 http:// 或 https:// 开头。").contains(&no_prefix(&["http://", "https://"])));
    // nat/zh-CN/CreateNatGateway.md `Description`: `和` between the two
    assert!(
        s("描述长度为2~256个字符之间，不能以`http://`和`https://`开头。")
            .contains(&no_prefix(&["http://", "https://"]))
    );
}
