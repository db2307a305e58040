//! Constraint extraction: turns the prose of one request-parameter description into [`Rule`]s.
//!
//! The API docs state their rules in free text (zh-CN and en-US): value lists after `取值：` /
//! `Valid values:`, defaults, lengths, ranges, character classes, formats and relations with other
//! parameters. Every detector keys on the wording only (the parameter name is not even known
//! here) and is a small hand-rolled scanner over `char`s.
//!
//! Pipeline:
//! 1. `parse_blocks` cuts the cell into paragraphs and bullets.
//! 2. `run` walks the blocks: paragraphs are split into sentences, bullet runs become lists
//!    (with the sentence that introduces them), `**说明：**`/`**Note:**` paragraphs are notes.
//! 3. Sentences go through `sentence_rules`, lists through `Acc::list`; every rule keeps the
//!    sentence (or intro plus bullets) it came from as `source`.
//! 4. Rules stated under a condition (`当X取值Month时，…`, notes, condition bullets) are kept as
//!    branches: they widen an unconditional enum/range they fall outside of, and branches over
//!    the values of one sibling are united (`Acc::settle_branches`).
//! 5. `finalize` merges per-sentence pieces (character classes, list sizes) and de-duplicates.
//!
//! Matching runs on a `Rich` view of a sentence: Markdown markers are removed but remembered
//! (a bold or code span delimits one value), full-width punctuation is folded to ASCII, ASCII is
//! lower-cased and spaces are ignored by the keyword matcher.
//!
//! Approximations: `不能包含X` / `cannot contain X` is reported as `PrefixForbidden` (a value that
//! starts with X contains it, so the check is weaker but never wrong). A `MultiValue` rule means
//! that the value is a list: `Format`/`Length` rules found next to it describe one item.

use crate::model::{CharClass, Constraint, EnumValue, Number, RelationKind, Rule, Type};

/// What [`extract`] found in one description.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub constraints: Vec<Constraint>,
    /// Sentences that look like a rule (numbers, ranges, value lists, 必须/不能/仅/只能/不支持/
    /// only/must/cannot/at most/…) but produced no constraint.
    pub not_understood: Vec<String>,
    /// Number of rule-like sentences that did produce at least one constraint (a value list
    /// counts once, with its intro; a sentence that produced a constraint counts as rule-like).
    pub understood: usize,
}

/// Extracts the constraints stated in one parameter description.
///
/// `description`: the description cell text of one parameter, already un-escaped and with links
/// reduced to their text, but with `**bold**`, backticks, bullets and newlines kept.
/// `ty`: the field's IR type. `siblings`: wire names of the other top-level parameters of the
/// same request (a relation is only reported with a name from this list).
pub fn extract(description: &str, ty: &Type, siblings: &[&str]) -> Extracted {
    run(description, ty, siblings, &mut Stats::default())
}

/// True when a sentence looks like it states a rule (used by [`extract`] for `not_understood`,
/// and by a lint command).
pub fn is_rule_like(sentence: &str) -> bool {
    // Nouns that merely contain a modal word (`egress-only rule`, `仅主动出规则`).
    let mut sentence = sentence.to_string();
    for term in TERMS {
        sentence = sentence.replace(term, " ");
    }
    let r = Rich::new(&sentence);
    if r.len() == 0 || r.starts_with_any(EXAMPLE_STARTS) || r.starts_with_any(QUESTION_STARTS) {
        return false;
    }
    free_number(&r)
        || r.has_any(MODAL_WORDS)
        || intro_with_value(&r, VALUE_INTROS)
        || intro_with_value(&r, DEFAULT_INTROS)
        || marked_list(&r)
}

