//! The driver: walks the blocks of a description and collects candidate rules.

use crate::parse::constraints::*;

pub(crate) struct Acc<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) env: &'a Env<'a>,
    pub(crate) stats: &'a mut Stats,
    pub(crate) cands: Vec<(Rule, String)>,
    /// Sentences whose only findings are branches; booked once all rules are known.
    pub(crate) pending: Vec<(Vec<Branch>, String, bool)>,
    pub(crate) out: Extracted,
    pub(crate) first_done: bool,
    /// The single value the previous sentence allowed (`Set the value to: **X**.`), for a
    /// following `This is the default value.`
    pub(crate) last_single: Option<String>,
    /// `key: lo~hi` cases of a range per value of another parameter (a list, or sentences).
    pub(crate) cases: Vec<(Vec<Case>, String)>,
    /// A largest span stated apart from its `ordered` relation.
    pub(crate) span: Option<(u64, String)>,
    /// The sentence sits in a bullet that opens with a condition: its rules hold under it
    /// (only branches, separators and relations, which state their own conditions, are kept).
    pub(crate) under_condition: bool,
    /// Member names of a JSON value that bullet lists describe (`-   **InstanceId**: …`).
    pub(crate) members: Vec<String>,
    /// The whole description (some sentences are read in the light of the rest).
    pub(crate) whole: &'a str,
}

