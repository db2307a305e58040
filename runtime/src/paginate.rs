//! Paging: the traits generated request and response types implement for APIs that return
//! one page at a time, and the rules that decide the next page. The client walks them
//! (`Client::paginate_by_number`, `Client::paginate_by_token`, feature `reqwest`).
//!
//! Two styles exist in the docs:
//!
//! - **page numbers**: the request has `PageNumber` (1-based) and `PageSize`, the response a
//!   `TotalCount` ([`PageNumberRequest`]);
//! - **tokens**: the request has `NextToken` (and `MaxResults`), the response the `NextToken`
//!   of the following page ([`TokenRequest`]).
//!
//! The walk stops on the last page: no next token (or the same token again), `page × size ≥
//! TotalCount`, a page shorter than the page size when no total is given, or an empty page,
//! so a server that never says "done" still ends. The caller's other parameters are kept: each
//! page is requested with a copy of the caller's request where only the page or token differs.

use crate::api::Request;

/// One page of a paged API's response.
pub trait Page {
    /// One listed item.
    type Item;
    /// The items of this page (empty when the list is absent).
    fn items(&self) -> &[Self::Item];
    /// The items, taken out.
    fn into_items(self) -> Vec<Self::Item>;
    /// `TotalCount`, when the API gives one.
    fn total_count(&self) -> Option<u64> {
        None
    }
    /// The token of the next page (`NextToken`); `None` or empty on the last page.
    fn next_token(&self) -> Option<&str> {
        None
    }
}

/// A request of an API that pages by `PageNumber` / `PageSize`.
pub trait PageNumberRequest: Request + Clone
where
    Self::Response: Page,
{
    /// The caller's page number, where the walk starts (1 when unset).
    fn page_number(&self) -> Option<u64>;
    /// The caller's page size (when unset, the size of the first page is taken as it).
    fn page_size(&self) -> Option<u64>;
    /// Asks for page `page` (1-based).
    fn set_page_number(&mut self, page: u64);
}

/// A request of an API that pages by `NextToken`.
pub trait TokenRequest: Request + Clone
where
    Self::Response: Page,
{
    /// Asks for the page after the one that gave `token`.
    fn set_next_token(&mut self, token: &str);
}

/// Where a walk is: what the next request is computed from. (The paginator that walks is
/// behind the `reqwest` feature; the rules are here so they are tested without it.)
#[cfg_attr(not(feature = "reqwest"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cursor {
    Number {
        /// The page just fetched.
        page: u64,
        /// The caller's page size, or the first page's length.
        size: Option<u64>,
    },
    Token {
        /// The token that asked for the page just fetched.
        previous: Option<String>,
    },
}

#[cfg_attr(not(feature = "reqwest"), allow(dead_code))]
impl Cursor {
    /// The next page to ask for, after a page of `len` items with `total` and `next_token`;
    /// `None` on the last page.
    pub(crate) fn advance(
        &mut self,
        len: usize,
        total: Option<u64>,
        next_token: Option<&str>,
    ) -> Option<Step> {
        if len == 0 {
            return None;
        }
        match self {
            Cursor::Number { page, size } => {
                let size = *size.get_or_insert(len as u64);
                let last = match total {
                    Some(total) => page.saturating_mul(size) >= total,
                    None => (len as u64) < size,
                };
                if last {
                    return None;
                }
                *page += 1;
                Some(Step::Page(*page))
            }
            Cursor::Token { previous } => {
                let token = next_token.map(str::trim).filter(|t| !t.is_empty())?;
                if previous.as_deref() == Some(token) {
                    return None;
                }
                *previous = Some(token.to_string());
                Some(Step::Token(token.to_string()))
            }
        }
    }
}

/// What changes in the next request.
#[cfg_attr(not(feature = "reqwest"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Page(u64),
    Token(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_stop_at_the_total() {
        // 25 items, 10 per page: pages 1, 2, 3.
        let mut c = Cursor::Number {
            page: 1,
            size: Some(10),
        };
        assert_eq!(c.advance(10, Some(25), None), Some(Step::Page(2)));
        assert_eq!(c.advance(10, Some(25), None), Some(Step::Page(3)));
        assert_eq!(c.advance(5, Some(25), None), None);
        // Exactly 20: page 2 is the last.
        let mut c = Cursor::Number {
            page: 1,
            size: Some(10),
        };
        assert_eq!(c.advance(10, Some(20), None), Some(Step::Page(2)));
        assert_eq!(c.advance(10, Some(20), None), None);
    }

    #[test]
    fn page_numbers_without_total_or_size() {
        // The first page's length is the size; a shorter page is the last.
        let mut c = Cursor::Number {
            page: 1,
            size: None,
        };
        assert_eq!(c.advance(4, None, None), Some(Step::Page(2)));
        assert_eq!(c.advance(4, None, None), Some(Step::Page(3)));
        assert_eq!(c.advance(3, None, None), None);
        // A server claiming a huge total but sending nothing: the empty page ends it.
        let mut c = Cursor::Number {
            page: 7,
            size: Some(10),
        };
        assert_eq!(c.advance(0, Some(1_000_000), None), None);
    }

    #[test]
    fn tokens_stop_when_absent_empty_or_repeated() {
        let mut c = Cursor::Token { previous: None };
        assert_eq!(
            c.advance(2, None, Some("t1")),
            Some(Step::Token("t1".into()))
        );
        assert_eq!(
            c.advance(2, None, Some("t2")),
            Some(Step::Token("t2".into()))
        );
        assert_eq!(c.advance(2, None, Some("t2")), None);
        let mut c = Cursor::Token { previous: None };
        assert_eq!(c.advance(2, None, Some("  ")), None);
        let mut c = Cursor::Token { previous: None };
        assert_eq!(c.advance(2, None, None), None);
        let mut c = Cursor::Token { previous: None };
        assert_eq!(c.advance(0, None, Some("t1")), None);
    }
}
