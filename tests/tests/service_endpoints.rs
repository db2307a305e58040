//! What the crates of the corpus folders call, with their product pages beside them
//! (`../shared/product-pages`, paired by `aliyun_codegen_tests::product_pages`):
//!
//! - every product whose pages give an endpoint table resolves each region the table lists to
//!   the host it lists, through the runtime's own resolution; the expected rows come from this
//!   test's reader of the page (`product_pages::endpoint_rows`), not from the generator;
//! - products whose pages state one central host resolve every region to it;
//! - the product code and version of every folder with product pages or OpenAPI Explorer links
//!   are known, except the folders listed here with the reason.

use std::collections::BTreeMap;
use std::path::Path;

use aliyun_codegen::model::{self, EndpointRule, Network};
use aliyun_codegen::Config;
use aliyun_codegen_tests::folder_available;
use aliyun_codegen_tests::product_pages::{
    corpus_folders, endpoint_rows, endpoint_table_pages, load_with_pages, pages, pages_of, shared,
    stage, Folder,
};
use aliyun_runtime::endpoint as rt;

/// The runtime's `Service` for the IR's (what the emitted `SERVICE` holds; statics leaked).
fn runtime_service(s: &model::Service) -> rt::Service {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
    let rule = match &s.rule {
        EndpointRule::Regional { prefix } => rt::EndpointRule::Regional {
            prefix: leak(prefix),
        },
        EndpointRule::Central { host } => rt::EndpointRule::Central { host: leak(host) },
        EndpointRule::TableOnly => rt::EndpointRule::TableOnly,
        EndpointRule::Guess => rt::EndpointRule::Regional {
            prefix: leak(&s.product.to_ascii_lowercase()),
        },
    };
    let rows: Vec<rt::RegionEndpoint> = s
        .endpoints
        .iter()
        .map(|e| {
            let network = match e.network {
                Network::Public => rt::Network::Public,
                Network::Vpc => rt::Network::Vpc,
            };
            rt::RegionEndpoint::new(leak(&e.region), network, leak(&e.host))
        })
        .collect();
    rt::Service {
        product: leak(&s.product),
        version: leak(&s.version),
        rule,
        endpoints: Box::leak(rows.into_boxed_slice()),
    }
}

/// Each folder with its pages loaded (no configuration: what the docs alone say), with the pages
/// the generator could not read.
fn loaded_folders() -> Vec<(Folder, aliyun_codegen::Loaded, Vec<String>, bool)> {
    let folders = corpus_folders();
    let pages = pages();
    folders
        .iter()
        .map(|f| {
            let own = pages_of(f, &folders, &pages);
            let staged = stage(&f.label, &own);
            let (loaded, unread) = load_with_pages(&Config::new(), &f.path, staged.as_deref());
            (f.clone(), loaded, unread, !own.is_empty())
        })
        .collect()
}

