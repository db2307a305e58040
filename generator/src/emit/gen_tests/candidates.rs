//! Candidate values of a parameter, on both sides of each of its rules' boundaries: what the
//! generated rule and relation tests try. Which of them must pass is decided elsewhere
//! (`crate::rules`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::plan::shape::Scalar;
use crate::model::{CharClass, Constraint, Rule};
use crate::rules::Format;

/// A character every `chars` rule of the field allows (first and later positions).
fn witness_char(constraints: &[Constraint]) -> char {
    let class = constraints.iter().find_map(|c| match &c.rule {
        Rule::Chars { first, allowed } => first.first().or(allowed.first()).cloned(),
        _ => None,
    });
    match class {
        Some(CharClass::Upper) => 'A',
        Some(CharClass::Digit) => '1',
        Some(CharClass::Cjk) => '中',
        Some(CharClass::Char(c)) => c,
        _ => 'a',
    }
}

/// Texts on both sides of each bound and rule of a text parameter (lengths min−1, min, max,
/// max+1; range ends; forbidden values and prefixes; character classes; format samples).
pub fn string_candidates(constraints: &[Constraint]) -> Vec<String> {
    let w = witness_char(constraints);
    let text = |n: u64| std::iter::repeat_n(w, n.min(5000) as usize).collect::<String>();
    let min_len = constraints
        .iter()
        .find_map(|c| match c.rule {
            Rule::Length { min, .. } => min,
            _ => None,
        })
        .unwrap_or(1)
        .max(1);
    let mut out = vec![text(min_len.max(2))];
    for c in constraints {
        match &c.rule {
            Rule::Length { min, max } => {
                for n in [*min, *max].into_iter().flatten() {
                    out.push(text(n));
                    out.push(text(n + 1));
                    if n > 0 {
                        out.push(text(n - 1));
                    }
                }
            }
            Rule::Range { min, max, .. } => {
                for n in [*min, *max].into_iter().flatten() {
                    let x = n.as_f64();
                    out.extend([x - 1.0, x, x + 1.0].iter().map(|v| format_number(*v)));
                }
                out.push("not-a-number".into());
            }
            Rule::Forbidden { values } => out.extend(values.iter().cloned()),
            Rule::PrefixForbidden { values } => {
                out.extend(values.iter().map(|p| format!("{p}{}", text(min_len))));
                out.extend(values.iter().map(|p| format!("{}{}", text(min_len), p)));
            }
            Rule::Chars { .. } => {
                out.push(format!("1{}", text(min_len)));
                out.push(format!("-{}", text(min_len)));
                out.push(format!("{} {}", text(min_len), w));
            }
            Rule::Json {
                min_items,
                max_items,
                ..
            } => {
                out.push("{".into());
                for n in [*min_items, *max_items].into_iter().flatten() {
                    for k in [n.saturating_sub(1), n, n + 1] {
                        out.push(format!("[{}]", vec!["1"; k.min(500) as usize].join(",")));
                    }
                }
            }
            Rule::Ascii => out.push(std::iter::repeat_n('中', min_len as usize).collect()),
            Rule::NotEmpty => out.push(String::new()),
            Rule::ForbiddenSubstrings { values } => {
                for v in values {
                    out.push(format!("{}{v}{}", text(min_len), text(min_len)));
                    out.push(format!("{}{}", text(min_len), v.to_ascii_uppercase()));
                }
            }
            Rule::Format { name, .. } => {
                out.extend(format_samples(name).iter().map(|s| s.to_string()))
            }
            Rule::Enum { values } => out.extend(values.iter().map(|v| v.value.clone())),
            Rule::MultiValue {
                separator,
                max: Some(m),
            } => {
                let item = constraints
                    .iter()
                    .find_map(|c| match &c.rule {
                        Rule::Format { name, .. } => {
                            format_samples(name).first().map(|s| s.to_string())
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| text(min_len));
                for n in [*m, m + 1] {
                    out.push(vec![item.clone(); n.min(500) as usize].join(separator));
                }
            }
            _ => {}
        }
    }
    out
}

/// Values of a format, some written in it and some not (none for a name no validator checks).
fn format_samples(name: &str) -> &'static [&'static str] {
    let Some(format) = Format::from_name(name) else {
        return &[];
    };
    match format {
        Format::Cidr => &[
            "10.0.0.0/8",
            "2408:4321:180:1701::/64",
            "10.0.0.0/33",
            "10.0.0.1",
        ],
        Format::Ipv4 => &["192.168.0.1", "999.1.1.1"],
        Format::Ipv6 => &["2001:db8::1", "2001:::1"],
        Format::Ip => &["192.168.0.1", "2001:db8::1", "192.168.0"],
        Format::Port => &["80", "0", "65536"],
        Format::DateTime => &[
            "2021-01-01T00:00:00Z",
            "2021-01-01T00:00Z",
            "2021-13-01T00:00:00Z",
            "2021-01-01 00:00:00",
            "2021-01-01T08:00:00.5+08:00",
            "2021-01-01",
        ],
        Format::Date => &["2021-01-01", "2021/01/01"],
        Format::Json => &["{\"a\":1}", "{"],
        Format::Cron => &["0 0 12 * * ?", "0 12 * *", "0 0 12 * * ? 2024 1"],
    }
}

/// A number as the wire writes it: integers without a fraction.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Numbers on both sides of each bound and rule of a numeric parameter.
pub fn numeric_candidates(constraints: &[Constraint]) -> Vec<f64> {
    let mut out = Vec::new();
    for c in constraints {
        match &c.rule {
            Rule::Range { min, max, .. } => {
                for n in [*min, *max].into_iter().flatten() {
                    let x = n.as_f64();
                    out.extend([x - 1.0, x, x + 1.0]);
                }
            }
            Rule::Forbidden { values } => {
                out.extend(values.iter().filter_map(|v| v.parse::<f64>().ok()))
            }
            Rule::Enum { values } => {
                let nums: Vec<f64> = values
                    .iter()
                    .filter_map(|v| v.value.parse::<f64>().ok())
                    .collect();
                if let Some(top) = nums.iter().cloned().reduce(f64::max) {
                    out.push(top + 1.0);
                }
                out.extend(nums);
            }
            Rule::Format { name, .. } if Format::from_name(name) == Some(Format::Port) => {
                out.extend([0.0, 1.0, 65535.0, 65536.0])
            }
            Rule::Default { value } => out.extend(value.parse::<f64>().ok()),
            _ => {}
        }
    }
    out
}

/// A literal of the field's scalar type, when the number fits it.
pub fn number_literal(scalar: Scalar, x: f64) -> Option<TokenStream> {
    number_lit(scalar, x).map(|l| quote!(#l))
}

/// [`number_literal`] as the one literal token it is.
pub fn number_lit(scalar: Scalar, x: f64) -> Option<Literal> {
    if !x.is_finite() {
        return None;
    }
    match scalar {
        Scalar::I32 if x.fract() == 0.0 && x >= i32::MIN as f64 && x <= i32::MAX as f64 => {
            Some(Literal::i32_suffixed(x as i32))
        }
        Scalar::I64 if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            Some(Literal::i64_suffixed(x as i64))
        }
        Scalar::F32 => Some(Literal::f32_suffixed(x as f32)),
        Scalar::F64 => Some(Literal::f64_suffixed(x)),
        _ => None,
    }
}
