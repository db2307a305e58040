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

/// Parameters a request example may show that the client writes itself (and `Action`).
const CLIENT_WRITTEN: &[&str] = &[
    "Action",
    "AccessKeyId",
    "Format",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureType",
    "SignatureVersion",
    "Timestamp",
    "Version",
];

/// The parameters of a documented RPC request example, read from its raw text on their own:
/// everything after the URL's `?` (or its first `&` when it has no `?`) as `Name=value` pairs joined by `&` or by line breaks, a
/// value going on over the next lines while a JSON document in it is open, a `&` or a line that
/// holds no `Name=` (`&<公共请求参数>`, `Common request parameters`) dropped, values
/// percent-decoded when they are encoded. The parameters the client writes itself are left out.
///
/// This is the second reading of an example: a generated request test checks that the
/// generator read the same pairs (see [`assert_example_read`]).
pub fn example_query(raw: &str) -> Vec<(String, String)> {
    // The query starts after the URL's `?`; a URL written without one
    // (`https://dcdn.aliyuncs.com&Action=…`) starts it at its first `&`.
    let Some(q) = raw.find('?').or_else(|| raw.find('&')) else {
        return Vec::new();
    };
    let chars: Vec<char> = raw[q + 1..].chars().collect();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut value: Option<String> = None;
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    let mut i = 0;
    let mut line_start = true;
    while i < chars.len() {
        let c = chars[i];
        let in_json = depth > 0 || in_string;
        if !in_json && (c == '&' || line_start) {
            let from = if c == '&' { i + 1 } else { i };
            let end_of_piece = (from..chars.len())
                .find(|&j| chars[j] == '&' || chars[j] == '\n')
                .unwrap_or(chars.len());
            if let Some((name, after)) = name_at(&chars, from) {
                close(&mut pairs, &mut value);
                pairs.push((name, String::new()));
                value = Some(String::new());
                i = after;
                line_start = false;
                continue;
            }
            let piece: String = chars[from..end_of_piece].iter().collect();
            if c == '&' && !piece.contains('=') || line_start && value.is_none() {
                // A placeholder or prose: no pair.
                close(&mut pairs, &mut value);
                value = None;
                i = end_of_piece;
                line_start = false;
                continue;
            }
        }
        line_start = c == '\n';
        if let Some(v) = value.as_mut() {
            v.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' if depth > 0 => in_string = !in_string,
                '[' | '{' if !in_string && (depth > 0 || v.trim() == c.to_string()) => depth += 1,
                ']' | '}' if !in_string && depth > 0 => depth -= 1,
                _ => {}
            }
        }
        let blank = value.as_deref().is_some_and(|v| v.trim().is_empty());
        if line_start && depth == 0 && !blank {
            // The line ended outside any JSON (and not right after `Name=`, whose value may
            // start on the next line): a following line that opens no pair is prose.
            close(&mut pairs, &mut value);
            value = None;
        }
        i += 1;
    }
    close(&mut pairs, &mut value);
    pairs.retain(|(k, _)| !CLIENT_WRITTEN.contains(&k.as_str()));
    pairs
}

/// `Name=` at `from` (spaces inside the name are a typo and dropped): the name and where its
/// value starts.
fn name_at(chars: &[char], from: usize) -> Option<(String, usize)> {
    let mut j = from;
    while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
        j += 1;
    }
    if !chars.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    let mut name = String::new();
    while let Some(&c) = chars.get(j) {
        match c {
            '=' => return Some((name.trim().replace(' ', ""), j + 1)),
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ' ') => name.push(c),
            _ => return None,
        }
        j += 1;
    }
    None
}

/// Ends the open value: trimmed (a table's `|` after it too) and percent-decoded.
fn close(pairs: &mut [(String, String)], value: &mut Option<String>) {
    if let (Some(v), Some(last)) = (value.take(), pairs.last_mut()) {
        let v = v.trim().trim_end_matches('|').trim();
        last.1 = decoded(v);
    }
}

