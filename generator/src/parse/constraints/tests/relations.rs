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

fn sibling(name: &str, description: &str) -> Sibling {
    Sibling {
        name: name.to_string(),
        description: description.to_string(),
        example: None,
    }
}

fn rules_in(desc: &str, ty: Type, own: &str, parent: &str, siblings: &[Sibling]) -> Vec<Rule> {
    let refs: Vec<&Sibling> = siblings.iter().collect();
    let place = Place {
        own,
        parent,
        siblings: &refs,
        ..Place::default()
    };
    extract_in(desc, &ty, &place)
        .constraints
        .into_iter()
        .map(|c| c.rule)
        .collect()
}

#[test]
fn required_when_with_two_conditions_and_negations() {
    let d = "This parameter is required when StickySession is set to on and StickySessionType is set to insert.";
    let r = rules_of(d, Type::String, &["StickySession", "StickySessionType"]);
    assert_eq!(
        r,
        vec![Rule::Relation {
            relation: RelationKind::RequiredWhen,
            other: "StickySession".into(),
            value: Some("on".into()),
            negated: false,
            also: vec![Condition {
                param: "StickySessionType".into(),
                value: Some("insert".into()),
                negated: false
            }],
            max_span_secs: None,
        }]
    );
    // "is not set": negated, no value; "is not set to X": negated with the value.
    let r = rules_of(
        "This parameter is required if **ImageId** is not set.",
        Type::String,
        &["ImageId"],
    );
    assert!(
        matches!(&r[..], [Rule::Relation { relation: RelationKind::RequiredWhen, other, value: None, negated: true, .. }] if other == "ImageId")
    );
    let r = rules_of(
        "当**HealthCheck**不为**off**时，该参数必填。",
        Type::String,
        &["HealthCheck"],
    );
    assert!(matches!(&r[..], [Rule::Relation { value: Some(v), negated: true, .. }] if v == "off"));
}

#[test]
fn ordered_by_role_with_a_span_in_seconds() {
    let siblings = [
        sibling("StartTime", "查询的起始时间。"),
        sibling("Period", "统计周期。"),
    ];
    let r = rules_in(
        "结束时间需晚于起始时间，时间跨度最大为31天。",
        Type::String,
        "EndTime",
        "",
        &siblings,
    );
    // 31 days = 31 * 86400 s; the span is no range of this value.
    assert_eq!(
        r,
        vec![Rule::Relation {
            relation: RelationKind::Ordered,
            other: "StartTime".into(),
            value: None,
            negated: false,
            also: Vec::new(),
            max_span_secs: Some(2_678_400),
        }]
    );
    // The subject is the other parameter: nothing for this one.
    let r = rules_in(
        "**StartTime** must be earlier than the end time.",
        Type::String,
        "EndTime",
        "",
        &siblings,
    );
    assert!(r.is_empty());
    // `不能晚于` is the opposite order.
    let siblings = [sibling("EndTime", "查询的结束时间。")];
    assert!(rules_in(
        "开始时间，不能晚于结束时间。",
        Type::String,
        "StartTime",
        "",
        &siblings
    )
    .is_empty());
}

#[test]
fn members_of_one_item_relate_and_keep_the_doc_spelling() {
    let siblings = [sibling("Key", "过滤条件的键。")];
    let r = rules_in(
        "指定该参数时必须同时指定Filter.1.Key。",
        Type::String,
        "Value",
        "Filter",
        &siblings,
    );
    assert_eq!(
        r,
        vec![relation(RelationKind::Requires, "Filter.1.Key", None)]
    );
    // Another parent's member of the same name is no sibling.
    let r = rules_in(
        "This parameter takes effect only when **SystemDisk.Key** is set to **a**.",
        Type::String,
        "Value",
        "Filter",
        &siblings,
    );
    assert!(r.is_empty());
}

#[test]
fn range_per_case_keyed_on_the_sibling_whose_values_the_cases_name() {
    let siblings = [
        sibling(
            "Category",
            "磁盘种类。取值范围：\n\n-   cloud：普通云盘\n-   cloud_ssd：SSD云盘",
        ),
        sibling("SnapshotId", "快照ID。"),
    ];
    let r = rules_in(
        "磁盘大小。取值范围：\n\n-   cloud：5~2000\n-   cloud_ssd：20~32768",
        Type::Integer,
        "Size",
        "DataDisk",
        &siblings,
    );
    let case = |v: &str, lo, hi| RangeCase {
        value: v.into(),
        min: Some(Number::Int(lo)),
        max: Some(Number::Int(hi)),
    };
    assert_eq!(
        r[0],
        Rule::RangeWhen {
            other: "Category".into(),
            cases: vec![case("cloud", 5, 2000), case("cloud_ssd", 20, 32768)]
        }
    );
    assert_eq!(r[1], range(Some(5), Some(32768)));
    // Keys no sibling documents: no rule (and no enum of the keys either).
    let r = rules_in(
        "磁盘大小。取值范围：\n\n-   small：5~20\n-   large：20~400",
        Type::Integer,
        "Size",
        "DataDisk",
        &siblings,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn not_empty_only_where_it_is_about_this_value() {
    assert_eq!(
        s("The tag key cannot be an empty string."),
        vec![Rule::NotEmpty]
    );
    assert!(
        s("A TagKey cannot be an empty string, but a TagValue can be an empty string.").is_empty()
    );
    // `不能为空` alone may just mean "required".
    assert!(s("实例ID。该参数不能为空。").is_empty());
    let r = rules_in(
        "一旦使用标签，Key不允许为空字符串。",
        Type::String,
        "Tags",
        "",
        &[],
    );
    assert!(r.is_empty(), "{r:?}");
}
