//! Validators of request structs as data: per struct level a static table of its parameters'
//! rules (`RULES`, a `&[aliyun_runtime::validate::Param]`), and a `Validate` impl that hands
//! the field values, in table order, to the runtime's interpreter. The request and its builder
//! share one table, so `validate()` and `build()` run the same checks; every check's logic is
//! written once, in the runtime.
//!
//! Relations name the other parameter as the doc writes it: `DataDisk.N.Category` beside
//! `DataDisk.N.Size` is the member of the same list item (`Rel::Same`); a plain name is a
//! top-level parameter (`Rel::Top`), or, when no top-level parameter has it, a sibling.

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::plan::shape::{item_rules, Planned, Scalar, Shape};
use crate::model::{CharClass, Condition, Constraint, Number, RelationKind, Rule};
use crate::naming::ident;
use crate::rules::Format;

fn opt_u64(n: Option<u64>) -> TokenStream {
    match n {
        Some(n) => {
            let l = Literal::u64_unsuffixed(n);
            quote!(Some(#l))
        }
        None => quote!(None),
    }
}

fn opt_f64(n: Option<Number>) -> TokenStream {
    match n {
        Some(n) => {
            let l = Literal::f64_unsuffixed(n.as_f64());
            quote!(Some(#l))
        }
        None => quote!(None),
    }
}

fn bounds(min: Option<Number>, max: Option<Number>, min_ex: bool, max_ex: bool) -> TokenStream {
    let (lo, hi) = (opt_f64(min), opt_f64(max));
    if !min_ex && !max_ex {
        quote!(Bounds::new(#lo, #hi))
    } else {
        quote!(Bounds { min: #lo, max: #hi, min_exclusive: #min_ex, max_exclusive: #max_ex })
    }
}

fn str_list(values: &[String]) -> TokenStream {
    let lits = values.iter().map(|v| Literal::string(v));
    quote!(&[#(#lits),*])
}

fn char_classes(list: &[CharClass]) -> TokenStream {
    let items = list.iter().map(|c| match c {
        CharClass::Letter => quote!(CharClass::Letter),
        CharClass::Upper => quote!(CharClass::Upper),
        CharClass::Lower => quote!(CharClass::Lower),
        CharClass::Digit => quote!(CharClass::Digit),
        CharClass::Cjk => quote!(CharClass::Cjk),
        CharClass::Char(ch) => {
            let l = Literal::character(*ch);
            quote!(CharClass::Char(#l))
        }
    });
    quote!(&[#(#items),*])
}

/// The runtime's format for an IR format rule; `None` for rules no validator checks.
fn format_of(name: &str, pattern: Option<&str>) -> Option<TokenStream> {
    let f = match crate::rules::checked_format(name, pattern)? {
        Format::Cidr => quote!(Cidr),
        Format::Ipv4 => quote!(Ipv4),
        Format::Ipv6 => quote!(Ipv6),
        Format::Ip => quote!(Ip),
        Format::Port => quote!(Port),
        Format::DateTime => quote!(DateTime),
        Format::Date => quote!(Date),
        Format::Json => quote!(Json),
        Format::Cron => quote!(Cron),
    };
    Some(quote!(Format::#f))
}

/// What kind of value the single-value checks see.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Bool,
    /// Closed enums, JSON values, structs: no single-value checks.
    Unchecked,
}

fn kind_of(shape: &Shape) -> Kind {
    match shape {
        Shape::Scalar(Scalar::String) => Kind::Text,
        Shape::Scalar(s) if s.is_numeric() => Kind::Number,
        Shape::Scalar(Scalar::Bool) => Kind::Bool,
        _ => Kind::Unchecked,
    }
}

/// Single-value checks of one value kind.
fn value_checks(kind: Kind, constraints: &[Constraint]) -> Vec<TokenStream> {
    let text = kind == Kind::Text;
    let number = kind == Kind::Number;
    let mut out = Vec::new();
    for c in constraints {
        out.push(match &c.rule {
            // Listed values document; a value the doc does not list is the service's to judge.
            Rule::Enum { .. } => continue,
            Rule::Length { min, max } if text => {
                let (min, max) = (opt_u64(*min), opt_u64(*max));
                quote!(Check::Length { min: #min, max: #max })
            }
            Rule::Range {
                min,
                max,
                min_exclusive,
                max_exclusive,
            } if text || number => {
                let b = bounds(*min, *max, *min_exclusive, *max_exclusive);
                quote!(Check::Range(#b))
            }
            Rule::Forbidden { values } if kind != Kind::Unchecked => {
                let list = str_list(values);
                quote!(Check::Forbidden(#list))
            }
            Rule::PrefixForbidden { values } if text => {
                let list = str_list(values);
                quote!(Check::PrefixForbidden(#list))
            }
            Rule::ForbiddenSubstrings { values } if text => {
                let list = str_list(values);
                quote!(Check::ForbiddenSubstrings(#list))
            }
            Rule::NotEmpty if text => quote!(Check::NotEmpty),
            Rule::Chars { first, allowed } if text => {
                let (f, a) = (char_classes(first), char_classes(allowed));
                quote!(Check::Chars { first: #f, allowed: #a })
            }
            Rule::Ascii if text => quote!(Check::Ascii),
            Rule::Json {
                min_items,
                max_items,
                ..
            } if text => {
                let (min, max) = (opt_u64(*min_items), opt_u64(*max_items));
                quote!(Check::JsonItems { min: #min, max: #max })
            }
            Rule::Format { name, pattern } if text => match format_of(name, pattern.as_deref()) {
                Some(f) => quote!(Check::Format(#f)),
                None => continue,
            },
            Rule::Format { name, .. }
                if number && Format::from_name(name) == Some(Format::Port) =>
            {
                quote!(Check::Range(Bounds::new(Some(1.0), Some(65535.0))))
            }
            _ => continue,
        });
    }
    // A separated list of values: every other check is about one item of it.
    let multi = constraints.iter().find_map(|c| match &c.rule {
        Rule::MultiValue { separator, max } if text => Some((separator, *max)),
        _ => None,
    });
    if let Some((separator, max)) = multi {
        if max.is_some() || !out.is_empty() {
            let (sep, max) = (Literal::string(separator), opt_u64(max));
            out.insert(0, quote!(Check::MultiValue { separator: #sep, max: #max }));
        }
    }
    out
}

/// Where a relation's other parameter is, as resolved at generation time.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Same(String),
    Top(String),
}

/// One struct level of the request tree: the wire names from the top to it, and its fields.
struct LevelCtx<'l, 'a> {
    chain: Vec<String>,
    fields: &'l [Planned<'a>],
    top: &'l [Planned<'a>],
}

fn is_index(segment: &str) -> bool {
    matches!(segment, "N" | "n" | "M" | "m") || segment.chars().all(|c| c.is_ascii_digit())
}

impl LevelCtx<'_, '_> {
    fn has(fields: &[Planned<'_>], name: &str) -> bool {
        fields.iter().any(|f| f.field.name == name)
    }

    /// Resolves `other` as the doc writes it, seen from `own` at this level.
    fn resolve(&self, own: &str, other: &str) -> Option<Target> {
        if other == own {
            return None;
        }
        if self.chain.is_empty() {
            return Self::has(self.fields, other).then(|| Target::Same(other.to_string()));
        }
        let named: Vec<&str> = other.split('.').filter(|s| !is_index(s)).collect();
        if let Some((last, parents)) = named.split_last() {
            if parents.len() == self.chain.len()
                && parents.iter().zip(&self.chain).all(|(a, b)| a == b)
                && other.contains('.')
            {
                return (Self::has(self.fields, last) && *last != own)
                    .then(|| Target::Same(last.to_string()));
            }
        }
        if other.contains('.') {
            None
        } else if Self::has(self.top, other) {
            Some(Target::Top(other.to_string()))
        } else {
            Self::has(self.fields, other).then(|| Target::Same(other.to_string()))
        }
    }

    fn shape_of(&self, t: &Target) -> Option<&Shape> {
        let (fields, name) = match t {
            Target::Same(n) => (self.fields, n),
            Target::Top(n) => (self.top, n),
        };
        fields
            .iter()
            .find(|f| &f.field.name == name)
            .map(|f| &f.shape)
    }

    /// Relation checks of one field, with the parameters they refer to.
    fn relation_checks(&self, p: &Planned<'_>, refs: &mut Vec<Target>) -> Vec<TokenStream> {
        let own = p.field.name.as_str();
        let mut out = Vec::new();
        for c in &p.field.constraints {
            let (check, targets) = match &c.rule {
                Rule::Relation {
                    relation,
                    other,
                    value,
                    negated,
                    also,
                    max_span_secs,
                } => {
                    let Some(t) = self.resolve(own, other) else {
                        continue;
                    };
                    let rel = rel_tokens(&t);
                    match relation {
                        RelationKind::NoOverlap => {
                            let strings = p.shape == Shape::Scalar(Scalar::String)
                                && self.shape_of(&t) == Some(&Shape::Scalar(Scalar::String));
                            if !strings {
                                continue;
                            }
                            (quote!(Check::NoOverlap(#rel)), vec![t])
                        }
                        RelationKind::MutuallyExclusive => {
                            (quote!(Check::MutuallyExclusive(#rel)), vec![t])
                        }
                        RelationKind::Requires => (quote!(Check::Requires(#rel)), vec![t]),
                        RelationKind::AtLeastOneOf => (quote!(Check::AtLeastOneOf(#rel)), vec![t]),
                        RelationKind::DifferentFrom => {
                            (quote!(Check::DifferentFrom(#rel)), vec![t])
                        }
                        RelationKind::Ordered => {
                            let span = opt_u64(*max_span_secs);
                            (
                                quote!(Check::Ordered { other: #rel, max_span_secs: #span }),
                                vec![t],
                            )
                        }
                        RelationKind::RequiredWhen => {
                            let first = Condition {
                                param: other.clone(),
                                value: value.clone(),
                                negated: *negated,
                            };
                            let mut conds = Vec::new();
                            let mut targets = Vec::new();
                            for cond in std::iter::once(&first).chain(also) {
                                let Some(t) = self.resolve(own, &cond.param) else {
                                    break;
                                };
                                let rel = rel_tokens(&t);
                                let value = match &cond.value {
                                    Some(v) => {
                                        let v = Literal::string(v);
                                        quote!(Some(#v))
                                    }
                                    None => quote!(None),
                                };
                                let neg = cond.negated;
                                conds.push(
                                    quote!(Cond { param: #rel, value: #value, negated: #neg }),
                                );
                                targets.push(t);
                            }
                            // A condition left out would widen the rule: all or nothing.
                            if conds.len() != 1 + also.len() {
                                continue;
                            }
                            (quote!(Check::RequiredWhen(&[#(#conds),*])), targets)
                        }
                        RelationKind::AppliesWhen => continue,
                    }
                }
                Rule::RangeWhen { other, cases } => {
                    if !matches!(kind_of(&p.shape), Kind::Text | Kind::Number) {
                        continue;
                    }
                    let Some(t) = self.resolve(own, other) else {
                        continue;
                    };
                    let rel = rel_tokens(&t);
                    let cases = cases.iter().map(|c| {
                        let v = Literal::string(&c.value);
                        let b = bounds(c.min, c.max, false, false);
                        quote!((#v, #b))
                    });
                    (
                        quote!(Check::RangeWhen { other: #rel, cases: &[#(#cases),*] }),
                        vec![t],
                    )
                }
                _ => continue,
            };
            out.push(check);
            refs.extend(targets);
        }
        out
    }
}

fn rel_tokens(t: &Target) -> TokenStream {
    match t {
        Target::Same(n) => {
            let n = Literal::string(n);
            quote!(Rel::Same(#n))
        }
        Target::Top(n) => {
            let n = Literal::string(n);
            quote!(Rel::Top(#n))
        }
    }
}

/// The checks of one field: single-value checks (per item for a list) and relations.
fn field_checks(
    ctx: &LevelCtx<'_, '_>,
    p: &Planned<'_>,
    refs: &mut Vec<Target>,
) -> Vec<TokenStream> {
    let mut checks = match &p.shape {
        Shape::Vec(inner) => {
            let mut out = Vec::new();
            if let Some((min, max)) = p.field.constraints.iter().find_map(|c| match c.rule {
                Rule::Items { min, max } => Some((min, max)),
                _ => None,
            }) {
                let (min, max) = (opt_u64(min), opt_u64(max));
                out.push(quote!(Check::Items { min: #min, max: #max }));
            }
            out.extend(value_checks(kind_of(inner), &item_rules(p.field)));
            out
        }
        shape => value_checks(kind_of(shape), &p.field.constraints),
    };
    checks.extend(ctx.relation_checks(p, refs));
    checks
}

/// Whether a nested struct (directly or as list items) has any rule to check.
fn has_rules(ctx: &LevelCtx<'_, '_>, p: &Planned<'_>) -> bool {
    let inner = match &p.shape {
        Shape::Vec(inner) => inner.as_ref(),
        s => s,
    };
    if !matches!(inner, Shape::Struct(_)) {
        return false;
    }
    let child = LevelCtx {
        chain: [ctx.chain.clone(), vec![p.field.name.clone()]].concat(),
        fields: &p.children,
        top: ctx.top,
    };
    let mut refs = Vec::new();
    p.children.iter().any(|c| {
        c.field.required == Some(true)
            || !field_checks(&child, c, &mut refs).is_empty()
            || has_rules(&child, c)
    })
}

/// One level's table and the fields it lists, given the parameters relations elsewhere refer
/// to at this level (`wanted`). Parameters with nothing to check are left out.
fn level_table<'l, 'a>(
    ctx: &LevelCtx<'l, 'a>,
    wanted: &BTreeSet<String>,
) -> (TokenStream, Vec<&'l Planned<'a>>) {
    let mut refs = Vec::new();
    let all: Vec<Vec<TokenStream>> = ctx
        .fields
        .iter()
        .map(|p| field_checks(ctx, p, &mut refs))
        .collect();
    let same: BTreeSet<String> = refs
        .into_iter()
        .filter_map(|t| match t {
            Target::Same(n) => Some(n),
            Target::Top(_) => None,
        })
        .collect();
    let mut rows = Vec::new();
    let mut listed = Vec::new();
    for (p, checks) in ctx.fields.iter().zip(all) {
        let required = p.field.required == Some(true);
        let name = &p.field.name;
        if !(required
            || !checks.is_empty()
            || has_rules(ctx, p)
            || same.contains(name)
            || wanted.contains(name))
        {
            continue;
        }
        let wire = Literal::string(name);
        let ctor = if required {
            quote!(Param::required)
        } else {
            quote!(Param::optional)
        };
        rows.push(quote!(#ctor(#wire, &[#(#checks),*])));
        listed.push(p);
    }
    let table = if rows.is_empty() {
        quote!(&[])
    } else {
        quote! {
            {
                use ::aliyun_runtime::validate::rules::*;
                &[#(#rows),*]
            }
        }
    };
    (table, listed)
}

/// Top-level parameters that relations of nested levels refer to.
fn top_refs(ctx: &LevelCtx<'_, '_>, out: &mut BTreeSet<String>) {
    for p in ctx.fields {
        if !ctx.chain.is_empty() {
            let mut refs = Vec::new();
            ctx.relation_checks(p, &mut refs);
            out.extend(refs.into_iter().filter_map(|t| match t {
                Target::Top(n) => Some(n),
                Target::Same(_) => None,
            }));
        }
        if !p.children.is_empty() {
            let child = LevelCtx {
                chain: [ctx.chain.clone(), vec![p.field.name.clone()]].concat(),
                fields: &p.children,
                top: ctx.top,
            };
            top_refs(&child, out);
        }
    }
}

fn check_fn(owner: TokenStream, values: &[&Planned<'_>]) -> TokenStream {
    if values.is_empty() {
        return quote! {
            fn check(&self, at: &::aliyun_runtime::validate::Level<'_>, v: &mut ::aliyun_runtime::validate::Violations) {
                at.check(#owner::RULES, &[], v);
            }
        };
    }
    let values = values.iter().map(|p| {
        let id = ident(&p.ident);
        quote!(self.#id.as_value())
    });
    quote! {
        fn check(&self, at: &::aliyun_runtime::validate::Level<'_>, v: &mut ::aliyun_runtime::validate::Violations) {
            use ::aliyun_runtime::validate::AsValue;
            at.check(#owner::RULES, &[#(#values),*], v);
        }
    }
}

/// The `Validate` impl of `ty`, whose table is `owner`'s (the builder checks with its
/// request's table) or, without one, its own.
fn validate_impl(ty: &str, owner: Option<&str>, values: &[&Planned<'_>]) -> TokenStream {
    let ty = ident(ty);
    let owner = match owner {
        Some(owner) => {
            let owner = ident(owner);
            quote!(#owner)
        }
        None => quote!(Self),
    };
    let check = check_fn(owner, values);
    quote! {
        impl ::aliyun_runtime::validate::Validate for #ty {
            #check
        }
    }
}

const TABLE_DOC: &str =
    " The documented rules of each parameter that has any, checked by the runtime's interpreter.";

/// The rule table and `Validate` impls of a request, its builder, its nested structs, and the
/// `AsValue` impls of its nested structs and enums.
pub fn validation(request: &str, builder: &str, fields: &[Planned<'_>]) -> TokenStream {
    let ctx = LevelCtx {
        chain: Vec::new(),
        fields,
        top: fields,
    };
    let mut wanted = BTreeSet::new();
    top_refs(&ctx, &mut wanted);
    let (table, listed) = level_table(&ctx, &wanted);
    let req = ident(request);
    let own = validate_impl(request, None, &listed);
    let builder = validate_impl(builder, Some(request), &listed);
    let mut items = vec![quote! {
        impl #req {
            #[doc = #TABLE_DOC]
            const RULES: &'static [::aliyun_runtime::validate::Param] = #table;
        }

        #own
        #builder
    }];
    let listed: Vec<&str> = listed.iter().map(|p| p.field.name.as_str()).collect();
    nested(&ctx, &listed, &mut items);
    quote!(#(#items)*)
}

/// Impls of the nested structs and enums below one level; `listed`: the level's fields its
/// table lists (an enum needs `AsValue` only there).
fn nested(ctx: &LevelCtx<'_, '_>, listed: &[&str], items: &mut Vec<TokenStream>) {
    for p in ctx.fields {
        let shape = match &p.shape {
            Shape::Vec(inner) => inner.as_ref(),
            s => s,
        };
        match shape {
            Shape::Struct(name) => {
                let child = LevelCtx {
                    chain: [ctx.chain.clone(), vec![p.field.name.clone()]].concat(),
                    fields: &p.children,
                    top: ctx.top,
                };
                let id = ident(name);
                let (table, child_listed) = level_table(&child, &BTreeSet::new());
                let check = if child_listed.is_empty() {
                    quote! {
                        fn check(&self, _: &::aliyun_runtime::validate::Level<'_>, _: &mut ::aliyun_runtime::validate::Violations) {}
                    }
                } else {
                    items.push(quote! {
                        impl #id {
                            #[doc = #TABLE_DOC]
                            const RULES: &'static [::aliyun_runtime::validate::Param] = #table;
                        }
                    });
                    check_fn(quote!(Self), &child_listed)
                };
                items.push(quote! {
                    impl ::aliyun_runtime::validate::Validate for #id {
                        #check
                    }

                    impl ::aliyun_runtime::validate::AsValue for #id {
                        fn as_value(&self) -> ::aliyun_runtime::validate::Value<'_> {
                            ::aliyun_runtime::validate::Value::Nested(self)
                        }
                    }
                });
                let names: Vec<&str> = child_listed.iter().map(|p| p.field.name.as_str()).collect();
                nested(&child, &names, items);
            }
            Shape::Enum(name, _) if listed.contains(&p.field.name.as_str()) => {
                let id = ident(name);
                items.push(quote! {
                    impl ::aliyun_runtime::validate::AsValue for #id {
                        fn as_value(&self) -> ::aliyun_runtime::validate::Value<'_> {
                            ::aliyun_runtime::validate::Value::Text(self.as_str())
                        }
                    }
                });
            }
            _ => {}
        }
    }
}
