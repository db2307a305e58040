//! One small made-up doc per change kind; expected verdicts come from what the generated code
//! does (see the module documentation), not from the diff code.

use super::*;
use crate::parse::{parse_doc, DocDefaults};

/// An en-US doc of API `Foo` with these request, response and error rows.
fn doc(request: &str, response: &str, errors: &str) -> Api {
    let text = format!(
        "# Foo\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n\
         |Action|String|Yes|Foo|Set the value to **Foo**.|\n{request}\n\
         ## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n\
         |RequestId|String|r|The request ID.|\n{response}\n\
         ## Error codes\n\n|HttpCode|Error code|Error message|Description|\n|--|--|--|--|\n{errors}\n"
    );
    let defaults = DocDefaults {
        product: Some("Foo".into()),
        version: Some("2020-01-01".into()),
    };
    parse_doc("Foo.md", &text, &defaults)
        .expect("the test doc parses")
        .0
}

fn req(rows: &str) -> Api {
    doc(rows, "", "")
}

fn changes(old: &Api, new: &Api) -> Vec<Change> {
    diff_apis(std::slice::from_ref(old), std::slice::from_ref(new), true)
}

/// `(kind, where, name, breaking)` of every change.
fn brief(old: &Api, new: &Api) -> Vec<(Kind, Place, String, bool)> {
    let mut out: Vec<_> = changes(old, new)
        .into_iter()
        .map(|c| (c.kind, c.place, c.name, c.breaking))
        .collect();
    out.sort();
    out
}

fn one(kind: Kind, place: Place, name: &str, breaking: bool) -> Vec<(Kind, Place, String, bool)> {
    vec![(kind, place, name.to_string(), breaking)]
}

const PORT: &str = "|Port|Integer|No|1194|The port.|";
const NAME: &str = "|Name|String|No|n|The name.|";

#[test]
fn identical_docs_have_no_changes() {
    let a = doc(PORT, "|Id|String|i|The ID.|", "|400|A.B|m|d|");
    assert!(changes(&a, &a.clone()).is_empty());
}

#[test]
fn optional_parameter_added_is_compatible() {
    assert_eq!(
        brief(&req(PORT), &req(&format!("{PORT}\n{NAME}"))),
        one(Kind::ParamAdded, Place::Request, "Name", false)
    );
}

#[test]
fn required_parameter_added_breaks() {
    let new = req(&format!("{PORT}\n|Name|String|Yes|n|The name.|"));
    assert_eq!(
        brief(&req(PORT), &new),
        one(Kind::ParamAdded, Place::Request, "Name", true)
    );
}

#[test]
fn required_members_of_lists() {
    let new = req(&format!(
        "{PORT}\n|Tag.N.Key|String|Yes|k|The key.|\n|Tag.N.Value|String|No|v|The value.|"
    ));
    // The list `Tag` has no row of its own: it is its members. A required member makes the
    // list required (as the emitter does), which breaks builders: the required member's line
    // says so.
    assert_eq!(
        brief(&req(PORT), &new),
        vec![
            (Kind::ParamAdded, Place::Request, "Tag.N.Key".into(), true),
            (
                Kind::ParamAdded,
                Place::Request,
                "Tag.N.Value".into(),
                false
            ),
        ]
    );
    // A required member added to a list that existed before breaks its items' builders; the
    // list becoming required is that same change, not a second one.
    let old = req("|Tag.N.Value|String|No|v|The value.|");
    let new = req("|Tag.N.Value|String|No|v|The value.|\n|Tag.N.Key|String|Yes|k|The key.|");
    assert_eq!(
        brief(&old, &new),
        one(Kind::ParamAdded, Place::Request, "Tag.N.Key", true)
    );
}

#[test]
fn parameter_removed_breaks() {
    assert_eq!(
        brief(&req(&format!("{PORT}\n{NAME}")), &req(PORT)),
        one(Kind::ParamRemoved, Place::Request, "Name", true)
    );
}

