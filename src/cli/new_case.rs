//! `casegraph new`: an empty case file, with its `sources/` folder beside it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::document::write_atomically;
use crate::ingest::store::SOURCES_FOLDER;
use crate::model::{Case, CaseInfo, case_to_json};

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
    let path = &arguments.output;
    let case = new_case(&arguments.title, arguments.summary.as_deref())?;
    if !path.to_string_lossy().ends_with(".json") {
        bail!("{}: a case file's name ends in .case.json, such as bearings.case.json", path.display());
    }
    if path.exists() {
        bail!("{} already exists; casegraph will not overwrite it. Choose another name", path.display());
    }
    let folder = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let sources = folder.join(SOURCES_FOLDER);
    std::fs::create_dir_all(&sources).with_context(|| format!("cannot create the folder {}", sources.display()))?;
    write_atomically(path, case_to_json(&case)?.as_bytes())?;
    writeln!(out, "started {} ({:?}); add sources with `casegraph add-source`", path.display(), case.info.title)?;
    Ok(ExitCode::SUCCESS)
}

/// A case with only its title and summary.
pub fn new_case(title: &str, summary: Option<&str>) -> anyhow::Result<Case> {
    let title = title.trim();
    if title.is_empty() {
        bail!("a case needs a title: casegraph new \"Bearings for the embassy\" -o bearings.case.json");
    }
    let summary = summary.map(str::trim).filter(|summary| !summary.is_empty()).map(str::to_owned);
    Ok(Case { info: CaseInfo { title: title.to_owned(), summary, ..CaseInfo::default() }, ..Case::default() })
}
