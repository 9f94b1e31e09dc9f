//! When unsaved work is copied to the data folder: once it has waited the interval since the
//! first change not yet copied, then not again until the next change.

use std::time::{Duration, SystemTime};

use super::open_case::OpenCase;
use crate::document::AutosaveStore;

/// How often unsaved work is copied to the data folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// The autosave clock of the open case.
#[derive(Debug)]
pub struct AutosaveTimer {
    interval: Duration,
    /// When (in egui's clock, seconds) there was first unsaved work not yet copied.
    due_from: Option<f64>,
    /// The document revision last copied.
    copied_revision: Option<u64>,
}

impl Default for AutosaveTimer {
    fn default() -> Self {
        Self::every(AUTOSAVE_INTERVAL)
    }
}

impl AutosaveTimer {
    /// A timer that copies every `interval`.
    pub fn every(interval: Duration) -> Self {
        Self { interval, due_from: None, copied_revision: None }
    }

    /// Starts over, for a case just opened, restored or saved.
    pub fn restart(&mut self) {
        self.due_from = None;
        self.copied_revision = None;
    }

    /// Nothing is waiting to be copied any more: the case was just saved.
    pub fn saved(&mut self) {
        self.due_from = None;
    }

    /// Copies the unsaved work of `open` into `store` if it has waited the interval; asks
    /// `ctx` for a frame when it will be due.
    pub fn tick(&mut self, ctx: &egui::Context, open: Option<&OpenCase>, store: Option<AutosaveStore>) {
        let now = ctx.input(|input| input.time);
        let Some(open) = open.filter(|open| open.document.is_dirty()) else {
            self.due_from = None;
            return;
        };
        let revision = Some(open.document.revision());
        if revision == self.copied_revision {
            self.due_from = None;
            return;
        }
        let Some(store) = store else { return };
        let since = *self.due_from.get_or_insert(now);
        let interval = self.interval.as_secs_f64();
        if now - since < interval {
            ctx.request_repaint_after(Duration::from_secs_f64(interval - (now - since)));
            return;
        }
        if let Ok(text) = open.document.text_to_save(open.saved_camera()) {
            // A failed copy is tried again at the next change; the work is still in memory.
            let _: Result<std::path::PathBuf, crate::document::WriteError> =
                store.write(open.document.file(), &text, SystemTime::now());
        }
        self.copied_revision = revision;
        self.due_from = None;
    }
}
