//! The story exported: a page per step, with the step's figure (its camera, what it shows
//! and dims), its title, its caption and the quotes it cites with their sources. A page is one
//! SVG, as a figure is; PNG and PDF are made from it, and the PDF holds every page.

use std::fmt::Write as _;

use super::figure_graph::Shown;
use super::svg_figure::{MARGIN, NOTE, NOTE_SIZE, NOTE_TEXT, graph_and_legend, halo_colour, root, title_lines};
use super::svg_primitives::{Text, colour, escape, layer, number};
use super::text_metrics::{Weight, text_width, weighted_text_width};
use super::{ExportError, FigureFormat, FigureInput, parse};
use crate::layout::WorldPoint;
use crate::model::{
    Camera, Case, CaseGraph, Emphasis, FigureExtent, FigureSettings, NodeIx, Presence, QuoteIx, SourceNote, StepIx,
    StoryStep, caption_runs, new_ids::slug,
};
use crate::theme;

/// Caption text size: larger than notes, as it carries the story.
const CAPTION_SIZE: f32 = 15.0;
/// Line height of caption and citations, in font sizes.
const LINE_HEIGHT: f32 = 1.35;

/// What a story is drawn from.
#[derive(Clone, Copy)]
pub struct StoryInput<'a> {
    /// The case, with its story.
    pub case: &'a Case,
    /// Look-ups over it.
    pub graph: &'a CaseGraph,
    /// Where each node is, indexed like `case.nodes`.
    pub positions: &'a [WorldPoint],
}

impl<'a> StoryInput<'a> {
    /// The figure of `step` in a figure `width` wide: its scene, and its camera, or else one
    /// framing what it highlights with the dimmed rest around.
    pub fn step_figure(&self, step: &StoryStep, width: f32) -> FigureInput<'a> {
        let scene = step.scene(self.case, self.graph);
        let camera = step.camera.or_else(|| {
            let dims_some = scene.dimmed_count() > 0;
            let lit = NodeIx::all(self.case.nodes.len()).filter(|&node| scene.node(node) == Presence::Full);
            dims_some.then(|| framing(lit.map(|node| self.positions[node.index()]), width - 2.0 * MARGIN)).flatten()
        });
        FigureInput { case: self.case, graph: self.graph, positions: self.positions, scene, camera }
    }
}

/// The least width of the world a framing camera shows, in node radii: a step about one node
/// still shows its neighbourhood.
const FRAMING_MIN_WIDTH_RADII: f32 = 24.0;
/// Space around what a framing camera frames, in node radii, for labels.
const FRAMING_PADDING_RADII: f32 = 6.0;

/// A camera showing `points` whole in a graph band `band_width` wide (the figure's band is
/// 1.6 times as wide as tall); `None` for no points.
fn framing(points: impl Iterator<Item = WorldPoint>, band_width: f32) -> Option<Camera> {
    let (low, high) = points.fold(None, |bounds: Option<(WorldPoint, WorldPoint)>, [x, y]| {
        Some(match bounds {
            None => ([x, y], [x, y]),
            Some((low, high)) => ([low[0].min(x), low[1].min(y)], [high[0].max(x), high[1].max(y)]),
        })
    })?;
    let padding = FRAMING_PADDING_RADII * theme::NODE_RADIUS;
    let width = (high[0] - low[0] + 2.0 * padding).max(FRAMING_MIN_WIDTH_RADII * theme::NODE_RADIUS);
    let height = high[1] - low[1] + 2.0 * padding;
    let zoom = (band_width / width).min(band_width * 0.625 / height);
    Some(Camera {
        center_x: f64::from((low[0] + high[0]) / 2.0),
        center_y: f64::from((low[1] + high[1]) / 2.0),
        zoom: f64::from(zoom),
    })
}

/// The settings of a step's figure: the story's own, showing what the step's camera sees when
/// it has one, and no heading, caption or source note, which the page sets itself.
pub(super) fn step_settings(settings: &FigureSettings, figure: &FigureInput<'_>) -> FigureSettings {
    FigureSettings {
        extent: if figure.camera.is_some() { FigureExtent::Saved } else { FigureExtent::Whole },
        title: Some(String::new()),
        caption: None,
        sources: SourceNote::None,
        ..settings.clone()
    }
}

/// "Step 2 of 8".
pub fn step_count(step: StepIx, total: usize) -> String {
    format!("Step {} of {total}", step.index() + 1)
}

/// One step's page: its SVG body and the height it needs.
struct StepPage {
    body: String,
    height: f32,
}

