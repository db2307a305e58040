//! What each IR rule *means*: whether a value keeps the rules of a field, decided here
//! independently of the runtime's checks. Two users:
//!
//! - the parser's evidence step ([`crate::parse::evidence`]), which does not enforce a rule that
//!   rejects a value the doc itself gives;
//! - the generated rule tests, which compare this verdict with the compiled validator (runtime
//!   code driven by what the emitter wrote), so a runtime check and its test cannot agree by
//!   construction, and the generator does not depend on the runtime crate.
//!
//! Meanings (the README's constraint vocabulary): lengths count characters; a numeric range over
//! a `String` parameter only judges text that is a number (such parameters also take words, like
//! `Any` for a port); forbidden prefixes compare ASCII case-insensitively (`HTTP://` is as
//! forbidden as `http://`); a `multi_value` rule makes every other rule apply to each item.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::model::{CharClass, Constraint, Number, Rule, Type};

/// A format the validators check, by its IR name (a `format` rule with any other name is
/// documentation only). Matching on it, rather than on the name, makes every place that
/// handles formats (this module's meaning, the emitted runtime check, the generated tests'
/// samples) say what it does with a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Cidr,
    Ipv4,
    Ipv6,
    Ip,
    Port,
    DateTime,
    Date,
    Json,
    Cron,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Cidr,
        Format::Ipv4,
        Format::Ipv6,
        Format::Ip,
        Format::Port,
        Format::DateTime,
        Format::Date,
        Format::Json,
        Format::Cron,
    ];

    /// The name the IR gives it (`Rule::Format { name }`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Cidr => "cidr",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Ip => "ip",
            Format::Port => "port",
            Format::DateTime => "datetime",
            Format::Date => "date",
            Format::Json => "json",
            Format::Cron => "cron",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The format a `format` rule is checked as: a known name, and for times a layout that is the
/// ISO 8601 one the check reads. `The time must be in UTC` names the zone, not how the value is
/// written, and `yyyyMMdd` or `yyyy/MM/dd HH:mm` are layouts the ISO check would turn away:
/// those rules are documentation.
pub fn checked_format(name: &str, pattern: Option<&str>) -> Option<Format> {
    let format = Format::from_name(name)?;
    let layout = pattern.map(str::to_ascii_lowercase);
    let iso_date = |p: &str| p.starts_with("yyyy-mm-dd");
    let checked = match format {
        Format::DateTime => layout.is_some_and(|p| {
            iso_date(&p) && (p[10..].starts_with("thh:mm") || p[10..].starts_with(" hh:mm"))
        }),
        Format::Date => layout.is_none_or(|p| p == "yyyy-mm-dd"),
        _ => true,
    };
    checked.then_some(format)
}

/// Whether a `format` rule is checked (see [`checked_format`]).
pub fn format_is_checked(name: &str, pattern: Option<&str>) -> bool {
    checked_format(name, pattern).is_some()
}

/// What kind of value a rule judges (from the field's IR type, or an array's item type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Strings and documented types the generator does not know (sent as text).
    Text,
    Number,
    Bool,
    /// JSON values and maps: no single-value checks.
    Json,
}

impl Kind {
    pub fn of(ty: &Type) -> Kind {
        match ty {
            Type::Integer | Type::Long | Type::Float | Type::Double => Kind::Number,
            Type::Boolean => Kind::Bool,
            Type::Json | Type::Map => Kind::Json,
            _ => Kind::Text,
        }
    }
}

/// Whether the rules of one field accept `value` (its wire text).
pub fn accepts(kind: Kind, constraints: &[Constraint], value: &str) -> bool {
    let multi = constraints.iter().find_map(|c| match &c.rule {
        Rule::MultiValue { separator, max } if kind == Kind::Text => {
            Some((separator.as_str(), *max))
        }
        _ => None,
    });
    match multi {
        Some((separator, max)) => {
            let items: Vec<&str> = value.split(separator).map(str::trim).collect();
            max.is_none_or(|m| items.len() as u64 <= m)
                && items.iter().all(|item| keeps_all(kind, constraints, item))
        }
        None => keeps_all(kind, constraints, value),
    }
}

/// Whether a list of `len` items keeps an `items` rule.
pub fn accepts_items(len: u64, min: Option<u64>, max: Option<u64>) -> bool {
    min.is_none_or(|m| len >= m) && max.is_none_or(|m| len <= m)
}

