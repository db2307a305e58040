//! Document structure: headings, paragraphs, code blocks and tables, each with its line.
//!
//! Tables are cut out first by the line-based reader (their cells hold blank lines and fences
//! that would confuse a CommonMark parser); the rest, with the table lines blanked so that
//! offsets and line numbers stay true, goes through pulldown-cmark.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::table::{self, RawTable};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        line: usize,
    },
    /// A paragraph or list item: its text (inline code keeps its backticks) and link targets.
    Paragraph {
        text: String,
        links: Vec<String>,
        line: usize,
    },
    Code {
        info: String,
        text: String,
        line: usize,
    },
    Table(RawTable),
}

impl Block {
    pub fn line(&self) -> usize {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::Code { line, .. } => *line,
            Block::Table(t) => t.line,
        }
    }
}

fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    line.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// Splits a document into blocks in line order.
pub fn blocks(source: &str) -> Vec<Block> {
    let lines: Vec<&str> = source.split('\n').collect();
    let mut tables = Vec::new();
    let mut blanked: Vec<&str> = Vec::with_capacity(lines.len());
    let mut in_fence = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_fence(line) {
            in_fence = !in_fence;
        } else if !in_fence && table::starts_row(line) {
            if let Some(t) = table::read_table(&lines, i) {
                let end = (t.end_line - 1).clamp(i + 1, lines.len());
                blanked.extend(std::iter::repeat_n("", end - i));
                i = end;
                tables.push(t);
                continue;
            }
        } else if let Some(t) = (!in_fence)
            .then(|| table::read_indented_table(&lines, i))
            .flatten()
        {
            // A table inside a list item (`-   Parameters` then the table indented under it).
            let end = (t.end_line - 1).clamp(i + 1, lines.len());
            blanked.extend(std::iter::repeat_n("", end - i));
            i = end;
            tables.push(t);
            continue;
        }
        blanked.push(line);
        i += 1;
    }
    let text = blanked.join("\n");
    let mut out = markdown_blocks(&text);
    out.extend(tables.into_iter().map(Block::Table));
    out.sort_by_key(Block::line);
    out
}

fn markdown_blocks(text: &str) -> Vec<Block> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);

    let mut out = Vec::new();
    let mut buf = String::new();
    let mut links = Vec::new();
    let mut buf_line = 0;
    let mut heading: Option<u8> = None;
    let mut code: Option<(String, usize)> = None;

    let flush = |out: &mut Vec<Block>, buf: &mut String, links: &mut Vec<String>, line: usize| {
        let text = buf.trim().to_string();
        if !text.is_empty() || !links.is_empty() {
            out.push(Block::Paragraph {
                text,
                links: std::mem::take(links),
                line,
            });
        }
        buf.clear();
    };

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut out, &mut buf, &mut links, buf_line);
                heading = Some(heading_level(level));
                buf_line = line;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(level) = heading.take() {
                    out.push(Block::Heading {
                        level,
                        text: buf.trim().to_string(),
                        line: buf_line,
                    });
                }
                buf.clear();
                links.clear();
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                flush(&mut out, &mut buf, &mut links, buf_line);
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, line));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, line)) = code.take() {
                    out.push(Block::Code {
                        info,
                        text: std::mem::take(&mut buf),
                        line,
                    });
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::List(_)) => {
                flush(&mut out, &mut buf, &mut links, buf_line);
                buf_line = line;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::List(_)) => {
                flush(&mut out, &mut buf, &mut links, buf_line);
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) if code.is_none() => {
                buf.push_str("**")
            }
            Event::Text(t) => {
                if buf.is_empty() {
                    buf_line = if code.is_some() { buf_line } else { line };
                }
                buf.push_str(&t);
            }
            Event::Code(t) => {
                buf.push('`');
                buf.push_str(&t);
                buf.push('`');
            }
            Event::SoftBreak | Event::HardBreak => buf.push('\n'),
            Event::Html(t) | Event::InlineHtml(t) => buf.push_str(&t),
            _ => {}
        }
    }
    flush(&mut out, &mut buf, &mut links, buf_line);
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_seed_like_doc() {
        let doc = "# Api\n\nIntro.\n\n## 请求参数\n\n|名称|类型|描述|\n|--|--|--|\n|A|String|x\n\n y |\n\n## 示例\n\n请求示例\n\n```\nhttp://x/?Action=Api\n```\n";
        let b = blocks(doc);
        let kinds: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Heading { text, line, .. } => format!("H{line}:{text}"),
                Block::Paragraph { text, line, .. } => format!("P{line}:{text}"),
                Block::Code { line, .. } => format!("C{line}"),
                Block::Table(t) => format!("T{}:{}", t.line, t.rows.len()),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "H1:Api",
                "P3:Intro.",
                "H5:请求参数",
                "T7:1",
                "H13:示例",
                "P15:请求示例",
                "C17"
            ]
        );
    }

    #[test]
    fn pipes_inside_code_fences_are_not_tables() {
        let b = blocks("```\n|a|b|\n```\n");
        assert!(matches!(&b[..], [Block::Code { .. }]));
    }

    #[test]
    fn fence_in_list_item() {
        let b = blocks("-   XML format\n\n    ```\n    <A/>\n    ```\n");
        assert!(b
            .iter()
            .any(|b| matches!(b, Block::Code { text, .. } if text.contains("<A/>"))));
        assert!(b
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text, .. } if text == "XML format")));
    }
}