#[test]
fn type_changes_break_unless_a_request_type_widens() {
    let long = req("|Port|Long|No|1194|The port.|");
    assert_eq!(
        brief(&req(PORT), &long),
        one(Kind::TypeChanged, Place::Request, "Port", false),
        "i32 values convert into an i64 setter"
    );
    assert_eq!(
        brief(&long, &req(PORT)),
        one(Kind::TypeChanged, Place::Request, "Port", true)
    );
    let string = req("|Port|String|No|1194|The port.|");
    assert_eq!(
        brief(&req(PORT), &string),
        one(Kind::TypeChanged, Place::Request, "Port", true),
        "an i32 is no impl Into<String>"
    );
    // Responses are read with their type: widening breaks `let p: i32 = r.port`.
    let old = doc("", "|Count|Integer|1|The count.|", "");
    let new = doc("", "|Count|Long|1|The count.|", "");
    let got = changes(&old, &new);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].kind, got[0].place, got[0].breaking),
        (Kind::TypeChanged, Place::Response, true)
    );
    assert_eq!(
        (got[0].old.clone(), got[0].new.clone()),
        (Value::from("Integer"), Value::from("Long"))
    );
}

#[test]
fn required_changes() {
    let required = req("|Port|Integer|Yes|1194|The port.|");
    assert_eq!(
        brief(&req(PORT), &required),
        one(Kind::RequiredChanged, Place::Request, "Port", true)
    );
    assert_eq!(
        brief(&required, &req(PORT)),
        one(Kind::RequiredChanged, Place::Request, "Port", false)
    );
}

fn proto(values: &str) -> Api {
    req(&format!(
        "|Proto|String|No|TCP|The protocol. Valid values: {values}.|"
    ))
}

#[test]
fn values_added_to_an_enum_are_compatible_and_removed_break() {
    let two = proto("**TCP** \\| **UDP**");
    let three = proto("**TCP** \\| **UDP** \\| **SCTP**");
    let got = changes(&two, &three);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind, got[0].breaking, got[0].new.clone()),
        (Kind::ValuesAdded, false, serde_json::json!(["SCTP"]))
    );
    let got = changes(&three, &two);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind, got[0].breaking, got[0].old.clone()),
        (Kind::ValuesRemoved, true, serde_json::json!(["SCTP"]))
    );
}

#[test]
fn first_values_turn_a_string_into_an_enum_which_breaks() {
    let plain = req("|Proto|String|No|TCP|The protocol.|");
    let got = brief(&plain, &proto("**TCP** \\| **UDP**"));
    assert!(
        got.contains(&(Kind::ValuesAdded, Place::Request, "Proto".into(), true)),
        "{got:?}"
    );
    // A number keeps its type but is now checked against the list.
    let plain = req("|Size|Integer|No|1|The size.|");
    let listed = req("|Size|Integer|No|1|The size. Valid values: **1** \\| **2**.|");
    let got = brief(&plain, &listed);
    assert!(
        got.contains(&(Kind::ValuesAdded, Place::Request, "Size".into(), true)),
        "{got:?}"
    );
    let more = req("|Size|Integer|No|1|The size. Valid values: **1** \\| **2** \\| **4**.|");
    let got = brief(&listed, &more);
    assert!(
        got.contains(&(Kind::ValuesAdded, Place::Request, "Size".into(), false)),
        "{got:?}"
    );
}

#[test]
fn response_enum_gaining_a_value_is_compatible() {
    // The parser reads no rules from response descriptions yet: the rule is set here.
    let with_values = |values: &[&str]| {
        let mut api = doc("", "|Status|String|on|The status.|", "");
        let status = api
            .response
            .iter_mut()
            .find(|f| f.name == "Status")
            .expect("row");
        status.constraints.push(crate::model::Constraint {
            rule: crate::model::Rule::Enum {
                values: values
                    .iter()
                    .map(|v| crate::model::EnumValue {
                        value: v.to_string(),
                        description: String::new(),
                    })
                    .collect(),
            },
            source: values.join(", "),
        });
        api
    };
    let (old, new) = (
        with_values(&["on", "off"]),
        with_values(&["on", "off", "pending"]),
    );
    let got = brief(&old, &new);
    assert!(
        got.contains(&(Kind::ValuesAdded, Place::Response, "Status".into(), false)),
        "{got:?}"
    );
    assert!(got.iter().all(|c| !c.3), "{got:?}");
}

