//! The rule tables of generated requests and their interpreter.
//!
//! A generated struct states its rules once, as a `&'static [Param]`, and implements
//! [`Validate`] by handing its field values (in table order, as [`Value`]s) to
//! [`Level::check`]. The builder of a request implements [`Validate`] with the same table, so
//! `build()` and `validate()` run the same checks.

use std::borrow::Cow;

use super::checks;
use super::report::{Path, ValidationError, Violations, MISSING};
use super::rules::{Check, Cond, Param, Rel};
use super::time::Instant;

/// A field value as the interpreter sees it.
#[derive(Clone, Copy)]
pub enum Value<'a> {
    /// Not set (an empty list counts as not set).
    Absent,
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    Json(&'a serde_json::Value),
    List(&'a dyn List),
    Nested(&'a dyn Validate),
}

impl Value<'_> {
    pub fn is_set(&self) -> bool {
        !matches!(self, Value::Absent)
    }

    /// The wire text of a scalar (what a condition compares with).
    fn text(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            Value::Text(s) => Cow::Borrowed(*s),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Float(n) => Cow::Owned(n.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Json(serde_json::Value::String(s)) => Cow::Borrowed(s.as_str()),
            Value::Json(j) => Cow::Owned(j.to_string()),
            Value::List(_) | Value::Nested(_) | Value::Absent => return None,
        })
    }

    /// The number a range compares: numbers, and text that is a number.
    fn number(&self) -> Option<f64> {
        match self {
            Value::Int(n) => Some(*n as f64),
            Value::Float(n) => Some(*n),
            Value::Text(s) => checks::number_in(s),
            _ => None,
        }
    }

    fn instant(&self) -> Option<Instant> {
        match self {
            Value::Int(n) => Some(Instant::of_number(*n as f64)),
            Value::Float(n) => Some(Instant::of_number(*n)),
            Value::Text(s) => Instant::of_text(s),
            _ => None,
        }
    }
}

/// A field value presented to the interpreter.
pub trait AsValue {
    fn as_value(&self) -> Value<'_>;
}

impl AsValue for String {
    fn as_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl AsValue for bool {
    fn as_value(&self) -> Value<'_> {
        Value::Bool(*self)
    }
}

impl AsValue for serde_json::Value {
    fn as_value(&self) -> Value<'_> {
        Value::Json(self)
    }
}

macro_rules! as_value_int {
    ($($t:ty),*) => {$(
        impl AsValue for $t {
            fn as_value(&self) -> Value<'_> {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
as_value_int!(i32, i64);

macro_rules! as_value_float {
    ($($t:ty),*) => {$(
        impl AsValue for $t {
            fn as_value(&self) -> Value<'_> {
                Value::Float(f64::from(*self))
            }
        }
    )*};
}
as_value_float!(f32, f64);

impl<T: AsValue> AsValue for Option<T> {
    fn as_value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Absent, T::as_value)
    }
}

impl<T: AsValue> AsValue for Vec<T> {
    fn as_value(&self) -> Value<'_> {
        if self.is_empty() {
            Value::Absent
        } else {
            Value::List(self)
        }
    }
}

/// A list value: its items one by one.
pub trait List {
    fn len(&self) -> usize;
    fn item(&self, i: usize) -> Value<'_>;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T: AsValue> List for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn item(&self, i: usize) -> Value<'_> {
        self[i].as_value()
    }
}

/// A struct with a rule table: a request, its builder, or a nested item.
pub trait Validate {
    /// Checks the values against the table through [`Level::check`].
    fn check(&self, at: &Level<'_>, v: &mut Violations);
}

/// Runs every check of `value` and returns all the violations found.
pub fn run(value: &dyn Validate) -> Result<(), ValidationError> {
    let mut v = Violations::new();
    value.check(&Level::TOP, &mut v);
    v.finish()
}

/// Checks only that the required parameters of `value` are set, at every level (the members
/// of list items too), skipping every documented rule: what a request whose rule checks are
/// turned off still gets checked for (`Request::validate_required`).
pub fn run_required(value: &dyn Validate) -> Result<(), ValidationError> {
    let mut v = Violations::new();
    value.check(&Level::REQUIRED_ONLY, &mut v);
    v.finish()
}

/// One level's table with its values.
#[derive(Clone, Copy)]
struct Scope<'a> {
    rules: &'static [Param],
    values: &'a [Value<'a>],
}

