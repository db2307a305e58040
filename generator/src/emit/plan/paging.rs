//! Which APIs page, read from the IR (never from API names), and what their paginator reads and
//! writes.
//!
//! **The rule.** Names are compared case-insensitively; request parameters are top-level.
//!
//! - *Page numbers*: the request has `PageNumber` and `PageSize`, the response a `TotalCount`
//!   (or, without one, a `Total`).
//! - *Tokens*: the request has `NextToken` (`MaxResults` beside it is the page size), the
//!   response a `NextToken`.
//!
//! The response fields are read at the top level, or inside the one object member that holds
//! them (`{"Data": {"TotalCount": …, "Items": […]}}`). The page's items are the one list beside
//! them: a list member (`"Vpcs": […]`), or an object whose only member is a list (the XML-style
//! wrapper `{"Vpcs": {"Vpc": […]}}`).
//!
//! **Exceptions** (the API gets no paginator, and a note says why): no list or several lists
//! beside the total or token (which one holds the page is not known); a page number, size or
//! total that is neither a number nor text, or a token that is not text; a page number with no
//! page size; a response without the total or token.

use crate::model::{Api, Field, Type};
use crate::naming;

use super::shape::{is_enum, Planned};

/// The response's total number of items: `TotalCount`, else `Total` (cms).
const TOTALS: &[&str] = &["TotalCount", "Total"];
/// The response's token of the next page.
const TOKENS: &[&str] = &["NextToken"];

/// How an API pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `PageNumber` / `PageSize`, `TotalCount` in the response.
    Number,
    /// `NextToken` in the request and the response.
    Token,
}

/// A paging API, read from the IR: the fields a paginator reads and writes.
#[derive(Debug, Clone)]
pub struct Paging<'a> {
    pub style: Style,
    /// `PageNumber` or `NextToken` (top-level request field).
    pub cursor: &'a Field,
    /// `PageSize` or `MaxResults`, when the request has it.
    pub size: Option<&'a Field>,
    /// The response object members from the top down to the level that holds the total or
    /// token (empty: the response itself).
    pub container: Vec<&'a Field>,
    /// `TotalCount` or the response's `NextToken`, in the container.
    pub progress: &'a Field,
    /// From the container down to the list of items: the list, or its wrapper then the list.
    pub items: Vec<&'a Field>,
}

fn named<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

/// The first of `names` that `fields` has.
fn any_named<'a>(fields: &'a [Field], names: &[&str]) -> Option<&'a Field> {
    names.iter().find_map(|n| named(fields, n))
}

/// A page number, size or total: a number, or text that holds one (never a generated enum).
fn countable(f: &Field) -> bool {
    matches!(f.ty, Type::Integer | Type::Long) || (matches!(f.ty, Type::String) && !is_enum(f))
}

fn text(f: &Field) -> bool {
    matches!(f.ty, Type::String) && !is_enum(f)
}

/// Whether `api` pages, and how: `Ok(None)` when its request has no page number or token,
/// `Err(why)` when it looks like paging but no paginator can be made.
pub fn detect(api: &Api) -> Result<Option<Paging<'_>>, String> {
    let (style, cursor, size, progress_name) = if let Some(page) = named(&api.request, "PageNumber")
    {
        let Some(size) = named(&api.request, "PageSize") else {
            return Err("the request has `PageNumber` but no `PageSize`".into());
        };
        if !countable(page) || !countable(size) {
            return Err("`PageNumber` or `PageSize` is neither a number nor text".into());
        }
        (Style::Number, page, Some(size), TOTALS)
    } else if let Some(token) = named(&api.request, "NextToken") {
        if !text(token) {
            return Err("the request's `NextToken` is not text".into());
        }
        let size = named(&api.request, "MaxResults").filter(|f| countable(f));
        (Style::Token, token, size, TOKENS)
    } else {
        return Ok(None);
    };
    // The level that holds the total or token: the response, or its one object member that does.
    let (container, level): (Vec<&Field>, &[Field]) =
        if any_named(&api.response, progress_name).is_some() {
            (Vec::new(), &api.response)
        } else {
            let holders: Vec<&Field> = api
                .response
                .iter()
                .filter(|f| f.ty == Type::Object && any_named(&f.children, progress_name).is_some())
                .collect();
            match holders[..] {
                [one] => (vec![one], &one.children),
                [] => {
                    return Err(format!(
                        "the response has no `{}`",
                        progress_name.join("` or `")
                    ))
                }
                _ => {
                    return Err(format!(
                        "several response objects hold a `{}`",
                        progress_name[0]
                    ))
                }
            }
        };
    let progress = any_named(level, progress_name).expect("found above");
    let usable = match style {
        Style::Number => countable(progress),
        Style::Token => text(progress),
    };
    if !usable {
        return Err(format!(
            "the response's `{}` is not {}",
            progress.name,
            match style {
                Style::Number => "a number or text",
                Style::Token => "text",
            }
        ));
    }
    let lists: Vec<Vec<&Field>> = level
        .iter()
        .filter_map(|f| match f.ty {
            Type::Array => Some(vec![f]),
            Type::Object => match &f.children[..] {
                [only] if only.ty == Type::Array => Some(vec![f, only]),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let items = match &lists[..] {
        [one] => one.clone(),
        [] => {
            return Err(format!(
                "no list beside `{}` holds the page's items",
                progress.name
            ))
        }
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|path| {
                    let names: Vec<&str> = path.iter().map(|f| f.name.as_str()).collect();
                    format!("`{}`", names.join("."))
                })
                .collect();
            return Err(format!(
                "several lists could hold the page's items ({}); which one does is not known",
                names.join(", ")
            ));
        }
    };
    let mut involved = [cursor, progress]
        .into_iter()
        .chain(size)
        .chain(container.iter().copied())
        .chain(items.iter().copied());
    if let Some(f) = involved.find(|f| naming::snake(&f.name).is_none()) {
        return Err(format!("`{}` cannot be a Rust name", f.name));
    }
    Ok(Some(Paging {
        style,
        cursor,
        size,
        container,
        progress,
        items,
    }))
}

