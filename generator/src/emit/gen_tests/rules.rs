//! Table-driven tests of the generated validators, made from the IR: for every rule of a
//! top-level request parameter, values on both sides of its boundary (lengths min−1, min, max,
//! max+1; range ends; forbidden values and prefixes; character classes; formats; list sizes).
//!
//! Which values must pass is decided here, at generation time, from what each IR rule means
//! (`crate::rules`, written apart from the runtime's checks); the generated test then asserts
//! that the compiled validator (the code `items::validators` emitted, run by the runtime) agrees. So a rule
//! dropped, mis-wired or given the wrong bounds by the emitter, or a runtime check that reads a
//! rule differently, fails a test.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::candidates::{
    format_number, number_lit, number_literal, numeric_candidates, string_candidates,
};
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::model::{Constraint, RelationKind, Rule};
use crate::naming::ident;
use crate::rules::{accepts, accepts_items, Kind};

/// Rules a table test can exercise on a scalar parameter.
fn testable(c: &Constraint) -> bool {
    !matches!(
        c.rule,
        Rule::Default { .. } | Rule::Unique | Rule::Relation { .. } | Rule::Items { .. }
    )
}

/// `(value expression, accepted)` cases for one top-level scalar parameter.
fn cases(p: &Planned<'_>) -> Vec<(Literal, bool)> {
    let Shape::Scalar(scalar) = p.shape else {
        return Vec::new();
    };
    let rules = &p.field.constraints;
    if !rules.iter().any(testable) {
        return Vec::new();
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    match scalar {
        Scalar::String => {
            for value in string_candidates(rules) {
                if seen.contains(&value) {
                    continue;
                }
                seen.push(value.clone());
                let ok = accepts(scalar.kind(), rules, &value);
                out.push((Literal::string(&value), ok));
            }
        }
        Scalar::I32 | Scalar::I64 | Scalar::F32 | Scalar::F64 => {
            for x in numeric_candidates(rules) {
                let text = format_number(x);
                if seen.contains(&text) {
                    continue;
                }
                seen.push(text.clone());
                if let Some(lit) = number_lit(scalar, x) {
                    out.push((lit, accepts(scalar.kind(), rules, &text)));
                }
            }
        }
        _ => {}
    }
    out
}

/// List-size cases of a top-level list parameter: `(number of items, accepted)`.
fn item_cases(p: &Planned<'_>) -> Vec<(usize, bool)> {
    let Some((min, max)) = p.field.constraints.iter().find_map(|c| match c.rule {
        Rule::Items { min, max } => Some((min, max)),
        _ => None,
    }) else {
        return Vec::new();
    };
    let mut sizes: Vec<u64> = Vec::new();
    for n in [min, max].into_iter().flatten() {
        sizes.extend([n.saturating_sub(1), n, n + 1]);
    }
    sizes.sort_unstable();
    sizes.dedup();
    sizes
        .into_iter()
        .filter(|n| *n > 0 && *n <= 200)
        .map(|n| (n as usize, accepts_items(n, min, max)))
        .collect()
}

/// One test per top-level parameter with rules; `None` when nothing is testable.
pub fn rule_tests(request_name: &str, fields: &[Planned<'_>]) -> Vec<TokenStream> {
    let builder = ident(request_name);
    let mut tests = Vec::new();
    for p in fields {
        let setter = ident(&p.ident);
        let wire = Literal::string(&p.field.name);
        let test = format!("rules_of_{}", p.ident.trim_start_matches("r#"));
        let table = cases(p);
        let list_checks: Vec<TokenStream> = match &p.shape {
            Shape::Vec(inner) => item_cases(p)
                .into_iter()
                .filter_map(|(n, ok)| {
                    let item = match inner.as_ref() {
                        Shape::Struct(s) => {
                            let s = ident(s);
                            quote!(#s::new())
                        }
                        Shape::Scalar(Scalar::String) => quote!(::std::string::String::from("x")),
                        Shape::Scalar(s) => number_literal(*s, 1.0)?,
                        Shape::Enum(e, variants) => {
                            let (e, v) = (ident(e), ident(&variants.first()?.1));
                            quote!(#e::#v)
                        }
                        Shape::Vec(_) => return None,
                    };
                    let call = quote!(#builder::builder().#setter(::std::vec![#item; #n]).build());
                    Some(if ok {
                        quote!(assert!(!matches!(#call, Err(e) if e.mentions(#wire)), "{} items should be accepted", #n);)
                    } else {
                        quote!(assert!(matches!(#call, Err(e) if e.mentions(#wire)), "{} items should be rejected", #n);)
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        let overlap = overlap_checks(request_name, p, fields);
        if table.is_empty() && list_checks.is_empty() && overlap.is_empty() {
            continue;
        }
        let value_ty = match &p.shape {
            Shape::Scalar(Scalar::String) => quote!(&str),
            other => other.tokens(),
        };
        let case_checks = match table.is_empty() {
            true => TokenStream::new(),
            false => {
                let cases = case_table(&table);
                quote! {
                    let accepts = |value: #value_ty| {
                        !matches!(#builder::builder().#setter(value).build(), Err(e) if e.mentions(#wire))
                    };
                    #cases
                }
            }
        };
        let test = ident(&test);
        tests.push(quote! {
            #[test]
            fn #test() {
                #case_checks
                #(#list_checks)*
                #(#overlap)*
            }
        });
    }
    tests
}

/// The statements that run `accepts` over the `(value, expected)` cases.
fn case_table(table: &[(Literal, bool)]) -> TokenStream {
    // One case without a loop: clippy rejects a loop over a one-element array.
    if let [(value, ok)] = table {
        return quote! {
            let (value, expected) = (#value, #ok);
            assert_eq!(accepts(value), expected, "{:?}", value);
        };
    }
    let cases = table.iter().map(|(value, ok)| quote!((#value, #ok)));
    quote! {
        for (value, expected) in [#(#cases),*] {
            assert_eq!(accepts(value), expected, "{:?}", value);
        }
    }
}

/// `no_overlap` relations between two string parameters: overlapping blocks are rejected.
fn overlap_checks(request_name: &str, p: &Planned<'_>, fields: &[Planned<'_>]) -> Vec<TokenStream> {
    let builder = ident(request_name);
    let mut out = Vec::new();
    for c in &p.field.constraints {
        let Rule::Relation {
            relation: RelationKind::NoOverlap,
            other,
            ..
        } = &c.rule
        else {
            continue;
        };
        let Some(o) = fields.iter().find(|f| &f.field.name == other) else {
            continue;
        };
        if p.shape != Shape::Scalar(Scalar::String) || o.shape != Shape::Scalar(Scalar::String) {
            continue;
        }
        let (a, b) = (ident(&p.ident), ident(&o.ident));
        let wire = Literal::string(&p.field.name);
        // Same pair of blocks, one overlapping and one not, each valid on its own.
        let own_ok = |f: &Planned<'_>, v: &str| accepts(Kind::Text, &f.field.constraints, v);
        if [
            ("10.1.0.0/16", "10.0.0.0/8"),
            ("192.168.0.0/16", "10.0.0.0/8"),
        ]
        .iter()
        .all(|(x, y)| own_ok(p, x) && own_ok(o, y))
        {
            out.push(quote! {
                assert!(matches!(#builder::builder().#a("10.1.0.0/16").#b("10.0.0.0/8").build(), Err(e) if e.mentions(#wire)));
                assert!(!matches!(#builder::builder().#a("192.168.0.0/16").#b("10.0.0.0/8").build(), Err(e) if e.mentions(#wire)));
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(rule: Rule) -> Constraint {
        Constraint {
            rule,
            source: String::new(),
        }
    }

    #[test]
    fn length_candidates_straddle_the_bounds() {
        let rules = [c(Rule::Length {
            min: Some(2),
            max: Some(4),
        })];
        let verdicts: Vec<(usize, bool)> = string_candidates(&rules)
            .iter()
            .map(|s| (s.chars().count(), accepts(Kind::Text, &rules, s)))
            .collect();
        for (n, ok) in [(1, false), (2, true), (4, true), (5, false)] {
            assert!(verdicts.contains(&(n, ok)), "{n}: {verdicts:?}");
        }
    }

    #[test]
    fn numeric_candidates_include_forbidden_values() {
        let rules = [
            c(Rule::Forbidden {
                values: vec!["22".into()],
            }),
            c(Rule::Default {
                value: "1194".into(),
            }),
        ];
        let xs = numeric_candidates(&rules);
        assert!(xs.contains(&22.0) && xs.contains(&1194.0));
        assert!(!accepts(Kind::Number, &rules, "22"));
        assert!(accepts(Kind::Number, &rules, "1194"));
    }

    #[test]
    fn multi_value_rules_apply_per_item() {
        let rules = [
            c(Rule::MultiValue {
                separator: ",".into(),
                max: Some(2),
            }),
            c(Rule::Format {
                name: "cidr".into(),
                pattern: None,
            }),
        ];
        assert!(accepts(Kind::Text, &rules, "10.0.0.0/8,192.168.0.0/16"));
        assert!(!accepts(
            Kind::Text,
            &rules,
            "10.0.0.0/8,10.0.0.0/8,10.0.0.0/8"
        ));
        assert!(!accepts(Kind::Text, &rules, "10.0.0.0/8,nope"));
    }
}
