//! Node labels and link captions, each placed where it covers no node and no other label.
//! The most important claim space first; one with no free side is left out until zooming
//! makes room, unless it is important.

use egui::{CornerRadius, FontId, Rect, pos2};

use super::super::marks::{color, faded};
use super::super::open_case::OpenCase;
use super::FrameGeometry;
use super::focus::Focus;
use super::links::Caption;
use crate::label_placement::{Area, Occupancy, place_label};
use crate::layout::WorldPoint;
use crate::model::{amount_text, link_caption};
use crate::theme;

/// Marks the boxes of `nodes` as taken, so no label covers a node.
pub(super) fn occupy_nodes(occupancy: &mut Occupancy, nodes: &[usize], positions: &[WorldPoint], frame: FrameGeometry) {
    let side = 2.0 * frame.node_radius_points;
    for &node in nodes {
        let center = frame.screen_from_world(positions[node]);
        occupancy.insert(Area::around([center.x, center.y], [side, side]));
    }
}

/// Labels `nodes` in the order given (most important first), each on the first side of its
/// node where it covers nothing. With `fade`, labels away from the hovered item fade back.
pub(super) fn paint_labels(
    painter: &egui::Painter,
    open: &OpenCase,
    nodes: &[usize],
    frame: FrameGeometry,
    focus: &Focus,
    fade: bool,
    occupancy: &mut Occupancy,
) {
    let font = FontId::proportional(theme::label_points(frame.camera.zoom));
    let clip = painter.clip_rect();
    let positions = open.document.layout.positions();
    for &node in nodes {
        let important = focus.is_important(open, node);
        let faded_now = fade && focus.is_faded_node(node);
        let item = &open.document.case.nodes[node];
        let mut text = theme::short_label(&item.label).into_owned();
        if let Some(amount) = &item.amount {
            text.push('\n');
            text.push_str(&amount_text(amount));
        }
        let text_colour = faded(color(theme::LABEL), faded_now);
        let galley = painter.layout_no_wrap(text, font.clone(), text_colour);
        let center = frame.screen_from_world(positions[node]);
        let size = galley.size();
        let placement = place_label(
            occupancy,
            [center.x, center.y],
            frame.node_radius_points * 1.3 + 2.0,
            [size.x, size.y],
            theme::LABEL_GAP_POINTS,
            None,
        );
        let rect = rect_of(placement.area);
        if !clip.intersects(rect) || (!important && placement.covered > 0.0) {
            continue;
        }
        occupancy.insert(placement.area);
        painter.rect_filled(rect.expand(1.5), CornerRadius::same(2), faded(color(theme::LABEL_HALO), faded_now));
        painter.galley(rect.min, galley, text_colour);
    }
}

/// Link captions where they cover no label or node, important ones first.
pub(super) fn paint_captions(
    painter: &egui::Painter,
    open: &OpenCase,
    mut captions: Vec<Caption>,
    occupancy: &mut Occupancy,
    zoom: f32,
) {
    let font = FontId::proportional(theme::label_points(zoom) * theme::LINK_LABEL_SCALE);
    captions.sort_by_key(|caption| (!caption.important, caption.link));
    for caption in captions {
        let text_colour = faded(color(theme::LINK_LABEL), caption.faded);
        let text = link_caption(&open.document.case.links[caption.link]);
        let galley = painter.layout_no_wrap(text, font.clone(), text_colour);
        let area = Area::around([caption.at.x, caption.at.y], [galley.size().x, galley.size().y]);
        if !caption.important && !occupancy.is_free(&area.grown(theme::LABEL_GAP_POINTS)) {
            continue;
        }
        occupancy.insert(area);
        let rect = rect_of(area);
        painter.rect_filled(rect.expand(1.5), CornerRadius::same(2), faded(color(theme::LABEL_HALO), caption.faded));
        painter.galley(rect.min, galley, text_colour);
    }
}

fn rect_of(area: Area) -> Rect {
    Rect::from_min_max(pos2(area.min[0], area.min[1]), pos2(area.max[0], area.max[1]))
}
