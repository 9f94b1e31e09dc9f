//! What the pointer is over: the nearest node within reach, found through the grid, else the
//! nearest link line.

use egui::Pos2;

use super::super::open_case::OpenCase;
use super::derived::Derived;
use super::on_screen::OnScreen;
use super::{FrameGeometry, MIN_NODE_RADIUS_POINTS};
use crate::layout::WorldPoint;
use crate::link_routes::{LinkRoute, distance_to_polyline};
use crate::model::{LinkIx, NodeIx};

/// How close to a line the pointer must be to pick its link, in screen points.
const LINK_PICK_DISTANCE_POINTS: f32 = 5.0;
/// Segments per curve when picking links (as when drawing them).
pub(super) const CURVE_SEGMENTS: usize = 16;

/// Where the pointer is and what is under it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct PointerTarget {
    /// The pointer over the canvas.
    pub(super) pointer: Option<Pos2>,
    /// The node under it.
    pub(super) node: Option<NodeIx>,
    /// The link under it, when no node is.
    pub(super) link: Option<LinkIx>,
    /// Where the button went down and the node there, when a drag starts on one this frame.
    pub(super) pressed_on_node: Option<(Pos2, NodeIx)>,
}

impl PointerTarget {
    /// What the pointer is over on the canvas `background`.
    pub(super) fn find(
        ui: &egui::Ui,
        open: &OpenCase,
        background: &egui::Response,
        derived: &Derived,
        on_screen: &OnScreen,
        frame: FrameGeometry,
    ) -> Self {
        let pointer = background.hover_pos();
        let node = pointer.and_then(|at| node_at(open, derived, frame, at));
        let link = match (pointer, node) {
            (Some(at), None) => link_at(at, &derived.routes, &on_screen.links, frame),
            _ => None,
        };
        // Where the button went down, not where the pointer is when egui decides this is a
        // drag: by then it has already moved a little.
        let pressed = background.drag_started().then(|| ui.input(|input| input.pointer.press_origin())).flatten();
        let pressed_on_node = pressed.and_then(|at| Some((at, node_at(open, derived, frame, at)?)));
        Self { pointer, node, link, pressed_on_node }
    }
}

/// The shown node nearest the screen point `at`, within a node's radius.
fn node_at(open: &OpenCase, derived: &Derived, frame: FrameGeometry, at: Pos2) -> Option<NodeIx> {
    let pick_radius_world = frame.node_radius_points.max(MIN_NODE_RADIUS_POINTS) / frame.camera.zoom;
    let visible = |node: usize| open.is_node_visible(NodeIx::new(node));
    derived.grid.nearest(frame.world_from_screen(at), pick_radius_world, visible).map(NodeIx::new)
}

/// The link whose line passes nearest `pointer`, within reach.
fn link_at(pointer: Pos2, routes: &[Option<LinkRoute>], links: &[LinkIx], frame: FrameGeometry) -> Option<LinkIx> {
    let reach_world = LINK_PICK_DISTANCE_POINTS / frame.camera.zoom;
    let at = frame.world_from_screen(pointer);
    links
        .iter()
        .filter_map(|&link| {
            let route = routes[link.index()]?;
            let (low, high) = route.bounds();
            let near = at[0] >= low[0] - reach_world
                && at[0] <= high[0] + reach_world
                && at[1] >= low[1] - reach_world
                && at[1] <= high[1] + reach_world;
            if !near {
                return None;
            }
            let line: Vec<WorldPoint> = route
                .polyline(CURVE_SEGMENTS)
                .into_iter()
                .map(|p| {
                    let p = frame.screen_from_world(p);
                    [p.x, p.y]
                })
                .collect();
            let distance = distance_to_polyline([pointer.x, pointer.y], &line);
            (distance <= LINK_PICK_DISTANCE_POINTS).then_some((distance, link))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, link)| link)
}
