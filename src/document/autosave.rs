//! Copies of unsaved work, written every so often to the app's data folder, so that a crash
//! loses at most a few seconds of arranging. A clean save or a discard removes the copy; a
//! copy still there at start-up is offered back.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::atomic_file::{WriteError, create_folder_for, json_text, replace_atomically};

/// The folder under the app's data folder that holds autosaved copies.
pub const AUTOSAVE_FOLDER: &str = "autosave";

/// The ending of the note kept beside each copy.
const ORIGIN_SUFFIX: &str = ".origin.json";

/// Where autosaved copies live.
#[derive(Clone, Debug)]
pub struct AutosaveStore {
    folder: PathBuf,
}

/// One autosaved copy found in the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autosaved {
    /// The case file the work belongs to; `None` for a case never saved (the bundled sample).
    pub case_file: Option<PathBuf>,
    /// The copy itself, a complete case file.
    pub copy: PathBuf,
    /// When it was written, in seconds since 1970 (UTC).
    pub written_unix_seconds: u64,
}

/// An autosaved copy that is there but cannot be used; it is left where it is.
#[derive(Debug, thiserror::Error)]
pub enum UnreadableAutosave {
    /// Its note or the copy cannot be read.
    #[error("cannot read the autosaved work {}: {cause}", path.display())]
    Read {
        /// The file that cannot be read.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// Its note is damaged, so it is not known which case the work belongs to.
    #[error("the note of the autosaved work {} is damaged ({cause}), so it is not known which case it belongs to", path.display())]
    Damaged {
        /// The note.
        path: PathBuf,
        /// Where and how it is damaged.
        cause: serde_json::Error,
    },
    /// The note is there, but its copy is gone.
    #[error("the autosaved work noted in {} is gone", path.display())]
    Missing {
        /// The note.
        path: PathBuf,
    },
}

/// What the store holds: the copies that can be offered back, and those that cannot be read.
#[derive(Debug, Default)]
pub struct AutosaveListing {
    /// Usable copies, newest first.
    pub found: Vec<Autosaved>,
    /// Copies found but unreadable, in file-name order.
    pub unreadable: Vec<UnreadableAutosave>,
}

/// What is kept beside each copy.
#[derive(Serialize, Deserialize)]
struct Origin {
    case_file: Option<PathBuf>,
    written_unix_seconds: u64,
}

impl AutosaveStore {
    /// A store in `data_folder/autosave`.
    pub fn new(data_folder: &Path) -> Self {
        Self { folder: data_folder.join(AUTOSAVE_FOLDER) }
    }

    /// Writes `text`, the unsaved state of the case at `case_file`, replacing any earlier copy.
    pub fn write(&self, case_file: Option<&Path>, text: &str, written: SystemTime) -> Result<PathBuf, WriteError> {
        let (copy, origin_path) = self.paths(case_file);
        let origin = Origin {
            case_file: case_file.map(Path::to_path_buf),
            written_unix_seconds: written.duration_since(UNIX_EPOCH).map_or(0, |age| age.as_secs()),
        };
        // Encoded first: a note that cannot be written must not leave a copy without one.
        let origin_text = json_text(&origin_path, &origin)?;
        create_folder_for(&copy, &self.folder)?;
        replace_atomically(&copy, text.as_bytes())?;
        replace_atomically(&origin_path, origin_text.as_bytes())?;
        Ok(copy)
    }

    /// Removes the copy for `case_file`, after a clean save or a discard.
    pub fn remove(&self, case_file: Option<&Path>) {
        let (copy, origin) = self.paths(case_file);
        let _: std::io::Result<()> = fs::remove_file(copy);
        let _: std::io::Result<()> = fs::remove_file(origin);
    }

    /// Every copy in the store, newest first, and every one that cannot be read. An empty or
    /// absent store holds none.
    pub fn list(&self) -> AutosaveListing {
        let mut listing = AutosaveListing::default();
        let Ok(entries) = fs::read_dir(&self.folder) else { return listing };
        let mut notes: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.ends_with(ORIGIN_SUFFIX))
            })
            .collect();
        notes.sort();
        for note in notes {
            match self.read_note(&note) {
                Ok(found) => listing.found.push(found),
                Err(unreadable) => listing.unreadable.push(unreadable),
            }
        }
        listing.found.sort_by(|a, b| b.written_unix_seconds.cmp(&a.written_unix_seconds).then(a.copy.cmp(&b.copy)));
        listing
    }

    /// The copy the note at `note` describes.
    fn read_note(&self, note: &Path) -> Result<Autosaved, UnreadableAutosave> {
        let bytes = fs::read(note).map_err(|cause| UnreadableAutosave::Read { path: note.to_path_buf(), cause })?;
        let origin: Origin = serde_json::from_slice(&bytes)
            .map_err(|cause| UnreadableAutosave::Damaged { path: note.to_path_buf(), cause })?;
        let name = note.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        let stem = name.strip_suffix(ORIGIN_SUFFIX).unwrap_or(name);
        let copy = self.folder.join(format!("{stem}.case.json"));
        if !copy.is_file() {
            return Err(UnreadableAutosave::Missing { path: note.to_path_buf() });
        }
        Ok(Autosaved { case_file: origin.case_file, copy, written_unix_seconds: origin.written_unix_seconds })
    }

    /// The copy and its origin note for `case_file`: named after the file, plus a hash of its
    /// whole path so two cases of the same name do not share a copy.
    fn paths(&self, case_file: Option<&Path>) -> (PathBuf, PathBuf) {
        let stem = match case_file {
            Some(path) => {
                let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
                let name = name.strip_suffix(".case.json").unwrap_or(&name);
                let tidy: String =
                    name.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).take(40).collect();
                format!("{tidy}-{:016x}", fnv1a(path.to_string_lossy().as_bytes()))
            }
            None => "untitled".to_owned(),
        };
        (self.folder.join(format!("{stem}.case.json")), self.folder.join(format!("{stem}{ORIGIN_SUFFIX}")))
    }
}

