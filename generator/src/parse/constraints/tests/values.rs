use super::*;

// ---- Enums -------------------------------------------------------------------------

#[test]
fn enum_plain_bullets() {
    // nat/zh-CN/CreateBandwidthPackage.md `InternetChargeType`
    let r =
        s("网络计费类型，取值：\n\n-   PayByTraffic：按流量计费\n-   PayByBandwidth：按带宽计费");
    assert_eq!(values(&r), ["PayByTraffic", "PayByBandwidth"]);
    // ipv6gateway/zh-CN/CreateIpv6Gateway.md `Spec`: plain value with a default marker
    let r = s("IPv6网关的规格。取值：\n\n-   Small（默认值）：免费版\n-   Medium：企业版\n-   Large：企业增强版\n\n不同规格的IPv6网关的转发能力都不同，详情参见IPv6网关规格。");
    assert_eq!(values(&r), ["Small", "Medium", "Large"]);
    assert!(r.contains(&default("Small")));
}

#[test]
fn enum_bare_bold_bullets() {
    // vpn/zh-CN/DescribeVpnGateways.md `Status`
    let r = s("VPN网关的状态，取值：\n\n-   **init**\n-   **provisioning**\n-   **active**\n-   **updating**\n-   **deleting**");
    assert_eq!(
        values(&r),
        ["init", "provisioning", "active", "updating", "deleting"]
    );
    // ga/en-US/CreateEndpointGroup.md `EndpointRequestProtocol`: `(Default)` glued, then a note list
    let r = s("The protocol of the backend service. Valid values:\n\n-   **HTTP**(Default)\n-   **HTTPS**\n\n**Note:**\n\n-   You can set this parameter only when you create an endpoint group for an HTTP or HTTPS listener.\n-   An HTTP listener supports only HTTP as the backend service protocol.");
    assert_eq!(
        r,
        vec![
            Rule::Enum {
                values: vec![ev("HTTP", ""), ev("HTTPS", "")]
            },
            default("HTTP")
        ]
    );
}

fn ev(v: &str, d: &str) -> EnumValue {
    EnumValue {
        value: v.to_string(),
        description: d.to_string(),
    }
}

#[test]
fn enum_default_stated_in_the_item_text() {
    // nat/en-US/CreateNatGateway.md `Spec`
    let r = s("The size of the NAT gateway. Valid values:\n\n-   **Small**: a small-sized NAT gateway. This is the default value.\n-   **Middle**: a medium-sized NAT gateway.\n-   **Large**: a large-sized NAT gateway.");
    assert_eq!(values(&r), ["Small", "Middle", "Large"]);
    assert!(r.contains(&default("Small")));
}

#[test]
fn enum_without_intro_phrase() {
    // ga/zh-CN/CreateEndpointGroup.md `HealthCheckProtocol`
    assert_eq!(values(&s("健康检查的协议。\n\n-   **tcp**：TCP协议。\n-   **http**：HTTP协议。\n-   **https**：HTTPS协议。")), ["tcp", "http", "https"]);
}

#[test]
fn enum_one_paragraph_per_value() {
    // eip/zh-CN/DescribeEipAddresses.md `ChargeType`
    assert_eq!(
        values(&s(
            "弹性公网IP的计费方式，取值：\n\n**PostPaid**：按量计费。\n\n**PrePaid**：包年包月。"
        )),
        ["PostPaid", "PrePaid"]
    );
    // nat/en-US/AddBandwidthPackageIps.md `Action`: the value alone in the next paragraph
    assert_eq!(
        values(&s(
            "The name of this action. Value:\n\nAddBandwidthPackageIps"
        )),
        ["AddBandwidthPackageIps"]
    );
}

