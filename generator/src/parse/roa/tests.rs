//! Unit tests of the REST-style placing ([`super`]), on made-up docs.

use super::*;

#[test]
fn placeholders_and_typos() {
    assert_eq!(text::bracketed("[InstanceId]"), Some("InstanceId"));
    assert_eq!(text::bracketed("{apiId}"), Some("apiId"));
    assert_eq!(text::bracketed("<logstorename>"), Some("logstorename"));
    assert_eq!(text::bracketed("things"), None);
    assert!(is_transposition("ProdcutKey", "ProductKey"));
    assert!(!is_transposition("ProductKey", "ProductKey"));
    assert!(!is_transposition("tsls", "things"));
    assert!(is_lower_camel_name("createInstance"));
    assert!(!is_lower_camel_name("overview"));
}

fn parse(doc: &str) -> (crate::model::Api, Vec<crate::diagnostics::Diagnostic>) {
    super::super::parse_doc("t.md", doc, &Default::default()).expect("parses")
}

fn locations(api: &crate::model::Api) -> Vec<(&str, &str)> {
    api.request
        .iter()
        .map(|f| (f.name.as_str(), f.location.as_deref().unwrap_or("")))
        .collect()
}

const DOC: &str = "# CreateThing\n\n## 请求语法\n\n```\nPOST /v1/groups/[GroupId]/things HTTP/1.1\n```\n\n## 请求参数\n\n|名称|类型|位置|是否必选|示例值|描述|\n|--|--|--|--|--|--|\n|GroupId|String|Path|是|g 1|组。 |\n|Mode|String|Query|否|fast|模式。 |\n\nRequestBody中需要填入以下参数。\n\n|参数|类型|是否必填|示例值|描述|\n|--|--|--|--|--|\n|spec|Struct|是| |规格。 |\n|└size|Integer|否|2|大小。 |\n\n## 返回数据\n\n|名称|类型|示例值|描述|\n|--|--|--|--|\n|RequestId|String|r|请求ID。 |\n\n## 示例\n\n请求示例\n\n```\nPOST /v1/groups/g%201/things?Mode=fast HTTP/1.1\n公共请求头\n{\"spec\": {\"size\": 2}}\n```\n";

