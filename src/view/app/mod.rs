//! The window: menu bar, canvas, evidence panel, legend and search, put together each
//! frame, and the commands they return applied. Commands about the case go to
//! [`OpenCase::apply`]; commands about files (open, save, quit) are carried out in `files`,
//! where the case can be replaced, and never without asking when there is unsaved work.

mod content;
mod edits;
mod exchange;
mod files;
mod nodes;
mod panels;
mod passages;
mod sources;
mod story;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Duration;

use super::autosave_timer::AutosaveTimer;
use super::command::{self, Command, Selection};
use super::disk_watch::DiskWatch;
use super::export_dialog::ExportDialog;
use super::frame_measurement::{FrameClock, FrameMeasurement};
use super::frame_times::FrameTimes;
use super::import_dialog::ImportPreview;
use super::link_form::LinkForm;
use super::menus;
use super::new_case_form::NewCaseForm;
use super::node_form::NodeForm;
use super::open_case::OpenCase;
use super::prompt::{self, Pending, Prompt};
use super::screenshot_request::ScreenshotRequest;
use super::source_form::SourceForm;
use super::window_screenshot::PendingScreenshot;
use crate::document::{AutosaveStore, RecentFiles};
use crate::model::ItemRef;
use crate::theme;

pub use content::{Content, SelectError, Services};
pub use panels::install_fonts;

/// The casegraph application.
pub struct CaseApp {
    content: Content,
    services: Services,
    recent: RecentFiles,
    prompt: Option<Prompt>,
    export_dialog: Option<ExportDialog>,
    /// What File → Import… read, waiting to be joined to the case.
    import_preview: Option<ImportPreview>,
    /// The form of Edit → New node….
    node_form: Option<NodeForm>,
    /// The form of Edit → New link….
    link_form: Option<LinkForm>,
    /// The form of File → New case….
    new_case_form: Option<NewCaseForm>,
    /// The metadata form of the source being added.
    source_form: Option<SourceForm>,
    /// Documents chosen or dropped, waiting to be read into the form one at a time.
    sources_to_read: VecDeque<PathBuf>,
    window_screenshot: Option<PendingScreenshot>,
    /// Set once the analyst has agreed to close, so the next close request goes through.
    may_close: bool,
    autosave: AutosaveTimer,
    disk_watch: DiskWatch,
    first_frame_done: bool,
    screenshot: Option<ScreenshotRequest>,
    measurement: Option<FrameMeasurement>,
    frame_times: FrameTimes,
    frame_clock: FrameClock,
    shown_title: String,
}

impl CaseApp {
    /// An app showing `content`, with no dialogs and no data folder.
    pub fn new(content: Content) -> Self {
        Self {
            content,
            services: Services::default(),
            recent: RecentFiles::default(),
            prompt: None,
            export_dialog: None,
            import_preview: None,
            new_case_form: None,
            node_form: None,
            link_form: None,
            source_form: None,
            sources_to_read: VecDeque::new(),
            window_screenshot: None,
            may_close: false,
            autosave: AutosaveTimer::default(),
            disk_watch: DiskWatch::default(),
            first_frame_done: false,
            screenshot: None,
            measurement: None,
            frame_times: FrameTimes::default(),
            frame_clock: FrameClock::default(),
            shown_title: String::new(),
        }
    }

    /// The same app using `services`: it reads the recent files from the data folder and
    /// offers back any unsaved work an earlier run left there.
    pub fn with_services(mut self, services: Services) -> Self {
        if let Some(folder) = &services.data_folder {
            let mut problems = Vec::new();
            match RecentFiles::load(folder) {
                Ok(recent) => self.recent = recent,
                Err(error) => problems.push(error.to_string()),
            }
            let listing = AutosaveStore::new(folder).list();
            problems.extend(listing.unreadable.iter().map(ToString::to_string));
            if let Some(found) = listing.found.into_iter().next() {
                self.prompt = Some(Prompt::Restore(found));
            } else if !problems.is_empty() {
                let title = "Some of what the last run kept could not be read".to_owned();
                self.prompt = Some(Prompt::Report { title, message: problems.join("\n") });
            }
        }
        self.services = services;
        self
    }

    /// The same app, copying unsaved work every `interval` instead of every
    /// [`super::autosave_timer::AUTOSAVE_INTERVAL`].
    pub fn with_autosave_interval(mut self, interval: Duration) -> Self {
        self.autosave = AutosaveTimer::every(interval);
        self
    }

    /// The same app, panning the view for `request.frames` frames, noting how long each takes,
    /// and then closing.
    pub fn with_frame_measurement(mut self, request: FrameMeasurement) -> Self {
        self.measurement = Some(request);
        self
    }

    /// The same app, writing a screenshot of its window to `request.path` once the layout has
    /// settled, and then closing.
    pub fn with_screenshot(mut self, request: ScreenshotRequest) -> Self {
        self.screenshot = Some(request);
        self
    }

    /// The open case, if one opened.
    pub fn open_case(&self) -> Option<&OpenCase> {
        self.content.open_case()
    }

    /// The open case, for tests that set it up.
    pub fn open_case_mut(&mut self) -> Option<&mut OpenCase> {
        match &mut self.content {
            Content::Open(open, _) => Some(open),
            Content::Failed { .. } => None,
        }
    }

    /// The passage selected in the source reader, if any.
    pub fn reader_passage(&self) -> Option<&crate::model::Passage> {
        match &self.content {
            Content::Open(_, panels) => panels.reader.passage.as_ref(),
            Content::Failed { .. } => None,
        }
    }

