//! One node drawn in full: its kind's shape and icon (outlined heavier when two or more
//! independent sources back it), the selection ring, the pinned and unsupported marks, and the
//! count of its independent sources when hovered or selected.

use egui::{Pos2, Stroke, vec2};

use super::super::command::Selection;
use super::super::marks::{
    color, faded, paint_icon, paint_pin_mark, paint_shape, paint_support_badge, paint_unsupported_mark,
};
use super::super::open_case::OpenCase;
use crate::model::{ItemRef, NodeIx};
use crate::theme;

/// Draws node `node` at `center` with `radius` in screen points, faded back when `faded_now`.
pub(super) fn paint_node(
    painter: &egui::Painter,
    open: &OpenCase,
    node: NodeIx,
    center: Pos2,
    radius: f32,
    faded_now: bool,
    hovered: bool,
) {
    let item = &open.document.case().nodes[node];
    let style = theme::kind_style(item.kind);
    let fill = faded(color(style.fill), faded_now);
    let support = open.support(ItemRef::Node(node));
    let width = if support.is_corroborated() { theme::CORROBORATED_OUTLINE_WIDTH } else { theme::NODE_OUTLINE_WIDTH };
    let outline = Stroke::new(width, faded(color(theme::NODE_OUTLINE), faded_now));
    let selected = open.selection == Some(Selection::Node(node));
    if selected {
        let ring = Stroke::new(theme::SELECTION_WIDTH, color(theme::SELECTION));
        painter.circle_stroke(center, radius * 1.45 + 2.0, ring);
    }
    paint_shape(painter, style.shape, center, radius, fill, outline);
    if radius >= theme::MIN_ICON_RADIUS_POINTS {
        paint_icon(painter, item.kind, style.shape, center, radius, faded(color(theme::ICON), faded_now));
    }
    if open.document.layout().is_pinned(node) {
        paint_pin_mark(painter, center + vec2(radius * 0.8, -radius * 0.8), true, faded_now);
    }
    if open.is_unsupported_node(node) {
        paint_unsupported_mark(painter, center + vec2(-radius * 0.9, -radius * 0.9), faded_now);
    } else if selected || hovered {
        paint_support_badge(painter, center + vec2(radius * 0.95, radius * 0.95), support.independent_sources);
    }
}
