//! Runs of units printed from templates: slots, stand-ins and the shared template cache.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::quote;

use super::place::{print_at, Place};
use super::{OutlinedItem, ITEM_MARKER, MARKER, TABLE};

/// What varies between units of one shape. Layout depends only on the printed width of an
/// identifier or string literal, so a unit is printed once per shape and widths, with stand-ins
/// of the same widths, and the real text put in their place.
#[derive(Clone, Copy)]
pub(crate) enum Slot<'a> {
    /// An identifier (`r#type` for a raw one, as [`crate::emit::naming::ident`] takes it).
    Ident(&'a str),
    /// The value of a string literal.
    Str(&'a str),
    /// A doc (its lines are outlined; a doc comment line never depends on widths).
    Doc(&'a crate::emit::docs::Doc),
    /// A finished [`Run`] inside the unit (its units are printed on their own).
    Inner(&'a Finished),
    /// Expressions that prettyplease prints on one line, `a, b` with their source text as it
    /// prints them flat, placed right inside a pair of delimiters (`[…]`, `(…)`). It stands in
    /// as one identifier of the text's width; a template is kept only where that identifier
    /// sits right between the delimiters on a line that fits, as then the delimited group fit
    /// when printed, and the real text, of the same width and without forced breaks, prints
    /// flat in its place (prettyplease breaks nothing inside a group that fits).
    Flat(&'a str, &'a TokenStream),
}

/// The tokens a unit's `build` gets for a slot.
pub(crate) enum SlotTokens {
    Tree(TokenTree),
    Stream(TokenStream),
}

impl quote::ToTokens for SlotTokens {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            SlotTokens::Tree(tree) => tree.to_tokens(tokens),
            SlotTokens::Stream(stream) => stream.to_tokens(tokens),
        }
    }
}

/// What a slot of one unit holds when the unit is printed.
#[derive(Debug, Clone)]
enum SlotValue {
    Text(String),
    /// An inner run: its outlined item.
    Item(usize),
    /// Nothing (an empty doc or run).
    Empty,
}

/// A finished [`Run`]: its tokens, and the one outlined item they consist of, if so.
pub(crate) struct Finished {
    tokens: TokenStream,
    /// `Some((item, place))` when the tokens are exactly one marker.
    sole: Option<(usize, Place)>,
}

impl quote::ToTokens for Finished {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.tokens.to_tokens(tokens);
    }
}

impl Finished {
    pub(crate) fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub(crate) fn into_tokens(self) -> TokenStream {
        self.tokens
    }
}

/// A unit of a [`Run`]: its doc's placeholder id, its printed template, and what each slot
/// holds.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    doc: Option<usize>,
    template: Arc<Compiled>,
    values: Vec<SlotValue>,
}

/// How a slot's stand-in shows in a printed template.
#[derive(Debug, Clone)]
enum StandIn {
    /// This exact text (a whole word for an identifier, a whole literal for a string).
    Text(String),
    /// An identifier standing in for a [`Slot::Flat`]: found only right inside delimiters.
    Flat(String),
    /// A doc comment line's value: `\u{1}D<letters>`, replaced by `\u{1}<id>`.
    Doc(String),
    /// An inner run's marker line (`<indent>///\u{2}S<letters>`) and the stand-in line after
    /// it, at `place`.
    Inner(String, Place),
    /// Nothing printed.
    Empty,
}

/// A printed unit cut at its stand-ins: `parts[0]`, slot `slots[0]`, `parts[1]`, …
#[derive(Debug, PartialEq, Eq)]
struct Compiled {
    parts: Vec<String>,
    slots: Vec<usize>,
}

/// Empties the shared template cache.
pub(super) fn clear_templates() {
    if let Ok(mut cache) = UNITS.write() {
        cache.clear();
    }
}

/// What the cache knows of a key.
#[derive(Debug, Clone)]
enum Known {
    Printed(Arc<Compiled>),
    /// A width box whose corners print differently: its units are keyed by exact widths.
    Unstable,
}

/// Printed units by key, shared by every thread: generation runs on short-lived worker
/// threads, and a per-thread cache would print each template again on each. A template's text
/// depends only on its key, so which thread printed it first never shows.
static UNITS: LazyLock<RwLock<HashMap<String, Known>>> = LazyLock::new(Default::default);