/// FNV-1a: a small hash that is the same on every machine and every run.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// A time as people read it: `2026-11-23 07:55 UTC`.
pub fn describe_unix_time(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let seconds_of_day = unix_seconds % 86_400;
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", seconds_of_day / 3_600, seconds_of_day % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_copy_is_found_again_with_its_file_and_time_and_removed_after_saving() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let store = AutosaveStore::new(data.path());
        let case_file = Path::new("/home/reporter/cases/bearings.case.json");
        let written = UNIX_EPOCH + Duration::from_secs(1_780_000_000);
        let copy = store.write(Some(case_file), "{}\n", written).expect("written");
        store.write(None, "{}\n", written + Duration::from_secs(60)).expect("written");
        let found = store.list().found;
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].case_file, None, "newest first");
        assert_eq!(
            found[1],
            Autosaved { case_file: Some(case_file.into()), copy, written_unix_seconds: 1_780_000_000 }
        );
        store.remove(Some(case_file));
        store.remove(None);
        let listing = store.list();
        assert!(listing.found.is_empty() && listing.unreadable.is_empty());
    }

    #[test]
    fn a_damaged_or_orphaned_note_is_reported_not_skipped() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let store = AutosaveStore::new(data.path());
        let now = SystemTime::now();
        let kept = store.write(Some(Path::new("/a/kept.case.json")), "{}\n", now).expect("written");
        let damaged = store.write(Some(Path::new("/a/damaged.case.json")), "{}\n", now).expect("written");
        let orphaned = store.write(Some(Path::new("/a/orphaned.case.json")), "{}\n", now).expect("written");
        let note = |copy: &Path| copy.with_file_name(copy.to_string_lossy().replace(".case.json", ORIGIN_SUFFIX));
        fs::write(note(&damaged), "{\"case_file\": ").expect("damaged");
        fs::remove_file(&orphaned).expect("the copy goes");
        let listing = store.list();
        assert_eq!(listing.found.iter().map(|found| &found.copy).collect::<Vec<_>>(), [&kept]);
        let messages: Vec<String> = listing.unreadable.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("damaged-") && messages[0].contains("is damaged"), "{messages:?}");
        assert!(messages[1].contains("orphaned-") && messages[1].contains("is gone"), "{messages:?}");
        assert!(damaged.exists(), "an unreadable copy is left where it is");
    }

    /// Work whose note cannot be written as JSON leaves the earlier copy and note as they were.
    #[cfg(unix)]
    #[test]
    fn a_note_that_cannot_be_encoded_writes_nothing() {
        use std::os::unix::ffi::OsStrExt as _;
        let data = tempfile::tempdir().expect("a temporary folder");
        let store = AutosaveStore::new(data.path());
        let case_file = Path::new(std::ffi::OsStr::from_bytes(b"/cases/\xff.case.json"));
        let error = store.write(Some(case_file), "{}\n", SystemTime::now()).expect_err("no JSON form");
        assert_eq!(error.stage, super::super::SaveStage::Encode);
        assert!(!data.path().join(AUTOSAVE_FOLDER).exists(), "nothing was written");
    }

    #[test]
    fn two_cases_of_the_same_name_keep_separate_copies() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let store = AutosaveStore::new(data.path());
        let now = SystemTime::now();
        store.write(Some(Path::new("/a/x.case.json")), "1", now).expect("written");
        store.write(Some(Path::new("/b/x.case.json")), "2", now).expect("written");
        assert_eq!(store.list().found.len(), 2);
    }

    #[test]
    fn times_read_as_dates() {
        assert_eq!(describe_unix_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(describe_unix_time(951_782_400 + 3_661), "2000-02-29 01:01 UTC");
        assert_eq!(describe_unix_time(1_795_392_000 + 7 * 3_600 + 55 * 60), "2026-11-23 07:55 UTC");
    }
}
