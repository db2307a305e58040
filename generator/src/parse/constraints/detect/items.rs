//! `items`: the number of items of a list.

use crate::parse::constraints::*;

/// How many values may be given: `最多支持输入50个`, `You can specify up to 20 IDs`.
pub(crate) fn detect_count(r: &Rich) -> Option<u64> {
    let unit_follows = |end: usize| {
        let p = r.skip_ws(end);
        r.match_at(p, "个")
            .is_some_and(|q| r.match_any(q, &["字符", "ascii", "英文", "中文"]).is_none())
    };
    let mut from = 0;
    while let Some((_, e)) = r.find(from, "最多") {
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
    if !r.has_any(&[
        "you can",
        "each call",
        "each request",
        "at a time",
        "can be specified",
    ]) {
        return None;
    }
    let (_, e) = r.find_any(0, &["up to", "a maximum of", "at most"])?;
    let tok = read_token(r, e, false)?;
    let n = to_number(&tok.text)?;
    if r.match_any(tok.end, &["character", "characters", "ascii"])
        .is_some()
    {
        return None;
    }
    to_u64(n)
}