#[test]
fn enum_inline_separators() {
    // ga/zh-CN/CreateAcl.md `AddressIPVersion`
    assert_eq!(
        values(&s("地址协议版本。取值：**ipv4**或**ipv6**。")),
        ["ipv4", "ipv6"]
    );
    // vpn/zh-CN/CreateVpnGateway.md `SslConnections`
    assert_eq!(
        values(&s(
            "允许同时连接的最大客户端数量，取值：**5**、**10**或**20**。"
        )),
        ["5", "10", "20"]
    );
    // vpn/en-US/CreateVpnRouteEntry.md `Weight` (unescaped pipe) and the escaped one
    assert_eq!(
        values(&s(
            "The weight of the destination route. Valid values: **0**|**100**."
        )),
        ["0", "100"]
    );
    // vpn/zh-CN/DescribeVpnGateways.md `BusinessStatus`: the pipe inside one bold span
    assert_eq!(
        values(&s(
            "VPN网关的付费状态。\n\n取值： **Normal | FinancialLocked**"
        )),
        ["Normal", "FinancialLocked"]
    );
    // vpn/en-US/DescribeVpnGateways.md `BusinessStatus`: `and` inside one bold span
    assert_eq!(values(&s("The payment state of the VPN gateway.\n\nValid values: **Normal and FinancialLocked**.")), ["Normal", "FinancialLocked"]);
    // pvtz/zh-CN/DescribeTags.md `Lang`: plain values
    assert_eq!(
        values(&s("部分返回参数语言。取值范围：en、zh、ja")),
        ["en", "zh", "ja"]
    );
}

#[test]
fn enum_serial_comma_with_default_sentence() {
    // eip/en-US/DescribeEipMonitorData.md `Period`
    let r = rules_of("The duration of a monitoring data entry. Valid values: **60**, **300**, **900**, and **3600**. Unit: seconds. Default value: 60.", Type::Integer, &[]);
    assert_eq!(values(&r), ["60", "300", "900", "3600"]);
    assert!(r.contains(&default("60")));
    // eip/zh-CN/DescribeEipMonitorData.md `Period`: default marker inside the inline list
    let r = rules_of("每条监控数据的时间长度，取值：**60**（默认值） 、**300** 、 **900** 或 **3600**，单位为秒。", Type::Integer, &[]);
    assert_eq!(values(&r), ["60", "300", "900", "3600"]);
    assert!(r.contains(&default("60")));
}

#[test]
fn enum_only_supports_marked_values() {
    // pvtz/zh-CN/AddZoneRecord.md `Type`
    assert_eq!(values(&s("解析记录类型，目前仅支持**A**, **AAAA**,**CNAME**, **TXT**, **MX**, **PTR**, **SRV**。")), ["A", "AAAA", "CNAME", "TXT", "MX", "PTR", "SRV"]);
    // nat/zh-CN/ConvertBandwidthPackage.md `ClientToken`: `只支持ASCII字符` is no value list
    assert!(values(&s("**ClientToken**只支持ASCII字符，且不能超过64个字符。")).is_empty());
}

#[test]
fn enum_mixes_range_and_values() {
    // vpn/zh-CN/CreateVpnGateway.md `Period`
    let r = rules_of(
        "购买时长，取值：**1**~**9**、**12**、**24**、或**36**。单位：月。",
        Type::Integer,
        &[],
    );
    assert_eq!(
        values(&r),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "24", "36"]
    );
}

#[test]
fn enum_true_false_on_a_string_field_is_kept() {
    // ga/zh-CN/ConfigEndpointProbe.md `Enable` (typed String)
    let r = s("是否开启时延探测。取值：**true**或**false**（默认值）。");
    assert_eq!(values(&r), ["true", "false"]);
    assert!(r.contains(&default("false")));
    // ga/zh-CN/UpdateEndpointGroups.md (typed Boolean): only the default remains
    let r = rules_of(
        "是否使用TOA方式保留客户端源IP。取值范围：**true**或**false**（默认值）。",
        Type::Boolean,
        &[],
    );
    assert_eq!(r, vec![default("false")]);
}

#[test]
fn enum_value_list_written_as_conditions() {
    // ga/en-US/CreateListener.md `ClientAffinity`
    let r = s("Specifies whether to enable client affinity.\n\n-   By default, this parameter is left empty. In this case, client affinity is disabled, which indicates that requests from the same client are not always forwarded to the same endpoint.\n-   If you set the value to **SOURCE_IP**, client affinity is enabled.");
    assert_eq!(values(&r), ["SOURCE_IP"]);
}

