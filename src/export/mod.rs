//! Figures for publication, drawn from the case rather than grabbed from the screen: the same
//! theme, shapes, icons and label sizes as the canvas, at any resolution, with a legend and a
//! source credit. The figure is made once as SVG; PNG is rendered from that SVG and PDF
//! converted from it, so the formats always agree. Nothing here knows about windows, and the
//! same case and options always give the same bytes.

mod figure_graph;
mod ledger;
mod pdf_pages;
mod story;
mod story_html;
mod svg_figure;
mod svg_primitives;
mod text_metrics;

use std::path::Path;

pub use ledger::{FigureRisk, LedgerFormat, ledger_report, ledger_summary};
pub use story::{StoryFile, StoryInput, quote_source, step_count, story_pages, story_pdf};
pub use story_html::story_html;
pub use svg_figure::{figure_svg, source_credit};

use crate::fonts::FIGURE_FONTS;
use crate::layout::WorldPoint;
use crate::model::{Camera, Case, CaseGraph, FigureSettings, Scene};

/// The file formats a figure can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureFormat {
    /// A raster image.
    Png,
    /// Vector graphics with real, editable text.
    Svg,
    /// Vector graphics with the fonts embedded.
    Pdf,
}

impl FigureFormat {
    /// Every format, in the order dialogs offer them.
    pub const ALL: [FigureFormat; 3] = [FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf];

    /// The file name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FigureFormat::Png => "png",
            FigureFormat::Svg => "svg",
            FigureFormat::Pdf => "pdf",
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }
}

/// What a figure is drawn from.
#[derive(Clone)]
pub struct FigureInput<'a> {
    /// The case.
    pub case: &'a Case,
    /// Look-ups over it.
    pub graph: &'a CaseGraph,
    /// Where each node is, indexed like `case.nodes`.
    pub positions: &'a [WorldPoint],
    /// What is drawn in full, dimmed or left out (see [`Scene::of`]).
    pub scene: Scene,
    /// The saved camera, for [`crate::model::FigureExtent::Saved`].
    pub camera: Option<Camera>,
}

/// Why a figure could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An option is out of range.
    #[error("{0}")]
    Option(String),
    /// The SVG could not be read back for rendering (a bug: the SVG is ours).
    #[error("the figure could not be rendered: {0}")]
    Render(String),
}

/// The figure in `format`, as bytes to write to a file; an error when a setting is out of
/// range.
pub fn render_figure(
    input: &FigureInput<'_>,
    settings: &FigureSettings,
    format: FigureFormat,
) -> Result<Vec<u8>, ExportError> {
    if let Some(problem) = settings.problem() {
        return Err(ExportError::Option(problem));
    }
    let svg = figure_svg(input, settings);
    match format {
        FigureFormat::Svg => Ok(svg.into_bytes()),
        FigureFormat::Png => png_from_svg(&svg, settings.size.raster_scale() as f32),
        FigureFormat::Pdf => pdf_from_svg(&svg),
    }
}

/// The bundled fonts, and nothing from the machine, so figures are the same everywhere.
/// (resvg and svg2pdf share one usvg, so this serves both.)
fn parse(svg: &str) -> Result<resvg::usvg::Tree, ExportError> {
    let mut options = resvg::usvg::Options::default();
    let database = options.fontdb_mut();
    for font in FIGURE_FONTS {
        database.load_font_data(font.bytes.to_vec());
    }
    database.set_sans_serif_family(crate::fonts::DEJAVU_SANS.family);
    resvg::usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))
}

/// A rendered figure: its size in pixels and its pixels, RGBA with premultiplied alpha.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigurePixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows top to bottom, four bytes a pixel.
    pub rgba_premultiplied: Vec<u8>,
}

/// The figure rendered at `scale` pixels per figure unit, for showing it (the export
/// dialog's preview) rather than writing it.
pub fn figure_pixels(
    input: &FigureInput<'_>,
    settings: &FigureSettings,
    scale: f32,
) -> Result<FigurePixels, ExportError> {
    if let Some(problem) = settings.problem() {
        return Err(ExportError::Option(problem));
    }
    let pixmap = pixmap_from_svg(&figure_svg(input, settings), scale)?;
    Ok(FigurePixels { width: pixmap.width(), height: pixmap.height(), rgba_premultiplied: pixmap.take() })
}

fn pixmap_from_svg(svg: &str, scale: f32) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or_else(|| ExportError::Render("empty figure".into()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ExportError::Render("the figure is too large to render".into()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Ok(pixmap)
}

fn png_from_svg(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    pixmap_from_svg(svg, scale)?.encode_png().map_err(|error| ExportError::Render(error.to_string()))
}

fn pdf_from_svg(svg: &str) -> Result<Vec<u8>, ExportError> {
    svg2pdf::to_pdf(&parse(svg)?, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(|error| ExportError::Render(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_is_known_by_its_own_ending_in_any_case() {
        for format in FigureFormat::ALL {
            let name = format!("figure.{}", format.extension().to_uppercase());
            assert_eq!(FigureFormat::from_path(Path::new(&name)), Some(format));
        }
        assert_eq!(FigureFormat::from_path(Path::new("figure.jpeg")), None);
        assert_eq!(FigureFormat::from_path(Path::new("figure")), None);
    }
}
