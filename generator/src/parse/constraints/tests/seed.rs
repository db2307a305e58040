use super::*;

// ---- The seed: /work/shared/seed/CreateSslVpnServer.md (zh-CN) -------------------------

#[test]
fn seed_action_is_a_single_value_enum() {
    assert_eq!(
        values(&s("要执行的操作，取值：**CreateSslVpnServer**。")),
        ["CreateSslVpnServer"]
    );
}

#[test]
fn seed_proto_enum_with_default_and_descriptions() {
    let ex = extract("SSL-VPN服务端所使用的协议，取值：\n\n-   **TCP**：TCP协议。\n-   **UDP**（默认值）：UDP协议。", &Type::String, &[]);
    let rules: Vec<Rule> = ex.constraints.iter().map(|c| c.rule.clone()).collect();
    assert_eq!(values(&rules), ["TCP", "UDP"]);
    assert!(rules.contains(&default("UDP")));
    let Rule::Enum { values } = &rules[0] else {
        panic!("enum first: {rules:?}")
    };
    assert_eq!(values[0].description, "TCP协议。");
    assert_eq!(values[1].description, "UDP协议。");
    assert_eq!(ex.constraints[0].source, "SSL-VPN服务端所使用的协议，取值：\n-   **TCP**：TCP协议。\n-   **UDP**（默认值）：UDP协议。");
    assert_eq!((ex.understood, ex.not_understood.len()), (1, 0));
}

#[test]
fn seed_cipher_enum_with_default() {
    let r = s("SSL-VPN使用的加密算法，取值：\n\n-   **AES-128-CBC**（默认值）：AES-128-CBC算法。\n-   **AES-192-CBC**：AES-192-CBC算法。\n-   **AES-256-CBC**：AES-256-CBC算法。\n-   **none**：不使用加密算法。");
    assert_eq!(
        values(&r),
        ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "none"]
    );
    assert!(r.contains(&default("AES-128-CBC")));
    assert_eq!(r.len(), 2);
}

#[test]
fn seed_port_default_and_forbidden_ports() {
    let r = rules_of(
        "SSL-VPN服务端所使用的端口，默认值为**1194**。 不能用使用以下端口：\n\n**22、2222、22222、9000、9001、9002、7505、80、443、53、68、123、4510、4560、500、4500**。",
        Type::Integer,
        &[],
    );
    assert_eq!(
        r,
        vec![
            default("1194"),
            Rule::Forbidden {
                values: PORTS.iter().map(|p| p.to_string()).collect()
            }
        ]
    );
}

#[test]
fn seed_booleans_get_a_default_but_no_enum() {
    let compress = "指定是否对通信进行压缩， 取值：\n\n-   **true**：对通信进行压缩。\n-   **false**（默认值）：对通信不进行压缩。";
    assert_eq!(
        rules_of(compress, Type::Boolean, &[]),
        vec![default("false")]
    );
    let mfa = "是否开启双因子认证。取值：\n\n-   **true**：开启。\n-   **false**（默认值）：不开启。\n\n**说明：** 如果您要使用双因子认证功能，请确保您的VPN网关是在2020年03月05日00时00分之后创建的，否则您的VPN网关将不支持双因子认证功能。";
    let ex = extract(mfa, &Type::Boolean, &[]);
    assert_eq!(
        ex.constraints
            .iter()
            .map(|c| c.rule.clone())
            .collect::<Vec<_>>(),
        vec![default("false")]
    );
    assert_eq!(
        ex.not_understood.len(),
        1,
        "the 2020 note is a rule we cannot express"
    );
}

#[test]
fn seed_name_length_chars_and_prefixes() {
    let r = s("SSL-VPN服务端的名称。\n\n长度为2~128个字符，必须以英文字母或中文开头，可包含数字、半角句号（.）、下划线（_）和短划线（-），但不能以`http://` 或`https://`开头。");
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(r.contains(&len(Some(2), Some(128))));
    assert!(r.contains(&no_prefix(&["http://", "https://"])));
    let chars = Rule::Chars {
        first: vec![Letter, Cjk],
        allowed: vec![Letter, Cjk, Digit, Char('.'), Char('_'), Char('-')],
    };
    assert!(r.contains(&chars), "{r:?}");
}

