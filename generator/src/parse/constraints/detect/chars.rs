//! `chars` and `ascii`: which characters a value may hold, and how it must start.

use crate::parse::constraints::*;

#[derive(Debug, Clone)]
pub(crate) enum Cls {
    Is(CharClass),
    /// A punctuation name; its char is taken from the `(x)` after it when present.
    Named(char),
}

pub(crate) fn push_class(v: &mut Vec<CharClass>, c: CharClass) {
    if !v.contains(&c) {
        v.push(c);
    }
}

/// Character classes named in `a..b`, in document order.
pub(crate) fn class_scan(r: &Rich, a: usize, b: usize) -> Vec<CharClass> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        // `4 种特殊字符（“.”、“:”、“-”、“_”）`: a quoted punctuation character.
        // (`“-“`: docs sometimes close with the opening quote.)
        if matches!(r.o(i), '“' | '"' | '\'' | '‘')
            && matches!(r.o(i + 2), '”' | '“' | '"' | '\'' | '’')
            && i + 2 < b
            && !r.o(i + 1).is_alphanumeric()
            && !r.o(i + 1).is_whitespace()
        {
            push_class(&mut out, CharClass::Char(r.o(i + 1)));
            i += 3;
            continue;
        }
        if r.c(i) == '(' {
            let x = r.skip_ws(i + 1);
            let close = r.skip_ws(x + 1);
            if x < b && r.c(close) == ')' && !r.o(x).is_alphanumeric() && r.o(x) != ' ' {
                push_class(&mut out, CharClass::Char(r.o(x)));
                i = close + 1;
                continue;
            }
        }
        let hit = CLASS_WORDS
            .iter()
            .filter_map(|(w, k)| r.match_at(i, w).map(|e| (e, k.clone())))
            .max_by_key(|(e, _)| *e);
        match hit {
            Some((e, Cls::Is(c))) if e <= b => {
                push_class(&mut out, c);
                i = e;
            }
            Some((e, Cls::Named(ch))) if e <= b => {
                if r.c(r.skip_ws(e)) != '(' {
                    push_class(&mut out, CharClass::Char(ch));
                }
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

/// Classes the first character must be in: `必须以英文字母或中文开头`, `must start with a letter`.
pub(crate) fn first_classes(r: &Rich) -> Vec<CharClass> {
    for i in 0..r.len() {
        if r.c(i) != '以'
            || matches!(
                r.c(i.wrapping_sub(1)),
                '可' | '所' | '予' | '加' | '难' | '用'
            )
        {
            continue;
        }
        if FIRST_NEGATIONS.iter().any(|w| r.ends_at(i, w)) {
            continue;
        }
        let Some((k, _)) = r.find_any(i + 1, &START_ENDS) else {
            continue;
        };
        if k > i + 30 || (i + 1..k).any(|j| matches!(r.c(j), ',' | '。' | ';')) {
            continue;
        }
        let found = class_scan(r, i + 1, k);
        if !found.is_empty() {
            return found;
        }
    }
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &FIRST_INTROS) {
        from = e;
        if FIRST_INTRO_NEGATIONS.iter().any(|w| r.ends_at(s, w)) {
            continue;
        }
        let mut stop = r.clause_end(e, &[',', ';', '。']);
        // `begin with a number, an upper/lower-case letter or a Chinese character`: the
        // comma runs on the list while the next part names a class.
        while r.c(stop) == ',' && names_class_next(r, stop + 1) {
            stop = r.clause_end(stop + 1, &[',', ';', '。']);
        }
        if let Some((k, _)) = r
            .find_any(e, &[&FIRST_CLASS_ENDS[..], &["."]].concat())
            .filter(|(k, _)| *k < stop)
        {
            stop = k;
        }
        let found = class_scan(r, e, stop);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// Whether the part of a comma list starting at `i` names a character class
/// (`, an upper/lower-case letter or a Chinese character and may contain …`).
fn names_class_next(r: &Rich, i: usize) -> bool {
    let end = r.clause_end(i, &[',', ';', '。', '.']);
    let words = (i..end).filter(|&j| r.c(j) == ' ').count();
    let start = r.skip_ws(i);
    let article = ROLE_ARTICLES
        .iter()
        .any(|a| r.match_at(start, a).is_some_and(|e| r.c(e) == ' '));
    words <= 12 && article && !class_scan(r, i, end).is_empty()
}

/// Classes every character may be in: `可包含数字、半角句号（.）…`, `can contain digits, …`.
pub(crate) fn listed_classes(r: &Rich) -> Vec<CharClass> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &CONTAIN_ONLY) {
        from = e;
        if CONTAIN_NEGATION.iter().any(|w| r.ends_at(s, w)) {
            continue;
        }
        let mut stop = r.clause_end(e, &['。', ';']);
        if let Some((k, _)) = r.find_any(e, &CLASS_LIST_ENDS).filter(|(k, _)| *k < stop) {
            stop = k;
        }
        if let Some(k) = (e..stop).find(|&i| r.c(i) == '.' && r.span(i) == 0 && r.c(i + 1) == ' ') {
            stop = k;
        }
        if (e..stop).any(|i| r.match_any(i, &VAGUE_CLASS_WORDS).is_some()) {
            return Vec::new();
        }
        for c in class_scan(r, e, stop) {
            push_class(&mut out, c);
        }
    }
    // Additions stated separately: `支持中文字符`, `支持使用星号（*）…作为通配符`,
    // `Supported wildcard characters are asterisks (*) and question marks (?)`.
    if let Some((_, e)) = r.find_any(0, &CLASS_ADDITIONS) {
        let stop = r
            .find_any(e, &[&CLASS_ADDITION_ENDS[..], &["."]].concat())
            .map_or(r.len(), |(k, _)| k);
        for c in class_scan(r, e, stop) {
            push_class(&mut out, c);
        }
    }
    if !out.is_empty() && r.has_any(&CJK_ALLOWED) {
        push_class(&mut out, CharClass::Cjk);
    }
    out
}

pub(crate) fn detect_chars(r: &Rich) -> Option<Rule> {
    let first = first_classes(r);
    let listed = listed_classes(r);
    if first.is_empty() && listed.is_empty() {
        return None;
    }
    let mut allowed = Vec::new();
    if !listed.is_empty() {
        for c in first.iter().chain(listed.iter()) {
            push_class(&mut allowed, c.clone());
        }
    }
    Some(Rule::Chars { first, allowed })
}
