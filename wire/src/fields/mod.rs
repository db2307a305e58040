//! Generated response structs decoded field by field, straight from the text.
//!
//! A generated struct implements [`Fields`]: the wire names of its fields, and for an index into
//! them the field itself as a [`Slot`] (`Slot::Scalar(&mut self.vpc_id)`). Everything else is
//! here, written once and not per struct: a serde visitor that reads any self-describing input
//! (serde_json's text, a `serde_json::Value`) into the slots, and an XML reader that does the
//! same from quick-xml's events (`fields::xml`). The generated `Deserialize` is one call to
//! [`deserialize_fields`].
//!
//! Each kind of slot follows the rule of the lenient decoding written on values in the crate
//! root ([`scalar_of`], [`scalar_list_of`],
//! [`object_of`](crate::object_of), [`struct_list_of`](crate::struct_list_of)): the shapes the
//! doc promises (and their near misses: a number as text, a one-item list as an object) are read
//! as they stream past; a member of any other shape is read into a value and handed to the rule
//! ([`Slot::set_value`]), so that it degrades exactly as the rule says, alone.

pub(crate) mod xml;

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::{scalar_list_of, scalar_of, Scalar};

/// A struct decoded field by field: what generated response types implement.
pub trait Fields {
    /// The wire names of the fields; a member of another name is ignored.
    fn names(&self) -> &'static [&'static str];
    /// The field named `names()[index]`; [`Slot::Skip`] for an index out of range.
    fn slot(&mut self, index: usize) -> Slot<'_>;
}

