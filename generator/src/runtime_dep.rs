//! How a generated crate depends on `aliyun-runtime`: by version (the default, what a user
//! outside this repository needs), or by a path for local development, written relative to the
//! generated crate so that no generated file holds an absolute path; and the check that a
//! generated crate's dependency still fits the code this generator writes.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::emit::RuntimeDependency;

/// The version of `aliyun-runtime` the generated code is written for. Generated crates ask for
/// it as a caret requirement (`version = "0.1.0"`: any `0.1.x` from `0.1.0` on, by the
/// runtime's semver policy). Kept equal to `runtime/Cargo.toml`'s version by a test.
pub const RUNTIME_VERSION: &str = "0.1.0";

/// The dependency written when no path is given: the runtime by version.
pub fn by_version() -> RuntimeDependency {
    RuntimeDependency::Version(RUNTIME_VERSION.to_string())
}

/// `path` made absolute against the current directory, with `.` and `..` folded (lexically:
/// the folders may not exist yet).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The path from folder `from` to `to`, both absolute (`../../runtime`), with `/` separators so
/// the generated `Cargo.toml` is the same on every machine. `None` when they share no root (two
/// Windows drives).
pub fn relative(from: &Path, to: &Path) -> Option<String> {
    let (from, to) = (absolute(from), absolute(to));
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    if a.first() != b.first() {
        return None;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

/// A path dependency on the runtime at `runtime` (absolute, or relative to the current
/// directory), written relative to the crate generated into `out_dir`.
pub fn path_from(out_dir: &Path, runtime: &Path) -> Result<RuntimeDependency, Diagnostic> {
    relative(out_dir, runtime)
        .map(RuntimeDependency::Path)
        .ok_or_else(|| {
            Diagnostic::error(
                &runtime.display().to_string(),
                0,
                "runtime-path",
                format!(
                    "the runtime at `{}` cannot be reached by a relative path from `{}`; generated files hold no absolute path: depend on the runtime by version and point `[patch.crates-io]` at your copy",
                    runtime.display(),
                    out_dir.display()
                ),
            )
        })
}

/// A version as numbers (`0.1.0`, `0.1`, `1`); `None` when it is not one.
fn numbers(text: &str) -> Option<Vec<u64>> {
    let core = text.split(['-', '+']).next()?;
    let parts: Option<Vec<u64>> = core.split('.').map(|p| p.trim().parse().ok()).collect();
    parts.filter(|p| (1..=3).contains(&p.len()))
}

/// Whether `version` satisfies the caret requirement `req` (`0.1.0` = `>=0.1.0, <0.2.0`;
/// `1.2` = `>=1.2.0, <2.0.0`), cargo's meaning of a bare version.
fn caret_matches(req: &[u64], version: &[u64]) -> bool {
    let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
    // The first non-zero number of the requirement (or the last one given) must stay equal.
    let fixed = (0..req.len())
        .find(|&i| req[i] != 0)
        .unwrap_or(req.len() - 1);
    (0..=fixed).all(|i| at(req, i) == at(version, i))
        && (0..3)
            .map(|i| at(version, i))
            .ge((0..3).map(|i| at(req, i)))
}

/// What a generated crate's `aliyun-runtime` dependency is wrong about, if anything: a version
/// requirement that does not admit the runtime this generator writes code for, or a path whose
/// runtime is another version (or no runtime at all). `out_dir` is the crate's folder.
pub fn check(out_dir: &Path) -> Option<Diagnostic> {
    let manifest = out_dir.join("Cargo.toml");
    let file = manifest.display().to_string();
    let problem = |message: String| Some(Diagnostic::error(&file, 0, "runtime-mismatch", message));
    let text = std::fs::read_to_string(&manifest).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let Some(dep) = table
        .get("dependencies")
        .and_then(|d| d.get("aliyun-runtime"))
    else {
        return problem("the crate does not depend on aliyun-runtime".to_string());
    };
    let want = numbers(RUNTIME_VERSION).unwrap_or_default();
    let requirement = dep
        .as_str()
        .or_else(|| dep.get("version").and_then(|v| v.as_str()));
    if let Some(req) = requirement {
        let bare = req.trim().trim_start_matches('^');
        // Only caret requirements (cargo's default) are judged; `=`, `~`, `>=` are the user's.
        if let Some(req_numbers) = numbers(bare) {
            if !caret_matches(&req_numbers, &want) {
                return problem(format!(
                    "the crate asks for aliyun-runtime `{req}`, but this generator writes code for {RUNTIME_VERSION}: regenerate the crate"
                ));
            }
        }
    }
    let path = dep.get("path").and_then(|p| p.as_str())?;
    let runtime_manifest = out_dir.join(path).join("Cargo.toml");
    let found = std::fs::read_to_string(&runtime_manifest)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .and_then(|t| {
            let package = t.get("package")?;
            (package.get("name")?.as_str()? == "aliyun-runtime")
                .then(|| package.get("version")?.as_str().map(str::to_string))?
        });
    match found {
        None => problem(format!(
            "the crate depends on aliyun-runtime at `{path}`, but `{}` is not aliyun-runtime's manifest: regenerate with the right `--runtime-path` (or `runtime-path` in aliyun-codegen.toml)",
            runtime_manifest.display()
        )),
        Some(version) if !numbers(&version).is_some_and(|v| caret_matches(&want, &v)) => {
            problem(format!(
                "the aliyun-runtime at `{path}` is version {version}, but this generator writes code for {RUNTIME_VERSION}: update that copy of the runtime or point `--runtime-path` at a matching one"
            ))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(
            r("/repo/generated/vpc", "/repo/runtime").as_deref(),
            Some("../../runtime")
        );
        assert_eq!(
            r("/repo/target/x/../fixture-crates/w", "/repo/runtime").as_deref(),
            Some("../../../runtime")
        );
        assert_eq!(r("/a/b", "/a/b/c").as_deref(), Some("c"));
        assert_eq!(r("/a/b", "/a/b").as_deref(), Some("."));
    }

    #[test]
    fn caret_requirements_as_cargo_reads_them() {
        let m = |req: &str, v: &str| caret_matches(&numbers(req).unwrap(), &numbers(v).unwrap());
        // The cargo book's table of caret requirements.
        assert!(m("0.1.0", "0.1.0") && m("0.1.0", "0.1.9") && !m("0.1.0", "0.2.0"));
        assert!(m("0.1", "0.1.4") && !m("0.1.3", "0.1.2"));
        assert!(m("1.2.3", "1.9.0") && !m("1.2.3", "2.0.0") && !m("1.2.3", "1.2.2"));
        assert!(m("0.0.3", "0.0.3") && !m("0.0.3", "0.0.4"));
        assert!(m("0", "0.9.9") && !m("0", "1.0.0"));
    }
}
