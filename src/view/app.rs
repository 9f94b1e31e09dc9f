//! The window: menu bar, canvas, evidence panel, legend and search, put together each
//! frame. Commands about the case go to [`OpenCase::apply`]; commands about files (open,
//! save, quit) are carried out here, where the case can be replaced, and never without
//! asking when there is unsaved work.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use super::canvas;
use super::case_panels::CasePanels;
use super::command::{self, Command, FileCommand, Selection};
use super::dialogs::{Dialogs, ScriptedDialogs};
use super::evidence_panel;
use super::export_dialog::{self, ExportAnswer, ExportDialog};
use super::frame_times::{self, FrameTimes};
use super::legend;
use super::menus;
use super::open_case::OpenCase;
use super::prompt::{self, Answer, Pending, Prompt};
use super::search;
use super::warnings_panel;
use super::window_screenshot::{PendingScreenshot, ScreenshotError, ScreenshotUse, write_png};
use crate::document::{AutosaveStore, Autosaved, Document, Edit, RecentFiles, UnreadableAutosave, file_name};
use crate::model::{DocumentStore, ItemRef, LoadReport, documents_beside, load_case_file};
use crate::theme;

/// Layout steps per frame while a small case's layout animates in the window's frames (a big
/// case's runs on its own thread): enough to settle the sample case in
/// about two seconds, few enough that a frame stays far under 33 ms.
const LAYOUT_STEPS_PER_FRAME: usize = 4;
/// Frames to draw after the layout has settled before a requested screenshot is taken, so
/// the picture shows the final state.
const FRAMES_BEFORE_SCREENSHOT: usize = 3;
/// How often unsaved work is copied to the data folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);
/// How often, at most, the case's file is checked for changes by other programs while the
/// window is being drawn anyway (it is also checked whenever the window gains focus).
const DISK_CHECK_INTERVAL_SECONDS: f64 = 2.0;

/// What the window shows.
pub enum Content {
    /// A case that opened, and what its panels remember between frames.
    Open(Box<OpenCase>, Box<CasePanels>),
    /// A case that could not be opened, with the report saying why.
    Failed {
        /// The file that was asked for.
        file: String,
        /// Every problem, with file, line and column.
        report: String,
    },
}

impl Content {
    /// The bundled sample case, with its source texts for showing quotes in context. It has
    /// no file: saving it asks where to.
    pub fn from_sample() -> Self {
        let report = crate::sample::load_sample();
        Self::from_report(report, None, Box::new(crate::sample::sample_documents()))
    }

    /// The case at `path`, or the report of why it cannot be opened.
    pub fn from_file(path: &Path) -> Self {
        Self::from_report(load_case_file(path), Some(path), Box::new(documents_beside(path)))
    }

    /// `open` on screen, with its panels fresh.
    pub fn open(open: OpenCase) -> Self {
        Content::Open(Box::new(open), Box::default())
    }

    fn from_report(report: LoadReport, file: Option<&Path>, documents: Box<dyn DocumentStore>) -> Self {
        let name = file_name(Path::new(&report.file));
        match report.into_result() {
            Ok((case, warnings)) => {
                let document = Document::new(case, file.map(Path::to_path_buf), name, documents, warnings);
                Content::open(OpenCase::new(document))
            }
            Err(error) => Content::Failed { file: error.file.clone(), report: error.to_string() },
        }
    }
}

/// Why an item could not be selected by its id.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    /// No case opened.
    #[error("no case is open")]
    NoCase,
    /// The case has no node or link of that id.
    #[error("no node or link in the case has the id `{0}`")]
    NoSuchItem(String),
}

/// What the app needs from the machine it runs on, so tests can give stand-ins.
pub struct Services {
    /// File dialogs.
    pub dialogs: Box<dyn Dialogs>,
    /// Where the recent-files list and autosaved copies are kept; `None` keeps neither.
    pub data_folder: Option<PathBuf>,
}

impl Default for Services {
    /// No dialogs (every request is cancelled) and no data folder.
    fn default() -> Self {
        Self { dialogs: Box::new(ScriptedDialogs::default()), data_folder: None }
    }
}

