//! Changes to what is already in the case, asked for in the window: the side panel's editor
//! opened and saved, and deleting the selection (asking first only when quotes would be left
//! supporting nothing).

use super::super::case_panels::SideTab;
use super::super::command::{Command, EditCommand, Selection};
use super::super::editor::{Editor, OpenEditor};
use super::super::prompt::Prompt;
use super::{CaseApp, Content};
use crate::document::{FactEdit, OrphanQuotes};
use crate::model::{ItemRef, link_claim};

impl CaseApp {
    /// Carries out a command that makes, changes or deletes facts.
    pub(super) fn run_edit(&mut self, command: EditCommand) {
        match command {
            EditCommand::NewNode => self.open_node_form(None),
            EditCommand::MarkSelectedReviewed | EditCommand::ClearSelectedReview => self.review_selected(command),
            EditCommand::DeleteSelected => self.delete_selected(),
            EditCommand::EditSelected
            | EditCommand::EditSource(_)
            | EditCommand::EditQuote(_)
            | EditCommand::MergeIntoSelected
            | EditCommand::SaveEdit
            | EditCommand::CancelEdit => self.run_edit_command(command),
            EditCommand::NewLink
            | EditCommand::LinkBetween { .. }
            | EditCommand::QuotePassage
            | EditCommand::NodeFromPassage
            | EditCommand::LinkFromPassage => self.run_passage_command(command),
        }
    }

    /// Marks the selected claim reviewed by the reviewer typed in the side panel, or clears
    /// its mark: one undoable step.
    fn review_selected(&mut self, command: EditCommand) {
        let Content::Open(open, panels) = &mut self.content else { return };
        let Some(item) = open.selection.map(Selection::item) else { return };
        let edit = if command == EditCommand::ClearSelectedReview {
            FactEdit::ClearReview(item)
        } else {
            let by = panels.review.reviewer.trim().to_owned();
            let note = Some(panels.review.note.trim().to_owned()).filter(|note| !note.is_empty());
            FactEdit::MarkReviewed { item, by, note, date: None }
        };
        match open.document.edit_facts(edit) {
            Ok(()) => panels.review.note.clear(),
            Err(error) => {
                self.prompt = Some(Prompt::Report { title: "Not marked".to_owned(), message: error.to_string() });
            }
        }
    }

    /// Opens the side panel's editor on what `command` names, or saves it.
    fn run_edit_command(&mut self, command: EditCommand) {
        let Content::Open(open, panels) = &mut self.content else { return };
        let document = &open.document;
        let editor = match command {
            EditCommand::EditSelected => {
                open.selection.and_then(|selection| Editor::for_selection(document, selection))
            }
            EditCommand::EditSource(source) if source.index() < document.case().sources.len() => {
                Some(Editor::for_source(document, source))
            }
            EditCommand::EditQuote(quote) if quote.index() < document.case().quotes.len() => {
                Some(Editor::for_quote(document, quote))
            }
            EditCommand::MergeIntoSelected => match open.selection {
                Some(Selection::Node(keep)) if keep.index() < document.case().nodes.len() => {
                    Some(Editor::merge_into(document, keep))
                }
                _ => None,
            },
            EditCommand::SaveEdit => {
                let Some(editing) = &mut panels.editor else { return };
                let saved = editing.editor.edit(document).and_then(|edit| {
                    open.document.edit_facts(edit).map_err(|error| format!("Nothing was changed: {error}."))
                });
                match saved {
                    Ok(()) => panels.editor = None,
                    Err(message) => editing.error = Some(message),
                }
                return;
            }
            _ => None,
        };
        if let Some(editor) = editor {
            panels.editor = Some(OpenEditor::new(editor, &open.document));
            panels.side_tab = SideTab::Evidence;
        }
    }

    /// Deletes the selected node or link; when that would leave quotes supporting nothing,
    /// asks whether they go too.
    pub(super) fn delete_selected(&mut self) {
        let Some(open) = self.open_case() else { return };
        let (case, graph) = (open.document.case(), open.document.graph());
        let (item, what) = match open.selection {
            Some(Selection::Node(node)) if node.index() < case.nodes.len() => {
                let links = graph.neighbours(node).len();
                let with = match links {
                    0 => String::new(),
                    1 => " and its link".to_owned(),
                    count => format!(" and its {count} links"),
                };
                (ItemRef::Node(node), format!("“{}”{with}", case.nodes[node].label))
            }
            Some(Selection::Link(link)) if link.index() < case.links.len() => {
                (ItemRef::Link(link), format!("the link “{}”", link_claim(case, graph, link)))
            }
            _ => return,
        };
        let orphans = open.document.quotes_orphaned_by_deleting(item);
        if orphans.is_empty() {
            self.delete(item, OrphanQuotes::Keep);
        } else {
            let quotes = orphans.into_iter().map(|quote| case.quotes[quote].text.clone()).collect();
            self.prompt = Some(Prompt::Delete { item, what, quotes });
        }
    }

    /// Deletes `item` as one undo step, doing with the quotes left supporting nothing as
    /// `orphans` says.
    pub(super) fn delete(&mut self, item: ItemRef, orphans: OrphanQuotes) {
        let Some(open) = self.open_case_mut() else { return };
        let edit = match item {
            ItemRef::Node(node) => FactEdit::DeleteNode(node, orphans),
            ItemRef::Link(link) => FactEdit::DeleteLink(link, orphans),
            ItemRef::Source(_) | ItemRef::Quote(_) => return,
        };
        match open.document.edit_facts(edit) {
            Ok(()) => open.apply(Command::ClearSelection),
            Err(error) => {
                let title = "Nothing was deleted".to_owned();
                self.prompt = Some(Prompt::Report { title, message: error.to_string() });
            }
        }
    }
}
