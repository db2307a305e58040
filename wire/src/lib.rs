//! Lenient decoding of response bodies.
//!
//! `aliyun-runtime` re-exports this crate as `aliyun_runtime::de` (the path generated code uses);
//! the generator depends on it directly to check at generation time which documented example
//! values the generated types can hold, without compiling the runtime's signing and HTTP crates.
//!
//! Real responses (and the docs' own examples) disagree with the documented types: a `String`
//! field arrives as a JSON number, an `Integer` as a string, a one-item array as a bare object,
//! an element with children where the doc promised a scalar, and in XML every value is text.
//! The rules are written once, on a JSON value ([`body_value`] reads a body into one; XML through
//! [`xml::xml_to_value`]): each field kind has a function here ([`scalar_of`],
//! [`scalar_list_of`], [`object_of`], [`struct_list_of`]) that never fails: a field whose shape
//! differs from the doc keeps what it can (the raw text, or `None`) and every other field still
//! arrives. Only a body that is not JSON or XML at all is an error.
//!
//! Generated response types do not build that value: they implement [`fields::Fields`] (a table
//! of wire names and typed slots), and [`from_body`] decodes the text into them in one pass
//! (JSON through serde_json, XML from quick-xml's events), giving the same result as the rules
//! applied to the value. Where a member's shape is not the documented one, that member alone is
//! read into a value and decoded by the rule; where the body's shape leaves a doubt the stream
//! cannot settle (a root member named `…Response` next to others), the whole body takes the
//! value path.

use std::fmt;

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::Value;

mod body;
pub mod fields;
pub mod xml;

/// A value that travels as a scalar: text in XML, a string, number or boolean in JSON.
///
/// Every method but `from_wire` has a default that goes through the text (a JSON number through
/// its serde_json text, as the value path reads it); the number types and `String` override
/// them with direct conversions that give the same result without the round trip.
pub trait Scalar: Sized {
    /// Parses the textual form; the error is a short reason.
    fn from_wire(text: &str) -> Result<Self, String>;

    /// [`Scalar::from_wire`] of text the caller owns.
    fn from_wire_owned(text: String) -> Result<Self, String> {
        Self::from_wire(&text)
    }

    /// A JSON integer (what `from_wire` makes of its decimal text).
    fn from_u64(n: u64) -> Result<Self, String> {
        Self::from_wire(&n.to_string())
    }

    /// A negative JSON integer.
    fn from_i64(n: i64) -> Result<Self, String> {
        Self::from_wire(&n.to_string())
    }

    /// A JSON number that is not an integer, read from serde_json's text of it (`1.5`, `1e300`).
    fn from_f64(n: f64) -> Result<Self, String> {
        match serde_json::Number::from_f64(n) {
            Some(number) => Self::from_wire(&number.to_string()),
            None => Err(format!("`{n}` is not a JSON number")),
        }
    }

    /// A JSON boolean.
    fn from_bool(b: bool) -> Result<Self, String> {
        Self::from_wire(if b { "true" } else { "false" })
    }
}
impl Scalar for String {
    fn from_wire(text: &str) -> Result<Self, String> {
        Ok(text.to_string())
    }
    fn from_wire_owned(text: String) -> Result<Self, String> {
        Ok(text)
    }
    fn from_u64(n: u64) -> Result<Self, String> {
        Ok(n.to_string())
    }
    fn from_i64(n: i64) -> Result<Self, String> {
        Ok(n.to_string())
    }
}

macro_rules! scalar_via_from_str {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            fn from_wire(text: &str) -> Result<Self, String> {
                text.trim()
                    .parse::<$t>()
                    .map_err(|e| format!("`{text}` is not a valid {}: {e}", stringify!($t)))
            }
        }
    )*};
}
scalar_via_from_str!(f32);

