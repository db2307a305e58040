use super::*;

// ---- Relations -----------------------------------------------------------------------

#[test]
fn relation_mutual_exclusion() {
    // nat/zh-CN/CreateSnatEntry.md `SourceCIDR`
    let d = "此参数和**SourceVSwtichId**参数互斥，不能同时出现。如果指定了**SourceVSwitchId**，则不能指定**SourceCIDR**参数。";
    assert_eq!(
        rules_of(d, Type::String, &["SourceVSwitchId", "SnatTableId"]),
        vec![relation(
            RelationKind::MutuallyExclusive,
            "SourceVSwitchId",
            None
        )]
    );
    // nat/en-US/CreateSnatEntry.md: the misspelt name still matches the sibling
    let d = "This parameter and the **SourceVSwtichId** parameter cannot be set at the same time.";
    assert_eq!(
        rules_of(d, Type::String, &["SourceVSwitchId"]),
        vec![relation(
            RelationKind::MutuallyExclusive,
            "SourceVSwitchId",
            None
        )]
    );
    // eip/zh-CN/AllocateEipAddressPro.md `IpAddress`
    let d = "**IpAddress**和**InstanceId**参数仅需传入一个，如果都不传，系统会随机申请EIP。";
    assert_eq!(
        rules_of(d, Type::String, &["InstanceId"]),
        vec![relation(
            RelationKind::MutuallyExclusive,
            "InstanceId",
            None
        )]
    );
}

#[test]
fn relation_required_when() {
    // eip/zh-CN/AllocateEipAddress.md `AutoPay`: the second clause says "not required"
    let d = "当**InstanceChargeType**参数的值为**PrePaid**时，该参数必选；当**InstanceChargeType**参数的值为**PostPaid**时，该参数可不填。";
    assert_eq!(
        rules_of(d, Type::Boolean, &["InstanceChargeType"]),
        vec![relation(
            RelationKind::RequiredWhen,
            "InstanceChargeType",
            Some("PrePaid")
        )]
    );
    // eip/en-US/AllocateEipAddress.md `PricingCycle`
    let d = "This parameter is required if **InstanceChargeType** is set to **PrePaid**. This parameter is not required if **InstanceChargeType** is set to **PostPaid**.";
    assert_eq!(
        rules_of(d, Type::String, &["InstanceChargeType"]),
        vec![relation(
            RelationKind::RequiredWhen,
            "InstanceChargeType",
            Some("PrePaid")
        )]
    );
    // pvtz/zh-CN/AddUserVpcAuthorization.md `AuthCode`: value in typographic quotes
    let d = "验证码，AuthChannel取”AUTH_CODE“或传空时为必传。";
    assert_eq!(
        rules_of(d, Type::String, &["AuthChannel"]),
        vec![relation(
            RelationKind::RequiredWhen,
            "AuthChannel",
            Some("AUTH_CODE")
        )]
    );
}

#[test]
fn takes_effect_only_is_applies_when_not_required() {
    // ga/zh-CN/CreateAccelerator.md `AutoUseCoupon`, ga/en-US/CreateAccelerator.md: documentation
    // only (`applies_when`), never `required_when`.
    let ex = extract(
        "**说明：** 仅**AutoPay**为**true**时，该项才生效。",
        &Type::String,
        &["AutoPay"],
    );
    let rules: Vec<Rule> = ex.constraints.into_iter().map(|c| c.rule).collect();
    assert_eq!(
        rules,
        [relation(RelationKind::AppliesWhen, "AutoPay", Some("true"))]
    );
    assert!(ex.not_understood.is_empty());
    assert!(rules_of(
        "**Note:** Only if **AutoPay**is set to **true**, this parameter is available.",
        Type::String,
        &["AutoPay"]
    )
    .is_empty());
}
