use super::*;

// ---- Bookkeeping and robustness --------------------------------------------------------

#[test]
fn understood_and_not_understood_sentences() {
    // ga/zh-CN/CreateEndpointGroup.md `EndpointConfigurations.N.Weight`
    let ex = extract("终端节点的权重。\n\n取值范围：**0**~**255**。\n\n**说明：** 如果某个终端节点的权重设置为0，全球加速将终止向该终端节点分发流量，请您谨慎操作。", &Type::Integer, &[]);
    assert_eq!(ex.understood, 1);
    assert_eq!(ex.constraints[0].source, "取值范围：**0**~**255**。");
    assert_eq!(
        ex.not_understood,
        ["如果某个终端节点的权重设置为0，全球加速将终止向该终端节点分发流量，请您谨慎操作。"]
    );
}

#[test]
fn rule_like_sentences() {
    for yes in [
        "仅国密型VPN网关支持绑定证书。",
        "只支持单个NAT网关实例查询。",
        "端口映射中的监听端口必须与当前监听实例的监听端口一致。",
        "创建预付费的EIP实例时，不支持设置该参数。",
        "You can query only a single NAT gateway.",
        "The token can contain only ASCII characters and cannot exceed 64 characters in length.",
        "Valid values: **0**|**100**.",
        "取值范围：1~20",
        "It must belong to the CIDR block of the virtual private cloud (VPC) where the NAT gateway is deployed.",
        "A maximum of 200 monitoring data entries are returned.",
    ] {
        assert!(is_rule_like(yes), "{yes}");
    }
    for no in [
        "VPN网关的ID。",
        "The ID of the egress-only rule that you want to delete.",
        "仅主动出条目的名称。",
        "是否只预检此次请求，取值：",
        "Specifies whether to precheck only this request.",
        "例如：192.168.1.0/24,192.168.2.0/24。",
        "The maximum bandwidth of the EIP.",
        "您可以通过调用DescribeRegions接口获取地域ID。",
        "",
    ] {
        assert!(!is_rule_like(no), "{no}");
    }
}

#[test]
fn no_panic_on_odd_input() {
    // A tiny deterministic generator over the characters the scanners care about.
    let alphabet: Vec<char> =
        "**`\\-~～:：(（)）,，、。;.|[]0129aZ取值默认长度字符以开头不能 \n\u{a0}\"”或和toand"
            .chars()
            .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed % 40) as usize;
        for k in 0..n {
            let x = seed.rotate_left(k as u32 * 7) ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        for ty in [Type::String, Type::Boolean, Type::Integer] {
            let _ = extract(&s, &ty, &["LocalSubnet", "X"]);
        }
        let _ = is_rule_like(&s);
    }
    for odd in [
        "**",
        "`",
        "-",
        "-   ",
        "**说明：**",
        "取值：",
        "取值：\n\n-",
        "1~",
        "[1,",
        "（",
        "时，",
        "当",
        "If",
        "\u{a0}",
    ] {
        let _ = extract(odd, &Type::String, &[]);
    }
}
