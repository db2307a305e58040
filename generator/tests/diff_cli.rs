//! `aliyun-codegen diff` and the IR lock, through the binary: folder diffs, exit codes, the
//! JSON shape, and the lock a generated crate keeps.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-codegen");

/// A made-up en-US doc of API `name` with these request rows.
fn doc(name: &str, rows: &str) -> String {
    format!(
        "# {name}\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n\
         |Action|String|Yes|{name}|Set the value to **{name}**.|\n{rows}\n\n\
         ## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n\
         |RequestId|String|r|The request ID.|\n\n\
         ## Error codes\n\n|HttpCode|Error code|Error message|Description|\n|--|--|--|--|\n|400|A.B|m|d|\n"
    )
}

/// The zh-CN doc of the same API (merged with the en-US one in a folder).
fn doc_zh(name: &str) -> String {
    format!(
        "# {name}\n\n## 请求参数\n\n|名称|类型|是否必选|示例值|描述|\n|--|--|----|---|--|\n\
         |Action|String|是|{name}|取值：**{name}**。|\n|Port|Integer|否|1194|端口。|\n\n\
         ## 返回数据\n\n|名称|类型|示例值|描述|\n|--|--|---|--|\n|RequestId|String|r|请求ID。|\n"
    )
}

struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let d =
            std::env::temp_dir().join(format!("aliyun-codegen-diff-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp folder");
        Dir(d)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("folder");
        std::fs::write(&p, text).expect("write");
        p
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&Path]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(["--product", "Foo", "--version", "2020-01-01"])
        .output()
        .expect("runs")
}

fn diff_json(old: &Path, new: &Path, extra: &[&str]) -> (Value, Option<i32>) {
    let out = Command::new(BIN)
        .arg("diff")
        .arg(old)
        .arg(new)
        .args([
            "--format",
            "json",
            "--product",
            "Foo",
            "--version",
            "2020-01-01",
        ])
        .args(extra)
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (json, out.status.code())
}

#[test]
fn folders_match_apis_by_name_and_merge_languages() {
    let d = Dir::new("folders");
    d.write(
        "old/Keep.md",
        &doc("Keep", "|Port|Integer|No|1194|The port.|"),
    );
    d.write("old/Gone.md", &doc("Gone", ""));
    d.write(
        "new/Keep.md",
        &doc("Keep", "|Port|Integer|No|1194|The port.|"),
    );
    // The zh-CN doc of Keep in the new folder merges into Keep: no API appears twice.
    d.write("new/zh/Keep.md", &doc_zh("Keep"));
    d.write("new/Fresh.md", &doc("Fresh", ""));
    let (json, code) = diff_json(&d.0.join("old"), &d.0.join("new"), &[]);
    assert_eq!(code, Some(0), "no --fail-on-breaking: exit 0");
    let changes = json["changes"].as_array().expect("changes");
    let brief: Vec<(&str, &str, bool)> = changes
        .iter()
        .map(|c| {
            (
                c["api"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
                c["breaking"].as_bool().unwrap(),
            )
        })
        .collect();
    // Breaking first within an API, APIs by name; Keep only gains its Chinese translations.
    assert_eq!(
        brief,
        vec![("Fresh", "api_added", false), ("Gone", "api_removed", true)]
    );
    assert_eq!(json["breaking"], Value::Bool(true));
    assert_eq!(json["semver"], "major");
}

#[test]
fn fail_on_breaking_sets_the_exit_code_and_json_has_the_documented_shape() {
    let d = Dir::new("exit");
    let old = d.write("old.md", &doc("Foo", "|Port|Integer|No|1194|The port.|"));
    let new = d.write(
        "new.md",
        &doc(
            "Foo",
            "|Port|Integer|Yes|1194|The port.|\n|Zone|String|No|z|The zone.|",
        ),
    );
    let (json, code) = diff_json(&old, &new, &["--fail-on-breaking"]);
    assert_eq!(code, Some(1));
    let keys: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["breaking", "changes", "semver"]);
    let c = &json["changes"][0];
    let mut change_keys: Vec<&String> = c.as_object().expect("object").keys().collect();
    change_keys.sort();
    assert_eq!(
        change_keys,
        [
            "api",
            "breaking",
            "docs_only",
            "kind",
            "name",
            "new",
            "old",
            "where"
        ]
    );
    assert_eq!(
        (
            &c["api"],
            &c["kind"],
            &c["where"],
            &c["name"],
            &c["old"],
            &c["new"],
            &c["breaking"]
        ),
        (
            &Value::from("Foo"),
            &Value::from("required_changed"),
            &Value::from("request"),
            &Value::from("Port"),
            &Value::Bool(false),
            &Value::Bool(true),
            &Value::Bool(true)
        )
    );
    assert_eq!(c["docs_only"], Value::Bool(false));
    assert_eq!(json["changes"][1]["kind"], "param_added");
    assert_eq!(json["changes"][1]["breaking"], false);
    // Compatible changes only: exit 0 even with the flag.
    let (json, code) = diff_json(&new, &new, &["--fail-on-breaking"]);
    assert_eq!((code, &json["semver"]), (Some(0), &Value::from("patch")));
    let (_, code) = diff_json(&new, &old, &[]);
    assert_eq!(code, Some(0), "breaking without the flag: exit 0");
}

