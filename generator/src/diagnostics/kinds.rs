//! Every kind of diagnostic the generator emits, in one table: what it means, what the user can
//! do about it, and whether it needs their attention. `generate` and `check` count warnings by
//! kind with these meanings, attention kinds first; `aliyun-codegen explain KIND` prints an
//! entry.
//!
//! **Adding a kind.** Emit it with a string literal (`Diagnostic::warning(file, line,
//! "my-kind", …)`, `sink.warn(line, "my-kind", …)`, `Note { kind: "my-kind", … }`), then add
//! a [`DiagnosticKind`] to [`KINDS`] below, in alphabetical order:
//!
//! - `severity`: what it is emitted as (a kind emitted both as a warning and an error should
//!   be two kinds, since what to do differs);
//! - `attention`: `true` when the generated crate differs from what the doc says, or something
//!   was dropped or guessed where a person should look (a skipped doc, a rule not enforced, a
//!   type read as text); `false` for what the generator settled on its own (an example that did
//!   not become a test, a field placed as the example shows). Errors always need attention;
//! - `meaning`: one line, lower case, no final period: it follows the count in `generate`'s
//!   summary (`12  unknown-type  a type the doc names is not known; the field is text`);
//! - `action`: what the user can do, in full sentences.
//!
//! `tests/tests/diagnostic_kinds.rs` reads the generator's sources and fails on a kind that is
//! emitted but not listed here, and on a kind listed here that nothing emits.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Diagnostic, Severity};

/// One kind of diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagnosticKind {
    pub name: &'static str,
    pub severity: Severity,
    /// Whether a person should look at each occurrence (see the module doc).
    pub attention: bool,
    /// One line, lower case, no final period.
    pub meaning: &'static str,
    /// What the user can do.
    pub action: &'static str,
}

const fn kind(
    name: &'static str,
    severity: Severity,
    attention: bool,
    meaning: &'static str,
    action: &'static str,
) -> DiagnosticKind {
    DiagnosticKind {
        name,
        severity,
        attention,
        meaning,
        action,
    }
}

use Severity::{Error, Note, Warning};

