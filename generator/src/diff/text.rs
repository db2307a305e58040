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

/// Whether two texts differ in words outside the given passages (the sentences rules were
/// read from): every word added or dropped, compared character by character after
/// [`normalize`], must fall inside a passage of its side for the texts to count as the same.
pub fn changed_outside(old: &str, old_passages: &[&str], new: &str, new_passages: &[&str]) -> bool {
    let (a, b) = (normalize(old), normalize(new));
    if a == b {
        return false;
    }
    let mask = |text: &str, passages: &[&str]| {
        let chars: Vec<char> = text.chars().collect();
        let mut masked = vec![false; chars.len()];
        for p in passages {
            let p: Vec<char> = normalize(p).chars().collect();
            if p.is_empty() || p.len() > chars.len() {
                continue;
            }
            if let Some(at) = (0..=chars.len() - p.len()).find(|&i| chars[i..i + p.len()] == p[..])
            {
                masked[at..at + p.len()].iter_mut().for_each(|m| *m = true);
            }
        }
        (chars, masked)
    };
    let ((a, ma), (b, mb)) = (mask(&a, old_passages), mask(&b, new_passages));
    // Too long to align cheaply: the words outside the passages, compared as a whole.
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        let outside = |c: &[char], m: &[bool]| -> String {
            c.iter()
                .zip(m)
                .filter(|(_, m)| !**m)
                .map(|(c, _)| *c)
                .collect()
        };
        return outside(&a, &ma) != outside(&b, &mb);
    }
    // The alignment that leaves the fewest characters outside the passages unmatched: the
    // texts differ outside them when even that one leaves some.
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            if i == n && j == m {
                continue;
            }
            let mut best = u32::MAX;
            if i < n && j < m && a[i] == b[j] {
                best = cost[at(i + 1, j + 1)];
            }
            if i < n {
                best = best.min(cost[at(i + 1, j)] + u32::from(!ma[i]));
            }
            if j < m {
                best = best.min(cost[at(i, j + 1)] + u32::from(!mb[j]));
            }
            cost[at(i, j)] = best;
        }
    }
    cost[at(0, 0)] > 0
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
    fn words_added_inside_a_rule_sentence_are_no_description_change() {
        let old = "The peak bandwidth, in Mbps.";
        let new = "The peak bandwidth. Valid values: 1000 to 5000. In Mbps.";
        let rule = ["The peak bandwidth. Valid values: 1000 to 5000."];
        assert!(!changed_outside(old, &[], new, &rule));
        assert!(changed_outside(old, &[], new, &[]));
        // A word outside the rule's sentence is a change.
        let newer = "The maximum bandwidth. Valid values: 1000 to 5000. In Mbps.";
        assert!(changed_outside(
            old,
            &[],
            newer,
            &["Valid values: 1000 to 5000."]
        ));
    }

    #[test]
    fn different_words_are_a_change() {
        assert!(!same_prose("地址段的的", "地址段的"));
        assert!(!same_prose("The port.", "The port number."));
    }
}
