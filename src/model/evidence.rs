//! Checks that each quote is word for word in its source's local copy.
//!
//! Comparison forgives what copying text between programs changes: runs of white space,
//! typographic quotes, apostrophes and dashes, and the ellipsis character. An analyst may
//! leave words out with `[...]`; the parts must then appear in order. When a quote is not
//! found, the closest passage is reported so the analyst can correct it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::case::Case;
use super::decode::{Collection, FileIndices};
use super::diagnostic::Diagnostic;

/// Why the local copy of a source cannot be had.
#[derive(Debug, thiserror::Error)]
pub enum DocumentReadError {
    /// The file cannot be read.
    #[error("{cause} ({})", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("it is not UTF-8 text ({})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A store in memory has no document at this path.
    #[error("no such document ({relative_path})")]
    Missing {
        /// The path as the case gives it.
        relative_path: String,
    },
}

/// Where the local copies of sources come from, so tests and the bundled sample need no disk.
pub trait DocumentStore {
    /// The text of the document at `relative_path` (as written in the case file), or why it
    /// cannot be had.
    fn read(&self, relative_path: &str) -> Result<String, DocumentReadError>;
}

/// Documents in a folder on disk, normally the case file's own folder.
#[derive(Clone, Debug)]
pub struct DirectoryDocuments {
    /// The folder relative paths start from.
    pub base: PathBuf,
}

impl DocumentStore for DirectoryDocuments {
    fn read(&self, relative_path: &str) -> Result<String, DocumentReadError> {
        let path = self.base.join(relative_path);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(cause) => return Err(DocumentReadError::Io { path, cause }),
        };
        let Ok(text) = String::from_utf8(bytes) else { return Err(DocumentReadError::NotUtf8 { path }) };
        Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
    }
}

/// Documents held in memory: the bundled sample, and tests.
#[derive(Clone, Debug, Default)]
pub struct MemoryDocuments {
    /// Text by relative path.
    pub texts: HashMap<String, String>,
}

impl DocumentStore for MemoryDocuments {
    fn read(&self, relative_path: &str) -> Result<String, DocumentReadError> {
        let missing = || DocumentReadError::Missing { relative_path: relative_path.to_owned() };
        self.texts.get(relative_path).cloned().ok_or_else(missing)
    }
}

/// The local copy of every source that has a `document`, by source id: its text, or why it
/// cannot be read.
fn local_copies<'c>(
    case: &'c Case,
    documents: &dyn DocumentStore,
) -> HashMap<&'c str, Result<NormalisedText, DocumentReadError>> {
    case.sources
        .iter()
        .filter_map(|source| {
            let document = source.document.as_ref()?;
            Some((source.id.as_str(), documents.read(document).map(|text| NormalisedText::new(&text))))
        })
        .collect()
}

/// Checks every quote whose source has a `document`, appending warnings to `diagnostics`.
pub fn check_quotes_in_documents(
    case: &Case,
    indices: Option<&FileIndices>,
    documents: &dyn DocumentStore,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let texts = local_copies(case, documents);
    for (index, source) in case.sources.iter().enumerate() {
        let (Some(document), Some(Err(reason))) = (&source.document, texts.get(source.id.as_str())) else { continue };
        let path = FileIndices::item_path(indices, Collection::Sources, index).key("document");
        let diagnostic = Diagnostic::warning(format!("cannot read the document {document:?}: {reason}"))
            .at(path)
            .with_id(source.id.as_str())
            .with_help("the path is relative to the case file; fix it, or remove `document`");
        diagnostics.push(diagnostic);
    }
    for (index, quote) in case.quotes.iter().enumerate() {
        let Some(Ok(document)) = texts.get(quote.source.as_str()) else { continue };
        if document.contains_quote(&quote.text) {
            continue;
        }
        let path = FileIndices::item_path(indices, Collection::Quotes, index).key("text");
        let help = match document.closest_passage(&quote.text) {
            Some(passage) => format!("the closest passage in the document reads: “{passage}”"),
            None => "the document has no passage like it".to_owned(),
        };
        let diagnostic =
            Diagnostic::warning(format!("this quote is not word for word in the document of `{}`", quote.source))
                .at(path)
                .with_id(quote.id.as_str())
                .with_help(help);
        diagnostics.push(diagnostic);
    }
}

/// Whether a quote could be checked against its source, and how that went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteVerification {
    /// Found word for word in the source's local copy.
    WordForWord,
    /// The local copy does not hold it.
    NotWordForWord,
    /// Its source has no local copy (`document`) to check it against.
    NoLocalCopy,
    /// The local copy cannot be read, for this reason.
    Unreadable(String),
}

impl QuoteVerification {
    /// Why the quote cannot be relied on, in words, or `None` when it was found.
    pub fn problem(&self) -> Option<String> {
        match self {
            QuoteVerification::WordForWord => None,
            QuoteVerification::NotWordForWord => Some("not word for word in its source".to_owned()),
            QuoteVerification::NoLocalCopy => Some("its source has no local copy to check it against".to_owned()),
            QuoteVerification::Unreadable(reason) => Some(format!("its source's local copy cannot be read: {reason}")),
        }
    }
}

