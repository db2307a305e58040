//! Relations a description states about a sibling, or with this parameter as the condition
//! (`detect/placed.rs`): expected rules from each sentence's meaning.

use super::*;

fn sib(name: &str) -> Sibling {
    Sibling {
        name: name.to_string(),
        ..Sibling::default()
    }
}

/// (rules on this parameter, rules handed to siblings).
fn placed(
    desc: &str,
    own: &str,
    parent: &str,
    names: &[&str],
    outer: &[&str],
) -> (Vec<Rule>, Vec<(String, Rule)>) {
    let sibs: Vec<Sibling> = names.iter().map(|n| sib(n)).collect();
    let refs: Vec<&Sibling> = sibs.iter().collect();
    let place = Place {
        own,
        parent,
        siblings: &refs,
        outer,
        example: None,
    };
    let x = extract_in(desc, &Type::String, &place);
    (
        x.constraints.into_iter().map(|c| c.rule).collect(),
        x.for_siblings
            .into_iter()
            .map(|(n, c)| (n, c.rule))
            .collect(),
    )
}

fn rel(kind: RelationKind, other: &str, value: Option<&str>, negated: bool) -> Rule {
    Rule::Relation {
        relation: kind,
        other: other.into(),
        value: value.map(String::from),
        negated,
        also: Vec::new(),
        max_span_secs: None,
    }
}

#[test]
fn ignored_on_this_parameter() {
    // ImageName takes effect only when ImageId is not set.
    let want = vec![rel(RelationKind::AppliesWhen, "ImageId", None, true)];
    let (own, _) = placed(
        "This parameter is ignored if ImageId is specified.",
        "ImageName",
        "",
        &["ImageId"],
        &[],
    );
    assert_eq!(own, want);
    let (own, _) = placed(
        "如果设置了ImageId， ImageName将被忽略。",
        "ImageName",
        "",
        &["ImageId"],
        &[],
    );
    assert_eq!(own, want);
}

#[test]
fn ignored_on_the_named_sibling() {
    // In InstanceTypes' row: InstanceType takes effect only when InstanceTypes is not set.
    let want = vec![(
        "InstanceType".to_string(),
        rel(RelationKind::AppliesWhen, "InstanceTypes", None, true),
    )];
    for d in [
        "If you specify this parameter, InstanceType is ignored.",
        "如果使用了InstanceTypes.N，InstanceType将被忽略",
    ] {
        let (own, other) = placed(d, "InstanceTypes", "", &["InstanceType"], &[]);
        assert_eq!((own, other), (Vec::new(), want.clone()), "{d}");
    }
    let (_, other) = placed(
        "If you use the VSwitchIds.N parameter, the VSwitchId parameter is ignored.",
        "VSwitchIds",
        "",
        &["VSwitchId"],
        &[],
    );
    assert_eq!(
        other,
        vec![(
            "VSwitchId".to_string(),
            rel(RelationKind::AppliesWhen, "VSwitchIds", None, true)
        )]
    );
}

#[test]
fn earlier_goes_on_the_later_one() {
    // In StartTime's row: EndTime must not be earlier, so EndTime holds `ordered` on StartTime.
    let (own, other) = placed(
        "StartTime must be earlier than EndTime.",
        "StartTime",
        "",
        &["EndTime"],
        &[],
    );
    assert!(own.is_empty());
    assert_eq!(
        other,
        vec![(
            "EndTime".to_string(),
            rel(RelationKind::Ordered, "StartTime", None, false)
        )]
    );
    let (_, other) = placed(
        "The value of MinSize must be less than or equal to that of MaxSize.",
        "MinSize",
        "",
        &["MaxSize"],
        &[],
    );
    assert_eq!(
        other,
        vec![(
            "MaxSize".to_string(),
            rel(RelationKind::Ordered, "MinSize", None, false)
        )]
    );
    // A bound by a number is no relation.
    let (own, other) = placed(
        "The value must be less than or equal to that of 100.",
        "MinSize",
        "",
        &["MaxSize"],
        &[],
    );
    assert!(own.iter().all(|r| !matches!(r, Rule::Relation { .. })) && other.is_empty());
}

#[test]
fn required_when_this_parameter_has_a_value() {
    let (_, other) = placed(
        "If this parameter is set to Target, the PrivatePoolOptions.Id parameter must be specified.",
        "MatchCriteria",
        "PrivatePoolOptions",
        &["Id"],
        &[],
    );
    assert_eq!(
        other,
        vec![(
            "Id".to_string(),
            rel(
                RelationKind::RequiredWhen,
                "MatchCriteria",
                Some("Target"),
                false
            )
        )]
    );
}

