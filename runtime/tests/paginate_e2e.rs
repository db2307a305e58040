//! Paginated calls over the loopback server, in both styles: every page requested with the
//! caller's other parameters, every item yielded once, the walk ends on the last page, on a
//! server that never stops, and after the first error.
#![cfg(feature = "reqwest")]

mod support;

use std::fmt;

use aliyun_runtime::client::Client;
use aliyun_runtime::paginate::{Page, PageNumberRequest, TokenRequest};
use aliyun_runtime::{ApiError, Credentials, Request, SdkError, ValidationError};
use support::{reply, Seen, Server};

#[derive(Debug, PartialEq)]
struct ListError(String);

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ApiError for ListError {
    fn from_code(code: &str, _message: &str) -> Self {
        ListError(code.to_string())
    }
    fn code(&self) -> &str {
        &self.0
    }
}

/// Like `DescribeVpcs`: `Vpcs.Vpc[]` with `TotalCount`, and a `NextToken` in the token style.
#[derive(Debug, serde::Deserialize)]
struct ListResponse {
    #[serde(rename = "TotalCount", default)]
    total_count: Option<u64>,
    #[serde(rename = "NextToken", default)]
    next_token: Option<String>,
    #[serde(rename = "Vpcs", default)]
    vpcs: Vpcs,
}

#[derive(Debug, Default, serde::Deserialize)]
struct Vpcs {
    #[serde(rename = "Vpc", default)]
    vpc: Vec<Vpc>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Vpc {
    #[serde(rename = "VpcId")]
    vpc_id: String,
}

impl Page for ListResponse {
    type Item = Vpc;
    fn items(&self) -> &[Vpc] {
        &self.vpcs.vpc
    }
    fn into_items(self) -> Vec<Vpc> {
        self.vpcs.vpc
    }
    fn total_count(&self) -> Option<u64> {
        self.total_count
    }
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }
}

#[derive(Debug, Clone, Default)]
struct ListVpcs {
    region_id: String,
    page_number: Option<u64>,
    page_size: Option<u64>,
    next_token: Option<String>,
    max_results: Option<u64>,
}

impl Request for ListVpcs {
    type Response = ListResponse;
    type Error = ListError;
    const ACTION: &'static str = "DescribeVpcs";
    const VERSION: &'static str = "2016-04-28";
    const PRODUCT: &'static str = "Vpc";
    const CLIENT_TOKEN: Option<&'static str> = None;
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
    fn to_query(&self) -> Vec<(String, String)> {
        let mut q = vec![
            ("Action".to_string(), Self::ACTION.to_string()),
            ("RegionId".to_string(), self.region_id.clone()),
        ];
        let mut opt = |name: &str, v: Option<String>| {
            if let Some(v) = v {
                q.push((name.to_string(), v));
            }
        };
        opt("PageNumber", self.page_number.map(|n| n.to_string()));
        opt("PageSize", self.page_size.map(|n| n.to_string()));
        opt("NextToken", self.next_token.clone());
        opt("MaxResults", self.max_results.map(|n| n.to_string()));
        q.sort();
        q
    }
}

impl PageNumberRequest for ListVpcs {
    fn page_number(&self) -> Option<u64> {
        self.page_number
    }
    fn page_size(&self) -> Option<u64> {
        self.page_size
    }
    fn set_page_number(&mut self, page: u64) {
        self.page_number = Some(page);
    }
}

impl TokenRequest for ListVpcs {
    fn set_next_token(&mut self, token: &str) {
        self.next_token = Some(token.to_string());
    }
}

