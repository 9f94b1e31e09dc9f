//! `casegraph export --story`: the case's story as a PDF of a page per step, one HTML page, or
//! a folder of an SVG or PNG per step.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::export::{ExportArguments, laid_out_case, refused_for_risk};
use crate::document::replace_atomically;
use crate::export::{FigureFormat, FigureRisk, StoryInput, story_html, story_pages, story_pdf};
use crate::model::{Ledger, Scene, documents_beside};

/// What the output path asks for.
enum StoryTarget {
    Pdf,
    Html,
    Folder(FigureFormat),
}

impl StoryTarget {
    /// By the output's extension; a path without one, or an existing folder, is a folder.
    fn of(arguments: &ExportArguments) -> anyhow::Result<Self> {
        let output = &arguments.output;
        let extension = output.extension().and_then(|extension| extension.to_str()).map(str::to_ascii_lowercase);
        let folder_format = match arguments.step_format.as_deref() {
            Some("png") => FigureFormat::Png,
            _ => FigureFormat::Svg,
        };
        match extension.as_deref() {
            _ if output.is_dir() => Ok(Self::Folder(folder_format)),
            Some("pdf") => Ok(Self::Pdf),
            Some("html" | "htm") => Ok(Self::Html),
            None => Ok(Self::Folder(folder_format)),
            Some(other) => bail!(
                "{}: a story is written as STORY.pdf, STORY.html or into a folder DIR/, not as .{other}",
                output.display()
            ),
        }
    }
}

/// Writes the story; prints what it wrote.
pub fn run(arguments: &ExportArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let target = StoryTarget::of(arguments)?;
    let (case, graph, layout) = laid_out_case(&arguments.case)?;
    if case.story.is_empty() {
        bail!("{}: the case tells no story yet; add steps in the window (View → Story)", arguments.case.display());
    }
    let settings = arguments.settings(case.view.figure.as_ref())?;
    let scenes: Vec<Scene> = case.story.steps.iter().map(|step| step.scene(&case, &graph)).collect();
    let ledger = Ledger::of(&case, &graph, &documents_beside(&arguments.case));
    if refused_for_risk(arguments, &FigureRisk::of_any(&ledger, &scenes), "story") {
        return Ok(ExitCode::from(1));
    }
    let input = StoryInput { case: &case, graph: &graph, positions: layout.positions() };
    match target {
        StoryTarget::Pdf => write_file(&arguments.output, &story_pdf(&input, &settings)?, out)?,
        StoryTarget::Html => write_file(&arguments.output, story_html(&input, &settings)?.as_bytes(), out)?,
        StoryTarget::Folder(format) => {
            let files = story_pages(&input, &settings, format)?;
            std::fs::create_dir_all(&arguments.output)
                .with_context(|| format!("cannot make the folder {}", arguments.output.display()))?;
            for file in files {
                write_file(&arguments.output.join(&file.name), &file.bytes, out)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_file(path: &Path, bytes: &[u8], out: &mut dyn Write) -> anyhow::Result<()> {
    replace_atomically(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(out, "wrote {} ({} bytes)", path.display(), bytes.len())?;
    Ok(())
}
