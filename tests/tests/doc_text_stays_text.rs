//! No doc text becomes code: a doc whose names, descriptions, values, examples and error codes
//! try to close a comment, a string or a code fence and write Rust of their own generates a
//! crate in which that text appears only inside doc comments and string literals, or sanitized
//! into one identifier. The hostile text is written here by hand; the check is on the tokens of
//! every generated Rust file.

use aliyun_codegen::emit::render_crate;
use aliyun_codegen::Config;
use aliyun_codegen_tests::fuzz_crate_options;
use proc_macro2::{TokenStream, TokenTree};

/// The word every hostile fragment tries to make an item of.
const WORD: &str = "pwned";

fn hostile_doc() -> String {
    let rows = [
        "|Action|String|Yes|CreateThing|Set the value to **CreateThing**.|",
        // A description that closes a block comment, a string and a doc line, then a code fence
        // rustdoc would compile as a doctest.
        "|Name|String|No|n|The name. */ fn pwned() {} /* \"); fn pwned() {} // \\u{1} <script>pwned</script>|",
        "|Mode|String|No|a|The mode. Valid values:<br>- **a\"); fn pwned() {} //**<br>- **b\\\\\"; fn pwned() {}**|",
        "|Size|Integer|No|1|The size. Default value: 1\"; fn pwned() {}.|",
        // A name that is not an identifier.
        "|Tag.N.Key\"); fn pwned() {} //|String|No|k|A tag key.|",
    ]
    .join("\n");
    format!(
        "# CreateThing\n\nCreates a thing.\n\n```rust\nfn pwned() {{}}\n```\n\n\
         ## Request parameters\n\n|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n{rows}\n\n\
         ## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n\
         |RequestId|String|r|The request ID.|\n\
         |Note|String|x|A note */ fn pwned() {{}} /*.|\n\n\
         ## Examples\n\nSample request\n\n```\nhttp://thing.aliyuncs.com/?Action=CreateThing&Name=n\"%29%3B%20fn%20pwned%28%29%20%7B%7D%20%2F%2F\n```\n\n\
         Sample success responses\n\n`JSON` format\n\n```json\n{{\"RequestId\": \"r\\\"); fn pwned() {{}} //\", \"pwned\\\"); fn pwned() {{}} //\": 1}}\n```\n\n\
         ## Error codes\n\n|HttpCode|Error code|Error message|Description|\n|--|--|--|--|\n\
         |400|Thing.\"); fn pwned() {{}} //|Bad \"); fn pwned() {{}} // thing.|*/ fn pwned() {{}}|\n"
    )
}

/// Identifiers in a token stream, through every group.
fn idents(tokens: TokenStream, out: &mut Vec<String>) {
    for t in tokens {
        match t {
            TokenTree::Ident(i) => out.push(i.to_string()),
            TokenTree::Group(g) => idents(g.stream(), out),
            _ => {}
        }
    }
}

#[test]
fn hostile_doc_text_reaches_the_crate_only_as_docs_and_literals() {
    let dir = std::env::temp_dir().join(format!("aliyun-codegen-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("CreateThing.md"), hostile_doc()).expect("writes");
    let loaded = Config::new()
        .product("Thing")
        .version("2020-01-01")
        .load(&dir)
        .expect("loads");
    let _ = std::fs::remove_dir_all(&dir);
    let (files, _) = render_crate(&loaded.apis, &fuzz_crate_options()).expect("renders");
    let mut carried = 0;
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".rs")) {
        carried += text.matches(WORD).count();
        // It is Rust: doc comments and literals are tokens of their own.
        let tokens: TokenStream = text
            .parse()
            .unwrap_or_else(|e| panic!("{path} does not tokenize: {e}"));
        let mut names = Vec::new();
        idents(tokens, &mut names);
        // A name made from hostile text is sanitized into one identifier (`pwned_fn_pwned`);
        // the fragment's own `fn pwned` never appears.
        assert!(
            !names.iter().any(|n| n == WORD),
            "{path}: doc text became code:\n{text}"
        );
        // Fences become plain text blocks, never doctests.
        for line in text.lines().map(str::trim_start) {
            if let Some(doc) = line.strip_prefix("///").or(line.strip_prefix("//!")) {
                let doc = doc.trim_start();
                assert!(
                    !doc.starts_with("```") || doc == "```" || doc == "```text",
                    "{path}: a fence rustdoc would compile: {line}"
                );
            }
        }
    }
    // By hand: the hostile text does reach the crate (descriptions, values, example, codes).
    assert!(
        carried >= 5,
        "the hostile text reached the crate {carried} times"
    );
}

#[test]
fn the_token_check_tells_code_from_docs_and_literals() {
    let text = "/// fn pwned() {}\nfn pwned() {}\nconst X: &str = \"fn pwned() {}\";\n";
    let mut names = Vec::new();
    idents(text.parse().expect("tokenizes"), &mut names);
    assert_eq!(names.iter().filter(|n| *n == WORD).count(), 1, "{names:?}");
}