#[test]
fn seed_client_token_length_and_ascii() {
    let r = s("客户端Token，用于保证请求的幂等性。\n\n由客户端生成该参数值，要保证在不同请求间唯一，最大不值过64个ASCII字符。");
    // The idempotence sentence comes first, so `unique` is read from it.
    assert_eq!(r, vec![Rule::Unique, len(None, Some(64)), Rule::Ascii]);
}

#[test]
fn formats_named_by_the_head_noun() {
    // ga/zh-CN/RemoveEntriesFromAcl.md `AclEntries.N.Entry`
    assert_eq!(
        s("访问控制条目IP地址段。"),
        vec![Rule::Format {
            name: "cidr".into(),
            pattern: None
        }]
    );
    // nat/en-US/DescribeForwardTableEntries.md `ExternalIp`: the first qualifier ends the noun.
    let r = s("The public IP address used in the DNAT entry. The public IP address is used by the Elastic Compute Service (ECS) instance to receive requests from the Internet.");
    assert_eq!(
        r,
        vec![Rule::Format {
            name: "ip".into(),
            pattern: None
        }]
    );
}

#[test]
fn value_lists_of_several_positions_are_united() {
    // eip/en-US/DescribeEipAddresses.md `Filter.1.Key` and `Filter.2.Key`, merged into one member.
    let r = s("The filter key used to query resources. Set the value to **CreationStartTime** (the start time when resources are created).\n\nFilter.2.Key: The filter key used to query resources. Set the value to **CreationEndTime** (the end time when resources are created).");
    let values: Vec<String> = r
        .iter()
        .find_map(|rule| match rule {
            Rule::Enum { values } => Some(values.iter().map(|v| v.value.clone()).collect()),
            _ => None,
        })
        .expect("an enum");
    assert_eq!(values, ["CreationStartTime", "CreationEndTime"]);
}

#[test]
fn uniqueness_across_requests_marks_a_token() {
    // eip/en-US/AllocateEipAddress.md, ga/en-US/CreateAcl.md
    let r = s("You can use the client to generate the value, but you must ensure that it is unique among different requests.");
    assert_eq!(r, vec![Rule::Unique]);
    let r = s("This parameter value is generated by the client and must be unique.");
    assert_eq!(r, vec![Rule::Unique]);
    // Uniqueness of a name within an account is not a token.
    assert!(s("The name must be unique within the VPC.").is_empty());
}

#[test]
fn at_least_one_of_two_parameters() {
    // vpn/en-US/ModifyVpnGatewayAttribute.md-style wording, zh twin of the same rule.
    let r = rules_of(
        "You must specify at least one of the following parameters: **Name** and **Description**.",
        Type::String,
        &["Description"],
    );
    assert_eq!(
        r,
        vec![Rule::relation(
            RelationKind::AtLeastOneOf,
            "Description",
            None
        )]
    );
    let r = rules_of(
        "**Name**和**Description**参数必须至少传一个。",
        Type::String,
        &["Name"],
    );
    assert_eq!(
        r,
        vec![Rule::relation(RelationKind::AtLeastOneOf, "Name", None)]
    );
}

#[test]
fn seed_client_ip_pool_cidr_and_no_overlap() {
    let desc = "客户端网段。\n\n是给客户端虚拟网卡分配访问地址的的地址段，不是指客户端已有的内网网段。\n\n当客户端通过SSL-VPN连接访问本端时，VPN网关会从指定的客户端网段中分配一个IP地址给客户端使用。\n\n**说明：** 该网段不能与**LocalSubnet**地址段冲突。";
    let r = rules_of(
        desc,
        Type::String,
        &["Action", "LocalSubnet", "RegionId", "VpnGatewayId"],
    );
    assert_eq!(
        r,
        vec![
            format("cidr", None),
            relation(RelationKind::NoOverlap, "LocalSubnet", None)
        ]
    );
    // Without the sibling there is no relation to report.
    assert_eq!(s(desc), vec![format("cidr", None)]);
}

#[test]
fn seed_local_subnet_cidr() {
    let r = s("本端网段。\n\n是客户端通过SSL-VPN连接要访问的地址段。\n\n本端网段可以是VPC的网段、交换机的网段、通过专线和VPC互连的IDC的网段、云服务如对象存储服务OSS（Object Storage Service）等的网段。");
    assert_eq!(r, vec![format("cidr", None)]);
}

