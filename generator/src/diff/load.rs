//! One side of a diff: a doc, a spec folder (zh-CN and en-US merged as `generate` does), a
//! generated crate folder or its IR lock file, or IR JSON as `aliyun-codegen ir` prints it.

use std::path::Path;

use serde_json::Value;

use super::lock;
use crate::model::Api;
use crate::parse::{self, DocDefaults};
use crate::Config;

/// The APIs of one side.
#[derive(Debug, Clone)]
pub struct Side {
    pub apis: Vec<Api>,
    /// Read from one document: its API is compared with the other side's single API whatever
    /// their names.
    pub single_doc: bool,
}

/// Reads one side of a diff. Errors name the path and what was expected.
pub fn load(path: &Path, config: &Config, defaults: &DocDefaults) -> Result<Side, String> {
    let shown = path.display().to_string();
    if path.is_dir() {
        if let Some(apis) = lock::read_crate(path) {
            return Ok(Side {
                apis: apis?,
                single_doc: false,
            });
        }
        if path.join("Cargo.toml").is_file() && path.join("src").join("lib.rs").is_file() {
            return Err(format!(
                "{shown}: a crate without {} (generated before the lock existed?): diff the \
                 spec folder it was generated from, or regenerate it first",
                lock::FILE
            ));
        }
        let loaded = config.load(path).map_err(|f| failure_text(&f))?;
        return Ok(Side {
            apis: loaded.apis,
            single_doc: false,
        });
    }
    let text = crate::read_doc(path).map_err(|f| failure_text(&f))?;
    if path.extension().is_some_and(|e| e == "json") {
        return Ok(Side {
            apis: ir_json(&text).map_err(|e| format!("{shown}: {e}"))?,
            single_doc: false,
        });
    }
    let (api, _) = parse::parse_doc(&shown, &text, defaults).map_err(|f| failure_text(&f))?;
    Ok(Side {
        apis: vec![api],
        single_doc: true,
    })
}

/// A lock file (`{"apis": […]}`), an array of APIs, or one API.
fn ir_json(text: &str) -> Result<Vec<Api>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    let expected = "expected an IR lock file, an API's IR or an array of them";
    if value.get("apis").is_some() {
        return lock::parse(text)
            .map(|l| l.apis)
            .map_err(|e| format!("{expected} ({e})"));
    }
    if value.is_array() {
        return serde_json::from_value(value).map_err(|e| format!("{expected} ({e})"));
    }
    serde_json::from_value::<Api>(value)
        .map(|a| vec![a])
        .map_err(|e| format!("{expected} ({e})"))
}

fn failure_text(f: &crate::Failure) -> String {
    f.diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
