//! Nodes made in the window: the New node form opened beside the selection (or in the middle
//! of the view), and its answer carried out as one fact edit, or the existing node selected.

use super::super::command::{Command, Selection};
use super::super::node_form::{self, NodeForm, NodeFormAnswer};
use super::CaseApp;
use crate::document::FactEdit;
use crate::theme;

impl CaseApp {
    /// Opens the New node form for the open case.
    pub(super) fn open_node_form(&mut self) {
        let Some(open) = self.open_case() else { return };
        let beside_selection = match open.selection {
            Some(Selection::Node(node)) if node.index() < open.document.case().nodes.len() => {
                let [x, y] = open.document.layout().position(node);
                Some([x + theme::NEW_NODE_OFFSET_WORLD, y])
            }
            _ => open.camera.map(|camera| [camera.center_world.x, camera.center_world.y]),
        };
        self.node_form = Some(NodeForm::new(&open.document, beside_selection));
    }

    /// The form, and what its answer does.
    pub(super) fn show_node_form(&mut self, ctx: &egui::Context) {
        let (Some(form), Some(open)) = (self.node_form.as_mut(), self.content.open_case()) else { return };
        match node_form::show(ctx, form, &open.document) {
            Some(NodeFormAnswer::Cancel) => self.node_form = None,
            Some(NodeFormAnswer::UseExisting(node)) => {
                self.node_form = None;
                self.apply(ctx, vec![Command::FocusNode(node)]);
            }
            Some(NodeFormAnswer::Create) => self.add_node_from_form(ctx),
            None => {}
        }
    }

    fn add_node_from_form(&mut self, ctx: &egui::Context) {
        let Some(form) = self.node_form.as_mut() else { return };
        let super::Content::Open(open, _) = &mut self.content else { return };
        let added = form.node(&open.document).and_then(|node| {
            let edit = FactEdit::AddNode { node: Box::new(node), at: form.at };
            open.document.edit_facts(edit).map_err(|error| format!("The node was not added: {error}."))
        });
        match added {
            Ok(()) => {
                let node = open.document.last_node();
                self.node_form = None;
                if let Some(node) = node {
                    self.apply(ctx, vec![Command::Select(Selection::Node(node))]);
                }
            }
            Err(message) => form.error = Some(message),
        }
    }
}
