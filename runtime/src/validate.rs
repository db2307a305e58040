//! Validation of requests before anything is sent.
//!
//! Generated `build()`/`validate()` methods run every check of a request and collect all
//! violations (not just the first) into a [`ValidationError`]; each names the parameter by its
//! wire name, or by its path inside a list (`Tag.2.Key`).

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
    fn contains(self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_ascii_alphabetic(),
            CharClass::Upper => c.is_ascii_uppercase(),
            CharClass::Lower => c.is_ascii_lowercase(),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Cjk => is_cjk(c),
            CharClass::Char(x) => x == c,
        }
    }

    fn describe(self) -> String {
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

fn describe_classes(classes: &[CharClass]) -> String {
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
    /// `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DDThh:mmZ` (UTC).
    DateTime,
    /// `YYYY-MM-DD`.
    Date,
    /// A cron expression: 5 to 7 fields of digits, names and `* , - / ? L W #`.
    Cron,
    /// A JSON document.
    Json,
}

/// Collects violations while a generated validator runs.
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

    pub fn missing(&mut self, field: &str) {
        self.push(field, "is required but was not set");
    }

    /// Length in characters (not bytes), inclusive bounds.
    pub fn length(&mut self, field: &str, value: &str, min: Option<u64>, max: Option<u64>) {
        let n = value.chars().count() as u64;
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let bounds = match (min, max) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            self.push(field, format!("must be {bounds} characters long, got {n}"));
        }
    }

    /// Numeric range; `*_exclusive` make the bound strict.
    pub fn range(
        &mut self,
        field: &str,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
        min_exclusive: bool,
        max_exclusive: bool,
    ) {
        let low = min.is_some_and(|m| if min_exclusive { value <= m } else { value < m });
        let high = max.is_some_and(|m| if max_exclusive { value >= m } else { value > m });
        if low || high {
            let mut parts = Vec::new();
            if let Some(m) = min {
                parts.push(format!("{} {m}", if min_exclusive { ">" } else { ">=" }));
            }
            if let Some(m) = max {
                parts.push(format!("{} {m}", if max_exclusive { "<" } else { "<=" }));
            }
            self.push(
                field,
                format!("must be {}, got {value}", parts.join(" and ")),
            );
        }
    }

    /// Numeric range over a textual value (numbers carried in `String` parameters). Text that
    /// is not a number is left alone: such parameters also take words (`Any` for a port).
    pub fn range_text(
        &mut self,
        field: &str,
        value: &str,
        min: Option<f64>,
        max: Option<f64>,
        min_exclusive: bool,
        max_exclusive: bool,
    ) {
        if let Ok(n) = value.trim().parse::<f64>() {
            self.range(field, n, min, max, min_exclusive, max_exclusive);
        }
    }

    pub fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.push(
                field,
                format!("must be one of {}, got `{value}`", allowed.join(", ")),
            );
        }
    }

    pub fn forbidden(&mut self, field: &str, value: &str, forbidden: &[&str]) {
        if forbidden.contains(&value) {
            self.push(field, format!("must not be `{value}`"));
        }
    }

    /// Prefixes compared ASCII case-insensitively (`HTTP://` is as forbidden as `http://`).
    pub fn prefix_forbidden(&mut self, field: &str, value: &str, prefixes: &[&str]) {
        for prefix in prefixes {
            let head = value.get(..prefix.len());
            if head.is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
                self.push(field, format!("must not start with `{prefix}`"));
            }
        }
    }

    /// `first`: classes the first character must belong to; `allowed`: classes of every character.
    pub fn chars(&mut self, field: &str, value: &str, first: &[CharClass], allowed: &[CharClass]) {
        if let Some(c) = value.chars().next() {
            if !first.is_empty() && !first.iter().any(|k| k.contains(c)) {
                self.push(
                    field,
                    format!(
                        "must start with one of: {}; got `{c}`",
                        describe_classes(first)
                    ),
                );
            }
        }
        if !allowed.is_empty() {
            if let Some(bad) = value
                .chars()
                .find(|&c| !allowed.iter().any(|k| k.contains(c)))
            {
                self.push(
                    field,
                    format!(
                        "may only contain {}; got `{bad}`",
                        describe_classes(allowed)
                    ),
                );
            }
        }
    }

    pub fn ascii(&mut self, field: &str, value: &str) {
        if !value.is_ascii() {
            self.push(field, "must contain only ASCII characters");
        }
    }

    pub fn format(&mut self, field: &str, value: &str, format: Format) {
        let ok = match format {
            Format::Cidr => value.parse::<ipnet::IpNet>().is_ok(),
            Format::Ipv4 => value.parse::<std::net::Ipv4Addr>().is_ok(),
            Format::Ipv6 => value.parse::<std::net::Ipv6Addr>().is_ok(),
            Format::Ip => value.parse::<std::net::IpAddr>().is_ok(),
            Format::Port => value.parse::<u16>().is_ok_and(|p| p > 0),
            Format::DateTime => is_datetime(value),
            Format::Date => is_date(value),
            Format::Json => serde_json::from_str::<serde_json::Value>(value).is_ok(),
            Format::Cron => is_cron(value),
        };
        if !ok {
            let name = match format {
                Format::Cidr => "a CIDR block such as 10.0.0.0/8",
                Format::Ipv4 => "an IPv4 address",
                Format::Ipv6 => "an IPv6 address",
                Format::Ip => "an IP address",
                Format::Port => "a port number (1-65535)",
                Format::DateTime => "a UTC time as YYYY-MM-DDThh:mm:ssZ",
                Format::Date => "a date as YYYY-MM-DD",
                Format::Json => "valid JSON",
                Format::Cron => "a cron expression of 5 to 7 fields",
            };
            self.push(field, format!("must be {name}, got `{value}`"));
        }
    }

    /// A JSON-encoded value; when it is an array, `min..=max` items.
    pub fn json_items(&mut self, field: &str, value: &str, min: Option<u64>, max: Option<u64>) {
        match serde_json::from_str::<serde_json::Value>(value) {
            Ok(serde_json::Value::Array(items)) => self.items(field, items.len(), min, max),
            Ok(_) => {}
            Err(_) => self.push(field, format!("must be valid JSON, got `{value}`")),
        }
    }

    /// Number of items of a list.
    pub fn items(&mut self, field: &str, len: usize, min: Option<u64>, max: Option<u64>) {
        let n = len as u64;
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let bounds = match (min, max) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            self.push(field, format!("must have {bounds} items, got {n}"));
        }
    }

    /// Several values in one string: at most `max` of them.
    pub fn multi_value(&mut self, field: &str, value: &str, separator: &str, max: Option<u64>) {
        let n = value.split(separator).count() as u64;
        if max.is_some_and(|m| n > m) {
            self.push(
                field,
                format!("must list at most {} values, got {n}", max.unwrap_or(0)),
            );
        }
    }

    /// Two CIDR blocks that must not overlap. Unparseable values are left to `format`.
    pub fn no_overlap(&mut self, field: &str, value: &str, other_field: &str, other: &str) {
        let (Ok(a), Ok(b)) = (value.parse::<ipnet::IpNet>(), other.parse::<ipnet::IpNet>()) else {
            return;
        };
        if a.contains(&b.network()) || b.contains(&a.network()) {
            self.push(field, format!("`{value}` overlaps {other_field} `{other}`"));
        }
    }

    pub fn mutually_exclusive(
        &mut self,
        field: &str,
        set: bool,
        other_field: &str,
        other_set: bool,
    ) {
        if set && other_set {
            self.push(field, format!("cannot be set together with {other_field}"));
        }
    }

    /// `field` is set, so `other_field` must be set too.
    pub fn requires(&mut self, field: &str, set: bool, other_field: &str, other_set: bool) {
        if set && !other_set {
            self.push(other_field, format!("is required when {field} is set"));
        }
    }

    /// At least one of `field` and `other_field` must be set (reported once, on the pair).
    pub fn at_least_one(&mut self, field: &str, set: bool, other_field: &str, other_set: bool) {
        let already = self
            .list
            .iter()
            .any(|v| v.field == other_field && v.message.contains(field));
        if !set && !other_set && !already {
            self.push(
                field,
                format!("either {field} or {other_field} must be set"),
            );
        }
    }

    /// `field` is required when `other_field` is set (to `when`, if given).
    pub fn required_when(
        &mut self,
        field: &str,
        set: bool,
        other_field: &str,
        other: Option<&str>,
        when: Option<&str>,
    ) {
        let triggered = match (other, when) {
            (Some(v), Some(w)) => v == w,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if triggered && !set {
            let cond = when
                .map(|w| format!(" is `{w}`"))
                .unwrap_or_else(|| " is set".into());
            self.push(field, format!("is required when {other_field}{cond}"));
        }
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_cron(s: &str) -> bool {
    let fields: Vec<&str> = s.split_whitespace().collect();
    (5..=7).contains(&fields.len())
        && fields.iter().all(|f| {
            f.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '*' | ',' | '-' | '/' | '?' | '#')
            })
        })
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2
        && digits(y) && digits(m) && digits(d)
        && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)))
}