/// One field of a [`Fields`] struct, by the rule it decodes with.
pub enum Slot<'a> {
    /// An `Option` of a scalar ([`scalar_of`]).
    Scalar(&'a mut dyn ScalarField),
    /// A `Vec` of scalars ([`scalar_list_of`]).
    Scalars(&'a mut dyn ScalarField),
    /// An `Option` of a struct ([`object_of`](crate::object_of)).
    Object(&'a mut dyn StructField),
    /// A `Vec` of structs ([`struct_list_of`](crate::struct_list_of)).
    Objects(&'a mut dyn StructField),
    /// A free-form JSON value; `None` for null.
    Json(&'a mut Option<Value>),
    /// A list of free-form JSON values: a list as it is, a single value as a one-item list.
    JsonList(&'a mut Vec<Value>),
    /// No field: the member is ignored.
    Skip,
}

impl Slot<'_> {
    /// Decodes a member's whole value by the slot's rule, replacing what the field held. This is
    /// the value path: the one-pass readers use it for members of a shape they do not stream.
    pub fn set_value(self, value: Value) {
        match self {
            Slot::Scalar(field) | Slot::Scalars(field) => field.set_value(value),
            Slot::Object(field) | Slot::Objects(field) => field.set_value(value),
            Slot::Json(field) => {
                *field = match value {
                    Value::Null => None,
                    other => Some(other),
                }
            }
            Slot::JsonList(field) => {
                *field = match value {
                    Value::Null => Vec::new(),
                    Value::Array(items) => items,
                    one => vec![one],
                }
            }
            Slot::Skip => {}
        }
    }
}

/// A scalar field: `Option<T>` holds the last value put (or `None` when it does not parse),
/// `Vec<T>` pushes each value that parses.
pub trait ScalarField {
    /// Text ([`Scalar::from_wire`]).
    fn put_str(&mut self, text: &str);
    /// Text the caller owns.
    fn put_string(&mut self, text: String);
    /// A JSON integer.
    fn put_u64(&mut self, n: u64);
    /// A negative JSON integer.
    fn put_i64(&mut self, n: i64);
    /// A JSON number that is not an integer.
    fn put_f64(&mut self, n: f64);
    /// A JSON boolean.
    fn put_bool(&mut self, b: bool);
    /// A value of any shape, read by [`scalar_of`].
    fn put_value(&mut self, value: Value);
    /// The member's whole value by the field's rule: `Option` [`scalar_of`],
    /// `Vec` [`scalar_list_of`].
    fn set_value(&mut self, value: Value);
    /// `None`, or no items.
    fn clear(&mut self);
}

impl<T: Scalar> ScalarField for Option<T> {
    fn put_str(&mut self, text: &str) {
        *self = T::from_wire(text).ok();
    }
    fn put_string(&mut self, text: String) {
        *self = T::from_wire_owned(text).ok();
    }
    fn put_u64(&mut self, n: u64) {
        *self = T::from_u64(n).ok();
    }
    fn put_i64(&mut self, n: i64) {
        *self = T::from_i64(n).ok();
    }
    fn put_f64(&mut self, n: f64) {
        *self = T::from_f64(n).ok();
    }
    fn put_bool(&mut self, b: bool) {
        *self = T::from_bool(b).ok();
    }
    fn put_value(&mut self, value: Value) {
        *self = scalar_of(value);
    }
    fn set_value(&mut self, value: Value) {
        *self = scalar_of(value);
    }
    fn clear(&mut self) {
        *self = None;
    }
}

impl<T: Scalar> ScalarField for Vec<T> {
    fn put_str(&mut self, text: &str) {
        self.extend(T::from_wire(text).ok());
    }
    fn put_string(&mut self, text: String) {
        self.extend(T::from_wire_owned(text).ok());
    }
    fn put_u64(&mut self, n: u64) {
        self.extend(T::from_u64(n).ok());
    }
    fn put_i64(&mut self, n: i64) {
        self.extend(T::from_i64(n).ok());
    }
    fn put_f64(&mut self, n: f64) {
        self.extend(T::from_f64(n).ok());
    }
    fn put_bool(&mut self, b: bool) {
        self.extend(T::from_bool(b).ok());
    }
    fn put_value(&mut self, value: Value) {
        self.extend(scalar_of::<T>(value));
    }
    fn set_value(&mut self, value: Value) {
        *self = scalar_list_of(value);
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
}

/// A struct field: `Option<S>` or `Vec<S>` of a [`Fields`] struct.
pub trait StructField {
    /// A new default struct to decode into: in place of the `Option`'s value, or pushed.
    fn fresh(&mut self) -> &mut dyn Fields;
    /// `None`, or no items.
    fn clear(&mut self);
    /// One value of any shape, read by [`object_of`](crate::object_of): the `Option`'s value,
    /// or an item pushed when it is an object.
    fn put_value(&mut self, value: Value);
    /// The member's whole value by the field's rule: `Option` [`object_of`](crate::object_of),
    /// `Vec` [`struct_list_of`](crate::struct_list_of).
    fn set_value(&mut self, value: Value);
}

impl<S: Fields + Default> StructField for Option<S> {
    fn fresh(&mut self) -> &mut dyn Fields {
        self.insert(S::default())
    }
    fn clear(&mut self) {
        *self = None;
    }
    fn put_value(&mut self, value: Value) {
        *self = None;
        if let Some(members) = single_object(value) {
            fill(members, self.fresh());
        }
    }
    fn set_value(&mut self, value: Value) {
        self.put_value(value);
    }
}

impl<S: Fields + Default> StructField for Vec<S> {
    fn fresh(&mut self) -> &mut dyn Fields {
        let at = self.len();
        self.push(S::default());
        &mut self[at]
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn put_value(&mut self, value: Value) {
        if let Some(members) = single_object(value) {
            fill(members, self.fresh());
        }
    }
    fn set_value(&mut self, value: Value) {
        Vec::clear(self);
        match value {
            Value::Array(items) => items.into_iter().for_each(|item| self.put_value(item)),
            object @ Value::Object(_) => self.put_value(object),
            _ => {}
        }
    }
}

/// The members of an object, or of the one object a one-item list holds (as
/// [`object_of`](crate::object_of) reads it).
fn single_object(value: Value) -> Option<Map<String, Value>> {
    match value {
        Value::Object(members) => Some(members),
        Value::Array(mut items) if items.len() == 1 => items.pop().and_then(single_object),
        _ => None,
    }
}

/// Decodes the members of an object already read into a value, each by its field's rule.
pub fn fill(members: Map<String, Value>, target: &mut dyn Fields) {
    let names = target.names();
    for (name, value) in members {
        if let Some(index) = names.iter().position(|n| *n == name) {
            target.slot(index).set_value(value);
        }
    }
}

/// The struct name generated types pass to `deserialize_struct`. [`from_body`](crate::from_body)
/// answers it on an XML body with the text itself (`visit_newtype_struct` of a `&str`), which
/// the visitor here then reads with [`xml`]; other deserializers treat it as any struct name.
#[doc(hidden)]
pub const STRUCT_NAME: &str = "aliyun_wire::fields";

/// The `Deserialize` of a generated response struct: an object, read field by field.
pub fn deserialize_fields<'de, D: Deserializer<'de>, T: Fields + Default>(
    d: D,
) -> Result<T, D::Error> {
    let mut value = T::default();
    d.deserialize_struct(STRUCT_NAME, &[], StructVisitor(&mut value))?;
    Ok(value)
}

/// Where a member of this name goes: its index among `names`, tried first at `hint` (members
/// mostly come in the same order as the last time).
fn position(names: &[&str], hint: usize, name: &[u8]) -> Option<usize> {
    match names.get(hint) {
        Some(n) if n.as_bytes() == name => Some(hint),
        _ => names.iter().position(|n| n.as_bytes() == name),
    }
}

/// Reads an object into a [`Fields`] struct (or, from the XML probe, a whole XML body).
struct StructVisitor<'t>(&'t mut dyn Fields);

impl<'de> Visitor<'de> for StructVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let names = self.0.names();
        let mut hint = 0;
        while let Some(found) = map.next_key_seed(Key { names, hint })? {
            match found {
                Some(index) => {
                    hint = index + 1;
                    map.next_value_seed(SlotSeed(self.0.slot(index)))?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let text = <&str>::deserialize(d)?;
        xml::decode_body(text, self.0).map_err(D::Error::custom)
    }
}

/// A member name, looked up among the struct's names.
struct Key {
    names: &'static [&'static str],
    hint: usize,
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Option<usize>, E> {
        Ok(position(self.names, self.hint, name.as_bytes()))
    }
}

/// A member's value, read into its slot.
struct SlotSeed<'s>(Slot<'s>);

impl<'de> DeserializeSeed<'de> for SlotSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0 {
            Slot::Scalar(field) => d.deserialize_any(ScalarVisitor(field)),
            Slot::Scalars(field) => {
                field.clear();
                d.deserialize_any(ScalarsVisitor(field))
            }
            Slot::Object(field) => d.deserialize_any(ObjectVisitor(field)),
            Slot::Objects(field) => {
                field.clear();
                d.deserialize_any(ObjectsVisitor(field))
            }
            slot @ (Slot::Json(_) | Slot::JsonList(_)) => {
                slot.set_value(Value::deserialize(d)?);
                Ok(())
            }
            Slot::Skip => d.deserialize_ignored_any(IgnoredAny).map(|_| ()),
        }
    }
}

/// A list or an object read whole into a value, for the rules that need it.
fn seq_value<'de, A: SeqAccess<'de>>(seq: A) -> Result<Value, A::Error> {
    Value::deserialize(SeqAccessDeserializer::new(seq))
}

fn map_value<'de, A: MapAccess<'de>>(map: A) -> Result<Value, A::Error> {
    Value::deserialize(MapAccessDeserializer::new(map))
}

/// The scalar methods of a visitor of a field (`self.0`): each binds the field to `$f` and the
/// value to `$v` and runs its expression. serde_json and `Value` call no others.
macro_rules! scalar_visits {
    (|$f:ident, $v:ident| str: $str:expr, string: $string:expr, number: |$n:ident| $num:expr, bool: $bool:expr, unit: $unit:expr) => {
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_str<E: serde::de::Error>(self, $v: &str) -> Result<(), E> {
            let $f = self.0;
            $str;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_string<E: serde::de::Error>(self, $v: String) -> Result<(), E> {
            let $f = self.0;
            $string;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_u64<E: serde::de::Error>(self, $v: u64) -> Result<(), E> {
            let $f = self.0;
            let $n = Number::U64($v);
            $num;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_i64<E: serde::de::Error>(self, $v: i64) -> Result<(), E> {
            let $f = self.0;
            let $n = Number::I64($v);
            $num;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_f64<E: serde::de::Error>(self, $v: f64) -> Result<(), E> {
            let $f = self.0;
            let $n = Number::F64($v);
            $num;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_bool<E: serde::de::Error>(self, $v: bool) -> Result<(), E> {
            let $f = self.0;
            $bool;
            Ok(())
        }
        #[allow(unused_variables, clippy::no_effect)]
        fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
            let $f = self.0;
            $unit;
            Ok(())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
            self.visit_unit()
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    };
}

/// A JSON number as serde hands it over.
#[derive(Clone, Copy)]
enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    fn put(self, field: &mut dyn ScalarField) {
        match self {
            Number::U64(n) => field.put_u64(n),
            Number::I64(n) => field.put_i64(n),
            Number::F64(n) => field.put_f64(n),
        }
    }
}

/// `Option<T>`: [`scalar_of`].
struct ScalarVisitor<'f>(&'f mut dyn ScalarField);

impl<'de> Visitor<'de> for ScalarVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    scalar_visits!(|f, v|
        str: f.put_str(v),
        string: f.put_string(v),
        number: |n| n.put(f),
        bool: f.put_bool(v),
        unit: f.clear());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.put_value(seq_value(seq)?);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.0.put_value(map_value(map)?);
        Ok(())
    }
}

/// `Vec<T>` of scalars, emptied first: [`scalar_list_of`].
struct ScalarsVisitor<'f>(&'f mut dyn ScalarField);

impl<'de> Visitor<'de> for ScalarsVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    // An empty text is no item; null is none.
    scalar_visits!(|f, v|
        str: if !v.is_empty() { f.put_str(v) },
        string: if !v.is_empty() { f.put_string(v) },
        number: |n| n.put(f),
        bool: f.put_bool(v),
        unit: ());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(ScalarItem(&mut *self.0))?.is_some() {}
        Ok(())
    }

    // `{"Id": [...]}` (the XML way of writing a list) and the other objects: by the rule.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.0.set_value(map_value(map)?);
        Ok(())
    }
}

