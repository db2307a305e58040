//! Product-level pages: endpoint tables (region → host), request-structure and
//! common-parameter pages (the API `Version`), API overviews. A spec folder may hold them beside
//! the API docs; they are recognised by their content, never by their file name, and read
//! outside the API pipeline ([`super::parse_doc`]): [`read`] gives what a page states, and
//! [`crate::service`] settles what the crate uses from all of a folder's pages.
//!
//! What a page states:
//!
//! - **the API version**: the `Version` row of a common-parameters table (a parameter table
//!   whose rows are mostly the RPC common parameters: `AccessKeyId`, `Signature`, …), the date
//!   its description gives (`取值：2016-04-28`, `Set the value to 2016-04-28`); else a sentence
//!   about the version (`VPN网关的API版本是2016-04-28`). Dates in code blocks (signature
//!   examples, often of another version) are not read;
//! - **the product code**: an OpenAPI Explorer link (`api.aliyun.com/#/?product=CCC`);
//! - **endpoints**: a table with a column of hosts (`metrics.cn-qingdao.aliyuncs.com`) headed
//!   as an endpoint column (`Endpoint`, `服务地址`, `接入地址`, `域名`, …; a DNS record column is
//!   not one). The region of a row is its region-ID column's (`RegionId`, `地域ID`, or a column
//!   of region IDs), else the region ID one of its hosts names (`metrics.cn-qingdao…` →
//!   `cn-qingdao`); a row naming no region (`Default`) gives a default host. A column headed
//!   VPC, internal or intranet (`VPC endpoint`, `内网Endpoint`) holds VPC hosts;
//! - **the endpoint rule**: a host pattern with a region placeholder
//!   (`mse.[RegionId].aliyuncs.com`, `vod.{ApiRegion}.aliyuncs.com`), or one host stated as the
//!   endpoint (`服务接入地址为vpc.aliyuncs.com`, `The endpoint is smc.aliyuncs.com`).

use super::doc::Block;
use super::identity::{explorer_link, is_api_name, RPC_COMMON_PARAMETERS};
use super::rows::{cell, param_columns};
use super::table::RawTable;
use super::text;
use crate::diagnostics::Diagnostic;
use crate::model::Network;

/// Header words of a column that holds endpoints (lower-cased).
const ENDPOINT_HEADERS: &[&str] = &[
    "endpoint",
    "服务地址",
    "接入地址",
    "接入点",
    "服务入口",
    "域名",
    "domain",
    "host",
    "address",
    "url",
];

/// Header words of a host column that is no endpoint (a DNS record to create, an IP range).
const NOT_ENDPOINT_HEADERS: &[&str] = &["cname", "记录", "record", "vip", "网段"];

/// Header words of a column of VPC-internal hosts.
const VPC_HEADERS: &[&str] = &["vpc", "内网", "internal", "intranet", "私网", "专有网络"];

/// Header words of a column of public hosts.
const PUBLIC_HEADERS: &[&str] = &["public", "公网", "外网", "internet"];

/// Header words of a region-ID column.
const REGION_ID_HEADERS: &[&str] = &[
    "region id",
    "regionid",
    "region_id",
    "地域id",
    "地域 id",
    "区域id",
    "区域标识",
    "地域标识",
    "地域代码",
];

/// Header words of a column naming regions (by name or ID).
const REGION_HEADERS: &[&str] = &["region", "地域", "区域"];

/// Words of a sentence that states the endpoint (lower-cased).
const ENDPOINT_WORDS: &[&str] = &[
    "endpoint",
    "end point",
    "服务地址",
    "接入地址",
    "接入点",
    "服务入口",
];

/// Words of a sentence that states the API version (lower-cased).
const VERSION_WORDS: &[&str] = &["version", "版本"];

/// A value a page states, with its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    pub value: String,
    pub line: usize,
    /// The sentence that states it (hosts stated in prose), lower-cased; empty otherwise.
    pub context: String,
}

impl Stated {
    fn at(value: String, line: usize) -> Self {
        Stated {
            value,
            line,
            context: String::new(),
        }
    }
}

