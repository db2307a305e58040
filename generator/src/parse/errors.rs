//! Step 6: the error table (the first table of the error section with an error-code column).

use super::rows::cell;
use super::sections::{Section, Sections};
use super::sink::Sink;
use super::table::RawTable;
use super::text;
use crate::model::ErrorCode;

/// The documented error codes, or none when the doc has no error table.
pub fn collect(sections: &Sections<'_>, sink: &mut Sink) -> Vec<ErrorCode> {
    sections
        .tables(Section::Errors)
        .find(|t| error_columns(&t.header).code.is_some())
        .map(|t| error_rows(t, sink))
        .unwrap_or_default()
}

/// Error-table columns.
#[derive(Debug, Default, Clone, Copy)]
pub struct ErrorColumns {
    pub status: Option<usize>,
    pub code: Option<usize>,
    pub message: Option<usize>,
    pub description: Option<usize>,
}

pub fn error_columns(header: &[String]) -> ErrorColumns {
    let mut c = ErrorColumns::default();
    let mut descriptions = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.to_lowercase();
        if h.contains("http") || h.contains("状态码") || h.contains("返回码") {
            c.status.get_or_insert(i);
        } else if h.contains("错误码")
            || h.contains("错误代码")
            || h.contains("error code")
            || h.contains("errorcode")
            || h == "code"
        {
            c.code.get_or_insert(i);
        } else if h.contains("错误信息") || h.contains("message") || h.contains("error information")
        {
            c.message.get_or_insert(i);
        } else if h.contains("描述")
            || h.contains("说明")
            || h.contains("语义")
            || h.contains("description")
            || h.contains("meaning")
            || h.contains("note")
        {
            descriptions.push(i);
        }
    }
    match (c.message, descriptions.as_slice()) {
        (None, [m, d, ..]) => {
            c.message = Some(*m);
            c.description = Some(*d);
        }
        (_, [d, ..]) => c.description = Some(*d),
        _ => {}
    }
    c
}

fn error_rows(table: &RawTable, sink: &mut Sink) -> Vec<ErrorCode> {
    let cols = error_columns(&table.header);
    let mut out = Vec::new();
    for row in &table.rows {
        let code = text::plain(&text::clean_value(cell(&row.cells, cols.code)));
        if code.is_empty() {
            continue;
        }
        let status_text = text::clean_value(cell(&row.cells, cols.status));
        let http_status = status_text.parse::<u16>().ok();
        if http_status.is_none() && !status_text.is_empty() {
            sink.warn(
                row.line,
                "error-status",
                format!("HTTP status `{status_text}` of `{code}` is not a number"),
            );
        }
        out.push(ErrorCode {
            http_status,
            code,
            message: text::clean_value(cell(&row.cells, cols.message)).replace('\n', " "),
            description: text::clean_cell(cell(&row.cells, cols.description)),
            line: row.line,
        });
    }
    out
}
