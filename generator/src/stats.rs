//! Counts over parsed documents, for `aliyun-codegen stats` and the corpus tests.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::model::{Api, ExampleFormat, Field, Rule, Type};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub docs: usize,
    pub failed_docs: usize,
    pub request_fields: usize,
    pub response_fields: usize,
    pub error_codes: usize,
    pub request_examples: usize,
    pub response_examples_used: usize,
    pub response_examples_skipped: usize,
    pub constraints: BTreeMap<String, usize>,
    pub warnings: BTreeMap<String, usize>,
    /// Where the leaves of the JSON success response examples land, per product.
    pub leaves: BTreeMap<String, Leaves>,
}

/// The leaves of a doc's JSON success response examples (each distinct path once, list
/// indices dropped), by what gives them a place in the response type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Leaves {
    /// The leaf's field is a row of the doc's response table.
    pub table: usize,
    /// The leaf's field was added from the example (the table does not list it).
    pub example: usize,
    /// The leaf sits inside a field kept as a JSON value (`Map`, `Json`, a container the doc
    /// gives no members): decoded, but not as a typed field.
    pub json: usize,
    /// No field holds it: a generated struct drops it.
    pub lost: usize,
}

impl Leaves {
    pub fn total(&self) -> usize {
        self.table + self.example + self.json + self.lost
    }

    fn add(&mut self, other: Leaves) {
        self.table += other.table;
        self.example += other.example;
        self.json += other.json;
        self.lost += other.lost;
    }

    /// `N (table a%, example b%, JSON value c%, lost d%)`.
    fn shares(&self) -> String {
        let total = self.total();
        let pct = |n: usize| {
            if total == 0 {
                0.0
            } else {
                100.0 * n as f64 / total as f64
            }
        };
        format!(
            "{total:>6}  table {:5.1}%  example {:5.1}%  JSON value {:5.1}%  lost {:5.1}%",
            pct(self.table),
            pct(self.example),
            pct(self.json),
            pct(self.lost)
        )
    }
}

/// The folder a doc without a product code is counted under: the one holding its language
/// folder (`vpn/zh-CN/X.md` → `vpn`), else its own.
fn folder_of(api: &Api) -> String {
    let Some(source) = api.sources.first() else {
        return "no product".into();
    };
    let mut dirs = std::path::Path::new(&source.file)
        .ancestors()
        .skip(1)
        .filter_map(|p| p.file_name()?.to_str());
    let own = dirs.next().unwrap_or("no product");
    let is_lang = own.len() == 5 && own.as_bytes()[2] == b'-';
    match dirs.next() {
        Some(parent) if is_lang => parent.to_string(),
        _ => own.to_string(),
    }
}

/// A field no table row gave: made from the example, with neither a type cell nor prose.
fn from_example(f: &Field) -> bool {
    f.raw_type.is_empty() && f.description.is_empty()
}

/// A field the generated type keeps as a JSON value: the leaves under it have no field.
fn holds_json(f: &Field) -> bool {
    matches!(f.ty, Type::Map | Type::Json)
        || (f.children.is_empty()
            && (f.ty == Type::Object || (f.ty == Type::Array && f.item_type == Some(Type::Object))))
}

/// Every leaf path of an example value: object members in, list items transparent.
fn leaf_paths(v: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                prefix.push(k.clone());
                leaf_paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => items.iter().for_each(|x| leaf_paths(x, prefix, out)),
        _ if !prefix.is_empty() => out.push(prefix.clone()),
        _ => {}
    }
}

/// Where one leaf path lands in the response tree (list items transparent, a field found by
/// its wire name or any of its spellings).
fn place_leaf(fields: &[Field], path: &[String]) -> Leaves {
    let mut level = fields;
    for (i, name) in path.iter().enumerate() {
        let Some(f) = level
            .iter()
            .find(|f| &f.name == name || f.aliases.contains(name))
        else {
            return Leaves {
                lost: 1,
                ..Leaves::default()
            };
        };
        let last = i + 1 == path.len();
        if last || holds_json(f) {
            return if !last || matches!(f.ty, Type::Map | Type::Json) {
                Leaves {
                    json: 1,
                    ..Leaves::default()
                }
            } else if from_example(f) {
                Leaves {
                    example: 1,
                    ..Leaves::default()
                }
            } else {
                Leaves {
                    table: 1,
                    ..Leaves::default()
                }
            };
        }
        level = &f.children;
    }
    Leaves::default()
}

/// The leaves of an API's JSON success examples, each distinct path counted once.
pub fn example_leaves(api: &Api) -> Leaves {
    let mut paths: Vec<Vec<String>> = Vec::new();
    for ex in &api.examples.responses {
        if ex.format != ExampleFormat::Json || !ex.success || !ex.valid {
            continue;
        }
        let Ok(mut body) = serde_json::from_str::<Value>(&ex.body) else {
            continue;
        };
        // `{"XResponse": {…}}`: the answer is the wrapped object.
        while let Value::Object(m) = &body {
            match m.iter().next() {
                Some((k, inner)) if m.len() == 1 && k.ends_with("Response") => body = inner.clone(),
                _ => break,
            }
        }
        leaf_paths(&body, &mut Vec::new(), &mut paths);
    }
    paths.sort();
    paths.dedup();
    let mut out = Leaves::default();
    for p in &paths {
        out.add(place_leaf(&api.response, p));
    }
    out
}