impl Acc<'_> {
    /// Runs the detectors on one sentence and books it.
    pub(crate) fn sentence(&mut self, text: &str, scope: Scope) {
        let ctx = Ctx {
            ty: self.ty,
            env: self.env,
            scope,
            first: !self.first_done,
            whole: self.whole,
        };
        if scope == Scope::Main {
            self.first_done = true;
        }
        let mut found = sentence_rules(text, &ctx);
        if self.under_condition {
            found
                .rules
                .retain(|r| matches!(r, Rule::MultiValue { .. } | Rule::Relation { .. }));
        }
        let only_elsewhere = found.rules.is_empty() && !found.elsewhere.is_empty();
        self.elsewhere(std::mem::take(&mut found.elsewhere), text);
        if only_elsewhere {
            // Its rules land on the named sibling of this level (always one of `env.names`).
            self.out.understood += 1;
            self.out.consistent_sources.push(text.trim().to_string());
            return;
        }
        if found.rules.is_empty() && Rich::new(text).starts_with_any(&DEFAULT_SENTENCE_STARTS) {
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
        if found.rules.is_empty() {
            if found.about_other {
                self.stats.elsewhere += 1;
                return;
            }
            if let Some(case) = found.case.take() {
                self.cases.push((vec![case], source));
                return;
            }
            if let Some(secs) = found.span {
                self.span = Some((secs, source));
                return;
            }
        }
        if found.rules.is_empty() && !found.branches.is_empty() {
            self.pending
                .push((found.branches, source, is_rule_like(text)));
            return;
        }
        self.book(found.rules, found.redundant, source, || is_rule_like(text));
    }

    /// Rules a sentence states about named siblings of this level.
    fn elsewhere(&mut self, rules: Vec<(String, Rule)>, text: &str) {
        for (name, rule) in rules {
            let c = (
                name,
                Constraint {
                    rule,
                    source: text.trim().to_string(),
                },
            );
            if !self.out.for_siblings.contains(&c) {
                self.out.for_siblings.push(c);
            }
        }
    }

    pub(crate) fn book(
        &mut self,
        rules: Vec<Rule>,
        redundant: bool,
        source: String,
        rule_like: impl Fn() -> bool,
    ) {
        if !rules.is_empty() {
            self.out.understood += 1;
            self.out
                .understood_sources
                .push((source.clone(), rules.clone()));
            self.cands
                .extend(rules.into_iter().map(|r| (r, source.clone())));
        } else if redundant {
            self.stats.redundant += 1;
        } else if rule_like() {
            self.out.not_understood.push(source);
        }
    }

    /// A bullet list with its intro sentence (when it ended in a colon) or the sentence before
    /// it (`context`, used to recognise lists of configuration fields).
    pub(crate) fn list(
        &mut self,
        intro: Option<String>,
        context: Option<String>,
        items: Vec<LItem>,
        scope: Scope,
    ) {
        let enum_intro = intro.as_deref().is_some_and(is_enum_intro);
        let cases: Option<Vec<Case>> = items
            .iter()
            .map(|it| case_of(&Rich::new(&it.text), self.env))
            .collect();
        if let Some(cases) = cases.filter(|c| c.len() >= 2) {
            if let Some(s) = intro.as_deref().filter(|_| !enum_intro) {
                self.sentence(s, scope);
            }
            let head = intro.filter(|_| enum_intro).unwrap_or_default();
            self.cases.push((cases, bullets_after(head, &items)));
            return;
        }
        if let Some(s) = intro.as_deref().filter(|_| !enum_intro) {
            self.sentence(s, scope);
        }
        // `Daily: If you set RecurrenceType to Daily, …`: cases of a sibling, read as condition
        // bullets (never as values of this parameter).
        let sibling_cases = sibling_case_items(&items, self.env);
        let kind = match sibling_cases {
            Some(_) => ListKind::NotValues,
            None => {
                let parsed: Vec<ItemKind> = items.iter().map(|it| parse_item(&it.text)).collect();
                let context = intro.clone().or(context).unwrap_or_default();
                classify(
                    &items, &parsed, enum_intro, &context, self.ty, scope, self.env,
                )
            }
        };
        let (items, case_heads): (Vec<LItem>, Vec<_>) = match sibling_cases {
            Some(cases) => cases.into_iter().map(|(it, c)| (it, Some(c))).unzip(),
            None => {
                let n = items.len();
                (items, vec![None; n])
            }
        };
        let enum_intro = intro.as_deref().filter(|_| enum_intro);
        match kind {
            ListKind::SubFields => self.sub_fields(&items),
            ListKind::Values(rules, redundant) => self.values(
                rules,
                redundant,
                intro.as_deref(),
                enum_intro,
                &items,
                scope,
            ),
            ListKind::NotValues => {
                if let Some(s) = enum_intro {
                    self.sentence(s, scope);
                }
                self.condition_bullets(&items, &case_heads, scope);
            }
        }
    }

    /// Bullets that describe members of a JSON value: their names are remembered and their
    /// rule-like sentences counted (the members' own rows state their rules).
    fn sub_fields(&mut self, items: &[LItem]) {
        for it in items {
            if let Some(t) = read_token(&Rich::new(&it.text), 0, false) {
                // `IkeConfig.Psk` names the member `Psk`.
                let name = t.text.rsplit('.').next().unwrap_or(&t.text).trim();
                if is_value_like(name) && !self.members.iter().any(|m| m == name) {
                    self.members.push(name.to_string());
                }
            }
        }
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

    /// A list of values: its rules (with those of an intro that announces values, `enum_intro`)
    /// booked with the intro and bullets as their source.
    fn values(
        &mut self,
        mut rules: Vec<Rule>,
        redundant: bool,
        intro: Option<&str>,
        enum_intro: Option<&str>,
        items: &[LItem],
        scope: Scope,
    ) {
        let source = bullets_after(intro.unwrap_or_default().to_string(), items);
        if let Some(s) = enum_intro {
            let ctx = Ctx {
                ty: self.ty,
                env: self.env,
                scope,
                first: false,
                whole: self.whole,
            };
            rules.extend(sentence_rules(s, &ctx).rules);
        }
        self.first_done = true;
        self.book(rules, redundant, source.trim().to_string(), || true);
        // A value's meaning may state a rule of a sibling (`Target: … If this parameter
        // is set to Target, the X parameter must be specified.`).
        for it in items {
            for s in split_sentences(&it.text) {
                let placed = detect_placed(&Rich::new(&s), self.env);
                self.elsewhere(placed.elsewhere, &s);
            }
        }
    }

    /// Bullets that are no values: each sentence read on its own, under the condition its
    /// bullet opens with (or the sibling case it names, `case_heads`), if any.
    fn condition_bullets(
        &mut self,
        items: &[LItem],
        case_heads: &[Option<(String, Option<String>)>],
        scope: Scope,
    ) {
        let inner = if scope == Scope::Note {
            Scope::Note
        } else {
            Scope::Bullet
        };
        for (it, case_head) in items.iter().zip(case_heads) {
            // A bullet that opens with a condition (`**X**取**A**时，格式为A-B。A、B的取值
            // 范围为1~31`) states its further values under it too.
            let head = head_condition(&it.text, self.env).or_else(|| case_head.clone());
            for t in std::iter::once(&it.text)
                .chain(&it.children)
                .chain(&it.extras)
            {
                for s in split_sentences(t) {
                    let before = self.pending.len();
                    self.under_condition = head.is_some();
                    self.sentence(&s, inner);
                    self.under_condition = false;
                    let added = self.pending[before..].iter_mut();
                    for b in added.flat_map(|p| p.0.iter_mut()) {
                        if !matches!(b.cond, Some((_, Some(_)))) && head.is_some() {
                            b.cond = head.clone();
                        }
                    }
                }
            }
        }
    }
}

/// `head` followed by one `-   ` line per bullet: a list's source as the doc reads.
fn bullets_after(head: String, items: &[LItem]) -> String {
    let mut source = head;
    for it in items {
        if !source.is_empty() {
            source.push('\n');
        }
        source.push_str("-   ");
        source.push_str(&it.text);
    }
    source
}

/// Extraction with the counters a corpus measurement needs.
pub(crate) fn run(description: &str, ty: &Type, env: &Env, stats: &mut Stats) -> Extracted {
    let blocks = parse_blocks(description);
    let mut acc = Acc {
        ty,
        env,
        stats,
        cands: Vec::new(),
        pending: Vec::new(),
        out: Extracted::default(),
        first_done: false,
        last_single: None,
        cases: Vec::new(),
        span: None,
        under_condition: false,
        members: Vec::new(),
        whole: description,
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
    acc.settle_cases();
    acc.settle_span();
    let Acc {
        mut cands,
        mut out,
        members,
        ..
    } = acc;
    json_members_rule(&mut cands, members, description);
    out.constraints = finalize(cands, ty);
    out
}
