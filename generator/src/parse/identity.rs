//! Step 3: who the document is about: the API name (H1, else the `Action` row, else the intro
//! prose), product, version and style (the OpenAPI Explorer link when it names this API, over
//! the configuration).

use super::doc::Block;
use super::sections::Sections;
use super::sink::Sink;
use super::text;
use super::tree::Row;
use super::DocDefaults;
use crate::diagnostics::Failure;

/// The identity of one API document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub product: String,
    pub version: String,
    pub style: String,
}

/// Product, API and version from an OpenAPI Explorer link.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExplorerLink {
    pub product: Option<String>,
    pub api: Option<String>,
    pub version: Option<String>,
    pub style: Option<String>,
}

pub fn explorer_link(url: &str) -> Option<ExplorerLink> {
    if !url.contains("api.aliyun.com")
        && !url.contains("next.api.aliyun.com")
        && !url.contains("api.alibabacloud.com")
    {
        return None;
    }
    let query = url.split_once('#').map(|(_, f)| f).unwrap_or(url);
    let query = query.trim_start_matches('/').trim_start_matches('?');
    let mut link = ExplorerLink::default();
    for pair in query.split('&') {
        let Some((k, v)) = pair.split_once('=') else {
            continue;
        };
        let v = Some(v.to_string()).filter(|v| !v.is_empty());
        match k.trim_start_matches(['/', '?']) {
            "product" => link.product = v,
            "api" => link.api = v,
            "version" => link.version = v,
            "type" => link.style = v,
            _ => {}
        }
    }
    link.product.is_some().then_some(link)
}

pub fn is_api_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && s.len() > 1
}

/// First API-name-like word after `调用` / `取值：` / `value to` in a text.
pub fn name_in_prose(s: &str) -> Option<String> {
    let plain = text::plain(s);
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| {
            is_api_name(w)
                && w.len() > 3
                && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        })
        .map(str::to_string)
}

/// Takes the `Action` row out of the request rows (it names the API; it is no parameter) and
/// works out the API's identity. Fails when nothing names the API.
pub fn identify(
    sections: &Sections<'_>,
    request_rows: &mut Vec<Row>,
    summary: &str,
    defaults: &DocDefaults,
    rest_style: bool,
    sink: &mut Sink,
) -> Result<Identity, Failure> {
    let action_row = request_rows
        .iter()
        .position(|r| r.name == "Action")
        .map(|i| request_rows.remove(i));
    let action_value = action_row.as_ref().and_then(|r| {
        r.example
            .clone()
            .filter(|e| is_api_name(e))
            .or_else(|| name_in_prose(&r.description))
    });
    let title = &sections.title;
    let title_name = title
        .as_ref()
        .map(|(t, _)| text::unescape(t))
        .filter(|t| is_api_name(t) || super::roa::is_lower_camel_name(t));
    // Without a usable H1 or Action row: the API the doc's OpenAPI Explorer link names.
    let link_name = || {
        sections.blocks.iter().find_map(|(_, b)| match b {
            Block::Paragraph { links, .. } => {
                links.iter().filter_map(|l| explorer_link(l)).find_map(|l| {
                    l.api
                        .filter(|a| is_api_name(a) || super::roa::is_lower_camel_name(a))
                })
            }
            _ => None,
        })
    };
    let name = title_name
        .clone()
        .or_else(|| action_value.clone())
        .or_else(link_name)
        .or_else(|| name_in_prose(summary));
    let Some(name) = name else {
        return Err(sink.fail(
            title.as_ref().map(|t| t.1).unwrap_or(0),
            "no-api-name",
            "cannot tell the API name: expected an H1 like `# CreateSslVpnServer` or an `Action` row naming it",
        ));
    };
    if let (Some(t), Some(a)) = (&title_name, &action_value) {
        if t != a {
            sink.warn(
                action_row.as_ref().map(|r| r.line).unwrap_or(0),
                "name-mismatch",
                format!("H1 says `{t}` but the Action row says `{a}`; using `{t}`"),
            );
        }
    }
    let (product, version, style) = product_and_version(sections, &name, defaults, sink);
    if !rest_style {
        drop_common_parameters(request_rows, sink);
    }
    Ok(Identity {
        name,
        product,
        version,
        style,
    })
}

