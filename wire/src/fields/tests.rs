//! The one pass against the value path: the same bodies decoded into [`Fields`] structs by
//! [`from_body`] and into serde derives whose fields call the value rules of the crate root
//! (`opt`, `scalar_list`, `object`, …) on [`body_value`], which the crate's own tests pin to
//! hand-written answers. Both sides are serialized by wire name and compared.

use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::{Fields, Slot};
use crate::{
    body_value, from_body, from_value, json_list, object, opt, opt_json, scalar_list, struct_list,
    Scalar,
};

// The value path: serde derives, one value rule per field.

#[derive(Debug, Deserialize, Serialize, PartialEq, Default)]
#[serde(default)]
struct RSub {
    #[serde(rename = "Name", deserialize_with = "opt")]
    name: Option<String>,
    #[serde(rename = "Vals", deserialize_with = "scalar_list")]
    vals: Vec<i32>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq, Default)]
#[serde(default)]
struct RItem {
    #[serde(rename = "Id", deserialize_with = "opt")]
    id: Option<String>,
    #[serde(rename = "Size", deserialize_with = "opt")]
    size: Option<i64>,
    #[serde(rename = "Small", deserialize_with = "opt")]
    small: Option<i32>,
    #[serde(rename = "Ok", deserialize_with = "opt")]
    ok: Option<bool>,
    #[serde(rename = "Ratio", deserialize_with = "opt")]
    ratio: Option<f64>,
    #[serde(rename = "Narrow", deserialize_with = "opt")]
    narrow: Option<f32>,
    #[serde(rename = "Kind", deserialize_with = "opt")]
    kind: Option<Kind>,
    #[serde(rename = "Tags", deserialize_with = "scalar_list")]
    tags: Vec<String>,
    #[serde(rename = "Sub", deserialize_with = "object")]
    sub: Option<RSub>,
    #[serde(rename = "Subs", deserialize_with = "struct_list")]
    subs: Vec<RSub>,
    #[serde(rename = "Extra", deserialize_with = "opt_json")]
    extra: Option<Value>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq, Default)]
#[serde(default)]
struct RItems {
    #[serde(rename = "Item", deserialize_with = "struct_list")]
    item: Vec<RItem>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq, Default)]
#[serde(default)]
struct RResponse {
    #[serde(rename = "RequestId", deserialize_with = "opt")]
    request_id: Option<String>,
    #[serde(rename = "Total", deserialize_with = "opt")]
    total: Option<i32>,
    #[serde(rename = "Items", deserialize_with = "object")]
    items: Option<RItems>,
    #[serde(rename = "Item", deserialize_with = "struct_list")]
    item: Vec<RItem>,
    #[serde(rename = "Ids", deserialize_with = "scalar_list")]
    ids: Vec<i64>,
    #[serde(rename = "Kinds", deserialize_with = "scalar_list")]
    kinds: Vec<Kind>,
    #[serde(rename = "Extras", deserialize_with = "json_list")]
    extras: Vec<Value>,
}

/// An open enum, as generated response enums are.
#[derive(Debug, Clone, PartialEq, Serialize)]
enum Kind {
    Small,
    Large,
    Unlisted(String),
}

impl Scalar for Kind {
    fn from_wire(text: &str) -> Result<Self, String> {
        Ok(match text {
            "small" => Kind::Small,
            "large" => Kind::Large,
            other => Kind::Unlisted(other.to_string()),
        })
    }
}

// The one pass: the same fields as tables.

#[derive(Debug, Serialize, PartialEq, Default)]
struct FSub {
    #[serde(rename = "Name")]
    name: Option<String>,
    #[serde(rename = "Vals")]
    vals: Vec<i32>,
}

impl Fields for FSub {
    fn names(&self) -> &'static [&'static str] {
        &["Name", "Vals"]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Scalar(&mut self.name),
            1 => Slot::Scalars(&mut self.vals),
            _ => Slot::Skip,
        }
    }
}