/// Integers: a JSON integer converts when it is in range (its text would parse exactly then).
macro_rules! scalar_integer {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            fn from_wire(text: &str) -> Result<Self, String> {
                text.trim()
                    .parse::<$t>()
                    .map_err(|e| format!("`{text}` is not a valid {}: {e}", stringify!($t)))
            }
            fn from_u64(n: u64) -> Result<Self, String> {
                <$t>::try_from(n).map_err(|e| format!("`{n}` is not a valid {}: {e}", stringify!($t)))
            }
            fn from_i64(n: i64) -> Result<Self, String> {
                <$t>::try_from(n).map_err(|e| format!("`{n}` is not a valid {}: {e}", stringify!($t)))
            }
        }
    )*};
}
scalar_integer!(i32, i64);

impl Scalar for f64 {
    fn from_wire(text: &str) -> Result<Self, String> {
        text.trim()
            .parse::<f64>()
            .map_err(|e| format!("`{text}` is not a valid f64: {e}"))
    }
    // An integer's decimal text parses to the nearest f64, and so does `as` (both round to
    // nearest, ties to even); serde_json's text of a float is the shortest that reads back
    // as the same f64.
    fn from_u64(n: u64) -> Result<Self, String> {
        Ok(n as f64)
    }
    fn from_i64(n: i64) -> Result<Self, String> {
        Ok(n as f64)
    }
    fn from_f64(n: f64) -> Result<Self, String> {
        Ok(n)
    }
}

impl Scalar for bool {
    fn from_wire(text: &str) -> Result<Self, String> {
        match text.trim() {
            t if t.eq_ignore_ascii_case("true") => Ok(true),
            t if t.eq_ignore_ascii_case("false") => Ok(false),
            // mse documents Boolean fields and shows `0`/`1` and `Yes` in its examples.
            t if t == "1" || t.eq_ignore_ascii_case("yes") => Ok(true),
            t if t == "0" || t.eq_ignore_ascii_case("no") => Ok(false),
            other => Err(format!("`{other}` is not a boolean")),
        }
    }
}

/// A response body that is neither JSON nor XML (or not an object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// What was wrong, e.g. `not JSON: expected value at line 1 column 1`.
    pub reason: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}

/// Whether a body is XML: its first non-blank character is `<` (whatever the content type says).
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
}

/// The body as one JSON value: JSON as it is, XML converted ([`xml::xml_to_value`]). A JSON
/// object that only wraps the answer in its root name (`{"XResponse": {…}}`) is unwrapped.
pub fn body_value(text: &str) -> Result<Value, DecodeError> {
    let value = if looks_like_xml(text) {
        xml::xml_to_value(text).map_err(|reason| DecodeError { reason })?
    } else {
        serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')).map_err(|e| {
            DecodeError {
                reason: format!("not JSON: {e}"),
            }
        })?
    };
    Ok(unwrap_root(value))
}

fn unwrap_root(value: Value) -> Value {
    match value {
        Value::Object(mut map)
            if map.len() == 1
                && map
                    .iter()
                    .all(|(k, v)| k.ends_with("Response") && v.is_object()) =>
        {
            let key = map.keys().next().cloned().unwrap_or_default();
            map.remove(&key).unwrap_or_default()
        }
        other => other,
    }
}

/// Decodes a JSON or XML response body (told apart by its first character) into `T`.
///
/// With generated response types this fails only when the body is not JSON/XML at all or is
/// not an object (a JSON array would otherwise be read into a struct by position).
///
/// The result is that of [`from_value`] on [`body_value`], computed in one pass over the text
/// where it can be (see [`fields`]); any other `T` (a serde derive) reads JSON in one pass too,
/// and XML through the value. When the one pass stops (a malformed body, or a shape it leaves
/// to the value path), the body is decoded again through the value, which gives the answer
/// and the error message.
pub fn from_body<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    match body::decode(text) {
        Some(value) => Ok(value),
        None => from_value(body_value(text)?),
    }
}

