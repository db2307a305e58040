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
}