/// Whether two values keep a `different_from` rule: the two parameters do not carry the same
/// value on the wire (texts compared as sent; the rule says nothing when one is unset).
pub fn differs(mine: &str, theirs: &str) -> bool {
    mine != theirs
}

fn keeps_all(kind: Kind, constraints: &[Constraint], x: &str) -> bool {
    constraints.iter().all(|c| keeps(kind, &c.rule, x))
}

fn keeps(kind: Kind, rule: &Rule, x: &str) -> bool {
    let is_str = kind == Kind::Text;
    let numeric = kind == Kind::Number;
    match rule {
        // Listed values document the parameter; a value they leave out is the service's to
        // judge (services add values before their docs do), never a validation error.
        Rule::Enum { .. } => true,
        Rule::Length { min, max } if is_str => {
            let n = x.chars().count() as u64;
            min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)
        }
        Rule::Range {
            min,
            max,
            min_exclusive,
            max_exclusive,
        } if is_str || numeric => match x.trim().parse::<f64>() {
            Ok(n) => within(n, *min, *max, *min_exclusive, *max_exclusive),
            // Words in a numeric `String` parameter are not the range's business.
            Err(_) => is_str,
        },
        Rule::Forbidden { values } if is_str || numeric => !values.iter().any(|v| v == x),
        Rule::PrefixForbidden { values } if is_str => !values.iter().any(|p| {
            x.len() >= p.len()
                && x.is_char_boundary(p.len())
                && x[..p.len()].eq_ignore_ascii_case(p)
        }),
        Rule::Chars { first, allowed } if is_str => {
            let first_ok = first.is_empty()
                || x.chars()
                    .next()
                    .is_none_or(|c| first.iter().any(|k| in_class(k, c)));
            let all_ok =
                allowed.is_empty() || x.chars().all(|c| allowed.iter().any(|k| in_class(k, c)));
            first_ok && all_ok
        }
        Rule::Ascii if is_str => x.is_ascii(),
        Rule::NotEmpty if is_str => !x.is_empty(),
        // Compared ASCII case-insensitively, like forbidden prefixes.
        Rule::ForbiddenSubstrings { values } if is_str => {
            let lower = x.to_ascii_lowercase();
            !values
                .iter()
                .any(|v| !v.is_empty() && lower.contains(&v.to_ascii_lowercase()))
        }
        Rule::Json {
            min_items,
            max_items,
            ..
        } if is_str => match serde_json::from_str::<serde_json::Value>(x) {
            Ok(serde_json::Value::Array(items)) => {
                accepts_items(items.len() as u64, *min_items, *max_items)
            }
            Ok(_) => true,
            Err(_) => false,
        },
        Rule::Format { name, pattern } if is_str => {
            !format_is_checked(name, pattern.as_deref()) || has_format(name, x)
        }
        Rule::Format { name, .. } if numeric && Format::from_name(name) == Some(Format::Port) => {
            x.parse::<f64>().is_ok_and(|p| (1.0..=65535.0).contains(&p))
        }
        _ => true,
    }
}

pub fn within(
    n: f64,
    min: Option<Number>,
    max: Option<Number>,
    min_ex: bool,
    max_ex: bool,
) -> bool {
    let low_ok = min.is_none_or(|m| {
        let m = m.as_f64();
        if min_ex {
            n > m
        } else {
            n >= m
        }
    });
    let high_ok = max.is_none_or(|m| {
        let m = m.as_f64();
        if max_ex {
            n < m
        } else {
            n <= m
        }
    });
    low_ok && high_ok
}

fn in_class(class: &CharClass, c: char) -> bool {
    match class {
        CharClass::Letter => c.is_ascii_alphabetic(),
        CharClass::Upper => c.is_ascii_uppercase(),
        CharClass::Lower => c.is_ascii_lowercase(),
        CharClass::Digit => c.is_ascii_digit(),
        // CJK Unified Ideographs with Extension A, the compatibility block and Extensions B+.
        CharClass::Cjk => matches!(c as u32,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F),
        CharClass::Char(k) => *k == c,
    }
}

/// Whether `x` is written in the named format; unknown names accept everything.
pub fn has_format(name: &str, x: &str) -> bool {
    match Format::from_name(name) {
        Some(Format::Cidr) => is_cidr(x),
        Some(Format::Ipv4) => x.parse::<Ipv4Addr>().is_ok(),
        Some(Format::Ipv6) => x.parse::<Ipv6Addr>().is_ok(),
        Some(Format::Ip) => x.parse::<IpAddr>().is_ok(),
        Some(Format::Port) => x.parse::<u16>().is_ok_and(|p| p > 0),
        Some(Format::DateTime) => is_datetime(x),
        Some(Format::Date) => is_date(x),
        Some(Format::Json) => serde_json::from_str::<serde_json::Value>(x).is_ok(),
        Some(Format::Cron) => is_cron(x),
        None => true,
    }
}

