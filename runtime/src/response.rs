//! Decoding generated response structs.
//!
//! A generated response struct implements [`Fields`]: its wire names and, by index, each field
//! as a [`Slot`] (`Slot::Scalar(&mut self.vpc_id)`); its `Deserialize` is one call to
//! [`deserialize_fields`]. The machinery (a serde visitor for JSON and values, a reader of
//! quick-xml's events for XML, both following the lenient rules of [`crate::de`]) is written
//! once in `aliyun-wire` and not per struct, so that a generated crate compiles a table per
//! struct rather than a derive; see [`crate::de::fields`].
//!
//! [`FromMembers`] is the older way, member by member from a `serde_json` object already read:
//! one call per field into the functions here. It gives the same values, and stays for
//! hand-written types; generated code no longer uses it.

pub use crate::de::fields::{deserialize_fields, Fields, ScalarField, Slot, StructField};

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::de::{scalar_list_of, scalar_of, Scalar};

/// The members of one JSON object (a response body, or a nested object in one).
pub type Members = Map<String, Value>;

/// A struct decoded from the members of an object; members it does not name are ignored and
/// absent or unreadable ones leave their field empty.
pub trait FromMembers: Sized {
    fn from_members(members: &mut Members) -> Self;
}

/// An optional scalar member ([`scalar_of`]).
pub fn scalar<T: Scalar>(members: &mut Members, name: &str) -> Option<T> {
    members.remove(name).and_then(scalar_of)
}

/// A list of scalars ([`scalar_list_of`]); empty when absent.
pub fn scalars<T: Scalar>(members: &mut Members, name: &str) -> Vec<T> {
    members.remove(name).map(scalar_list_of).unwrap_or_default()
}

/// An optional object member: an object, or a list of exactly one object; anything else `None`.
pub fn object<T: FromMembers>(members: &mut Members, name: &str) -> Option<T> {
    members.remove(name).and_then(object_of)
}

/// A list of objects: a list (items that are not objects are dropped), or a single object (a
/// one-item list written bare); empty when absent.
pub fn objects<T: FromMembers>(members: &mut Members, name: &str) -> Vec<T> {
    match members.remove(name) {
        Some(Value::Array(items)) => items.into_iter().filter_map(object_of).collect(),
        Some(value @ Value::Object(_)) => object_of(value).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A free-form JSON member (`Json`/`Map` typed fields); `None` when absent or null.
pub fn json(members: &mut Members, name: &str) -> Option<Value> {
    match members.remove(name) {
        None | Some(Value::Null) => None,
        other => other,
    }
}

/// A list of free-form JSON values: a list as it is, a single value as a one-item list.
pub fn json_list(members: &mut Members, name: &str) -> Vec<Value> {
    match members.remove(name) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(one) => vec![one],
    }
}

/// An object from any value: an object, or a list of exactly one object; anything else `None`.
pub fn object_of<T: FromMembers>(value: Value) -> Option<T> {
    match value {
        Value::Object(mut members) => Some(T::from_members(&mut members)),
        Value::Array(mut items) if items.len() == 1 => items.pop().and_then(object_of),
        _ => None,
    }
}

/// The `Deserialize` of a generated response struct: the input must be an object.
pub fn deserialize<'de, D: Deserializer<'de>, T: FromMembers>(d: D) -> Result<T, D::Error> {
    match Value::deserialize(d)? {
        Value::Object(mut members) => Ok(T::from_members(&mut members)),
        other => Err(D::Error::custom(format!(
            "expected an object, got {}",
            kind(&other)
        ))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::de::from_body;

    #[derive(Debug, PartialEq, Default)]
    struct Item {
        id: Option<String>,
        size: Option<i64>,
    }

    impl FromMembers for Item {
        fn from_members(m: &mut Members) -> Self {
            Item {
                id: scalar(m, "Id"),
                size: scalar(m, "Size"),
            }
        }
    }

    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize(d)
        }
    }

    #[derive(Debug, PartialEq, Default)]
    struct Response {
        request_id: Option<String>,
        enabled: Option<bool>,
        item: Option<Item>,
        items: Vec<Item>,
        ids: Vec<i32>,
        extra: Option<Value>,
        extras: Vec<Value>,
    }

    impl FromMembers for Response {
        fn from_members(m: &mut Members) -> Self {
            Response {
                request_id: scalar(m, "RequestId"),
                enabled: scalar(m, "Enabled"),
                item: object(m, "Item"),
                items: objects(m, "Items"),
                ids: scalars(m, "Ids"),
                extra: json(m, "Extra"),
                extras: json_list(m, "Extras"),
            }
        }
    }

    impl<'de> Deserialize<'de> for Response {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize(d)
        }
    }

    #[test]
    fn members_decode_leniently() {
        let r: Response = from_body(
            r#"{"RequestId":7,"Enabled":"true","Item":[{"Id":"a","Size":"2"}],
                "Items":{"Id":"b"},"Ids":["1","x",3],"Extra":{"k":1},"Extras":5,"Other":1}"#,
        )
        .unwrap();
        assert_eq!(
            r,
            Response {
                request_id: Some("7".into()),
                enabled: Some(true),
                item: Some(Item {
                    id: Some("a".into()),
                    size: Some(2)
                }),
                items: vec![Item {
                    id: Some("b".into()),
                    size: None
                }],
                ids: vec![1, 3],
                extra: Some(serde_json::json!({"k": 1})),
                extras: vec![serde_json::json!(5)],
            }
        );
    }

    #[test]
    fn absent_null_and_mismatched_members_stay_empty() {
        let r: Response = from_body(r#"{"Extra":null,"Item":"x","Items":[1,{"Id":"c"}]}"#).unwrap();
        assert_eq!(r.extra, None);
        assert_eq!(r.item, None);
        assert_eq!(r.items.len(), 1);
        assert_eq!(from_body::<Response>("{}").unwrap(), Response::default());
        let xml: Response =
            from_body("<R><Items><Id>a</Id></Items><Items><Id>b</Id></Items><Ids>4</Ids></R>")
                .unwrap();
        assert_eq!(xml.items.len(), 2);
        assert_eq!(xml.ids, vec![4]);
    }

    #[test]
    fn only_objects_deserialize() {
        assert!(serde_json::from_str::<Response>("[1]").is_err());
        assert!(serde_json::from_str::<Response>("\"x\"").is_err());
        let r: Response = serde_json::from_str(r#"{"RequestId":"R"}"#).unwrap();
        assert_eq!(r.request_id.as_deref(), Some("R"));
    }
}
