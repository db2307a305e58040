//! Line-based reader for the pipe tables of these docs.
//!
//! GFM readers end a table at a blank line, but cells here contain blank lines, bullets,
//! unescaped `|` and code fences. So rows are assembled from physical lines: a row starts at a
//! line beginning with `|` and ends at the first line that ends with `|` once the row holds at
//! least `columns + 1` unescaped pipes. Cells are split into at most `columns` parts, the last
//! (description) cell taking any overflow pipes.

use super::text;

/// A table as read from the doc, before any interpretation of its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// 1-based line of the header.
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
    /// 1-based line after the last line of the table.
    pub end_line: usize,
    /// Problems found while reading (unterminated rows, short rows).
    pub problems: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 1-based line where the row starts.
    pub line: usize,
    /// Raw cell texts (not yet trimmed or un-escaped).
    pub cells: Vec<String>,
}

/// Whether a line can start a table or a row.
pub fn starts_row(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    t.starts_with('|') && line.len() - t.len() < 4
}

fn ends_row(line: &str) -> bool {
    line.trim_end_matches(text::is_space).ends_with('|')
}

/// Counts `|` not preceded by a backslash.
fn count_pipes(s: &str) -> usize {
    let mut n = 0;
    let mut after_backslash = false;
    for c in s.chars() {
        if c == '|' && !after_backslash {
            n += 1;
        }
        after_backslash = c == '\\' && !after_backslash;
    }
    n
}