/// Draws the page of `step`.
fn step_page(input: &StoryInput<'_>, settings: &FigureSettings, step: StepIx) -> StepPage {
    let steps = &input.case.story.steps;
    let data = &steps[step];
    let width = settings.size.layout_width() as f32;
    let inner_width = width - 2.0 * MARGIN;
    let halo = halo_colour(settings);
    let mut body = String::new();
    let mut heading = String::new();
    let mut y = MARGIN + NOTE_SIZE;
    Text { at: [MARGIN, y], fill: NOTE, style: r#" class="step-count""#, ..NOTE_TEXT }
        .write(&mut heading, &step_count(step, steps.len()));
    y = title_lines(&mut heading, &data.title, y, inner_width);
    layer(&mut body, "title", "Title", None, &heading);

    let figure = input.step_figure(data, width);
    let figure_settings = step_settings(settings, &figure);
    let shown = Shown::new(&figure);
    let band = super::figure_graph::Band { top_left: [MARGIN, y], width: inner_width, halo };
    y = graph_and_legend(&mut body, &figure, &figure_settings, &shown, None, &band).bottom;

    let mut text = String::new();
    if let Some(caption) = data.caption.as_deref().filter(|caption| !caption.trim().is_empty()) {
        y += CAPTION_SIZE * 0.5;
        for line in rich_lines(caption, CAPTION_SIZE, inner_width) {
            y += CAPTION_SIZE * LINE_HEIGHT;
            rich_text(&mut text, [MARGIN, y], CAPTION_SIZE, &line);
        }
        layer(&mut body, "caption", "Caption", None, &text);
    }
    let mut cited = String::new();
    y = citations(&mut cited, input, &data.cited_quotes(input.case, input.graph), y, inner_width);
    layer(&mut body, "citations", "Citations", None, &cited);
    StepPage { body, height: (y + MARGIN).ceil() }
}

/// The quotes cited, each set off by a bar at its left, word for word, with its source under
/// it, below `y`; returns the new bottom.
fn citations(svg: &mut String, input: &StoryInput<'_>, quotes: &[QuoteIx], mut y: f32, width: f32) -> f32 {
    let indent = NOTE_SIZE;
    for &quote in quotes {
        let data = &input.case.quotes[quote];
        y += NOTE_SIZE * 0.8;
        let top = y;
        for line in super::text_metrics::wrap(&data.text, NOTE_SIZE, width - indent) {
            y += NOTE_SIZE * LINE_HEIGHT;
            Text { at: [MARGIN + indent, y], fill: theme::LABEL, ..NOTE_TEXT }.write(svg, &line);
        }
        for line in super::text_metrics::wrap(&quote_source(input.case, quote), NOTE_SIZE, width - 2.0 * indent) {
            y += NOTE_SIZE * LINE_HEIGHT;
            Text { at: [MARGIN + 2.0 * indent, y], style: r#" font-style="italic""#, ..NOTE_TEXT }.write(svg, &line);
        }
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="3" height="{}" fill="{}"/>"#,
            number(MARGIN),
            number(top + NOTE_SIZE * 0.3),
            number(y - top),
            colour(theme::CITATION_BAR)
        );
    }
    y
}

/// "— Reuters, 6 June 2018, p. 3": where a quote comes from.
pub fn quote_source(case: &Case, quote: QuoteIx) -> String {
    let data = &case.quotes[quote];
    let mut parts: Vec<String> = Vec::new();
    match case.sources.iter().find(|source| source.id == data.source) {
        Some(source) => {
            parts.push(source.publisher.clone());
            parts.extend(source.date.map(|date| date.in_words()));
        }
        None => parts.push(data.source.to_string()),
    }
    parts.extend(data.locator.clone());
    format!("— {}", parts.join(", "))
}

/// A caption in lines of at most `width`, each a list of runs of text and their emphasis.
fn rich_lines(caption: &str, size: f32, width: f32) -> Vec<Vec<(String, Emphasis)>> {
    let measure = |text: &str, emphasis: Emphasis| match emphasis {
        Emphasis::Strong => weighted_text_width(Weight::Bold, text, size),
        Emphasis::Plain | Emphasis::Emphasis => text_width(text, size),
    };
    let mut lines: Vec<Vec<(String, Emphasis)>> = vec![Vec::new()];
    let mut line_width = 0.0;
    for run in caption_runs(caption) {
        for (index, word) in run.text.split(' ').enumerate() {
            let space = index > 0;
            let line = lines.last_mut().expect("there is always a line");
            let gap = if space && !line.is_empty() { measure(" ", Emphasis::Plain) } else { 0.0 };
            let word_width = measure(word, run.emphasis);
            // A run that goes on a word (the comma after **Lee**) stays with it.
            if space && !line.is_empty() && line_width + gap + word_width > width && !word.is_empty() {
                lines.push(vec![(word.to_owned(), run.emphasis)]);
                line_width = word_width;
                continue;
            }
            let text = if gap > 0.0 { format!(" {word}") } else { word.to_owned() };
            line_width += gap + word_width;
            match line.last_mut() {
                Some((last, emphasis)) if *emphasis == run.emphasis => last.push_str(&text),
                _ => line.push((text, run.emphasis)),
            }
        }
    }
    lines.retain(|line| line.iter().any(|(text, _)| !text.trim().is_empty()));
    lines
}

/// One line of runs as a `text` element, emphasis as `tspan`s.
fn rich_text(svg: &mut String, at: [f32; 2], size: f32, line: &[(String, Emphasis)]) {
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}" xml:space="preserve">"#,
        number(at[0]),
        number(at[1]),
        number(size),
        colour(theme::LABEL)
    );
    for (text, emphasis) in line {
        match emphasis {
            Emphasis::Plain => svg.push_str(&escape(text)),
            Emphasis::Emphasis => {
                let _ = write!(svg, r#"<tspan font-style="italic">{}</tspan>"#, escape(text));
            }
            Emphasis::Strong => {
                let _ = write!(svg, r#"<tspan font-weight="bold">{}</tspan>"#, escape(text));
            }
        }
    }
    svg.push_str("</text>\n");
}

/// Every step's page as SVG, each `height` tall at least (so a PDF's pages match).
fn page_svgs(input: &StoryInput<'_>, settings: &FigureSettings, same_height: bool) -> Vec<String> {
    let pages: Vec<StepPage> =
        StepIx::all(input.case.story.steps.len()).map(|step| step_page(input, settings, step)).collect();
    let tallest = pages.iter().map(|page| page.height).fold(0.0, f32::max);
    let width = settings.size.layout_width() as f32;
    pages
        .into_iter()
        .zip(&input.case.story.steps)
        .map(|(page, step)| {
            let height = if same_height { tallest } else { page.height };
            let mut svg = root(settings, Some(&step.title), [width, height], halo_colour(settings));
            svg.push_str(&page.body);
            svg.push_str("</svg>\n");
            svg
        })
        .collect()
}

/// Why a story cannot be exported before anything is drawn.
fn check(input: &StoryInput<'_>, settings: &FigureSettings) -> Result<(), ExportError> {
    if let Some(problem) = settings.problem() {
        return Err(ExportError::Option(problem));
    }
    if input.case.story.is_empty() {
        return Err(ExportError::Option(
            "the case tells no story yet: add steps in the window (View → Story) first".to_owned(),
        ));
    }
    Ok(())
}

/// One file a story export writes into its folder: its name and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFile {
    /// "01-michurin-meets-lee.svg": numbered, so a folder lists the steps in order.
    pub name: String,
    /// What goes in it.
    pub bytes: Vec<u8>,
}

