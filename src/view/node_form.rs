//! Edit → New node… (N): a kind and a label, with the existing nodes whose names match offered
//! first, and a warning when the label may be an existing node spelt another way (other case,
//! accents, script or transliteration). Aliases, countries and a description are optional.

use super::form_window::{date_field, entered, form_window};
use super::transaction_fields::{self, TransactionFields};
use crate::document::{Document, FactEdit};
use crate::layout::WorldPoint;
use crate::model::{Country, Id, NameIndex, Node, NodeIx, NodeKind, Passage};
use crate::theme::kind_style;

/// How many existing nodes are offered as the label is typed.
const OFFERED: usize = 5;

/// The form while it is open.
pub struct NodeForm {
    /// What the node is.
    pub kind: NodeKind,
    /// Its name.
    pub label: String,
    /// Other names, one a line.
    pub aliases: String,
    /// Country codes, separated by commas or spaces.
    pub countries: String,
    /// A sentence on who or what it is.
    pub description: String,
    /// When it began (birth, founding): YYYY, YYYY-MM or YYYY-MM-DD.
    pub start_date: String,
    /// When it ended.
    pub end_date: String,
    /// Where it goes on the canvas.
    pub at: Option<WorldPoint>,
    /// The passage the node is made from, which becomes its quote.
    pub passage: Option<Passage>,
    /// The amount, date, status and parties, for a transaction.
    pub transaction: TransactionFields,
    /// Why the last try failed.
    pub error: Option<String>,
    /// The node being edited, for a form in the side panel; `None` for a new node.
    pub editing: Option<NodeIx>,
    /// The case's names as they were when the form opened.
    names: NameIndex,
    wants_focus: bool,
}

/// What the analyst asked of the form this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeFormAnswer {
    /// Add the node.
    Create,
    /// Select this existing node instead.
    UseExisting(NodeIx),
    /// Close the form.
    Cancel,
}

impl NodeForm {
    /// An empty form for a node at `at`, over `document`'s names.
    pub fn new(document: &Document, at: Option<WorldPoint>) -> Self {
        Self {
            kind: NodeKind::Person,
            label: String::new(),
            aliases: String::new(),
            countries: String::new(),
            description: String::new(),
            start_date: String::new(),
            end_date: String::new(),
            at,
            passage: None,
            transaction: TransactionFields::default(),
            error: None,
            editing: None,
            names: NameIndex::new(document.case()),
            wants_focus: true,
        }
    }

    /// A form for a node named by `passage`, with the passage as its quote.
    pub fn from_passage(document: &Document, at: Option<WorldPoint>, passage: Passage) -> Self {
        let mut form = Self::new(document, at);
        form.label = passage.one_line();
        form.passage = Some(passage);
        form
    }

    /// A form holding the fields of the existing node `node`, to edit them.
    pub fn for_node(document: &Document, node: NodeIx) -> Self {
        let mut form = Self::new(document, None);
        let item = &document.case().nodes[node];
        form.editing = Some(node);
        form.kind = item.kind;
        form.label.clone_from(&item.label);
        form.aliases = item.aliases.join("\n");
        form.countries = item.countries.iter().map(|country| country.as_str()).collect::<Vec<_>>().join(", ");
        form.description = item.description.clone().unwrap_or_default();
        let date_text = |date: Option<crate::model::PartialDate>| date.map(|date| date.to_string()).unwrap_or_default();
        form.start_date = date_text(item.start_date);
        form.end_date = date_text(item.end_date);
        form.transaction = TransactionFields::of(item);
        form
    }

    /// The node the fields describe, or what is wrong with them: a new one with a fresh id,
    /// or the edited one with its id and the fields the form does not show kept.
    pub fn node(&self, document: &Document) -> Result<Node, String> {
        let label = self.label.trim();
        if label.is_empty() {
            return Err("Give the node a label.".to_owned());
        }
        let mut node = match self.editing {
            Some(node) => document.case().nodes[node].clone(),
            None => Node::new(document.fresh_id(self.kind.id_prefix(), label), self.kind, String::new()),
        };
        node.kind = self.kind;
        label.clone_into(&mut node.label);
        node.countries.clear();
        node.aliases = self.aliases.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        for code in self.countries.split([',', ' ']).map(str::trim).filter(|code| !code.is_empty()) {
            let country = Country::parse(&code.to_ascii_lowercase()).map_err(|error| format!("Countries: {error}."))?;
            node.countries.push(country);
        }
        node.description = Some(self.description.trim().to_owned()).filter(|text| !text.is_empty());
        node.start_date = date_field(&self.start_date, "The start date")?;
        node.end_date = date_field(&self.end_date, "The end date")?;
        if self.kind == NodeKind::Transaction {
            self.transaction.fill(&mut node)?;
        }
        Ok(node)
    }

