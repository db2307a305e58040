//! Validators of request structs: per-field checks and relations between fields, written into
//! `collect_violations` (on the finished struct) and `build` (on the builder).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::api::{access, wire_path, Access, Planned, Scalar, Shape};
use super::naming::ident;
use crate::model::{Constraint, Rule};

fn f64_lit(n: Option<crate::model::Number>) -> TokenStream {
    match n {
        Some(n) => {
            let lit = Literal::f64_suffixed(n.as_f64());
            quote!(::std::option::Option::Some(#lit))
        }
        None => quote!(::std::option::Option::None),
    }
}

fn u64_lit(n: Option<u64>) -> TokenStream {
    match n {
        Some(n) => {
            let lit = Literal::u64_suffixed(n);
            quote!(::std::option::Option::Some(#lit))
        }
        None => quote!(::std::option::Option::None),
    }
}

fn str_list(values: &[String]) -> TokenStream {
    let lits = values.iter().map(|v| Literal::string(v));
    quote!(&[#(#lits),*])
}

fn char_classes(list: &[crate::model::CharClass]) -> TokenStream {
    use crate::model::CharClass as C;
    let items = list.iter().map(|c| match c {
        C::Letter => quote!(::aliyun_runtime::validate::CharClass::Letter),
        C::Upper => quote!(::aliyun_runtime::validate::CharClass::Upper),
        C::Lower => quote!(::aliyun_runtime::validate::CharClass::Lower),
        C::Digit => quote!(::aliyun_runtime::validate::CharClass::Digit),
        C::Cjk => quote!(::aliyun_runtime::validate::CharClass::Cjk),
        C::Char(ch) => {
            let l = Literal::character(*ch);
            quote!(::aliyun_runtime::validate::CharClass::Char(#l))
        }
    });
    quote!(&[#(#items),*])
}

/// The runtime's format for an IR format name; `None` for names no validator checks.
fn format_of(name: &str) -> Option<TokenStream> {
    let f = match name {
        "cidr" => quote!(Cidr),
        "ipv4" => quote!(Ipv4),
        "ipv6" => quote!(Ipv6),
        "ip" => quote!(Ip),
        "port" => quote!(Port),
        "datetime" => quote!(DateTime),
        "date" => quote!(Date),
        "json" => quote!(Json),
        "cron" => quote!(Cron),
        _ => return None,
    };
    debug_assert!(super::rule_oracle::CHECKED_FORMATS.contains(&name));
    Some(quote!(::aliyun_runtime::validate::Format::#f))
}

/// Checks of one value `x` (a `&T` of a scalar item) against a field's rules.
/// The rules that hold for each item of a list. A JSON-wire list's `json` format describes the
/// one document the SDK writes itself (always JSON), not its items.
pub(crate) fn item_rules(field: &crate::model::Field) -> Vec<Constraint> {
    let json_wire = field.wire == Some(crate::model::WireStyle::Json);
    field
        .constraints
        .iter()
        .filter(|c| !(json_wire && matches!(&c.rule, Rule::Format { name, .. } if name == "json")))
        .cloned()
        .collect()
}

fn value_checks(
    scalar: Scalar,
    constraints: &[Constraint],
    path: &TokenStream,
) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let is_str = scalar == Scalar::String;
    let text = if is_str {
        quote!(x)
    } else {
        quote!(&x.to_string())
    };
    // A separated list of values: every other rule is about one item.
    let multi = constraints.iter().find_map(|c| match &c.rule {
        Rule::MultiValue { separator, max } if is_str => Some((separator.clone(), *max)),
        _ => None,
    });
    for c in constraints {
        let check = match &c.rule {
            Rule::Enum { values } if scalar != Scalar::Bool && scalar != Scalar::Json => {
                let list = str_list(&values.iter().map(|v| v.value.clone()).collect::<Vec<_>>());
                quote!(v.one_of(#path, #text, #list);)
            }
            Rule::Length { min, max } if is_str => {
                let (min, max) = (u64_lit(*min), u64_lit(*max));
                quote!(v.length(#path, x, #min, #max);)
            }
            Rule::Range {
                min,
                max,
                min_exclusive,
                max_exclusive,
            } if scalar.is_numeric() || is_str => {
                let (lo, hi) = (f64_lit(*min), f64_lit(*max));
                if is_str {
                    quote!(v.range_text(#path, x, #lo, #hi, #min_exclusive, #max_exclusive);)
                } else {
                    quote!(v.range(#path, *x as f64, #lo, #hi, #min_exclusive, #max_exclusive);)
                }
            }
            Rule::Forbidden { values } if scalar != Scalar::Json => {
                let list = str_list(values);
                quote!(v.forbidden(#path, #text, #list);)
            }
            Rule::PrefixForbidden { values } if is_str => {
                let list = str_list(values);
                quote!(v.prefix_forbidden(#path, x, #list);)
            }
            Rule::Chars { first, allowed } if is_str => {
                let (f, a) = (char_classes(first), char_classes(allowed));
                quote!(v.chars(#path, x, #f, #a);)
            }
            Rule::Ascii if is_str => quote!(v.ascii(#path, x);),
            Rule::Json {
                min_items,
                max_items,
                ..
            } if is_str => {
                let (min, max) = (u64_lit(*min_items), u64_lit(*max_items));
                quote!(v.json_items(#path, x, #min, #max);)
            }
            Rule::Format { name, .. } if is_str => match format_of(name) {
                Some(fmt) => quote!(v.format(#path, x, #fmt);),
                None => continue,
            },
            Rule::Format { name, .. } if name == "port" && scalar.is_numeric() => {
                quote!(v.range(#path, *x as f64, ::std::option::Option::Some(1.0), ::std::option::Option::Some(65535.0), false, false);)
            }
            _ => continue,
        };
        out.push(check);
    }
    if !is_str || (out.is_empty() && multi.as_ref().is_none_or(|m| m.1.is_none())) {
        return out;
    }
    match multi {
        Some((separator, max)) => {
            let sep = Literal::string(&separator);
            let count = max.map(|m| {
                let m = u64_lit(Some(m));
                quote!(v.multi_value(#path, x, #sep, #m);)
            });
            let per_item = (!out.is_empty()).then(|| {
                quote! {
                    for x in x.split(#sep).map(str::trim) {
                        #(#out)*
                    }
                }
            });
            vec![quote!(let x: &str = x;), quote!(#count), quote!(#per_item)]
        }
        None => {
            out.insert(0, quote!(let x: &str = x;));
            out
        }
    }
}

/// Checks of one struct level, written against `Option<&T>` accessors.
pub(super) fn struct_checks(fields: &[Planned<'_>], how: Access) -> TokenStream {
    let mut out = Vec::new();
    for p in fields {
        let acc = access(p, how);
        let path = wire_path(p);
        let wire = &p.field.name;
        let stored_bare =
            p.required && matches!(how, Access::Struct) && !matches!(p.shape, Shape::Vec(_));
        if p.field.required == Some(true) && !stored_bare {
            let missing = Literal::string(wire);
            out.push(quote! {
                if #acc.is_none() {
                    v.missing(&::std::format!("{}{}", prefix, #missing));
                }
            });
        }
        match &p.shape {
            Shape::Scalar(s) => {
                let checks = value_checks(*s, &p.field.constraints, &path);
                if checks.is_empty() {
                } else if stored_bare {
                    let id = ident(&p.ident);
                    out.push(quote! { { let x = &self.#id; #(#checks)* } });
                } else {
                    out.push(
                        quote! { if let ::std::option::Option::Some(x) = #acc { #(#checks)* } },
                    );
                }
            }
            Shape::Struct(_) => {
                let member = Literal::string(&format!("{wire}."));
                out.push(quote! {
                    if let ::std::option::Option::Some(x) = #acc {
                        x.collect_violations(&::std::format!("{}{}", prefix, #member), v);
                    }
                });
            }
            Shape::Vec(inner) => {
                let items = p.field.constraints.iter().find_map(|c| match c.rule {
                    Rule::Items { min, max } => Some((min, max)),
                    _ => None,
                });
                if let Some((min, max)) = items {
                    let (min, max) = (u64_lit(min), u64_lit(max));
                    out.push(quote! {
                        if let ::std::option::Option::Some(list) = #acc {
                            v.items(#path, list.len(), #min, #max);
                        }
                    });
                }
                let item_path = quote!(&::std::format!("{}{}.{}", prefix, #wire, i + 1));
                let per_item = match inner.as_ref() {
                    Shape::Scalar(s) => {
                        let checks = value_checks(*s, &item_rules(p.field), &item_path);
                        (!checks.is_empty()).then(|| quote!(#(#checks)*))
                    }
                    Shape::Struct(_) => Some(quote! {
                        x.collect_violations(&::std::format!("{}{}.{}.", prefix, #wire, i + 1), v);
                    }),
                    _ => None,
                };
                if let Some(per_item) = per_item {
                    out.push(quote! {
                        if let ::std::option::Option::Some(list) = #acc {
                            for (i, x) in list.iter().enumerate() {
                                let _ = i;
                                #per_item
                            }
                        }
                    });
                }
            }
            Shape::Enum(..) => {}
        }
        // Relations with a sibling of the same level.
        for c in &p.field.constraints {
            let Rule::Relation {
                relation,
                other,
                value,
                ..
            } = &c.rule
            else {
                continue;
            };
            let Some(o) = fields.iter().find(|s| &s.field.name == other) else {
                continue;
            };
            let oacc = access(o, how);
            let other_lit = Literal::string(other);
            let opath = quote!(&::std::format!("{}{}", prefix, #other_lit));
            use crate::model::RelationKind as R;
            out.push(match relation {
                R::NoOverlap if p.shape == Shape::Scalar(Scalar::String) && o.shape == Shape::Scalar(Scalar::String) => quote! {
                    if let (::std::option::Option::Some(a), ::std::option::Option::Some(b)) = (#acc, #oacc) {
                        v.no_overlap(#path, a, #opath, b);
                    }
                },
                R::NoOverlap | R::AppliesWhen | R::Ordered => continue,
                R::MutuallyExclusive => quote!(v.mutually_exclusive(#path, #acc.is_some(), #opath, #oacc.is_some());),
                R::Requires => quote!(v.requires(#path, #acc.is_some(), #opath, #oacc.is_some());),
                R::AtLeastOneOf => quote!(v.at_least_one(#path, #acc.is_some(), #opath, #oacc.is_some());),
                R::RequiredWhen => {
                    let when = match value {
                        Some(w) => {
                            let w = Literal::string(w);
                            quote!(::std::option::Option::Some(#w))
                        }
                        None => quote!(::std::option::Option::None),
                    };
                    quote! {
                        {
                            let other_value = ::aliyun_runtime::query::value_text(#oacc);
                            v.required_when(#path, #acc.is_some(), #opath, other_value.as_deref(), #when);
                        }
                    }
                }
            });
        }
    }
    quote!(#(#out)*)
}