/// Every quote checked against its source's local copy, indexed like `case.quotes`.
pub fn verify_quotes(case: &Case, documents: &dyn DocumentStore) -> Vec<QuoteVerification> {
    let texts = local_copies(case, documents);
    case.quotes
        .iter()
        .map(|quote| match texts.get(quote.source.as_str()) {
            None => QuoteVerification::NoLocalCopy,
            Some(Err(reason)) => QuoteVerification::Unreadable(reason.to_string()),
            Some(Ok(text)) if text.contains_quote(&quote.text) => QuoteVerification::WordForWord,
            Some(Ok(_)) => QuoteVerification::NotWordForWord,
        })
        .collect()
}

/// Maps one character to its plain form, or `None` to drop it.
fn plain(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{feff}' => None,
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// Text in its plain form, with the original byte offset of every plain byte.
struct NormalisedText {
    original: String,
    plain: String,
    origin: Vec<usize>,
}

impl NormalisedText {
    fn new(original: &str) -> Self {
        let mut plain_text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (offset, c) in original.char_indices() {
            let mapped = if c == '\u{2026}' { "..." } else { "" };
            if !mapped.is_empty() {
                plain_text.push_str(mapped);
                origin.extend([offset; 3]);
                continue;
            }
            let Some(p) = plain(c) else { continue };
            if p == ' ' && (plain_text.is_empty() || plain_text.ends_with(' ')) {
                continue;
            }
            plain_text.push(p);
            origin.extend(std::iter::repeat_n(offset, p.len_utf8()));
        }
        while plain_text.ends_with(' ') {
            plain_text.pop();
            origin.pop();
        }
        Self { original: original.to_owned(), plain: plain_text, origin }
    }

    fn contains_quote(&self, quote: &str) -> bool {
        let quote = NormalisedText::new(quote).plain;
        let mut from = 0;
        for part in quote.split("[...]").map(str::trim).filter(|part| !part.is_empty()) {
            match self.plain[from..].find(part) {
                Some(at) => from += at + part.len(),
                None => return false,
            }
        }
        true
    }

    /// The byte range in the original that the quote spans, from its first word to its
    /// last (elisions included).
    fn quote_range(&self, quote: &str) -> Option<(usize, usize)> {
        let quote = NormalisedText::new(quote).plain;
        let mut from = 0;
        let mut span: Option<(usize, usize)> = None;
        for part in quote.split("[...]").map(str::trim).filter(|part| !part.is_empty()) {
            let at = from + self.plain[from..].find(part)?;
            from = at + part.len();
            span = Some((span.map_or(at, |(start, _)| start), from));
        }
        let (start, end) = span?;
        let original_start = self.origin[start];
        let last = self.origin[end - 1];
        let original_end = last + self.original[last..].chars().next().map_or(0, char::len_utf8);
        Some((original_start, original_end))
    }

    /// The passage, as written in the original, that shares the most words with `quote`.
    fn closest_passage(&self, quote: &str) -> Option<String> {
        let quote_plain = NormalisedText::new(quote).plain.to_lowercase().replace("[...]", " ");
        let bare = |word: &'_ str| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        let wanted: Vec<String> = quote_plain.split(' ').map(bare).filter(|w| !w.is_empty()).collect();
        let lower = self.plain.to_lowercase();
        // Lowercasing can change byte lengths; fall back to the plain text when it does.
        let haystack = if lower.len() == self.plain.len() { lower.as_str() } else { self.plain.as_str() };
        let words: Vec<(usize, &str, String)> = haystack
            .split(' ')
            .scan(0usize, |offset, word| {
                let start = *offset;
                *offset += word.len() + 1;
                Some((start, word, bare(word)))
            })
            .collect();
        if wanted.is_empty() || words.is_empty() {
            return None;
        }
        let window = wanted.len().min(words.len());
        let mut needed: HashMap<&str, i32> = HashMap::new();
        for word in &wanted {
            *needed.entry(word.as_str()).or_default() += 1;
        }
        let mut seen: HashMap<&str, i32> = HashMap::new();
        let mut matched = 0;
        let mut best = (0, 0usize);
        for (end, (_, _, word)) in words.iter().enumerate() {
            let word = word.as_str();
            let count = seen.entry(word).or_default();
            if *count < needed.get(word).copied().unwrap_or(0) {
                matched += 1;
            }
            *count += 1;
            if end >= window {
                let leaving = words[end - window].2.as_str();
                let count = seen.entry(leaving).or_default();
                *count -= 1;
                if *count < needed.get(leaving).copied().unwrap_or(0) {
                    matched -= 1;
                }
            }
            if end + 1 >= window && matched > best.0 {
                best = (matched, end + 1 - window);
            }
        }
        if best.0 == 0 {
            return None;
        }
        // Trim words at either edge that the quote does not have.
        let wanted_word = |index: usize| needed.contains_key(words[index].2.as_str());
        let mut first = best.1;
        let mut last = best.1 + window - 1;
        while first < last && !wanted_word(first) {
            first += 1;
        }
        while last > first && !wanted_word(last) {
            last -= 1;
        }
        let (start, _, _) = words[first];
        let (last_start, last_word, _) = words[last];
        let end = last_start + last_word.len();
        let original_start = self.origin[start];
        let original_end = self.origin.get(end).copied().unwrap_or(self.original.len());
        let passage: String =
            self.original[original_start..original_end].split_whitespace().collect::<Vec<_>>().join(" ");
        Some(passage)
    }
}

/// One source's text, prepared once for finding many quotes in it by the quote check's own
/// forgiving comparison: the source reader marks every quote with it.
pub struct QuoteFinder(NormalisedText);

impl QuoteFinder {
    /// Prepares `document` for finding quotes.
    pub fn new(document: &str) -> Self {
        Self(NormalisedText::new(document))
    }

    /// The byte range of `document` that `quote` spans, from its first word to its last, or
    /// `None` when it is not word for word in the text.
    pub fn find(&self, quote: &str) -> Option<std::ops::Range<usize>> {
        self.0.quote_range(quote).map(|(start, end)| start..end)
    }

    /// The passage of the text that shares the most words with `quote`, to show beside a
    /// quote that is not found.
    pub fn closest_passage(&self, quote: &str) -> Option<String> {
        self.0.closest_passage(quote)
    }
}

/// A quote inside the paragraph it comes from, as the source document has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteInContext {
    /// The paragraph up to the quote.
    pub before: String,
    /// The quoted words as the document writes them.
    pub quote: String,
    /// The paragraph after the quote.
    pub after: String,
}

