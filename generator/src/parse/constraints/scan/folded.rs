//! The folded view of a sentence that every detector matches on.

/// One char of a [`Rich`] sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RChar {
    /// Folded: ASCII lower-case, full-width punctuation as ASCII, any whitespace as `' '`.
    pub(crate) c: char,
    /// The original char.
    pub(crate) o: char,
    /// Id of the bold or code span the char is in; 0 for plain text.
    pub(crate) span: u32,
    /// Byte offset of `o` in the source text (a sentence is far shorter than 4 GiB; a char
    /// of 16 bytes rather than 24 keeps scans denser).
    pub(crate) at: u32,
}

/// A sentence with its Markdown markers removed but remembered as spans.
pub(crate) struct Rich {
    pub(crate) ch: Vec<RChar>,
    /// The folded chars the sentence holds (a filter: a pattern whose first char is not in
    /// it cannot match, so most phrase tables are ruled out without a scan).
    folded_set: CharSet,
    /// The original chars the sentence holds (the same filter for names, which match on them).
    orig_set: CharSet,
    /// Neighbouring folded chars, spaces skipped (see [`PairSet`]).
    pairs: PairSet,
}

pub(crate) fn fold(x: char) -> char {
    match x {
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '，' => ',',
        '；' => ';',
        '～' => '~',
        '［' | '【' => '[',
        '］' | '】' => ']',
        '“' | '”' | '„' | '＂' => '"',
        '‘' | '’' => '\'',
        '－' => '-',
        '｜' => '|',
        '／' => '/',
        c if c.is_whitespace() || c == '\u{feff}' => ' ',
        c => c.to_ascii_lowercase(),
    }
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Patterns of one `find_any` call that may match kept on the stack (after the char and pair
/// filters there are rarely more than a few).
const NEAR: usize = 16;

/// The first two non-space characters of a pattern (`'\0'` for none).
fn first_two(p: &str) -> (char, char) {
    // Most English phrases start with two ASCII letters.
    if let [a, b, ..] = *p.as_bytes() {
        if a.is_ascii() && b.is_ascii() && a != b' ' && b != b' ' {
            return (char::from(a), char::from(b));
        }
    }
    let mut it = p.chars().filter(|c| *c != ' ');
    let first = it.next().unwrap_or('\0');
    (first, it.next().unwrap_or('\0'))
}

/// Pairs of neighbouring non-space chars, hashed into 2048 bits: a pattern of two or more
/// chars can only match where its first two chars stand next to each other (spaces between
/// them are skipped by the matcher, and by this set).
#[derive(Default, Clone, Copy)]
struct PairSet([u64; 32]);

impl PairSet {
    fn slot(a: char, b: char) -> usize {
        ((a as u32).wrapping_mul(0x9e37_79b1) ^ (b as u32)).wrapping_mul(0x85eb_ca6b) as usize >> 21
    }

    fn insert(&mut self, a: char, b: char) {
        let h = Self::slot(a, b);
        self.0[h >> 6] |= 1 << (h & 63);
    }

    fn may_contain(&self, a: char, b: char) -> bool {
        let h = Self::slot(a, b);
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// A set of chars that is exact for ASCII and may answer "maybe" for other chars (hashed
/// into 1024 bits): a filter in front of the exact comparison.
#[derive(Default, Clone, Copy)]
struct CharSet {
    /// Two words rather than a `u128`, whose shifts take several instructions.
    ascii: [u64; 2],
    other: [u64; 16],
}

impl CharSet {
    fn insert(&mut self, c: char) {
        let n = c as u32;
        if n < 128 {
            self.ascii[(n >> 6) as usize] |= 1 << (n & 63);
        } else {
            let h = (n & 1023) as usize;
            self.other[h >> 6] |= 1 << (h & 63);
        }
    }

    fn may_contain(&self, c: char) -> bool {
        let n = c as u32;
        if n < 128 {
            self.ascii[(n >> 6) as usize] & (1 << (n & 63)) != 0
        } else {
            let h = (n & 1023) as usize;
            self.other[h >> 6] & (1 << (h & 63)) != 0
        }
    }
}

impl Rich {
    pub(crate) fn new(s: &str) -> Rich {
        let mut ch: Vec<RChar> = Vec::with_capacity(s.len());
        let (mut bold, mut code, mut next) = (0u32, 0u32, 0u32);
        let mut it = s.char_indices().peekable();
        while let Some((at, x)) = it.next() {
            // Offsets past 4 GiB do not fit a char's `at`: such a sentence is read that far.
            let Ok(at) = u32::try_from(at) else {
                break;
            };
            if x == '*' && code == 0 && it.peek().map(|p| p.1) == Some('*') {
                it.next();
                if bold == 0 {
                    next += 1;
                    bold = next;
                } else {
                    bold = 0;
                }
                continue;
            }
            if x == '`' {
                if code == 0 {
                    next += 1;
                    code = next;
                } else {
                    code = 0;
                }
                continue;
            }
            // Stray escapes survive un-escaping in a few cells (`**\[1,10\]**`).
            if x == '\\' {
                continue;
            }
            let span = if code != 0 { code } else { bold };
            let c = fold(x);
            if c == ' ' {
                if ch.last().is_none_or(|l| l.c == ' ') {
                    continue;
                }
                ch.push(RChar {
                    c,
                    o: ' ',
                    span,
                    at,
                });
            } else {
                ch.push(RChar { c, o: x, span, at });
            }
        }
        while ch.last().is_some_and(|l| l.c == ' ') {
            ch.pop();
        }
        let (mut folded_set, mut orig_set) = (CharSet::default(), CharSet::default());
        let mut pairs = PairSet::default();
        let mut prev = None;
        for x in &ch {
            folded_set.insert(x.c);
            orig_set.insert(x.o);
            if x.c != ' ' {
                if let Some(p) = prev {
                    pairs.insert(p, x.c);
                }
                prev = Some(x.c);
            }
        }
        Rich {
            ch,
            folded_set,
            orig_set,
            pairs,
        }
    }

    /// False when the original text surely does not spell `name` anywhere (some char of it
    /// occurs nowhere in the sentence).
    pub(crate) fn may_spell(&self, name: impl Iterator<Item = char>) -> bool {
        name.into_iter().all(|c| self.orig_set.may_contain(c))
    }

    pub(crate) fn len(&self) -> usize {
        self.ch.len()
    }

    pub(crate) fn c(&self, i: usize) -> char {
        self.ch.get(i).map_or('\0', |x| x.c)
    }

    pub(crate) fn o(&self, i: usize) -> char {
        self.ch.get(i).map_or('\0', |x| x.o)
    }

    pub(crate) fn span(&self, i: usize) -> u32 {
        self.ch.get(i).map_or(0, |x| x.span)
    }

    /// Byte offset just after char `i` in the source text.
    pub(crate) fn byte_after(&self, i: usize) -> Option<usize> {
        self.ch.get(i).map(|x| x.at as usize + x.o.len_utf8())
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        let c = self.c(i);
        c.is_ascii_alphanumeric() || c == '_'
    }

    /// A word boundary sits before `i`: a non-word char on either side, or a span change
    /// (`If**SnatIp**` reads as two words).
    pub(crate) fn boundary(&self, i: usize) -> bool {
        i == 0
            || i >= self.len()
            || !self.is_word(i - 1)
            || !self.is_word(i)
            || self.span(i - 1) != self.span(i)
    }

    pub(crate) fn skip_ws(&self, mut i: usize) -> usize {
        while self.c(i) == ' ' {
            i += 1;
        }
        i
    }

    /// Matches a folded pattern at `i` (spaces ignored on both sides, whole words for ASCII
    /// ends); returns the index after the match.
    pub(crate) fn match_at(&self, i: usize, pat: &str) -> Option<usize> {
        let start = self.skip_ws(i);
        let mut j = start;
        let (mut first, mut last) = (None, '\0');
        for pc in pat.chars().filter(|c| *c != ' ') {
            if first.is_some() {
                j = self.skip_ws(j);
            }
            if j >= self.len() || self.c(j) != pc {
                return None;
            }
            first.get_or_insert(pc);
            last = pc;
            j += 1;
        }
        let first = first?;
        if (first.is_ascii_alphanumeric() && !self.boundary(start))
            || (last.is_ascii_alphanumeric() && !self.boundary(j))
        {
            return None;
        }
        Some(j)
    }

    /// The longest of `pats` matching at `i`.
    pub(crate) fn match_any(&self, i: usize, pats: &[&str]) -> Option<usize> {
        pats.iter().filter_map(|p| self.match_at(i, p)).max()
    }

    /// Earliest match of any pattern at or after `from` (longest at that position).
    pub(crate) fn find_any(&self, from: usize, pats: &[&str]) -> Option<(usize, usize)> {
        // This scan is the parser's hottest loop (every detector calls it on every sentence).
        // A pattern whose first char, or first two neighbouring chars, the sentence lacks
        // cannot match: most phrase tables are ruled out without a scan. Elsewhere only
        // positions holding a remaining pattern's first char can match, and only the remaining
        // patterns are tried there (the same result as trying them all). No allocation per
        // call (up to 16 remaining patterns).
        // The patterns that may match, with their first chars, in table order: a few on the
        // stack, the rest (rarely any) on the heap.
        let mut near = [('\0', 0u32); NEAR];
        let mut far: Vec<(char, u32)> = Vec::new();
        let mut n = 0;
        let mut set = CharSet::default();
        for (k, p) in pats.iter().enumerate() {
            let (a, b) = first_two(p);
            let possible = match (a, b) {
                ('\0', _) => false,
                (a, '\0') => self.folded_set.may_contain(a),
                (a, b) => self.pairs.may_contain(a, b),
            };
            if !possible {
                continue;
            }
            set.insert(a);
            // Tables are far shorter than 2^32 patterns.
            let k = k as u32;
            match near.get_mut(n) {
                Some(slot) => *slot = (a, k),
                None => far.push((a, k)),
            }
            n += 1;
        }
        if n == 0 {
            return None;
        }
        let near = &near[..n.min(NEAR)];
        for i in from..self.len() {
            let c = self.ch[i].c;
            if c == ' ' || !set.may_contain(c) {
                continue;
            }
            let best = near
                .iter()
                .chain(&far)
                .filter(|(f, _)| *f == c)
                .filter_map(|(_, k)| self.match_at(i, pats[*k as usize]))
                .max();
            if let Some(e) = best {
                return Some((i, e));
            }
        }
        None
    }

    pub(crate) fn find(&self, from: usize, pat: &str) -> Option<(usize, usize)> {
        self.find_any(from, &[pat])
    }

    pub(crate) fn has(&self, pat: &str) -> bool {
        self.find(0, pat).is_some()
    }

    pub(crate) fn has_any(&self, pats: &[&str]) -> bool {
        self.find_any(0, pats).is_some()
    }

    pub(crate) fn starts_with_any(&self, pats: &[&str]) -> bool {
        self.match_any(0, pats).is_some()
    }

    /// The text just before `end` (spaces ignored) is `pat`.
    pub(crate) fn ends_at(&self, end: usize, pat: &str) -> bool {
        let mut j = end.min(self.len());
        let mut first = '\0';
        for pc in pat.chars().rev().filter(|c| *c != ' ') {
            while j > 0 && self.c(j - 1) == ' ' {
                j -= 1;
            }
            if j == 0 || self.c(j - 1) != pc {
                return false;
            }
            j -= 1;
            first = pc;
        }
        first != '\0' && (!first.is_ascii_alphanumeric() || self.boundary(j))
    }

    /// Original text of `a..b`, trimmed.
    pub(crate) fn orig(&self, a: usize, b: usize) -> String {
        let b = b.min(self.len());
        let a = a.min(b);
        self.ch[a..b]
            .iter()
            .map(|x| x.o)
            .collect::<String>()
            .trim()
            .to_string()
    }

    /// Folded text of `a..b`.
    pub(crate) fn folded(&self, a: usize, b: usize) -> String {
        let b = b.min(self.len());
        let a = a.min(b);
        self.ch[a..b].iter().map(|x| x.c).collect()
    }

    /// The first index at or after `from` holding one of `stops` (or the end).
    pub(crate) fn clause_end(&self, from: usize, stops: &[char]) -> usize {
        (from..self.len())
            .find(|&i| stops.contains(&self.c(i)))
            .unwrap_or(self.len())
    }
}
