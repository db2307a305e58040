//! Assertions used by the tests generated from doc examples. Not part of the public API.

/// Compares a request's query with the documented example query.
///
/// Values of `json_params` are compared as parsed JSON (key order and spacing differ between
/// docs and serializers); numbers compare numerically (`1.0` = `1`), booleans ignore case.
pub fn assert_query_eq(
    actual: &[(String, String)],
    expected: &[(&str, &str)],
    json_params: &[&str],
) {
    let same = |name: &str, a: &str, e: &str| -> bool {
        if a == e {
            return true;
        }
        if json_params.contains(&name) {
            let pa = serde_json::from_str::<serde_json::Value>(a);
            let pe = serde_json::from_str::<serde_json::Value>(e);
            if let (Ok(pa), Ok(pe)) = (pa, pe) {
                return json_equal(&pa, &pe);
            }
        }
        if let (Ok(x), Ok(y)) = (a.trim().parse::<f64>(), e.trim().parse::<f64>()) {
            return x == y;
        }
        a.eq_ignore_ascii_case(e)
            && (a.eq_ignore_ascii_case("true") || a.eq_ignore_ascii_case("false"))
    };
    let mut problems = Vec::new();
    for (name, value) in expected {
        match actual.iter().find(|(k, _)| k == name) {
            Some((_, a)) if same(name, a, value) => {}
            Some((_, a)) => problems.push(format!("{name}: sent `{a}`, documented `{value}`")),
            None => problems.push(format!("{name}: not sent, documented `{value}`")),
        }
    }
    for (name, value) in actual {
        if !expected.iter().any(|(k, _)| k == name) {
            problems.push(format!(
                "{name}: sent `{value}`, not in the documented example"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "query differs from the documented example:\n{}",
        problems.join("\n")
    );
}

/// JSON equality where numbers and numeric strings compare by value.
fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| json_equal(v, w))
        }
        (V::Number(_) | V::String(_) | V::Bool(_), V::Number(_) | V::String(_) | V::Bool(_)) => {
            let text = |v: &V| match v {
                V::String(s) => s.clone(),
                other => other.to_string(),
            };
            let (ta, tb) = (text(a), text(b));
            ta == tb || matches!((ta.parse::<f64>(), tb.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_queries_pass() {
        let actual = vec![
            ("A".to_string(), "1".to_string()),
            ("J".to_string(), r#"[{"a":1,"b":"x"}]"#.to_string()),
        ];
        assert_query_eq(
            &actual,
            &[("A", "1.0"), ("J", r#"[{"b":"x","a":"1"}]"#)],
            &["J"],
        );
    }

    #[test]
    #[should_panic(expected = "not sent")]
    fn missing_parameter_fails() {
        assert_query_eq(&[], &[("A", "1")], &[]);
    }
}
