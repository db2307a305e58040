//! The crate-level facts: which product and version a crate calls and where its endpoints are,
//! settled from its APIs (each API's OpenAPI Explorer link or the configuration) and the
//! product pages of its spec folder ([`crate::parse::product_page`]).
//!
//! - **Product**: the one most of the APIs name, else an Explorer link of a page, else none.
//! - **Version**: the one most of that product's APIs name, else the pages' (`Version` row of the
//!   common parameters before a sentence), else none. APIs that name no product or version take
//!   the crate's (a note says how many).
//! - **Pages**: a page that states only another version is about another API (an old page, the
//!   page of another product copied in): its endpoints are set aside, with a warning.
//! - **Endpoints**: the rows of the pages' endpoint tables, the table listing the most regions
//!   first; a region and network another table gives another host keeps the first, with a
//!   warning.
//! - **Rule** for regions the table does not list: a stated host pattern
//!   (`mse.[RegionId].aliyuncs.com`), else the table's own pattern when its hosts of named
//!   regions are `{prefix}.{region}.aliyuncs.com` with one prefix, else only the table's regions;
//!   without a table, the one host the pages state (`vpc.aliyuncs.com`; among several, one named
//!   after the product code, else the most frequent); with nothing stated, the guess
//!   `{product}.{region}.aliyuncs.com`, with a warning. A table whose hosts follow another
//!   pattern than the stated one, and a host stated in a sentence naming another product of the
//!   folder's APIs, are another service's: set aside, with a warning.

use std::collections::BTreeSet;

use crate::diagnostics::Diagnostic;
use crate::model::{Api, EndpointRule, Network, RegionEndpoint, Service};
use crate::parse::product_page::{ProductPage, Stated};

/// The diagnostic kinds about a crate's service: its product pages and what was settled.
pub const KINDS: &[&str] = &[
    "endpoint-conflict",
    "endpoint-set-aside",
    "endpoint-table-set-aside",
    "link-overrides-config",
    "product-page",
    "product-page-conflict",
    "product-page-other-version",
    "service-endpoints-unknown",
    "service-filled",
    "service-product-unknown",
    "service-version-unknown",
];

/// The most frequent value, compared case-insensitively; ties go to the first seen. Its first
/// spelling.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(String, &'a str, usize)> = Vec::new();
    for v in values.filter(|v| !v.is_empty()) {
        let key = v.to_ascii_lowercase();
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => counts.push((key, v, 1)),
        }
    }
    let best = counts.iter().map(|(_, _, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, _, n)| *n == best)
        .map(|(_, v, _)| v.to_string())
}

fn at(page: &ProductPage, s: &Stated) -> String {
    format!("{}:{}", page.file, s.line)
}

/// Settles the crate's [`Service`] and fills the product and version of APIs that have none.
/// `folder` names the spec folder in crate-level diagnostics; `diagnostics` are the loader's so
/// far (a filled API's `no-product`/`no-version` warning is replaced by one note).
pub fn settle(
    apis: &mut [Api],
    pages: &[ProductPage],
    folder: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Service {
    let mut out = Vec::new();
    let product = settle_product(apis, pages);
    let (version, from_pages) = settle_version(apis, pages, &product, &mut out);
    fill_apis(
        apis,
        &product,
        &version,
        folder,
        from_pages,
        diagnostics,
        &mut out,
    );
    let used = pages_of_version(pages, &version, &mut out);
    let patterns = used
        .iter()
        .flat_map(|p| p.patterns.iter().map(|s| s.value.as_str()));
    let pattern = most_common(patterns);
    let endpoints = endpoint_table(&used, pattern.as_deref(), &mut out);
    let others: Vec<String> = apis
        .iter()
        .map(|a| a.product.to_ascii_lowercase())
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case(&product))
        .collect();
    let rule = endpoint_rule(
        &used, pattern, &endpoints, &product, &others, folder, &mut out,
    );
    report_unknown(&product, &version, folder, &mut out);
    diagnostics.extend(out);
    Service {
        product,
        version,
        rule,
        endpoints,
        pages: used.iter().map(|p| p.file.clone()).collect(),
    }
}

/// The product code most APIs give, else the one most pages state.
fn settle_product(apis: &[Api], pages: &[ProductPage]) -> String {
    let page_products = pages
        .iter()
        .flat_map(|p| p.products.iter().map(|s| s.value.as_str()));
    most_common(apis.iter().map(|a| a.product.as_str()))
        .or_else(|| most_common(page_products))
        .unwrap_or_default()
}

