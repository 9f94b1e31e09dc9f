//! The panels of one frame: the menu bar's neighbours around an open case (evidence panel,
//! legend, canvas, search, help, warnings), or the report of a case that did not open.

use super::super::case_panels::{CasePanels, SideTab};
use super::super::command::{Command, EditCommand};
use super::super::editor::{self, EditorAnswer, OpenEditor};
use super::super::frame_times::{self, FrameTimes};
use super::super::open_case::OpenCase;
use super::super::{
    canvas, evidence_panel, legend, menus, presenter, reader, review_panel, search, story_panel, timeline_panel,
    warnings_panel,
};

/// Layout steps per frame while a small case's layout animates in the window's frames (a big
/// case's runs on its own thread): enough to settle the sample case in about two seconds,
/// few enough that a frame stays far under 33 ms.
const LAYOUT_STEPS_PER_FRAME: usize = 4;

/// The style set once, on the first frame: the bundled fonts, light panels around the light
/// canvas as on the printed page, lying on the window's clear colour instead of filling their
/// own background (so a software renderer shades each of their pixels once less a frame).
pub(super) fn set_up_style(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::ThemePreference::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
}

/// One frame of an open case, adding what its panels ask for to `commands`; true once the
/// layout has settled and the canvas shows its final picture.
pub(super) fn show_open_case(
    ui: &mut egui::Ui,
    open: &mut OpenCase,
    panels: &mut CasePanels,
    commands: &mut Vec<Command>,
    frame_times: &FrameTimes,
) -> bool {
    let ctx = ui.ctx().clone();
    open.refresh_after_fact_changes();
    let moved = open.document.step_layout(LAYOUT_STEPS_PER_FRAME);
    if moved && open.follow_layout {
        open.apply(Command::FitToCase);
    }
    if open.glide_camera(ctx.input(|input| input.time)) {
        ctx.request_repaint();
    }
    if open.story.presenting {
        panels.story_actions.extend(presenter::show(ui, open, &mut panels.canvas, commands));
        return open.document.layout().is_settled();
    }
    side_panel(ui, open, panels, commands);
    egui::Panel::bottom("casegraph-legend").show(ui, |ui| {
        ui.add_space(4.0);
        commands.extend(legend::show(ui, open));
    });
    if open.show_timeline {
        egui::Panel::bottom("casegraph-timeline").resizable(true).default_size(140.0).show(ui, |ui| {
            ui.add_space(4.0);
            commands.extend(timeline_panel::show(ui, open, &mut panels.timeline));
        });
    }
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let (rect, canvas_commands) = canvas::show(ui, open, &mut panels.canvas);
        open.canvas_rect = rect;
        commands.extend(canvas_commands);
        if open.show_frame_times {
            frame_times::show_readout(ui, rect, frame_times);
            ui.ctx().request_repaint();
        }
        if open.search.open {
            let search_rect =
                egui::Rect::from_min_size(rect.left_top() + egui::vec2(12.0, 12.0), egui::vec2(340.0, 300.0));
            let mut search_ui = ui.new_child(egui::UiBuilder::new().max_rect(search_rect));
            let (case, hidden) = (&open.document.case(), open.document.hidden_kinds());
            let visible = |node: crate::model::NodeIx| !hidden.contains(&case.nodes[node].kind);
            commands.extend(search::show(&mut search_ui, &mut open.search, &open.document, visible));
        }
    });
    if open.show_help {
        let mut still_open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut still_open)
            .resizable(false)
            .show(&ctx, |ui| menus::help(ui, &ctx));
        if !still_open {
            commands.push(Command::ToggleHelp);
        }
    }
    if open.show_warnings {
        commands.extend(warnings_panel::show(&ctx, open));
    }
    if open.show_review {
        commands.extend(review_panel::show(&ctx, open, &mut panels.review));
    }
    if !open.document.layout().is_settled() {
        ctx.request_repaint();
    }
    // The overview picture still being drawn is about to change what the window shows.
    open.document.layout().is_settled() && !panels.canvas.is_overview_behind()
}

/// The side panel: its tabs (evidence, sources, story) and what the one on show asks for.
fn side_panel(ui: &mut egui::Ui, open: &OpenCase, panels: &mut CasePanels, commands: &mut Vec<Command>) {
    egui::Panel::right("casegraph-evidence").resizable(true).default_size(360.0).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut panels.side_tab, SideTab::Evidence, "Evidence");
            let sources = format!("Sources ({})", open.document.case().sources.len());
            ui.selectable_value(&mut panels.side_tab, SideTab::Sources, sources);
            ui.selectable_value(&mut panels.side_tab, SideTab::Story, "Story");
        });
        ui.separator();
        if panels.editor.as_ref().is_some_and(|editor| editor.is_stale(&open.document, open.selection)) {
            panels.editor = None;
        }
        commands.extend(match (panels.side_tab, &mut panels.editor) {
            (SideTab::Evidence, Some(editor)) => show_editor(ui, open, editor),
            (SideTab::Evidence, None) => evidence_panel::show(ui, open, &mut panels.quote_contexts, &mut panels.review),
            (SideTab::Sources, _) => reader::show(ui, open, &mut panels.reader),
            (SideTab::Story, _) => {
                panels.story_actions.extend(story_panel::show(ui, open, &mut panels.story_drafts));
                Vec::new()
            }
        });
        if commands.contains(&Command::Edit(EditCommand::CancelEdit)) {
            panels.editor = None;
        }
    });
}

/// The side panel's editor, scrolling; Save and Cancel come back as commands.
fn show_editor(ui: &mut egui::Ui, open: &OpenCase, editor: &mut OpenEditor) -> Vec<Command> {
    let answer = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| editor::show(ui, &mut editor.editor, &open.document, editor.error.as_deref()))
        .inner;
    match answer {
        Some(EditorAnswer::Save) => vec![Command::Edit(EditCommand::SaveEdit)],
        Some(EditorAnswer::Cancel) => vec![Command::Edit(EditCommand::CancelEdit)],
        None => Vec::new(),
    }
}

/// Adds the bundled fonts behind egui's own: DejaVu Sans for the arrows, signs and Cyrillic
/// it lacks, then NanumGothic for Korean, so names in either script show as letters, not boxes.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for font in crate::fonts::BUNDLED_FONTS {
        let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
            .collect();
        ctx.add_font(FontInsert {
            name: font.family.to_owned(),
            data: egui::FontData::from_static(font.bytes),
            families,
        });
    }
}

pub(super) fn show_failure(ui: &mut egui::Ui, file: &str, report: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(format!("{file} could not be opened"));
        ui.label(
            "Nothing was opened. Fix the problems below in a text editor, then open the file again (File → Open).",
        );
        ui.separator();
        egui::ScrollArea::both().show(ui, |ui| {
            ui.monospace(report);
        });
    });
}