#[derive(Debug, Serialize, PartialEq, Default)]
struct FItem {
    #[serde(rename = "Id")]
    id: Option<String>,
    #[serde(rename = "Size")]
    size: Option<i64>,
    #[serde(rename = "Small")]
    small: Option<i32>,
    #[serde(rename = "Ok")]
    ok: Option<bool>,
    #[serde(rename = "Ratio")]
    ratio: Option<f64>,
    #[serde(rename = "Narrow")]
    narrow: Option<f32>,
    #[serde(rename = "Kind")]
    kind: Option<Kind>,
    #[serde(rename = "Tags")]
    tags: Vec<String>,
    #[serde(rename = "Sub")]
    sub: Option<FSub>,
    #[serde(rename = "Subs")]
    subs: Vec<FSub>,
    #[serde(rename = "Extra")]
    extra: Option<Value>,
}

impl Fields for FItem {
    fn names(&self) -> &'static [&'static str] {
        &[
            "Id", "Size", "Small", "Ok", "Ratio", "Narrow", "Kind", "Tags", "Sub", "Subs", "Extra",
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Scalar(&mut self.id),
            1 => Slot::Scalar(&mut self.size),
            2 => Slot::Scalar(&mut self.small),
            3 => Slot::Scalar(&mut self.ok),
            4 => Slot::Scalar(&mut self.ratio),
            5 => Slot::Scalar(&mut self.narrow),
            6 => Slot::Scalar(&mut self.kind),
            7 => Slot::Scalars(&mut self.tags),
            8 => Slot::Object(&mut self.sub),
            9 => Slot::Objects(&mut self.subs),
            10 => Slot::Json(&mut self.extra),
            _ => Slot::Skip,
        }
    }
}

#[derive(Debug, Serialize, PartialEq, Default)]
struct FItems {
    #[serde(rename = "Item")]
    item: Vec<FItem>,
}

impl Fields for FItems {
    fn names(&self) -> &'static [&'static str] {
        &["Item"]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Objects(&mut self.item),
            _ => Slot::Skip,
        }
    }
}

#[derive(Debug, Serialize, PartialEq, Default)]
struct FResponse {
    #[serde(rename = "RequestId")]
    request_id: Option<String>,
    #[serde(rename = "Total")]
    total: Option<i32>,
    #[serde(rename = "Items")]
    items: Option<FItems>,
    #[serde(rename = "Item")]
    item: Vec<FItem>,
    #[serde(rename = "Ids")]
    ids: Vec<i64>,
    #[serde(rename = "Kinds")]
    kinds: Vec<Kind>,
    #[serde(rename = "Extras")]
    extras: Vec<Value>,
}

impl Fields for FResponse {
    fn names(&self) -> &'static [&'static str] {
        &[
            "RequestId",
            "Total",
            "Items",
            "Item",
            "Ids",
            "Kinds",
            "Extras",
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Scalar(&mut self.request_id),
            1 => Slot::Scalar(&mut self.total),
            2 => Slot::Object(&mut self.items),
            3 => Slot::Objects(&mut self.item),
            4 => Slot::Scalars(&mut self.ids),
            5 => Slot::Scalars(&mut self.kinds),
            6 => Slot::JsonList(&mut self.extras),
            _ => Slot::Skip,
        }
    }
}

impl<'de> Deserialize<'de> for FResponse {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_fields(d)
    }
}

/// Both decodings of a body, serialized by wire name (`Err` with the reason).
fn both(body: &str) -> (Result<Value, String>, Result<Value, String>) {
    let reference = body_value(body)
        .and_then(from_value::<RResponse>)
        .map(|r| serde_json::to_value(r).expect("serializes"))
        .map_err(|e| e.reason);
    let one_pass = from_body::<FResponse>(body)
        .map(|r| serde_json::to_value(r).expect("serializes"))
        .map_err(|e| e.reason);
    (reference, one_pass)
}

