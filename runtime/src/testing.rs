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

/// Compares a ROA request's JSON body with the documented example body.
///
/// Doc examples write numbers and booleans as strings (`"3"`, `"true"`) and lists as JSON
/// text (`"[ 1 ]"`): a scalar matches when its text does, a string holding JSON matches the
/// value it encodes. A `null` in the example matches an absent member.
pub fn assert_json_matches(actual: Option<&serde_json::Value>, expected: Option<&str>) {
    let expected = expected.map(|e| {
        serde_json::from_str::<serde_json::Value>(e).expect("the documented body is JSON")
    });
    match (actual, &expected) {
        (None, None) => {}
        (Some(a), Some(e)) => {
            let mut problems = Vec::new();
            loose_diff("", a, e, &mut problems);
            assert!(
                problems.is_empty(),
                "the body differs from the documented example:\n{}\nsent: {a}\ndocumented: {e}",
                problems.join("\n")
            );
        }
        (a, e) => panic!("body sent: {a:?}, documented: {e:?}"),
    }
}

fn scalar_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn loose_diff(at: &str, a: &serde_json::Value, e: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, e) {
        (Value::Object(am), Value::Object(em)) => {
            for (k, ev) in em {
                match am.get(k) {
                    Some(av) => loose_diff(&format!("{at}/{k}"), av, ev, out),
                    None if ev.is_null() => {}
                    None => out.push(format!("{at}/{k}: not sent")),
                }
            }
            for k in am.keys().filter(|k| !em.contains_key(*k)) {
                out.push(format!("{at}/{k}: sent, not in the example"));
            }
        }
        (Value::Array(ai), Value::Array(ei)) if ai.len() == ei.len() => {
            for (i, (av, ev)) in ai.iter().zip(ei).enumerate() {
                loose_diff(&format!("{at}/{i}"), av, ev, out);
            }
        }
        (_, Value::String(s)) if !a.is_string() && (s.trim_start().starts_with(['[', '{'])) => {
            match serde_json::from_str::<Value>(s) {
                Ok(parsed) => loose_diff(at, a, &parsed, out),
                Err(_) => out.push(format!("{at}: sent {a}, documented {e}")),
            }
        }
        _ => {
            let same = match (scalar_text(a), scalar_text(e)) {
                (Some(x), Some(y)) => {
                    x == y
                        || x.eq_ignore_ascii_case(&y)
                        || matches!((x.parse::<f64>(), y.parse::<f64>()), (Ok(p), Ok(q)) if p == q)
                }
                _ => a == e,
            };
            if !same {
                out.push(format!("{at}: sent {a}, documented {e}"));
            }
        }
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