#[test]
fn default_changes() {
    let tcp = proto("**TCP** \\| **UDP**. Default value: TCP");
    let udp = proto("**TCP** \\| **UDP**. Default value: UDP");
    let none = proto("**TCP** \\| **UDP**");
    let got = changes(&tcp, &udp);
    let defaults: Vec<_> = got
        .iter()
        .filter(|c| c.kind == Kind::DefaultChanged)
        .collect();
    assert_eq!(defaults.len(), 1, "{got:?}");
    assert_eq!(
        (
            defaults[0].old.clone(),
            defaults[0].new.clone(),
            defaults[0].breaking
        ),
        (Value::from("TCP"), Value::from("UDP"), false)
    );
    // The enum's `Default` implementation goes away.
    let got = changes(&tcp, &none);
    assert!(
        got.iter()
            .any(|c| c.kind == Kind::DefaultChanged && c.breaking && c.new.is_null()),
        "{got:?}"
    );
    // A number's default is documentation for the generated code.
    let a = req("|Port|Integer|No|1194|The port. Default value: 1194.|");
    let b = req("|Port|Integer|No|1194|The port. Default value: 443.|");
    assert!(changes(&a, &b)
        .iter()
        .any(|c| c.kind == Kind::DefaultChanged && !c.breaking));
}

fn limits(got: &[Change]) -> Vec<(Value, Value, bool)> {
    got.iter()
        .filter(|c| c.kind == Kind::LimitChanged)
        .map(|c| (c.old.clone(), c.new.clone(), c.breaking))
        .collect()
}

#[test]
fn tightened_limits_break_loosened_do_not() {
    let len = |n: u32| {
        req(&format!(
            "|Name|String|No|n|The name. It can be up to {n} characters in length.|"
        ))
    };
    let got = limits(&changes(&len(64), &len(128)));
    assert_eq!(
        got,
        vec![(
            serde_json::json!({"kind": "length", "max": 64}),
            serde_json::json!({"kind": "length", "max": 128}),
            false
        )]
    );
    assert!(limits(&changes(&len(128), &len(64)))[0].2);
    let range = |a: u32, b: u32| {
        req(&format!(
            "|Port|Integer|No|50|The port. Valid values: {a} to {b}.|"
        ))
    };
    assert!(!limits(&changes(&range(1, 100), &range(1, 200)))[0].2);
    assert!(limits(&changes(&range(1, 100), &range(2, 100)))[0].2);
    // Rules on response fields are not validated.
    let resp = |n: u32| {
        doc(
            "",
            &format!("|Name|String|n|The name. It can be up to {n} characters in length.|"),
            "",
        )
    };
    let got = changes(&resp(128), &resp(64));
    assert!(
        !got.is_empty() && got.iter().all(|c| !c.breaking),
        "{got:?}"
    );
}

#[test]
fn rules_without_bounds_break_when_added_not_when_removed() {
    let plain = req(NAME);
    let letter = req("|Name|String|No|n|The name. It must start with a letter.|");
    let added = limits(&changes(&plain, &letter));
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(added[0].0.is_null() && added[0].1["kind"] == "chars" && added[0].2);
    let removed = limits(&changes(&letter, &plain));
    assert_eq!(removed.len(), 1);
    assert!(removed[0].1.is_null() && !removed[0].2);
}

#[test]
fn bounds_read_from_two_sentences_equal_one_sentence() {
    let two = req("|Name|String|No|name|The name. It must be at least 2 characters in length. It can be up to 64 characters in length.|");
    let one_sentence =
        req("|Name|String|No|name|The name. It must be 2 to 64 characters in length.|");
    let got = changes(&two, &one_sentence);
    assert!(limits(&got).is_empty(), "{got:?}");
}