/// `from_body` agrees with the value path, and so does the one pass alone where it answers
/// (so that falling back cannot hide a wrong answer). Returns whether the one pass answered.
fn assert_same(body: &str) -> bool {
    let (reference, one_pass) = both(body);
    assert_eq!(one_pass, reference, "body: {body}");
    match crate::body::decode::<FResponse>(body) {
        Some(r) => {
            let r = serde_json::to_value(r).expect("serializes");
            assert_eq!(Ok(r), reference, "one pass alone, body: {body}");
            true
        }
        None => false,
    }
}

/// Bodies with every rule of the crate's own tests and their corners.
const BODIES: &[&str] = &[
    r#"{"RequestId":"R1","Total":"2","Items":{"Item":[{"Id":"a","Size":1},{"Id":"b","Size":"2"}]},"Ids":[1,"2"]}"#,
    r#"{"RequestId":7,"Total":2.5,"Items":{"Item":{"Id":3,"Size":-4,"Small":3000000000,"Ok":"yes","Ratio":"1.5"}}}"#,
    r#"{"Item":[{"Narrow":1.1,"Ratio":1e300,"Size":1.0,"Small":-0,"Ok":1,"Kind":"small"},5,[{"Id":"x"}],[[{"Id":"y"}]],[{"Id":"a"},{"Id":"b"}]]}"#,
    r#"{"Item":{"Kind":"medium","Tags":{"Tag":["a","",3]},"Sub":[{"Name":"n","Vals":{"V":[1,2]}}],"Subs":{"Name":"s"}}}"#,
    r#"{"Ids":{"Id":{"$text":"5","a":"b"}},"Kinds":["small",{"$text":"large"},{"x":1},[1],null,""]}"#,
    r#"{"Ids":{"Id":{"Value":"5"}},"Kinds":{"K":"small","L":"large"},"Extras":7}"#,
    r#"{"Ids":"","Kinds":"","Extras":null,"Items":"none","Item":"x","Total":[3]}"#,
    r#"{"Ids":{"$text":"9","Id":[1,2]},"Total":[],"RequestId":{"Zone":1,"Id":"R"}}"#,
    r#"{"Ids":{"Id":null},"Items":[{"Item":[]},{}],"RequestId":[["R"]],"Extras":[1,{"a":2}]}"#,
    r#"{"Total":1,"Total":"x","Item":[{"Id":"a"}],"Item":{"Id":"b"},"Ids":[1],"Ids":[2,3]}"#,
    r#"{"DescribeThingsResponse":{"RequestId":"R1","Total":2}}"#,
    r#"{"DescribeThingsResponse":{"RequestId":"R1"},"Total":2}"#,
    r#"{"DescribeThingsResponse":"x","Total":2}"#,
    r#"{"ThingResponse":"x"}"#,
    r#"{"A":1,"BResponse":{"RequestId":"R"}}"#,
    "\u{feff}{\"RequestId\":\"R\\u00e9\\n\"}",
    r#"{"RequestId":"\ud83d\ude00","Total":" 12 ","Ids":[" 3",true]}"#,
    r#"{}"#,
    r#"[1]"#,
    r#""R""#,
    r#"null"#,
    "",
    "{\"RequestId\":\"R",
    r#"{"RequestId":"R"} x"#,
    "<R><RequestId>R1</RequestId><Total>2</Total>\
        <Items><Item><Id>a</Id><Size>1</Size></Item><Item><Id>b</Id><Size>2</Size></Item></Items>\
        <Ids><Id>1</Id><Id>2</Id></Ids><Unknown>z</Unknown></R>",
    "<R><Items><Item><Id>a</Id></Item></Items><Ids><Id>7</Id></Ids><Kinds><K>small</K></Kinds></R>",
    "<R><RequestId/><Total></Total><Items/><Ids/><Item/><Extras/></R>",
    "<R/>",
    "<R>  </R>",
    "<R>text</R>",
    r#"<R a="1"/>"#,
    r#"<R a="1"><RequestId lang="en">R1</RequestId><Extras k="v"/></R>"#,
    r#"<R><RequestId a="b"/><Total a="1"> 5 </Total><Ids a="1"><Id>1</Id></Ids></R>"#,
    "<DescribeThingsResult><RequestId>R1</RequestId>\
        <Total><Value>2</Value><Unit>x</Unit></Total><Items>none</Items>\
        <Item><Id>a</Id><Size>big</Size></Item><Item>oops</Item></DescribeThingsResult>",
    r#"<R><Ids><Id a="b">5</Id><Id>6</Id></Ids><Kinds><K>a</K><L>b</L></Kinds></R>"#,
    "<R><Ids><Id></Id></Ids><Kinds><K></K><K/></Kinds><Total><![CDATA[ 4 ]]></Total></R>",
    "<R><Ids>text<Id>1</Id></Ids><Kinds><K><X/></K></Kinds></R>",
    "<R><Ids><Id>1</Id></Ids><Ids><Id>2</Id></Ids><Total>1</Total><Total>2</Total></R>",
    "<R><RequestId>a</RequestId><Other/><RequestId>b</RequestId><RequestId>c</RequestId></R>",
    "<R><Items><Item><Id>a</Id></Item></Items><Items><Item><Id>b</Id></Item></Items></R>",
    r#"<R Total="3"><Total>4</Total><Item Id="x"/><Item><Id>y</Id></Item></R>"#,
    "<R><Item><Sub><Name>n</Name><Vals><V>1</V><V>x</V><V>3</V></Vals></Sub>\
        <Subs><Name>a</Name></Subs><Subs/><Subs><Name>b</Name></Subs><Tags>one</Tags>\
        <Extra><A>1</A><A>2</A></Extra></Item></R>",
    "<R><RequestId>a &amp; b &#65; &unknown; \r\n c</RequestId></R>",
    r#"<?xml version="1.0"?><!-- c --><R xmlns="urn:x" xmlns:p="urn:p"><p:RequestId>R</p:RequestId></R>"#,
    "<Root><DescribeThingsResponse><RequestId>R1</RequestId></DescribeThingsResponse></Root>",
    "<Root><XResponse><RequestId>R1</RequestId></XResponse><Total>2</Total></Root>",
    "<Root><XResponse>text</XResponse></Root>",
    "<Root>t<XResponse><RequestId>R1</RequestId></XResponse></Root>",
    "<Root><![CDATA[ ]]>&#32;<XResponse><RequestId>R1</RequestId></XResponse>&#10;</Root>",
    "<Root>&#65;<XResponse><RequestId>R1</RequestId></XResponse></Root>",
    r#"<Root><XResponse a="1"/></Root>"#,
    "<R><A></R>",
    "<R/><S/>",
    "<R/>x",
    "x<R/>",
    "<R><Total a='1' a='2'>1</Total></R>",
    "<R><Item><element><Id>a</Id></element><element><Id>b</Id></element></Item>\
        <Ids><element>1</element><element>2</element></Ids>\
        <Items><Item><element><Id>c</Id></element></Item></Items><Extras><element>x</element></Extras></R>",
    "<R><Item><Subs><element><Name>n</Name></element></Subs><Sub><element><Name>m</Name></element></Sub></Item></R>",
    "<R><Unknown a='&bad;'/></R>",
    "</R>",
];

