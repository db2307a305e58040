//! The single-value checks, each written once: a function of the value and the rule's data
//! that returns the complaint (`None` when the value keeps the rule). Messages say what was
//! expected and what was got; the caller adds the parameter's path.

use super::rules::{describe_classes, Bounds, CharClass, Format};

fn count_bounds(min: Option<u64>, max: Option<u64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => String::new(),
    }
}

/// Length in characters (not bytes), inclusive bounds.
pub(super) fn length(value: &str, min: Option<u64>, max: Option<u64>) -> Option<String> {
    let n = value.chars().count() as u64;
    (min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m)).then(|| {
        format!(
            "must be {} characters long, got {n}",
            count_bounds(min, max)
        )
    })
}

/// Number of items of a list (or of a JSON array).
pub(super) fn items(len: usize, min: Option<u64>, max: Option<u64>) -> Option<String> {
    let n = len as u64;
    (min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m))
        .then(|| format!("must have {} items, got {n}", count_bounds(min, max)))
}

/// Numeric range; the bounds say whether they are strict.
pub(super) fn range(value: f64, b: &Bounds) -> Option<String> {
    let low = b.min.is_some_and(|m| {
        if b.min_exclusive {
            value <= m
        } else {
            value < m
        }
    });
    let high = b.max.is_some_and(|m| {
        if b.max_exclusive {
            value >= m
        } else {
            value > m
        }
    });
    (low || high).then(|| format!("must be {}, got {value}", b.describe()))
}

/// A number written as text; `None` for words (a numeric `String` parameter may also take
/// words, like `Any` for a port: those are not the range's business).
pub(super) fn number_in(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// `value` (its wire text, or the number) must be one of `allowed`. Numbers compare as
/// numbers (`1.0` is `1`).
pub(super) fn one_of(text: &str, number: Option<f64>, allowed: &[&str]) -> Option<String> {
    let found = match number {
        Some(n) => allowed.iter().any(|a| number_in(a) == Some(n)),
        None => allowed.contains(&text),
    };
    (!found).then(|| format!("must be one of {}, got `{text}`", allowed.join(", ")))
}

pub(super) fn forbidden(text: &str, number: Option<f64>, forbidden: &[&str]) -> Option<String> {
    let found = match number {
        Some(n) => forbidden.iter().any(|a| number_in(a) == Some(n)),
        None => forbidden.contains(&text),
    };
    found.then(|| format!("must not be `{text}`"))
}

fn starts_with_ignore_ascii_case(value: &str, prefix: &str) -> bool {
    value
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Prefixes compared ASCII case-insensitively (`HTTP://` is as forbidden as `http://`).
/// One complaint per prefix found.
pub(super) fn prefix_forbidden<'p>(
    value: &'p str,
    prefixes: &'p [&'p str],
) -> impl Iterator<Item = String> + 'p {
    prefixes
        .iter()
        .filter(move |p| starts_with_ignore_ascii_case(value, p))
        .map(|p| format!("must not start with `{p}`"))
}

/// Substrings compared ASCII case-insensitively, anywhere in the value.
pub(super) fn forbidden_substrings<'p>(
    value: &'p str,
    needles: &'p [&'p str],
) -> impl Iterator<Item = String> + 'p {
    needles
        .iter()
        .filter(move |n| {
            !n.is_empty()
                && value
                    .char_indices()
                    .any(|(i, _)| starts_with_ignore_ascii_case(&value[i..], n))
        })
        .map(|n| format!("must not contain `{n}`"))
}

pub(super) fn not_empty(value: &str) -> Option<String> {
    value.is_empty().then(|| "must not be empty".to_string())
}

/// `first`: classes the first character must belong to; `allowed`: classes of every
/// character. Up to two complaints.
pub(super) fn chars(value: &str, first: &[CharClass], allowed: &[CharClass]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = value.chars().next() {
        if !first.is_empty() && !first.iter().any(|k| k.contains(c)) {
            out.push(format!(
                "must start with one of: {}; got `{c}`",
                describe_classes(first)
            ));
        }
    }
    if !allowed.is_empty() {
        if let Some(bad) = value
            .chars()
            .find(|&c| !allowed.iter().any(|k| k.contains(c)))
        {
            out.push(format!(
                "may only contain {}; got `{bad}`",
                describe_classes(allowed)
            ));
        }
    }
    out
}