/// Every kind, in alphabetical order.
pub const KINDS: &[DiagnosticKind] = &[
    kind(
        "common-parameter",
        Note,
        false,
        "a request row documents a common parameter of every RPC call; it is no field",
        "Nothing to do: the client sends the signature, credentials, timestamp, version and \
         format of every call itself.",
    ),
    kind(
        "duplicate-field",
        Warning,
        false,
        "a field is listed twice at one level; the first row is kept",
        "Nothing to do unless the two rows say different things; then correct the doc and \
         remove the repeat.",
    ),
    kind(
        "emit-bug",
        Error,
        true,
        "the generator made code or a file it cannot print: a bug in aliyun-codegen",
        "Report it with the doc that triggers it (the message names the module or file). \
         Nothing was written for this crate; other spec folders are not affected.",
    ),
    kind(
        "empty-example",
        Warning,
        false,
        "a request example lists no parameters and is skipped",
        "Nothing to do; the example does not become a test of the generated crate.",
    ),
    kind(
        "empty-name",
        Warning,
        true,
        "a table row has no name and is skipped",
        "If the row describes a parameter or field, fill in its name in the doc and \
         regenerate; until then the generated types do not have it.",
    ),
    kind(
        "encoding",
        Error,
        true,
        "a doc is not valid UTF-8",
        "Save the file as UTF-8 (the message gives the line of the first bad byte) and \
         regenerate.",
    ),
    kind(
        "endpoint-conflict",
        Warning,
        true,
        "two product pages give different hosts for one region and network, or different endpoints",
        "The host of the table that lists the most regions (or the one most pages \
         state) is used. Check the product's current endpoint page and correct the \
         older page, or pass an explicit endpoint.",
    ),
    kind(
        "endpoint-set-aside",
        Warning,
        true,
        "a host a product page states belongs to another product of the folder's APIs; not used",
        "Nothing to do when the sentence is about that other product. The crate's \
         client resolves only its own product's endpoints; requests of other products \
         use the regional guess or an explicit endpoint.",
    ),
    kind(
        "endpoint-table-set-aside",
        Warning,
        true,
        "an endpoint table's hosts follow another pattern than the one the pages state; not used",
        "The table is likely another service's (a page of a sibling product in the same \
         folder). Remove the page from the spec folder, or correct the stated pattern \
         if the table is the product's own.",
    ),
    kind(
        "error-status",
        Warning,
        false,
        "an error code's HTTP status is not a number; the code has none",
        "Nothing to do; `http_status()` returns `None` for that code.",
    ),
    kind(
        "example-action",
        Warning,
        false,
        "a request example calls another API and is skipped",
        "Nothing to do; the example belongs to another page.",
    ),
    kind(
        "example-breaks-rule",
        Warning,
        false,
        "a request example breaks a documented rule; its test checks the query only",
        "One of the two is wrong in the doc: the rule (then requests like the example are \
         rejected by `build()`; use `build_unchecked()` or correct the rule) or the example.",
    ),
    kind(
        "example-map",
        Warning,
        false,
        "an object whose member names in the example are data (timestamps, IDs) is read as a map",
        "Nothing to do; the field decodes as a map of whatever keys the service sends. If the \
         names are field names after all, list them as the field's members in the doc's table.",
    ),
    kind(
        "example-not-tested",
        Warning,
        false,
        "a doc example did not become a test of the generated crate",
        "Nothing to do for the SDK. The message says why (a value that does not fit its \
         type, a required parameter left out); correct the example in the doc to have it \
         tested.",
    ),
    kind(
        "example-notes",
        Note,
        false,
        "a code block under notes on the examples (`返回示例补充说明`) is no example",
        "Nothing to do: such a block shows something else (a file the service writes, a \
         format), not a request or a response of the API.",
    ),
    kind(
        "example-only-field",
        Warning,
        false,
        "a response field only the example shows is added, typed from the example",
        "Nothing to do; the field is decoded. Add it to the doc's response table to document \
         it.",
    ),
    kind(
        "example-only-parameter",
        Warning,
        false,
        "a request parameter only the request example shows is added, typed from the example",
        "Nothing to do; the parameter can be set and is sent where the example sends it (a \
         body member's object or list is a free JSON value, a query parameter is text). Add \
         it to the doc's request table to document its type and rules.",
    ),
    kind(
        "example-value-unplaced",
        Warning,
        false,
        "a value of a response example has no place in the generated types",
        "The example test skips that path. If real responses carry it, the response table \
         misses the field or gives it the wrong type: correct the doc and regenerate.",
    ),
    kind(
        "feature-collision",
        Error,
        true,
        "two APIs would get one cargo feature, or an API's feature name is reserved",
        "An API's feature is its module name in kebab case; `default`, `full` and `reqwest` \
         are the generated crate's own. Leave one of the two docs out of the spec folder.",
    ),
    kind(
        "feature-group",
        Error,
        true,
        "a feature group of aliyun-codegen.toml is not usable as written",
        "Correct `[features]` in the spec folder's aliyun-codegen.toml: a group name is a \
         cargo feature name that is not `default`, `full`, `reqwest` or an API's feature, \
         and its members are API names (`CreateVpc`) or their features (`create-vpc`).",
    ),
    kind(
        "invalid-example",
        Warning,
        false,
        "an example cannot be read (not JSON or XML, a malformed request) and is skipped",
        "Nothing to do for the SDK; correct the example in the doc to have it tested.",
    ),
    kind(
        "io",
        Error,
        true,
        "a file or folder could not be read or written",
        "Check the path and the permissions the message names. A crate that failed is left \
         as it was.",
    ),
    kind(
        "link-mismatch",
        Warning,
        true,
        "the doc's OpenAPI Explorer link names another API",
        "Product and version come from the configuration (aliyun-codegen.toml, `--product`, \
         `--version`). Check that the doc is the API's own page.",
    ),
    kind(
        "link-overrides-config",
        Warning,
        true,
        "an API's OpenAPI Explorer link gives another product or version than the configuration",
        "The link names the API's own product and version, so it wins for that API (a folder \
         sometimes holds another product's APIs). If the link is wrong, correct the doc; if the \
         configuration is wrong, correct aliyun-codegen.toml or `--product`/`--version`.",
    ),
    kind(
        "manifest",
        Error,
        true,
        "aliyun-codegen.toml is not valid TOML or has an unknown key",
        "Correct the file at the line given; its keys are `product`, `version`, `crate`, \
         `runtime-path`, `[features]` and `[locations.<Api>]` (the README's manifest section).",
    ),
    kind(
        "manifest-location",
        Error,
        true,
        "a [locations] entry of aliyun-codegen.toml names no API, parameter or location",
        "Correct the entry at the line given: `[locations.<Api>]` names a REST-style API of \
         the folder as its doc does, each key one of its top-level parameters, each value \
         `path`, `query`, `header`, `body` or `payload`; a path placeholder stays in the path.",
    ),
    kind(
        "merge-mismatch",
        Warning,
        true,
        "the zh-CN and en-US docs of an API disagree; one reading is kept",
        "The message says what differs and which reading the crate follows (a parameter \
         required in either language is required). If that reading is wrong, correct the \
         other doc and regenerate, or leave the wrong language out of the spec folder.",
    ),
    kind(
        "module-collision",
        Error,
        true,
        "two APIs of one product become the same Rust module",
        "Their names differ only in case or punctuation. Leave one of the two docs out of \
         the spec folder, or generate them as two products.",
    ),
    kind(
        "moved-by-example",
        Warning,
        false,
        "a response field sits where the example shows, not where the table order suggests",
        "Nothing to do; the field is decoded where responses carry it.",
    ),
    kind(
        "name-collision",
        Warning,
        false,
        "wire names that differ in case or punctuation make one Rust name; all are kept",
        "Nothing to do. The canonical spelling keeps the plain Rust name and the others get \
         `_2`, `_3`… (the README's Name collisions); each setter sends its own wire name.",
    ),
    kind(
        "name-mismatch",
        Warning,
        true,
        "the H1 and the Action row name different APIs; the H1 is used",
        "The generated API calls the action the H1 names. If the Action row is right, correct \
         the H1 in the doc and regenerate.",
    ),
    kind(
        "no-api-name",
        Error,
        true,
        "a doc gives no API name (no H1 like `# CreateVpc`, no Action row)",
        "Add the H1 to the doc, or leave the file out of the spec folder if it is not an API \
         reference page.",
    ),
    kind(
        "no-docs",
        Error,
        true,
        "the spec folder holds no .md docs",
        "Point `generate` at a folder of API reference docs (`spec/<product>/`).",
    ),
    kind(
        "no-product",
        Warning,
        true,
        "neither the doc nor the configuration gives the product code",
        "Set `product = \"Vpc\"` in the spec folder's aliyun-codegen.toml, or pass \
         `--product`; without it requests name no product.",
    ),
    kind(
        "no-response-table",
        Warning,
        true,
        "a doc has no response table; the response type holds only what its examples show",
        "The message lists the fields the response examples gave (or says there are none). \
         If the page has a response table, add it to the doc and regenerate; if the API \
         answers with nothing but a request id, nothing to do.",
    ),
    kind(
        "no-version",
        Warning,
        true,
        "neither the doc nor the configuration gives the API version",
        "Set `version = \"2016-04-28\"` in the spec folder's aliyun-codegen.toml, or pass \
         `--version`; requests carry the version, so a missing one fails at the service.",
    ),
    kind(
        "not-a-parameter",
        Warning,
        true,
        "a request table row is skipped as not a parameter",
        "The message says why (a heading or note row, a placeholder name). If the row is a \
         parameter, correct its name in the doc and regenerate.",
    ),
    kind(
        "not-an-api-doc",
        Error,
        true,
        "a doc's request section holds no readable parameter table: the doc is skipped",
        "The product is generated from the other docs (`generate --strict` and `check` fail \
         instead). Give the request section a pipe table (`|Name|Type|Required|…|`), or a \
         request line (`POST /path`) for a REST-style API, and regenerate.",
    ),
    kind(
        "not-an-api-page",
        Note,
        false,
        "a page of the spec folder is no API reference (no request section): skipped",
        "Nothing to do: overviews and endpoint lists are not APIs. If the page documents an \
         API, give it a `## Request parameters` (`## 请求参数`) section.",
    ),
    kind(
        "paginator-not-made",
        Note,
        false,
        "an API has a page number or token but gets no paginator (see the README's paging rule)",
        "Page by hand: set the page number or token on the request and call again. The \
         note says what is missing (a total, one list of items); if the doc's response \
         table is wrong, correct it.",
    ),
    kind(
        "product-page",
        Note,
        false,
        "a file is read as a product page (endpoint table, common parameters, overview), not an API",
        "Nothing to do: what it states (version, product code, endpoints) feeds the \
         crate's SERVICE; `aliyun-codegen endpoints SPEC_DIR` shows the result.",
    ),
    kind(
        "product-page-conflict",
        Warning,
        true,
        "a product page states another API version than the crate uses",
        "The APIs' OpenAPI Explorer links (or the configuration) decide the version, \
         else most pages. Check that the page belongs to this product and version.",
    ),
    kind(
        "product-page-other-version",
        Warning,
        true,
        "a product page states only another API version; its endpoints are not used",
        "The page is about another version or product (an old page, or a sibling \
         product's page copied in). Remove it from the spec folder, or add the page of \
         this version.",
    ),
    kind(
        "request-table-unread",
        Warning,
        true,
        "a further parameter table of an RPC request section is not read",
        "An RPC request takes its parameters from the first table. If the later table lists \
         parameters, move its rows into the first table; if it documents one parameter's \
         members or values, nothing to do.",
    ),
    kind(
        "request-table-values",
        Note,
        false,
        "a further table of a REST-style request section has no type column: documentation",
        "Nothing to do: such tables list values or notes, not parameters.",
    ),
    kind(
        "required-flag",
        Warning,
        true,
        "a required flag is not 是/否/Yes/No; the parameter is taken as optional",
        "If the parameter is required, correct the flag in the doc and regenerate; until \
         then `build()` does not insist on it.",
    ),
    kind(
        "roa-body",
        Warning,
        false,
        "the request body is read as a whole: a nameless body row, an array body or an XML document",
        "Nothing to do: the request's body field takes the whole document. If the doc's body \
         has members the crate should set one by one, list them in a body table of the doc.",
    ),
    kind(
        "roa-location",
        Warning,
        true,
        "a REST-style parameter is sent elsewhere than its row says",
        "The message says where it goes (a location the client cannot send to goes in the \
         query; a path placeholder goes in the path). Check the parameter's position in the \
         doc; `[locations.<Api>]` in aliyun-codegen.toml places it elsewhere.",
    ),
    kind(
        "roa-location-inferred",
        Warning,
        false,
        "a REST-style doc gives no position; where the parameter goes is inferred",
        "The message gives the evidence: a parameter the path names goes in the path; one the \
         request syntax's `Host:` line names in its first label (`Host: ProjectName.Endpoint`, \
         row `projectName`) goes in the host name (`{value}.{endpoint}`); one a header line, \
         the query template, a JSON body template or the request example names goes there; any \
         other in the query. Check the parameters that belong elsewhere, and place them with \
         `[locations.<Api>] Name = \"body\"` in the spec folder's aliyun-codegen.toml (the \
         README's manifest section); a placed parameter is no longer reported.",
    ),
    kind(
        "roa-path",
        Warning,
        true,
        "a REST-style path placeholder and the request table do not agree",
        "The message says what was done (a placeholder without a row is added as a required \
         string, a path parameter is made required). If that is wrong, correct the path or \
         the table in the doc and regenerate.",
    ),
    kind(
        "roa-syntax",
        Warning,
        true,
        "the link says REST-style but no request syntax gives the path; called RPC-style",
        "Add the doc's request-syntax block (`POST /path`) or check the OpenAPI Explorer \
         link; until then the API is called as an RPC action.",
    ),
    kind(
        "rule-contradicts-example",
        Warning,
        true,
        "a rule the doc's own example breaks is not enforced",
        "The rule stays in the docs. If the rule is right, correct the example in the doc \
         and regenerate to enforce it; if the example is right, nothing to do.",
    ),
    kind(
        "rule-not-understood",
        Note,
        false,
        "a sentence that looks like a rule was not read into one",
        "Nothing to do: the sentence stays in the docs, unchecked. `aliyun-codegen lint` \
         lists them for whoever extends the rule wording tables.",
    ),
    kind(
        "runtime-mismatch",
        Error,
        true,
        "a generated crate's aliyun-runtime dependency does not fit the code this generator writes",
        "The message says what differs. Regenerate the crate with this generator; with a local \
         copy of the runtime (`--runtime-path`, `runtime-path` in aliyun-codegen.toml or your \
         own `[patch.crates-io]`), update that copy to the version the message names.",
    ),
    kind(
        "runtime-path",
        Error,
        true,
        "the runtime path cannot be written relative to the generated crate",
        "Generated files never hold an absolute path. Put the runtime where a relative path \
         reaches it (the same drive), or depend on the runtime by version (no \
         `--runtime-path`) and point `[patch.crates-io]` of your workspace at your copy.",
    ),
    kind(
        "service-endpoints-unknown",
        Warning,
        true,
        "no product page states an endpoint: the client guesses `{product}.{region}.aliyuncs.com`",
        "Add the product's endpoint page (a table of regions and hosts, or the \
         request-structure page that names the endpoint) to the spec folder, or tell \
         users to set an explicit endpoint.",
    ),
    kind(
        "service-filled",
        Note,
        false,
        "docs without a product or version take the crate's",
        "Nothing to do: APIs of one folder share the product and version that their \
         other docs, the configuration or the product pages give.",
    ),
    kind(
        "service-product-unknown",
        Warning,
        true,
        "nothing gives the crate's product code",
        "Set `product = \"Vpc\"` in aliyun-codegen.toml or pass `--product`, or add docs \
         with OpenAPI Explorer links.",
    ),
    kind(
        "service-version-unknown",
        Warning,
        true,
        "nothing gives the crate's API version",
        "Set `version = \"2016-04-28\"` in aliyun-codegen.toml or pass `--version`, or \
         add the product's common-parameters page to the spec folder.",
    ),
    kind(
        "table-cut",
        Error,
        true,
        "a request or response table has a header but no rows, or is cut mid-row; doc not read",
        "The doc looks truncated (a failed download or copy): fetch the page again, or \
         complete the table, and regenerate. The doc is not read rather than giving types \
         that silently lack fields.",
    ),
    kind(
        "table-header",
        Warning,
        true,
        "a table has no name column the generator recognises; its rows are not read",
        "Name the column in the doc's table header `名称`, `参数`, `Name`, `Parameter` or the \
         like and regenerate; until then the generated types lack the table's rows.",
    ),
    kind(
        "table-row",
        Warning,
        true,
        "a table row is malformed; its cells may be shifted or missing",
        "Correct the row at the line given (an unterminated row, fewer cells than the \
         header) and regenerate.",
    ),
    kind(
        "type-mismatch",
        Warning,
        true,
        "a field's documented type disagrees with the doc's examples; the examples win",
        "The message says how the field is typed. If the documented type is right and the \
         examples are wrong, correct the examples in the doc and regenerate; otherwise \
         nothing to do.",
    ),
    kind(
        "unknown-type",
        Warning,
        true,
        "a type the doc names is not known; the field is read and sent as text",
        "If the type is a misspelling of `String`, `Integer`, `Long`, `Boolean`, `Float`, \
         `Double`, `Array`, `Object`, `Map` or `Json`, correct the doc; otherwise text is \
         usually right.",
    ),
    kind(
        "unnamable-api",
        Error,
        true,
        "an API name has no letters to make a Rust name of",
        "Give the doc an H1 with the API's ASCII name (`# CreateVpc`), or leave the file out \
         of the spec folder; until then nothing is written for the crate.",
    ),
    kind(
        "unnamable-field",
        Warning,
        true,
        "a field has no ASCII letters to make a Rust name of and is left out",
        "The generated types do not have the field. If the row documents one, write its wire \
         name (ASCII, as sent) in the doc's table and regenerate.",
    ),
    kind(
        "weak-placement",
        Warning,
        true,
        "no example shows where a response table's fields sit; they are placed by guess",
        "Compare the response type with a real response; a response example in the doc \
         settles it.",
    ),
    kind(
        "wire-style",
        Warning,
        false,
        "the table and the request example disagree on how a list travels; the table's form is sent",
        "Nothing to do when the message names the form the service expects (a repeat list \
         `X.1=…` for `X.N`/`RepeatList` rows, one JSON document when the table calls the value \
         JSON). Otherwise correct the doc's table or example and regenerate.",
    ),
];

