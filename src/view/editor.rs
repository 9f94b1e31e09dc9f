//! Editing what is already in the case, in the side panel: every field of the selected node
//! or link (the New node and New link forms' own fields), of a source, or of a quote; and
//! merging another node into the selected one. A quote
//! edited by hand is checked against its source's text as it is typed, and the closest passage
//! is offered when it is no longer word for word.

use super::command::Selection;
use super::form_window::date_field;
use super::link_form::{self, LinkEnd, LinkForm, node_picker};
use super::node_form::{self, NodeForm};
use crate::document::{Document, FactEdit};
use crate::model::vocabulary::Vocabulary;
use crate::model::{Credibility, Id, NameIndex, NodeIx, QuoteFinder, QuoteIx, Reliability, SourceIx, Stance};

/// What is being edited, with the fields as typed so far.
pub enum Editor {
    /// A node, in the New node form's fields.
    Node(Box<NodeForm>),
    /// A link, in the New link form's fields.
    Link(Box<LinkForm>),
    /// A source's description.
    Source(SourceIx, SourceDraft),
    /// A quote's words and locator.
    Quote(QuoteIx, Box<QuoteDraft>),
    /// Another node to merge into the node `keep`.
    Merge {
        /// The node that stays.
        keep: NodeIx,
        /// The node to merge into it, as typed and chosen.
        away: LinkEnd,
        /// The case's names, for choosing it.
        names: Box<NameIndex>,
    },
}

/// A source's fields as typed.
pub struct SourceDraft {
    publisher: String,
    title: String,
    date: String,
    url: String,
    /// One a line.
    authors: String,
    reliability: Option<Reliability>,
    reliability_reason: String,
    /// The source this one repeats, if any.
    repeats: Option<Id>,
}

/// A quote's fields as typed, and whether the words are still in the source.
pub struct QuoteDraft {
    text: String,
    locator: String,
    credibility: Option<Credibility>,
    stance: Option<Stance>,
    /// The source's text, when it has a local copy that can be read.
    finder: Option<QuoteFinder>,
    /// The words last checked, and what the check found.
    checked: Option<(String, QuoteCheck)>,
}

/// Whether a quote's words are in its source's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteCheck {
    /// Word for word.
    Verbatim,
    /// Not found; the passage that shares the most words, if any.
    NotFound(Option<String>),
}

impl QuoteDraft {
    /// The check of the words as they are now, run again only when they changed.
    pub fn check(&mut self) -> Option<&QuoteCheck> {
        let finder = self.finder.as_ref()?;
        if self.checked.as_ref().is_none_or(|(text, _)| text != &self.text) {
            let check = if finder.find(&self.text).is_some() {
                QuoteCheck::Verbatim
            } else {
                QuoteCheck::NotFound(finder.closest_passage(&self.text))
            };
            self.checked = Some((self.text.clone(), check));
        }
        self.checked.as_ref().map(|(_, check)| check)
    }
}

/// The editor on show in the side panel, with the last error and the facts it was opened on:
/// when they change (an undo), the item may be another, so the editor closes.
pub struct OpenEditor {
    /// The fields.
    pub editor: Editor,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// The document's facts revision when it opened.
    pub facts_revision: u64,
}

impl OpenEditor {
    /// `editor`, opened on `document` as it is now.
    pub fn new(editor: Editor, document: &Document) -> Self {
        Self { editor, error: None, facts_revision: document.facts_revision() }
    }

    /// Whether the item it edits may no longer be the one it was opened for, or is no longer
    /// the one selected.
    pub fn is_stale(&self, document: &Document, selection: Option<Selection>) -> bool {
        let other_selection = match &self.editor {
            Editor::Node(form) => form.editing.map(Selection::Node) != selection,
            Editor::Link(form) => form.editing.map(Selection::Link) != selection,
            Editor::Merge { keep, .. } => Some(Selection::Node(*keep)) != selection,
            Editor::Source(..) | Editor::Quote(..) => false,
        };
        other_selection || document.facts_revision() != self.facts_revision
    }
}

/// What the analyst asked of the editor this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorAnswer {
    /// Put the fields into the case.
    Save,
    /// Leave the item as it is.
    Cancel,
}

impl Editor {
    /// An editor for the selected node or link.
    pub fn for_selection(document: &Document, selection: Selection) -> Option<Self> {
        let case = document.case();
        match selection {
            Selection::Node(node) if node.index() < case.nodes.len() => {
                Some(Self::Node(Box::new(NodeForm::for_node(document, node))))
            }
            Selection::Link(link) if link.index() < case.links.len() => {
                Some(Self::Link(Box::new(LinkForm::for_link(document, link))))
            }
            _ => None,
        }
    }

