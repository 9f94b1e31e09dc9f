//! Finding a node by its label or one of its aliases.

use super::command::Command;
use crate::model::{Case, NodeIx};

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
}

/// The nodes whose label or an alias contains `query`, ignoring case: those that start with
/// it first, then in case order. Nodes for which `visible` is false are left out.
pub fn find_nodes(case: &Case, query: &str, visible: impl Fn(NodeIx) -> bool) -> Vec<NodeIx> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(bool, NodeIx)> = NodeIx::all(case.nodes.len())
        .zip(&case.nodes)
        .filter(|&(index, _)| visible(index))
        .filter_map(|(index, node)| {
            let names = std::iter::once(&node.label).chain(&node.aliases).map(|name| name.to_lowercase());
            let mut found = None;
            for name in names {
                if name.starts_with(&query) {
                    found = Some(true);
                    break;
                }
                if name.contains(&query) {
                    found = Some(false);
                }
            }
            found.map(|prefix| (!prefix, index))
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, index)| index).collect()
}

/// Shows the search field at the top of `ui` and the hits under it.
pub fn show(
    ui: &mut egui::Ui,
    search: &mut SearchState,
    case: &Case,
    visible: impl Fn(NodeIx) -> bool,
) -> Vec<Command> {
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
        let hits = find_nodes(case, &search.query, visible);
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
        let labels = |query: &str| -> Vec<String> {
            find_nodes(&case, query, |_| true).into_iter().map(|i| case.nodes[i].label.clone()).collect()
        };
        let hits = labels("michurin");
        assert!(hits.iter().any(|label| label.contains("Michurin")), "{hits:?}");
        assert!(labels("").is_empty());
        assert!(labels("no such name anywhere").is_empty());
        let embassy = labels("embassy");
        assert!(!embassy.is_empty());
        let all = find_nodes(&case, "a", |_| true);
        let prefix_count = all.iter().take_while(|&&i| case.nodes[i].label.to_lowercase().starts_with('a')).count();
        assert!(all[prefix_count..].iter().all(|&i| !case.nodes[i].label.to_lowercase().starts_with('a')));
    }

    #[test]
    fn hidden_nodes_are_not_found() {
        let case = load_sample().case.expect("the sample loads");
        assert!(find_nodes(&case, "michurin", |_| false).is_empty());
    }
}
