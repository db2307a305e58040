//! Generated tests of the rules that tie one parameter to another (`mutually_exclusive`,
//! `requires`, `at_least_one_of`, `required_when` with several and negated conditions,
//! `ordered` with a span, `range_when`, `different_from`), at the top level and between members of the same list
//! item (`DataDisk.N.Size` beside `DataDisk.N.Category`).
//!
//! Each test builds one request that breaks the rule (it must be rejected, the violation naming
//! the parameter the rule puts it on) and one that keeps it (accepted). Which is which follows
//! from the rule's meaning, decided here: the other parameter is resolved from the doc's
//! spelling by this module's own reading, not the emitter's, and times are written by the
//! oracle's own calendar.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::candidates::{format_number, number_literal, numeric_candidates, string_candidates};
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::model::{Condition, RelationKind, Rule};
use crate::naming::ident;
use crate::rules::{accepts, differs, time_text, within};

/// Where the relation's parameters sit: the top level, or one item of a top-level container.
struct Scene<'a> {
    request: Ident,
    /// The container field and its item type (`None` at the top level).
    container: Option<(&'a Planned<'a>, Ident)>,
    level: &'a [Planned<'a>],
    top: &'a [Planned<'a>],
}

#[derive(Clone, Copy)]
enum Who<'a> {
    Here(&'a Planned<'a>),
    Top(&'a Planned<'a>),
}

impl<'a> Who<'a> {
    fn field(self) -> &'a Planned<'a> {
        match self {
            Who::Here(p) | Who::Top(p) => p,
        }
    }
}

fn is_index(segment: &str) -> bool {
    matches!(segment, "N" | "n" | "M" | "m") || segment.chars().all(|c| c.is_ascii_digit())
}

