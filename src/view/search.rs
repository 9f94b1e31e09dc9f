//! Finding a node by its label or one of its aliases, in any spelling the name index folds
//! together (case, accents, script: "мичурин" finds Michurin).

use super::command::Command;
use crate::document::Document;
use crate::model::{NameIndex, NodeIx};

/// How many hits the search lists.
const MAX_HITS: usize = 8;

/// The find-a-node field.
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    /// Whether the field is shown.
    pub open: bool,
    /// What the analyst typed.
    pub query: String,
    /// Set when the field should take the keyboard on the next frame.
    pub wants_focus: bool,
    /// The names of the case, and the facts revision they were read at.
    names: Option<(u64, NameIndex)>,
}

impl SearchState {
    /// The names of `document`'s nodes, read again when its facts changed.
    fn names(&mut self, document: &Document) -> &NameIndex {
        let revision = document.facts_revision();
        if self.names.as_ref().is_some_and(|(read_at, _)| *read_at != revision) {
            self.names = None;
        }
        &self.names.get_or_insert_with(|| (revision, NameIndex::new(document.case()))).1
    }
}

/// The nodes with a name matching `query`: whole names first, then names starting with it,
/// then later words starting with it, then the rest; in case order within each. Nodes for
/// which `visible` is false are left out.
pub fn find_nodes(names: &NameIndex, query: &str, visible: impl Fn(NodeIx) -> bool) -> Vec<NodeIx> {
    names.suggest(query, usize::MAX).into_iter().map(|hit| hit.node).filter(|&node| visible(node)).collect()
}

/// Shows the search field at the top of `ui` and the hits under it.
pub fn show(
    ui: &mut egui::Ui,
    search: &mut SearchState,
    document: &Document,
    visible: impl Fn(NodeIx) -> bool,
) -> Vec<Command> {
    let case = document.case();
    let mut commands = Vec::new();
    egui::Frame::popup(ui.style()).show(ui, |ui| {
        ui.set_max_width(320.0);
        let edit = egui::TextEdit::singleline(&mut search.query)
            .hint_text("Find a node by name or alias")
            .desired_width(300.0);
        let response = ui.add(edit);
        if std::mem::take(&mut search.wants_focus) {
            response.request_focus();
        }
        let query = search.query.clone();
        let hits = find_nodes(search.names(document), &query, visible);
        if response.lost_focus()
            && ui.input(|input| input.key_pressed(egui::Key::Enter))
            && let Some(&first) = hits.first()
        {
            commands.push(Command::FocusNode(first));
        }
        for &node in hits.iter().take(MAX_HITS) {
            let label = &case.nodes[node].label;
            if ui.selectable_label(false, label).clicked() {
                commands.push(Command::FocusNode(node));
            }
        }
        if !search.query.trim().is_empty() && hits.is_empty() {
            ui.weak("No node has that name.");
        } else if hits.len() > MAX_HITS {
            ui.weak(format!("and {} more; type more of the name", hits.len() - MAX_HITS));
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::load_sample;

    #[test]
    fn finds_by_label_and_alias_ignoring_case_with_prefix_hits_first() {
        let case = load_sample().case.expect("the sample loads");
        let names = NameIndex::new(&case);
        let labels = |query: &str| -> Vec<String> {
            find_nodes(&names, query, |_| true).into_iter().map(|i| case.nodes[i].label.clone()).collect()
        };
        let hits = labels("michurin");
        assert!(hits.iter().any(|label| label.contains("Michurin")), "{hits:?}");
        assert!(labels("").is_empty());
        assert!(labels("no such name anywhere").is_empty());
        let embassy = labels("embassy");
        assert!(!embassy.is_empty());
        assert_eq!(labels("МИЧУРИН")[..2], ["Michurin's construction company", "Igor Michurin"], "any script");
        let all = find_nodes(&names, "a", |_| true);
        let prefix_count = all.iter().take_while(|&&i| case.nodes[i].label.to_lowercase().starts_with('a')).count();
        assert!(all[prefix_count..].iter().all(|&i| !case.nodes[i].label.to_lowercase().starts_with('a')));
    }

    #[test]
    fn hidden_nodes_are_not_found() {
        let case = load_sample().case.expect("the sample loads");
        assert!(find_nodes(&NameIndex::new(&case), "michurin", |_| false).is_empty());
    }
}
