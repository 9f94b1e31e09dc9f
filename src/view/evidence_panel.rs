//! The side panel: what the selected node or link is, and the quotes that back it, each
//! with its source and, where the source's text is at hand, the paragraph it comes from.

use std::collections::HashMap;

use egui::RichText;

use super::command::{Command, EditCommand, Selection};
use super::marks::color;
use super::open_case::OpenCase;
use super::review_panel::{self, ReviewState};
use crate::model::{
    Credibility, DocumentReadError, DocumentStore, ItemRef, LinkIx, NodeIx, Presence, Quote, QuoteInContext, QuoteIx,
    Reliability, Source, Stance, amount_text, counted, link_claim, link_dates, quote_in_context,
};
use crate::theme;

/// The paragraphs around quotes shown "in context": each source's text is read once and each
/// quote looked for once, not on every frame the panel is drawn. Kept beside the open case
/// and dropped with it, so a reload reads the sources afresh.
#[derive(Debug, Default)]
pub struct QuoteContexts {
    /// Each document's text, or why it cannot be read, by its path in the case.
    texts: HashMap<String, Result<String, DocumentReadError>>,
    /// Where each quote was found, by quote index; `None` when it is not in the text.
    found: HashMap<QuoteIx, Option<QuoteInContext>>,
    /// The document's facts revision the quotes were found for: an edit to the quotes makes
    /// them be found again.
    facts_revision: u64,
}

impl QuoteContexts {
    /// Quote `quote` (with `text`) in the paragraph of `document` it comes from, or why it
    /// cannot be shown.
    fn context(
        &mut self,
        documents: &dyn DocumentStore,
        document: &str,
        quote: QuoteIx,
        text: &str,
    ) -> Result<Option<&QuoteInContext>, &DocumentReadError> {
        let source_text = self.texts.entry(document.to_owned()).or_insert_with(|| documents.read(document)).as_ref()?;
        Ok(self.found.entry(quote).or_insert_with(|| quote_in_context(source_text, text)).as_ref())
    }
}

/// Shows the panel's contents and returns what the analyst clicked.
pub fn show(
    ui: &mut egui::Ui,
    open: &OpenCase,
    contexts: &mut QuoteContexts,
    review: &mut ReviewState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let facts_revision = open.document.facts_revision();
    if contexts.facts_revision != facts_revision {
        contexts.found.clear();
        contexts.facts_revision = facts_revision;
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match open.selection {
        None => overview(ui, open),
        Some(Selection::Node(node)) => {
            node_details(ui, open, node, contexts, &mut commands);
            review_section(ui, open, review, &mut commands);
        }
        Some(Selection::Link(link)) => {
            link_details(ui, open, link, contexts, &mut commands);
            review_section(ui, open, review, &mut commands);
        }
    });
    commands
}

fn overview(ui: &mut egui::Ui, open: &OpenCase) {
    let info = &open.document.case().info;
    ui.heading(&info.title);
    if let Some(summary) = &info.summary {
        ui.label(summary);
    }
    ui.add_space(8.0);
    let case = open.document.case();
    ui.label(format!(
        "{}, {}, {} from {}.",
        counted(case.nodes.len(), "node"),
        counted(case.links.len(), "link"),
        counted(case.quotes.len(), "quote"),
        counted(case.sources.len(), "source")
    ));
    ui.add_space(8.0);
    if case.sources.is_empty() {
        ui.weak("Start with the documents the case rests on: File → Add sources…, drop them on the window, or File → Paste text as a source….");
    } else if case.nodes.is_empty() {
        ui.weak("Read a source in the Sources tab, select the words that name a person, a company or what links them, and make a node or link of them: each is born with its quote.");
    } else {
        ui.weak("Select a node or link to read the quotes behind it. Drag nodes to arrange the story; a dragged node stays where you put it.");
    }
    if !open.document.warnings().is_empty() {
        ui.add_space(8.0);
        ui.colored_label(color(theme::UNSUPPORTED), format!("{}:", counted(open.document.warnings().len(), "warning")));
        for warning in open.document.warnings().iter().take(20) {
            ui.label(RichText::new(warning.display_in(open.document.name()).to_string()).small());
        }
    }
}

