//! XML bodies read from quick-xml's events straight into [`Fields`] structs, by the rules
//! [`xml_to_value`](crate::xml::xml_to_value) and the field rules give on the value: an
//! element's attributes and child elements are its members, a repeated child is a list, text
//! is trimmed, an empty element is `""`, the root's name does not matter.
//!
//! What streams: members whose element has the documented shape (text for a scalar, children
//! for a struct, `<Ids><Id>…</Id>…</Ids>` for a list of scalars), and repeated elements of a
//! list of structs. A struct member written as unnamed list items (`<element>`) is read whole. A member of another shape, or one repeated where the field is not a list of
//! structs, is read again from its own text into a value ([`element_value`]) and decoded by the
//! field's rule; a body whose shape the stream cannot settle (a root member named `…Response`
//! next to others) is an `Err`, and the caller decodes the body through the value.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use serde_json::Value;

use super::{position, Fields, ScalarField, Slot, StructField};
use crate::xml::{element_value, is_namespace_declaration, resolve_reference, UNNAMED_ITEM};

/// Decodes an XML body into `target`. `Err` when the body is not well-formed XML, not an
/// object, or of a shape left to the value path.
pub(crate) fn decode_body(text: &str, target: &mut dyn Fields) -> Result<(), String> {
    Decoder {
        text,
        reader: Reader::from_str(text),
        seen: Vec::new(),
        repeated: Vec::new(),
        attributes: Vec::new(),
    }
    .body(target)
}

struct Decoder<'a> {
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// One per field of each open struct: how many members of its name came, and the first.
    seen: Vec<Seen>,
    /// The values of members that came more than once (the XML way of writing a list) where
    /// the field is not a list of structs; applied, as a list, when their struct closes.
    repeated: Vec<Repeated>,
    /// Values of attributes that are members of an open struct.
    attributes: Vec<String>,
}

#[derive(Clone, Copy, Default)]
struct Seen {
    count: u32,
    first: Origin,
}

/// Where the first member of a name was: the element's text, or an attribute.
#[derive(Clone, Copy, Default)]
enum Origin {
    #[default]
    Nowhere,
    Element(usize, usize),
    Attribute(usize),
}

struct Repeated {
    index: usize,
    values: Vec<Value>,
}

/// The struct an element's members go into: one already there, or one made when the element
/// turns out to be an object (its first attribute or child element).
enum Target<'t> {
    Ready(&'t mut dyn Fields),
    Lazy(&'t mut dyn StructField),
}

/// An open struct: its fields, and where its parts of the decoder's stacks begin.
struct Frame<'t> {
    target: &'t mut dyn Fields,
    names: &'static [&'static str],
    seen: usize,
    repeated: usize,
    attributes: usize,
    hint: usize,
}

/// What an element was: an object (attributes or child elements), and whether it had text.
struct Outcome {
    object: bool,
    text: bool,
}

fn xml_error(e: impl std::fmt::Display) -> String {
    format!("not valid XML: {e}")
}

fn unclosed() -> String {
    "not valid XML: an element is never closed".into()
}

