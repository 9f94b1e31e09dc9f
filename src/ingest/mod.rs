//! Bringing a reporter's documents into a case: plain text in any common encoding, saved web
//! pages (their article text only), PDFs with a text layer, and pasted text. Each becomes UTF-8
//! text that quotes are checked against, with the metadata the file itself gives. Nothing here
//! knows about windows; [`store`] writes the result beside the case.

mod encoding;
mod new_source;
mod pdf;
pub mod store;
mod web_page;

use std::path::Path;

pub use encoding::{AssumedEncoding, EncodingEvidence, decode_text};
pub use new_source::{NewSource, NewSourceError, new_source, settled_metadata};

use crate::model::PartialDate;

/// The largest text or web page read, in bytes: far beyond any article or filing, and what the
/// source reader still shows smoothly. A larger file is refused rather than half read.
pub const MAX_TEXT_BYTES: u64 = 16 << 20;

/// The largest PDF read, in bytes: a long filing with scanned exhibits fits.
pub const MAX_PDF_BYTES: u64 = 256 << 20;

/// What kind of file a source came from, which decides how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFileKind {
    /// `.txt` or `.md`, kept as written.
    PlainText,
    /// A saved web page: its article text only.
    WebPage,
    /// A PDF's text layer, page by page.
    Pdf,
    /// Text pasted into the window.
    Pasted,
}

/// Every file extension read as a source, with how it is read: the one list the reader and
/// the file dialog share.
pub const SOURCE_EXTENSIONS: [(&str, SourceFileKind); 8] = [
    ("txt", SourceFileKind::PlainText),
    ("text", SourceFileKind::PlainText),
    ("md", SourceFileKind::PlainText),
    ("markdown", SourceFileKind::PlainText),
    ("html", SourceFileKind::WebPage),
    ("htm", SourceFileKind::WebPage),
    ("xhtml", SourceFileKind::WebPage),
    ("pdf", SourceFileKind::Pdf),
];

impl SourceFileKind {
    /// The kind for a file name, by its extension; `None` for what casegraph cannot read.
    pub fn of_file_name(name: &str) -> Option<Self> {
        let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        SOURCE_EXTENSIONS.iter().find(|(known, _)| *known == extension).map(|&(_, kind)| kind)
    }

    /// The kind in words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::PlainText => "plain text",
            Self::WebPage => "web page",
            Self::Pdf => "PDF",
            Self::Pasted => "pasted text",
        }
    }
}

/// What a file says about itself; every field is a suggestion the analyst may correct.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMetadata {
    /// Headline or title.
    pub title: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was published.
    pub date: Option<PartialDate>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Where it can be read.
    pub url: Option<String>,
}

impl SourceMetadata {
    /// This metadata with every field `corrections` gives put in place of the file's own.
    pub fn corrected_by(mut self, corrections: &Self) -> Self {
        fn replace<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
        replace(&mut self.title, &corrections.title);
        replace(&mut self.publisher, &corrections.publisher);
        replace(&mut self.date, &corrections.date);
        replace(&mut self.url, &corrections.url);
        if !corrections.authors.is_empty() {
            self.authors.clone_from(&corrections.authors);
        }
        self
    }
}

/// A document's text, ready to be stored beside the case.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// How it was read.
    pub kind: SourceFileKind,
    /// The text, UTF-8, with `\n` line ends; paragraphs are separated by a blank line, and a
    /// PDF's pages by a form feed (`\f`), as pdftotext writes them.
    pub text: String,
    /// What the file says about itself.
    pub metadata: SourceMetadata,
    /// The encoding the bytes were read in; `None` for PDFs and pasted text.
    pub encoding: Option<AssumedEncoding>,
    /// How many pages, for PDFs.
    pub page_count: Option<usize>,
}

