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
    /// `major` when something breaks, `minor` when something was added or loosened, `patch`
    /// for prose only (or nothing).
    pub semver: &'static str,
}

impl Summary {
    pub fn new(mut changes: Vec<Change>) -> Self {
        changes.sort_by(|a, b| {
            (&a.api, !a.breaking, a.place, a.kind, &a.name).cmp(&(
                &b.api,
                !b.breaking,
                b.place,
                b.kind,
                &b.name,
            ))
        });
        let breaking = changes.iter().any(|c| c.breaking);
        let semver = if breaking {
            "major"
        } else if changes.iter().any(|c| !c.is_description()) {
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

    /// Grouped by API, breaking changes first.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut apis: Vec<&str> = self.changes.iter().map(|c| c.api.as_str()).collect();
        apis.dedup();
        for api in apis {
            let of_api: Vec<&Change> = self.changes.iter().filter(|c| c.api == api).collect();
            let broken = of_api.iter().filter(|c| c.breaking).count();
            let _ = writeln!(
                out,
                "{api}: {broken} breaking, {} compatible",
                of_api.len() - broken
            );
            for c in of_api {
                let _ = writeln!(
                    out,
                    "  {:<10} {:<19} {:<8} {}: {} → {}",
                    if c.breaking { "BREAKING" } else { "compatible" },
                    c.kind.as_str(),
                    c.place.as_str(),
                    c.name,
                    short(&c.old),
                    short(&c.new)
                );
            }
        }
        let broken = self.changes.iter().filter(|c| c.breaking).count();
        if self.changes.is_empty() {
            out.push_str("no changes: semver patch\n");
        } else {
            let _ = writeln!(
                out,
                "{} changes, {broken} breaking: semver {}",
                self.changes.len(),
                self.semver
            );
        }
        out
    }

    /// A CHANGELOG entry: breaking changes, then additions and other compatible changes, then
    /// documentation.
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
            ("Compatible changes", |c| !c.breaking && !c.is_description()),
            ("Documentation", |c| !c.breaking && c.is_description()),
        ];
        for (title, pick) in sections {
            let items: Vec<&Change> = self.changes.iter().filter(|c| pick(c)).collect();
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
        Kind::ParamRemoved => format!("parameter {name} removed"),
        Kind::ResponseAdded => format!("response field {name} added"),
        Kind::ResponseRemoved => match c.new.as_str() {
            Some(to) => format!("response field {name} moved to {}", code(to)),
            None => format!("response field {name} removed"),
        },
        Kind::TypeChanged => format!(
            "type of {what} {name} changed from {} to {}",
            code(&short(&c.old)),
            code(&short(&c.new))
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
            code(&short(&c.old)),
            code(&short(&c.new))
        ),
        Kind::LimitChanged => format!(
            "rule of {what} {name} changed from {} to {}",
            code(&short(&c.old)),
            code(&short(&c.new))
        ),
        Kind::ErrorAdded => format!("new error code {name}"),
        Kind::ErrorRemoved => format!("error code {name} no longer documented"),
        Kind::DescriptionChanged => format!("description of {what} {name} reworded"),
        Kind::WireChanged => format!(
            "{what} {name}: {} became {}",
            code(&short(&c.old)),
            code(&short(&c.new))
        ),
    }
}
