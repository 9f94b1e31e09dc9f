//! The theme's marks as the window draws them: colours, each kind's shape and icon, and the
//! small marks for a pinned node and an unsupported claim. The canvas, the legend and the
//! evidence panel all draw with these, so a kind looks the same wherever it appears.

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

use crate::icons;
use crate::model::NodeKind;
use crate::theme::{self, Colour, NodeShape};

/// A theme colour as egui's.
pub fn color(colour: Colour) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r, colour.g, colour.b, colour.a)
}

/// `colour`, faded back when `faded` (what is not near the hovered item).
pub fn faded(colour: Color32, faded: bool) -> Color32 {
    if faded { colour.gamma_multiply(f32::from(theme::FADED_ALPHA) / 255.0) } else { colour }
}

/// Draws one node outline of `shape`.
pub fn paint_shape(
    painter: &egui::Painter,
    shape: NodeShape,
    center: Pos2,
    radius: f32,
    fill: Color32,
    outline: Stroke,
) {
    match shape {
        NodeShape::Circle => {
            painter.circle(center, radius, fill, outline);
        }
        NodeShape::RoundedSquare => {
            let rect = Rect::from_center_size(center, Vec2::splat(radius * 1.8));
            painter.rect(rect, CornerRadius::same((radius * 0.35) as u8), fill, outline, StrokeKind::Middle);
        }
        _ => {
            let points = shape.corners(radius).into_iter().map(|[x, y]| center + vec2(x, y)).collect();
            painter.add(Shape::convex_polygon(points, fill, outline));
        }
    }
}

/// Strokes `kind`'s icon inside a node of `shape` and `radius` at `center`.
pub fn paint_icon(
    painter: &egui::Painter,
    kind: NodeKind,
    shape: NodeShape,
    center: Pos2,
    radius: f32,
    colour: Color32,
) {
    let side = shape.icon_side() * radius;
    let scale = side / icons::ICON_BOX;
    let origin = center - Vec2::splat(side / 2.0);
    let stroke = Stroke::new((icons::ICON_STROKE * scale).max(1.0), colour);
    for line in icons::icon_lines(kind) {
        let points: Vec<Pos2> = line.iter().map(|[x, y]| origin + vec2(x * scale, y * scale)).collect();
        painter.add(Shape::line(points, stroke));
    }
}

/// The red "!" of a claim no quote supports, centred at `at`.
pub fn paint_unsupported_mark(painter: &egui::Painter, at: Pos2, faded_now: bool) {
    painter.circle_filled(at, theme::MARK_RADIUS_POINTS, faded(color(theme::UNSUPPORTED), faded_now));
    let font = FontId::proportional(theme::MARK_TEXT_POINTS);
    painter.text(at, Align2::CENTER_CENTER, "!", font, color(theme::ICON));
}

/// The number of independent sources behind a claim, in a dark disc at `at`.
pub fn paint_support_badge(painter: &egui::Painter, at: Pos2, independent_sources: u32) {
    painter.circle_filled(at, theme::SUPPORT_BADGE_RADIUS_POINTS, color(theme::SUPPORT_BADGE));
    let font = FontId::proportional(theme::SUPPORT_BADGE_TEXT_POINTS);
    painter.text(at, Align2::CENTER_CENTER, independent_sources.to_string(), font, color(theme::ICON));
}

/// The pin of a node the layout leaves where it is, its head at `at`; `with_needle` adds the
/// needle, as on a node.
pub fn paint_pin_mark(painter: &egui::Painter, at: Pos2, with_needle: bool, faded_now: bool) {
    let colour = faded(color(theme::PIN), faded_now);
    painter.circle_filled(at, theme::PIN_HEAD_RADIUS_POINTS, colour);
    if with_needle {
        painter.line_segment([at, at + vec2(-3.0, 5.0)], Stroke::new(1.5, colour));
    }
}