#[test]
fn wording_churn_is_no_change_and_rewording_only_a_description_change() {
    let a = req("|Port|Integer|No|1194|The port.  Valid values: 1 to 65535. See [ports](https://a.example/1).|");
    let churn =
        req("|Port|Integer|No|1194|The port: valid values 1 to 65535; see [ports](~~123~~)|");
    assert!(changes(&a, &churn).is_empty(), "{:?}", changes(&a, &churn));
    let reworded = req("|Port|Integer|No|1194|The listening port. Valid values: 1 to 65535.|");
    assert_eq!(
        brief(&a, &reworded),
        one(Kind::DescriptionChanged, Place::Request, "Port", false)
    );
}

#[test]
fn response_fields_added_removed_and_moved() {
    let old = doc("", "|Name|String|n|The name.|", "");
    let new = doc(
        "",
        "|Name|String|n|The name.|\n|Size|Integer|1|The size.|",
        "",
    );
    assert_eq!(
        brief(&old, &new),
        one(Kind::ResponseAdded, Place::Response, "Size", false)
    );
    assert_eq!(
        brief(&new, &old),
        one(Kind::ResponseRemoved, Place::Response, "Size", true)
    );
}

#[test]
fn a_response_field_moving_to_another_level_is_removed_and_added() {
    let old = doc("", "|Name|String|n|The name.|", "");
    let nested = doc(
        "",
        "|Data|Object||The data.|\n|└Name|String|n|The name.|",
        "",
    );
    let got = changes(&old, &nested);
    let brief: Vec<(Kind, &str, &Value, &Value, bool)> = got
        .iter()
        .map(|c| (c.kind, c.name.as_str(), &c.old, &c.new, c.breaking))
        .collect();
    // `r.name` no longer compiles; `r.data.name` is new; `Data` itself is new.
    let moved_to = serde_json::json!({"moved_to": "Data.Name"});
    let moved_from = serde_json::json!({"moved_from": "Name"});
    assert!(
        brief.contains(&(
            Kind::ResponseRemoved,
            "Name",
            &serde_json::json!({"type": "String"}),
            &moved_to,
            true
        )),
        "{got:?}"
    );
    assert!(
        brief.contains(&(
            Kind::ResponseAdded,
            "Data.Name",
            &moved_from,
            &serde_json::json!({"type": "String"}),
            false
        )),
        "{got:?}"
    );
    assert!(got
        .iter()
        .any(|c| c.kind == Kind::ResponseAdded && c.name == "Data"));
    assert_eq!(got.len(), 3, "{got:?}");
    // The text report gives the move one line.
    let text = Summary::new(got).text();
    assert!(
        text.contains("moved               response Name → Data.Name\n"),
        "{text}"
    );
    assert!(!text.contains("Data.Name:"), "{text}");
}

#[test]
fn members_move_with_their_container() {
    let old = doc(
        "",
        "|Items|Struct||The items.|\n|└Id|String|i|The ID.|\n|└Size|Integer|1|The size.|",
        "",
    );
    let new = doc(
        "",
        "|Data|Struct||The data.|\n|└Items|Struct||The items.|\n|\u{2003}\u{2003}└Id|String|i|The ID.|\n|\u{2003}\u{2003}└Size|Integer|1|The size.|",
        "",
    );
    let shape = |api: &Api| serde_json::to_value(&api.response).expect("JSON");
    assert_eq!(
        shape(&new)[1]["children"][0]["children"][1]["name"],
        "Size",
        "the test doc nests Items in Data"
    );
    let got = brief(&old, &new);
    assert_eq!(
        got,
        vec![
            (Kind::ResponseAdded, Place::Response, "Data".into(), false),
            (
                Kind::ResponseAdded,
                Place::Response,
                "Data.Items".into(),
                false
            ),
            (Kind::ResponseRemoved, Place::Response, "Items".into(), true),
        ]
    );
}

/// A doc whose response section has these rows and a JSON example.
fn with_example(rows: &str, json: &str) -> Api {
    doc(
        "",
        &format!("{rows}\n\n## Examples\n\nSample success responses\n\n`JSON` format\n\n```\n{json}\n```\n"),
        "",
    )
}

