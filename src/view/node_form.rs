//! Edit → New node… (N): a kind and a label, with the existing nodes whose names match offered
//! first, and a warning when the label may be an existing node spelt another way (other case,
//! accents, script or transliteration). Aliases, countries and a description are optional.

use super::form_window::{entered, form_window};
use crate::document::Document;
use crate::layout::WorldPoint;
use crate::model::{Country, NameIndex, Node, NodeIx, NodeKind, PartialDate};
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
    /// Why the last try failed.
    pub error: Option<String>,
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
            error: None,
            names: NameIndex::new(document.case()),
            wants_focus: true,
        }
    }

    /// The node the fields describe, with a fresh id, or what is wrong with them.
    pub fn node(&self, document: &Document) -> Result<Node, String> {
        let label = self.label.trim();
        if label.is_empty() {
            return Err("Give the node a label.".to_owned());
        }
        let mut node = Node::new(document.fresh_id(self.kind.id_prefix(), label), self.kind, label.to_owned());
        node.aliases = self.aliases.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        for code in self.countries.split([',', ' ']).map(str::trim).filter(|code| !code.is_empty()) {
            let country = Country::parse(&code.to_ascii_lowercase()).map_err(|error| format!("Countries: {error}."))?;
            node.countries.push(country);
        }
        node.description = Some(self.description.trim().to_owned()).filter(|text| !text.is_empty());
        node.start_date = date_field(&self.start_date, "The start date")?;
        node.end_date = date_field(&self.end_date, "The end date")?;
        Ok(node)
    }
}

/// A date typed in a field: none when blank, else YYYY, YYYY-MM or YYYY-MM-DD.
fn date_field(text: &str, what: &str) -> Result<Option<PartialDate>, String> {
    match text.trim() {
        "" => Ok(None),
        text => PartialDate::parse(text).map(Some).map_err(|error| format!("{what}: {error}.")),
    }
}

/// Shows the form; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, form: &mut NodeForm, document: &Document) -> Option<NodeFormAnswer> {
    let error = form.error.clone();
    let (add, cancel) = (("Add node", NodeFormAnswer::Create), NodeFormAnswer::Cancel);
    form_window(ctx, "New node", error.as_deref(), add, cancel, |ui| {
        ui.set_max_width(380.0);
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
        let existing = offered(ui, form, document);
        optional_fields(ui, form);
        let created = entered(ui, &field).then_some(NodeFormAnswer::Create);
        existing.map(NodeFormAnswer::UseExisting).or(created)
    })
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
    for (name, value, multiline) in rows {
        let label = ui.label(name);
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        ui.add(edit.desired_width(360.0)).labelled_by(label.id);
    }
}
