use super::*;

// ---- Phrasings listed in the brief that the corpus request tables do not use ----------

#[test]
fn brief_phrasings_without_corpus_rows() {
    assert_eq!(
        s("It can be up to 256 characters in length."),
        vec![len(None, Some(256))]
    );
    assert_eq!(
        s("The key must be 8 characters in length."),
        vec![len(Some(8), Some(8))]
    );
    assert_eq!(s("长度为8个字符。"), vec![len(Some(8), Some(8))]);
    let int = |d: &str| rules_of(d, Type::Integer, &[]);
    assert_eq!(
        int("Minimum value: **1**. Maximum value: **50**."),
        vec![range(Some(1), None), range(None, Some(50))]
    );
    assert_eq!(
        int("最小值为1，最大值为50。"),
        vec![range(Some(1), Some(50))]
    );
    assert_eq!(
        int("The value cannot be **0**."),
        vec![Rule::Forbidden {
            values: vec!["0".to_string()]
        }]
    );
    assert_eq!(
        s("It cannot start with http:// or https://."),
        vec![no_prefix(&["http://", "https://"])]
    );
    assert_eq!(
        s("只能包含字母和数字。"),
        vec![Rule::Chars {
            first: vec![],
            allowed: vec![Letter, Digit]
        }]
    );
    assert_eq!(
        s("The name must start with a letter."),
        vec![Rule::Chars {
            first: vec![Letter],
            allowed: vec![]
        }]
    );
    // ipv6gateway/zh-CN/DescribeIpv6Addresses.md `Ipv6AddressId`
    assert_eq!(
        s("IPv6地址实例的ID。每次调用最多可以输入20个实例ID，以逗号分隔。"),
        vec![Rule::MultiValue {
            separator: ",".to_string(),
            max: Some(20)
        }]
    );
}

#[test]
fn brief_relation_phrasings() {
    let sib = ["VSwitchId", "InstanceChargeType"];
    let me = vec![relation(RelationKind::MutuallyExclusive, "VSwitchId", None)];
    assert_eq!(
        rules_of(
            "This parameter cannot be specified together with **VSwitchId**.",
            Type::String,
            &sib
        ),
        me
    );
    assert_eq!(
        rules_of("不能同时指定该参数和**VSwitchId**。", Type::String, &sib),
        me
    );
    let req = vec![relation(RelationKind::Requires, "VSwitchId", None)];
    assert_eq!(
        rules_of(
            "If you set this parameter, you must also set **VSwitchId**.",
            Type::String,
            &sib
        ),
        req
    );
    let when = vec![relation(
        RelationKind::RequiredWhen,
        "InstanceChargeType",
        Some("PrePaid"),
    )];
    assert_eq!(
        rules_of(
            "This parameter is required when **InstanceChargeType** is set to **PrePaid**.",
            Type::String,
            &sib
        ),
        when
    );
    assert_eq!(
        rules_of(
            "This parameter takes effect only when **InstanceChargeType** is set to **PrePaid**.",
            Type::String,
            &sib
        ),
        [relation(
            RelationKind::AppliesWhen,
            "InstanceChargeType",
            Some("PrePaid")
        )]
    );
    // A name must be a whole word: `VSwitchIds` is not `VSwitchId`.
    assert!(rules_of(
        "This parameter cannot be specified together with **VSwitchIds**.",
        Type::String,
        &["VSwitchId"]
    )
    .is_empty());
}