/// What `--screenshot` asked for and how it went.
pub struct ScreenshotRequest {
    /// Where to write the PNG.
    pub path: PathBuf,
    /// Set once the screenshot was written or failed.
    pub outcome: Arc<Mutex<Option<Result<(), ScreenshotError>>>>,
    /// How long after `started` the layout came to rest for the screenshot, in milliseconds:
    /// how long a case without saved positions takes to lay out in the window.
    pub settled_after_ms: Arc<Mutex<Option<f32>>>,
    started: Instant,
    requested: bool,
    settled_frames: usize,
}

impl ScreenshotRequest {
    /// A request to write a screenshot to `path` once the layout has settled; `started` is
    /// when the command started, before the case was loaded.
    pub fn new(path: PathBuf, started: Instant) -> Self {
        Self {
            path,
            outcome: Arc::new(Mutex::new(None)),
            settled_after_ms: Arc::new(Mutex::new(None)),
            started,
            requested: false,
            settled_frames: 0,
        }
    }
}

/// What `--measure-frames` asked for: the view pans for `frames` frames, and each frame's
/// time is noted.
pub struct FrameMeasurement {
    /// How many frames to measure.
    pub frames: usize,
    /// The time of each frame so far, from its start to the next frame's, in milliseconds.
    pub times_ms: Arc<Mutex<Vec<f32>>>,
    /// When the command started, before the case was loaded.
    pub started: Instant,
    /// How long after `started` the first frame was on screen, in milliseconds: what opening
    /// the case costs the analyst, loading, layout set-up and window together.
    pub first_frame_after_ms: Arc<Mutex<Option<f32>>>,
}

impl FrameMeasurement {
    /// A measurement of `frames` frames, for a command that started at `started`.
    pub fn new(frames: usize, started: Instant) -> Self {
        Self { frames, times_ms: Arc::new(Mutex::new(Vec::new())), started, first_frame_after_ms: Arc::default() }
    }

    /// Pans the view a little (round a circle, so it stays near the case) and asks for the
    /// next frame, or closes the window once enough frames were measured.
    fn next_frame(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let measured = self.times_ms.lock().map_or(self.frames, |times| times.len());
        // A frame's time is known in the next frame, once the first is on screen.
        if measured >= 1
            && let Ok(mut first) = self.first_frame_after_ms.lock()
            && first.is_none()
        {
            *first = Some(self.started.elapsed().as_secs_f32() * 1000.0);
        }
        if measured >= self.frames {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let angle = measured as f32 * 0.05;
        commands.push(Command::Pan(egui::vec2(angle.cos(), angle.sin()) * 6.0));
        ctx.request_repaint();
    }
}

/// The casegraph application.
pub struct CaseApp {
    content: Content,
    services: Services,
    recent: RecentFiles,
    prompt: Option<Prompt>,
    export_dialog: Option<ExportDialog>,
    window_screenshot: Option<PendingScreenshot>,
    /// Set once the analyst has agreed to close, so the next close request goes through.
    may_close: bool,
    autosave_interval: Duration,
    /// When (in egui's clock, seconds) there was first unsaved work not yet copied.
    autosave_due_from: Option<f64>,
    /// The document revision last copied.
    autosaved_revision: Option<u64>,
    last_disk_check: f64,
    first_frame_done: bool,
    screenshot: Option<ScreenshotRequest>,
    measurement: Option<FrameMeasurement>,
    frame_times: FrameTimes,
    /// When the last frame started.
    last_frame_start: Option<Instant>,
    /// Whether the next frame follows this one at once, so the time between them is what a
    /// frame costs: while measuring or showing the readout, which ask for every frame.
    frames_back_to_back: bool,
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
            window_screenshot: None,
            may_close: false,
            autosave_interval: AUTOSAVE_INTERVAL,
            autosave_due_from: None,
            autosaved_revision: None,
            last_disk_check: 0.0,
            first_frame_done: false,
            screenshot: None,
            measurement: None,
            frame_times: FrameTimes::default(),
            last_frame_start: None,
            frames_back_to_back: false,
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
    /// [`AUTOSAVE_INTERVAL`].
    pub fn with_autosave_interval(mut self, interval: Duration) -> Self {
        self.autosave_interval = interval;
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
        match &self.content {
            Content::Open(open, _) => Some(open),
            Content::Failed { .. } => None,
        }
    }