fn known(key: &str) -> Option<Known> {
    UNITS.read().ok().and_then(|c| c.get(key).cloned())
}

fn remember(key: String, known: Known) {
    if let Ok(mut cache) = UNITS.write() {
        cache.entry(key).or_insert(known);
    }
}

impl Compiled {
    /// Cuts `text` at every whole occurrence of each stand-in; `None` unless each occurs, or
    /// when a placeholder of another doc or item is left in the text.
    fn new(text: &str, stand_ins: &[StandIn]) -> Option<Compiled> {
        // (start, end, slot) of each occurrence.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let word = |c: char| c.is_alphanumeric() || c == '_';
        for (slot, stand_in) in stand_ins.iter().enumerate() {
            let before = found.len();
            match stand_in {
                StandIn::Empty => continue,
                StandIn::Text(stand_in) => {
                    let quoted = stand_in.starts_with('"');
                    for (at, _) in text.match_indices(stand_in.as_str()) {
                        let end = at + stand_in.len();
                        let whole = quoted
                            || !(text[..at].chars().next_back().is_some_and(word)
                                || text[end..].chars().next().is_some_and(word));
                        if whole {
                            found.push((at, end, slot));
                        }
                    }
                }
                StandIn::Flat(stand_in) => {
                    for (at, _) in text.match_indices(stand_in.as_str()) {
                        let end = at + stand_in.len();
                        let opened = text[..at].ends_with(['[', '(']);
                        let closed = text[end..].starts_with([']', ')']);
                        if !(opened && closed && line_fits(text, at)) {
                            return None;
                        }
                        found.push((at, end, slot));
                    }
                }
                StandIn::Doc(value) => {
                    for (at, _) in text.match_indices(value.as_str()) {
                        let end = at + value.len();
                        if text[end..].starts_with('\n') && text[..at].ends_with("///") {
                            found.push((at, end, slot));
                        }
                    }
                }
                StandIn::Inner(value, place) => {
                    let indent = place.indent();
                    for (at, _) in text.match_indices(value.as_str()) {
                        let start = at.checked_sub(indent.len() + 3)?;
                        let line_start = text[..start].is_empty() || text[..start].ends_with('\n');
                        let rest = &text[at + value.len()..];
                        let next = rest
                            .strip_prefix('\n')
                            .and_then(|r| r.strip_prefix(indent))
                            .and_then(|r| r.strip_prefix(place.stand_in_line()))
                            .filter(|r| r.starts_with('\n'));
                        match (
                            line_start && text[start..at].strip_prefix(indent) == Some("///"),
                            next,
                        ) {
                            (true, Some(after)) => {
                                found.push((start, text.len() - after.len() + 1, slot))
                            }
                            _ => return None,
                        }
                    }
                }
            }
            if found.len() == before {
                return None;
            }
        }
        found.sort_unstable();
        let mut parts = Vec::with_capacity(found.len() + 1);
        let mut slots = Vec::with_capacity(found.len());
        let mut copied = 0;
        for (start, end, slot) in found {
            // Overlapping stand-ins cannot be told apart.
            if start < copied {
                return None;
            }
            parts.push(text[copied..start].to_string());
            slots.push(slot);
            copied = end;
        }
        parts.push(text[copied..].to_string());
        let clean = parts.iter().all(|p| !p.contains([MARKER, ITEM_MARKER]));
        clean.then_some(Compiled { parts, slots })
    }
}

/// prettyplease's line width and the room it gives a line however deep its indentation.
const MARGIN: usize = 89;
const MIN_SPACE: usize = 60;

/// The line of `text` holding byte `at` fits in the room prettyplease gives it (a group on a
/// line that fits fit when it was printed, so it printed flat; a paren group, which has no
/// break to take, can stay on one line that does not fit).
fn line_fits(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    let indent = line.len() - line.trim_start_matches(' ').len();
    line.len() - indent <= MARGIN.saturating_sub(indent).max(MIN_SPACE)
}

/// String literals at least this wide print alike whatever their width: wider than
/// prettyplease's whole line (89) and any width it compares a group with, so every group that
/// holds one breaks and every break after it on its line is taken. They are printed with a
/// stand-in of this width.
const LONG: usize = 200;
/// Beyond this, a width nears prettyplease's "infinite" size (0xffff): keyed exactly.
const LONGEST: usize = 60_000;