pub(super) fn ascii(value: &str) -> Option<String> {
    (!value.is_ascii()).then(|| "must contain only ASCII characters".to_string())
}

pub(super) fn format(value: &str, format: Format) -> Option<String> {
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
    let name = match format {
        Format::Cidr => "a CIDR block such as 10.0.0.0/8",
        Format::Ipv4 => "an IPv4 address",
        Format::Ipv6 => "an IPv6 address",
        Format::Ip => "an IP address",
        Format::Port => "a port number (1-65535)",
        Format::DateTime => "a date and time such as 2019-01-31T10:00:00Z",
        Format::Date => "a date as YYYY-MM-DD",
        Format::Json => "valid JSON",
        Format::Cron => "a cron expression of 5 to 7 fields",
    };
    (!ok).then(|| format!("must be {name}, got `{value}`"))
}

/// A JSON-encoded value; when it is an array, `min..=max` items.
pub(super) fn json_items(value: &str, min: Option<u64>, max: Option<u64>) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(value) {
        Ok(serde_json::Value::Array(list)) => items(list.len(), min, max),
        Ok(_) => None,
        Err(_) => Some(format!("must be valid JSON, got `{value}`")),
    }
}

/// Several values in one string: at most `max` of them.
pub(super) fn multi_value(value: &str, separator: &str, max: Option<u64>) -> Option<String> {
    let n = value.split(separator).count() as u64;
    max.filter(|m| n > *m)
        .map(|m| format!("must list at most {m} values, got {n}"))
}

