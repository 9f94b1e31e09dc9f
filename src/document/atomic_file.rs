//! Writing a file so that it is either wholly the old version or wholly the new one, never
//! half of each: the new text goes to a temporary file in the same folder, is flushed to
//! disk, and only then renamed over the old file, which is first copied to `NAME.bak`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// One stage of a save, named in errors and used by tests to make a stage fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// Creating the temporary file beside the target.
    CreateTemporary,
    /// Writing the new text into it.
    Write,
    /// Flushing it to the disk.
    Sync,
    /// Copying the old file to `NAME.bak`.
    Backup,
    /// Renaming the temporary file over the target.
    Replace,
}

impl SaveStage {
    fn doing(self) -> &'static str {
        match self {
            SaveStage::CreateTemporary => "creating a file in its folder",
            SaveStage::Write => "writing",
            SaveStage::Sync => "flushing to disk",
            SaveStage::Backup => "keeping the previous version as a backup",
            SaveStage::Replace => "replacing the old file",
        }
    }
}

/// Why a file could not be written. The file on disk is as it was before.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {} failed: {cause}. The file on disk was left as it was; {}", path.display(), stage.doing(), advice(cause.kind()))]
pub struct WriteError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// The stage that failed.
    pub stage: SaveStage,
    /// What the system said.
    pub cause: io::Error,
}

fn advice(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "use Save As… to choose a folder you may write to"
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "free some disk space, or use Save As… to save elsewhere",
        ErrorKind::NotFound | ErrorKind::NotADirectory => "its folder is gone; use Save As… to choose another",
        _ => "try again, or use Save As… to save elsewhere",
    }
}

/// The backup of `path`: the same name with `.bak` added.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping any previous version as `NAME.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with(path, bytes, &mut |_| Ok(()))
}

/// Writes `bytes` to `path` atomically, keeping no backup: for files the app can make again
/// (figures, autosaved copies, the recent-files list).
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, false, &mut |_| Ok(()))
}

/// [`write_atomically`], calling `before` ahead of each stage: an error from it counts as
/// that stage failing. Tests use it to fail a stage the real disk would not.
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    before: &mut dyn FnMut(SaveStage) -> io::Result<()>,
) -> Result<(), WriteError> {
    write(path, bytes, true, before)
}

fn write(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    before: &mut dyn FnMut(SaveStage) -> io::Result<()>,
) -> Result<(), WriteError> {
    let fail = |stage: SaveStage, cause: io::Error| WriteError { path: path.to_path_buf(), stage, cause };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temporary = temporary_path(path);
    let mut run = |stage: SaveStage, action: &mut dyn FnMut() -> io::Result<()>| {
        before(stage).and_then(|()| action()).map_err(|cause| fail(stage, cause))
    };
    let mut file: Option<File> = None;
    run(SaveStage::CreateTemporary, &mut || {
        file = Some(OpenOptions::new().write(true).create_new(true).open(&temporary)?);
        Ok(())
    })?;
    let result = (|| {
        let Some(mut file) = file else { return Ok(()) };
        run(SaveStage::Write, &mut || file.write_all(bytes))?;
        run(SaveStage::Sync, &mut || file.sync_all())?;
        drop(file);
        if keep_backup && path.exists() {
            let backup = backup_path(path);
            let backup_temporary = temporary_path(&backup);
            run(SaveStage::Backup, &mut || {
                let copied = fs::copy(path, &backup_temporary)
                    .and_then(|_| File::open(&backup_temporary)?.sync_all())
                    .and_then(|()| fs::rename(&backup_temporary, &backup));
                if copied.is_err() {
                    let _ = fs::remove_file(&backup_temporary);
                }
                copied
            })?;
        }
        run(SaveStage::Replace, &mut || fs::rename(&temporary, path))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result?;
    // Make the rename itself durable. Not every platform can open a folder; the file is
    // already complete either way.
    if let Ok(folder) = File::open(&folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// A fresh name beside `path` for the text being written, hidden on Unix.
fn temporary_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{unique}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .expect("the folder")
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_replaces_the_file_and_keeps_the_old_one_as_backup() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("a.case.json");
        write_atomically(&path, b"first").expect("the first save");
        assert_eq!(leftovers(folder.path()), ["a.case.json"]);
        write_atomically(&path, b"second").expect("the second save");
        assert_eq!(fs::read(&path).expect("the file"), b"second");
        assert_eq!(fs::read(backup_path(&path)).expect("the backup"), b"first");
        assert_eq!(leftovers(folder.path()), ["a.case.json", "a.case.json.bak"]);
    }

    #[test]
    fn a_replacement_keeps_no_backup() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("figure.svg");
        replace_atomically(&path, b"first").expect("written");
        replace_atomically(&path, b"second").expect("replaced");
        assert_eq!(fs::read(&path).expect("the file"), b"second");
        assert_eq!(leftovers(folder.path()), ["figure.svg"]);
    }

    #[test]
    fn a_failure_at_any_stage_leaves_the_old_file_whole_and_no_litter() {
        for failing in
            [SaveStage::CreateTemporary, SaveStage::Write, SaveStage::Sync, SaveStage::Backup, SaveStage::Replace]
        {
            let folder = tempfile::tempdir().expect("a temporary folder");
            let path = folder.path().join("a.case.json");
            fs::write(&path, b"old").expect("the old file");
            let mut fail = |stage: SaveStage| {
                if stage == failing { Err(io::Error::from(ErrorKind::StorageFull)) } else { Ok(()) }
            };
            let error = write_atomically_with(&path, b"new", &mut fail).expect_err("the save fails");
            assert_eq!(error.stage, failing);
            assert_eq!(fs::read(&path).expect("the file"), b"old", "{failing:?}");
            let message = error.to_string();
            assert!(message.contains("a.case.json") && message.contains("free some disk space"), "{message}");
            let mut expected = vec!["a.case.json".to_owned()];
            if failing == SaveStage::Replace {
                expected.push("a.case.json.bak".to_owned());
            }
            assert_eq!(leftovers(folder.path()), expected, "{failing:?}");
        }
    }

    #[test]
    fn a_missing_folder_is_named_with_advice() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("gone").join("a.case.json");
        let error = write_atomically(&path, b"new").expect_err("no folder");
        assert_eq!(error.stage, SaveStage::CreateTemporary);
        assert!(error.to_string().contains("its folder is gone"), "{error}");
    }
}
