//! Command-line interface: argument parsing and the subcommands.

mod add_source;
mod check;
mod convert;
mod export;
mod export_story;
mod generate;
mod layout;
mod new_case;
mod review;
mod vocabulary_argument;
mod window;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// casegraph: link analysis for investigative journalists.
///
/// Without a subcommand, opens a case in the window: CASE, or the bundled sample.
#[derive(Debug, Parser)]
#[command(name = "casegraph", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Arguments {
    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The case file (*.case.json) to open; without one, the bundled sample case opens.
    #[arg(value_name = "CASE")]
    pub case: Option<PathBuf>,
    /// Select the node or link with this id when the case opens.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Write a PNG of the window to this path once the layout has settled, then close.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// Pan the view for N frames, print the median and 95th percentile frame times, then close.
    #[arg(long, value_name = "N", conflicts_with = "screenshot")]
    pub measure_frames: Option<usize>,
    /// Open with the timeline showing under the canvas.
    #[arg(long)]
    pub timeline: bool,
    /// Read another tool's file for importing into the case, and show what it gives (as
    /// File → Import… does); Import joins it.
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check case files and print every problem, compiler style (file:line:column).
    ///
    /// Exits with 1 when any file has errors (or warnings, with --deny-warnings), 0 otherwise.
    Check {
        /// The case files (*.case.json) to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Treat warnings (unsupported claims, unverified quotes) as failures.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Export a figure of a case, without a window: PNG, SVG or PDF, chosen by the extension;
    /// or with --story the case's story: a PDF, an HTML page, or a file per step.
    ///
    /// Uses the case's saved positions (nodes without one are laid out from the case's seed)
    /// and hides the kinds the case hides. The same case and options give the same bytes.
    Export(export::ExportArguments),
    /// Write a synthetic case of realistic shape: clusters, hubs, isolated and stacked nodes.
    Generate(generate::GenerateArguments),
    /// Lay a case out without a window and say how long it took and how good the result is.
    ///
    /// With --report, one JSON line per engine: iterations, wall_ms, ms_per_iteration,
    /// final_movement, edge_length_mean, edge_length_spread, overlapping_pairs, stress (sampled,
    /// against graph distances).
    Layout(layout::LayoutArguments),
    /// Start a case: an empty case file, with a `sources/` folder beside it.
    New(new_case::NewCaseArguments),
    /// Add a document to a case as a source, and print what was read from it.
    ///
    /// Reads .txt and .md (in UTF-8, UTF-16 with a byte-order mark, Windows-1251, EUC-KR and
    /// other encodings), saved web pages (.html, .htm: the article text only, with the page's
    /// title, publisher, date, authors and address) and PDFs with a text layer (page by page).
    /// The text is stored as UTF-8 under sources/ beside the case, with the file itself beside
    /// it. Options given replace what the file says. Nothing changes when the file cannot be
    /// read.
    AddSource(add_source::AddSourceArguments),
    /// Print the claims ledger before publication: every node, link and transaction, worst
    /// first, with its risks, status, independent sources, quotes (source, date, grades,
    /// place) and review mark.
    ///
    /// Blocking risks (no quote, a quote that cannot be verified) are reported on standard
    /// error; with --strict they make the exit status 1.
    Review(review::ReviewArguments),
    /// Convert between a case and other tools' formats, each told by its name: .case.json,
    /// FollowTheMoney entities (.ftm), an Aleph diagram (.vis), GEXF (.gexf), GraphML
    /// (.graphml), or a folder holding entities.csv and links.csv.
    ///
    /// Prints what was mapped and what was not imported, and every record that failed with its
    /// place. Imported items are marked with their origin, and have no quotes until added.
    Convert(convert::ConvertArguments),
}

/// Runs the parsed command, writing its report to `out`.
pub fn run(arguments: Arguments, out: &mut dyn Write) -> ExitCode {
    let result = match arguments.command {
        Some(Command::Check { files, deny_warnings }) => check::run(&files, deny_warnings, out),
        Some(Command::Export(export_arguments)) => export::run(&export_arguments, out),
        Some(Command::Generate(generate_arguments)) => generate::run(&generate_arguments, out),
        Some(Command::Layout(layout_arguments)) => layout::run(&layout_arguments, out),
        Some(Command::New(new_arguments)) => new_case::run(&new_arguments, out),
        Some(Command::AddSource(add_arguments)) => add_source::run(&add_arguments, out),
        Some(Command::Review(review_arguments)) => review::run(&review_arguments, out),
        Some(Command::Convert(convert_arguments)) => convert::run(&convert_arguments, out),
        None => window::run(
            arguments.case.as_deref(),
            arguments.select.as_deref(),
            arguments.screenshot,
            arguments.measure_frames,
            arguments.timeline,
            arguments.import.as_deref(),
        ),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("casegraph: {error:#}");
            ExitCode::from(2)
        }
    }
}