/// Percent-encoded text (every `%` starts an escape, `+` a space) decoded; other text as is.
fn decoded(v: &str) -> String {
    if !v.contains('%') {
        return v.to_string();
    }
    percent_decode(v).unwrap_or_else(|| v.to_string())
}

/// Decodes `application/x-www-form-urlencoded` text (`%XX` escapes, `+` for a space); `None`
/// when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Checks the generator's reading of a request example (`read`: its parameters, the client's
/// own left out) against a second reading of the example's raw text ([`example_query`]), so
/// that an example the generator misreads fails its test instead of agreeing with itself.
/// Values that are JSON on both sides compare as JSON.
pub fn assert_example_read(raw: &str, read: &[(&str, &str)]) {
    let second = example_query(raw);
    let same = |a: &str, b: &str| {
        a == b
            || matches!(
                (
                    serde_json::from_str::<serde_json::Value>(a),
                    serde_json::from_str::<serde_json::Value>(b)
                ),
                (Ok(x), Ok(y)) if json_equal(&x, &y)
            )
    };
    let mut unmatched: Vec<&(String, String)> = second.iter().collect();
    let mut problems = Vec::new();
    for (name, value) in read {
        match unmatched
            .iter()
            .position(|(k, v)| k == name && same(v, value))
        {
            Some(at) => {
                unmatched.remove(at);
            }
            None => problems.push(format!("{name}=`{value}`: not in the example as written")),
        }
    }
    for (name, value) in unmatched {
        problems.push(format!("{name}=`{value}`: in the example but not read"));
    }
    assert!(
        problems.is_empty(),
        "the request example was read otherwise than it is written:\n{}\n--- example ---\n{raw}",
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

/// Checks that a typed response holds every leaf of the documented response example.
///
/// `typed` is the decoded response serialized with its wire names. Every scalar of the example
/// (the body read by [`crate::de::body_value`]) must be at the same path in `typed`, compared
/// as the lenient decoding intends: numbers and numeric strings by value, booleans by their
/// text, a one-item list equal to its item, a list of scalars wrapped in an element per item
/// (`{"Id": […]}`) equal to the bare list, an empty text equal to no value. `excluded` lists the
/// paths the generator reported as having no place in the types (`Items.Item[2]`, `Zone.Name`);
/// list items at an excluded path are dropped by the decoder, so they are skipped here too.
pub fn assert_example_kept(body: &str, typed: &serde_json::Value, excluded: &[&str]) {
    let example = crate::de::body_value(body).expect("the documented example is JSON or XML");
    let mut problems = Vec::new();
    let mut leaves = 0;
    kept(&example, typed, "", excluded, &mut leaves, &mut problems);
    assert!(
        problems.is_empty(),
        "{} of {leaves} example leaves are not held by the typed response:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn kept(
    example: &serde_json::Value,
    typed: &serde_json::Value,
    path: &str,
    excluded: &[&str],
    leaves: &mut usize,
    problems: &mut Vec<String>,
) {
    use serde_json::Value as V;
    if excluded.contains(&path) {
        return;
    }
    match (example, typed) {
        (V::Null, _) => {}
        (V::Object(m), V::Object(t)) => {
            for (k, v) in m {
                let at = join(path, k);
                kept(
                    v,
                    t.get(k).unwrap_or(&V::Null),
                    &at,
                    excluded,
                    leaves,
                    problems,
                );
            }
        }
        // An XML element with attributes where a scalar was documented: its text is the value.
        (V::Object(m), _) if m.contains_key("$text") && !matches!(typed, V::Array(_)) => {
            for (k, v) in m {
                let (at, held) = match k.as_str() {
                    "$text" => (path.to_string(), typed),
                    _ => (join(path, k), &V::Null),
                };
                kept(v, held, &at, excluded, leaves, problems);
            }
        }
        // A one-item list of objects written as an object.
        (V::Object(_), V::Array(t)) if t.len() == 1 && t[0].is_object() => {
            kept(example, &t[0], path, excluded, leaves, problems)
        }
        // A list of scalars wrapped in an element per item.
        (V::Object(m), V::Array(_)) if wrapper(example) => {
            for (k, v) in m {
                kept(v, typed, &join(path, k), excluded, leaves, problems);
            }
        }
        (V::Array(items), V::Array(t)) => {
            let mut held = t.iter();
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if excluded.contains(&at.as_str()) {
                    continue;
                }
                kept(
                    item,
                    held.next().unwrap_or(&V::Null),
                    &at,
                    excluded,
                    leaves,
                    problems,
                );
            }
        }
        (V::Array(items), _) if items.len() == 1 => kept(
            &items[0],
            typed,
            &format!("{path}[0]"),
            excluded,
            leaves,
            problems,
        ),
        (V::Object(_) | V::Array(_), _) => {
            // Nothing of this shape here: every leaf below is lost.
            let mut lost = Vec::new();
            collect_leaves(example, path, &mut lost);
            for at in lost {
                let under = |e: &&str| {
                    at == *e || at.starts_with(&format!("{e}.")) || at.starts_with(&format!("{e}["))
                };
                if !excluded.iter().any(under) {
                    *leaves += 1;
                    problems.push(format!("{at}: not held (the typed value is {typed})"));
                }
            }
        }
        (scalar, held) => {
            *leaves += 1;
            let held = match held {
                V::Array(t) if t.len() == 1 => &t[0],
                other => other,
            };
            if !scalar_equal(scalar, held) {
                problems.push(format!(
                    "{path}: the example has {scalar}, the typed value {held}"
                ));
            }
        }
    }
}

/// `{"Id": ["a", "b"]}`: one member holding scalars (the XML way of writing a list).
fn wrapper(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Object(m) => {
            m.len() == 1
                && !m.contains_key("$text")
                && m.values()
                    .all(|v| !v.is_null() && (crate::de::is_scalar_like(v) || v.is_array()))
        }
        _ => false,
    }
}

fn collect_leaves(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                collect_leaves(v, &join(path, k), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_leaves(v, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Null => {}
        _ => out.push(path.to_string()),
    }
}

fn scalar_equal(example: &serde_json::Value, held: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    let text = |v: &V| match v {
        V::String(s) => Some(s.trim().to_string()),
        V::Number(n) => Some(n.to_string()),
        V::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let Some(e) = text(example) else {
        return false;
    };
    let Some(h) = text(held) else {
        // An empty text is no value in a number or boolean field.
        let nothing = held.is_null() || held.as_array().is_some_and(Vec::is_empty);
        return nothing && e.is_empty();
    };
    if e == h {
        return true;
    }
    // A boolean holds what the decoder reads as that boolean (`TRUE`, `1`, `Yes`, …).
    if let V::Bool(b) = held {
        return <bool as crate::de::Scalar>::from_wire(&e) == Ok(*b);
    }
    match (e.parse::<f64>(), h.parse::<f64>()) {
        // `f32` fields keep about seven significant digits.
        (Ok(x), Ok(y)) => x == y || (x - y).abs() <= 1e-6 * x.abs().max(y.abs()),
        _ => false,
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
    fn read(raw: &str) -> Vec<(String, String)> {
        super::example_query(raw)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn example_queries_as_written() {
        // Written by hand from the docs' forms: one line, lines going on with `&`, the common
        // parameters' placeholder glued on, percent-encoding, a JSON value over lines and one
        // that starts on the line after `=`, a value with spaces, a stray space in a name.
        assert_eq!(
            read("https://vpc.aliyuncs.com/?Action=CreateVpc&RegionId=cn-hangzhou&CidrBlock=10.0.0.0%2F8&<公共请求参数>"),
            pairs(&[("RegionId", "cn-hangzhou"), ("CidrBlock", "10.0.0.0/8")])
        );
        assert_eq!(
            read("http(s)://[Endpoint]/?Action=X\n&Name=a b c\n&Ipv6 GatewayId=ipv6gw-1\n&Tags=[\n  {\"Key\": \"k&v=1\"}\n]\n&Rules=\n{\"a\": 1}\n&<Common request parameters>"),
            pairs(&[
                ("Name", "a b c"),
                ("Ipv6GatewayId", "ipv6gw-1"),
                ("Tags", "[\n  {\"Key\": \"k&v=1\"}\n]"),
                ("Rules", "{\"a\": 1}")
            ])
        );
        // Prose after the URL, the client's own parameters, a value of percent signs only.
        assert_eq!(
            read("https://x.aliyuncs.com/?Action=X&Format=JSON&Version=2016-04-28&Rate=50%\nCommon request parameters\n"),
            pairs(&[("Rate", "50%")])
        );
        assert!(read("no query here").is_empty());
    }

    #[test]
    fn a_misread_example_fails_its_check() {
        let raw = "https://x.aliyuncs.com/?Action=X&Description=two words&Zone=cn-a";
        super::assert_example_read(raw, &[("Description", "two words"), ("Zone", "cn-a")]);
        // Read as stopping at the space: the second reading disagrees.
        let misread = std::panic::catch_unwind(|| {
            super::assert_example_read(raw, &[("Description", "two"), ("Zone", "cn-a")])
        });
        assert!(misread.is_err());
        // JSON compares as JSON.
        super::assert_example_read(
            "https://x/?Action=X&T=[{\"a\": 1}]",
            &[("T", "[{\"a\":1}]")],
        );
    }

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
    fn example_leaves_held_leniently() {
        let typed = serde_json::json!({
            "RequestId": "R", "Total": 2, "Ok": true, "Rate": 0.1f32,
            "Items": {"Item": [{"Id": "a"}, {"Id": "c"}]},
            "Ids": [1, 2], "One": [{"Id": "x"}], "Empty": null, "Zone": "z"
        });
        assert_example_kept(
            r#"{"RequestId":"R","Total":"2","Ok":"TRUE","Rate":0.1,
                "Items":{"Item":[{"Id":"a"},{"Id":"b","Lost":1},{"Id":"c"}]},
                "Ids":{"Id":["1","2"]},"One":{"Id":"x"},"Empty":"","Zone":["z"],"Gone":{"A":1}}"#,
            &typed,
            &["Items.Item[1]", "Gone"],
        );
        assert_example_kept(
            "<R><Zone a=\"1\">z</Zone><Ids><Id>1</Id><Id>2</Id></Ids></R>",
            &typed,
            &["Zone.a"],
        );
    }

    #[test]
    #[should_panic(expected = "Items.Item[0].Size.Value: not held")]
    fn a_lost_example_leaf_fails() {
        let typed = serde_json::json!({"Items": {"Item": [{"Id": "a", "Size": null}]}});
        assert_example_kept(
            r#"{"Items":{"Item":[{"Id":"a","Size":{"Value":3}}]}}"#,
            &typed,
            &[],
        );
    }

    #[test]
    fn booleans_compare_as_the_decoder_reads_them() {
        let typed = serde_json::json!({"A": true, "B": false, "C": true});
        assert_example_kept(r#"{"A":"Yes","B":"0","C":"TRUE"}"#, &typed, &[]);
    }

    #[test]
    #[should_panic(expected = "B: the example has")]
    fn a_different_boolean_fails() {
        assert_example_kept(r#"{"B":"1"}"#, &serde_json::json!({"B": false}), &[]);
    }

    #[test]
    #[should_panic(expected = "Total: the example has 3")]
    fn a_different_value_fails() {
        assert_example_kept(r#"{"Total":3}"#, &serde_json::json!({"Total": 2}), &[]);
    }

    #[test]
    #[should_panic(expected = "not sent")]
    fn missing_parameter_fails() {
        assert_query_eq(&[], &[("A", "1")], &[]);
    }
}
