//! The type column: every spelling seen in these docs mapped to the IR.

use crate::model::Type;

/// What a type cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCell {
    /// The IR type; `None` for an empty/`N/A` cell (container or item rows, decided by context).
    pub ty: Option<Type>,
    /// For arrays: the named item type (`Array of NatGateway` → `NatGateway`).
    pub item: Option<String>,
    /// The spelling was not recognised (it fell back to `String`).
    pub unknown: bool,
}

fn scalar(name: &str) -> Option<Type> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "string" | "str" | "text" | "datetime" | "date" | "timestamp" | "time" => Type::String,
        "integer" | "int" | "int32" | "short" | "number" => Type::Integer,
        "long" | "int64" | "bigint" => Type::Long,
        "boolean" | "bool" => Type::Boolean,
        "float" => Type::Float,
        "double" | "decimal" | "bigdecimal" => Type::Double,
        "json" | "jsonobject" | "jsonarray" => Type::Json,
        "map" | "string to string map" | "hashmap" => Type::Map,
        "object" | "struct" => Type::Object,
        "array" | "list" | "repeatlist" | "set" | "jsonarray[]" => Type::Array,
        _ => return None,
    })
}

/// `X[]`, also written `X[ ]`: the item type `X`.
fn array_suffix(cell: &str) -> Option<&str> {
    let (item, brackets) = cell.strip_suffix(']')?.rsplit_once('[')?;
    (brackets.trim().is_empty() && !item.trim().is_empty()).then(|| item.trim())
}

/// Maps one type cell (already un-escaped and trimmed, links reduced to their text).
pub fn parse_type(cell: &str) -> TypeCell {
    let cell = cell.trim();
    if cell.is_empty() || cell.eq_ignore_ascii_case("n/a") || cell == "-" {
        return TypeCell {
            ty: None,
            item: None,
            unknown: false,
        };
    }
    // `Array of X`, `List of X`, `X[]`, `X的数组`, `X 数组`.
    let lower = cell.to_ascii_lowercase();
    let item = ["array of ", "list of ", "set of "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| cell[p.len()..].trim()))
        .or_else(|| array_suffix(cell))
        .or_else(|| cell.strip_suffix("的数组").map(str::trim))
        .or_else(|| {
            cell.strip_suffix("数组")
                .filter(|s| !s.is_empty())
                .map(str::trim)
        });
    if let Some(item) = item {
        return TypeCell {
            ty: Some(Type::Array),
            item: Some(item.to_string()),
            unknown: false,
        };
    }
    if let Some(ty) = scalar(cell) {
        return TypeCell {
            ty: Some(ty),
            item: None,
            unknown: false,
        };
    }
    // A struct name used as the type (`SomeConfig`): an object of unknown shape.
    let looks_like_name = cell.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && cell.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if looks_like_name {
        return TypeCell {
            ty: Some(Type::Other(cell.to_string())),
            item: None,
            unknown: true,
        };
    }
    TypeCell {
        ty: Some(Type::String),
        item: None,
        unknown: true,
    }
}

/// The IR type of an array item named in `Array of X`: a scalar, or an object named X.
pub fn item_type(item: &str) -> Type {
    match scalar(item) {
        Some(Type::Array | Type::Object) | None => Type::Object,
        Some(t) => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_corpus_spelling() {
        for (cell, ty) in [
            ("String", Type::String),
            ("string", Type::String),
            ("Integer", Type::Integer),
            ("Long", Type::Long),
            ("Boolean", Type::Boolean),
            ("Float", Type::Float),
            ("Double", Type::Double),
            ("Struct", Type::Object),
            ("object", Type::Object),
            ("List", Type::Array),
            ("RepeatList", Type::Array),
            ("Array", Type::Array),
            ("Map", Type::Map),
            ("Json", Type::Json),
            ("DateTime", Type::String),
        ] {
            assert_eq!(parse_type(cell).ty, Some(ty), "{cell}");
        }
        assert_eq!(parse_type("\u{a0}".trim_matches('\u{a0}')).ty, None);
        assert_eq!(parse_type("N/A").ty, None);
    }

    #[test]
    fn arrays_name_their_items() {
        let t = parse_type("Array of NatGateway");
        assert_eq!(
            (t.ty, t.item.as_deref()),
            (Some(Type::Array), Some("NatGateway"))
        );
        assert_eq!(parse_type("SomeData[]").item.as_deref(), Some("SomeData"));
        // A space between the brackets (`AliyunJob[ ]`, `String[ ]`).
        assert_eq!(parse_type("SomeData[ ]").item.as_deref(), Some("SomeData"));
        assert_eq!(parse_type("String [ ]").item.as_deref(), Some("String"));
        assert_eq!(parse_type("[]").ty, Some(Type::String));
        assert_eq!(
            parse_type("SomeStruct的数组").item.as_deref(),
            Some("SomeStruct")
        );
        assert_eq!(item_type("String"), Type::String);
        assert_eq!(item_type("spareIps"), Type::Object);
    }

    #[test]
    fn unknown_spellings_fall_back() {
        let t = parse_type("SomeConfig");
        assert!(t.unknown);
        assert_eq!(t.ty, Some(Type::Other("SomeConfig".into())));
        let t = parse_type("字符串?");
        assert!(t.unknown);
        assert_eq!(t.ty, Some(Type::String));
    }
}
