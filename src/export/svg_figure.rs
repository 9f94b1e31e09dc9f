//! The figure as SVG text: title, the case drawn with the canvas's shapes, colours, icons and
//! label sizes, the legend of what is shown, a caption and the source credit. SVG is the one
//! drawing; PNG and PDF are made from it, so the three never differ.

use std::fmt::Write as _;

use super::text_metrics::{text_width, wrap};
use super::{Background, Extent, FigureInput, FigureOptions};
use crate::icons;
use crate::layout::WorldPoint;
use crate::link_routes::{LinkRoute, link_routes};
use crate::model::{NodeKind, amount_text, link_caption};
use crate::theme::{self, Colour, LinePattern, NodeShape};

/// Space around the figure and between its parts, in figure units (CSS pixels).
const MARGIN: f32 = 24.0;
/// Title size.
const TITLE_SIZE: f32 = 22.0;
/// Legend, caption and credit text size.
const NOTE_SIZE: f32 = 12.0;
/// Radius of the shapes in the legend.
const LEGEND_SHAPE_RADIUS: f32 = 8.0;
/// The font stack: the bundled fonts first, so every renderer finds Latin, Cyrillic and Korean.
const FONT_FAMILY: &str = "DejaVu Sans, NanumGothic, sans-serif";
/// The smallest and largest node radius in a figure, so a large case stays legible and a
/// small one does not balloon.
const NODE_RADIUS_RANGE: (f32, f32) = (6.0, 16.0);
/// The graph part of the figure is at most this many times as tall as the figure is wide.
const MAX_GRAPH_ASPECT: f32 = 1.25;
/// Node labels wrap at about this width, in label-size units.
const LABEL_WRAP_EMS: f32 = 14.0;
/// Text colour of the caption and credit.
const NOTE: Colour = Colour::hex(0x374151);

/// A number as the SVG writes it: two decimals, never `-0.00`, the same on every machine.
fn number(value: f32) -> String {
    let text = format!("{value:.2}");
    if text == "-0.00" { "0.00".to_owned() } else { text }
}

fn colour(colour: Colour) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.r, colour.g, colour.b)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A line of text, centred or left-aligned at (`x`, `y`) (the baseline), with a halo of
/// `halo` around it when given, so it reads over lines.
#[allow(clippy::too_many_arguments)]
fn text(svg: &mut String, x: f32, y: f32, size: f32, fill: Colour, anchor: &str, halo: Option<Colour>, content: &str) {
    let halo = halo.map_or(String::new(), |halo| {
        format!(r#" stroke="{}" stroke-width="3" stroke-linejoin="round" paint-order="stroke""#, colour(halo))
    });
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{anchor}"{halo}>{}</text>"#,
        number(x),
        number(y),
        number(size),
        colour(fill),
        escape(content)
    );
}

fn points(points: impl IntoIterator<Item = [f32; 2]>) -> String {
    points.into_iter().map(|[x, y]| format!("{},{}", number(x), number(y))).collect::<Vec<_>>().join(" ")
}

/// A node's shape at `center` with `radius`.
fn shape(svg: &mut String, shape: NodeShape, center: [f32; 2], radius: f32, fill: Colour) {
    let common = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        colour(fill),
        colour(theme::NODE_OUTLINE),
        number(theme::NODE_OUTLINE_WIDTH)
    );
    let [cx, cy] = center;
    match shape {
        NodeShape::Circle => {
            let _ =
                writeln!(svg, r#"<circle cx="{}" cy="{}" r="{}" {common}/>"#, number(cx), number(cy), number(radius));
        }
        NodeShape::RoundedSquare => {
            let side = radius * 1.8;
            let _ = writeln!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" {common}/>"#,
                number(cx - side / 2.0),
                number(cy - side / 2.0),
                number(side),
                number(side),
                number(radius * 0.35)
            );
        }
        _ => {
            let corners = shape.corners(radius).into_iter().map(|[x, y]| [cx + x, cy + y]);
            let _ = writeln!(svg, r#"<polygon points="{}" {common}/>"#, points(corners));
        }
    }
}