/// A PNG or SVG file per step, numbered in story order.
pub fn story_pages(
    input: &StoryInput<'_>,
    settings: &FigureSettings,
    format: FigureFormat,
) -> Result<Vec<StoryFile>, ExportError> {
    check(input, settings)?;
    let digits = input.case.story.steps.len().to_string().len().max(2);
    let mut files = Vec::new();
    for (index, (svg, step)) in page_svgs(input, settings, false).into_iter().zip(&input.case.story.steps).enumerate() {
        let stem = slug(&step.title, 40);
        let name = format!("{:0digits$}-{stem}.{}", index + 1, format.extension());
        let bytes = match format {
            FigureFormat::Svg => svg.into_bytes(),
            FigureFormat::Png => super::png_from_svg(&svg, settings.size.raster_scale() as f32)?,
            FigureFormat::Pdf => super::pdf_from_svg(&svg)?,
        };
        files.push(StoryFile { name, bytes });
    }
    Ok(files)
}

/// The story as one PDF of a page per step, the pages all one size.
pub fn story_pdf(input: &StoryInput<'_>, settings: &FigureSettings) -> Result<Vec<u8>, ExportError> {
    check(input, settings)?;
    let trees = page_svgs(input, settings, true).iter().map(|svg| parse(svg)).collect::<Result<Vec<_>, _>>()?;
    super::pdf_pages::pdf_of_pages(&trees, &input.case.info.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_lines_keep_every_word_its_emphasis_and_their_width() {
        let caption = "Michurin *says* he met **Lee**, the embassy's trade man, in 2013 and again later that year.";
        let lines = rich_lines(caption, 15.0, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        let text: String = lines
            .iter()
            .map(|line| line.iter().map(|(text, _)| text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(text, crate::model::caption_plain(caption));
        assert!(
            lines.iter().flatten().any(|(text, emphasis)| text.contains("says") && *emphasis == Emphasis::Emphasis)
        );
        assert!(lines.iter().flatten().any(|(text, emphasis)| text.contains("Lee") && *emphasis == Emphasis::Strong));
        for line in &lines {
            let width: f32 = line.iter().map(|(text, _)| text_width(text, 15.0)).sum();
            assert!(width <= 200.0 * 1.05, "{line:?} is {width} wide");
        }
    }
}