/// Finds `quote` in `document` (forgiving white space, typographic quotes and dashes, and
/// `[...]` elisions, as the quote check does) and returns the paragraph around it.
pub fn quote_in_context(document: &str, quote: &str) -> Option<QuoteInContext> {
    let (start, end) = NormalisedText::new(document).quote_range(quote)?;
    let paragraph_start = document[..start].rfind("\n\n").map_or(0, |at| at + 2);
    let paragraph_end = document[end..].find("\n\n").map_or(document.len(), |at| end + at);
    let tidy = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = tidy(&document[paragraph_start..start]);
    let after = tidy(&document[end..paragraph_end]);
    Some(QuoteInContext {
        before: if before.is_empty() { before } else { format!("{before} ") },
        quote: tidy(&document[start..end]),
        after: if after.is_empty() || after.starts_with(['.', ',', ';', ':', '"', '\'', '”', '’', ')']) {
            after
        } else {
            format!(" {after}")
        },
    })
}

/// Reads documents relative to the folder of `case_path`.
pub fn documents_beside(case_path: &Path) -> DirectoryDocuments {
    DirectoryDocuments { base: case_path.parent().map(Path::to_path_buf).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = "Michurin said he sold the items as an ‘individual entrepreneur,’ a designation\n   under Russian tax law — one that does not require a contract.\n\n“A spark ignited between us,” Michurin said.";

    #[test]
    fn forgives_white_space_and_typography() {
        let document = NormalisedText::new(DOCUMENT);
        assert!(
            document
                .contains_quote("sold the items as an 'individual entrepreneur,' a designation under Russian tax law")
        );
        assert!(document.contains_quote("tax law - one that"));
        assert!(document.contains_quote("\"A spark ignited between us,\" Michurin said."));
        assert!(document.contains_quote("Michurin said he sold [...] a designation under Russian tax law"));
    }

    #[test]
    fn is_strict_about_words_and_order() {
        let document = NormalisedText::new(DOCUMENT);
        assert!(!document.contains_quote("a spark ignited between us"));
        assert!(!document.contains_quote("Michurin said he bought the items"));
        assert!(!document.contains_quote("a designation [...] Michurin said he sold"));
    }

    #[test]
    fn a_quote_is_shown_in_its_paragraph() {
        let document = "First paragraph.\n\nThe ship\u{2019}s captain said \u{201c}we paid\u{201d} and left.\nStill here.\n\nLast.";
        let context = quote_in_context(document, "captain said \"we paid\"").expect("the quote is there");
        assert_eq!(context.before, "The ship\u{2019}s ");
        assert_eq!(context.quote, "captain said \u{201c}we paid\u{201d}");
        assert_eq!(context.after, " and left. Still here.");
        let elided = quote_in_context(document, "The ship's captain [...] and left.").expect("found with an elision");
        assert_eq!(elided.quote, "The ship\u{2019}s captain said \u{201c}we paid\u{201d} and left.");
        assert_eq!(quote_in_context(document, "not in it"), None);
    }

    #[test]
    fn reports_the_closest_passage_as_written() {
        let document = NormalisedText::new(DOCUMENT);
        let passage = document.closest_passage("he sold the goods as an individual entrepreneur").expect("a passage");
        assert_eq!(passage, "he sold the items as an ‘individual entrepreneur,’");
    }
}