/// One row of an endpoint table: a region's host on one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEndpoint {
    pub region: String,
    pub network: Network,
    pub host: String,
    pub line: usize,
}

/// An endpoint table of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointTable {
    pub line: usize,
    pub rows: Vec<TableEndpoint>,
    /// Hosts of rows that name no region (`Default`).
    pub default_hosts: Vec<Stated>,
}

impl EndpointTable {
    /// The regions the table lists, each once.
    pub fn regions(&self) -> usize {
        let mut seen: Vec<&str> = self.rows.iter().map(|r| r.region.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

/// What one product page states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductPage {
    pub file: String,
    /// The `Version` row of a common-parameters table.
    pub versions: Vec<Stated>,
    /// Versions stated in sentences (`…的API版本是2016-04-28`).
    pub prose_versions: Vec<Stated>,
    /// Product codes of OpenAPI Explorer links.
    pub products: Vec<Stated>,
    /// Hosts a sentence states as the endpoint, without a region placeholder.
    pub hosts: Vec<Stated>,
    /// Prefixes of host patterns with a region placeholder (`mse` of
    /// `mse.[RegionId].aliyuncs.com`).
    pub patterns: Vec<Stated>,
    pub tables: Vec<EndpointTable>,
    /// Whether a table lists APIs (an API overview).
    pub overview: bool,
    /// Whether the page describes the calling protocol (a request-structure or signature page:
    /// it names the common parameters of every call).
    pub protocol: bool,
}

impl ProductPage {
    /// Whether the page holds a table only a product page has: an endpoint table or a
    /// common-parameters table with the version.
    pub fn has_product_table(&self) -> bool {
        !self.tables.is_empty() || !self.versions.is_empty()
    }

    /// Whether anything on the page makes it a product page.
    pub fn is_product_page(&self) -> bool {
        self.has_product_table()
            || self.overview
            || self.protocol
            || !self.prose_versions.is_empty()
            || !self.products.is_empty()
            || !self.hosts.is_empty()
            || !self.patterns.is_empty()
    }

    /// Every version the page states (table first).
    pub fn stated_versions(&self) -> impl Iterator<Item = &Stated> {
        self.versions.iter().chain(&self.prose_versions)
    }

    /// One line saying what the page gave.
    fn summary(&self) -> String {
        let mut parts = Vec::new();
        let values = |list: &[Stated]| {
            let mut v: Vec<String> = list
                .iter()
                .map(|s| format!("`{}` (line {})", s.value, s.line))
                .collect();
            v.dedup();
            v.join(", ")
        };
        if !self.versions.is_empty() {
            parts.push(format!("version {}", values(&self.versions)));
        } else if !self.prose_versions.is_empty() {
            parts.push(format!("version {}", values(&self.prose_versions)));
        }
        if !self.products.is_empty() {
            parts.push(format!("product {}", values(&self.products)));
        }
        for t in &self.tables {
            parts.push(format!(
                "an endpoint table of {} regions (line {})",
                t.regions(),
                t.line
            ));
        }
        if !self.patterns.is_empty() {
            parts.push(format!(
                "the host pattern prefix {}",
                values(&self.patterns)
            ));
        }
        if !self.hosts.is_empty() {
            parts.push(format!("the endpoint {}", values(&self.hosts)));
        }
        if parts.is_empty() {
            "read as a product page (an API overview, request structure or signature page); it states no version or endpoint"
                .to_string()
        } else {
            format!("read as a product page: {}", parts.join("; "))
        }
    }
}

/// Reads a document as a product page; `None` when nothing in it is product-level.
pub fn read(file: &str, source: &str) -> Option<(ProductPage, Vec<Diagnostic>)> {
    let blocks = super::sections::blocks(source);
    let mut page = ProductPage {
        file: file.to_string(),
        ..ProductPage::default()
    };
    // The heading a table sits under says which network its hosts serve when its header does
    // not (`## 经典网络及VPC网络服务入口`).
    let mut heading = "";
    for block in &blocks {
        match block {
            Block::Heading { text, .. } => heading = text,
            Block::Table(t) => read_table(t, heading, &mut page),
            Block::Paragraph { text, links, line } => {
                for link in links {
                    if let Some(product) = explorer_link(link).and_then(|l| l.product) {
                        page.products.push(Stated::at(product, *line));
                    }
                }
                read_prose(&text::unescape(text), *line, &mut page);
            }
            Block::Code { .. } => {}
        }
    }
    page.protocol |= names_common_parameters(source);
    if !page.is_product_page() {
        return None;
    }
    let note = Diagnostic::note(file, 0, "product-page", page.summary());
    Some((page, vec![note]))
}

fn read_table(t: &RawTable, heading: &str, page: &mut ProductPage) {
    if let Some(versions) = common_parameter_versions(t) {
        page.versions.extend(versions);
        return;
    }
    if let Some(table) = endpoint_table(t, header_has(heading, VPC_HEADERS)) {
        page.tables.push(table);
        return;
    }
    if lists_apis(t) {
        page.overview = true;
    }
    if lists_common_headers(t) {
        page.protocol = true;
    }
    // Cells are prose too: a request-structure table states the endpoint pattern in a cell.
    for row in &t.rows {
        for c in &row.cells {
            read_prose(&text::clean_cell(c), row.line, page);
        }
    }
}

/// The `Version` of a common-parameters table: a parameter table whose rows are mostly the RPC
/// common parameters, `Version` among them; its date from the description (else any cell).
fn common_parameter_versions(t: &RawTable) -> Option<Vec<Stated>> {
    let columns = param_columns(&t.header);
    let name_of = |cells: &[String]| text::plain(&text::clean_value(cell(cells, columns.name)));
    let names: Vec<String> = t.rows.iter().map(|r| name_of(&r.cells)).collect();
    let common = names
        .iter()
        .filter(|n| RPC_COMMON_PARAMETERS.contains(&n.as_str()))
        .count();
    if columns.name.is_none() || common < 3 || common * 2 < names.len() {
        return None;
    }
    let row = t.rows.iter().find(|r| name_of(&r.cells) == "Version")?;
    let description = cell(&row.cells, columns.description);
    let mut dates = dates_in(&text::clean_cell(description));
    if dates.is_empty() {
        dates = row
            .cells
            .iter()
            .flat_map(|c| dates_in(&text::clean_cell(c)))
            .collect();
    }
    // The value the description sets comes last (`YYYY-MM-DD format … Set the value to X`).
    let date = dates.pop()?;
    Some(vec![Stated::at(date, row.line)])
}

/// Dates `YYYY-MM-DD` in a text, not part of a query (`Version=2014-05-26`).
fn dates_in(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 10 <= b.len() {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_alphanumeric());
        let in_query = i > 0 && b[i - 1] == b'=';
        if shape && bounded && !in_query {
            out.push(s[i..i + 10].to_string());
            i += 10;
        } else {
            i += 1;
        }
    }
    out
}

/// A region ID as the tables and hosts write it: two letters, then words and numbers joined by
/// hyphens, the first a word (`cn-hangzhou`, `ap-southeast-1`, `cn-north-2-gov-1`).
pub fn is_region_id(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(area), Some(place)) = (parts.next(), parts.next()) else {
        return false;
    };
    area.len() == 2
        && area.bytes().all(|b| b.is_ascii_lowercase())
        && !place.is_empty()
        && place.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A region as a region column may write it: a region ID, or one behind a prefix of the
/// product's own (`oss-cn-hangzhou`).
fn is_region_like(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && s.match_indices('-')
            .map(|(i, _)| &s[i + 1..])
            .chain(std::iter::once(s))
            .any(is_region_id)
}

/// A host name as a cell or sentence writes it (`` `vpc.aliyuncs.com` ``,
/// `https://vpc.aliyuncs.com/`), lower-cased; `None` for anything else.
pub fn host(raw: &str) -> Option<String> {
    let t = text::plain(raw.trim());
    let t = t.trim();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let t = t.split('/').next().unwrap_or(t);
    let t = t.trim_end_matches(['.', '。', ',', '，', ';', ':', ')']);
    let t = t.to_ascii_lowercase();
    let labels: Vec<&str> = t.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let top = labels.last()?;
    (labels.len() >= 3
        && labels.iter().all(label_ok)
        && top.len() >= 2
        && top.bytes().all(|b| b.is_ascii_lowercase()))
    .then_some(t)
}

/// The region ID a host names (`metrics.cn-qingdao.aliyuncs.com` → `cn-qingdao`): the last of
/// its labels before the domain that is a region ID once a network suffix is dropped
/// (`cn-hangzhou-intranet.log…` → `cn-hangzhou`). Labels every host of its column shares
/// (`shared`: `ess-vpc` of `ess-vpc.cn-qingdao…`) are the product's, not a region; when some
/// are known, a region of three letters before the first hyphen counts too (`rus-west-1`).
fn region_in_host(host: &str, shared: &[String]) -> Option<String> {
    let labels: Vec<&str> = host.split('.').collect();
    let before_domain = &labels[..labels.len().saturating_sub(2)];
    let candidates: Vec<&str> = before_domain
        .iter()
        .filter(|l| !shared.iter().any(|s| s == *l))
        .map(|l| {
            VPC_HEADERS
                .iter()
                .find_map(|w| l.strip_suffix(w).and_then(|r| r.strip_suffix('-')))
                .unwrap_or(l)
        })
        .collect();
    let loose = |l: &&&str| {
        !shared.is_empty()
            && l.split_once('-').is_some_and(|(area, rest)| {
                area.len() == 3 && is_region_id(&format!("{}-{rest}", &area[..2]))
            })
    };
    candidates
        .iter()
        .rev()
        .find(|l| is_region_id(l))
        .or_else(|| candidates.iter().rev().find(loose))
        .map(|l| l.to_string())
}

/// The labels every host of a column shares (none for a column of one host).
fn shared_labels(hosts: &[String]) -> Vec<String> {
    let mut hosts = hosts.iter();
    let Some(first) = hosts.next() else {
        return Vec::new();
    };
    let mut shared: Vec<String> = first.split('.').map(str::to_string).collect();
    let mut count = 1;
    for h in hosts {
        let labels: Vec<&str> = h.split('.').collect();
        shared.retain(|l| labels.contains(&l.as_str()));
        count += 1;
    }
    if count < 2 {
        return Vec::new();
    }
    shared
}

fn header_has(header: &str, words: &[&str]) -> bool {
    let h = text::plain(&text::clean_value(header)).to_lowercase();
    words.iter().any(|w| h.contains(w))
}

/// An endpoint table: a column of hosts headed as endpoints, rows with regions. `vpc_section`:
/// the table sits under a heading about VPC or internal access.
fn endpoint_table(t: &RawTable, vpc_section: bool) -> Option<EndpointTable> {
    let cells = |i: usize| {
        t.rows
            .iter()
            .map(move |r| text::clean_value(r.cells.get(i).map(String::as_str).unwrap_or("")))
    };
    let mut host_columns: Vec<(usize, Network)> = Vec::new();
    for (i, h) in t.header.iter().enumerate() {
        if !header_has(h, ENDPOINT_HEADERS) || header_has(h, NOT_ENDPOINT_HEADERS) {
            continue;
        }
        let values: Vec<String> = cells(i).filter(|c| !c.is_empty()).collect();
        let hosts = values.iter().filter(|c| host(c).is_some()).count();
        if hosts == 0 || hosts * 2 < values.len() {
            continue;
        }
        let network = if header_has(h, VPC_HEADERS) {
            Network::Vpc
        } else if header_has(h, PUBLIC_HEADERS) || !vpc_section {
            Network::Public
        } else {
            Network::Vpc
        };
        // One column per network: the first (a second public column is an alternative host).
        if !host_columns.iter().any(|(_, n)| *n == network) {
            host_columns.push((i, network));
        }
    }
    if host_columns.is_empty() {
        return None;
    }
    let region_column = t.header.iter().enumerate().find_map(|(i, h)| {
        let values: Vec<String> = cells(i)
            .map(|c| text::plain(&c))
            .filter(|c| !c.is_empty())
            .collect();
        let by_header = header_has(h, REGION_ID_HEADERS)
            || (header_has(h, REGION_HEADERS) && values.iter().all(|v| is_region_like(v)));
        let by_content = !values.is_empty() && values.iter().all(|v| is_region_id(v));
        (by_header || by_content).then_some(i)
    });
    let shared: Vec<Vec<String>> = host_columns
        .iter()
        .map(|(i, _)| {
            let hosts: Vec<String> = cells(*i).filter_map(|c| host(&c)).collect();
            shared_labels(&hosts)
        })
        .collect();
    let mut table = EndpointTable {
        line: t.line,
        rows: Vec::new(),
        default_hosts: Vec::new(),
    };
    for row in &t.rows {
        let hosts: Vec<(Network, String, &[String])> = host_columns
            .iter()
            .zip(&shared)
            .filter_map(|((i, n), shared)| {
                let c = text::clean_value(row.cells.get(*i).map(String::as_str).unwrap_or(""));
                host(&c).map(|h| (*n, h, &shared[..]))
            })
            .collect();
        let listed = region_column
            .map(|i| text::plain(&text::clean_value(cell(&row.cells, Some(i)))))
            .filter(|r| {
                !r.is_empty()
                    && r.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
        let region = listed.or_else(|| {
            hosts
                .iter()
                .find_map(|(_, h, shared)| region_in_host(h, shared))
        });
        match region {
            Some(region) => table
                .rows
                .extend(hosts.into_iter().map(|(network, host, _)| TableEndpoint {
                    region: region.clone(),
                    network,
                    host,
                    line: row.line,
                })),
            None => table.default_hosts.extend(
                hosts
                    .into_iter()
                    .filter(|(n, _, _)| *n == Network::Public)
                    .map(|(_, h, _)| Stated::at(h, row.line)),
            ),
        }
    }
    (!table.rows.is_empty()).then_some(table)
}

/// Whether a text names at least three of the common parameters every call carries
/// (`SignatureNonce`, `AccessKeyId`, …, or their REST-style headers `x-acs-signature-nonce`):
/// what request-structure and signature pages explain.
fn names_common_parameters(source: &str) -> bool {
    const HEADERS: &[&str] = &[
        "x-acs-signature-nonce",
        "x-acs-signature-method",
        "x-acs-signature-version",
        "x-acs-version",
        "x-acs-date",
        "x-acs-content-sha256",
    ];
    let rpc = RPC_COMMON_PARAMETERS
        .iter()
        .filter(|p| p.len() > 7 && source.contains(*p))
        .count();
    let lower = source.to_ascii_lowercase();
    let roa = HEADERS.iter().filter(|h| lower.contains(*h)).count();
    rpc >= 3 || roa >= 3
}

/// A table of the HTTP headers every REST-style call carries (a common-headers page): a
/// parameter table whose names are mostly header names (`Content-Type`, `x-log-date`,
/// `Authorization`, `Date`).
fn lists_common_headers(t: &RawTable) -> bool {
    const PLAIN_HEADERS: &[&str] = &["Authorization", "Date", "Host", "Connection", "Expect"];
    let columns = param_columns(&t.header);
    if columns.name.is_none() {
        return false;
    }
    let headers = t
        .rows
        .iter()
        .filter(|r| {
            let name = text::plain(&text::clean_value(cell(&r.cells, columns.name)));
            let hyphenated = name.contains('-')
                && name
                    .split('-')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
                && name.starts_with(|c: char| c.is_ascii_alphabetic());
            hyphenated || PLAIN_HEADERS.contains(&name.as_str())
        })
        .count();
    headers >= 3 && headers * 2 >= t.rows.len()
}

/// A table of APIs: no type column (a parameter table has one), and most rows link to a page
/// (`[CreateVpc](…/CreateVpc.md)`, `[查询服务状态](…/查询服务状态.md)`) or name an operation
/// (`CreateLDAPConfig`).
fn lists_apis(t: &RawTable) -> bool {
    if param_columns(&t.header).ty.is_some() {
        return false;
    }
    let operation = |c: &str| {
        let v = text::plain(&text::clean_value(c));
        is_api_name(&v) && v.len() > 3 && v.chars().filter(char::is_ascii_uppercase).count() >= 2
    };
    let naming = t
        .rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| (c.contains("](") && c.contains(".md")) || operation(c))
        })
        .count();
    !t.rows.is_empty() && naming * 2 > t.rows.len()
}

