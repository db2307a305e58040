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
//!    the values of one sibling are united (`Acc::settle_branches`, in `settle`).
//! 5. `finalize` merges per-sentence pieces (character classes, list sizes) and de-duplicates.
//!
//! Matching runs on a `Rich` view of a sentence: Markdown markers are removed but remembered
//! (a bold or code span delimits one value), full-width punctuation is folded to ASCII, ASCII is
//! lower-cased and spaces are ignored by the keyword matcher.
//!
//! Approximations: a `MultiValue` rule means
//! that the value is a list: `Format`/`Length` rules found next to it describe one item.

mod collect;
mod conditions;
mod detect;
mod layout;
mod lexicon;
mod merge;
mod scan;
mod settle;
#[cfg(test)]
mod tests;

use collect::*;
use conditions::*;
use detect::*;
use layout::*;
use lexicon::*;
use merge::*;
use scan::*;

pub(crate) use crate::model::{
    CharClass, Condition, Constraint, EnumValue, Number, RangeCase, RelationKind, Rule, Type,
};
pub use merge::{merge_rule, unite_values, Origin};

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
    /// The sentences (or lists) counted in `understood` that produced a rule, to check that the
    /// rule survives into the IR.
    pub understood_sources: Vec<(String, Vec<Rule>)>,
    /// Conditional sentences counted in `understood` because an unconditional rule already
    /// states them (they add no rule of their own), and sentences whose rules all go to a
    /// sibling (`for_siblings`).
    pub consistent_sources: Vec<String>,
    /// Rules the description states about a sibling at the same level (its wire name): the
    /// caller adds them to that sibling's constraints.
    pub for_siblings: Vec<(String, Constraint)>,
}

/// Extracts the constraints stated in one parameter description.
///
/// `description`: the description cell text of one parameter, already un-escaped and with links
/// reduced to their text, but with `**bold**`, backticks, bullets and newlines kept.
/// `ty`: the field's IR type. `siblings`: wire names of the other top-level parameters of the
/// same request (a relation is only reported with a name from this list).
pub fn extract(description: &str, ty: &Type, siblings: &[&str]) -> Extracted {
    let env = Env {
        names: siblings.to_vec(),
        text: description,
        ..Env::default()
    };
    run(description, ty, &env, &mut Stats::default())
}

/// Another parameter at the same level as the one being read: its wire name and description
/// (a relation may name it by the role its description states, a `range_when` case list by its
/// values).
#[derive(Debug, Clone, Default)]
pub struct Sibling {
    pub name: String,
    pub description: String,
    pub example: Option<String>,
}

/// Where a parameter sits: its own wire name, the dotted path of the list item or object it is
/// a member of (`DataDisk` for `DataDisk.N.Size`; empty at the top level), and the other
/// members of that level.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'a> {
    pub own: &'a str,
    pub parent: &'a str,
    pub siblings: &'a [&'a Sibling],
    /// Parameters of the enclosing levels, by dotted path (`SpotStrategy` for a member of
    /// `SpotPriceLimit.N`): a member's description may name them (`takes effect only when the
    /// SpotStrategy parameter is set to …`).
    pub outer: &'a [&'a str],
    /// The parameter's own example (its table cell): a bullet list whose values it is not one
    /// of, or whose items are its JSON members, is no value list.
    pub example: Option<&'a str>,
}

/// [`extract`] with what the extractor may know of the parameter's neighbours: members of one
/// list item relate to each other (`DataDisk.N.Category` in the description of
/// `DataDisk.N.Size`), a relation may name the other parameter by its role (`起始时间`), and a
/// range per case is keyed on the sibling whose values the cases name.
pub fn extract_in(description: &str, ty: &Type, place: &Place) -> Extracted {
    let env = Env {
        names: place.siblings.iter().map(|s| s.name.as_str()).collect(),
        own: place.own,
        parent: place.parent,
        members: place.siblings.to_vec(),
        outer: place
            .outer
            .iter()
            .copied()
            .filter(|o| {
                // The enclosing list itself (`Tag` of `Tag.N.Key`) names no other parameter.
                let ancestor = place.parent == *o || place.parent.starts_with(&format!("{o}."));
                *o != place.own && !ancestor && !place.siblings.iter().any(|s| s.name == *o)
            })
            .collect(),
        example: place.example,
        text: description,
    };
    run(description, ty, &env, &mut Stats::default())
}

/// The neighbourhood as the detectors see it.
#[derive(Debug, Default)]
pub(crate) struct Env<'a> {
    /// The siblings' wire names.
    pub(crate) names: Vec<&'a str>,
    pub(crate) own: &'a str,
    pub(crate) parent: &'a str,
    pub(crate) members: Vec<&'a Sibling>,
    /// Parameters of the enclosing levels (see [`Place::outer`]).
    pub(crate) outer: Vec<&'a str>,
    /// The parameter's own example (see [`Place::example`]).
    pub(crate) example: Option<&'a str>,
    /// The whole description being read.
    pub(crate) text: &'a str,
}

/// True when a sentence looks like it states a rule (used by [`extract`] for `not_understood`,
/// and by a lint command).
pub fn is_rule_like(sentence: &str) -> bool {
    // Nouns that merely contain a modal word (`egress-only rule`, `仅主动出规则`).
    let mut sentence = sentence.to_string();
    for term in TERMS.iter() {
        // Replacing copies the whole sentence: only where the term occurs.
        if sentence.contains(term) {
            sentence = sentence.replace(term, " ");
        }
    }
    let r = Rich::new(&sentence);
    if r.len() == 0 || r.starts_with_any(&EXAMPLE_STARTS) || r.starts_with_any(&QUESTION_STARTS) {
        return false;
    }
    free_number(&r)
        || r.has_any(&MODAL_WORDS)
        || intro_with_value(&r, &VALUE_INTROS)
        || intro_with_value(&r, &DEFAULT_INTROS)
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
    /// Sentences that state a rule of another parameter (`A TagKey cannot be an empty string,
    /// but a TagValue can be` in the description of `Tag.N.Value`).
    pub(crate) elsewhere: usize,
}
