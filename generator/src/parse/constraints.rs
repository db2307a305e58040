// TEMPORARY stub until the extractor lands (being written in a scratch crate).
use crate::model::*;
pub struct Extracted {
    pub constraints: Vec<Constraint>,
    pub not_understood: Vec<String>,
    pub understood: usize,
}
pub fn extract(_description: &str, _ty: &Type, _siblings: &[&str]) -> Extracted {
    Extracted {
        constraints: Vec::new(),
        not_understood: Vec::new(),
        understood: 0,
    }
}
pub fn is_rule_like(_sentence: &str) -> bool {
    false
}