/// Sentences that were recognised but deliberately produce nothing; kept apart so that a
/// measurement can report them (they are neither `understood` nor `not_understood`).
#[derive(Debug, Default)]
pub(crate) struct Stats {
    /// Rule-like sentences inside bullet lists that describe the members of a JSON value
    /// (`-   **IkeConfig.Psk**: …`): their rules are about a sub-field, not this parameter.
    pub(crate) subfield: usize,
    /// `true`/`false` lists of a `Boolean` field without a default: the type already says it.
    pub(crate) redundant: usize,
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (all patterns are written folded: lower-case, ASCII punctuation; spaces optional)
// ---------------------------------------------------------------------------------------------

/// Phrases after which the allowed values (or a numeric range) follow.
const VALUE_INTROS: &[&str] = &[
    "取值范围为",
    "取值范围是",
    "取值范围:",
    "取值范围",
    "取值为",
    "取值是",
    "取值:",
    "取值",
    "可能值为",
    "可能值:",
    "可选值为",
    "可选值:",
    "有效值为",
    "有效值:",
    "只支持一种:",
    "仅支持一种:",
    "valid values are",
    "valid values:",
    "valid values",
    "valid value is",
    "valid value:",
    "valid value",
    "value range:",
    "value range is",
    "values:",
    "value:",
    "set the value to:",
    "set the value to",
    "the value can be",
    "possible values:",
];

/// `仅支持 X` only counts when the values are marked (bold/code): `只支持ASCII字符` is no list.
const ONLY_INTROS: &[&str] = &[
    "目前仅支持",
    "目前只支持",
    "仅支持",
    "只支持",
    "only supports",
    "supports only",
];

/// English intros of the number of items of a list (`Valid values of N: 1 to 20`).
const ITEM_INTROS: &[&str] = &[
    "valid values of n:",
    "valid values of n",
    "value range of n:",
    "value range of n",
    "values of n:",
    "range of n:",
];

const DEFAULT_INTROS: &[&str] = &[
    "默认值为",
    "默认值是",
    "默认值:",
    "默认值",
    "默认取值为",
    "默认取值",
    "默认为",
    "默认是",
    "the default value is",
    "default value is",
    "default value:",
    "default value",
    "default:",
    "defaults to",
    "default is",
];

/// Markers after a list value saying it is the default.
const DEFAULT_MARKS: &[&str] = &["(默认值)", "(默认)", "(default)", "(default value)"];

/// Separators between the values of an inline list (longest alternatives first).
const LIST_SEPS: &[&str] = &[
    ", and", ", or", "、或", "或者", "以及", "、", ",", "|", "或", "和", "及", "and", "or",
];

/// Connectors of a numeric range.
const RANGE_SEPS: &[&str] = &["~", "-", "to", "至", "到"];

/// Sentence openings that make everything after them conditional.
const COND_STARTS: &[&str] = &[
    "当",
    "如果",
    "若",
    "假如",
    "对于",
    "仅当",
    "只有当",
    "if",
    "when",
    "only if",
    "only when",
    "in case",
];

const EXAMPLE_STARTS: &[&str] = &[
    "例如",
    "如:",
    "比如",
    "for example",
    "example:",
    "e.g.",
    "such as",
];

/// Boolean questions (`是否…`, `Specifies whether…`) describe a switch, never a rule.
const QUESTION_STARTS: &[&str] = &[
    "是否",
    "specifies whether",
    "specify whether",
    "indicates whether",
    "whether",
];

const MODAL_WORDS: &[&str] = &[
    "必须",
    "不能",
    "不可",
    "不得",
    "不允许",
    "仅",
    "只能",
    "只支持",
    "只允许",
    "不支持",
    "必选",
    "必填",
    "必传",
    "至少",
    "不超过",
    "互斥",
    "冲突",
    "重叠",
    "开头",
    "分隔",
    "隔开",
    "长度",
    "must",
    "cannot",
    "can't",
    "can not",
    "only",
    "not supported",
    "is required if",
    "is required when",
    "is required only",
    "is required.",
    "are required",
    "be required",
    "parameter is required",
    "at most",
    "at least",
    "up to",
    "exceed",
    "mutually exclusive",
    "overlap",
    "conflict",
    "not allowed",
    "greater than",
    "less than",
    "start with",
    "separate",
    "in length",
    "ascii",
];

/// Fixed terms holding a modal word that states no rule.
const TERMS: &[&str] = &[
    "egress-only",
    "Egress-only",
    "仅主动出",
    "read-only",
    "只读",
];

/// Words that may sit between a number and `字符`/`characters` in a length rule.
const LEN_FILLER: &[&str] = &[
    "个", "位", "ascii", "英文", "中文", "汉字", "或", "english", "chinese", "or", "unicode",
];
const LEN_MAX: &[&str] = &[
    "不超过",
    "不能超过",
    "超过",
    "最多",
    "最大",
    "不值过",
    "限制为",
    "至多",
    "upto",
    "exceed",
    "atmost",
    "maximumof",
    "nomorethan",
    "notmorethan",
];
const LEN_MIN: &[&str] = &["至少", "最少", "不少于", "atleast", "minimumof"];
const LEN_EXACT: &[&str] = &["长度为", "长度是", "mustbe", "exactly"];

/// Numeric bounds: phrase and the kind of bound it introduces.
const BOUNDS: &[(&str, Bound)] = &[
    ("最大值为", Bound::Max),
    ("最大值是", Bound::Max),
    ("最大值:", Bound::Max),
    ("最大值", Bound::Max),
    ("最大取值为", Bound::Max),
    ("最大为", Bound::Max),
    ("不能大于", Bound::Max),
    ("不得大于", Bound::Max),
    ("不大于", Bound::Max),
    ("小于等于", Bound::Max),
    ("小于或等于", Bound::Max),
    ("小于", Bound::MaxEx),
    ("最小值为", Bound::Min),
    ("最小值是", Bound::Min),
    ("最小值:", Bound::Min),
    ("最小值", Bound::Min),
    ("最小为", Bound::Min),
    ("起始值为", Bound::Min),
    ("起始值", Bound::Min),
    ("必须从", Bound::Min),
    ("不能小于", Bound::Min),
    ("不小于", Bound::Min),
    ("大于等于", Bound::Min),
    ("大于或等于", Bound::Min),
    ("大于", Bound::MinEx),
    ("the maximum value is", Bound::Max),
    ("maximum value:", Bound::Max),
    ("maximum value is", Bound::Max),
    ("maximum value", Bound::Max),
    ("max value:", Bound::Max),
    ("cannot be greater than", Bound::Max),
    ("less than or equal to", Bound::Max),
    ("no greater than", Bound::Max),
    ("not greater than", Bound::Max),
    ("less than", Bound::MaxEx),
    ("the minimum value is", Bound::Min),
    ("minimum value:", Bound::Min),
    ("minimum value is", Bound::Min),
    ("minimum value", Bound::Min),
    ("min value:", Bound::Min),
    ("cannot be less than", Bound::Min),
    ("greater than or equal to", Bound::Min),
    ("no less than", Bound::Min),
    ("not less than", Bound::Min),
    ("greater than", Bound::MinEx),
    ("larger than", Bound::MinEx),
    ("pages start from page", Bound::Min),
];

/// Character-class words, longest alternatives first.
const CLASS_WORDS: &[(&str, Cls)] = &[
    ("大小写英文字母", Cls::Is(CharClass::Letter)),
    ("大小写字母", Cls::Is(CharClass::Letter)),
    ("英文大写字母", Cls::Is(CharClass::Upper)),
    ("大写英文字母", Cls::Is(CharClass::Upper)),
    ("大写字母", Cls::Is(CharClass::Upper)),
    ("英文小写字母", Cls::Is(CharClass::Lower)),
    ("小写英文字母", Cls::Is(CharClass::Lower)),
    ("小写字母", Cls::Is(CharClass::Lower)),
    ("英文字母", Cls::Is(CharClass::Letter)),
    ("字母", Cls::Is(CharClass::Letter)),
    ("数字", Cls::Is(CharClass::Digit)),
    ("中文字符", Cls::Is(CharClass::Cjk)),
    ("中文", Cls::Is(CharClass::Cjk)),
    ("汉字", Cls::Is(CharClass::Cjk)),
    ("uppercase letters", Cls::Is(CharClass::Upper)),
    ("uppercase letter", Cls::Is(CharClass::Upper)),
    ("lowercase letters", Cls::Is(CharClass::Lower)),
    ("lowercase letter", Cls::Is(CharClass::Lower)),
    ("letters", Cls::Is(CharClass::Letter)),
    ("letter", Cls::Is(CharClass::Letter)),
    ("digits", Cls::Is(CharClass::Digit)),
    ("digit", Cls::Is(CharClass::Digit)),
    ("numbers", Cls::Is(CharClass::Digit)),
    ("number", Cls::Is(CharClass::Digit)),
    ("chinese characters", Cls::Is(CharClass::Cjk)),
    ("chinese character", Cls::Is(CharClass::Cjk)),
    ("chinese", Cls::Is(CharClass::Cjk)),
    ("hyphens", Cls::Named('-')),
    ("hyphen", Cls::Named('-')),
    ("underscores", Cls::Named('_')),
    ("underscore", Cls::Named('_')),
    ("periods", Cls::Named('.')),
    ("period", Cls::Named('.')),
    ("spaces", Cls::Named(' ')),
    ("短划线", Cls::Named('-')),
    ("短横线", Cls::Named('-')),
    ("中划线", Cls::Named('-')),
    ("连字符", Cls::Named('-')),
    ("下划线", Cls::Named('_')),
    ("半角句号", Cls::Named('.')),
    ("句号", Cls::Named('.')),
    ("点号", Cls::Named('.')),
    ("句点", Cls::Named('.')),
    ("空格", Cls::Named(' ')),
];

/// Words of a list intro that announce values (`取值：`, `Valid values:`, `以下…：`).
const ENUM_INTRO_WORDS: &[&str] = &[
    "取值",
    "可能值",
    "可选值",
    "有效值",
    "valid value",
    "values",
    "value",
    "以下",
    "following",
    "如下",
];

/// Inside a bullet, these mean the bullet documents a sub-field with its own rules.
const SUBRULE_WORDS: &[&str] = &[
    "取值:",
    "取值范围",
    "默认值",
    "valid values",
    "valid value",
    "default value",
    "value range",
    "长度",
    "in length",
];

/// Intro words of a list of JSON members / configuration fields.
const CONFIG_WORDS: &[&str] = &[
    "配置",
    "参数",
    "字段",
    "configuration",
    "parameters",
    "fields",
];

const NOTE_WORDS: &[&str] = &[
    "说明",
    "注意",
    "警告",
    "提示",
    "重要",
    "Note",
    "Notes",
    "Notice",
    "Warning",
    "Important",
    "Caution",
    "NOTE",
];

// ---------------------------------------------------------------------------------------------
// Folded text view
// ---------------------------------------------------------------------------------------------

/// One char of a [`Rich`] sentence.
#[derive(Debug, Clone, Copy)]
struct RChar {
    /// Folded: ASCII lower-case, full-width punctuation as ASCII, any whitespace as `' '`.
    c: char,
    /// The original char.
    o: char,
    /// Id of the bold or code span the char is in; 0 for plain text.
    span: u32,
    /// Byte offset of `o` in the source text.
    at: usize,
}

/// A sentence with its Markdown markers removed but remembered as spans.
struct Rich {
    ch: Vec<RChar>,
}

fn fold(x: char) -> char {
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

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

impl Rich {
    fn new(s: &str) -> Rich {
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

    fn len(&self) -> usize {
        self.ch.len()
    }

    fn c(&self, i: usize) -> char {
        self.ch.get(i).map_or('\0', |x| x.c)
    }

    fn o(&self, i: usize) -> char {
        self.ch.get(i).map_or('\0', |x| x.o)
    }

    fn span(&self, i: usize) -> u32 {
        self.ch.get(i).map_or(0, |x| x.span)
    }

    /// Byte offset just after char `i` in the source text.
    fn byte_after(&self, i: usize) -> Option<usize> {
        self.ch.get(i).map(|x| x.at + x.o.len_utf8())
    }

    fn is_word(&self, i: usize) -> bool {
        let c = self.c(i);
        c.is_ascii_alphanumeric() || c == '_'
    }

    /// A word boundary sits before `i`: a non-word char on either side, or a span change
    /// (`If**SnatIp**` reads as two words).
    fn boundary(&self, i: usize) -> bool {
        i == 0
            || i >= self.len()
            || !self.is_word(i - 1)
            || !self.is_word(i)
            || self.span(i - 1) != self.span(i)
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.c(i) == ' ' {
            i += 1;
        }
        i
    }

    /// Matches a folded pattern at `i` (spaces ignored on both sides, whole words for ASCII
    /// ends); returns the index after the match.
    fn match_at(&self, i: usize, pat: &str) -> Option<usize> {
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
    fn match_any(&self, i: usize, pats: &[&str]) -> Option<usize> {
        pats.iter().filter_map(|p| self.match_at(i, p)).max()
    }

    /// Earliest match of any pattern at or after `from` (longest at that position).
    fn find_any(&self, from: usize, pats: &[&str]) -> Option<(usize, usize)> {
        // Only positions holding some pattern's first character can match (a cheap filter:
        // this scan is the parser's hottest loop).
        let firsts: Vec<char> = pats
            .iter()
            .filter_map(|p| p.chars().find(|c| *c != ' '))
            .collect();
        (from..self.len())
            .filter(|&i| self.c(i) != ' ' && firsts.contains(&self.c(i)))
            .find_map(|i| self.match_any(i, pats).map(|e| (i, e)))
    }

    fn find(&self, from: usize, pat: &str) -> Option<(usize, usize)> {
        self.find_any(from, &[pat])
    }

    fn has(&self, pat: &str) -> bool {
        self.find(0, pat).is_some()
    }

    fn has_any(&self, pats: &[&str]) -> bool {
        self.find_any(0, pats).is_some()
    }

    fn starts_with_any(&self, pats: &[&str]) -> bool {
        self.match_any(0, pats).is_some()
    }

    /// The text just before `end` (spaces ignored) is `pat`.
    fn ends_at(&self, end: usize, pat: &str) -> bool {
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
    fn orig(&self, a: usize, b: usize) -> String {
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
    fn folded(&self, a: usize, b: usize) -> String {
        let b = b.min(self.len());
        let a = a.min(b);
        self.ch[a..b].iter().map(|x| x.c).collect()
    }

    /// The first index at or after `from` holding one of `stops` (or the end).
    fn clause_end(&self, from: usize, stops: &[char]) -> usize {
        (from..self.len())
            .find(|&i| stops.contains(&self.c(i)))
            .unwrap_or(self.len())
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens and value expressions
// ---------------------------------------------------------------------------------------------

/// One value candidate: a whole bold/code span, or a run of plain value characters.
struct Tok {
    text: String,
    marked: bool,
    start: usize,
    end: usize,
}

/// `1,000` (a thousands group) as opposed to the list `10,20`.
fn thousands(r: &Rich, e: usize) -> bool {
    if e == 0
        || r.c(e) != ','
        || !r.c(e - 1).is_ascii_digit()
        || !(1..=3).all(|k| r.c(e + k).is_ascii_digit())
    {
        return false;
    }
    let after = e + 4;
    after >= r.len() || matches!(r.c(after), ' ' | '。') || r.span(after) != r.span(e + 3)
}

fn plain_char(r: &Rich, e: usize, keep_colon: bool) -> bool {
    match r.o(e) {
        c if c.is_ascii_alphanumeric() => true,
        '_' | '-' | '.' | '/' | '+' | '@' | '#' | '*' | '=' | '$' => true,
        ':' => keep_colon || (r.o(e + 1) == '/' && r.o(e + 2) == '/'),
        ',' => thousands(r, e),
        _ => false,
    }
}

fn read_token(r: &Rich, pos: usize, keep_colon: bool) -> Option<Tok> {
    let i = r.skip_ws(pos);
    if i >= r.len() {
        return None;
    }
    let sp = r.span(i);
    if sp != 0 {
        let mut e = i;
        while e < r.len() && r.span(e) == sp {
            e += 1;
        }
        let text = r.orig(i, e);
        return (!text.is_empty()).then_some(Tok {
            text,
            marked: true,
            start: i,
            end: e,
        });
    }
    let mut e = i;
    while e < r.len() && r.span(e) == 0 && plain_char(r, e, keep_colon) {
        e += 1;
    }
    while e > i && (matches!(r.o(e - 1), '.' | ',' | '-') || (!keep_colon && r.o(e - 1) == ':')) {
        e -= 1;
    }
    (e > i).then(|| Tok {
        text: r.orig(i, e),
        marked: false,
        start: i,
        end: e,
    })
}

/// A literal value: printable ASCII without spaces, with at least one letter or digit.
fn is_value_like(t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 80
        && t.chars().all(|c| c.is_ascii_graphic())
        && t.chars().any(|c| c.is_ascii_alphanumeric())
}

/// `IkeConfig.Psk` / `IkeConfig. IkeEncAlg`: a member of a JSON value, not a value.
fn looks_like_field(v: &str) -> bool {
    let chars: Vec<char> = v.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '.' && (w[1].is_ascii_uppercase() || w[1] == ' '))
}

fn to_number(t: &str) -> Option<Number> {
    let s: String = t.chars().filter(|c| *c != ',').collect();
    let digits = s.strip_prefix('-').unwrap_or(&s);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return s.parse::<i64>().ok().map(Number::Int);
    }
    let dots = digits.chars().filter(|c| *c == '.').count();
    let ok = dots == 1
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if ok {
        s.parse::<f64>().ok().map(Number::Float)
    } else {
        None
    }
}

fn to_u64(n: Number) -> Option<u64> {
    match n {
        Number::Int(i) => u64::try_from(i).ok(),
        Number::Float(_) => None,
    }
}

/// One element of an inline value list.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    One {
        v: String,
        default: bool,
    },
    Span {
        lo: Number,
        hi: Number,
        lo_ex: bool,
        hi_ex: bool,
    },
}

fn span_val(lo: Number, hi: Number) -> Val {
    Val::Span {
        lo,
        hi,
        lo_ex: false,
        hi_ex: false,
    }
}

/// `5-1000` written as one token.
fn dash_range(t: &str) -> Option<Val> {
    let (a, b) = t.split_once('-')?;
    Some(span_val(to_number(a)?, to_number(b)?))
}

/// `[1,10]`, `(0,100]`: an interval in brackets.
fn bracket_range(r: &Rich, i: usize) -> Option<(Val, usize)> {
    let open = r.c(i);
    if open != '[' && open != '(' {
        return None;
    }
    let a = read_token(r, i + 1, false).filter(|t| !t.marked || r.span(i) == r.span(t.start))?;
    let lo = to_number(&a.text)?;
    let comma = r.match_at(a.end, ",")?;
    let b = read_token(r, comma, false)?;
    let hi = to_number(&b.text)?;
    let close = r.skip_ws(b.end);
    let hi_ex = match r.c(close) {
        ']' => false,
        ')' => true,
        _ => return None,
    };
    Some((
        Val::Span {
            lo,
            hi,
            lo_ex: open == '(',
            hi_ex,
        },
        close + 1,
    ))
}

/// A marked token that itself holds a list or a range (`**Normal | FinancialLocked**`,
/// `**0~86400**`, `**22、2222、…**`).
fn split_marked(text: &str) -> Option<Vec<Val>> {
    let splittable =
        text.contains(['、', ',', '，', '|', '~', '～', '[', ' ']) || dash_range(text).is_some();
    if !splittable {
        return None;
    }
    let sub = Rich::new(text);
    let (vals, end) = parse_expr(&sub, 0, 1);
    let rest_is_punct = (end..sub.len()).all(|i| matches!(sub.c(i), ' ' | '.' | '。' | ',' | ';'));
    (!vals.is_empty() && rest_is_punct).then_some(vals)
}

/// Reads one list element (a value, a bracket interval or `a ~ b`) at `p`.
fn read_vals(r: &Rich, p: usize, depth: u8) -> Option<(Vec<Val>, usize)> {
    let i = r.skip_ws(p);
    if let Some((v, e)) = bracket_range(r, i) {
        return Some((vec![v], e));
    }
    let tok = read_token(r, i, false)?;
    let mut vals = match (tok.marked && depth == 0)
        .then(|| split_marked(&tok.text))
        .flatten()
    {
        Some(v) => v,
        None => {
            if !is_value_like(&tok.text) {
                return None;
            }
            vec![dash_range(&tok.text).unwrap_or(Val::One {
                v: tok.text.clone(),
                default: false,
            })]
        }
    };
    let mut q = tok.end;
    let single_number = match vals.as_slice() {
        [Val::One { v, .. }] => to_number(v),
        _ => None,
    };
    if let Some(lo) = single_number {
        for sep in RANGE_SEPS {
            let Some(e) = r.match_at(q, sep) else {
                continue;
            };
            if let Some((t, hi)) =
                read_token(r, e, false).and_then(|t| to_number(&t.text).map(|n| (t, n)))
            {
                vals = vec![span_val(lo, hi)];
                q = t.end;
                break;
            }
        }
    }
    Some((vals, q))
}

/// A value can start at `i` (used to decide whether a separator continues the list).
fn starts_value(r: &Rich, i: usize) -> bool {
    let i = r.skip_ws(i);
    r.span(i) != 0
        || bracket_range(r, i).is_some()
        || read_token(r, i, false).is_some_and(|t| is_value_like(&t.text))
}

/// The end of a parenthesised gloss after a value (`**ChinaTelecom**（中国电信）`), so that the
/// list goes on after it.
fn gloss_end(r: &Rich, q: usize) -> Option<usize> {
    let open = r.skip_ws(q);
    if r.c(open) != '(' {
        return None;
    }
    let close = (open + 1..r.len().min(open + 40)).find(|&i| r.c(i) == ')')?;
    let next = r.skip_ws(close + 1);
    r.match_any(next, LIST_SEPS).map(|_| close + 1)
}

/// Parses a value list / range expression starting at `pos`; returns the values and the end.
fn parse_expr(r: &Rich, pos: usize, depth: u8) -> (Vec<Val>, usize) {
    let mut out = Vec::new();
    let mut p = pos;
    while let Some((mut vals, mut q)) = read_vals(r, p, depth) {
        if let Some(e) = r.match_any(q, DEFAULT_MARKS) {
            if let Some(Val::One { default, .. }) = vals.last_mut() {
                *default = true;
            }
            q = e;
        } else if let Some(e) = gloss_end(r, q) {
            q = e;
        }
        out.append(&mut vals);
        p = q;
        match r.match_any(p, LIST_SEPS) {
            Some(s) if starts_value(r, s) => p = s,
            _ => break,
        }
    }
    (out, p)
}

/// Ranges expanded into single values when the list mixes both (`**1**~**9**、**12**、**24**`).
fn expand(vals: &[Val]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for v in vals {
        match v {
            Val::One { v, .. } => out.push(v.clone()),
            Val::Span {
                lo: Number::Int(a),
                hi: Number::Int(b),
                lo_ex: false,
                hi_ex: false,
            } if b >= a && b - a < 64 => out.extend((*a..=*b).map(|n| n.to_string())),
            Val::Span { .. } => return None,
        }
        if out.len() > 64 {
            return None;
        }
    }
    Some(out)
}

/// Smallest range covering every numeric element.
fn hull(vals: &[Val]) -> Option<Rule> {
    let mut lo: Option<(Number, bool)> = None;
    let mut hi: Option<(Number, bool)> = None;
    for v in vals {
        let (a, ax, b, bx) = match v {
            Val::One { v, .. } => {
                let n = to_number(v)?;
                (n, false, n, false)
            }
            Val::Span {
                lo,
                hi,
                lo_ex,
                hi_ex,
            } => (*lo, *lo_ex, *hi, *hi_ex),
        };
        if lo.is_none_or(|(l, _)| a.as_f64() < l.as_f64()) {
            lo = Some((a, ax));
        }
        if hi.is_none_or(|(h, _)| b.as_f64() > h.as_f64()) {
            hi = Some((b, bx));
        }
    }
    let ((lo, lo_ex), (hi, hi_ex)) = (lo?, hi?);
    Some(Rule::Range {
        min: Some(lo),
        max: Some(hi),
        min_exclusive: lo_ex,
        max_exclusive: hi_ex,
    })
}

fn is_bool_word(v: &str) -> bool {
    v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false")
}

/// Turns a parsed value list into rules. Returns the rules and whether an enum was dropped
/// because the field is a `Boolean` (the type already says `true`/`false`).
fn vals_to_rules(vals: &[Val], items: bool, ty: &Type) -> (Vec<Rule>, bool) {
    if vals.is_empty() {
        return (Vec::new(), false);
    }
    if items {
        let rule = match hull(vals) {
            Some(Rule::Range { min, max, .. }) => Rule::Items {
                min: min.and_then(to_u64),
                max: max.and_then(to_u64),
            },
            _ => return (Vec::new(), false),
        };
        return (vec![rule], false);
    }
    let ones: Vec<(&String, bool)> = vals
        .iter()
        .filter_map(|v| match v {
            Val::One { v, default } => Some((v, *default)),
            Val::Span { .. } => None,
        })
        .collect();
    let spans = vals.len() - ones.len();
    let mut out = Vec::new();
    let values: Vec<String> = if spans == 0 {
        ones.iter().map(|(v, _)| (*v).clone()).collect()
    } else if ones.is_empty() {
        return (hull(vals).into_iter().collect(), false);
    } else {
        match expand(vals) {
            Some(v) => v,
            None => return (hull(vals).into_iter().collect(), false),
        }
    };
    let mut redundant = false;
    if matches!(ty, Type::Boolean) && values.iter().all(|v| is_bool_word(v)) {
        redundant = true;
    } else {
        let mut seen: Vec<EnumValue> = Vec::new();
        for v in values {
            if !seen.iter().any(|e| e.value == v) {
                seen.push(EnumValue {
                    value: v,
                    description: String::new(),
                });
            }
        }
        out.push(Rule::Enum { values: seen });
    }
    if let Some((v, _)) = ones.iter().find(|(_, d)| *d) {
        out.push(Rule::Default {
            value: default_value(v, ty),
        });
    }
    let redundant = redundant && out.is_empty();
    (out, redundant)
}

fn default_value(v: &str, ty: &Type) -> String {
    let v = v
        .trim()
        .trim_end_matches(['.', '。', ',', '，', ';', '；'])
        .trim();
    if matches!(ty, Type::Boolean) && is_bool_word(v) {
        v.to_ascii_lowercase()
    } else {
        v.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

fn starts_conditional(r: &Rich) -> bool {
    // `当前` means "current", not "when".
    r.starts_with_any(COND_STARTS) && !r.starts_with_any(&["当前"])
}

/// The text at `pos` only holds under a condition: the sentence opens with one, or a
/// `…为X时，` clause precedes `pos`. Clauses about leaving the value empty state a default.
fn conditional_at(r: &Rich, pos: usize) -> bool {
    if starts_conditional(r) {
        return true;
    }
    let mut from = 0;
    while let Some((s, e)) = r.find(from, "时,") {
        if e > pos {
            break;
        }
        let clause_start = (0..s)
            .rev()
            .find(|&i| matches!(r.c(i), ',' | ';' | '。'))
            .map_or(0, |i| i + 1);
        let clause = Rich::new(&r.orig(clause_start, s));
        let marked = (clause_start..s).any(|i| r.span(i) != 0);
        let about_empty = clause.has_any(&["为空", "不传", "不填", "空值", "未指定", "不指定"]);
        if !about_empty && (marked || clause.has_any(&["为", "取值", "设置"])) {
            return true;
        }
        from = e;
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Sentence detectors
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scope {
    /// The running text of the description.
    Main,
    /// A `**说明：**`/`**Note:**` paragraph or the bullets under one.
    Note,
    /// A bullet of a list that is not a value list (conditions, requirements).
    Bullet,
}

struct Ctx<'a> {
    ty: &'a Type,
    siblings: &'a [&'a str],
    scope: Scope,
    /// The first sentence of the description (where "X is a CIDR block" is stated).
    first: bool,
}

/// A value rule stated under a condition (`当**PricingCycle**取值**Month**时，Period取值范围为1~9`),
/// in a note or in a bullet of a condition list. It never stands alone: it is checked against
/// the unconditional rules, and branches over the values of one sibling are united.
#[derive(Debug, Clone, PartialEq)]
struct Branch {
    rule: Rule,
    /// The sibling and value of the condition, when the condition names one.
    cond: Option<(String, Option<String>)>,
}

/// What the detectors found in one sentence.
#[derive(Debug, Default)]
struct Found {
    rules: Vec<Rule>,
    branches: Vec<Branch>,
    /// A `Boolean` enum was dropped (the type already says `true`/`false`).
    redundant: bool,
}

/// Runs every detector over one sentence.
fn sentence_rules(text: &str, ctx: &Ctx) -> Found {
    let r = Rich::new(text);
    let mut f = Found::default();
    let conditional = starts_conditional(&r);
    if !conditional {
        if ctx.scope == Scope::Main {
            let (rules, red) = inline_values(&r, ctx.ty);
            f.rules.extend(rules);
            f.redundant = red;
            if let Some(v) = detect_default(&r) {
                f.rules.push(Rule::Default {
                    value: default_value(&v, ctx.ty),
                });
            }
        }
        f.rules.extend(detect_length(&r));
        f.rules.extend(detect_bounds(&r));
        if let Some(n) = detect_count(&r) {
            f.rules.push(Rule::Items {
                min: None,
                max: Some(n),
            });
        }
        f.rules.extend(detect_forbidden(&r));
        f.rules.extend(detect_prefix(&r));
        f.rules.extend(detect_chars(&r));
        if r.has("ascii") && !r.has_any(&["非ascii", "non-ascii"]) {
            f.rules.push(Rule::Ascii);
        }
        f.rules.extend(detect_format(
            &r,
            ctx.ty,
            ctx.first && ctx.scope == Scope::Main,
        ));
    }
    // A separator rule holds whatever the condition (`If multiple IPs are given, separate them…`).
    f.rules.extend(detect_multi(&r));
    // Uniqueness across requests holds whatever the surrounding wording.
    if is_uniqueness(&r) {
        f.rules.push(Rule::Unique);
    }
    f.rules.extend(detect_relations(&r, ctx.siblings));
    if conditional || ctx.scope != Scope::Main {
        f.branches = branch_values(&r, ctx.siblings, ctx.ty);
    }
    if !f.rules.is_empty() {
        f.redundant = false;
    }
    f
}

/// Extra intros of a conditional consequence (`Period can be set from 1 to 9`,
/// `IPv6地址的公网带宽为1-5000`); `为` only counts for numbers.
const BRANCH_INTROS: &[&str] = &[
    "set the value to",
    "can be set from",
    "is from",
    "must be set to",
    "can be set to",
    "is set to only",
    "范围为",
    "可以设置为",
    "为",
];

/// Values or a range under a condition, when they are about this parameter (no sibling is
/// named between the condition and the values).
fn branch_values(r: &Rich, siblings: &[&str], ty: &Type) -> Vec<Branch> {
    let found = mentions(r, siblings);
    let start = if starts_conditional(r) {
        match r.find_any(0, &["时,", ","]) {
            Some((_, e)) => e,
            None => return Vec::new(),
        }
    } else {
        0
    };
    let cond = found.iter().find(|m| m.1 <= start).map(|m| {
        let names: Vec<&str> = found.iter().map(|m| m.2).collect();
        (m.2.to_string(), condition_value(r, m.1, start, &names))
    });
    let mut from = start;
    let intros = [VALUE_INTROS, ONLY_INTROS, BRANCH_INTROS].concat();
    while let Some((s, e)) = r.find_any(from, &intros) {
        from = s + 1;
        if found.iter().any(|m| m.0 >= start && m.1 <= s) {
            break;
        }
        let (vals, end) = parse_expr(r, e, 0);
        let numeric = vals.iter().all(|v| {
            matches!(v, Val::Span { .. })
                || matches!(v, Val::One { v, .. } if to_number(v).is_some())
        });
        let marked = r.span(r.skip_ws(e)) != 0;
        if vals.is_empty() || (r.match_at(s, "为") == Some(e) && !numeric) {
            continue;
        }
        let ends_sentence = (end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。'));
        if !numeric && !marked && r.match_any(s, ONLY_INTROS).is_some() && !ends_sentence {
            continue;
        }
        return branch_rules(&vals, ty, cond);
    }
    // `…可输入50个EIP的IP地址`, `you can enter … up to 50 …`: a list size under a condition.
    if let Some((_, e)) = r.find_any(start, &["可输入", "up to"]) {
        let named_before = found.iter().any(|m| m.0 >= start && m.1 <= e);
        if let Some(n) = read_token(r, e, false)
            .and_then(|t| to_number(&t.text))
            .and_then(to_u64)
        {
            if !named_before {
                return vec![Branch {
                    rule: Rule::Items {
                        min: None,
                        max: Some(n),
                    },
                    cond,
                }];
            }
        }
    }
    // `You can set the endpoint type to **ECS** or **SLB**.`
    if let Some((_, e)) = r.find(start, "you can set") {
        let to = r
            .find(e, "to")
            .filter(|(k, _)| *k <= e + 40 && (e..*k).all(|i| r.c(i) != ','));
        if let Some((_, t)) = to.filter(|(_, t)| r.span(r.skip_ws(*t)) != 0) {
            let (vals, _) = parse_expr(r, t, 0);
            return branch_rules(&vals, ty, cond);
        }
    }
    Vec::new()
}

/// The enum/range of a conditional value list, as branches.
fn branch_rules(vals: &[Val], ty: &Type, cond: Option<(String, Option<String>)>) -> Vec<Branch> {
    let (rules, redundant) = vals_to_rules(vals, false, ty);
    let mut out: Vec<Branch> = rules
        .into_iter()
        .filter(|r| matches!(r, Rule::Enum { .. } | Rule::Range { .. }))
        .map(|rule| Branch {
            rule,
            cond: cond.clone(),
        })
        .collect();
    if redundant {
        out.push(Branch {
            rule: Rule::Enum { values: Vec::new() },
            cond,
        });
    }
    out
}

/// Values or a range after `取值：`/`Valid values:`/`Set the value to` inside a sentence.
fn inline_values(r: &Rich, ty: &Type) -> (Vec<Rule>, bool) {
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &[VALUE_INTROS, ONLY_INTROS, ITEM_INTROS].concat()) {
        from = s + 1;
        let only = r.match_any(s, ONLY_INTROS).is_some_and(|x| x == e);
        let en_items = r.match_any(s, ITEM_INTROS).is_some_and(|x| x == e);
        // `默认取值X`, `Default value:`, `Maximum value:` belong to other detectors.
        let other = [
            "默认", "最大", "最小", "default", "maximum", "minimum", "max", "min",
        ];
        if other.iter().any(|w| r.ends_at(s, w)) || conditional_at(r, s) {
            continue;
        }
        if only && r.span(r.skip_ws(e)) == 0 && !r.ends_at(e, ":") {
            continue;
        }
        let (vals, end) = parse_expr(r, e, 0);
        if vals.is_empty() {
            continue;
        }
        let next = r.skip_ws(end);
        // `当…取值**Month**时` is a condition; `2~128个字符` is a length.
        if r.match_any(next, &["时", "个字符", "字符", "character", "characters"])
            .is_some()
        {
            continue;
        }
        let items = en_items
            || ["n的", "n", "数量的", "数量", "个数"]
                .iter()
                .any(|w| r.ends_at(s, w));
        return vals_to_rules(&vals, items, ty);
    }
    (Vec::new(), false)
}

/// `默认值为**1194**`, `Default value: 10`, `默认是 false`.
fn detect_default(r: &Rich) -> Option<String> {
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, DEFAULT_INTROS) {
        from = e;
        if starts_conditional(r) || conditional_at(r, s) {
            continue;
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
    None
}

/// All numbers of a sentence that are not glued to letters (`IPv6`, `2XX`).
fn numbers(r: &Rich) -> Vec<(usize, usize, Number)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.len() {
        if !r.c(i).is_ascii_digit() {
            i += 1;
            continue;
        }
        let glued_before = i > 0 && r.c(i - 1).is_ascii_alphabetic() && r.span(i - 1) == r.span(i);
        let mut e = i;
        while e < r.len()
            && (r.c(e).is_ascii_digit()
                || (r.c(e) == '.' && r.c(e + 1).is_ascii_digit())
                || thousands(r, e))
        {
            e += 1;
        }
        let glued_after = r.c(e).is_ascii_alphabetic() && r.span(e) == r.span(e - 1);
        if !glued_before && !glued_after {
            if let Some(n) = to_number(&r.orig(i, e)) {
                out.push((i, e, n));
            }
        }
        i = e.max(i + 1);
    }
    out
}

/// An intro phrase directly followed by a value (`取值：**A**`, `Default value: 10`).
fn intro_with_value(r: &Rich, pats: &[&str]) -> bool {
    let mut from = 0;
    while let Some((_, e)) = r.find_any(from, pats) {
        from = e;
        if read_token(r, e, false).is_some_and(|t| t.marked || is_value_like(&t.text)) {
            return true;
        }
    }
    false
}

/// Two marked values joined by a list separator (`**a**或**b**`, `**0**|**100**`).
fn marked_list(r: &Rich) -> bool {
    let mut i = 0;
    while i < r.len() {
        if r.span(i) == 0 {
            i += 1;
            continue;
        }
        let Some(t) = read_token(r, i, false) else {
            break;
        };
        if let Some(s) = r.match_any(t.end, LIST_SEPS) {
            if r.span(r.skip_ws(s)) != 0 {
                return true;
            }
        }
        i = t.end.max(i + 1);
    }
    false
}

/// A number that is not part of a standard's name (`ISO 8601`).
fn free_number(r: &Rich) -> bool {
    let part_of_address = |a: usize, b: usize| {
        let before = if a > 0 { r.c(a - 1) } else { ' ' };
        matches!(before, '.' | '/' | ':')
            || matches!(r.c(b), '.' | '/' | ':') && r.c(b + 1).is_ascii_alphanumeric()
    };
    numbers(r).iter().any(|(a, b, n)| {
        let dotted = matches!(n, Number::Float(_)) && r.c(*b) == '.';
        !r.ends_at(*a, "iso") && !r.ends_at(*a, "rfc") && !part_of_address(*a, *b) && !dotted
    })
}

/// `长度为2~128个字符`, `最大不值过64个ASCII字符`, `must be 1 to 64 ASCII characters in length`.
fn detect_length(r: &Rich) -> Option<Rule> {
    for (a, b, n) in numbers(r) {
        let mut p = b;
        let mut hi = None;
        if let Some(e) = r.match_any(p, RANGE_SEPS) {
            if let Some(t) = read_token(r, e, false) {
                if let Some(m) = to_number(&t.text) {
                    hi = Some(m);
                    p = t.end;
                }
            }
        }
        while let Some(q) = r.match_any(p, LEN_FILLER) {
            p = q;
        }
        if r.match_any(p, &["字符", "character", "characters"])
            .is_none()
        {
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
        if min.is_some() || max.is_some() {
            return Some(Rule::Length { min, max });
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Max,
    MaxEx,
    Min,
    MinEx,
}

/// `最大值为50`, `Maximum value: **50**`, `大于0`, `greater than 0`; `N…` sentences bound the
/// number of items instead.
fn detect_bounds(r: &Rich) -> Option<Rule> {
    let pats: Vec<&str> = BOUNDS.iter().map(|(p, _)| *p).collect();
    let mut min: Option<(Number, bool)> = None;
    let mut max: Option<(Number, bool)> = None;
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &pats) {
        from = e;
        let Some(kind) = BOUNDS
            .iter()
            .filter(|(p, _)| r.match_at(s, p) == Some(e))
            .map(|(_, k)| *k)
            .next()
        else {
            continue;
        };
        if conditional_at(r, s) {
            continue;
        }
        let mut p = e;
        if let Some(q) = r.match_any(p, &["为", "是", ":", "is"]) {
            p = q;
        }
        let Some(tok) = read_token(r, p, false) else {
            continue;
        };
        let Some(n) = to_number(&tok.text) else {
            continue;
        };
        // `最大不超过64个字符` is a length, `最多20个` a count.
        if r.match_any(tok.end, &["个", "字符", "character", "characters", "位"])
            .is_some()
        {
            continue;
        }
        match kind {
            Bound::Max => max = Some((n, false)),
            Bound::MaxEx => max = Some((n, true)),
            Bound::Min => min = Some((n, false)),
            Bound::MinEx => min = Some((n, true)),
        }
    }
    if min.is_none() && max.is_none() {
        return None;
    }
    if r.starts_with_any(&["n的", "n必须", "n 必须"]) {
        return Some(Rule::Items {
            min: min.and_then(|(n, _)| to_u64(n)),
            max: max.and_then(|(n, _)| to_u64(n)),
        });
    }
    Some(Rule::Range {
        min: min.map(|m| m.0),
        max: max.map(|m| m.0),
        min_exclusive: min.is_some_and(|m| m.1),
        max_exclusive: max.is_some_and(|m| m.1),
    })
}

/// How many values may be given: `最多支持输入50个`, `You can specify up to 20 IDs`.
fn detect_count(r: &Rich) -> Option<u64> {
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

/// `不能用使用以下端口：**22、2222**`, `cannot be **X**`, `不允许为空字符串`.
fn detect_forbidden(r: &Rich) -> Vec<Rule> {
    let mut out = Vec::new();
    let listy = r.has_any(&["以下", "下列", "following"]);
    let negative = r.has_any(&[
        "不能",
        "不可",
        "不支持",
        "不允许",
        "not supported",
        "cannot",
        "not allowed",
        "reserved",
    ]);
    if listy && negative {
        if let Some((_, colon)) = r.find(0, ":") {
            let (vals, _) = parse_expr(r, colon, 0);
            let values: Vec<String> = vals
                .iter()
                .filter_map(|v| match v {
                    Val::One { v, .. } => Some(v.clone()),
                    Val::Span { .. } => None,
                })
                .collect();
            if !values.is_empty() {
                out.push(Rule::Forbidden { values });
            }
        }
    }
    let empty = [
        "不允许为空字符串",
        "不能为空字符串",
        "不能为空",
        "不可为空",
        "cannot be an empty string",
        "cannot be empty",
        "must not be empty",
    ];
    if r.has_any(&empty) {
        out.push(Rule::Length {
            min: Some(1),
            max: None,
        });
    } else if let Some((_, e)) = r.find_any(
        0,
        &[
            "不能为",
            "不能是",
            "不能设置为",
            "不能设为",
            "cannot be set to",
            "cannot be",
            "must not be",
        ],
    ) {
        if let Some(t) = read_token(r, e, false) {
            if (t.marked || to_number(&t.text).is_some()) && is_value_like(&t.text) {
                out.push(Rule::Forbidden {
                    values: vec![t.text],
                });
            }
        }
    }
    out
}

/// Tokens between `a` and `b` that can be prefixes: marked text, or plain text with
/// punctuation (`http://`); plain words are prose.
fn prefix_tokens(r: &Rich, a: usize, b: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut p = a;
    while p < b {
        match read_token(r, p, true) {
            Some(t) if t.start < b => {
                let ok = t.marked || t.text.chars().any(|c| !c.is_ascii_alphanumeric());
                if ok && is_value_like(&t.text) && !out.contains(&t.text) {
                    out.push(t.text);
                }
                p = t.end.max(p + 1);
            }
            _ => p += 1,
        }
    }
    out
}

/// `不能以`http://`或`https://`开头`, `cannot start with `http://``; `cannot contain` is reported
/// as a prefix rule too (a sound under-approximation: see the module notes).
fn detect_prefix(r: &Rich) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut push = |values: Vec<String>| {
        if !values.is_empty() {
            let rule = Rule::PrefixForbidden { values };
            if !out.contains(&rule) {
                out.push(rule);
            }
        }
    };
    let mut from = 0;
    while let Some((_, e)) = r.find_any(
        from,
        &["不能以", "不可以以", "不得以", "不允许以", "禁止以"],
    ) {
        from = e;
        if let Some((k, _)) = r
            .find_any(e, &["开头", "开始"])
            .filter(|(k, _)| *k <= e + 80)
        {
            push(prefix_tokens(r, e, k));
        }
    }
    let en = [
        "cannot start with",
        "can't start with",
        "must not start with",
        "cannot begin with",
        "must not begin with",
        "should not start with",
        "cannot contain",
        "must not contain",
        "can't contain",
        "不能包含",
        "不可包含",
        "不得包含",
        "不允许包含",
    ];
    from = 0;
    while let Some((_, e)) = r.find_any(from, &en) {
        from = e;
        let stop = r.clause_end(e, &['。', ';']);
        let stop = (e..stop)
            .find(|&i| r.c(i) == '.' && r.span(i) == 0 && r.c(i + 1) == ' ')
            .unwrap_or(stop);
        push(prefix_tokens(r, e, stop));
    }
    out
}

#[derive(Debug, Clone)]
enum Cls {
    Is(CharClass),
    /// A punctuation name; its char is taken from the `(x)` after it when present.
    Named(char),
}

fn push_class(v: &mut Vec<CharClass>, c: CharClass) {
    if !v.contains(&c) {
        v.push(c);
    }
}

/// Character classes named in `a..b`, in document order.
fn class_scan(r: &Rich, a: usize, b: usize) -> Vec<CharClass> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
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
fn first_classes(r: &Rich) -> Vec<CharClass> {
    for i in 0..r.len() {
        if r.c(i) != '以'
            || matches!(
                r.c(i.wrapping_sub(1)),
                '可' | '所' | '予' | '加' | '难' | '用'
            )
        {
            continue;
        }
        if ["不能", "不可", "不得", "不允许", "禁止", "不要"]
            .iter()
            .any(|w| r.ends_at(i, w))
        {
            continue;
        }
        let Some((k, _)) = r.find_any(i + 1, &["开头", "开始"]) else {
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
    while let Some((s, e)) = r.find_any(
        from,
        &["start with", "starts with", "begin with", "begins with"],
    ) {
        from = e;
        if ["cannot", "can't", "not", "never"]
            .iter()
            .any(|w| r.ends_at(s, w))
        {
            continue;
        }
        let mut stop = r.clause_end(e, &[',', ';', '。']);
        if let Some((k, _)) = r
            .find_any(e, &["but", "and", "."])
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

/// Classes every character may be in: `可包含数字、半角句号（.）…`, `can contain digits, …`.
fn listed_classes(r: &Rich) -> Vec<CharClass> {
    let mut out = Vec::new();
    let zh = [
        "只允许包含",
        "仅允许包含",
        "允许包含",
        "只能包含",
        "可以包含",
        "可包含",
        "仅包含",
        "支持包含",
    ];
    let en = [
        "can contain only",
        "can only contain",
        "can contain",
        "may contain",
        "must contain only",
        "contains only",
        "can consist of",
    ];
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &[&zh[..], &en[..]].concat()) {
        from = e;
        if r.ends_at(s, "不") {
            continue;
        }
        let mut stop = r.clause_end(e, &['。', ';']);
        let cut = [
            "但",
            "不能",
            "必须",
            "限制",
            "长度",
            "cannot",
            "must",
            "but",
            "it",
            "and start",
            "and cannot",
        ];
        if let Some((k, _)) = r.find_any(e, &cut).filter(|(k, _)| *k < stop) {
            stop = k;
        }
        if let Some(k) = (e..stop).find(|&i| r.c(i) == '.' && r.span(i) == 0 && r.c(i + 1) == ' ') {
            stop = k;
        }
        for c in class_scan(r, e, stop) {
            push_class(&mut out, c);
        }
    }
    // Additions stated separately: `支持中文字符`, `支持使用星号（*）…作为通配符`,
    // `Supported wildcard characters are asterisks (*) and question marks (?)`.
    if let Some((_, e)) = r.find_any(
        0,
        &[
            "支持使用",
            "supported wildcard characters are",
            "wildcard characters are",
        ],
    ) {
        let stop = r
            .find_any(e, &["作为通配符", "."])
            .map_or(r.len(), |(k, _)| k);
        for c in class_scan(r, e, stop) {
            push_class(&mut out, c);
        }
    }
    if !out.is_empty() && r.has_any(&["支持中文", "支持汉字"]) {
        push_class(&mut out, CharClass::Cjk);
    }
    out
}

fn detect_chars(r: &Rich) -> Option<Rule> {
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

/// Format of the value: a spelled time layout anywhere, `JSON`/`CIDR` format words, or (first
/// sentence only) a head noun saying the value is a CIDR block or an IP address.
fn detect_format(r: &Rich, ty: &Type, first: bool) -> Option<Rule> {
    if let Some((s, _)) = r.find(0, "yyyy") {
        let mut e = s;
        while e < r.len()
            && (r.c(e).is_ascii_alphanumeric() || matches!(r.c(e), '-' | ':' | '.' | '+'))
        {
            e += 1;
        }
        let layout = r.orig(s, e).trim_end_matches(['.', ':', '-']).to_string();
        let lower = layout.to_ascii_lowercase();
        let name = if lower.contains('t') && lower.contains('h') {
            "datetime"
        } else {
            "date"
        };
        return Some(Rule::Format {
            name: name.to_string(),
            pattern: Some(layout),
        });
    }
    if *ty != Type::String {
        return None;
    }
    let format = |n: &str| {
        Some(Rule::Format {
            name: n.to_string(),
            pattern: None,
        })
    };
    // `The time must be in UTC.` / `使用UTC时间`: a timestamp even where no layout is spelled.
    if r.has("utc") && r.has_any(&["must", "使用utc", "utc时间", "in utc"]) {
        return format("datetime");
    }
    if r.has_any(&[
        "json格式",
        "json字符串",
        "json string",
        "json format",
        "json-formatted",
    ]) {
        return format("json");
    }
    if r.has_any(&["cidr格式", "格式为cidr", "in cidr format", "cidr notation"]) {
        return format("cidr");
    }
    if !first {
        return None;
    }
    head_format(r).and_then(format)
}

/// What the first clause says the value is: `客户端网段。`, `The CIDR block of …`,
/// `用户网关的IP地址。`, `The IPv6 address that …`. Alternatives (`… or the IP address`,
/// `IP或域名`) keep it unknown.
fn head_format(r: &Rich) -> Option<&'static str> {
    let end = r.clause_end(0, &[',', '。', ';']);
    let end = (0..end)
        .find(|&i| r.c(i) == '.' && r.c(i + 1) == ' ' && r.span(i) == 0)
        .unwrap_or(end);
    let clause = r.folded(0, end);
    let zh: String = clause
        .chars()
        .filter(|c| *c != ' ')
        .collect::<String>()
        .trim_end_matches('.')
        .to_string();
    if zh.chars().any(is_cjk) {
        if zh.ends_with("网段") || zh.ends_with("地址段") || zh.ends_with("cidr块") {
            // `IP地址段` is a CIDR block; `IP地址或网段` also allows a bare address.
            let alternative = zh.contains("ip地址或") || zh.contains("或ip地址");
            return (!alternative).then_some("cidr");
        }
        if zh.contains("域名") {
            return None;
        }
        return [("ipv6地址", "ipv6"), ("ipv4地址", "ipv4"), ("ip地址", "ip")]
            .iter()
            .find(|(w, _)| zh.ends_with(w))
            .map(|(_, n)| *n);
    }
    let mut head = clause.trim().trim_end_matches('.').to_string();
    // The head noun ends at the first qualifier, whichever word it is.
    let cuts = [
        " of ", " that ", " which ", " to ", " in ", " for ", " used ", " from ", " with ",
        " where ", " on ", " is ", " by ",
    ];
    if let Some(k) = cuts.iter().filter_map(|cut| head.find(cut)).min() {
        head.truncate(k);
    }
    let whole = r.folded(0, r.len());
    if head.ends_with("cidr block") || head.ends_with("cidr blocks") {
        let alt = ["or the ip address", "or an ip address", "or ip address"]
            .iter()
            .any(|w| whole.contains(w));
        return (!alt).then_some("cidr");
    }
    [
        ("ipv6 address", "ipv6"),
        ("ipv4 address", "ipv4"),
        ("ip address", "ip"),
    ]
    .iter()
    .find(|(w, _)| head.ends_with(w) || head.ends_with(&format!("{w}es")))
    .map(|(_, n)| *n)
}

/// `多个IP之间用半角逗号（,）隔开`, `Separate multiple IDs with commas (,)`.
fn detect_multi(r: &Rich) -> Option<Rule> {
    let verb = r.has_any(&[
        "分隔",
        "隔开",
        "分开",
        "separate",
        "separated",
        "delimit",
        "delimited",
    ]);
    let words: [(&str, char); 5] = [
        ("逗号", ','),
        ("commas", ','),
        ("comma", ','),
        ("分号", ';'),
        ("semicolons", ';'),
    ];
    if !verb {
        return None;
    }
    let (_, e, fallback) = words
        .iter()
        .find_map(|(w, c)| r.find(0, w).map(|(s, e)| (s, e, *c)))?;
    let p = r.skip_ws(e);
    let explicit =
        (r.c(p) == '(' && r.c(r.skip_ws(p + 1) + 1) == ')').then(|| r.o(r.skip_ws(p + 1)));
    let separator = explicit
        .filter(|c| !c.is_alphanumeric())
        .unwrap_or(fallback);
    Some(Rule::MultiValue {
        separator: separator.to_string(),
        max: None,
    })
}

/// Whole-word occurrences of sibling names: (start, end, name), in text order. A bold name one
/// swapped-letters typo away from a sibling (`**SourceVSwtichId**`) counts as that sibling.
fn mentions<'a>(r: &Rich, siblings: &[&'a str]) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    for name in siblings.iter().copied().filter(|n| !n.is_empty()) {
        let want: Vec<char> = name.chars().collect();
        for i in 0..r.len() {
            let hit = want.iter().enumerate().all(|(k, c)| r.o(i + k) == *c);
            if hit && r.boundary(i) && r.boundary(i + want.len()) {
                out.push((i, i + want.len(), name));
            }
        }
    }
    let mut i = 0;
    while i < r.len() {
        if r.span(i) == 0 || out.iter().any(|m| m.0 <= i && i < m.1) {
            i += 1;
            continue;
        }
        let Some(t) = read_token(r, i, false) else {
            break;
        };
        let ident = t.text.chars().count() >= 8
            && t.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if ident {
            if let Some(name) = siblings
                .iter()
                .copied()
                .find(|n| swapped_letters(&t.text, n))
            {
                out.push((t.start, t.end, name));
            }
        }
        i = t.end.max(i + 1);
    }
    out.sort_by_key(|m| m.0);
    out
}

/// `a` is `b` with two neighbouring letters swapped (`SourceVSwtichId`, `Descritpion`), the
/// typo the docs make. Other edits are not accepted: `VSwitchIds` or `Ipv6Prefix` may well be
/// other parameters than `VSwitchId` or `Ipv4Prefix`.
fn swapped_letters(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// The value a condition names after a sibling (`当**X**的值为**Y**时`, `X is set to **Y**`,
/// `AuthChannel取”AUTH_CODE“`).
fn condition_value(r: &Rich, from: usize, limit: usize, names: &[&str]) -> Option<String> {
    let mut i = from;
    while i < limit.min(r.len()) {
        if r.span(i) != 0 {
            let t = read_token(r, i, false)?;
            if !names.contains(&t.text.as_str()) && is_value_like(&t.text) {
                return Some(t.text);
            }
            i = t.end;
            continue;
        }
        if r.c(i) == '"' {
            let close = (i + 1..r.len()).find(|&k| r.c(k) == '"')?;
            let v = r.orig(i + 1, close);
            return is_value_like(&v).then_some(v);
        }
        if matches!(r.c(i), ',' | '。' | ';') {
            return None;
        }
        i += 1;
    }
    None
}

/// `must be unique among different requests`, `要保证在不同请求间唯一`: an idempotency token.
fn is_uniqueness(r: &Rich) -> bool {
    let unique = r.has_any(&["unique", "唯一"]);
    // Unique across requests, or a client-generated value that must be unique: a token.
    let across_requests = r.has_any(&["request", "requests", "请求"]);
    let client_generated = r.has_any(&["client", "客户端"]);
    // `用于保证请求的幂等性` / `ensure the idempotence of the request` says the same.
    let idempotence = r.has_any(&["幂等", "幂等性", "idempotence", "idempotent", "idempotency"]);
    (unique && (across_requests || client_generated)) || idempotence
}

/// Relations with other parameters of the request (only names from `siblings`).
fn detect_relations(r: &Rich, siblings: &[&str]) -> Vec<Rule> {
    let found = mentions(r, siblings);
    if found.is_empty() {
        return Vec::new();
    }
    let mut others: Vec<&str> = Vec::new();
    for (_, _, n) in &found {
        if !others.contains(n) {
            others.push(n);
        }
    }
    let each = |kind: RelationKind| -> Vec<Rule> {
        others
            .iter()
            .map(|o| Rule::Relation {
                relation: kind.clone(),
                other: o.to_string(),
                value: None,
            })
            .collect()
    };
    let negated = r.has_any(&[
        "不能",
        "不可",
        "不得",
        "不允许",
        "不要",
        "cannot",
        "must not",
        "can't",
        "should not",
    ]);
    if negated && r.has_any(&["冲突", "重叠", "overlap", "conflict"]) {
        return each(RelationKind::NoOverlap);
    }
    let exclusive = [
        "互斥",
        "不能同时",
        "不可同时",
        "仅需传入一个",
        "只能传入一个",
        "只需传入一个",
        "二选一",
        "mutually exclusive",
        "cannot be set at the same time",
        "cannot be specified at the same time",
        "cannot be used at the same time",
        "cannot be specified together",
        "cannot be used together",
        "cannot be set together",
        "则不能指定",
        "则不能设置",
        "you cannot set",
        "you cannot specify",
        "only one of",
    ];
    // `Set **IpAddress** or **InstanceId**.`: one parameter or the other (zh: `仅需传入一个`).
    let either = r.starts_with_any(&["set"]) && r.span(r.skip_ws(3)) != 0 && found.len() == 1 && {
        let first = read_token(r, 3, false);
        let or = first.as_ref().and_then(|t| r.match_at(t.end, "or"));
        let second = or
            .and_then(|o| read_token(r, o, false))
            .filter(|t| t.marked);
        second.is_some_and(|t| (t.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.')))
    };
    let at_least_one = [
        "at least one of",
        "必须至少传一个",
        "至少传一个",
        "至少指定一个",
        "至少需要指定一个",
        "至少设置一个",
    ];
    if r.has_any(&at_least_one) {
        return each(RelationKind::AtLeastOneOf);
    }
    if r.has_any(&exclusive) || either {
        return each(RelationKind::MutuallyExclusive);
    }
    let requires = [
        "必须同时指定",
        "必须同时设置",
        "需同时指定",
        "需要同时设置",
        "you must also specify",
        "you must also set",
        "must be used together with",
        "must be specified together with",
    ];
    if r.has_any(&requires) {
        return each(RelationKind::Requires);
    }
    required_when(r, &found)
}

/// `当**X**参数的值为**Y**时，该参数必选`, `This parameter is required when **X** is set to **Y**`.
fn required_when(r: &Rich, found: &[(usize, usize, &str)]) -> Vec<Rule> {
    let required = [
        "该参数必选",
        "此参数必选",
        "该参数必填",
        "此参数必填",
        "该字段必填",
        "为必传",
        "为必选",
        "为必填",
        "必须指定该参数",
        "必须填写该参数",
        "才需要配置",
        "才需要填写",
        "才需填写",
        "需要配置该参数",
        "this parameter is required",
        "the parameter is required",
        "this parameter is mandatory",
        "this parameter must be specified",
        "this parameter must be set",
        "you must specify this parameter",
        "you must set this parameter",
    ];
    let names: Vec<&str> = found.iter().map(|m| m.2).collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut from = 0;
    while let Some((s, e)) = r.find_any(from, &required) {
        from = e;
        // The condition is the nearest mention before the marker (zh, `If X…, this parameter is
        // required`), else the first one right after it (`required when X is set to Y`).
        let before = found.iter().rev().find(|m| m.0 >= prev_end && m.1 <= s);
        let after = found.iter().find(|m| m.0 >= e && m.0 <= e + 40);
        prev_end = e;
        let Some(&(_, m_end, other)) = before.or(after) else {
            continue;
        };
        let limit = if before.is_some() { s } else { r.len() };
        let value = condition_value(r, m_end, limit, &names);
        let rule = Rule::Relation {
            relation: RelationKind::RequiredWhen,
            other: other.to_string(),
            value,
        };
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Blocks, sentences and lists
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Block {
    Para(String),
    Bullet { level: usize, text: String },
}

/// The text of a bullet line (`-   x`, `* x`), if it is one.
fn bullet_text(line: &str) -> Option<&str> {
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
fn parse_blocks(description: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur: Option<Block> = None;
    for line in description.lines() {
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

/// Splits a paragraph into sentences at `。；;` and at `. ` before a new sentence; never inside
/// bold or code, nor at `(.)`-style punctuation names.
fn split_sentences(text: &str) -> Vec<String> {
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
fn strip_note(text: &str) -> Option<String> {
    let t = text.trim_start();
    for w in NOTE_WORDS {
        let forms = [
            format!("**{w}：**"),
            format!("**{w}:**"),
            format!("**{w}**："),
            format!("**{w}**:"),
            format!("**{w}**"),
            format!("{w}："),
            format!("{w}:"),
        ];
        for f in &forms {
            if let Some(rest) = t.strip_prefix(f.as_str()) {
                let rest = rest.trim_start_matches([':', '：']).trim();
                return Some(rest.to_string());
            }
        }
    }
    None
}

fn ends_with_colon(s: &str) -> bool {
    let r = Rich::new(s);
    r.len() > 0 && r.c(r.len() - 1) == ':'
}

/// A sentence ending with `:` that announces values (`取值：`, `Valid values:`).
fn is_enum_intro(s: &str) -> bool {
    ends_with_colon(s) && Rich::new(s).has_any(ENUM_INTRO_WORDS)
}

/// One bullet of a list with what belongs to it.
#[derive(Debug, Clone, Default)]
struct LItem {
    text: String,
    /// Nested bullets.
    children: Vec<String>,
    /// Paragraphs between this bullet and the next one.
    extras: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum ItemKind {
    /// `**v**（默认值）：desc`; `explicit` when a colon or a default marker follows the value.
    Value {
        v: String,
        default: bool,
        desc: String,
        explicit: bool,
    },
    /// `**1**~**200**，…`
    Range(Val),
    /// `If …` / `当…时`.
    Cond,
    Other,
}

/// `desc` marks the item as the default (`This is the default value.`, `精确搜索（默认）`).
fn desc_is_default(desc: &str) -> bool {
    let r = Rich::new(desc);
    let trimmed = r.folded(0, r.len());
    let trimmed = trimmed.trim_end_matches(['.', '。', ' ']);
    r.has_any(&[
        "this is the default value",
        "this value is the default",
        "默认不填",
    ]) || DEFAULT_MARKS
        .iter()
        .any(|m| trimmed.ends_with(&m.replace(' ', "")))
}

fn parse_item(text: &str) -> ItemKind {
    let r = Rich::new(text);
    if r.len() == 0 {
        return ItemKind::Other;
    }
    if starts_conditional(&r) {
        return ItemKind::Cond;
    }
    if let Some((vals, _)) = read_vals(&r, 0, 0) {
        if let [v @ Val::Span { .. }] = vals.as_slice() {
            return ItemKind::Range(v.clone());
        }
    }
    let Some(tok) = read_token(&r, 0, false) else {
        return reversed_item(&r);
    };
    let v = tok
        .text
        .trim_end_matches(['.', '。', ',', '，'])
        .to_string();
    if !is_value_like(&v) || looks_like_field(&v) {
        return if tok.marked {
            ItemKind::Other
        } else {
            reversed_item(&r)
        };
    }
    let mut p = tok.end;
    let mut default = false;
    if let Some(e) = r.match_any(p, DEFAULT_MARKS) {
        default = true;
        p = e;
    }
    let q = r.skip_ws(p);
    let (desc_from, explicit) = if q >= r.len() {
        (None, default)
    } else if r.c(q) == ':' {
        (Some(q), true)
    } else if tok.marked && matches!(r.c(q), '.' | '。' | ',') {
        (Some(q), default)
    } else if tok.marked && q > p {
        (Some(q - 1), default)
    } else {
        return if tok.marked {
            ItemKind::Other
        } else {
            reversed_item(&r)
        };
    };
    let desc = desc_from
        .and_then(|k| r.byte_after(k))
        .and_then(|b| text.get(b..))
        .map_or(String::new(), |d| d.trim().to_string());
    let default = default || desc_is_default(&desc);
    ItemKind::Value {
        v,
        default,
        desc,
        explicit,
    }
}

/// `中文：zh-CN`: the value on the right of the colon, its meaning on the left.
fn reversed_item(r: &Rich) -> ItemKind {
    let Some((k, e)) = r.find(0, ":") else {
        return ItemKind::Other;
    };
    let left = r.orig(0, k);
    if !left.chars().any(is_cjk) || left.chars().any(|c| c.is_ascii_alphabetic()) {
        return ItemKind::Other;
    }
    let Some(tok) = read_token(r, e, false) else {
        return ItemKind::Other;
    };
    let rest_empty = (tok.end..r.len()).all(|i| matches!(r.c(i), ' ' | '.' | '。'));
    if !is_value_like(&tok.text) || !rest_empty {
        return ItemKind::Other;
    }
    ItemKind::Value {
        v: tok.text,
        default: false,
        desc: left,
        explicit: true,
    }
}

/// A paragraph shaped like a list item (`**true**：…` after `取值：`).
fn item_like(text: &str) -> bool {
    matches!(parse_item(text), ItemKind::Value { explicit: true, .. })
}

/// Collects the bullets from `start`; returns them and the index after the list. A paragraph
/// between two bullets stays with the previous bullet unless it opens a new list.
fn collect_list(blocks: &[Block], start: usize) -> (Vec<LItem>, usize) {
    let mut items: Vec<LItem> = Vec::new();
    let mut j = start;
    while let Some(block) = blocks.get(j) {
        match block {
            Block::Bullet { level, text } => {
                let parent_open = items.last().is_some_and(|it| ends_with_colon(&it.text));
                let nested = *level > 0
                    || (parent_open && !matches!(parse_item(text), ItemKind::Value { .. }));
                match items.last_mut() {
                    Some(last) if nested => last.children.push(text.clone()),
                    _ => items.push(LItem {
                        text: text.clone(),
                        ..LItem::default()
                    }),
                }
            }
            Block::Para(text) => {
                let next_is_bullet = matches!(blocks.get(j + 1), Some(Block::Bullet { .. }));
                match items.last_mut() {
                    Some(last) if next_is_bullet && !ends_with_colon(text) => {
                        last.extras.push(text.clone())
                    }
                    _ => break,
                }
            }
        }
        j += 1;
    }
    (items, j)
}

/// What a bullet list turned out to be.
enum ListKind {
    Values(Vec<Rule>, bool),
    SubFields,
    NotValues,
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

struct Acc<'a> {
    ty: &'a Type,
    siblings: &'a [&'a str],
    stats: &'a mut Stats,
    cands: Vec<(Rule, String)>,
    /// Sentences whose only findings are branches; booked once all rules are known.
    pending: Vec<(Vec<Branch>, String, bool)>,
    out: Extracted,
    first_done: bool,
    /// The single value the previous sentence allowed (`Set the value to: **X**.`), for a
    /// following `This is the default value.`
    last_single: Option<String>,
}

impl Acc<'_> {
    /// Runs the detectors on one sentence and books it.
    fn sentence(&mut self, text: &str, scope: Scope) {
        let ctx = Ctx {
            ty: self.ty,
            siblings: self.siblings,
            scope,
            first: !self.first_done,
        };
        if scope == Scope::Main {
            self.first_done = true;
        }
        let mut found = sentence_rules(text, &ctx);
        let r = Rich::new(text);
        if found.rules.is_empty()
            && r.starts_with_any(&[
                "this is the default value",
                "this value is the default",
                "该值为默认值",
            ])
        {
            if let Some(v) = self.last_single.take() {
                found.rules.push(Rule::Default {
                    value: default_value(&v, self.ty),
                });
            }
        }
        self.last_single = match found.rules.as_slice() {
            [Rule::Enum { values }] if values.len() == 1 => values.first().map(|v| v.value.clone()),
            _ => None,
        };
        let source = text.trim().to_string();
        if found.rules.is_empty() && !found.branches.is_empty() {
            self.pending
                .push((found.branches, source, is_rule_like(text)));
            return;
        }
        self.book(found.rules, found.redundant, source, || is_rule_like(text));
    }

    fn book(
        &mut self,
        rules: Vec<Rule>,
        redundant: bool,
        source: String,
        rule_like: impl Fn() -> bool,
    ) {
        if !rules.is_empty() {
            self.out.understood += 1;
            self.cands
                .extend(rules.into_iter().map(|r| (r, source.clone())));
        } else if redundant {
            self.stats.redundant += 1;
        } else if rule_like() {
            self.out.not_understood.push(source);
        }
    }

    /// Books the branch sentences: a branch consistent with an unconditional rule is understood;
    /// two or more branches over the values of one sibling are united into a rule of their own.
    fn settle_branches(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let all: Vec<&Branch> = pending.iter().flat_map(|p| p.0.iter()).collect();
        let default = self.cands.iter().find_map(|(r, _)| match r {
            Rule::Default { value } => Some(value.clone()),
            _ => None,
        });
        let mut united: Vec<Rule> = Vec::new();
        for want_enum in [true, false] {
            let same_kind: Vec<&Branch> = all
                .iter()
                .copied()
                .filter(|b| match &b.rule {
                    Rule::Enum { values } => want_enum && !values.is_empty(),
                    _ => !want_enum,
                })
                .collect();
            let has_uncond = self.cands.iter().any(|(r, _)| match r {
                Rule::Enum { .. } => want_enum,
                Rule::Range { .. } => !want_enum,
                _ => false,
            });
            if has_uncond || same_kind.len() < 2 {
                continue;
            }
            let conds: Vec<&(String, Option<String>)> =
                same_kind.iter().filter_map(|b| b.cond.as_ref()).collect();
            let one_sibling = conds.len() == same_kind.len()
                && conds.iter().all(|c| c.0 == conds[0].0 && c.1.is_some());
            let distinct = conds
                .iter()
                .enumerate()
                .all(|(i, c)| conds[..i].iter().all(|d| d.1 != c.1));
            if !one_sibling || !distinct {
                continue;
            }
            if let Some(rule) = unite(&same_kind, default.as_deref()) {
                united.push(rule);
            }
        }
        for (branches, source, rule_like) in pending {
            // A value the doc allows in some case widens the allow-list (always sound).
            let mut widened = false;
            for b in &branches {
                if subsumed(&b.rule, &self.cands) {
                    continue;
                }
                if let Some((rule, src)) = self
                    .cands
                    .iter_mut()
                    .find(|(c, _)| std::mem::discriminant(c) == std::mem::discriminant(&b.rule))
                {
                    if widen(rule, &b.rule) {
                        widened = true;
                        *src = join_source(src, &source);
                    }
                }
            }
            if widened {
                self.out.understood += 1;
                continue;
            }
            let used: Vec<Rule> = united
                .iter()
                .filter(|u| {
                    branches
                        .iter()
                        .any(|b| std::mem::discriminant(&b.rule) == std::mem::discriminant(*u))
                })
                .cloned()
                .collect();
            let consistent = branches.iter().all(|b| {
                let redundant = matches!(&b.rule, Rule::Enum { values } if values.is_empty());
                redundant || subsumed(&b.rule, &self.cands)
            });
            if !used.is_empty() {
                self.out.understood += 1;
                for u in used {
                    match self.cands.iter_mut().find(|(r, _)| *r == u) {
                        Some((_, s)) => *s = join_source(s, &source),
                        None => self.cands.push((u, source.clone())),
                    }
                }
            } else if consistent {
                self.out.understood += 1;
            } else if rule_like {
                self.out.not_understood.push(source);
            }
        }
    }

    /// A bullet list with its intro sentence (when it ended in a colon) or the sentence before
    /// it (`context`, used to recognise lists of configuration fields).
    fn list(
        &mut self,
        intro: Option<String>,
        context: Option<String>,
        items: Vec<LItem>,
        scope: Scope,
    ) {
        let enum_intro = intro.as_deref().is_some_and(is_enum_intro);
        if let Some(s) = intro.as_deref().filter(|_| !enum_intro) {
            self.sentence(s, scope);
        }
        let parsed: Vec<ItemKind> = items.iter().map(|it| parse_item(&it.text)).collect();
        let context = intro.clone().or(context).unwrap_or_default();
        let kind = classify(&items, &parsed, enum_intro, &context, self.ty, scope);
        match kind {
            ListKind::SubFields => {
                let n = items
                    .iter()
                    .flat_map(|it| {
                        std::iter::once(&it.text)
                            .chain(&it.children)
                            .chain(&it.extras)
                    })
                    .flat_map(|t| split_sentences(t))
                    .filter(|s| is_rule_like(s))
                    .count();
                self.stats.subfield += n;
            }
            ListKind::Values(mut rules, redundant) => {
                let mut source = intro.clone().unwrap_or_default();
                for it in &items {
                    if !source.is_empty() {
                        source.push('\n');
                    }
                    source.push_str("-   ");
                    source.push_str(&it.text);
                }
                if let Some(s) = intro.as_deref().filter(|_| enum_intro) {
                    let ctx = Ctx {
                        ty: self.ty,
                        siblings: self.siblings,
                        scope,
                        first: false,
                    };
                    rules.extend(sentence_rules(s, &ctx).rules);
                }
                self.first_done = true;
                self.book(rules, redundant, source.trim().to_string(), || true);
            }
            ListKind::NotValues => {
                if let Some(s) = intro.as_deref().filter(|_| enum_intro) {
                    self.sentence(s, scope);
                }
                let inner = if scope == Scope::Note {
                    Scope::Note
                } else {
                    Scope::Bullet
                };
                for it in &items {
                    for t in std::iter::once(&it.text)
                        .chain(&it.children)
                        .chain(&it.extras)
                    {
                        for s in split_sentences(t) {
                            self.sentence(&s, inner);
                        }
                    }
                }
            }
        }
    }
}

/// A branch rule already implied by an unconditional one (a sub-range, a subset of values).
fn subsumed(rule: &Rule, cands: &[(Rule, String)]) -> bool {
    cands.iter().any(|(c, _)| match (rule, c) {
        (Rule::Enum { values: b }, Rule::Enum { values: u }) => {
            b.iter().all(|v| u.iter().any(|w| w.value == v.value))
        }
        (Rule::Items { max: Some(b), .. }, Rule::Items { max: Some(u), .. })
        | (Rule::Items { max: Some(b), .. }, Rule::MultiValue { max: Some(u), .. }) => b <= u,
        (
            Rule::Range {
                min: bmin,
                max: bmax,
                ..
            },
            Rule::Range {
                min: umin,
                max: umax,
                ..
            },
        ) => {
            let lo_ok = match (umin, bmin) {
                (None, _) => true,
                (Some(u), Some(b)) => b.as_f64() >= u.as_f64(),
                (Some(_), None) => false,
            };
            let hi_ok = match (umax, bmax) {
                (None, _) => true,
                (Some(u), Some(b)) => b.as_f64() <= u.as_f64(),
                (Some(_), None) => false,
            };
            lo_ok && hi_ok
        }
        _ => false,
    })
}

/// Widens an unconditional enum or range so that it admits a branch; true when it changed.
fn widen(rule: &mut Rule, branch: &Rule) -> bool {
    match (rule, branch) {
        (Rule::Enum { values }, Rule::Enum { values: extra }) => {
            let before = values.len();
            for v in extra {
                if !values.iter().any(|w| w.value == v.value) {
                    values.push(v.clone());
                }
            }
            values.len() > before
        }
        (
            Rule::Range {
                min,
                max,
                min_exclusive,
                max_exclusive,
            },
            Rule::Range {
                min: bmin,
                max: bmax,
                ..
            },
        ) => {
            let mut changed = false;
            if let (Some(m), Some(b)) = (*min, *bmin) {
                if b.as_f64() < m.as_f64() {
                    *min = Some(b);
                    *min_exclusive = false;
                    changed = true;
                }
            }
            if let (Some(m), Some(b)) = (*max, *bmax) {
                if b.as_f64() > m.as_f64() {
                    *max = Some(b);
                    *max_exclusive = false;
                    changed = true;
                }
            }
            changed
        }
        _ => false,
    }
}

/// The union of branch enums, or the hull of branch ranges; it must admit the default.
fn unite(branches: &[&Branch], default: Option<&str>) -> Option<Rule> {
    let mut values: Vec<EnumValue> = Vec::new();
    let mut vals: Vec<Val> = Vec::new();
    for b in branches {
        match &b.rule {
            Rule::Enum { values: vs } => {
                for v in vs {
                    if !values.iter().any(|w| w.value == v.value) {
                        values.push(v.clone());
                    }
                }
            }
            Rule::Range {
                min: Some(lo),
                max: Some(hi),
                min_exclusive,
                max_exclusive,
            } => vals.push(Val::Span {
                lo: *lo,
                hi: *hi,
                lo_ex: *min_exclusive,
                hi_ex: *max_exclusive,
            }),
            _ => return None,
        }
    }
    let rule = if vals.is_empty() {
        if values.is_empty() {
            return None;
        }
        Rule::Enum { values }
    } else {
        hull(&vals)?
    };
    let admits = default.is_none_or(|d| match &rule {
        Rule::Enum { values } => values.iter().any(|v| v.value == d),
        Rule::Range { .. } => to_number(d).is_none_or(|n| {
            subsumed(
                &Rule::Range {
                    min: Some(n),
                    max: Some(n),
                    min_exclusive: false,
                    max_exclusive: false,
                },
                &[(rule.clone(), String::new())],
            )
        }),
        _ => true,
    });
    admits.then_some(rule)
}

/// Bullets that each describe one setting of this parameter in conditional form
/// (`If you set the value to **SOURCE_IP**, …`, `取值为**SOURCE_IP**时，…`, `If this parameter is
/// left empty, …`): a value list in disguise. At least one literal value is needed.
fn own_value_list(items: &[LItem]) -> Option<Vec<Val>> {
    let set = [
        "if you set the value to",
        "if the value is",
        "if this parameter is set to",
        "当取值为",
        "取值为",
        "设置为",
    ];
    let empty = [
        "left empty",
        "leave this parameter empty",
        "不传入值时",
        "不传值时",
        "取值为空",
        "为空时",
        "不传时",
    ];
    let mut vals = Vec::new();
    for it in items {
        let r = Rich::new(&it.text);
        if r.has_any(&empty) {
            continue;
        }
        let e = r.match_any(0, &set)?;
        let tok = read_token(&r, e, false).filter(|t| t.marked && is_value_like(&t.text))?;
        vals.push(Val::One {
            v: tok.text,
            default: false,
        });
    }
    (!vals.is_empty()).then_some(vals)
}

/// Decides what a list is and, for value lists, returns its enum/default/range rules.
fn classify(
    items: &[LItem],
    parsed: &[ItemKind],
    enum_intro: bool,
    context: &str,
    ty: &Type,
    scope: Scope,
) -> ListKind {
    let dotted = items.iter().any(|it| {
        let r = Rich::new(&it.text);
        read_token(&r, 0, false).is_some_and(|t| t.marked && looks_like_field(&t.text))
    });
    let marked_heads = items
        .iter()
        .filter(|it| Rich::new(&it.text).span(0) != 0)
        .count();
    let sub_rules = items.iter().any(|it| {
        let r = Rich::new(&it.text);
        let body = read_token(&r, 0, false).map_or(0, |t| t.end);
        Rich::new(&r.orig(body, r.len())).has_any(SUBRULE_WORDS)
    });
    let config_intro = Rich::new(context).has_any(CONFIG_WORDS);
    if dotted || (!enum_intro && marked_heads > 0 && (sub_rules || config_intro)) {
        return ListKind::SubFields;
    }
    if scope != Scope::Main {
        return ListKind::NotValues;
    }
    let mut vals: Vec<Val> = Vec::new();
    let mut descs: Vec<(String, String)> = Vec::new();
    let (mut others, mut conds, mut loose) = (0, 0, 0);
    for p in parsed {
        match p {
            ItemKind::Value {
                v,
                default,
                desc,
                explicit,
            } => {
                vals.push(Val::One {
                    v: v.clone(),
                    default: *default,
                });
                descs.push((v.clone(), desc.clone()));
                if !explicit && !desc.is_empty() {
                    loose += 1;
                }
            }
            ItemKind::Range(v) => vals.push(v.clone()),
            ItemKind::Cond => conds += 1,
            ItemKind::Other => others += 1,
        }
    }
    // Without an intro the bullets must all be plain `value：meaning` items.
    let bare_ok =
        others == 0 && conds == 0 && loose == 0 && (vals.len() >= 2 || matches!(ty, Type::Boolean));
    if vals.is_empty() || (!enum_intro && !bare_ok) {
        return match own_value_list(items) {
            Some(values) => ListKind::Values(vals_to_rules(&values, false, ty).0, false),
            None => ListKind::NotValues,
        };
    }
    let (mut rules, redundant) = vals_to_rules(&vals, false, ty);
    for rule in &mut rules {
        if let Rule::Enum { values } = rule {
            for ev in values.iter_mut() {
                if let Some((_, d)) = descs.iter().find(|(v, _)| *v == ev.value) {
                    ev.description = d.clone();
                }
            }
        }
    }
    ListKind::Values(rules, redundant)
}

/// Extraction with the counters a corpus measurement needs.
pub(crate) fn run(description: &str, ty: &Type, siblings: &[&str], stats: &mut Stats) -> Extracted {
    let blocks = parse_blocks(description);
    let mut acc = Acc {
        ty,
        siblings,
        stats,
        cands: Vec::new(),
        pending: Vec::new(),
        out: Extracted::default(),
        first_done: false,
        last_single: None,
    };
    let mut note_bullets = false;
    let mut last_sentence: Option<String> = None;
    let mut i = 0;
    while i < blocks.len() {
        let text = match &blocks[i] {
            Block::Bullet { .. } => {
                let (items, next) = collect_list(&blocks, i);
                let scope = if note_bullets {
                    Scope::Note
                } else {
                    Scope::Main
                };
                acc.list(None, last_sentence.take(), items, scope);
                i = next.max(i + 1);
                continue;
            }
            Block::Para(text) => text,
        };
        if let Some(rest) = strip_note(text) {
            for s in split_sentences(&rest) {
                acc.sentence(&s, Scope::Note);
            }
            note_bullets = rest.is_empty();
            i += 1;
            continue;
        }
        note_bullets = false;
        let mut sents = split_sentences(text);
        if sents.last().is_some_and(|s| ends_with_colon(s)) {
            match blocks.get(i + 1) {
                Some(Block::Bullet { .. }) => {
                    let intro = sents.pop();
                    for s in &sents {
                        acc.sentence(s, Scope::Main);
                    }
                    let (items, next) = collect_list(&blocks, i + 1);
                    acc.list(intro, None, items, Scope::Main);
                    i = next.max(i + 2);
                    continue;
                }
                Some(Block::Para(next)) if strip_note(next).is_none() => {
                    if item_like(next) {
                        // `取值：` followed by one paragraph per value.
                        let intro = sents.pop();
                        for s in &sents {
                            acc.sentence(s, Scope::Main);
                        }
                        let mut items = Vec::new();
                        let mut j = i + 1;
                        while let Some(Block::Para(p)) = blocks.get(j) {
                            if !item_like(p) {
                                break;
                            }
                            items.push(LItem {
                                text: p.clone(),
                                ..LItem::default()
                            });
                            j += 1;
                        }
                        acc.list(intro, None, items, Scope::Main);
                        i = j;
                        continue;
                    }
                    // `Value:` / `不能使用以下端口：` with the values in the next paragraph.
                    let mut rest = split_sentences(next);
                    if let (Some(last), false) = (sents.last_mut(), rest.is_empty()) {
                        let head = rest.remove(0);
                        *last = format!("{last} {head}");
                    }
                    for s in sents.iter().chain(rest.iter()) {
                        acc.sentence(s, Scope::Main);
                    }
                    last_sentence = rest.last().or(sents.last()).cloned();
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        for s in &sents {
            acc.sentence(s, Scope::Main);
        }
        last_sentence = sents.last().cloned();
        i += 1;
    }
    acc.settle_branches();
    let Acc { cands, mut out, .. } = acc;
    out.constraints = finalize(cands, ty);
    out
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

fn join_source(a: &str, b: &str) -> String {
    if a == b || a.contains(b) {
        a.to_string()
    } else {
        format!("{a} {b}")
    }
}

/// Merges the per-sentence findings into the final list: one `Chars` rule (first classes and
/// allowed classes united), a list size folded into `MultiValue.max` for strings, the first
/// `Enum`/`Default` kept, exact duplicates dropped.
fn finalize(cands: Vec<(Rule, String)>, ty: &Type) -> Vec<Constraint> {
    // Character classes from several sentences form one rule.
    let mut first: Vec<CharClass> = Vec::new();
    let mut listed: Vec<CharClass> = Vec::new();
    let mut chars_source = String::new();
    for (rule, source) in &cands {
        if let Rule::Chars { first: f, allowed } = rule {
            f.iter().for_each(|c| push_class(&mut first, c.clone()));
            allowed
                .iter()
                .for_each(|c| push_class(&mut listed, c.clone()));
            chars_source = if chars_source.is_empty() {
                source.clone()
            } else {
                join_source(&chars_source, source)
            };
        }
    }
    let merged_chars = {
        let mut allowed = Vec::new();
        if !listed.is_empty() {
            first
                .iter()
                .chain(listed.iter())
                .for_each(|c| push_class(&mut allowed, c.clone()));
        }
        Rule::Chars { first, allowed }
    };

    let is_list_type = matches!(ty, Type::Array)
        || matches!(ty, Type::Other(n) if n.eq_ignore_ascii_case("RepeatList"));
    let multi = cands
        .iter()
        .any(|(r, _)| matches!(r, Rule::MultiValue { .. }));
    let count = cands.iter().find_map(|(r, s)| match r {
        Rule::Items {
            min: None | Some(0) | Some(1),
            max: Some(m),
        } if multi && !is_list_type => Some((*m, s.clone())),
        _ => None,
    });

    let mut out: Vec<Constraint> = Vec::new();
    let mut chars_done = false;
    for (rule, source) in cands {
        let (rule, source) = match rule {
            Rule::Chars { .. } if chars_done => continue,
            Rule::Chars { .. } => {
                chars_done = true;
                (merged_chars.clone(), chars_source.clone())
            }
            Rule::Items { .. } if count.as_ref().is_some_and(|(_, s)| *s == source) => continue,
            Rule::MultiValue { separator, max } => match &count {
                Some((m, s)) => (
                    Rule::MultiValue {
                        separator,
                        max: max.or(Some(*m)),
                    },
                    join_source(&source, s),
                ),
                None => (Rule::MultiValue { separator, max }, source),
            },
            other => (other, source),
        };
        // A spelled layout refines a bare `datetime` found in another sentence.
        if let Rule::Format {
            name,
            pattern: Some(_),
        } = &rule
        {
            if let Some(c) = out
                .iter_mut()
                .find(|c| matches!(&c.rule, Rule::Format { name: n, pattern: None } if n == name))
            {
                c.source = join_source(&c.source, &source);
                c.rule = rule;
                continue;
            }
        }
        // Two value lists (one per position, `Filter.1.Key`/`Filter.2.Key`, or per case):
        // an allow-list may only grow, never reject a documented value.
        if let Rule::Enum { values } = &rule {
            if let Some(c) = out.iter_mut().find(|c| matches!(c.rule, Rule::Enum { .. })) {
                if let Rule::Enum { values: known } = &mut c.rule {
                    for v in values {
                        if !known.iter().any(|k| k.value == v.value) {
                            known.push(v.clone());
                        }
                    }
                }
                c.source = join_source(&c.source, &source);
                continue;
            }
        }
        let clash = out.iter().any(|c| match (&c.rule, &rule) {
            (Rule::Enum { .. }, Rule::Enum { .. })
            | (Rule::Default { .. }, Rule::Default { .. }) => true,
            (Rule::Format { name: a, .. }, Rule::Format { name: b, .. }) => a == b,
            (a, b) => a == b,
        });
        if !clash {
            out.push(Constraint { rule, source });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(desc: &str, ty: Type, siblings: &[&str]) -> Vec<Rule> {
        extract(desc, &ty, siblings)
            .constraints
            .into_iter()
            .map(|c| c.rule)
            .collect()
    }

    fn s(desc: &str) -> Vec<Rule> {
        rules_of(desc, Type::String, &[])
    }

    fn values(rules: &[Rule]) -> Vec<String> {
        rules
            .iter()
            .find_map(|r| match r {
                Rule::Enum { values } => Some(values.iter().map(|v| v.value.clone()).collect()),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn default(v: &str) -> Rule {
        Rule::Default {
            value: v.to_string(),
        }
    }

    fn len(min: Option<u64>, max: Option<u64>) -> Rule {
        Rule::Length { min, max }
    }

    fn range(min: Option<i64>, max: Option<i64>) -> Rule {
        Rule::Range {
            min: min.map(Number::Int),
            max: max.map(Number::Int),
            min_exclusive: false,
            max_exclusive: false,
        }
    }

    fn items(min: Option<u64>, max: Option<u64>) -> Rule {
        Rule::Items { min, max }
    }

    fn format(name: &str, pattern: Option<&str>) -> Rule {
        Rule::Format {
            name: name.to_string(),
            pattern: pattern.map(str::to_string),
        }
    }

    fn relation(kind: RelationKind, other: &str, value: Option<&str>) -> Rule {
        Rule::Relation {
            relation: kind,
            other: other.to_string(),
            value: value.map(str::to_string),
        }
    }

    fn no_prefix(v: &[&str]) -> Rule {
        Rule::PrefixForbidden {
            values: v.iter().map(|x| x.to_string()).collect(),
        }
    }

    use CharClass::{Char, Cjk, Digit, Letter};

    const PORTS: [&str; 16] = [
        "22", "2222", "22222", "9000", "9001", "9002", "7505", "80", "443", "53", "68", "123",
        "4510", "4560", "500", "4500",
    ];

    // ---- The seed: /work/shared/seed/CreateSslVpnServer.md (zh-CN) -------------------------

    #[test]
    fn seed_action_is_a_single_value_enum() {
        assert_eq!(
            values(&s("要执行的操作，取值：**CreateSslVpnServer**。")),
            ["CreateSslVpnServer"]
        );
    }

    #[test]
    fn seed_proto_enum_with_default_and_descriptions() {
        let ex = extract("SSL-VPN服务端所使用的协议，取值：\n\n-   **TCP**：TCP协议。\n-   **UDP**（默认值）：UDP协议。", &Type::String, &[]);
        let rules: Vec<Rule> = ex.constraints.iter().map(|c| c.rule.clone()).collect();
        assert_eq!(values(&rules), ["TCP", "UDP"]);
        assert!(rules.contains(&default("UDP")));
        let Rule::Enum { values } = &rules[0] else {
            panic!("enum first: {rules:?}")
        };
        assert_eq!(values[0].description, "TCP协议。");
        assert_eq!(values[1].description, "UDP协议。");
        assert_eq!(ex.constraints[0].source, "SSL-VPN服务端所使用的协议，取值：\n-   **TCP**：TCP协议。\n-   **UDP**（默认值）：UDP协议。");
        assert_eq!((ex.understood, ex.not_understood.len()), (1, 0));
    }

    #[test]
    fn seed_cipher_enum_with_default() {
        let r = s("SSL-VPN使用的加密算法，取值：\n\n-   **AES-128-CBC**（默认值）：AES-128-CBC算法。\n-   **AES-192-CBC**：AES-192-CBC算法。\n-   **AES-256-CBC**：AES-256-CBC算法。\n-   **none**：不使用加密算法。");
        assert_eq!(
            values(&r),
            ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "none"]
        );
        assert!(r.contains(&default("AES-128-CBC")));
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn seed_port_default_and_forbidden_ports() {
        let r = rules_of(
            "SSL-VPN服务端所使用的端口，默认值为**1194**。 不能用使用以下端口：\n\n**22、2222、22222、9000、9001、9002、7505、80、443、53、68、123、4510、4560、500、4500**。",
            Type::Integer,
            &[],
        );
        assert_eq!(
            r,
            vec![
                default("1194"),
                Rule::Forbidden {
                    values: PORTS.iter().map(|p| p.to_string()).collect()
                }
            ]
        );
    }

    #[test]
    fn seed_booleans_get_a_default_but_no_enum() {
        let compress = "指定是否对通信进行压缩， 取值：\n\n-   **true**：对通信进行压缩。\n-   **false**（默认值）：对通信不进行压缩。";
        assert_eq!(
            rules_of(compress, Type::Boolean, &[]),
            vec![default("false")]
        );
        let mfa = "是否开启双因子认证。取值：\n\n-   **true**：开启。\n-   **false**（默认值）：不开启。\n\n**说明：** 如果您要使用双因子认证功能，请确保您的VPN网关是在2020年03月05日00时00分之后创建的，否则您的VPN网关将不支持双因子认证功能。";
        let ex = extract(mfa, &Type::Boolean, &[]);
        assert_eq!(
            ex.constraints
                .iter()
                .map(|c| c.rule.clone())
                .collect::<Vec<_>>(),
            vec![default("false")]
        );
        assert_eq!(
            ex.not_understood.len(),
            1,
            "the 2020 note is a rule we cannot express"
        );
    }

    #[test]
    fn seed_name_length_chars_and_prefixes() {
        let r = s("SSL-VPN服务端的名称。\n\n长度为2~128个字符，必须以英文字母或中文开头，可包含数字、半角句号（.）、下划线（_）和短划线（-），但不能以`http://` 或`https://`开头。");
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r.contains(&len(Some(2), Some(128))));
        assert!(r.contains(&no_prefix(&["http://", "https://"])));
        let chars = Rule::Chars {
            first: vec![Letter, Cjk],
            allowed: vec![Letter, Cjk, Digit, Char('.'), Char('_'), Char('-')],
        };
        assert!(r.contains(&chars), "{r:?}");
    }

    #[test]
    fn seed_client_token_length_and_ascii() {
        let r = s("客户端Token，用于保证请求的幂等性。\n\n由客户端生成该参数值，要保证在不同请求间唯一，最大不值过64个ASCII字符。");
        // The idempotence sentence comes first, so `unique` is read from it.
        assert_eq!(r, vec![Rule::Unique, len(None, Some(64)), Rule::Ascii]);
    }

    #[test]
    fn formats_named_by_the_head_noun() {
        // ga/zh-CN/RemoveEntriesFromAcl.md `AclEntries.N.Entry`
        assert_eq!(
            s("访问控制条目IP地址段。"),
            vec![Rule::Format {
                name: "cidr".into(),
                pattern: None
            }]
        );
        // nat/en-US/DescribeForwardTableEntries.md `ExternalIp`: the first qualifier ends the noun.
        let r = s("The public IP address used in the DNAT entry. The public IP address is used by the Elastic Compute Service (ECS) instance to receive requests from the Internet.");
        assert_eq!(
            r,
            vec![Rule::Format {
                name: "ip".into(),
                pattern: None
            }]
        );
    }

    #[test]
    fn value_lists_of_several_positions_are_united() {
        // eip/en-US/DescribeEipAddresses.md `Filter.1.Key` and `Filter.2.Key`, merged into one member.
        let r = s("The filter key used to query resources. Set the value to **CreationStartTime** (the start time when resources are created).\n\nFilter.2.Key: The filter key used to query resources. Set the value to **CreationEndTime** (the end time when resources are created).");
        let values: Vec<String> = r
            .iter()
            .find_map(|rule| match rule {
                Rule::Enum { values } => Some(values.iter().map(|v| v.value.clone()).collect()),
                _ => None,
            })
            .expect("an enum");
        assert_eq!(values, ["CreationStartTime", "CreationEndTime"]);
    }

    #[test]
    fn uniqueness_across_requests_marks_a_token() {
        // eip/en-US/AllocateEipAddress.md, ga/en-US/CreateAcl.md
        let r = s("You can use the client to generate the value, but you must ensure that it is unique among different requests.");
        assert_eq!(r, vec![Rule::Unique]);
        let r = s("This parameter value is generated by the client and must be unique.");
        assert_eq!(r, vec![Rule::Unique]);
        // Uniqueness of a name within an account is not a token.
        assert!(s("The name must be unique within the VPC.").is_empty());
    }

    #[test]
    fn at_least_one_of_two_parameters() {
        // vpn/en-US/ModifyVpnGatewayAttribute.md-style wording, zh twin of the same rule.
        let r = rules_of("You must specify at least one of the following parameters: **Name** and **Description**.", Type::String, &["Description"]);
        assert_eq!(
            r,
            vec![Rule::Relation {
                relation: RelationKind::AtLeastOneOf,
                other: "Description".into(),
                value: None
            }]
        );
        let r = rules_of(
            "**Name**和**Description**参数必须至少传一个。",
            Type::String,
            &["Name"],
        );
        assert_eq!(
            r,
            vec![Rule::Relation {
                relation: RelationKind::AtLeastOneOf,
                other: "Name".into(),
                value: None
            }]
        );
    }

    #[test]
    fn seed_client_ip_pool_cidr_and_no_overlap() {
        let desc = "客户端网段。\n\n是给客户端虚拟网卡分配访问地址的的地址段，不是指客户端已有的内网网段。\n\n当客户端通过SSL-VPN连接访问本端时，VPN网关会从指定的客户端网段中分配一个IP地址给客户端使用。\n\n**说明：** 该网段不能与**LocalSubnet**地址段冲突。";
        let r = rules_of(
            desc,
            Type::String,
            &["Action", "LocalSubnet", "RegionId", "VpnGatewayId"],
        );
        assert_eq!(
            r,
            vec![
                format("cidr", None),
                relation(RelationKind::NoOverlap, "LocalSubnet", None)
            ]
        );
        // Without the sibling there is no relation to report.
        assert_eq!(s(desc), vec![format("cidr", None)]);
    }

    #[test]
    fn seed_local_subnet_cidr() {
        let r = s("本端网段。\n\n是客户端通过SSL-VPN连接要访问的地址段。\n\n本端网段可以是VPC的网段、交换机的网段、通过专线和VPC互连的IDC的网段、云服务如对象存储服务OSS（Object Storage Service）等的网段。");
        assert_eq!(r, vec![format("cidr", None)]);
    }

    // ---- The seed in English. vpn/en-US/CreateSslVpnServer.md is not in the corpus; the
    // wording follows the public English reference and the phrasing of corpus en-US docs. ----

    #[test]
    fn seed_en_action() {
        // Same phrase in nat/en-US/CreateNatGateway.md (`Action`).
        assert_eq!(
            values(&s(
                "The operation that you want to perform. Set the value to **CreateSslVpnServer**."
            )),
            ["CreateSslVpnServer"]
        );
    }

    #[test]
    fn seed_en_proto_and_cipher() {
        let proto = s("The protocol that is used by the SSL server. Valid values:\n\n-   **TCP**: TCP\n-   **UDP** (default): UDP");
        assert_eq!(values(&proto), ["TCP", "UDP"]);
        assert!(proto.contains(&default("UDP")));
        let cipher = s("The encryption algorithm that is used by the SSL-VPN connection. Valid values:\n\n-   **AES-128-CBC** (default): the AES-128-CBC algorithm\n-   **AES-192-CBC**: the AES-192-CBC algorithm\n-   **AES-256-CBC**: the AES-256-CBC algorithm\n-   **none**: does not use an encryption algorithm");
        assert_eq!(
            values(&cipher),
            ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "none"]
        );
        assert!(cipher.contains(&default("AES-128-CBC")));
    }

    #[test]
    fn seed_en_port() {
        let r = rules_of(
            "The port that is used by the SSL server. Default value: **1194**. The following ports are not supported:\n\n**22**, **2222**, **22222**, **9000**, **9001**, **9002**, **7505**, **80**, **443**, **53**, **68**, **123**, **4510**, **4560**, **500**, and **4500**.",
            Type::Integer,
            &[],
        );
        assert_eq!(
            r,
            vec![
                default("1194"),
                Rule::Forbidden {
                    values: PORTS.iter().map(|p| p.to_string()).collect()
                }
            ]
        );
    }

    #[test]
    fn seed_en_booleans() {
        let d = "Specifies whether to compress the communication. Valid values:\n\n-   **true**: compresses the communication.\n-   **false** (default): does not compress the communication.";
        assert_eq!(rules_of(d, Type::Boolean, &[]), vec![default("false")]);
        let d = "Specifies whether to enable two-factor authentication. Valid values:\n\n-   **true**: enables two-factor authentication.\n-   **false**: disables two-factor authentication. This is the default value.";
        assert_eq!(rules_of(d, Type::Boolean, &[]), vec![default("false")]);
    }

    #[test]
    fn seed_en_name_merges_classes_over_sentences() {
        let r = s("The name of the SSL server.\n\nThe name must be 2 to 128 characters in length, and can contain digits, periods (.), underscores (_), and hyphens (-). It must start with a letter or Chinese character, and cannot start with `http://` or `https://`.");
        assert!(r.contains(&len(Some(2), Some(128))));
        assert!(r.contains(&no_prefix(&["http://", "https://"])));
        let chars = Rule::Chars {
            first: vec![Letter, Cjk],
            allowed: vec![Letter, Cjk, Digit, Char('.'), Char('_'), Char('-')],
        };
        assert!(r.contains(&chars), "{r:?}");
    }

    #[test]
    fn seed_en_client_token() {
        // vpn/en-US/CreateCustomerGateway.md `ClientToken`.
        let d = "The client token that is used to guarantee the idempotence of the request.\n\nYou can use the client to generate the value, but you must ensure that it is unique among different requests. The token can only contain ASCII characters and cannot exceed 64 characters in length.";
        let r = s(d);
        assert!(
            r.contains(&len(None, Some(64))) && r.contains(&Rule::Ascii),
            "{r:?}"
        );
    }

    #[test]
    fn seed_en_cidr_blocks_and_overlap() {
        let d = "The client CIDR block.\n\nIt refers to the CIDR block from which an IP address is allocated to the virtual network interface controller (NIC) of the client.\n\n**Note:** The client CIDR block cannot overlap with **LocalSubnet**.";
        let r = rules_of(d, Type::String, &["LocalSubnet", "VpnGatewayId"]);
        assert_eq!(
            r,
            vec![
                format("cidr", None),
                relation(RelationKind::NoOverlap, "LocalSubnet", None)
            ]
        );
        assert_eq!(s("The local CIDR block.\n\nIt refers to the CIDR block that the client needs to access by using the SSL-VPN connection."), vec![format("cidr", None)]);
    }

    // ---- Enums -------------------------------------------------------------------------

    #[test]
    fn enum_plain_bullets() {
        // nat/zh-CN/CreateBandwidthPackage.md `InternetChargeType`
        let r = s(
            "网络计费类型，取值：\n\n-   PayByTraffic：按流量计费\n-   PayByBandwidth：按带宽计费",
        );
        assert_eq!(values(&r), ["PayByTraffic", "PayByBandwidth"]);
        // ipv6gateway/zh-CN/CreateIpv6Gateway.md `Spec`: plain value with a default marker
        let r = s("IPv6网关的规格。取值：\n\n-   Small（默认值）：免费版\n-   Medium：企业版\n-   Large：企业增强版\n\n不同规格的IPv6网关的转发能力都不同，详情参见IPv6网关规格。");
        assert_eq!(values(&r), ["Small", "Medium", "Large"]);
        assert!(r.contains(&default("Small")));
    }

    #[test]
    fn enum_bare_bold_bullets() {
        // vpn/zh-CN/DescribeVpnGateways.md `Status`
        let r = s("VPN网关的状态，取值：\n\n-   **init**\n-   **provisioning**\n-   **active**\n-   **updating**\n-   **deleting**");
        assert_eq!(
            values(&r),
            ["init", "provisioning", "active", "updating", "deleting"]
        );
        // ga/en-US/CreateEndpointGroup.md `EndpointRequestProtocol`: `(Default)` glued, then a note list
        let r = s("The protocol of the backend service. Valid values:\n\n-   **HTTP**(Default)\n-   **HTTPS**\n\n**Note:**\n\n-   You can set this parameter only when you create an endpoint group for an HTTP or HTTPS listener.\n-   An HTTP listener supports only HTTP as the backend service protocol.");
        assert_eq!(
            r,
            vec![
                Rule::Enum {
                    values: vec![ev("HTTP", ""), ev("HTTPS", "")]
                },
                default("HTTP")
            ]
        );
    }

    fn ev(v: &str, d: &str) -> EnumValue {
        EnumValue {
            value: v.to_string(),
            description: d.to_string(),
        }
    }

    #[test]
    fn enum_default_stated_in_the_item_text() {
        // nat/en-US/CreateNatGateway.md `Spec`
        let r = s("The size of the NAT gateway. Valid values:\n\n-   **Small**: a small-sized NAT gateway. This is the default value.\n-   **Middle**: a medium-sized NAT gateway.\n-   **Large**: a large-sized NAT gateway.");
        assert_eq!(values(&r), ["Small", "Middle", "Large"]);
        assert!(r.contains(&default("Small")));
    }

    #[test]
    fn enum_without_intro_phrase() {
        // ga/zh-CN/CreateEndpointGroup.md `HealthCheckProtocol`
        assert_eq!(values(&s("健康检查的协议。\n\n-   **tcp**：TCP协议。\n-   **http**：HTTP协议。\n-   **https**：HTTPS协议。")), ["tcp", "http", "https"]);
    }

    #[test]
    fn enum_one_paragraph_per_value() {
        // eip/zh-CN/DescribeEipAddresses.md `ChargeType`
        assert_eq!(values(&s("弹性公网IP的计费方式，取值：\n\n**PostPaid**：按量计费。\n\n**PrePaid**：包年包月。")), ["PostPaid", "PrePaid"]);
        // nat/en-US/AddBandwidthPackageIps.md `Action`: the value alone in the next paragraph
        assert_eq!(
            values(&s(
                "The name of this action. Value:\n\nAddBandwidthPackageIps"
            )),
            ["AddBandwidthPackageIps"]
        );
    }

    #[test]
    fn enum_inline_separators() {
        // ga/zh-CN/CreateAcl.md `AddressIPVersion`
        assert_eq!(
            values(&s("地址协议版本。取值：**ipv4**或**ipv6**。")),
            ["ipv4", "ipv6"]
        );
        // vpn/zh-CN/CreateVpnGateway.md `SslConnections`
        assert_eq!(
            values(&s(
                "允许同时连接的最大客户端数量，取值：**5**、**10**或**20**。"
            )),
            ["5", "10", "20"]
        );
        // vpn/en-US/CreateVpnRouteEntry.md `Weight` (unescaped pipe) and the escaped one
        assert_eq!(
            values(&s(
                "The weight of the destination route. Valid values: **0**|**100**."
            )),
            ["0", "100"]
        );
        // vpn/zh-CN/DescribeVpnGateways.md `BusinessStatus`: the pipe inside one bold span
        assert_eq!(
            values(&s(
                "VPN网关的付费状态。\n\n取值： **Normal | FinancialLocked**"
            )),
            ["Normal", "FinancialLocked"]
        );
        // vpn/en-US/DescribeVpnGateways.md `BusinessStatus`: `and` inside one bold span
        assert_eq!(values(&s("The payment state of the VPN gateway.\n\nValid values: **Normal and FinancialLocked**.")), ["Normal", "FinancialLocked"]);
        // pvtz/zh-CN/DescribeTags.md `Lang`: plain values
        assert_eq!(
            values(&s("部分返回参数语言。取值范围：en、zh、ja")),
            ["en", "zh", "ja"]
        );
    }

    #[test]
    fn enum_serial_comma_with_default_sentence() {
        // eip/en-US/DescribeEipMonitorData.md `Period`
        let r = rules_of("The duration of a monitoring data entry. Valid values: **60**, **300**, **900**, and **3600**. Unit: seconds. Default value: 60.", Type::Integer, &[]);
        assert_eq!(values(&r), ["60", "300", "900", "3600"]);
        assert!(r.contains(&default("60")));
        // eip/zh-CN/DescribeEipMonitorData.md `Period`: default marker inside the inline list
        let r = rules_of("每条监控数据的时间长度，取值：**60**（默认值） 、**300** 、 **900** 或 **3600**，单位为秒。", Type::Integer, &[]);
        assert_eq!(values(&r), ["60", "300", "900", "3600"]);
        assert!(r.contains(&default("60")));
    }

    #[test]
    fn enum_only_supports_marked_values() {
        // pvtz/zh-CN/AddZoneRecord.md `Type`
        assert_eq!(values(&s("解析记录类型，目前仅支持**A**, **AAAA**,**CNAME**, **TXT**, **MX**, **PTR**, **SRV**。")), ["A", "AAAA", "CNAME", "TXT", "MX", "PTR", "SRV"]);
        // nat/zh-CN/ConvertBandwidthPackage.md `ClientToken`: `只支持ASCII字符` is no value list
        assert!(values(&s("**ClientToken**只支持ASCII字符，且不能超过64个字符。")).is_empty());
    }

    #[test]
    fn enum_mixes_range_and_values() {
        // vpn/zh-CN/CreateVpnGateway.md `Period`
        let r = rules_of(
            "购买时长，取值：**1**~**9**、**12**、**24**、或**36**。单位：月。",
            Type::Integer,
            &[],
        );
        assert_eq!(
            values(&r),
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "24", "36"]
        );
    }

    #[test]
    fn enum_true_false_on_a_string_field_is_kept() {
        // ga/zh-CN/ConfigEndpointProbe.md `Enable` (typed String)
        let r = s("是否开启时延探测。取值：**true**或**false**（默认值）。");
        assert_eq!(values(&r), ["true", "false"]);
        assert!(r.contains(&default("false")));
        // ga/zh-CN/UpdateEndpointGroups.md (typed Boolean): only the default remains
        let r = rules_of(
            "是否使用TOA方式保留客户端源IP。取值范围：**true**或**false**（默认值）。",
            Type::Boolean,
            &[],
        );
        assert_eq!(r, vec![default("false")]);
    }

    #[test]
    fn enum_value_list_written_as_conditions() {
        // ga/en-US/CreateListener.md `ClientAffinity`
        let r = s("Specifies whether to enable client affinity.\n\n-   By default, this parameter is left empty. In this case, client affinity is disabled, which indicates that requests from the same client are not always forwarded to the same endpoint.\n-   If you set the value to **SOURCE_IP**, client affinity is enabled.");
        assert_eq!(values(&r), ["SOURCE_IP"]);
    }

    #[test]
    fn enum_widened_by_documented_exceptions() {
        // eip/zh-CN/DescribeEipAddresses.md `ISP`
        let d = "线路类型，取值：\n\n-   **BGP**：BGP（多线）线路。\n-   **BGP_PRO**：BGP（多线）精品线路。\n\n**说明：** 如果是开通了单线带宽白名单的用户，ISP字段可以设置为**ChinaTelecom**（中国电信）、**ChinaUnicom**（中国联通）和**ChinaMobile**（中国移动）；如果是杭州金融云用户，该字段必填，取值：**BGP_FinanceCloud**。";
        let ex = extract(d, &Type::String, &[]);
        let r: Vec<Rule> = ex.constraints.into_iter().map(|c| c.rule).collect();
        assert_eq!(
            values(&r),
            [
                "BGP",
                "BGP_PRO",
                "ChinaTelecom",
                "ChinaUnicom",
                "ChinaMobile",
                "BGP_FinanceCloud"
            ]
        );
        assert!(ex.not_understood.is_empty(), "{:?}", ex.not_understood);
    }

    // ---- What is not an enum -------------------------------------------------------------

    #[test]
    fn note_values_never_make_an_enum() {
        // nat/zh-CN/DescribeNatGateways.md `InstanceChargeType`: the note restricts a subset
        let d = "NAT网关实例的付费模式，取值：\n\n-   **PostPaid**：按量付费。\n-   **PrePaid**：包年包月。\n\n**说明：** 国际站仅支持**PostPaid**（按量付费）。";
        let ex = extract(d, &Type::String, &[]);
        assert_eq!(
            values(
                &ex.constraints
                    .iter()
                    .map(|c| c.rule.clone())
                    .collect::<Vec<_>>()
            ),
            ["PostPaid", "PrePaid"]
        );
        assert_eq!(ex.constraints.len(), 1);
        assert!(ex.not_understood.is_empty());
        // A note alone gives no enum.
        assert!(s("**说明：** 国际站仅支持**PostPaid**（按量付费）。").is_empty());
    }

    #[test]
    fn conditional_bullets_are_no_enum() {
        // nat/en-US/CreateForwardEntry.md `ExternalIp`
        let d = "The public IP address used by the ECS instance to be accessed over the Internet. The public IP address must meet the following requirements:\n\n-   If you have purchased a NAT bandwidth plan before November 3, 2017, the **ExternalIp** parameter must be set to a public IP address that is associated with the NAT bandwidth plan.\n-   If you have not purchased a NAT bandwidth plan before November 3, 2017, the **ExternalIp** parameter must be set to an elastic IP address (EIP) that is associated with the NAT gateway.";
        let ex = extract(d, &Type::String, &[]);
        assert_eq!(
            ex.constraints
                .iter()
                .map(|c| c.rule.clone())
                .collect::<Vec<_>>(),
            vec![format("ip", None)]
        );
        assert_eq!(ex.not_understood.len(), 3);
        // ipv6gateway/en-US/ModifyIpv6InternetBandwidth.md `Bandwidth`: `**Small** (default)` sits
        // in a (flattened) conditional list and is no enum value or default.
        let d = "The amount of Internet bandwidth resources of the IPv6 address, in Mbit/s. Valid values: **1** to **5000**.\n\n-   If **InternetChargeType** is set to **PayByBandwidth**, the Internet bandwidth of the IPv6 address is from **1** to **5,000** Mbit/s.\n-   If **InternetChargeType** is set to **PayByTraffic**, the amount of Internet bandwidth resources of the IPv6 address is limited by the specification of the IPv6 gateway.\n-   **Small** (default) specifies the Free edition and the Internet bandwidth is from **1** to **500** Mbit/s.\n-   **Medium** specifies the Medium edition and the Internet bandwidth is from **1** to **1,000** Mbit/s.";
        let ex = extract(d, &Type::Long, &["InternetChargeType"]);
        assert_eq!(
            ex.constraints
                .iter()
                .map(|c| c.rule.clone())
                .collect::<Vec<_>>(),
            vec![range(Some(1), Some(5000))]
        );
        assert!(
            ex.not_understood.is_empty(),
            "branch ranges are consistent: {:?}",
            ex.not_understood
        );
    }

    #[test]
    fn json_member_bullets_are_no_enum() {
        // vpn/en-US/CreateVpnConnection.md `IkeConfig` (dotted member names)
        let d = "The configurations of phase one negotiation:\n\n-   **IkeConfig.Psk**: Used for authentication between the IPsec VPN Gateway and the customer gateway. This parameter is generated randomly by default and can contain up to 100 characters. You can also manually specify the key.\n-   **IkeConfig.IkeVersion**: The version of the IKE protocol. Valid values: **Ikev1**|**Ikev2**. Default value: **Ikev1**.\n-   **IkeConfig. IkeEncAlg**: The encryption algorithm of phase one negotiation. Valid values: **aes**|**aes192**|**aes256**|**des**|**3des**. Default value: **aes**.\n-   **IkeConfig.IkeLifetime**: The SA lifecycle resulting from phase one negotiation. Value range: **0-86400**. Default value: **86400**. Unit: seconds.";
        let ex = extract(d, &Type::String, &[]);
        assert!(ex.constraints.is_empty(), "{:?}", ex.constraints);
        assert!(ex.not_understood.is_empty());
        // vpn/zh-CN/CreateVpnConnection.md `HealthCheckConfig` (undotted members with their own rules)
        let d = "健康检查配置信息：\n\n-   **enable**：是否开启健康检查，取值：**true**或**false**，默认值：**false**。\n-   **dip**：健康检查的目的IP地址。\n-   **sip**：健康检查的源IP地址。\n-   **interval**：健康检查的重试间隔时间。单位是秒。\n-   **retry**：健康检查的重试发包次数。";
        assert!(s(d).is_empty());
    }

    // ---- Defaults ------------------------------------------------------------------------

    #[test]
    fn default_phrasings() {
        // pvtz/zh-CN/DescribeChangeLogs.md `PageSize`
        assert_eq!(
            rules_of(
                "分页查询时设置的每页行数，最大值**100**，默认为**20**。",
                Type::Integer,
                &[]
            ),
            vec![default("20"), range(None, Some(100))]
        );
        // nat/en-US/CreateNatGateway.md `InstanceChargeType`
        let r = s("The billing method of the NAT gateway. Set the value to **PostPaid** (pay-as-you-go). The default value is **PostPaid**. For more information, see Pay-as-you-go.");
        assert_eq!(
            r,
            vec![
                Rule::Enum {
                    values: vec![ev("PostPaid", "")]
                },
                default("PostPaid")
            ]
        );
        // nat/en-US/ListNatGatewayEcsMetric.md `OrderKey`: plain literal
        assert_eq!(s("The field by which traffic monitoring data is sorted. Default value: ActiveSessionNum."), vec![default("ActiveSessionNum")]);
        // pvtz/zh-CN/UntagResources.md `All`: `默认是 false` before a true/false list
        assert_eq!(rules_of("是否全部删除，只针对TagKey.N为空时有效。默认是 false，取值范围：\n\n-   true\n-   false", Type::Boolean, &[]), vec![default("false")]);
        // ga/zh-CN/ListAcls.md `MaxResults`: a default under an "if empty" clause is a default
        let r = rules_of("本次读取的最大数据记录数量，此参数为可选参数，取值**1**~**100**，参数传入为空时，默认为**20**。", Type::Integer, &[]);
        assert_eq!(r, vec![range(Some(1), Some(100)), default("20")]);
    }

    #[test]
    fn default_behaviour_is_no_literal() {
        // vpn/zh-CN/CreateVpnGateway.md `Name`
        assert!(!s("VPN网关的名称，默认值为VPN网关的ID。")
            .iter()
            .any(|r| matches!(r, Rule::Default { .. })));
        // vpn/en-US/CreateVpnConnection.md (IkeConfig.LocalIdIPsec wording)
        assert!(
            !s("Default value: the public IP address of the VPN Gateway.")
                .iter()
                .any(|r| matches!(r, Rule::Default { .. }))
        );
    }

    // ---- Lengths -------------------------------------------------------------------------

    #[test]
    fn length_phrasings() {
        // nat/en-US/AddBandwidthPackageIps.md `ClientToken`
        assert_eq!(
            s("It must be 1 to 64 ASCII characters in length."),
            vec![len(Some(1), Some(64)), Rule::Ascii]
        );
        // nat/en-US/ModifySnatEntry.md `ClientToken`
        assert_eq!(
            s("It can contain up to 64 ASCII characters."),
            vec![len(None, Some(64)), Rule::Ascii]
        );
        // ga/en-US/CreateListener.md `ClientToken`
        assert_eq!(s("The token can contain only ASCII characters and cannot exceed 64 characters in length."), vec![len(None, Some(64)), Rule::Ascii]);
        // vpn/zh-CN/CreateIpsecServer.md `Psk`
        assert_eq!(s("长度限制为100个字符。"), vec![len(None, Some(100))]);
        // vpn/zh-CN/CreateVpnGateway.md `Name`
        assert!(
            s("长度为2~128个英文或中文字符，必须以大小写字母或中文开头。")
                .contains(&len(Some(2), Some(128)))
        );
        // nat/zh-CN/ModifyBandwidthPackageAttribute.md `Name`: `2-128` with a space
        assert!(
            s("NAT带宽包的名称。 长度为 2-128个字符，必须以字母或中文开头。")
                .contains(&len(Some(2), Some(128)))
        );
    }

    // ---- Ranges --------------------------------------------------------------------------

    #[test]
    fn range_phrasings() {
        let int = |d: &str| rules_of(d, Type::Integer, &[]);
        // nat/zh-CN/ModifyForwardEntry.md `ExternalPort` (typed String: still a range)
        assert_eq!(
            s("DNAT条目中进行端口转发的外部端口，取值范围：**1**~**65535**。"),
            vec![range(Some(1), Some(65535))]
        );
        // nat/en-US/DescribeForwardTableEntries.md `InternalPort`
        assert_eq!(s("The internal port that is mapped to the external port in the DNAT entry. Valid values: 1 to 65535."), vec![range(Some(1), Some(65535))]);
        // nat/zh-CN/CreateBandwidthPackage.md `Bandwidth`
        assert_eq!(
            int("NAT带宽包的带宽。\n\n取值范围：5-1000"),
            vec![range(Some(5), Some(1000))]
        );
        // ipv6gateway/en-US/AllocateIpv6InternetBandwidth.md: both bounds in one bold span
        assert_eq!(int("The amount of Internet bandwidth resources of the IPv6 address, in Mbit/s. Valid values: **1 to 5000**."), vec![range(Some(1), Some(5000))]);
        // pvtz/zh-CN/AddZoneRecord.md `Priority` and pvtz/zh-CN/UpdateZoneRecord.md (stray escapes)
        assert_eq!(
            int("MX记录的优先级，取值范围：**[1,99]**。"),
            vec![range(Some(1), Some(99))]
        );
        assert_eq!(
            int("MX记录的优先级，取值范围：**\\[1,10\\]**。"),
            vec![range(Some(1), Some(10))]
        );
        // pvtz/zh-CN/DescribeTags.md `PageSize`
        assert_eq!(
            int("分页数，默认为20。取值范围：`[1,200]`"),
            vec![default("20"), range(Some(1), Some(200))]
        );
        // nat/zh-CN/DescribeBandwidthPackages.md / eip/en-US/DescribeEipAddresses.md `PageSize`
        assert_eq!(
            int("分页查询时每页的行数，最大值为50，默认值为10。"),
            vec![default("10"), range(None, Some(50))]
        );
        assert_eq!(int("The number of entries to return on each page. Maximum value: **100**. Default value: **10**."), vec![range(None, Some(100)), default("10")]);
    }

    #[test]
    fn range_exclusive_bounds() {
        // No corpus request row states one; the brief's wording (`大于0` / `greater than 0`).
        let gt0 = Rule::Range {
            min: Some(Number::Int(0)),
            max: None,
            min_exclusive: true,
            max_exclusive: false,
        };
        assert_eq!(
            rules_of("带宽值，必须大于0。", Type::Integer, &[]),
            vec![gt0.clone()]
        );
        assert_eq!(
            rules_of("The value must be greater than 0.", Type::Integer, &[]),
            vec![gt0]
        );
        let r = rules_of(
            "The value must be greater than or equal to 1 and less than 10.",
            Type::Integer,
            &[],
        );
        assert_eq!(
            r,
            vec![Rule::Range {
                min: Some(Number::Int(1)),
                max: Some(Number::Int(10)),
                min_exclusive: false,
                max_exclusive: true
            }]
        );
    }

    #[test]
    fn conditional_ranges_are_united_over_one_sibling() {
        // eip/zh-CN/AllocateEipAddress.md `Period`
        let d = "购买时长。\n\n当**PricingCycle**取值**Month**时，**Period**取值范围为**1**~**9**。\n\n当**PricingCycle**取值**Year**时，**Period**取值范围为**1**~**5**。\n\n如果**InstanceChargeType**参数的值为**PrePaid**时，该参数必选，如果**InstanceChargeType**参数的值为**PostPaid**时，该参数不填。";
        let ex = extract(d, &Type::Integer, &["PricingCycle", "InstanceChargeType"]);
        let r: Vec<Rule> = ex.constraints.iter().map(|c| c.rule.clone()).collect();
        assert!(r.contains(&range(Some(1), Some(9))), "{r:?}");
        assert!(r.contains(&relation(
            RelationKind::RequiredWhen,
            "InstanceChargeType",
            Some("PrePaid")
        )));
        assert!(ex.not_understood.is_empty(), "{:?}", ex.not_understood);
        // A single branch proves nothing about the other cases.
        assert!(rules_of(
            "当**PricingCycle**取值**Month**时，**Period**取值范围为**1**~**9**。",
            Type::Integer,
            &["PricingCycle"]
        )
        .is_empty());
    }

    // ---- Forbidden values and prefixes ---------------------------------------------------

    #[test]
    fn forbidden_ports_as_separate_bold_values() {
        // vpn/zh-CN/ModifySslVpnServer.md `Port`
        let r = rules_of("SSL-VPN服务端所使用的端口，默认值为**1194**。 不能用使用以下端口：\n\n**22**、**2222**、**22222**、**9000**、**9001**、**9002**、**7505**、**80**、**443**、**53**、**68**、**123**、**4510**、**4560**、**500**、**4500**。", Type::Integer, &[]);
        assert_eq!(
            r[1],
            Rule::Forbidden {
                values: PORTS.iter().map(|p| p.to_string()).collect()
            }
        );
    }

    #[test]
    fn empty_string_is_a_minimum_length() {
        // vpn/zh-CN/TagResources.md `Tag.N.Key`
        let r = s("资源的标签键。N的取值范围：1~20。一旦传入该值，则不允许为空字符串。最多支持64个字符，必须以字母或中文开头，可包含数字、英文句点（.）、下划线（_）和短划线（-），不能以`aliyun`和`acs:`开头，不能包含`http://`或者`https://`。");
        assert_eq!(r[0], items(Some(1), Some(20)));
        assert!(r.contains(&len(Some(1), None)));
        assert!(r.contains(&len(None, Some(64))));
        assert!(r.contains(&no_prefix(&["aliyun", "acs:"])));
        // `不能包含` is reported as a prefix rule (see the module notes).
        assert!(r.contains(&no_prefix(&["http://", "https://"])));
    }

    #[test]
    fn prefix_forbidden_phrasings() {
        // nat/en-US/CreateNatGateway.md `Description`
        assert_eq!(s("The description must be 2 to 256 characters in length, and cannot start with `http://` or `https://`."), vec![len(Some(2), Some(256)), no_prefix(&["http://", "https://"])]);
        // ipv6gateway/zh-CN/CreateIpv6Gateway.md `Name`: plain prefixes, no backticks
        assert!(s("长度为2-128个字符，必须以字母或中文开头，可包含数字、点号(.)、下划线(_)和短橫线(-)。但不能以 http:// 或 https:// 开头。").contains(&no_prefix(&["http://", "https://"])));
        // nat/zh-CN/CreateNatGateway.md `Description`: `和` between the two
        assert!(
            s("描述长度为2~256个字符之间，不能以`http://`和`https://`开头。")
                .contains(&no_prefix(&["http://", "https://"]))
        );
    }

    // ---- Character classes -------------------------------------------------------------

    #[test]
    fn chars_path_with_first_slash_and_wildcards() {
        // ga/zh-CN/CreateForwardingRules.md `Values` (path)
        let r = s("路径长度为1~128个字符，必须以正斜线（/）开头，只允许包含字母、数字、美元符号（$）、短划线（-）、下划线（_）、半角句号（.）、加号（+）、正斜线（/）、and（&）、波浪线（~）、at（@）、半角冒号（:）、撇号（'），支持使用星号（*）和半角问号（?）作为通配符。");
        let allowed = vec![
            Char('/'),
            Letter,
            Digit,
            Char('$'),
            Char('-'),
            Char('_'),
            Char('.'),
            Char('+'),
            Char('&'),
            Char('~'),
            Char('@'),
            Char(':'),
            Char('\''),
            Char('*'),
            Char('?'),
        ];
        assert!(
            r.contains(&Rule::Chars {
                first: vec![Char('/')],
                allowed
            }),
            "{r:?}"
        );
        // ga/en-US/CreateForwardingRules.md (domain name): no first-char rule
        let r = s("The domain name must be 3 to 128 characters in length and can contain letters, digits, hyphens (-), and periods (.).Supported wildcard characters are asterisks (*) and question marks (?).");
        assert!(
            r.contains(&Rule::Chars {
                first: vec![],
                allowed: vec![Letter, Digit, Char('-'), Char('.'), Char('*'), Char('?')]
            }),
            "{r:?}"
        );
    }

    #[test]
    fn chars_first_only_and_cjk_addition() {
        // nat/zh-CN/CreateSnatEntry.md `SnatEntryName`: first-char rule, anything after
        let r = s(
            "长度为2~128个字符，必须以大小写字母或中文开头，但不能以`http://`或`https://`开头。",
        );
        assert!(r.contains(&Rule::Chars {
            first: vec![Letter, Cjk],
            allowed: vec![]
        }));
        // ga/zh-CN/CreateAcl.md `AclEntries.N.EntryDescription`: `支持中文字符`
        let r = s("访问控制条目备注描述，长度限制为1~256个字符，允许包含字母、数字、短划线（-）、正斜线（/）、半角句号（.）和下划线（_），支持中文字符。");
        assert!(
            r.contains(&Rule::Chars {
                first: vec![],
                allowed: vec![
                    Letter,
                    Digit,
                    Char('-'),
                    Char('/'),
                    Char('.'),
                    Char('_'),
                    Cjk
                ]
            }),
            "{r:?}"
        );
        // vpn/zh-CN/CreateIpsecServer.md `IpSecServerName`: `以…开始`
        assert!(s(
            "名称长度为2~128个字符，以英文字母或中文开始，可包含数字、短划线（-）和下划线（_）。"
        )
        .contains(&Rule::Chars {
            first: vec![Letter, Cjk],
            allowed: vec![Letter, Cjk, Digit, Char('-'), Char('_')]
        }));
    }

    // ---- Formats -------------------------------------------------------------------------

    #[test]
    fn format_time_layouts() {
        // eip/zh-CN/DescribeEipMonitorData.md `EndTime`
        let r = s("获取数据的结束时间。使用UTC时间。按照ISO8601标准，格式为`YYYY-MM-DDThh:mm:ssZ`。例如，北京时间2013年01月10日20点00分00秒，表示为`2013-01-10T12:00:00Z`。");
        assert_eq!(r, vec![format("datetime", Some("YYYY-MM-DDThh:mm:ssZ"))]);
        // eip/en-US/DescribeEipMonitorData.md `StartTime`
        let r = s("The beginning of the time range to query. The time must be in UTC. Specify the time in the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2013-01-10T12:00:00Z, which specifies 20:00:00 on January 10, 2013 (UTC+8).");
        assert_eq!(r, vec![format("datetime", Some("yyyy-MM-ddTHH:mm:ssZ"))]);
        assert_eq!(
            s("日期，格式为YYYY-MM-DD。"),
            vec![format("date", Some("YYYY-MM-DD"))]
        );
    }

    #[test]
    fn format_ip_addresses_from_the_head_noun() {
        // vpn/zh-CN/CreateCustomerGateway.md `IpAddress`, ipv6gateway/*/DescribeIpv6Addresses.md
        assert_eq!(s("用户网关的IP地址。"), vec![format("ip", None)]);
        assert_eq!(s("要查询的IPv6地址。"), vec![format("ipv6", None)]);
        assert_eq!(
            s("The IPv6 address that you want to query."),
            vec![format("ipv6", None)]
        );
        // eip/en-US/ListIpGeolocations.md `Ipv4Prefix`
        assert_eq!(
            s("The IPv4 CIDR block that you want to query.\n\nExample: `203.0.XX.XX/24`."),
            vec![format("cidr", None)]
        );
        // Not the value itself: ga/en-US/CreateEndpointGroup.md, ipv6gateway/zh-CN/AllocateIpv6InternetBandwidth.md
        assert!(s("The IP address or domain name of the endpoint.").is_empty());
        assert!(s("IPv6地址的实例ID。").is_empty());
        // nat/en-US/CreateSnatEntry.md `SourceCIDR`: a CIDR block or an IP address
        assert!(
            s("The CIDR block of the vSwitch or the IP address of the ECS instance.").is_empty()
        );
        // Only strings get a head-noun format.
        assert!(rules_of("用户网关的IP地址。", Type::Integer, &[]).is_empty());
    }

    #[test]
    fn format_json() {
        // No corpus request row; the brief's wording.
        assert_eq!(s("规则配置，JSON格式。"), vec![format("json", None)]);
        assert_eq!(
            s("The rule configuration, as a JSON string."),
            vec![format("json", None)]
        );
    }

    // ---- Items and multi-value strings ---------------------------------------------------

    #[test]
    fn items_phrasings() {
        let rl = Type::Other("RepeatList".to_string());
        // vpn/zh-CN/TagResources.md `ResourceId.N`
        assert_eq!(
            rules_of("资源ID，N的取值范围为**1**~**20**。", rl.clone(), &[]),
            vec![items(Some(1), Some(20))]
        );
        // vpn/en-US/ListTagResources.md `ResourceId.N`
        assert_eq!(
            rules_of(
                "The ID of resource N. Valid values of N: **1** to **20**.",
                rl.clone(),
                &[]
            ),
            vec![items(Some(1), Some(20))]
        );
        // nat/en-US/RemoveBandwidthPackageIps.md, nat/zh-CN/RemoveBandwidthPackageIps.md
        assert_eq!(
            rules_of(
                "The ID of the public IP address to be deleted. Value range of n: 1 to 20.",
                rl.clone(),
                &[]
            ),
            vec![items(Some(1), Some(20))]
        );
        assert_eq!(
            rules_of(
                "待删除的公网IP的ID。n必须从1开始，最大为20。",
                rl.clone(),
                &[]
            ),
            vec![items(Some(1), Some(20))]
        );
        // pvtz/zh-CN/TagResources.md `ResourceId.N`
        assert_eq!(
            rules_of(
                "资源ID，即ZoneId。可传入内容数量的取值范围为 `[1, 50]`",
                rl,
                &[]
            ),
            vec![items(Some(1), Some(50))]
        );
        // ga/zh-CN/AssociateAclsWithListener.md `AclIds.N`
        assert_eq!(
            s("ACL实例ID，最多支持关联3个ACL实例ID。"),
            vec![items(None, Some(3))]
        );
    }

    #[test]
    fn multi_value_with_max_count() {
        // ipv6gateway/en-US/DescribeIpv6Addresses.md `Ipv6AddressId`
        let r = s("The ID of the IPv6 address. You can specify up to 20 IDs in each call. Separate multiple IDs with commas (,).");
        assert_eq!(
            r,
            vec![Rule::MultiValue {
                separator: ",".to_string(),
                max: Some(20)
            }]
        );
        // eip/zh-CN/DescribeEipAddresses.md `EipAddress`
        let r = s(
            "要查询的EIP的IP地址。\n\n最多支持输入50个EIP的IP地址，IP地址之间用半角逗号（,）分隔。",
        );
        assert_eq!(
            r,
            vec![
                format("ip", None),
                Rule::MultiValue {
                    separator: ",".to_string(),
                    max: Some(50)
                }
            ]
        );
        // vpn/zh-CN/CreateVpnConnection.md `LocalSubnet`
        let r = s("本端网段。\n\n需要和本地IDC互连的VPC侧的网段，用于第二阶段协商。\n\n多个网段之间用半角逗号（,）分隔，例如：192.168.1.0/24,192.168.2.0/24。");
        assert_eq!(
            r,
            vec![
                format("cidr", None),
                Rule::MultiValue {
                    separator: ",".to_string(),
                    max: None
                }
            ]
        );
    }

    // ---- Relations -----------------------------------------------------------------------

    #[test]
    fn relation_mutual_exclusion() {
        // nat/zh-CN/CreateSnatEntry.md `SourceCIDR`
        let d = "此参数和**SourceVSwtichId**参数互斥，不能同时出现。如果指定了**SourceVSwitchId**，则不能指定**SourceCIDR**参数。";
        assert_eq!(
            rules_of(d, Type::String, &["SourceVSwitchId", "SnatTableId"]),
            vec![relation(
                RelationKind::MutuallyExclusive,
                "SourceVSwitchId",
                None
            )]
        );
        // nat/en-US/CreateSnatEntry.md: the misspelt name still matches the sibling
        let d =
            "This parameter and the **SourceVSwtichId** parameter cannot be set at the same time.";
        assert_eq!(
            rules_of(d, Type::String, &["SourceVSwitchId"]),
            vec![relation(
                RelationKind::MutuallyExclusive,
                "SourceVSwitchId",
                None
            )]
        );
        // eip/zh-CN/AllocateEipAddressPro.md `IpAddress`
        let d = "**IpAddress**和**InstanceId**参数仅需传入一个，如果都不传，系统会随机申请EIP。";
        assert_eq!(
            rules_of(d, Type::String, &["InstanceId"]),
            vec![relation(
                RelationKind::MutuallyExclusive,
                "InstanceId",
                None
            )]
        );
    }

    #[test]
    fn relation_required_when() {
        // eip/zh-CN/AllocateEipAddress.md `AutoPay`: the second clause says "not required"
        let d = "当**InstanceChargeType**参数的值为**PrePaid**时，该参数必选；当**InstanceChargeType**参数的值为**PostPaid**时，该参数可不填。";
        assert_eq!(
            rules_of(d, Type::Boolean, &["InstanceChargeType"]),
            vec![relation(
                RelationKind::RequiredWhen,
                "InstanceChargeType",
                Some("PrePaid")
            )]
        );
        // eip/en-US/AllocateEipAddress.md `PricingCycle`
        let d = "This parameter is required if **InstanceChargeType** is set to **PrePaid**. This parameter is not required if **InstanceChargeType** is set to **PostPaid**.";
        assert_eq!(
            rules_of(d, Type::String, &["InstanceChargeType"]),
            vec![relation(
                RelationKind::RequiredWhen,
                "InstanceChargeType",
                Some("PrePaid")
            )]
        );
        // pvtz/zh-CN/AddUserVpcAuthorization.md `AuthCode`: value in typographic quotes
        let d = "验证码，AuthChannel取”AUTH_CODE“或传空时为必传。";
        assert_eq!(
            rules_of(d, Type::String, &["AuthChannel"]),
            vec![relation(
                RelationKind::RequiredWhen,
                "AuthChannel",
                Some("AUTH_CODE")
            )]
        );
    }

    #[test]
    fn takes_effect_only_is_not_required() {
        // ga/zh-CN/CreateAccelerator.md `AutoUseCoupon`, ga/en-US/CreateAccelerator.md
        let ex = extract(
            "**说明：** 仅**AutoPay**为**true**时，该项才生效。",
            &Type::String,
            &["AutoPay"],
        );
        assert!(ex.constraints.is_empty());
        assert_eq!(
            ex.not_understood,
            ["仅**AutoPay**为**true**时，该项才生效。"]
        );
        assert!(rules_of(
            "**Note:** Only if **AutoPay**is set to **true**, this parameter is available.",
            Type::String,
            &["AutoPay"]
        )
        .is_empty());
    }

    // ---- Phrasings listed in the brief that the corpus request tables do not use ----------

    #[test]
    fn brief_phrasings_without_corpus_rows() {
        assert_eq!(
            s("It can be up to 256 characters in length."),
            vec![len(None, Some(256))]
        );
        assert_eq!(
            s("The key must be 8 characters in length."),
            vec![len(Some(8), Some(8))]
        );
        assert_eq!(s("长度为8个字符。"), vec![len(Some(8), Some(8))]);
        let int = |d: &str| rules_of(d, Type::Integer, &[]);
        assert_eq!(
            int("Minimum value: **1**. Maximum value: **50**."),
            vec![range(Some(1), None), range(None, Some(50))]
        );
        assert_eq!(
            int("最小值为1，最大值为50。"),
            vec![range(Some(1), Some(50))]
        );
        assert_eq!(
            int("The value cannot be **0**."),
            vec![Rule::Forbidden {
                values: vec!["0".to_string()]
            }]
        );
        assert_eq!(
            s("It cannot start with http:// or https://."),
            vec![no_prefix(&["http://", "https://"])]
        );
        assert_eq!(
            s("只能包含字母和数字。"),
            vec![Rule::Chars {
                first: vec![],
                allowed: vec![Letter, Digit]
            }]
        );
        assert_eq!(
            s("The name must start with a letter."),
            vec![Rule::Chars {
                first: vec![Letter],
                allowed: vec![]
            }]
        );
        // ipv6gateway/zh-CN/DescribeIpv6Addresses.md `Ipv6AddressId`
        assert_eq!(
            s("IPv6地址实例的ID。每次调用最多可以输入20个实例ID，以逗号分隔。"),
            vec![Rule::MultiValue {
                separator: ",".to_string(),
                max: Some(20)
            }]
        );
    }

    #[test]
    fn brief_relation_phrasings() {
        let sib = ["VSwitchId", "InstanceChargeType"];
        let me = vec![relation(RelationKind::MutuallyExclusive, "VSwitchId", None)];
        assert_eq!(
            rules_of(
                "This parameter cannot be specified together with **VSwitchId**.",
                Type::String,
                &sib
            ),
            me
        );
        assert_eq!(
            rules_of("不能同时指定该参数和**VSwitchId**。", Type::String, &sib),
            me
        );
        let req = vec![relation(RelationKind::Requires, "VSwitchId", None)];
        assert_eq!(
            rules_of(
                "If you set this parameter, you must also set **VSwitchId**.",
                Type::String,
                &sib
            ),
            req
        );
        let when = vec![relation(
            RelationKind::RequiredWhen,
            "InstanceChargeType",
            Some("PrePaid"),
        )];
        assert_eq!(
            rules_of(
                "This parameter is required when **InstanceChargeType** is set to **PrePaid**.",
                Type::String,
                &sib
            ),
            when
        );
        assert!(rules_of(
            "This parameter takes effect only when **InstanceChargeType** is set to **PrePaid**.",
            Type::String,
            &sib
        )
        .is_empty());
        // A name must be a whole word: `VSwitchIds` is not `VSwitchId`.
        assert!(rules_of(
            "This parameter cannot be specified together with **VSwitchIds**.",
            Type::String,
            &["VSwitchId"]
        )
        .is_empty());
    }

    // ---- Bookkeeping and robustness --------------------------------------------------------

    #[test]
    fn understood_and_not_understood_sentences() {
        // ga/zh-CN/CreateEndpointGroup.md `EndpointConfigurations.N.Weight`
        let ex = extract("终端节点的权重。\n\n取值范围：**0**~**255**。\n\n**说明：** 如果某个终端节点的权重设置为0，全球加速将终止向该终端节点分发流量，请您谨慎操作。", &Type::Integer, &[]);
        assert_eq!(ex.understood, 1);
        assert_eq!(ex.constraints[0].source, "取值范围：**0**~**255**。");
        assert_eq!(
            ex.not_understood,
            ["如果某个终端节点的权重设置为0，全球加速将终止向该终端节点分发流量，请您谨慎操作。"]
        );
    }

    #[test]
    fn rule_like_sentences() {
        for yes in [
            "仅国密型VPN网关支持绑定证书。",
            "只支持单个NAT网关实例查询。",
            "端口映射中的监听端口必须与当前监听实例的监听端口一致。",
            "创建预付费的EIP实例时，不支持设置该参数。",
            "You can query only a single NAT gateway.",
            "The token can contain only ASCII characters and cannot exceed 64 characters in length.",
            "Valid values: **0**|**100**.",
            "取值范围：1~20",
            "It must belong to the CIDR block of the virtual private cloud (VPC) where the NAT gateway is deployed.",
            "A maximum of 200 monitoring data entries are returned.",
        ] {
            assert!(is_rule_like(yes), "{yes}");
        }
        for no in [
            "VPN网关的ID。",
            "The ID of the egress-only rule that you want to delete.",
            "仅主动出条目的名称。",
            "是否只预检此次请求，取值：",
            "Specifies whether to precheck only this request.",
            "例如：192.168.1.0/24,192.168.2.0/24。",
            "The maximum bandwidth of the EIP.",
            "您可以通过调用DescribeRegions接口获取地域ID。",
            "",
        ] {
            assert!(!is_rule_like(no), "{no}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        // A tiny deterministic generator over the characters the scanners care about.
        let alphabet: Vec<char> =
            "**`\\-~～:：(（)）,，、。;.|[]0129aZ取值默认长度字符以开头不能 \n\u{a0}\"”或和toand"
                .chars()
                .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            for k in 0..n {
                let x =
                    seed.rotate_left(k as u32 * 7) ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            for ty in [Type::String, Type::Boolean, Type::Integer] {
                let _ = extract(&s, &ty, &["LocalSubnet", "X"]);
            }
            let _ = is_rule_like(&s);
        }
        for odd in [
            "**",
            "`",
            "-",
            "-   ",
            "**说明：**",
            "取值：",
            "取值：\n\n-",
            "1~",
            "[1,",
            "（",
            "时，",
            "当",
            "If",
            "\u{a0}",
        ] {
            let _ = extract(odd, &Type::String, &[]);
        }
    }
}
