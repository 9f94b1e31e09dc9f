//! PDFs written for tests and benchmarks: pages of text, a scan (pages with only an image),
//! and an encrypted copy.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// One page's lines, written top-down in Helvetica.
pub fn text_pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let mut document = Document::with_version("1.5");
    let pages_id = document.new_object_id();
    let font_id = document.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = document.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![56.into(), 780.into()]),
        ];
        for line in lines {
            operations.push(Operation::new("Tj", vec![Object::string_literal(line.as_str())]));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        kids.push(add_page(&mut document, pages_id, operations));
    }
    finish(document, pages_id, kids, resources_id)
}

/// A PDF of `page_count` pages, each holding only an image, as a scanner writes them.
pub fn scanned_pdf(page_count: usize) -> Vec<u8> {
    let mut document = Document::with_version("1.5");
    let pages_id = document.new_object_id();
    let pixels: Vec<u8> = (0..64 * 64).map(|i| (i % 251) as u8).collect();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 64,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        pixels,
    );
    let image_id = document.add_object(image);
    let resources_id = document.add_object(dictionary! { "XObject" => dictionary! { "Im1" => image_id } });
    let kids = (0..page_count)
        .map(|_| {
            let operations = vec![
                Operation::new("q", vec![]),
                Operation::new("cm", vec![483.into(), 0.into(), 0.into(), 730.into(), 56.into(), 56.into()]),
                Operation::new("Do", vec!["Im1".into()]),
                Operation::new("Q", vec![]),
            ];
            add_page(&mut document, pages_id, operations)
        })
        .collect();
    finish(document, pages_id, kids, resources_id)
}

/// `pdf` locked with a user password, so it cannot be read without it.
pub fn encrypted_pdf(pdf: &[u8], user_password: &str) -> Vec<u8> {
    let mut document = Document::load_mem(pdf).expect("a PDF");
    let file_id = Object::string_literal("casegraph-test-file");
    document.trailer.set("ID", vec![file_id.clone(), file_id]);
    let version = lopdf::EncryptionVersion::V2 {
        document: &document,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).expect("an encryption state");
    document.encrypt(&state).expect("encrypted");
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("written");
    bytes
}

fn add_page(document: &mut Document, pages_id: lopdf::ObjectId, operations: Vec<Operation>) -> Object {
    let content = Content { operations }.encode().expect("content");
    let content_id = document.add_object(Stream::new(dictionary! {}, content));
    document.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id }).into()
}

fn finish(
    mut document: Document,
    pages_id: lopdf::ObjectId,
    kids: Vec<Object>,
    resources_id: lopdf::ObjectId,
) -> Vec<u8> {
    let count = kids.len() as i64;
    let pages = dictionary! {
        "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    document.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("written");
    bytes
}
