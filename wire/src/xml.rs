//! XML bodies as JSON values, so that JSON and XML answers decode through one lenient path.
//!
//! An element with child elements or attributes becomes an object (attributes are members; text
//! beside children is kept under `$text`), repeated sibling elements an array, an element with
//! only text a string (an empty element `""`). The root element's name is dropped: answers are
//! named `<ApiNameResponse>`, `<Response>` or anything else.

use quick_xml::events::{BytesRef, BytesStart, Event};
use serde_json::{Map, Value};

/// One open element: its members and its text so far.
struct Open {
    name: String,
    members: Map<String, Value>,
    text: String,
}

impl Open {
    fn new(start: &BytesStart<'_>) -> Result<Open, String> {
        let name = start.local_name().as_ref().to_string();
        let mut members = Map::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| format!("not valid XML: {e}"))?;
            let key = attr.key;
            if is_namespace_declaration(key.as_ref()) {
                continue;
            }
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("not valid XML: {e}"))?;
            let key = key.local_name().as_ref().to_string();
            members.insert(key, Value::String(value.into_owned()));
        }
        Ok(Open {
            name,
            members,
            text: String::new(),
        })
    }

    fn close(self) -> (String, Value) {
        let Open {
            name,
            mut members,
            text,
        } = self;
        if members.is_empty() {
            return (name, Value::String(text.trim().to_string()));
        }
        if !text.trim().is_empty() {
            members.insert("$text".into(), Value::String(text.trim().to_string()));
        }
        (name, members_value(members))
    }
}

/// The name XML gives the unnamed items of a list: `<Ids><element>a</element>…</Ids>` is what
/// JSON writes `"Ids": ["a", …]`.
pub const UNNAMED_ITEM: &str = "element";

/// An element's members as its value: the list of its items when its only members are unnamed
/// items (one item too: `<Ids><element>a</element></Ids>` is `["a"]`), else an object.
/// Shared with the generator's example reader.
pub fn members_value(mut members: Map<String, Value>) -> Value {
    if members.len() == 1 {
        if let Some(items) = members.remove(UNNAMED_ITEM) {
            return match items {
                Value::Array(items) => Value::Array(items),
                one => Value::Array(vec![one]),
            };
        }
    }
    Value::Object(members)
}

/// The text an entity or character reference in text stands for.
pub(crate) fn resolve_reference(r: &BytesRef<'_>) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => match r.xml10_content().as_ref() {
            "lt" => "<".into(),
            "gt" => ">".into(),
            "amp" => "&".into(),
            "apos" => "'".into(),
            "quot" => "\"".into(),
            // An unknown entity stays as written.
            other => format!("&{other};"),
        },
    }
}

/// Whether an attribute declares a namespace (not a member: `xmlns`, `xmlns:x`).
pub(crate) fn is_namespace_declaration(key: &str) -> bool {
    key == "xmlns" || key.starts_with("xmlns:")
}

/// Adds a child element's value under its name, turning a repeated name into an array (XML
/// repeats an element where JSON has a list). Shared with the generator's example reader.
pub fn insert_member(map: &mut Map<String, Value>, key: String, value: Value) {
    match map.get_mut(&key) {
        Some(Value::Array(items)) => items.push(value),
        Some(existing) => {
            let first = existing.take();
            *existing = Value::Array(vec![first, value]);
        }
        None => {
            map.insert(key, value);
        }
    }
}

/// The XML document as a JSON value (the root element's content).
pub fn xml_to_value(text: &str) -> Result<Value, String> {
    match element_value(text)? {
        Value::String(s) if s.is_empty() => Ok(Value::Object(Map::new())),
        value => Ok(value),
    }
}

/// The value of the one element `text` holds, as it is a member's value in [`xml_to_value`]
/// (an empty element is `""`). The one-pass decoder reads a member that has no typed place
/// for its shape again through this, from the member's own text.
pub(crate) fn element_value(text: &str) -> Result<Value, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Value> = None;
    let mut place = |stack: &mut Vec<Open>, name: String, value: Value| -> Result<(), String> {
        match stack.last_mut() {
            Some(parent) => {
                insert_member(&mut parent.members, name, value);
                Ok(())
            }
            None if root.is_none() => {
                root = Some(value);
                Ok(())
            }
            None => Err("not valid XML: more than one root element".into()),
        }
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not valid XML: {e}"))?;
        match event {
            Event::Start(e) => stack.push(Open::new(&e)?),
            Event::Empty(e) => {
                let (name, value) = Open::new(&e)?.close();
                place(&mut stack, name, value)?;
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else {
                    return Err("not valid XML: a closing tag closes nothing".into());
                };
                let (name, value) = open.close();
                place(&mut stack, name, value)?;
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                match stack.last_mut() {
                    Some(open) => open.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err("not XML: text outside any element".into()),
                }
            }
            Event::CData(c) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&c.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = resolve_reference(&r);
                match stack.last_mut() {
                    Some(open) => open.text.push_str(&resolved),
                    None => return Err("not XML: text outside any element".into()),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("not valid XML: `<{}>` is never closed", open.name));
    }
    root.ok_or_else(|| "not XML: no root element".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn elements_attributes_lists_and_entities() {
        let v = xml_to_value(
            r#"<?xml version="1.0" encoding="UTF-8"?>
            <Anything xmlns="urn:x"><A>1</A><B id="7">t &amp; u</B><C/><L><I>x</I><I>y</I></L>
            <D><![CDATA[<raw>]]></D><E>&#65;&lt;</E></Anything>"#,
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"A":"1","B":{"id":"7","$text":"t & u"},"C":"","L":{"I":["x","y"]},
                   "D":"<raw>","E":"A<"})
        );
    }

    #[test]
    fn unnamed_items_are_a_list() {
        // The XML rendering of `{"Ids": ["a", "b"], "One": ["x"], "Items": [{"N": "1"}]}`.
        let v = xml_to_value(
            "<R><Ids><element>a</element><element>b</element></Ids>\
             <One><element>x</element></One><Items><element><N>1</N></element></Items>\
             <Mixed><element>a</element><Other>b</Other></Mixed></R>",
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"Ids":["a","b"],"One":["x"],"Items":[{"N":"1"}],
                   "Mixed":{"element":"a","Other":"b"}})
        );
    }

    #[test]
    fn not_xml() {
        for bad in ["", "text", "<A>", "<A></B>", "<A/><B/>", "</A>"] {
            assert!(xml_to_value(bad).is_err(), "{bad}");
        }
        assert_eq!(xml_to_value("<R/>").unwrap(), json!({}));
    }
}
