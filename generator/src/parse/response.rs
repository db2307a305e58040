//! The response tree: table rows placed with the merged example shape (notes/response-tree.md).
//!
//! 1. All success examples (JSON, XML converted) merge into one shape; a wrapping root goes.
//! 2. The first table's rows are placed by [`tree::build_response`] with that shape.
//! 3. Each later table of the response section (the members of a `List` or `Struct` row,
//!    listed below the main table) is placed at the container the example shows holding most
//!    of its names; without an example, at an earlier container row that has no members yet
//!    (reported as a weak choice).
//! 4. [`shape::reconcile`] makes the tree agree with the shape: the example wins on structure.

use serde_json::Value;

use super::shape;
use super::tree::{self, Note, Row};
use crate::model::{ExampleFormat, Field, ResponseExample, Type};

/// The merged shape of every success example (broken JSON read tolerantly), or `None`.
pub fn example_shape(examples: &[ResponseExample], top_names: &[&str]) -> Option<Value> {
    let merged = examples
        .iter()
        .filter(|r| r.success)
        .filter_map(|r| match r.format {
            // Invalid JSON still shows where fields sit; it never becomes a test.
            ExampleFormat::Json => shape::tolerant_json(&r.body),
            ExampleFormat::Xml => super::examples::xml_to_json(&r.body).ok(),
        })
        .map(|v| shape::unwrap_root(shape::of(&v), top_names))
        .filter(Value::is_object)
        .reduce(shape::merge)?;
    Some(merged)
}

/// Builds the response fields from the response section's tables (first = main table).
pub fn build(tables: &[Vec<Row>], examples: &[ResponseExample]) -> (Vec<Field>, Vec<Note>) {
    let main: &[Row] = tables.first().map(Vec::as_slice).unwrap_or(&[]);
    let top_names: Vec<&str> = main.iter().map(|r| r.name.as_str()).collect();
    let mut shape = example_shape(examples, &top_names);
    // One field per wire name, whatever its spelling: the example's key in the table's
    // spelling while the tree is built, the example's spelling on the field afterwards.
    let mut names: Vec<&str> = tables.iter().flatten().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut respelled = Vec::new();
    if let Some(s) = shape.as_mut() {
        respell(s, &names, &mut Vec::new(), &mut respelled);
    }
    let (mut fields, mut notes) = tree::build_response(main, shape.clone());
    for rows in tables.iter().skip(1).filter(|r| !r.is_empty()) {
        place_table(&mut fields, rows, shape.as_ref(), &mut notes);
    }
    if let Some(shape) = &shape {
        let line = examples
            .iter()
            .find(|r| r.valid && r.success)
            .map(|r| r.line)
            .unwrap_or(0);
        shape::reconcile(&mut fields, shape, line, &mut notes);
    }
    adopt_spellings(
        &mut fields,
        &respelled,
        &json_keys(examples),
        &mut Vec::new(),
    );
    (fields, notes)
}