#[test]
fn enum_widened_by_documented_exceptions() {
    // eip/zh-CN/DescribeEipAddresses.md `ISP`
    let d = "线路类型，取值：\n\n-   **BGP**：BGP（多线）线路。\n-   **BGP_PRO**：BGP（多线）精品线路。\n\n**说明：** 如果是开通了单线带宽白名单的用户，ISP字段可以设置为**ChinaTelecom**（中国电信）、**ChinaUnicom**（中国联通）和**ChinaMobile**（中国移动）；如果是杭州金融云用户，该字段必填，取值：**BGP_FinanceCloud**。";
    let ex = extract(d, &Type::String, &[]);
    let r: Vec<Rule> = ex.constraints.into_iter().map(|c| c.rule).collect();
    assert_eq!(
        values(&r),
        [
            "BGP",
            "BGP_PRO",
            "ChinaTelecom",
            "ChinaUnicom",
            "ChinaMobile",
            "BGP_FinanceCloud"
        ]
    );
    assert!(ex.not_understood.is_empty(), "{:?}", ex.not_understood);
}

// ---- What is not an enum -------------------------------------------------------------

#[test]
fn note_values_never_make_an_enum() {
    // nat/zh-CN/DescribeNatGateways.md `InstanceChargeType`: the note restricts a subset
    let d = "NAT网关实例的付费模式，取值：\n\n-   **PostPaid**：按量付费。\n-   **PrePaid**：包年包月。\n\n**说明：** 国际站仅支持**PostPaid**（按量付费）。";
    let ex = extract(d, &Type::String, &[]);
    assert_eq!(
        values(
            &ex.constraints
                .iter()
                .map(|c| c.rule.clone())
                .collect::<Vec<_>>()
        ),
        ["PostPaid", "PrePaid"]
    );
    assert_eq!(ex.constraints.len(), 1);
    assert!(ex.not_understood.is_empty());
    // A note alone gives no enum.
    assert!(s("**说明：** 国际站仅支持**PostPaid**（按量付费）。").is_empty());
}

#[test]
fn conditional_bullets_are_no_enum() {
    // nat/en-US/CreateForwardEntry.md `ExternalIp`
    let d = "The public IP address used by the ECS instance to be accessed over the Internet. The public IP address must meet the following requirements:\n\n-   If you have purchased a NAT bandwidth plan before November 3, 2017, the **ExternalIp** parameter must be set to a public IP address that is associated with the NAT bandwidth plan.\n-   If you have not purchased a NAT bandwidth plan before November 3, 2017, the **ExternalIp** parameter must be set to an elastic IP address (EIP) that is associated with the NAT gateway.";
    let ex = extract(d, &Type::String, &[]);
    assert_eq!(
        ex.constraints
            .iter()
            .map(|c| c.rule.clone())
            .collect::<Vec<_>>(),
        vec![format("ip", None)]
    );
    assert_eq!(ex.not_understood.len(), 3);
    // ipv6gateway/en-US/ModifyIpv6InternetBandwidth.md `Bandwidth`: `**Small** (default)` sits
    // in a (flattened) conditional list and is no enum value or default.
    let d = "The amount of Internet bandwidth resources of the IPv6 address, in Mbit/s. Valid values: **1** to **5000**.\n\n-   If **InternetChargeType** is set to **PayByBandwidth**, the Internet bandwidth of the IPv6 address is from **1** to **5,000** Mbit/s.\n-   If **InternetChargeType** is set to **PayByTraffic**, the amount of Internet bandwidth resources of the IPv6 address is limited by the specification of the IPv6 gateway.\n-   **Small** (default) specifies the Free edition and the Internet bandwidth is from **1** to **500** Mbit/s.\n-   **Medium** specifies the Medium edition and the Internet bandwidth is from **1** to **1,000** Mbit/s.";
    let ex = extract(d, &Type::Long, &["InternetChargeType"]);
    assert_eq!(
        ex.constraints
            .iter()
            .map(|c| c.rule.clone())
            .collect::<Vec<_>>(),
        vec![range(Some(1), Some(5000))]
    );
    assert!(
        ex.not_understood.is_empty(),
        "branch ranges are consistent: {:?}",
        ex.not_understood
    );
}