/// The version most of the product's APIs give, else the one most pages state (their version
/// tables, else their prose); every page stating another is reported. Also whether the version
/// comes from the pages alone.
fn settle_version(
    apis: &[Api],
    pages: &[ProductPage],
    product: &str,
    out: &mut Vec<Diagnostic>,
) -> (String, bool) {
    let api_version = most_common(
        apis.iter()
            .filter(|a| a.product.eq_ignore_ascii_case(product))
            .map(|a| a.version.as_str()),
    );
    let table_versions = pages
        .iter()
        .flat_map(|p| p.versions.iter().map(move |s| (p, s)));
    let prose_versions = pages
        .iter()
        .flat_map(|p| p.prose_versions.iter().map(move |s| (p, s)));
    let stated: Vec<(&ProductPage, &Stated)> = if table_versions.clone().next().is_some() {
        table_versions.collect()
    } else {
        prose_versions.collect()
    };
    let page_version = most_common(stated.iter().map(|(_, s)| s.value.as_str()));
    let version = api_version
        .clone()
        .or_else(|| page_version.clone())
        .unwrap_or_default();
    for (page, s) in &stated {
        if !version.is_empty() && s.value != version {
            let whose = if api_version.is_some() {
                "the APIs' links or configuration say"
            } else {
                "most pages say"
            };
            out.push(Diagnostic::warning(
                &page.file,
                s.line,
                "product-page-conflict",
                format!(
                    "the page states version `{}`, {whose} `{version}`; using `{version}`",
                    s.value
                ),
            ));
        }
    }
    let from_pages = page_version.is_some() && api_version.is_none();
    (version, from_pages)
}

/// The pages whose endpoints serve `version`: pages about another version say nothing about
/// this one's endpoints (reported when they state some).
fn pages_of_version<'p>(
    pages: &'p [ProductPage],
    version: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<&'p ProductPage> {
    pages
        .iter()
        .filter(|p| {
            let versions: BTreeSet<&str> = p.stated_versions().map(|s| s.value.as_str()).collect();
            let other = !version.is_empty() && !versions.is_empty() && !versions.contains(version);
            let states_endpoints = !p.tables.is_empty() || !p.hosts.is_empty() || !p.patterns.is_empty();
            if other && states_endpoints {
                let listed: Vec<&str> = versions.into_iter().collect();
                out.push(Diagnostic::warning(
                    &p.file,
                    0,
                    "product-page-other-version",
                    format!(
                        "the page states version {} only, not the crate's `{version}`: its endpoints are not used",
                        listed.join(", ")
                    ),
                ));
            }
            !other
        })
        .collect()
}

/// A product or version that nothing gives: requests cannot be made right, and the user
/// should say it in the configuration.
fn report_unknown(product: &str, version: &str, folder: &str, out: &mut Vec<Diagnostic>) {
    if product.is_empty() {
        out.push(Diagnostic::warning(
            folder,
            0,
            "service-product-unknown",
            "no API, configuration or product page gives the product code: requests name no product and the crate cannot resolve endpoints",
        ));
    }
    if version.is_empty() {
        out.push(Diagnostic::warning(
            folder,
            0,
            "service-version-unknown",
            "no API, configuration or product page gives the API version: requests carry none, and the service will refuse them",
        ));
    }
}

