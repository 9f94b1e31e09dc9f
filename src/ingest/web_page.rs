//! A saved web page: its article's readable text, in paragraphs, and the metadata the page
//! gives (Open Graph, `article:published_time`, `author`, the canonical link, JSON-LD
//! `NewsArticle`). Readability (dom_smoothie) finds the article; page furniture it may keep
//! (figures and their captions, share buttons, forms, asides) is removed first.

use dom_smoothie::{Config, Readability, TextMode};

use super::encoding::{declared_charset, decode_text};
use super::{ExtractError, Extracted, SourceFileKind, SourceMetadata};
use crate::model::{PartialDate, check_web_address};

/// Elements that are never part of an article's text, removed before readability runs.
/// Bylines and datelines outside paragraphs go too: the metadata keeps them.
const FURNITURE: &str = "figure, figcaption, nav, footer, aside, form, button, dialog, noscript, \
    [role=navigation], [role=banner], [role=contentinfo], [role=dialog], [aria-hidden=true], \
    .byline, [rel=author], article > time, header > time";

/// Reads a web page's bytes.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let (html, encoding) = decode_text(bytes, declared_charset(bytes))?;
    let document = dom_query::Document::from(html.as_str());
    let page_address = page_address(&document);
    document.select(FURNITURE).remove();
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut readability =
        Readability::with_document(document, None, Some(config)).map_err(|_no_address| ExtractError::NoArticleText)?;
    // A landing page or a list of links has text, but no article: readability's own test
    // (a paragraph of some length, not mostly links) tells them apart.
    if !readability.is_probably_readable() {
        return Err(ExtractError::NoArticleText);
    }
    let article = readability.parse().map_err(|_not_grabbed| ExtractError::NoArticleText)?;
    let text = paragraphs(&article.text_content);
    if text.is_empty() {
        return Err(ExtractError::NoArticleText);
    }
    let metadata = SourceMetadata {
        title: non_empty(Some(article.title)),
        publisher: non_empty(article.site_name),
        date: article.published_time.as_deref().and_then(date_of_timestamp),
        authors: article.byline.as_deref().map(authors_of_byline).unwrap_or_default(),
        url: non_empty(article.url).filter(|url| is_web_address(url)).or(page_address),
    };
    Ok(Extracted { kind: SourceFileKind::WebPage, text, metadata, encoding: Some(encoding), page_count: None })
}

/// The page's own address: its canonical link, or else its `og:url`.
fn page_address(document: &dom_query::Document) -> Option<String> {
    let canonical = document.select("link[rel=canonical]").attr("href");
    let open_graph = || document.select("meta[property='og:url']").attr("content");
    let address = canonical.or_else(open_graph)?.trim().to_owned();
    is_web_address(&address).then_some(address)
}

fn is_web_address(text: &str) -> bool {
    check_web_address(text).is_ok()
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|text| text.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|text| !text.is_empty())
}

/// The article text with each paragraph on one line and a blank line between paragraphs.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if joined.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&joined);
    }
    out.push('\n');
    if out.trim().is_empty() { String::new() } else { out }
}

/// The date of an ISO 8601 timestamp such as `2018-06-06T10:01:00Z`, to the day.
fn date_of_timestamp(timestamp: &str) -> Option<PartialDate> {
    let timestamp = timestamp.trim();
    [10, 7, 4].into_iter().find_map(|length| PartialDate::parse(timestamp.get(..length)?).ok())
}

/// The names in a byline: "By Jane Doe and John Roe" or "Jane Doe, John Roe".
fn authors_of_byline(byline: &str) -> Vec<String> {
    let byline = byline.trim();
    let byline = byline.strip_prefix("By ").or_else(|| byline.strip_prefix("by ")).unwrap_or(byline);
    byline
        .split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(authors_of_byline("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(authors_of_byline("Andrew Osborn, Maria Tsvetkova"), ["Andrew Osborn", "Maria Tsvetkova"]);
        assert!(authors_of_byline("  ").is_empty());
    }

    #[test]
    fn timestamps_give_their_day() {
        assert_eq!(date_of_timestamp("2018-06-06T10:01:00Z"), PartialDate::parse("2018-06-06").ok());
        assert_eq!(date_of_timestamp("2008-04"), PartialDate::parse("2008-04").ok());
        assert_eq!(date_of_timestamp("yesterday"), None);
    }
}
