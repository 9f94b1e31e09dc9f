//! The menu bar, the toolbar and the list of shortcuts. All of them return commands; the
//! app carries them out.

use std::path::PathBuf;

use super::command::{Command, EditCommand, FileCommand, bindings, kind_toggle_name, shortcut_of};
use super::open_case::OpenCase;
use crate::model::NodeKind;

/// The menu bar and toolbar of an open case, or of an empty window when `open` is `None`.
pub fn menu_bar(ui: &mut egui::Ui, open: Option<&OpenCase>, recent: &[PathBuf]) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        commands.extend(file_menu(ui, open, recent));
        if let Some(open) = open {
            commands.extend(menus(ui, open));
        }
    });
    commands
}

fn item(ui: &mut egui::Ui, name: &str, command: Command, enabled: bool) -> bool {
    let mut button = egui::Button::new(name);
    if let Some(shortcut) = shortcut_of(command) {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn file_menu(ui: &mut egui::Ui, open: Option<&OpenCase>, recent: &[PathBuf]) -> Vec<Command> {
    let mut commands = Vec::new();
    let case_open = open.is_some();
    let has_story = open.is_some_and(|open| !open.document.story().is_empty());
    ui.menu_button("File", |ui| {
        let entries = [
            ("New case…", FileCommand::New, true),
            ("Open…", FileCommand::Open, true),
            ("Save", FileCommand::Save, case_open),
            ("Save as…", FileCommand::SaveAs, case_open),
            ("Add sources…", FileCommand::AddSources, case_open),
            ("Paste text as a source…", FileCommand::PasteSource, case_open),
            ("Import…", FileCommand::Import, case_open),
            ("Export figure…", FileCommand::ExportFigure, case_open),
            ("Export story…", FileCommand::ExportStory, has_story),
            ("Export as…", FileCommand::ExportAs, case_open),
            ("Copy screenshot", FileCommand::CopyScreenshot, true),
            ("Save screenshot…", FileCommand::SaveScreenshot, true),
            ("Quit", FileCommand::Quit, true),
        ];
        for (name, command, enabled) in entries {
            if matches!(command, FileCommand::CopyScreenshot | FileCommand::Quit) {
                ui.separator();
            }
            if item(ui, name, Command::File(command), enabled) {
                commands.push(Command::File(command));
            }
            if command == FileCommand::Open {
                ui.menu_button("Open recent", |ui| {
                    if recent.is_empty() {
                        ui.label("No recent cases");
                    }
                    for (index, path) in recent.iter().enumerate() {
                        let name = path.file_name().unwrap_or(path.as_os_str()).to_string_lossy();
                        if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                            commands.push(Command::File(FileCommand::OpenRecent(index)));
                        }
                    }
                });
            }
        }
    });
    commands
}

fn menus(ui: &mut egui::Ui, open: &OpenCase) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut entry = |ui: &mut egui::Ui, name: &str, command: Command, enabled: bool| {
        if item(ui, name, command, enabled) {
            commands.push(command);
        }
    };
    ui.menu_button("Edit", |ui| {
        entry(ui, "Undo", Command::Undo, open.document.can_undo());
        entry(ui, "Redo", Command::Redo, open.document.can_redo());
        ui.separator();
        entry(ui, "New node…", Command::Edit(EditCommand::NewNode), true);
        entry(ui, "New link…", Command::Edit(EditCommand::NewLink), !open.document.case().nodes.is_empty());
        entry(ui, "Delete", Command::Edit(EditCommand::DeleteSelected), open.selection.is_some());
    });
    ui.menu_button("View", |ui| {
        entry(ui, "Fit the case to the window", Command::FitToCase, true);
        entry(ui, "Zoom in", Command::ZoomIn, true);
        entry(ui, "Zoom out", Command::ZoomOut, true);
        entry(ui, "Find a node…", Command::OpenSearch, true);
        entry(ui, "Clear the selection", Command::ClearSelection, true);
        let warnings = format!("Warnings ({})", open.document.warnings().len());
        entry(ui, &warnings, Command::ToggleWarnings, true);
        entry(ui, "Review…", Command::ToggleReview, true);
        entry(ui, "Present the story", Command::Present, !open.document.story().is_empty());
        entry(ui, "Timeline", Command::ToggleTimeline, true);
        entry(ui, "Frame times", Command::ToggleFrameTimes, true);
        ui.separator();
        for kind in NodeKind::ALL {
            let hidden = open.document.hidden_kinds().contains(&kind);
            let name = format!("{} {}", if hidden { "☐" } else { "☑" }, kind_toggle_name(kind));
            entry(ui, &name, Command::ToggleKind(kind), true);
        }
    });
    ui.menu_button("Layout", |ui| {
        entry(ui, "Re-run the layout", Command::RerunLayout, true);
        entry(ui, "Pin or unpin the selected node", Command::TogglePinSelected, true);
        entry(ui, "Pin all nodes", Command::PinAll, true);
        entry(ui, "Unpin all nodes", Command::UnpinAll, true);
    });
    ui.menu_button("Help", |ui| {
        entry(ui, "Keyboard shortcuts", Command::ToggleHelp, true);
    });
    ui.separator();
    commands.extend(toolbar(ui));
    commands
}

/// The buttons beside the menus for what is done most: fit, zoom, find and re-run the layout.
fn toolbar(ui: &mut egui::Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    let ctx = ui.ctx().clone();
    let buttons = [
        ("Fit", "Fit the case to the window", Command::FitToCase),
        ("−", "Zoom out", Command::ZoomOut),
        ("+", "Zoom in", Command::ZoomIn),
        ("Find…", "Find a node by name or alias", Command::OpenSearch),
        ("Re-run layout", "Re-run the layout (pinned nodes stay)", Command::RerunLayout),
    ];
    for (label, description, command) in buttons {
        let hint = match shortcut_of(command) {
            Some(shortcut) => format!("{description} ({})", ctx.format_shortcut(&shortcut)),
            None => description.to_owned(),
        };
        if ui.button(label).on_hover_text(hint).clicked() {
            commands.push(command);
        }
    }
    commands
}

/// The list of keyboard shortcuts and gestures.
pub fn help(ui: &mut egui::Ui, ctx: &egui::Context) {
    egui::Grid::new("casegraph-shortcuts").striped(true).show(ui, |ui| {
        for binding in bindings() {
            ui.label(binding.name);
            ui.monospace(ctx.format_shortcut(&binding.shortcut));
            ui.end_row();
        }
        ui.label("Move the view");
        ui.monospace("drag the background");
        ui.end_row();
        ui.label("Zoom around the pointer");
        ui.monospace("scroll or pinch");
        ui.end_row();
        ui.label("Move a node (pins it)");
        ui.monospace("drag the node");
        ui.end_row();
        ui.label("Pin or unpin one node");
        ui.monospace("right-click the node");
        ui.end_row();
    });
}
