//! The vocabulary of the extractor: every phrase it keys on, per language, as data.
//!
//! A maintainer who meets a new wording adds it to `zh.rs` or `en.rs`, in the field named
//! after what it announces (the compiler makes both languages fill every field), and adds the
//! sentence to `generator/tests/constraint_cases/<lang>/<kind>.txt`. A detector changes only
//! when a sentence has a new *shape*.
//!
//! All phrases are written folded (lower-case, ASCII punctuation); spaces are optional when
//! matching. Detectors read the tables below, which join both languages (and the
//! language-neutral marks) in one list per field.

mod en;
mod relations;
mod zh;

pub(crate) use relations::*;

use std::sync::LazyLock;

use crate::parse::constraints::{Bound, Cls};

/// The phrase tables of one language.
pub(crate) struct Lexicon {
    pub(crate) value_intros: &'static [&'static str],
    /// `仅支持 X` only counts when the values are marked (bold/code): `只支持ASCII字符` is no list.
    pub(crate) only_intros: &'static [&'static str],
    /// English intros of the number of items of a list (`Valid values of N: 1 to 20`).
    pub(crate) item_intros: &'static [&'static str],
    pub(crate) default_intros: &'static [&'static str],
    /// Markers after a list value saying it is the default.
    pub(crate) default_marks: &'static [&'static str],
    /// Separators between the values of an inline list (longest alternatives first).
    pub(crate) list_separators: &'static [&'static str],
    /// Connectors of a numeric range.
    pub(crate) range_separators: &'static [&'static str],
    /// Sentence openings that make everything after them conditional.
    pub(crate) condition_starts: &'static [&'static str],
    pub(crate) example_starts: &'static [&'static str],
    /// Boolean questions (`是否…`, `Specifies whether…`) describe a switch, never a rule.
    pub(crate) question_starts: &'static [&'static str],
    pub(crate) modal_words: &'static [&'static str],
    /// Fixed terms holding a modal word that states no rule.
    pub(crate) terms: &'static [&'static str],
    /// Words that may sit between a number and `字符`/`characters` in a length rule.
    pub(crate) length_fillers: &'static [&'static str],
    pub(crate) length_max: &'static [&'static str],
    pub(crate) length_min: &'static [&'static str],
    pub(crate) length_exact: &'static [&'static str],
    /// Numeric bounds: phrase and the kind of bound it introduces.
    pub(crate) bounds: &'static [(&'static str, Bound)],
    /// Character-class words, longest alternatives first.
    pub(crate) class_words: &'static [(&'static str, Cls)],
    /// Words of a list intro that announce values (`取值：`, `Valid values:`, `以下…：`).
    pub(crate) enum_intro_words: &'static [&'static str],
    /// Inside a bullet, these mean the bullet documents a sub-field with its own rules.
    pub(crate) subrule_words: &'static [&'static str],
    /// Intro words of a list of JSON members / configuration fields.
    pub(crate) config_words: &'static [&'static str],
    pub(crate) note_words: &'static [&'static str],
    /// Words saying the value is JSON-encoded (`JSON格式`, `a JSON array`).
    pub(crate) json_words: &'static [&'static str],
    /// Words that open a clause after a value (`X, which indicates …`): the list ends there.
    pub(crate) clause_words: &'static [&'static str],
    /// A value that must be a multiple of a step (`60的整数倍`): no list or range states it.
    pub(crate) multiple_words: &'static [&'static str],
    /// `format` cron: the value is a cron expression.
    pub(crate) cron_words: &'static [&'static str],
    /// Negation in a relation sentence (`不能`, `cannot`).
    pub(crate) relation_negation: &'static [&'static str],
    /// `no_overlap`: with a negation, two blocks that must not overlap.
    pub(crate) overlap_words: &'static [&'static str],
    /// `mutually_exclusive`: the parameters cannot be set together.
    pub(crate) exclusive_words: &'static [&'static str],
    /// `at_least_one_of`: one of the parameters must be set.
    pub(crate) at_least_one_words: &'static [&'static str],
    /// `requires`: setting this parameter needs the other one too.
    pub(crate) requires_words: &'static [&'static str],
    /// `required_when`: the marker that this parameter is then required.
    pub(crate) required_words: &'static [&'static str],
    /// `applies_when` (documentation only): the parameter takes effect only under a condition.
    pub(crate) applies_words: &'static [&'static str],
    /// `not_empty`: the value must not be empty (`不允许为空字符串`, `cannot be an empty string`).
    pub(crate) not_empty: &'static [&'static str],
    /// `not_empty`, weaker (`不能为空`, `cannot be empty`): only said of a value, else "required".
    pub(crate) not_empty_weak: &'static [&'static str],
    /// The subject words that make a weak `not_empty` phrase about the value (`取值`, `value`).
    pub(crate) value_subjects: &'static [&'static str],
    /// A second subject may be empty (`可以为空`): the sentence contrasts two parameters.
    pub(crate) empty_allowed: &'static [&'static str],
    /// `forbidden_substrings`: text the value must not contain (`不能包含`, `cannot contain`).
    pub(crate) contain_forbidden: &'static [&'static str],
    /// `ordered`: this parameter must be later than (or not smaller than) the one named next.
    pub(crate) later: &'static [&'static str],
    /// `ordered` phrases that also bound numbers (`大于`): only with a parameter name after them.
    pub(crate) later_needs_name: &'static [&'static str],
    /// Articles dropped before a role (`the start time`).
    pub(crate) role_articles: &'static [&'static str],
    /// `ordered.max_span_secs`: the largest span (`时间跨度最大为`, `maximum time range is`).
    pub(crate) span: &'static [&'static str],
    /// Time units of a span, in seconds.
    pub(crate) span_units: &'static [(&'static str, u64)],
    /// `required_when` with this parameter's name (`{}` is the name): `{} is required`.
    pub(crate) required_self: &'static [&'static str],
    /// `required_when`, negated with no value: words before the other name (`不指定X`).
    pub(crate) not_set_before: &'static [&'static str],
    /// `required_when`, negated with no value: words after the other name (`X is not set`).
    pub(crate) not_set_after: &'static [&'static str],
    /// `required_when`, negated with a value (`X is not Y`, `X不为Y`).
    pub(crate) not_equal: &'static [&'static str],
    /// Before an unmarked value of a condition (`X is set to on`, `X为on`).
    pub(crate) condition_value_intros: &'static [&'static str],
    /// Joins two conditions that must both hold (`and`, `且`).
    pub(crate) condition_and: &'static [&'static str],
    /// `mutually_exclusive` as `Set **A** or **B**.`: the opening word and the joining word.
    pub(crate) either_starts: &'static [&'static str],
    pub(crate) either_joins: &'static [&'static str],
}

