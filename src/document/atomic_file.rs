//! Writing a file so that it is either wholly the old version or wholly the new one, never
//! half of each: the new text goes to a temporary file in the same folder, is flushed to
//! disk, and only then renamed over the old file, which is first copied to `NAME.bak`.
//!
//! A writer holds a lock on its temporary file until the rename is done. A save killed
//! halfway (power cut, `kill -9`) leaves its temporary file behind, unlocked; the next save of
//! the same file removes those, and never one whose writer still holds it.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

/// One stage of a save, named in errors and used by tests to make a stage fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// Turning what is saved into text.
    Encode,
    /// Creating the folder the file goes in.
    CreateFolder,
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
            SaveStage::Encode => "turning it into text",
            SaveStage::CreateFolder => "creating its folder",
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

impl WriteError {
    /// The error of `stage` failing for the file at `path`.
    pub fn new(path: &Path, stage: SaveStage, cause: io::Error) -> Self {
        Self { path: path.to_path_buf(), stage, cause }
    }
}

fn advice(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "use Save As… to choose a folder you may write to"
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "free some disk space, or use Save As… to save elsewhere",
        ErrorKind::NotFound | ErrorKind::NotADirectory => "its folder is gone; use Save As… to choose another",
        ErrorKind::InvalidData => "this is a fault in casegraph; please report it with the file's name",
        _ => "try again, or use Save As… to save elsewhere",
    }
}

/// `value` as indented JSON ending in a newline, to be written to `path`; a value that cannot
/// be written as JSON is an error at [`SaveStage::Encode`], never an empty file.
pub fn json_text(path: &Path, value: &impl Serialize) -> Result<String, WriteError> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|error| WriteError::new(path, SaveStage::Encode, error.into()))?;
    text.push('\n');
    Ok(text)
}

/// Creates `folder` and the folders above it, as [`SaveStage::CreateFolder`] of saving `path`.
pub fn create_folder_for(path: &Path, folder: &Path) -> Result<(), WriteError> {
    fs::create_dir_all(folder).map_err(|cause| WriteError::new(path, SaveStage::CreateFolder, cause))
}

/// The backup of `path`: the same name with `.bak` added.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsStr::to_os_string).unwrap_or_default();
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

/// Calls `before` for `stage`, then `action`; either failing is `stage` failing.
fn run_stage<T>(
    path: &Path,
    stage: SaveStage,
    before: &mut dyn FnMut(SaveStage) -> io::Result<()>,
    action: impl FnOnce() -> io::Result<T>,
) -> Result<T, WriteError> {
    before(stage).and_then(|()| action()).map_err(|cause| WriteError::new(path, stage, cause))
}

fn write(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    before: &mut dyn FnMut(SaveStage) -> io::Result<()>,
) -> Result<(), WriteError> {
    remove_abandoned_temporaries(path);
    let temporary = temporary_path(path);
    let mut file = run_stage(path, SaveStage::CreateTemporary, before, || create_locked(&temporary))?;
    let mut fill_and_replace = || {
        run_stage(path, SaveStage::Write, before, || file.write_all(bytes))?;
        run_stage(path, SaveStage::Sync, before, || file.sync_all())?;
        if keep_backup && path.exists() {
            run_stage(path, SaveStage::Backup, before, || back_up(path))?;
        }
        run_stage(path, SaveStage::Replace, before, || fs::rename(&temporary, path))
    };
    let result = fill_and_replace();
    // The lock is let go only now, after the rename, so no other save takes the file for
    // an abandoned one while it is being written.
    drop(file);
    if result.is_err() {
        let _: io::Result<()> = fs::remove_file(&temporary);
    }
    result?;
    // Make the rename itself durable. Not every platform can open a folder; the file is
    // already complete either way.
    if let Ok(folder) = File::open(folder_of(path)) {
        let _: io::Result<()> = folder.sync_all();
    }
    Ok(())
}

/// Copies the file at `path` to its backup, through a temporary file of its own.
fn back_up(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let backup_temporary = temporary_path(&backup);
    let mut copy = create_locked(&backup_temporary)?;
    let copied = io::copy(&mut File::open(path)?, &mut copy)
        .and_then(|_| copy.sync_all())
        .and_then(|()| fs::rename(&backup_temporary, &backup));
    drop(copy);
    if copied.is_err() {
        let _: io::Result<()> = fs::remove_file(&backup_temporary);
    }
    copied
}

/// Creates the new file at `path` and locks it for as long as it is open. A file system
/// without locks still gets the file; its temporaries are then never taken for abandoned.
fn create_locked(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let _: Result<(), TryLockError> = file.try_lock();
    Ok(file)
}