impl<'a> Scope<'a> {
    fn get(&self, name: &str) -> Option<&'a Value<'a>> {
        let i = self.rules.iter().position(|p| p.name == name)?;
        self.values.get(i)
    }
}

/// The level a [`Validate::check`] runs at: its path, the request's top level, and whether
/// only required parameters are checked.
pub struct Level<'a> {
    path: Path<'a>,
    top: Option<Scope<'a>>,
    required_only: bool,
}

impl Level<'_> {
    pub const TOP: Level<'static> = Level {
        path: Path::ROOT,
        top: None,
        required_only: false,
    };

    /// The top level of a run that checks only that required parameters are set, nested ones
    /// included ([`run_required`]).
    pub const REQUIRED_ONLY: Level<'static> = Level {
        path: Path::ROOT,
        top: None,
        required_only: true,
    };

    /// Checks `values` (one per entry of `rules`, in order) against `rules`.
    pub fn check(&self, rules: &'static [Param], values: &[Value<'_>], v: &mut Violations) {
        let here = Scope { rules, values };
        let top = self.top.unwrap_or(here);
        for (param, value) in rules.iter().zip(values) {
            let path = self.path.name(param.name);
            if param.required && !value.is_set() {
                v.at(&path, MISSING);
            }
            if self.required_only {
                required_below(value, &path, top, v);
                continue;
            }
            value_checks(param.checks, value, &path, top, v);
            let ctx = Ctx {
                level: &self.path,
                here,
                top,
            };
            for check in param.checks {
                ctx.relation(check, value, &path, v);
            }
        }
    }
}

/// The required members of nested structs (in lists too), and nothing else.
fn required_below(value: &Value<'_>, path: &Path<'_>, top: Scope<'_>, v: &mut Violations) {
    match value {
        Value::List(list) => {
            for i in 0..list.len() {
                required_below(&list.item(i), &path.index(i), top, v);
            }
        }
        Value::Nested(inner) => {
            let level = Level {
                path: *path,
                top: Some(top),
                required_only: true,
            };
            inner.check(&level, v);
        }
        _ => {}
    }
}

/// Single-value checks of one field: a list's items one by one, a nested struct by its own
/// table.
fn value_checks(
    checks: &[Check],
    value: &Value<'_>,
    path: &Path<'_>,
    top: Scope<'_>,
    v: &mut Violations,
) {
    match value {
        Value::Absent => {}
        Value::List(list) => {
            let n = list.len();
            for check in checks {
                if let Check::Items { min, max } = check {
                    if let Some(m) = checks::items(n, *min, *max) {
                        v.at(path, m);
                    }
                }
            }
            for i in 0..n {
                let item_path = path.index(i);
                value_checks(checks, &list.item(i), &item_path, top, v);
            }
        }
        Value::Nested(inner) => {
            let level = Level {
                path: *path,
                top: Some(top),
                required_only: false,
            };
            inner.check(&level, v);
        }
        Value::Text(text) => {
            let multi = checks.iter().find_map(|c| match c {
                Check::MultiValue { separator, max } => Some((*separator, *max)),
                _ => None,
            });
            match multi {
                Some((separator, max)) => {
                    if let Some(m) = checks::multi_value(text, separator, max) {
                        v.at(path, m);
                    }
                    for item in text.split(separator).map(str::trim) {
                        scalar_checks(checks, &Value::Text(item), path, v);
                    }
                }
                None => scalar_checks(checks, value, path, v),
            }
        }
        _ => scalar_checks(checks, value, path, v),
    }
}