/// A kind's icon inside its shape, stroked in white.
fn icon(svg: &mut String, kind: NodeKind, shape: NodeShape, center: [f32; 2], radius: f32) {
    let side = shape.icon_side() * radius;
    let scale = side / icons::ICON_BOX;
    let origin = [center[0] - side / 2.0, center[1] - side / 2.0];
    let width = (icons::ICON_STROKE * scale).max(0.75);
    for line in icons::icon_lines(kind) {
        let line = line.iter().map(|[x, y]| [origin[0] + x * scale, origin[1] + y * scale]);
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            points(line),
            colour(theme::ICON),
            number(width)
        );
    }
}

/// `line` with the last `length` of it cut off, so an arrowhead meets the node's outline.
fn trim_end(line: &[[f32; 2]], length: f32) -> Vec<[f32; 2]> {
    let mut line = line.to_vec();
    let mut left = length;
    while left > 0.0 && line.len() >= 2 {
        let (before, last) = (line[line.len() - 2], line[line.len() - 1]);
        let segment = ((last[0] - before[0]).powi(2) + (last[1] - before[1]).powi(2)).sqrt();
        if segment > left {
            let t = (segment - left) / segment;
            let end = line.len() - 1;
            line[end] = [before[0] + (last[0] - before[0]) * t, before[1] + (last[1] - before[1]) * t];
            break;
        }
        left -= segment;
        line.pop();
    }
    line
}

/// An axis-aligned box, for keeping captions off labels.
#[derive(Clone, Copy)]
struct Box2 {
    min: [f32; 2],
    max: [f32; 2],
}

impl Box2 {
    fn around(center: [f32; 2], width: f32, height: f32) -> Self {
        Self {
            min: [center[0] - width / 2.0, center[1] - height / 2.0],
            max: [center[0] + width / 2.0, center[1] + height / 2.0],
        }
    }

    fn overlaps(&self, other: &Box2) -> bool {
        self.min[0] < other.max[0]
            && other.min[0] < self.max[0]
            && self.min[1] < other.max[1]
            && other.min[1] < self.max[1]
    }
}

/// The lines of a node's label: its name, wrapped, and a transaction's amount.
fn label_lines(input: &FigureInput<'_>, node: usize, size: f32) -> Vec<String> {
    let item = &input.case.nodes[node];
    let mut lines = wrap(&item.label, size, size * LABEL_WRAP_EMS);
    if let Some(amount) = &item.amount {
        lines.push(amount_text(amount));
    }
    lines
}

