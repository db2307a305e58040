//! Doc comments from doc prose: escaped so that rustdoc renders them as text, never as code
//! to compile, links to resolve or HTML.

use crate::model::{
    CharClass, Condition, Constraint, Field, Number, RangeCase, RelationKind, Rule,
};

/// Makes doc prose safe for rustdoc.
pub fn sanitize(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    // Whether the last line written outside a fence is a list item.
    let mut after_item = false;
    for line in text.lines() {
        let t = line.trim();
        // A line of prose right after a list item (`-   false: …` then `**Note:** …`, the
        // line breaks of a table cell) would continue the item lazily in Markdown; the doc
        // wrote it on a line of its own, so it becomes a paragraph of its own.
        if !in_fence && after_item && !t.is_empty() && !is_list_item(t) {
            out.push(String::new());
        }
        after_item = !in_fence && is_list_item(t);
        if t.starts_with("```") || t.starts_with("~~~") {
            // Fences become plain text blocks: rustdoc would compile them as doctests.
            out.push(if in_fence {
                "```".to_string()
            } else {
                "```text".to_string()
            });
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(t.to_string());
        } else {
            out.push(escape_line(t));
        }
    }
    if in_fence {
        out.push("```".to_string());
    }
    out.join("\n")
}

/// Whether a trimmed line starts a Markdown list item (`- a`, `* a`, `+ a`, `1. a`, `1) a`).
fn is_list_item(line: &str) -> bool {
    let rest = match line.strip_prefix(['-', '*', '+']) {
        Some(rest) => rest,
        None => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            match line[digits..].strip_prefix(['.', ')']) {
                Some(rest) if (1..=9).contains(&digits) => rest,
                _ => return false,
            }
        }
    };
    rest.starts_with([' ', '\t'])
}

/// Escapes link brackets and HTML outside code spans; puts bare URLs in code spans.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut in_code = false;
    let mut rest = line;
    // Only these ASCII bytes can start something to change (`h` a URL); the text between them
    // is copied as it is.
    let special = |b: &u8| matches!(b, b'`' | b'[' | b']' | b'<' | b'>' | b'\\' | b'|' | b'h');
    while let Some(at) = rest.bytes().position(|b| special(&b)) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let c = char::from(rest.as_bytes()[0]);
        if c == '`' {
            in_code = !in_code;
        } else if !in_code && (rest.starts_with("http://") || rest.starts_with("https://")) {
            let end = rest
                .find(|c: char| c.is_whitespace() || "，。；）)】\"'`".contains(c))
                .unwrap_or(rest.len());
            out.push('`');
            out.push_str(&rest[..end]);
            out.push('`');
            rest = &rest[end..];
            continue;
        } else if !in_code && c != 'h' {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[1..];
    }
    out.push_str(rest);
    if in_code {
        // An unbalanced backtick would swallow the rest of the doc block.
        out.push('`');
    }
    out
}

