//! The sample case on disk, for tests that open, save or add to a real file.

use std::fs;
use std::path::{Path, PathBuf};

/// A copy of the sample case file and its sources in `folder`; the case file's path.
pub fn sample_on_disk(folder: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_cases");
    fs::create_dir_all(folder.join("sources")).expect("a sources folder");
    for entry in fs::read_dir(root.join("sources")).expect("the sample sources") {
        let entry = entry.expect("an entry");
        fs::copy(entry.path(), folder.join("sources").join(entry.file_name())).expect("copied");
    }
    let path = folder.join("north-korea-business-russia.case.json");
    fs::copy(root.join("north-korea-business-russia.case.json"), &path).expect("copied");
    path
}