#[test]
fn markdown_is_a_changelog_entry() {
    let d = Dir::new("md");
    let old = d.write("old.md", &doc("Foo", "|Port|Integer|No|1194|The port.|"));
    let new = d.write("new.md", &doc("Foo", ""));
    let out = Command::new(BIN)
        .args(["diff", "--format", "markdown"])
        .arg(&old)
        .arg(&new)
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.starts_with("## Unreleased\n\nSemver: **major**"),
        "{text}"
    );
    assert!(
        text.contains("### Breaking changes\n\n- `Foo`: parameter `Port` removed\n"),
        "{text}"
    );
}

#[test]
fn generated_crates_keep_their_ir_and_serve_as_old() {
    let d = Dir::new("lock");
    let spec = d.0.join("spec/foo");
    let out = d.0.join("out");
    d.write(
        "spec/foo/Foo.md",
        &doc("Foo", "|Port|Integer|No|1194|The port.|"),
    );
    let gen = run(&[Path::new("generate"), &spec, &out]);
    assert!(
        gen.status.success(),
        "{}",
        String::from_utf8_lossy(&gen.stderr)
    );
    let lock_path = out.join("aliyun-codegen.lock.json");
    let lock: Value =
        serde_json::from_str(&std::fs::read_to_string(&lock_path).expect("lock written"))
            .expect("JSON");
    assert_eq!(lock["apis"][0]["name"], "Foo");
    // Paths in the lock do not depend on where the generator ran.
    assert_eq!(lock["apis"][0]["sources"][0]["file"], "spec/foo/Foo.md");

    // The docs change: check names the stale lock, diff takes the crate folder or the lock.
    d.write("spec/foo/Foo.md", &doc("Foo", ""));
    let check = run(&[Path::new("check"), &spec, &out]);
    assert!(!check.status.success());
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(said.contains("aliyun-codegen.lock.json"), "{said}");
    for old in [&out, &lock_path] {
        let (json, code) = diff_json(old, &spec, &["--fail-on-breaking"]);
        assert_eq!(code, Some(1));
        assert_eq!(json["changes"][0]["kind"], "param_removed");
        assert_eq!(json["changes"][0]["name"], "Port");
    }
    // generate prints the same summary against the crate it overwrites.
    let gen = run(&[Path::new("generate"), &spec, &out]);
    let said = String::from_utf8_lossy(&gen.stderr);
    assert!(gen.status.success(), "{said}");
    assert!(
        said.contains("param_removed") && said.contains("Port"),
        "{said}"
    );
    assert!(said.contains("semver major"), "{said}");
    let check = run(&[Path::new("check"), &spec, &out]);
    assert!(check.status.success());

    // A crate generated before the lock existed is named as such, not read as a spec folder.
    std::fs::remove_file(&lock_path).expect("remove the lock");
    let old = Command::new(BIN)
        .arg("diff")
        .arg(&out)
        .arg(&spec)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&old.stderr);
    assert_eq!(old.status.code(), Some(1));
    assert!(
        said.contains("a crate without aliyun-codegen.lock.json"),
        "{said}"
    );
}
