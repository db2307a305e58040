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
    /// Byte offset of `o` in the source text.
    pub(crate) at: usize,
}

/// A sentence with its Markdown markers removed but remembered as spans.
pub(crate) struct Rich {
    pub(crate) ch: Vec<RChar>,
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

impl Rich {
    pub(crate) fn new(s: &str) -> Rich {
        let mut ch: Vec<RChar> = Vec::new();
        let (mut bold, mut code, mut next) = (0u32, 0u32, 0u32);
        let mut it = s.char_indices().peekable();
        while let Some((at, x)) = it.next() {
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
        Rich { ch }
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
        self.ch.get(i).map(|x| x.at + x.o.len_utf8())
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
        // Only positions holding some pattern's first character can match (a cheap filter:
        // this scan is the parser's hottest loop).
        // At a non-space position `match_at` compares the pattern's first character first, so
        // only the patterns starting with that character are tried there (same result).
        let firsts: Vec<Option<char>> =
            pats.iter().map(|p| p.chars().find(|c| *c != ' ')).collect();
        (from..self.len()).find_map(|i| {
            let c = self.c(i);
            if c == ' ' || !firsts.contains(&Some(c)) {
                return None;
            }
            pats.iter()
                .zip(&firsts)
                .filter(|(_, first)| **first == Some(c))
                .filter_map(|(p, _)| self.match_at(i, p))
                .max()
                .map(|e| (i, e))
        })
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