    /// The open case, for tests that set it up.
    pub fn open_case_mut(&mut self) -> Option<&mut OpenCase> {
        match &mut self.content {
            Content::Open(open, _) => Some(open),
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
        let selection = match open.document.graph.resolve(id) {
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

    fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.first_frame_done, true) {
            install_fonts(&ctx);
            // Light panels around the light canvas, as on the printed page.
            ctx.set_theme(egui::ThemePreference::Light);
            // The panels lie on the window's clear colour instead of filling their own
            // background, so a software renderer shades each of their pixels once less a frame.
            ctx.style_mut_of(egui::Theme::Light, |style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
        }
        self.guard_close(&ctx);
        if let Some(path) = ctx.input(|input| input.raw.dropped_files.first().map(|file| file.path().to_path_buf())) {
            self.request_open(Pending::Open(path));
        }

        let typing = ctx.egui_wants_keyboard_input();
        let mut commands = if self.prompt.is_some() { Vec::new() } else { command::pressed_shortcuts(&ctx, typing) };
        egui::Panel::top("casegraph-menu").show(ui, |ui| {
            commands.extend(menus::menu_bar(ui, self.open_case(), &self.recent.paths));
        });
        let settled = match &mut self.content {
            Content::Failed { file, report } => {
                show_failure(ui, file, report);
                true
            }
            Content::Open(open, panels) => show_open_case(ui, open, panels, &mut commands, &self.frame_times),
        };
        if let Some(measurement) = &self.measurement {
            measurement.next_frame(&ctx, &mut commands);
        }
        for command in commands {
            match command {
                Command::File(file_command) => self.run_file_command(&ctx, file_command),
                command => {
                    if let Some(open) = self.open_case_mut() {
                        open.apply(command);
                    }
                }
            }
        }
        self.show_export_dialog(&ctx);
        self.use_window_screenshot(&ctx);
        if let Some(prompt) = self.prompt.clone() {
            let name = self.open_case().map_or("The case", |open| open.document.name()).to_owned();
            if let Some(answer) = prompt::show(&ctx, &prompt, &name, self.is_dirty()) {
                self.prompt = None;
                self.answer(&ctx, prompt, answer);
            }
        }
        self.autosave_if_due(&ctx);
        self.notice_changes_on_disk(&ctx);

        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if let Some(request) = &mut self.screenshot {
            take_screenshot_when_settled(&ctx, request, settled);
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

    fn run_file_command(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::Open => self.request_open(Pending::ChooseAndOpen),
            FileCommand::OpenRecent(index) => {
                if let Some(path) = self.recent.paths.get(index).cloned() {
                    self.request_open(Pending::Open(path));
                }
            }
            FileCommand::Save => {
                self.save(false);
            }
            FileCommand::SaveAs => {
                self.save(true);
            }
            FileCommand::ExportFigure => {
                if let Some(open) = self.open_case() {
                    self.export_dialog = Some(ExportDialog::new(open));
                }
            }
            FileCommand::CopyScreenshot => {
                self.window_screenshot = Some(PendingScreenshot::new(ScreenshotUse::Copy));
            }
            FileCommand::SaveScreenshot => {
                let stem = self.open_case().map_or("casegraph", |open| {
                    open.document.name().strip_suffix(".case.json").unwrap_or(open.document.name())
                });
                let suggested = format!("{stem} screenshot.png");
                let folder = self.open_case().and_then(|open| open.document.file()?.parent().map(Path::to_path_buf));
                if let Some(path) = self.services.dialogs.choose_screenshot_path(&suggested, folder.as_deref()) {
                    self.window_screenshot = Some(PendingScreenshot::new(ScreenshotUse::Save(path)));
                }
            }
            FileCommand::Quit => {
                if self.is_dirty() {
                    self.prompt = Some(Prompt::Unsaved { then: Pending::Quit });
                } else {
                    self.close(ctx);
                }
            }
        }
    }

    fn show_export_dialog(&mut self, ctx: &egui::Context) {
        let (Some(mut dialog), Content::Open(open, _)) = (self.export_dialog.take(), &self.content) else { return };
        match export_dialog::show(ctx, &mut dialog, open) {
            Some(ExportAnswer::Cancel) => {}
            Some(ExportAnswer::Export) => {
                if !self.write_figure(&dialog) {
                    self.export_dialog = Some(dialog);
                }
            }
            None => self.export_dialog = Some(dialog),
        }
    }

    /// Copies or writes the picture of the window once it has arrived.
    fn use_window_screenshot(&mut self, ctx: &egui::Context) {
        let Some((purpose, image)) = self.window_screenshot.as_mut().and_then(|pending| pending.step(ctx)) else {
            return;
        };
        self.window_screenshot = None;
        match purpose {
            ScreenshotUse::Copy => ctx.copy_image((*image).clone()),
            ScreenshotUse::Save(path) => {
                if let Err(error) = write_png(&path, &image) {
                    let message = error.to_string();
                    self.prompt = Some(Prompt::Report { title: "The screenshot was not written".into(), message });
                }
            }
        }
    }

    /// Asks where, then writes the figure. True once written; false keeps the dialog open
    /// (the file choice was cancelled, or writing failed and the reason is shown).
    fn write_figure(&mut self, dialog: &ExportDialog) -> bool {
        let Content::Open(open, _) = &self.content else { return false };
        let stem = open.document.name().strip_suffix(".case.json").unwrap_or(open.document.name()).to_owned();
        let folder = open.document.file().and_then(Path::parent).map(Path::to_path_buf);
        let Some(path) = self
            .services
            .dialogs
            .choose_figure_path(&format!("{stem}.{}", dialog.format.extension()), folder.as_deref())
        else {
            return false;
        };
        let Some(format) = crate::export::FigureFormat::from_path(&path) else {
            self.prompt = Some(Prompt::Report {
                title: "The figure was not written".into(),
                message: format!("{}: end the file name with .png, .svg or .pdf", path.display()),
            });
            return false;
        };
        let written = crate::export::render_figure(&export_dialog::figure_input(open), &dialog.settings, format)
            .map_err(|error| error.to_string())
            .and_then(|bytes| crate::document::replace_atomically(&path, &bytes).map_err(|error| error.to_string()));
        match written {
            Ok(()) => {
                // The case keeps how its figure was made, so it can be made again exactly.
                if let Content::Open(open, _) = &mut self.content {
                    open.document.edit(Edit::SetFigureSettings(Box::new(dialog.settings.clone())));
                }
                true
            }
            Err(message) => {
                self.prompt = Some(Prompt::Report { title: "The figure was not written".into(), message });
                false
            }
        }
    }

    /// Opens another case, asking first when the open one has unsaved work.
    fn request_open(&mut self, what: Pending) {
        if self.is_dirty() {
            self.prompt = Some(Prompt::Unsaved { then: what });
        } else {
            self.carry_out(what, None);
        }
    }

    fn carry_out(&mut self, what: Pending, ctx: Option<&egui::Context>) {
        match what {
            Pending::Quit => {
                if let Some(ctx) = ctx {
                    self.close(ctx);
                }
            }
            Pending::Open(path) => self.open_path(&path),
            Pending::ChooseAndOpen => {
                let folder = self.open_case().and_then(|open| open.document.file()).and_then(Path::parent);
                let folder = folder.map(Path::to_path_buf);
                if let Some(path) = self.services.dialogs.choose_case_to_open(folder.as_deref()) {
                    self.open_path(&path);
                }
            }
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        self.may_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Opens the case at `path` in place of the open one; if it does not open, the open case
    /// stays as it was and the problems are shown.
    fn open_path(&mut self, path: &Path) {
        match Content::from_file(path) {
            opened @ Content::Open(..) => {
                self.forget_autosave();
                self.content = opened;
                self.autosave_due_from = None;
                self.autosaved_revision = None;
                self.remember_recent(path, true);
            }
            Content::Failed { file, report } => {
                if !path.exists() {
                    self.remember_recent(path, false);
                }
                self.prompt = Some(Prompt::OpenFailed { file, report });
            }
        }
    }

    fn remember_recent(&mut self, path: &Path, add: bool) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if add {
            self.recent.add(&path);
        } else {
            self.recent.remove(&path);
        }
        if let Some(folder) = &self.services.data_folder {
            // The list is a convenience: failing to keep it is not worth interrupting for.
            let _ = self.recent.store(folder);
        }
    }

    /// Saves the case, asking where for Save As or a case with no file. Returns true once it
    /// is saved; on failure the case stays unsaved and the reason is shown.
    fn save(&mut self, choose_file: bool) -> bool {
        let Content::Open(open, _) = &mut self.content else { return false };
        let camera = open.saved_camera();
        let document = &mut open.document;
        let old_file = document.file().map(Path::to_path_buf);
        let result = match (&old_file, choose_file) {
            (Some(_), false) => document.save(camera).map(|()| Vec::new()),
            _ => {
                let suggested = old_file
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or_else(|| document.name().to_owned(), |name| name.to_string_lossy().into_owned());
                let folder = old_file.as_deref().and_then(Path::parent);
                let Some(path) = self.services.dialogs.choose_where_to_save(&suggested, folder) else {
                    return false;
                };
                document.save_as(&path, camera)
            }
        };
        match result {
            Ok(notes) => {
                let new_file = document.file().map(Path::to_path_buf);
                if let Some(store) = self.autosave_store() {
                    store.remove(old_file.as_deref());
                    store.remove(new_file.as_deref());
                }
                self.autosave_due_from = None;
                if let Some(file) = new_file {
                    self.remember_recent(&file, true);
                }
                if !notes.is_empty() {
                    self.prompt = Some(Prompt::Report { title: "Saved, with notes".into(), message: notes.join("\n") });
                }
                true
            }
            Err(error) => {
                self.prompt =
                    Some(Prompt::Report { title: "The case was not saved".into(), message: error.to_string() });
                false
            }
        }
    }

    fn answer(&mut self, ctx: &egui::Context, prompt: Prompt, answer: Answer) {
        match (prompt, answer) {
            (Prompt::Unsaved { then }, Answer::Save) => {
                // A cancelled or failed save leaves the case open and unsaved.
                let saved = self.save(false);
                if saved {
                    self.carry_out(then, Some(ctx));
                }
            }
            (Prompt::Unsaved { then }, Answer::Discard) => {
                self.forget_autosave();
                self.carry_out(then, Some(ctx));
            }
            (Prompt::Restore(found), Answer::Restore) => self.restore(&found),
            (Prompt::Restore(found), Answer::Discard) => {
                if let Some(store) = self.autosave_store() {
                    store.remove(found.case_file.as_deref());
                }
            }
            (Prompt::ChangedOnDisk, Answer::Reload) => {
                if let Some(path) = self.open_case().and_then(|open| open.document.file()).map(Path::to_path_buf) {
                    self.open_path(&path);
                }
            }
            (Prompt::ChangedOnDisk, _) => {
                if let Some(open) = self.open_case_mut() {
                    open.document.accept_disk_version();
                }
            }
            _ => {}
        }
    }

    /// Opens autosaved work in place of what is shown, as unsaved changes to its own file.
    fn restore(&mut self, found: &Autosaved) {
        let documents: Box<dyn DocumentStore> = match &found.case_file {
            Some(file) => Box::new(documents_beside(file)),
            None => Box::new(crate::sample::sample_documents()),
        };
        let bytes = match std::fs::read(&found.copy) {
            Ok(bytes) => bytes,
            Err(cause) => {
                let report = UnreadableAutosave::Read { path: found.copy.clone(), cause }.to_string();
                self.prompt = Some(Prompt::OpenFailed { file: found.copy.display().to_string(), report });
                return;
            }
        };
        let name = match &found.case_file {
            Some(file) => file_name(file),
            None => crate::sample::SAMPLE_FILE_NAME.to_owned(),
        };
        let report = crate::model::load_case_bytes(&bytes, &found.copy.display().to_string(), documents.as_ref());
        match report.into_result() {
            Ok((case, warnings)) => {
                let mut document = Document::new(case, found.case_file.clone(), name, documents, warnings);
                document.mark_unsaved();
                self.content = Content::open(OpenCase::new(document));
                self.autosave_due_from = None;
                self.autosaved_revision = None;
            }
            Err(error) => {
                self.prompt = Some(Prompt::OpenFailed { file: error.file.clone(), report: error.to_string() });
            }
        }
    }

    fn forget_autosave(&mut self) {
        if let (Some(store), Some(open)) = (self.autosave_store(), self.open_case()) {
            store.remove(open.document.file());
        }
    }

    /// Copies unsaved work to the data folder once it has waited the interval; then waits
    /// for the next change.
    fn autosave_if_due(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        let revision = self.open_case().map(|open| open.document.revision());
        if !self.is_dirty() || revision == self.autosaved_revision {
            self.autosave_due_from = None;
            return;
        }
        let Some(store) = self.autosave_store() else { return };
        let since = *self.autosave_due_from.get_or_insert(now);
        let interval = self.autosave_interval.as_secs_f64();
        if now - since < interval {
            ctx.request_repaint_after(Duration::from_secs_f64(interval - (now - since)));
            return;
        }
        let Some(open) = self.open_case() else { return };
        if let Ok(text) = open.document.text_to_save(open.saved_camera()) {
            // A failed copy is tried again at the next change; the work is still in memory.
            let _ = store.write(open.document.file(), &text, SystemTime::now());
        }
        self.autosaved_revision = revision;
        self.autosave_due_from = None;
    }

    /// Offers to reload when another program changed the case's file.
    fn notice_changes_on_disk(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        let focused_now =
            ctx.input(|input| input.raw.events.iter().any(|event| matches!(event, egui::Event::WindowFocused(true))));
        if self.prompt.is_some() || !(focused_now || now - self.last_disk_check >= DISK_CHECK_INTERVAL_SECONDS) {
            return;
        }
        self.last_disk_check = now;
        if self.open_case().is_some_and(|open| open.document.changed_on_disk()) {
            self.prompt = Some(Prompt::ChangedOnDisk);
        }
    }
}

impl eframe::App for CaseApp {
    /// The canvas's background: the canvas leaves it as the window was cleared.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        super::marks::color(theme::BACKGROUND).to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // A frame's time runs from its start to the next frame's, so it includes the graphics
        // driver's work (a software renderer does most of its work there); it is only a
        // frame's cost when the frames follow each other, with the readout on or measuring.
        let now = Instant::now();
        let since_last_frame = self.last_frame_start.replace(now).map(|last| (now - last).as_secs_f32() * 1000.0);
        if let Some(milliseconds) = since_last_frame
            && self.frames_back_to_back
        {
            self.frame_times.push(milliseconds);
            if let Some(measurement) = &self.measurement
                && let Ok(mut times) = measurement.times_ms.lock()
                && times.len() < measurement.frames
            {
                times.push(milliseconds);
            }
        }
        self.show(ui);
        self.frames_back_to_back =
            self.measurement.is_some() || self.open_case().is_some_and(|open| open.show_frame_times);
    }

    /// A screenshot shows the case as laid out and selected, the same on every machine: the
    /// pointer (which a headless display parks mid-window) must not hover anything.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            raw_input.events.retain(|event| {
                !matches!(
                    event,
                    egui::Event::PointerMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseMoved(_)
                        | egui::Event::MouseWheel { .. }
                )
            });
            raw_input.events.push(egui::Event::PointerGone);
        }
    }
}