fn node_details(
    ui: &mut egui::Ui,
    open: &OpenCase,
    node: NodeIx,
    contexts: &mut QuoteContexts,
    commands: &mut Vec<Command>,
) {
    let Some(item) = open.document.case().nodes.get(node.index()) else { return };
    let style = theme::kind_style(item.kind);
    ui.label(RichText::new(style.legend).color(color(style.fill)).strong());
    ui.heading(&item.label);
    if !item.aliases.is_empty() {
        ui.label(format!("Also: {}", item.aliases.join("; ")));
    }
    let mut facts: Vec<String> = Vec::new();
    if !item.countries.is_empty() {
        facts.push(format!(
            "Countries: {}",
            item.countries.iter().map(|c| c.as_str().to_uppercase()).collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(amount) = &item.amount {
        facts.push(format!("Amount: {}", amount_text(amount)));
    }
    if let Some(date) = &item.date {
        facts.push(format!("Date: {date}"));
    }
    match (&item.start_date, &item.end_date) {
        (Some(start), Some(end)) => facts.push(format!("From {start} to {end}")),
        (Some(start), None) => facts.push(format!("Since {start}")),
        (None, Some(end)) => facts.push(format!("Until {end}")),
        (None, None) => {}
    }
    if let Some(status) = item.status {
        facts.push(format!("Status: {}", status.as_str()));
    }
    for fact in facts {
        ui.label(fact);
    }
    support_line(ui, open, ItemRef::Node(node));
    if let Some(description) = &item.description {
        ui.add_space(4.0);
        ui.label(description);
    }
    ui.add_space(4.0);
    let pinned = open.document.layout().is_pinned(node);
    ui.horizontal(|ui| {
        edit_buttons(ui, commands);
        let merge = ui.button("Merge…").on_hover_text("Merge another node, such as a second spelling, into this one");
        if merge.clicked() {
            commands.push(Command::Edit(EditCommand::MergeIntoSelected));
        }
    });
    ui.horizontal(|ui| {
        if pinned {
            ui.label("Pinned.");
            if ui.button("Unpin").on_hover_text("Let the layout move this node again").clicked() {
                commands.push(Command::SetPinned { node, pinned: false });
            }
        } else if ui.button("Pin").on_hover_text("Keep this node where it is").clicked() {
            commands.push(Command::SetPinned { node, pinned: true });
        }
    });
    ui.separator();
    let neighbours = open.document.graph().neighbours(node);
    ui.strong(format!("Links ({})", neighbours.len()));
    for neighbour in &neighbours {
        // The view's period or story step dims some links and hides others: so here.
        let presence = open.presence(ItemRef::Link(neighbour.link));
        if presence == Presence::Hidden {
            continue;
        }
        let claim = RichText::new(link_claim(open.document.case(), open.document.graph(), neighbour.link));
        if ui.link(if presence == Presence::Dimmed { claim.weak() } else { claim }).clicked() {
            commands.push(Command::Select(Selection::Link(neighbour.link)));
        }
    }
    ui.separator();
    let quotes = open.document.graph().evidence_for_node(node);
    if open.is_unsupported_node(node) {
        unsupported(ui, "No quote supports this node itself.");
    }
    ui.strong(format!("Quotes ({})", quotes.len()));
    for quote in quotes {
        quote_card(ui, open, quote, contexts, commands);
    }
}

fn link_details(
    ui: &mut egui::Ui,
    open: &OpenCase,
    link: LinkIx,
    contexts: &mut QuoteContexts,
    commands: &mut Vec<Command>,
) {
    let Some(item) = open.document.case().links.get(link.index()) else { return };
    ui.label(RichText::new("Link").strong());
    ui.heading(link_claim(open.document.case(), open.document.graph(), link));
    if let Some(status) = item.status {
        let text = format!("Status: {}", status.as_str());
        if status.is_qualified() {
            ui.colored_label(color(theme::UNSUPPORTED), text);
        } else {
            ui.label(text);
        }
    }
    if let Some(dates) = link_dates(item) {
        ui.label(format!("When: {dates}"));
    }
    support_line(ui, open, ItemRef::Link(link));
    if let Some(description) = &item.description {
        ui.label(description);
    }
    ui.horizontal(|ui| edit_buttons(ui, commands));
    if let Some((source, target)) = open.link_ends(link) {
        ui.horizontal_wrapped(|ui| {
            for node in [source, target] {
                if ui.link(&open.document.case().nodes[node].label).clicked() {
                    commands.push(Command::FocusNode(node));
                }
            }
        });
    }
    ui.separator();
    let quotes = open.document.graph().quotes_for(ItemRef::Link(link));
    if quotes.is_empty() {
        unsupported(ui, "No quote supports this link.");
    }
    ui.strong(format!("Quotes ({})", quotes.len()));
    for &quote in quotes {
        quote_card(ui, open, quote, contexts, commands);
    }
}

/// Edit and Delete for the selected node or link.
fn edit_buttons(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    if ui.button("Edit").on_hover_text("Change any field in this panel (F2 or Enter)").clicked() {
        commands.push(Command::Edit(EditCommand::EditSelected));
    }
    if ui.button("Delete").on_hover_text("Delete it, with a node's links (Delete); undo brings it back").clicked() {
        commands.push(Command::Edit(EditCommand::DeleteSelected));
    }
}

/// The claim's review, after its quotes.
fn review_section(ui: &mut egui::Ui, open: &OpenCase, review: &mut ReviewState, commands: &mut Vec<Command>) {
    ui.separator();
    ui.strong("Review");
    review_panel::mark_section(ui, open, review, commands);
}

/// How many independent sources back the claim, and its best grades.
fn support_line(ui: &mut egui::Ui, open: &OpenCase, item: ItemRef) {
    let support = open.support(item);
    if support.quotes == 0 {
        return;
    }
    let mut text = format!("Backed by {}", counted(support.independent_sources as usize, "independent source"));
    if let Some(grades) = support.grades() {
        text.push_str(&format!(" · best grades {grades}"));
    }
    let hover = "Sources that repeat another (a syndicated copy) count as one. Grades: source reliability A–F, quote credibility 1–6.";
    ui.label(text).on_hover_text(hover);
}

fn unsupported(ui: &mut egui::Ui, text: &str) {
    ui.colored_label(color(theme::UNSUPPORTED), format!("⚠ {text}"));
}

/// One quote: its words, its source, and the paragraph around it on request.
fn quote_card(
    ui: &mut egui::Ui,
    open: &OpenCase,
    quote: QuoteIx,
    contexts: &mut QuoteContexts,
    commands: &mut Vec<Command>,
) {
    let Some(item) = open.document.case().quotes.get(quote.index()) else { return };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("“{}”", item.text)).italics());
        if ui.small_button("Edit quote").clicked() {
            commands.push(Command::Edit(EditCommand::EditQuote(quote)));
        }
        let Some(source) = open.document.case().sources.iter().find(|source| source.id == item.source) else {
            ui.weak(format!("from {}", item.source));
            return;
        };
        let mut credit = source.publisher.clone();
        if let Some(date) = &source.date {
            credit.push_str(&format!(", {date}"));
        }
        ui.label(RichText::new(credit).strong().small());
        ui.label(RichText::new(&source.title).small());
        if !source.authors.is_empty() {
            ui.label(RichText::new(format!("By {}", source.authors.join(", "))).small());
        }
        if let Some(grades) = quote_grades(source, item) {
            ui.label(RichText::new(grades).small());
        }
        if let Some(locator) = &item.locator {
            ui.label(RichText::new(locator).small().weak());
        }
        if let Some(url) = &source.url {
            ui.hyperlink_to(RichText::new(url).small(), url);
        }
        if let Some(document) = &source.document {
            egui::CollapsingHeader::new(RichText::new("In context").small()).id_salt(("quote-context", quote)).show(
                ui,
                |ui| match contexts.context(open.document.documents(), document, quote, &item.text) {
                    Ok(Some(context)) => in_context(ui, context),
                    Ok(None) => {
                        ui.weak("The quote could not be found in the local copy of the source.");
                    }
                    Err(error) => {
                        ui.weak(format!("The local copy of the source cannot be read: {error}"));
                    }
                },
            );
        }
    });
}