#[test]
fn every_body_decodes_as_the_value_path_does() {
    let streamed: Vec<&str> = BODIES.iter().copied().filter(|b| assert_same(b)).collect();
    // Only malformed bodies and a root member named `…Response` beside others (or not an
    // object) go through the value.
    let declined: Vec<&str> = BODIES
        .iter()
        .copied()
        .filter(|b| !streamed.contains(b))
        .collect();
    assert_eq!(streamed.len(), BODIES.len() - 19, "{declined:#?}");
}

#[test]
fn the_one_pass_keeps_what_the_rules_say() {
    // Answers written by hand for a few bodies, not only agreement with the value path.
    let r = from_body::<FResponse>(BODIES[0]).unwrap();
    assert_eq!(r.request_id.as_deref(), Some("R1"));
    assert_eq!(r.total, Some(2));
    let items = r.items.unwrap().item;
    assert_eq!(
        items.iter().map(|i| i.size).collect::<Vec<_>>(),
        [Some(1), Some(2)]
    );
    assert_eq!(r.ids, [1, 2]);
    let r = from_body::<FResponse>(BODIES[24]).unwrap();
    assert_eq!((r.request_id.as_deref(), r.total), (Some("R1"), Some(2)));
    assert_eq!(r.ids, [1, 2]);
    assert_eq!(r.items.unwrap().item.len(), 2);
    // A list's unnamed items (`<element>`, XML's rendering of a JSON array) are its items.
    let with = |part: &str| BODIES.iter().find(|b| b.contains(part)).copied().unwrap();
    let r = from_body::<FResponse>(with("<element><Id>a")).unwrap();
    let ids: Vec<_> = r.item.iter().map(|i| i.id.as_deref()).collect();
    assert_eq!(ids, [Some("a"), Some("b")]);
    assert_eq!(r.ids, [1, 2]);
    assert_eq!(r.items.unwrap().item[0].id.as_deref(), Some("c"));
    assert_eq!(r.extras, [json!("x")]);
    let r = from_body::<FResponse>(with("<element><Name>n")).unwrap();
    assert_eq!(r.item[0].subs[0].name.as_deref(), Some("n"));
    assert_eq!(r.item[0].sub.as_ref().unwrap().name.as_deref(), Some("m"));
    let r = from_body::<FResponse>(r#"{"Item":{"Kind":"medium","Size":"x"}}"#).unwrap();
    assert_eq!(r.item[0].kind, Some(Kind::Unlisted("medium".into())));
    assert_eq!(r.item[0].size, None);
}

// Random bodies: values of any shape under the fields' names, written as JSON and as XML.

const NAMES: &[&str] = &[
    "RequestId",
    "Total",
    "Items",
    "Item",
    "Ids",
    "Kinds",
    "Extras",
    "Id",
    "Size",
    "Small",
    "Ok",
    "Ratio",
    "Narrow",
    "Kind",
    "Tags",
    "Sub",
    "Subs",
    "Extra",
    "Name",
    "Vals",
    "$text",
    "Other",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        prop_oneof![
            Just("small".to_string()),
            Just(String::new()),
            Just(" 7 ".to_string()),
            Just("true".to_string()),
            Just("1e3".to_string()),
            "[a-z0-9 &<>\"'\\-\\.]{0,8}",
        ]
        .prop_map(Value::String),
        any::<i32>().prop_map(|n| Value::String(n.to_string())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(NAMES), inner), 0..5).prop_map(|members| {
                Value::Object(
                    members
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<String, Value>>(),
                )
            }),
        ]
    })
}

