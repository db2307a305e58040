//! Case files of real-looking sentences per rule kind and language
//! (`tests/constraint_cases/<lang>/<kind>.txt`, one description per paragraph; a first line
//! `# siblings: A, B` names the other parameters of the request), with a snapshot of the rules
//! the extractor reads from each. A maintainer who adds a wording to the lexicon adds its sentence
//! here and reviews the snapshot (`cargo insta review`).

use std::path::Path;

use aliyun_codegen::model::Type;
use aliyun_codegen::parse::constraints::extract;

fn render(text: &str, ty: &Type) -> String {
    let mut siblings: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut body = text;
    if let Some(rest) = text.strip_prefix("# siblings:") {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        siblings = line.split(',').map(|s| s.trim().to_string()).collect();
        body = after;
    }
    let names: Vec<&str> = siblings.iter().map(String::as_str).collect();
    for case in body.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let found = extract(case, ty, &names);
        out.push_str(case);
        out.push('\n');
        for c in &found.constraints {
            let rule = serde_json::to_string(&c.rule).expect("rules serialise");
            out.push_str(&format!("  => {rule}\n"));
        }
        for s in &found.not_understood {
            out.push_str(&format!("  ?? not understood: {s}\n"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn case_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/constraint_cases");
    for lang in ["zh", "en"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(lang))
            .expect("case dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in files {
            let kind = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .to_string();
            let ty = if kind == "range" {
                Type::Integer
            } else {
                Type::String
            };
            let text = std::fs::read_to_string(&path).expect("readable");
            insta::assert_snapshot!(format!("{lang}_{kind}"), render(&text, &ty));
        }
    }
}
