//! Diagnostics with file and line. Warnings are returned to the caller, never printed here;
//! [`kinds`] says what each kind means and what to do about it.

pub mod kinds;

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information for maintainers (a sentence the extractor did not understand).
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// A short stable category, used for counts (`unknown-type`, `invalid-example`, …).
    pub kind: &'static str,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(
        file: &str,
        line: usize,
        kind: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            file: file.to_string(),
            line,
            kind,
            message: message.into(),
        }
    }

    pub fn note(file: &str, line: usize, kind: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            file: file.to_string(),
            line,
            kind,
            message: message.into(),
        }
    }

    pub fn error(file: &str, line: usize, kind: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            kind,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}: {sev}[{}]: {}",
                self.file, self.line, self.kind, self.message
            )
        } else {
            write!(f, "{}: {sev}[{}]: {}", self.file, self.kind, self.message)
        }
    }
}

impl std::error::Error for Diagnostic {}

/// One or more errors that stopped an operation; warnings gathered so far ride along.
#[derive(Debug, Clone)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
}

impl Failure {
    pub fn new(diagnostic: Diagnostic) -> Self {
        Failure {
            diagnostics: vec![diagnostic],
        }
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::new(d)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<&Diagnostic> = self.diagnostics.iter().filter(|d| d.is_error()).collect();
        let shown = if errors.is_empty() {
            self.diagnostics.iter().collect()
        } else {
            errors
        };
        for (i, d) in shown.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failure {}
