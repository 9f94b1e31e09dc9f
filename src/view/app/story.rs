//! The story's actions carried out: steps shown, added and updated from the view, edited, and
//! the presenter started and stepped through.

use super::super::prompt::Prompt;
use super::super::story_panel::StoryAction;
use super::{CaseApp, Content};
use crate::document::{StoryEdit, replace_atomically};
use crate::export::{FigureFormat, StoryInput, story_html, story_pages, story_pdf};
use crate::model::{Period, StepIx, StoryStep};

impl CaseApp {
    /// Carries out what the Story tab and the presenter asked for this frame.
    pub(super) fn apply_story_actions(&mut self, ctx: &egui::Context) {
        let Content::Open(open, panels) = &mut self.content else { return };
        let now_seconds = ctx.input(|input| input.time);
        for action in std::mem::take(&mut panels.story_actions) {
            let outcome = match action {
                StoryAction::Show(step) => {
                    open.show_step(step, now_seconds);
                    Ok(())
                }
                StoryAction::Leave => {
                    open.story.presenting = false;
                    Ok(())
                }
                StoryAction::Present => {
                    open.story.presenting = true;
                    open.show_step(Some(open.story.shown_step.unwrap_or(StepIx::new(0))), now_seconds);
                    Ok(())
                }
                StoryAction::AddFromView => {
                    let at = open.story.shown_step.map_or(open.document.story().len(), |step| step.index() + 1);
                    let step = step_from_view(open, None);
                    let added =
                        open.document.edit_story(StoryEdit::Insert { at: StepIx::new(at), step: Box::new(step) });
                    added.map(|()| open.show_step(Some(StepIx::new(at)), now_seconds))
                }
                StoryAction::UpdateFromView(at) => {
                    let step = step_from_view(open, Some(at));
                    open.document.edit_story(StoryEdit::Replace { at, step: Box::new(step) })
                }
                StoryAction::Edit(edit) => open.document.edit_story(edit),
            };
            if let Err(error) = outcome {
                self.prompt =
                    Some(Prompt::Report { title: "The story was not changed".to_owned(), message: error.to_string() });
                return;
            }
        }
    }

    /// File → Export story…: the story as a PDF or an HTML page, or an SVG or PNG per step
    /// beside the name chosen (`story.svg` gives `story-01-….svg`, …), from the arrangement on
    /// screen and the case's figure settings; a failure is reported.
    pub(super) fn export_story(&mut self) {
        let Content::Open(open, _) = &self.content else { return };
        let document = &open.document;
        let stem = document.name().strip_suffix(".case.json").unwrap_or(document.name()).to_owned();
        let folder = document.file().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf);
        let Some(path) = self.services.dialogs.choose_story_path(&format!("{stem}-story.pdf"), folder.as_deref())
        else {
            return;
        };
        let input =
            StoryInput { case: document.case(), graph: document.graph(), positions: document.layout().positions() };
        let settings = document.figure_settings();
        let extension = path.extension().and_then(|extension| extension.to_str()).map(str::to_ascii_lowercase);
        let files = match extension.as_deref() {
            Some("pdf") => story_pdf(&input, &settings).map(|bytes| vec![(path.clone(), bytes)]),
            Some("html" | "htm") => story_html(&input, &settings).map(|html| vec![(path.clone(), html.into_bytes())]),
            Some(pages @ ("svg" | "png")) => {
                let format = if pages == "svg" { FigureFormat::Svg } else { FigureFormat::Png };
                let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
                story_pages(&input, &settings, format).map(|files| {
                    files
                        .into_iter()
                        .map(|file| (path.with_file_name(format!("{stem}-{}", file.name)), file.bytes))
                        .collect()
                })
            }
            _ => {
                let message = format!("{}: end the file name with .pdf, .html, .svg or .png", path.display());
                self.prompt = Some(Prompt::Report { title: "The story was not written".into(), message });
                return;
            }
        };
        let written = files.map_err(|error| error.to_string()).and_then(|files| {
            files
                .iter()
                .try_for_each(|(path, bytes)| replace_atomically(path, bytes).map_err(|error| error.to_string()))
        });
        if let Err(message) = written {
            self.prompt = Some(Prompt::Report { title: "The story was not written".into(), message });
        }
    }
}

/// A step from the view as it is: the camera, the kinds hidden and the period brushed now.
/// Updating keeps the step's words, highlights, what it leaves out and its citations; a new
/// step highlights the selection.
fn step_from_view(open: &super::super::open_case::OpenCase, updating: Option<StepIx>) -> StoryStep {
    let document = &open.document;
    let mut step = match updating.and_then(|at| document.story().get(at.index())) {
        Some(step) => step.clone(),
        None => StoryStep {
            title: format!("Step {}", document.story().len() + 1),
            highlight: open.selection.and_then(|selection| open.selection_id(selection)).into_iter().collect(),
            ..StoryStep::default()
        },
    };
    step.camera = open.saved_camera();
    // The view hides the step's own kinds and those hidden now, so the step keeps both.
    for kind in document.hidden_kinds() {
        if !step.hidden_kinds.contains(kind) {
            step.hidden_kinds.push(*kind);
        }
    }
    if let Some(brush) = open.story.brush {
        step.period = Period::from_days(brush);
    }
    step
}