fn body() -> impl Strategy<Value = Value> {
    prop::collection::vec((prop::sample::select(NAMES), value()), 0..7).prop_map(|members| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A value as XML content: objects as child elements (a member named `$text` as text, members
/// whose name starts with `Ok` as attributes when they are scalars), lists as repeated elements.
fn xml_element(name: &str, value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| xml_element(name, item, out)),
        Value::Object(members) => {
            out.push('<');
            out.push_str(name);
            for (k, v) in members {
                if let (true, Some(text)) = (k.starts_with("Ok"), scalar_text(v)) {
                    out.push_str(&format!(" {k}=\"{}\"", escape(&text)));
                }
            }
            out.push('>');
            for (k, v) in members {
                match (k.as_str(), scalar_text(v)) {
                    ("$text", Some(text)) => out.push_str(&escape(&text)),
                    (k, Some(_)) if k.starts_with("Ok") => {}
                    ("$text", None) => {}
                    (k, _) => xml_element(k, v, out),
                }
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::Null => out.push_str(&format!("<{name}/>")),
        other => {
            let text = scalar_text(other).unwrap_or_default();
            out.push_str(&format!("<{name}>{}</{name}>", escape(&text)));
        }
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Small edits of a body's text: cut it, drop or double a character.
fn mutate(text: &str, at: usize, how: u8) -> String {
    let mut cut = at % (text.len() + 1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (head, tail) = text.split_at(cut);
    match how % 3 {
        0 => head.to_string(),
        1 => format!("{head}{}", tail.chars().skip(1).collect::<String>()),
        _ => format!("{head}{}{tail}", tail.chars().next().unwrap_or('x')),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_json_bodies_decode_as_the_value_path_does(body in body()) {
        let (bare, wrapped) = (body.to_string(), json!({ "DescribeXResponse": body }).to_string());
        prop_assert!(assert_same(&bare));
        prop_assert!(assert_same(&wrapped));
    }

    #[test]
    fn random_xml_bodies_decode_as_the_value_path_does(body in body()) {
        let mut xml = String::new();
        xml_element("DescribeXResponse", &body, &mut xml);
        let rooted = format!("<Root>{xml}</Root>");
        assert_same(&xml);
        // Wrapped in another root, the body is unwrapped in the one pass when it is an object
        // (it has attributes or child elements; text is escaped, so a `<` inside is a child).
        let inner = &xml["<DescribeXResponse".len()..xml.len() - "</DescribeXResponse>".len()];
        let object = inner.starts_with(' ') || inner.contains('<');
        prop_assert_eq!(assert_same(&rooted), object);
    }

    #[test]
    fn edited_bodies_never_panic_and_agree(body in body(), at in any::<usize>(), how in any::<u8>()) {
        let mut xml = String::new();
        xml_element("R", &body, &mut xml);
        assert_same(&mutate(&body.to_string(), at, how));
        assert_same(&mutate(&xml, at, how));
    }
}

/// The number conversions mean "what `from_wire` makes of serde_json's text of the number".
#[test]
fn numbers_convert_as_their_text_parses() {
    fn same<T: Scalar + PartialEq + std::fmt::Debug>() {
        let unsigned = [
            0,
            1,
            2,
            i32::MAX as u64,
            i32::MAX as u64 + 1,
            (1 << 53) + 1,
            u64::MAX,
        ];
        for n in unsigned {
            assert_eq!(
                T::from_u64(n).ok(),
                T::from_wire(&n.to_string()).ok(),
                "{n}"
            );
        }
        let signed = [
            -1,
            i32::MIN as i64,
            i32::MIN as i64 - 1,
            -(1 << 53) - 1,
            i64::MIN,
        ];
        for n in signed {
            assert_eq!(
                T::from_i64(n).ok(),
                T::from_wire(&n.to_string()).ok(),
                "{n}"
            );
        }
        for x in [0.5, -0.0, 1.1, 1e300, 3.4e38, 3.5e38, 1e-320, 123456789.123] {
            let text = serde_json::Number::from_f64(x).expect("finite").to_string();
            assert_eq!(T::from_f64(x).ok(), T::from_wire(&text).ok(), "{x}");
        }
        for b in [true, false] {
            assert_eq!(
                T::from_bool(b).ok(),
                T::from_wire(&b.to_string()).ok(),
                "{b}"
            );
        }
    }
    same::<i32>();
    same::<i64>();
    same::<f32>();
    same::<f64>();
    same::<bool>();
    same::<String>();
    same::<Kind>();
}
