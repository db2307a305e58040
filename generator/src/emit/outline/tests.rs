//! Outlined printing against plain printing, place by place.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;
use crate::emit::docs::Doc;
use crate::emit::format_tokens;

/// Outlined printing of `tokens` gives `plain`, twice: templates printed, then from the cache.
fn prints_like_plain(plain: &str, tokens: impl Fn() -> TokenStream) {
    for _ in 0..2 {
        let (outlined, docs) = outline(&tokens);
        let printed = format_tokens(outlined, "outlined").unwrap();
        let restored = docs.restore(&printed);
        assert_eq!(restored.as_deref(), Some(plain), "{printed}");
    }
}

fn both(tokens: impl Fn() -> TokenStream) -> (String, String) {
    let plain = format_tokens(tokens(), "plain").unwrap();
    let (outlined, docs) = outline(&tokens);
    let printed = format_tokens(outlined, "outlined").unwrap();
    (plain, docs.restore(&printed).unwrap())
}

#[test]
fn restores_what_prettyplease_prints_for_doc_attributes() {
    // Empty lines, leading and trailing spaces, `/` and `*/` in the text, non-ASCII,
    // inner docs, docs inside nested items.
    let (plain, restored) = both(|| {
        let inner = Doc::inner("Crate doc.\n\n  indented  \n*/ not a block end");
        let a = Doc::outer("A struct.\n\n/ slash first\n调用[A]接口。   ");
        let f = Doc::outer("A field.\n\u{1}0 looks like a placeholder");
        let m = Doc::outer("A method.\n\n");
        let none = Doc::outer("");
        quote! {
            #inner
            #a
            pub struct A {
                #f
                pub x: i32,
            }
            impl A {
                #m
                #none
                pub fn go(&self) -> i32 { self.x }
            }
        }
    });
    assert_eq!(restored, plain);
    // The expected text by hand: trailing spaces trimmed, empty lines bare.
    assert!(plain.contains("//!   indented\n"), "{plain}");
    assert!(plain.contains("/// 调用[A]接口。\n"), "{plain}");
    assert!(
        plain.contains("    /// \u{1}0 looks like a placeholder\n"),
        "{plain}"
    );
    assert!(plain.contains("///\n"), "{plain}");
}