fn count(fields: &[Field]) -> usize {
    fields.iter().map(|f| 1 + count(&f.children)).sum()
}

/// A rule's kind as the IR names it: its serde tag (`{"kind": "prefix_forbidden", …}`).
fn rule_kind(r: &Rule) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.get("kind")?.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn constraints(fields: &[Field], out: &mut BTreeMap<String, usize>) {
    for f in fields {
        for c in &f.constraints {
            *out.entry(rule_kind(&c.rule)).or_default() += 1;
        }
        constraints(&f.children, out);
    }
}

impl Stats {
    /// Adds one parsed document.
    pub fn add(&mut self, api: &Api, diagnostics: &[Diagnostic]) {
        self.docs += 1;
        self.request_fields += count(&api.request);
        self.response_fields += count(&api.response);
        self.error_codes += api.errors.len();
        self.request_examples += api.examples.requests.len();
        for r in &api.examples.responses {
            if r.valid {
                self.response_examples_used += 1;
            } else {
                self.response_examples_skipped += 1;
            }
        }
        constraints(&api.request, &mut self.constraints);
        let product = if api.product.is_empty() {
            format!("({})", folder_of(api))
        } else {
            api.product.clone()
        };
        self.leaves
            .entry(product)
            .or_default()
            .add(example_leaves(api));
        for d in diagnostics {
            *self.warnings.entry(d.kind.to_string()).or_default() += 1;
        }
    }

    pub fn add_failure(&mut self, diagnostics: &[Diagnostic]) {
        self.failed_docs += 1;
        for d in diagnostics {
            *self.warnings.entry(d.kind.to_string()).or_default() += 1;
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "docs parsed:               {} ({} failed)",
            self.docs, self.failed_docs
        )?;
        writeln!(f, "request fields:            {}", self.request_fields)?;
        writeln!(f, "response fields:           {}", self.response_fields)?;
        writeln!(f, "error codes:               {}", self.error_codes)?;
        writeln!(f, "request examples:          {}", self.request_examples)?;
        writeln!(
            f,
            "response examples used:    {}",
            self.response_examples_used
        )?;
        writeln!(
            f,
            "response examples skipped: {}",
            self.response_examples_skipped
        )?;
        writeln!(f, "constraints by kind:")?;
        for (k, n) in &self.constraints {
            writeln!(f, "  {k:<18} {n}")?;
        }
        writeln!(f, "diagnostics by kind:")?;
        for (k, n) in &self.warnings {
            writeln!(f, "  {k:<22} {n}")?;
        }
        // Where the JSON success examples' leaves land: a table row, a field the example
        // added, inside a JSON value, or nowhere.
        let mut all = Leaves::default();
        self.leaves.values().for_each(|l| all.add(*l));
        writeln!(f, "response example leaves:   {}", all.shares())?;
        if self.leaves.len() > 1 {
            let width = self
                .leaves
                .keys()
                .map(|k| k.chars().count())
                .max()
                .unwrap_or(0);
            for (product, l) in &self.leaves {
                writeln!(f, "  {product:<width$} {}", l.shares())?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_leaves_by_what_places_them() {
        // Counted by hand: RequestId and Widgets.Name are table rows; Widgets.Extra and Owner
        // only the example shows; Config's two members sit in a Map; the list's second item
        // repeats a path (counted once).
        let doc = "# ListWidgets\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|ListWidgets|The action.|\n\n## Response parameters\n\n|Name|Type|Description|\n|--|--|--|\n|RequestId|String|The request.|\n|Widgets|Array of Widget|The widgets.|\n|└Name|String|The name.|\n|Config|Map|The settings.|\n\n## Examples\n\n```\n{\"RequestId\":\"r\",\"Widgets\":[{\"Name\":\"a\",\"Extra\":1},{\"Name\":\"b\"}],\"Config\":{\"k\":\"v\",\"j\":\"w\"},\"Owner\":\"me\"}\n```\n";
        let (api, _) =
            crate::parse::parse_doc("w.md", doc, &crate::parse::DocDefaults::default()).unwrap();
        assert_eq!(
            example_leaves(&api),
            Leaves {
                table: 2,
                example: 2,
                json: 2,
                lost: 0
            }
        );
        // A path no field has is lost.
        assert_eq!(
            place_leaf(&api.response, &["Missing".into(), "X".into()]).lost,
            1
        );
        // Without a product code, a doc counts under its folder, language folders skipped.
        let mut api = api;
        for (file, folder) in [("c/vpn/zh-CN/X.md", "vpn"), ("spec/vpc/X.md", "vpc")] {
            api.sources[0].file = file.into();
            assert_eq!(folder_of(&api), folder);
        }
    }

    #[test]
    fn rule_kinds_are_the_ir_names() {
        // The names the README's constraint vocabulary gives.
        let prefix = Rule::PrefixForbidden {
            values: vec!["http://".into()],
        };
        assert_eq!(rule_kind(&prefix), "prefix_forbidden");
        assert_eq!(rule_kind(&Rule::Ascii), "ascii");
        assert_eq!(rule_kind(&Rule::NotEmpty), "not_empty");
    }
}
