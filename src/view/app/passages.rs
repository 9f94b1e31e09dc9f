//! What becomes of the passage selected in the source reader: a quote for the canvas
//! selection, a new node named by it, or a new link it backs; and the New link form.

use super::super::command::{Command, EditCommand, Selection};
use super::super::link_form::{self, LinkForm, LinkFormAnswer};
use super::super::prompt::Prompt;
use super::{CaseApp, Content};
use crate::document::FactEdit;
use crate::model::Passage;

impl CaseApp {
    fn passage(&self) -> Option<Passage> {
        self.reader_passage().cloned()
    }

    /// Carries out a command about the reader's passage or a new link.
    pub(super) fn run_passage_command(&mut self, command: EditCommand) {
        match command {
            EditCommand::QuotePassage => {
                if let Some(passage) = self.passage() {
                    self.attach_passage(&passage);
                }
            }
            EditCommand::NodeFromPassage => {
                if let Some(passage) = self.passage() {
                    self.open_node_form(Some(passage));
                }
            }
            EditCommand::LinkFromPassage => self.open_link_form(self.passage()),
            EditCommand::NewLink => self.open_link_form(None),
            EditCommand::LinkBetween { from, to } => {
                self.open_link_form(None);
                if let (Some(form), Some(open)) = (self.link_form.as_mut(), self.content.open_case()) {
                    form.set_ends(&open.document, from, to);
                }
            }
            _ => {}
        }
    }

    /// Makes `passage` a quote of the node or link selected on the canvas.
    pub(super) fn attach_passage(&mut self, passage: &Passage) {
        let Some(open) = self.open_case_mut() else { return };
        let (case, selection) = (open.document.case(), open.selection);
        let supports = match selection {
            Some(Selection::Node(node)) => case.nodes.get(node.index()).map(|node| node.id.clone()),
            Some(Selection::Link(link)) => case.links.get(link.index()).map(|link| link.id.clone()),
            None => None,
        };
        let Some(supports) = supports else { return };
        if let Err(error) = open.document.quote_passage(passage, &supports) {
            let title = "The quote was not added".to_owned();
            self.prompt = Some(Prompt::Report { title, message: error.to_string() });
        }
    }

    /// Opens the New link form, from the selected node, carrying `passage` as its quote.
    fn open_link_form(&mut self, passage: Option<Passage>) {
        let Some(open) = self.open_case() else { return };
        let source = match open.selection {
            Some(Selection::Node(node)) if node.index() < open.document.case().nodes.len() => Some(node),
            _ => None,
        };
        self.link_form = Some(LinkForm::new(&open.document, source, passage));
    }

    /// The New link form, and what its answer does.
    pub(super) fn show_link_form(&mut self, ctx: &egui::Context) {
        let (Some(form), Some(open)) = (self.link_form.as_mut(), self.content.open_case()) else { return };
        match link_form::show(ctx, form, &open.document) {
            Some(LinkFormAnswer::Cancel) => self.link_form = None,
            Some(LinkFormAnswer::Create) => self.add_link_from_form(ctx),
            None => {}
        }
    }

    fn add_link_from_form(&mut self, ctx: &egui::Context) {
        let Some(form) = self.link_form.as_mut() else { return };
        let Content::Open(open, _) = &mut self.content else { return };
        let added = form.link(&open.document).and_then(|link| {
            let id = link.id.clone();
            let edits = vec![FactEdit::AddLink(Box::new(link))];
            let added = open.document.add_with_passage(edits, vec![id.clone()], form.passage.as_ref());
            added.map_err(|error| format!("The link was not added: {error}."))?;
            Ok(id)
        });
        match added {
            Ok(id) => {
                self.link_form = None;
                let link = open.document.graph().resolve(id.as_str());
                if let Some(crate::model::ItemRef::Link(link)) = link {
                    self.apply(ctx, vec![Command::Select(Selection::Link(link))]);
                }
            }
            Err(message) => form.error = Some(message),
        }
    }
}
