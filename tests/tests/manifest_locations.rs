//! `[locations.<Api>]` in a spec folder's manifest (issue 25.6): a user corrects where a
//! REST-style API's parameters go when the doc has no Position column (every parameter the
//! path does not name is guessed as query). Applied after parsing; a wrong entry is an error
//! naming the manifest's line.

use std::path::PathBuf;

use aliyun_codegen::{Config, Failure};

/// A made-up REST-style doc without a Position column: `AppId` is in the path, `AppName` and
/// `Token` are guessed as query.
const DOC: &str = "# UpdateApp

Updates an app.

## Request syntax

```
PUT /apps/[AppId] HTTP/1.1
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|--|--|--|--|--|
|AppId|String|Yes|app-1|The ID of the app.|
|AppName|String|Yes|web|The new name of the app.|
|Token|String|No|t-1|A token.|

## Response parameters

|Parameter|Type|Example|Description|
|--|--|--|--|
|RequestId|String|r-1|The ID of the request.|
";

fn spec(name: &str, manifest: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-locations-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join("UpdateApp.md"), DOC).expect("doc");
    std::fs::write(
        dir.join("aliyun-codegen.toml"),
        format!("product = \"Apps\"\nversion = \"2024-01-01\"\n\n{manifest}"),
    )
    .expect("manifest");
    dir
}

fn location_of(config_dir: &PathBuf, param: &str) -> Option<String> {
    let loaded = Config::new().load(config_dir).expect("loads");
    let api = &loaded.apis[0];
    let field = api.request.iter().find(|f| f.name == param).expect("param");
    field.location.clone()
}

#[test]
fn without_the_manifest_the_guess_is_query_and_reported() {
    let dir = spec("none", "");
    let loaded = Config::new().load(&dir).expect("loads");
    let inferred: Vec<&str> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.kind == "roa-location-inferred")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        inferred.iter().any(|m| m.starts_with("`AppName`:")),
        "{inferred:?}"
    );
    assert_eq!(location_of(&dir, "AppName").as_deref(), Some("query"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_manifest_places_parameters_and_the_crate_sends_them_there() {
    let dir = spec(
        "placed",
        "[locations.UpdateApp]\nAppName = \"body\"\nToken = \"header\"\n",
    );
    assert_eq!(location_of(&dir, "AppName").as_deref(), Some("body"));
    assert_eq!(location_of(&dir, "Token").as_deref(), Some("header"));
    let (files, diagnostics) = Config::new()
        .render_crate(&dir, dir.join("out"))
        .expect("generates");
    // Settled by the manifest: no longer reported as guessed.
    for d in diagnostics
        .iter()
        .filter(|d| d.kind == "roa-location-inferred")
    {
        assert!(
            !d.message.starts_with("`AppName`:") && !d.message.starts_with("`Token`:"),
            "{d}"
        );
    }
    let module = &files["src/update_app.rs"];
    assert!(module.contains("r.body_member(\"AppName\", x)"), "{module}");
    assert!(module.contains("r.header(\"Token\", x)"), "{module}");
    assert!(module.contains("r.path_param(\"AppId\", x)"), "{module}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn failure(name: &str, manifest: &str) -> Failure {
    let dir = spec(name, manifest);
    let f = Config::new().load(&dir).expect_err("the entry is wrong");
    let _ = std::fs::remove_dir_all(&dir);
    f
}

/// Each wrong entry is one `manifest-location` error at its own line of the manifest (the
/// manifest's lines 1-2 are product and version, line 3 is blank).
#[test]
fn a_wrong_entry_names_its_manifest_line() {
    let cases = [
        (
            "[locations.UpdateApps]\nAppName = \"body\"\n",
            5,
            "no API `UpdateApps`",
        ),
        (
            "[locations.UpdateApp]\nAppNam = \"body\"\n",
            5,
            "has no parameter `AppNam` (its parameters: AppId, AppName, Token)",
        ),
        (
            "[locations.UpdateApp]\nToken = \"header\"\nAppName = \"cookie\"\n",
            6,
            "not a location; expected one of path, query, header, body, payload",
        ),
        (
            "[locations.UpdateApp]\nAppId = \"query\"\n",
            5,
            "`AppId` is a placeholder of the path `/apps/{AppId}`",
        ),
        (
            "[locations.UpdateApp]\nAppName = \"path\"\n",
            5,
            "the path `/apps/{AppId}` has no `{AppName}` placeholder",
        ),
    ];
    for (i, (manifest, line, says)) in cases.iter().enumerate() {
        let f = failure(&format!("wrong-{i}"), manifest);
        let errors: Vec<_> = f.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{f}");
        let e = errors[0];
        assert_eq!((e.kind, e.line), ("manifest-location", *line), "{e}");
        assert!(e.file.ends_with("aliyun-codegen.toml"), "{e}");
        assert!(e.message.contains(says), "{e}");
    }
}

#[test]
fn an_rpc_api_takes_no_locations() {
    let dir = std::env::temp_dir().join(format!(
        "aliyun-codegen-locations-rpc-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::copy(
        aliyun_codegen_tests::repo_root().join("spec/vpc/CreateSslVpnServer.md"),
        dir.join("CreateSslVpnServer.md"),
    )
    .expect("seed");
    std::fs::write(
        dir.join("aliyun-codegen.toml"),
        "[locations.CreateSslVpnServer]\nName = \"body\"\n",
    )
    .expect("manifest");
    let f = Config::new().load(&dir).expect_err("RPC");
    let _ = std::fs::remove_dir_all(&dir);
    let e = &f.diagnostics[0];
    assert_eq!((e.kind, e.line), ("manifest-location", 2), "{e}");
    assert!(e.message.contains("RPC-style"), "{e}");
}
