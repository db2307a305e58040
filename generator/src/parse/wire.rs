//! How each request list/object parameter travels: one JSON document (`Servers=[{"Id":…}]`)
//! or a repeat list (`Servers.1.Id=…`). The doc's request example is the arbiter; without one,
//! a description that calls the value JSON decides; otherwise the protocol default, a repeat
//! list.

use super::sink::Sink;
use super::tree::Row;
use crate::model::{Field, RequestExample, WireStyle};

/// What the request examples show for one parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sent {
    /// `X=[…]` / `X={…}` holding valid JSON; whether list items are objects or lists.
    Json {
        structured_items: bool,
    },
    /// `X.1=…`, `X.1.Y=…`.
    Dotted,
    Nothing,
}

fn sent(name: &str, examples: &[RequestExample]) -> Sent {
    let prefix = format!("{name}.");
    for e in examples {
        for p in &e.params {
            if p.name == name {
                let v = p.value.trim_start();
                let json_like = v.starts_with('[') || v.starts_with('{');
                if json_like {
                    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&p.value) {
                        let structured_items = value.as_array().is_some_and(|items| {
                            items.iter().any(|i| i.is_object() || i.is_array())
                        });
                        return Sent::Json { structured_items };
                    }
                }
            } else if p.name.starts_with(&prefix) {
                return Sent::Dotted;
            }
        }
    }
    Sent::Nothing
}

/// A description that says the value is a JSON document (`JSON格式`, `a JSON array`, …).
fn described_as_json(description: &str) -> bool {
    let d = description.to_lowercase();
    [
        "json格式",
        "json 格式",
        "json字符串",
        "json 字符串",
        "json数组",
        "json 数组",
        "json array",
        "json string",
        "json format",
        "json object",
        "in json",
    ]
    .iter()
    .any(|w| d.contains(w))
}

/// Sets `wire` on every top-level request container.
pub fn decide(request: &mut [Field], rows: &[Row], examples: &[RequestExample], sink: &mut Sink) {
    for f in request.iter_mut().filter(|f| f.ty.is_container()) {
        let dotted_rows = rows
            .iter()
            .any(|r| r.name.starts_with(&format!("{}.", f.name)));
        // The table names a repeat list (`X.N` rows, the type `RepeatList`): the protocol's
        // flattened form, whatever an example shows, unless the table calls the value JSON.
        let named_repeat = (dotted_rows || f.raw_type.eq_ignore_ascii_case("RepeatList"))
            && !described_as_json(&f.description);
        let style = match sent(&f.name, examples) {
            Sent::Json { .. } if named_repeat => {
                sink.warn(
                    f.line,
                    "wire-style",
                    format!(
                        "`{0}` is documented as a repeat list ({1}) but the request example sends one JSON document; sent as a repeat list (`{0}.1=…`), as the table says",
                        f.name,
                        if dotted_rows { format!("`{}.N` rows", f.name) } else { format!("type `{}`", f.raw_type) }
                    ),
                );
                WireStyle::RepeatList
            }
            Sent::Json { .. } => {
                if dotted_rows {
                    sink.warn(
                        f.line,
                        "wire-style",
                        format!(
                            "`{0}` is documented as `{0}.N…` rows and as JSON, and the request example sends one JSON document; sent as JSON",
                            f.name
                        ),
                    );
                }
                WireStyle::Json
            }
            Sent::Dotted => WireStyle::RepeatList,
            Sent::Nothing if !dotted_rows && described_as_json(&f.description) => WireStyle::Json,
            Sent::Nothing => WireStyle::RepeatList,
        };
        f.wire = Some(style);
    }
}

/// After the rules are read: list items documented as text but sent as JSON objects by the
/// request example become JSON values (a string item would be sent quoted, `["{\"Id\":…}"]`,
/// not as the example shows).
pub fn settle(request: &mut [Field], examples: &[RequestExample], sink: &mut Sink) {
    for f in request
        .iter_mut()
        .filter(|f| f.wire == Some(WireStyle::Json))
    {
        let Sent::Json { structured_items } = sent(&f.name, examples) else {
            continue;
        };
        let scalar_items = f.item_type.as_ref().is_some_and(|t| !t.is_container());
        if structured_items && f.children.is_empty() && scalar_items {
            sink.warn(
                f.line,
                "type-mismatch",
                format!(
                    "the items of `{}` are documented as {} but the request example sends JSON objects; read as JSON values",
                    f.name,
                    f.item_type.as_ref().map(|t| t.as_str()).unwrap_or("?")
                ),
            );
            f.item_type = Some(crate::model::Type::Object);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::WireStyle;
    use crate::parse::{parse_doc, DocDefaults};

    fn wire_of(request_rows: &str, example: &str) -> Vec<(String, Option<WireStyle>)> {
        let doc = format!("# PutThings\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|PutThings|The action.|\n{request_rows}\n## Response parameters\n\n|Name|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The id.|\n\n## Examples\n\n```\nhttps://x.aliyuncs.com/?Action=PutThings\n{example}\n```\n");
        let (api, _) = parse_doc("p.md", &doc, &DocDefaults::default()).unwrap();
        api.request
            .iter()
            .filter(|f| f.ty.is_container())
            .map(|f| (f.name.clone(), f.wire))
            .collect()
    }

    #[test]
    fn the_request_example_decides_the_wire_form() {
        let rows = "|Servers|Array of Server|No| |The servers.|\n|Id|String|No|s-1|The ID.|\n";
        assert_eq!(
            wire_of(rows, "&Servers=[{\"Id\":\"s-1\"}]"),
            [("Servers".to_string(), Some(WireStyle::Json))]
        );
        let dotted = "|Servers.N.Id|String|No|s-1|The ID.|\n";
        // The example sends JSON although the table lists `.N` rows (or types the value
        // `RepeatList`): the table names the protocol's repeat list, which the official SDKs
        // send flattened; only a table that calls the value JSON makes it JSON.
        assert_eq!(
            wire_of(dotted, "&Servers=[{\"Id\":\"s-1\"}]"),
            [("Servers".to_string(), Some(WireStyle::RepeatList))]
        );
        assert_eq!(
            wire_of(
                "|Ips|RepeatList|No|1.1.1.1|The IPs.|\n",
                "&Ips=[\"1.1.1.1\"]"
            ),
            [("Ips".to_string(), Some(WireStyle::RepeatList))]
        );
        assert_eq!(
            wire_of(
                "|Ips|RepeatList|No|1.1.1.1|The IPs, in JSON format.|\n",
                "&Ips=[\"1.1.1.1\"]"
            ),
            [("Ips".to_string(), Some(WireStyle::Json))]
        );
        assert_eq!(
            wire_of(dotted, "&Servers.1.Id=s-1"),
            [("Servers".to_string(), Some(WireStyle::RepeatList))]
        );
        // Broken JSON in the example is not evidence of a JSON wire form.
        assert_eq!(
            wire_of(rows, "&Servers=[{'Id':'s-1'}]"),
            [("Servers".to_string(), Some(WireStyle::RepeatList))]
        );
    }

    #[test]
    fn without_an_example_the_description_decides() {
        let rows =
            "|Rules|Array|No| |The rules, a JSON array.|\n|Tags|Array of String|No| |The tags.|\n";
        assert_eq!(
            wire_of(rows, "&RegionId=cn"),
            [
                ("Rules".to_string(), Some(WireStyle::Json)),
                ("Tags".to_string(), Some(WireStyle::RepeatList))
            ]
        );
    }
}