#[test]
fn a_small_roa_doc() {
    let (api, diags) = parse(DOC);
    assert_eq!(api.style, "ROA");
    assert_eq!(api.method.as_deref(), Some("POST"));
    assert_eq!(api.path.as_deref(), Some("/v1/groups/{GroupId}/things"));
    assert_eq!(
        locations(&api),
        vec![("GroupId", "path"), ("Mode", "query"), ("spec", "body")]
    );
    assert_eq!(api.request[2].children[0].name, "size");
    assert_eq!(api.request[2].children[0].location.as_deref(), Some("body"));
    let ex = &api.examples.http_requests[0];
    assert_eq!(ex.path, "/v1/groups/g%201/things");
    assert_eq!(ex.query[0].value, "fast");
    assert_eq!(ex.body.as_deref(), Some(r#"{"spec":{"size":2}}"#));
    assert!(api.examples.requests.is_empty(), "{diags:?}");
}

/// Issue 26's classes on made-up docs: a second table in the request section (path, then
/// query parameters), a JSON body example deciding positions, a literal path segment named
/// like a body parameter, and a JSON array as the whole body.
#[test]
fn every_table_is_read_and_the_example_places_what_the_table_does_not() {
    let doc = "# TagThings\n\n## Request syntax\n\n```\nPOST /things/[ThingId]/tags HTTP/1.1\n```\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|ThingId|String|Yes|t-1|The thing.|\n\nQuery parameters:\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|ClientToken|String|No|abc|A token.|\n|tags|Array of String|Yes|a|The tags.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The ID.|\n\n## Examples\n\n```\nPOST /things/t-1/tags?ClientToken=abc HTTP/1.1\nCommon request headers\n{\"tags\": [\"a\", \"b\"]}\n```\n";
    let (api, _) = parse(doc);
    assert_eq!(
        api.path.as_deref(),
        Some("/things/{ThingId}/tags"),
        "`tags` is a path word"
    );
    assert_eq!(
        locations(&api),
        vec![
            ("ThingId", "path"),
            ("ClientToken", "query"),
            ("tags", "body")
        ]
    );
    let doc = doc
        .replace("{\"tags\": [\"a\", \"b\"]}", "[{\"Key\": \"k\"}]")
        .replace(
            "|tags|Array of String|Yes|a|The tags.|",
            "|Body|Array|Yes| |The tags, as the whole body.|",
        );
    let (api, _) = parse(&doc);
    assert_eq!(
        api.examples.http_requests[0].body.as_deref(),
        Some(r#"[{"Key":"k"}]"#)
    );
}

/// The request line's query: a pair whose value is a word and names no parameter is sent
/// with every request (`type=heartbeat`, a bare `acl`); a value naming a row places that
/// row under the line's key (`shard=shardId`); a segment naming a row in another case is
/// its placeholder (`logstorename` for `logstoreName`).
#[test]
fn the_request_lines_query_fixes_words_and_places_named_values() {
    let doc = "# Beat\n\n## Request syntax\n\n```\nPOST /logstores/logstorename/groups/Group?type=heartbeat&acl&shard=shardId&consumer=<consumer>&size=20 HTTP/1.1\n```\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|logstoreName|String|Yes|ls|The logstore.|\n|Group|String|Yes|g|The group.|\n|shardId|Integer|No|0|The shard.|\n|consumer|String|Yes|c|The consumer.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The ID.|\n\n## Examples\n\n```\nPOST /logstores/ls/groups/g?type=heartbeat&acl&shard=0&consumer=c HTTP/1.1\n```\n";
    let (api, diags) = parse(doc);
    // `size=20` is a number, which may be an example: not fixed.
    assert_eq!(
        api.path.as_deref(),
        Some("/logstores/{logstoreName}/groups/{Group}?type=heartbeat&acl"),
        "{diags:?}"
    );
    let shard = api.request.iter().find(|f| f.name == "shard");
    assert_eq!(
        shard.and_then(|f| f.location.as_deref()),
        Some("query"),
        "{:?}",
        api.request
    );
    assert_eq!(locations(&api)[3], ("consumer", "query"));
}

/// OSS style: `Host: BucketName.<endpoint>` and the path `/ObjectName` name no row, and the
/// example fills both with values (`examplebucket`, `/multipart.data`): both are required
/// parameters (host and path); `?uploads` is sent with every request.
#[test]
fn placeholders_only_the_examples_fill_are_parameters() {
    let doc = "# InitiateUpload\n\n## Request syntax\n\n```\nPOST /ObjectName?uploads HTTP/1.1\nHost: BucketName.oss-cn-hangzhou.aliyuncs.com\n```\n\n## Request parameters\n\n|Parameter|Type|Position|Required|Example|Description|\n|--|--|--|--|--|--|\n|encoding-type|String|Query|No|url|The encoding.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|r|The ID.|\n\n## Examples\n\n```\nPOST /multipart.data?uploads HTTP/1.1\nHost: examplebucket.oss-cn-hangzhou.aliyuncs.com\n```\n";
    let (api, diags) = parse(doc);
    assert_eq!(
        api.path.as_deref(),
        Some("/{ObjectName}?uploads"),
        "{diags:?}"
    );
    let mut placed = locations(&api);
    placed.sort();
    assert_eq!(
        placed,
        [
            ("BucketName", "host"),
            ("ObjectName", "path"),
            ("encoding-type", "query")
        ]
    );
    assert!(api
        .request
        .iter()
        .all(|f| f.required == Some(true) || f.name == "encoding-type"));
    // A lower-case word of the host (`oss-cn-hangzhou.aliyuncs.com`) is no placeholder.
    let doc = doc
        .replace("BucketName.oss-cn-hangzhou", "oss-cn-hangzhou")
        .replace("examplebucket.oss-cn-hangzhou", "oss-cn-shanghai");
    let (api, _) = parse(&doc);
    assert!(!api
        .request
        .iter()
        .any(|f| f.location.as_deref() == Some("host")));
}

/// A body row typed `Array` with `└` members whose request example value is one object:
/// the wire is one object.
#[test]
fn a_list_of_objects_shown_as_one_object_is_one_object() {
    let doc = DOC
        .replace("|spec|Struct|是| |规格。 |", "|spec|Array|是| |规格。 |")
        .replace(
            "|└size|Integer|否|2|大小。 |",
            "|└size|Integer|否|2|大小。 |\n|└unit|String|否|GB|单位。 |",
        )
        .replace(
            "{\"spec\": {\"size\": 2}}",
            "{\"spec\": {\"size\": 2, \"unit\": \"GB\"}}",
        );
    let (api, diags) = parse(&doc);
    let spec = &api.request[2];
    assert_eq!(
        (spec.name.as_str(), &spec.ty, &spec.item_type),
        ("spec", &Type::Object, &None)
    );
    let members: Vec<&str> = spec.children.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(members, ["size", "unit"]);
    assert!(
        diags
            .iter()
            .any(|d| d.kind == "type-mismatch" && d.message.contains("one object")),
        "{diags:?}"
    );
    // Shown as a list, it stays a list.
    let doc = doc.replace(
        "{\"spec\": {\"size\": 2, \"unit\": \"GB\"}}",
        "{\"spec\": [{\"size\": 2, \"unit\": \"GB\"}]}",
    );
    let (api, _) = parse(&doc);
    assert_eq!(api.request[2].ty, Type::Array);
}

#[test]
fn a_json_body_template_of_the_syntax_names_body_members() {
    // Rows without a position that the template names are body members; others query.
    let doc = "# UpdateThing\n\n## Request syntax\n\n```\nPUT /things/thingName HTTP/1.1\n{\n  \"ttl\": ttl\n}\n```\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|thingName|String|Yes|t1|The thing.|\n|ttl|Integer|Yes|30|The retention.|\n|mode|String|No|fast|The mode.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|requestId|String|r|The request.|\n";
    let (api, _) = parse(doc);
    assert_eq!(
        locations(&api),
        [("thingName", "path"), ("mode", "query"), ("ttl", "body")]
    );
}

/// `Host: ProjectName.Endpoint` in the syntax and a row `projectName`: the row travels in
/// the host name, and the inference is reported. A Position column saying `Host` means the
/// same; a row the Host line does not name stays where it was.
#[test]
fn a_parameter_the_host_line_names_goes_in_the_host_name() {
    assert!(same_name("project_name", "ProjectName"));
    assert!(same_name("bucket_name", "Bucket-Name"));
    assert!(!same_name("project", "ProjectName"));
    let doc = "# CreateGroup\n\n## Request syntax\n\n```\nPOST /stores/storeName/groups HTTP/1.1\nHost: ProjectName.Endpoint\nContent-Type: application/json\n{\n  \"group\": group\n}\n```\n\n## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|project_name|String|Yes|my-project|The project.|\n|storeName|String|Yes|s1|The store.|\n|group|String|Yes|g1|The group.|\n|endpoint|String|No|x|Not the host's first label.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|requestId|String|r|The request.|\n\n## Examples\n\n```\nPOST /stores/s1/groups HTTP/1.1\nHeader :\n{\nHost: my-project.cn-shanghai.log.aliyuncs.com\n}\nBody :\n{\"group\": \"g1\"}\n```\n";
    let (api, diags) = parse(doc);
    assert_eq!(
        locations(&api),
        [
            ("project_name", "host"),
            ("storeName", "path"),
            ("endpoint", "query"),
            ("group", "body")
        ]
    );
    assert!(
        diags.iter().any(|d| d.kind == "roa-location-inferred"
            && d.message.starts_with("`project_name`:")
            && d.message.contains("Host: ProjectName.Endpoint")),
        "{diags:?}"
    );
    assert_eq!(
        api.examples.http_requests[0].host.as_deref(),
        Some("my-project.cn-shanghai.log.aliyuncs.com")
    );
    // The body template naming it too keeps it in the body.
    let (api, _) = parse(&doc.replace(
        "\"group\": group",
        "\"group\": group,\n  \"project_name\": p",
    ));
    assert!(locations(&api).contains(&("project_name", "body")));
    // A bare `Host: Endpoint` names no parameter.
    let (api, _) = parse(&doc.replace("Host: ProjectName.Endpoint", "Host: Endpoint"));
    assert_eq!(locations(&api)[0], ("project_name", "query"));
    // A Position column saying `Host`.
    let doc = "# GetThing\n\n## Request syntax\n\n```\nGET /things HTTP/1.1\n```\n\n## Request parameters\n\n|Parameter|Type|Position|Required|Example|Description|\n|--|--|--|--|--|--|\n|bucket|String|Host|Yes|b1|The bucket.|\n|prefix|String|Query|No|a|The prefix.|\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n|requestId|String|r|The request.|\n";
    let (api, _) = parse(doc);
    assert_eq!(locations(&api), [("bucket", "host"), ("prefix", "query")]);
}

#[test]
fn a_request_line_in_the_example_makes_a_doc_rest_style() {
    let doc = "# ListParts\n\n## Request parameters\n\n|Name|Type|Required|Description|\n|--|--|--|--|\n|uploadId|String|Yes|The upload.|\n\n## Response elements\n\n|Name|Type|Description|\n|--|--|--|\n|Bucket|String|The bucket.|\n\n## Examples\n\n```\nGet /ObjectName?uploadId=0004B9895DBBB6EC98E HTTP/1.1\nHost: BucketName.oss-cn-hangzhou.aliyuncs.com\n```\n";
    let (api, _) = parse(doc);
    assert_eq!(api.style, "ROA");
    assert_eq!(api.method.as_deref(), Some("GET"));
    assert_eq!(api.path.as_deref(), Some("/ObjectName"));
    assert_eq!(locations(&api), vec![("uploadId", "query")]);
    assert_eq!(api.response[0].name, "Bucket");
}