fn scalar_checks(checks: &[Check], value: &Value<'_>, path: &Path<'_>, v: &mut Violations) {
    let text = value.text();
    let text = text.as_deref().unwrap_or("");
    let is_text = matches!(value, Value::Text(_));
    // A number compares as a number; text compares as written.
    let number = if is_text { None } else { value.number() };
    for check in checks {
        match (check, is_text) {
            (Check::Length { min, max }, true) => push(v, path, checks::length(text, *min, *max)),
            (Check::Range(b), _) => push(v, path, value.number().and_then(|n| checks::range(n, b))),
            (Check::OneOf(allowed), _) => push(v, path, checks::one_of(text, number, allowed)),
            (Check::Forbidden(list), _) => push(v, path, checks::forbidden(text, number, list)),
            (Check::PrefixForbidden(list), true) => {
                for m in checks::prefix_forbidden(text, list) {
                    v.at(path, m);
                }
            }
            (Check::ForbiddenSubstrings(list), true) => {
                for m in checks::forbidden_substrings(text, list) {
                    v.at(path, m);
                }
            }
            (Check::NotEmpty, true) => push(v, path, checks::not_empty(text)),
            (Check::Chars { first, allowed }, true) => {
                for m in checks::chars(text, first, allowed) {
                    v.at(path, m);
                }
            }
            (Check::Ascii, true) => push(v, path, checks::ascii(text)),
            (Check::Format(f), true) => push(v, path, checks::format(text, *f)),
            (Check::JsonItems { min, max }, true) => {
                push(v, path, checks::json_items(text, *min, *max))
            }
            _ => {}
        }
    }
}

fn push(v: &mut Violations, path: &Path<'_>, message: Option<String>) {
    if let Some(m) = message {
        v.at(path, m);
    }
}

/// What a relation needs: the level's own values and the request's top level.
struct Ctx<'p, 'a> {
    level: &'p Path<'p>,
    here: Scope<'a>,
    top: Scope<'a>,
}

impl Ctx<'_, '_> {
    /// The other parameter's value and path.
    fn other(&self, rel: &Rel) -> Option<(&Value<'_>, String)> {
        match rel {
            Rel::Same(name) => Some((self.here.get(name)?, self.level.name(name).to_string())),
            Rel::Top(name) => Some((self.top.get(name)?, (*name).to_string())),
        }
    }

    fn holds(&self, c: &Cond) -> Option<bool> {
        let (other, _) = self.other(&c.param)?;
        Some(match c.value {
            None => other.is_set() != c.negated,
            Some(want) => match other.text() {
                Some(text) => (text == want) != c.negated,
                None => false,
            },
        })
    }

    /// The conditions in words (X is `A` and Y is set), when there are some and every one
    /// holds.
    fn all_hold(&self, conds: &[Cond]) -> Option<String> {
        if conds.is_empty() {
            return None;
        }
        let mut words = Vec::new();
        for c in conds.iter() {
            match self.holds(c) {
                Some(true) => {}
                _ => return None,
            }
            let (_, other_path) = self.other(&c.param)?;
            let state = match (c.value, c.negated) {
                (Some(w), false) => format!("is `{w}`"),
                (Some(w), true) => format!("is not `{w}`"),
                (None, false) => "is set".to_string(),
                (None, true) => "is not set".to_string(),
            };
            words.push(format!("{other_path} {state}"));
        }
        Some(words.join(" and "))
    }

    /// Not earlier (or smaller) than the other; for times, at most `max_span_secs` after it.
    fn ordered(
        &self,
        value: &Value<'_>,
        other: &Rel,
        max_span_secs: Option<u64>,
        path: &Path<'_>,
        v: &mut Violations,
    ) {
        let Some((other, other_path)) = self.other(other) else {
            return;
        };
        let (Some(a), Some(b)) = (value.instant(), other.instant()) else {
            return;
        };
        let Some(after) = a.since(b) else {
            return;
        };
        let (at, from) = (value.text().unwrap_or_default(), other.text());
        let from = from.unwrap_or_default();
        if after < 0.0 {
            v.at(
                path,
                format!("must not be earlier than {other_path} (`{from}`), got `{at}`"),
            );
        } else if let Some(span) = max_span_secs.filter(|_| a.is_time()) {
            if after > span as f64 {
                v.at(
                    path,
                    format!(
                        "must be at most {span} seconds after {other_path} (`{from}`), got `{at}`"
                    ),
                );
            }
        }
    }