/// Gives APIs without a product or version the crate's, replacing their warnings by one note.
fn fill_apis(
    apis: &mut [Api],
    product: &str,
    version: &str,
    folder: &str,
    version_from_pages: bool,
    diagnostics: &mut Vec<Diagnostic>,
    out: &mut Vec<Diagnostic>,
) {
    let mut filled: BTreeSet<(String, &'static str)> = BTreeSet::new();
    let (mut products, mut versions) = (0, 0);
    for api in apis.iter_mut() {
        let file = api
            .sources
            .first()
            .map(|s| s.file.clone())
            .unwrap_or_default();
        if api.product.is_empty() && !product.is_empty() {
            api.product = product.to_string();
            filled.insert((file.clone(), "no-product"));
            products += 1;
        }
        if api.version.is_empty()
            && !version.is_empty()
            && api.product.eq_ignore_ascii_case(product)
        {
            api.version = version.to_string();
            filled.insert((file, "no-version"));
            versions += 1;
        }
    }
    if filled.is_empty() {
        return;
    }
    diagnostics.retain(|d| !filled.contains(&(d.file.clone(), d.kind)));
    let source = if version_from_pages {
        "the product pages"
    } else {
        "the other APIs"
    };
    let mut parts = Vec::new();
    if products > 0 {
        parts.push(format!(
            "{products} docs without a product take `{product}`"
        ));
    }
    if versions > 0 {
        parts.push(format!(
            "{versions} docs without a version take `{version}` from {source}"
        ));
    }
    out.push(Diagnostic::note(
        folder,
        0,
        "service-filled",
        parts.join("; "),
    ));
}

/// The rows of the pages' endpoint tables: the table listing the most regions first, then in
/// page order; the first host of a region and network wins. A table whose hosts follow another
/// pattern than the stated one (`microgw.{region}…` where the pages state `mse.[RegionId]…`) is
/// another service's: set aside.
fn endpoint_table(
    pages: &[&ProductPage],
    pattern: Option<&str>,
    out: &mut Vec<Diagnostic>,
) -> Vec<RegionEndpoint> {
    let mut tables: Vec<(&ProductPage, &crate::parse::product_page::EndpointTable)> = Vec::new();
    for (page, table) in pages
        .iter()
        .flat_map(|p| p.tables.iter().map(move |t| (*p, t)))
    {
        let own = table_pattern(
            &table
                .rows
                .iter()
                .map(|r| RegionEndpoint {
                    region: r.region.clone(),
                    network: r.network,
                    host: r.host.clone(),
                })
                .collect::<Vec<_>>(),
        );
        match (pattern, own) {
            (Some(stated), Some(own)) if stated != own => out.push(Diagnostic::warning(
                &page.file,
                table.line,
                "endpoint-table-set-aside",
                format!("the table's hosts are `{own}.{{region}}.aliyuncs.com`, the pages state `{stated}.{{region}}.aliyuncs.com`: the table is another service's and is not used"),
            )),
            _ => tables.push((page, table)),
        }
    }
    // Stable: equal sizes keep page order.
    tables.sort_by_key(|(_, t)| std::cmp::Reverse(t.regions()));
    let mut rows: Vec<(RegionEndpoint, String)> = Vec::new();
    for (page, table) in tables {
        for r in &table.rows {
            let place = format!("{}:{}", page.file, r.line);
            match rows
                .iter()
                .find(|(e, _)| e.region.eq_ignore_ascii_case(&r.region) && e.network == r.network)
            {
                Some((e, _)) if e.host == r.host => {}
                Some((e, first)) => out.push(Diagnostic::warning(
                    &page.file,
                    r.line,
                    "endpoint-conflict",
                    format!(
                        "{} host `{}` for region `{}` differs from `{}` ({first}), which the larger table gives; using `{}`",
                        network_name(r.network),
                        r.host,
                        r.region,
                        e.host,
                        e.host
                    ),
                )),
                None => rows.push((
                    RegionEndpoint {
                        region: r.region.clone(),
                        network: r.network,
                        host: r.host.clone(),
                    },
                    place,
                )),
            }
        }
    }
    rows.into_iter().map(|(e, _)| e).collect()
}

fn network_name(n: Network) -> &'static str {
    match n {
        Network::Public => "the public",
        Network::Vpc => "the VPC",
    }
}

