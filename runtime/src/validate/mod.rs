//! Validation of requests before anything is sent.
//!
//! Each generated request states its documented rules as static data (a table of [`Param`]s,
//! one per parameter, each with its [`Check`]s) and presents its field values through
//! [`Validate`] as a slice of [`Value`]s; [`Level::check`] interprets the table. `validate()` on
//! a request and `build()` on its builder run the same table, so every check is written once,
//! here. All violations are collected (not just the first) into a [`ValidationError`]; each
//! names the parameter by its wire name, or by its path inside a list (`Tag.2.Key`).

use std::fmt;

mod checks;
mod table;
mod time;

pub use checks::{CharClass, Format};
pub use table::{
    run, AsValue, Bounds, Check, Cond, Level, List, Param, Path, Rel, Validate, Value,
};
pub use time::Instant;

/// The names a generated rule table uses, for one glob import inside the table's constant.
pub mod rules {
    pub use super::{Bounds, CharClass, Check, Cond, Format, Param, Rel};
    pub use std::option::Option::{None, Some};
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Wire name or path of the parameter (`Port`, `Tag.2.Key`).
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// All the violations found in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub violations: Vec<Violation>,
}

impl ValidationError {
    /// Whether a violation names this field (wire name or path).
    pub fn mentions(&self, field: &str) -> bool {
        self.violations.iter().any(|v| v.field == field)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        write!(
            f,
            "invalid request ({n} problem{}): ",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Collects violations while a validator runs.
#[derive(Debug, Default)]
pub struct Violations {
    list: Vec<Violation>,
}

impl Violations {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a violation.
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.list.push(Violation {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Records a violation of the parameter at `path`.
    pub fn at(&mut self, path: &Path<'_>, message: impl Into<String>) {
        self.push(path.to_string(), message);
    }

    /// Whether a violation of `field` already says `text`.
    fn has(&self, field: &str, text: &str) -> bool {
        self.list
            .iter()
            .any(|v| v.field == field && v.message.contains(text))
    }

    /// `Ok` when nothing was recorded.
    pub fn finish(self) -> Result<(), ValidationError> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                violations: self.list,
            })
        }
    }

    /// A required parameter that was not set.
    pub fn missing(&mut self, field: &str) {
        self.push(field, MISSING);
    }
}

const MISSING: &str = "is required but was not set";

/// A string that is not one of an enum's documented values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub value: String,
    /// The documented values, comma separated.
    pub expected: &'static str,
}

impl UnknownValue {
    pub fn new(value: &str, expected: &'static str) -> Self {
        UnknownValue {
            value: value.to_string(),
            expected,
        }
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a documented value (expected one of: {})",
            self.value, self.expected
        )
    }
}

impl std::error::Error for UnknownValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lists_every_violation() {
        let mut v = Violations::new();
        v.missing("RegionId");
        v.push("Port", "must not be `22`");
        let e = v.finish().unwrap_err();
        let text = e.to_string();
        assert!(text.contains("RegionId") && text.contains("Port"), "{text}");
        assert!(e.mentions("Port"));
        assert!(Violations::new().finish().is_ok());
    }
}
