//! Step 2: parameter rows. Columns are found by header keyword (never by position); each row
//! becomes a [`Row`] with its name, `└` depth marker, type, required flag, example and
//! description.

use super::sink::Sink;
use super::table::RawTable;
use super::text;
use super::tree::Row;
use super::types;

/// Column roles of a parameter table, by header keyword (never by position).
#[derive(Debug, Default, Clone, Copy)]
pub struct Columns {
    pub name: Option<usize>,
    pub ty: Option<usize>,
    pub required: Option<usize>,
    pub example: Option<usize>,
    pub description: Option<usize>,
    /// REST-style tables: where each parameter goes (`Position`, `Location`, `位置`).
    pub position: Option<usize>,
}

pub fn param_columns(header: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in header.iter().enumerate() {
        let h = h.to_lowercase();
        let slot = if h.contains("是否必") || h.contains("required") || h.contains("必填") {
            &mut c.required
        } else if h.contains("类型") || h == "type" || h.contains("type") {
            &mut c.ty
        } else if h.contains("示例") || h.contains("example") || h.contains("sample") {
            &mut c.example
        } else if h.contains("描述")
            || h.contains("说明")
            || h.contains("description")
            || h.contains("语义")
            || h.contains("meaning")
            || h == "note"
        {
            &mut c.description
        } else if h.contains("position") || h.contains("location") || h.contains("位置") {
            &mut c.position
        } else if h.contains("名称")
            || h.contains("参数")
            || h.contains("name")
            || h.contains("parameter")
            || h.contains("field")
            || h.contains("prameter")
            || h.contains("字段")
        {
            &mut c.name
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    c
}

pub fn cell(cells: &[String], index: Option<usize>) -> &str {
    index
        .and_then(|i| cells.get(i))
        .map(String::as_str)
        .unwrap_or("")
}

fn parse_required(raw: &str) -> Option<bool> {
    let t = text::plain(&text::clean_value(raw)).to_lowercase();
    let t = t.trim_end_matches(['.', '。']);
    match t {
        "是" | "yes" | "required" | "true" | "必选" | "必填" | "y" | "mandatory" => Some(true),
        "否" | "no" | "optional" | "false" | "可选" | "n" | "not required" => Some(false),
        // `Required only when …`: required by the table's own word, its condition in prose.
        _ if t.starts_with("required") || t.starts_with("yes") => Some(true),
        _ => None,
    }
}

/// Type cells in spellings the shared type reader does not know: `List<String>` (with any
/// leftover escape) is an array, `Struts` is a misspelt `Struct`.
fn type_spelling(raw: &str) -> String {
    let t = raw.replace('\\', "");
    let t = t.trim();
    for generic in ["List<", "Array<"] {
        if let Some(item) = t.strip_prefix(generic).and_then(|r| r.strip_suffix('>')) {
            return format!("Array of {item}");
        }
    }
    if t.eq_ignore_ascii_case("struts") {
        return "Struct".into();
    }
    t.to_string()
}

/// A name cell: `└` markers (with EM-space indentation) and escapes removed, and the space a
/// converter left after a dot (`SSLConfig. Protocol`) dropped.
pub fn parse_name(raw: &str) -> (String, Option<usize>) {
    let unescaped = text::unescape(raw);
    let (name, marker) = match unescaped.split_once('└') {
        Some((indent, rest)) => {
            let em = indent.chars().filter(|c| *c == '\u{2003}').count();
            // `└└instanceId`: one marker per level.
            let more = rest
                .chars()
                .take_while(|c| *c == '└' || text::is_space(*c))
                .filter(|c| *c == '└')
                .count();
            let rest = rest.trim_start_matches(|c: char| c == '└' || text::is_space(c));
            (text::plain(text::trim(rest)), Some(em / 2 + 1 + more))
        }
        None => (text::plain(text::trim(&unescaped)), None),
    };
    (join_dotted(&name), marker)
}

/// `SSLConfig. Protocol` → `SSLConfig.Protocol`: spaces around a dot between two words.
fn join_dotted(name: &str) -> String {
    if !name.contains('.') {
        return name.to_string();
    }
    let parts: Vec<&str> = name.split('.').map(text::trim).collect();
    if parts.iter().all(|p| !p.contains(char::is_whitespace)) {
        parts.join(".")
    } else {
        name.to_string()
    }
}

/// Why a request row's name cell names no parameter: a placeholder for the common
/// parameters (`<公共请求参数>`, `<Common request parameters>`), or words rather than a wire
/// name (`公共请求参数`, `Common request parameters`). Wire names are ASCII words joined by
/// `.`, `_`, `-`, `:`, `$`, `@`, `/` (with `{…}` or `[…]` placeholders of ROA paths).
pub fn not_a_parameter(name: &str) -> Option<&'static str> {
    if name.contains('<') || name.contains('>') {
        return Some("a placeholder, not a parameter name");
    }
    if !name.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Some("no parameter name");
    }
    if !name.is_ascii() || name.contains(char::is_whitespace) {
        return Some("words, not a parameter name");
    }
    None
}