const LIST_SEPS_MARKS: &[&str] = &[",", "|"];
const RANGE_SEPS_MARKS: &[&str] = &["~", "-"];

/// The languages the extractor reads, in the order their phrases are tried.
const LANGUAGES: [&Lexicon; 2] = [&zh::ZH, &en::EN];

fn joined<T: Clone>(marks: &[T], field: fn(&Lexicon) -> &'static [T]) -> Vec<T> {
    let mut out = marks.to_vec();
    for lexicon in LANGUAGES {
        out.extend_from_slice(field(lexicon));
    }
    out
}

pub(crate) static VALUE_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.value_intros));
pub(crate) static ONLY_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.only_intros));
pub(crate) static ITEM_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.item_intros));
pub(crate) static DEFAULT_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_intros));
pub(crate) static DEFAULT_MARKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_marks));
pub(crate) static LIST_SEPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(LIST_SEPS_MARKS, |l| l.list_separators));
pub(crate) static RANGE_SEPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(RANGE_SEPS_MARKS, |l| l.range_separators));
pub(crate) static COND_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_starts));
pub(crate) static EXAMPLE_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.example_starts));
pub(crate) static QUESTION_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.question_starts));
pub(crate) static MODAL_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.modal_words));
pub(crate) static TERMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| joined(&[], |l| l.terms));
pub(crate) static LEN_FILLER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_fillers));
pub(crate) static LEN_MAX: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_max));
pub(crate) static LEN_MIN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_min));
pub(crate) static LEN_EXACT: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_exact));
pub(crate) static BOUNDS: LazyLock<Vec<(&'static str, Bound)>> =
    LazyLock::new(|| joined(&[], |l| l.bounds));
pub(crate) static CLASS_WORDS: LazyLock<Vec<(&'static str, Cls)>> =
    LazyLock::new(|| joined(&[], |l| l.class_words));
pub(crate) static ENUM_INTRO_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.enum_intro_words));
pub(crate) static SUBRULE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.subrule_words));
pub(crate) static CONFIG_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.config_words));
pub(crate) static NOTE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.note_words));
pub(crate) static JSON_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.json_words));
pub(crate) static CLAUSE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.clause_words));
pub(crate) static MULTIPLE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.multiple_words));
pub(crate) static RELATION_NEGATION: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.relation_negation));
pub(crate) static OVERLAP_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.overlap_words));
pub(crate) static EXCLUSIVE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.exclusive_words));
pub(crate) static AT_LEAST_ONE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.at_least_one_words));
pub(crate) static REQUIRES_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.requires_words));
pub(crate) static REQUIRED_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.required_words));
pub(crate) static APPLIES_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.applies_words));
pub(crate) static CRON_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.cron_words));
pub(crate) static NOT_EMPTY_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_empty));
pub(crate) static NOT_EMPTY_WEAK: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_empty_weak));
pub(crate) static VALUE_SUBJECTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.value_subjects));
pub(crate) static EMPTY_ALLOWED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.empty_allowed));
pub(crate) static CONTAIN_FORBIDDEN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.contain_forbidden));
pub(crate) static LATER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.later));
pub(crate) static LATER_NEEDS_NAME: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.later_needs_name));
pub(crate) static ROLE_ARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.role_articles));
pub(crate) static SPAN_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.span));
pub(crate) static REQUIRED_SELF: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.required_self));
pub(crate) static NOT_SET_BEFORE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_set_before));
pub(crate) static NOT_SET_AFTER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_set_after));
pub(crate) static NOT_EQUAL_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_equal));
pub(crate) static CONDITION_AND: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_and));
pub(crate) static EITHER_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.either_starts));
pub(crate) static EITHER_JOINS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.either_joins));
pub(crate) static SPAN_UNITS: LazyLock<Vec<(&'static str, u64)>> =
    LazyLock::new(|| joined(&[], |l| l.span_units));
pub(crate) static CONDITION_VALUE_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_value_intros));
