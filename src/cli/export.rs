//! `casegraph export`: a figure of a case, written without opening a window.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};

use super::vocabulary_argument::VocabularyParser;
use crate::document::replace_atomically;
use crate::export::{FigureFormat, FigureInput, FigureRisk, render_figure};
use crate::layout::{ForceLayout, LayoutSettings};
use crate::model::{
    Case, CaseGraph, FigureBackground, FigureExtent, FigureSettings, FigureSize, Ledger, Scene, SceneRules, SourceNote,
    documents_beside, load_case_file,
};

/// The options of `casegraph export`. Each option overrides the figure settings saved in the
/// case file (see `view.figure` in the file format); what is not given comes from there, or
/// from the defaults when the case has none.
#[derive(Debug, clap::Args)]
pub struct ExportArguments {
    /// The case file (*.case.json).
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// The figure to write: FIGURE.png, FIGURE.svg or FIGURE.pdf. With --story: STORY.pdf,
    /// STORY.html, or a folder DIR/ for a file per step.
    #[arg(short, long, value_name = "FIGURE")]
    pub output: PathBuf,
    /// Export the case's story, a step at a time: a PDF of a page per step, one HTML file
    /// that steps through them, or a folder of an SVG (or PNG) per step.
    #[arg(long)]
    pub story: bool,
    /// With --story and a folder: the format of each step's file [default: svg].
    #[arg(long, requires = "story", value_parser = ["svg", "png"])]
    pub step_format: Option<String>,
    /// PNG pixels per figure pixel, 1 to 4 [default: 1].
    #[arg(long)]
    pub scale: Option<f64>,
    /// Width in pixels [default: 1200].
    #[arg(long, conflicts_with = "width_mm")]
    pub width: Option<f64>,
    /// Width in millimetres, for print: text and lines get their printed size.
    #[arg(long, value_name = "MM")]
    pub width_mm: Option<f64>,
    /// PNG dots per inch for a print width [default: 300].
    #[arg(long)]
    pub dpi: Option<f64>,
    /// The whole case, or the view the case was saved with [default: whole].
    #[arg(long, value_parser = VocabularyParser::<FigureExtent>::new())]
    pub view: Option<FigureExtent>,
    /// The background [default: white].
    #[arg(long, value_parser = VocabularyParser::<FigureBackground>::new())]
    pub background: Option<FigureBackground>,
    /// The heading [default: the case's title].
    #[arg(long)]
    pub title: Option<String>,
    /// Leave the heading out.
    #[arg(long, conflicts_with = "title")]
    pub no_title: bool,
    /// A caption under the figure.
    #[arg(long)]
    pub caption: Option<String>,
    /// Leave the legend out.
    #[arg(long)]
    pub no_legend: bool,
    /// Refuse to write a figure that shows claims with a blocking risk or not marked reviewed
    /// (see `casegraph review`); without it, they are only warned about.
    #[arg(long)]
    pub strict: bool,
    /// Draw support: claims two or more independent sources back are drawn heavier, and the
    /// legend says so.
    #[arg(long)]
    pub support: bool,
    /// How to name the sources: a credit line, numbered markers on the links with a list
    /// under the figure, or not at all [default: credit].
    #[arg(long, value_parser = VocabularyParser::<SourceNote>::new())]
    pub sources: Option<SourceNote>,
    /// Leave the sources out (the same as --sources none).
    #[arg(long, conflicts_with = "sources")]
    pub no_sources: bool,
}

