//! `casegraph add-source`: a document becomes a source of a case. Its text is stored under
//! `sources/` beside the case, the file itself beside it, and the case saved; when anything
//! fails, the case and the folder are as they were.

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};

use crate::document::folder_of;
use crate::document::write_atomically;
use crate::ingest::store::OriginalFile;
use crate::ingest::{Extracted, NewSourceError, SourceMetadata, extract_file, extract_pasted};
use crate::ingest::{new_source, settled_metadata};
use crate::model::{PartialDate, case_to_json, check_web_address, load_case_file};

/// The options of `casegraph add-source`.
#[derive(Debug, clap::Args)]
pub struct AddSourceArguments {
    /// The case file (*.case.json) to add the source to.
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// The document: .txt, .md, .html, .htm or .pdf; `-` reads pasted text from standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Who published it, in place of what the file says.
    #[arg(long)]
    pub publisher: Option<String>,
    /// Its headline or title, in place of what the file says.
    #[arg(long)]
    pub title: Option<String>,
    /// Its publication date (YYYY, YYYY-MM or YYYY-MM-DD), in place of what the file says.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<PartialDate>,
    /// Where it can be read (http:// or https://), in place of what the file says.
    #[arg(long, value_parser = parse_url)]
    pub url: Option<String>,
    /// A byline; give it once for each author, in place of the file's bylines.
    #[arg(long = "author", value_name = "AUTHOR")]
    pub authors: Vec<String>,
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text).map_err(|error| error.to_string())
}

fn parse_url(text: &str) -> Result<String, String> {
    check_web_address(text).map(|()| text.to_owned())
}

/// Adds the source and prints what was extracted.
pub fn run(arguments: &AddSourceArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let (mut case, _warnings) = load_case_file(&arguments.case).into_result()?;
    let pasted = arguments.file.as_os_str() == "-";
    let (extracted, original_bytes) = if pasted { read_pasted()? } else { read_file(&arguments.file)? };
    let file_name = (!pasted).then(|| arguments.file.file_name().map(|n| n.to_string_lossy().into_owned()));
    let file_name = file_name.flatten();
    let corrections = SourceMetadata {
        title: arguments.title.clone(),
        publisher: arguments.publisher.clone(),
        date: arguments.date,
        authors: arguments.authors.clone(),
        url: arguments.url.clone(),
    };
    let metadata = settled_metadata(&extracted, &corrections, file_name.as_deref());
    let original = file_name.as_deref().zip(original_bytes.as_deref());
    let original = original.map(|(file_name, bytes)| OriginalFile { file_name, bytes });
    let case_folder = folder_of(&arguments.case);
    let made = new_source(&case, &case_folder, &extracted, &metadata, original).map_err(|error| match error {
        NewSourceError::NoPublisher => anyhow!(
            "{}: no publisher is known for this source\n  = help: give it with --publisher, such as --publisher \"Reuters\"",
            arguments.file.display()
        ),
        NewSourceError::Store(error) => anyhow!(error),
    })?;
    case.sources.push(made.source.clone());
    let saved = case_to_json(&case)
        .map_err(anyhow::Error::from)
        .and_then(|text| write_atomically(&arguments.case, text.as_bytes()).map_err(anyhow::Error::from));
    if let Err(error) = saved {
        made.files.discard();
        return Err(error.context(format!("{}: the source was not added", arguments.case.display())));
    }
    made.files.keep();
    report(out, &arguments.case, &made.source, &extracted, &corrections)?;
    Ok(ExitCode::SUCCESS)
}

fn read_file(path: &Path) -> anyhow::Result<(Extracted, Option<Vec<u8>>)> {
    let (extracted, bytes) = extract_file(path).map_err(|error| anyhow!("{error}\n  = help: {}", error.help()))?;
    Ok((extracted, Some(bytes)))
}

fn read_pasted() -> anyhow::Result<(Extracted, Option<Vec<u8>>)> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).context("cannot read pasted text from standard input")?;
    let extracted =
        extract_pasted(&text).map_err(|error| anyhow!("pasted text: {error}\n  = help: {}", error.help()))?;
    Ok((extracted, None))
}

/// Prints the new source and where each of its facts came from.
fn report(
    out: &mut dyn Write,
    case_path: &Path,
    source: &crate::model::Source,
    extracted: &Extracted,
    corrections: &SourceMetadata,
) -> std::io::Result<()> {
    let origin = |given: bool, found: bool| match (given, found) {
        (true, _) => " (given)",
        (false, true) => " (from the file)",
        (false, false) => " (guessed: first line or file name)",
    };
    let found = &extracted.metadata;
    writeln!(out, "added source {} to {}", source.id, case_path.display())?;
    writeln!(out, "  title:     {}{}", source.title, origin(corrections.title.is_some(), found.title.is_some()))?;
    writeln!(out, "  publisher: {}{}", source.publisher, origin(corrections.publisher.is_some(), true))?;
    let date = source.date.map_or_else(|| "unknown".to_owned(), |date| date.to_string());
    let date_origin = if source.date.is_some() { origin(corrections.date.is_some(), true) } else { "" };
    writeln!(out, "  date:      {date}{date_origin}")?;
    if !source.authors.is_empty() {
        writeln!(out, "  authors:   {}", source.authors.join("; "))?;
    }
    if let Some(url) = &source.url {
        writeln!(out, "  address:   {url}")?;
    }
    writeln!(out, "  read as:   {}", extracted.kind.describe())?;
    writeln!(out, "  words:     {}", extracted.word_count())?;
    if let Some(pages) = extracted.page_count {
        writeln!(out, "  pages:     {pages}")?;
    }
    if let Some(encoding) = &extracted.encoding {
        writeln!(out, "  encoding:  {}", encoding.describe())?;
    }
    if let Some(document) = &source.document {
        writeln!(out, "  text:      {document}")?;
    }
    if let Some(original) = &source.original {
        writeln!(out, "  original:  {original}")?;
    }
    Ok(())
}