    /// The question or report on screen, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The recently opened case files, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.recent.paths
    }

    /// Selects the node or link with id `id`, as if the analyst had clicked it.
    pub fn select_id(&mut self, id: &str) -> Result<(), SelectError> {
        let open = self.open_case_mut().ok_or(SelectError::NoCase)?;
        let selection = match open.document.graph().resolve(id) {
            Some(ItemRef::Node(node)) => Selection::Node(node),
            Some(ItemRef::Link(link)) => Selection::Link(link),
            _ => return Err(SelectError::NoSuchItem(id.to_owned())),
        };
        open.apply(Command::Select(selection));
        Ok(())
    }

    /// The window title for what is shown.
    pub fn window_title(&self) -> String {
        match &self.content {
            Content::Open(open, _) => open.window_title(),
            Content::Failed { file, .. } => format!("{file} could not be opened — casegraph"),
        }
    }

    fn is_dirty(&self) -> bool {
        self.open_case().is_some_and(|open| open.document.is_dirty())
    }

    fn autosave_store(&self) -> Option<AutosaveStore> {
        self.services.data_folder.as_deref().map(AutosaveStore::new)
    }

    /// One frame: the panels, then the commands they returned, the dialogs and prompts,
    /// and the clocks.
    fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.first_frame_done, true) {
            panels::set_up_style(&ctx);
        }
        self.guard_close(&ctx);
        self.take_dropped_files(&ctx);
        let typing = ctx.egui_wants_keyboard_input();
        // A prompt or a form owns the keyboard: Escape cancels it rather than the selection.
        let modal = self.prompt.is_some() || self.has_open_form();
        // The presenter owns the keyboard and the whole window.
        let presenting = self.open_case().is_some_and(|open| open.story.presenting);
        let mut commands = if modal || presenting { Vec::new() } else { command::pressed_shortcuts(&ctx, typing) };
        if !presenting {
            egui::Panel::top("casegraph-menu").show(ui, |ui| {
                commands.extend(menus::menu_bar(ui, self.open_case(), &self.recent.paths));
            });
        }
        let settled = match &mut self.content {
            Content::Failed { file, report } => {
                panels::show_failure(ui, file, report);
                true
            }
            Content::Open(open, state) => panels::show_open_case(ui, open, state, &mut commands, &self.frame_times),
        };
        if let Some(measurement) = &self.measurement {
            measurement.next_frame(&ctx, &mut commands);
        }
        self.apply(&ctx, commands);
        self.apply_story_actions(&ctx);
        self.show_export_dialog(&ctx);
        self.show_import_preview(&ctx);
        self.show_source_form(&ctx);
        self.show_new_case_form(&ctx);
        self.show_node_form(&ctx);
        self.show_link_form(&ctx);
        self.use_window_screenshot(&ctx);
        self.show_prompt(&ctx);
        let store = self.autosave_store();
        self.autosave.tick(&ctx, self.content.open_case(), store);
        if self.prompt.is_none()
            && self.disk_watch.is_due(&ctx)
            && self.open_case().is_some_and(|open| open.document.changed_on_disk())
        {
            self.prompt = Some(Prompt::ChangedOnDisk);
        }
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if let Some(request) = &mut self.screenshot {
            request.take_when_settled(&ctx, settled);
        }
    }

    /// Whether a New case, New node, New link or Add a source form, or the import preview, is
    /// open.
    fn has_open_form(&self) -> bool {
        self.new_case_form.is_some()
            || self.node_form.is_some()
            || self.link_form.is_some()
            || self.source_form.is_some()
            || self.import_preview.is_some()
    }

    /// A dropped case file opens; dropped documents are added to the open case as sources.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|input| input.raw.dropped_files.iter().map(|file| file.path().to_path_buf()).collect());
        let (cases, documents): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|path| path.extension().is_some_and(|extension| extension == "json"));
        if let Some(path) = cases.into_iter().next() {
            self.request_open(Pending::Open(path));
        } else if self.open_case().is_some() {
            self.take_dropped_sources(documents);
        }
    }

    /// Carries out `commands`: those about files here, the rest by the open case.
    fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::File(file_command) => self.run_file_command(ctx, file_command),
                Command::Edit(edit) => self.run_edit(edit),
                Command::Present => {
                    if let Content::Open(open, panels) = &mut self.content
                        && !open.document.story().is_empty()
                    {
                        panels.story_actions.push(super::story_panel::StoryAction::Present);
                    }
                }
                command => {
                    if let Some(open) = self.open_case_mut() {
                        open.apply(command);
                    }
                }
            }
        }
    }

    /// The question or report on screen, and what follows its answer.
    fn show_prompt(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.clone() else { return };
        let name = self.open_case().map_or("The case", |open| open.document.name()).to_owned();
        if let Some(answer) = prompt::show(ctx, &prompt, &name, self.is_dirty()) {
            self.prompt = None;
            self.answer(ctx, prompt, answer);
        }
    }

    /// Closing the window with unsaved work asks first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) || self.may_close {
            return;
        }
        if self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved { then: Pending::Quit });
        }
    }
}

impl eframe::App for CaseApp {
    /// The canvas's background: the canvas leaves it as the window was cleared.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        super::marks::color(theme::BACKGROUND).to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_clock.frame_starts(&mut self.frame_times, self.measurement.as_ref());
        self.show(ui);
        let back_to_back = self.measurement.is_some() || self.open_case().is_some_and(|open| open.show_frame_times);
        self.frame_clock.frame_ends(back_to_back);
    }

    /// A screenshot shows the case as laid out and selected, the same on every machine.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            ScreenshotRequest::hide_pointer(raw_input);
        }
    }
}