/// `address/prefix`, the prefix no longer than the address.
fn is_cidr(x: &str) -> bool {
    let Some((addr, prefix)) = x.split_once('/') else {
        return false;
    };
    let Ok(bits) = prefix.parse::<u8>() else {
        return false;
    };
    if !prefix.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match addr.parse::<IpAddr>() {
        Ok(IpAddr::V4(_)) => bits <= 32,
        Ok(IpAddr::V6(_)) => bits <= 128,
        Err(_) => false,
    }
}

/// Minutes, hours, day of month, month, day of week, and optional seconds first / year last
/// (Quartz): 5 to 7 fields, each digits, names (`MON`, `L`, `W`) and `* , - / ? #`.
fn is_cron(x: &str) -> bool {
    let fields: Vec<&str> = x.split_whitespace().collect();
    let field_ok = |f: &&str| {
        f.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_alphabetic() || "*,-/?#".contains(c))
    };
    (5..=7).contains(&fields.len()) && fields.iter().all(field_ok)
}

fn two_digits(s: &str, lo: u32, hi: u32) -> bool {
    s.len() == 2
        && s.chars().all(|c| c.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
}

/// `YYYY-MM-DD`.
fn is_date(x: &str) -> bool {
    match x.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => {
            y.len() == 4
                && y.chars().all(|c| c.is_ascii_digit())
                && two_digits(m, 1, 12)
                && two_digits(d, 1, 31)
        }
        _ => false,
    }
}

/// `hh:mm[:ss[.fff]]`, in seconds of the day (a leap second allowed).
fn clock_secs(x: &str) -> Option<f64> {
    let parts: Vec<&str> = x.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, "00"),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let ok = two_digits(h, 0, 23)
        && two_digits(m, 0, 59)
        && two_digits(whole, 0, 60)
        && frac.chars().all(|c| c.is_ascii_digit())
        && (frac.is_empty() != s.contains('.'));
    if !ok {
        return None;
    }
    let frac: f64 = format!("0.{}", if frac.is_empty() { "0" } else { frac })
        .parse()
        .ok()?;
    Some(
        (h.parse::<u32>().ok()? * 3600 + m.parse::<u32>().ok()? * 60) as f64
            + whole.parse::<f64>().ok()?
            + frac,
    )
}

/// Splits a `Z` or `±hh:mm` / `±hhmm` zone off a clock time: (clock, seconds east of UTC).
fn zone(x: &str) -> Option<(&str, i64)> {
    if let Some(rest) = x.strip_suffix(['Z', 'z']) {
        return Some((rest, 0));
    }
    match x.rfind(['+', '-']) {
        Some(i) => {
            let (clock, off) = (&x[..i], &x[i + 1..]);
            let digits: String = off.chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let secs =
                digits[..2].parse::<i64>().ok()? * 3600 + digits[2..].parse::<i64>().ok()? * 60;
            Some((clock, if x.as_bytes()[i] == b'-' { -secs } else { secs }))
        }
        None => Some((x, 0)),
    }
}