impl<'a> Scene<'a> {
    /// `DataDisk.N.Category` from a member of `DataDisk`: the same item's member; a plain name:
    /// a top-level parameter, else a member of the same level.
    fn find(&self, own: &str, other: &str) -> Option<Who<'a>> {
        let at = |fields: &'a [Planned<'a>], name: &str| {
            fields.iter().find(|f| f.field.name == name && name != own)
        };
        match &self.container {
            None => at(self.level, other).map(Who::Here),
            Some((c, _)) => {
                let named: Vec<&str> = other.split('.').filter(|s| !is_index(s)).collect();
                match named.as_slice() {
                    [list, member] if *list == c.field.name => {
                        at(self.level, member).map(Who::Here)
                    }
                    [name] => at(self.top, name)
                        .map(Who::Top)
                        .or_else(|| at(self.level, name).map(Who::Here)),
                    _ => None,
                }
            }
        }
    }

    fn path(&self, who: Who<'_>) -> Literal {
        let name = &who.field().field.name;
        Literal::string(&match (&self.container, who) {
            (Some((c, _)), Who::Here(_)) => match c.shape {
                Shape::Vec(_) => format!("{}.1.{name}", c.field.name),
                _ => format!("{}.{name}", c.field.name),
            },
            _ => name.clone(),
        })
    }

    /// `Request::builder()…build()` with these parameters set.
    fn call(&self, sets: &[(Who<'_>, TokenStream)]) -> TokenStream {
        let request = &self.request;
        let setter = |p: &Planned<'_>, v: &TokenStream| {
            let id = ident(&p.ident);
            quote!(.#id(#v))
        };
        let mut top = Vec::new();
        let mut here = Vec::new();
        for (who, v) in sets {
            match (who, &self.container) {
                (Who::Here(p), Some(_)) => here.push(setter(p, v)),
                (Who::Here(p) | Who::Top(p), _) => top.push(setter(p, v)),
            }
        }
        if let Some((c, item)) = &self.container {
            let id = ident(&c.ident);
            let value = quote!(#item::new() #(#here)*);
            top.push(match c.shape {
                Shape::Vec(_) => quote!(.#id(::std::vec![#value])),
                _ => quote!(.#id(#value)),
            });
        }
        quote!(#request::builder() #(#top)* .build())
    }
}

/// A literal for `p` that keeps its own rules: `want` when given, else any valid value other
/// than `avoid`.
fn value(p: &Planned<'_>, want: Option<&str>, avoid: Option<&str>) -> Option<TokenStream> {
    valued(p, want, avoid).map(|(_, v)| v)
}

/// [`value`] with the wire text it stands for.
fn valued(
    p: &Planned<'_>,
    want: Option<&str>,
    avoid: Option<&str>,
) -> Option<(String, TokenStream)> {
    let rules = &p.field.constraints;
    let pick = |cands: Vec<String>, scalar: Scalar| -> Option<String> {
        match want {
            Some(w) => accepts(scalar.kind(), rules, w).then(|| w.to_string()),
            None => cands
                .into_iter()
                .find(|v| Some(v.as_str()) != avoid && accepts(scalar.kind(), rules, v)),
        }
    };
    match &p.shape {
        Shape::Scalar(Scalar::String) => {
            let mut cands = string_candidates(rules);
            cands.extend(["a1".to_string(), "b2".to_string()]);
            let text = pick(cands, Scalar::String)?;
            let v = Literal::string(&text);
            Some((text, quote!(#v)))
        }
        Shape::Scalar(s) if s.is_numeric() => {
            let mut cands: Vec<String> = numeric_candidates(rules)
                .into_iter()
                .map(format_number)
                .collect();
            cands.extend(["1", "2"].map(String::from));
            let text = pick(cands, *s)?;
            let v = text.parse::<f64>().ok()?;
            Some((text, number_literal(*s, v)?))
        }
        Shape::Scalar(Scalar::Bool) => {
            let text = pick(vec!["true".into(), "false".into()], Scalar::Bool)?;
            let v = text == "true";
            Some((text, quote!(#v)))
        }
        Shape::Enum(e, variants) => {
            let (wire, v) = match want {
                Some(w) => variants.iter().find(|(wire, _)| wire == w)?,
                None => variants
                    .iter()
                    .find(|(wire, _)| Some(wire.as_str()) != avoid)?,
            };
            let (e, v) = (ident(e), ident(v));
            Some((wire.clone(), quote!(#e::#v)))
        }
        _ => None,
    }
}

fn rejects(call: &TokenStream, path: &Literal, what: &str) -> TokenStream {
    quote!(assert!(matches!(#call, Err(e) if e.mentions(#path)), #what);)
}

fn keeps(call: &TokenStream, path: &Literal, what: &str) -> TokenStream {
    quote!(assert!(!matches!(#call, Err(e) if e.mentions(#path)), #what);)
}

/// How a parameter writes a time: (text layout, whole days only) or epoch numbers.
enum TimeRep {
    Text { date_only: bool },
    EpochSecs,
    EpochMillis,
}

fn time_rep(p: &Planned<'_>) -> Option<TimeRep> {
    match p.shape {
        Shape::Scalar(Scalar::String) => {
            let date_only = p
                .field
                .constraints
                .iter()
                .any(|c| matches!(&c.rule, Rule::Format { name, .. } if name == "date"));
            Some(TimeRep::Text { date_only })
        }
        Shape::Scalar(Scalar::I32) => Some(TimeRep::EpochSecs),
        Shape::Scalar(Scalar::I64) => Some(TimeRep::EpochMillis),
        _ => None,
    }
}

/// The literal for the time `secs` in `p`'s layout, when it keeps `p`'s own rules.
fn time_value(p: &Planned<'_>, rep: &TimeRep, secs: i64) -> Option<TokenStream> {
    let (text, scalar) = match rep {
        TimeRep::Text { date_only } => (time_text(secs, *date_only), Scalar::String),
        TimeRep::EpochSecs => (secs.to_string(), Scalar::I32),
        TimeRep::EpochMillis => ((secs * 1000).to_string(), Scalar::I64),
    };
    if !accepts(scalar.kind(), &p.field.constraints, &text) {
        return None;
    }
    match rep {
        TimeRep::Text { .. } => {
            let l = Literal::string(&text);
            Some(quote!(#l))
        }
        _ => number_literal(scalar, text.parse().ok()?),
    }
}

/// 2019-01-01T00:00:00Z.
const BASE_SECS: i64 = 1_546_300_800;
const DAY: i64 = 86_400;

/// Assertions for the relations of one parameter `p` in `scene`.
fn checks_of(scene: &Scene<'_>, p: &Planned<'_>) -> Vec<TokenStream> {
    let me = Who::Here(p);
    let mine = scene.path(me);
    let own = p.field.name.as_str();
    let mut out = Vec::new();
    for c in &p.field.constraints {
        match &c.rule {
            Rule::Relation {
                relation,
                other,
                value: cond_value,
                negated,
                also,
                max_span_secs,
            } => {
                let Some(o) = scene.find(own, other) else {
                    continue;
                };
                let theirs = scene.path(o);
                let (Some(va), Some(vb)) = (value(p, None, None), value(o.field(), None, None))
                else {
                    continue;
                };
                let (pa, pb) = (&p.field.name, &o.field().field.name);
                match relation {
                    RelationKind::MutuallyExclusive => {
                        let both = scene.call(&[(me, va.clone()), (o, vb)]);
                        out.push(rejects(&both, &mine, &format!("{pa} and {pb} together")));
                        out.push(keeps(
                            &scene.call(&[(me, va)]),
                            &mine,
                            &format!("{pa} alone"),
                        ));
                    }
                    RelationKind::Requires => {
                        let alone = scene.call(&[(me, va.clone())]);
                        out.push(rejects(&alone, &theirs, &format!("{pa} without {pb}")));
                        let both = scene.call(&[(me, va), (o, vb)]);
                        out.push(keeps(&both, &theirs, &format!("{pa} with {pb}")));
                    }
                    RelationKind::AtLeastOneOf => {
                        let none = scene.call(&[]);
                        out.push(quote!(assert!(matches!(#none, Err(e) if e.mentions(#mine) || e.mentions(#theirs)), "neither {} nor {}", #pa, #pb);));
                        out.push(keeps(
                            &scene.call(&[(me, va)]),
                            &mine,
                            &format!("{pa} alone"),
                        ));
                    }
                    RelationKind::RequiredWhen => {
                        let first = Condition {
                            param: other.clone(),
                            value: cond_value.clone(),
                            negated: *negated,
                        };
                        let conds: Vec<&Condition> = std::iter::once(&first).chain(also).collect();
                        out.extend(required_when(scene, p, va, &conds));
                    }
                    RelationKind::Ordered => out.extend(ordered(scene, p, o, *max_span_secs)),
                    RelationKind::DifferentFrom => out.extend(different(scene, p, o)),
                    RelationKind::NoOverlap | RelationKind::AppliesWhen => {}
                }
            }
            Rule::RangeWhen { other, cases } => {
                let Some(o) = scene.find(own, other) else {
                    continue;
                };
                let Shape::Scalar(scalar) = p.shape else {
                    continue;
                };
                let scalar_ok = scalar.is_numeric() || scalar == Scalar::String;
                for case in cases.iter().take(3).filter(|_| scalar_ok) {
                    let Some(key) = value(o.field(), Some(&case.value), None) else {
                        continue;
                    };
                    let mut xs = Vec::new();
                    for n in [case.min, case.max].into_iter().flatten() {
                        let x = n.as_f64();
                        xs.extend([x - 1.0, x, x + 1.0]);
                    }
                    for x in xs {
                        let text = format_number(x);
                        // Its own rules and the case's range must both hold.
                        let ok = accepts(scalar.kind(), &p.field.constraints, &text)
                            && within(x, case.min, case.max, false, false);
                        let lit = match scalar {
                            Scalar::String => {
                                let l = Literal::string(&text);
                                quote!(#l)
                            }
                            s => match number_literal(s, x) {
                                Some(l) => l,
                                None => continue,
                            },
                        };
                        let call = scene.call(&[(me, lit), (o, key.clone())]);
                        let what = format!("{own} = {text} when {other} is {}", case.value);
                        out.push(if ok {
                            keeps(&call, &mine, &what)
                        } else {
                            rejects(&call, &mine, &what)
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// `p` is required when every condition holds: all hold and `p` unset is rejected; with `p`
/// set it is accepted; with any one condition broken (the rest holding) `p` may be left out.
fn required_when(
    scene: &Scene<'_>,
    p: &Planned<'_>,
    va: TokenStream,
    conds: &[&Condition],
) -> Vec<TokenStream> {
    let me = Who::Here(p);
    let mine = scene.path(me);
    // (who, value that makes the condition hold, value that breaks it); `None`: unset.
    let mut sides = Vec::new();
    for c in conds {
        let Some(who) = scene.find(&p.field.name, &c.param) else {
            return Vec::new();
        };
        let other = who.field();
        let (hold, broken) = match (&c.value, c.negated) {
            (None, false) => (Some(value(other, None, None)), None),
            (None, true) => (None, Some(value(other, None, None))),
            (Some(w), false) => (Some(value(other, Some(w), None)), None),
            (Some(w), true) => (
                Some(value(other, None, Some(w))),
                Some(value(other, Some(w), None)),
            ),
        };
        // A value the parameter cannot take makes no test.
        let (Some(hold), Some(broken)) = (
            hold.map_or(Some(None), |v| v.map(Some)),
            broken.map_or(Some(None), |v| v.map(Some)),
        ) else {
            return Vec::new();
        };
        sides.push((who, hold, broken));
    }
    let mut names: Vec<&str> = sides
        .iter()
        .map(|(w, ..)| w.field().field.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.len() != sides.len() {
        return Vec::new();
    }
    // With a condition broken, `p` may be left out as far as this rule goes, but a rule that
    // `p` or another parameter be set (`at least one of p and q`) still names `p` when both are
    // unset: those partners are set, so the assertion is about this rule alone.
    let partners: Vec<(Who<'_>, TokenStream)> = at_least_one_partners(scene, p)
        .into_iter()
        .filter(|(w, _)| !names.contains(&w.field().field.name.as_str()))
        .collect();
    let sets = |broken: Option<usize>, with_me: bool| {
        let mut sets: Vec<(Who<'_>, TokenStream)> = Vec::new();
        if broken.is_some() {
            sets.extend(partners.iter().cloned());
        }
        for (i, (who, hold, brk)) in sides.iter().enumerate() {
            let v = if broken == Some(i) { brk } else { hold };
            if let Some(v) = v {
                sets.push((*who, v.clone()));
            }
        }
        if with_me {
            sets.push((me, va.clone()));
        }
        scene.call(&sets)
    };
    let own = &p.field.name;
    let mut out = vec![
        rejects(
            &sets(None, false),
            &mine,
            &format!("conditions hold, {own} missing"),
        ),
        keeps(
            &sets(None, true),
            &mine,
            &format!("conditions hold, {own} set"),
        ),
    ];
    // A parameter the table marks required may never be left out: that it may when a
    // condition is broken is not this rule's to claim.
    let always_required = p.required || p.field.required == Some(true);
    for i in (0..sides.len()).filter(|_| !always_required) {
        let what = format!("condition {} broken, {own} missing", i + 1);
        out.push(keeps(&sets(Some(i), false), &mine, &what));
    }
    out
}

/// The parameters `p` must be set beside, or instead of (`at least one of p and q`, stated on
/// either side), each with a value that keeps its own rules.
fn at_least_one_partners<'a>(scene: &Scene<'a>, p: &Planned<'_>) -> Vec<(Who<'a>, TokenStream)> {
    let own = p.field.name.as_str();
    let at_least_one = |q: &Planned<'_>| -> Vec<String> {
        q.field
            .constraints
            .iter()
            .filter_map(|c| match &c.rule {
                Rule::Relation {
                    relation: RelationKind::AtLeastOneOf,
                    other,
                    ..
                } => Some(other.clone()),
                _ => None,
            })
            .collect()
    };
    let mut found: Vec<Who<'a>> = at_least_one(p)
        .iter()
        .filter_map(|other| scene.find(own, other))
        .collect();
    for q in scene.level {
        let names_p = at_least_one(q).iter().any(|other| {
            matches!(scene.find(&q.field.name, other), Some(w) if w.field().field.name == own)
        });
        if q.field.name != own && names_p {
            found.push(Who::Here(q));
        }
    }
    let mut out: Vec<(Who<'a>, TokenStream)> = Vec::new();
    for w in found {
        let name = &w.field().field.name;
        if out.iter().any(|(o, _)| &o.field().field.name == name) {
            continue;
        }
        if let Some(v) = value(w.field(), None, None) {
            out.push((w, v));
        }
    }
    out
}

/// `p` must not be earlier than `o`, and at most `span` seconds after it.
fn ordered(scene: &Scene<'_>, p: &Planned<'_>, o: Who<'_>, span: Option<u64>) -> Vec<TokenStream> {
    let me = Who::Here(p);
    let mine = scene.path(me);
    let (Some(rep_a), Some(rep_b)) = (time_rep(p), time_rep(o.field())) else {
        return Vec::new();
    };
    let days = |r: &TimeRep| matches!(r, TimeRep::Text { date_only: true });
    let step = if days(&rep_a) || days(&rep_b) { DAY } else { 1 };
    let mut cases = vec![(-step, false), (0, true)];
    match span.map(|s| s as i64) {
        Some(s) if s % step == 0 => cases.extend([(s, true), (s + step, false)]),
        Some(_) => {}
        None => cases.push((400 * DAY, true)),
    }
    let Some(start) = time_value(o.field(), &rep_b, BASE_SECS) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (delta, ok) in cases {
        let Some(at) = time_value(p, &rep_a, BASE_SECS + delta) else {
            continue;
        };
        let call = scene.call(&[(me, at), (o, start.clone())]);
        let what = format!(
            "{} {delta:+} s after {}",
            p.field.name,
            o.field().field.name
        );
        out.push(if ok {
            keeps(&call, &mine, &what)
        } else {
            rejects(&call, &mine, &what)
        });
    }
    out
}

/// `p` must not have the value of `o`: the same value on both sides breaks it, another one
/// keeps it (the outcome from [`differs`], the rule's meaning).
fn different(scene: &Scene<'_>, p: &Planned<'_>, o: Who<'_>) -> Vec<TokenStream> {
    let me = Who::Here(p);
    let mine = scene.path(me);
    let Some((text, va)) = valued(p, None, None) else {
        return Vec::new();
    };
    let (pa, pb) = (&p.field.name, &o.field().field.name);
    let mut out = Vec::new();
    for (want, avoid) in [(Some(text.as_str()), None), (None, Some(text.as_str()))] {
        let Some((theirs, vb)) = valued(o.field(), want, avoid) else {
            continue;
        };
        let call = scene.call(&[(me, va.clone()), (o, vb)]);
        let what = format!("{pa} = {text}, {pb} = {theirs}");
        out.push(if differs(&text, &theirs) {
            keeps(&call, &mine, &what)
        } else {
            rejects(&call, &mine, &what)
        });
    }
    out
}

fn has_relations(p: &Planned<'_>) -> bool {
    p.field.constraints.iter().any(|c| {
        matches!(
            c.rule,
            Rule::RangeWhen { .. }
                | Rule::Relation {
                    relation: RelationKind::MutuallyExclusive
                        | RelationKind::Requires
                        | RelationKind::AtLeastOneOf
                        | RelationKind::RequiredWhen
                        | RelationKind::Ordered
                        | RelationKind::DifferentFrom,
                    ..
                }
        )
    })
}

/// One test per parameter with relations: top-level ones, and members of a top-level list or
/// object (whose relations may reach the same item's members or top-level parameters).
pub fn relation_tests(request_name: &str, fields: &[Planned<'_>]) -> Vec<TokenStream> {
    let request = ident(request_name);
    let mut tests = Vec::new();
    let top = Scene {
        request: request.clone(),
        container: None,
        level: fields,
        top: fields,
    };
    let mut names = std::collections::BTreeSet::new();
    let mut emit = |scene: &Scene<'_>, p: &Planned<'_>, name: String| {
        let checks = checks_of(scene, p);
        // `a_b` + `c` and `a` + `b_c` spell the same test name: the first one wins.
        if !checks.is_empty() && names.insert(name.clone()) {
            let test = format_ident!("relations_of_{}", name);
            tests.push(quote! {
                #[test]
                fn #test() {
                    #(#checks)*
                }
            });
        }
    };
    for p in fields.iter().filter(|p| has_relations(p)) {
        emit(&top, p, p.ident.trim_start_matches("r#").to_string());
    }
    for c in fields {
        let item = match &c.shape {
            Shape::Vec(inner) => match inner.as_ref() {
                Shape::Struct(s) => s,
                _ => continue,
            },
            Shape::Struct(s) => s,
            _ => continue,
        };
        let scene = Scene {
            request: request.clone(),
            container: Some((c, ident(item))),
            level: &c.children,
            top: fields,
        };
        for p in c.children.iter().filter(|p| has_relations(p)) {
            let name = format!(
                "{}_{}",
                c.ident.trim_start_matches("r#"),
                p.ident.trim_start_matches("r#")
            );
            emit(&scene, p, name);
        }
    }
    tests
}