/// Every member name the JSON success examples write (at any depth): the spelling of the
/// format the client asks for.
fn json_keys(examples: &[ResponseExample]) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    out.push(k.clone());
                    walk(x, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for r in examples
        .iter()
        .filter(|r| r.success && r.format == ExampleFormat::Json)
    {
        if let Some(v) = shape::tolerant_json(&r.body) {
            walk(&v, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `requestId` in the example for `RequestId` in the table: the same name but for case,
/// `_`/`-` and spaces (`"AccessGroupName "` in a JSON example).
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-') && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Renames each example key that no table row spells exactly, but exactly one row spells
/// but for case and `_`/`-`, to that row's spelling (merged with the key of that spelling when
/// another example writes it so: XML `RequestId` beside JSON `requestId`); records (row
/// spelling, example spelling, whether the examples show the row's spelling too).
fn respell(shape: &mut Value, names: &[&str], at: &mut Vec<String>, out: &mut Vec<Respelled>) {
    match shape {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if names.contains(&k.as_str()) {
                    continue;
                }
                let mut same = names.iter().filter(|n| folded(n) == folded(&k));
                let row = match (same.next(), same.next()) {
                    (Some(row), None) => *row,
                    // `" Samplerate"` beside `Samplerate` in an example without a row: the
                    // spaces are a typo of the doc.
                    _ if k.trim() != k && !k.trim().is_empty() => k.trim(),
                    _ => continue,
                };
                let Some(v) = map.remove(&k) else {
                    continue;
                };
                // A key with spaces around it is a typo of the doc, never the wire name.
                let both = map.contains_key(row) || k.trim() != k;
                let merged = match map.remove(row) {
                    Some(w) => shape::merge(w, v),
                    None => v,
                };
                map.insert(row.to_string(), merged);
                let seen = out
                    .iter_mut()
                    .find(|s| s.row == row && s.example == k && s.at == *at);
                match seen {
                    Some(seen) => seen.both |= both,
                    None => out.push(Respelled {
                        at: at.clone(),
                        row: row.to_string(),
                        example: k,
                        both,
                    }),
                }
            }
            for (k, v) in map.iter_mut() {
                at.push(k.clone());
                respell(v, names, at, out);
                at.pop();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| respell(v, names, at, out)),
        _ => {}
    }
}

/// An example key respelled to a row's spelling: where (the path of the object holding it, in
/// the rows' spelling), the row's and the example's spelling, and whether the examples also
/// show the row's spelling there.
struct Respelled {
    at: Vec<String>,
    row: String,
    example: String,
    both: bool,
}

/// The example's spelling becomes the field's wire name, the table's an alias; when the
/// examples show both spellings (XML `RequestId`, JSON `requestId`), the JSON example's wins
/// (the client asks for JSON), else the table's stays the name. A key with spaces around it
/// is a typo and only ever an alias.
///
/// Only where the examples wrote the other spelling: `requestId` at the root and `RequestId`
/// under `data` name two fields differently. A respelling seen elsewhere still makes an alias,
/// so the field decodes from either spelling wherever the tree put it.
fn adopt_spellings(
    fields: &mut [Field],
    respelled: &[Respelled],
    json: &[String],
    at: &mut Vec<String>,
) {
    let in_json = |k: &str| json.binary_search_by(|j| j.as_str().cmp(k)).is_ok();
    for f in fields {
        let table = f.name.clone();
        let mut spellings: Vec<(&str, bool, bool)> = Vec::new();
        for r in respelled.iter().filter(|r| r.row == table) {
            let here = r.at == *at;
            match spellings.iter_mut().find(|(e, _, _)| *e == r.example) {
                Some(seen) => {
                    seen.1 |= here;
                    seen.2 |= here && r.both;
                }
                None => spellings.push((r.example.as_str(), here, here && r.both)),
            }
        }
        for (example, here, both) in spellings {
            let json_spelling = example.trim() == example && in_json(example) && !in_json(&table);
            if !here || (both && !json_spelling) || f.name != table {
                if !f.aliases.iter().any(|a| a == example) {
                    f.aliases.push(example.to_string());
                }
            } else {
                f.name = example.to_string();
                f.aliases.push(table.clone());
            }
        }
        at.push(table);
        adopt_spellings(&mut f.children, respelled, json, at);
        at.pop();
    }
}

/// Object paths of the shape (arrays transparent) with the number of `names` each holds.
fn best_path(shape: &Value, names: &[&str]) -> Option<Vec<String>> {
    fn walk(v: &Value, path: &mut Vec<String>, names: &[&str], best: &mut (usize, Vec<String>)) {
        match v {
            Value::Object(m) => {
                let hits = names.iter().filter(|n| m.contains_key(**n)).count();
                if hits > best.0 {
                    *best = (hits, path.clone());
                }
                for (k, x) in m {
                    path.push(k.clone());
                    walk(x, path, names, best);
                    path.pop();
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, path, names, best)),
            _ => {}
        }
    }
    let mut best = (0, Vec::new());
    walk(shape, &mut Vec::new(), names, &mut best);
    (best.0 > 0).then_some(best.1)
}

fn shape_at<'a>(shape: &'a Value, path: &[String]) -> Option<&'a Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(shape);
    };
    let next = match shape {
        Value::Object(m) => m.get(first),
        Value::Array(items) => items.first().and_then(|i| i.get(first)),
        _ => None,
    }?;
    shape_at(next, rest)
}