#[test]
fn a_list_written_with_or_without_its_item_level_is_one_type_change() {
    let rows = "|Zones|Array of Zone||The zones.|\n|ZoneId|String|z|The zone ID.|\n|LocalName|String|n|The name.|";
    let wrapped = with_example(
        rows,
        r#"{"RequestId": "r", "Zones": {"Zone": [{"ZoneId": "z", "LocalName": "n"}]}}"#,
    );
    let plain = with_example(
        rows,
        r#"{"RequestId": "r", "Zones": [{"ZoneId": "z", "LocalName": "n"}]}"#,
    );
    let got = changes(&wrapped, &plain);
    assert_eq!(got.len(), 1, "{got:?}");
    // `r.zones.zone` becomes `r.zones`: the members stay members of one zone.
    assert_eq!(
        (
            got[0].kind,
            got[0].name.as_str(),
            got[0].old.clone(),
            got[0].new.clone(),
            got[0].breaking
        ),
        (
            Kind::TypeChanged,
            "Zones",
            Value::from("Object (Zone: Array of Object)"),
            Value::from("Array of Object"),
            true
        )
    );
    assert_eq!(changes(&plain, &wrapped).len(), 1);
}

#[test]
fn a_type_cell_respelled_is_docs_only_and_a_container_retyped_breaks() {
    let struct_ = doc("", "|Info|Struct||The info.|\n|└Id|String|i|The ID.|", "");
    let object = doc("", "|Info|Object||The info.|\n|└Id|String|i|The ID.|", "");
    let got = changes(&struct_, &object);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind, got[0].old.clone(), got[0].new.clone()),
        (
            Kind::TypeChanged,
            Value::from("Struct"),
            Value::from("Object")
        )
    );
    assert!(got[0].docs_only && !got[0].breaking);
    assert_eq!(Summary::new(got).semver, "patch");
    let list = doc("", "|Tags|List|t|The tags.|", "");
    let array = doc("", "|Tags|Array of String|t|The tags.|", "");
    let got = changes(&list, &array);
    assert!(got.iter().all(|c| c.docs_only), "{got:?}");
    // A struct becoming a list of structs: `r.info.id` no longer compiles.
    let items = doc(
        "",
        "|Info|Array of Info||The info.|\n|└Id|String|i|The ID.|",
        "",
    );
    let got = changes(&struct_, &items);
    assert!(
        got.iter()
            .any(|c| c.kind == Kind::TypeChanged && c.name == "Info" && c.breaking),
        "{got:?}"
    );
}

#[test]
fn respelled_lists_are_a_rename_that_breaks_only_when_the_setter_does() {
    let one_ =
        req("|InstanceId.1|String|Yes|i-1|The ID of instance N. Valid values of N: 1 to 20.|");
    let n =
        req("|InstanceId.N|RepeatList|No|i-1|The ID of instance N. Valid values of N: 1 to 20.|");
    // `instance_id(Vec<String>)` either way; required → optional is compatible.
    let got = changes(&one_, &n);
    let brief: Vec<(Kind, &str, bool)> = got
        .iter()
        .map(|c| (c.kind, c.name.as_str(), c.breaking))
        .collect();
    assert_eq!(
        brief,
        vec![
            (Kind::ParamRemoved, "InstanceId.1", false),
            (Kind::ParamAdded, "InstanceId.N", false)
        ]
    );
    assert_eq!(got[0].new, serde_json::json!({"moved_to": "InstanceId.N"}));
    assert_eq!(
        got[1].old,
        serde_json::json!({"moved_from": "InstanceId.1"})
    );
    let text = Summary::new(got).text();
    assert!(
        text.contains("renamed             request  InstanceId.1 → InstanceId.N\n"),
        "{text}"
    );
    // `RepeatList` names no item type: a list of integers becomes a list of strings.
    let weight_1 = req("|Weight.1|Integer|No|50|The weight of instance N.|");
    let weight_n = req("|Weight.N|RepeatList|No|50|The weight of instance N.|");
    assert_eq!(
        brief_of(&changes(&weight_1, &weight_n)),
        vec![
            (Kind::ParamAdded, "Weight.N".into(), false),
            (Kind::ParamRemoved, "Weight.1".into(), true)
        ]
    );
}

