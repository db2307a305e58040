//! Cargo features of a generated crate: one per API (the kebab case of its module name,
//! `create-ssl-vpn-server`), `full` for all of them, and groups a maintainer names in the spec
//! folder's manifest. Names are checked here like every other generated name: a collision is a
//! hard error naming both sides.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;

/// Features the generated `Cargo.toml` always declares besides the per-API ones.
pub const RESERVED: [&str; 3] = ["default", "full", "reqwest"];

/// The feature of an API module (`create_ssl_vpn_server` → `create-ssl-vpn-server`).
pub fn of_module(module: &str) -> String {
    module.trim_start_matches("r#").replace('_', "-")
}

/// A maintainer's group: its name and the per-API features it enables, sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub members: Vec<String>,
}

/// The feature plan of one crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// Every per-API feature, sorted (this is what `full` enables).
    pub apis: Vec<String>,
    pub groups: Vec<Group>,
}

/// Cargo accepts ASCII letters, digits, `_`, `-` and `+`, not starting with `-` or `+`; we keep
/// to the portable subset.
fn valid_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// An API as the feature plan sees it.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub module: &'a str,
    /// The API name (`CreateSslVpnServer`).
    pub api: &'a str,
    /// Its first source document, for diagnostics.
    pub file: &'a str,
}

/// Plans the features of `apis`. `groups` maps a group name to API names
/// (`CreateSslVpnServer`) or per-API feature names (`create-ssl-vpn-server`); `manifest` names
/// the file they came from, for diagnostics.
pub fn plan(
    apis: &[Named<'_>],
    groups: &BTreeMap<String, Vec<String>>,
    manifest: &str,
) -> Result<Features, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut by_feature: BTreeMap<String, &str> = BTreeMap::new();
    let mut by_api_name: BTreeMap<&str, String> = BTreeMap::new();
    for named in apis {
        let feature = of_module(named.module);
        let file = named.file;
        if RESERVED.contains(&feature.as_str()) {
            errors.push(Diagnostic::error(
                file,
                0,
                "feature-collision",
                format!(
                    "API `{}` would get feature `{feature}`, which the generated crate reserves",
                    named.api
                ),
            ));
            continue;
        }
        if let Some(other) = by_feature.get(&feature) {
            errors.push(Diagnostic::error(
                file,
                0,
                "feature-collision",
                format!(
                    "APIs `{other}` and `{}` both become feature `{feature}`",
                    named.api
                ),
            ));
            continue;
        }
        by_feature.insert(feature.clone(), named.api);
        by_api_name.insert(named.api, feature);
    }
    let mut planned = Vec::new();
    for (name, members) in groups {
        let problem = if !valid_name(name) {
            Some(format!(
                "group `{name}` is not a cargo feature name (ASCII letters, digits, `_` and `-`)"
            ))
        } else if RESERVED.contains(&name.as_str()) {
            Some(format!(
                "group `{name}` uses a name the generated crate reserves"
            ))
        } else {
            by_feature
                .get(name)
                .map(|api| format!("group `{name}` collides with the feature of API `{api}`"))
        };
        if let Some(message) = problem {
            errors.push(Diagnostic::error(manifest, 0, "feature-group", message));
            continue;
        }
        let mut enabled = BTreeSet::new();
        for member in members {
            let feature = by_api_name.get(member.as_str()).cloned().or_else(|| {
                by_feature
                    .contains_key(member.as_str())
                    .then(|| member.clone())
            });
            match feature {
                Some(f) => {
                    enabled.insert(f);
                }
                None => errors.push(Diagnostic::error(
                    manifest,
                    0,
                    "feature-group",
                    format!("group `{name}` names `{member}`, which is no API of this crate"),
                )),
            }
        }
        planned.push(Group {
            name: name.clone(),
            members: enabled.into_iter().collect(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Features {
        apis: by_feature.into_keys().collect(),
        groups: planned,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named<'a>(apis: &[&'a str], modules: &'a [String]) -> Vec<Named<'a>> {
        apis.iter()
            .zip(modules)
            .map(|(api, module)| Named {
                module,
                api,
                file: "doc.md",
            })
            .collect()
    }

    fn modules(apis: &[&str]) -> Vec<String> {
        apis.iter()
            .map(|a| crate::naming::module(a).unwrap())
            .collect()
    }

    #[test]
    fn feature_names_are_the_kebab_case_of_the_api() {
        let apis = ["CreateSslVpnServer", "DescribeIPv6Gateways"];
        let m = modules(&apis);
        let plan = plan(&named(&apis, &m), &BTreeMap::new(), "m.toml").unwrap();
        assert_eq!(
            plan.apis,
            ["create-ssl-vpn-server", "describe-ipv6-gateways"]
        );
        assert_eq!(of_module("r#type"), "type");
    }

    #[test]
    fn reserved_names_and_collisions_are_errors() {
        let apis = ["Full", "ListTags", "List_Tags"];
        let m = modules(&apis);
        let errors = plan(&named(&apis, &m), &BTreeMap::new(), "m.toml").unwrap_err();
        let text: Vec<String> = errors.iter().map(|d| d.message.clone()).collect();
        assert!(text[0].contains("`Full`") && text[0].contains("reserves"));
        assert!(text[1].contains("`ListTags` and `List_Tags`"));
    }

    #[test]
    fn groups_take_api_or_feature_names_and_are_checked() {
        let apis = ["CreateSslVpnServer", "DeleteSslVpnServer"];
        let m = modules(&apis);
        let groups = BTreeMap::from([
            (
                "ssl-vpn".to_string(),
                vec![
                    "DeleteSslVpnServer".to_string(),
                    "create-ssl-vpn-server".to_string(),
                ],
            ),
            ("bad name".to_string(), vec![]),
            ("full".to_string(), vec![]),
            ("create-ssl-vpn-server".to_string(), vec![]),
            ("other".to_string(), vec!["NoSuchApi".to_string()]),
        ]);
        let errors = plan(&named(&apis, &m), &groups, "spec/x/aliyun-codegen.toml").unwrap_err();
        let text: Vec<String> = errors.iter().map(|d| d.message.clone()).collect();
        assert_eq!(text.len(), 4, "{text:?}");
        assert!(errors
            .iter()
            .all(|d| d.file == "spec/x/aliyun-codegen.toml"));
        let ok = BTreeMap::from([(
            "ssl-vpn".to_string(),
            vec![
                "DeleteSslVpnServer".to_string(),
                "create-ssl-vpn-server".to_string(),
            ],
        )]);
        let plan = plan(&named(&apis, &m), &ok, "m.toml").unwrap();
        assert_eq!(
            plan.groups,
            [Group {
                name: "ssl-vpn".into(),
                members: vec![
                    "create-ssl-vpn-server".into(),
                    "delete-ssl-vpn-server".into()
                ]
            }]
        );
    }
}