/// The first container (depth first, table order) without members: the row a later table
/// most likely describes when no example says.
fn empty_container(fields: &[Field], path: &mut Vec<String>) -> Option<Vec<String>> {
    for f in fields {
        path.push(f.name.clone());
        let container = f.ty == Type::Object
            || (f.ty == Type::Array && matches!(f.item_type, None | Some(Type::Object)))
            || (f.ty == Type::Array && !f.raw_type.to_lowercase().contains(" of "));
        if container && f.children.is_empty() {
            return Some(path.clone());
        }
        if let Some(p) = empty_container(&f.children, path) {
            return Some(p);
        }
        path.pop();
    }
    None
}

fn level_mut<'a>(fields: &'a mut [Field], path: &[String]) -> Option<&'a mut Field> {
    let (first, rest) = path.split_first()?;
    let f = fields.iter_mut().find(|f| &f.name == first)?;
    if rest.is_empty() {
        Some(f)
    } else {
        level_mut(&mut f.children, rest)
    }
}

/// Places the rows of a later table under the container they describe.
fn place_table(
    fields: &mut Vec<Field>,
    rows: &[Row],
    shape: Option<&Value>,
    notes: &mut Vec<Note>,
) {
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let line = rows[0].line;
    let by_example = shape.and_then(|s| best_path(s, &names));
    let (path, sub_shape) = match (&by_example, shape) {
        (Some(p), Some(s)) => (p.clone(), shape_at(s, p).cloned()),
        _ => match empty_container(fields, &mut Vec::new()) {
            Some(p) => {
                notes.push(Note {
                    line,
                    kind: "weak-placement",
                    message: format!(
                        "no example shows where this table's fields sit; placed as the members of `{}`, the first container without members",
                        p.join(".")
                    ),
                });
                (p, None)
            }
            None => {
                notes.push(Note {
                    line,
                    kind: "weak-placement",
                    message: "no example or container row tells where this table's fields sit; placed at the top level".to_string(),
                });
                (Vec::new(), None)
            }
        },
    };
    let (sub, sub_notes) = tree::build_response(rows, sub_shape);
    notes.extend(sub_notes);
    // A path the tree lacks is made by reconcile later; make it now so the rows have a home.
    if !path.is_empty() && level_mut(fields, &path).is_none() {
        let mut list = &mut *fields;
        for seg in &path {
            let i = match list.iter().position(|f| &f.name == seg) {
                Some(i) => i,
                None => {
                    list.push(container(seg, line));
                    list.len() - 1
                }
            };
            list = &mut list[i].children;
        }
    }
    let target: &mut Vec<Field> = match level_mut(fields, &path) {
        Some(f) => {
            // A `List` row whose items the later table describes: a list of objects.
            if f.ty == Type::Array && f.item_type != Some(Type::Object) && f.children.is_empty() {
                f.item_type = Some(Type::Object);
            } else if !f.ty.is_container() {
                f.ty = Type::Object;
            }
            &mut f.children
        }
        None => fields,
    };
    for field in sub {
        if target.iter().any(|f| f.name == field.name) {
            notes.push(Note {
                line: field.line,
                kind: "duplicate-field",
                message: format!(
                    "`{}` is listed again in a later table; the first row is kept",
                    field.name
                ),
            });
            continue;
        }
        target.push(field);
    }
}

fn container(name: &str, line: usize) -> Field {
    Field::bare(name, Type::Object, line)
}

#[cfg(test)]
mod tests {
    use crate::model::Field;
    use crate::parse::{parse_doc, DocDefaults};