    /// What adding the node takes: the node, and for a transaction its payer and payee links;
    /// with the ids of what the form's passage, if any, is to back.
    pub fn edits(&self, document: &Document) -> Result<(Vec<FactEdit>, Vec<Id>), String> {
        let node = self.node(document)?;
        let links =
            if self.kind == NodeKind::Transaction { self.transaction.links(document, &node)? } else { Vec::new() };
        let mut ids = vec![node.id.clone()];
        ids.extend(links.iter().map(|link| link.id.clone()));
        let mut edits = vec![FactEdit::AddNode { node: Box::new(node), at: self.at }];
        edits.extend(links.into_iter().map(|link| FactEdit::AddLink(Box::new(link))));
        Ok((edits, ids))
    }
}

/// Shows the form in a window; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, form: &mut NodeForm, document: &Document) -> Option<NodeFormAnswer> {
    let error = form.error.clone();
    let (add, cancel) = (("Add node", NodeFormAnswer::Create), NodeFormAnswer::Cancel);
    form_window(ctx, "New node", error.as_deref(), add, cancel, |ui| {
        ui.set_max_width(380.0);
        fields(ui, form, document)
    })
}

/// The form's fields, in a window or in the side panel; the answer Enter or an offered node
/// gave, if any.
pub fn fields(ui: &mut egui::Ui, form: &mut NodeForm, document: &Document) -> Option<NodeFormAnswer> {
    if let Some(passage) = &form.passage {
        let preview: String = passage.one_line().chars().take(160).collect();
        ui.label(egui::RichText::new(format!("Quote: “{preview}”")).italics());
    }
    ui.horizontal_wrapped(|ui| {
        for kind in NodeKind::ALL {
            ui.radio_value(&mut form.kind, kind, kind_style(kind).legend);
        }
    });
    let label = ui.label("Label");
    let field = ui.add(egui::TextEdit::singleline(&mut form.label).desired_width(360.0)).labelled_by(label.id);
    if std::mem::take(&mut form.wants_focus) {
        field.request_focus();
    }
    let existing = if form.editing.is_none() { offered(ui, form, document) } else { None };
    let mut confirmed = entered(ui, &field);
    if form.kind == NodeKind::Transaction {
        let with_parties = form.editing.is_none();
        confirmed |= transaction_fields::show(ui, &mut form.transaction, &form.names, document, with_parties);
    } else {
        optional_fields(ui, form);
    }
    let created = confirmed.then_some(NodeFormAnswer::Create);
    existing.map(NodeFormAnswer::UseExisting).or(created)
}

/// The existing nodes matching the label, and the near-duplicate warning; returns the node the
/// analyst chose instead of a new one.
fn offered(ui: &mut egui::Ui, form: &NodeForm, document: &Document) -> Option<NodeIx> {
    let case = document.case();
    let mut chosen = None;
    let similar = form.names.near_duplicates(&form.label);
    if !similar.is_empty() {
        let names: Vec<&str> = similar.iter().map(|&node| case.nodes[node].label.as_str()).collect();
        let warning = format!("This may be {} already, spelt another way.", names.join(" or "));
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    for hit in form.names.suggest(&form.label, OFFERED) {
        let node = &case.nodes[hit.node];
        let text = format!("Use {} ({})", node.label, kind_style(node.kind).legend);
        if ui.button(text).on_hover_text(format!("matches “{}”", hit.name)).clicked() {
            chosen = Some(hit.node);
        }
    }
    chosen
}

fn optional_fields(ui: &mut egui::Ui, form: &mut NodeForm) {
    let rows: [(&str, &mut String, bool); 5] = [
        ("Aliases (one a line)", &mut form.aliases, true),
        ("Countries (codes such as ru, kp)", &mut form.countries, false),
        ("Description", &mut form.description, true),
        ("Start date (YYYY, YYYY-MM or YYYY-MM-DD)", &mut form.start_date, false),
        ("End date", &mut form.end_date, false),
    ];
    super::form_window::labelled_fields(ui, 360.0, rows);
}
