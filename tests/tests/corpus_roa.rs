//! The REST-style (ROA) docs in ../shared/corpus-roa: every one parses as ROA with a method, a
//! path template whose placeholders are path fields, and a location on every request field;
//! each product becomes a crate that builds clean and passes the tests made from its examples.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aliyun_codegen::model::{Api, Field};
use aliyun_codegen::parse::{parse_doc, DocDefaults};
use aliyun_codegen::Config;
use aliyun_codegen_tests::{folder_available, generate_and_check_crate, repo_root};

fn roa_dir() -> PathBuf {
    repo_root().join("../shared/corpus-roa")
}

fn available(test: &str) -> bool {
    folder_available(test, &roa_dir())
}

/// `(product, path)` of every doc on disk, sorted.
fn docs() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for product in std::fs::read_dir(roa_dir()).into_iter().flatten().flatten() {
        for lang in std::fs::read_dir(product.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for doc in std::fs::read_dir(lang.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if doc.path().extension().is_some_and(|e| e == "md") {
                    let name = product.file_name().to_string_lossy().into_owned();
                    out.push((name, doc.path()));
                }
            }
        }
    }
    out.sort();
    out
}

/// The file table of SOURCES.md: the number of docs the corpus says it holds.
fn listed_docs() -> usize {
    std::fs::read_to_string(roa_dir().join("SOURCES.md"))
        .expect("SOURCES.md is readable")
        .lines()
        .filter(|l| l.starts_with("|`") && l.contains(".md`|"))
        .count()
}

/// The first non-empty line of the first code block under the request-syntax heading, read
/// here without the parser: `(method, path with placeholders as written)`.
fn syntax_line(text: &str) -> (String, String) {
    let mut in_section = false;
    let mut in_code = false;
    for line in text.lines() {
        if line.starts_with("## ") {
            let h = line.to_lowercase();
            in_section = h.contains("请求语法") || h.contains("request s");
            continue;
        }
        if in_section && line.trim_start().starts_with("```") {
            in_code = true;
            continue;
        }
        if in_code && !line.trim().is_empty() {
            let mut words = line.split_whitespace();
            let method = words.next().unwrap_or("").to_string();
            let target = words.next().unwrap_or("");
            let path = target.split('?').next().unwrap_or("").to_string();
            return (method, path);
        }
    }
    (String::new(), String::new())
}

/// Rows of the first table after the request-parameter heading, with their Position cell
/// (`None` when the table has no such column). Cells split over lines are joined first.
fn request_rows(text: &str) -> Vec<(String, Option<String>)> {
    let mut lines = Vec::new();
    let mut in_section = false;
    for line in text.lines() {
        if line.starts_with("## ") {
            if in_section {
                break;
            }
            let h = line.to_lowercase();
            in_section = h.contains("请求参数") || h.contains("request parameters");
            continue;
        }
        if in_section {
            lines.push(line);
        }
    }
    let start = lines.iter().position(|l| l.starts_with('|'));
    let Some(start) = start else {
        return Vec::new();
    };
    // Logical rows: a row ends at a line ending with `|`.
    let mut rows: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in &lines[start..] {
        if current.is_empty() && !line.starts_with('|') {
            break;
        }
        current.push_str(line.trim());
        if line.trim_end().ends_with('|') {
            rows.push(std::mem::take(&mut current));
        }
    }
    let split = |r: &str| -> Vec<String> {
        r.replace("\\|", "")
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = split(&rows[0]);
    let position = header
        .iter()
        .position(|h| h == "位置" || h == "Position" || h == "Location");
    rows.iter()
        .skip(2)
        .map(|r| {
            let cells = split(r);
            let name = cells.get(1).cloned().unwrap_or_default();
            let name = name.replace('\\', "");
            let name = name.rsplit('└').next().unwrap_or("").trim().to_string();
            (
                name,
                position.map(|p| cells.get(p).cloned().unwrap_or_default()),
            )
        })
        .collect()
}

fn walk<'a>(fields: &'a [Field], out: &mut Vec<&'a Field>) {
    for f in fields {
        out.push(f);
        walk(&f.children, out);
    }
}

fn placeholders(template: &str) -> Vec<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
        .collect()
}