impl ExportArguments {
    /// `saved` with the options given on the command line put over it.
    pub fn settings(&self, saved: Option<&FigureSettings>) -> anyhow::Result<FigureSettings> {
        let mut settings = saved.cloned().unwrap_or_default();
        settings.size = match settings.size {
            FigureSize::Pixels { width, scale } if self.width_mm.is_none() => {
                if self.dpi.is_some() {
                    bail!("--dpi is for print sizes; give --width-mm too, or use --scale for a size in pixels");
                }
                FigureSize::Pixels { width: self.width.unwrap_or(width), scale: self.scale.unwrap_or(scale) }
            }
            FigureSize::Print { width_mm, dpi } if self.width.is_none() => {
                if self.scale.is_some() {
                    bail!("--scale is for sizes in pixels; this figure is sized for print, so use --dpi or --width");
                }
                FigureSize::Print { width_mm: self.width_mm.unwrap_or(width_mm), dpi: self.dpi.unwrap_or(dpi) }
            }
            // Switching between pixels and print starts from that kind's defaults.
            FigureSize::Pixels { .. } => {
                FigureSize::Print { width_mm: self.width_mm.unwrap_or(180.0), dpi: self.dpi.unwrap_or(300.0) }
            }
            FigureSize::Print { .. } => {
                FigureSize::Pixels { width: self.width.unwrap_or(1200.0), scale: self.scale.unwrap_or(1.0) }
            }
        };
        if let Some(extent) = self.view {
            settings.extent = extent;
        }
        if let Some(background) = self.background {
            settings.background = background;
        }
        if self.no_title {
            settings.title = Some(String::new());
        } else if let Some(title) = &self.title {
            settings.title = Some(title.clone());
        }
        if let Some(caption) = &self.caption {
            settings.caption = Some(caption.clone()).filter(|caption| !caption.trim().is_empty());
        }
        if self.no_legend {
            settings.legend = false;
        }
        if self.support {
            settings.support = true;
        }
        if self.no_sources {
            settings.sources = SourceNote::None;
        } else if let Some(sources) = self.sources {
            settings.sources = sources;
        }
        Ok(settings)
    }
}

/// The case at `path`, its look-ups, and its layout at rest: saved positions, and the rest
/// laid out from the case's seed, as the window would show it.
pub(super) fn laid_out_case(path: &Path) -> anyhow::Result<(Case, CaseGraph, ForceLayout)> {
    let (case, _warnings) = match load_case_file(path).into_result() {
        Ok(loaded) => loaded,
        Err(error) => bail!("{error}"),
    };
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    Ok((case, graph, layout))
}

/// Warns, on standard error, that `risk` shows claims not ready for publication; `true`
/// when `--strict` then forbids writing.
pub(super) fn refused_for_risk(arguments: &ExportArguments, risk: &FigureRisk, what: &str) -> bool {
    if risk.is_clear() {
        return false;
    }
    let file = arguments.case.display();
    eprintln!("casegraph: {file}: the {what} shows {}; see `casegraph review {file}`", risk.words());
    if arguments.strict {
        eprintln!("casegraph: nothing written (--strict)");
    }
    arguments.strict
}

/// Writes the figure, or with `--story` the story; prints where it went and its size.
pub fn run(arguments: &ExportArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if arguments.story {
        return super::export_story::run(arguments, out);
    }
    let format = FigureFormat::from_path(&arguments.output).ok_or_else(|| {
        anyhow!("{}: name the figure FIGURE.png, FIGURE.svg or FIGURE.pdf", arguments.output.display())
    })?;
    let (case, graph, layout) = laid_out_case(&arguments.case)?;
    let settings = arguments.settings(case.view.figure.as_ref())?;
    let rules = SceneRules { hidden_kinds: &case.view.hidden_kinds, ..SceneRules::default() };
    let input = FigureInput {
        case: &case,
        graph: &graph,
        positions: layout.positions(),
        scene: Scene::of(&case, &graph, &rules),
        camera: case.view.camera,
    };
    let ledger = Ledger::of(&case, &graph, &documents_beside(&arguments.case));
    if refused_for_risk(arguments, &FigureRisk::of(&ledger, &input.scene), "figure") {
        return Ok(ExitCode::from(1));
    }
    let bytes = render_figure(&input, &settings, format)?;
    replace_atomically(&arguments.output, &bytes)
        .with_context(|| format!("cannot write {}", arguments.output.display()))?;
    writeln!(out, "wrote {} ({} bytes)", arguments.output.display(), bytes.len())?;
    Ok(ExitCode::SUCCESS)
}
