//! The figure as SVG text: a bold title, the graph (see `figure_graph`), the legend of what
//! is shown, a caption, and the sources: a credit line, or a numbered list that the markers on
//! the links point into. SVG is the one drawing; PNG and PDF are made from it, so the three
//! never differ.

use std::fmt::Write as _;

use super::FigureInput;
use super::figure_graph::{Band, GraphDrawing, Shown, SourceNumbers, draw_graph};
use super::svg_primitives::{
    Anchor, INKSCAPE_NAMESPACE, Text, colour, dash_attribute, escape, icon, layer, number, shape,
};
use super::text_metrics::{Weight, text_width, weighted_wrap, wrap};
use crate::model::{FigureBackground, FigureSettings, NodeKind, SourceIx, SourceNote};
use crate::theme::{self, Colour, LinePattern};

/// Space around the figure and between its parts, in figure units (CSS pixels).
pub(super) const MARGIN: f32 = 24.0;
/// Title size.
pub(super) const TITLE_SIZE: f32 = 22.0;
/// Legend, caption and credit text size.
pub(super) const NOTE_SIZE: f32 = 12.0;
/// Radius of the shapes in the legend.
const LEGEND_SHAPE_RADIUS: f32 = 8.0;
/// The font stack: the bundled fonts first, so every renderer finds Latin, Cyrillic and Korean.
const FONT_FAMILY: &str = "DejaVu Sans, NanumGothic, sans-serif";
/// Text colour of the caption and credit.
pub(super) const NOTE: Colour = Colour::hex(0x374151);

/// The figure as SVG text.
pub fn figure_svg(input: &FigureInput<'_>, settings: &FigureSettings) -> String {
    figure(input, settings).0
}