    /// A form for merging another node into the selected node `keep`.
    pub fn merge_into(document: &Document, keep: NodeIx) -> Self {
        Self::Merge { keep, away: LinkEnd::default(), names: Box::new(NameIndex::new(document.case())) }
    }

    /// An editor for the source `source`.
    pub fn for_source(document: &Document, source: SourceIx) -> Self {
        let item = &document.case().sources[source];
        Self::Source(
            source,
            SourceDraft {
                publisher: item.publisher.clone(),
                title: item.title.clone(),
                date: item.date.map(|date| date.to_string()).unwrap_or_default(),
                url: item.url.clone().unwrap_or_default(),
                authors: item.authors.join("\n"),
                reliability: item.reliability,
                reliability_reason: item.reliability_reason.clone().unwrap_or_default(),
                repeats: item.repeats.clone(),
            },
        )
    }

    /// An editor for the quote `quote`, checking its words against its source's local copy.
    pub fn for_quote(document: &Document, quote: QuoteIx) -> Self {
        let case = document.case();
        let item = &case.quotes[quote];
        let path = case.sources.iter().find(|source| source.id == item.source).and_then(|s| s.document.as_deref());
        let finder = path.and_then(|path| document.documents().read(path).ok()).map(|text| QuoteFinder::new(&text));
        let draft = QuoteDraft {
            text: item.text.clone(),
            locator: item.locator.clone().unwrap_or_default(),
            credibility: item.credibility,
            stance: item.stance,
            finder,
            checked: None,
        };
        Self::Quote(quote, Box::new(draft))
    }

    /// The change the fields make, as one fact edit, or what is wrong with them.
    pub fn edit(&self, document: &Document) -> Result<FactEdit, String> {
        let case = document.case();
        match self {
            Editor::Node(form) => {
                let node = form.editing.ok_or("This form adds a node; it edits none.")?;
                Ok(FactEdit::UpdateNode(node, Box::new(form.node(document)?)))
            }
            Editor::Link(form) => {
                let link = form.editing.ok_or("This form adds a link; it edits none.")?;
                Ok(FactEdit::UpdateLink(link, Box::new(form.link(document)?)))
            }
            Editor::Source(source, draft) => {
                let mut item = case.sources[*source].clone();
                draft.publisher.trim().clone_into(&mut item.publisher);
                draft.title.trim().clone_into(&mut item.title);
                item.date = date_field(&draft.date, "The date")?;
                item.url = Some(draft.url.trim().to_owned()).filter(|url| !url.is_empty());
                item.authors =
                    draft.authors.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
                item.reliability = draft.reliability;
                item.reliability_reason =
                    Some(draft.reliability_reason.trim().to_owned()).filter(|reason| !reason.is_empty());
                item.repeats.clone_from(&draft.repeats);
                Ok(FactEdit::UpdateSource(*source, Box::new(item)))
            }
            Editor::Merge { keep, away, .. } => {
                let away = away.node.ok_or("Choose the node to merge from the names offered.")?;
                Ok(FactEdit::MergeNodes { keep: *keep, away })
            }
            Editor::Quote(quote, draft) => {
                let mut item = case.quotes[*quote].clone();
                draft.text.trim().clone_into(&mut item.text);
                item.locator = Some(draft.locator.trim().to_owned()).filter(|locator| !locator.is_empty());
                item.credibility = draft.credibility;
                item.stance = draft.stance.filter(|stance| *stance != Stance::States);
                Ok(FactEdit::UpdateQuote(*quote, Box::new(item)))
            }
        }
    }
}

/// Shows the editor's fields with Save and Cancel; returns the analyst's answer, if any.
pub fn show(ui: &mut egui::Ui, editor: &mut Editor, document: &Document, error: Option<&str>) -> Option<EditorAnswer> {
    let (heading, confirm) = match editor {
        Editor::Node(_) => ("Edit the node", "Save"),
        Editor::Link(_) => ("Edit the link", "Save"),
        Editor::Source(..) => ("Edit the source", "Save"),
        Editor::Quote(..) => ("Edit the quote", "Save"),
        Editor::Merge { .. } => ("Merge a node into this one", "Merge"),
    };
    ui.heading(heading);
    let confirmed = match editor {
        Editor::Node(form) => node_form::fields(ui, form, document).is_some(),
        Editor::Link(form) => link_form::fields(ui, form, document),
        Editor::Source(source, draft) => source_fields(ui, draft, *source, document),
        Editor::Quote(_, draft) => quote_fields(ui, draft),
        Editor::Merge { keep, away, names } => merge_fields(ui, *keep, away, names, document),
    };
    if let Some(error) = error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let mut answer = confirmed.then_some(EditorAnswer::Save);
    ui.horizontal(|ui| {
        if ui.button(confirm).clicked() {
            answer = Some(EditorAnswer::Save);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(EditorAnswer::Cancel);
        }
    });
    if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
        answer = Some(EditorAnswer::Cancel);
    }
    answer
}

