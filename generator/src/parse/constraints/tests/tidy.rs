//! Source tidiness of the extractor (in the manner of rust-analyzer's tidy tests): no file over
//! ~600 lines, and phrases live in `lexicon/`: no Chinese string literal outside it, and no
//! English phrase literal (two or more words) in a detector.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// String literals on one line (a line-based approximation: the extractor's phrases are
/// one-line literals).
fn literals(line: &str) -> impl Iterator<Item = &str> {
    line.split('"').skip(1).step_by(2)
}

/// String literals on one line that hold a CJK character.
fn cjk_literals(line: &str) -> usize {
    literals(line).filter(|lit| lit.chars().any(is_cjk)).count()
}

/// `cannot start with`: lower-case words joined by single spaces, two or more of them.
fn is_english_phrase(lit: &str) -> bool {
    let words: Vec<&str> = lit.split(' ').collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
        })
}

#[test]
fn the_phrase_detectors_are_recognised() {
    assert_eq!(cjk_literals(r#"r.has_any(&["不能", "x"])"#), 1);
    assert!(is_english_phrase("cannot start with"));
    assert!(!is_english_phrase("cidr"));
    assert!(!is_english_phrase(" of "));
    assert!(!is_english_phrase("{w}: {c}"));
}

#[test]
fn extractor_files_are_small_and_phrases_live_in_the_lexicon() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/parse/constraints");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut problems = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).expect("readable");
        let lines = text.lines().count();
        if lines > 620 {
            problems.push(format!("{rel}: {lines} lines (split it)"));
        }
        if rel.starts_with("lexicon/") || rel.starts_with("tests/") {
            continue;
        }
        let code = || text.lines().filter(|l| !l.trim_start().starts_with("//"));
        let found: usize = code().map(cjk_literals).sum();
        if found > 0 {
            problems.push(format!(
                "{rel}: {found} Chinese phrase literals; put phrases in lexicon/"
            ));
        }
        if rel.starts_with("detect/") {
            for phrase in code().flat_map(literals).filter(|l| is_english_phrase(l)) {
                problems.push(format!(
                    "{rel}: English phrase literal `{phrase}`; put phrases in lexicon/"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
