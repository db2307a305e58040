//! What validation reports: each broken rule ([`Violation`]) at its parameter's [`Path`], all
//! of them together ([`ValidationError`]), and the collector validators push into.

use std::borrow::Cow;
use std::fmt;

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
    pub(super) fn has(&self, field: &str, text: &str) -> bool {
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

pub(super) const MISSING: &str = "is required but was not set";

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

/// Where a parameter sits: `Tag.2.Key` is Key under index 2 under Tag.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Name(&'a str),
    /// 0-based; written 1-based like the wire.
    Index(usize),
}

impl<'a> Path<'a> {
    pub const ROOT: Path<'static> = Path {
        parent: None,
        seg: Seg::Root,
    };

    pub fn name(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Name(name),
        }
    }

    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seg = match self.seg {
            Seg::Root => return Ok(()),
            Seg::Name(n) => Cow::Borrowed(n),
            Seg::Index(i) => Cow::Owned((i + 1).to_string()),
        };
        match self.parent {
            Some(p) if !matches!(p.seg, Seg::Root) => write!(f, "{p}.{seg}"),
            _ => f.write_str(&seg),
        }
    }
}

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
