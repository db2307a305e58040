//! The value of a generated enum that its documentation does not list.
//!
//! Generated enums are open, on the request side as on the response side: services add values
//! before their docs do (instance types, regions, new modes), so `Proto::from("SCTP")` is a
//! valid `Proto` whose wire text is `SCTP`, held in the enum's `Unlisted` variant. The service
//! judges values its docs do not list; the client sends them as they are.
//!
//! The value inside can be read but not built by hand, so that code stays correct when a later
//! version of a crate lists the value as a variant of its own: build enums from text, and
//! compare with `as_str()` (or the documented variants), never by matching `Unlisted`.

use std::fmt;

/// A value a generated enum's documentation does not list, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unlisted(String);

impl Unlisted {
    /// Used by generated enums' `From<&str>`; build the enum from text instead.
    #[doc(hidden)]
    pub fn new(value: impl Into<String>) -> Self {
        Unlisted(value.into())
    }

    /// The value as sent on (or read from) the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Unlisted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_verbatim() {
        let v = Unlisted::new("SCTP ");
        assert_eq!(v.as_str(), "SCTP ");
        assert_eq!(v.to_string(), "SCTP ");
    }
}