/// The figure as SVG text.
pub fn figure_svg(input: &FigureInput<'_>, options: &FigureOptions) -> String {
    let width = options.width;
    let inner_width = width - 2.0 * MARGIN;
    let halo = match options.background {
        Background::Theme => theme::BACKGROUND,
        Background::White | Background::Transparent => Colour::hex(0xFFFFFF),
    };
    let mut body = String::new();
    let mut y = MARGIN;

    if let Some(title) = options.title.as_deref().filter(|title| !title.trim().is_empty()) {
        for line in wrap(title, TITLE_SIZE, inner_width) {
            y += TITLE_SIZE;
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{}">{}</text>"#,
                number(MARGIN),
                number(y),
                number(TITLE_SIZE),
                colour(theme::LABEL),
                escape(&line)
            );
            y += TITLE_SIZE * 0.3;
        }
        y += MARGIN * 0.5;
    }

    // Which nodes and links are shown.
    let case = input.case;
    let visible = |node: usize| !input.hidden_kinds.contains(&case.nodes[node].kind);
    let ends: Vec<Option<(usize, usize)>> = (0..case.links.len()).map(|link| input.graph.link_ends(link)).collect();
    let link_visible = |link: usize| ends[link].is_some_and(|(a, b)| visible(a) && visible(b));
    let nodes: Vec<usize> = (0..case.nodes.len()).filter(|&node| visible(node)).collect();

    // The part of the world to show, and the scale from world to figure.
    let world = match (options.extent, input.camera) {
        (Extent::Saved, Some(camera)) => {
            let half = [inner_width / 2.0 / camera.zoom as f32, inner_width * 0.625 / 2.0 / camera.zoom as f32];
            let center = [camera.center_x as f32, camera.center_y as f32];
            Some(([center[0] - half[0], center[1] - half[1]], [center[0] + half[0], center[1] + half[1]]))
        }
        _ => bounds(nodes.iter().map(|&node| input.positions[node]), theme::NODE_RADIUS),
    };
    let graph_top = y;
    if let Some((low, high)) = world {
        let world_size = [(high[0] - low[0]).max(1.0), (high[1] - low[1]).max(1.0)];
        let first_scale = (inner_width / world_size[0]).min(inner_width * MAX_GRAPH_ASPECT / world_size[1]);
        // Labels stick out beyond the nodes at the sides: make room for the widest.
        let size = theme::label_points(first_scale);
        let overhang = nodes
            .iter()
            .map(|&node| {
                let widest = label_lines(input, node, size).iter().map(|l| text_width(l, size)).fold(0.0, f32::max);
                widest / 2.0
            })
            .fold(0.0f32, f32::max);
        let scale = if options.extent == Extent::Saved && input.camera.is_some() {
            inner_width / world_size[0]
        } else {
            ((inner_width - 2.0 * overhang).max(inner_width * 0.5) / world_size[0])
                .min(inner_width * MAX_GRAPH_ASPECT / world_size[1])
        };
        let graph_width = world_size[0] * scale;
        let label_size = theme::label_points(scale);
        let radius = (theme::NODE_RADIUS * scale).clamp(NODE_RADIUS_RANGE.0, NODE_RADIUS_RANGE.1);
        let left = MARGIN + (inner_width - graph_width) / 2.0;
        let top = y + radius;
        let figure_of = |p: WorldPoint| [left + (p[0] - low[0]) * scale, top + (p[1] - low[1]) * scale];
        let graph_height = world_size[1] * scale + 2.0 * radius + label_size * 3.0;

        if options.extent == Extent::Saved && input.camera.is_some() {
            let _ = writeln!(
                body,
                r#"<clipPath id="graph"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath><g clip-path="url(#graph)">"#,
                number(MARGIN),
                number(y),
                number(inner_width),
                number(graph_height)
            );
        } else {
            body.push_str("<g>\n");
        }

        // Links first, under the nodes.
        let routes = link_routes(&ends, input.positions);
        let mut captions: Vec<(usize, [f32; 2])> = Vec::new();
        for (link, route) in routes.iter().enumerate() {
            let Some(route) = route.filter(|_| link_visible(link)) else { continue };
            let item = &case.links[link];
            let line: Vec<[f32; 2]> = route.polyline(16).into_iter().map(figure_of).collect();
            let line = trim_end(&line, if matches!(route, LinkRoute::Loop { .. }) { 0.0 } else { radius });
            let dash = match LinePattern::for_status(item.status) {
                LinePattern::Solid => String::new(),
                LinePattern::Dashed => {
                    format!(r#" stroke-dasharray="{} {}""#, number(theme::DASH_LENGTH), number(theme::DASH_GAP))
                }
            };
            let _ = writeln!(
                body,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{dash}/>"#,
                points(line.iter().copied()),
                colour(theme::LINK),
                number(theme::LINK_WIDTH)
            );
            if item.kind.is_directed()
                && let [.., before, tip] = line.as_slice()
            {
                let (dx, dy) = (tip[0] - before[0], tip[1] - before[1]);
                let length = (dx * dx + dy * dy).sqrt();
                if length > 0.0 {
                    let (ux, uy) = (dx / length, dy / length);
                    let back = [tip[0] - ux * theme::ARROW_LENGTH, tip[1] - uy * theme::ARROW_LENGTH];
                    let side = [-uy * theme::ARROW_WIDTH / 2.0, ux * theme::ARROW_WIDTH / 2.0];
                    let head = [*tip, [back[0] + side[0], back[1] + side[1]], [back[0] - side[0], back[1] - side[1]]];
                    let _ = writeln!(body, r#"<polygon points="{}" fill="{}"/>"#, points(head), colour(theme::LINK));
                }
            }
            if scale >= theme::LINK_LABELS_HIDDEN_BELOW_ZOOM {
                captions.push((link, figure_of(route.label_point())));
            }
        }

        // Nodes, then their labels (every one: a printed figure has no hover).
        for &node in &nodes {
            let item = &case.nodes[node];
            let style = theme::kind_style(item.kind);
            let center = figure_of(input.positions[node]);
            shape(&mut body, style.shape, center, radius, style.fill);
            if radius >= theme::MIN_ICON_RADIUS_POINTS * 0.75 {
                icon(&mut body, item.kind, style.shape, center, radius);
            }
        }
        let mut placed: Vec<Box2> = nodes
            .iter()
            .map(|&node| Box2::around(figure_of(input.positions[node]), 2.0 * radius, 2.0 * radius))
            .collect();
        for &node in &nodes {
            let center = figure_of(input.positions[node]);
            let lines = label_lines(input, node, label_size);
            let line_height = label_size * 1.2;
            let mut baseline = center[1] + radius * 1.3 + 2.0 + label_size;
            for line in &lines {
                text(&mut body, center[0], baseline, label_size, theme::LABEL, "middle", Some(halo), line);
                placed.push(Box2::around(
                    [center[0], baseline - label_size * 0.35],
                    text_width(line, label_size),
                    line_height,
                ));
                baseline += line_height;
            }
        }
        // Link captions where they cover no label or node, as on the canvas.
        let caption_size = label_size * theme::LINK_LABEL_SCALE;
        for (link, at) in captions {
            let caption = link_caption(&case.links[link]);
            let area = Box2::around(at, text_width(&caption, caption_size), caption_size * 1.2);
            if placed.iter().any(|other| other.overlaps(&area)) {
                continue;
            }
            placed.push(area);
            text(
                &mut body,
                at[0],
                at[1] + caption_size * 0.35,
                caption_size,
                theme::LINK_LABEL,
                "middle",
                Some(halo),
                &caption,
            );
        }
        body.push_str("</g>\n");
        y = graph_top + graph_height;
    }

    if options.legend {
        y = legend(&mut body, input, &nodes, &|link| link_visible(link), y + MARGIN * 0.5, inner_width);
    }
    for (note, italic) in [
        (options.caption.as_deref(), true),
        (options.sources.then(|| source_credit(input)).flatten().as_deref(), false),
    ] {
        let Some(note) = note.filter(|note| !note.trim().is_empty()) else { continue };
        y += NOTE_SIZE * 0.5;
        for line in wrap(note, NOTE_SIZE, inner_width) {
            y += NOTE_SIZE * 1.3;
            let style = if italic { r#" font-style="italic""# } else { "" };
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" font-size="{}" fill="{}"{style}>{}</text>"#,
                number(MARGIN),
                number(y),
                number(NOTE_SIZE),
                colour(NOTE),
                escape(&line)
            );
        }
    }
    let height = (y + MARGIN).ceil();

    let mut svg = String::new();
    let (width_attribute, height_attribute) = match options.width_mm {
        Some(mm) => (format!("{}mm", number(mm)), format!("{}mm", number(mm * height / width))),
        None => (number(width), number(height)),
    };
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width_attribute}" height="{height_attribute}" viewBox="0 0 {} {}" font-family="{FONT_FAMILY}">"#,
        number(width),
        number(height)
    );
    if let Some(title) = &options.title {
        let _ = writeln!(svg, "<title>{}</title>", escape(title));
    }
    match options.background {
        Background::Transparent => {}
        Background::White | Background::Theme => {
            let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="{}"/>"#, colour(halo));
        }
    }
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

