//! Step 1: the document's sections, by normalised heading text (never by position), and the
//! language the headings are written in.

use super::doc::{self, Block};
use super::sink::Sink;
use super::table::RawTable;
use super::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Intro,
    /// REST-style: the request line (`POST /path HTTP/1.1`) and header lines.
    Syntax,
    /// REST-style: prose about request headers.
    Headers,
    Request,
    /// REST-style: the body's members (`## RequestBody`).
    Body,
    Response,
    Errors,
    Examples,
    Debug,
    Other,
}

/// Normalises a heading: `{#id .class}` suffixes, emphasis, trailing punctuation, spacing.
pub fn heading_text(raw: &str) -> String {
    let mut t = raw.trim().to_string();
    if let Some(open) = t.rfind('{') {
        if t.ends_with('}') {
            t.truncate(open);
        }
    }
    let t = text::unescape(&t).replace('*', "");
    let t = t.trim().trim_end_matches(['.', '：', ':', '。']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn section_of(heading: &str) -> Section {
    let h = heading.to_lowercase();
    let is = |words: &[&str]| words.iter().any(|w| h == *w);
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if is(&[
        "请求语法",
        "request syntax",
        "request structure",
        "请求结构",
    ]) {
        Section::Syntax
    } else if is(&["请求头", "request header", "request headers"]) {
        Section::Headers
    } else if is(&["requestbody", "request body", "请求体", "请求body"]) {
        Section::Body
    } else if is(&[
        "请求参数",
        "request parameters",
        "request prameters",
        "请求参数说明",
        "parameters",
        "request parameter",
    ]) {
        Section::Request
    } else if is(&[
        "返回数据",
        "返回参数",
        "返回结果",
        "响应参数",
        "返回值",
        "response parameters",
        "response elements",
        "响应元素",
        "返回元素",
        "return parameters",
        "response parameter",
        "response",
        "returns",
    ]) {
        Section::Response
    } else if has(&["错误码", "错误代码", "error code", "errors code"]) || is(&["errors", "error"])
    {
        Section::Errors
    } else if is(&[
        "示例",
        "examples",
        "example",
        "sample requests",
        "sample responses",
        "request format",
        "请求示例",
        "返回示例",
        "正常返回示例",
        "调用示例",
        "完整示例",
    ]) {
        Section::Examples
    } else if is(&[
        "调试",
        "debug",
        "debugging",
        "make the api call",
        "在线调试",
    ]) {
        Section::Debug
    } else {
        Section::Other
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}
/// A document split into sections: every block with the section it sits in.
pub struct Sections<'a> {
    /// The H1 text (normalised) and its line.
    pub title: Option<(String, usize)>,
    /// `zh-CN` when a heading holds Chinese, else `en-US`.
    pub lang: &'static str,
    pub blocks: Vec<(Section, &'a Block)>,
    /// Every section a heading opened, in order (a section may hold no block at all).
    pub seen: Vec<Section>,
}

/// Splits blocks by their headings; H3+ headings that name no section do not end one. Table
/// problems found while reading rows are reported here, once.
pub fn split<'a>(blocks: &'a [Block], sink: &mut Sink) -> Sections<'a> {
    let mut title: Option<(String, usize)> = None;
    let mut section = Section::Intro;
    let mut headings = Vec::new();
    let mut seen = Vec::new();
    let mut sectioned: Vec<(Section, &Block)> = Vec::new();
    for block in blocks {
        if let Block::Heading {
            level,
            text: raw,
            line,
        } = block
        {
            let h = heading_text(raw);
            if *level == 1 && title.is_none() {
                title = Some((h, *line));
                section = Section::Intro;
                continue;
            }
            let kind = section_of(&h);
            headings.push(h);
            if *level == 2 || kind != Section::Other {
                section = kind;
                seen.push(kind);
            }
            continue;
        }
        if let Block::Table(t) = block {
            for (line, problem) in &t.problems {
                sink.warn(*line, "table-row", problem.clone());
            }
        }
        sectioned.push((section, block));
    }
    let lang = if headings.iter().any(|h| has_cjk(h)) {
        "zh-CN"
    } else {
        "en-US"
    };
    Sections {
        title,
        lang,
        blocks: sectioned,
        seen,
    }
}

/// A table of the request: its rows are parameters (it has a name column), and whether the doc
/// announced it as the body's members (a `RequestBody` heading, label or sentence before it).
#[derive(Debug, Clone, Copy)]
pub struct RequestTable<'a> {
    pub table: &'a RawTable,
    pub body: bool,
}

impl<'a> Sections<'a> {
    /// Every parameter table of the request and body sections, in order. A sentence or label
    /// naming `RequestBody` announces the tables after it as the body's members.
    pub fn request_tables(&self) -> Vec<RequestTable<'a>> {
        let mut out = Vec::new();
        let mut body_next = false;
        for (s, b) in &self.blocks {
            match (s, b) {
                (Section::Body, _) => body_next = true,
                (Section::Request, Block::Paragraph { text: t, .. })
                    if text::plain(t).to_ascii_lowercase().contains("requestbody") =>
                {
                    body_next = true;
                }
                _ => {}
            }
            if let (Section::Request | Section::Body, Block::Table(t)) = (s, b) {
                if super::rows::param_columns(&t.header).name.is_some() {
                    out.push(RequestTable {
                        table: t,
                        body: body_next || *s == Section::Body,
                    });
                }
            }
        }
        out
    }

    /// The code blocks of one section, with their lines.
    pub fn code(&self, want: Section) -> impl Iterator<Item = (&'a str, usize)> + '_ {
        self.blocks.iter().filter_map(move |(s, b)| match b {
            Block::Code { text: t, line, .. } if *s == want => Some((t.as_str(), *line)),
            _ => None,
        })
    }

    /// Every table of a section, in order.
    pub fn tables(&self, want: Section) -> impl Iterator<Item = &'a RawTable> + '_ {
        self.blocks.iter().filter_map(move |(s, b)| match b {
            Block::Table(t) if *s == want => Some(t),
            _ => None,
        })
    }

    /// The intro paragraphs, cleaned, as one text.
    pub fn summary(&self) -> String {
        let paragraphs: Vec<String> = self
            .blocks
            .iter()
            .filter_map(|(s, b)| match b {
                Block::Paragraph { text: t, .. } if *s == Section::Intro => {
                    Some(text::clean_cell(t))
                }
                _ => None,
            })
            .collect();
        paragraphs.join("\n\n")
    }
}

/// Reads a document's blocks (a thin wrapper so the pipeline reads top to bottom).
pub fn blocks(source: &str) -> Vec<Block> {
    doc::blocks(source)
}
