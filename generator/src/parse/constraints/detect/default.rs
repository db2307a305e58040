//! `default`: the value the service uses when the parameter is omitted.

use crate::parse::constraints::*;

/// `默认值为**1194**`, `Default value: 10`, `默认是 false`, `默认**ManualRenewal**`, `默认为空字符串`.
pub(crate) fn detect_default(r: &Rich) -> Option<String> {
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &DEFAULT_INTROS) {
        from = e;
        if starts_conditional(r) || conditional_at(r, s) || after_event(r, s) {
            continue;
        }
        // `默认为空字符串`, `The default value is an empty string.`
        if r.match_any(r.skip_ws(e), &EMPTY_STRING_WORDS).is_some() {
            return Some(String::new());
        }
        let Some(tok) = read_token(r, e, false) else {
            continue;
        };
        let value = default_value(&tok.text, &Type::String);
        if !is_value_like(&value) {
            continue;
        }
        // A plain word must end there: `默认值为VPN网关的ID` and `Default value: the public IP`
        // describe a behaviour, not a literal.
        let next = r.skip_ws(tok.end);
        let terminated = next >= r.len()
            || matches!(r.c(next), '.' | ',' | ';' | '。' | ')' | ':' | '、')
            || (r.c(tok.end) == ' ' && !r.c(next).is_ascii_alphabetic() && !is_cjk(r.c(next)));
        if tok.marked || terminated {
            return Some(value);
        }
    }
    // `默认**ManualRenewal**。`: a bare `默认` only before a marked value.
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &DEFAULT_MARKED_INTROS) {
        from = e;
        if starts_conditional(r) || conditional_at(r, s) {
            continue;
        }
        let Some(tok) = read_token(r, e, false).filter(|t| t.marked && t.start == r.skip_ws(e))
        else {
            continue;
        };
        let value = default_value(&tok.text, &Type::String);
        if is_value_like(&value) {
            return Some(value);
        }
    }
    None
}

/// Whether the intro at `at` follows an event word (`应用创建后默认为**Normal**`): the sentence
/// then says what a resource becomes after the event, not what the service assumes when the
/// parameter is omitted.
fn after_event(r: &Rich, at: usize) -> bool {
    let before = r.orig(0, at).to_lowercase();
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '，'));
    DEFAULT_EVENT_ENDS.iter().any(|w| before.ends_with(w))
}
