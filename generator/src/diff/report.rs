//! The change report: readable text (grouped by API, breaking first), JSON, or a Markdown
//! CHANGELOG entry.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::{Change, Kind};

/// Output formats of `aliyun-codegen diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

/// Every change with the verdict for the crate's next version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub changes: Vec<Change>,
    pub breaking: bool,
    /// `major` when something breaks, `minor` when the generated code changes otherwise (added
    /// or loosened), `patch` when only its documentation does (or nothing changed).
    pub semver: &'static str,
}

impl Summary {
    pub fn new(mut changes: Vec<Change>) -> Self {
        changes.sort_by(|a, b| {
            (&a.api, verdict(a).1, a.place, a.kind, &a.name).cmp(&(
                &b.api,
                verdict(b).1,
                b.place,
                b.kind,
                &b.name,
            ))
        });
        let breaking = changes.iter().any(|c| c.breaking);
        let semver = if breaking {
            "major"
        } else if changes.iter().any(|c| !c.docs_only) {
            "minor"
        } else {
            "patch"
        };
        Summary {
            changes,
            breaking,
            semver,
        }
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Json => {
                let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
                s.push('\n');
                s
            }
            Format::Markdown => self.markdown(),
        }
    }

    /// Grouped by API, breaking changes first; one line per change (a rename or a move, which
    /// the JSON gives as its removed and added halves, is one line).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut apis: Vec<&str> = self.changes.iter().map(|c| c.api.as_str()).collect();
        apis.dedup();
        let mut counts = [0usize; 3];
        for api in apis {
            let of_api: Vec<&Change> = self
                .changes
                .iter()
                .filter(|c| c.api == api && !second_half(c))
                .collect();
            let mut n = [0usize; 3];
            for c in &of_api {
                n[verdict(c).1] += 1;
            }
            let _ = writeln!(
                out,
                "{api}: {} breaking, {} compatible, {} docs only",
                n[0], n[1], n[2]
            );
            for c in of_api {
                let _ = writeln!(
                    out,
                    "  {:<10} {:<19} {:<8} {}",
                    verdict(c).0,
                    line_kind(c),
                    c.place.as_str(),
                    line_text(c)
                );
            }
            for i in 0..3 {
                counts[i] += n[i];
            }
        }
        if self.changes.is_empty() {
            out.push_str("no changes: semver patch\n");
        } else {
            let _ = writeln!(
                out,
                "{} changes ({} breaking, {} compatible, {} docs only): semver {}",
                counts.iter().sum::<usize>(),
                counts[0],
                counts[1],
                counts[2],
                self.semver
            );
        }
        out
    }

    /// A CHANGELOG entry: breaking changes, then additions and other compatible changes, then
    /// what changed in the documentation only.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "## Unreleased\n\nSemver: **{}**{}.\n",
            self.semver,
            if self.breaking {
                " (breaking changes below)"
            } else {
                ""
            }
        );
        let sections: [(&str, Pick); 3] = [
            ("Breaking changes", |c| c.breaking),
            ("Compatible changes", |c| !c.breaking && !c.docs_only),
            ("Documentation", |c| !c.breaking && c.docs_only),
        ];
        for (title, pick) in sections {
            let items: Vec<&Change> = self
                .changes
                .iter()
                .filter(|c| pick(c) && !second_half(c))
                .collect();
            if items.is_empty() {
                continue;
            }
            let _ = write!(out, "\n### {title}\n\n");
            for c in items {
                let _ = writeln!(out, "- `{}`: {}", c.api, sentence(c));
            }
        }
        if self.changes.is_empty() {
            out.push_str("\nNo changes.\n");
        }
        out
    }
}

/// The verdict column and its index among the three counts.
fn verdict(c: &Change) -> (&'static str, usize) {
    if c.breaking {
        ("BREAKING", 0)
    } else if c.docs_only {
        ("docs", 2)
    } else {
        ("compatible", 1)
    }
}

/// Where a renamed or moved field went (`moved_to` of its removed half).
fn moved_to(c: &Change) -> Option<&str> {
    c.new.get("moved_to").and_then(Value::as_str)
}

/// The added half of a rename or move: its removed half stands for both in text and Markdown.
fn second_half(c: &Change) -> bool {
    c.old.get("moved_from").is_some()
}

fn line_kind(c: &Change) -> &'static str {
    match (c.kind, moved_to(c)) {
        (Kind::ParamRemoved, Some(_)) => "renamed",
        (Kind::ResponseRemoved, Some(_)) => "moved",
        (kind, _) => kind.as_str(),
    }
}

/// `name: old → new`, or `old name → new name` for a rename or move.
fn line_text(c: &Change) -> String {
    match moved_to(c) {
        Some(to) => format!("{} → {to}", c.name),
        None => format!(
            "{}: {} → {}",
            c.name,
            cut(&value_words(c.kind, &c.old)),
            cut(&value_words(c.kind, &c.new))
        ),
    }
}

