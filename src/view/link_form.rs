//! Edit → New link… (L): a row of source | kind | target, each end typed with the case's
//! names offered, only the kinds that fit the two ends' kinds, a ⇄ button to turn the link
//! round, and the status, role, dates and description in the same form. Opened from a passage
//! in the source reader, it carries the passage as the link's quote.

use super::form_window::{date_field, entered, form_window, status_choice};
use crate::document::Document;
use crate::model::{ClaimStatus, Id, Link, LinkIx, LinkKind, NameIndex, NodeIx, NodeKind, PartialDate, Passage};
use crate::theme::kind_style;

/// How many existing nodes are offered under an end as its name is typed.
const OFFERED: usize = 4;

/// One end of the link: what was typed, and the node chosen for it.
#[derive(Default)]
pub struct LinkEnd {
    /// The name as typed.
    pub typed: String,
    /// The node it names, once chosen.
    pub node: Option<NodeIx>,
}

impl LinkEnd {
    fn of(document: &Document, node: Option<NodeIx>) -> Self {
        let typed = node.map(|node| document.case().nodes[node].label.clone()).unwrap_or_default();
        Self { typed, node }
    }
}

/// The form while it is open.
pub struct LinkForm {
    /// The node the relation reads from.
    pub source: LinkEnd,
    /// What the link claims; `None` until chosen.
    pub kind: Option<LinkKind>,
    /// The node the relation reads to.
    pub target: LinkEnd,
    /// How firmly the sources stand behind it; `None` when stated plainly.
    pub status: Option<ClaimStatus>,
    /// The relation in the source's words.
    pub role: String,
    /// When it happened, for a one-off relation.
    pub date: String,
    /// When it began.
    pub start_date: String,
    /// When it ended.
    pub end_date: String,
    /// A note on the relation.
    pub description: String,
    /// The passage the link is made from, which becomes its quote.
    pub passage: Option<Passage>,
    /// Why the last try failed.
    pub error: Option<String>,
    /// The link being edited, for a form in the side panel; `None` for a new link.
    pub editing: Option<LinkIx>,
    names: NameIndex,
    wants_focus: bool,
}

/// What the analyst asked of the form this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFormAnswer {
    /// Add the link.
    Create,
    /// Close the form.
    Cancel,
}

impl LinkForm {
    /// An empty form over `document`'s names, from `source` when a node is selected.
    pub fn new(document: &Document, source: Option<NodeIx>, passage: Option<Passage>) -> Self {
        let source = LinkEnd::of(document, source);
        let wants_focus = true;
        Self {
            source,
            kind: None,
            target: LinkEnd::default(),
            status: None,
            role: String::new(),
            date: String::new(),
            start_date: String::new(),
            end_date: String::new(),
            description: String::new(),
            passage,
            error: None,
            editing: None,
            names: NameIndex::new(document.case()),
            wants_focus,
        }
    }

    /// A form holding the fields of the existing link `link`, to edit them.
    pub fn for_link(document: &Document, link: LinkIx) -> Self {
        let (case, graph) = (document.case(), document.graph());
        let item = &case.links[link];
        let end = |id: &Id| LinkEnd::of(document, graph.node_index(id.as_str()));
        let date_text = |date: Option<PartialDate>| date.map(|date| date.to_string()).unwrap_or_default();
        let mut form = Self::new(document, None, None);
        form.source = end(&item.source);
        form.target = end(&item.target);
        form.kind = Some(item.kind);
        form.status = item.status;
        form.role = item.role.clone().unwrap_or_default();
        form.date = date_text(item.date);
        form.start_date = date_text(item.start_date);
        form.end_date = date_text(item.end_date);
        form.description = item.description.clone().unwrap_or_default();
        form.editing = Some(link);
        form.wants_focus = false;
        form
    }

    /// The kinds that fit the chosen ends; with one end chosen, those that fit it and some
    /// other node; with none, every kind.
    pub fn fitting_kinds(&self, document: &Document) -> Vec<LinkKind> {
        let nodes = &document.case().nodes;
        let kinds_of = |end: &LinkEnd| end.node.map_or_else(|| NodeKind::ALL.to_vec(), |node| vec![nodes[node].kind]);
        let (sources, targets) = (kinds_of(&self.source), kinds_of(&self.target));
        let fits = |kind: &LinkKind| {
            sources.iter().any(|&source| targets.iter().any(|&target| kind.problem_with_ends(source, target).is_none()))
        };
        LinkKind::ALL.into_iter().filter(fits).collect()
    }

    /// Sets both ends, for a link drawn from `source` to `target` on the canvas.
    pub fn set_ends(&mut self, document: &Document, source: NodeIx, target: NodeIx) {
        self.source = LinkEnd::of(document, Some(source));
        self.target = LinkEnd::of(document, Some(target));
    }

    /// Turns the link round: the target becomes the source.
    pub fn swap_ends(&mut self) {
        std::mem::swap(&mut self.source, &mut self.target);
    }

