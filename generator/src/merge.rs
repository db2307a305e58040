//! Merges the zh-CN and en-US documents of one API into a single API.
//!
//! English descriptions come first and the other language is kept as a translation; fields,
//! errors and examples are the union of both; disagreements are reported.

use crate::diagnostics::Diagnostic;
use crate::model::{Api, Field, Translation};

/// Sorts English sources first so that they become the primary text.
pub fn merge_all(mut docs: Vec<Api>) -> (Vec<Api>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    docs.sort_by(|a, b| {
        let rank = |x: &Api| x.sources.first().map(|s| s.lang != "en-US").unwrap_or(true);
        (a.name.as_str(), rank(a), source_file(a)).cmp(&(b.name.as_str(), rank(b), source_file(b)))
    });
    let mut out: Vec<Api> = Vec::new();
    for doc in docs {
        match out.last_mut() {
            Some(prev) if prev.name == doc.name => merge_into(prev, doc, &mut diags),
            _ => out.push(doc),
        }
    }
    (out, diags)
}

fn source_file(a: &Api) -> String {
    a.sources
        .first()
        .map(|s| s.file.clone())
        .unwrap_or_default()
}

fn merge_into(primary: &mut Api, other: Api, diags: &mut Vec<Diagnostic>) {
    let file = source_file(&other);
    let lang = other
        .sources
        .first()
        .map(|s| s.lang.clone())
        .unwrap_or_default();
    if primary.version.is_empty() {
        primary.version = other.version.clone();
    } else if !other.version.is_empty() && other.version != primary.version {
        diags.push(Diagnostic::warning(
            &file,
            0,
            "merge-mismatch",
            format!(
                "version `{}` differs from `{}` in {}",
                other.version,
                primary.version,
                source_file(primary)
            ),
        ));
    }
    if primary.product.is_empty() {
        primary.product = other.product.clone();
    }
    if primary.summary.is_empty() {
        primary.summary = other.summary.clone();
    } else if !other.summary.is_empty() {
        primary.summary = format!("{}\n\n{}", primary.summary, other.summary);
    }
    merge_fields(
        &mut primary.request,
        other.request,
        &lang,
        &file,
        "",
        true,
        diags,
    );
    merge_fields(
        &mut primary.response,
        other.response,
        &lang,
        &file,
        "",
        false,
        diags,
    );
    for e in other.errors {
        if !primary
            .errors
            .iter()
            .any(|p| p.code == e.code && p.http_status == e.http_status)
        {
            primary.errors.push(e);
        }
    }
    for r in other.examples.requests {
        if !primary
            .examples
            .requests
            .iter()
            .any(|p| p.params == r.params)
        {
            primary.examples.requests.push(r);
        }
    }
    for r in other.examples.responses {
        if !primary.examples.responses.iter().any(|p| p.body == r.body) {
            primary.examples.responses.push(r);
        }
    }
    primary.sources.extend(other.sources);
}

fn merge_fields(
    primary: &mut Vec<Field>,
    other: Vec<Field>,
    lang: &str,
    file: &str,
    path: &str,
    request: bool,
    diags: &mut Vec<Diagnostic>,
) {
    for o in other {
        let full = format!("{path}{}", o.name);
        match primary.iter_mut().find(|p| p.name == o.name) {
            Some(p) => {
                if p.ty != o.ty || p.item_type != o.item_type {
                    diags.push(Diagnostic::warning(
                        file,
                        o.line,
                        "merge-mismatch",
                        format!(
                            "`{full}` is {} here but {} in the other language; keeping {}",
                            describe(&o),
                            describe(p),
                            describe(p)
                        ),
                    ));
                }
                if request && p.required != o.required {
                    diags.push(Diagnostic::warning(
                        file,
                        o.line,
                        "merge-mismatch",
                        format!("`{full}` is {} here but {} in the other language; treating it as required if either says so", req(o.required), req(p.required)),
                    ));
                    p.required = Some(p.required == Some(true) || o.required == Some(true));
                }
                if !o.description.is_empty() && o.description != p.description {
                    p.translations.push(Translation {
                        lang: lang.to_string(),
                        text: o.description.clone(),
                    });
                }
                if p.example.is_none() {
                    p.example = o.example.clone();
                }
                for c in o.constraints {
                    let same_kind = p.constraints.iter().any(|x| {
                        std::mem::discriminant(&x.rule) == std::mem::discriminant(&c.rule)
                    });
                    if !same_kind {
                        p.constraints.push(c);
                    }
                }
                if p.wire.is_none() {
                    p.wire = o.wire;
                }
                merge_fields(
                    &mut p.children,
                    o.children,
                    lang,
                    file,
                    &format!("{full}."),
                    request,
                    diags,
                );
            }
            None => {
                diags.push(Diagnostic::warning(
                    file,
                    o.line,
                    "merge-mismatch",
                    format!("`{full}` is documented only in {lang}; kept"),
                ));
                primary.push(o);
            }
        }
    }
}

fn describe(f: &Field) -> String {
    match &f.item_type {
        Some(i) => format!("{}<{}>", f.ty.as_str(), i.as_str()),
        None => f.ty.as_str().to_string(),
    }
}

fn req(r: Option<bool>) -> &'static str {
    if r == Some(true) {
        "required"
    } else {
        "optional"
    }
}