/// The entry of a kind.
pub fn lookup(name: &str) -> Option<&'static DiagnosticKind> {
    KINDS.iter().find(|k| k.name == name)
}

/// What `aliyun-codegen explain KIND` prints.
pub fn explain(k: &DiagnosticKind) -> String {
    let severity = match k.severity {
        Error => "error",
        Warning => "warning",
        Note => "note",
    };
    let attention = if k.attention {
        "needs attention"
    } else {
        "for information"
    };
    format!(
        "{} ({severity}, {attention}): {}.\n\n{}\n",
        k.name, k.meaning, k.action
    )
}

/// What `aliyun-codegen explain` prints: every kind, those that need attention first.
pub fn list() -> String {
    let width = KINDS.iter().map(|k| k.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (attention, title) in [(true, "needs attention"), (false, "for information")] {
        let _ = writeln!(out, "{title}:");
        for k in KINDS.iter().filter(|k| k.attention == attention) {
            let _ = writeln!(out, "  {:<width$}  {}", k.name, k.meaning);
        }
    }
    out.push_str("`aliyun-codegen explain KIND` says what to do about one.\n");
    out
}

/// The diagnostics counted by kind, one line each: those that need attention first, then the
/// others, each group by count (most first) and name; empty without diagnostics. A kind the
/// table does not know counts as needing attention.
pub fn counts(diagnostics: &[Diagnostic]) -> String {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diagnostics {
        *by_kind.entry(d.kind).or_default() += 1;
    }
    let mut rows: Vec<(bool, usize, &str, &str)> = by_kind
        .into_iter()
        .map(|(name, n)| {
            let k = lookup(name);
            (
                k.is_none_or(|k| k.attention),
                n,
                name,
                k.map_or("", |k| k.meaning),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    let width = rows.iter().map(|r| r.2.len()).max().unwrap_or(0);
    let mut out = String::new();
    let mut group = None;
    for (attention, n, name, meaning) in rows {
        if group != Some(attention) {
            let title = if attention {
                "needs attention"
            } else {
                "for information"
            };
            let _ = writeln!(out, "  {title}:");
            group = Some(attention);
        }
        let _ = writeln!(out, "  {n:>7}  {name:<width$}  {meaning}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_each_entry_is_complete() {
        for pair in KINDS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for k in KINDS {
            let m = k.meaning;
            assert!(
                !m.is_empty() && !m.contains('\n') && m.len() <= 90,
                "{}",
                k.name
            );
            assert!(
                !m.ends_with('.') && !m.starts_with(char::is_uppercase),
                "{}",
                k.name
            );
            assert!(k.action.ends_with('.'), "{}", k.name);
            assert!(
                k.severity != Error || k.attention,
                "{}: errors need attention",
                k.name
            );
        }
    }

    #[test]
    fn counts_put_attention_first_then_the_most_frequent() {
        let d = |kind| Diagnostic::warning("a.md", 1, kind, "m");
        let diags = [
            d("example-only-field"),
            d("unknown-type"),
            d("duplicate-field"),
            d("example-only-field"),
            d("rule-contradicts-example"),
        ];
        let expected = "  needs attention:\n\
            \x20       1  rule-contradicts-example  a rule the doc's own example breaks is not enforced\n\
            \x20       1  unknown-type              a type the doc names is not known; the field is read and sent as text\n\
            \x20 for information:\n\
            \x20       2  example-only-field        a response field only the example shows is added, typed from the example\n\
            \x20       1  duplicate-field           a field is listed twice at one level; the first row is kept\n";
        assert_eq!(counts(&diags), expected);
        assert_eq!(counts(&[]), "");
    }

    #[test]
    fn explain_says_severity_attention_meaning_and_action() {
        let k = lookup("required-flag").expect("registered");
        assert_eq!(
            explain(k),
            "required-flag (warning, needs attention): a required flag is not 是/否/Yes/No; \
             the parameter is taken as optional.\n\nIf the parameter is required, correct the \
             flag in the doc and regenerate; until then `build()` does not insist on it.\n"
        );
        assert!(lookup("no-such-kind").is_none());
    }
}