/// Decodes a body already read by [`body_value`].
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    let kind = match &value {
        Value::Object(_) => None,
        Value::Null => Some("null"),
        Value::Bool(_) => Some("a boolean"),
        Value::Number(_) => Some("a number"),
        Value::String(_) => Some("text"),
        Value::Array(_) => Some("an array"),
    };
    if let Some(kind) = kind {
        return Err(DecodeError {
            reason: format!("expected an object, got {kind}"),
        });
    }
    T::deserialize(value).map_err(|e| DecodeError {
        reason: e.to_string(),
    })
}

/// A scalar from any value: a one-item list gives its item, an XML element with attributes its
/// text; an object or list where a scalar was documented keeps its JSON text when `T` can hold
/// text, and is `None` otherwise. A value `T` cannot parse (`"many"` for a number) is `None`.
pub fn scalar_of<T: Scalar>(value: Value) -> Option<T> {
    match value {
        Value::Null => None,
        Value::String(s) => T::from_wire(&s).ok(),
        Value::Number(n) => T::from_wire(&n.to_string()).ok(),
        Value::Bool(b) => T::from_wire(if b { "true" } else { "false" }).ok(),
        Value::Array(mut items) if items.len() <= 1 => items.pop().and_then(scalar_of),
        Value::Object(mut map) if map.contains_key("$text") => {
            map.remove("$text").and_then(scalar_of)
        }
        Value::Object(map) if map.is_empty() => None,
        raw => T::from_wire(&raw.to_string()).ok(),
    }
}

/// A list of scalars from any value: a list, a single value, or a list wrapped in an object
/// of one member (`{"Id": ["a", "b"]}`, the XML way of writing a list). Items that are not
/// scalars, or that `T` cannot parse, are dropped.
pub fn scalar_list_of<T: Scalar>(value: Value) -> Vec<T> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) if s.is_empty() => Vec::new(),
        // Items that are not scalars are dropped, not turned into text.
        Value::Array(items) => items
            .into_iter()
            .filter(is_scalar_like)
            .filter_map(scalar_of)
            .collect(),
        Value::Object(map)
            if map.len() == 1
                && !map.contains_key("$text")
                && map
                    .values()
                    .all(|v| !v.is_null() && (is_scalar_like(v) || v.is_array())) =>
        {
            map.into_iter()
                .flat_map(|(_, inner)| scalar_list_of(inner))
                .collect()
        }
        // An item per element, attributes aside: `<Id lang="x">a</Id>`.
        Value::Object(mut map) => map
            .remove("$text")
            .and_then(scalar_of)
            .into_iter()
            .collect(),
        other => scalar_of(other).into_iter().collect(),
    }
}

/// A scalar, or an XML element with attributes and text (`{"$text": …}`).
pub fn is_scalar_like(value: &Value) -> bool {
    match value {
        Value::Array(_) => false,
        Value::Object(map) => map.contains_key("$text"),
        _ => true,
    }
}

/// An object from any value: an object, or a list of exactly one object; anything else `None`.
pub fn object_of<T: DeserializeOwned>(value: Value) -> Option<T> {
    match value {
        value @ Value::Object(_) => T::deserialize(value).ok(),
        Value::Array(mut items) if items.len() == 1 => items.pop().and_then(object_of),
        _ => None,
    }
}

/// A list of objects from any value: a list (items that are not objects are dropped), or a
/// single object (a one-item list written bare).
pub fn struct_list_of<T: DeserializeOwned>(value: Value) -> Vec<T> {
    match value {
        Value::Array(items) => items.into_iter().filter_map(object_of).collect(),
        value @ Value::Object(_) => object_of(value).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// An optional scalar field.
pub fn opt<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Option<T>, D::Error> {
    Ok(scalar_of(Value::deserialize(d)?))
}

/// A list of scalars: a JSON array, a single bare value, or repeated XML elements.
pub fn scalar_list<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(scalar_list_of(Value::deserialize(d)?))
}

/// An optional object field (`None` when the value is not an object).
pub fn object<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Ok(object_of(Value::deserialize(d)?))
}

