//! The nodes on screen described to screen readers (and to the UI tests) as buttons named by
//! their labels; a screen reader's click selects one.

use egui::{Id, Rect, Vec2, accesskit};

use super::super::command::{Command, Selection};
use super::super::open_case::OpenCase;
use super::FrameGeometry;
use crate::model::NodeIx;

/// At most this many nodes on screen are described, the most important first: a list of
/// thousands helps no one.
const DESCRIBED_NODES_AT_MOST: usize = 1_000;

/// The egui id of node `node` in the accessibility tree.
pub fn node_widget_id(node: NodeIx) -> Id {
    Id::unique(("casegraph-node", node.index()))
}

/// Puts the first [`DESCRIBED_NODES_AT_MOST`] of `nodes` in the accessibility tree, and
/// selects one a screen reader clicks. Nothing is done while no screen reader (or test) is
/// listening.
pub(super) fn describe_nodes(
    ui: &egui::Ui,
    open: &OpenCase,
    nodes: &[NodeIx],
    frame: FrameGeometry,
    commands: &mut Vec<Command>,
) {
    let ctx = ui.ctx();
    if ctx.accesskit_node_builder(egui::accesskit_root_id(), |_| ()).is_none() {
        return;
    }
    let clicked = clicked_nodes(ui);
    let positions = open.document.layout().positions();
    for &node in nodes.iter().take(DESCRIBED_NODES_AT_MOST) {
        let id = node_widget_id(node);
        let center = frame.screen_from_world(positions[node.index()]);
        let rect = Rect::from_center_size(center, Vec2::splat(2.0 * frame.node_radius_points));
        ctx.accesskit_node_builder(id, |builder| {
            builder.set_role(accesskit::Role::Button);
            builder.set_label(open.document.case().nodes[node].label.as_str());
            builder.set_bounds(accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            builder.add_action(accesskit::Action::Click);
        });
        if clicked.contains(&id.accesskit_id()) {
            commands.push(Command::Select(Selection::Node(node)));
        }
    }
}

/// The accessibility nodes a screen reader clicked this frame.
fn clicked_nodes(ui: &egui::Ui) -> Vec<accesskit::NodeId> {
    ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::AccessKitActionRequest(request) if request.action == accesskit::Action::Click => {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect()
    })
}
