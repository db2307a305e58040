//! `not_empty`: the value must not be an empty string.

use crate::parse::constraints::*;

/// `不允许为空字符串`, `cannot be an empty string`; the weaker `不能为空` / `cannot be empty` only
/// where the sentence says it of a value (`N的取值不允许为空`, `The value … cannot be empty`):
/// on its own it often just means "required". A sentence that contrasts two subjects (`A TagKey
/// cannot be an empty string, but a TagValue can be`) or whose subject is another name (`Key不
/// 允许为空字符串` in the description of `Tags`) says nothing sure about this parameter.
pub(crate) fn detect_not_empty(r: &Rich, own: &str) -> Option<Rule> {
    let (s, _) = r.find_any(0, &NOT_EMPTY_WORDS).or_else(|| {
        let (s, e) = r.find_any(0, &NOT_EMPTY_WEAK)?;
        let before = r.folded(0, s);
        let of_value = VALUE_SUBJECTS.iter().any(|w| before.contains(w));
        of_value.then_some((s, e))
    })?;
    if r.has_any(&EMPTY_ALLOWED) {
        return None;
    }
    // The word right before the phrase names the subject: a parameter-like name that is not
    // this parameter's means the sentence is about a member or another parameter.
    let mut k = s;
    while k > 0 && r.c(k - 1) == ' ' {
        k -= 1;
    }
    let mut j = k;
    while j > 0 && (r.is_word(j - 1) || r.o(j - 1) == '.') {
        j -= 1;
    }
    let subject = r.orig(j, k);
    let named = subject
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase());
    if named && !own.is_empty() && !subject.ends_with(own) {
        return None;
    }
    Some(Rule::NotEmpty)
}
