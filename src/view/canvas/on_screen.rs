//! Which nodes and links are on screen this frame, with room at the edges for a node and its
//! label: only those are drawn.

use egui::Rect;

use super::super::camera::Camera;
use super::super::open_case::OpenCase;
use super::derived::Derived;
use super::detailed_radius_points;
use crate::layout::WorldPoint;
use crate::model::{LinkIx, NodeIx};
use crate::theme;

/// How far past the canvas's edge a node still counts as on screen, in points beyond its
/// radius: room for its label.
const LABEL_ROOM_POINTS: f32 = 240.0;

/// What this frame shows.
#[derive(Debug)]
pub(super) struct OnScreen {
    /// Per node: shown and on screen.
    pub(super) is_node_on_screen: Vec<bool>,
    /// The nodes shown on screen, in index order.
    pub(super) nodes: Vec<NodeIx>,
    /// The links shown on screen, in index order.
    pub(super) links: Vec<LinkIx>,
    /// Whether so many nodes are on screen that the overview is drawn instead.
    pub(super) overview: bool,
    /// The world rectangle the canvas shows, without the margin.
    pub(super) view_world: (WorldPoint, WorldPoint),
}

impl OnScreen {
    /// What `camera` shows of `open` on `canvas`; the node being dragged counts as shown.
    pub(super) fn find(
        open: &OpenCase,
        derived: &Derived,
        camera: Camera,
        canvas: Rect,
        dragged: Option<NodeIx>,
    ) -> Self {
        let positions = open.document.layout().positions();
        let detailed_radius = detailed_radius_points(camera.zoom);
        let margin_world = (detailed_radius + LABEL_ROOM_POINTS) / camera.zoom;
        let low = camera.world_from_screen(canvas, canvas.left_top());
        let high = camera.world_from_screen(canvas, canvas.right_bottom());
        let (view_low, view_high) =
            ([low[0] - margin_world, low[1] - margin_world], [high[0] + margin_world, high[1] + margin_world]);
        let in_view = |low: WorldPoint, high: WorldPoint| {
            low[0] <= view_high[0] && high[0] >= view_low[0] && low[1] <= view_high[1] && high[1] >= view_low[1]
        };
        let mut is_node_on_screen = vec![false; positions.len()];
        let mut nodes = Vec::new();
        for (node, &at) in NodeIx::all(positions.len()).zip(positions) {
            if open.is_node_visible(node) && (in_view(at, at) || dragged == Some(node)) {
                is_node_on_screen[node.index()] = true;
                nodes.push(node);
            }
        }
        let links = LinkIx::all(derived.routes.len())
            .filter(|&link| open.is_link_visible(link))
            .filter(|&link| {
                derived.routes[link.index()].is_some_and(|route| {
                    let (low, high) = route.bounds();
                    in_view(low, high)
                })
            })
            .collect();
        let overview = nodes.len() > theme::OVERVIEW_FROM_NODES;
        Self { is_node_on_screen, nodes, links, overview, view_world: (low, high) }
    }

    /// A node's radius on screen: in full, or as an overview's disc.
    pub(super) fn node_radius_points(&self, camera: Camera) -> f32 {
        if self.overview {
            (theme::NODE_RADIUS * camera.zoom).max(theme::OVERVIEW_MIN_NODE_RADIUS_POINTS)
        } else {
            detailed_radius_points(camera.zoom)
        }
    }
}