/// Sentences of a paragraph or cell: host patterns, stated endpoints and versions.
fn read_prose(text: &str, line: usize, page: &mut ProductPage) {
    for sentence in sentences(text) {
        let lower = sentence.to_lowercase();
        let states_endpoint = ENDPOINT_WORDS.iter().any(|w| lower.contains(w));
        for token in ascii_tokens(sentence) {
            if let Some(prefix) = pattern_prefix(token) {
                page.patterns.push(Stated::at(prefix, line));
            } else if states_endpoint {
                if let Some(h) = host(token) {
                    page.hosts.push(Stated {
                        value: h,
                        line,
                        context: lower.clone(),
                    });
                }
            }
        }
        if VERSION_WORDS.iter().any(|w| lower.contains(w)) && !sentence.contains("?Action") {
            for date in dates_in(sentence) {
                page.prose_versions.push(Stated::at(date, line));
            }
        }
    }
}

/// Sentences: split at `。`, line breaks and `. ` (a host's dots are not followed by a space).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '\n'])
        .flat_map(|s| s.split(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Runs of the characters a host or host pattern is written with.
fn ascii_tokens(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| {
            !(c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '.' | '-' | '_' | '/' | ':' | '$' | '{' | '}' | '[' | ']' | '<' | '>'
                ))
        })
        .filter(|t| t.contains('.'))
}

