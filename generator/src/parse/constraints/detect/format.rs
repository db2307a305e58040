//! `format`: named formats (CIDR, IP addresses, ports, times, JSON).

use crate::parse::constraints::*;

/// Format of the value: a spelled time layout anywhere, `JSON`/`CIDR` format words, or (first
/// sentence only) a head noun saying the value is a CIDR block or an IP address.
pub(crate) fn detect_format(r: &Rich, ty: &Type, first: bool) -> Option<Rule> {
    // A spelled layout (`YYYY-MM-DDThh:mm:ssZ`, `yyyy-MM-dd HH:mm:ss`): a date and time when it
    // has hours. Two layouts of different sorts (`yyyy-MM-dd或yyyy-MM-dd HH:mm:ss`) leave the
    // format open.
    let mut layouts: Vec<(String, &str)> = Vec::new();
    let mut from = 0;
    while let Some((s, _)) = r.find(from, "yyyy") {
        let mut e = s;
        while e < r.len()
            && (r.c(e).is_ascii_alphanumeric() || matches!(r.c(e), '-' | ':' | '.' | '+' | '/'))
        {
            e += 1;
        }
        // `yyyy-MM-dd HH:mm:ss`: the time after one space belongs to the layout.
        if e + 2 < r.len() && r.c(e) == ' ' && matches!(r.c(e + 1), 'h' | 'H') {
            e += 1;
            while e < r.len() && (r.c(e).is_ascii_alphanumeric() || matches!(r.c(e), ':' | '.')) {
                e += 1;
            }
        }
        let layout = r.orig(s, e).trim_end_matches(['.', ':', '-']).to_string();
        let name = if layout.to_ascii_lowercase().contains('h') {
            "datetime"
        } else {
            "date"
        };
        layouts.push((layout, name));
        from = e.max(s + 1);
    }
    if let Some((layout, name)) = layouts.first() {
        if layouts.iter().any(|(_, n)| n != name) {
            return None;
        }
        return Some(Rule::Format {
            name: name.to_string(),
            pattern: Some(layout.clone()),
        });
    }
    if *ty != Type::String {
        return None;
    }
    let format = |n: &str| {
        Some(Rule::Format {
            name: n.to_string(),
            pattern: None,
        })
    };
    // `The time must be in UTC.` / `使用UTC时间`: a timestamp even where no layout is spelled.
    if r.has("utc") && r.has_any(&UTC_WORDS) {
        return format("datetime");
    }
    if r.has_any(&CRON_WORDS) {
        return format("cron");
    }
    if r.has_any(&JSON_WORDS) {
        return format("json");
    }
    if r.has_any(&CIDR_WORDS) {
        return format("cidr");
    }
    if !first {
        return None;
    }
    head_format(r).and_then(format)
}

/// What the first clause says the value is: `客户端网段。`, `The CIDR block of …`,
/// `用户网关的IP地址。`, `The IPv6 address that …`. Alternatives (`… or the IP address`,
/// `IP或域名`) keep it unknown.
pub(crate) fn head_format(r: &Rich) -> Option<&'static str> {
    let end = r.clause_end(0, &[',', '。', ';']);
    let end = (0..end)
        .find(|&i| r.c(i) == '.' && r.c(i + 1) == ' ' && r.span(i) == 0)
        .unwrap_or(end);
    let clause = r.folded(0, end);
    let zh: String = clause
        .chars()
        .filter(|c| *c != ' ')
        .collect::<String>()
        .trim_end_matches('.')
        .to_string();
    if zh.chars().any(is_cjk) {
        if HEAD_CIDR_SUFFIXES.iter().any(|w| zh.ends_with(w)) {
            // `IP地址段` is a CIDR block; `IP地址或网段` also allows a bare address.
            let alternative = HEAD_CIDR_ALTERNATIVES.iter().any(|w| zh.contains(w));
            return (!alternative).then_some("cidr");
        }
        if HEAD_NOT_ADDRESS.iter().any(|w| zh.contains(w)) {
            return None;
        }
        return HEAD_ADDRESS_SUFFIXES
            .iter()
            .find(|(w, _)| zh.ends_with(w))
            .map(|(_, n)| *n);
    }
    let mut head = clause.trim().trim_end_matches('.').to_string();
    // The head noun ends at the first qualifier, whichever word it is.
    let cuts = [
        " of ", " that ", " which ", " to ", " in ", " for ", " used ", " from ", " with ",
        " where ", " on ", " is ", " by ",
    ];
    if let Some(k) = cuts.iter().filter_map(|cut| head.find(cut)).min() {
        head.truncate(k);
    }
    let whole = r.folded(0, r.len());
    if HEAD_CIDR_NOUNS.iter().any(|w| head.ends_with(w)) {
        let alt = HEAD_CIDR_OR_ADDRESS.iter().any(|w| whole.contains(w));
        return (!alt).then_some("cidr");
    }
    HEAD_ADDRESS_NOUNS
        .iter()
        .find(|(w, _)| head.ends_with(w) || head.ends_with(&format!("{w}es")))
        .map(|(_, n)| *n)
}
