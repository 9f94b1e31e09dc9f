//! Figures for publication, drawn from the case rather than grabbed from the screen: the same
//! theme, shapes, icons and label sizes as the canvas, at any resolution, with a legend and a
//! source credit. The figure is made once as SVG; PNG is rendered from that SVG and PDF
//! converted from it, so the formats always agree. Nothing here knows about windows, and the
//! same case and options always give the same bytes.

mod svg_figure;
mod text_metrics;

use std::path::Path;
use std::sync::Arc;

pub use svg_figure::{figure_svg, source_credit};
pub use text_metrics::{text_width, wrap};

use crate::fonts::BUNDLED_FONTS;
use crate::layout::WorldPoint;
use crate::model::{Camera, Case, CaseGraph, NodeKind};

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

/// Which part of the case the figure shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Every visible node.
    Whole,
    /// What the saved camera shows (the whole case when none was saved).
    Saved,
}

/// What is behind the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    /// White, for print.
    White,
    /// Nothing: the page shows through.
    Transparent,
    /// The canvas colour.
    Theme,
}

/// How a figure is made.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureOptions {
    /// Width in figure units (CSS pixels; one PNG pixel at scale 1).
    pub width: f32,
    /// When set, the SVG and PDF give their size in millimetres (this width), for print.
    pub width_mm: Option<f32>,
    /// PNG pixels per figure unit, from 1 to 4.
    pub scale: f32,
    /// The part of the case shown.
    pub extent: Extent,
    /// The background.
    pub background: Background,
    /// The heading; `None` for none.
    pub title: Option<String>,
    /// A caption under the figure.
    pub caption: Option<String>,
    /// Whether to draw the legend.
    pub legend: bool,
    /// Whether to credit the sources under the figure.
    pub sources: bool,
}

impl FigureOptions {
    /// The defaults for `case`: 1,200 units wide, the whole case on white, its title, the
    /// legend and the source credit.
    pub fn for_case(case: &Case) -> Self {
        Self {
            width: 1200.0,
            width_mm: None,
            scale: 1.0,
            extent: Extent::Whole,
            background: Background::White,
            title: Some(case.info.title.clone()),
            caption: None,
            legend: true,
            sources: true,
        }
    }
}

/// What a figure is drawn from.
#[derive(Clone, Copy)]
pub struct FigureInput<'a> {
    /// The case.
    pub case: &'a Case,
    /// Look-ups over it.
    pub graph: &'a CaseGraph,
    /// Where each node is, indexed like `case.nodes`.
    pub positions: &'a [WorldPoint],
    /// Kinds left out.
    pub hidden_kinds: &'a [NodeKind],
    /// The saved camera, for [`Extent::Saved`].
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

/// The figure in `format`, as bytes to write to a file.
pub fn render_figure(
    input: &FigureInput<'_>,
    options: &FigureOptions,
    format: FigureFormat,
) -> Result<Vec<u8>, ExportError> {
    if !(1.0..=4.0).contains(&options.scale) {
        return Err(ExportError::Option(format!("the scale must be from 1 to 4, not {}", options.scale)));
    }
    if !(100.0..=20_000.0).contains(&options.width) {
        return Err(ExportError::Option(format!("the width must be from 100 to 20,000 pixels, not {}", options.width)));
    }
    let svg = figure_svg(input, options);
    match format {
        FigureFormat::Svg => Ok(svg.into_bytes()),
        FigureFormat::Png => png_from_svg(&svg, options.scale),
        FigureFormat::Pdf => pdf_from_svg(&svg),
    }
}

/// The bundled fonts, and nothing from the machine, so figures are the same everywhere.
fn font_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    let database = options.fontdb_mut();
    for font in BUNDLED_FONTS {
        database.load_font_data(font.bytes.to_vec());
    }
    database.set_sans_serif_family(crate::fonts::DEJAVU_SANS.family);
    options
}

fn parse(svg: &str) -> Result<resvg::usvg::Tree, ExportError> {
    resvg::usvg::Tree::from_str(svg, &font_options()).map_err(|error| ExportError::Render(error.to_string()))
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
    options: &FigureOptions,
    scale: f32,
) -> Result<FigurePixels, ExportError> {
    let pixmap = pixmap_from_svg(&figure_svg(input, options), scale)?;
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
    let mut options = svg2pdf::usvg::Options::default();
    let database = Arc::make_mut(&mut options.fontdb);
    for font in BUNDLED_FONTS {
        database.load_font_data(font.bytes.to_vec());
    }
    database.set_sans_serif_family(crate::fonts::DEJAVU_SANS.family);
    let tree = svg2pdf::usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(|error| ExportError::Render(error.to_string()))
}