#[test]
fn json_member_bullets_are_no_enum() {
    // vpn/en-US/CreateVpnConnection.md `IkeConfig` (dotted member names)
    let d = "The configurations of phase one negotiation:\n\n-   **IkeConfig.Psk**: Used for authentication between the IPsec VPN Gateway and the customer gateway. This parameter is generated randomly by default and can contain up to 100 characters. You can also manually specify the key.\n-   **IkeConfig.IkeVersion**: The version of the IKE protocol. Valid values: **Ikev1**|**Ikev2**. Default value: **Ikev1**.\n-   **IkeConfig. IkeEncAlg**: The encryption algorithm of phase one negotiation. Valid values: **aes**|**aes192**|**aes256**|**des**|**3des**. Default value: **aes**.\n-   **IkeConfig.IkeLifetime**: The SA lifecycle resulting from phase one negotiation. Value range: **0-86400**. Default value: **86400**. Unit: seconds.";
    let ex = extract(d, &Type::String, &[]);
    assert!(ex.constraints.is_empty(), "{:?}", ex.constraints);
    assert!(ex.not_understood.is_empty());
    // vpn/zh-CN/CreateVpnConnection.md `HealthCheckConfig` (undotted members with their own rules)
    let d = "健康检查配置信息：\n\n-   **enable**：是否开启健康检查，取值：**true**或**false**，默认值：**false**。\n-   **dip**：健康检查的目的IP地址。\n-   **sip**：健康检查的源IP地址。\n-   **interval**：健康检查的重试间隔时间。单位是秒。\n-   **retry**：健康检查的重试发包次数。";
    assert!(s(d).is_empty());
}

// ---- Defaults ------------------------------------------------------------------------

#[test]
fn default_phrasings() {
    // pvtz/zh-CN/DescribeChangeLogs.md `PageSize`
    assert_eq!(
        rules_of(
            "分页查询时设置的每页行数，最大值**100**，默认为**20**。",
            Type::Integer,
            &[]
        ),
        vec![default("20"), range(None, Some(100))]
    );
    // nat/en-US/CreateNatGateway.md `InstanceChargeType`
    let r = s("The billing method of the NAT gateway. Set the value to **PostPaid** (pay-as-you-go). The default value is **PostPaid**. For more information, see Pay-as-you-go.");
    assert_eq!(
        r,
        vec![
            Rule::Enum {
                values: vec![ev("PostPaid", "")]
            },
            default("PostPaid")
        ]
    );
    // nat/en-US/ListNatGatewayEcsMetric.md `OrderKey`: plain literal
    assert_eq!(s("The field by which traffic monitoring data is sorted. Default value: ActiveSessionNum."), vec![default("ActiveSessionNum")]);
    // pvtz/zh-CN/UntagResources.md `All`: `默认是 false` before a true/false list
    assert_eq!(rules_of("是否全部删除，只针对TagKey.N为空时有效。默认是 false，取值范围：\n\n-   true\n-   false", Type::Boolean, &[]), vec![default("false")]);
    // ga/zh-CN/ListAcls.md `MaxResults`: a default under an "if empty" clause is a default
    let r = rules_of("本次读取的最大数据记录数量，此参数为可选参数，取值**1**~**100**，参数传入为空时，默认为**20**。", Type::Integer, &[]);
    assert_eq!(r, vec![range(Some(1), Some(100)), default("20")]);
}

#[test]
fn default_behaviour_is_no_literal() {
    // vpn/zh-CN/CreateVpnGateway.md `Name`
    assert!(!s("VPN网关的名称，默认值为VPN网关的ID。")
        .iter()
        .any(|r| matches!(r, Rule::Default { .. })));
    // vpn/en-US/CreateVpnConnection.md (IkeConfig.LocalIdIPsec wording)
    assert!(
        !s("Default value: the public IP address of the VPN Gateway.")
            .iter()
            .any(|r| matches!(r, Rule::Default { .. }))
    );
}