#[test]
fn restores_docs_printed_in_another_order_than_made() {
    // A module's inner doc is made after its items' docs but printed first.
    let (plain, restored) = both(|| {
        let a = Doc::outer("Item doc.");
        let inner = Doc::inner("Module doc.");
        quote!(#inner #a pub struct A;)
    });
    assert_eq!(plain, "//! Module doc.\n/// Item doc.\npub struct A;\n");
    assert_eq!(restored, plain);
}

#[test]
fn refuses_placeholders_repeated_or_missing() {
    let doc = Doc::outer("one\ntwo");
    let (tokens, docs) = outline(|| quote!(#doc pub struct A;));
    let printed = format_tokens(tokens, "t").unwrap();
    assert!(docs.restore(&printed).is_some());
    // A token stream interpolated twice repeats ids 0 and 1.
    let (tokens, docs) = outline(|| {
        let t = quote!(#doc pub struct A;);
        quote!(#t #t)
    });
    let printed = format_tokens(tokens, "t").unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs.restore(&printed).is_none());
    // A placeholder that is not a whole comment line.
    assert!(docs.restore("const X: &str = \"\u{1}0\";\n").is_none());
    // Fewer placeholders than lines.
    assert!(docs.restore("/// plain\n").is_none());
}

#[test]
fn impl_items_print_like_inline() {
    let build = |id: &dyn quote::ToTokens| {
        quote! {
            pub fn #id(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.#id = ::std::option::Option::Some(value.into());
                self
            }
        }
    };
    let names = [
        "region_id",
        "a_rather_long_field_name_that_wraps_the_sig",
        "abc",
        "r#type",
        "x",
    ];
    let tokens = |outlined: bool| {
        let mut run = Run::new(Place::Impl);
        if !outlined {
            run = run.plain_only();
        }
        for n in names {
            let doc = Doc::outer(format!("Sets `{n}`."));
            run.unit("test", Some(&doc), &[Slot::Ident(n)], |s| build(&s[0]));
        }
        let items = run.finish();
        quote!(pub struct A; impl A { #items pub fn last(self) {} })
    };
    let plain = format_tokens(tokens(false), "plain").unwrap();
    // By hand: these signatures are too long for one line.
    assert!(plain
        .contains("    pub fn a_rather_long_field_name_that_wraps_the_sig(\n        mut self,\n"));
    assert!(plain.contains("    pub fn r#type(\n"));
    // Twice: templates printed, then templates from the cache.
    for _ in 0..2 {
        let (outlined, docs) = outline(|| tokens(true));
        let units: usize = docs.items.iter().map(|i| i.units.len()).sum();
        assert_eq!(units, 4, "`x` is too short to stand in for");
        let printed = format_tokens(outlined, "outlined").unwrap();
        assert_eq!(docs.restore(&printed).unwrap(), plain);
    }
}

/// A module with a run at each place, built plainly or outlined.
fn module_with_runs(names: &[&str]) -> TokenStream {
    let mut fields = Run::new(Place::Field(1));
    let mut variants = Run::new(Place::Variant(1));
    let mut stmts = Run::new(Place::Stmt(2));
    let mut arms = Run::new(Place::Arm(3));
    for name in names {
        let doc = Doc::outer(format!("Field `{name}`.\n\nSecond line."));
        let wire = format!("Wire{name}");
        let slots = [Slot::Ident(name), Slot::Str(&wire)];
        fields.unit("field", Some(&doc), &slots, |s| {
            let (id, wire) = (&s[0], &s[1]);
            quote!(#[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")] pub #id: ::std::option::Option<::std::string::String>,)
        });
        let camel = heck::ToUpperCamelCase::to_upper_camel_case(*name);
        variants.unit("variant", Some(&doc), &[Slot::Ident(&camel)], |s| {
            let id = &s[0];
            quote!(#id { message: ::std::string::String },)
        });
        stmts.unit("stmt", None, &slots, |s| {
            let (id, wire) = (&s[0], &s[1]);
            quote!(if let ::std::option::Option::Some(x) = self.#id.as_ref() { q.field(prefix, #wire, x); })
        });
        arms.unit("arm", None, &[Slot::Str(&wire), Slot::Ident(&camel)], |s| {
            let (wire, id) = (&s[0], &s[1]);
            quote!(#wire => Self::#id { message },)
        });
    }
    let (fields, variants, stmts, arms) = (
        fields.finish(),
        variants.finish(),
        stmts.finish(),
        arms.finish(),
    );
    quote! {
        pub struct A { #fields pub last: i32, }
        pub enum E { #variants Other, }
        impl A {
            pub fn write(&self, prefix: &str, q: &mut Q) { let _ = 1; #stmts }
            pub fn from_code(code: &str, message: String) -> E {
                match code { #arms _ => E::Other, }
            }
        }
    }
}

#[test]
fn runs_print_like_inline() {
    let names = [
        "region_id",
        "a_rather_long_field_name_that_makes_the_lines_wrap_somewhere_past_the_margin_of_it",
        "abc",
        "r#type",
        "x",
        "id",
    ];
    let plain = format_tokens(module_with_runs(&names), "plain").unwrap();
    // By hand: the long name does not fit the `if let` line.
    assert!(
        plain.contains("        if let ::std::option::Option::Some(x) = self\n"),
        "{plain}"
    );
    assert!(
        plain.contains("    /// Second line.\n    #[serde(rename = \"Wireabc\""),
        "{plain}"
    );
    prints_like_plain(&plain, || module_with_runs(&names));
}

/// Structs as units holding runs of fields, with docs as slots.
fn module_with_nested_units(names: &[&str]) -> TokenStream {
    let mut items = Run::new(Place::Top);
    for name in names {
        let mut fields = Run::new(Place::Field(1));
        for field in ["region_id", "a_long_field_name", "id"] {
            let doc = Doc::outer(format!("Field `{field}` of {name}."));
            fields.unit("field", Some(&doc), &[Slot::Ident(field)], |s| {
                let id = &s[0];
                quote!(pub #id: ::std::option::Option<::std::string::String>,)
            });
        }
        let fields = fields.finish();
        let empty = Run::new(Place::Field(1)).finish();
        let doc = Doc::outer(format!("Struct `{name}`.\n\nMore."));
        let no_doc = Doc::outer("");
        let slots = [
            Slot::Doc(&doc),
            Slot::Ident(name),
            Slot::Inner(&fields),
            Slot::Doc(&no_doc),
            Slot::Inner(&empty),
        ];
        items.unit("struct", None, &slots, |s| {
            let (doc, id, fields, no_doc, empty) = (&s[0], &s[1], &s[2], &s[3], &s[4]);
            quote! {
                #doc
                #[derive(Debug)]
                pub struct #id {
                    #fields
                }
                #no_doc
                impl #id {
                    #empty
                }
            }
        });
    }
    let items = items.finish();
    quote!(#items)
}

#[test]
fn units_hold_docs_and_inner_runs() {
    let names = ["Alpha", "Beta", "Gamma", "Delta"];
    let plain = format_tokens(module_with_nested_units(&names), "plain").unwrap();
    assert!(plain.contains("/// Struct `Beta`.\n///\n/// More.\n#[derive(Debug)]\npub struct Beta {\n    /// Field `region_id` of Beta.\n"), "{plain}");
    for _ in 0..2 {
        let (outlined, docs) = outline(|| module_with_nested_units(&names));
        let printed = format_tokens(outlined, "outlined").unwrap();
        // Every struct is a unit: none is printed in the module itself.
        assert!(!printed.contains("pub struct"), "{printed}");
        let restored = docs.restore(&printed);
        assert_eq!(restored.as_deref(), Some(plain.as_str()), "{printed}");
    }
}

/// Statements with long literals where prettyplease could break (call arguments), and the
/// fields of a struct expression and elements of an array that always break.
fn module_with_long_literals_and_lists(texts: &[String]) -> TokenStream {
    let mut stmts = Run::new(Place::Stmt(1));
    for text in texts {
        stmts.unit("long", None, &[Slot::Str(text)], |s| {
            let lit = &s[0];
            quote!(let parsed = parse(::std::option::Option::Some("text/xml"), #lit.as_bytes()).expect("parses");)
        });
    }
    let names = [
        "region_id",
        "a_rather_long_field_name_to_fill_the_line_with_xx",
        "id",
    ];
    let mut fields = Run::field_values(2, names.len());
    let mut elements = Run::elements(3, names.len());
    for name in names {
        fields.unit("field", None, &[Slot::Ident(name)], |s| {
            let id = &s[0];
            quote!(#id: ::aliyun_runtime::response::scalar(m, "A_Long_Wire_Name"),)
        });
        elements.unit("element", None, &[Slot::Ident(name)], |s| {
            let id = &s[0];
            quote!(self.#id.as_value(),)
        });
    }
    let (stmts, fields, elements) = (stmts.finish(), fields.finish(), elements.finish());
    quote! {
        fn f() { #stmts }
        fn g() -> S { S { #fields } }
        fn h() { at.check(&[#elements], v); }
    }
}

#[test]
fn long_literals_and_broken_lists_print_like_inline() {
    let texts: Vec<String> = [250, 333, 1000, 60]
        .iter()
        .map(|n| "<a>x</a>".repeat(*n / 8))
        .collect();
    let plain = format_tokens(module_with_long_literals_and_lists(&texts), "plain").unwrap();
    // By hand: a literal wider than the line puts each argument on its own line.
    assert!(
        plain.contains("        ::std::option::Option::Some(\"text/xml\"),\n"),
        "{plain}"
    );
    // The last field fills its line but for the comma, printed only as the line breaks.
    assert!(
        plain.contains(
            "\n        id: ::aliyun_runtime::response::scalar(m, \"A_Long_Wire_Name\"),\n    }"
        ),
        "{plain}"
    );
    prints_like_plain(&plain, || module_with_long_literals_and_lists(&texts));
}

#[test]
fn outside_outline_docs_are_literal_attributes() {
    let doc = Doc::outer("text");
    let printed = format_tokens(quote!(#doc pub struct A;), "t").unwrap();
    assert_eq!(printed, "/// text\npub struct A;\n");
    assert!(TABLE.with(|t| t.borrow().is_none()));
}

/// Hand-picked values for every branch of the escaper: plain ASCII, quotes and backslash,
/// controls, NUL before and not before an octal digit, CJK and a combining mark.
#[test]
fn string_literal_escapes_as_proc_macro2_does() {
    let cases = [
        ("", r#""""#),
        ("plain text", r#""plain text""#),
        ("a\"b\\c'd", r#""a\"b\\c'd""#),
        ("tab\tnew\nret\r", r#""tab\tnew\nret\r""#),
        ("\u{0}7", r#""\x007""#),
        ("\u{0}x", r#""\0x""#),
        ("默认值：1", "\"默认值：1\""),
        ("e\u{301}", r#""e\u{301}""#),
        ("\u{7f}", r#""\u{7f}""#),
    ];
    for (value, expected) in cases {
        assert_eq!(run::string_literal(value), expected, "{value:?}");
    }
}

proptest::proptest! {
    /// Same text as `proc_macro2::Literal::string` for any value.
    #[test]
    fn string_literal_matches_literal_string(value in "\\PC*|[\\x00-\\x7f]*|.*") {
        proptest::prop_assert_eq!(
            run::string_literal(&value),
            proc_macro2::Literal::string(&value).to_string()
        );
    }
}

/// Functions whose statements hold flat slots: arrays of growing width (on the call's line,
/// on a line of their own, broken one element per line) and a one-element paren group too wide
/// for its line, which prettyplease cannot break.
fn module_with_flat_slots(counts: &[usize]) -> TokenStream {
    let mut items = Run::new(Place::Top);
    for &n in counts {
        let names: Vec<String> = (0..n).map(|i| format!("field_{i}")).collect();
        let text = names
            .iter()
            .map(|f| format!("self.{f}.as_value()"))
            .collect::<Vec<_>>()
            .join(", ");
        let tokens = {
            let ids = names.iter().map(|f| crate::emit::naming::ident(f));
            quote!(#(self.#ids.as_value()),*)
        };
        let long = format!("\"{}\", true", "a".repeat(10 * n));
        let long_tokens = {
            let lit = proc_macro2::Literal::string(&"a".repeat(10 * n));
            quote!(#lit, true)
        };
        let mut stmts = Run::new(Place::Stmt(1));
        stmts.unit("check", None, &[Slot::Flat(&text, &tokens)], |s| {
            let values = &s[0];
            quote!(at.check(Self::RULES, &[#values], v);)
        });
        stmts.unit("paren", None, &[Slot::Flat(&long, &long_tokens)], |s| {
            let case = &s[0];
            quote!(let case = (#case);)
        });
        let stmts = stmts.finish();
        let name = format!("check_{n}");
        items.unit(
            "fn",
            None,
            &[Slot::Ident(&name), Slot::Inner(&stmts)],
            |s| {
                let (name, stmts) = (&s[0], &s[1]);
                quote! {
                    fn #name() {
                        #stmts
                    }
                }
            },
        );
    }
    let items = items.finish();
    quote!(#items)
}

#[test]
fn flat_slots_print_like_inline() {
    let counts = [1, 2, 3, 4, 6, 9];
    let plain = format_tokens(module_with_flat_slots(&counts), "plain").unwrap();
    // By hand: two values fit on the call's line, four on a line of their own, nine do not.
    assert!(
        plain.contains(
            "    at.check(Self::RULES, &[self.field_0.as_value(), self.field_1.as_value()], v);\n"
        ),
        "{plain}"
    );
    assert!(
        plain.contains("        &[\n            self.field_0.as_value(),\n"),
        "{plain}"
    );
    assert!(
        plain.contains("    let case = (\n        \"aaaa"),
        "{plain}"
    );
    prints_like_plain(&plain, || module_with_flat_slots(&counts));
}
