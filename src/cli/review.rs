//! `casegraph review`: the claims ledger before publication, worst first.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;

use crate::export::{LedgerFormat, ledger_report, ledger_summary};
use crate::model::{CaseGraph, Ledger, documents_beside, load_case_file};

/// The options of `casegraph review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArguments {
    /// The case file (*.case.json) to review.
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// How to write the ledger: text for the terminal, markdown to send, json for tools.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReviewFormat,
    /// Exit with 1 when any claim has a blocking risk (no quote, or a quote that cannot be verified).
    #[arg(long)]
    pub strict: bool,
}

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// Prints the ledger; with `--strict`, fails when a blocking risk is left.
pub fn run(arguments: &ReviewArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let (case, _warnings) = match load_case_file(&arguments.case).into_result() {
        Ok(loaded) => loaded,
        Err(error) => bail!("{error}"),
    };
    let graph = CaseGraph::new(&case);
    let ledger = Ledger::of(&case, &graph, &documents_beside(&arguments.case));
    let format = match arguments.format {
        ReviewFormat::Text => LedgerFormat::Text,
        ReviewFormat::Markdown => LedgerFormat::Markdown,
        ReviewFormat::Json => LedgerFormat::Json,
    };
    out.write_all(ledger_report(&case, &graph, &ledger, format).as_bytes())?;
    let blocked = ledger.blocked_count();
    if blocked > 0 {
        eprintln!("casegraph: {}: {} — not ready to publish", arguments.case.display(), ledger_summary(&ledger));
        if arguments.strict {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
