//! The README's claims that code can check, each held here beside the README's own words: a
//! test fails when the README says it and the code does not do it, and when the README stops
//! saying it (then the claim's check goes too). Claims held elsewhere are named at the end.
//!
//! Expected values come from the README's text and the docs (the seed's `UDP（默认值）`, a
//! made-up doc's listed values), never from the generator's output.

use std::path::Path;

use aliyun_codegen::model::{Rule, Type};
use aliyun_codegen::{naming, parse::constraints, Config, RuntimeDependency};
use aliyun_codegen_tests::{check_generated_crate, repo_root};

/// The README with every run of whitespace made one space, so a claim may wrap anywhere.
fn readme() -> String {
    let text = std::fs::read_to_string(repo_root().join("README.md")).expect("README");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_says(readme: &str, words: &str) {
    assert!(readme.contains(words), "the README no longer says: {words}");
}

#[test]
fn setter_names_are_snake_case_with_acronyms_as_words() {
    let readme = readme();
    for (wire, setter) in [
        ("IDaaSInstanceId", "idaas_instance_id"),
        ("UploadURLs", "upload_urls"),
    ] {
        assert_says(&readme, &format!("`{wire}` → `{setter}`"));
        assert_eq!(naming::snake(wire).as_deref(), Some(setter));
    }
}

#[test]
fn list_items_are_named_by_their_item() {
    let readme = readme();
    assert_says(
        &readme,
        "the type its type cell names (`AppInfoList` of `Array of AppInfo` → `Vec<AppInfo>`), else the singular of the list's name (`Instances` → `Vec<Instance>`)",
    );
    assert_eq!(
        naming::list_item("AppInfoList", "Array of AppInfo").as_deref(),
        Some("AppInfo")
    );
    assert_eq!(
        naming::list_item("Instances", "Array").as_deref(),
        Some("Instance")
    );
}

#[test]
fn request_enums_map_values_default_and_keep_unlisted_ones() {
    use aliyun_vpc::create_ssl_vpn_server::Proto;
    let readme = readme();
    assert_says(
        &readme,
        "Parameters with listed values are enums (`Proto::Tcp` ↔ `\"TCP\"`)",
    );
    assert_eq!(Proto::Tcp.as_str(), "TCP");
    assert_eq!("TCP".parse::<Proto>(), Ok(Proto::Tcp));
    // The seed doc: `**UDP**（默认值）`.
    assert_says(
        &readme,
        "with `Default` when the doc names the parameter's default",
    );
    assert_eq!(Proto::default(), Proto::Udp);
    // A sentence about what a resource becomes after an event is no default.
    assert_says(&readme, "`应用创建后默认为Normal`, is no default");
    let found = constraints::extract("应用状态。应用创建后默认为**Normal**。", &Type::String, &[]);
    assert!(
        !found
            .constraints
            .iter()
            .any(|c| matches!(c.rule, Rule::Default { .. })),
        "{:?}",
        found.constraints
    );
    // Unlisted values: kept, sent as they are.
    assert_says(
        &readme,
        "A value the doc does not list is kept in `Unlisted` (`Proto::from(\"XTCP\")`) and sent as it is.",
    );
    let unlisted = Proto::from("XTCP");
    assert_eq!(unlisted.as_str(), "XTCP");
    assert!(!unlisted.is_documented());
    let request = aliyun_vpc::CreateSslVpnServerRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-1")
        .client_ip_pool("192.168.1.0/24")
        .local_subnet("10.0.0.0/8")
        .proto(unlisted)
        .build()
        .expect("listed values are never validated");
    assert!(request
        .to_query()
        .contains(&("Proto".to_string(), "XTCP".to_string())));
}

/// A made-up doc: a request enum `Status`, and a list `AppInfoList` of `Array of AppInfo` whose
/// items have a `Status` listing its values and an `UploadURLs`.
const LIST_APPS: &str = "# ListApps

Lists apps.

## Request parameters

|Parameter|Type|Required|Example|Description|
|--|--|--|--|--|
|Action|String|Yes|ListApps|The operation. Set the value to **ListApps**.|
|Status|String|No|Normal|The status of the apps to list. Valid values:

-   **Normal**
-   **Disable** |

## Response parameters

|Parameter|Type|Example|Description|
|--|--|--|--|
|RequestId|String|r-1|The ID of the request.|
|AppInfoList|Array of AppInfo| |The apps.|
|└AppId|String|app-1|The ID of the app.|
|└Status|String|Normal|The status of the app. Valid values:

-   **Normal**
-   **Disable** |
|└UploadURLs|String|https://a.example/u|Where to upload.|

## Examples

```
{\"RequestId\": \"r-1\", \"AppInfoList\": [{\"AppId\": \"app-1\", \"Status\": \"Normal\", \"UploadURLs\": \"https://a.example/u\"}]}
```
";

/// What a user writes against the crate generated from `LIST_APPS`: each README claim about
/// response types, as code that compiles only if the names are as claimed and asserts the
/// values the claim promises.
const CLAIMS_RS: &str = r##"//! Written by tests/tests/readme_claims.rs: the README's claims about response types.

use aliyun_claims::list_apps::{AppInfo, AppInfoStatus};
use aliyun_claims::ListAppsResponse;

fn decode(body: &str) -> ListAppsResponse {
    aliyun_runtime::de::from_body(body).expect("a JSON body")
}

#[test]
fn response_enums_keep_listed_and_unlisted_values() {
    let listed = decode(r#"{"AppInfoList": [{"AppId": "a", "Status": "Normal"}]}"#);
    let apps: &Vec<AppInfo> = &listed.app_info_list;
    assert_eq!(apps[0].status, Some(AppInfoStatus::Normal));
    let unlisted = decode(r#"{"AppInfoList": [{"AppId": "a", "Status": "Frozen"}]}"#);
    let status = unlisted.app_info_list[0].status.as_ref().expect("kept");
    assert_eq!(status.as_str(), "Frozen");
    assert_ne!(status, &AppInfoStatus::Normal);
}

#[test]
fn plural_acronyms_are_one_word() {
    let r = decode(r#"{"AppInfoList": [{"UploadURLs": "https://a.example/u"}]}"#);
    assert_eq!(
        r.app_info_list[0].upload_urls.as_deref(),
        Some("https://a.example/u")
    );
}
"##;

#[test]
fn response_enums_are_open_and_non_exhaustive_in_a_generated_crate() {
    let readme = readme();
    assert_says(
        &readme,
        "Response fields whose description lists their values are enums too (`AppInfoStatus::Normal`) and keep a value the doc does not list in `Unlisted` (`as_str()` gives it back). Both kinds are `#[non_exhaustive]`.",
    );
    let root = repo_root();
    let spec = std::env::temp_dir().join(format!(
        "aliyun-codegen-readme-claims-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&spec);
    std::fs::create_dir_all(&spec).expect("scratch");
    std::fs::write(spec.join("ListApps.md"), LIST_APPS).expect("doc");
    std::fs::write(
        spec.join("aliyun-codegen.toml"),
        "product = \"Claims\"\nversion = \"2024-01-01\"\n",
    )
    .expect("manifest");
    let out = root.join("target/fixture-crates/readme-claims");
    let config = Config::new()
        .standalone(true)
        .runtime(RuntimeDependency::Path(
            root.join("runtime").display().to_string(),
        ));
    let (files, _) = config.render_crate(&spec, &out).expect("generates");
    let _ = std::fs::remove_dir_all(&spec);
    let module = &files["src/list_apps.rs"];
    for (enum_name, kind) in [("Status", "request"), ("AppInfoStatus", "response")] {
        assert!(
            module.contains(&format!("#[non_exhaustive]\npub enum {enum_name} {{")),
            "the {kind} enum {enum_name} is not #[non_exhaustive]"
        );
    }
    aliyun_codegen::write_crate(&out, &files).expect("write");
    std::fs::create_dir_all(out.join("tests")).expect("tests dir");
    std::fs::write(out.join("tests/claims.rs"), CLAIMS_RS).expect("claims");
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("lock");
    check_generated_crate(&out, "readme-claims");
}

/// The README's build.rs section and `tests/downstream` say the same: the calls the README shows
/// are the ones the working example makes.
#[test]
fn the_build_rs_section_matches_the_working_example() {
    let readme = readme();
    let build = std::fs::read_to_string(repo_root().join("tests/downstream/build.rs"))
        .expect("downstream build.rs");
    let manifest = std::fs::read_to_string(repo_root().join("tests/downstream/Cargo.toml"))
        .expect("downstream Cargo.toml");
    for call in [
        ".emit_rerun_if_changed(true)",
        ".generate_module(",
        "report.emit_cargo_warnings();",
        "fn main() -> Result<(), Box<dyn std::error::Error>>",
    ] {
        assert_says(&readme, call);
        assert!(
            build.contains(call),
            "tests/downstream/build.rs lacks {call}"
        );
    }
    assert_says(&readme, "features = [\"reqwest\"] }");
    assert!(manifest.contains("features = [\"reqwest\"]"));
    assert!(Path::new(&repo_root().join("tests/downstream/src/lib.rs")).exists());
}

// Claims held by other tests:
// - "a transport error names the host it tried": runtime/tests/client_e2e.rs
//   `transport_errors_name_the_host`;
// - the Getting started steps, followed literally: tests/scripts/user-path.sh;
// - the runtime dependency by version, `--runtime-path` relative, `check`'s
//   `runtime-mismatch`: tests/tests/runtime_dependency.rs;
// - `table-cut` and `no-response-table`: tests/tests/truncated_docs.rs;
// - `[locations.<Api>]` and `manifest-location`: tests/tests/manifest_locations.rs;
// - the diff report quoted in "What the report says": tests/tests/revisions.rs;
// - `Failure` printed as the CLI prints it, `emit_cargo_warnings`: the unit tests of
//   generator/src/diagnostics/mod.rs and generator/src/lib.rs.
