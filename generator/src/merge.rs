//! Merges the zh-CN and en-US documents of one API into a single API.
//!
//! English descriptions come first and the other language is kept as a translation; fields,
//! errors and examples are the union of both; disagreements are reported.

use crate::diagnostics::Diagnostic;
use crate::model::{Api, Examples, Field, QueryParam, Translation};

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

fn merge_into(primary: &mut Api, mut other: Api, diags: &mut Vec<Diagnostic>) {
    let file = source_file(&other);
    let lang = other
        .sources
        .first()
        .map(|s| s.lang.clone())
        .unwrap_or_default();
    merge_identity(primary, &other, &file, diags);
    let primary_file = source_file(primary);
    // The fields are merged in the light of both languages' examples.
    let mut examples = primary.examples.clone();
    examples
        .requests
        .extend(other.examples.requests.iter().cloned());
    examples
        .responses
        .extend(other.examples.responses.iter().cloned());
    examples
        .http_requests
        .extend(other.examples.http_requests.iter().cloned());
    let mut m = Merging {
        lang: &lang,
        file: &file,
        primary_file: &primary_file,
        request: true,
        examples: &examples,
    };
    merge_fields(
        &mut primary.request,
        std::mem::take(&mut other.request),
        "",
        &m,
        diags,
    );
    m.request = false;
    merge_fields(
        &mut primary.response,
        std::mem::take(&mut other.response),
        "",
        &m,
        diags,
    );
    add_new_errors(primary, std::mem::take(&mut other.errors));
    add_new_request_examples(primary, &mut other.examples);
    merge_request_line(primary, &other, &file, diags);
    if primary.style == "ROA" {
        query_for_unplaced(primary, &file, diags);
    }
    for r in std::mem::take(&mut other.examples.responses) {
        if !primary.examples.responses.iter().any(|p| p.body == r.body) {
            primary.examples.responses.push(r);
        }
    }
    primary.sources.extend(other.sources);
}

