//! Every Rust name the generator makes from a doc, in one place.
//!
//! heck does the case conversion; this module adds mixed-case acronyms (`IDaaS`, `IPv6`),
//! Rust keywords (`r#type`), identifiers that would start with a digit, and characters that
//! cannot appear in identifiers. Nothing from a doc reaches generated code except through here
//! or through escaped literals.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Mixed-case acronyms that heck would split into single letters (`IDaaS` → `i_daa_s`).
const ACRONYMS: &[(&str, &str)] = &[
    ("IDaaS", "Idaas"),
    ("IPv4", "Ipv4"),
    ("IPv6", "Ipv6"),
    ("IPsec", "Ipsec"),
    ("DDoS", "Ddos"),
    ("QoS", "Qos"),
    ("OAuth", "Oauth"),
    ("IoT", "Iot"),
    ("MiB", "Mib"),
    ("GiB", "Gib"),
    ("KiB", "Kib"),
];

fn fold_acronyms(s: &str) -> std::borrow::Cow<'_, str> {
    let mut out = std::borrow::Cow::Borrowed(s);
    for (from, to) in ACRONYMS {
        if out.contains(from) {
            out = std::borrow::Cow::Owned(out.replace(from, to));
        }
    }
    match fold_plural_acronyms(&out) {
        Some(folded) => std::borrow::Cow::Owned(folded),
        None => out,
    }
}

/// Plural acronyms as one word: an upper-case run of two or more letters followed by an `s`
/// that ends the word (`URLs`, `IPs`, `CIDRs`, `VPCsCount`) becomes `Urls`, `Ips`, `Cidrs`,
/// `VpcsCount`, which heck would split as `ur_ls`, `i_ps`. An `s` that begins a lower-case word
/// (`IPsec`) is left alone. `None` when there is nothing to fold.
fn fold_plural_acronyms(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let after = chars.get(i + run + 1);
        let plural = run >= 2
            && chars.get(i + run) == Some(&'s')
            && !after.is_some_and(|c| c.is_ascii_lowercase());
        if plural {
            out.push(chars[i]);
            out.extend(chars[i + 1..i + run].iter().map(|c| c.to_ascii_lowercase()));
            out.push('s');
            i += run + 1;
            changed = true;
        } else if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Type words of a type cell, which name no item type of their own (`Array of Object`).
const TYPE_WORDS: &[&str] = &[
    "string", "integer", "int", "long", "boolean", "bool", "float", "double", "object", "struct",
    "array", "list", "map", "json", "number", "any",
];

/// The item type a list's type cell names: `Array of AppInfo`, `List of AppInfo`, `AppInfo[]`
/// → `AppInfo`; `None` for a type word (`Array of Object`) or no name.
fn named_item(raw_type: &str) -> Option<&str> {
    let t = raw_type.trim();
    let lower = t.to_ascii_lowercase();
    let item = ["array of ", "list of ", "set of "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| t[p.len()..].trim()))
        .or_else(|| t.strip_suffix("[]").map(str::trim))?;
    let is_name = item.starts_with(|c: char| c.is_ascii_uppercase())
        && item.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (is_name && !TYPE_WORDS.contains(&item.to_ascii_lowercase().as_str())).then_some(item)
}

/// The singular of a list's name, on its last word: `AppInfoList` → `AppInfo`, `Instances` →
/// `Instance`, `Policies` → `Policy`, `Addresses` → `Address`; the name itself when it does not
/// read as a plural (`Data`, `Status`, `Tag`).
fn singular(camel_name: &str) -> String {
    for suffix in ["List", "Set", "Array"] {
        if let Some(stem) = camel_name.strip_suffix(suffix) {
            if stem.len() > 1 {
                return stem.to_string();
            }
        }
    }
    let n = camel_name;
    let keep = |cut: usize, add: &str| format!("{}{add}", &n[..n.len() - cut]);
    if n.len() > 4 && n.ends_with("ies") {
        keep(3, "y")
    } else if ["sses", "uses", "xes", "ches", "shes"]
        .iter()
        .any(|e| n.ends_with(e))
    {
        keep(2, "")
    } else if n.len() >= 3
        && n.ends_with('s')
        && !["ss", "us", "is", "ias"].iter().any(|e| n.ends_with(e))
    {
        keep(1, "")
    } else {
        n.to_string()
    }
}