/// `n` items named `vpc-<first>`…, as a page body.
fn page(first: usize, n: usize, extra: &str) -> String {
    let items: Vec<String> = (first..first + n)
        .map(|i| format!(r#"{{"VpcId":"vpc-{i}"}}"#))
        .collect();
    format!(
        r#"{{"RequestId":"R",{extra}"Vpcs":{{"Vpc":[{}]}}}}"#,
        items.join(",")
    )
}

fn client(server: &Server) -> Client {
    Client::builder("Vpc")
        .credentials(Credentials::new("id", "secret"))
        .endpoint(server.url())
        .max_retries(0)
        .build()
        .unwrap()
}

fn ids(items: &[Vpc]) -> Vec<String> {
    items.iter().map(|v| v.vpc_id.clone()).collect()
}

fn expected(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("vpc-{i}")).collect()
}

/// 25 VPCs, 10 per page, by page number.
fn numbered(seen: &Seen) -> support::Reply {
    let page_number: usize = seen.param("PageNumber").unwrap().parse().unwrap();
    let size: usize = seen.param("PageSize").unwrap_or("10").parse().unwrap();
    let first = (page_number - 1) * size;
    let n = size.min(25usize.saturating_sub(first));
    reply(200, page(first, n, r#""TotalCount":25,"#))
}

#[tokio::test]
async fn page_numbers_walk_three_pages_and_yield_every_item_once() {
    let server = Server::start(numbered).await;
    let request = ListVpcs {
        region_id: "cn-hangzhou".into(),
        page_size: Some(10),
        ..Default::default()
    };
    let mut items = client(&server).paginate_by_number(request).items();
    let mut got = Vec::new();
    while let Some(item) = items.next().await {
        got.push(item.unwrap());
    }
    assert_eq!(ids(&got), expected(25));
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s.param("PageNumber"), Some((i + 1).to_string().as_str()));
        // The caller's other parameters on every page.
        assert_eq!(s.param("PageSize"), Some("10"));
        assert_eq!(s.param("RegionId"), Some("cn-hangzhou"));
        assert_eq!(s.param("Action"), Some("DescribeVpcs"));
    }
}

#[tokio::test]
async fn page_numbers_as_pages_from_the_callers_page() {
    let server = Server::start(numbered).await;
    let request = ListVpcs {
        region_id: "cn-hangzhou".into(),
        page_number: Some(2),
        page_size: Some(10),
        ..Default::default()
    };
    let mut pages = client(&server).paginate_by_number(request).pages();
    let mut lengths = Vec::new();
    while let Some(page) = pages.next().await {
        lengths.push(page.unwrap().items().len());
    }
    assert_eq!(lengths, [10, 5]);
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn tokens_walk_three_pages_and_yield_every_item_once() {
    let server = Server::start(|seen| match seen.param("NextToken") {
        None => reply(200, page(0, 4, r#""NextToken":"t-1","#)),
        Some("t-1") => reply(200, page(4, 4, r#""NextToken":"t-2","#)),
        Some("t-2") => reply(200, page(8, 2, r#""NextToken":"","#)),
        Some(_) => reply(400, r#"{"Code":"InvalidNextToken"}"#),
    })
    .await;
    let request = ListVpcs {
        region_id: "cn-shanghai".into(),
        max_results: Some(4),
        ..Default::default()
    };
    let mut items = client(&server).paginate_by_token(request).items();
    let mut got = Vec::new();
    while let Some(item) = items.next().await {
        got.push(item.unwrap());
    }
    assert_eq!(ids(&got), expected(10));
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    let tokens: Vec<Option<&str>> = seen.iter().map(|s| s.param("NextToken")).collect();
    assert_eq!(tokens, [None, Some("t-1"), Some("t-2")]);
    assert!(seen
        .iter()
        .all(|s| s.param("MaxResults") == Some("4") && s.param("RegionId") == Some("cn-shanghai")));
}

#[tokio::test]
async fn servers_that_never_stop_are_stopped() {
    // The same token forever.
    let server = Server::start(|_| reply(200, page(0, 2, r#""NextToken":"again","#))).await;
    let mut pages = client(&server)
        .paginate_by_token(ListVpcs::default())
        .pages();
    let mut n = 0;
    while let Some(page) = pages.next().await {
        page.unwrap();
        n += 1;
    }
    assert_eq!((n, server.count()), (2, 2));

    // A total that is never reached, and then an empty page.
    let server = Server::start(|seen| {
        if seen.param("PageNumber") == Some("1") {
            reply(200, page(0, 3, r#""TotalCount":1000,"#))
        } else {
            reply(200, page(0, 0, r#""TotalCount":1000,"#))
        }
    })
    .await;
    let mut pages = client(&server)
        .paginate_by_number(ListVpcs::default())
        .pages();
    let mut n = 0;
    while let Some(page) = pages.next().await {
        page.unwrap();
        n += 1;
    }
    assert_eq!((n, server.count()), (2, 2));
}

#[tokio::test]
async fn the_first_error_is_yielded_and_ends_the_walk() {
    let server = Server::start(|seen| match seen.param("PageNumber") {
        Some("1") => reply(200, page(0, 10, r#""TotalCount":30,"#)),
        _ => reply(
            400,
            r#"{"RequestId":"R2","Code":"Throttling.User","Message":"slow"}"#,
        ),
    })
    .await;
    let mut items = client(&server)
        .paginate_by_number(ListVpcs {
            page_size: Some(10),
            ..Default::default()
        })
        .items();
    let mut ok = 0;
    let mut errors = Vec::new();
    while let Some(item) = items.next().await {
        match item {
            Ok(_) => ok += 1,
            Err(e) => errors.push(e),
        }
    }
    assert_eq!(ok, 10);
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(&errors[0], SdkError::Service(e) if e.code == "Throttling.User"),
        "{:?}",
        errors[0]
    );
    assert_eq!(server.count(), 2);
}

/// The streams are `futures_core::Stream`s (usable with any stream combinator crate).
#[allow(dead_code)]
fn streams_are_streams(client: &Client) {
    fn is_stream<S: futures_core::Stream + Send + Unpin>(_: S) {}
    is_stream(client.paginate_by_number(ListVpcs::default()).pages());
    is_stream(client.paginate_by_token(ListVpcs::default()).items());
}