/// One frame of an open case, adding what its panels ask for to `commands`; true once the
/// layout has settled and the canvas shows its final picture.
fn show_open_case(
    ui: &mut egui::Ui,
    open: &mut OpenCase,
    panels: &mut CasePanels,
    commands: &mut Vec<Command>,
    frame_times: &FrameTimes,
) -> bool {
    let ctx = ui.ctx().clone();
    let moved = open.document.layout.advance(LAYOUT_STEPS_PER_FRAME);
    if moved && open.follow_layout {
        open.apply(Command::FitToCase);
    }
    egui::Panel::right("casegraph-evidence").resizable(true).default_size(360.0).show(ui, |ui| {
        commands.extend(evidence_panel::show(ui, open, &mut panels.quote_contexts));
    });
    egui::Panel::bottom("casegraph-legend").show(ui, |ui| {
        ui.add_space(4.0);
        commands.extend(legend::show(ui, open));
    });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let (rect, canvas_commands) = canvas::show(ui, open, &mut panels.canvas);
        open.canvas_rect = rect;
        commands.extend(canvas_commands);
        if open.show_frame_times {
            frame_times::show_readout(ui, rect, frame_times);
            ui.ctx().request_repaint();
        }
        if open.search.open {
            let search_rect =
                egui::Rect::from_min_size(rect.left_top() + egui::vec2(12.0, 12.0), egui::vec2(340.0, 300.0));
            let mut search_ui = ui.new_child(egui::UiBuilder::new().max_rect(search_rect));
            let (case, hidden) = (&open.document.case, open.document.hidden_kinds());
            let visible = |node: usize| !hidden.contains(&case.nodes[node].kind);
            commands.extend(search::show(&mut search_ui, &mut open.search, case, visible));
        }
    });
    if open.show_help {
        let mut still_open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut still_open)
            .resizable(false)
            .show(&ctx, |ui| menus::help(ui, &ctx));
        if !still_open {
            commands.push(Command::ToggleHelp);
        }
    }
    if open.show_warnings {
        commands.extend(warnings_panel::show(&ctx, open));
    }
    if !open.document.layout.is_settled() {
        ctx.request_repaint();
    }
    // The overview picture still being drawn is about to change what the window shows.
    open.document.layout.is_settled() && !panels.canvas.is_overview_behind()
}

