//! The IR lock file: each generated crate keeps the IR it was made from, as deterministic
//! JSON, so the next generation (or `aliyun-codegen diff`) can say what changed for users.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{Api, Service};

/// The lock file's name inside a generated crate.
pub const FILE: &str = "aliyun-codegen.lock.json";

/// The lock file's layout version.
const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lock {
    /// Layout version of this file.
    pub format: u32,
    /// The spec folder, as shown in generated headers.
    pub spec: String,
    /// The product, version and endpoints the crate calls (absent in locks written before
    /// crates knew them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
    /// The merged APIs, sorted by name.
    pub apis: Vec<Api>,
}

/// The lock file's content for these APIs and the crate's service. File paths are made relative
/// to the spec folder's display path (`spec/vpc/X.md`), so the bytes do not depend on where the
/// generator ran.
pub fn render(apis: &[Api], service: &Service, spec: &str) -> Result<String, serde_json::Error> {
    let mut service = service.clone();
    for page in &mut service.pages {
        *page = relative(page, spec);
    }
    let mut apis = apis.to_vec();
    apis.sort_by(|a, b| a.name.cmp(&b.name));
    for api in &mut apis {
        for s in &mut api.sources {
            s.file = relative(&s.file, spec);
        }
        for e in &mut api.examples.requests {
            e.file = relative(&e.file, spec);
        }
        for e in &mut api.examples.responses {
            e.file = relative(&e.file, spec);
        }
        for e in &mut api.examples.http_requests {
            e.file = relative(&e.file, spec);
        }
        relative_evidence(&mut api.request, spec);
    }
    let lock = Lock {
        format: FORMAT,
        spec: spec.to_string(),
        service: Some(service),
        apis,
    };
    let mut text = serde_json::to_string_pretty(&lock)?;
    text.push('\n');
    Ok(text)
}

/// The places of the values that demoted a rule, relative like the rest.
fn relative_evidence(fields: &mut [crate::model::Field], spec: &str) {
    for f in fields {
        for d in &mut f.demoted {
            d.contradicted_by.file = relative(&d.contradicted_by.file, spec);
        }
        relative_evidence(&mut f.children, spec);
    }
}

/// `…/spec/vpc/X.md` → `spec/vpc/X.md` when `spec` is `spec/vpc`; otherwise the file name.
pub fn relative(file: &str, spec: &str) -> String {
    let file = file.replace('\\', "/");
    let marker = format!("{}/", spec.trim_end_matches('/'));
    if let Some(i) = file.rfind(&marker) {
        return file[i..].to_string();
    }
    file.rsplit('/').next().unwrap_or(&file).to_string()
}

/// Parses a lock file's text.
pub fn parse(text: &str) -> Result<Lock, serde_json::Error> {
    serde_json::from_str(text)
}

/// The APIs recorded in a generated crate's lock file; `None` when it has none.
pub fn read_crate(crate_dir: &Path) -> Option<Result<Vec<Api>, String>> {
    let path = crate_dir.join(FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    Some(
        parse(&text)
            .map(|l| l.apis)
            .map_err(|e| format!("{}: not an IR lock file ({e})", path.display())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_are_relative_to_the_spec_display_path() {
        assert_eq!(
            relative("/home/x/repo/spec/vpc/A.md", "spec/vpc"),
            "spec/vpc/A.md"
        );
        assert_eq!(relative("spec/vpc/A.md", "spec/vpc"), "spec/vpc/A.md");
        assert_eq!(
            relative("C:\\r\\spec\\vpc\\A.md", "spec/vpc"),
            "spec/vpc/A.md"
        );
        assert_eq!(relative("/tmp/other/A.md", "spec/vpc"), "A.md");
    }
}
