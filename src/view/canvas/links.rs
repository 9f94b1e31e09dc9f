//! Links drawn in full: their lines (dashed when qualified, heavier when two or more
//! independent sources back them), arrowheads, the selection band, the unsupported mark or
//! the count of independent sources when hovered or selected; their captions wait for a place among the labels.

use egui::{Color32, Pos2, Shape, Stroke, pos2, vec2};

use super::super::command::Selection;
use super::super::marks::{color, faded, paint_support_badge, paint_unsupported_mark};
use super::super::open_case::OpenCase;
use super::FrameGeometry;
use super::focus::Focus;
use super::picking::CURVE_SEGMENTS;
use crate::link_routes::{LinkRoute, arrowhead, trim_polyline_end};
use crate::model::{ItemRef, LinkIx};
use crate::theme::{self, LinePattern};

/// A link's caption waiting for a place among the labels.
pub(super) struct Caption {
    /// The link.
    pub(super) link: LinkIx,
    /// Where it goes: the middle of the line.
    pub(super) at: Pos2,
    /// Placed before the others: the selected link, or one near the hovered item.
    pub(super) important: bool,
    /// Placed even where it overlaps: the selected or hovered link's own.
    pub(super) forced: bool,
    /// Faded back with its link.
    pub(super) faded: bool,
}

/// Draws `links` and returns their captions, for those zoomed in enough or selected.
pub(super) fn paint_links(
    painter: &egui::Painter,
    open: &OpenCase,
    routes: &[Option<LinkRoute>],
    frame: FrameGeometry,
    links: &[LinkIx],
    focus: &Focus,
) -> Vec<Caption> {
    let show_captions = frame.camera.zoom >= theme::LINK_LABELS_HIDDEN_BELOW_ZOOM;
    let mut captions = Vec::new();
    for &link in links {
        let Some(route) = routes[link.index()] else { continue };
        let selected = open.selection == Some(Selection::Link(link));
        let faded_now = focus.is_faded_link(open, link);
        paint_link(painter, open, link, route, frame, selected, faded_now);
        let middle = frame.screen_from_world(route.label_point());
        if open.is_unsupported_link(link) {
            paint_unsupported_mark(painter, middle + vec2(0.0, -8.0), faded_now);
        }
        if show_captions || selected {
            let important = selected || (focus.hovered.is_some() && !faded_now);
            let forced = selected || focus.hovered == Some(Selection::Link(link));
            captions.push(Caption { link, at: middle, important, forced, faded: faded_now });
        }
    }
    captions
}

/// The number of independent sources of the selected and the hovered link, over everything
/// else (labels and captions included), so it is never hidden.
pub(super) fn paint_link_badges(
    painter: &egui::Painter,
    open: &OpenCase,
    routes: &[Option<LinkRoute>],
    frame: FrameGeometry,
    focus: &Focus,
) {
    for selection in [open.selection, focus.hovered] {
        let Some(Selection::Link(link)) = selection else { continue };
        let Some(Some(route)) = routes.get(link.index()) else { continue };
        if open.is_unsupported_link(link) {
            continue;
        }
        let middle = frame.screen_from_world(route.label_point());
        let sources = open.support(ItemRef::Link(link)).independent_sources;
        paint_support_badge(painter, middle + vec2(0.0, -theme::SUPPORT_BADGE_RADIUS_POINTS - 4.0), sources);
    }
}

/// One link's line, with its selection band and arrowhead.
fn paint_link(
    painter: &egui::Painter,
    open: &OpenCase,
    link: LinkIx,
    route: LinkRoute,
    frame: FrameGeometry,
    selected: bool,
    faded_now: bool,
) {
    let item = &open.document.case().links[link];
    let line: Vec<Pos2> = route.polyline(CURVE_SEGMENTS).into_iter().map(|p| frame.screen_from_world(p)).collect();
    let stroke_colour = faded(color(theme::LINK), faded_now);
    if selected {
        let band = Stroke::new(theme::LINK_WIDTH + 2.0 * theme::SELECTION_WIDTH, color(theme::SELECTION));
        painter.add(Shape::line(line.clone(), band));
    }
    // Stop the line at the target's outline, so the arrowhead is seen.
    let trim = if matches!(route, LinkRoute::Loop { .. }) { 0.0 } else { frame.node_radius_points };
    let points: Vec<[f32; 2]> = line.iter().map(|p| [p.x, p.y]).collect();
    let line: Vec<Pos2> = trim_polyline_end(&points, trim).into_iter().map(|[x, y]| pos2(x, y)).collect();
    let corroborated = open.support(ItemRef::Link(link)).is_corroborated();
    let width = if corroborated { theme::CORROBORATED_LINK_WIDTH } else { theme::LINK_WIDTH };
    let stroke = Stroke::new(width, stroke_colour);
    match LinePattern::for_status(item.status) {
        LinePattern::Solid => {
            painter.add(Shape::line(line.clone(), stroke));
        }
        LinePattern::Dashed => {
            painter.extend(Shape::dashed_line(&line, stroke, theme::DASH_LENGTH, theme::DASH_GAP));
        }
    }
    if item.kind.is_directed()
        && let [.., before, tip] = line.as_slice()
    {
        paint_arrowhead(painter, *before, *tip, stroke_colour);
    }
}

fn paint_arrowhead(painter: &egui::Painter, from: Pos2, tip: Pos2, colour: Color32) {
    if let Some(corners) = arrowhead([from.x, from.y], [tip.x, tip.y]) {
        let corners = corners.into_iter().map(|[x, y]| pos2(x, y)).collect();
        painter.add(Shape::convex_polygon(corners, colour, Stroke::NONE));
    }
}