/// Adds the bundled fonts behind egui's own: DejaVu Sans for the arrows, signs and Cyrillic
/// it lacks, then NanumGothic for Korean, so names in either script show as letters, not boxes.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for font in crate::fonts::BUNDLED_FONTS {
        let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
            .collect();
        ctx.add_font(FontInsert {
            name: font.family.to_owned(),
            data: egui::FontData::from_static(font.bytes),
            families,
        });
    }
}

fn show_failure(ui: &mut egui::Ui, file: &str, report: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(format!("{file} could not be opened"));
        ui.label(
            "Nothing was opened. Fix the problems below in a text editor, then open the file again (File → Open).",
        );
        ui.separator();
        egui::ScrollArea::both().show(ui, |ui| {
            ui.monospace(report);
        });
    });
}

fn take_screenshot_when_settled(ctx: &egui::Context, request: &mut ScreenshotRequest, settled: bool) {
    if request.requested {
        return;
    }
    if !settled {
        request.settled_frames = 0;
        return;
    }
    if request.settled_frames == 0
        && let Ok(mut settled_after_ms) = request.settled_after_ms.lock()
    {
        *settled_after_ms = Some(request.started.elapsed().as_secs_f32() * 1e3);
    }
    request.settled_frames += 1;
    if request.settled_frames < FRAMES_BEFORE_SCREENSHOT {
        ctx.request_repaint();
        return;
    }
    request.requested = true;
    let (path, outcome, ctx_for_close) = (request.path.clone(), Arc::clone(&request.outcome), ctx.clone());
    ctx.request_screenshot(move |image| {
        let written = write_png(&path, &image);
        if let Ok(mut slot) = outcome.lock() {
            *slot = Some(written);
        }
        ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx_for_close.request_repaint();
    });
}
