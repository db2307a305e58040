//! A made-up product whose doc uses layouts the corpus does not (Chinese H1 with a `.concept`
//! suffix and an intro table, no OpenAPI Explorer link, a `Position` column, no separator rows,
//! `Yes.`/`Required`, a code fence with pipes inside a cell, `X.Y.N.Z` and `X.N.Y.N` names,
//! `Float`/`Double`/`Map`/lower-case `string`, EM-space `└` nesting in a 3-column response
//! table, `Specific error codes` with the HTTP column last, examples split over H2s with
//! `//json response` comments and a URL without a slash before `?`). It must parse to the
//! expected IR and become a crate that builds and passes its own tests.

use aliyun_codegen::model::{ExampleFormat, Field, Type, WireStyle};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{generate_and_check_crate, repo_root};

fn field<'a>(fields: &'a [Field], name: &str) -> &'a Field {
    fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

#[test]
fn other_product_layouts_parse_as_expected() {
    let loaded = Config::new()
        .load(repo_root().join("tests/fixtures/widget"))
        .expect("loads");
    let api = &loaded.apis[0];
    assert_eq!(
        (
            api.name.as_str(),
            api.product.as_str(),
            api.version.as_str()
        ),
        ("CreateWidget", "Widget", "2024-01-01")
    );
    let names: Vec<&str> = api.request.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "RegionId",
            "WidgetName",
            "Mode",
            "Ratio",
            "Weight",
            "Template",
            "Labels",
            "StartTime",
            "Config",
            "Foo"
        ]
    );
    assert_eq!(field(&api.request, "RegionId").required, Some(true));
    assert_eq!(field(&api.request, "WidgetName").required, Some(true));
    assert_eq!(field(&api.request, "Ratio").ty, Type::Float);
    assert_eq!(field(&api.request, "Weight").ty, Type::Double);
    assert_eq!(field(&api.request, "Labels").ty, Type::Map);
    assert!(field(&api.request, "Template")
        .description
        .contains("\"a|b\""));
    let config = field(&api.request, "Config");
    assert_eq!(
        (config.ty.clone(), config.wire),
        (Type::Object, Some(WireStyle::RepeatList))
    );
    let disk = field(&config.children, "Disk");
    assert_eq!(
        (disk.ty.clone(), disk.item_type.clone()),
        (Type::Array, Some(Type::Object))
    );
    let bars = field(&field(&api.request, "Foo").children, "Bars");
    assert_eq!(bars.item_type, Some(Type::String));
    let widget = field(&api.response, "Widget");
    let parts = field(&widget.children, "Parts");
    assert_eq!(
        parts
            .children
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["PartName", "Count"]
    );
    assert_eq!(field(&api.response, "CreatedAt").ty, Type::String);
    let codes: Vec<(&str, Option<u16>)> = api
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.http_status))
        .collect();
    assert_eq!(
        codes,
        [
            ("Widget.NotFound", Some(404)),
            ("Quota_Exceeded", Some(400))
        ]
    );
    assert_eq!(api.examples.requests[0].params.len(), 5);
    let kinds: Vec<(ExampleFormat, bool)> = api
        .examples
        .responses
        .iter()
        .map(|r| (r.format, r.success))
        .collect();
    assert_eq!(
        kinds,
        [(ExampleFormat::Json, true), (ExampleFormat::Json, false)]
    );
}

#[test]
fn other_product_crate_builds_and_passes_its_tests() {
    generate_and_check_crate(
        Config::new(),
        "Widget",
        &[repo_root().join("tests/fixtures/widget")],
    );
}

/// Rules between parameters (`tests/fixtures/gadget`): each relation kind is read into the IR,
/// and the generated crate's own tests break and keep each one (see `generator/src/emit/gen_tests/relations.rs`).
#[test]
fn relations_reach_the_ir_and_the_validators() {
    use aliyun_codegen::model::{RelationKind, Rule};
    let loaded = Config::new()
        .load(repo_root().join("tests/fixtures/gadget"))
        .expect("loads");
    let api = &loaded.apis[0];
    let relation = |name: &str| -> Vec<(RelationKind, String, Option<String>)> {
        field(&api.request, name)
            .constraints
            .iter()
            .filter_map(|c| match &c.rule {
                Rule::Relation {
                    relation,
                    other,
                    value,
                    ..
                } => Some((relation.clone(), other.clone(), value.clone())),
                _ => None,
            })
            .collect()
    };
    let r = |k, o: &str, v: Option<&str>| vec![(k, o.to_string(), v.map(str::to_string))];
    assert_eq!(
        relation("SecurityGroupId"),
        r(RelationKind::MutuallyExclusive, "SecurityGroupName", None)
    );
    assert_eq!(
        relation("Token"),
        r(RelationKind::Requires, "TokenType", None)
    );
    assert_eq!(
        relation("GroupId"),
        r(RelationKind::AtLeastOneOf, "GroupName", None)
    );
    assert_eq!(
        relation("Template"),
        r(RelationKind::RequiredWhen, "Mode", Some("custom"))
    );
    assert_eq!(
        relation("ZoneId"),
        r(RelationKind::MutuallyExclusive, "VSwitchId", None)
    );
    assert_eq!(
        relation("HealthCheckPath"),
        r(RelationKind::AppliesWhen, "Mode", Some("auto"))
    );
    assert!(field(&api.request, "Schedule")
        .constraints
        .iter()
        .any(|c| matches!(&c.rule, Rule::Format { name, .. } if name == "cron")));
    generate_and_check_crate(
        Config::new(),
        "Gadget",
        &[repo_root().join("tests/fixtures/gadget")],
    );
}
