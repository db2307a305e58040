//! Example values as Rust expressions that build them through the generated types.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::naming::ident;

/// A value found in an example: query text, or JSON inside a JSON-encoded parameter.
#[derive(Debug, Clone)]
pub enum Val {
    Text(String),
    Json(Value),
}

fn scalar_expr(s: Scalar, v: &Val) -> Result<TokenStream, String> {
    let text = match v {
        Val::Text(t) => t.clone(),
        Val::Json(Value::String(t)) => t.clone(),
        Val::Json(other) if s == Scalar::Json => {
            let lit = Literal::string(&other.to_string());
            return Ok(
                quote!(::aliyun_runtime::__private::serde_json::from_str::<::aliyun_runtime::__private::serde_json::Value>(#lit).expect("example JSON")),
            );
        }
        Val::Json(other) => other.to_string(),
    };
    Ok(match s {
        Scalar::String => {
            let lit = Literal::string(&text);
            quote!(#lit)
        }
        Scalar::I32 => {
            let n: i32 = text
                .trim()
                .parse()
                .map_err(|_| format!("`{text}` is not an Integer"))?;
            let lit = Literal::i32_suffixed(n);
            quote!(#lit)
        }
        Scalar::I64 => {
            let n: i64 = text
                .trim()
                .parse()
                .map_err(|_| format!("`{text}` is not a Long"))?;
            let lit = Literal::i64_suffixed(n);
            quote!(#lit)
        }
        Scalar::F32 | Scalar::F64 => {
            let n: f64 = text
                .trim()
                .parse()
                .map_err(|_| format!("`{text}` is not a number"))?;
            if s == Scalar::F32 {
                let lit = Literal::f32_suffixed(n as f32);
                quote!(#lit)
            } else {
                let lit = Literal::f64_suffixed(n);
                quote!(#lit)
            }
        }
        Scalar::Bool => match text.trim().to_ascii_lowercase().as_str() {
            "true" => quote!(true),
            "false" => quote!(false),
            _ => return Err(format!("`{text}` is not a Boolean")),
        },
        Scalar::Json => {
            let lit = Literal::string(&text);
            match serde_json::from_str::<Value>(&text) {
                Ok(_) => {
                    quote!(::aliyun_runtime::__private::serde_json::from_str::<::aliyun_runtime::__private::serde_json::Value>(#lit).expect("example JSON"))
                }
                Err(_) => {
                    quote!(::aliyun_runtime::__private::serde_json::Value::String(::std::string::String::from(#lit)))
                }
            }
        }
    })
}

/// The Rust expression of an example value for a field of `shape` (`children`: its
/// members when it is a struct or a list of structs).
pub fn value_expr(shape: &Shape, children: &[Planned<'_>], v: &Val) -> Result<TokenStream, String> {
    match shape {
        Shape::Scalar(s) => scalar_expr(*s, v),
        Shape::Enum(name, variants) => {
            let text = match v {
                Val::Text(t) | Val::Json(Value::String(t)) => t.clone(),
                Val::Json(other) => other.to_string(),
            };
            // A documented value is its variant; any other is built from its text and sent as
            // it is (the enum is open).
            let e = ident(name);
            match variants.iter().find(|(value, _)| *value == text) {
                Some((_, var)) => {
                    let var = ident(var);
                    Ok(quote!(#e::#var))
                }
                None => {
                    let lit = Literal::string(&text);
                    Ok(quote!(#e::from(#lit)))
                }
            }
        }
        Shape::Struct(name) => {
            let Val::Json(Value::Object(map)) = v else {
                return Err("expected a JSON object".into());
            };
            let ty = ident(name);
            let mut calls = Vec::new();
            for (key, value) in map {
                let Some(p) = children.iter().find(|c| &c.field.name == key) else {
                    return Err(format!("member `{key}` is not documented"));
                };
                let expr = json_member(p, value)?;
                let setter = ident(&p.ident);
                calls.push(quote!(.#setter(#expr)));
            }
            Ok(quote!(#ty::new() #(#calls)*))
        }
        Shape::Vec(inner) => {
            let items = match v {
                Val::Json(Value::Array(items)) => items.clone(),
                Val::Json(other) => vec![other.clone()],
                Val::Text(t) => vec![Value::String(t.clone())],
            };
            // An empty list (`"tags": []`) names no item to infer its type from, and the
            // setters are generic over the item (`impl Into<String>`): spell the type out.
            if items.is_empty() {
                let item = inner.tokens();
                return Ok(quote!(::std::vec::Vec::<#item>::new()));
            }
            let exprs = items
                .iter()
                .map(|i| value_expr(inner, children, &Val::Json(i.clone())))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(quote!(::std::vec![#(#exprs),*]))
        }
    }
}

fn json_member(p: &Planned<'_>, value: &Value) -> Result<TokenStream, String> {
    value_expr(&p.shape, &p.children, &Val::Json(value.clone()))
}