/// `|--|:--:|---|`, with or without outer pipes.
pub fn is_separator(line: &str) -> bool {
    let t = text::trim(line);
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Splits a row into at most `columns` cells; overflow stays in the last cell.
pub fn split_cells(row: &str, columns: usize) -> Vec<String> {
    let mut body = row.trim_start_matches(text::is_space);
    body = body.strip_prefix('|').unwrap_or(body);
    let trimmed = body.trim_end_matches(text::is_space);
    body = match trimmed.strip_suffix('|') {
        // Keep an escaped final pipe (`\|`) as content.
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => trimmed,
    };
    // Cells are the slices between splitting pipes (`|` and `\` are single bytes in UTF-8, and
    // no other char's bytes equal them).
    let mut cells = Vec::with_capacity(columns.max(1));
    let mut start = 0;
    let mut escaped = false;
    for (at, b) in body.bytes().enumerate() {
        if b == b'|' && !escaped && cells.len() + 1 < columns.max(1) {
            cells.push(body[start..at].to_string());
            start = at + 1;
            continue;
        }
        escaped = b == b'\\' && !escaped;
    }
    cells.push(body[start..].to_string());
    cells
}

/// A table indented under a list item: a header line indented by four spaces or more whose next
/// line is a separator row (an indented code block rarely starts that way). The table is read
/// with that indentation taken off every line (continuation lines may be indented less).
pub fn read_indented_table(lines: &[&str], start: usize) -> Option<RawTable> {
    let line = lines[start];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let next = lines.get(start + 1)?;
    if indent < 4 || !line.trim_start().starts_with('|') || !is_separator(next) {
        return None;
    }
    let dedented: Vec<&str> = lines
        .iter()
        .map(|l| {
            let spaces = l.len() - l.trim_start_matches(' ').len();
            &l[spaces.min(indent)..]
        })
        .collect();
    read_table(&dedented, start)
}

/// Reads the table whose header starts at `lines[start]` (0-based). Returns `None` when the
/// lines there do not form a table header.
pub fn read_table(lines: &[&str], start: usize) -> Option<RawTable> {
    let mut problems = Vec::new();
    // Header: one line, or several one-cell lines up to the first line ending in `|`.
    let mut header_text = String::from(lines[start]);
    let mut i = start;
    while !ends_row(&header_text) {
        i += 1;
        if i >= lines.len() || i > start + 40 || lines[i].starts_with('#') {
            return None;
        }
        header_text.push('\n');
        header_text.push_str(lines[i]);
    }
    let columns = count_pipes(&header_text).saturating_sub(1).max(1);
    let header: Vec<String> = split_cells(&header_text, columns)
        .iter()
        .map(|c| text::clean_value(c).replace('\n', " "))
        .collect();
    i += 1;
    if i < lines.len() && is_separator(lines[i]) {
        i += 1;
    }
    let mut rows = Vec::new();
    while i < lines.len() && starts_row(lines[i]) && !is_separator(lines[i]) {
        let row_start = i;
        let mut row_text = String::from(lines[i]);
        let mut pipes = count_pipes(lines[i]);
        let mut closed = ends_row(lines[i]) && pipes > columns;
        while !closed && i + 1 < lines.len() {
            i += 1;
            row_text.push('\n');
            row_text.push_str(lines[i]);
            pipes += count_pipes(lines[i]);
            closed = ends_row(lines[i]) && pipes > columns;
        }
        if !closed {
            // Never swallow the rest of the document: keep the first line as the row.
            problems.push((
                row_start + 1,
                format!(
                    "table row is not terminated: expected a line ending with `|` after {} cells",
                    columns
                ),
            ));
            i = row_start;
            row_text = lines[i].to_string();
        }
        let cells = split_cells(&row_text, columns);
        if cells.len() < columns {
            problems.push((
                row_start + 1,
                format!("table row has {} of {} cells", cells.len(), columns),
            ));
        }
        rows.push(RawRow {
            line: row_start + 1,
            cells,
        });
        i += 1;
    }
    Some(RawTable {
        line: start + 1,
        header,
        rows,
        end_line: i + 1,
        problems,
    })
}

/// Why a parameter table cannot be trusted to hold every row, with the line to name: a header
/// with no row under it, or a row that runs unterminated to the end of the document (the text
/// was cut mid-row; [`read_table`] keeps only its first line). Such a table would make a
/// struct that silently lacks fields, so the doc is not read. `None` for a whole table.
pub fn cut_short(table: &RawTable) -> Option<(usize, String)> {
    if table.rows.is_empty() {
        return Some((
            table.line,
            "the table has a header but no rows: the doc looks cut short; its types would lack every field".to_string(),
        ));
    }
    let (line, problem) = table.problems.first()?;
    Some((
        *line,
        format!("{problem}: the doc looks cut mid-row; its types would lack fields"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_cut_short_is_told_from_a_whole_one() {
        let whole = table("|Name|Type|Description|\n|--|--|--|\n|A|String|a.|\n");
        assert_eq!(cut_short(&whole), None);
        let header_only = table("|Name|Type|Description|\n|--|--|--|\n\n## Next\n");
        assert_eq!(cut_short(&header_only).map(|c| c.0), Some(1));
        // Cut inside the third cell of the second row: the row runs to the end of the text.
        let mid_row = table("|Name|Type|Description|\n|--|--|--|\n|A|String|a.|\n|B|Str");
        assert_eq!(cut_short(&mid_row).map(|c| c.0), Some(4));
    }

    fn table(src: &str) -> RawTable {
        let lines: Vec<&str> = src.lines().collect();
        read_table(&lines, 0).expect("a table")
    }

    #[test]
    fn multi_line_cells_with_blank_lines() {
        let t = table(
            "|名称|类型|是否必选|示例值|描述|\n|--|--|----|---|--|\n|Proto|String|否|UDP|协议，取值：\n\n -   **TCP**：TCP协议。\n-   **UDP**（默认值）：UDP协议。 |\n|Port|Integer|否|1194|端口。 |\n",
        );
        assert_eq!(t.header, ["名称", "类型", "是否必选", "示例值", "描述"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 3);
        assert!(t.rows[0].cells[4].contains("UDP**（默认值）"));
        assert_eq!(t.rows[1].line, 7);
    }

    #[test]
    fn overflow_pipes_stay_in_the_description() {
        let t = table("|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n|Weight|Integer|Yes|0|Valid values: **0**|**100**.|\n");
        assert_eq!(t.rows[0].cells.len(), 5);
        assert_eq!(t.rows[0].cells[4], "Valid values: **0**|**100**.");
    }

    #[test]
    fn closing_pipe_alone_and_escaped_pipes() {
        let t = table("|A|B|C|\n|---|---|---|\n|x|y|a\\|b\n\n |\n|p|q|r|\n");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[2].trim(), "a\\|b");
    }

    #[test]
    fn multi_line_header_one_cell_per_line() {
        let t = table("|规格\n\n|最大连接数\n\n|每秒新建连接数 |\n|----|-------|---------|\n|小型\n\n|1万\n\n|1千 |\n|中型|2万|2千|\n");
        assert_eq!(t.header, ["规格", "最大连接数", "每秒新建连接数"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(text::clean_value(&t.rows[0].cells[1]), "1万");
    }

    #[test]
    fn missing_separator_and_alignment_colons() {
        let t = table("|Name|Type|Required|Description|\n|WidgetId|String|Yes|The ID.|\n");
        assert_eq!(t.rows.len(), 1);
        assert!(is_separator("|:--------|:---|-------------|"));
        assert!(!is_separator("|--name|"));
    }

    #[test]
    fn unterminated_row_does_not_swallow_the_doc() {
        let src = "|A|B|\n|--|--|\n|x|y\n\n## Next\n\ntext\n";
        let t = table(src);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.problems.len(), 1);
        assert_eq!(t.end_line, 4);
    }

    #[test]
    fn a_table_indented_under_a_list_item() {
        let src = "-   Parameters\n\n    |Parameter|Type|Description|\n    |:--|:--|:--|\n    |Name|String|The name.|\n    |Mode|String|Valid values:    -   a: one\n    -   b: two |\n\n## Next\n";
        let lines: Vec<&str> = src.lines().collect();
        assert!(read_indented_table(&lines, 0).is_none());
        let t = read_indented_table(&lines, 2).expect("an indented table");
        assert_eq!(t.header, ["Parameter", "Type", "Description"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!((t.rows[0].line, t.rows[1].line), (5, 6));
        assert!(t.rows[1].cells[2].contains("b: two"));
        // An indented code block of pipes without a separator row is no table.
        let code = ["    |a|b|", "    |c|d|"];
        assert!(read_indented_table(&code, 0).is_none());
    }

    #[test]
    fn code_fence_inside_a_cell() {
        let t = table("|名称|类型|描述|\n|--|--|--|\n|T|String|格式：\n\n ```\n{\"mode\":\"a|b\"}\n```\n\n 其余。 |\n|U|String|u|\n");
        assert_eq!(t.rows.len(), 2);
    }
}
