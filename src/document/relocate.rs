//! Keeping source-document paths true when a case is saved into another folder: each path
//! is relative to the case file, so Save As must rewrite it to name the same document.

use std::path::{Component, Path, PathBuf};

use crate::model::Case;

/// Rewrites every source's `document` path, written relative to `from_folder`, so that it
/// names the same file relative to `to_folder`. Returns a message for each document that
/// cannot be named from there (then its path is left as it was).
pub fn relocate_documents(case: &mut Case, from_folder: &Path, to_folder: &Path) -> Vec<String> {
    let (Some(from), Some(to)) = (absolute(from_folder), absolute(to_folder)) else {
        return vec!["cannot tell where the case's folders are; source document paths were left as they were".into()];
    };
    if from == to {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for source in &mut case.sources {
        let Some(document) = &mut source.document else { continue };
        let target = normalise(&from.join(document.as_str()));
        match relative_path(&to, &target) {
            Some(relative) => *document = relative,
            None => problems.push(format!(
                "the local copy of source `{}` ({document}) cannot be named relative to {}; move it beside the case and correct its `document` path",
                source.id,
                to.display()
            )),
        }
    }
    problems
}

/// `path` made absolute against the current folder, with `.` and `..` worked out.
fn absolute(path: &Path) -> Option<PathBuf> {
    std::path::absolute(path).ok().map(|path| normalise(&path))
}

/// Works out `.` and `..` without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The path from the folder `from` to `target`, both absolute, with `/` between parts as the
/// case format writes it; `None` when they share no root (another drive).
pub fn relative_path(from: &Path, target: &Path) -> Option<String> {
    let from: Vec<Component<'_>> = from.components().collect();
    let target: Vec<Component<'_>> = target.components().collect();
    if from.first() != target.first() {
        return None;
    }
    let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(target[common..].iter().map(|part| part.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { None } else { Some(parts.join("/")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_and_down() {
        let path = |text: &str| PathBuf::from(text);
        assert_eq!(relative_path(&path("/cases"), &path("/cases/sources/a.txt")).as_deref(), Some("sources/a.txt"));
        assert_eq!(
            relative_path(&path("/cases/copy"), &path("/cases/sources/a.txt")).as_deref(),
            Some("../sources/a.txt")
        );
        assert_eq!(relative_path(&path("/a/b/c"), &path("/x/y.txt")).as_deref(), Some("../../../x/y.txt"));
    }

    #[test]
    fn save_as_rewrites_document_paths_to_name_the_same_files() {
        let mut case = crate::sample::load_sample().case.expect("the sample");
        let problems = relocate_documents(
            &mut case,
            Path::new("/home/reporter/cases"),
            Path::new("/home/reporter/cases/2018/copy"),
        );
        assert!(problems.is_empty(), "{problems:?}");
        let documents: Vec<&str> = case.sources.iter().filter_map(|source| source.document.as_deref()).collect();
        assert_eq!(
            documents,
            [
                "../../sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt",
                "../../sources/donga-2008-04-04-north-korea-businesses-thriving-in-russia.txt"
            ]
        );
        let problems = relocate_documents(
            &mut case,
            Path::new("/home/reporter/cases/2018/copy"),
            Path::new("/home/reporter/cases"),
        );
        assert!(problems.is_empty());
        assert_eq!(
            case.sources[0].document.as_deref(),
            Some("sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt")
        );
    }
}
