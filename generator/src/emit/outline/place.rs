//! Where outlined units sit, and how a template is printed there.

use proc_macro2::TokenStream;
use quote::quote;

/// The one-line item printed after an item-like place's marker.
const STAND_IN: &str = "const Z: () = ();";

/// Where a run of units (see [`super::Run`]) sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// At the top level of the module.
    Top,
    /// Directly inside a top-level `impl` block.
    Impl,
    /// Statements of a function body at this depth (`1`: a top-level `fn`, `2`: a method).
    Stmt(u8),
    /// Named fields of a struct at this depth (`1`: a top-level struct).
    Field(u8),
    /// Variants of an enum at this depth (`1`: a top-level enum).
    Variant(u8),
    /// Arms of a `match` at this depth (`3`: a match that is a statement of a method).
    Arm(u8),
    /// Items of a module at this depth (`1`: in a top-level `mod`).
    Item(u8),
    /// Fields of a struct expression at this depth (`3`: the tail expression of a method),
    /// only for one that prettyplease breaks whatever its fields: wider than 34 (it breaks
    /// every struct expression wider than that, one field per line).
    FieldValue(u8),
    /// Elements of an array expression at this depth, only for one sure to break (wider than
    /// any line): one element per line then.
    Elem(u8),
}

/// Enough spaces for the deepest place outlined.
const SPACES: &str = "                                ";

impl Place {
    pub(super) fn depth(self) -> usize {
        match self {
            Place::Top => 0,
            Place::Impl => 1,
            Place::Stmt(d)
            | Place::Field(d)
            | Place::Variant(d)
            | Place::Arm(d)
            | Place::Item(d)
            | Place::FieldValue(d)
            | Place::Elem(d) => d as usize,
        }
    }

    /// Appends what tells this place apart in a template key.
    pub(super) fn push_key(self, out: &mut String) {
        let (name, depth) = match self {
            Place::Top => ("T", None),
            Place::Impl => ("I", None),
            Place::Stmt(d) => ("S", Some(d)),
            Place::Field(d) => ("F", Some(d)),
            Place::Variant(d) => ("V", Some(d)),
            Place::Arm(d) => ("A", Some(d)),
            Place::Item(d) => ("M", Some(d)),
            Place::FieldValue(d) => ("E", Some(d)),
            Place::Elem(d) => ("L", Some(d)),
        };
        out.push_str(name);
        if let Some(d) = depth {
            out.push(char::from(b'0' + d % 10));
            if d >= 10 {
                out.push(char::from(b'0' + d / 10 % 10));
                out.push(char::from(b'0' + d / 100));
            }
        }
    }