/// A field planned: its Rust name and shape, found by the IR field it was planned from.
pub fn planned<'p, 'a>(fields: &'p [Planned<'a>], field: &Field) -> Option<&'p Planned<'a>> {
    fields.iter().find(|p| std::ptr::eq(p.field, field))
}

/// The planned fields along a path of IR fields, from `fields` down.
pub fn planned_path<'p, 'a>(
    mut fields: &'p [Planned<'a>],
    path: &[&Field],
) -> Option<Vec<&'p Planned<'a>>> {
    let mut out = Vec::new();
    for f in path {
        let p = planned(fields, f)?;
        out.push(p);
        fields = &p.children;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, ty: Type, children: Vec<Field>) -> Field {
        let mut f = Field::bare(name, ty, 1);
        f.children = children;
        f
    }

    fn api(request: Vec<Field>, response: Vec<Field>) -> Api {
        let mut api: Api = serde_json::from_str(
            r#"{"name":"DescribeThings","product":"P","version":"v","style":"RPC","summary":"","sources":[],"request":[],"response":[],"errors":[],"examples":{}}"#,
        )
        .unwrap();
        api.request = request;
        api.response = response;
        api
    }

    fn numbers() -> Vec<Field> {
        vec![
            field("pagenumber", Type::Integer, vec![]),
            field("PageSize", Type::Integer, vec![]),
        ]
    }

    #[test]
    fn page_numbers_with_a_wrapped_list() {
        let list = field(
            "Thing",
            Type::Array,
            vec![field("Id", Type::String, vec![])],
        );
        let a = api(
            numbers(),
            vec![
                field("Things", Type::Object, vec![list]),
                field("TotalCount", Type::Integer, vec![]),
                field("RequestId", Type::String, vec![]),
            ],
        );
        let p = detect(&a).unwrap().unwrap();
        assert_eq!(p.style, Style::Number);
        assert!(p.container.is_empty());
        let names: Vec<&str> = p.items.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Things", "Thing"]);
    }

    #[test]
    fn tokens_inside_a_data_object() {
        let a = api(
            vec![
                field("NextToken", Type::String, vec![]),
                field("MaxResults", Type::Integer, vec![]),
            ],
            vec![field(
                "Data",
                Type::Object,
                vec![
                    field("nextToken", Type::String, vec![]),
                    field("Items", Type::Array, vec![]),
                ],
            )],
        );
        let p = detect(&a).unwrap().unwrap();
        assert_eq!(p.style, Style::Token);
        assert_eq!(p.container[0].name, "Data");
        assert_eq!(p.items[0].name, "Items");
        assert_eq!(p.size.map(|f| f.name.as_str()), Some("MaxResults"));
    }

    #[test]
    fn exceptions() {
        // Not paging at all.
        assert!(detect(&api(vec![], vec![])).unwrap().is_none());
        // Two lists: which one pages is not known.
        let two = api(
            numbers(),
            vec![
                field("TotalCount", Type::Integer, vec![]),
                field("A", Type::Array, vec![]),
                field("B", Type::Array, vec![]),
            ],
        );
        assert!(detect(&two).unwrap_err().contains("`A`, `B`"));
        // No total.
        let none = api(numbers(), vec![field("A", Type::Array, vec![])]);
        assert!(detect(&none).unwrap_err().contains("TotalCount"));
        // `Total` stands for `TotalCount`.
        let total = api(
            numbers(),
            vec![
                field("Total", Type::Integer, vec![]),
                field("A", Type::Array, vec![]),
            ],
        );
        assert_eq!(detect(&total).unwrap().unwrap().progress.name, "Total");
        // No list.
        let empty = api(numbers(), vec![field("TotalCount", Type::Integer, vec![])]);
        assert!(detect(&empty).is_err());
        // A page number without a size.
        let no_size = api(vec![field("PageNumber", Type::Integer, vec![])], vec![]);
        assert!(detect(&no_size).is_err());
    }
}