/// The type name of one item of a list field: the item type its type cell names (`AppInfoList`
/// of `Array of AppInfo` → `AppInfo`), else the singular of the list's name (`Instances` →
/// `Instance`); `None` when the name holds nothing ASCII.
pub fn list_item(list_name: &str, raw_type: &str) -> Option<String> {
    if let Some(named) = named_item(raw_type).and_then(camel) {
        return Some(named);
    }
    let name = camel(list_name)?;
    let one = singular(&name);
    // A singular that is a keyword or empty falls back to the list's own name.
    Some(camel(&one).unwrap_or(name))
}

/// Names repeat across a product's docs (`RegionId`, `PageSize`…): each thread remembers the
/// conversions it made. Bounded, so a long-lived process does not grow without end.
type NameCache = std::cell::RefCell<std::collections::HashMap<String, Option<String>>>;

fn memoized(
    cache: &'static std::thread::LocalKey<NameCache>,
    wire: &str,
    convert: impl FnOnce(&str) -> Option<String>,
) -> Option<String> {
    if let Some(hit) = cache.with(|c| c.borrow().get(wire).cloned()) {
        return hit;
    }
    let made = convert(wire);
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 1 << 16 {
            c.clear();
        }
        c.insert(wire.to_string(), made.clone());
    });
    made
}

/// Empties this thread's remembered conversions (benchmarks measure cold runs).
pub fn clear_caches() {
    SNAKE.with(|c| c.borrow_mut().clear());
    CAMEL.with(|c| c.borrow_mut().clear());
}

thread_local! {
    static SNAKE: NameCache = Default::default();
    static CAMEL: NameCache = Default::default();
}

/// Keeps letters, digits and separators; everything else becomes a word break.
fn ascii_words(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// A snake_case identifier for a wire name (`IDaaSInstanceId` → `idaas_instance_id`).
/// Returns the identifier text, with `r#` for keywords; `None` when nothing ASCII is left.
pub fn snake(wire: &str) -> Option<String> {
    memoized(&SNAKE, wire, snake_uncached)
}

fn snake_uncached(wire: &str) -> Option<String> {
    let s = ascii_words(&fold_acronyms(wire)).to_snake_case();
    if s.is_empty() {
        return None;
    }
    let s = if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{s}")
    } else {
        s
    };
    Some(keywordsafe(s))
}

/// An UpperCamelCase identifier (`Forbbiden.SubUser` → `ForbbidenSubUser`, `AES-128-CBC` →
/// `Aes128Cbc`). `None` when nothing ASCII is left.
pub fn camel(wire: &str) -> Option<String> {
    memoized(&CAMEL, wire, camel_uncached)
}

fn camel_uncached(wire: &str) -> Option<String> {
    let s = ascii_words(&fold_acronyms(wire)).to_upper_camel_case();
    if s.is_empty() {
        return None;
    }
    let s = if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{s}")
    } else {
        s
    };
    Some(keywordsafe(s))
}

fn keywordsafe(s: String) -> String {
    if NOT_RAW.contains(&s.as_str()) {
        format!("{s}_")
    } else if KEYWORDS.contains(&s.as_str()) {
        format!("r#{s}")
    } else {
        s
    }
}

/// The module name of an API (`CreateSslVpnServer` → `create_ssl_vpn_server`).
pub fn module(api: &str) -> Option<String> {
    snake(api)
}

/// The public type names of one API (`CreateSslVpnServerRequest`, …), made in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTypes {
    pub request: String,
    pub builder: String,
    pub response: String,
    pub error: String,
}

impl ApiTypes {
    /// `None` when the API name holds nothing to make a Rust name from.
    pub fn of(api: &str) -> Option<ApiTypes> {
        let base = camel(api)?;
        Some(ApiTypes {
            request: format!("{base}Request"),
            builder: format!("{base}RequestBuilder"),
            response: format!("{base}Response"),
            error: format!("{base}Error"),
        })
    }

    pub fn all(&self) -> [&str; 4] {
        [&self.request, &self.builder, &self.response, &self.error]
    }
}

/// Whether a wire name is spelled the way Alibaba spells wire names: an ASCII upper-case first
/// letter and nothing but letters, digits, `.` and `_` (`Name`, not `name` or `Error code`).
fn canonical_spelling(wire: &str) -> bool {
    wire.starts_with(|c: char| c.is_ascii_uppercase())
        && wire
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
}

