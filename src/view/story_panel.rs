//! The side panel's Story tab: the steps in order, each shown on the canvas when clicked and
//! moved by dragging its handle (or its arrows); the shown step's title, caption and
//! highlights edited in place; steps added and updated from the view; the presenter started.

use egui::RichText;

use super::open_case::OpenCase;
use crate::document::StoryEdit;
use crate::model::{ItemRef, StepIx, StoryStep, counted};

/// What the Story tab asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryAction {
    /// Show a step's view on the canvas, or (`None`) the case as a whole again.
    Show(Option<StepIx>),
    /// Add a step made from the view as it is, after the shown step or at the end.
    AddFromView,
    /// Make a step's camera, kinds and period those of the view.
    UpdateFromView(StepIx),
    /// Change the story.
    Edit(StoryEdit),
    /// Present the story from the shown step, or from the first.
    Present,
    /// Stop presenting; the step stays on show.
    Leave,
}

/// The title and caption being typed for the shown step.
#[derive(Debug, Default)]
pub struct StoryDrafts {
    /// The step they were taken from, with its title and caption then: taken again when
    /// another step is shown or the step changed (an undo), kept while typing.
    taken_from: Option<(StepIx, String, Option<String>)>,
    title: String,
    caption: String,
}

/// Shows the tab; returns what it asks for.
pub fn show(ui: &mut egui::Ui, open: &OpenCase, drafts: &mut StoryDrafts) -> Vec<StoryAction> {
    let mut actions = Vec::new();
    let steps = open.document.story();
    ui.horizontal(|ui| {
        ui.strong(format!("Story: {}", counted(steps.len(), "step")));
        if ui.add_enabled(!steps.is_empty(), egui::Button::new("▶ Present")).clicked() {
            actions.push(StoryAction::Present);
        }
    });
    if ui.button("+ Add a step from the view").clicked() {
        actions.push(StoryAction::AddFromView);
    }
    if steps.is_empty() {
        ui.weak("Arrange the view, select what the step is about, then add a step. Steps are told in order.");
    }
    step_list(ui, open, &mut actions);
    if let Some(step) = open.story.shown_step {
        ui.separator();
        shown_step(ui, open, step, drafts, &mut actions);
    }
    actions
}

/// The steps in order: a handle to drag, the title to show the step, arrows to move it.
fn step_list(ui: &mut egui::Ui, open: &OpenCase, actions: &mut Vec<StoryAction>) {
    let steps = open.document.story();
    for (step, data) in StepIx::all(steps.len()).zip(steps) {
        let row = ui.horizontal(|ui| {
            let handle = egui::Id::unique(("story-step-handle", step.index()));
            ui.dnd_drag_source(handle, step, |ui| ui.label("⠿")).response.on_hover_text("Drag to move the step");
            let last = step.index() + 1 == steps.len();
            if ui.add_enabled(step.index() > 0, egui::Button::new("↑").small()).on_hover_text("Move up").clicked() {
                actions.push(move_to(step, step.index() - 1));
            }
            if ui.add_enabled(!last, egui::Button::new("↓").small()).on_hover_text("Move down").clicked() {
                actions.push(move_to(step, step.index() + 1));
            }
            let shown = open.story.shown_step == Some(step);
            let title = format!("{}. {}", step.index() + 1, data.title);
            if ui.selectable_label(shown, title).clicked() {
                actions.push(StoryAction::Show(if shown { None } else { Some(step) }));
            }
        });
        if let Some(from) = row.response.dnd_release_payload::<StepIx>()
            && *from != step
        {
            actions.push(move_to(*from, step.index()));
        }
    }
}

fn move_to(from: StepIx, to: usize) -> StoryAction {
    StoryAction::Edit(StoryEdit::Move { from, to: StepIx::new(to) })
}

