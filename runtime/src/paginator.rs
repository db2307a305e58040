//! Walking a paged API with the async client (feature `reqwest`): a [`Paginator`] fetches
//! page after page with copies of the caller's request, and turns into a stream of pages
//! ([`Pages`]) or of items ([`Items`]), both `futures_core::Stream`s.
//!
//! ```no_run
//! # use aliyun_runtime::paginate::{Page, PageNumberRequest};
//! # async fn demo<R>(
//! #     client: aliyun_runtime::client::Client,
//! #     request: R,
//! # ) -> Result<(), aliyun_runtime::SdkError<R::Error>>
//! # where
//! #     R: PageNumberRequest + Send + Sync + 'static,
//! #     R::Response: Page + Send,
//! #     <R::Response as Page>::Item: std::fmt::Debug,
//! #     R::Error: Send,
//! # {
//! let mut items = client.paginate_by_number(request).items();
//! while let Some(item) = items.next().await {
//!     println!("{:?}", item?);
//! }
//! # Ok(())
//! # }
//! ```

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::api::Request;
use crate::client::Client;
use crate::error::SdkError;
use crate::paginate::{Cursor, Page, PageNumberRequest, Step, TokenRequest};

type PageResult<R> = Result<<R as Request>::Response, SdkError<<R as Request>::Error>>;

/// Applies a step to a copy of the request.
type Apply<R> = fn(&mut R, &Step);

/// Fetches the pages of one walk, one at a time.
pub struct Paginator<R: Request> {
    client: Client,
    /// The request of the next page; `None` once the walk is over.
    next: Option<R>,
    cursor: Cursor,
    apply: Apply<R>,
}

impl Client {
    /// Walks an API that pages by `PageNumber` / `PageSize`, from the request's page number
    /// (1 when unset) to the last page. See [`crate::paginate`] for when it stops.
    pub fn paginate_by_number<R>(&self, request: R) -> Paginator<R>
    where
        R: PageNumberRequest,
        R::Response: Page,
    {
        let page = request.page_number().unwrap_or(1).max(1);
        let mut first = request.clone();
        first.set_page_number(page);
        Paginator {
            client: self.clone(),
            cursor: Cursor::Number {
                page,
                size: request.page_size().filter(|s| *s > 0),
            },
            next: Some(first),
            apply: |r, step| {
                if let Step::Page(n) = step {
                    r.set_page_number(*n);
                }
            },
        }
    }

    /// Walks an API that pages by `NextToken`, from the request as given (its own token, if
    /// any) to the page without a next token.
    pub fn paginate_by_token<R>(&self, request: R) -> Paginator<R>
    where
        R: TokenRequest,
        R::Response: Page,
    {
        Paginator {
            client: self.clone(),
            cursor: Cursor::Token { previous: None },
            next: Some(request),
            apply: |r, step| {
                if let Step::Token(t) = step {
                    r.set_next_token(t);
                }
            },
        }
    }
}

impl<R> Paginator<R>
where
    R: Request + Clone,
    R::Response: Page,
{
    /// The next page; `None` after the last page, or after an error (which is returned once).
    pub async fn next_page(&mut self) -> Option<PageResult<R>> {
        let request = self.next.take()?;
        let result = self.client.call(&request).await;
        if let Ok(page) = &result {
            if let Some(step) =
                self.cursor
                    .advance(page.items().len(), page.total_count(), page.next_token())
            {
                let mut next = request;
                (self.apply)(&mut next, &step);
                self.next = Some(next);
            }
        }
        Some(result)
    }
}

impl<R> Paginator<R>
where
    R: Request + Clone + Send + Sync + 'static,
    R::Response: Page + Send,
    R::Error: Send,
{
    /// The pages, as a stream.
    pub fn pages(self) -> Pages<R> {
        Pages {
            state: State::Idle(Box::new(self)),
        }
    }

    /// The items of every page, in order, as a stream; an error ends it.
    pub fn items(self) -> Items<R> {
        Items {
            pages: self.pages(),
            buffer: VecDeque::new(),
        }
    }
}

type Fetch<R> = Pin<Box<dyn Future<Output = (Box<Paginator<R>>, Option<PageResult<R>>)> + Send>>;

enum State<R: Request> {
    Idle(Box<Paginator<R>>),
    Busy(Fetch<R>),
    Done,
}

/// The pages of a walk ([`Paginator::pages`]).
pub struct Pages<R: Request> {
    state: State<R>,
}

// The paginator moves by value between states and the future is boxed: nothing is pinned in
// place, whatever `R` is.
impl<R: Request> Unpin for Pages<R> {}

impl<R> Stream for Pages<R>
where
    R: Request + Clone + Send + Sync + 'static,
    R::Response: Page + Send,
    R::Error: Send,
{
    type Item = PageResult<R>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            match std::mem::replace(&mut this.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Idle(mut paginator) => {
                    this.state = State::Busy(Box::pin(async move {
                        let page = paginator.next_page().await;
                        (paginator, page)
                    }));
                }
                State::Busy(mut fetch) => match fetch.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.state = State::Busy(fetch);
                        return Poll::Pending;
                    }
                    Poll::Ready((paginator, page)) => {
                        if page.is_some() {
                            this.state = State::Idle(paginator);
                        }
                        return Poll::Ready(page);
                    }
                },
            }
        }
    }
}

impl<R> Pages<R>
where
    R: Request + Clone + Send + Sync + 'static,
    R::Response: Page + Send,
    R::Error: Send,
{
    /// The next page (what `StreamExt::next` gives, without that crate).
    pub async fn next(&mut self) -> Option<PageResult<R>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

/// The items of every page of a walk ([`Paginator::items`]).
pub struct Items<R: Request>
where
    R::Response: Page,
{
    pages: Pages<R>,
    buffer: VecDeque<<R::Response as Page>::Item>,
}

impl<R: Request> Unpin for Items<R> where R::Response: Page {}

impl<R> Stream for Items<R>
where
    R: Request + Clone + Send + Sync + 'static,
    R::Response: Page + Send,
    R::Error: Send,
{
    type Item = Result<<R::Response as Page>::Item, SdkError<R::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e))),
                Poll::Ready(Some(Ok(page))) => this.buffer.extend(page.into_items()),
            }
        }
    }
}

impl<R> Items<R>
where
    R: Request + Clone + Send + Sync + 'static,
    R::Response: Page + Send,
    R::Error: Send,
{
    /// The next item (what `StreamExt::next` gives, without that crate).
    pub async fn next(&mut self) -> Option<<Self as Stream>::Item> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}