#[test]
fn at_least_one_of_a_group_the_row_is_not_in() {
    let (own, other) = placed(
        "You must specify at least one of the MinValue, MaxValue, and DesiredCapacity parameters.",
        "ScalingGroupId",
        "",
        &["MinValue", "MaxValue", "DesiredCapacity"],
        &[],
    );
    assert!(own.is_empty());
    assert_eq!(other.len(), 6);
    assert!(other.contains(&(
        "MinValue".to_string(),
        rel(RelationKind::AtLeastOneOf, "DesiredCapacity", None, false)
    )));
}

#[test]
fn pairs_and_exclusions() {
    let (own, _) = placed(
        "The `Tag.N.Key` and `Tag.N.Value` parameters must be used in pairs.",
        "Key",
        "Tag",
        &["Value"],
        &["Tag", "RegionId"],
    );
    assert_eq!(
        own,
        vec![rel(RelationKind::Requires, "Tag.N.Value", None, false)]
    );
    let (own, _) = placed(
        "您需要同时指定**RecurrenceType**、**RecurrenceValue**和**RecurrenceEndTime**。",
        "RecurrenceValue",
        "",
        &["RecurrenceType", "RecurrenceEndTime"],
        &[],
    );
    assert_eq!(
        own,
        vec![
            rel(RelationKind::Requires, "RecurrenceType", None, false),
            rel(RelationKind::Requires, "RecurrenceEndTime", None, false)
        ]
    );
    let (own, _) = placed(
        "不支持同时指定SecurityGroupId和SecurityGroupIds.N。",
        "SecurityGroupIds",
        "",
        &["SecurityGroupId"],
        &[],
    );
    assert_eq!(
        own,
        vec![rel(
            RelationKind::MutuallyExclusive,
            "SecurityGroupId",
            None,
            false
        )]
    );
    // A lowerCamel spelling of a parameter of the enclosing level.
    let (own, _) = placed(
        "指定本参数时，不允许同时指定instanceTypes。",
        "InstanceType",
        "InstanceTypeOverride",
        &["WeightedCapacity"],
        &["InstanceTypes", "InstanceType", "InstanceTypeOverride"],
    );
    assert_eq!(
        own,
        vec![rel(
            RelationKind::MutuallyExclusive,
            "InstanceTypes",
            None,
            false
        )]
    );
}

#[test]
fn applies_when_with_several_values_and_outer_parameters() {
    let (own, _) = placed(
        "This parameter is required and takes effect only when ScalingRuleType is set to TargetTrackingScalingRule or PredictiveScalingRule.",
        "MetricName",
        "",
        &["ScalingRuleType"],
        &[],
    );
    for kind in [RelationKind::RequiredWhen, RelationKind::AppliesWhen] {
        for v in ["TargetTrackingScalingRule", "PredictiveScalingRule"] {
            assert!(
                own.contains(&rel(kind.clone(), "ScalingRuleType", Some(v), false)),
                "{kind:?} {v}: {own:?}"
            );
        }
    }
    let want = vec![rel(
        RelationKind::AppliesWhen,
        "SpotStrategy",
        Some("SpotWithPriceLimit"),
        false,
    )];
    for d in [
        "This parameter is valid only when the SpotStrategy parameter is set to SpotWithPriceLimit.",
        "SpotStrategy取值为SpotWithPriceLimit时生效。",
    ] {
        let (own, _) = placed(d, "PriceLimit", "SpotPriceLimit", &["InstanceType"], &["SpotStrategy", "SpotPriceLimit"]);
        assert_eq!(own, want, "{d}");
    }
    let (own, _) = placed(
        "仅当LaunchTemplateId参数指定了启动模板时，本参数生效。",
        "InstanceType",
        "LaunchTemplateOverride",
        &["WeightedCapacity"],
        &["LaunchTemplateId", "LaunchTemplateOverride"],
    );
    assert_eq!(
        own,
        vec![rel(
            RelationKind::AppliesWhen,
            "LaunchTemplateId",
            None,
            false
        )]
    );
}

#[test]
fn requires_under_a_condition() {
    // When this field is used, Namespace must be set too.
    let (own, _) = placed(
        "应用该字段时必须指定Namespace。",
        "Dimension",
        "",
        &["Namespace"],
        &[],
    );
    assert_eq!(
        own,
        vec![rel(RelationKind::Requires, "Namespace", None, false)]
    );
    // Under a condition on a state (the kind of rule executed), no relation of the request.
    let (own, _) = placed(
        "调用API执行伸缩规则时，只支持执行简单规则和步进规则，且执行步进规则时必须同时指定BreachThreshold和MetricValue。",
        "ScalingRuleAri",
        "",
        &["BreachThreshold", "MetricValue"],
        &[],
    );
    assert!(own.is_empty(), "{own:?}");
}