fn brief_of(got: &[Change]) -> Vec<(Kind, String, bool)> {
    let mut out: Vec<_> = got
        .iter()
        .map(|c| (c.kind, c.name.clone(), c.breaking))
        .collect();
    out.sort();
    out
}

#[test]
fn limits_stated_in_prose_are_one_docs_only_rule_change_with_both_sentences() {
    // Sentences the extractor reads no rule from (the generated code does not check them).
    let five = req("|Tags|String|No|t|The tags. 标签以键值对方式传入，最多可以使用5组标签。|");
    let twenty = req("|Tags|String|No|t|The tags. 标签以键值对方式传入，最多可以使用20组标签。|");
    assert!(
        five.request[0].constraints.is_empty(),
        "the sentence is not read as a rule"
    );
    let got = changes(&five, &twenty);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind, got[0].old.clone(), got[0].new.clone()),
        (
            Kind::LimitChanged,
            serde_json::json!({"kind": "prose", "text": "标签以键值对方式传入，最多可以使用5组标签。"}),
            serde_json::json!({"kind": "prose", "text": "标签以键值对方式传入，最多可以使用20组标签。"})
        )
    );
    assert!(got[0].docs_only && !got[0].breaking);
    // A new condition stated in prose.
    let plain = req("|Ratio|Integer|No|20|The ratio.|");
    let when = req(
        "|Ratio|Integer|No|20|The ratio. 当**InternetChargeType**取值**PayBy95**时需指定此参数。|",
    );
    let got = changes(&plain, &when);
    assert_eq!(
        brief_of(&got),
        vec![(Kind::LimitChanged, "Ratio".into(), false)]
    );
}

#[test]
fn a_prose_rule_reworded_with_the_same_data_is_no_rule_change() {
    let a = req("|Bandwidth|Long|Yes|4|The bandwidth. If the specification is Small (the free version), the bandwidth value range of the address is 1 to 5000.|");
    let b = req("|Bandwidth|Long|Yes|4|The bandwidth. If the specification is **Small** (free), the bandwidth of the address is from **1** to **5,000** Mbit/s.|");
    let got = changes(&a, &b);
    assert!(limits(&got).is_empty(), "{got:?}");
    // A typo fixed in such a sentence is no rule change either.
    let typo =
        req("|Id|String|No|i|The ID. 仅在EIP加入到带宽共享性全球加速实例后，才需要填写该参数。|");
    let fixed =
        req("|Id|String|No|i|The ID. 仅在EIP加入到带宽共享型全球加速实例后，才需要填写该参数。|");
    assert!(limits(&changes(&typo, &fixed)).is_empty());
}

#[test]
fn values_listed_by_a_response_description_are_an_open_enums_variants() {
    let states = |list: &str| {
        doc(
            "",
            &format!("|State|String|Active|The state. Valid values:\n\n{list} |"),
            "",
        )
    };
    let old = states("-   Active: in use.\n-   Inacitve: not in use.");
    let new = states("-   Active: in use.\n-   Inactive: not in use.");
    let got = changes(&old, &new);
    let values: Vec<(Kind, Value, Value, bool, bool)> = got
        .iter()
        .filter(|c| matches!(c.kind, Kind::ValuesAdded | Kind::ValuesRemoved))
        .map(|c| {
            (
                c.kind,
                c.old.clone(),
                c.new.clone(),
                c.breaking,
                c.docs_only,
            )
        })
        .collect();
    // The response field is an open `#[non_exhaustive]` enum (README): a variant added breaks no
    // one, a variant removed breaks code that names it.
    assert_eq!(
        values,
        vec![
            (
                Kind::ValuesAdded,
                Value::Null,
                serde_json::json!(["Inactive"]),
                false,
                false
            ),
            (
                Kind::ValuesRemoved,
                serde_json::json!(["Inacitve"]),
                Value::Null,
                true,
                false
            ),
        ]
    );
}

