//! The product pages of `../shared/product-pages` paired with the corpus folders, read from the
//! corpora's own SOURCES.md files (which repository and which repository path each file came
//! from), never from the generator.
//!
//! A folder gets the pages of its repository, except those under a repository folder that only
//! other corpus folders of that repository draw their docs from: the mse repository documents
//! two products (the registry and configuration center under `微服务注册配置中心/`, the
//! microservice gateway under `微服务网关/`), and each corpus folder holds one of them, as a
//! spec folder would hold its own product's pages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::repo_root;

/// `../shared`.
pub fn shared() -> PathBuf {
    repo_root().join("../shared")
}

/// One corpus folder: `corpus-wide/mse-roa`, its path, its repository (`mse`), and the top
/// folders (under the language root) its docs came from.
#[derive(Debug, Clone)]
pub struct Folder {
    pub label: String,
    pub path: PathBuf,
    pub repo: String,
    pub tops: BTreeSet<String>,
}

/// The component after the language root of a repository path (`cn.zh-CN/微服务网关/…` →
/// `微服务网关`).
fn top(repo_path: &str) -> String {
    repo_path.split('/').nth(1).unwrap_or("").to_string()
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().trim_matches('`').to_string())
        .collect()
}

/// Every folder of `corpus`, `corpus-wide` and `corpus-roa`, with where its docs came from.
pub fn corpus_folders() -> Vec<Folder> {
    let mut tops: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for corpus in ["corpus", "corpus-roa"] {
        // |`cbwp/en-US/X.md`|AlibabaCloudDocs/cbwp|`commit`|`intl.en-US/…/X.md`|`blob`|
        let text =
            std::fs::read_to_string(shared().join(corpus).join("SOURCES.md")).unwrap_or_default();
        for line in text.lines().filter(|l| l.starts_with("|`")) {
            let c = cells(line);
            let (Some(file), Some(repo), Some(path)) = (c.first(), c.get(1), c.get(3)) else {
                continue;
            };
            let folder = file.split('/').next().unwrap_or("");
            let repo = repo.rsplit('/').next().unwrap_or("").to_string();
            let entry = tops
                .entry(format!("{corpus}/{folder}"))
                .or_insert_with(|| (repo, BTreeSet::new()));
            entry.1.insert(top(path));
        }
    }
    // |folder|lang|API|AlibabaCloudDocs/repo|`commit`|path|`blob`|
    let text = std::fs::read_to_string(shared().join("corpus-wide/SOURCES.md")).unwrap_or_default();
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let c = cells(line);
        if c.len() < 7 || !c[3].starts_with("AlibabaCloudDocs/") {
            continue;
        }
        let repo = c[3].rsplit('/').next().unwrap_or("").to_string();
        let entry = tops
            .entry(format!("corpus-wide/{}", c[0]))
            .or_insert_with(|| (repo, BTreeSet::new()));
        entry.1.insert(top(&c[5]));
    }
    tops.into_iter()
        .map(|(label, (repo, tops))| Folder {
            path: shared().join(&label),
            label,
            repo,
            tops,
        })
        .filter(|f| f.path.is_dir())
        .collect()
}

/// One product page: its path under `product-pages/<repo>/`, and its repository path.
#[derive(Debug, Clone)]
pub struct Page {
    pub repo: String,
    pub file: String,
    pub repo_path: String,
}

/// Every page listed in `product-pages/SOURCES.md`.
pub fn pages() -> Vec<Page> {
    // |repo|lang|file|kind|path in repo|blob|commit|note|
    let text =
        std::fs::read_to_string(shared().join("product-pages/SOURCES.md")).unwrap_or_default();
    text.lines()
        .filter(|l| l.starts_with('|'))
        .map(cells)
        .filter(|c| c.len() >= 6 && c[1].contains('-') && c[2].ends_with(".md"))
        .map(|c| Page {
            repo: c[0].clone(),
            file: format!("{}/{}", c[1], c[2]),
            repo_path: c[4].clone(),
        })
        .collect()
}

/// The pages a folder's spec would hold (see the module doc).
pub fn pages_of<'p>(folder: &Folder, all_folders: &[Folder], pages: &'p [Page]) -> Vec<&'p Page> {
    let others: BTreeSet<&String> = all_folders
        .iter()
        .filter(|f| f.repo == folder.repo && f.label != folder.label)
        .flat_map(|f| &f.tops)
        .filter(|t| !folder.tops.contains(*t))
        .collect();
    pages
        .iter()
        .filter(|p| p.repo == folder.repo)
        .filter(|p| !others.contains(&top(&p.repo_path)))
        .collect()
}

