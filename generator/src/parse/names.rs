//! Reports wire names that make the same Rust name at one level (`Name`/`name`, `ErrorCode`/
//! `Error code`). Nothing is dropped: the wire names stay exact and the emitter disambiguates
//! the Rust names by the rule in [`crate::naming::field_idents`].

use super::sink::Sink;
use crate::model::Field;
use crate::naming;

/// One warning per collision group at every level of `fields`; each names every row
/// (`file:line`) and the Rust name each one gets.
pub fn report_collisions(fields: &[Field], path: &str, sink: &mut Sink) {
    if fields.is_empty() {
        return;
    }
    let file = sink.file().to_string();
    let wires: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let groups = naming::collisions(&wires);
    // The Rust names are only needed to word a warning (most levels have none).
    let idents = if groups.is_empty() {
        Vec::new()
    } else {
        naming::field_idents(&wires)
    };
    for group in groups {
        let rows: Vec<String> = group
            .iter()
            .map(|&i| {
                format!(
                    "`{path}{}` ({file}:{}) → `{}`",
                    fields[i].name,
                    fields[i].line,
                    idents[i].as_deref().unwrap_or("?")
                )
            })
            .collect();
        sink.warn(
            fields[group[group.len() - 1]].line,
            "name-collision",
            format!(
                "wire names that differ only in spelling make one Rust name; wire names kept, Rust names: {}",
                rows.join(", ")
            ),
        );
    }
    for f in fields {
        report_collisions(&f.children, &format!("{path}{}.", f.name), sink);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostic;
    use crate::parse::{parse_doc, DocDefaults};

    #[test]
    fn case_variants_are_a_warning_not_an_error() {
        let doc = "# ListThings\n\n## Request parameters\n\n|Name|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Action|String|Yes|ListThings|The action.|\n|state|String|No|OK|Old spelling.|\n|State|String|No|OK|The state.|\n\n## Response parameters\n\n|Name|Type|Example|Description|\n|--|--|--|--|\n|Error code|Integer|200|The code.|\n|ErrorCode|Integer|200|The code.|\n|RequestId|String|r|The id.|\n";
        let (api, diags) = parse_doc("t.md", doc, &DocDefaults::default()).unwrap();
        let names: Vec<&str> = api.request.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["state", "State"]);
        let found: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.kind == "name-collision")
            .collect();
        assert_eq!(found.len(), 2, "{diags:#?}");
        assert!(found.iter().all(|d| !d.is_error()));
        assert!(
            found[0].message.contains("`state` (t.md:8) → `state_2`"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("`State` (t.md:9) → `state`"),
            "{}",
            found[0].message
        );
        assert!(
            found[1]
                .message
                .contains("`Error code` (t.md:15) → `error_code_2`"),
            "{}",
            found[1].message
        );
    }
}