#[test]
fn a_response_field_read_as_text_before_and_as_an_enum_now_changes_type() {
    // An IR made before response values were read: the field has no rules.
    let new = doc(
        "",
        "|State|String|Active|The state. Valid values:\n\n-   Active: in use.\n-   Idle: not in use. |",
        "",
    );
    let mut old = new.clone();
    for f in old.response.iter_mut() {
        f.constraints.clear();
    }
    let got = changes(&old, &new);
    let types: Vec<(Kind, Value, Value, bool)> = got
        .iter()
        .filter(|c| c.kind == Kind::TypeChanged)
        .map(|c| (c.kind, c.old.clone(), c.new.clone(), c.breaking))
        .collect();
    assert_eq!(
        types,
        vec![(
            Kind::TypeChanged,
            serde_json::json!("String"),
            serde_json::json!("enum of Active, Idle"),
            true
        )]
    );
    assert!(
        !got.iter()
            .any(|c| matches!(c.kind, Kind::ValuesAdded | Kind::ValuesRemoved)),
        "{got:?}"
    );
}

#[test]
fn a_field_the_examples_showed_that_the_table_now_lists_is_documented() {
    let json = r#"{"RequestId": "r", "Id": "i"}"#;
    let old = with_example("", json);
    let new = with_example("|Id|String|i|The ID.|", json);
    assert!(
        old.response.iter().any(|f| f.name == "Id"),
        "the example gives Id"
    );
    let got = changes(&old, &new);
    let added: Vec<&Change> = got
        .iter()
        .filter(|c| c.kind == Kind::ResponseAdded)
        .collect();
    assert_eq!(added.len(), 1, "{got:?}");
    assert!(added[0].docs_only && !added[0].breaking);
    assert_eq!(added[0].old["from"], "examples");
    // And the reverse: the crate keeps the field the examples show.
    let got = changes(&new, &old);
    assert!(
        got.iter()
            .any(|c| c.kind == Kind::ResponseRemoved && c.docs_only && !c.breaking),
        "{got:?}"
    );
}

#[test]
fn error_codes() {
    let old = doc("", "", "|400|A.B|m|d|");
    let new = doc("", "", "|400|A.B|m|d|\n|404|C.D|n|e|");
    assert_eq!(
        brief(&old, &new),
        one(Kind::ErrorAdded, Place::Errors, "C.D", false)
    );
    assert_eq!(
        brief(&new, &old),
        one(Kind::ErrorRemoved, Place::Errors, "C.D", true)
    );
    let reworded = doc("", "", "|400|A.B|The message.|d|");
    assert_eq!(
        brief(&old, &reworded),
        one(Kind::DescriptionChanged, Place::Errors, "A.B", false)
    );
}

#[test]
fn apis_added_and_removed_in_sets() {
    let mut a = req(PORT);
    let mut b = req(PORT);
    a.name = "Old".into();
    b.name = "New".into();
    let got: Vec<(Kind, String, bool)> = diff_apis(&[a.clone()], &[b.clone()], false)
        .into_iter()
        .map(|c| (c.kind, c.api, c.breaking))
        .collect();
    assert_eq!(
        got,
        vec![
            (Kind::ApiAdded, "New".to_string(), false),
            (Kind::ApiRemoved, "Old".to_string(), true)
        ]
    );
    // Two docs of one API are compared whatever their titles say.
    assert!(diff_apis(&[a], &[b], true).is_empty());
}

#[test]
fn api_properties_such_as_the_version_are_wire_changes() {
    let a = req(PORT);
    let mut b = a.clone();
    b.version = "2021-01-01".into();
    assert_eq!(
        brief(&a, &b),
        one(Kind::WireChanged, Place::Api, "version", false)
    );
    // A version the doc did not give is unknown, not changed.
    b.version.clear();
    assert!(changes(&a, &b).is_empty());
}

#[test]
fn semver_follows_the_worst_change() {
    let a = req(PORT);
    assert_eq!(Summary::new(changes(&a, &a)).semver, "patch");
    let reworded = req("|Port|Integer|No|1194|The listening port.|");
    assert_eq!(Summary::new(changes(&a, &reworded)).semver, "patch");
    let added = req(&format!("{PORT}\n{NAME}"));
    assert_eq!(Summary::new(changes(&a, &added)).semver, "minor");
    let s = Summary::new(changes(&added, &a));
    assert_eq!((s.semver, s.breaking), ("major", true));
}

