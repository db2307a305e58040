//! The data of generated rule tables: what a parameter's rules are, as `const`-buildable
//! values. The interpreter ([`Level::check`](super::Level::check)) and the single-value checks
//! read these; nothing here checks anything.
/// `None` and `Some`, so that one glob import of this module (`rules::*`) inside a generated
/// table's constant names everything the table uses.
pub use std::option::Option::{None, Some};

/// The rules of one parameter.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The wire name at its level (`Key` for `Tag.N.Key`).
    pub name: &'static str,
    pub required: bool,
    pub checks: &'static [Check],
}

impl Param {
    /// A required parameter and its checks.
    pub const fn required(name: &'static str, checks: &'static [Check]) -> Param {
        Param {
            name,
            required: true,
            checks,
        }
    }

    /// An optional parameter and its checks.
    pub const fn optional(name: &'static str, checks: &'static [Check]) -> Param {
        Param {
            name,
            required: false,
            checks,
        }
    }
}

/// Numeric bounds; `*_exclusive` makes a bound strict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_exclusive: bool,
    pub max_exclusive: bool,
}

impl Bounds {
    /// Inclusive bounds.
    pub const fn new(min: Option<f64>, max: Option<f64>) -> Bounds {
        Bounds {
            min,
            max,
            min_exclusive: false,
            max_exclusive: false,
        }
    }

    pub(super) fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(m) = self.min {
            parts.push(format!(
                "{} {m}",
                if self.min_exclusive { ">" } else { ">=" }
            ));
        }
        if let Some(m) = self.max {
            parts.push(format!(
                "{} {m}",
                if self.max_exclusive { "<" } else { "<=" }
            ));
        }
        parts.join(" and ")
    }
}

/// Another parameter a relation refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// A parameter of the same level: a sibling at the top, or the member of the same list
    /// item (`DataDisk.N.Category` beside `DataDisk.N.Size`).
    Same(&'static str),
    /// A top-level parameter of the request.
    Top(&'static str),
}

/// One condition of a `required_when` rule: `param` is set (`value: None`) or has the wire
/// value `value`; `negated` turns it into "is not set" / "is not `value`". A value condition
/// never holds while `param` is unset: the service's default is not known here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cond {
    pub param: Rel,
    pub value: Option<&'static str>,
    pub negated: bool,
}

/// One documented rule of a parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    /// Length in characters.
    Length {
        min: Option<u64>,
        max: Option<u64>,
    },
    /// Numeric range (numbers, and text that is a number).
    Range(Bounds),
    /// One of these wire values (numbers compare as numbers).
    OneOf(&'static [&'static str]),
    /// None of these wire values.
    Forbidden(&'static [&'static str]),
    /// Must not start with any of these (ASCII case-insensitive).
    PrefixForbidden(&'static [&'static str]),
    /// Must not contain any of these (ASCII case-insensitive).
    ForbiddenSubstrings(&'static [&'static str]),
    NotEmpty,
    Chars {
        first: &'static [CharClass],
        allowed: &'static [CharClass],
    },
    Ascii,
    Format(Format),
    /// A JSON text; when an array, this many items.
    JsonItems {
        min: Option<u64>,
        max: Option<u64>,
    },
    /// Number of items of a list parameter.
    Items {
        min: Option<u64>,
        max: Option<u64>,
    },
    /// Several values in one text: at most `max`; every other check applies to each value.
    MultiValue {
        separator: &'static str,
        max: Option<u64>,
    },
    /// CIDR blocks that must not overlap.
    NoOverlap(Rel),
    /// Must not be set together with the other.
    MutuallyExclusive(Rel),
    /// When this is set, the other must be set too.
    Requires(Rel),
    /// This or the other must be set.
    AtLeastOneOf(Rel),
    /// Required when every condition holds.
    RequiredWhen(&'static [Cond]),
    /// Not earlier (or smaller) than the other; at most `max_span_secs` after it (times).
    Ordered {
        other: Rel,
        max_span_secs: Option<u64>,
    },
    /// When both are set, not the same wire value as the other.
    DifferentFrom(Rel),
    /// A range per wire value of the other parameter; values not listed leave this unchecked.
    RangeWhen {
        other: Rel,
        cases: &'static [(&'static str, Bounds)],
    },
}

/// A character class of a `chars` rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// ASCII letters.
    Letter,
    Upper,
    Lower,
    Digit,
    /// Chinese characters (CJK unified ideographs).
    Cjk,
    Char(char),
}

impl CharClass {
    pub(super) fn contains(self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_ascii_alphabetic(),
            CharClass::Upper => c.is_ascii_uppercase(),
            CharClass::Lower => c.is_ascii_lowercase(),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Cjk => is_cjk(c),
            CharClass::Char(x) => x == c,
        }
    }

    pub(super) fn describe(self) -> String {
        match self {
            CharClass::Letter => "letters".into(),
            CharClass::Upper => "uppercase letters".into(),
            CharClass::Lower => "lowercase letters".into(),
            CharClass::Digit => "digits".into(),
            CharClass::Cjk => "Chinese characters".into(),
            CharClass::Char(c) => format!("`{c}`"),
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

pub(super) fn describe_classes(classes: &[CharClass]) -> String {
    classes
        .iter()
        .map(|c| c.describe())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A named value format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An IPv4 or IPv6 CIDR block (`10.0.0.0/8`).
    Cidr,
    Ipv4,
    Ipv6,
    /// An IPv4 or IPv6 address.
    Ip,
    /// A TCP/UDP port, 1–65535.
    Port,
    /// An ISO 8601 date and time (`T` or a space between, optional fraction and zone).
    DateTime,
    /// `YYYY-MM-DD`.
    Date,
    /// A cron expression: 5 to 7 fields of digits, names and `* , - / ? L W #`.
    Cron,
    /// A JSON document.
    Json,
}
