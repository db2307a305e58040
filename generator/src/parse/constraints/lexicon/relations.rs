//! Relation wording added for issue 9's hand-labelled sample: phrases that tie a parameter to
//! another one, per language, kept apart from the per-kind tables of `zh.rs`/`en.rs` so that a
//! maintainer meets every relation phrase of this layer in one place. Written folded (lower
//! case, ASCII punctuation); spaces are optional when matching.

use std::sync::LazyLock;

/// The relation phrase tables of one language.
pub(crate) struct RelationLexicon {
    /// `applies_when` negated: the named parameter is ignored (`X is ignored if Y is specified`,
    /// `如果设置了Y，X将被忽略`).
    pub(crate) ignored: &'static [&'static str],
    /// Words that open the condition clause of an `ignored` sentence when it has no comma
    /// (`X is ignored if Y is specified`). Matched as whole words.
    pub(crate) condition_openers: &'static [&'static str],
    /// The description's own parameter, named by a pronoun (`this parameter`, `该参数`).
    pub(crate) self_words: &'static [&'static str],
    /// More `mutually_exclusive` wordings (`不支持同时指定A和B`).
    pub(crate) exclusive: &'static [&'static str],
    /// More `requires` wordings: all named parameters go together (`must be used in pairs`,
    /// `需要同时指定`).
    pub(crate) requires: &'static [&'static str],
    /// More `applies_when` markers (`is valid only after you specify X`, `本参数生效`).
    pub(crate) applies: &'static [&'static str],
    /// More `required_when` markers (`需要设置该参数`).
    pub(crate) required: &'static [&'static str],
    /// `ordered` with this parameter the EARLIER (smaller) one: the rule goes on the parameter
    /// named right after the phrase (`StartTime must be earlier than EndTime`).
    pub(crate) earlier: &'static [&'static str],
    /// Joins alternative values of one condition (`set to A or B`, `为A或B`).
    pub(crate) value_or: &'static [&'static str],
    /// A consequence that the named parameter must then be set (`the X parameter must be
    /// specified`, `必须指定X`): with a condition on this parameter, `required_when` on X.
    pub(crate) then_required: &'static [&'static str],
    /// A word between a parameter's name and its condition value (`the X parameter is set to
    /// A`, `X参数取值为A`).
    pub(crate) mention_suffixes: &'static [&'static str],
    /// Ends a condition inside a clause (`执行步进规则时必须…`): a `requires` under a condition
    /// that names no parameter is about a state, not the request.
    pub(crate) condition_marks: &'static [&'static str],
    /// Words of a parameter's definition (`是否允许…`, `whether to …`): a sentence that opens
    /// with a condition on another parameter and then defines this one (`当X取值为A时，…是否…`)
    /// says where this parameter applies (`applies_when`).
    pub(crate) definition_words: &'static [&'static str],
    /// `different_from`: this must not have the same value as the parameter named right after
    /// the phrase (`must be different from X`).
    pub(crate) different: &'static [&'static str],
    /// `different_from` stated around the name (`不能与X相同`): the opener before it, …
    pub(crate) different_openers: &'static [&'static str],
    /// … and a closer right after it (up to a few characters: `取值相同`).
    pub(crate) same_closers: &'static [&'static str],
}

pub(crate) const ZH: RelationLexicon = RelationLexicon {
    ignored: &[
        "将被忽略",
        "会被忽略",
        "被忽略",
        "会自动忽略",
        "将忽略",
        "会忽略",
    ],
    condition_openers: &["如果", "若"],
    self_words: &["该参数", "本参数", "此参数", "该字段", "本字段"],
    exclusive: &[
        "不支持同时指定",
        "不支持同时设置",
        "不允许同时指定",
        "不允许同时设置",
    ],
    requires: &[
        "需要同时指定",
        "需同时设置",
        "请同时指定",
        "必须成对",
        "需要成对",
        "需要同时有效",
    ],
    applies: &[
        "本参数生效",
        "该参数生效",
        "本参数才生效",
        "该参数才生效",
        "只可对",
        "只能对",
        "仅可对",
        "仅适用于",
        "只适用于",
    ],
    required: &[
        "需要设置该参数",
        "需要指定该参数",
        "必须设置该参数",
        "需设置该参数",
    ],
    earlier: &["必须早于", "需早于", "需要早于", "应早于"],
    value_or: &["或者", "或", "、"],
    then_required: &["必须指定", "需要指定", "必须设置", "需要设置"],
    mention_suffixes: &["参数"],
    condition_marks: &["时"],
    definition_words: &["是否"],
    different: &[],
    different_openers: &[
        "不能与",
        "不可与",
        "不得与",
        "不允许与",
        "不能和",
        "不可和",
        "不允许和",
    ],
    same_closers: &["相同", "一致"],
};

pub(crate) const EN: RelationLexicon = RelationLexicon {
    ignored: &[
        "is ignored",
        "are ignored",
        "will be ignored",
        "is automatically ignored",
    ],
    condition_openers: &["if", "when", "after"],
    self_words: &["this parameter", "the parameter"],
    exclusive: &["cannot set both", "cannot be specified at the same time"],
    requires: &[
        "must be used in pairs",
        "must be specified in pairs",
        "must be set simultaneously",
        "must be specified simultaneously",
        "you must specify both",
    ],
    applies: &[
        "is valid only after",
        "takes effect only after",
        "is valid only for",
        "is effective only when",
    ],
    required: &[],
    earlier: &[
        "must be earlier than",
        "should be earlier than",
        "must be less than or equal to that of",
        "must be less than that of",
        "must be smaller than or equal to that of",
        "must be smaller than that of",
    ],
    value_or: &[", or", "or", ","],
    then_required: &["must be specified", "must be set", "is required"],
    mention_suffixes: &["parameter"],
    condition_marks: &[],
    definition_words: &["whether"],
    different: &[
        "must be different from",
        "cannot be the same as",
        "can not be the same as",
        "must not be the same as",
        "must differ from",
    ],
    different_openers: &[],
    same_closers: &[],
};

const LANGUAGES: [&RelationLexicon; 2] = [&ZH, &EN];

fn joined(field: fn(&RelationLexicon) -> &'static [&'static str]) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .flat_map(|l| field(l).iter().copied())
        .collect()
}

pub(crate) static IGNORED_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.ignored));
pub(crate) static CONDITION_OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.condition_openers));
pub(crate) static SELF_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.self_words));
pub(crate) static MORE_EXCLUSIVE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.exclusive));
pub(crate) static MORE_REQUIRES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.requires));
pub(crate) static MORE_APPLIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.applies));
pub(crate) static MORE_REQUIRED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.required));
pub(crate) static EARLIER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.earlier));
pub(crate) static VALUE_OR: LazyLock<Vec<&'static str>> = LazyLock::new(|| joined(|l| l.value_or));
pub(crate) static THEN_REQUIRED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.then_required));
pub(crate) static MENTION_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.mention_suffixes));
pub(crate) static DEFINITION_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.definition_words));
pub(crate) static DIFFERENT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.different));
pub(crate) static DIFFERENT_OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.different_openers));
pub(crate) static SAME_CLOSERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.same_closers));
pub(crate) static CONDITION_MARKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| joined(|l| l.condition_marks));