fn is_datetime(s: &str) -> bool {
    let Some((date, time)) = s.split_once('T') else {
        return false;
    };
    let Some(time) = time.strip_suffix('Z') else {
        return false;
    };
    let parts: Vec<&str> = time.split(':').collect();
    let in_range =
        |p: &str, max: u8| p.len() == 2 && digits(p) && p.parse::<u8>().unwrap_or(99) <= max;
    is_date(date)
        && match parts.as_slice() {
            [h, m] => in_range(h, 23) && in_range(m, 59),
            [h, m, sec] => in_range(h, 23) && in_range(m, 59) && in_range(sec, 60),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: impl FnOnce(&mut Violations)) -> Vec<String> {
        let mut v = Violations::new();
        f(&mut v);
        v.list.into_iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn json_items_and_cron() {
        assert!(check(|v| v.json_items("R", "[1,2]", None, Some(2))).is_empty());
        assert_eq!(
            check(|v| v.json_items("R", "[1,2,3]", None, Some(2))).len(),
            1
        );
        assert_eq!(check(|v| v.json_items("R", "[1,", None, Some(2))).len(), 1);
        assert!(check(|v| v.json_items("R", "{\"a\":1}", None, Some(0))).is_empty());
        assert!(check(|v| v.format("S", "0 0 12 * * ?", Format::Cron)).is_empty());
        assert_eq!(check(|v| v.format("S", "0 12 * *", Format::Cron)).len(), 1);
        assert_eq!(
            check(|v| v.format("S", "0 0 12 * * ? 2024 1", Format::Cron)).len(),
            1
        );
    }

    #[test]
    fn length_counts_characters() {
        assert!(check(|v| v.length("Name", "名字", Some(2), Some(128))).is_empty());
        assert_eq!(
            check(|v| v.length("Name", "a", Some(2), Some(128))).len(),
            1
        );
        assert_eq!(
            check(|v| v.length("T", &"x".repeat(65), None, Some(64))).len(),
            1
        );
    }

    #[test]
    fn ranges_with_exclusive_bounds() {
        assert!(check(|v| v.range("P", 1.0, Some(1.0), Some(100.0), false, false)).is_empty());
        assert_eq!(
            check(|v| v.range("P", 0.0, Some(0.0), None, true, false)).len(),
            1
        );
        assert!(
            check(|v| v.range_text("P", "Any", Some(1.0), Some(65535.0), false, false)).is_empty()
        );
        assert_eq!(
            check(|v| v.range_text("P", "0", Some(1.0), Some(65535.0), false, false)).len(),
            1
        );
    }

    #[test]
    fn chars_first_and_allowed() {
        let first = [CharClass::Letter, CharClass::Cjk];
        let allowed = [
            CharClass::Letter,
            CharClass::Cjk,
            CharClass::Digit,
            CharClass::Char('-'),
        ];
        assert!(check(|v| v.chars("Name", "中文-a1", &first, &allowed)).is_empty());
        assert_eq!(
            check(|v| v.chars("Name", "1abc", &first, &allowed)).len(),
            1
        );
        assert_eq!(
            check(|v| v.chars("Name", "ab c", &first, &allowed)).len(),
            1
        );
    }

    #[test]
    fn prefixes_ignore_ascii_case() {
        let p = ["http://", "https://"];
        assert_eq!(check(|v| v.prefix_forbidden("N", "HTTP://x", &p)).len(), 1);
        assert!(check(|v| v.prefix_forbidden("N", "名http://", &p)).is_empty());
    }

    #[test]
    fn formats() {
        assert!(check(|v| v.format("C", "10.0.0.0/8", Format::Cidr)).is_empty());
        assert!(check(|v| v.format("C", "2408:4321::/64", Format::Cidr)).is_empty());
        assert_eq!(check(|v| v.format("C", "10.0.0.0", Format::Cidr)).len(), 1);
        assert!(check(|v| v.format("T", "2021-03-01T12:00:00Z", Format::DateTime)).is_empty());
        assert!(check(|v| v.format("T", "2021-03-01T12:00Z", Format::DateTime)).is_empty());
        assert_eq!(
            check(|v| v.format("T", "2021-03-01 12:00:00", Format::DateTime)).len(),
            1
        );
        assert_eq!(check(|v| v.format("P", "70000", Format::Port)).len(), 1);
    }

    #[test]
    fn overlapping_cidrs() {
        assert_eq!(
            check(|v| v.no_overlap("A", "10.1.0.0/16", "B", "10.0.0.0/8")).len(),
            1
        );
        assert!(check(|v| v.no_overlap("A", "192.168.1.0/24", "B", "10.0.0.0/8")).is_empty());
    }

    #[test]
    fn error_lists_every_violation() {
        let mut v = Violations::new();
        v.missing("RegionId");
        v.forbidden("Port", "22", &["22"]);
        let e = v.finish().unwrap_err();
        let text = e.to_string();
        assert!(text.contains("RegionId") && text.contains("Port"), "{text}");
        assert!(e.mentions("Port"));
    }
}

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
