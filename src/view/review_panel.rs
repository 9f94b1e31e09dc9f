//! The review before publication in the window: View → Review lists every claim that carries
//! a risk, worst first, each selecting its item when clicked; the side panel shows the
//! selected claim's review mark and marks it reviewed.

use egui::RichText;

use super::command::{Command, EditCommand, Selection};
use super::marks::color;
use super::open_case::OpenCase;
use crate::model::{ItemRef, Ledger, Mark, Risk, claim_sentence, counted};
use crate::theme;

/// What the review remembers between frames: the ledger of the facts as they are, and the
/// reviewer's name and note as typed.
#[derive(Default)]
pub struct ReviewState {
    /// The ledger of the facts at `ledger_revision`.
    ledger: Ledger,
    /// The facts revision the ledger was worked out for; `None` before the first.
    ledger_revision: Option<u64>,
    /// Who is reviewing; kept from one mark to the next.
    pub reviewer: String,
    /// The note for the next mark.
    pub note: String,
}

impl ReviewState {
    /// The ledger of the open case, worked out again only when its facts changed.
    pub fn ledger(&mut self, open: &OpenCase) -> &Ledger {
        let revision = open.document.facts_revision();
        if self.ledger_revision != Some(revision) {
            let document = &open.document;
            self.ledger = Ledger::of(document.case(), document.graph(), document.documents());
            self.ledger_revision = Some(revision);
        }
        &self.ledger
    }
}

/// Shows the review window; returns the commands its entries ask for.
pub fn show(ctx: &egui::Context, open: &OpenCase, state: &mut ReviewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut still_open = true;
    let ledger = state.ledger(open);
    let at_risk = ledger.at_risk().count();
    let title = format!("Review: {} at risk, {} blocked", counted(at_risk, "claim"), ledger.blocked_count());
    egui::Window::new(title).id(egui::Id::unique("review-window")).open(&mut still_open).default_width(460.0).show(
        ctx,
        |ui| {
            ui.weak("Worst first. Blocking: no quote, or a quote that cannot be checked word for word.");
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for claim in ledger.at_risk() {
                    let sentence = claim_sentence(open.document.case(), open.document.graph(), claim.item);
                    let text = if claim.is_blocked() { format!("⛔ {sentence}") } else { sentence };
                    if ui.link(text).clicked() {
                        commands.extend(select(claim.item));
                    }
                    let risks: Vec<&str> = claim.risks.iter().map(Risk::name).collect();
                    let reviewed = if claim.mark.is_current() { "reviewed" } else { "not reviewed" };
                    ui.label(RichText::new(format!("{} · {reviewed}", risks.join(", "))).small());
                    ui.separator();
                }
            });
        },
    );
    if !still_open {
        commands.push(Command::ToggleReview);
    }
    commands
}

fn select(item: ItemRef) -> Option<Command> {
    match item {
        ItemRef::Node(node) => Some(Command::FocusNode(node)),
        ItemRef::Link(link) => Some(Command::Select(Selection::Link(link))),
        ItemRef::Source(_) | ItemRef::Quote(_) => None,
    }
}

/// The selected claim's review mark, and the fields to mark it reviewed.
pub fn mark_section(ui: &mut egui::Ui, open: &OpenCase, state: &mut ReviewState, commands: &mut Vec<Command>) {
    let Some(item) = open.selection.map(Selection::item) else { return };
    let case = open.document.case();
    let ledger = state.ledger(open);
    let Some(claim) = ledger.claims.iter().find(|claim| claim.item == item) else { return };
    let risks: Vec<&str> = claim.risks.iter().map(Risk::name).collect();
    let mark = claim.mark;
    if !risks.is_empty() {
        let text = format!("Review: {}", risks.join(", "));
        ui.colored_label(color(if claim.is_blocked() { theme::UNSUPPORTED } else { theme::REVIEW_RISK }), text);
    }
    match mark {
        Mark::Reviewed(review) => {
            let review = &case.reviews[review.index()];
            let note = review.note.as_deref().map(|note| format!(": {note}")).unwrap_or_default();
            ui.label(format!("✔ Reviewed by {}{note}", review.by));
        }
        Mark::Lapsed(review) => {
            let review = &case.reviews[review.index()];
            ui.label(format!("Reviewed by {}, but it has changed since: review it again.", review.by));
        }
        Mark::Unreviewed => {}
    }
    ui.horizontal(|ui| {
        let label = ui.label("Reviewer");
        ui.add(egui::TextEdit::singleline(&mut state.reviewer).desired_width(120.0)).labelled_by(label.id);
        let label = ui.label("Note");
        ui.add(egui::TextEdit::singleline(&mut state.note).desired_width(ui.available_width())).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let can_mark = !state.reviewer.trim().is_empty();
        let button = ui.add_enabled(can_mark, egui::Button::new("Mark reviewed"));
        if button.on_disabled_hover_text("Type the reviewer's name first").clicked() {
            commands.push(Command::Edit(EditCommand::MarkSelectedReviewed));
        }
        if !matches!(mark, Mark::Unreviewed) && ui.button("Clear the mark").clicked() {
            commands.push(Command::Edit(EditCommand::ClearSelectedReview));
        }
    });
}
