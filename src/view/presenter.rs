//! Present mode: the canvas fills the window, the shown step's title, caption and cited
//! quotes sit over the picture, and the keys a presentation clicker sends step through.

use egui::text::LayoutJob;
use egui::{Align2, FontId, Key, RichText, TextFormat};

use super::canvas::{self, CanvasState};
use super::command::Command;
use super::marks::color;
use super::open_case::OpenCase;
use super::story_panel::StoryAction;
use crate::export::{quote_source, step_count};
use crate::model::{Emphasis, StepIx, caption_runs};
use crate::theme;

/// Keys that go to the next step: arrows, PageDown (what clickers send) and the space bar.
const NEXT_KEYS: [Key; 4] = [Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space];
/// Keys that go back a step.
const PREVIOUS_KEYS: [Key; 3] = [Key::ArrowLeft, Key::ArrowUp, Key::PageUp];
/// The widest the text over the picture grows, in points.
const OVERLAY_WIDTH_POINTS: f32 = 760.0;

/// One frame of the presentation; adds what the canvas asks for to `commands` and returns
/// what the keys ask of the story.
pub fn show(
    ui: &mut egui::Ui,
    open: &mut OpenCase,
    canvas_state: &mut CanvasState,
    commands: &mut Vec<Command>,
) -> Vec<StoryAction> {
    let actions = keys(ui.ctx(), open);
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let (rect, canvas_commands) = canvas::show(ui, open, canvas_state);
        open.canvas_rect = rect;
        commands.extend(canvas_commands);
        if let Some(step) = open.story.shown_step {
            overlay(ui.ctx(), open, step, rect);
        }
    });
    actions
}

/// What the keys pressed this frame ask for: the next or previous step, or leaving.
fn keys(ctx: &egui::Context, open: &OpenCase) -> Vec<StoryAction> {
    let count = open.document.story().len();
    let current = open.story.shown_step.map_or(0, StepIx::index);
    let (next, previous, leave) = ctx.input_mut(|input| {
        let mut pressed = |keys: &[Key]| keys.iter().any(|&key| input.consume_key(egui::Modifiers::NONE, key));
        (pressed(&NEXT_KEYS), pressed(&PREVIOUS_KEYS), pressed(&[Key::Escape]))
    });
    if leave {
        return vec![StoryAction::Leave];
    }
    let target = if next {
        (current + 1).min(count.saturating_sub(1))
    } else if previous {
        current.saturating_sub(1)
    } else {
        return Vec::new();
    };
    if target == current { Vec::new() } else { vec![StoryAction::Show(Some(StepIx::new(target)))] }
}

/// The step's count, title, caption and citations in a panel over the bottom of the picture.
fn overlay(ctx: &egui::Context, open: &OpenCase, step: StepIx, canvas: egui::Rect) {
    let case = open.document.case();
    let data = &case.story.steps[step];
    let width = OVERLAY_WIDTH_POINTS.min(canvas.width() - 48.0).max(200.0);
    egui::Area::new(egui::Id::unique("presenter-overlay"))
        .anchor(Align2::LEFT_BOTTOM, egui::vec2(24.0, -24.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).fill(color(theme::PRESENTER_BACKDROP)).show(ui, |ui| {
                ui.set_max_width(width);
                ui.label(RichText::new(step_count(step, case.story.steps.len())).weak());
                ui.label(RichText::new(&data.title).size(theme::PRESENTER_TITLE_POINTS).strong());
                if let Some(caption) = &data.caption {
                    ui.label(caption_job(caption));
                }
                egui::ScrollArea::vertical().max_height(canvas.height() * 0.3).show(ui, |ui| {
                    for quote in data.cited_quotes(case, open.document.graph()) {
                        ui.add_space(6.0);
                        ui.label(&case.quotes[quote].text);
                        ui.label(RichText::new(quote_source(case, quote)).italics().weak());
                    }
                });
            });
        });
}

/// A caption as egui text, its emphasis in italics and its strong words marked.
fn caption_job(caption: &str) -> LayoutJob {
    let size = theme::PRESENTER_CAPTION_POINTS;
    let mut job = LayoutJob::default();
    for run in caption_runs(caption) {
        let mut format =
            TextFormat { font_id: FontId::proportional(size), color: color(theme::LABEL), ..TextFormat::default() };
        match run.emphasis {
            Emphasis::Plain => {}
            Emphasis::Emphasis => format.italics = true,
            // The bundled fonts have no bold face in the window: strong words are marked.
            Emphasis::Strong => format.background = color(theme::PRESENTER_STRONG),
        }
        job.append(run.text, 0.0, format);
    }
    job.wrap.max_width = f32::INFINITY;
    job
}
