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
///
/// `Debug` prints every diagnostic on a line of its own, as the CLI does, so that a build
/// script's `main` returning it through `?` shows `file:line: error[kind]: …` rather than a
/// struct dump (`{:#?}` still gives the structure).
#[derive(Clone)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f
                .debug_struct("Failure")
                .field("diagnostics", &self.diagnostics)
                .finish();
        }
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_prints_its_diagnostics_line_by_line_in_debug_too() {
        let failure = Failure {
            diagnostics: vec![
                Diagnostic::error("spec/x/A.md", 3, "not-an-api-doc", "no request table"),
                Diagnostic::warning("spec/x/B.md", 0, "no-version", "no version"),
            ],
        };
        // What `fn main() -> Result<(), Box<dyn Error>>` prints after `Error: `.
        let boxed: Box<dyn std::error::Error> = Box::new(failure.clone());
        assert_eq!(
            format!("{boxed:?}"),
            "spec/x/A.md:3: error[not-an-api-doc]: no request table\n\
             spec/x/B.md: warning[no-version]: no version"
        );
        // Display shows the errors only.
        assert_eq!(
            failure.to_string(),
            "spec/x/A.md:3: error[not-an-api-doc]: no request table"
        );
        assert!(format!("{failure:#?}").starts_with("Failure {"));
    }
}
