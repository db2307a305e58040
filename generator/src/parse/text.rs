//! Text clean-up shared by the parser: Markdown escapes, links, whitespace.

/// Whitespace as these docs use it: ASCII whitespace plus NO-BREAK SPACE (empty cells),
/// EM SPACE (indentation before `└`) and the ideographic space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00a0}' | '\u{2003}' | '\u{3000}' | '\u{feff}')
}

pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Characters a converter may have backslash-escaped.
fn is_escapable(c: char) -> bool {
    matches!(
        c,
        '\\' | '`'
            | '*'
            | '_'
            | '{'
            | '}'
            | '['
            | ']'
            | '('
            | ')'
            | '#'
            | '+'
            | '-'
            | '.'
            | '!'
            | '|'
            | '<'
            | '>'
            | '~'
            | '"'
            | '\''
            | '&'
            | '$'
            | '%'
            | ':'
            | ';'
            | '='
            | '?'
            | '@'
            | '^'
            | ','
    )
}

/// Removes Markdown backslash escapes (`\*` → `*`, `\\` → `\`).
pub fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if is_escapable(next) {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Replaces `[Text](target)` by `Text` (doc-id links `~~123~~`, relative paths and URLs alike).
/// Images and unbalanced brackets are left as they are.
pub fn strip_links(s: &str) -> String {
    // Most cells hold no link: no char vector for them.
    if !s.contains('[') {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' && (i == 0 || chars[i - 1] != '\\') {
            if let Some((text, end)) = link_at(&chars, i) {
                out.push_str(&text);
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Parses `[text](target)` starting at `start`; returns the text and the index after `)`.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (j, &c) in chars.iter().enumerate().skip(start) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut paren = 0usize;
    for (k, &c) in chars.iter().enumerate().skip(close + 1) {
        match c {
            '(' => paren += 1,
            ')' => {
                paren -= 1;
                if paren == 0 {
                    let text: String = chars[start + 1..close].iter().collect();
                    return Some((text, k + 1));
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// A cell as prose: links reduced to their text, escapes removed, lines trimmed, runs of blank
/// lines collapsed. Bold markers, backticks and list bullets are kept.
pub fn clean_cell(raw: &str) -> String {
    let text = unescape(&strip_links(raw));
    let mut lines: Vec<&str> = Vec::new();
    let mut blank = false;
    for line in text.lines() {
        let line = trim(line);
        if line.is_empty() {
            blank = !lines.is_empty();
            continue;
        }
        if blank {
            lines.push("");
            blank = false;
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// A one-line value (name, type, example): escapes removed, outer space trimmed.
pub fn clean_value(raw: &str) -> String {
    trim(&unescape(&strip_links(raw))).to_string()
}

/// Drops Markdown emphasis and code markers (`**x**`, `` `x` ``).
pub fn plain(s: &str) -> String {
    s.replace("**", "").replace('`', "")
}

/// Decodes `%XX` escapes (a URL's query as written in a doc); text that does not decode to
/// UTF-8 is returned as it was.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|b| hex(*b)),
            bytes.get(i + 2).and_then(|b| hex(*b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Whether a query value as a doc writes it is percent-encoded (`2017-02-20+10%3A50%3A00`,
/// `%7B%22a%22%3A1%7D`): it holds `%XX` escapes of characters that URL encoding escapes.
pub fn is_percent_encoded(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'%' && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() && {
            let n = (b[i + 1] as char).to_digit(16).unwrap_or(0) * 16
                + (b[i + 2] as char).to_digit(16).unwrap_or(0);
            // Reserved and non-ASCII bytes: what an encoder escapes (not `%20`-free prose
            // like `50%`).
            n >= 0x80 || b" \"#%&+,/:;<=>?@[\\]^`{|}".contains(&(n as u8))
        }
    })
}

/// A query value as sent: percent-encoded text (and its `+` for a space, the form encoding)
/// decoded; any other text as written.
pub fn query_value(s: &str) -> String {
    if is_percent_encoded(s) {
        percent_decode(&s.replace('+', " "))
    } else {
        s.to_string()
    }
}

/// Whether a value a doc gives stands for a value rather than being one, so that it is no
/// evidence about the parameter's rules, no enum value and no test value that must pass:
///
/// - masked: `vpn-bp1hgim8by0kc9nga****`, `116.XX.XX.64`, `192.168.1.xx`, `10.0.**.**`,
///   `3.3.3.X`, `ipv6gw-hp33p10bdbt77xxxxxxxx`;
/// - a placeholder: `<公共请求参数>`, `<your-id>`, `{id}`, `$accountID`, `${name}`,
///   `your-resource-id`;
/// - cut short: `…`, `...`;
/// - empty.
pub fn is_placeholder(v: &str) -> bool {
    let v = trim(v);
    if v.is_empty() || v.contains("**") || v.contains('…') || v.contains("...") {
        return true;
    }
    let chars: Vec<char> = v.chars().collect();
    // `<word>` anywhere: `<公共请求参数>`, `<Region>-<Id>`, `acs:ram::<uid>:role/x`.
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '<' => open = Some(i),
            '>' => {
                if let Some(o) = open.take() {
                    let inner: String = chars[o + 1..i].iter().collect();
                    if !inner.is_empty()
                        && !inner.contains(['/', '=', '"', ' '])
                        && inner.chars().count() <= 40
                    {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    // `{id}` as the whole value (a JSON object has quotes or a colon inside).
    if let Some(inner) = v.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        if !inner.is_empty() && !inner.contains(['"', ':', '{', ',', '\'']) {
            return true;
        }
    }
    // `$name`, `${name}`.
    if chars
        .windows(2)
        .any(|w| w[0] == '$' && (w[1].is_alphabetic() || w[1] == '{'))
    {
        return true;
    }
    let tokens: Vec<&str> = v
        .split(['.', ':', '/', '-', '_', ',', '@', ' ', '='])
        .filter(|t| !t.is_empty())
        .collect();
    let masked_token = |t: &str| {
        t.len() >= 2
            && (t.chars().all(|c| c == 'x')
                || t.chars().all(|c| c == 'X')
                || t.chars().all(|c| c == '*'))
    };
    if tokens.iter().any(|t| masked_token(t)) {
        return true;
    }
    // `3.3.3.X`, `10.0.*.*`: one-character masks among the numbers of an address.
    let one = |t: &&str| matches!(*t, "x" | "X" | "*");
    if tokens.len() >= 3
        && tokens.iter().any(one)
        && tokens
            .iter()
            .all(|t| one(t) || t.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    // An id whose tail is masked: `bwp-s6lmotmkkxxxxxxxx`, `77XXXX`.
    if tokens.iter().any(|t| {
        let tail = t.chars().rev().take_while(|c| *c == 'x').count();
        let tail_upper = t.chars().rev().take_while(|c| *c == 'X').count();
        (tail >= 4 || tail_upper >= 4) && t.chars().any(|c| c.is_ascii_digit())
    }) {
        return true;
    }
    // `your-resource-id`, `YourBucket`.
    let lower = v.to_lowercase();
    lower.starts_with("your-") || lower.starts_with("your_") || lower.starts_with("yourname")
}

/// Brackets still open in a JSON-looking value (a value that goes on on the next lines).
pub fn open_brackets(value: &str) -> i32 {
    let (mut depth, mut in_str, mut escaped) = (0i32, false, false);
    for c in value.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '[' | '{' if !in_str => depth += 1,
            ']' | '}' if !in_str => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// A URL without a method before it (`http://…`, `https://…`, `http(s)://…`).
pub fn is_bare_url(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    ["http://", "https://", "http(s)://"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// One path segment (or query value) written as a placeholder: `[Name]`, `{name}`, `<name>`;
/// the name inside.
pub fn bracketed(segment: &str) -> Option<&str> {
    let inner = [('[', ']'), ('{', '}'), ('<', '>')]
        .iter()
        .find_map(|(o, c)| segment.strip_prefix(*o).and_then(|s| s.strip_suffix(*c)))?;
    (!inner.is_empty()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_converter_escapes() {
        assert_eq!(unescape(r"vpn-bp1\*\*\*\*"), "vpn-bp1****");
        assert_eq!(unescape(r"ipsec\_sa"), "ipsec_sa");
        assert_eq!(unescape(r"**\\\[1,10\\\]**"), r"**\[1,10\]**");
        assert_eq!(unescape(r"a\|b"), "a|b");
        assert_eq!(unescape(r"C:\path"), r"C:\path");
    }

    #[test]
    fn links_keep_their_text() {
        assert_eq!(
            strip_links("调用[DescribeRegions](~~36063~~)接口"),
            "调用DescribeRegions接口"
        );
        assert_eq!(strip_links("see [A](cn.zh-CN/API 参考/A.md#)."), "see A.");
        assert_eq!(strip_links("values [1,10] only"), "values [1,10] only");
    }

    #[test]
    fn cells_are_trimmed_per_line() {
        let raw = "客户端网段。\n\n 是给客户端。\n\n\n **说明：** 该网段。 ";
        assert_eq!(
            clean_cell(raw),
            "客户端网段。\n\n是给客户端。\n\n**说明：** 该网段。"
        );
        assert_eq!(clean_value("\u{a0}"), "");
    }

    #[test]
    fn placeholders_and_masks() {
        for v in [
            "vpn-bp1hgim8by0kc9nga****",
            "116.XX.XX.64",
            "192.168.1.xx",
            "10.0.**.**",
            "3.3.3.X",
            "ipv6gw-hp33p10bdbt77xxxxxxxx",
            "bwp-s6lmotmkkxxxxxxxx",
            "<公共请求参数>",
            "<your-id>",
            "acs:ram::<uid>:role/admin",
            "{id}",
            "$accountID",
            "acs:ram::$accountID:role/$roleName",
            "${name}",
            "your-resource-id",
            "a, b, …",
            "[\"a\", ...]",
            "",
            " ",
        ] {
            assert!(is_placeholder(v), "{v:?} is a placeholder");
        }
        for v in [
            "vpn-bp1hgim8by0kc9nga",
            "192.168.1.0/24",
            "2019-03-13T12:11:14Z",
            "01:00Z",
            "acs:ram::123456789012:role/adminrole",
            "{\"a\":1}",
            "transcode/{ObjectPrefix}{FileName}",
            "Max",
            "xlarge",
            "TCP",
            "100",
            "x",
            "0 0 12 * * ?",
            "a<b",
            "Pass$1word",
        ] {
            assert!(!is_placeholder(v), "{v:?} is a value");
        }
    }

    #[test]
    fn query_values_decode_only_when_encoded() {
        assert_eq!(
            query_value("2017-02-20+10%3A50%3A00"),
            "2017-02-20 10:50:00"
        );
        assert_eq!(query_value("%7B%22a%22%3A1%7D"), "{\"a\":1}");
        assert_eq!(query_value("a+b"), "a+b");
        assert_eq!(query_value("50%off"), "50%off");
        assert_eq!(query_value("%E4%B8%AD"), "中");
    }
}
