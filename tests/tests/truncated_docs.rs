//! No silent loss (issue 25.4): a doc cut short (a request table with a header and no rows, a
//! table cut mid-row, a response table cut) is an error for that doc, never a struct that
//! compiles without the fields the doc was meant to list. Beside a whole doc of the same
//! product, so that the verdict is per doc.

use std::path::PathBuf;

use aliyun_codegen::{Config, Diagnostic, Severity};

/// A made-up API doc, whole: two request parameters, two response fields, an example.
const WHOLE: &str = "# CreateThing

Creates a thing.

## Request parameters

|Parameter|Type|Required|Example|Description|
|--|--|--|--|--|
|Action|String|Yes|CreateThing|The operation. Set the value to **CreateThing**.|
|ThingName|String|Yes|lamp|The name of the thing.|
|Color|String|No|red|The color of the thing.|

## Response parameters

|Parameter|Type|Example|Description|
|--|--|--|--|
|RequestId|String|5A2C-77|The ID of the request.|
|ThingId|String|t-123|The ID of the thing.|

## Examples

```
{\"RequestId\": \"5A2C-77\", \"ThingId\": \"t-123\"}
```
";

/// `WHOLE` up to (and without) the first occurrence of `cut`.
fn cut_before(cut: &str) -> String {
    let at = WHOLE.find(cut).expect("the cut point is in the doc");
    WHOLE[..at].to_string()
}

/// Generates a product of a whole made-up doc (`CreateOther`) and `truncated` as
/// `CreateThing.md`; returns the errors for `CreateThing.md` and every generated file.
fn generate(name: &str, truncated: &str) -> (Vec<Diagnostic>, Vec<(String, String)>) {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-truncated-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = dir.join("spec/things");
    std::fs::create_dir_all(&spec).expect("scratch");
    std::fs::write(
        spec.join("aliyun-codegen.toml"),
        "product = \"Things\"\nversion = \"2024-01-01\"\n",
    )
    .expect("manifest");
    std::fs::write(
        spec.join("CreateOther.md"),
        WHOLE.replace("CreateThing", "CreateOther"),
    )
    .expect("whole doc");
    std::fs::write(spec.join("CreateThing.md"), truncated).expect("truncated doc");
    let out: PathBuf = dir.join("generated/things");
    let (diagnostics, files) = match Config::new().render_crate(&spec, &out) {
        Ok((files, diagnostics)) => (diagnostics, files.into_iter().collect()),
        Err(failure) => (failure.diagnostics, Vec::new()),
    };
    let _ = std::fs::remove_dir_all(&dir);
    let errors = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.file.ends_with("CreateThing.md"))
        .collect();
    (errors, files)
}

/// The truncated doc gives one `table-cut` error at `line`, and no generated file holds a type
/// of its API (whether the product fails whole, or the doc is skipped and the rest generates).
fn assert_cut(name: &str, truncated: &str, line: usize) {
    let (errors, files) = generate(name, truncated);
    let kinds: Vec<(&str, usize)> = errors.iter().map(|d| (d.kind, d.line)).collect();
    assert_eq!(kinds, [("table-cut", line)], "{errors:#?}");
    for (path, text) in &files {
        assert!(
            !text.contains("CreateThingRequest") && !text.contains("CreateThingResponse"),
            "{path} holds a type of the truncated doc"
        );
    }
}

#[test]
fn the_whole_doc_generates() {
    let (errors, files) = generate("whole", WHOLE);
    assert!(errors.is_empty(), "{errors:#?}");
    let module = files
        .iter()
        .find(|(path, _)| path == "src/create_thing.rs")
        .map(|(_, text)| text)
        .expect("the module of CreateThing");
    assert!(
        module.contains("pub thing_name: ::std::string::String"),
        "{module}"
    );
    assert!(module.contains("pub thing_id:"), "{module}");
}

#[test]
fn a_request_table_with_its_header_only_is_an_error() {
    // The header (line 7) and its separator, then the text ends.
    let truncated = cut_before("|Action|");
    assert_cut("header-only", &truncated, 7);
}

#[test]
fn a_request_table_cut_mid_row_is_an_error() {
    // Cut inside the ThingName row (line 10), after its type cell.
    let truncated = cut_before("Yes|lamp|");
    assert_cut("request-mid-row", &truncated, 10);
}

#[test]
fn a_response_table_cut_mid_row_is_an_error() {
    // Cut inside the ThingId row (line 18): the request table is whole.
    let truncated = cut_before("t-123|The ID of the thing");
    assert_cut("response-mid-row", &truncated, 18);
}

#[test]
fn a_response_table_with_its_header_only_is_an_error() {
    let truncated = cut_before("|RequestId|");
    assert_cut("response-header-only", &truncated, 15);
}

/// The diagnostics (all severities) of the doc `CreateThing.md` as the only doc of a product.
fn diagnostics_of(name: &str, doc: &str) -> Vec<Diagnostic> {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-truncated-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join("CreateThing.md"), doc).expect("doc");
    let loaded = Config::new()
        .product("Things")
        .version("2024-01-01")
        .load(&dir)
        .expect("loads");
    let _ = std::fs::remove_dir_all(&dir);
    loaded.diagnostics
}

#[test]
fn no_response_table_says_what_the_response_type_holds() {
    // Cut before the response section: no table, no example. A doc may lack a response table
    // (some APIs answer with nothing else), so this is a warning, and it says the type is empty.
    let no_response = cut_before("## Response parameters");
    let diags = diagnostics_of("no-response", &no_response);
    let warning = diags
        .iter()
        .find(|d| d.kind == "no-response-table")
        .expect("a no-response-table warning");
    assert!(warning.message.contains("has no fields"), "{warning}");

    // Without the table but with the example: the fields the example shows.
    let example_only = WHOLE.replace(
        &WHOLE[WHOLE.find("## Response parameters").unwrap()..WHOLE.find("## Examples").unwrap()],
        "",
    );
    let diags = diagnostics_of("example-only", &example_only);
    let warning = diags
        .iter()
        .find(|d| d.kind == "no-response-table")
        .expect("a no-response-table warning");
    assert!(
        warning
            .message
            .contains("only what the response examples show (RequestId, ThingId)"),
        "{warning}"
    );
}