    /// The link the fields describe, with a fresh id, or what is wrong with them.
    pub fn link(&self, document: &Document) -> Result<Link, String> {
        let nodes = &document.case().nodes;
        let (Some(source), Some(target)) = (self.source.node, self.target.node) else {
            return Err("Choose both ends from the names offered.".to_owned());
        };
        let Some(kind) = self.kind else { return Err("Choose what the link claims.".to_owned()) };
        if let Some(problem) = kind.problem_with_ends(nodes[source].kind, nodes[target].kind) {
            return Err(format!("This kind does not fit: {}.", problem.message));
        }
        let words = if kind.is_directed() { kind.verb() } else { kind.as_str() };
        let id = match self.editing {
            Some(link) => document.case().links[link].id.clone(),
            None => document.fresh_id("l", &format!("{} {words} {}", nodes[source].label, nodes[target].label)),
        };
        let mut link = Link::new(id, kind, nodes[source].id.clone(), nodes[target].id.clone());
        link.status = self.status;
        link.role = Some(self.role.trim().to_owned()).filter(|role| !role.is_empty());
        link.description = Some(self.description.trim().to_owned()).filter(|text| !text.is_empty());
        link.date = date_field(&self.date, "The date")?;
        link.start_date = date_field(&self.start_date, "The start date")?;
        link.end_date = date_field(&self.end_date, "The end date")?;
        Ok(link)
    }
}

/// Shows the form in a window; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, form: &mut LinkForm, document: &Document) -> Option<LinkFormAnswer> {
    let error = form.error.clone();
    let (add, cancel) = (("Add link", LinkFormAnswer::Create), LinkFormAnswer::Cancel);
    form_window(ctx, "New link", error.as_deref(), add, cancel, |ui| {
        ui.set_max_width(560.0);
        fields(ui, form, document).then_some(LinkFormAnswer::Create)
    })
}

/// The form's fields, in a window or in the side panel; true when Enter was pressed in a
/// field that confirms the form.
pub fn fields(ui: &mut egui::Ui, form: &mut LinkForm, document: &Document) -> bool {
    if let Some(passage) = &form.passage {
        let preview: String = passage.one_line().chars().take(160).collect();
        ui.label(egui::RichText::new(format!("Quote: “{preview}”")).italics());
    }
    let mut entered_in_end = false;
    // A row where there is room (the window), else one under another (the side panel).
    let layout = if ui.available_width() >= 500.0 {
        egui::Layout::left_to_right(egui::Align::Min)
    } else {
        egui::Layout::top_down(egui::Align::Min)
    };
    ui.with_layout(layout, |ui| {
        let wants_focus = std::mem::take(&mut form.wants_focus);
        let focus_source = wants_focus && form.source.node.is_none();
        ui.vertical(|ui| {
            entered_in_end |= node_picker(ui, "From", &mut form.source, &form.names, document, focus_source);
        });
        if ui.button("⇄").on_hover_text("Turn the link round").clicked() {
            form.swap_ends();
        }
        let kinds = form.fitting_kinds(document);
        ui.vertical(|ui| kind_choice(ui, &mut form.kind, &kinds));
        let focus_target = wants_focus && form.source.node.is_some();
        ui.vertical(|ui| {
            entered_in_end |= node_picker(ui, "To", &mut form.target, &form.names, document, focus_target);
        });
    });
    details(ui, form) && !entered_in_end
}

/// A node typed by name: a field with the matching nodes offered under it. Enter takes the
/// first one offered; returns true when Enter was pressed here.
pub fn node_picker(
    ui: &mut egui::Ui,
    name: &str,
    end: &mut LinkEnd,
    names: &NameIndex,
    document: &Document,
    focus: bool,
) -> bool {
    let nodes = &document.case().nodes;
    let label = ui.label(name);
    let field = ui.add(egui::TextEdit::singleline(&mut end.typed).desired_width(170.0)).labelled_by(label.id);
    if focus {
        field.request_focus();
    }
    if field.changed() {
        end.node = None;
    }
    let entered_here = entered(ui, &field);
    if let Some(node) = end.node {
        ui.weak(format!("✔ {}", kind_style(nodes[node].kind).legend));
        return entered_here;
    }
    let offered = names.suggest(&end.typed, OFFERED);
    for (rank, hit) in offered.iter().enumerate() {
        let node = &nodes[hit.node];
        let text = format!("{} ({})", node.label, kind_style(node.kind).legend);
        if ui.button(text).clicked() || (rank == 0 && entered_here) {
            end.node = Some(hit.node);
            end.typed = node.label.clone();
        }
    }
    if offered.is_empty() && !end.typed.trim().is_empty() {
        ui.weak("No node has this name: add it first (N).");
    }
    entered_here
}

/// The kinds that fit, one of which the analyst chooses.
fn kind_choice(ui: &mut egui::Ui, kind: &mut Option<LinkKind>, fitting: &[LinkKind]) {
    ui.label("Kind");
    if kind.is_some_and(|chosen| !fitting.contains(&chosen)) {
        *kind = None;
    }
    if fitting.len() == 1 {
        *kind = fitting.first().copied();
    }
    for &candidate in fitting {
        ui.radio_value(kind, Some(candidate), format!("{} ({})", candidate.as_str(), candidate.verb()));
    }
}

/// Status, role, dates and description; returns true when Enter was pressed in one of them.
fn details(ui: &mut egui::Ui, form: &mut LinkForm) -> bool {
    ui.separator();
    status_choice(ui, &mut form.status);
    let rows: [(&str, &mut String); 5] = [
        ("Role, in the source's words (trade representative, friends)", &mut form.role),
        ("Date, for a one-off (YYYY, YYYY-MM or YYYY-MM-DD)", &mut form.date),
        ("Start date", &mut form.start_date),
        ("End date", &mut form.end_date),
        ("Description", &mut form.description),
    ];
    let mut confirmed = false;
    for (name, value) in rows {
        let label = ui.label(name);
        let width = ui.available_width().min(540.0);
        let field = ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(label.id);
        confirmed |= entered(ui, &field);
    }
    confirmed
}