    pub(super) fn indent(self) -> &'static str {
        SPACES.get(..4 * self.depth()).unwrap_or(SPACES)
    }

    /// Whether templates can be printed for it (wrappers nest one level per depth).
    pub(super) fn supported(self) -> bool {
        let depth = self.depth();
        4 * depth <= SPACES.len()
            && match self {
                Place::Stmt(_) | Place::Field(_) | Place::Variant(_) | Place::Item(_) => depth >= 1,
                Place::Arm(_) | Place::FieldValue(_) | Place::Elem(_) => depth >= 2,
                Place::Top | Place::Impl => true,
            }
    }

    /// The tokens that hold a run's place, after its marker attribute.
    pub(super) fn stand_in_tokens(self) -> TokenStream {
        match self {
            Place::Top | Place::Impl | Place::Stmt(_) | Place::Item(_) => {
                quote!(
                    const Z: () = ();
                )
            }
            Place::Field(_) | Place::FieldValue(_) => quote!(z: (),),
            Place::Elem(_) => quote!(z,),
            Place::Variant(_) => quote!(Z,),
            Place::Arm(_) => quote!(_ => {}),
        }
    }

    /// How prettyplease prints [`Place::stand_in_tokens`] (after the indentation).
    pub(super) fn stand_in_line(self) -> &'static str {
        match self {
            Place::Top | Place::Impl | Place::Stmt(_) | Place::Item(_) => STAND_IN,
            Place::Field(_) | Place::FieldValue(_) => "z: (),",
            Place::Elem(_) => "z,",
            Place::Variant(_) => "Z,",
            Place::Arm(_) => "_ => {}",
        }
    }

    /// `tokens` wrapped so that prettyplease prints them at this place's indentation, with the
    /// exact text of the wrapper's opening and closing lines.
    pub(super) fn wrap(self, tokens: TokenStream, last: bool) -> (TokenStream, String, String) {
        let depth = self.depth();
        let level = |d: usize| SPACES.get(..4 * d).unwrap_or(SPACES);
        // The innermost wrapper: how many levels it takes, its tokens, its opening lines.
        let (inner_levels, mut wrapped, inner_head): (usize, TokenStream, Vec<&str>) = match self {
            Place::Top => return (tokens, String::new(), String::new()),
            Place::Impl => (1, quote!(impl Z { #tokens }), vec!["impl Z {"]),
            Place::Item(_) => (1, quote!(mod z { #tokens }), vec!["mod z {"]),
            Place::Stmt(_) => (1, quote!(fn z() { #tokens }), vec!["fn z() {"]),
            Place::Field(_) => (1, quote!(struct Z { #tokens }), vec!["struct Z {"]),
            Place::Variant(_) => (1, quote!(enum Z { #tokens }), vec!["enum Z {"]),
            Place::Arm(_) => (
                2,
                quote!(fn z() { match z { #tokens } }),
                vec!["fn z() {", "match z {"],
            ),
            // A field with a doc line makes the expression break as the real one does; it
            // goes after the unit, or before it for the last field (whose comma prettyplease
            // prints only as the line breaks, so the last field may fill the line by one more).
            Place::FieldValue(_) if last => (
                2,
                quote!(fn z() { Z { #[doc = " z"] z: (), #tokens } }),
                vec!["fn z() {", "Z {"],
            ),
            Place::FieldValue(_) => (
                2,
                quote!(fn z() { Z { #tokens #[doc = " z"] z: () } }),
                vec!["fn z() {", "Z {"],
            ),
            // The same for array elements (the doc line forces the break).
            Place::Elem(_) if last => (
                2,
                quote!(fn z() { [#[doc = " z"] z, #tokens] }),
                vec!["fn z() {", "["],
            ),
            Place::Elem(_) => (
                2,
                quote!(fn z() { [#tokens #[doc = " z"] z] }),
                vec!["fn z() {", "["],
            ),
        };
        let mods = depth - inner_levels;
        for _ in 0..mods {
            wrapped = quote!(mod z { #wrapped });
        }
        let mut head = String::new();
        for d in 0..mods {
            head.push_str(level(d));
            head.push_str("mod z {\n");
        }
        for (i, line) in inner_head.iter().enumerate() {
            head.push_str(level(mods + i));
            head.push_str(line);
            head.push('\n');
        }
        // The forcing line of a list place: after the unit, or before the last one.
        let forcing = match self {
            Place::FieldValue(_) => Some("z: (),"),
            Place::Elem(_) => Some("z,"),
            _ => None,
        };
        let mut tail = String::new();
        if let Some(line) = forcing {
            let lines = match last {
                true => &mut head,
                false => &mut tail,
            };
            lines.push_str(level(depth));
            lines.push_str("/// z\n");
            lines.push_str(level(depth));
            lines.push_str(line);
            lines.push('\n');
        }
        for d in (0..depth).rev() {
            tail.push_str(level(d));
            match (self, d + 1 == depth) {
                (Place::Elem(_), true) => tail.push_str("]\n"),
                _ => tail.push_str("}\n"),
            }
        }
        (wrapped, head, tail)
    }
}

/// `tokens` printed at `place` (lines indented as there). Placeholders are left for the
/// caller to check.
pub(super) fn print_at(place: Place, tokens: TokenStream, last: bool) -> Option<String> {
    let (wrapped, head, tail) = place.wrap(tokens, last);
    let printed = crate::emit::format_tokens(wrapped, "template").ok()?;
    let body = printed.strip_prefix(&head)?.strip_suffix(&tail)?;
    let clean = body.ends_with('\n') && body.lines().all(|l| l.starts_with(place.indent()));
    clean.then(|| body.to_string())
}