/// An old or new value in words: `String, optional` for a field, the values of a list, a rule
/// as its kind and data, an error as its status and message.
fn value_words(kind: Kind, v: &Value) -> String {
    if v.is_null() {
        return "—".to_string();
    }
    match kind {
        Kind::ParamAdded | Kind::ParamRemoved | Kind::ResponseAdded | Kind::ResponseRemoved => {
            let ty = v.get("type").and_then(Value::as_str).unwrap_or("?");
            let mut out = ty.to_string();
            match v.get("required").and_then(Value::as_bool) {
                Some(true) => out.push_str(", required"),
                Some(false) => out.push_str(", optional"),
                None => {}
            }
            if v.get("from").is_some() {
                out.push_str(", only in the examples");
            }
            out
        }
        Kind::ValuesAdded | Kind::ValuesRemoved => list_words(v),
        Kind::LimitChanged => rules_text(v, &|r| r.to_string()),
        Kind::ErrorAdded | Kind::ErrorRemoved | Kind::DescriptionChanged
            if v.get("http_status").is_some() =>
        {
            let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            format!(
                "{} {} ({})",
                v["http_status"],
                text("message"),
                text("description")
            )
        }
        _ => match v {
            Value::String(s) if s.trim().is_empty() => "(blank)".to_string(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    }
}

/// A value in a CHANGELOG sentence: `none`, `(blank)` or the value as code.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "none".to_string(),
        Value::String(s) if s.trim().is_empty() => "(blank)".to_string(),
        other => code(&short(other)),
    }
}

fn list_words(v: &Value) -> String {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// A rule as its kind and data: `range min=1000 max=5000`, `prefix_forbidden
/// values=http://,https://`.
fn rule_words(r: &Value) -> String {
    let Some(m) = r.as_object() else {
        return r.to_string();
    };
    let flat = |v: &Value| -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    Value::Object(o) if o.len() == 1 => o
                        .values()
                        .next()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                        .unwrap_or_default(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(","),
            other => other.to_string(),
        }
    };
    let mut out = m.get("kind").map(flat).unwrap_or_default();
    // Bounds in reading order, then the rest as the IR orders it.
    let mut keys: Vec<&String> = m.keys().filter(|k| *k != "kind").collect();
    keys.sort_by_key(|k| match k.as_str() {
        "min" => 0,
        "min_exclusive" => 1,
        "max" => 2,
        "max_exclusive" => 3,
        _ => 4,
    });
    for k in keys {
        out.push_str(&format!(" {k}={}", flat(&m[k.as_str()])));
    }
    out
}

/// At most 60 characters on one line.
fn cut(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// Which changes a CHANGELOG section lists.
type Pick = fn(&Change) -> bool;

/// A value on one line, at most 60 characters.
fn short(v: &Value) -> String {
    let text = match v {
        Value::Null => "—".to_string(),
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    };
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn code(s: &str) -> String {
    format!("`{}`", s.replace('`', "'"))
}

fn values(v: &Value) -> String {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| code(i.as_str().unwrap_or(&i.to_string())))
            .collect::<Vec<_>>()
            .join(", "),
        other => code(&short(other)),
    }
}

/// Rules in words: kind and data for the rules the generator checks (through `wrap`), the
/// sentence, quoted, for the ones it only reports.
fn rules_text(v: &Value, wrap: &dyn Fn(&str) -> String) -> String {
    let one = |r: &Value| match (r.get("kind").and_then(Value::as_str), r.get("text")) {
        (Some("prose"), Some(Value::String(t))) => {
            format!("“{}”", t.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        _ => wrap(&rule_words(r)),
    };
    match v {
        Value::Null => "none".to_string(),
        Value::Array(items) => items.iter().map(one).collect::<Vec<_>>().join(", "),
        other => one(other),
    }
}

/// One change as a CHANGELOG sentence.
fn sentence(c: &Change) -> String {
    let what = match c.place {
        super::Place::Request => "parameter",
        super::Place::Response => "response field",
        super::Place::Errors => "error",
        super::Place::Api => "API",
    };
    let name = code(&c.name);
    match c.kind {
        Kind::ApiAdded => "new API".to_string(),
        Kind::ApiRemoved => "API removed".to_string(),
        Kind::ParamAdded => {
            let required = c.new.get("required").and_then(Value::as_bool) == Some(true);
            format!(
                "{} parameter {name} added",
                if required { "required" } else { "optional" }
            )
        }
        Kind::ParamRemoved => match moved_to(c) {
            Some(to) => format!("parameter {name} renamed {}", code(to)),
            None => format!("parameter {name} removed"),
        },
        Kind::ResponseAdded if c.old.get("from").is_some() => {
            format!("response field {name} now in the table (the examples showed it)")
        }
        Kind::ResponseAdded => format!("response field {name} added"),
        Kind::ResponseRemoved => match (moved_to(c), c.new.get("from")) {
            (Some(to), _) => format!("response field {name} moved to {}", code(to)),
            (None, Some(_)) => {
                format!("response field {name} no longer in the table (the examples still show it)")
            }
            (None, None) => format!("response field {name} removed"),
        },
        Kind::TypeChanged => format!(
            "type of {what} {name} changed from {} to {}",
            shown(&c.old),
            shown(&c.new)
        ),
        Kind::RequiredChanged => format!(
            "{what} {name} is now {}",
            if c.new == Value::Bool(true) {
                "required"
            } else {
                "optional"
            }
        ),
        Kind::ValuesAdded => format!("{what} {name} accepts {}", values(&c.new)),
        Kind::ValuesRemoved => format!("{what} {name} no longer takes {}", values(&c.old)),
        Kind::DefaultChanged => format!(
            "default of {what} {name} changed from {} to {}",
            shown(&c.old),
            shown(&c.new)
        ),
        Kind::LimitChanged => format!(
            "rules of {what} {name} changed from {} to {}",
            rules_text(&c.old, &code),
            rules_text(&c.new, &code)
        ),
        Kind::ErrorAdded => format!("new error code {name}"),
        Kind::ErrorRemoved => format!("error code {name} no longer documented"),
        Kind::DescriptionChanged => format!("description of {what} {name} reworded"),
        Kind::WireChanged => format!("{what} {name}: {} became {}", shown(&c.old), shown(&c.new)),
    }
}
