//! A field's IR type as the report writes it, and the item level a wrapper list gets; used by
//! the comparison of fields and of rules alike.

use crate::model::{Field, Type};

/// The only child of `parent` when it is the item level of a wrapper (`{"Zones": {"Zone":
/// [...]}}`): a list of objects without words of its own.
pub(super) fn is_item_level(parent: &Field, child: &Field) -> bool {
    parent.ty == Type::Object
        && parent.children.len() == 1
        && std::ptr::eq(&parent.children[0], child)
        && child.ty == Type::Array
        && child.item_type == Some(Type::Object)
        && child.description.trim().is_empty()
        && (child.line == parent.line || child.raw_type.trim().is_empty())
}

/// The IR type in words; a wrapper names its item level (`Object (Zone: Array of Object)`).
pub(super) fn type_text(f: &Field) -> String {
    match (&f.ty, &f.item_type, f.children.as_slice()) {
        (Type::Array, Some(item), _) => format!("Array of {}", item.as_str()),
        (Type::Object, _, [only]) if is_item_level(f, only) => {
            format!("Object ({}: {})", only.name, type_text(only))
        }
        (ty, _, _) => ty.as_str().to_string(),
    }
}