/// Removes the temporary files of `path` and of its backup that no writer holds any more:
/// what saves killed halfway left behind. Best effort: what cannot be removed stays.
fn remove_abandoned_temporaries(path: &Path) {
    let Some(name) = path.file_name().and_then(OsStr::to_str) else { return };
    let backup = format!("{name}.bak");
    let Ok(entries) = fs::read_dir(folder_of(path)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(candidate) = file_name.to_str() else { continue };
        if !(is_temporary_of(candidate, name) || is_temporary_of(candidate, &backup)) {
            continue;
        }
        let Ok(file) = OpenOptions::new().write(true).open(entry.path()) else { continue };
        match file.try_lock() {
            // Removed while this lock is held, so no writer can take it up meanwhile.
            Ok(()) => {
                let _: io::Result<()> = fs::remove_file(entry.path());
            }
            Err(TryLockError::WouldBlock | TryLockError::Error(_)) => {}
        }
    }
}

/// Whether `candidate` is a name [`temporary_path`] gives for a file named `name`:
/// `.NAME.PROCESS-COUNT.tmp`.
fn is_temporary_of(candidate: &str, name: &str) -> bool {
    let Some(rest) = candidate.strip_prefix('.').and_then(|rest| rest.strip_prefix(name)) else { return false };
    let Some(numbers) = rest.strip_prefix('.').and_then(|rest| rest.strip_suffix(".tmp")) else { return false };
    let Some((process, count)) = numbers.split_once('-') else { return false };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    digits(process) && digits(count)
}

/// A fresh name beside `path` for the text being written, hidden on Unix.
fn temporary_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{unique}.tmp", std::process::id()))
}

/// The folder `path` is in; `.` for a bare file name.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    }
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

    /// A save killed halfway: its temporary file is left, and no process holds it.
    fn abandoned_temporary(path: &Path, content: &[u8]) -> PathBuf {
        let temporary = temporary_path(path);
        fs::write(&temporary, content).expect("a left-over temporary file");
        temporary
    }

    #[test]
    fn the_next_save_removes_what_killed_saves_left_but_not_a_live_writers_file() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("a.case.json");
        write_atomically(&path, b"first").expect("the first save");
        for _ in 0..3 {
            abandoned_temporary(&path, b"half");
            abandoned_temporary(&backup_path(&path), b"half a backup");
        }
        // Files that only look alike are another file's, or not temporaries at all.
        let others = [".b.case.json.1-2.tmp", ".a.case.json.x-2.tmp", "a.case.json.1-2.tmp", ".a.case.json.1-2.tmpx"];
        for other in others {
            fs::write(folder.path().join(other), b"other").expect("another file");
        }
        // A writer that is still running holds its file locked.
        let live = temporary_path(&path);
        let live_file = create_locked(&live).expect("a live writer's file");
        assert_eq!(leftovers(folder.path()).len(), 1 + 6 + others.len() + 1);

        write_atomically(&path, b"second").expect("the second save");
        let mut expected: Vec<String> = ["a.case.json", "a.case.json.bak"].map(str::to_owned).to_vec();
        expected.extend(others.map(str::to_owned));
        expected.push(live.file_name().expect("a name").to_string_lossy().into_owned());
        expected.sort();
        assert_eq!(leftovers(folder.path()), expected);

        drop(live_file);
        write_atomically(&path, b"third").expect("the third save");
        assert!(!live.exists(), "once its writer is gone, its file goes too");
        assert_eq!(fs::read(&path).expect("the file"), b"third");
    }

    #[test]
    fn temporary_names_are_told_apart() {
        let name = "a.case.json";
        let made = temporary_path(Path::new(name));
        assert!(is_temporary_of(&made.to_string_lossy(), name), "{made:?}");
        for other in [".a.case.json.tmp", ".a.case.json.1-.tmp", ".a.case.json.-1.tmp", ".a.case.json.bak.1-1.tmp"] {
            assert!(!is_temporary_of(other, name), "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_value_that_cannot_be_json_is_an_error_not_an_empty_file() {
        use std::os::unix::ffi::OsStrExt as _;
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("list.json");
        let not_text = vec![PathBuf::from(OsStr::from_bytes(b"\xff\xfe"))];
        let error = json_text(&path, &not_text).expect_err("a path that is not UTF-8 has no JSON form");
        assert_eq!(error.stage, SaveStage::Encode);
        assert!(error.to_string().contains("list.json"), "{error}");
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
