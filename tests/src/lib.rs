//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `../shared/corpus`, next to the repository, where CI puts the real docs.
pub fn corpus_dir() -> PathBuf {
    repo_root().join("../shared/corpus")
}

/// Every corpus document, sorted: `(product folder, language, path)`.
pub fn corpus_docs() -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(products) = std::fs::read_dir(corpus_dir()) else {
        return out;
    };
    for product in products.flatten().filter(|e| e.path().is_dir()) {
        for lang in std::fs::read_dir(product.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for doc in std::fs::read_dir(lang.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = doc.path();
                if path.extension().is_some_and(|e| e == "md") {
                    out.push((
                        product.file_name().to_string_lossy().into_owned(),
                        lang.file_name().to_string_lossy().into_owned(),
                        path,
                    ));
                }
            }
        }
    }
    out.sort();
    out
}
