//! Blocks and sentences: paragraphs, bullets, notes.

use std::sync::LazyLock;

use crate::parse::constraints::*;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Para(String),
    Bullet { level: usize, text: String },
}

/// The text of a bullet line (`-   x`, `* x`), if it is one.
pub(crate) fn bullet_text(line: &str) -> Option<&str> {
    for mark in ["-", "*", "•"] {
        if let Some(rest) = line.strip_prefix(mark) {
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                return Some(rest.trim());
            }
        }
    }
    None
}

/// Paragraphs and bullets. A non-bullet line right after a bullet continues it; a blank line
/// ends both. Nesting is read from indentation when the caller kept it.
pub(crate) fn parse_blocks(description: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur: Option<Block> = None;
    let lines: Vec<String> = description.lines().flat_map(unglue_bullets).collect();
    for line in &lines {
        let line = line.as_str();
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.is_empty() {
            blocks.extend(cur.take());
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        if let Some(text) = bullet_text(trimmed) {
            blocks.extend(cur.take());
            cur = Some(Block::Bullet {
                level: (indent + 1) / 4,
                text: text.to_string(),
            });
            continue;
        }
        match &mut cur {
            Some(Block::Para(t)) | Some(Block::Bullet { text: t, .. }) => {
                if !t.is_empty() {
                    t.push(' ');
                }
                t.push_str(trimmed);
            }
            None => cur = Some(Block::Para(trimmed.to_string())),
        }
    }
    blocks.extend(cur);
    blocks
}

/// A line with bullets glued on after its punctuation (`取值：-   **A**：…`, `enables it.-   false:
/// …`) as the lines a converter should have written: the text, then one line per bullet.
fn unglue_bullets(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut cuts = Vec::new();
    for i in 1..chars.len() {
        let after_stop = matches!(chars[i - 1], ':' | '：' | '.' | '。');
        let spaces = chars[i + 1..].iter().take_while(|c| **c == ' ').count();
        let glued = after_stop
            && chars[i] == '-'
            && spaces >= 2
            && chars
                .get(i + 1 + spaces)
                .is_some_and(|c| !c.is_whitespace());
        if glued {
            cuts.push(i);
        }
    }
    if cuts.is_empty() {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        out.push(chars[from..cut].iter().collect::<String>());
        from = cut;
    }
    out.push(chars[from..].iter().collect());
    out
}

/// Splits a paragraph into sentences at `。；;` and at `. ` before a new sentence; never inside
/// bold or code, nor at `(.)`-style punctuation names.
pub(crate) fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut bold, mut code) = (false, false);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            bold = !bold;
            cur.push_str("**");
            i += 2;
            continue;
        }
        if c == '`' {
            code = !code;
        }
        cur.push(c);
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let in_parens = matches!(prev, '(' | '（');
        let end = !bold
            && !code
            && !in_parens
            && match c {
                '。' | '；' | ';' => true,
                '.' => {
                    let next = chars.get(i + 1).copied();
                    let after = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
                    next.is_none_or(char::is_whitespace)
                        && after.is_none_or(|a| {
                            a.is_uppercase()
                                || is_cjk(a)
                                || matches!(a, '*' | '`' | '-')
                                || a.is_ascii_digit()
                        })
                }
                _ => false,
            };
        if end {
            let s = cur.trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            cur.clear();
        }
        i += 1;
    }
    let s = cur.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
    out
}

/// The rest of a `**说明：** …` / `**Note:** …` paragraph, if it is one.
pub(crate) fn strip_note(text: &str) -> Option<String> {
    let t = text.trim_start();
    NOTE_FORMS
        .iter()
        .find_map(|f| t.strip_prefix(f.as_str()))
        .map(|rest| rest.trim_start_matches([':', '：']).trim().to_string())
}

/// Every spelling of a note opening, in the order `strip_note` tries them: built once, as
/// every paragraph of every description is tested.
static NOTE_FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut forms = Vec::new();
    for w in NOTE_WORDS.iter() {
        let colons: Vec<&str> = NOTE_COLONS.iter().copied().chain([":"]).collect();
        forms.extend(colons.iter().map(|c| format!("**{w}{c}**")));
        forms.extend(colons.iter().map(|c| format!("**{w}**{c}")));
        forms.push(format!("**{w}**"));
        forms.extend(colons.iter().map(|c| format!("{w}{c}")));
    }
    forms
});

pub(crate) fn ends_with_colon(s: &str) -> bool {
    let r = Rich::new(s);
    r.len() > 0 && r.c(r.len() - 1) == ':'
}

/// A sentence ending with `:` that announces values (`取值：`, `Valid values:`).
pub(crate) fn is_enum_intro(s: &str) -> bool {
    ends_with_colon(s) && Rich::new(s).has_any(&ENUM_INTRO_WORDS)
}