fn classes(list: &[CharClass]) -> String {
    list.iter()
        .map(|c| match c {
            CharClass::Letter => "letters".to_string(),
            CharClass::Upper => "uppercase letters".to_string(),
            CharClass::Lower => "lowercase letters".to_string(),
            CharClass::Digit => "digits".to_string(),
            CharClass::Cjk => "Chinese characters".to_string(),
            CharClass::Char(c) => format!("`{c}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn bounds(min: Option<String>, max: Option<String>, unit: &str) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("exactly {a}{unit}"),
        (Some(a), Some(b)) => format!("{a} to {b}{unit}"),
        (Some(a), None) => format!("at least {a}{unit}"),
        (None, Some(b)) => format!("at most {b}{unit}"),
        (None, None) => "any".to_string(),
    }
}

fn code_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{}`", v.replace('`', "'")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line describing a rule, as the validator enforces it.
pub fn describe(c: &Constraint) -> String {
    match &c.rule {
        Rule::Enum { values } => {
            format!(
                "documented values: {} (another value is sent as it is)",
                code_list(&values.iter().map(|v| v.value.clone()).collect::<Vec<_>>())
            )
        }
        Rule::Default { value } => format!("default: `{}`", value.replace('`', "'")),
        Rule::Length { min, max } => {
            format!(
                "length: {}",
                bounds(
                    min.map(|m| m.to_string()),
                    max.map(|m| m.to_string()),
                    " characters"
                )
            )
        }
        Rule::Range {
            min,
            max,
            min_exclusive,
            max_exclusive,
        } => describe_range(min, max, *min_exclusive || *max_exclusive),
        Rule::Forbidden { values } => format!("must not be {}", code_list(values)),
        Rule::PrefixForbidden { values } => format!("must not start with {}", code_list(values)),
        Rule::Chars { first, allowed } => describe_chars(first, allowed),
        Rule::Ascii => "ASCII characters only".to_string(),
        Rule::Unique => {
            "unique per request (an idempotency token; the client fills one in when unset)"
                .to_string()
        }
        Rule::Format { name, pattern } => match pattern {
            Some(p) => format!("format: {name} (`{}`)", p.replace('`', "'")),
            None => format!("format: {name}"),
        },
        Rule::Items { min, max } => {
            format!(
                "number of items: {}",
                bounds(min.map(|m| m.to_string()), max.map(|m| m.to_string()), "")
            )
        }
        Rule::MultiValue { separator, max } => match max {
            Some(m) => format!("up to {m} values separated by `{separator}`"),
            None => format!("several values separated by `{separator}`"),
        },
        Rule::Json {
            min_items,
            max_items,
            keys,
        } => describe_json(min_items, max_items, keys),
        Rule::Relation {
            relation,
            other,
            value,
            negated,
            also,
            max_span_secs,
        } => describe_relation(relation, other, value, *negated, also, *max_span_secs),
        Rule::NotEmpty => "must not be empty".to_string(),
        Rule::ForbiddenSubstrings { values } => format!("must not contain {}", code_list(values)),
        Rule::RangeWhen { other, cases } => describe_range_when(other, cases),
    }
}

/// A [`Rule::Range`]: its bounds, and whether they are exclusive.
fn describe_range(min: &Option<Number>, max: &Option<Number>, exclusive: bool) -> String {
    let show = |n: &Option<Number>| n.map(|n| n.to_string());
    let mut s = format!("range: {}", bounds(show(min), show(max), ""));
    if exclusive {
        s.push_str(" (exclusive)");
    }
    s
}

/// A [`Rule::Chars`]: the classes of the first character and of all of them.
fn describe_chars(first: &[CharClass], allowed: &[CharClass]) -> String {
    let mut parts = Vec::new();
    if !first.is_empty() {
        parts.push(format!("starts with {}", classes(first)));
    }
    if !allowed.is_empty() {
        parts.push(format!("contains only {}", classes(allowed)));
    }
    parts.join("; ")
}

/// A [`Rule::Json`]: the number of items and the keys, when stated.
fn describe_json(min_items: &Option<u64>, max_items: &Option<u64>, keys: &[String]) -> String {
    let mut s = "JSON".to_string();
    if min_items.is_some() || max_items.is_some() {
        let show = |n: &Option<u64>| n.map(|n| n.to_string());
        s.push_str(&format!(
            "; number of items: {}",
            bounds(show(min_items), show(max_items), "")
        ));
    }
    if !keys.is_empty() {
        s.push_str(&format!("; keys: {}", code_list(keys)));
    }
    s
}

/// A relation with another parameter (the fields of [`Rule::Relation`]).
fn describe_relation(
    relation: &RelationKind,
    other: &str,
    value: &Option<String>,
    negated: bool,
    also: &[Condition],
    max_span_secs: Option<u64>,
) -> String {
    match relation {
        RelationKind::NoOverlap => format!("must not overlap `{other}`"),
        RelationKind::MutuallyExclusive => format!("cannot be set together with `{other}`"),
        RelationKind::Requires => format!("requires `{other}`"),
        RelationKind::AtLeastOneOf => format!("this or `{other}` must be set"),
        RelationKind::DifferentFrom => format!("must not have the same value as `{other}`"),
        RelationKind::RequiredWhen => {
            format!("required when {}", conditions(other, value, negated, also))
        }
        RelationKind::AppliesWhen => {
            format!(
                "takes effect only when {}",
                conditions(other, value, negated, also)
            )
        }
        RelationKind::Ordered => match max_span_secs {
            Some(s) => format!(
                "must not be earlier than `{other}`, and at most {} after it",
                span(s)
            ),
            None => format!("must not be earlier than `{other}`"),
        },
    }
}

/// A [`Rule::RangeWhen`]: one range per value of `other`.
fn describe_range_when(other: &str, cases: &[RangeCase]) -> String {
    let cases: Vec<String> = cases
        .iter()
        .map(|c| {
            let bound = |n: &Option<Number>| n.map_or("…".to_string(), |n| n.to_string());
            format!(
                "`{}`: {} to {}",
                c.value.replace('`', "'"),
                bound(&c.min),
                bound(&c.max)
            )
        })
        .collect();
    format!("range by `{other}`: {}", cases.join("; "))
}

/// "`A` is `x` and `B` is not set": the conditions of a `required_when`/`applies_when` rule.
fn conditions(other: &str, value: &Option<String>, negated: bool, also: &[Condition]) -> String {
    let one = |param: &str, value: &Option<String>, negated: bool| match (value, negated) {
        (Some(v), false) => format!("`{param}` is `{}`", v.replace('`', "'")),
        (Some(v), true) => format!("`{param}` is not `{}`", v.replace('`', "'")),
        (None, false) => format!("`{param}` is set"),
        (None, true) => format!("`{param}` is not set"),
    };
    std::iter::once(one(other, value, negated))
        .chain(also.iter().map(|c| one(&c.param, &c.value, c.negated)))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A span in seconds in the largest whole unit: "31 days", "1 hour", "90 seconds".
fn span(secs: u64) -> String {
    let (n, unit) = [(86_400, "day"), (3_600, "hour"), (60, "minute")]
        .into_iter()
        .find(|(u, _)| secs >= *u && secs % u == 0)
        .map_or((secs, "second"), |(u, name)| (secs / u, name));
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// The rustdoc of a field or setter: description, other languages, rules, wire name.
pub fn field_doc(f: &Field, required: Option<bool>) -> String {
    let mut doc = String::new();
    if !f.description.is_empty() {
        doc.push_str(&sanitize(&f.description));
        doc.push_str("\n\n");
    }
    for t in &f.translations {
        doc.push_str(&sanitize(&t.text));
        doc.push_str("\n\n");
    }
    let mut facts = vec![format!("Wire name: `{}`", f.name.replace('`', "'"))];
    if !f.raw_type.is_empty() {
        facts.push(format!(
            "documented type: `{}`",
            f.raw_type.replace('`', "'")
        ));
    }
    match required {
        Some(true) => facts.push("required".to_string()),
        Some(false) => facts.push("optional".to_string()),
        None => {}
    }
    if let Some(e) = &f.example {
        facts.push(format!(
            "example: `{}`",
            e.replace('`', "'").replace('\n', " ")
        ));
    }
    doc.push_str(&facts.join("; "));
    doc.push('.');
    if !f.constraints.is_empty() {
        doc.push_str("\n\nRules:\n");
        for c in &f.constraints {
            doc.push_str(&format!("\n- {}", describe(c)));
        }
    }
    if !f.demoted.is_empty() {
        doc.push_str("\n\nDocumented but not checked (the doc's own value breaks the rule as it was read):\n");
        for d in &f.demoted {
            doc.push_str(&format!(
                "\n- {} (`{}`, {}:{})",
                describe(&d.constraint),
                d.contradicted_by.value.replace('`', "'").replace('\n', " "),
                file_name(&d.contradicted_by.file),
                d.contradicted_by.line
            ));
        }
    }
    doc
}

/// A doc file's name without its folders: generated text does not depend on where the spec
/// folder sits on the machine that generated it.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_after_a_list_item_is_a_paragraph_of_its_own() {
        // A table cell's lines: a list, then a note on the next line (no blank line between).
        assert_eq!(
            sanitize("Valid values:\n\n-   **a**: one.\n-   **b**: two.\n**Note:** a note.\nMore."),
            "Valid values:\n\n-   **a**: one.\n-   **b**: two.\n\n**Note:** a note.\nMore."
        );
        assert_eq!(sanitize("1. first\nafter"), "1. first\n\nafter");
        // Not list items: no bullet space, a bold start, a year; nothing is inserted.
        assert_eq!(
            sanitize("-1 is the default\nnext"),
            "-1 is the default\nnext"
        );
        assert_eq!(sanitize("**a**\nb"), "**a**\nb");
        assert_eq!(sanitize("2019.\nb"), "2019.\nb");
        // A list followed by a blank line, or by another item, is left alone.
        assert_eq!(sanitize("- a\n\nb"), "- a\n\nb");
        assert_eq!(sanitize("- a\n- b"), "- a\n- b");
    }

    #[test]
    fn escapes_what_rustdoc_would_interpret() {
        assert_eq!(sanitize("调用[A]接口"), "调用\\[A\\]接口");
        assert_eq!(sanitize("see https://x.com/a."), "see `https://x.com/a.`");
        assert_eq!(sanitize("`a[b]` <c>"), "`a[b]` \\<c\\>");
        assert_eq!(sanitize("```\nfn x() {}\n```"), "```text\nfn x() {}\n```");
        assert_eq!(sanitize("odd ` tick"), "odd ` tick`");
        // `h` that starts no URL, a URL inside a code span, `|` and `\\`, a URL ending at `）`.
        assert_eq!(sanitize("hash|a\\b"), "hash\\|a\\\\b");
        assert_eq!(
            sanitize("`http://x` http://y）z"),
            "`http://x` `http://y`）z"
        );
    }
}

/// Doc text as attributes, one `#[doc]` per line so that it prints as `///` comments (a block
/// comment could be closed early by a `*/` in the prose).
#[derive(Debug, Clone)]
pub struct Doc {
    text: String,
    inner: bool,
}

impl Doc {
    pub fn outer(text: impl Into<String>) -> Self {
        Doc {
            text: text.into(),
            inner: false,
        }
    }

    pub fn inner(text: impl Into<String>) -> Self {
        Doc {
            text: text.into(),
            inner: true,
        }
    }
}

impl quote::ToTokens for Doc {
    // Built token by token (the same tokens `quote!(#[doc = #lit])` gives): docs are most of
    // the generated text, and a `quote!` and a `format!` per line showed in the profile.
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        use proc_macro2::Literal;
        let mut line_text = String::new();
        for line in self.text.lines() {
            line_text.clear();
            if !line.is_empty() {
                line_text.push(' ');
                line_text.push_str(line);
            }
            self.attribute(Literal::string(&line_text), tokens);
        }
    }
}

impl Doc {
    /// `#[doc = value]` (`#![doc = value]` for an inner doc).
    fn attribute(&self, value: proc_macro2::Literal, tokens: &mut proc_macro2::TokenStream) {
        use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenTree};
        let attr: proc_macro2::TokenStream = [
            TokenTree::Ident(Ident::new("doc", Span::call_site())),
            TokenTree::Punct(Punct::new('=', Spacing::Alone)),
            TokenTree::Literal(value),
        ]
        .into_iter()
        .collect();
        let pound = TokenTree::Punct(Punct::new('#', Spacing::Alone));
        let group = TokenTree::Group(Group::new(Delimiter::Bracket, attr));
        if self.inner {
            let bang = TokenTree::Punct(Punct::new('!', Spacing::Alone));
            tokens.extend([pound, bang, group]);
        } else {
            tokens.extend([pound, group]);
        }
    }
}