/// The shown step: its title and caption, what it highlights, its period and citations, and
/// the buttons that change it.
fn shown_step(
    ui: &mut egui::Ui,
    open: &OpenCase,
    step: StepIx,
    drafts: &mut StoryDrafts,
    actions: &mut Vec<StoryAction>,
) {
    let data = &open.document.story()[step];
    let now = Some((step, data.title.clone(), data.caption.clone()));
    if drafts.taken_from != now {
        drafts.title.clone_from(&data.title);
        drafts.caption = data.caption.clone().unwrap_or_default();
        drafts.taken_from = now;
    }
    let label = ui.label("Title");
    let title =
        ui.add(egui::TextEdit::singleline(&mut drafts.title).desired_width(f32::INFINITY)).labelled_by(label.id);
    let label = ui.label("Caption (*emphasis*, **strong**)");
    let caption = ui
        .add(egui::TextEdit::multiline(&mut drafts.caption).desired_rows(3).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if (title.lost_focus() || caption.lost_focus()) && texts_changed(data, drafts) {
        let caption = Some(drafts.caption.trim().to_owned()).filter(|caption| !caption.is_empty());
        let changed = StoryStep { title: drafts.title.clone(), caption, ..data.clone() };
        actions.push(StoryAction::Edit(StoryEdit::Replace { at: step, step: Box::new(changed) }));
    }
    highlights(ui, open, step, actions);
    let cited = data.cited_quotes(open.document.case(), open.document.graph()).len();
    let whose = if data.cites.is_some() { "chosen" } else { "behind what it highlights" };
    ui.label(RichText::new(format!("Cites {}, {whose}", counted(cited, "quote"))).small());
    if let Some(period) = data.period {
        ui.label(RichText::new(format!("About {}", period.in_words())).small());
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Update from the view").on_hover_text("Keep the camera and the kinds shown now").clicked() {
            actions.push(StoryAction::UpdateFromView(step));
        }
        if ui.button("Delete the step").clicked() {
            actions.push(StoryAction::Edit(StoryEdit::Delete(step)));
        }
        if ui.button("Back to the whole case").clicked() {
            actions.push(StoryAction::Show(None));
        }
    });
}

fn texts_changed(step: &StoryStep, drafts: &StoryDrafts) -> bool {
    step.title != drafts.title || step.caption.as_deref().unwrap_or_default() != drafts.caption.trim()
}

/// The items the step highlights, each with a button to take it out, and one to add the
/// selection.
fn highlights(ui: &mut egui::Ui, open: &OpenCase, step: StepIx, actions: &mut Vec<StoryAction>) {
    let data = &open.document.story()[step];
    let (case, graph) = (open.document.case(), open.document.graph());
    ui.label("Highlighted");
    ui.horizontal_wrapped(|ui| {
        for id in &data.highlight {
            let name = match graph.resolve(id.as_str()) {
                Some(item @ (ItemRef::Node(_) | ItemRef::Link(_))) => crate::model::claim_sentence(case, graph, item),
                _ => id.to_string(),
            };
            if ui.button(format!("{name} ×")).on_hover_text("No longer highlight it").clicked() {
                let highlight = data.highlight.iter().filter(|other| *other != id).cloned().collect();
                let changed = StoryStep { highlight, ..data.clone() };
                actions.push(StoryAction::Edit(StoryEdit::Replace { at: step, step: Box::new(changed) }));
            }
        }
    });
    if !data.hidden.is_empty() {
        ui.label("Left out");
        ui.horizontal_wrapped(|ui| {
            for id in &data.hidden {
                if ui.button(format!("{id} ×")).on_hover_text("Show it in this step again").clicked() {
                    let hidden = data.hidden.iter().filter(|other| *other != id).cloned().collect();
                    let changed = StoryStep { hidden, ..data.clone() };
                    actions.push(StoryAction::Edit(StoryEdit::Replace { at: step, step: Box::new(changed) }));
                }
            }
        });
    }
    let selected = open.selection.and_then(|selection| open.selection_id(selection));
    ui.horizontal_wrapped(|ui| {
        let addable = selected.clone().filter(|id| !data.highlight.contains(id));
        if ui.add_enabled(addable.is_some(), egui::Button::new("Highlight the selection")).clicked()
            && let Some(id) = addable
        {
            let mut highlight = data.highlight.clone();
            highlight.push(id);
            let changed = StoryStep { highlight, ..data.clone() };
            actions.push(StoryAction::Edit(StoryEdit::Replace { at: step, step: Box::new(changed) }));
        }
        let hideable = selected.filter(|id| !data.hidden.contains(id));
        if ui.add_enabled(hideable.is_some(), egui::Button::new("Leave the selection out")).clicked()
            && let Some(id) = hideable
        {
            let highlight = data.highlight.iter().filter(|other| **other != id).cloned().collect();
            let mut hidden = data.hidden.clone();
            hidden.push(id);
            let changed = StoryStep { highlight, hidden, ..data.clone() };
            actions.push(StoryAction::Edit(StoryEdit::Replace { at: step, step: Box::new(changed) }));
        }
    });
}
