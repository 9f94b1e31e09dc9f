//! A PDF's text layer, page by page, so that quotes can carry their page. A PDF without text
//! (a scan) or one that needs a password is refused with what to do instead.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{ExtractError, Extracted, SourceFileKind, SourceMetadata};
use crate::model::PAGE_BREAK;

/// Reads a PDF's bytes.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut document = lopdf::Document::load_mem(bytes).map_err(pdf_error)?;
    if document.is_encrypted() {
        document.decrypt("").map_err(|_needs_a_password| ExtractError::Encrypted)?;
    }
    let page_numbers: Vec<u32> = document.get_pages().into_keys().collect();
    let mut pages = Vec::with_capacity(page_numbers.len());
    for page_number in page_numbers {
        pages.push(page_text(&document, page_number)?);
    }
    if pages.iter().all(|page| page.trim().is_empty()) {
        return Err(ExtractError::Scanned { pages: pages.len() });
    }
    let page_count = pages.len();
    let text = pages.join(&PAGE_BREAK.to_string());
    let metadata = SourceMetadata { title: document_title(&document), ..SourceMetadata::default() };
    Ok(Extracted { kind: SourceFileKind::Pdf, text, metadata, encoding: None, page_count: Some(page_count) })
}

/// The text of one page, its lines without trailing spaces and at most one blank line in a row.
fn page_text(document: &lopdf::Document, page_number: u32) -> Result<String, ExtractError> {
    let mut raw = String::new();
    // pdf-extract panics on some malformed content streams; a bad file must not end the app.
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut output = pdf_extract::PlainTextOutput::new(&mut raw);
        pdf_extract::output_doc_page(document, &mut output, page_number)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => return Err(ExtractError::BadPdf(format!("page {page_number}: {error}"))),
        Err(_) => return Err(ExtractError::BadPdf(format!("page {page_number} could not be read"))),
    }
    let mut text = String::with_capacity(raw.len());
    let mut blank_lines = 0;
    for line in raw.lines().map(str::trim_end) {
        blank_lines = if line.trim().is_empty() { blank_lines + 1 } else { 0 };
        if blank_lines > 1 || (text.is_empty() && blank_lines > 0) {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    Ok(text)
}

fn pdf_error(error: lopdf::Error) -> ExtractError {
    match error {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => ExtractError::Encrypted,
        other => ExtractError::BadPdf(other.to_string()),
    }
}

/// The title in the PDF's document information, when it has a real one.
fn document_title(document: &lopdf::Document) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let title = document.get_dictionary(info).ok()?.get(b"Title").ok()?;
    let title = lopdf::decode_text_string(title).ok()?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty() && !title.eq_ignore_ascii_case("untitled")).then_some(title)
}
