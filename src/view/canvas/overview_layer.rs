//! The canvas of a big case: the overview picture, drawn on its own thread, with what the
//! analyst is looking at drawn over it in detail and the best-connected labels.

use egui::{Color32, Rect, Stroke, pos2};

use super::super::marks::color;
use super::super::open_case::OpenCase;
use super::super::overview::{OverviewCache, OverviewKey, OverviewScene};
use super::focus::Focus;
use super::on_screen::OnScreen;
use super::{FrameGeometry, labels, nodes};
use crate::layout::WorldPoint;
use crate::model::{LinkIx, NodeIx};
use crate::theme;

/// How far beyond the canvas the overview picture reaches on each side, as a share of the
/// canvas: panning that far needs no new picture.
const OVERVIEW_MARGIN: f32 = 0.3;
/// The overview picture's largest side in pixels, whatever the window.
const MAX_OVERVIEW_PIXELS: f32 = 8_192.0;

/// Draws the overview, then the hovered and selected items and their neighbourhood in full.
pub(super) fn paint(
    ui: &egui::Ui,
    painter: &egui::Painter,
    open: &OpenCase,
    cache: &mut OverviewCache,
    frame: FrameGeometry,
    on_screen: &OnScreen,
    focus: &Focus,
) {
    let key = OverviewKey {
        layout_revision: open.document.layout().revision(),
        zoom: frame.camera.zoom,
        pixels_per_point: ui.ctx().pixels_per_point(),
        shown: open.document.hidden_kinds().iter().map(|&kind| kind as u8).collect(),
    };
    let (need_low, need_high) = on_screen.view_world;
    cache.refresh(ui.ctx(), &key, (need_low, need_high), || overview_scene(open, &key, need_low, need_high));
    if let Some((texture, low, high)) = cache.latest() {
        let rect = Rect::from_min_max(frame.screen_from_world(low), frame.screen_from_world(high));
        let whole = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        painter.image(texture.id(), rect, whole, Color32::WHITE);
    }
    let positions = open.document.layout().positions();
    for &link in &focus.near_links {
        if let Some((source, target)) = open.link_ends(link) {
            let ends = [
                frame.screen_from_world(positions[source.index()]),
                frame.screen_from_world(positions[target.index()]),
            ];
            painter.line_segment(ends, Stroke::new(theme::LINK_WIDTH, color(theme::LINK)));
        }
    }
    let emphasised = on_screen.nodes.iter().copied();
    for node in emphasised.filter(|&node| focus.is_important(open, node) || focus.near_nodes.contains(&node)) {
        let center = frame.screen_from_world(positions[node.index()]);
        nodes::paint_node(painter, open, node, center, frame.detailed_radius_points(), false, false);
    }
    let labelled: Vec<NodeIx> = focus.by_importance.iter().copied().take(theme::OVERVIEW_LABELS).collect();
    labels::paint_labels(painter, open, &labelled, frame, focus, false, &mut frame.label_occupancy());
}

/// What the overview picture for `key` shows: every shown link a thin line and every shown
/// node a disc in its kind's colour, over world rectangle `low`..`high` grown by
/// [`OVERVIEW_MARGIN`] so that panning can move it a while before it is drawn again.
fn overview_scene(open: &OpenCase, key: &OverviewKey, low: WorldPoint, high: WorldPoint) -> OverviewScene {
    let margin = [(high[0] - low[0]) * OVERVIEW_MARGIN, (high[1] - low[1]) * OVERVIEW_MARGIN];
    let (low, high) = ([low[0] - margin[0], low[1] - margin[1]], [high[0] + margin[0], high[1] + margin[1]]);
    let pixels_per_world = key.zoom * key.pixels_per_point;
    let size = [((high[0] - low[0]) * pixels_per_world).ceil(), ((high[1] - low[1]) * pixels_per_world).ceil()];
    let size = size.map(|side| side.clamp(1.0, MAX_OVERVIEW_PIXELS));
    // A picture cut to the largest size covers less, and is drawn again sooner.
    let high = [low[0] + size[0] / pixels_per_world, low[1] + size[1] / pixels_per_world];
    // Lines straight from centre to centre: bows and loops are too small to see here.
    let case = open.document.case();
    let lines = LinkIx::all(case.links.len())
        .filter_map(|link| {
            open.link_ends(link).filter(|(source, target)| source != target && open.is_link_visible(link))
        })
        .map(|(source, target)| (source.index() as u32, target.index() as u32))
        .collect();
    let discs = NodeIx::all(case.nodes.len())
        .filter(|&node| open.is_node_visible(node))
        .map(|node| (node.index() as u32, color(theme::kind_style(case.nodes[node].kind).fill)))
        .collect();
    OverviewScene {
        key: key.clone(),
        low,
        high,
        size: size.map(|side| side as usize),
        pixels_per_world,
        positions: open.document.layout().positions().to_vec(),
        lines,
        line_colour: color(theme::LINK.with_alpha(theme::OVERVIEW_LINK_ALPHA)),
        discs,
        disc_radius: (theme::NODE_RADIUS * key.zoom).max(theme::OVERVIEW_MIN_NODE_RADIUS_POINTS) * key.pixels_per_point,
    }
}