/// A quote's grades and stance in words: "B2: usually reliable source; probably true;
/// alleges". `None` when it has none.
fn quote_grades(source: &Source, quote: &Quote) -> Option<String> {
    let code = format!(
        "{}{}",
        source.reliability.map_or("", Reliability::as_str),
        quote.credibility.map_or("", Credibility::as_str)
    );
    let mut words: Vec<String> = Vec::new();
    if let Some(reliability) = source.reliability {
        words.push(format!("{} source", reliability.words()));
    }
    if let Some(credibility) = quote.credibility {
        words.push(credibility.words().to_owned());
    }
    if let Some(stance) = quote.stance.filter(|stance| *stance != Stance::States) {
        words.push(stance.as_str().to_owned());
    }
    if words.is_empty() {
        return None;
    }
    Some(if code.is_empty() { words.join("; ") } else { format!("{code}: {}", words.join("; ")) })
}

/// The quote marked in its paragraph.
fn in_context(ui: &mut egui::Ui, context: &QuoteInContext) {
    let mut job = egui::text::LayoutJob::default();
    let plain = egui::TextFormat { color: ui.visuals().weak_text_color(), ..Default::default() };
    let marked = egui::TextFormat {
        color: ui.visuals().strong_text_color(),
        background: color(theme::QUOTE_MARK),
        ..Default::default()
    };
    job.append(&context.before, 0.0, plain.clone());
    job.append(&context.quote, 0.0, marked);
    job.append(&context.after, 0.0, plain);
    ui.label(job);
}