// ---- The seed in English. vpn/en-US/CreateSslVpnServer.md is not in the corpus; the
// wording follows the public English reference and the phrasing of corpus en-US docs. ----

#[test]
fn seed_en_action() {
    // Same phrase in nat/en-US/CreateNatGateway.md (`Action`).
    assert_eq!(
        values(&s(
            "The operation that you want to perform. Set the value to **CreateSslVpnServer**."
        )),
        ["CreateSslVpnServer"]
    );
}

#[test]
fn seed_en_proto_and_cipher() {
    let proto = s("The protocol that is used by the SSL server. Valid values:\n\n-   **TCP**: TCP\n-   **UDP** (default): UDP");
    assert_eq!(values(&proto), ["TCP", "UDP"]);
    assert!(proto.contains(&default("UDP")));
    let cipher = s("The encryption algorithm that is used by the SSL-VPN connection. Valid values:\n\n-   **AES-128-CBC** (default): the AES-128-CBC algorithm\n-   **AES-192-CBC**: the AES-192-CBC algorithm\n-   **AES-256-CBC**: the AES-256-CBC algorithm\n-   **none**: does not use an encryption algorithm");
    assert_eq!(
        values(&cipher),
        ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "none"]
    );
    assert!(cipher.contains(&default("AES-128-CBC")));
}

#[test]
fn seed_en_port() {
    let r = rules_of(
        "The port that is used by the SSL server. Default value: **1194**. The following ports are not supported:\n\n**22**, **2222**, **22222**, **9000**, **9001**, **9002**, **7505**, **80**, **443**, **53**, **68**, **123**, **4510**, **4560**, **500**, and **4500**.",
        Type::Integer,
        &[],
    );
    assert_eq!(
        r,
        vec![
            default("1194"),
            Rule::Forbidden {
                values: PORTS.iter().map(|p| p.to_string()).collect()
            }
        ]
    );
}

#[test]
fn seed_en_booleans() {
    let d = "Specifies whether to compress the communication. Valid values:\n\n-   **true**: compresses the communication.\n-   **false** (default): does not compress the communication.";
    assert_eq!(rules_of(d, Type::Boolean, &[]), vec![default("false")]);
    let d = "Specifies whether to enable two-factor authentication. Valid values:\n\n-   **true**: enables two-factor authentication.\n-   **false**: disables two-factor authentication. This is the default value.";
    assert_eq!(rules_of(d, Type::Boolean, &[]), vec![default("false")]);
}

#[test]
fn seed_en_name_merges_classes_over_sentences() {
    let r = s("The name of the SSL server.\n\nThe name must be 2 to 128 characters in length, and can contain digits, periods (.), underscores (_), and hyphens (-). It must start with a letter or Chinese character, and cannot start with `http://` or `https://`.");
    assert!(r.contains(&len(Some(2), Some(128))));
    assert!(r.contains(&no_prefix(&["http://", "https://"])));
    let chars = Rule::Chars {
        first: vec![Letter, Cjk],
        allowed: vec![Letter, Cjk, Digit, Char('.'), Char('_'), Char('-')],
    };
    assert!(r.contains(&chars), "{r:?}");
}

#[test]
fn seed_en_client_token() {
    // vpn/en-US/CreateCustomerGateway.md `ClientToken`.
    let d = "The client token that is used to guarantee the idempotence of the request.\n\nYou can use the client to generate the value, but you must ensure that it is unique among different requests. The token can only contain ASCII characters and cannot exceed 64 characters in length.";
    let r = s(d);
    assert!(
        r.contains(&len(None, Some(64))) && r.contains(&Rule::Ascii),
        "{r:?}"
    );
}

#[test]
fn seed_en_cidr_blocks_and_overlap() {
    let d = "The client CIDR block.\n\nIt refers to the CIDR block from which an IP address is allocated to the virtual network interface controller (NIC) of the client.\n\n**Note:** The client CIDR block cannot overlap with **LocalSubnet**.";
    let r = rules_of(d, Type::String, &["LocalSubnet", "VpnGatewayId"]);
    assert_eq!(
        r,
        vec![
            format("cidr", None),
            relation(RelationKind::NoOverlap, "LocalSubnet", None)
        ]
    );
    assert_eq!(s("The local CIDR block.\n\nIt refers to the CIDR block that the client needs to access by using the SSL-VPN connection."), vec![format("cidr", None)]);
}
