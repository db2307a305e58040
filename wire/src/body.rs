//! The one pass of [`from_body`](crate::from_body): what [`body_value`](crate::body_value)
//! does to a body (the `{"XResponse": {…}}` wrapper, XML), done while decoding.
//!
//! JSON: serde_json reads the text into `T` directly; the root object is looked at first, so
//! that a lone member named `…Response` holding an object is unwrapped. XML: `T` is asked for
//! through a deserializer that answers only generated types (which ask for
//! [`STRUCT_NAME`](crate::fields::STRUCT_NAME)), handing them the text to read with quick-xml;
//! anything else declines, and the body takes the value path.
//!
//! `None` is "decode through the value instead": for a malformed body (the value path then
//! gives the error), and for the shapes the stream leaves to it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::fields::STRUCT_NAME;
use crate::looks_like_xml;

pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    if looks_like_xml(text) {
        return T::deserialize(XmlBody(text)).ok();
    }
    let mut de = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    let value = de.deserialize_map(Root(PhantomData)).ok()?;
    de.end().ok()?;
    Some(value)
}

/// The root object: unwrapped when its first member is named `…Response` (and is then its
/// only member, holding an object), else read into `T` with the first member put back.
struct Root<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Root<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let first = map.next_key_seed(Name)?;
        match first {
            Some(name) if name.ends_with("Response") => {
                let value = map.next_value_seed(Wrapped(PhantomData))?;
                match map.next_key::<IgnoredAny>()? {
                    None => Ok(value),
                    Some(_) => Err(serde::de::Error::custom("a wrapper beside other members")),
                }
            }
            first => T::deserialize(MapAccessDeserializer::new(FirstPutBack { first, map })),
        }
    }
}

/// A member name as it is in the text where it can be.
struct Name;

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Name {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// The value of a wrapper member: an object, read into `T`; anything else fails (the value
/// path then reads the body, where the member is not a wrapper).
struct Wrapped<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Wrapped<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Wrapped<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// The root's members, the first of which has been read already.
struct FirstPutBack<'de, A> {
    first: Option<Cow<'de, str>>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FirstPutBack<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(Cow::Borrowed(name)) => seed
                .deserialize(BorrowedStrDeserializer::new(name))
                .map(Some),
            Some(Cow::Owned(name)) => seed.deserialize(StringDeserializer::new(name)).map(Some),
            None => self.map.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// An XML body offered to `T`: generated types take the text and read it themselves; any other
/// request is declined.
struct XmlBody<'a>(&'a str);

/// The one pass declined (the body takes the value path).
#[derive(Debug)]
struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("decoded through the value instead")
    }
}

impl std::error::Error for Declined {}

impl serde::de::Error for Declined {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Declined
    }
}

impl<'de> Deserializer<'de> for XmlBody<'de> {
    type Error = Declined;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        if name == STRUCT_NAME {
            visitor.visit_newtype_struct(BorrowedStrDeserializer::new(self.0))
        } else {
            Err(Declined)
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}