/// Whether the element has attributes that are members (not namespace declarations); `Err`
/// for an attribute the value path would not read.
fn has_attributes(e: &BytesStart<'_>) -> Result<bool, String> {
    let mut any = false;
    for attr in e.attributes() {
        let attr = attr.map_err(xml_error)?;
        if is_namespace_declaration(attr.key.as_ref()) {
            continue;
        }
        attr.normalized_value(XmlVersion::Implicit1_0)
            .map_err(xml_error)?;
        any = true;
    }
    Ok(any)
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn append<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

impl<'a> Decoder<'a> {
    /// The next event and the offset it starts at.
    fn next(&mut self) -> Result<(usize, Event<'a>), String> {
        let at = self.offset();
        let event = self.reader.read_event().map_err(xml_error)?;
        Ok((at, event))
    }

    fn offset(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The value of the element that starts at `at` and has just been read to its end.
    fn reread(&self, at: usize) -> Result<Value, String> {
        let text = self
            .text
            .get(at..self.offset())
            .ok_or_else(|| "an element's text is out of the body".to_string())?;
        element_value(text)
    }

    fn body(&mut self, target: &mut dyn Fields) -> Result<(), String> {
        let (at, root, empty) = loop {
            let (at, event) = self.next()?;
            match event {
                Event::Start(e) => break (at, e, false),
                Event::Empty(e) => break (at, e, true),
                Event::Text(t) if is_blank(&t.xml10_content()) => {}
                Event::Text(_) | Event::GeneralRef(_) | Event::End(_) => {
                    return Err("not XML: text outside any element".into())
                }
                Event::Eof => return Err("not XML: no root element".into()),
                _ => {}
            }
        };
        if !empty && !has_attributes(&root)? && self.first_child_is_wrapper()? {
            self.wrapped(target)?;
        } else {
            let outcome = self.members(at, &root, empty, Target::Ready(target))?;
            if outcome.text && !outcome.object {
                return Err("expected an object, got text".into());
            }
        }
        loop {
            match self.next()?.1 {
                Event::Eof => return Ok(()),
                Event::Text(t) if is_blank(&t.xml10_content()) => {}
                Event::Start(_) | Event::Empty(_) => {
                    return Err("not valid XML: more than one root element".into())
                }
                Event::Text(_) | Event::GeneralRef(_) | Event::End(_) => {
                    return Err("not XML: text outside any element".into())
                }
                _ => {}
            }
        }
    }

    /// Whether the root's first member is an element named `…Response` (a body that may wrap
    /// the answer in its name), looking ahead without reading.
    fn first_child_is_wrapper(&self) -> Result<bool, String> {
        Ok(self
            .first_child()?
            .is_some_and(|name| name.ends_with("Response")))
    }

    /// The local name of the open element's first child element, looking ahead without
    /// reading; `None` when text or the end tag comes first.
    fn first_child(&self) -> Result<Option<String>, String> {
        let mut ahead = self.reader.clone();
        loop {
            match ahead.read_event().map_err(xml_error)? {
                Event::Start(e) | Event::Empty(e) => {
                    return Ok(Some(e.local_name().as_ref().to_string()))
                }
                Event::Text(t) if is_blank(&t.xml10_content()) => {}
                Event::CData(c) if is_blank(&c) => {}
                Event::GeneralRef(r) if is_blank(&resolve_reference(&r)) => {}
                Event::Comment(_) | Event::PI(_) | Event::DocType(_) | Event::Decl(_) => {}
                _ => return Ok(None),
            }
        }
    }

    /// The root's content when its first member is an element named `…Response`: the answer
    /// is that element's, if it is an object and the root's only member; otherwise `Err`.
    fn wrapped(&mut self, target: &mut dyn Fields) -> Result<(), String> {
        let mut target = Some(target);
        loop {
            let (at, event) = self.next()?;
            let (e, empty) = match event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => return Ok(()),
                Event::Text(t) if is_blank(&t.xml10_content()) => continue,
                Event::CData(c) if is_blank(&c) => continue,
                Event::GeneralRef(r) if is_blank(&resolve_reference(&r)) => continue,
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err("the root has text beside its member".into())
                }
                Event::Eof => return Err(unclosed()),
                _ => continue,
            };
            let Some(t) = target.take() else {
                return Err("the root has more than one member".into());
            };
            if !self.members(at, &e, empty, Target::Ready(t))?.object {
                return Err("the root's member is not an object".into());
            }
        }
    }

    /// Reads an element (its start tag just read, at `at`) as the members of a struct.
    fn members(
        &mut self,
        at: usize,
        start: &BytesStart<'_>,
        empty: bool,
        target: Target<'_>,
    ) -> Result<Outcome, String> {
        let mut target = Some(target);
        let mut frame: Option<Frame<'_>> = None;
        for attr in start.attributes() {
            let attr = attr.map_err(xml_error)?;
            if is_namespace_declaration(attr.key.as_ref()) {
                continue;
            }
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(xml_error)?;
            if frame.is_none() {
                frame = target.take().map(|t| self.open(t));
            }
            if let Some(f) = frame.as_mut() {
                let name = attr.key.local_name();
                if let Some(index) = position(f.names, 0, name.as_ref().as_bytes()) {
                    self.attribute(f, index, value.into_owned());
                }
            }
        }
        let mut text = false;
        if !empty {
            loop {
                let (child_at, event) = self.next()?;
                let (child, child_empty) = match event {
                    Event::Start(e) => (e, false),
                    Event::Empty(e) => (e, true),
                    Event::End(_) => break,
                    Event::Text(t) => {
                        text = text || !is_blank(&t.xml10_content());
                        continue;
                    }
                    Event::CData(c) => {
                        text = text || !is_blank(&c);
                        continue;
                    }
                    Event::GeneralRef(r) => {
                        text = text || !is_blank(&resolve_reference(&r));
                        continue;
                    }
                    Event::Eof => return Err(unclosed()),
                    _ => continue,
                };
                if frame.is_none() {
                    frame = target.take().map(|t| self.open(t));
                }
                match frame.as_mut() {
                    Some(f) => self.member(f, child_at, &child, child_empty)?,
                    None => self.skip(&child, child_empty)?,
                }
            }
        }
        let object = frame.is_some();
        if let Some(f) = frame {
            self.close(f, at, text)?;
        }
        Ok(Outcome { object, text })
    }

    fn open<'t>(&mut self, target: Target<'t>) -> Frame<'t> {
        let target = match target {
            Target::Ready(t) => t,
            Target::Lazy(field) => field.fresh(),
        };
        let names = target.names();
        let seen = self.seen.len();
        self.seen.resize(seen + names.len(), Seen::default());
        Frame {
            target,
            names,
            seen,
            repeated: self.repeated.len(),
            attributes: self.attributes.len(),
            hint: 0,
        }
    }

    /// Ends a struct: a text member (`$text`) if it has a field of that name, then the
    /// members that came more than once, each decoded as a list by its field's rule.
    fn close(&mut self, f: Frame<'_>, at: usize, text: bool) -> Result<(), String> {
        if text {
            if let Some(index) = f.names.iter().position(|n| *n == "$text") {
                if let Value::Object(mut members) = self.reread(at)? {
                    if let Some(value) = members.remove("$text") {
                        f.target.slot(index).set_value(value);
                    }
                }
            }
        }
        while self.repeated.len() > f.repeated {
            if let Some(r) = self.repeated.pop() {
                f.target.slot(r.index).set_value(Value::Array(r.values));
            }
        }
        self.seen.truncate(f.seen);
        self.attributes.truncate(f.attributes);
        Ok(())
    }

    fn attribute(&mut self, f: &mut Frame<'_>, index: usize, value: String) {
        let seen = &mut self.seen[f.seen + index];
        seen.count += 1;
        if seen.count == 1 {
            seen.first = Origin::Attribute(self.attributes.len());
            f.target.slot(index).set_value(Value::String(value.clone()));
            self.attributes.push(value);
        }
    }

    /// A child element of an open struct.
    fn member(
        &mut self,
        f: &mut Frame<'_>,
        at: usize,
        e: &BytesStart<'_>,
        empty: bool,
    ) -> Result<(), String> {
        let name = e.local_name();
        let Some(index) = position(f.names, f.hint, name.as_ref().as_bytes()) else {
            return self.skip(e, empty);
        };
        f.hint = index + 1;
        let seen = f.seen + index;
        self.seen[seen].count += 1;
        let count = self.seen[seen].count;
        let slot = f.target.slot(index);
        if count > 1 && !matches!(slot, Slot::Objects(_) | Slot::JsonList(_)) {
            let value = self.value(at, e, empty)?;
            if count == 2 {
                let first = match self.seen[seen].first {
                    Origin::Element(from, to) => {
                        element_value(self.text.get(from..to).unwrap_or(""))?
                    }
                    Origin::Attribute(i) => Value::String(self.attributes[i].clone()),
                    Origin::Nowhere => Value::Null,
                };
                self.repeated.push(Repeated {
                    index,
                    values: vec![first, value],
                });
            } else if let Some(r) = self.repeated[f.repeated..]
                .iter_mut()
                .find(|r| r.index == index)
            {
                r.values.push(value);
            }
            return Ok(());
        }
        // `<Items><element>…</element>…</Items>`: a list's unnamed items, as XML writes a JSON
        // array. Read whole and decoded by the field's rule, as the value path reads it.
        let struct_slot = matches!(slot, Slot::Object(_) | Slot::Objects(_));
        if struct_slot
            && !empty
            && !has_attributes(e)?
            && self.first_child()?.as_deref() == Some(UNNAMED_ITEM)
        {
            let value = self.value(at, e, empty)?;
            match (slot, value) {
                (Slot::Objects(field), Value::Array(items)) => {
                    items.into_iter().for_each(|item| field.put_value(item))
                }
                (slot, value) => slot.set_value(value),
            }
            if count == 1 {
                self.seen[seen].first = Origin::Element(at, self.offset());
            }
            return Ok(());
        }
        match slot {
            Slot::Scalar(field) => self.scalar(at, e, empty, field)?,
            Slot::Scalars(field) => self.scalars(at, e, empty, field)?,
            Slot::Object(field) => {
                if !self
                    .members(at, e, empty, Target::Lazy(&mut *field))?
                    .object
                {
                    field.clear();
                }
            }
            Slot::Objects(field) => {
                self.members(at, e, empty, Target::Lazy(field))?;
            }
            Slot::Json(field) => *field = Some(self.value(at, e, empty)?),
            // Unnamed items (`<Extras><element>…</element></Extras>`) are the list's items.
            Slot::JsonList(field) => match self.value(at, e, empty)? {
                Value::Array(items) => field.extend(items),
                one => field.push(one),
            },
            Slot::Skip => self.skip(e, empty)?,
        }
        if count == 1 {
            self.seen[seen].first = Origin::Element(at, self.offset());
        }
        Ok(())
    }

    /// An element where a scalar was documented: its text, or (attributes and no text,
    /// child elements) its value by [`scalar_of`](crate::scalar_of).
    fn scalar(
        &mut self,
        at: usize,
        e: &BytesStart<'_>,
        empty: bool,
        field: &mut dyn ScalarField,
    ) -> Result<(), String> {
        let attributes = has_attributes(e)?;
        let text = if empty {
            Some(Cow::Borrowed(""))
        } else {
            self.text_only()?
        };
        match text {
            Some(text) if !attributes || !is_blank(&text) => field.put_str(text.trim()),
            _ => field.put_value(self.reread(at)?),
        }
        Ok(())
    }

    /// An element where a list of scalars was documented (first of its name): its text as one
    /// item, or its child elements of one name, each with text only, as the items
    /// (`<Ids><Id>1</Id><Id>2</Id></Ids>`); any other shape by
    /// [`scalar_list_of`](crate::scalar_list_of).
    fn scalars(
        &mut self,
        at: usize,
        e: &BytesStart<'_>,
        empty: bool,
        field: &mut dyn ScalarField,
    ) -> Result<(), String> {
        if has_attributes(e)? {
            if !empty {
                self.skip_open(1)?;
            }
            field.set_value(self.reread(at)?);
            return Ok(());
        }
        if empty {
            return Ok(());
        }
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        let mut items = 0usize;
        let mut first_empty = false;
        let mut item_name: Option<String> = None;
        let by_value = loop {
            let (child, child_empty) = match self.next()?.1 {
                Event::Start(c) => (c, false),
                Event::Empty(c) => (c, true),
                Event::End(_) => break false,
                Event::Text(t) => {
                    append(&mut text, t.xml10_content());
                    continue;
                }
                Event::CData(c) => {
                    append(&mut text, c.into_inner());
                    continue;
                }
                Event::GeneralRef(r) => {
                    append(&mut text, Cow::Owned(resolve_reference(&r)));
                    continue;
                }
                Event::Eof => return Err(unclosed()),
                _ => continue,
            };
            let name = child.local_name();
            let same_name = match &item_name {
                Some(n) => n.as_bytes() == name.as_ref().as_bytes(),
                None => {
                    item_name = Some(name.as_ref().to_string());
                    true
                }
            };
            if !same_name || has_attributes(&child)? {
                if !child_empty {
                    self.skip_open(1)?;
                }
                self.skip_open(1)?;
                break true;
            }
            let item = if child_empty {
                Some(Cow::Borrowed(""))
            } else {
                self.text_only()?
            };
            let Some(item) = item else {
                self.skip_open(1)?;
                break true;
            };
            let item = item.trim();
            items += 1;
            if items == 1 {
                first_empty = item.is_empty();
            }
            field.put_str(item);
        };
        if by_value || (items > 0 && !is_blank(&text)) {
            field.clear();
            field.set_value(self.reread(at)?);
        } else if items == 0 {
            let text = text.trim();
            if !text.is_empty() {
                field.put_str(text);
            }
        } else if items == 1 && first_empty {
            field.clear();
        }
        Ok(())
    }

    /// The text of the element whose start tag was just read, up to its end tag; `None` (and
    /// the element read to its end) when it has child elements.
    fn text_only(&mut self) -> Result<Option<Cow<'a, str>>, String> {
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            match self.next()?.1 {
                Event::Text(t) => append(&mut text, t.xml10_content()),
                Event::CData(c) => append(&mut text, c.into_inner()),
                Event::GeneralRef(r) => append(&mut text, Cow::Owned(resolve_reference(&r))),
                Event::End(_) => return Ok(Some(text)),
                Event::Start(c) => {
                    has_attributes(&c)?;
                    self.skip_open(2)?;
                    return Ok(None);
                }
                Event::Empty(c) => {
                    has_attributes(&c)?;
                    self.skip_open(1)?;
                    return Ok(None);
                }
                Event::Eof => return Err(unclosed()),
                _ => {}
            }
        }
    }

    /// The value of an element read whole.
    fn value(&mut self, at: usize, e: &BytesStart<'_>, empty: bool) -> Result<Value, String> {
        self.skip(e, empty)?;
        self.reread(at)
    }

    /// Reads past an element whose start tag was just read, checking what the value path
    /// would check (attributes; end tags the reader checks).
    fn skip(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), String> {
        has_attributes(e)?;
        if empty {
            Ok(())
        } else {
            self.skip_open(1)
        }
    }

    /// Reads until `depth` open elements are closed.
    fn skip_open(&mut self, mut depth: usize) -> Result<(), String> {
        while depth > 0 {
            match self.next()?.1 {
                Event::Start(e) => {
                    has_attributes(&e)?;
                    depth += 1;
                }
                Event::Empty(e) => {
                    has_attributes(&e)?;
                }
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(unclosed()),
                _ => {}
            }
        }
        Ok(())
    }
}