/// The node to merge into `keep`, and what merging does.
fn merge_fields(ui: &mut egui::Ui, keep: NodeIx, away: &mut LinkEnd, names: &NameIndex, document: &Document) -> bool {
    let label = &document.case().nodes[keep].label;
    ui.label(format!(
        "The node chosen goes; its links, aliases and quotes move to {label}, and its name becomes one of {label}'s aliases."
    ));
    let entered = node_picker(ui, "Node to merge", away, names, document, true);
    if away.node == Some(keep) {
        ui.colored_label(ui.visuals().error_fg_color, "A node cannot be merged into itself.");
    }
    entered && away.node.is_some()
}

fn source_fields(ui: &mut egui::Ui, draft: &mut SourceDraft, editing: SourceIx, document: &Document) -> bool {
    let entered = super::form_window::labelled_fields(
        ui,
        ui.available_width(),
        [
            ("Publisher", &mut draft.publisher, false),
            ("Title", &mut draft.title, false),
            ("Date (YYYY, YYYY-MM or YYYY-MM-DD)", &mut draft.date, false),
            ("Web address", &mut draft.url, false),
            ("Authors (one a line)", &mut draft.authors, true),
        ],
    );
    grade_choice(ui, "Reliability", &mut draft.reliability, |grade| format!("{} — {}", grade.as_str(), grade.words()));
    let label = ui.label("Why that grade");
    let width = ui.available_width();
    ui.add(egui::TextEdit::singleline(&mut draft.reliability_reason).desired_width(width)).labelled_by(label.id);
    let sources = &document.case().sources;
    let name = |id: &Id| {
        sources
            .iter()
            .find(|source| source.id == *id)
            .map_or_else(|| id.to_string(), |s| format!("{}: {}", s.publisher, s.title))
    };
    let shown = draft.repeats.as_ref().map_or_else(|| "no other source".to_owned(), name);
    egui::ComboBox::from_label("Repeats (a copy of)").selected_text(shown).width(width * 0.7).show_ui(ui, |ui| {
        ui.selectable_value(&mut draft.repeats, None, "no other source");
        for (index, source) in sources.iter().enumerate().filter(|(index, _)| *index != editing.index()) {
            let text = format!("{}: {}", source.publisher, source.title);
            ui.selectable_value(&mut draft.repeats, Some(source.id.clone()), text)
                .on_hover_text(format!("source {index}"));
        }
    });
    entered
}

/// A choice of a grade or none, each grade shown by `describe`.
fn grade_choice<T: Vocabulary + std::fmt::Debug>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    describe: impl Fn(T) -> String,
) {
    let shown = value.map_or_else(|| "not graded".to_owned(), &describe);
    egui::ComboBox::from_label(label).selected_text(shown).show_ui(ui, |ui| {
        ui.selectable_value(value, None, "not graded");
        for &grade in T::VALUES {
            ui.selectable_value(value, Some(grade), describe(grade));
        }
    });
}

/// The quote's words and locator, and the check of the words against the source.
fn quote_fields(ui: &mut egui::Ui, draft: &mut QuoteDraft) -> bool {
    let label = ui.label("Words, exactly as the source has them");
    let width = ui.available_width();
    ui.add(egui::TextEdit::multiline(&mut draft.text).desired_rows(4).desired_width(width)).labelled_by(label.id);
    let mut replacement = None;
    match draft.check() {
        None => {
            ui.weak("The source has no local copy to check the words against.");
        }
        Some(QuoteCheck::Verbatim) => {
            ui.label("✔ Word for word in the source.");
        }
        Some(QuoteCheck::NotFound(closest)) => {
            ui.colored_label(ui.visuals().error_fg_color, "✘ Not word for word in the source.");
            if let Some(closest) = closest {
                ui.label(egui::RichText::new(format!("Closest passage: “{closest}”")).italics());
                if ui.button("Use the closest passage").clicked() {
                    replacement = Some(closest.clone());
                }
            }
        }
    }
    if let Some(closest) = replacement {
        draft.text = closest;
    }
    let label = ui.label("Where in the source (page, paragraph, character)");
    let field = ui.add(egui::TextEdit::singleline(&mut draft.locator).desired_width(width)).labelled_by(label.id);
    grade_choice(ui, "Credibility", &mut draft.credibility, |grade| format!("{} — {}", grade.as_str(), grade.words()));
    let stance = draft.stance.unwrap_or(Stance::States);
    egui::ComboBox::from_label("How the quote frames it").selected_text(stance.as_str()).show_ui(ui, |ui| {
        for &choice in Stance::VALUES {
            ui.selectable_value(&mut draft.stance, Some(choice), choice.as_str()).on_hover_text(choice.help());
        }
    });
    super::form_window::entered(ui, &field)
}
