//! `length`: string length in characters.

use crate::parse::constraints::*;

/// `长度为2~128个字符`, `最大不值过64个ASCII字符`, `must be 1 to 64 ASCII characters in length`.
pub(crate) fn detect_length(r: &Rich) -> Option<Rule> {
    for (a, b, n) in numbers(r) {
        let mut p = b;
        let mut hi = None;
        if let Some(e) = r.match_any(p, &RANGE_SEPS) {
            if let Some(t) = read_token(r, e, false) {
                if let Some(m) = to_number(&t.text) {
                    hi = Some(m);
                    p = t.end;
                }
            }
        }
        while let Some(q) = r.match_any(p, &LEN_FILLER) {
            p = q;
        }
        let bytes = r.match_any(p, &LENGTH_BYTE_UNITS).is_some();
        if r.match_any(p, &LENGTH_UNITS).is_none() && !bytes {
            continue;
        }
        let (min, max) = match hi {
            Some(m) => (to_u64(n), to_u64(m)),
            None => {
                let clause_start = (0..a)
                    .rev()
                    .find(|&i| matches!(r.c(i), '。' | ';'))
                    .map_or(0, |i| i + 1);
                let window: String = r
                    .folded(clause_start.max(a.saturating_sub(16)), a)
                    .replace(' ', "");
                if LEN_MAX.iter().any(|w| window.contains(w)) {
                    (None, to_u64(n))
                } else if LEN_MIN.iter().any(|w| window.contains(w)) {
                    (to_u64(n), None)
                } else if LEN_EXACT.iter().any(|w| window.contains(w)) {
                    (to_u64(n), to_u64(n))
                } else {
                    continue;
                }
            }
        };
        // A byte count bounds the characters from above only (see `LENGTH_BYTE_UNITS`).
        let min = if bytes { min.filter(|m| *m <= 1) } else { min };
        if min.is_some() || max.is_some() {
            return Some(Rule::Length { min, max });
        }
    }
    None
}