    fn relation(&self, check: &Check, value: &Value<'_>, path: &Path<'_>, v: &mut Violations) {
        let field = || path.to_string();
        match check {
            Check::NoOverlap(rel) => {
                let Some((other, other_path)) = self.other(rel) else {
                    return;
                };
                if let (Value::Text(a), Value::Text(b)) = (value, other) {
                    if checks::overlaps(a, b) {
                        v.at(path, format!("`{a}` overlaps {other_path} `{b}`"));
                    }
                }
            }
            Check::MutuallyExclusive(rel) => {
                let Some((other, other_path)) = self.other(rel) else {
                    return;
                };
                if value.is_set() && other.is_set() {
                    v.at(path, format!("cannot be set together with {other_path}"));
                }
            }
            Check::Requires(rel) => {
                let Some((other, other_path)) = self.other(rel) else {
                    return;
                };
                if value.is_set() && !other.is_set() {
                    v.push(other_path, format!("is required when {} is set", field()));
                }
            }
            Check::AtLeastOneOf(rel) => {
                let Some((other, other_path)) = self.other(rel) else {
                    return;
                };
                let me = field();
                // Reported once per pair, whichever side states the rule.
                if !value.is_set() && !other.is_set() && !v.has(&other_path, &me) {
                    v.push(
                        me.clone(),
                        format!("either {me} or {other_path} must be set"),
                    );
                }
            }
            Check::RequiredWhen(conds) => {
                if value.is_set() {
                    return;
                }
                if let Some(when) = self.all_hold(conds) {
                    v.at(path, format!("is required when {when}"));
                }
            }
            Check::Ordered {
                other,
                max_span_secs,
            } => self.ordered(value, other, *max_span_secs, path, v),
            Check::DifferentFrom(rel) => {
                let Some((other, other_path)) = self.other(rel) else {
                    return;
                };
                if let (Some(a), Some(b)) = (value.text(), other.text()) {
                    if a == b {
                        v.at(
                            path,
                            format!("must differ from {other_path}, both are `{a}`"),
                        );
                    }
                }
            }
            Check::RangeWhen { other, cases } => {
                let Some((other, other_path)) = self.other(other) else {
                    return;
                };
                let (Some(key), Some(n)) = (other.text(), value.number()) else {
                    return;
                };
                if let Some((_, bounds)) = cases.iter().find(|(k, _)| *k == key) {
                    if let Some(m) = checks::range(n, bounds) {
                        v.at(path, format!("{m} when {other_path} is `{key}`"));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Tables written by hand as the generator would; expected outcomes from each rule's meaning.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::Bounds;

    const DAY: u64 = 86_400;

    /// A list item: `Disk.N.Size` must fit the range of `Disk.N.Category`, and `Disk.N.Iops`
    /// is required when `Disk.N.Category` is `essd` and the top-level `Zone` is not set.
    #[derive(Default)]
    struct Disk {
        category: Option<String>,
        size: Option<i32>,
        iops: Option<i64>,
    }

    impl Disk {
        const RULES: &'static [Param] = &[
            Param {
                name: "Category",
                required: false,
                checks: &[],
            },
            Param {
                name: "Size",
                required: false,
                checks: &[Check::RangeWhen {
                    other: Rel::Same("Category"),
                    cases: &[
                        ("cloud", Bounds::new(Some(5.0), Some(2000.0))),
                        ("essd", Bounds::new(Some(20.0), Some(32768.0))),
                    ],
                }],
            },
            Param {
                name: "Iops",
                required: false,
                checks: &[Check::RequiredWhen(&[
                    Cond {
                        param: Rel::Same("Category"),
                        value: Some("essd"),
                        negated: false,
                    },
                    Cond {
                        param: Rel::Top("Zone"),
                        value: None,
                        negated: true,
                    },
                ])],
            },
        ];
    }

    impl Validate for Disk {
        fn check(&self, at: &Level<'_>, v: &mut Violations) {
            at.check(
                Self::RULES,
                &[
                    self.category.as_value(),
                    self.size.as_value(),
                    self.iops.as_value(),
                ],
                v,
            );
        }
    }

    impl AsValue for Disk {
        fn as_value(&self) -> Value<'_> {
            Value::Nested(self)
        }
    }

    #[derive(Default)]
    struct Req {
        region: Option<String>,
        zone: Option<String>,
        start: Option<String>,
        end: Option<String>,
        a: Option<bool>,
        b: Option<bool>,
        disks: Vec<Disk>,
    }

    impl Req {
        const RULES: &'static [Param] = &[
            Param {
                name: "RegionId",
                required: true,
                checks: &[Check::NotEmpty],
            },
            Param {
                name: "Zone",
                required: false,
                checks: &[Check::DifferentFrom(Rel::Same("RegionId"))],
            },
            Param {
                name: "StartTime",
                required: false,
                checks: &[],
            },
            Param {
                name: "EndTime",
                required: false,
                checks: &[Check::Ordered {
                    other: Rel::Same("StartTime"),
                    max_span_secs: Some(31 * DAY),
                }],
            },
            Param {
                name: "A",
                required: false,
                checks: &[
                    Check::MutuallyExclusive(Rel::Same("B")),
                    Check::AtLeastOneOf(Rel::Same("B")),
                ],
            },
            Param {
                name: "B",
                required: false,
                checks: &[
                    Check::Requires(Rel::Same("Zone")),
                    Check::AtLeastOneOf(Rel::Same("A")),
                ],
            },
            Param {
                name: "Disk",
                required: false,
                checks: &[Check::Items {
                    min: None,
                    max: Some(2),
                }],
            },
        ];

        fn ok() -> Req {
            Req {
                region: Some("cn-hangzhou".into()),
                a: Some(true),
                ..Req::default()
            }
        }
    }

    impl Validate for Req {
        fn check(&self, at: &Level<'_>, v: &mut Violations) {
            at.check(
                Self::RULES,
                &[
                    self.region.as_value(),
                    self.zone.as_value(),
                    self.start.as_value(),
                    self.end.as_value(),
                    self.a.as_value(),
                    self.b.as_value(),
                    self.disks.as_value(),
                ],
                v,
            );
        }
    }

    fn fields(r: &Req) -> Vec<String> {
        match run(r) {
            Ok(()) => Vec::new(),
            Err(e) => e.violations.into_iter().map(|v| v.field).collect(),
        }
    }

    fn disk(category: &str, size: i32) -> Disk {
        Disk {
            category: Some(category.into()),
            size: Some(size),
            iops: None,
        }
    }

    #[test]
    fn missing_and_not_empty() {
        assert!(fields(&Req::ok()).is_empty());
        let none = Req {
            region: None,
            ..Req::ok()
        };
        assert_eq!(fields(&none), ["RegionId"]);
        let empty = Req {
            region: Some(String::new()),
            ..Req::ok()
        };
        assert_eq!(fields(&empty), ["RegionId"]);
    }

    #[test]
    fn ordered_with_a_31_day_span() {
        let with = |start: &str, end: &str| Req {
            start: Some(start.into()),
            end: Some(end.into()),
            ..Req::ok()
        };
        let start = "2019-01-01T00:00:00Z";
        assert!(
            fields(&with(start, "2019-02-01T00:00:00Z")).is_empty(),
            "+31d"
        );
        assert_eq!(fields(&with(start, "2019-02-01T00:00:01Z")), ["EndTime"]);
        assert!(fields(&with(start, start)).is_empty(), "same time");
        assert_eq!(fields(&with(start, "2018-12-31T23:59:59Z")), ["EndTime"]);
        // Mixed layouts of the same times; epoch milliseconds.
        assert!(fields(&with("2019-01-01 00:00:00", "2019-01-02")).is_empty());
        assert_eq!(fields(&with("1546300800000", "1546300799000")), ["EndTime"]);
        // Unreadable values are left alone.
        assert!(fields(&with("soon", "2018-01-01T00:00:00Z")).is_empty());
        let e = run(&with(start, "2018-12-31T00:00:00Z")).unwrap_err();
        assert!(e.to_string().contains("StartTime"), "{e}");
    }

    #[test]
    fn pairs_of_parameters() {
        let both = Req {
            b: Some(true),
            zone: Some("z".into()),
            ..Req::ok()
        };
        assert_eq!(fields(&both), ["A"]);
        let b_without_zone = Req {
            a: None,
            b: Some(true),
            ..Req::ok()
        };
        assert_eq!(fields(&b_without_zone), ["Zone"]);
        let neither = Req {
            a: None,
            ..Req::ok()
        };
        assert_eq!(fields(&neither), ["A"], "reported once");
        let e = run(&neither).unwrap_err();
        assert!(e.to_string().contains('B'), "{e}");
    }

    #[test]
    fn different_from_another_parameter() {
        let zone = |z: &str| Req {
            zone: Some(z.into()),
            ..Req::ok()
        };
        assert!(fields(&zone("cn-hangzhou-b")).is_empty());
        assert_eq!(fields(&zone("cn-hangzhou")), ["Zone"]);
        let e = run(&zone("cn-hangzhou")).unwrap_err();
        assert!(e.to_string().contains("RegionId"), "{e}");
    }

    #[test]
    fn relations_inside_list_items() {
        let disks = |d: Vec<Disk>, zone: Option<&str>| Req {
            disks: d,
            zone: zone.map(str::to_string),
            ..Req::ok()
        };
        assert!(fields(&disks(
            vec![disk("cloud", 5), disk("cloud", 2000)],
            Some("z")
        ))
        .is_empty());
        assert_eq!(
            fields(&disks(vec![disk("cloud", 5), disk("cloud", 4)], Some("z"))),
            ["Disk.2.Size"]
        );
        // 4 fits no range of `essd` (20..=32768); a category not listed checks nothing.
        assert_eq!(
            fields(&disks(vec![disk("essd", 19)], Some("z"))),
            ["Disk.1.Size"]
        );
        assert!(fields(&disks(vec![disk("other", 1)], Some("z"))).is_empty());
        // Iops: required when Category is essd and Zone is not set; both must hold.
        assert_eq!(
            fields(&disks(vec![disk("cloud", 5), disk("essd", 20)], None)),
            ["Disk.2.Iops"]
        );
        assert!(fields(&disks(vec![disk("essd", 20)], Some("z"))).is_empty());
        assert!(fields(&disks(vec![disk("cloud", 20)], None)).is_empty());
        let with_iops = Disk {
            iops: Some(100),
            ..disk("essd", 20)
        };
        assert!(fields(&disks(vec![with_iops], None)).is_empty());
        let e = run(&disks(vec![disk("essd", 20)], None)).unwrap_err();
        assert_eq!(
            e.violations[0].message,
            "is required when Disk.1.Category is `essd` and Zone is not set"
        );
        // Three items: one violation for the list, none for the items.
        let three = disks(
            vec![disk("cloud", 5), disk("cloud", 5), disk("cloud", 5)],
            Some("z"),
        );
        assert_eq!(fields(&three), ["Disk"]);
    }

    #[test]
    fn paths_render_like_the_wire() {
        let root = Path::ROOT;
        let tag = root.name("Tag");
        let item = tag.index(1);
        assert_eq!(item.name("Key").to_string(), "Tag.2.Key");
        assert_eq!(root.name("RegionId").to_string(), "RegionId");
    }

    /// `Tag.N.Key` is required and at most 3 characters; the top-level `Name` is required and at
    /// most 2 characters.
    struct Tag(Option<String>);
    impl Validate for Tag {
        fn check(&self, at: &Level<'_>, v: &mut Violations) {
            const RULES: &[Param] = &[Param::required(
                "Key",
                &[Check::Length {
                    min: None,
                    max: Some(3),
                }],
            )];
            at.check(RULES, &[self.0.as_value()], v);
        }
    }
    impl AsValue for Tag {
        fn as_value(&self) -> Value<'_> {
            Value::Nested(self)
        }
    }
    struct Tagged {
        name: Option<String>,
        tags: Vec<Tag>,
    }
    impl Validate for Tagged {
        fn check(&self, at: &Level<'_>, v: &mut Violations) {
            const RULES: &[Param] = &[
                Param::required(
                    "Name",
                    &[Check::Length {
                        min: None,
                        max: Some(2),
                    }],
                ),
                Param::optional("Tag", &[]),
            ];
            at.check(RULES, &[self.name.as_value(), self.tags.as_value()], v);
        }
    }

    #[test]
    fn required_only_skips_rules_but_not_required_members() {
        let fields = |r: Result<(), ValidationError>| -> Vec<String> {
            r.err()
                .map(|e| e.violations.into_iter().map(|v| v.field).collect())
                .unwrap_or_default()
        };
        let too_long = Tagged {
            name: Some("long name".into()),
            tags: vec![Tag(Some("long key".into()))],
        };
        assert_eq!(fields(run(&too_long)), ["Name", "Tag.1.Key"]);
        assert!(run_required(&too_long).is_ok());
        let missing = Tagged {
            name: None,
            tags: vec![Tag(Some("k".into())), Tag(None)],
        };
        assert_eq!(fields(run_required(&missing)), ["Name", "Tag.2.Key"]);
    }
}