#[test]
fn every_listed_region_resolves_to_the_listed_host() {
    if !folder_available("service_endpoints", &shared().join("product-pages")) {
        return;
    }
    let folders = corpus_folders();
    let all_pages = pages();
    let tables = endpoint_table_pages();
    assert!(
        tables.len() >= 8,
        "SOURCES.md lists {} tables",
        tables.len()
    );
    let mut failures = Vec::new();
    let mut checked_products = 0;
    for (repo, file) in &tables {
        let text = std::fs::read_to_string(shared().join("product-pages").join(repo).join(file))
            .expect("the table page");
        let rows = endpoint_rows(&text);
        assert!(!rows.is_empty(), "{repo}/{file}: this test reads no row");
        // The folders whose pages hold the table.
        let holders: Vec<&Folder> = folders
            .iter()
            .filter(|f| {
                pages_of(f, &folders, &all_pages)
                    .iter()
                    .any(|p| p.repo == *repo && p.file == *file)
            })
            .collect();
        if holders.is_empty() {
            println!("{repo}: no corpus folder holds {file}");
            continue;
        }
        checked_products += 1;
        for folder in holders {
            let own = pages_of(folder, &folders, &all_pages);
            let staged = stage(&folder.label, &own);
            let (loaded, _) = load_with_pages(&Config::new(), &folder.path, staged.as_deref());
            let service = runtime_service(&loaded.service);
            let regions: std::collections::BTreeSet<&str> =
                rows.iter().map(|r| r.region.as_str()).collect();
            let mut ok = 0;
            for row in &rows {
                let network = if row.vpc {
                    rt::Network::Vpc
                } else {
                    rt::Network::Public
                };
                match service.resolve(&row.region, network) {
                    Ok(e) if e.host() == row.host => ok += 1,
                    other => failures.push(format!(
                        "{} ({repo}/{file}:{}): {} {} → {:?}, the page lists {}",
                        folder.label,
                        row.line,
                        row.region,
                        if row.vpc { "VPC" } else { "public" },
                        other.map(|e| e.host().to_string()),
                        row.host
                    )),
                }
            }
            println!(
                "{:24} {repo}/{file}: {ok} of {} rows ({} regions) resolve to the listed host; rule {:?}",
                folder.label,
                rows.len(),
                regions.len(),
                loaded.service.rule
            );
        }
    }
    assert!(checked_products >= 7, "{checked_products} products checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The products whose pages state one central host and no table (the SOURCES.md notes say
/// which): every region resolves to it.
#[test]
fn central_only_products_resolve_every_region_to_their_host() {
    if !folder_available("service_endpoints", &shared().join("product-pages")) {
        return;
    }
    // From product-pages/SOURCES.md: "Endpoint vpc.aliyuncs.com" (vpn, eip, nat, ipv6gateway,
    // cbwp), "The pages spell the endpoint both avds.aliyuncs.com and advs.aliyuncs.com".
    let expected: BTreeMap<&str, &str> = [
        ("corpus/vpn", "vpc.aliyuncs.com"),
        ("corpus/eip", "vpc.aliyuncs.com"),
        ("corpus/nat", "vpc.aliyuncs.com"),
        ("corpus/ipv6gateway", "vpc.aliyuncs.com"),
        ("corpus/cbwp", "vpc.aliyuncs.com"),
        ("corpus-wide/avds", "avds.aliyuncs.com"),
    ]
    .into_iter()
    .collect();
    let folders = corpus_folders();
    let all_pages = pages();
    for folder in folders
        .iter()
        .filter(|f| expected.contains_key(f.label.as_str()))
    {
        let own = pages_of(folder, &folders, &all_pages);
        let staged = stage(&folder.label, &own);
        let (loaded, _) = load_with_pages(&Config::new(), &folder.path, staged.as_deref());
        let service = runtime_service(&loaded.service);
        for region in ["cn-hangzhou", "ap-southeast-1", "eu-central-1", "us-east-1"] {
            let host = service
                .resolve(region, rt::Network::Public)
                .map(|e| e.host().to_string())
                .map_err(|e| e.to_string());
            assert_eq!(
                host,
                Ok(expected[folder.label.as_str()].to_string()),
                "{}: {region}",
                folder.label
            );
        }
    }
}

/// Whether a folder's docs carry OpenAPI Explorer links naming a product (read by this test).
fn has_explorer_links(dir: &Path) -> bool {
    aliyun_codegen::doc_files(dir)
        .unwrap_or_default()
        .iter()
        .any(|f| {
            std::fs::read_to_string(f)
                .is_ok_and(|t| t.contains("api.aliyun.com") && t.contains("product="))
        })
}

#[test]
fn product_and_version_are_known_where_pages_or_links_give_them() {
    if !folder_available("service_endpoints", &shared().join("product-pages")) {
        return;
    }
    // Folders with pages or links whose product or version nothing gives, and why (checked
    // against the SOURCES.md notes of the corpora and product pages).
    let not_known: BTreeMap<&str, &str> = [
        ("corpus-wide/acms", "ACM's data-plane HTTP API: no Explorer links; its pages (not read as product pages) state neither a product code nor a version"),
        ("corpus-wide/ots", "Tablestore's data-plane API: no Explorer links, no version; its pages give instance endpoints"),
        ("corpus-wide/sls", "no Explorer links; the pages state no product code or version (ROA-style API)"),
        ("corpus-wide/sls-roa", "no Explorer links; the pages state no product code or version (ROA-style API)"),
        ("corpus-wide/oss-roa", "OSS is no OpenAPI product: no Explorer links, no version"),
        ("corpus-wide/iotedge-roa", "the edge HTTP API's docs have no Explorer links; the pages state the cloud API's version but no product code"),
        ("corpus-roa/iotedge", "the edge HTTP API's docs have no Explorer links; the pages state the cloud API's version but no product code"),
        ("corpus-wide/mse-roa", "the microservice gateway's docs have no Explorer links and its pages state no product code or version"),
        ("corpus-roa/mse", "the microservice gateway's docs have no Explorer links and its pages state no product code or version"),
    ]
    .into_iter()
    .collect();
    let mut unknown = BTreeMap::new();
    let mut counted = 0;
    for (folder, loaded, unread, has_pages) in loaded_folders() {
        let links = has_explorer_links(&folder.path);
        if !(has_pages || links) {
            continue;
        }
        counted += 1;
        let service = &loaded.service;
        let missing: Vec<&str> = [
            ("product", service.product.is_empty()),
            ("version", service.version.is_empty()),
        ]
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(w, _)| w)
        .collect();
        println!(
            "{:24} pages {has_pages:5} links {links:5} product {:16} version {:10} rule {:?}{}",
            folder.label,
            format!("`{}`", service.product),
            format!("`{}`", service.version),
            service.rule,
            if unread.is_empty() {
                String::new()
            } else {
                format!(" ({} pages not read)", unread.len())
            }
        );
        if !missing.is_empty() {
            unknown.insert(folder.label.clone(), missing.join(" and "));
        }
    }
    println!(
        "{counted} folders with product pages or Explorer links; {} without a product or version:",
        unknown.len()
    );
    for (label, missing) in &unknown {
        println!(
            "  {label}: no {missing}: {}",
            not_known.get(label.as_str()).unwrap_or(&"?")
        );
    }
    let unexpected: Vec<&String> = unknown
        .keys()
        .filter(|l| !not_known.contains_key(l.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "product or version unknown: {unexpected:?}"
    );
    let stale: Vec<&&str> = not_known
        .keys()
        .filter(|l| !unknown.contains_key(**l))
        .collect();
    assert!(
        stale.is_empty(),
        "now known, drop them from the list: {stale:?}"
    );
}
