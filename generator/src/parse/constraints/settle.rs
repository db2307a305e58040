//! The settling steps after every block of a description is read: branches (rules stated
//! under a condition), cases of a range per value of a sibling, and a largest span stated
//! apart from its `ordered` relation.

use crate::parse::constraints::*;

impl Acc<'_> {
    /// Books the branch sentences: a branch consistent with an unconditional rule is understood;
    /// two or more branches over the values of one sibling are united into a rule of their own.
    pub(crate) fn settle_branches(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let all: Vec<&Branch> = pending.iter().flat_map(|p| p.0.iter()).collect();
        let united = self.unite_branches(&all);
        for (branches, source, rule_like) in pending {
            self.book_branches(&branches, source, rule_like, &united);
        }
    }

    /// Unites the branches of each kind (enums, then ranges) that no unconditional rule of
    /// that kind states and that are keyed on distinct values of one sibling.
    fn unite_branches(&self, all: &[&Branch]) -> United {
        let default = self.cands.iter().find_map(|(r, _)| match r {
            Rule::Default { value } => Some(value.clone()),
            _ => None,
        });
        let mut united = United::default();
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
            if !want_enum && !has_uncond {
                united.keyed_cases = keyed_ranges(&same_kind, self.env);
            }
            if has_uncond
                || same_kind.len() < 2
                || (!want_enum && united.keyed_cases.is_some())
                || !on_distinct_values_of_one_sibling(&same_kind)
            {
                continue;
            }
            if let Some(rule) = unite(&same_kind, default.as_deref()) {
                if !want_enum {
                    united.per_case = cases_of_branches(&same_kind);
                }
                united.rules.push(rule);
            }
        }
        united
    }

    /// Books the branches of one sentence: as widening an unconditional rule, as keyed ranges,
    /// as part of a united rule, as consistent with the unconditional rules, or (when the
    /// sentence reads like a rule) as not understood.
    fn book_branches(
        &mut self,
        branches: &[Branch],
        source: String,
        rule_like: bool,
        united: &United,
    ) {
        if self.widen_by(branches, &source) {
            self.out.understood += 1;
            let rules = branches.iter().map(|b| b.rule.clone()).collect();
            self.out.understood_sources.push((source, rules));
            return;
        }
        let keyed = branches
            .iter()
            .any(|b| matches!(b.rule, Rule::Range { .. }) && matches!(&b.cond, Some((_, Some(_)))));
        if let Some(rule) = united.keyed_cases.as_ref().filter(|_| keyed) {
            self.out.understood += 1;
            let rules = vec![rule.clone()];
            self.out.understood_sources.push((source.clone(), rules));
            self.add_candidate(rule, &source);
            return;
        }
        let used: Vec<Rule> = united
            .rules
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
            if let Some(rule) = united
                .per_case
                .as_ref()
                .filter(|_| used.iter().any(|u| matches!(u, Rule::Range { .. })))
            {
                self.add_candidate(rule, &source);
            }
            self.out.understood += 1;
            self.out
                .understood_sources
                .push((source.clone(), used.clone()));
            for u in &used {
                self.add_candidate(u, &source);
            }
        } else if consistent {
            // Already stated by an unconditional rule, which carries no part of this one.
            self.out.understood += 1;
            self.out.consistent_sources.push(source);
        } else if rule_like {
            self.out.not_understood.push(source);
        }
    }

    /// Widens the unconditional rule of each branch's kind by the branch: a value the doc
    /// allows in some case widens the allow-list (always sound). Returns whether any did.
    fn widen_by(&mut self, branches: &[Branch], source: &str) -> bool {
        let mut widened = false;
        for b in branches {
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
                    *src = join_source(src, source);
                }
            }
        }
        widened
    }

    /// Adds a candidate rule, or joins `source` to the sources of the same rule found before.
    fn add_candidate(&mut self, rule: &Rule, source: &str) {
        match self.cands.iter_mut().find(|(r, _)| r == rule) {
            Some((_, s)) => *s = join_source(s, source),
            None => self.cands.push((rule.clone(), source.to_string())),
        }
    }

    /// Cases of a range per value of another parameter become one `range_when` rule (and the
    /// range that holds whatever the case) when it is clear which parameter they are keyed on.
    pub(crate) fn settle_cases(&mut self) {
        let groups = std::mem::take(&mut self.cases);
        if groups.is_empty() {
            return;
        }
        let all: Vec<Case> = groups.iter().flat_map(|g| g.0.iter().cloned()).collect();
        let source = groups
            .iter()
            .map(|g| g.1.as_str())
            .fold(String::new(), |acc, s| {
                if acc.is_empty() {
                    s.to_string()
                } else {
                    join_source(&acc, s)
                }
            });
        match range_when(&all, self.env) {
            Some(rule) => {
                let spans: Vec<Val> = all.iter().map(|c| span_val(c.min, c.max)).collect();
                let keys: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
                let covered = match &rule {
                    Rule::RangeWhen { other, .. } => covers_documented(other, &keys, self.env),
                    _ => true,
                };
                let mut rules = vec![rule];
                if covered
                    && !self
                        .cands
                        .iter()
                        .any(|(r, _)| matches!(r, Rule::Range { .. }))
                {
                    rules.extend(hull(&spans));
                }
                self.book(rules, false, source, || true);
            }
            None => {
                for (_, s) in groups {
                    if is_rule_like(&s) {
                        self.out.not_understood.push(s);
                    }
                }
            }
        }
    }

    /// A largest span stated in its own sentence joins the `ordered` relation of the description.
    pub(crate) fn settle_span(&mut self) {
        let Some((secs, source)) = self.span.take() else {
            return;
        };
        let ordered = self.cands.iter_mut().find(|(r, _)| {
            matches!(
                r,
                Rule::Relation {
                    relation: RelationKind::Ordered,
                    max_span_secs: None,
                    ..
                }
            )
        });
        match ordered {
            Some((Rule::Relation { max_span_secs, .. }, src)) => {
                *max_span_secs = Some(secs);
                *src = join_source(src, &source);
                let rule = self
                    .cands
                    .iter()
                    .find(|(_, s)| s.contains(&source))
                    .map(|c| c.0.clone());
                self.out.understood += 1;
                self.out
                    .understood_sources
                    .push((source, rule.into_iter().collect()));
            }
            _ => {
                if is_rule_like(&source) {
                    self.out.not_understood.push(source);
                }
            }
        }
    }
}

/// What the branches of one description unite into (see [`Acc::settle_branches`]).
#[derive(Default)]
struct United {
    /// One rule per kind of two or more branches over the values of one sibling.
    rules: Vec<Rule>,
    /// Ranges per value of one sibling (`当PricingCycle取值Month时，…1~9`) also form a
    /// `range_when` rule beside their hull.
    per_case: Option<Rule>,
    /// Ranges keyed on values of one sibling that are not all the cases (see `keyed_ranges`):
    /// a `range_when` alone, no hull.
    keyed_cases: Option<Rule>,
}

/// Whether every branch is conditioned on a value of one and the same sibling, no value twice.
fn on_distinct_values_of_one_sibling(same_kind: &[&Branch]) -> bool {
    let conds: Vec<&(String, Option<String>)> =
        same_kind.iter().filter_map(|b| b.cond.as_ref()).collect();
    let one_sibling =
        conds.len() == same_kind.len() && conds.iter().all(|c| c.0 == conds[0].0 && c.1.is_some());
    let distinct = conds
        .iter()
        .enumerate()
        .all(|(i, c)| conds[..i].iter().all(|d| d.1 != c.1));
    one_sibling && distinct
}