    fn shape(fields: &[Field]) -> String {
        fields
            .iter()
            .map(|f| {
                let mut s = format!("{}:{}", f.name, f.ty.as_str());
                if let Some(i) = &f.item_type {
                    s.push_str(&format!("<{}>", i.as_str()));
                }
                if !f.children.is_empty() {
                    s.push_str(&format!("{{{}}}", shape(&f.children)));
                }
                s
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    fn doc(response: &str, examples: &str) -> String {
        format!("# ListWidgets\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|ListWidgets|The action.|\n\n## Response parameters\n\n{response}\n## Examples\n\n{examples}")
    }

    fn kinds(diags: &[crate::diagnostics::Diagnostic]) -> Vec<&str> {
        diags.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn flat_table_rows_land_where_the_examples_show_them() {
        // Unsorted members the example does not show stay in the open item until a paging row.
        let table = "|Name|Type|Example|Description|\n|--|--|--|--|\n|Widgets|Array of Widget| |The widgets.|\n|Widget| | |One widget.|\n|WidgetId|String|w-1|The ID.|\n|Size|Integer|1|The size.|\n|Color|String|red|Not in the example.|\n|Zone|String|z|Not in the example.|\n|TotalCount|Integer|1|The count.|\n|RequestId|String|r|The request.|\n";
        let json = "```\n{\"RequestId\":\"r\",\"TotalCount\":1,\"Widgets\":{\"Widget\":[{\"WidgetId\":\"w-1\",\"Size\":1}]}}\n```\n";
        let (api, _) = parse_doc("w.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "Widgets:Object{Widget:Array<Object>{WidgetId:String,Size:Integer,Color:String,Zone:String}},TotalCount:Integer,RequestId:String"
        );
    }

    #[test]
    fn every_example_counts_and_the_example_wins_on_structure() {
        // The table is flat and forgets `Owner`; the JSON example wraps its root; the XML
        // example shows a member the JSON one lacks.
        let table = "|Name|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The request.|\n|Widget|String| |The widget.|\n|Size|Integer|1|The size.|\n|Zone|String|z|The zone.|\n";
        let examples = "```\n{\"ListWidgetsResponse\":{\"RequestId\":\"r\",\"Widget\":{\"Size\":1,\"Owner\":\"me\"}}}\n```\n\n```\n<ListWidgetsResponse><RequestId>r</RequestId><Widget><Zone>z</Zone></Widget></ListWidgetsResponse>\n```\n";
        let (api, diags) =
            parse_doc("w.md", &doc(table, examples), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "RequestId:String,Widget:Object{Size:Integer,Zone:String,Owner:String}"
        );
        let k = kinds(&diags);
        assert!(k.contains(&"type-mismatch"), "{diags:#?}");
        assert!(k.contains(&"example-only-field"), "{diags:#?}");
        assert!(k.contains(&"moved-by-example"), "{diags:#?}");
        let owner = diags
            .iter()
            .find(|d| d.kind == "example-only-field")
            .unwrap();
        assert!(
            owner.message.contains("`Widget.Owner`"),
            "{}",
            owner.message
        );
    }

    #[test]
    fn one_field_per_wire_name_whatever_its_spelling() {
        // The table writes `RequestId` and `TotalCount`, the example `requestId` and
        // `total_count`: two fields, each decoded from the example's spelling, the table's kept.
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|TotalCount|Integer|The count.|\n";
        let json = "```\n{\"requestId\":\"r\",\"total_count\":2}\n```\n";
        let (api, diags) = parse_doc("g.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(shape(&api.response), "requestId:String,total_count:Integer");
        assert_eq!(api.response[0].aliases, ["RequestId"]);
        assert_eq!(api.response[1].aliases, ["TotalCount"]);
        assert!(!kinds(&diags).contains(&"example-only-field"), "{diags:#?}");
        assert!(!kinds(&diags).contains(&"name-collision"), "{diags:#?}");
    }

    /// rtc DescribeUsageOverallData: `requestId` at the root but `RequestId` under `data`.
    /// Each field takes the spelling its own level shows; the other stays an alias.
    #[test]
    fn each_level_keeps_the_spelling_its_example_shows() {
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|data|Object|The data.|\n|└RequestId|String|The request again.|\n|└Total|Integer|The total.|\n";
        let json = "```\n{\"requestId\":\"r\",\"data\":{\"RequestId\":\"r\",\"Total\":1}}\n```\n";
        let (api, _) = parse_doc("g.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "requestId:String,data:Object{RequestId:String,Total:Integer}"
        );
        assert_eq!(api.response[0].aliases, ["RequestId"]);
        assert_eq!(api.response[1].children[0].aliases, ["requestId"]);
    }

    #[test]
    fn unnamed_xml_items_are_no_level_and_data_keys_make_a_map() {
        // The XML example writes list items as `<element>` (no JSON answer has that level);
        // `Counts` has timestamps for member names, `Usage` (example only) IP addresses.
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|Ids|Array of String|The IDs.|\n|Widgets|Array of Widget|The widgets.|\n|└Name|String|The name.|\n|Counts|Object|The count per minute.|\n";
        let xml = "```\n<ListWidgetsResponse><RequestId>r</RequestId><Ids><element>a</element><element>b</element></Ids><Widgets><element><Name>x</Name></element></Widgets></ListWidgetsResponse>\n```\n\n";
        let json = "```\n{\"RequestId\":\"r\",\"Ids\":[\"a\",\"b\"],\"Widgets\":[{\"Name\":\"x\"}],\"Counts\":{\"1574247000\":3,\"1574247060\":5},\"Usage\":{\"10.0.0.1\":{\"Bytes\":1}}}\n```\n";
        let (api, diags) = parse_doc(
            "w.md",
            &doc(table, &format!("{xml}{json}")),
            &DocDefaults::default(),
        )
        .unwrap();
        assert_eq!(
            shape(&api.response),
            "RequestId:String,Ids:Array<String>,Widgets:Array<Object>{Name:String},Counts:Map,Usage:Map"
        );
        let maps: Vec<&str> = diags
            .iter()
            .filter(|d| d.kind == "example-map")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(maps.len(), 1, "{diags:#?}");
        assert!(maps[0].starts_with("`Counts`"), "{maps:?}");
        // A member list the table gives is kept, whatever the example's keys.
        let table = "|Name|Type|Description|\n|--|--|--|\n|Counts|Object|The counts.|\n|└1h|Integer|Last hour.|\n";
        let json = "```\n{\"Counts\":{\"1h\":3}}\n```\n";
        let (api, _) = parse_doc("w.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(shape(&api.response), "Counts:Object{1h:Integer}");
    }

    #[test]
    fn a_key_with_spaces_around_it_is_the_table_name() {
        // nas CreateAccessGroup: the JSON example writes `"AccessGroupName "`.
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|AccessGroupName|String|The group.|\n";
        let json = "```\n{\"RequestId\":\"r\",\"AccessGroupName \":\"g\"}\n```\n";
        let (api, diags) = parse_doc("g.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "RequestId:String,AccessGroupName:String"
        );
        assert_eq!(api.response[1].aliases, ["AccessGroupName "]);
        assert!(!kinds(&diags).contains(&"name-collision"), "{diags:#?}");
    }

    #[test]
    fn the_json_examples_spelling_names_the_field_when_the_xml_one_writes_the_tables() {
        // ess ModifyNotificationConfiguration: XML `<RequestId>`, JSON `"requestId"`.
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n";
        let examples = "```\n<ListWidgetsResponse><RequestId>r</RequestId></ListWidgetsResponse>\n```\n\n```\n{\"requestId\":\"r\"}\n```\n";
        let (api, _) = parse_doc("g.md", &doc(table, examples), &DocDefaults::default()).unwrap();
        assert_eq!(api.response.len(), 1, "{:#?}", api.response);
        assert_eq!(api.response[0].name, "requestId");
        assert_eq!(api.response[0].aliases, ["RequestId"]);
    }

    #[test]
    fn a_later_table_lists_the_members_of_a_container() {
        let table = "|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|Gadgets|List|The gadgets.|\n\n**Gadget**\n\n|Name|Type|Description|\n|--|--|--|\n|GadgetId|String|The ID.|\n|Weight|Integer|The weight.|\n";
        // With an example: where it shows the names.
        let json = "```\n{\"RequestId\":\"r\",\"Gadgets\":{\"Gadget\":[{\"GadgetId\":\"g\",\"Weight\":2}]}}\n```\n";
        let (api, _) = parse_doc("g.md", &doc(table, json), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "RequestId:String,Gadgets:Object{Gadget:Array<Object>{GadgetId:String,Weight:Integer}}"
        );
        // Without one: the container row with no members, reported as a weak choice.
        let (api, diags) = parse_doc("g.md", &doc(table, ""), &DocDefaults::default()).unwrap();
        assert_eq!(
            shape(&api.response),
            "RequestId:String,Gadgets:Array<Object>{GadgetId:String,Weight:Integer}"
        );
        assert!(kinds(&diags).contains(&"weak-placement"), "{diags:#?}");
    }
}