/// The figure, and what drawing its graph left behind. Each part is a named layer: title,
/// links, nodes, labels, legend, caption and sources.
fn figure(input: &FigureInput<'_>, settings: &FigureSettings) -> (String, GraphDrawing) {
    let width = settings.size.layout_width() as f32;
    let heading = settings.heading(&input.case.info.title);
    let inner_width = width - 2.0 * MARGIN;
    let halo = halo_colour(settings);
    let mut body = String::new();
    let mut y = MARGIN;
    if let Some(title) = heading {
        let mut part = String::new();
        y = title_lines(&mut part, title, y, inner_width);
        layer(&mut body, "title", "Title", None, &part);
    }
    let shown = Shown::new(input);
    let numbers = (settings.sources == SourceNote::Numbered).then(|| SourceNumbers::new(input, &shown));
    let band = Band { top_left: [MARGIN, y], width: inner_width, halo };
    let drawing = graph_and_legend(&mut body, input, settings, &shown, numbers.as_ref(), &band);
    y = drawing.bottom;
    if let Some(caption) = settings.caption.as_deref().filter(|caption| !caption.trim().is_empty()) {
        let mut part = String::new();
        y += NOTE_SIZE * 0.5;
        for line in wrap(caption, NOTE_SIZE, inner_width) {
            y += NOTE_SIZE * 1.3;
            Text { at: [MARGIN, y], style: r#" font-style="italic""#, ..NOTE_TEXT }.write(&mut part, &line);
        }
        layer(&mut body, "caption", "Caption", None, &part);
    }
    if settings.sources != SourceNote::None {
        let mut part = String::new();
        y = source_note(&mut part, input, numbers.as_ref(), y, inner_width);
        layer(&mut body, "sources", "Sources", None, &part);
    }
    let height = (y + MARGIN).ceil();
    let mut svg = root(settings, heading, [width, height], halo);
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    (svg, drawing)
}

/// The colour behind the figure, and around labels so they read over lines.
pub(super) fn halo_colour(settings: &FigureSettings) -> Colour {
    match settings.background {
        FigureBackground::Theme => theme::BACKGROUND,
        FigureBackground::White | FigureBackground::Transparent => Colour::hex(0xFFFFFF),
    }
}

/// The graph in `band`, and its legend under it when the settings ask for one; the drawing's
/// bottom is below both.
pub(super) fn graph_and_legend(
    body: &mut String,
    input: &FigureInput<'_>,
    settings: &FigureSettings,
    shown: &Shown,
    numbers: Option<&SourceNumbers>,
    band: &Band,
) -> GraphDrawing {
    let mut drawing = draw_graph(body, input, settings, shown, numbers, band);
    if settings.legend {
        let mut part = String::new();
        let entries = legend_entries(input, shown, settings.support);
        drawing.bottom = legend(&mut part, entries, drawing.bottom + MARGIN * 0.5, band.width);
        layer(body, "legend", "Legend", None, &part);
    }
    drawing
}

/// The text style of the caption and the sources.
pub(super) const NOTE_TEXT: Text<'static> =
    Text { at: [MARGIN, 0.0], size: NOTE_SIZE, fill: NOTE, anchor: Anchor::Start, halo: None, style: "" };

/// The title in bold, wrapped, below `y`; returns the new bottom.
pub(super) fn title_lines(svg: &mut String, title: &str, mut y: f32, width: f32) -> f32 {
    let text = Text {
        at: [MARGIN, 0.0],
        size: TITLE_SIZE,
        fill: theme::LABEL,
        anchor: Anchor::Start,
        halo: None,
        style: r#" font-weight="bold""#,
    };
    for line in weighted_wrap(Weight::Bold, title, TITLE_SIZE, width) {
        y += TITLE_SIZE;
        Text { at: [MARGIN, y], ..text }.write(svg, &line);
        y += TITLE_SIZE * 0.3;
    }
    y + MARGIN * 0.5
}

/// The sources under the figure, below `y`: the numbered list the markers point into, or a
/// credit line. Returns the new bottom.
fn source_note(
    svg: &mut String,
    input: &FigureInput<'_>,
    numbers: Option<&SourceNumbers>,
    mut y: f32,
    width: f32,
) -> f32 {
    let Some(numbers) = numbers else {
        if let Some(credit) = source_credit(input) {
            y += NOTE_SIZE * 0.5;
            for line in wrap(&credit, NOTE_SIZE, width) {
                y += NOTE_SIZE * 1.3;
                Text { at: [MARGIN, y], ..NOTE_TEXT }.write(svg, &line);
            }
        }
        return y;
    };
    // A numbered list: the number hangs in the margin of its entry.
    let indent = text_width("00", NOTE_SIZE) + 6.0;
    y += NOTE_SIZE * 0.5;
    for (number, source) in numbers.list() {
        let entry = source_entry(input, source);
        for (index, line) in wrap(&entry, NOTE_SIZE, width - indent).into_iter().enumerate() {
            y += NOTE_SIZE * 1.3;
            if index == 0 {
                let at = [MARGIN + indent - 6.0, y];
                Text { at, anchor: Anchor::End, style: r#" font-weight="bold""#, ..NOTE_TEXT }
                    .write(svg, &number.to_string());
            }
            Text { at: [MARGIN + indent, y], ..NOTE_TEXT }.write(svg, &line);
        }
    }
    y
}

/// The opening of the SVG, `size` in figure units: the root element (in mm for print sizes,
/// declaring the layers' namespace), the title for screen readers, and the background.
pub(super) fn root(
    settings: &FigureSettings,
    heading: Option<&str>,
    [width, height]: [f32; 2],
    halo: Colour,
) -> String {
    let mut svg = String::new();
    let (width_attribute, height_attribute) = match settings.size.width_mm() {
        Some(mm) => {
            let mm = mm as f32;
            (format!("{}mm", number(mm)), format!("{}mm", number(mm * height / width)))
        }
        None => (number(width), number(height)),
    };
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="{INKSCAPE_NAMESPACE}" width="{width_attribute}" height="{height_attribute}" viewBox="0 0 {} {}" font-family="{FONT_FAMILY}">"#,
        number(width),
        number(height)
    );
    if let Some(title) = heading {
        let _ = writeln!(svg, "<title>{}</title>", escape(title));
    }
    match settings.background {
        FigureBackground::Transparent => {}
        FigureBackground::White | FigureBackground::Theme => {
            let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="{}"/>"#, colour(halo));
        }
    }
    svg
}

/// One entry of the legend.
enum Entry {
    Kind(NodeKind),
    Line(LinePattern),
    /// The heavier line of a claim two or more independent sources back.
    Corroborated,
}

/// The kinds and line styles the figure shows, and with `support` the heavier line.
fn legend_entries(input: &FigureInput<'_>, shown: &Shown, support: bool) -> Vec<Entry> {
    let kinds: Vec<NodeKind> = NodeKind::ALL
        .into_iter()
        .filter(|kind| shown.nodes.iter().any(|&node| input.case.nodes[node].kind == *kind))
        .collect();
    let patterns: Vec<LinePattern> = [LinePattern::Solid, LinePattern::Dashed]
        .into_iter()
        .filter(|pattern| {
            (0..input.case.links.len())
                .any(|link| shown.links[link] && LinePattern::for_status(input.case.links[link].status) == *pattern)
        })
        .collect();
    let corroborated = support.then_some(Entry::Corroborated);
    kinds.into_iter().map(Entry::Kind).chain(patterns.into_iter().map(Entry::Line)).chain(corroborated).collect()
}

/// The legend's entries in rows; returns the new bottom.
fn legend(svg: &mut String, entries: Vec<Entry>, top: f32, width: f32) -> f32 {
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
            Entry::Corroborated => (CORROBORATED_LEGEND, 28.0),
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
                shape(svg, style.shape, center, LEGEND_SHAPE_RADIUS, style.fill, theme::NODE_OUTLINE_WIDTH);
                icon(svg, kind, style.shape, center, LEGEND_SHAPE_RADIUS);
            }
            Entry::Line(pattern) => legend_line(svg, [x, x + mark_width], middle, theme::LINK_WIDTH, pattern),
            Entry::Corroborated => {
                legend_line(svg, [x, x + mark_width], middle, theme::CORROBORATED_LINK_WIDTH, LinePattern::Solid);
            }
        }
        let at = [x + mark_width + 6.0, middle + NOTE_SIZE * 0.35];
        Text { at, size: NOTE_SIZE, fill: theme::LABEL, anchor: Anchor::Start, halo: None, style: "" }
            .write(svg, label);
        x += entry_width;
    }
    row_top + row_height
}