/// Two CIDR blocks that must not overlap. Unparseable values are left to `format`.
pub(super) fn overlaps(value: &str, other: &str) -> bool {
    let (Ok(a), Ok(b)) = (value.parse::<ipnet::IpNet>(), other.parse::<ipnet::IpNet>()) else {
        return false;
    };
    a.contains(&b.network()) || b.contains(&a.network())
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

/// A date and time the ISO 8601 way: `2019-01-31T10:00:00Z`, `2019-01-31 10:00:00`,
/// `2019-01-31T18:00:00.5+08:00`. A doc that spells `YYYY-MM-DDThh:mm:ssZ` still gets its
/// other readings through: the check only stops what is no date and time at all.
fn is_datetime(s: &str) -> bool {
    s.contains(['T', 't', ' ']) && super::time::datetime_secs(s.trim()).is_some()
}

/// Expected values come from each rule's meaning as the docs state it, not from running the
/// code: "2 to 128 characters" rejects 1 and 129 and accepts 2 and 128.
#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(min: Option<f64>, max: Option<f64>, min_ex: bool, max_ex: bool) -> Bounds {
        Bounds {
            min,
            max,
            min_exclusive: min_ex,
            max_exclusive: max_ex,
        }
    }

    #[test]
    fn length_counts_characters_inclusive() {
        let a = |n: usize| "a".repeat(n);
        assert!(length(&a(1), Some(2), Some(128)).is_some());
        assert!(length(&a(2), Some(2), Some(128)).is_none());
        assert!(length(&a(128), Some(2), Some(128)).is_none());
        assert!(length(&a(129), Some(2), Some(128)).is_some());
        // Two characters, six bytes.
        assert!(length("名字", Some(2), Some(2)).is_none());
        assert_eq!(
            length(&a(65), None, Some(64)).as_deref(),
            Some("must be at most 64 characters long, got 65")
        );
    }

    #[test]
    fn ranges_inclusive_and_exclusive() {
        let b = bounds(Some(1.0), Some(100.0), false, false);
        assert!(range(0.0, &b).is_some());
        assert!(range(1.0, &b).is_none());
        assert!(range(100.0, &b).is_none());
        assert!(range(101.0, &b).is_some());
        let strict = bounds(Some(0.0), Some(10.0), true, true);
        assert!(range(0.0, &strict).is_some());
        assert!(range(0.5, &strict).is_none());
        assert!(range(10.0, &strict).is_some());
        assert_eq!(number_in("Any"), None);
        assert_eq!(number_in(" 8 "), Some(8.0));
    }

    #[test]
    fn item_counts() {
        assert!(items(0, Some(1), Some(20)).is_some());
        assert!(items(1, Some(1), Some(20)).is_none());
        assert!(items(20, Some(1), Some(20)).is_none());
        assert!(items(21, Some(1), Some(20)).is_some());
    }

    #[test]
    fn allowed_and_forbidden_values() {
        assert!(one_of("2", Some(2.0), &["1", "2.0"]).is_none());
        assert!(one_of("3", Some(3.0), &["1", "2"]).is_some());
        assert!(one_of("on", None, &["on", "off"]).is_none());
        assert!(one_of("On", None, &["on", "off"]).is_some());
        assert!(forbidden("22", Some(22.0), &["22", "80"]).is_some());
        assert!(forbidden("23", Some(23.0), &["22", "80"]).is_none());
        assert!(forbidden("default", None, &["default"]).is_some());
    }

    #[test]
    fn prefixes_and_substrings_ignore_ascii_case() {
        let p = ["http://", "https://"];
        assert_eq!(prefix_forbidden("HTTP://x", &p).count(), 1);
        assert_eq!(prefix_forbidden("名http://", &p).count(), 0);
        assert_eq!(forbidden_substrings("名http://", &p).count(), 1);
        assert_eq!(forbidden_substrings("a HTTPS://b", &p).count(), 1);
        assert_eq!(forbidden_substrings("plain", &p).count(), 0);
        assert!(not_empty("").is_some());
        assert!(not_empty(" ").is_none());
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
        assert!(chars("中文-a1", &first, &allowed).is_empty());
        assert_eq!(chars("1abc", &first, &allowed).len(), 1);
        assert_eq!(chars("ab c", &first, &allowed).len(), 1);
        assert_eq!(chars("-a c", &first, &allowed).len(), 2);
        assert!(ascii("令牌").is_some() && ascii("token").is_none());
    }

    #[test]
    fn formats() {
        assert!(format("10.0.0.0/8", Format::Cidr).is_none());
        assert!(format("2408:4321::/64", Format::Cidr).is_none());
        assert!(format("10.0.0.0", Format::Cidr).is_some());
        assert!(format("2021-03-01T12:00:00Z", Format::DateTime).is_none());
        assert!(format("2021-03-01T12:00Z", Format::DateTime).is_none());
        assert!(format("2021-03-01 12:00:00", Format::DateTime).is_none());
        assert!(format("2021-03-01T12:00:00.000+08:00", Format::DateTime).is_none());
        assert!(format("2021-03-01", Format::DateTime).is_some());
        assert!(format("12:00Z", Format::DateTime).is_some());
        assert!(format("2021-02-30", Format::Date).is_none());
        assert!(format("2021/02/03", Format::Date).is_some());
        assert!(format("70000", Format::Port).is_some());
        assert!(format("0 0 12 * * ?", Format::Cron).is_none());
        assert!(format("0 12 * *", Format::Cron).is_some());
        assert!(format("0 0 12 * * ? 2024 1", Format::Cron).is_some());
    }

    #[test]
    fn json_items_and_multi_values() {
        assert!(json_items("[1,2]", None, Some(2)).is_none());
        assert!(json_items("[1,2,3]", None, Some(2)).is_some());
        assert!(json_items("[1,", None, Some(2)).is_some());
        assert!(json_items("{\"a\":1}", None, Some(0)).is_none());
        assert!(multi_value("a,b", ",", Some(2)).is_none());
        assert!(multi_value("a,b,c", ",", Some(2)).is_some());
    }

    #[test]
    fn overlapping_cidrs() {
        assert!(overlaps("10.1.0.0/16", "10.0.0.0/8"));
        assert!(!overlaps("192.168.1.0/24", "10.0.0.0/8"));
        assert!(!overlaps("nope", "10.0.0.0/8"));
    }
}
