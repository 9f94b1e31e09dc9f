//! Nodes made in the window: the New node form opened beside the selection (or in the middle
//! of the view), and its answer carried out as one fact edit, or the existing node selected.

use super::super::command::{Command, Selection};
use super::super::node_form::{self, NodeForm, NodeFormAnswer};
use super::CaseApp;
use crate::layout::free_spot_beside;
use crate::model::Passage;
use crate::theme;

impl CaseApp {
    /// Opens the New node form for the open case, named by and quoting `passage` if given.
    pub(super) fn open_node_form(&mut self, passage: Option<Passage>) {
        let Some(open) = self.open_case() else { return };
        let positions = open.document.layout().positions();
        let beside_selection = match open.selection {
            Some(Selection::Node(node)) if node.index() < open.document.case().nodes.len() => {
                let selected = open.document.layout().position(node);
                Some(free_spot_beside(selected, theme::NEW_NODE_OFFSET_WORLD, positions))
            }
            _ => open.camera.map(|camera| {
                let middle = [camera.center_world.x, camera.center_world.y];
                let taken = positions.iter().any(|&other| {
                    (other[0] - middle[0]).hypot(other[1] - middle[1]) < theme::NEW_NODE_OFFSET_WORLD / 2.0
                });
                if taken { free_spot_beside(middle, theme::NEW_NODE_OFFSET_WORLD, positions) } else { middle }
            }),
        };
        self.node_form = Some(match passage {
            Some(passage) => NodeForm::from_passage(&open.document, beside_selection, passage),
            None => NodeForm::new(&open.document, beside_selection),
        });
    }

    /// The form, and what its answer does.
    pub(super) fn show_node_form(&mut self, ctx: &egui::Context) {
        let (Some(form), Some(open)) = (self.node_form.as_mut(), self.content.open_case()) else { return };
        match node_form::show(ctx, form, &open.document) {
            Some(NodeFormAnswer::Cancel) => self.node_form = None,
            Some(NodeFormAnswer::UseExisting(node)) => {
                let passage = self.node_form.take().and_then(|form| form.passage);
                self.apply(ctx, vec![Command::FocusNode(node)]);
                if let Some(passage) = passage {
                    self.attach_passage(&passage);
                }
            }
            Some(NodeFormAnswer::Create) => self.add_node_from_form(ctx),
            None => {}
        }
    }

    fn add_node_from_form(&mut self, ctx: &egui::Context) {
        let Some(form) = self.node_form.as_mut() else { return };
        let super::Content::Open(open, _) = &mut self.content else { return };
        let added = form.edits(&open.document).and_then(|(edits, ids)| {
            let added = open.document.add_with_passage(edits, ids, form.passage.as_ref());
            added.map_err(|error| format!("The node was not added: {error}."))
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
