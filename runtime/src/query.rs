//! Flattening request values into RPC query parameters.
//!
//! Lists are 1-based repeat lists (`Tag.1.Key=a`, `InstanceId.2=b`); values marked as
//! JSON-encoded on the wire go into one parameter as compact JSON.

/// A value that can be sent as one query parameter value.
pub trait QueryValue {
    fn to_query_value(&self) -> String;
}

impl QueryValue for String {
    fn to_query_value(&self) -> String {
        self.clone()
    }
}

impl QueryValue for str {
    fn to_query_value(&self) -> String {
        self.to_string()
    }
}

macro_rules! query_value_via_display {
    ($($t:ty),*) => {$(
        impl QueryValue for $t {
            fn to_query_value(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
query_value_via_display!(bool, i32, i64, f32, f64);

impl QueryValue for serde_json::Value {
    fn to_query_value(&self) -> String {
        match self {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

/// A list as one text, items joined by `,` (what a relation compares a list parameter with).
impl<T: QueryValue> QueryValue for Vec<T> {
    fn to_query_value(&self) -> String {
        self.iter()
            .map(QueryValue::to_query_value)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The wire text of an optional value (a function, so that generated code passing
/// `Some(&self.x)` needs no `map` on a constructor).
pub fn value_text<T: QueryValue + ?Sized>(value: Option<&T>) -> Option<String> {
    value.map(T::to_query_value)
}

/// Collects `(name, value)` pairs; [`Query::finish`] sorts them by name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn new() -> Self {
        Self::default()
    }

    /// One scalar parameter.
    pub fn push<T: QueryValue + ?Sized>(&mut self, name: impl Into<String>, value: &T) {
        self.pairs.push((name.into(), value.to_query_value()));
    }

    /// A repeat list of scalars: `Name.1`, `Name.2`, …
    pub fn push_list<T: QueryValue>(&mut self, name: &str, values: &[T]) {
        for (index, value) in values.iter().enumerate() {
            self.push(format!("{name}.{}", index + 1), value);
        }
    }

    /// A value sent as one JSON-encoded parameter.
    pub fn push_json<T: serde::Serialize + ?Sized>(&mut self, name: impl Into<String>, value: &T) {
        // Serializing plain generated data to a string cannot fail; keep the pair visible anyway.
        let text = serde_json::to_string(value).unwrap_or_default();
        self.pairs.push((name.into(), text));
    }

    /// A scalar member of a struct level: `prefix` (`""` or `Tag.1.`) + `name`. Generated
    /// `write_query` calls these `field*` methods once per field, so that the name joining is
    /// compiled once here rather than as a `format!` per field.
    pub fn field<T: QueryValue + ?Sized>(&mut self, prefix: &str, name: &str, value: &T) {
        self.pairs
            .push((join(prefix, name, ""), value.to_query_value()));
    }

    /// A repeat list of scalars at a struct level: `{prefix}{name}.1`, …
    pub fn field_list<T: QueryValue>(&mut self, prefix: &str, name: &str, values: &[T]) {
        self.push_list(&join(prefix, name, ""), values);
    }

    /// A JSON-encoded member at a struct level.
    pub fn field_json<T: serde::Serialize + ?Sized>(
        &mut self,
        prefix: &str,
        name: &str,
        value: &T,
    ) {
        self.push_json(join(prefix, name, ""), value);
    }

    /// Pairs sorted by name (byte order), as the signature and the docs expect.
    pub fn finish(mut self) -> Vec<(String, String)> {
        self.pairs.sort();
        self.pairs
    }
}

/// The prefix of the members of a nested struct: `{prefix}{name}.`.
pub fn member_prefix(prefix: &str, name: &str) -> String {
    join(prefix, name, ".")
}

fn join(prefix: &str, name: &str, suffix: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + name.len() + suffix.len());
    s.push_str(prefix);
    s.push_str(name);
    s.push_str(suffix);
    s
}

/// The prefix of the members of the `index`-th (0-based) item of a repeat list.
pub fn item_prefix(prefix: &str, name: &str, index: usize) -> String {
    format!("{prefix}{name}.{}.", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_and_sorts() {
        let mut q = Query::new();
        q.push("Port", &1194);
        q.push("Compress", &false);
        q.push_list("InstanceId", &["a".to_string(), "b".to_string()]);
        q.push("Action", "Create");
        let prefix = item_prefix("", "Tag", 1);
        q.push(format!("{prefix}Key"), "k");
        assert_eq!(
            q.finish(),
            vec![
                ("Action".into(), "Create".into()),
                ("Compress".into(), "false".into()),
                ("InstanceId.1".into(), "a".into()),
                ("InstanceId.2".into(), "b".into()),
                ("Port".into(), "1194".into()),
                ("Tag.2.Key".into(), "k".into()),
            ]
        );
    }

    #[test]
    fn fields_join_prefix_and_name() {
        let mut q = Query::new();
        let tag = item_prefix("", "Tag", 0);
        q.field(&tag, "Key", "k");
        q.field("", "Port", &1194);
        q.field_list(&member_prefix("Config.", "Ids"), "Id", &[7, 8]);
        q.field_json("", "Rules", &serde_json::json!({"A": 1}));
        assert_eq!(
            q.finish(),
            vec![
                ("Config.Ids.Id.1".into(), "7".into()),
                ("Config.Ids.Id.2".into(), "8".into()),
                ("Port".into(), "1194".into()),
                ("Rules".into(), r#"{"A":1}"#.into()),
                ("Tag.1.Key".into(), "k".into()),
            ]
        );
    }

    #[test]
    fn lists_as_one_value() {
        let v = vec!["a".to_string(), "b".to_string()];
        assert_eq!(v.to_query_value(), "a,b");
    }

    #[test]
    fn json_values_are_compact() {
        let mut q = Query::new();
        q.push_json("Rules", &serde_json::json!([{"Priority": 1}]));
        assert_eq!(
            q.finish(),
            vec![("Rules".into(), r#"[{"Priority":1}]"#.into())]
        );
    }
}