/// A list of objects: a JSON array, a single bare object, or repeated XML elements.
pub fn struct_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    Ok(struct_list_of(Value::deserialize(d)?))
}

/// A list of free-form JSON values: a list as it is, a single value as a one-item list.
pub fn json_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => Vec::new(),
        Value::Array(items) => items,
        one => vec![one],
    })
}

/// A free-form JSON value (`Json`/`Map` typed fields). XML text stays a string.
pub fn opt_json<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        other => Some(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(default)]
    struct Item {
        #[serde(rename = "Id", deserialize_with = "opt")]
        id: Option<String>,
        #[serde(rename = "Size", deserialize_with = "opt")]
        size: Option<i64>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(default)]
    struct Items {
        #[serde(rename = "Item", deserialize_with = "struct_list")]
        item: Vec<Item>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(default)]
    struct Names {
        #[serde(rename = "Name", deserialize_with = "scalar_list")]
        name: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(default)]
    struct Response {
        #[serde(rename = "RequestId", deserialize_with = "opt")]
        request_id: Option<String>,
        #[serde(rename = "Total", deserialize_with = "opt")]
        total: Option<i32>,
        #[serde(rename = "Enabled", deserialize_with = "opt")]
        enabled: Option<bool>,
        #[serde(rename = "Items", deserialize_with = "object")]
        items: Option<Items>,
        #[serde(rename = "Names", deserialize_with = "object")]
        names: Option<Names>,
        #[serde(rename = "Ids", deserialize_with = "scalar_list")]
        ids: Vec<i64>,
        #[serde(rename = "Extra", deserialize_with = "opt_json")]
        extra: Option<Value>,
    }

    fn expected() -> Response {
        Response {
            request_id: Some("R1".into()),
            total: Some(2),
            enabled: Some(true),
            items: Some(Items {
                item: vec![
                    Item {
                        id: Some("a".into()),
                        size: Some(1),
                    },
                    Item {
                        id: Some("b".into()),
                        size: Some(2),
                    },
                ],
            }),
            names: Some(Names {
                name: vec!["x".into(), "y".into()],
            }),
            ids: Vec::new(),
            extra: None,
        }
    }

    fn decode(body: &str) -> Response {
        from_body::<Response>(body).unwrap_or_else(|e| panic!("{body}: {e}"))
    }

    #[test]
    fn json_with_mismatched_scalar_types() {
        let json = r#"{"RequestId":"R1","Total":"2","Enabled":"true","Unknown":[1],
            "Items":{"Item":[{"Id":"a","Size":1},{"Id":"b","Size":"2"}]},
            "Names":{"Name":["x","y"]}}"#;
        assert_eq!(decode(json), expected());
        // The derived types also work with serde_json directly.
        assert_eq!(serde_json::from_str::<Response>(json).unwrap(), expected());
    }

    #[test]
    fn xml_with_repeated_elements() {
        let xml = "<R><RequestId>R1</RequestId><Total>2</Total><Enabled>true</Enabled>\
            <Items><Item><Id>a</Id><Size>1</Size></Item><Item><Id>b</Id><Size>2</Size></Item></Items>\
            <Names><Name>x</Name><Name>y</Name></Names><Unknown>z</Unknown></R>";
        assert_eq!(decode(xml), expected());
    }

    #[test]
    fn single_item_arrays_written_as_objects() {
        let r = decode(r#"{"Items":{"Item":{"Id":"a"}},"Names":{"Name":"x"},"Ids":7}"#);
        assert_eq!(r.items.unwrap().item.len(), 1);
        assert_eq!(r.names.unwrap().name, vec!["x".to_string()]);
        assert_eq!(r.ids, vec![7]);
        let r = decode("<R><Items><Item><Id>a</Id></Item></Items><Names><Name>x</Name></Names><Ids><Id>7</Id></Ids></R>");
        assert_eq!(r.items.unwrap().item.len(), 1);
        assert_eq!(r.names.unwrap().name, vec!["x".to_string()]);
        // A list of scalars wrapped in an element per item (the XML way) is unwrapped.
        assert_eq!(r.ids, vec![7]);
        // …and a one-item list where a scalar was documented gives the item.
        assert_eq!(decode(r#"{"Total":[3]}"#).total, Some(3));
    }

    #[test]
    fn absent_null_and_empty_values() {
        let r = decode(r#"{"RequestId":null,"Items":{}}"#);
        assert_eq!(r.request_id, None);
        assert!(r.items.unwrap().item.is_empty());
        let r = decode("<R><RequestId/><Total></Total><Items/><Ids/></R>");
        assert_eq!(r.total, None);
        assert_eq!(r.request_id.as_deref(), Some(""));
        assert_eq!(r.items, None);
        assert!(r.ids.is_empty());
        assert_eq!(decode("<R/>"), Response::default());
    }

    #[test]
    fn a_mismatched_field_degrades_alone() {
        // Scalar documented, element with children sent; object documented, text sent; number
        // documented, words sent; list of objects with a stray scalar item.
        let xml = "<DescribeThingsResult><RequestId>R1</RequestId>\
            <Total><Value>2</Value><Unit>x</Unit></Total><Names>none</Names><Enabled>maybe</Enabled>\
            <Items><Item><Id>a</Id><Size>big</Size></Item><Item>oops</Item></Items></DescribeThingsResult>";
        let r = decode(xml);
        assert_eq!(r.request_id.as_deref(), Some("R1"));
        assert_eq!(r.total, None);
        assert_eq!(r.names, None);
        assert_eq!(r.enabled, None);
        assert_eq!(
            r.items.unwrap().item,
            vec![Item {
                id: Some("a".into()),
                size: None
            }]
        );
        // A text field keeps the raw value of what it could not read as text.
        let r = decode(r#"{"RequestId":{"Id":"R","Zone":1},"Items":[{"Item":[]},{}]}"#);
        assert_eq!(r.request_id.as_deref(), Some(r#"{"Id":"R","Zone":1}"#));
        assert_eq!(r.items, None);
        let r = decode(r#"{"Total":"many","Items":"none","Names":[1,2],"Ids":["1","x",{"a":1}]}"#);
        assert_eq!((r.total, r.items, r.names), (None, None, None));
        assert_eq!(r.ids, vec![1]);
        let r = decode(r#"{"Ids":{"Id":{"$text":"5","a":"b"}}}"#);
        assert_eq!(r.ids, vec![5]);
        let r = decode(r#"{"Ids":{"Id":{"Value":"5"}}}"#);
        assert_eq!(r.ids, Vec::<i64>::new());
        let r = decode(r#"<R><Ids><Id a="b">5</Id><Id>6</Id></Ids></R>"#);
        assert_eq!(r.ids, vec![5, 6]);
    }

    #[test]
    fn attributes_and_wrapped_roots() {
        let r = decode(r#"<R a="1"><RequestId lang="en">R1</RequestId><Extra k="v"/></R>"#);
        assert_eq!(r.request_id.as_deref(), Some("R1"));
        assert_eq!(r.extra, Some(serde_json::json!({"k": "v"})));
        let r = decode(r#"{"DescribeThingsResponse":{"RequestId":"R1","Total":2}}"#);
        assert_eq!((r.request_id.as_deref(), r.total), (Some("R1"), Some(2)));
        let r = decode(r#"{"ThingResponse":"x"}"#);
        assert_eq!(r, Response::default());
    }

    #[test]
    fn only_bodies_that_are_not_json_or_xml_fail() {
        for bad in [
            "",
            "not json",
            "{\"RequestId\":\"R",
            "<R><A></R>",
            "[1]",
            "\"R\"",
            "null",
        ] {
            assert!(from_body::<Response>(bad).is_err(), "{bad}");
        }
    }
}