/// Rust field names for the wire names of one struct level, in document order: the collision
/// rule (README "Name collisions"). When several wire names make the same snake_case name
/// (`Name`/`name`, `ErrorCode`/`Error code`), the canonical spelling keeps it (upper-case first
/// letter, no spaces; among several, the first in document order) and each other spelling, in
/// document order, gets the first free `<name>_2`, `<name>_3`, …. Wire names stay exact; `None`
/// for a name without ASCII letters. The result depends only on the names and their order.
pub fn field_idents(wires: &[&str]) -> Vec<Option<String>> {
    let plain: Vec<Option<String>> = wires.iter().map(|w| snake(w)).collect();
    let mut out: Vec<Option<String>> = vec![None; wires.len()];
    let mut taken: std::collections::BTreeSet<String> = plain.iter().flatten().cloned().collect();
    // Which index keeps each plain name: the first canonical spelling, else the first one.
    let mut keeper: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (i, p) in plain.iter().enumerate() {
        let Some(p) = p else { continue };
        match keeper.get(p.as_str()) {
            None => {
                keeper.insert(p, i);
            }
            Some(&k) if !canonical_spelling(wires[k]) && canonical_spelling(wires[i]) => {
                keeper.insert(p, i);
            }
            Some(_) => {}
        }
    }
    for (i, p) in plain.iter().enumerate() {
        let Some(p) = p else { continue };
        if keeper.get(p.as_str()) == Some(&i) {
            out[i] = Some(p.clone());
            continue;
        }
        let bare = p.trim_start_matches("r#").trim_end_matches('_');
        let free = (2..)
            .map(|n| format!("{bare}_{n}"))
            .find(|c| !taken.contains(c))
            .unwrap_or_else(|| bare.to_string());
        taken.insert(free.clone());
        out[i] = Some(free);
    }
    out
}

