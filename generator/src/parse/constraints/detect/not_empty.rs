//! `not_empty`: the value must not be an empty string.

use crate::parse::constraints::*;

/// `不允许为空字符串`, `cannot be an empty string`; the weaker `不能为空` / `cannot be empty` only
/// where the sentence says it of a value (`N的取值不允许为空`, `The value … cannot be empty`):
/// on its own it often just means "required". When the subject is a name (`A TagKey cannot be
/// an empty string, but a TagValue can be`), the rule is this parameter's only when the name is
/// (or ends with) its own (`TagKey` for `Tag.N.Key`, not for `Tag.N.Value`; `Key不允许为空字符串`
/// in the description of `Tags` is about a member).
pub(crate) fn detect_not_empty(r: &Rich, own: &str) -> Option<Rule> {
    not_empty_of(r, own)
        .filter(|mine| *mine)
        .map(|_| Rule::NotEmpty)
}

/// `Some(true)`: the sentence says this value must not be empty; `Some(false)`: it says so
/// of another parameter (or lets another be empty), which is no rule of this one.
pub(crate) fn not_empty_of(r: &Rich, own: &str) -> Option<bool> {
    let strong = r.find_any(0, &NOT_EMPTY_WORDS);
    let (s, _) = strong.or_else(|| r.find_any(0, &NOT_EMPTY_WEAK))?;
    // The word right before the phrase names the subject (`A TagKey cannot …`, `标签键（TagKey）
    // 不能为空`): a parameter-like name says whom the sentence is about.
    let mut k = s;
    while k > 0 && matches!(r.c(k - 1), ' ' | ')') {
        k -= 1;
    }
    let mut j = k;
    while j > 0 && (r.is_word(j - 1) || r.o(j - 1) == '.') {
        j -= 1;
    }
    let subject = r.orig(j, k);
    // `N` (the index placeholder) names no parameter.
    let named = subject.chars().count() >= 2
        && subject
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase());
    if named {
        let own_named = !own.is_empty() && subject.ends_with(own);
        return Some(own_named);
    }
    let of_value = VALUE_SUBJECTS.iter().any(|w| r.folded(0, s).contains(w));
    if strong.is_none() && !of_value {
        return None;
    }
    // Two unnamed subjects contrasted (`…，标签值可以为空`): nothing sure about this one.
    if r.has_any(&EMPTY_ALLOWED) {
        return None;
    }
    Some(true)
}