/// The rule for regions the table does not list (see the module doc).
fn endpoint_rule(
    pages: &[&ProductPage],
    pattern: Option<String>,
    endpoints: &[RegionEndpoint],
    product: &str,
    other_products: &[String],
    folder: &str,
    out: &mut Vec<Diagnostic>,
) -> EndpointRule {
    if let Some(prefix) = pattern {
        return EndpointRule::Regional { prefix };
    }
    if !endpoints.is_empty() {
        return table_pattern(endpoints)
            .map(|prefix| EndpointRule::Regional { prefix })
            .unwrap_or(EndpointRule::TableOnly);
    }
    // A sentence naming another product of the folder's APIs states that product's endpoint
    // (`阿里云BSS OpenAPI的服务接入地址为business.aliyuncs.com` beside BssOpenApi APIs).
    let squeezed = |s: &str| s.replace([' ', '-', '_'], "");
    let mut hosts: Vec<(&ProductPage, &Stated)> = Vec::new();
    for page in pages {
        let stated = page
            .hosts
            .iter()
            .chain(page.tables.iter().flat_map(|t| &t.default_hosts));
        for s in stated {
            let context = squeezed(&s.context);
            match other_products.iter().find(|p| context.contains(&squeezed(p))) {
                Some(other) => out.push(Diagnostic::warning(
                    &page.file,
                    s.line,
                    "endpoint-set-aside",
                    format!("the sentence stating `{}` names product `{other}`, not the crate's: it is that product's endpoint and is not used", s.value),
                )),
                None => hosts.push((page, s)),
            }
        }
    }
    // Hosts named after the product code first (`vdc.cn-shenzhen…` for vdc), then the most
    // frequent.
    let named = |h: &str| {
        !product.is_empty()
            && h.split('.')
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(product))
    };
    let host = most_common(
        hosts
            .iter()
            .map(|(_, s)| s.value.as_str())
            .filter(|h| named(h)),
    )
    .or_else(|| most_common(hosts.iter().map(|(_, s)| s.value.as_str())));
    if let Some(host) = host {
        for (page, s) in hosts.iter().filter(|(_, s)| s.value != host) {
            out.push(Diagnostic::warning(
                &page.file,
                s.line,
                "endpoint-conflict",
                format!(
                    "the page states the endpoint `{}`, other pages `{host}` ({}); using `{host}`",
                    s.value,
                    hosts
                        .iter()
                        .find(|(_, t)| t.value == host)
                        .map(|(p, t)| at(p, t))
                        .unwrap_or_default()
                ),
            ));
        }
        return EndpointRule::Central { host };
    }
    let guess = if product.is_empty() {
        "no product code to guess from".to_string()
    } else {
        format!(
            "the client guesses `{}.{{region}}.aliyuncs.com`",
            product.to_ascii_lowercase()
        )
    };
    out.push(Diagnostic::warning(
        folder,
        0,
        "service-endpoints-unknown",
        format!("no product page states an endpoint table, pattern or host: {guess}"),
    ));
    EndpointRule::Guess
}

/// `prefix` when the public hosts that name their region are all `{prefix}.{region}.aliyuncs.com`
/// with one prefix (hosts without a region, such as a central host some regions share, do not
/// count).
fn table_pattern(endpoints: &[RegionEndpoint]) -> Option<String> {
    let mut prefixes = endpoints
        .iter()
        .filter(|e| e.network == Network::Public)
        .filter(|e| e.host.contains(&e.region.to_ascii_lowercase()))
        .map(|e| {
            let suffix = format!(".{}.aliyuncs.com", e.region.to_ascii_lowercase());
            e.host.strip_suffix(&suffix).filter(|p| !p.contains('.'))
        });
    let first = prefixes.next()??;
    prefixes
        .all(|p| p == Some(first))
        .then(|| first.to_string())
}

/// In words, how a crate generated with `service` finds its endpoint for a region (for its docs
/// and README).
pub fn describe_rule(service: &Service) -> String {
    let table = match service.endpoints.len() {
        0 => String::new(),
        _ => {
            let regions: BTreeSet<&str> = service
                .endpoints
                .iter()
                .map(|e| e.region.as_str())
                .collect();
            format!(
                "the documented endpoint table ({} regions), then ",
                regions.len()
            )
        }
    };
    let rule = match &service.rule {
        EndpointRule::Regional { prefix } => {
            format!("the documented pattern `{prefix}.{{region}}.aliyuncs.com`")
        }
        EndpointRule::Central { host } => format!("the one documented host `{host}`"),
        EndpointRule::TableOnly => {
            "nothing else: a region the table does not list is a configuration error".to_string()
        }
        EndpointRule::Guess if service.product.is_empty() => {
            "nothing: the docs give no endpoint and no product code, so set an explicit endpoint"
                .to_string()
        }
        EndpointRule::Guess => format!(
            "a guess, `{}.{{region}}.aliyuncs.com`: the docs state no endpoint",
            service.product.to_ascii_lowercase()
        ),
    };
    format!("{table}{rule}")
}