/// An item of a list of scalars: a scalar, or an XML element with attributes
/// (`{"$text": …}`); other items are dropped.
struct ScalarItem<'f>(&'f mut dyn ScalarField);

impl<'de> DeserializeSeed<'de> for ScalarItem<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(ScalarItemVisitor(self.0))
    }
}

struct ScalarItemVisitor<'f>(&'f mut dyn ScalarField);

impl<'de> Visitor<'de> for ScalarItemVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    scalar_visits!(|f, v|
        str: f.put_str(v),
        string: f.put_string(v),
        number: |n| n.put(f),
        bool: f.put_bool(v),
        unit: ());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let value = map_value(map)?;
        if crate::is_scalar_like(&value) {
            self.0.put_value(value);
        }
        Ok(())
    }
}

/// `Option<S>`: [`object_of`](crate::object_of).
struct ObjectVisitor<'f>(&'f mut dyn StructField);

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    // Not an object: no value.
    scalar_visits!(|f, v|
        str: f.clear(),
        string: f.clear(),
        number: |n| f.clear(),
        bool: f.clear(),
        unit: f.clear());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.put_value(seq_value(seq)?);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        StructVisitor(self.0.fresh()).visit_map(map)
    }
}

/// `Vec<S>`, emptied first: [`struct_list_of`](crate::struct_list_of).
struct ObjectsVisitor<'f>(&'f mut dyn StructField);

impl<'de> Visitor<'de> for ObjectsVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    // Not a list or an object: no items.
    scalar_visits!(|f, v|
        str: (),
        string: (),
        number: |n| (),
        bool: (),
        unit: ());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(ObjectItem(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        StructVisitor(self.0.fresh()).visit_map(map)
    }
}

/// An item of a list of objects: an object (or a one-item list of one); others are dropped.
struct ObjectItem<'f>(&'f mut dyn StructField);

impl<'de> DeserializeSeed<'de> for ObjectItem<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(ObjectItemVisitor(self.0))
    }
}

struct ObjectItemVisitor<'f>(&'f mut dyn StructField);

impl<'de> Visitor<'de> for ObjectItemVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    scalar_visits!(|f, v|
        str: (),
        string: (),
        number: |n| (),
        bool: (),
        unit: ());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.put_value(seq_value(seq)?);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        StructVisitor(self.0.fresh()).visit_map(map)
    }
}

#[cfg(test)]
mod tests;