/// An ISO 8601 date and time: `YYYY-MM-DD`, `T` or a space, `hh:mm[:ss[.fff]]`, and an
/// optional `Z` or offset (none means UTC), in seconds since 1970-01-01T00:00:00Z.
pub fn datetime_secs(x: &str) -> Option<f64> {
    let i = x.find(['T', 't', ' '])?;
    let (date, time) = (&x[..i], x[i + 1..].trim_start());
    if !is_date(date) {
        return None;
    }
    let (clock, offset) = zone(time)?;
    let day = days_since_epoch(date)?;
    Some(day as f64 * 86_400.0 + clock_secs(clock)? - offset as f64)
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (year by year: plain rather than quick).
fn days_since_epoch(date: &str) -> Option<i64> {
    let mut it = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let year_days = |y: i64| if leap(y) { 366 } else { 365 };
    let mut days = 0i64;
    if y >= 1970 {
        days += (1970..y).map(year_days).sum::<i64>();
    } else {
        days -= (y..1970).map(year_days).sum::<i64>();
    }
    let months = [
        31,
        if leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d > months[(m - 1) as usize] {
        return None;
    }
    days += months[..(m - 1) as usize].iter().sum::<i64>();
    Some(days + d - 1)
}

/// A date and time in the ISO 8601 way (see [`datetime_secs`]): `2019-03-13T12:11:14Z`,
/// `2019-03-13 12:11:14`, `2019-03-13T12:11:14.000+08:00`. A layout the doc spells out with a
/// `T` and a `Z` is one of them, and the service may read the others too: the check only turns
/// away what is no date and time at all.
fn is_datetime(x: &str) -> bool {
    datetime_secs(x).is_some()
}

/// A value an `ordered` rule compares: a time (seconds since the epoch: ISO dates and date
/// times, numbers from 10^9 as epoch seconds, from 10^12 as epoch milliseconds) or a plain
/// number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instant {
    Time(f64),
    Number(f64),
}

impl Instant {
    pub fn of(text: &str) -> Option<Instant> {
        let t = text.trim();
        if let Ok(n) = t.parse::<f64>() {
            return n.is_finite().then_some(if n >= 1e12 {
                Instant::Time(n / 1000.0)
            } else if n >= 1e9 {
                Instant::Time(n)
            } else {
                Instant::Number(n)
            });
        }
        if is_date(t) {
            return days_since_epoch(t).map(|d| Instant::Time(d as f64 * 86_400.0));
        }
        datetime_secs(t).map(Instant::Time)
    }

    /// How far `self` lies after `earlier` when both are of one sort.
    pub fn since(self, earlier: Instant) -> Option<f64> {
        match (self, earlier) {
            (Instant::Time(a), Instant::Time(b)) | (Instant::Number(a), Instant::Number(b)) => {
                Some(a - b)
            }
            _ => None,
        }
    }
}

/// Whether two CIDR blocks share an address; `None` when either is no CIDR block or they are of
/// different families.
pub fn cidrs_overlap(a: &str, b: &str) -> Option<bool> {
    fn block(x: &str) -> Option<(u128, u32, bool)> {
        let (addr, prefix) = x.trim().split_once('/')?;
        let bits: u32 = prefix.parse().ok()?;
        match addr.parse::<IpAddr>().ok()? {
            IpAddr::V4(v4) if bits <= 32 => Some((u32::from(v4) as u128, bits, false)),
            IpAddr::V6(v6) if bits <= 128 => Some((u128::from(v6), bits, true)),
            _ => None,
        }
    }
    let (x, xb, x6) = block(a)?;
    let (y, yb, y6) = block(b)?;
    if x6 != y6 {
        return None;
    }
    let width = if x6 { 128 } else { 32 };
    // Two blocks overlap when they agree on the shorter prefix.
    let shorter = xb.min(yb);
    let shift = width - shorter;
    let (x, y) = if shift >= 128 {
        (0, 0)
    } else {
        (x >> shift, y >> shift)
    };
    Some(x == y)
}

/// A time `secs` after 1970-01-01T00:00:00Z as `YYYY-MM-DDThh:mm:ssZ`, or as `YYYY-MM-DD`
/// when `date_only`: the values the generated `ordered` tests send.
pub fn time_text(secs: i64, date_only: bool) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Walk whole years, then months, from 1970: slow but plainly right for test values.
    let (mut y, mut d) = (1970i64, days);
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    while d >= if leap(y) { 366 } else { 365 } {
        d -= if leap(y) { 366 } else { 365 };
        y += 1;
    }
    let months = [
        31,
        if leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    let date = format!("{y:04}-{:02}-{:02}", m + 1, d + 1);
    if date_only {
        date
    } else {
        let (h, mi, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
        format!("{date}T{h:02}:{mi:02}:{s:02}Z")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn time_text_by_hand() {
        // 2019-01-01 is 49 years (12 of them leap) after 1970: 17897 days.
        assert_eq!(time_text(17_897 * 86_400, false), "2019-01-01T00:00:00Z");
        assert_eq!(
            time_text(17_897 * 86_400 + 31 * 86_400 + 1, false),
            "2019-02-01T00:00:01Z"
        );
        assert_eq!(
            time_text(17_897 * 86_400 - 1, false),
            "2018-12-31T23:59:59Z"
        );
        assert_eq!(time_text((17_897 + 59) * 86_400, true), "2019-03-01");
    }

    #[test]
    fn new_value_kinds() {
        let not_empty = Rule::NotEmpty;
        assert!(!keeps(Kind::Text, &not_empty, ""));
        assert!(keeps(Kind::Text, &not_empty, " "));
        let no_url = Rule::ForbiddenSubstrings {
            values: vec!["http://".into()],
        };
        assert!(!keeps(Kind::Text, &no_url, "see HTTP://x"));
        assert!(keeps(Kind::Text, &no_url, "plain"));
    }

    use super::*;

    #[test]
    fn formats_by_hand() {
        for (name, x, ok) in [
            ("cidr", "10.0.0.0/8", true),
            ("cidr", "2408:4321:180:1701::/64", true),
            ("cidr", "10.0.0.0/33", false),
            ("cidr", "10.0.0.1", false),
            ("cidr", "10.0.0.0/+8", false),
            ("port", "0", false),
            ("port", "65535", true),
            ("datetime", "2021-01-01T00:00Z", true),
            ("datetime", "2021-13-01T00:00:00Z", false),
            ("datetime", "2021-01-01 00:00:00", true),
            ("datetime", "2021-01-01T08:00:00.250+08:00", true),
            ("datetime", "2021-01-01", false),
            ("datetime", "12:00Z", false),
            ("datetime", "2021-02-29T00:00:00Z", false),
            ("date", "2021/01/01", false),
            ("json", "{", false),
        ] {
            assert_eq!(has_format(name, x), ok, "{name} {x}");
        }
    }

    #[test]
    fn overlapping_blocks_by_hand() {
        assert_eq!(cidrs_overlap("10.0.0.0/8", "10.1.0.0/16"), Some(true));
        assert_eq!(cidrs_overlap("10.0.0.0/16", "10.1.0.0/16"), Some(false));
        assert_eq!(cidrs_overlap("0.0.0.0/0", "192.168.0.0/24"), Some(true));
        assert_eq!(
            cidrs_overlap("2001:db8::/32", "2001:db8:1::/48"),
            Some(true)
        );
        assert_eq!(cidrs_overlap("10.0.0.0/8", "2001:db8::/32"), None);
        assert_eq!(cidrs_overlap("10.0.0.1", "10.0.0.0/8"), None);
    }

    #[test]
    fn only_iso_layouts_are_checked() {
        assert!(format_is_checked("datetime", Some("YYYY-MM-DDThh:mm:ssZ")));
        assert!(format_is_checked("datetime", Some("yyyy-MM-dd HH:mm:ss")));
        assert!(
            !format_is_checked("datetime", None),
            "UTC names a zone, not a layout"
        );
        assert!(!format_is_checked("datetime", Some("yyyy/MM/dd HH:mm")));
        assert!(format_is_checked("date", Some("YYYY-MM-DD")));
        assert!(!format_is_checked("date", Some("yyyyMMdd")));
        assert!(format_is_checked("cidr", None));
        assert!(!format_is_checked("email", None));
    }

    #[test]
    fn instants_by_hand() {
        // 2019-01-31T10:00:00Z: 17927 days (49 years with 12 leap days, and 30 of January) and
        // 10 hours after the epoch.
        let t = 17_927.0 * 86_400.0 + 36_000.0;
        assert_eq!(Instant::of("2019-01-31T10:00:00Z"), Some(Instant::Time(t)));
        assert_eq!(
            Instant::of("2019-01-31 18:00:00+08:00"),
            Some(Instant::Time(t))
        );
        assert_eq!(Instant::of("1548928800"), Some(Instant::Time(t)));
        assert_eq!(Instant::of("1548928800000"), Some(Instant::Time(t)));
        assert_eq!(Instant::of("2019-01-31"), Some(Instant::Time(t - 36_000.0)));
        assert_eq!(Instant::of("12"), Some(Instant::Number(12.0)));
        assert_eq!(Instant::of("soon"), None);
    }

    #[test]
    fn prefixes_ignore_ascii_case_and_ranges_skip_words() {
        let no_http = Rule::PrefixForbidden {
            values: vec!["http://".into()],
        };
        assert!(!keeps(Kind::Text, &no_http, "HTTP://x"));
        assert!(keeps(Kind::Text, &no_http, "中http://"));
        let range = Rule::Range {
            min: Some(Number::Int(1)),
            max: Some(Number::Int(10)),
            min_exclusive: false,
            max_exclusive: true,
        };
        assert!(keeps(Kind::Text, &range, "Any"));
        assert!(!keeps(Kind::Text, &range, "10"));
        assert!(!keeps(Kind::Number, &range, "0"));
    }
}
