//! Lenient deserializers for response fields.
//!
//! Real responses (and the docs' own examples) disagree with the documented types: a `String`
//! field arrives as a JSON number, an `Integer` as a string, a one-item array as a bare object,
//! and in XML every value is text. Generated response fields therefore deserialize through these
//! functions, which accept every such spelling for both `serde_json` and `quick_xml::de`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A value that travels as a scalar: text in XML, a string, number or boolean in JSON.
pub trait Scalar: Sized {
    /// Parses the textual form; the error is a short reason.
    fn from_wire(text: &str) -> Result<Self, String>;
}

impl Scalar for String {
    fn from_wire(text: &str) -> Result<Self, String> {
        Ok(text.to_string())
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
scalar_via_from_str!(i32, i64, f32, f64);

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

/// `quick_xml` cannot replay repeated elements through `deserialize_any`, and JSON cannot
/// coerce an object into a sequence; the deserializer's type tells the two apart.
fn is_xml<'de, D: Deserializer<'de>>() -> bool {
    std::any::type_name::<D>().contains("quick_xml")
}

/// Reads one scalar, or `None` for JSON `null`, an empty XML element or an empty object.
struct ScalarVisitor<T>(PhantomData<T>);

impl<'de, T: Scalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match T::from_wire(v) {
            Ok(value) => Ok(Some(value)),
            // An empty element stands for "no value" in a numeric or boolean field.
            Err(_) if v.trim().is_empty() => Ok(None),
            Err(e) => Err(E::custom(e)),
        }
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.visit_str(if v { "true" } else { "false" })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        scalar(d)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // An XML element with only text comes as `{"$text": "…"}`; an empty one as `{}`.
        let mut value = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "$text" || key == "$value" {
                value = map.next_value_seed(ScalarSeed::<T>(PhantomData))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(value)
    }
}

struct ScalarSeed<T>(PhantomData<T>);

impl<'de, T: Scalar> de::DeserializeSeed<'de> for ScalarSeed<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        scalar(d)
    }
}

fn scalar<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Option<T>, D::Error> {
    if is_xml::<D>() {
        // XML text: ask for a string so that quick_xml does not build a map.
        d.deserialize_string(ScalarVisitor(PhantomData))
    } else {
        d.deserialize_any(ScalarVisitor(PhantomData))
    }
}

/// An optional scalar field.
pub fn opt<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Option<T>, D::Error> {
    scalar(d)
}

/// An item of a list, read leniently.
struct Item<T>(Option<T>);

impl<'de, T: Scalar> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar(d).map(Item)
    }
}

/// A list of scalars: a JSON array, a single bare value, or repeated XML elements.
pub fn scalar_list<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Vec<T>, D::Error> {
    let items: Vec<Item<T>> = list(d)?;
    Ok(items.into_iter().filter_map(|i| i.0).collect())
}

/// A list of objects: a JSON array, a single bare object, or repeated XML elements.
pub fn struct_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    list(d)
}

fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    if is_xml::<D>() {
        return d.deserialize_seq(ListVisitor(PhantomData));
    }
    d.deserialize_any(ListVisitor(PhantomData))
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list, or a single item")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|one| vec![one])
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        T::deserialize(de::value::StrDeserializer::new(v)).map(|one| vec![one])
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        T::deserialize(de::value::BoolDeserializer::new(v)).map(|one| vec![one])
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::deserialize(de::value::I64Deserializer::new(v)).map(|one| vec![one])
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::deserialize(de::value::U64Deserializer::new(v)).map(|one| vec![one])
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::deserialize(de::value::F64Deserializer::new(v)).map(|one| vec![one])
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

/// A free-form JSON value (`Json`/`Map` typed fields). XML text stays a string.
pub fn opt_json<'de, D: Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(match value {
        serde_json::Value::Null => None,
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
        #[serde(rename = "Items")]
        items: Option<Items>,
        #[serde(rename = "Names")]
        names: Option<Names>,
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
        }
    }

    #[test]
    fn json_with_mismatched_scalar_types() {
        let json = r#"{"RequestId":"R1","Total":"2","Enabled":"true","Unknown":[1],
            "Items":{"Item":[{"Id":"a","Size":1},{"Id":"b","Size":"2"}]},
            "Names":{"Name":["x","y"]}}"#;
        assert_eq!(serde_json::from_str::<Response>(json).unwrap(), expected());
    }

    #[test]
    fn xml_with_repeated_elements() {
        let xml = "<R><RequestId>R1</RequestId><Total>2</Total><Enabled>true</Enabled>\
            <Items><Item><Id>a</Id><Size>1</Size></Item><Item><Id>b</Id><Size>2</Size></Item></Items>\
            <Names><Name>x</Name><Name>y</Name></Names><Unknown>z</Unknown></R>";
        assert_eq!(
            quick_xml::de::from_str::<Response>(xml).unwrap(),
            expected()
        );
    }

    #[test]
    fn single_item_arrays_written_as_objects() {
        let json = r#"{"Items":{"Item":{"Id":"a"}},"Names":{"Name":"x"}}"#;
        let r = serde_json::from_str::<Response>(json).unwrap();
        assert_eq!(r.items.unwrap().item.len(), 1);
        assert_eq!(r.names.unwrap().name, vec!["x".to_string()]);
        let xml = "<R><Items><Item><Id>a</Id></Item></Items><Names><Name>x</Name></Names></R>";
        let r = quick_xml::de::from_str::<Response>(xml).unwrap();
        assert_eq!(r.items.unwrap().item.len(), 1);
        assert_eq!(r.names.unwrap().name, vec!["x".to_string()]);
    }

    #[test]
    fn absent_null_and_empty_values() {
        let r = serde_json::from_str::<Response>(r#"{"RequestId":null,"Items":{}}"#).unwrap();
        assert_eq!(r.request_id, None);
        assert!(r.items.unwrap().item.is_empty());
        let r = quick_xml::de::from_str::<Response>("<R><RequestId/><Total></Total></R>").unwrap();
        assert_eq!(r.total, None);
    }

    #[test]
    fn wrong_scalar_is_an_error_not_a_panic() {
        assert!(serde_json::from_str::<Response>(r#"{"Total":"many"}"#).is_err());
        assert!(quick_xml::de::from_str::<Response>("<R><Total>x</Total></R>").is_err());
    }
}