/// Upper ends of the width boxes below [`LONG`] (see [`Widths`]).
const BOXES: [usize; 8] = [8, 16, 24, 32, 48, 64, 96, LONG - 1];

/// The printed width of an identifier or string slot, and the box of widths its template is
/// printed for.
///
/// prettyplease decides each line break by comparing a column plus the flat width of what
/// follows with the room on the line; while the layout before a decision is the same, both
/// grow with every word's width. So when a unit prints alike with every slot at the low end of
/// its box and with every slot at the high end, each decision came out the same at both ends,
/// and so it does for all widths in between: one template serves the whole box. A box whose
/// corners print differently is remembered as such, and its units are keyed by exact widths.
/// (`tests/tests/outlined.rs` compares the result with plain printing over the corpus.)
#[derive(Debug, Clone, Copy)]
struct Widths {
    exact: usize,
    low: usize,
    high: usize,
}

impl Widths {
    /// `None` when the slot is too narrow for a stand-in that tells it apart.
    fn of(slot: &Slot<'_>, index: usize, width: usize) -> Option<Widths> {
        let narrowest = narrowest(slot, index)?;
        if width < narrowest {
            return None;
        }
        let (low, high) = match (slot, width) {
            (Slot::Str(_), LONG..LONGEST) => (LONG, LONG),
            (_, LONG..) => (width, width),
            _ => {
                let k = BOXES.iter().position(|&end| width <= end)?;
                let low = k.checked_sub(1).map_or(1, |before| BOXES[before] + 1);
                (low.max(narrowest), BOXES[k])
            }
        };
        Some(Widths {
            exact: width,
            low,
            high,
        })
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, n: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// The slot index in letters (`a`…`z`, `ba`…): padding (`9`, `q`) is never a letter there.
fn letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index;
    loop {
        letters.push(char::from(b'a' + (rest % 26) as u8));
        rest /= 26;
        if rest == 0 {
            break;
        }
    }
    letters.iter().rev().collect()
}

/// The narrowest stand-in of identifier or string slot `index`: a marker letter and the
/// index's letters (and the quotes).
fn narrowest(slot: &Slot<'_>, index: usize) -> Option<usize> {
    let fixed = letters(index).len() + 1;
    match slot {
        Slot::Ident(_) | Slot::Flat(..) => Some(fixed),
        Slot::Str(_) => Some(fixed + 2),
        _ => None,
    }
}

/// The stand-in for identifier or string slot `index` printed `width` bytes wide, or `None`
/// when too narrow to tell slots apart.
fn stand_in(slot: &Slot<'_>, index: usize, width: usize) -> Option<String> {
    let letters = letters(index);
    let fixed = letters.len() + 1;
    match slot {
        Slot::Ident(_) | Slot::Flat(..) if width >= fixed => {
            Some(format!("z{letters}{}", "9".repeat(width - fixed)))
        }
        Slot::Str(_) if width >= fixed + 2 => {
            Some(format!("\"Q{letters}{}\"", "q".repeat(width - fixed - 2)))
        }
        _ => None,
    }
}

/// The source of a string literal of `value`: the text `proc_macro2::Literal::string` gives,
/// without going through `char::escape_debug` for the plain ASCII that most values are.
pub(crate) fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    let mut plain_from = 0;
    for (at, c) in value.char_indices() {
        if matches!(c, ' '..='~') && c != '"' && c != '\\' {
            continue;
        }
        out.push_str(&value[plain_from..at]);
        plain_from = at + c.len_utf8();
        match c {
            // `\0` before an octal digit would read as an octal escape.
            '\0' if value[plain_from..].starts_with(|n: char| ('0'..='7').contains(&n)) => {
                out.push_str("\\x00")
            }
            '\0' => out.push_str("\\0"),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push_str(&value[plain_from..]);
    out.push('"');
    out
}

impl Unit {
    /// Appends the unit's text; inner runs' texts are taken from `texts` (each once).
    pub(super) fn render(
        &self,
        place: Place,
        texts: &mut [Option<String>],
        out: &mut String,
    ) -> Option<()> {
        let compiled = &self.template;
        if let Some(doc) = self.doc {
            out.push_str(place.indent());
            out.push_str("///");
            out.push(MARKER);
            out.push_str(&doc.to_string());
            out.push('\n');
        }
        let mut parts = compiled.parts.iter();
        out.push_str(parts.next()?);
        for (slot, part) in compiled.slots.iter().zip(parts) {
            match self.values.get(*slot)? {
                SlotValue::Text(text) => out.push_str(text),
                SlotValue::Item(id) => out.push_str(&texts.get_mut(*id)?.take()?),
                SlotValue::Empty => return None,
            }
            out.push_str(part);
        }
        Some(())
    }
}

enum RunEntry {
    Outlined(Unit),
    Plain(TokenStream),
}

/// Consecutive units at one place (the fields of a struct, the arms of a match, the
/// statements of a body, items), each of a fixed shape but for its [`Slot`]s. Under
/// [`outline`], each stretch of units becomes one marker in the tokens and each unit is
/// printed once per shape and slot widths; otherwise (or for a unit whose slots cannot stand
/// in) the units are plain tokens.
///
/// Same text: prettyplease prints each field, variant, arm, statement and item on lines of its
/// own, its layout decided by its own words' widths and its indentation alone; a doc comment
/// line and an inner run's lines do not depend on widths either.
pub(crate) struct Run {
    place: Place,
    active: bool,
    entries: Vec<RunEntry>,
    /// For struct expression fields: how many units the run will hold (the last one prints
    /// differently).
    count: Option<usize>,
}

impl Run {
    pub(crate) fn new(place: Place) -> Run {
        let active = place.supported() && TABLE.with(|t| t.borrow().is_some());
        Run {
            place,
            active,
            entries: Vec::new(),
            count: None,
        }
    }

    /// A run whose units are all plain tokens (for a place where units may not stand in).
    pub(crate) fn plain_only(mut self) -> Run {
        self.active = false;
        self
    }

    /// A run of the `count` fields of a struct expression at `depth` (see
    /// [`Place::FieldValue`]).
    pub(crate) fn field_values(depth: u8, count: usize) -> Run {
        Run {
            count: Some(count),
            ..Run::new(Place::FieldValue(depth))
        }
    }

    /// A run of the `count` elements of an array expression at `depth` (see
    /// [`Place::Elem`]).
    pub(crate) fn elements(depth: u8, count: usize) -> Run {
        Run {
            count: Some(count),
            ..Run::new(Place::Elem(depth))
        }
    }

    /// Adds a unit whose tokens `build` makes from the slot tokens (in the order of `slots`);
    /// `key` names its shape among the units added at the same place in the emitter (the
    /// caller's source location is part of the template key): units with the same key and
    /// slot widths must print alike. `doc` goes before the unit. `build` may be called more
    /// than once (for stand-ins of several widths).
    #[track_caller]
    pub(crate) fn unit(
        &mut self,
        key: &str,
        doc: Option<&crate::emit::docs::Doc>,
        slots: &[Slot<'_>],
        build: impl Fn(&[SlotTokens]) -> TokenStream,
    ) {
        if self.active {
            let site = std::panic::Location::caller();
            // Keys are made for every unit: pushed piece by piece rather than `format!`ed.
            let mut full = String::with_capacity(site.file().len() + key.len() + 24);
            full.push_str(site.file());
            full.push(':');
            push_number(&mut full, site.line() as usize);
            full.push(':');
            push_number(&mut full, site.column() as usize);
            full.push(':');
            full.push_str(key);
            let key = full;
            if let Some(unit) = self.outlined(&key, doc, slots, &build) {
                self.entries.push(RunEntry::Outlined(unit));
                return;
            }
        }
        // Outside `outline`, or a unit whose slots cannot stand in.
        self.plain(doc, slots, &build);
    }

    fn plain(
        &mut self,
        doc: Option<&crate::emit::docs::Doc>,
        slots: &[Slot<'_>],
        build: &impl Fn(&[SlotTokens]) -> TokenStream,
    ) {
        let real: Vec<SlotTokens> = slots
            .iter()
            .map(|slot| match slot {
                Slot::Ident(name) => {
                    SlotTokens::Tree(TokenTree::Ident(crate::emit::naming::ident(name)))
                }
                Slot::Str(value) => SlotTokens::Tree(TokenTree::Literal(Literal::string(value))),
                Slot::Flat(_, tokens) => SlotTokens::Stream((*tokens).clone()),
                Slot::Doc(doc) => SlotTokens::Stream(quote!(#doc)),
                Slot::Inner(inner) => SlotTokens::Stream(inner.tokens.clone()),
            })
            .collect();
        let tokens = build(&real);
        self.entries.push(RunEntry::Plain(quote!(#doc #tokens)));
    }

    /// The unit with its template, printed now if no unit of its key was; `None` when it
    /// must be added plainly.
    fn outlined(
        &mut self,
        key: &str,
        doc: Option<&crate::emit::docs::Doc>,
        slots: &[Slot<'_>],
        build: &impl Fn(&[SlotTokens]) -> TokenStream,
    ) -> Option<Unit> {
        let last = self.count == Some(self.entries.len() + 1);
        let mut values = Vec::with_capacity(slots.len());
        // The width of each identifier or string slot and the box it is printed for.
        let mut widths: Vec<Option<Widths>> = Vec::with_capacity(slots.len());
        let mut shape = String::with_capacity(key.len() + 16 + 4 * slots.len());
        shape.push_str(key);
        shape.push('/');
        self.place.push_key(&mut shape);
        shape.push_str(if last { "/last" } else { "/" });
        for (i, slot) in slots.iter().enumerate() {
            shape.push('/');
            let value = match slot {
                Slot::Ident(name) => SlotValue::Text(crate::emit::naming::ident(name).to_string()),
                Slot::Str(value) => SlotValue::Text(string_literal(value)),
                Slot::Flat(text, _) => SlotValue::Text(text.to_string()),
                Slot::Doc(_) | Slot::Inner(_) => SlotValue::Empty,
            };
            let mut width = None;
            match (slot, &value) {
                (_, SlotValue::Text(t)) => {
                    let w = Widths::of(slot, i, t.len())?;
                    width = Some(w);
                }
                (Slot::Doc(d), _) => shape.push(if d.is_empty() { 'n' } else { 'd' }),
                (Slot::Inner(inner), _) => match (inner.sole, inner.is_empty()) {
                    (Some((_, place)), _) => place.push_key(&mut shape),
                    (None, true) => shape.push('e'),
                    // Plain units inside: the unit cannot be outlined.
                    (None, false) => return None,
                },
                _ => {}
            }
            widths.push(width);
            values.push(value);
        }
        let template = self.template(&shape, slots, &widths, last, build)?;
        // What the doc and inner slots hold in this unit.
        for (slot, value) in slots.iter().zip(values.iter_mut()) {
            match slot {
                Slot::Doc(d) => {
                    if let Some(id) = d.outlined_id() {
                        let mut text = String::from(MARKER);
                        push_number(&mut text, id);
                        *value = SlotValue::Text(text);
                    }
                }
                Slot::Inner(inner) => {
                    if let Some((id, _)) = inner.sole {
                        *value = SlotValue::Item(id);
                    }
                }
                _ => {}
            }
        }
        let doc = doc.and_then(|d| d.outlined_id());
        Some(Unit {
            doc,
            template,
            values,
        })
    }

    /// The template of a unit of `shape` with slot `widths`: the one of their width box when
    /// its corners print alike (see [`Widths`]), else the one of the exact widths.
    fn template(
        &self,
        shape: &str,
        slots: &[Slot<'_>],
        widths: &[Option<Widths>],
        last: bool,
        build: &impl Fn(&[SlotTokens]) -> TokenStream,
    ) -> Option<Arc<Compiled>> {
        let mut boxed = shape.to_string();
        for w in widths.iter().flatten() {
            boxed.push('/');
            push_number(&mut boxed, w.low);
            boxed.push('-');
            push_number(&mut boxed, w.high);
        }
        let print = |width: &dyn Fn(&Widths) -> usize| {
            self.print(slots, widths, width, last, build).map(Arc::new)
        };
        match known(&boxed) {
            Some(Known::Printed(compiled)) => return Some(compiled),
            Some(Known::Unstable) => {}
            None => {
                let low = print(&|w| w.low);
                let corners_agree = match &low {
                    Some(low) if widths.iter().flatten().all(|w| w.low == w.high) => {
                        Some(low.clone())
                    }
                    Some(low) => print(&|w| w.high).filter(|high| high == low),
                    None => None,
                };
                match corners_agree {
                    Some(compiled) => {
                        remember(boxed, Known::Printed(compiled.clone()));
                        return Some(compiled);
                    }
                    None => remember(boxed, Known::Unstable),
                }
            }
        }
        let mut exact = shape.to_string();
        for w in widths.iter().flatten() {
            exact.push('/');
            push_number(&mut exact, w.exact);
        }
        match known(&exact) {
            Some(Known::Printed(compiled)) => Some(compiled),
            Some(Known::Unstable) => None,
            None => {
                let compiled = print(&|w| w.exact);
                let known = compiled.clone().map_or(Known::Unstable, Known::Printed);
                remember(exact, known);
                compiled
            }
        }
    }

    /// The unit printed with stand-ins `width` wide, cut at them.
    fn print(
        &self,
        slots: &[Slot<'_>],
        widths: &[Option<Widths>],
        width: &dyn Fn(&Widths) -> usize,
        last: bool,
        build: &impl Fn(&[SlotTokens]) -> TokenStream,
    ) -> Option<Compiled> {
        let mut stand_ins = Vec::with_capacity(slots.len());
        let mut tokens = Vec::with_capacity(slots.len());
        for (i, (slot, widths)) in slots.iter().zip(widths).enumerate() {
            let (stand_in, token) = match (slot, widths) {
                (Slot::Ident(_) | Slot::Str(_) | Slot::Flat(..), Some(widths)) => {
                    let s = stand_in(slot, i, width(widths))?;
                    match slot {
                        Slot::Ident(_) => {
                            let token = TokenTree::Ident(Ident::new(&s, Span::call_site()));
                            (StandIn::Text(s), SlotTokens::Tree(token))
                        }
                        Slot::Flat(..) => {
                            let token = TokenTree::Ident(Ident::new(&s, Span::call_site()));
                            (StandIn::Flat(s), SlotTokens::Tree(token))
                        }
                        _ => {
                            let token = TokenTree::Literal(Literal::string(&s[1..s.len() - 1]));
                            (StandIn::Text(s), SlotTokens::Tree(token))
                        }
                    }
                }
                (Slot::Doc(d), _) if d.is_empty() => {
                    (StandIn::Empty, SlotTokens::Stream(TokenStream::new()))
                }
                (Slot::Doc(_), _) => {
                    let value = format!("{MARKER}D{}", letters(i));
                    let lit = Literal::string(&value);
                    (
                        StandIn::Doc(value),
                        SlotTokens::Stream(quote!(#[doc = #lit])),
                    )
                }
                (Slot::Inner(inner), _) => match inner.sole {
                    Some((_, place)) => {
                        let value = format!("{ITEM_MARKER}S{}", letters(i));
                        let lit = Literal::string(&value);
                        let stand_in = place.stand_in_tokens();
                        (
                            StandIn::Inner(value, place),
                            SlotTokens::Stream(quote!(#[doc = #lit] #stand_in)),
                        )
                    }
                    None => (StandIn::Empty, SlotTokens::Stream(TokenStream::new())),
                },
                _ => return None,
            };
            stand_ins.push(stand_in);
            tokens.push(token);
        }
        let text = print_at(self.place, build(&tokens), last)?;
        Compiled::new(&text, &stand_ins)
    }

    /// The tokens of the run: a marker per stretch of outlined units, plain units as they are.
    pub(crate) fn finish(self) -> Finished {
        let mut out = TokenStream::new();
        let mut pending: Vec<Unit> = Vec::new();
        let place = self.place;
        let mut markers = Vec::new();
        let mut plain = false;
        let mut flush = |pending: &mut Vec<Unit>, out: &mut TokenStream| {
            if pending.is_empty() {
                return;
            }
            let units = std::mem::take(pending);
            let id = TABLE.with(|t| {
                let mut t = t.borrow_mut();
                let table = t.as_mut()?;
                table.items.push(OutlinedItem { place, units });
                Some(table.items.len() - 1)
            });
            if let Some(id) = id {
                let marker = Literal::string(&format!("{ITEM_MARKER}{id}"));
                let stand_in = place.stand_in_tokens();
                out.extend(quote!(#[doc = #marker] #stand_in));
                markers.push(id);
            }
        };
        for entry in self.entries {
            match entry {
                RunEntry::Outlined(unit) => pending.push(unit),
                RunEntry::Plain(tokens) => {
                    flush(&mut pending, &mut out);
                    out.extend(tokens);
                    plain = true;
                }
            }
        }
        flush(&mut pending, &mut out);
        let sole = match (markers.as_slice(), plain) {
            ([id], false) => Some((*id, place)),
            _ => None,
        };
        Finished { tokens: out, sole }
    }
}
