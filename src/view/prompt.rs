//! The questions and reports the app puts in front of everything else: unsaved changes,
//! a case that would not open, a save that failed, work found after a crash, a file changed
//! on disk, quotes a deletion would leave supporting nothing. Each shows as a modal and returns the analyst's answer; the app acts on it.

use std::path::PathBuf;

use crate::document::{Autosaved, describe_unix_time};
use crate::model::{ItemRef, counted};

/// What is waiting for the analyst's decision about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Open this case instead.
    Open(PathBuf),
    /// Ask which case to open instead.
    ChooseAndOpen,
}

/// A modal question or report.
#[derive(Clone, Debug)]
pub enum Prompt {
    /// The case has unsaved changes and `then` would close or replace it.
    Unsaved {
        /// What happens after Save or Discard.
        then: Pending,
    },
    /// A case did not open; the case already open is untouched.
    OpenFailed {
        /// The file asked for.
        file: String,
        /// Every problem, with line and column.
        report: String,
    },
    /// Something went wrong or needs saying, such as a failed save.
    Report {
        /// The heading.
        title: String,
        /// What happened and what to do.
        message: String,
    },
    /// Unsaved work from an earlier run was found.
    Restore(Autosaved),
    /// The case's file was changed by another program.
    ChangedOnDisk,
    /// Deleting a node or link would leave quotes supporting nothing: keep them or not?
    Delete {
        /// The node or link.
        item: ItemRef,
        /// What it is called, with the links that go with a node.
        what: String,
        /// The words of each quote that would support nothing.
        quotes: Vec<String>,
    },
}

/// The analyst's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay as things are.
    Cancel,
    /// Take back the autosaved work.
    Restore,
    /// Read the file again from disk.
    Reload,
    /// Delete, with the quotes left supporting nothing.
    DeleteQuotes,
    /// Delete, keeping those quotes to use again.
    KeepQuotes,
}

/// Shows `prompt` over the window; returns the answer once the analyst gives one. `dirty` says
/// whether the open case has unsaved changes.
pub fn show(ctx: &egui::Context, prompt: &Prompt, case_name: &str, dirty: bool) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("casegraph-prompt")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        answer = prompt_ui(ui, prompt, case_name, dirty);
    });
    if answer.is_none() && modal.should_close() {
        // Escape or a click outside: the cautious answer.
        answer = Some(Answer::Cancel);
    }
    answer
}

/// The buttons of a prompt in a row, each with its answer; the one clicked, if any.
fn buttons(ui: &mut egui::Ui, choices: &[(&str, Answer)]) -> Option<Answer> {
    ui.horizontal(|ui| {
        let mut clicked = None;
        for (text, answer) in choices {
            if ui.button(*text).clicked() {
                clicked = Some(*answer);
            }
        }
        clicked
    })
    .inner
}

/// The prompt's words and buttons; the answer clicked, if any.
fn prompt_ui(ui: &mut egui::Ui, prompt: &Prompt, case_name: &str, dirty: bool) -> Option<Answer> {
    match prompt {
        Prompt::Unsaved { then } => {
            ui.heading("Save the changes?");
            let going = match then {
                Pending::Quit => "before closing",
                Pending::Open(_) | Pending::ChooseAndOpen => "before opening another case",
            };
            ui.label(format!("{case_name} has changes that are not saved. Save them {going}?"));
            ui.add_space(8.0);
            buttons(ui, &[("Save", Answer::Save), ("Discard", Answer::Discard), ("Cancel", Answer::Cancel)])
        }
        Prompt::OpenFailed { file, report } => {
            ui.heading(format!("{file} could not be opened"));
            ui.label(
                "The case that was open stays open. Fix these problems in a text editor, then open the file again.",
            );
            ui.separator();
            egui::ScrollArea::both().max_height(360.0).show(ui, |ui| {
                ui.monospace(report);
            });
            ui.button("OK").clicked().then_some(Answer::Cancel)
        }
        Prompt::Report { title, message } => {
            ui.heading(title);
            ui.label(message);
            ui.button("OK").clicked().then_some(Answer::Cancel)
        }
        Prompt::Restore(found) => {
            ui.heading("Restore unsaved work?");
            let whose = match &found.case_file {
                Some(file) => format!("{}", file.display()),
                None => "a case that was never saved".to_owned(),
            };
            ui.label(format!(
                "casegraph closed without saving changes to {whose}. A copy was written {}.",
                describe_unix_time(found.written_unix_seconds)
            ));
            buttons(ui, &[("Restore", Answer::Restore), ("Discard it", Answer::Discard)])
        }
        Prompt::ChangedOnDisk => {
            ui.heading("The file changed on disk");
            ui.label(format!("Another program changed {case_name} since it was opened or saved here."));
            if dirty {
                ui.label("Reloading it loses the changes made here since the last save.");
            }
            buttons(ui, &[("Reload", Answer::Reload), ("Keep this version", Answer::Cancel)])
        }
        Prompt::Delete { what, quotes, .. } => {
            ui.heading(format!("Delete {what}?"));
            ui.label(format!("{} would then support nothing:", counted(quotes.len(), "quote")));
            egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
                for quote in quotes {
                    ui.label(egui::RichText::new(format!("“{quote}”")).italics());
                }
            });
            ui.label("Keep them to attach to something else, or delete them too. Either can be undone.");
            let choices = [
                ("Delete the quotes too", Answer::DeleteQuotes),
                ("Keep the quotes", Answer::KeepQuotes),
                ("Cancel", Answer::Cancel),
            ];
            buttons(ui, &choices)
        }
    }
}
