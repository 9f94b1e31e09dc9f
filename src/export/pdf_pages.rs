//! Several SVG pages in one PDF: svg2pdf turns each page into a form, and the document puts
//! one form on each page, the page the form's size (a point per figure unit, as a single
//! figure's PDF has it).

use std::collections::BTreeMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use resvg::usvg::Tree;

use super::ExportError;

/// The PDF of `pages`, in order, titled `title`.
pub fn pdf_of_pages(pages: &[Tree], title: &str) -> Result<Vec<u8>, ExportError> {
    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let catalog = alloc();
    let page_tree = alloc();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::with_capacity(pages.len());
    let form_name = Name(b"Page");
    for tree in pages {
        let (chunk, form) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
            .map_err(|error| ExportError::Render(error.to_string()))?;
        // Numbers handed out in the order the chunk's objects come, so the bytes never vary.
        let mut renumbered: BTreeMap<Ref, Ref> = BTreeMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(&mut alloc));
        let form = renumbered.get(&form).copied().ok_or_else(|| ExportError::Render("a page lost its form".into()))?;
        let (page, contents) = (alloc(), alloc());
        let size = tree.size();
        let (width, height) = (size.width(), size.height());
        let mut content = Content::new();
        content.transform([width, 0.0, 0.0, height, 0.0, 0.0]).x_object(form_name);
        pdf.stream(contents, &content.finish());
        let mut page_writer = pdf.page(page);
        page_writer.media_box(Rect::new(0.0, 0.0, width, height)).parent(page_tree).contents(contents);
        page_writer.resources().x_objects().pair(form_name, form);
        page_writer.finish();
        pdf.extend(&chunk);
        page_refs.push(page);
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree).kids(page_refs.iter().copied()).count(page_refs.len() as i32);
    pdf.document_info(alloc()).title(TextStr(title)).producer(TextStr("casegraph"));
    Ok(pdf.finish())
}