/// Version, product and summary: the primary's, else the other's; two versions are reported,
/// two summaries kept one after the other.
fn merge_identity(primary: &mut Api, other: &Api, file: &str, diags: &mut Vec<Diagnostic>) {
    if primary.version.is_empty() {
        primary.version = other.version.clone();
    } else if !other.version.is_empty() && other.version != primary.version {
        diags.push(Diagnostic::warning(
            file,
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
}

/// The other language's error codes the primary lacks (by code and HTTP status).
fn add_new_errors(primary: &mut Api, errors: Vec<crate::model::ErrorCode>) {
    for e in errors {
        if !primary
            .errors
            .iter()
            .any(|p| p.code == e.code && p.http_status == e.http_status)
        {
            primary.errors.push(e);
        }
    }
}

/// The other language's request examples (RPC and HTTP) the primary lacks.
fn add_new_request_examples(primary: &mut Api, other: &mut Examples) {
    for r in std::mem::take(&mut other.requests) {
        if !primary
            .examples
            .requests
            .iter()
            .any(|p| p.params == r.params)
        {
            primary.examples.requests.push(r);
        }
    }
    for r in std::mem::take(&mut other.http_requests) {
        if !primary.examples.http_requests.iter().any(|p| {
            (&p.method, &p.path, &p.query, &p.body) == (&r.method, &r.path, &r.query, &r.body)
        }) {
            primary.examples.http_requests.push(r);
        }
    }
}

/// One API, one method and path: the language that states them wins; a conflict is a warning.
fn merge_request_line(primary: &mut Api, other: &Api, file: &str, diags: &mut Vec<Diagnostic>) {
    match (primary.style.as_str(), other.style.as_str()) {
        ("RPC", "ROA") => {
            primary.style = other.style.clone();
            primary.method = other.method.clone();
            primary.path = other.path.clone();
            primary.content_type = other.content_type.clone();
            primary.examples.requests.clear();
        }
        ("ROA", "ROA") if (&primary.method, &primary.path) != (&other.method, &other.path) => {
            diags.push(Diagnostic::warning(
                file,
                0,
                "merge-mismatch",
                format!(
                    "the request line here is `{} {}` but `{} {}` in {}; keeping the latter",
                    other.method.as_deref().unwrap_or("?"),
                    other.path.as_deref().unwrap_or("?"),
                    primary.method.as_deref().unwrap_or("?"),
                    primary.path.as_deref().unwrap_or("?"),
                    source_file(primary)
                ),
            ));
        }
        _ => {}
    }
    if primary.content_type.is_none() {
        primary.content_type = other.content_type.clone();
    }
}

/// Fields only the RPC-read language documents have no position anywhere: the query.
fn query_for_unplaced(primary: &mut Api, file: &str, diags: &mut Vec<Diagnostic>) {
    for f in primary.request.iter_mut().filter(|f| f.location.is_none()) {
        diags.push(Diagnostic::warning(
            file,
            f.line,
            "roa-location-inferred",
            format!("`{}`: only the language without a request line documents it; taken as a query parameter", f.name),
        ));
        set_location(f, crate::model::location::QUERY);
    }
}

/// What the field merge of one other-language doc needs besides the fields.
struct Merging<'a> {
    lang: &'a str,
    file: &'a str,
    primary_file: &'a str,
    request: bool,
    /// The examples of both languages: the wire spelling when the languages spell a name
    /// differently.
    examples: &'a Examples,
}

impl Merging<'_> {
    /// Whether an example writes this name exactly (a query or form parameter, or a key of a
    /// JSON or XML body).
    fn spelled(&self, name: &str) -> bool {
        let param = |q: &QueryParam| q.name == name || q.name.split('.').next() == Some(name);
        let in_body = |b: &str| {
            b.contains(&format!("\"{name}\""))
                || b.contains(&format!("<{name}>"))
                || b.contains(&format!("<{name} "))
        };
        if self.request {
            self.examples
                .requests
                .iter()
                .any(|r| r.params.iter().any(param))
                || self.examples.http_requests.iter().any(|r| {
                    r.query.iter().any(param)
                        || r.form.iter().any(param)
                        || r.body.as_deref().is_some_and(in_body)
                })
        } else {
            self.examples.responses.iter().any(|r| in_body(&r.body))
        }
    }
}

fn merge_fields(
    primary: &mut Vec<Field>,
    other: Vec<Field>,
    path: &str,
    m: &Merging,
    diags: &mut Vec<Diagnostic>,
) {
    let (lang, file, primary_file, request) = (m.lang, m.file, m.primary_file, m.request);
    for o in other {
        let full = format!("{path}{}", o.name);
        let exact = primary.iter().position(|p| p.name == o.name);
        // `State` in one language and `state` in the other is one field: named as an
        // example writes it (else as the first language does), the other spelling an alias.
        let respelled = exact.is_none().then(|| {
            let id = crate::naming::snake(&o.name)?;
            primary
                .iter()
                .position(|p| crate::naming::snake(&p.name).as_deref() == Some(&id))
        });
        if let Some(i) = respelled.flatten() {
            let p = &mut primary[i];
            let (kept, other_spelling) = if m.spelled(&o.name) && !m.spelled(&p.name) {
                let old = std::mem::replace(&mut p.name, o.name.clone());
                (p.name.clone(), old)
            } else {
                (p.name.clone(), o.name.clone())
            };
            if !p.aliases.contains(&other_spelling) {
                p.aliases.push(other_spelling.clone());
            }
            diags.push(Diagnostic::warning(
                file,
                o.line,
                "merge-mismatch",
                format!(
                    "`{path}{}` here is spelled `{path}{}` in {primary_file}:{}; one field `{path}{kept}`{}, `{other_spelling}` kept as another spelling",
                    o.name,
                    if kept == o.name { other_spelling.as_str() } else { kept.as_str() },
                    p.line,
                    if m.spelled(&kept) { " as the examples write it" } else { "" },
                ),
            ));
        }
        let found = exact.or(respelled.flatten());
        match found.map(|i| &mut primary[i]) {
            Some(p) => {
                let o = Field {
                    name: p.name.clone(),
                    ..o
                };
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
                merge_constraints(&mut p.constraints, o.constraints);
                // A rule one language's evidence contradicts is enforced in neither.
                for d in o.demoted {
                    if !p
                        .demoted
                        .iter()
                        .any(|x| x.constraint.rule == d.constraint.rule)
                    {
                        p.demoted.push(d);
                    }
                }
                let demoted = &p.demoted;
                p.constraints
                    .retain(|c| !demoted.iter().any(|d| d.constraint.rule == c.rule));
                if p.wire.is_none() {
                    p.wire = o.wire;
                }
                if p.location.is_none() {
                    p.location = o.location.clone();
                }
                for a in o.aliases {
                    if !p.aliases.contains(&a) && a != p.name {
                        p.aliases.push(a);
                    }
                }
                merge_fields(&mut p.children, o.children, &format!("{full}."), m, diags);
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

/// Rules the other language states too, under the extractor's one merge policy
/// ([`crate::parse::constraints::merge_rule`]): value lists are united, relations it adds are kept, other
/// kinds are added only when the primary language has none of that kind.
fn merge_constraints(
    primary: &mut Vec<crate::model::Constraint>,
    other: Vec<crate::model::Constraint>,
) {
    use crate::parse::constraints::{merge_rule, Origin};
    for c in other {
        merge_rule(primary, c, Origin::OtherLanguage);
    }
}

fn set_location(f: &mut Field, loc: &str) {
    f.location = Some(loc.to_string());
    for c in &mut f.children {
        set_location(c, loc);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_doc, DocDefaults};

    const ZH: &str = "# Foo\n\n## 请求参数\n\n|名称|类型|是否必选|示例值|描述|\n|--|--|----|---|--|\n|Action|String|是|Foo|取值：**Foo**。|\n|RegionId|String|是|cn|地域。|\n|Size|Integer|否|1|大小。|\n|OnlyZh|String|否|a|只在中文。|\n\n## 返回数据\n\n|名称|类型|示例值|描述|\n|--|--|---|--|\n|RequestId|String|r|请求ID。|\n\n## 错误码\n\n|HttpCode|错误码|错误信息|描述|\n|--|--|--|--|\n|400|A.B|m|描述|\n";
    const EN: &str = "# Foo\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|Foo|Set the value to **Foo**.|\n|RegionId|String|Yes|cn|The region.|\n|Size|Long|Yes|1|The size.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The request ID.|\n\n## Error codes\n\n|HttpCode|Error code|Error message|Description|\n|--|--|--|--|\n|400|A.B|m|d|\n|404|C|n|e|\n";

    fn parse(file: &str, text: &str) -> Api {
        parse_doc(
            file,
            text,
            &DocDefaults {
                product: Some("P".into()),
                version: Some("2020-01-01".into()),
            },
        )
        .expect("parses")
        .0
    }

    #[test]
    fn english_first_both_kept_disagreements_reported() {
        let (apis, diags) = merge_all(vec![parse("zh/Foo.md", ZH), parse("en/Foo.md", EN)]);
        assert_eq!(apis.len(), 1);
        let api = &apis[0];
        assert_eq!(
            api.sources
                .iter()
                .map(|s| s.lang.as_str())
                .collect::<Vec<_>>(),
            ["en-US", "zh-CN"]
        );
        let region = &api.request[0];
        assert_eq!(region.description, "The region.");
        assert_eq!(region.translations[0].text, "地域。");
        let size = api.request.iter().find(|f| f.name == "Size").unwrap();
        assert_eq!(
            size.ty,
            crate::model::Type::Long,
            "the English doc's type is kept"
        );
        assert_eq!(size.required, Some(true), "required if either says so");
        assert!(api.request.iter().any(|f| f.name == "OnlyZh"));
        assert_eq!(api.errors.len(), 2);
        let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`Size` is Integer here but Long")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`Size` is optional here but required")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`OnlyZh` is documented only in zh-CN")),
            "{messages:?}"
        );
    }

    #[test]
    fn spellings_that_differ_between_languages_make_one_field_and_are_reported() {
        // No example: the first language's spelling is the name, the other an alias.
        let zh = ZH.replace("|RegionId|String|是|", "|regionId|String|是|");
        let (apis, diags) = merge_all(vec![parse("zh/Foo.md", &zh), parse("en/Foo.md", EN)]);
        let region: Vec<&Field> = apis[0]
            .request
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case("regionid"))
            .collect();
        assert_eq!(region.len(), 1, "{region:?}");
        assert_eq!(region[0].name, "RegionId");
        assert_eq!(region[0].aliases, ["regionId"]);
        let d = diags
            .iter()
            .find(|d| d.kind == "merge-mismatch" && d.message.contains("spelled"))
            .expect("reported");
        assert!(
            d.message
                .contains("`regionId` here is spelled `RegionId` in en/Foo.md:8"),
            "{}",
            d.message
        );
    }

    #[test]
    fn the_spelling_an_example_writes_is_the_wire_name() {
        // The Chinese table writes `regionId` and so does the request example of either doc.
        let example = "\n## 示例\n\n请求示例\n\n```\nhttp(s)://x.aliyuncs.com/?Action=Foo&regionId=cn&Size=1\n```\n";
        let zh = ZH.replace("|RegionId|String|是|", "|regionId|String|是|") + example;
        let (apis, _) = merge_all(vec![parse("zh/Foo.md", &zh), parse("en/Foo.md", EN)]);
        let region: Vec<&Field> = apis[0]
            .request
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case("regionid"))
            .collect();
        assert_eq!(region.len(), 1, "{region:?}");
        assert_eq!(region[0].name, "regionId");
        assert_eq!(region[0].aliases, ["RegionId"]);
    }
}
