//! A new [`Source`] for a case, made from extracted text and its (corrected) metadata, with its
//! files written under `sources/`. The caller adds the source to the case and saves, or
//! discards the files when it cannot.

use std::path::Path;

use super::store::{OriginalFile, StoreError, StoredFiles, store_source_files};
use super::{Extracted, SourceMetadata};
use crate::model::new_ids::fresh_id;
use crate::model::{Case, Source};

/// The longest line taken for a title when the file gives none.
const MAX_TITLE_FROM_TEXT: usize = 160;

/// How many lines from the top are searched for a title.
const TITLE_SEARCH_LINES: usize = 12;

/// Why a source cannot be made; nothing has been written.
#[derive(Debug, thiserror::Error)]
pub enum NewSourceError {
    /// No publisher is known, and every source needs one.
    #[error("no publisher is known for this source")]
    NoPublisher,
    /// The files could not be written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A source ready to be added to a case, and its files on disk.
#[derive(Debug)]
pub struct NewSource {
    /// The source, with a fresh id and its `document` (and `original`) set.
    pub source: Source,
    /// The files written for it; discard them if the case cannot be saved.
    pub files: StoredFiles,
}

/// The metadata a source will get: the file's own, corrected by the analyst, with a title taken
/// from the first line of the text or the file name when neither gives one.
pub fn settled_metadata(
    extracted: &Extracted,
    corrections: &SourceMetadata,
    file_name: Option<&str>,
) -> SourceMetadata {
    let mut metadata = extracted.metadata.clone().corrected_by(corrections);
    if metadata.title.is_none() {
        let short_line = extracted.text.lines().take(TITLE_SEARCH_LINES).find(|line| looks_like_title(line));
        let stem = file_name.and_then(|name| Path::new(name).file_stem()).map(|stem| stem.to_string_lossy());
        metadata.title = short_line.map(|line| line.trim().to_owned()).or_else(|| stem.map(|stem| stem.into_owned()));
    }
    metadata
}

/// True for a line that reads like a headline: a few words, mostly words, not a dateline.
fn looks_like_title(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let wordy = words.iter().filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    words.len() >= 3 && wordy * 3 >= words.len() * 2 && line.chars().count() <= MAX_TITLE_FROM_TEXT
}

/// Makes a source for `case` (whose file is in `case_folder`) and writes its files.
pub fn new_source(
    case: &Case,
    case_folder: &Path,
    extracted: &Extracted,
    metadata: &SourceMetadata,
    original: Option<OriginalFile<'_>>,
) -> Result<NewSource, NewSourceError> {
    let publisher = metadata.publisher.clone().ok_or(NewSourceError::NoPublisher)?;
    let title = metadata.title.clone().unwrap_or_else(|| "Untitled".to_owned());
    let year = metadata.date.as_ref().map(|date| date.year().to_string()).unwrap_or_default();
    let taken = |id: &str| {
        let used = |other: &crate::model::Id| other.as_str() == id;
        case.nodes.iter().any(|n| used(&n.id))
            || case.links.iter().any(|l| used(&l.id))
            || case.sources.iter().any(|s| used(&s.id))
            || case.quotes.iter().any(|q| used(&q.id))
    };
    let id = fresh_id("s", &format!("{publisher} {year}"), &title, taken);
    let date_text = metadata.date.as_ref().map(ToString::to_string).unwrap_or_default();
    let name_hint = format!("{publisher} {date_text} {title}");
    let files = store_source_files(case_folder, &name_hint, &extracted.text, original)?;
    let source = Source {
        date: metadata.date,
        authors: metadata.authors.clone(),
        url: metadata.url.clone(),
        document: Some(files.document.clone()),
        original: files.original.clone(),
        ..Source::new(id, publisher, title)
    };
    Ok(NewSource { source, files })
}
