//! Prose comparison that ignores wording-only churn: spacing, punctuation (half- and
//! full-width), Markdown emphasis and code marks, HTML tags and link targets.

/// The words of a text with markup, link targets, punctuation and spacing removed.
pub fn normalize(text: &str) -> String {
    let text = strip_link_targets(text);
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Whether two texts say the same words.
pub fn same_prose(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

/// `[text](target)` → `text`; bare `(https://…)` targets go too.
fn strip_link_targets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(')') {
            Some(j) => rest = &after[j + 1..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    // Bare URLs: drop from the scheme to the next space.
    let mut cleaned = String::with_capacity(out.len());
    let mut s = out.as_str();
    while let Some(i) = s.find("http") {
        let tail = &s[i..];
        if tail.starts_with("http://") || tail.starts_with("https://") {
            cleaned.push_str(&s[..i]);
            let end = tail
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | '）' | '>' | '"'))
                .unwrap_or(tail.len());
            s = &tail[end..];
        } else {
            cleaned.push_str(&s[..i + 4]);
            s = &s[i + 4..];
        }
    }
    cleaned.push_str(s);
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_punctuation_and_markup_are_churn() {
        assert!(same_prose(
            "The ID of the VPC.  Valid values: **TCP** and `UDP`.",
            "The ID of the VPC: valid values — TCP and UDP"
        ));
        assert!(same_prose("取值：**TCP**。", "取值: TCP"));
        assert!(same_prose("a<br>b", "a b"));
    }

    #[test]
    fn link_targets_are_churn_but_link_text_is_not() {
        assert!(same_prose(
            "See [Regions](https://help.aliyun.com/document_detail/1.html).",
            "See [Regions](~~36063~~)"
        ));
        assert!(!same_prose("See [Regions](x).", "See [Zones](x)."));
        assert!(same_prose(
            "See https://example.com/a.html for more.",
            "See https://example.com/b.html for more."
        ));
    }

    #[test]
    fn different_words_are_a_change() {
        assert!(!same_prose("地址段的的", "地址段的"));
        assert!(!same_prose("The port.", "The port number."));
    }
}
