//! Reading the values an `ordered` rule compares: ISO 8601 times and dates, epoch seconds or
//! milliseconds, plain numbers.

/// A value an `ordered` rule can compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instant {
    /// A point in time, in seconds since 1970-01-01T00:00:00Z.
    Time(f64),
    /// A number that is not a time (a count, an index).
    Number(f64),
}

/// Numbers from this size on are epoch milliseconds (1e12 ms is 2001-09-09; as seconds it
/// would be the year 33658).
const EPOCH_MS_FROM: f64 = 1e12;
/// Numbers from this size on (and below [`EPOCH_MS_FROM`]) are epoch seconds (2001-09-09 on).
const EPOCH_SECS_FROM: f64 = 1e9;

impl Instant {
    /// A number: epoch milliseconds or seconds when it is as large as a recent time, otherwise
    /// a plain number.
    pub fn of_number(n: f64) -> Instant {
        if n >= EPOCH_MS_FROM {
            Instant::Time(n / 1000.0)
        } else if n >= EPOCH_SECS_FROM {
            Instant::Time(n)
        } else {
            Instant::Number(n)
        }
    }

    /// Text: a number (see [`Instant::of_number`]), `YYYY-MM-DD`, or a date with a time
    /// `hh:mm[:ss[.fff]]` after `T` or a space, and an optional `Z` or `±hh:mm` offset (none
    /// means UTC). `None` for anything else.
    pub fn of_text(text: &str) -> Option<Instant> {
        let t = text.trim();
        if let Ok(n) = t.parse::<f64>() {
            return n.is_finite().then(|| Instant::of_number(n));
        }
        datetime_secs(t).map(Instant::Time)
    }

    /// How far `self` lies after `earlier`, when both are times or both are numbers.
    pub fn since(self, earlier: Instant) -> Option<f64> {
        match (self, earlier) {
            (Instant::Time(a), Instant::Time(b)) | (Instant::Number(a), Instant::Number(b)) => {
                Some(a - b)
            }
            _ => None,
        }
    }

    pub fn is_time(self) -> bool {
        matches!(self, Instant::Time(_))
    }
}

fn num(s: &str, len: usize) -> Option<i64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (counted through whole 400-year eras).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn date_days(s: &str) -> Option<i64> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d))
        .then(|| days_from_civil(y, m, d))
}

/// `hh:mm[:ss[.fff]]` in seconds.
fn time_secs(s: &str) -> Option<f64> {
    let mut parts = s.split(':');
    let (h, m) = (num(parts.next()?, 2)?, num(parts.next()?, 2)?);
    let sec = match parts.next() {
        None => 0.0,
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, ""));
            let whole = num(whole, 2)?;
            if !(whole <= 60 && frac.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            let frac = if frac.is_empty() {
                0.0
            } else {
                format!("0.{frac}").parse::<f64>().ok()?
            };
            whole as f64 + frac
        }
    };
    (parts.next().is_none() && h <= 23 && m <= 59).then(|| (h * 3600 + m * 60) as f64 + sec)
}

/// `Z`, `±hh:mm` or `±hhmm` at the end: (the rest, the offset in seconds east of UTC).
fn split_offset(s: &str) -> Option<(&str, i64)> {
    if let Some(rest) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        return Some((rest, 0));
    }
    if !s.is_ascii() {
        return Some((s, 0));
    }
    let at = s.len().checked_sub(6);
    if let Some(i) = at {
        let (rest, off) = s.split_at(i);
        if let (Some(sign @ ('+' | '-')), Some((h, m))) =
            (off.chars().next(), off[1..].split_once(':'))
        {
            let secs = num(h, 2)? * 3600 + num(m, 2)? * 60;
            return Some((rest, if sign == '-' { -secs } else { secs }));
        }
    }
    let at = s.len().checked_sub(5);
    if let Some(i) = at {
        let (rest, off) = s.split_at(i);
        if let (Some(sign @ ('+' | '-')), Some(h), Some(m)) =
            (off.chars().next(), num(&off[1..3], 2), num(&off[3..], 2))
        {
            // `2019-01-31` itself ends in `-01-31`: only a time part may carry an offset.
            if rest.contains(':') {
                let secs = h * 3600 + m * 60;
                return Some((rest, if sign == '-' { -secs } else { secs }));
            }
        }
    }
    Some((s, 0))
}

pub(super) fn datetime_secs(s: &str) -> Option<f64> {
    let split = s
        .find(['T', 't', ' '])
        .map(|i| (&s[..i], s[i + 1..].trim_start()));
    match split {
        None => date_days(s).map(|d| d as f64 * 86_400.0),
        Some((date, time)) => {
            let days = date_days(date)?;
            let (time, offset) = split_offset(time)?;
            let secs = time_secs(time)?;
            Some(days as f64 * 86_400.0 + secs - offset as f64)
        }
    }
}

/// Expected values are counted by hand: 2019-01-31T10:00:00Z is 17927 days and 10 hours
/// after the epoch (49 years with 12 leap days, plus 30 days of January).
#[cfg(test)]
mod tests {
    use super::*;

    fn secs(text: &str) -> f64 {
        match Instant::of_text(text) {
            Some(Instant::Time(s)) => s,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn iso_times_dates_and_offsets() {
        let expected = 17_927.0 * 86_400.0 + 36_000.0;
        assert_eq!(secs("2019-01-31T10:00:00Z"), expected);
        assert_eq!(secs("2019-01-31 10:00:00"), expected);
        assert_eq!(secs("2019-01-31T10:00Z"), expected);
        assert_eq!(secs("2019-01-31T18:00:00+08:00"), expected);
        assert_eq!(secs("2019-01-31T18:00:00+0800"), expected);
        assert_eq!(secs("2019-01-31T10:00:00.500Z"), expected + 0.5);
        assert_eq!(secs("2019-01-31"), 17_927.0 * 86_400.0);
        assert_eq!(secs("1970-01-01"), 0.0);
        assert_eq!(secs("2000-03-01") - secs("2000-02-28"), 2.0 * 86_400.0);
        assert_eq!(secs("2100-03-01") - secs("2100-02-28"), 86_400.0);
    }

    #[test]
    fn epoch_numbers_and_plain_numbers() {
        assert_eq!(secs("1548928800"), 17_927.0 * 86_400.0 + 36_000.0);
        assert_eq!(secs("1548928800000"), 17_927.0 * 86_400.0 + 36_000.0);
        assert_eq!(Instant::of_text("42"), Some(Instant::Number(42.0)));
        assert_eq!(
            Instant::of_number(5.0).since(Instant::of_number(3.0)),
            Some(2.0)
        );
        assert_eq!(Instant::of_number(5.0).since(Instant::Time(3.0)), None);
    }

    #[test]
    fn unreadable_values() {
        for bad in [
            "",
            "yesterday",
            "2019-02-30",
            "2019-13-01",
            "2019-01-31T24:00:00Z",
            "2019-01-31T10:00:00Q",
            "31/01/2019",
        ] {
            assert_eq!(Instant::of_text(bad), None, "{bad}");
        }
    }
}