/// The rows of one parameter table. A request row without a name is kept when the table has a
/// Position column (a nameless `Body` row stands for the whole body); elsewhere it is skipped.
pub fn rows_of(table: &RawTable, with_required: bool, sink: &mut Sink) -> Vec<Row> {
    let cols = param_columns(&table.header);
    if cols.name.is_none() {
        sink.warn(
            table.line,
            "table-header",
            format!("no name column in table header {:?}", table.header),
        );
        return Vec::new();
    }
    let mut rows = Vec::new();
    for raw in &table.rows {
        let (name, marker) = parse_name(cell(&raw.cells, cols.name));
        let position = cols
            .position
            .map(|p| text::plain(&text::clean_value(cell(&raw.cells, Some(p)))).to_lowercase());
        if name.is_empty() && position.is_some() {
            // A REST-style body row without a name: the body itself.
        } else if name.is_empty() {
            sink.warn(
                raw.line,
                "empty-name",
                "table row without a name is skipped",
            );
            continue;
        }
        if let Some(why) = not_a_parameter(&name)
            .filter(|_| !name.is_empty() && (with_required || name.contains('<')))
        {
            sink.warn(
                raw.line,
                "not-a-parameter",
                format!("row `{name}` is skipped: {why}"),
            );
            continue;
        }
        let raw_type = text::clean_value(cell(&raw.cells, cols.ty)).replace('\n', " ");
        let ty = types::parse_type(&type_spelling(&text::plain(&raw_type)));
        if ty.unknown {
            sink.warn(
                raw.line,
                "unknown-type",
                format!("type `{raw_type}` of `{name}` is not known; read as a string"),
            );
        }
        let required = if with_required {
            let r = parse_required(cell(&raw.cells, cols.required));
            if r.is_none() && cols.required.is_some() {
                sink.warn(
                    raw.line,
                    "required-flag",
                    format!("required flag of `{name}` is not 是/否/Yes/No; taken as optional"),
                );
            }
            Some(r.unwrap_or(false))
        } else {
            None
        };
        let example = text::clean_value(cell(&raw.cells, cols.example));
        let example = (!example.is_empty() && example != "N/A").then_some(example);
        rows.push(Row {
            name,
            marker,
            ty,
            raw_type,
            required,
            example,
            description: text::clean_cell(cell(&raw.cells, cols.description)),
            line: raw.line,
            position,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_that_name_no_parameter() {
        for name in [
            "<公共请求参数>",
            "<Common request parameters>",
            "公共请求参数",
            "Common request parameters",
            "—",
        ] {
            assert!(not_a_parameter(name).is_some(), "{name}");
        }
        for name in [
            "RegionId",
            "Tag.N.Key",
            "x-acs-security-token",
            "{key}",
            "$ref",
        ] {
            assert_eq!(not_a_parameter(name), None, "{name}");
        }
    }

    #[test]
    fn repeated_markers_count_levels() {
        assert_eq!(
            parse_name("└└instanceId"),
            ("instanceId".to_string(), Some(2))
        );
        assert_eq!(parse_name("└ name"), ("name".to_string(), Some(1)));
    }

    #[test]
    fn a_space_after_a_dot_is_dropped() {
        assert_eq!(parse_name("SSLConfig. Protocol").0, "SSLConfig.Protocol");
        assert_eq!(parse_name("IkeConfig. IkeEncAlg").0, "IkeConfig.IkeEncAlg");
        assert_eq!(
            parse_name("Common request parameters").0,
            "Common request parameters"
        );
    }
}
