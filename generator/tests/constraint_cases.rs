//! Case files of real-looking sentences per rule kind and language
//! (`tests/constraint_cases/<lang>/<kind>.txt`, one description per paragraph; header lines
//! `# siblings: A, B` name the other parameters at the same level, `# sibling A: text` gives one
//! its description, `# parent: DataDisk` and `# own: Size` place the parameter), with a snapshot
//! of the rules
//! the extractor reads from each. A maintainer who adds a wording to the lexicon adds its sentence
//! here and reviews the snapshot (`cargo insta review`).

use std::path::Path;

use aliyun_codegen::model::Type;
use aliyun_codegen::parse::constraints::{extract_in, Place, Sibling};

fn render(text: &str, ty: &Type) -> String {
    let mut siblings: Vec<Sibling> = Vec::new();
    let (mut parent, mut own) = (String::new(), String::new());
    let mut out = String::new();
    let mut body = text;
    while let Some(rest) = body.strip_prefix("# ") {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        body = after;
        let (key, value) = line.split_once(':').expect("`# key: value` header");
        let value = value.trim().replace("\\n", "\n");
        match key.split_once(' ') {
            Some(("sibling", name)) => match siblings.iter_mut().find(|s| s.name == name) {
                Some(s) => s.description = value,
                None => siblings.push(Sibling {
                    name: name.to_string(),
                    description: value,
                    example: None,
                }),
            },
            _ => match key {
                "siblings" => siblings.extend(value.split(',').map(|s| Sibling {
                    name: s.trim().to_string(),
                    ..Sibling::default()
                })),
                "parent" => parent = value,
                "own" => own = value,
                other => panic!("unknown header `{other}`"),
            },
        }
    }
    let refs: Vec<&Sibling> = siblings.iter().collect();
    let place = Place {
        own: &own,
        parent: &parent,
        siblings: &refs,
        ..Place::default()
    };
    for case in body.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let found = extract_in(case, ty, &place);
        out.push_str(case);
        out.push('\n');
        for c in &found.constraints {
            let rule = serde_json::to_string(&c.rule).expect("rules serialise");
            out.push_str(&format!("  => {rule}\n"));
        }
        for (name, c) in &found.for_siblings {
            let rule = serde_json::to_string(&c.rule).expect("rules serialise");
            out.push_str(&format!("  => on {name}: {rule}\n"));
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
            let ty = if kind == "range" || kind == "range_when" {
                Type::Integer
            } else {
                Type::String
            };
            let text = std::fs::read_to_string(&path).expect("readable");
            insta::assert_snapshot!(format!("{lang}_{kind}"), render(&text, &ty));
        }
    }
}