/// The box around `points`, grown by `padding`; `None` when there are none.
fn bounds(points: impl Iterator<Item = WorldPoint>, padding: f32) -> Option<(WorldPoint, WorldPoint)> {
    points.fold(None, |acc, [x, y]| match acc {
        None => Some(([x - padding, y - padding], [x + padding, y + padding])),
        Some((low, high)) => Some((
            [low[0].min(x - padding), low[1].min(y - padding)],
            [high[0].max(x + padding), high[1].max(y + padding)],
        )),
    })
}

/// The legend: the kinds and line styles the figure shows, in rows; returns the new bottom.
fn legend(
    svg: &mut String,
    input: &FigureInput<'_>,
    nodes: &[usize],
    link_visible: &dyn Fn(usize) -> bool,
    top: f32,
    width: f32,
) -> f32 {
    let kinds: Vec<NodeKind> = NodeKind::ALL
        .into_iter()
        .filter(|kind| nodes.iter().any(|&node| input.case.nodes[node].kind == *kind))
        .collect();
    let patterns: Vec<LinePattern> = [LinePattern::Solid, LinePattern::Dashed]
        .into_iter()
        .filter(|pattern| {
            (0..input.case.links.len())
                .any(|link| link_visible(link) && LinePattern::for_status(input.case.links[link].status) == *pattern)
        })
        .collect();
    enum Entry {
        Kind(NodeKind),
        Line(LinePattern),
    }
    let entries: Vec<Entry> = kinds.into_iter().map(Entry::Kind).chain(patterns.into_iter().map(Entry::Line)).collect();
    if entries.is_empty() {
        return top;
    }
    let row_height = 2.0 * LEGEND_SHAPE_RADIUS + 8.0;
    let mut x = MARGIN;
    let mut row_top = top;
    for entry in entries {
        let (label, mark_width) = match &entry {
            Entry::Kind(kind) => (theme::kind_style(*kind).legend, 2.0 * LEGEND_SHAPE_RADIUS),
            Entry::Line(pattern) => (pattern.legend(), 28.0),
        };
        let entry_width = mark_width + 6.0 + text_width(label, NOTE_SIZE) + 18.0;
        if x > MARGIN && x + entry_width > MARGIN + width {
            x = MARGIN;
            row_top += row_height;
        }
        let middle = row_top + row_height / 2.0;
        match entry {
            Entry::Kind(kind) => {
                let style = theme::kind_style(kind);
                let center = [x + LEGEND_SHAPE_RADIUS, middle];
                shape(svg, style.shape, center, LEGEND_SHAPE_RADIUS, style.fill);
                icon(svg, kind, style.shape, center, LEGEND_SHAPE_RADIUS);
            }
            Entry::Line(pattern) => {
                let dash = match pattern {
                    LinePattern::Solid => String::new(),
                    LinePattern::Dashed => {
                        format!(r#" stroke-dasharray="{} {}""#, number(theme::DASH_LENGTH), number(theme::DASH_GAP))
                    }
                };
                let _ = writeln!(
                    svg,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{dash}/>"#,
                    number(x),
                    number(middle),
                    number(x + mark_width),
                    number(middle),
                    colour(theme::LINK),
                    number(theme::LINK_WIDTH)
                );
            }
        }
        text(svg, x + mark_width + 6.0, middle + NOTE_SIZE * 0.35, NOTE_SIZE, theme::LABEL, "start", None, label);
        x += entry_width;
    }
    row_top + row_height
}

/// "Sources: Reuters, 6 June 2018; Dong-A Ilbo, 4 April 2008": every source the case cites,
/// in file order, once each.
pub fn source_credit(input: &FigureInput<'_>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for source in &input.case.sources {
        let part = match &source.date {
            Some(date) => format!("{}, {}", source.publisher, date.in_words()),
            None => source.publisher.clone(),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    (!parts.is_empty()).then(|| format!("Sources: {}", parts.join("; ")))
}
