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
use crate::model::{NodeIx, amount_text, link_caption};
use crate::theme;

/// Marks the boxes of `nodes` as taken, so no label covers a node.
pub(super) fn occupy_nodes(
    occupancy: &mut Occupancy,
    nodes: &[NodeIx],
    positions: &[WorldPoint],
    frame: FrameGeometry,
) {
    let side = 2.0 * frame.node_radius_points;
    for &node in nodes {
        let center = frame.screen_from_world(positions[node.index()]);
        occupancy.insert(Area::around([center.x, center.y], [side, side]));
    }
}

/// Labels `nodes` in the order given (most important first), each on the first side of its
/// node where it covers nothing. With `fade`, labels away from the hovered item fade back.
pub(super) fn paint_labels(
    painter: &egui::Painter,
    open: &OpenCase,
    nodes: &[NodeIx],
    frame: FrameGeometry,
    focus: &Focus,
    fade: bool,
    occupancy: &mut Occupancy,
) {
    let font = FontId::proportional(theme::label_points(frame.camera.zoom));
    let clip = painter.clip_rect();
    let positions = open.document.layout().positions();
    for &node in nodes {
        let important = focus.is_important(open, node);
        let faded_now = (fade && focus.is_faded_node(open, node))
            || open.presence(crate::model::ItemRef::Node(node)) == crate::model::Presence::Dimmed;
        let item = &open.document.case().nodes[node];
        let mut text = theme::short_label(&item.label).into_owned();
        if let Some(amount) = &item.amount {
            text.push('\n');
            text.push_str(&amount_text(amount));
        }
        let text_colour = faded(color(theme::LABEL), faded_now);
        let galley = painter.layout_no_wrap(text, font.clone(), text_colour);
        let center = frame.screen_from_world(positions[node.index()]);
        let size = galley.size();
        let placement = place_label(
            occupancy,
            [center.x, center.y],
            theme::label_clearance(frame.node_radius_points),
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

/// Link captions where they cover no label or node, important ones first; see
/// [`caption_place`].
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
        let text = link_caption(&open.document.case().links[caption.link]);
        let galley = painter.layout_no_wrap(text, font.clone(), text_colour);
        let size = [galley.size().x, galley.size().y];
        let Some(area) = caption_place(occupancy, [caption.at.x, caption.at.y], size, caption.forced) else {
            continue;
        };
        occupancy.insert(area);
        let rect = rect_of(area);
        painter.rect_filled(rect.expand(1.5), CornerRadius::same(2), faded(color(theme::LABEL_HALO), caption.faded));
        painter.galley(rect.min, galley, text_colour);
    }
}

/// Where a caption of `size` goes for the link whose middle is `at`, by the rule node labels
/// follow: on the middle if it is free, else on the first free side touching it. A caption
/// with no free place is left out, unless `forced` (the selected or hovered link's own), which
/// takes the place that covers least.
fn caption_place(occupancy: &Occupancy, at: [f32; 2], size: [f32; 2], forced: bool) -> Option<Area> {
    let centred = Area::around(at, size);
    if occupancy.is_free(&centred.grown(theme::LABEL_GAP_POINTS)) {
        return Some(centred);
    }
    let placement = place_label(occupancy, at, CAPTION_CLEARANCE_POINTS, size, theme::LABEL_GAP_POINTS, None);
    (placement.covered == 0.0 || forced).then_some(placement.area)
}

/// How far a caption moved off its link's middle keeps from it, in points: clear of the line.
const CAPTION_CLEARANCE_POINTS: f32 = 2.0;

fn rect_of(area: Area) -> Rect {
    Rect::from_min_max(pos2(area.min[0], area.min[1]), pos2(area.max[0], area.max[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hub's captions, all at about the same point: none covers another, and the selected
    /// link's is always placed.
    #[test]
    fn a_hubs_captions_do_not_pile_up() {
        let mut occupancy = Occupancy::new(40.0);
        occupancy.insert(Area::around([200.0, 200.0], [32.0, 32.0]));
        let mut placed: Vec<Area> = Vec::new();
        for link in 0..11 {
            let angle = link as f32 * 0.57;
            let at = [200.0 + 40.0 * angle.cos(), 200.0 + 40.0 * angle.sin()];
            if let Some(area) = caption_place(&occupancy, at, [70.0, 12.0], false) {
                occupancy.insert(area);
                placed.push(area);
            }
        }
        assert!(placed.len() >= 4, "only {} of 11 placed", placed.len());
        for (index, area) in placed.iter().enumerate() {
            for other in &placed[index + 1..] {
                assert_eq!(area.overlap(other), 0.0, "{area:?} and {other:?}");
            }
        }
        assert!(caption_place(&occupancy, [200.0, 240.0], [70.0, 12.0], true).is_some(), "the selected link's");
    }
}
