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
    /// Default intros that count only before a marked value (`默认**ManualRenewal**`): plain
    /// words after them describe a behaviour (`默认开启`).
    pub(crate) default_marked_intros: &'static [&'static str],
    /// A default stated as the empty string in words (`默认为空字符串`).
    pub(crate) empty_string_words: &'static [&'static str],
    /// A numeric value's lower bound stated as the kind of number (`非负整数`: 0,
    /// `正整数`: 1).
    pub(crate) number_kinds: &'static [(&'static str, i64)],
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
    /// `不超过3000`, `cannot exceed 100`: an upper bound that as often limits something else
    /// the sentence names (a count, a time difference), so it is read only on a numeric
    /// parameter, before the clause ends, when the doc states no range of its own.
    pub(crate) exceed_bounds: &'static [&'static str],
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
    /// Before an unmarked value of a condition only when it looks like a wire value rather
    /// than a word (`when sourceType is OSS`, not `when X is specified`).
    pub(crate) condition_value_intros_weak: &'static [&'static str],
    /// Joins two conditions that must both hold (`and`, `且`).
    pub(crate) condition_and: &'static [&'static str],
    /// A relation marker followed by these is no marker (`must be set to the specified value`).
    pub(crate) marker_not_before: &'static [&'static str],
    /// `mutually_exclusive` as `Set **A** or **B**.`: the opening word and the joining word.
    pub(crate) either_starts: &'static [&'static str],
    pub(crate) either_joins: &'static [&'static str],
    /// A sentence saying the value just allowed is the default (`该值为默认值`).
    pub(crate) default_sentence_starts: &'static [&'static str],
    /// Words in a value bullet saying it is the default (`默认不填`).
    pub(crate) default_item_words: &'static [&'static str],
    /// Words that, right before a default intro, make it the state a resource takes after an
    /// event, not the parameter's default (`应用创建后默认为**Normal**`: after creation).
    pub(crate) default_event_ends: &'static [&'static str],
    /// Bullets naming one setting of this parameter (`取值为**X**时`, `If the value is`).
    pub(crate) own_value_sets: &'static [&'static str],
    /// Bullets about leaving this parameter empty (`不传时`, `left empty`).
    pub(crate) own_value_empty: &'static [&'static str],
    /// Openings that look like a condition but are none (`当前`, "current").
    pub(crate) not_condition_starts: &'static [&'static str],
    /// The end of a condition clause inside a sentence (`…时，`).
    pub(crate) condition_clause_ends: &'static [&'static str],
    /// A condition about leaving the value empty states a default (`为空`, `不传`).
    pub(crate) empty_clause_words: &'static [&'static str],
    /// Words of a condition clause on a value (`为`, `取值`, `设置`).
    pub(crate) condition_setting_words: &'static [&'static str],
    /// Extra intros of a conditional consequence (`can be set from`, `范围为`).
    pub(crate) branch_intros: &'static [&'static str],
    /// Branch intros that only introduce numbers (`为`).
    pub(crate) numeric_only_intros: &'static [&'static str],
    /// A list size under a condition (`可输入50个`, `up to 50`).
    pub(crate) branch_count_intros: &'static [&'static str],
    /// Before `以…开头`: the start is forbidden, not required (`不能以`).
    pub(crate) first_negations: &'static [&'static str],
    /// The end of `以X开头`.
    pub(crate) start_ends: &'static [&'static str],
    /// `chars`: the classes every character may be in follow (`可包含`, `can contain`).
    pub(crate) contain_only: &'static [&'static str],
    /// Classes too vague to check (`英文字符` may or may not include digits): a list of
    /// allowed classes naming one is not read, since a guess would reject valid names.
    pub(crate) vague_class_words: &'static [&'static str],
    /// Before a `contain` phrase: it is negated (`不可包含`).
    pub(crate) contain_negation: &'static [&'static str],
    /// Words that end a list of allowed classes (`但`, `but`).
    pub(crate) class_list_ends: &'static [&'static str],
    /// Classes allowed in a separate statement (`支持使用`, `wildcard characters are`).
    pub(crate) class_additions: &'static [&'static str],
    /// The end of such a statement (`作为通配符`).
    pub(crate) class_addition_ends: &'static [&'static str],
    /// Chinese characters are allowed too (`支持中文`).
    pub(crate) cjk_allowed: &'static [&'static str],
    /// `forbidden`: a list of values follows (`以下`, `following`).
    pub(crate) forbidden_list_words: &'static [&'static str],
    /// `forbidden`: the listed values are not allowed (`不支持`, `reserved`).
    pub(crate) forbidden_negations: &'static [&'static str],
    /// `forbidden`: one value follows (`不能为`, `cannot be`).
    pub(crate) forbidden_value_intros: &'static [&'static str],
    /// `prefix_forbidden` (zh): `不能以X开头`.
    pub(crate) prefix_intros: &'static [&'static str],
    /// `format` datetime: the time is in UTC (`使用UTC`, `in UTC`).
    pub(crate) utc_words: &'static [&'static str],
    /// `format` cidr: `CIDR格式`, `in CIDR format`.
    pub(crate) cidr_words: &'static [&'static str],
    /// (zh) A first clause ending so is a CIDR block (`网段`).
    pub(crate) head_cidr_suffixes: &'static [&'static str],
    /// (zh) … unless it also allows an address (`IP地址或网段`).
    pub(crate) head_cidr_alternatives: &'static [&'static str],
    /// (zh) A first clause naming a domain is no address (`域名`).
    pub(crate) head_not_address: &'static [&'static str],
    /// (zh) A first clause ending so is an IP address: suffix and format.
    pub(crate) head_address_suffixes: &'static [(&'static str, &'static str)],
    /// `items`: the unit word after a count (`个`).
    pub(crate) count_units: &'static [&'static str],
    /// `items`: after the unit, a length instead (`个字符`).
    pub(crate) count_not_units: &'static [&'static str],
    /// `items`: a largest count (`最多`).
    pub(crate) count_max: &'static [&'static str],
    /// `length`: the unit of a length (`字符`, `characters`).
    pub(crate) length_units: &'static [&'static str],
    /// `length` in bytes (`字节`, `bytes`): a character is at least a byte, so the most bytes
    /// bounds the characters too (checked as characters, which never turns a valid value
    /// away); the fewest bytes does not, and is not kept.
    pub(crate) length_byte_units: &'static [&'static str],
    /// `forbidden_substrings` carried by an earlier negation (`cannot start with acs: or
    /// contain http://`).
    pub(crate) negated_contain: &'static [&'static str],
    /// `ascii` negated (`非ASCII`, `non-ASCII`).
    pub(crate) ascii_negations: &'static [&'static str],
    /// Before a value intro: it belongs to another detector (`默认取值`, `Maximum value:`).
    pub(crate) other_intro_heads: &'static [&'static str],
    /// After values: they were a condition or a length (`时`, `个字符`).
    pub(crate) not_value_followers: &'static [&'static str],
    /// Before a value intro: the values are a number of items (`N的取值`, `数量`).
    pub(crate) item_intro_heads: &'static [&'static str],
    /// `multi_value`: values are separated (`隔开`, `separate`).
    pub(crate) separator_verbs: &'static [&'static str],
    /// `multi_value`: the separator word and its char.
    pub(crate) separator_words: &'static [(&'static str, char)],
    /// Between a bound phrase and its number (`为`, `is`).
    pub(crate) bound_joiners: &'static [&'static str],
    /// After a bound's number: a length or count instead (`个`, `characters`).
    pub(crate) bound_not_followers: &'static [&'static str],
    /// A bound of the number of items (`N的`, `N必须`).
    pub(crate) item_bound_starts: &'static [&'static str],
    /// `unique`: `唯一`, `unique`.
    pub(crate) unique_words: &'static [&'static str],
    /// `unique` across requests (`请求`).
    pub(crate) request_words: &'static [&'static str],
    /// `unique`, generated by the client (`客户端`).
    pub(crate) client_words: &'static [&'static str],
    /// `unique`: an idempotency token (`幂等`).
    pub(crate) idempotence_words: &'static [&'static str],
    /// The colon after a note word (`说明：`).
    pub(crate) note_colons: &'static [&'static str],
    /// (en) `chars` first: `must start with a letter`.
    pub(crate) first_intros: &'static [&'static str],
    /// (en) Before `start with`: the start is forbidden (`cannot`).
    pub(crate) first_intro_negations: &'static [&'static str],
    /// (en) Words that end the classes after `start with`.
    pub(crate) first_class_ends: &'static [&'static str],
    /// (en) `prefix_forbidden`: `cannot start with X`.
    pub(crate) prefix_phrases: &'static [&'static str],
    /// (en) A head noun saying the value is a CIDR block.
    pub(crate) head_cidr_nouns: &'static [&'static str],
    /// (en) … unless the description also allows an address.
    pub(crate) head_cidr_or_address: &'static [&'static str],
    /// (en) A head noun saying the value is an IP address: noun and format.
    pub(crate) head_address_nouns: &'static [(&'static str, &'static str)],
    /// (en) `items`: the sentence is about how many values a request takes.
    pub(crate) count_contexts: &'static [&'static str],
    /// (en) `items`: the largest count follows.
    pub(crate) count_intros: &'static [&'static str],
    /// (en) `items`: after the number, a length instead.
    pub(crate) count_not_units_en: &'static [&'static str],
    /// (en) Before an `ordered` phrase: the opposite order (`must not be later`).
    pub(crate) order_negations: &'static [&'static str],
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
pub(crate) static DEFAULT_MARKED_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_marked_intros));
pub(crate) static EMPTY_STRING_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.empty_string_words));
pub(crate) static NUMBER_KINDS: LazyLock<Vec<(&'static str, i64)>> =
    LazyLock::new(|| joined(&[], |l| l.number_kinds));
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
pub(crate) static EXCEED_BOUNDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.exceed_bounds));
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
pub(crate) static CONDITION_VALUE_INTROS_WEAK: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_value_intros_weak));
pub(crate) static MARKER_NOT_BEFORE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.marker_not_before));
pub(crate) static DEFAULT_SENTENCE_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_sentence_starts));
pub(crate) static DEFAULT_ITEM_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_item_words));
pub(crate) static DEFAULT_EVENT_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.default_event_ends));
pub(crate) static OWN_VALUE_SETS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.own_value_sets));
pub(crate) static OWN_VALUE_EMPTY: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.own_value_empty));
pub(crate) static NOT_CONDITION_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_condition_starts));
pub(crate) static CONDITION_CLAUSE_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_clause_ends));
pub(crate) static EMPTY_CLAUSE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.empty_clause_words));
pub(crate) static CONDITION_SETTING_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.condition_setting_words));
pub(crate) static BRANCH_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.branch_intros));
pub(crate) static NUMERIC_ONLY_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.numeric_only_intros));
pub(crate) static BRANCH_COUNT_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.branch_count_intros));
pub(crate) static FIRST_NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.first_negations));
pub(crate) static START_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.start_ends));
pub(crate) static CONTAIN_ONLY: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.contain_only));
pub(crate) static VAGUE_CLASS_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.vague_class_words));
pub(crate) static CONTAIN_NEGATION: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.contain_negation));
pub(crate) static CLASS_LIST_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.class_list_ends));
pub(crate) static CLASS_ADDITIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.class_additions));
pub(crate) static CLASS_ADDITION_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.class_addition_ends));
pub(crate) static CJK_ALLOWED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.cjk_allowed));
pub(crate) static FORBIDDEN_LIST_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.forbidden_list_words));
pub(crate) static FORBIDDEN_NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.forbidden_negations));
pub(crate) static FORBIDDEN_VALUE_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.forbidden_value_intros));
pub(crate) static PREFIX_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.prefix_intros));
pub(crate) static UTC_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.utc_words));
pub(crate) static CIDR_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.cidr_words));
pub(crate) static HEAD_CIDR_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.head_cidr_suffixes));
pub(crate) static HEAD_CIDR_ALTERNATIVES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.head_cidr_alternatives));
pub(crate) static HEAD_NOT_ADDRESS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.head_not_address));
pub(crate) static HEAD_ADDRESS_SUFFIXES: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| joined(&[], |l| l.head_address_suffixes));
pub(crate) static COUNT_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_units));
pub(crate) static COUNT_NOT_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_not_units));
pub(crate) static COUNT_MAX: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_max));
pub(crate) static LENGTH_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_units));
pub(crate) static LENGTH_BYTE_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.length_byte_units));
pub(crate) static NEGATED_CONTAIN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.negated_contain));
pub(crate) static ASCII_NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.ascii_negations));
pub(crate) static OTHER_INTRO_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.other_intro_heads));
pub(crate) static NOT_VALUE_FOLLOWERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.not_value_followers));
pub(crate) static ITEM_INTRO_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.item_intro_heads));
pub(crate) static SEPARATOR_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.separator_verbs));
pub(crate) static SEPARATOR_WORDS: LazyLock<Vec<(&'static str, char)>> =
    LazyLock::new(|| joined(&[], |l| l.separator_words));
pub(crate) static BOUND_JOINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.bound_joiners));
pub(crate) static BOUND_NOT_FOLLOWERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.bound_not_followers));
pub(crate) static ITEM_BOUND_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.item_bound_starts));
pub(crate) static UNIQUE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.unique_words));
pub(crate) static REQUEST_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.request_words));
pub(crate) static CLIENT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.client_words));
pub(crate) static IDEMPOTENCE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.idempotence_words));
pub(crate) static NOTE_COLONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.note_colons));
pub(crate) static FIRST_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.first_intros));
pub(crate) static FIRST_INTRO_NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.first_intro_negations));
pub(crate) static FIRST_CLASS_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.first_class_ends));
pub(crate) static PREFIX_PHRASES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.prefix_phrases));
pub(crate) static HEAD_CIDR_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.head_cidr_nouns));
pub(crate) static HEAD_CIDR_OR_ADDRESS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.head_cidr_or_address));
pub(crate) static HEAD_ADDRESS_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| joined(&[], |l| l.head_address_nouns));
pub(crate) static COUNT_CONTEXTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_contexts));
pub(crate) static COUNT_INTROS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_intros));
pub(crate) static COUNT_NOT_UNITS_EN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.count_not_units_en));
pub(crate) static ORDER_NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(&[], |l| l.order_negations));