impl Extracted {
    /// How many words the text has, as the analyst counts them.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Why a document cannot become a source. Nothing has been stored when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file holds nothing.
    #[error("the file is empty")]
    Empty,
    /// The file holds only spaces and line breaks.
    #[error("the file holds no text, only white space")]
    Blank,
    /// Bytes that are not text.
    #[error("this is not a text file (it holds binary data)")]
    Binary,
    /// Bytes that are not valid in the encoding they announce.
    #[error("the file announces {encoding} but is not valid {encoding}")]
    NotText {
        /// The encoding named by its mark or its page.
        encoding: &'static str,
    },
    /// Larger than casegraph reads.
    #[error("the file is {size_mib} MiB; casegraph reads sources of up to {limit_mib} MiB of this kind")]
    TooLarge {
        /// Its size.
        size_mib: u64,
        /// The limit for its kind.
        limit_mib: u64,
    },
    /// An extension casegraph does not read.
    #[error("casegraph does not read .{extension} files")]
    Unsupported {
        /// The extension, as written.
        extension: String,
    },
    /// A web page in which no article text was found.
    #[error("no article text was found in this web page")]
    NoArticleText,
    /// A PDF whose pages hold no text: a scan.
    #[error("this PDF has {pages} page(s) but no text layer: it is a scan")]
    Scanned {
        /// Its pages.
        pages: usize,
    },
    /// A PDF that needs a password to be read.
    #[error("this PDF is encrypted and needs a password to be read")]
    Encrypted,
    /// A PDF that cannot be read.
    #[error("this PDF cannot be read ({0})")]
    BadPdf(String),
}

impl ExtractError {
    /// What the analyst can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            Self::Empty | Self::Blank => "pick the file that holds the document's text",
            Self::Binary | Self::Unsupported { .. } => {
                "add a .txt, .md, .html or .pdf file; save other documents as PDF or text first"
            }
            Self::NotText { .. } => "save it again as UTF-8 text",
            Self::TooLarge { .. } => "split it, or add only the part the case quotes",
            Self::NoArticleText => "save the page again once it has loaded, or copy its text and paste it as a source",
            Self::Scanned { .. } => "run OCR on it first (for example `ocrmypdf`), then add the result",
            Self::Encrypted => "save an unlocked copy (print to PDF, or `qpdf --decrypt`) and add that",
            Self::BadPdf(_) => "open it in a PDF reader and save or print it as a new PDF, then add that",
        }
    }
}

/// Why a file could not be read as a source: its name, and the cause.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read from disk (it vanished, or may not be read).
    #[error("{}: cannot read the file: {cause}", path.display())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The file was read but holds nothing casegraph can use.
    #[error("{}: {cause}", path.display())]
    Extract {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        cause: ExtractError,
    },
}

impl IngestError {
    /// What the analyst can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            Self::Read { .. } => "check that the file is still there and that you may read it",
            Self::Extract { cause, .. } => cause.help(),
        }
    }
}

/// Reads the file at `path` as a source; also gives the bytes read, to keep as the original.
pub fn extract_file(path: &Path) -> Result<(Extracted, Vec<u8>), IngestError> {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let fail = |cause| IngestError::Extract { path: path.to_owned(), cause };
    let kind = kind_of(&name).map_err(fail)?;
    let limit = if kind == SourceFileKind::Pdf { MAX_PDF_BYTES } else { MAX_TEXT_BYTES };
    let read_error = |cause| IngestError::Read { path: path.to_owned(), cause };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    check_size(size, limit).map_err(fail)?;
    let bytes = std::fs::read(path).map_err(read_error)?;
    let extracted = extract_bytes(kind, &bytes).map_err(fail)?;
    Ok((extracted, bytes))
}

fn kind_of(name: &str) -> Result<SourceFileKind, ExtractError> {
    SourceFileKind::of_file_name(name).ok_or_else(|| ExtractError::Unsupported {
        extension: Path::new(name).extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default(),
    })
}

fn check_size(size: u64, limit: u64) -> Result<(), ExtractError> {
    if size > limit {
        return Err(ExtractError::TooLarge { size_mib: size.div_ceil(1 << 20), limit_mib: limit >> 20 });
    }
    Ok(())
}

/// Reads bytes of a known kind as a source.
pub fn extract_bytes(kind: SourceFileKind, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let limit = if kind == SourceFileKind::Pdf { MAX_PDF_BYTES } else { MAX_TEXT_BYTES };
    check_size(bytes.len() as u64, limit)?;
    let extracted = match kind {
        SourceFileKind::PlainText | SourceFileKind::Pasted => {
            let (text, encoding) = encoding::decode_text(bytes, None)?;
            Extracted { kind, text, metadata: SourceMetadata::default(), encoding: Some(encoding), page_count: None }
        }
        SourceFileKind::WebPage => web_page::extract(bytes)?,
        SourceFileKind::Pdf => pdf::extract(bytes)?,
    };
    if extracted.text.trim().is_empty() {
        return Err(ExtractError::Blank);
    }
    Ok(extracted)
}

/// Text pasted into the window, as a source.
pub fn extract_pasted(text: &str) -> Result<Extracted, ExtractError> {
    let mut extracted = extract_bytes(SourceFileKind::Pasted, text.as_bytes())?;
    extracted.encoding = None;
    Ok(extracted)
}
