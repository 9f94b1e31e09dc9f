//! The bundled sample case and its source texts, compiled into the binary so that the app
//! and its tests work from any folder.

use crate::model::{LoadReport, MemoryDocuments, load_case_bytes};

/// File name of the bundled sample, as shown in titles and messages.
pub const SAMPLE_FILE_NAME: &str = "north-korea-business-russia.case.json";

/// The bundled sample case file.
pub const SAMPLE_CASE_JSON: &str = include_str!("../sample_cases/north-korea-business-russia.case.json");

/// The sample's source documents, by the relative path the case file gives them.
pub const SAMPLE_DOCUMENTS: [(&str, &str); 2] = [
    (
        "sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt",
        include_str!("../sample_cases/sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt"),
    ),
    (
        "sources/donga-2008-04-04-north-korea-businesses-thriving-in-russia.txt",
        include_str!("../sample_cases/sources/donga-2008-04-04-north-korea-businesses-thriving-in-russia.txt"),
    ),
];

/// The sample's documents as a store the loader can read.
pub fn sample_documents() -> MemoryDocuments {
    MemoryDocuments {
        texts: SAMPLE_DOCUMENTS.iter().map(|(path, text)| ((*path).to_owned(), (*text).to_owned())).collect(),
    }
}

/// Loads the bundled sample, checking every quote against the bundled documents.
pub fn load_sample() -> LoadReport {
    load_case_bytes(SAMPLE_CASE_JSON.as_bytes(), SAMPLE_FILE_NAME, &sample_documents())
}
