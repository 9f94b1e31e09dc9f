//! `casegraph export`: a figure of a case, written without opening a window.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};

use crate::document::replace_atomically;
use crate::export::{Background, Extent, FigureFormat, FigureInput, FigureOptions, render_figure};
use crate::layout::{ForceLayout, LayoutSettings};
use crate::model::{CaseGraph, load_case_file};

/// The options of `casegraph export`.
#[derive(Debug, clap::Args)]
pub struct ExportArguments {
    /// The case file (*.case.json).
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// The figure to write: FIGURE.png, FIGURE.svg or FIGURE.pdf.
    #[arg(short, long, value_name = "FIGURE")]
    pub output: PathBuf,
    /// PNG pixels per figure unit, 1 to 4.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Width in pixels (figure units).
    #[arg(long, default_value_t = 1200.0, conflicts_with = "width_mm")]
    pub width: f32,
    /// Width in millimetres, for print; with --dpi it sets the pixel width.
    #[arg(long, value_name = "MM")]
    pub width_mm: Option<f32>,
    /// Dots per inch for --width-mm.
    #[arg(long, default_value_t = 300.0, requires = "width_mm")]
    pub dpi: f32,
    /// The whole case, or the view the case was saved with.
    #[arg(long, value_enum, default_value = "whole")]
    pub view: ViewArgument,
    /// The background.
    #[arg(long, value_enum, default_value = "white")]
    pub background: BackgroundArgument,
    /// The heading (default: the case's title).
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
    /// Leave the source credit out.
    #[arg(long)]
    pub no_sources: bool,
}

/// `--view`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ViewArgument {
    /// Every visible node.
    Whole,
    /// What the saved camera shows.
    Saved,
}

/// `--background`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum BackgroundArgument {
    /// White, for print.
    White,
    /// None.
    Transparent,
    /// The canvas colour.
    Theme,
}

/// Writes the figure; prints where it went and its size.
pub fn run(arguments: &ExportArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = FigureFormat::from_path(&arguments.output).ok_or_else(|| {
        anyhow!("{}: name the figure FIGURE.png, FIGURE.svg or FIGURE.pdf", arguments.output.display())
    })?;
    let report = load_case_file(&arguments.case);
    let (case, _warnings) = match report.into_result() {
        Ok(loaded) => loaded,
        Err(error) => bail!("{error}"),
    };
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    let mut options = FigureOptions::for_case(&case);
    options.scale = arguments.scale;
    options.width = arguments.width;
    if let Some(mm) = arguments.width_mm {
        options.width_mm = Some(mm);
        options.width = mm / 25.4 * arguments.dpi;
    }
    options.extent = match arguments.view {
        ViewArgument::Whole => Extent::Whole,
        ViewArgument::Saved => Extent::Saved,
    };
    options.background = match arguments.background {
        BackgroundArgument::White => Background::White,
        BackgroundArgument::Transparent => Background::Transparent,
        BackgroundArgument::Theme => Background::Theme,
    };
    if arguments.no_title {
        options.title = None;
    } else if let Some(title) = &arguments.title {
        options.title = Some(title.clone());
    }
    options.caption = arguments.caption.clone();
    options.legend = !arguments.no_legend;
    options.sources = !arguments.no_sources;
    let input = FigureInput {
        case: &case,
        graph: &graph,
        positions: layout.positions(),
        hidden_kinds: &case.view.hidden_kinds,
        camera: case.view.camera,
    };
    let bytes = render_figure(&input, &options, format)?;
    replace_atomically(&arguments.output, &bytes)
        .with_context(|| format!("cannot write {}", arguments.output.display()))?;
    writeln!(out, "wrote {} ({} bytes)", arguments.output.display(), bytes.len())?;
    Ok(ExitCode::SUCCESS)
}