/// The query parameters every RPC call carries, which the client writes itself (signature,
/// credentials, timestamp, version, format): on the wire an API parameter could not have one of
/// these names, so a row that lists one documents the protocol, not the API.
pub const RPC_COMMON_PARAMETERS: &[&str] = &[
    "AccessKeyId",
    "Format",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureType",
    "SignatureVersion",
    "Timestamp",
    "Version",
];

/// Takes rows of the RPC common parameters out of the request, with a note each.
fn drop_common_parameters(request_rows: &mut Vec<Row>, sink: &mut Sink) {
    request_rows.retain(|r| {
        let common = RPC_COMMON_PARAMETERS.contains(&r.name.as_str());
        if common {
            sink.note(
                r.line,
                "common-parameter",
                format!(
                    "row `{}` is a common parameter of every RPC call, which the client sends itself; it is no field of the request",
                    r.name
                ),
            );
        }
        !common
    });
}

/// Product, version and style: the OpenAPI Explorer link's when it names this API (they win over
/// the configuration, with a warning naming both), else the configuration's.
fn product_and_version(
    sections: &Sections<'_>,
    name: &str,
    defaults: &DocDefaults,
    sink: &mut Sink,
) -> (String, String, String) {
    let links: Vec<(ExplorerLink, usize)> = sections
        .blocks
        .iter()
        .filter_map(|(_, b)| match b {
            Block::Paragraph { links, line, .. } => Some(
                links
                    .iter()
                    .filter_map(|l| explorer_link(l))
                    .map(|l| (l, *line))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    let link = links
        .iter()
        .find(|(l, _)| l.api.as_deref() == Some(name))
        .or(links.first());
    let mut product = defaults.product.clone();
    let mut version = defaults.version.clone();
    let mut style = "RPC".to_string();
    if let Some((l, line)) = link {
        if l.api.as_deref() == Some(name) {
            // The link is this API's own: it says which product and version the API belongs to,
            // even when the folder's configuration says another (docs of one product sometimes
            // hold another product's APIs).
            if let (Some(p), Some(d)) = (&l.product, &defaults.product) {
                if !p.eq_ignore_ascii_case(d) {
                    sink.warn(*line, "link-overrides-config", format!("the OpenAPI Explorer link says product `{p}`, the configuration `{d}`; using the link's `{p}` for `{name}`"));
                }
            }
            if let (Some(v), Some(d)) = (&l.version, &defaults.version) {
                if v != d {
                    sink.warn(*line, "link-overrides-config", format!("the OpenAPI Explorer link says version `{v}`, the configuration `{d}`; using the link's `{v}` for `{name}`"));
                }
            }
            // The same code spelt another way keeps the configuration's spelling.
            product = match (&l.product, product) {
                (Some(p), Some(d)) if p.eq_ignore_ascii_case(&d) => Some(d),
                (Some(p), _) => Some(p.clone()),
                (None, d) => d,
            };
            version = l.version.clone().or(version);
            if let Some(s) = &l.style {
                style = s.to_uppercase();
            }
        } else {
            sink.warn(
                *line,
                "link-mismatch",
                format!("the OpenAPI Explorer link names API `{}`, not `{name}`; product and version come from the configuration", l.api.as_deref().unwrap_or("?")),
            );
        }
    }
    let product = product.unwrap_or_else(|| {
        sink.warn(
            0,
            "no-product",
            "no product in the doc or the configuration",
        );
        String::new()
    });
    let version = version.unwrap_or_else(|| {
        sink.warn(
            0,
            "no-version",
            "no API version in the doc or the configuration",
        );
        String::new()
    });
    (product, version, style)
}