#[test]
fn every_roa_doc_parses_with_method_path_and_locations() {
    if !available("every_roa_doc_parses_with_method_path_and_locations") {
        return;
    }
    let docs = docs();
    assert_eq!(
        docs.len(),
        listed_docs(),
        "SOURCES.md and the folder disagree"
    );
    let mut by_location: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut written_placeholders = 0;
    let mut table_rows = 0;
    let mut template_placeholders = 0;
    for (_, path) in &docs {
        let text = std::fs::read_to_string(path).expect("readable");
        let file = path.display().to_string();
        let (api, _) = parse_doc(&file, &text, &DocDefaults::default())
            .unwrap_or_else(|f| panic!("{file} does not parse:\n{f}"));
        table_rows += check_doc(&api, &text, &file, &mut problems);
        let (_, raw_path) = syntax_line(&text);
        written_placeholders += raw_path
            .split('/')
            .filter(|s| s.starts_with('[') || s.starts_with('{'))
            .count();
        let template = api.path.clone().unwrap_or_default();
        template_placeholders += placeholders(&template)
            .iter()
            .filter(|p| {
                raw_path.contains(&format!("[{p}]")) || raw_path.contains(&format!("{{{p}}}"))
            })
            .count();
        let mut all = Vec::new();
        walk(&api.request, &mut all);
        for f in all {
            *by_location
                .entry(f.location.clone().unwrap_or_else(|| "NONE".into()))
                .or_default() += 1;
        }
    }
    println!("request-table rows checked: {table_rows}");
    println!(
        "docs: {}; request fields by location: {by_location:?}",
        docs.len()
    );
    println!("placeholders written [X]/{{x}}: {written_placeholders}, kept in templates: {template_placeholders}");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(written_placeholders, template_placeholders);
    assert!(!by_location.contains_key("NONE"));
}

fn check_doc(api: &Api, text: &str, file: &str, problems: &mut Vec<String>) -> usize {
    let mut p = |m: String| problems.push(format!("{file}: {m}"));
    if api.style != "ROA" {
        p(format!("style {}", api.style));
    }
    let (method, _) = syntax_line(text);
    if api.method.as_deref() != Some(method.as_str()) {
        p(format!(
            "method {:?}, the syntax line says {method}",
            api.method
        ));
    }
    let Some(template) = &api.path else {
        p("no path".into());
        return 0;
    };
    if !template.starts_with('/') {
        p(format!("path {template} is not absolute"));
    }
    for name in placeholders(template) {
        let field = api.request.iter().find(|f| f.name == name);
        if field.and_then(|f| f.location.as_deref()) != Some("path") {
            p(format!("placeholder {{{name}}} is not a path field"));
        }
    }
    let mut all = Vec::new();
    walk(&api.request, &mut all);
    for f in &all {
        if f.location.is_none() {
            p(format!("`{}` has no location", f.name));
        }
    }
    // Every named row of the request table is a field; a stated Path/Query/Header is kept.
    let rows = request_rows(text);
    for (name, position) in &rows {
        if name.is_empty() {
            continue;
        }
        let found: Vec<&&Field> = all
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case(name))
            .collect();
        if found.is_empty() {
            p(format!("row `{name}` is not in the IR"));
            continue;
        }
        if let Some(pos) = position
            .as_ref()
            .filter(|p| matches!(p.as_str(), "Path" | "Query" | "Header"))
        {
            let want = pos.to_lowercase();
            if !found
                .iter()
                .any(|f| f.location.as_deref() == Some(want.as_str()))
            {
                p(format!("row `{name}` says {pos}"));
            }
        }
    }
    rows.len()
}

/// Generates one product's crate from its folders and checks it like the RPC corpus crates.
fn generate_and_test(product: &str, version: &str, folder: &str) {
    if !available(product) {
        return;
    }
    let dirs: Vec<PathBuf> = std::fs::read_dir(roa_dir().join(folder))
        .expect("product folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    let mut dirs = dirs;
    dirs.sort();
    let config = Config::new().product(product).version(version);
    generate_and_check_crate(config, &format!("roa-{folder}"), &dirs);
    let _ = Path::new(folder);
}

#[test]
fn elasticsearch_crate_compiles_and_passes() {
    generate_and_test("elasticsearch", "2017-06-13", "elasticsearch");
}

#[test]
fn mse_crate_compiles_and_passes() {
    generate_and_test("mse", "2019-05-31", "mse");
}

#[test]
fn rtc_crate_compiles_and_passes() {
    generate_and_test("vdc", "2020-12-14", "rtc");
}

#[test]
fn iotedge_crate_compiles_and_passes() {
    generate_and_test("iotedge", "2020-04-30", "iotedge");
}