#[test]
fn reports_list_breaking_changes_first() {
    let old = req(&format!("{PORT}\n{NAME}"));
    let new = req("|Port|Integer|No|1194|The port.|\n|Zone|String|No|z|The zone.|");
    let s = Summary::new(changes(&old, &new));
    let text = s.text();
    let removed = text.find("param_removed").expect("listed");
    let added = text.find("param_added").expect("listed");
    assert!(removed < added, "{text}");
    let md = s.markdown();
    assert!(
        md.contains("### Breaking changes\n\n- `Foo`: parameter `Name` removed"),
        "{md}"
    );
    assert!(
        md.contains("### Compatible changes\n\n- `Foo`: optional parameter `Zone` added"),
        "{md}"
    );
    let json: Value = serde_json::from_str(&s.render(Format::Json)).expect("JSON");
    assert_eq!(json["semver"], "major");
    assert_eq!(json["changes"][0]["where"], "request");
    assert_eq!(json["changes"][0]["kind"], "param_removed");
}

#[test]
fn the_order_of_listed_characters_is_no_change() {
    let a = req("|Name|String|No|n|The name. It can contain digits, letters and underscores (_).|");
    let b = req("|Name|String|No|n|The name. It can contain underscores (_), letters and digits.|");
    let rules = |api: &Api| api.request[0].constraints.len();
    assert!(
        rules(&a) > 0 && rules(&b) > 0,
        "the test sentences yield rules"
    );
    assert!(limits(&changes(&a, &b)).is_empty(), "{:?}", changes(&a, &b));
}

#[test]
fn the_text_report_says_each_change_in_words() {
    let old = req("|Name|String|No|n|The name. It can be up to 64 characters in length.|");
    let new = req(
        "|Name|String|No|n|The name. It can be up to 128 characters in length.|\n|Zone|String|Yes|z|The zone.|",
    );
    let text = Summary::new(changes(&old, &new)).text();
    assert_eq!(
        text,
        "Foo: 1 breaking, 1 compatible, 0 docs only\n\
         \x20 BREAKING   param_added         request  Zone: — → String, required\n\
         \x20 compatible limit_changed       request  Name: length max=64 → length max=128\n\
         2 changes (1 breaking, 1 compatible, 0 docs only): semver major\n"
    );
}

#[test]
fn rules_the_docs_own_example_contradicts_are_docs_only() {
    // The example value breaks the stated length: the rule is kept, not enforced.
    let max = |n: u32| {
        req(&format!(
            "|Name|String|No|abcdefghij|The name. It can be up to {n} characters in length.|"
        ))
    };
    assert!(
        max(5).request[0].constraints.is_empty() && !max(5).request[0].demoted.is_empty(),
        "the parser demotes the rule"
    );
    let got = changes(&max(5), &max(6));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind, got[0].breaking, got[0].docs_only),
        (Kind::LimitChanged, false, true)
    );
    assert_eq!(
        got[0].new,
        serde_json::json!({"kind": "length", "max": 6, "enforced": false})
    );
}

#[test]
fn an_enum_whose_list_the_docs_own_example_contradicts_becomes_a_string() {
    let mode = |example: &str, values: &str| {
        req(&format!(
            "|Mode|String|No|{example}|The mode. Valid values: {values}.|"
        ))
    };
    let old = mode("a", "**a** \\| **b**");
    let new = mode("z", "**a** \\| **b** \\| **c**");
    assert!(
        new.request[0].constraints.is_empty() && !new.request[0].demoted.is_empty(),
        "the parser keeps the new list unenforced"
    );
    let got = brief_of(&changes(&old, &new));
    // `Mode::A` no longer exists: the setter takes a string. `c` is listed, for the docs.
    assert!(
        got.contains(&(Kind::TypeChanged, "Mode".into(), true)),
        "{got:?}"
    );
    assert!(
        got.contains(&(Kind::ValuesAdded, "Mode".into(), false)),
        "{got:?}"
    );
    assert!(got.iter().filter(|c| c.2).count() == 1, "{got:?}");
}