/// Copies `pages` into a fresh folder under `target/` (the generator reads folders).
pub fn stage(label: &str, pages: &[&Page]) -> Option<PathBuf> {
    if pages.is_empty() {
        return None;
    }
    let dir = repo_root()
        .join("target/product-pages")
        .join(label.replace('/', "-"));
    let _ = std::fs::remove_dir_all(&dir);
    for p in pages {
        let from = shared().join("product-pages").join(&p.repo).join(&p.file);
        let to = dir.join(&p.file);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("create folder");
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
    Some(dir)
}

/// Loads a folder with its staged pages. Pages the generator cannot read as product pages
/// (it fails them as not API docs) are left out and returned, so the rest still counts.
pub fn load_with_pages(
    config: &aliyun_codegen::Config,
    folder: &Path,
    pages: Option<&Path>,
) -> (aliyun_codegen::Loaded, Vec<String>) {
    let mut dirs: Vec<&Path> = vec![folder];
    dirs.extend(pages);
    match config.load_dirs(&dirs) {
        Ok(loaded) => (loaded, Vec::new()),
        Err(failure) => {
            let pages = pages.expect("the corpus folder loads on its own");
            let unread: Vec<String> = failure
                .diagnostics
                .iter()
                .filter(|d| d.severity == aliyun_codegen::Severity::Error)
                .map(|d| d.file.clone())
                .collect();
            assert!(
                unread.iter().all(|f| Path::new(f).starts_with(pages)),
                "{}: load failed outside the product pages:\n{failure}",
                folder.display()
            );
            for f in &unread {
                std::fs::remove_file(f).expect("remove an unread page");
            }
            let loaded = config
                .load_dirs(&dirs)
                .unwrap_or_else(|f| panic!("{}: {f}", folder.display()));
            (loaded, unread)
        }
    }
}

/// One row of an endpoint table as this reader understands the page: region, VPC network or
/// not, host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub region: String,
    pub vpc: bool,
    pub host: String,
    pub line: usize,
}

/// The areas Alibaba Cloud region IDs start with (`cn-hangzhou`, `rus-west-1`).
const AREAS: &[&str] = &["cn", "ap", "us", "eu", "me", "rus"];

/// The region a host names: a label starting with an area, without a network suffix.
fn region_of_host(host: &str) -> Option<String> {
    host.split('.')
        .map(|l| {
            l.trim_end_matches("-intranet")
                .trim_end_matches("-internal")
                .trim_end_matches("-vpc")
        })
        .find(|l| {
            l.split_once('-')
                .is_some_and(|(area, _)| AREAS.contains(&area))
        })
        .map(str::to_string)
}

fn is_host(cell: &str) -> bool {
    cell.ends_with(".aliyuncs.com") && !cell.contains(' ') && !cell.contains('/')
}

/// The rows of every endpoint table of a page, read line by line: a table's header names its
/// host columns (`Endpoint`, `地址`, `URL`, `域名`, `入口`; not a CNAME column) and maybe a
/// region-ID column; a host column or the heading above the table naming VPC, internal or
/// intranet access holds VPC hosts. A row without a region ID column takes the region a host
/// names; cells that are no host (`None`, `无`, `-`) and rows naming no region are skipped.
pub fn endpoint_rows(text: &str) -> Vec<Row> {
    let lines: Vec<&str> = text.lines().collect();
    let mut heading = String::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.starts_with('#') {
            heading = line.to_lowercase();
        }
        let separator = lines
            .get(i + 1)
            .is_some_and(|l| l.trim().starts_with("|-") || l.trim().starts_with("|:"));
        if !(line.starts_with('|') && separator) {
            i += 1;
            continue;
        }
        let header: Vec<String> = cells(line).iter().map(|h| h.to_lowercase()).collect();
        let vpc_words = |s: &str| {
            ["vpc", "内网", "internal", "intranet"]
                .iter()
                .any(|w| s.contains(w))
        };
        let host_columns: Vec<(usize, bool)> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                ["endpoint", "地址", "url", "域名", "入口"]
                    .iter()
                    .any(|w| h.contains(w))
                    && !h.contains("cname")
            })
            .map(|(k, h)| {
                let public = ["public", "公网", "外网", "internet"]
                    .iter()
                    .any(|w| h.contains(w));
                (k, vpc_words(h) || (!public && vpc_words(&heading)))
            })
            .collect();
        let region_column = header.iter().position(|h| {
            let h = h.replace(' ', "");
            h.contains("regionid") || h.contains("地域id") || h.contains("区域标识")
        });
        i += 2;
        while i < lines.len() && lines[i].trim().starts_with('|') {
            let row = cells(lines[i]);
            let host_at = |k: usize| {
                row.get(k)
                    .map(|c| c.replace('\\', ""))
                    .filter(|c| is_host(c))
            };
            let hosts: Vec<(String, bool)> = host_columns
                .iter()
                .filter_map(|(k, vpc)| host_at(*k).map(|h| (h, *vpc)))
                .collect();
            let region = region_column
                .and_then(|k| row.get(k).cloned())
                .filter(|r| !r.is_empty())
                .or_else(|| hosts.iter().find_map(|(h, _)| region_of_host(h)));
            if let Some(region) = region {
                // One host per network: the first column of each.
                let mut seen = Vec::new();
                for (host, vpc) in hosts {
                    if !seen.contains(&vpc) {
                        seen.push(vpc);
                        out.push(Row {
                            region: region.clone(),
                            vpc,
                            host,
                            line: i + 1,
                        });
                    }
                }
            }
            i += 1;
        }
    }
    out
}

/// `(repo, page file)` of every product whose SOURCES.md summary says it has an endpoint table:
/// the page with the largest one.
pub fn endpoint_table_pages() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(shared().join("product-pages/SOURCES.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("- **")?;
            let (repo, rest) = rest.split_once("**")?;
            let after = rest.split("Endpoint table: yes").nth(1)?;
            let file = after.split('`').nth(1)?;
            Some((repo.to_string(), file.to_string()))
        })
        .collect()
}
