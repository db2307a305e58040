//! Counts over parsed documents, for `aliyun-codegen stats` and the corpus tests.

use std::collections::BTreeMap;
use std::fmt;

use crate::diagnostics::Diagnostic;
use crate::model::{Api, Field, Rule};

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
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
