mod bookkeeping;
mod bounds;
mod merging;
mod phrasings;
mod placed;
mod relations;
mod seed;
mod shapes;
mod tidy;
mod values;

use super::*;

fn rules_of(desc: &str, ty: Type, siblings: &[&str]) -> Vec<Rule> {
    extract(desc, &ty, siblings)
        .constraints
        .into_iter()
        .map(|c| c.rule)
        .collect()
}

fn s(desc: &str) -> Vec<Rule> {
    rules_of(desc, Type::String, &[])
}

fn values(rules: &[Rule]) -> Vec<String> {
    rules
        .iter()
        .find_map(|r| match r {
            Rule::Enum { values } => Some(values.iter().map(|v| v.value.clone()).collect()),
            _ => None,
        })
        .unwrap_or_default()
}

fn default(v: &str) -> Rule {
    Rule::Default {
        value: v.to_string(),
    }
}

fn len(min: Option<u64>, max: Option<u64>) -> Rule {
    Rule::Length { min, max }
}

fn range(min: Option<i64>, max: Option<i64>) -> Rule {
    Rule::Range {
        min: min.map(Number::Int),
        max: max.map(Number::Int),
        min_exclusive: false,
        max_exclusive: false,
    }
}

fn items(min: Option<u64>, max: Option<u64>) -> Rule {
    Rule::Items { min, max }
}

fn format(name: &str, pattern: Option<&str>) -> Rule {
    Rule::Format {
        name: name.to_string(),
        pattern: pattern.map(str::to_string),
    }
}

fn relation(kind: RelationKind, other: &str, value: Option<&str>) -> Rule {
    Rule::relation(kind, other, value.map(str::to_string))
}

fn no_prefix(v: &[&str]) -> Rule {
    Rule::PrefixForbidden {
        values: v.iter().map(|x| x.to_string()).collect(),
    }
}

use CharClass::{Char, Cjk, Digit, Letter};

const PORTS: [&str; 16] = [
    "22", "2222", "22222", "9000", "9001", "9002", "7505", "80", "443", "53", "68", "123", "4510",
    "4560", "500", "4500",
];
