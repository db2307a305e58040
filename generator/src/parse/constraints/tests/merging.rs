//! The one merge policy (`merge_rule`), each clause with a case whose expected outcome follows
//! from the clause's meaning.

use super::*;

fn c(rule: Rule) -> Constraint {
    Constraint {
        rule,
        source: "s".into(),
    }
}

fn en(values: &[&str]) -> Rule {
    Rule::Enum {
        values: values
            .iter()
            .map(|v| EnumValue {
                value: v.to_string(),
                description: String::new(),
            })
            .collect(),
    }
}

fn merged(first: Vec<Rule>, next: Rule, origin: Origin) -> Vec<Rule> {
    let mut into: Vec<Constraint> = first.into_iter().map(c).collect();
    merge_rule(&mut into, c(next), origin);
    into.into_iter().map(|k| k.rule).collect()
}

#[test]
fn value_lists_are_united_in_both_origins() {
    for origin in [Origin::SameText, Origin::OtherLanguage] {
        assert_eq!(
            merged(vec![en(&["a", "b"])], en(&["b", "c"]), origin),
            vec![en(&["a", "b", "c"])]
        );
    }
}

#[test]
fn duplicates_and_second_defaults_are_dropped() {
    assert_eq!(
        merged(
            vec![len(Some(2), Some(64))],
            len(Some(2), Some(64)),
            Origin::SameText
        ),
        vec![len(Some(2), Some(64))]
    );
    assert_eq!(
        merged(vec![default("1")], default("2"), Origin::SameText),
        vec![default("1")]
    );
}

#[test]
fn bounds_of_one_text_add_up_but_a_translation_does_not_override() {
    // `至少2个字符` and `最多64个字符` in two sentences: both bounds hold.
    assert_eq!(
        merged(
            vec![len(Some(2), None)],
            len(None, Some(64)),
            Origin::SameText
        ),
        vec![len(Some(2), None), len(None, Some(64))]
    );
    // The other language restates (or misstates) the length: the primary's stays alone.
    assert_eq!(
        merged(
            vec![len(Some(1), Some(128))],
            len(Some(1), Some(64)),
            Origin::OtherLanguage
        ),
        vec![len(Some(1), Some(128))]
    );
    // A kind the primary lacks is added.
    assert_eq!(
        merged(
            vec![len(Some(1), Some(128))],
            Rule::NotEmpty,
            Origin::OtherLanguage
        ),
        vec![len(Some(1), Some(128)), Rule::NotEmpty]
    );
}

#[test]
fn a_spelled_layout_refines_a_bare_format_of_one_text() {
    assert_eq!(
        merged(
            vec![format("datetime", None)],
            format("datetime", Some("yyyy-MM-ddTHH:mm:ssZ")),
            Origin::SameText
        ),
        vec![format("datetime", Some("yyyy-MM-ddTHH:mm:ssZ"))]
    );
    assert_eq!(
        merged(
            vec![format("cidr", None)],
            format("ip", None),
            Origin::OtherLanguage
        ),
        vec![format("cidr", None)]
    );
}

#[test]
fn a_relation_is_kept_once_however_the_other_is_spelled() {
    let on = |other: &str, value: &str| relation(RelationKind::RequiredWhen, other, Some(value));
    assert_eq!(
        merged(
            vec![on("Category", "cloud")],
            on("DataDisk.N.Category", "cloud"),
            Origin::OtherLanguage
        ),
        vec![on("Category", "cloud")]
    );
    // Another value is another condition: both hold.
    assert_eq!(
        merged(
            vec![on("Category", "cloud")],
            on("Category", "cloud_ssd"),
            Origin::SameText
        ),
        vec![on("Category", "cloud"), on("Category", "cloud_ssd")]
    );
    // The other language's relation with another parameter is kept.
    let exclusive = relation(RelationKind::MutuallyExclusive, "InstanceIds", None);
    assert_eq!(
        merged(
            vec![on("Category", "cloud")],
            exclusive.clone(),
            Origin::OtherLanguage
        ),
        vec![on("Category", "cloud"), exclusive]
    );
}
