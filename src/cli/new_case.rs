//! `casegraph new`: an empty case file, with its `sources/` folder beside it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;

use crate::document::{NewCaseError, create_case_file};

/// The options of `casegraph new`.
#[derive(Debug, clap::Args)]
pub struct NewCaseArguments {
    /// The case's title, shown in the window and on figures.
    #[arg(value_name = "TITLE")]
    pub title: String,
    /// What the case is about, in a sentence or two.
    #[arg(long)]
    pub summary: Option<String>,
    /// The case file to start (*.case.json); it must not exist yet.
    #[arg(short, long, value_name = "CASE")]
    pub output: PathBuf,
}

/// Writes the new case and its `sources/` folder; prints where they are.
pub fn run(arguments: &NewCaseArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let case = create_case_file(&arguments.output, &arguments.title, arguments.summary.as_deref()).map_err(
        |error| match error {
            NewCaseError::NoTitle => {
                anyhow!("a case needs a title: casegraph new \"Bearings for the embassy\" -o bearings.case.json")
            }
            other => anyhow!(other),
        },
    )?;
    let path = arguments.output.display();
    writeln!(out, "started {path} ({:?}); add sources with `casegraph add-source`", case.info.title)?;
    Ok(ExitCode::SUCCESS)
}
