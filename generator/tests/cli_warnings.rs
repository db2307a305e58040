//! What `generate` and `check` tell the user about warnings (a count per kind, those that need
//! attention first; `-v` for every line), and `aliyun-codegen explain`, through the binary.
//! The expected text is written by hand from the fleet fixture (tests/fixtures/fleet), whose doc
//! makes nine warnings: four response fields only its example shows, three example values
//! without a place, one type its example contradicts and one rule its example breaks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-codegen");

fn fleet() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fleet")
}

struct Out(PathBuf);

impl Out {
    fn new(tag: &str) -> Out {
        let d =
            std::env::temp_dir().join(format!("aliyun-codegen-cli-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        Out(d)
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

const COUNTS: &str = "  needs attention:
        1  rule-contradicts-example   a rule the doc's own example breaks is not enforced
        1  service-endpoints-unknown  no product page states an endpoint: the client guesses `{product}.{region}.aliyuncs.com`
        1  type-mismatch              a field's documented type disagrees with the doc's examples; the examples win
  for information:
        4  example-only-field         a response field only the example shows is added, typed from the example
        3  example-value-unplaced     a value of a response example has no place in the generated types
";

#[test]
fn generate_counts_warnings_by_kind_attention_first() {
    let out = Out::new("counts");
    let (spec, dir) = (fleet(), out.0.display().to_string());
    let o = run(&["generate", &spec.display().to_string(), &dir]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let expected = format!(
        "{dir}: no aliyun-codegen.lock.json before, no change summary\n\
         {} → {dir}: 5 written, 0 unchanged, 0 removed, 10 warnings\n\
         {COUNTS}  (`aliyun-codegen explain KIND` says what a kind means and what to do; -v prints each)\n",
        spec.display()
    );
    assert_eq!(text(&o.stderr), expected);

    let o = run(&["check", &spec.display().to_string(), &dir]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let expected = format!(
        "{dir}: up to date\n\
         {COUNTS}  (`aliyun-codegen explain KIND` says what a kind means and what to do; -v prints each)\n"
    );
    assert_eq!(text(&o.stderr), expected);
}

#[test]
fn generate_verbose_prints_every_warning_before_the_counts() {
    let out = Out::new("verbose");
    let spec = fleet().display().to_string();
    let o = run(&["generate", "-v", &spec, &out.0.display().to_string()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stderr = text(&o.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    // The lock line, ten warnings (the fixture has no product page, so the endpoint is a
    // guess), the summary, the counts and the hint.
    assert_eq!(lines.len(), 1 + 10 + 1 + 7 + 1, "{stderr}");
    assert!(
        lines[1..11].iter().all(|l| l.contains(": warning[")),
        "{stderr}"
    );
    assert!(lines[1].contains("CreateFleet.md:51: warning[example-only-field]: `Extra`"));
    assert!(lines[11].ends_with("5 written, 0 unchanged, 0 removed, 10 warnings"));
    assert_eq!(lines[12..19].join("\n") + "\n", COUNTS);
    assert_eq!(
        lines[19],
        "  (`aliyun-codegen explain KIND` says what a kind means and what to do)"
    );
}

#[test]
fn explain_prints_a_kind_or_lists_them_all() {
    let o = run(&["explain", "unknown-type"]);
    assert!(o.status.success());
    assert_eq!(
        text(&o.stdout),
        "unknown-type (warning, needs attention): a type the doc names is not known; the field \
         is read and sent as text.\n\nIf the type is a misspelling of `String`, `Integer`, \
         `Long`, `Boolean`, `Float`, `Double`, `Array`, `Object`, `Map` or `Json`, correct the \
         doc; otherwise text is usually right.\n"
    );

    let o = run(&["explain"]);
    assert!(o.status.success());
    let list = text(&o.stdout);
    let attention = list.find("needs attention:\n").expect("attention group");
    let information = list.find("for information:\n").expect("information group");
    assert!(attention < information, "{list}");
    let line = |kind: &str| list.find(&format!("\n  {kind} ")).unwrap_or(usize::MAX);
    assert!(line("unknown-type") < information, "{list}");
    assert!(line("rule-contradicts-example") < information, "{list}");
    assert!(line("example-not-tested") > information && line("example-not-tested") < list.len());
    assert!(list.ends_with("`aliyun-codegen explain KIND` says what to do about one.\n"));

    let o = run(&["explain", "no-such-kind"]);
    assert!(!o.status.success());
    assert_eq!(
        text(&o.stderr),
        "error: no kind `no-such-kind`; `aliyun-codegen explain` lists them\n"
    );
}