/// What the heavier line means, in the legend.
const CORROBORATED_LEGEND: &str = "Two or more independent sources";

/// A legend's line sample from `xs[0]` to `xs[1]` at height `y`.
fn legend_line(svg: &mut String, xs: [f32; 2], y: f32, width: f32, pattern: LinePattern) {
    let _ = writeln!(
        svg,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>"#,
        number(xs[0]),
        number(y),
        number(xs[1]),
        number(y),
        colour(theme::LINK),
        number(width),
        dash_attribute(pattern)
    );
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

/// One entry of the numbered source list: "Polina Nikolskaya, “Title”, Reuters, 6 June 2018.
/// https://…".
pub(super) fn source_entry(input: &FigureInput<'_>, source: SourceIx) -> String {
    let source = &input.case.sources[source];
    let mut parts: Vec<String> = Vec::new();
    if !source.authors.is_empty() {
        parts.push(source.authors.join(", "));
    }
    parts.push(format!("“{}”", source.title));
    parts.push(source.publisher.clone());
    if let Some(date) = &source.date {
        parts.push(date.in_words());
    }
    let mut entry = format!("{}.", parts.join(", "));
    if let Some(url) = &source.url {
        entry.push(' ');
        entry.push_str(url);
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{ForceLayout, LayoutSettings};
    use crate::model::{CaseGraph, FigureSize, Scene};

    /// The bundled sample at `width` pixels, laid out as the export command does: its labels.
    fn sample_labels(width: f64) -> Vec<super::super::figure_graph::PlacedLabel> {
        let (case, _) = crate::sample::load_sample().into_result().expect("the sample opens");
        let graph = CaseGraph::new(&case);
        let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
        layout.run_until_settled();
        let input = FigureInput {
            case: &case,
            graph: &graph,
            positions: layout.positions(),
            scene: Scene::everything(&case),
            camera: None,
        };
        let settings = FigureSettings { size: FigureSize::Pixels { width, scale: 1.0 }, ..Default::default() };
        let labels = figure(&input, &settings).1.labels;
        assert_eq!(labels.len(), case.nodes.len(), "every node is labelled");
        labels
    }

    /// Every label touches its node's box: at most half a line of text away.
    #[test]
    fn every_label_of_the_sample_figure_stays_with_its_node() {
        for width in [1600.0, 1200.0, 900.0] {
            for label in sample_labels(width) {
                let (area, node) = (label.placement.area, label.node_box);
                let away_x = (area.min[0] - node.max[0]).max(node.min[0] - area.max[0]).max(0.0);
                let away_y = (area.min[1] - node.max[1]).max(node.min[1] - area.max[1]).max(0.0);
                let line_height = (area.max[1] - area.min[1]) / label.lines.len() as f32;
                assert!(
                    away_x.max(away_y) <= line_height / 2.0,
                    "at {width} px, the label {:?} is {away_x} × {away_y} from its node",
                    label.lines
                );
            }
        }
    }

    #[test]
    fn no_two_labels_of_the_sample_figure_overlap() {
        for width in [1600.0, 1200.0, 900.0] {
            let labels = sample_labels(width);
            for (index, label) in labels.iter().enumerate() {
                for other in &labels[index + 1..] {
                    let overlap = label.placement.area.overlap(&other.placement.area);
                    assert_eq!(
                        overlap, 0.0,
                        "at {width} px, the labels of nodes {} and {} overlap",
                        label.node, other.node
                    );
                }
            }
        }
    }
}
