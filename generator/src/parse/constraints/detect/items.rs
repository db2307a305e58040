//! `items`: the number of items of a list.

use crate::parse::constraints::*;

/// How many values may be given: `最多支持输入50个`, `You can specify up to 20 IDs`.
pub(crate) fn detect_count(r: &Rich) -> Option<u64> {
    let unit_follows = |end: usize| {
        let p = r.skip_ws(end);
        r.match_any(p, &COUNT_UNITS)
            .is_some_and(|q| r.match_any(q, &COUNT_NOT_UNITS).is_none())
    };
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, &COUNT_MAX) {
        from = e;
        if let Some((_, b, n)) = numbers(r)
            .into_iter()
            .find(|(a, _, _)| *a >= e && *a <= e + 12)
        {
            if unit_follows(b) {
                return to_u64(n);
            }
        }
    }
    if !r.has_any(&COUNT_CONTEXTS) {
        return None;
    }
    let (_, e) = r.find_any(0, &COUNT_INTROS)?;
    let tok = read_token(r, e, false)?;
    let n = to_number(&tok.text)?;
    if r.match_any(tok.end, &COUNT_NOT_UNITS_EN).is_some() {
        return None;
    }
    to_u64(n)
}