/// What a crate generated with `service` does not know, one sentence each (empty when it knows
/// its product, version and endpoints).
pub fn unknowns(service: &Service) -> Vec<String> {
    let mut out = Vec::new();
    if service.product.is_empty() {
        out.push("The docs give no product code.".to_string());
    }
    if service.version.is_empty() {
        out.push("The docs give no API version.".to_string());
    }
    if service.rule == EndpointRule::Guess {
        out.push(
            "The docs state no endpoint: add the product's endpoint page to the spec folder, or set an explicit endpoint."
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::product_page::{EndpointTable, TableEndpoint};

    fn row(region: &str, network: Network, host: &str) -> TableEndpoint {
        TableEndpoint {
            region: region.into(),
            network,
            host: host.into(),
            line: 1,
        }
    }

    fn stated(v: &str) -> Stated {
        Stated {
            value: v.into(),
            line: 3,
            context: String::new(),
        }
    }

    fn api(product: &str, version: &str) -> Api {
        let mut api: Api = serde_json::from_str(
            r#"{"name":"X","product":"","version":"","style":"RPC","summary":"","sources":[{"file":"x.md","lang":"en-US"}],"request":[],"response":[],"errors":[],"examples":{}}"#,
        )
        .unwrap();
        api.product = product.into();
        api.version = version.into();
        api
    }

    #[test]
    fn apis_decide_product_and_version_pages_fill_the_rest() {
        let page = ProductPage {
            file: "p.md".into(),
            versions: vec![stated("2016-04-28")],
            hosts: vec![stated("vpc.aliyuncs.com")],
            ..ProductPage::default()
        };
        let mut apis = vec![api("Vpc", ""), api("Netana", "2020-10-16"), api("Vpc", "")];
        let mut diags = vec![Diagnostic::warning("x.md", 0, "no-version", "none")];
        let s = settle(&mut apis, &[page], "spec/x", &mut diags);
        assert_eq!(
            (s.product.as_str(), s.version.as_str()),
            ("Vpc", "2016-04-28")
        );
        assert_eq!(apis[0].version, "2016-04-28");
        // Another product's API keeps its own version.
        assert_eq!(apis[1].version, "2020-10-16");
        assert_eq!(
            s.rule,
            EndpointRule::Central {
                host: "vpc.aliyuncs.com".into()
            }
        );
        assert!(diags.iter().all(|d| d.kind != "no-version"), "{diags:?}");
        assert!(diags.iter().any(|d| d.kind == "service-filled"));
    }

    #[test]
    fn a_page_of_another_version_is_set_aside_and_the_larger_table_wins() {
        let other = ProductPage {
            file: "vpc-page.md".into(),
            prose_versions: vec![stated("2016-04-28")],
            hosts: vec![stated("vpc.aliyuncs.com")],
            ..ProductPage::default()
        };
        let big = ProductPage {
            file: "big.md".into(),
            tables: vec![EndpointTable {
                line: 1,
                rows: vec![
                    row("cn-qingdao", Network::Public, "ess.aliyuncs.com"),
                    row(
                        "cn-qingdao",
                        Network::Vpc,
                        "ess-vpc.cn-qingdao.aliyuncs.com",
                    ),
                    row(
                        "cn-zhangjiakou",
                        Network::Public,
                        "ess.cn-zhangjiakou.aliyuncs.com",
                    ),
                ],
                default_hosts: vec![],
            }],
            ..ProductPage::default()
        };
        let small = ProductPage {
            file: "small.md".into(),
            tables: vec![EndpointTable {
                line: 1,
                rows: vec![row(
                    "cn-qingdao",
                    Network::Public,
                    "ess.cn-qingdao.aliyuncs.com",
                )],
                default_hosts: vec![],
            }],
            ..ProductPage::default()
        };
        let mut apis = vec![api("Ess", "2014-08-28")];
        let mut diags = Vec::new();
        let s = settle(&mut apis, &[other, small, big], "spec/ess", &mut diags);
        assert_eq!(s.endpoints.len(), 3);
        assert_eq!(s.endpoints[0].host, "ess.aliyuncs.com");
        assert_eq!(
            s.rule,
            EndpointRule::Regional {
                prefix: "ess".into()
            }
        );
        assert_eq!(s.pages, ["small.md", "big.md"]);
        let kinds: Vec<&str> = diags.iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&"product-page-other-version"), "{kinds:?}");
        assert!(kinds.contains(&"endpoint-conflict"), "{kinds:?}");
    }

    #[test]
    fn tables_without_one_pattern_are_table_only_and_nothing_is_a_guess() {
        let e = |r: &str, h: &str| RegionEndpoint {
            region: r.into(),
            network: Network::Public,
            host: h.into(),
        };
        assert_eq!(
            table_pattern(&[e("cn-hangzhou", "cn-hangzhou.log.aliyuncs.com")]),
            None
        );
        assert_eq!(
            table_pattern(&[
                e("cn-qingdao", "metrics.cn-qingdao.aliyuncs.com"),
                e("cn-beijing", "metrics.cn-beijing.aliyuncs.com")
            ])
            .as_deref(),
            Some("metrics")
        );
        let mut diags = Vec::new();
        let s = settle(&mut [api("Sls", "")], &[], "spec/sls", &mut diags);
        assert_eq!(s.rule, EndpointRule::Guess);
        let kinds: Vec<&str> = diags.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            ["service-endpoints-unknown", "service-version-unknown"]
        );
    }
}