/// `mse` of `mse.[RegionId].aliyuncs.com` (also `{RegionId}`, `${RegionId}`, `<RegionId>`,
/// `{ApiRegion}`): one label, a placeholder naming the region, then `aliyuncs.com`.
fn pattern_prefix(token: &str) -> Option<String> {
    let t = token
        .strip_prefix("https://")
        .or_else(|| token.strip_prefix("http://"))
        .unwrap_or(token);
    let t = t.trim_end_matches(['.', '/', ':']);
    let (prefix, rest) = t.split_once('.')?;
    let rest = rest.strip_prefix('$').unwrap_or(rest);
    let close = match rest.chars().next()? {
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    let end = rest.find(close)?;
    let inner = &rest[1..end];
    let after = &rest[end + close.len_utf8()..];
    let prefix = prefix.to_ascii_lowercase();
    (inner.to_lowercase().contains("region")
        && after.eq_ignore_ascii_case(".aliyuncs.com")
        && !prefix.is_empty()
        && prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
    .then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(doc: &str) -> ProductPage {
        read("p.md", doc).expect("a product page").0
    }

    #[test]
    fn region_ids_and_hosts() {
        for id in [
            "cn-hangzhou",
            "ap-southeast-1",
            "cn-north-2-gov-1",
            "cn-hangzhou-finance",
        ] {
            assert!(is_region_id(id), "{id}");
        }
        for not in [
            "ess-vpc",
            "oss-cn-hangzhou",
            "cn",
            "cn-",
            "cn-1",
            "Cn-hangzhou",
            "log",
        ] {
            assert!(!is_region_id(not), "{not}");
        }
        assert_eq!(
            host("`vpc.aliyuncs.com`").as_deref(),
            Some("vpc.aliyuncs.com")
        );
        assert_eq!(
            host("https://DCDN.aliyuncs.com/").as_deref(),
            Some("dcdn.aliyuncs.com")
        );
        assert_eq!(
            host("vpc.aliyuncs.com。").as_deref(),
            Some("vpc.aliyuncs.com")
        );
        for not in [
            "None",
            "无",
            "aliyuncs.com",
            "***.aliyuncs.com",
            "a b.c.com",
            "1.2.3.4",
        ] {
            assert_eq!(host(not), None, "{not}");
        }
        assert_eq!(
            region_in_host("ess-vpc.cn-qingdao.aliyuncs.com", &[]).as_deref(),
            Some("cn-qingdao")
        );
        assert_eq!(
            region_in_host("cn-shanghai-finance-1.log.aliyuncs.com", &[]).as_deref(),
            Some("cn-shanghai-finance-1")
        );
        assert_eq!(
            region_in_host("cn-hangzhou-intranet.log.aliyuncs.com", &[]).as_deref(),
            Some("cn-hangzhou")
        );
        assert_eq!(region_in_host("ess.aliyuncs.com", &[]), None);
        // Three letters count only beside labels the column's hosts share.
        let shared = shared_labels(&[
            "rus-west-1.log.aliyuncs.com".to_string(),
            "cn-beijing.log.aliyuncs.com".to_string(),
        ]);
        assert_eq!(shared, ["log", "aliyuncs", "com"]);
        assert_eq!(
            region_in_host("rus-west-1.log.aliyuncs.com", &shared).as_deref(),
            Some("rus-west-1")
        );
        assert_eq!(region_in_host("rus-west-1.log.aliyuncs.com", &[]), None);
    }

    #[test]
    fn patterns_and_dates() {
        assert_eq!(
            pattern_prefix("mse.[RegionId].aliyuncs.com").as_deref(),
            Some("mse")
        );
        assert_eq!(
            pattern_prefix("iot.${RegionId}.aliyuncs.com").as_deref(),
            Some("iot")
        );
        assert_eq!(
            pattern_prefix("vod.{ApiRegion}.aliyuncs.com.").as_deref(),
            Some("vod")
        );
        assert_eq!(
            pattern_prefix("elasticsearch.<RegionId>.aliyuncs.com").as_deref(),
            Some("elasticsearch")
        );
        assert_eq!(pattern_prefix("instanceName.region.ots.aliyuncs.com"), None);
        assert_eq!(pattern_prefix("{RegionId}.log.aliyuncs.com"), None);
        assert_eq!(
            dates_in("取值：2016-04-28，示例 Version=2014-05-26"),
            ["2016-04-28"]
        );
        assert!(dates_in("12016-04-288").is_empty());
    }

    #[test]
    fn common_parameters_give_the_version_of_the_description() {
        let p = page("# 公共参数\n\n## 公共请求参数\n\n|名称|类型|是否必须|示例值|描述|\n|--|--|--|--|--|\n|Format|String|否|JSON|返回消息的格式。|\n|Version|String|是|2014-08-28|API版本号，使用YYYY-MM-DD日期格式。取值：2019-06-01。|\n|AccessKeyId|String|是|key|密钥ID。|\n|Signature|String|是|x|签名结果串。|\n");
        assert_eq!(p.versions, [Stated::at("2019-06-01".into(), 8)]);
        assert!(p.tables.is_empty());
    }

    #[test]
    fn an_api_table_with_a_version_row_is_not_common_parameters() {
        let doc = "# X\n\n|名称|类型|描述|\n|--|--|--|\n|Version|String|取值：2019-06-01。|\n|InstanceId|String|实例。|\n|Name|String|名称。|\n";
        assert!(read("x.md", doc).is_none());
    }

    #[test]
    fn endpoint_tables_with_region_columns_hosts_and_networks() {
        let p = page("# 服务地域\n\n|服务地域（Region）|RegionId|服务地址|VPC环境服务地址|CNAME记录值|\n|--|--|--|--|--|\n|华北2（北京）|cn-beijing|mts.cn-beijing.aliyuncs.com|mts-vpc.cn-beijing.aliyuncs.com|popunify-vpc.cn-beijing.aliyuncs.com|\n|中国香港|cn-hongkong|mts.cn-hongkong.aliyuncs.com|无|popunify-vpc.cn-hongkong.aliyuncs.com|\n");
        let rows: Vec<(&str, Network, &str)> = p.tables[0]
            .rows
            .iter()
            .map(|r| (r.region.as_str(), r.network, r.host.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("cn-beijing", Network::Public, "mts.cn-beijing.aliyuncs.com"),
                (
                    "cn-beijing",
                    Network::Vpc,
                    "mts-vpc.cn-beijing.aliyuncs.com"
                ),
                (
                    "cn-hongkong",
                    Network::Public,
                    "mts.cn-hongkong.aliyuncs.com"
                ),
            ]
        );
        // Without a region column: the region a host names; a row naming none is a default.
        let p = page("## Endpoints\n\n|Region|Public endpoint|VPC endpoint|\n|--|--|--|\n|Default|ess.aliyuncs.com|None|\n|China \\(Qingdao\\)|ess.aliyuncs.com|ess-vpc.cn-qingdao.aliyuncs.com|\n");
        let t = &p.tables[0];
        assert_eq!(t.default_hosts[0].value, "ess.aliyuncs.com");
        assert_eq!(
            (t.rows[0].region.as_str(), t.rows[0].host.as_str()),
            ("cn-qingdao", "ess.aliyuncs.com")
        );
        assert_eq!(t.rows[1].network, Network::Vpc);
    }

    #[test]
    fn a_vpc_heading_makes_a_plain_endpoint_column_vpc() {
        let p = page("## 经典网络及VPC网络服务入口\n\n|地域|根服务入口|\n|:-|:----|\n|华东1（杭州）|cn-hangzhou-intranet.log.aliyuncs.com|\n|俄罗斯（莫斯科）|rus-west-1-intranet.log.aliyuncs.com|\n");
        let rows: Vec<(&str, Network)> = p.tables[0]
            .rows
            .iter()
            .map(|r| (r.region.as_str(), r.network))
            .collect();
        assert_eq!(
            rows,
            [("cn-hangzhou", Network::Vpc), ("rus-west-1", Network::Vpc)]
        );
    }

    #[test]
    fn prose_states_endpoints_patterns_and_versions_code_does_not() {
        let p = page("# 调用API\n\n-   Endpoint：VPN网关API 的服务接入地址为`vpc.aliyuncs.com`。\n-   Version：要使用的API版本，VPN网关的API版本是2016-04-28。\n\n```\nhttp://vpc.aliyuncs.com/?Action=CreateVpnGateway\n&Version=2014-05-26\n```\n");
        assert_eq!(p.hosts[0].value, "vpc.aliyuncs.com");
        assert_eq!(p.prose_versions.len(), 1);
        assert_eq!(p.prose_versions[0].value, "2016-04-28");
        let p = page("Endpoint：MSE的API服务接入地址为mse.\\[RegionId\\].aliyuncs.com。\n");
        assert_eq!(p.patterns[0].value, "mse");
        assert!(p.hosts.is_empty());
    }

    #[test]
    fn common_header_tables_are_protocol_pages() {
        let p = page("# 公共请求头\n\n|名称|类型|是否必选|描述|\n|--|--|--|--|\n|Authorization|String|是|签名。|\n|Content-Type|String|否|类型。|\n|x-log-date|String|否|时间。|\n|Date|String|是|时间。|\n");
        assert!(p.protocol);
        assert!(!p.overview);
    }

    #[test]
    fn overviews_are_pages_and_prose_alone_is_not() {
        let p = page("# API概览\n\n|API|说明|\n|--|--|\n|[CreateVpnGateway](/a/CreateVpnGateway.md)|创建。|\n|[t2557.md\\#](/a/DescribeVpnGateways.md)|查询。|\n");
        assert!(p.overview);
        let p = page("# API概览\n\n|序号|类别|API|描述|\n|--|--|---|--|\n|1|LDAP|CreateLDAPConfig|用于添加LDAP。|\n|2|LDAP|DeleteLDAPConfig|用于删除LDAP。|\n");
        assert!(p.overview);
        assert!(read("x.md", "# Title\n\nJust prose about a product.\n").is_none());
    }
}
