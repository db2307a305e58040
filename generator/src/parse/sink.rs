//! The one way the parser reports problems: every step writes to a [`Sink`] that knows the
//! file, so no step threads `file` and a diagnostics vector of its own.

use super::tree::Note;
use crate::diagnostics::{Diagnostic, Failure};

/// Diagnostics of one document.
#[derive(Debug)]
pub struct Sink {
    file: String,
    diags: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(file: &str) -> Self {
        Sink {
            file: file.to_string(),
            diags: Vec::new(),
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// Something the doc gets wrong or leaves open; the parser made a choice and says which.
    pub fn warn(&mut self, line: usize, kind: &'static str, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::warning(&self.file, line, kind, message));
    }

    /// Information for maintainers (a sentence the extractor did not understand).
    pub fn note(&mut self, line: usize, kind: &'static str, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::note(&self.file, line, kind, message));
    }

    /// The tree builders' notes, as warnings.
    pub fn notes(&mut self, notes: Vec<Note>) {
        for n in notes {
            self.warn(n.line, n.kind, n.message);
        }
    }

    /// The text is not an API document: the one kind of hard error.
    pub fn fail(&self, line: usize, kind: &'static str, message: impl Into<String>) -> Failure {
        Diagnostic::error(&self.file, line, kind, message).into()
    }

    /// Diagnostics a step made on its own (the evidence step, which also runs after merging).
    pub fn extend(&mut self, diags: Vec<Diagnostic>) {
        self.diags.extend(diags);
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        self.diags
    }
}
