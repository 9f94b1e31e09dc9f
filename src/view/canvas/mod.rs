//! The case drawn as a graph, and the gestures on it: pan, zoom, select, hover, drag.
//! Drawing reads the open case; every change goes back as a [`Command`].
//!
//! Nodes are found under the pointer through a grid, not as one egui widget each, so a frame
//! costs the same whether ten nodes are on screen or fifty thousand. With more than
//! [`theme::OVERVIEW_FROM_NODES`] on screen the canvas draws an overview: discs, thin lines
//! and the best-connected labels only.

mod accessibility;
mod derived;
mod focus;
mod gestures;
mod labels;
mod links;
mod nodes;
mod on_screen;
mod overview_layer;
mod picking;

use derived::Derived;
use egui::{Pos2, Rect, Sense};
use focus::Focus;
use gestures::Gestures;
use on_screen::OnScreen;

use super::camera::Camera;
use super::command::Command;
use super::open_case::OpenCase;
use super::overview::OverviewCache;
use crate::label_placement::Occupancy;
use crate::layout::WorldPoint;
use crate::model::NodeIx;
use crate::theme;

pub use accessibility::node_widget_id;

/// Smallest on-screen node radius when drawn in detail, so a node stays visible and can be
/// grabbed when zoomed out; nodes are picked within this radius at any zoom.
const MIN_NODE_RADIUS_POINTS: f32 = 5.0;

/// What the canvas remembers between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    gestures: Gestures,
    derived: Derived,
    overview: OverviewCache,
}

impl CanvasState {
    /// Whether a new overview picture is being drawn or waits for its turn, so the canvas
    /// will change without input.
    pub fn is_overview_behind(&self) -> bool {
        self.overview.is_behind()
    }
}

/// Where this frame draws: the camera, the canvas on screen, and how large a node is there.
#[derive(Clone, Copy, Debug)]
struct FrameGeometry {
    camera: Camera,
    canvas: Rect,
    /// A node's radius on screen, in points.
    node_radius_points: f32,
}

impl FrameGeometry {
    fn screen_from_world(&self, world: WorldPoint) -> Pos2 {
        self.camera.screen_from_world(self.canvas, world)
    }

    fn world_from_screen(&self, screen: Pos2) -> WorldPoint {
        self.camera.world_from_screen(self.canvas, screen)
    }

    /// A node's radius when drawn in full, whatever the zoom.
    fn detailed_radius_points(&self) -> f32 {
        detailed_radius_points(self.camera.zoom)
    }

    /// Room for labels around each node, for them to claim space in turn.
    fn label_occupancy(&self) -> Occupancy {
        Occupancy::new(theme::label_points(self.camera.zoom) * 4.0)
    }
}

/// A node's on-screen radius at `zoom` when drawn in full: never below
/// [`MIN_NODE_RADIUS_POINTS`], so it can still be seen and grabbed.
fn detailed_radius_points(zoom: f32) -> f32 {
    (theme::NODE_RADIUS * zoom).max(MIN_NODE_RADIUS_POINTS)
}

/// Draws the case into the rest of `ui` and returns what the analyst asked for.
pub fn show(ui: &mut egui::Ui, open: &OpenCase, state: &mut CanvasState) -> (Rect, Vec<Command>) {
    let mut commands = Vec::new();
    let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    // The canvas's background is the window's clear colour (`CaseApp::clear_color`): filling
    // it again would make a software renderer shade every canvas pixel once more a frame.
    let canvas = background.rect;
    let camera = open.camera.unwrap_or_else(|| {
        commands.push(Command::FitToCase);
        open.fitted_camera(canvas)
    });
    state.derived.refresh(open);
    let on_screen = OnScreen::find(open, &state.derived, camera, canvas, state.gestures.dragged_node());
    let frame = FrameGeometry { camera, canvas, node_radius_points: on_screen.node_radius_points(camera) };
    let pointer = picking::PointerTarget::find(ui, open, &background, &state.derived, &on_screen, frame);
    let hovered = state.gestures.handle(ui, &background, open, frame, &pointer, &mut commands);
    let focus = Focus::new(open, hovered, &state.derived.by_degree, &on_screen);
    accessibility::describe_nodes(ui, open, &focus.by_importance, frame, &mut commands);
    if on_screen.overview {
        overview_layer::paint(ui, &painter, open, &mut state.overview, frame, &on_screen, &focus);
    } else {
        paint_in_detail(&painter, open, &state.derived, frame, &on_screen, &focus);
    }
    if let Some((from, to)) = state.gestures.link_being_drawn() {
        let start = frame.screen_from_world(open.document.layout().position(from));
        let stroke = egui::Stroke::new(theme::SELECTION_WIDTH, super::marks::color(theme::SELECTION));
        painter.line_segment([start, to], stroke);
        painter.circle_filled(to, theme::SELECTION_WIDTH * 1.5, stroke.color);
    }
    (canvas, commands)
}

/// Every link, node and label on screen, in full.
fn paint_in_detail(
    painter: &egui::Painter,
    open: &OpenCase,
    derived: &Derived,
    frame: FrameGeometry,
    on_screen: &OnScreen,
    focus: &Focus,
) {
    let captions = links::paint_links(painter, open, &derived.routes, frame, &on_screen.links, focus);
    let positions = open.document.layout().positions();
    for &node in &on_screen.nodes {
        let center = frame.screen_from_world(positions[node.index()]);
        let hovered = focus.hovered == Some(super::command::Selection::Node(node));
        nodes::paint_node(
            painter,
            open,
            node,
            center,
            frame.node_radius_points,
            focus.is_faded_node(open, node),
            hovered,
        );
    }
    // Labels and captions keep off the nodes and each other; when zoomed out too far for
    // labels, only the important ones are placed.
    let labels_shown = frame.camera.zoom >= theme::LABELS_HIDDEN_BELOW_ZOOM;
    let labelled: Vec<NodeIx> =
        focus.by_importance.iter().copied().filter(|&node| labels_shown || focus.is_important(open, node)).collect();
    let mut occupancy = frame.label_occupancy();
    if !labelled.is_empty() || !captions.is_empty() {
        labels::occupy_nodes(&mut occupancy, &on_screen.nodes, positions, frame);
    }
    labels::paint_labels(painter, open, &labelled, frame, focus, true, &mut occupancy);
    labels::paint_captions(painter, open, captions, &mut occupancy, frame.camera.zoom);
    links::paint_link_badges(painter, open, &derived.routes, frame, focus);
}

/// Where node `node` is on screen, for tests that point at it.
pub fn node_screen_position(open: &OpenCase, node: NodeIx) -> Option<Pos2> {
    let camera = open.camera?;
    Some(camera.screen_from_world(open.canvas_rect, *open.document.layout().positions().get(node.index())?))
}