/// Groups of wire names (indices into `wires`) that share a plain Rust name: the collisions
/// [`field_idents`] resolves, for reporting. Exactly equal wire names are not collisions here
/// (they are the same field).
pub fn collisions(wires: &[&str]) -> Vec<Vec<usize>> {
    let mut groups: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (i, w) in wires.iter().enumerate() {
        if let Some(s) = snake(w) {
            let g = groups.entry(s).or_default();
            if !g.iter().any(|&j| wires[j] == *w) {
                g.push(i);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

/// Turns an identifier string into tokens (handles `r#`).
pub fn ident(s: &str) -> proc_macro2::Ident {
    match s.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(s, proc_macro2::Span::call_site()),
    }
}

/// Hands out unique type names within one module, deterministically.
#[derive(Debug, Default)]
pub struct TypeNames {
    taken: std::collections::BTreeSet<String>,
}

impl TypeNames {
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }

    /// `base`, else `prefix + base`, else `base2`, `base3`, …
    pub fn allocate(&mut self, base: &str, prefix: &str) -> String {
        // Candidates are made lazily: most names are free at the first try.
        let candidates = [base.to_string(), format!("{prefix}{base}")]
            .into_iter()
            .chain((2..1002).map(|n| format!("{base}{n}")));
        for c in candidates {
            if !self.taken.contains(&c) {
                self.taken.insert(c.clone());
                return c;
            }
        }
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names() {
        assert_eq!(
            snake("IDaaSInstanceId").as_deref(),
            Some("idaas_instance_id")
        );
        assert_eq!(snake("IDaaSRegionId").as_deref(), Some("idaas_region_id"));
        assert_eq!(
            snake("EnableMultiFactorAuth").as_deref(),
            Some("enable_multi_factor_auth")
        );
        assert_eq!(snake("VSwitchId").as_deref(), Some("v_switch_id"));
        assert_eq!(snake("Ipv6CidrBlock").as_deref(), Some("ipv6_cidr_block"));
        assert_eq!(snake("Type").as_deref(), Some("r#type"));
        assert_eq!(snake("Self").as_deref(), Some("self_"));
        assert_eq!(snake("2ndName").as_deref(), Some("n2nd_name"));
        assert_eq!(snake("名称"), None);
        // Plural acronyms are one word; an `s` that starts a word is not a plural.
        assert_eq!(snake("UploadURLs").as_deref(), Some("upload_urls"));
        assert_eq!(snake("IPs").as_deref(), Some("ips"));
        assert_eq!(snake("VPCsCount").as_deref(), Some("vpcs_count"));
        assert_eq!(snake("CIDRs.N").as_deref(), Some("cidrs_n"));
        assert_eq!(snake("IPsecConfig").as_deref(), Some("ipsec_config"));
        assert_eq!(snake("HTTPSListener").as_deref(), Some("https_listener"));
        assert_eq!(camel("UploadURLs").as_deref(), Some("UploadUrls"));
    }

    #[test]
    fn list_items_are_named_by_their_item() {
        let item = |name, ty| list_item(name, ty).unwrap();
        // The item type the cell names wins.
        assert_eq!(item("AppInfoList", "Array of AppInfo"), "AppInfo");
        assert_eq!(item("Rules", "RuleInfo[]"), "RuleInfo");
        // Else the singular of the list's name.
        assert_eq!(item("AppInfoList", "Array of Object"), "AppInfo");
        assert_eq!(item("Instances", "Array"), "Instance");
        assert_eq!(item("Policies", "Array"), "Policy");
        assert_eq!(item("Addresses", "Array"), "Address");
        assert_eq!(item("Statuses", "Array"), "Status");
        assert_eq!(item("Matches", "Array"), "Match");
        assert_eq!(item("IPs", "Array"), "Ip");
        assert_eq!(item("upload_urls", "Array"), "UploadUrl");
        // Names that do not read as plurals stay.
        assert_eq!(item("Tag", "Array"), "Tag");
        assert_eq!(item("Data", "Array of Object"), "Data");
        assert_eq!(item("Status", "Array"), "Status");
        assert_eq!(item("Alias", "Array"), "Alias");
        assert_eq!(item("Playlist", "Array"), "Playlist");
        assert_eq!(list_item("名称", "Array"), None);
    }

    #[test]
    fn camel_names() {
        assert_eq!(
            camel("Forbbiden.SubUser").as_deref(),
            Some("ForbbidenSubUser")
        );
        assert_eq!(
            camel("InvalidVpnGatewayInstanceId.NotFound").as_deref(),
            Some("InvalidVpnGatewayInstanceIdNotFound")
        );
        assert_eq!(camel("AES-128-CBC").as_deref(), Some("Aes128Cbc"));
        assert_eq!(camel("none").as_deref(), Some("None"));
        assert_eq!(camel("0").as_deref(), Some("V0"));
        assert_eq!(camel("Self").as_deref(), Some("Self_"));
        assert_eq!(
            camel("ipsec_sa_established").as_deref(),
            Some("IpsecSaEstablished")
        );
    }

    #[test]
    fn colliding_field_names_follow_the_rule() {
        // The canonical spelling keeps the plain name whatever its position.
        assert_eq!(
            field_idents(&["name", "Name", "Period"]),
            vec![
                Some("name_2".to_string()),
                Some("name".to_string()),
                Some("period".to_string())
            ]
        );
        // Among non-canonical spellings the first keeps it; a name already taken is skipped.
        assert_eq!(
            field_idents(&[
                "Error code",
                "ErrorCode",
                "error_code",
                "ErrorCode2",
                "Code_2"
            ]),
            vec![
                Some("error_code_2".to_string()),
                Some("error_code".to_string()),
                Some("error_code_3".to_string()),
                Some("error_code2".to_string()),
                Some("code_2".to_string()),
            ]
        );
        // Keywords lose their raw prefix in the suffixed form.
        assert_eq!(
            field_idents(&["Type", "type"]),
            vec![Some("r#type".to_string()), Some("type_2".to_string())]
        );
        assert_eq!(
            field_idents(&["名称", "A"]),
            vec![None, Some("a".to_string())]
        );
        assert_eq!(
            collisions(&["state", "Id", "State", "State"]),
            vec![vec![0, 2]]
        );
        assert!(collisions(&["Id", "Name"]).is_empty());
    }

    #[test]
    fn type_names_are_unique() {
        let mut t = TypeNames::default();
        assert_eq!(t.allocate("Tag", "Resp"), "Tag");
        assert_eq!(t.allocate("Tag", "Resp"), "RespTag");
        assert_eq!(t.allocate("Tag", "Resp"), "Tag2");
    }
}
