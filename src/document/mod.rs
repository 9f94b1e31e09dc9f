//! The open case as the analyst's work: its facts, the arrangement the layout and the analyst
//! make of them, what is hidden, the undo history, and the file it belongs to. [`Document::edit`],
//! [`Document::undo`] and [`Document::redo`] are the only ways it changes; saving writes it
//! back atomically. Nothing here knows about windows.

mod atomic_file;
mod autosave;
mod fact_edits;
mod fact_ops;
mod facts;
mod history;
mod import;
mod merge;
mod new_case;
mod passages;
mod recent_files;
mod relocate;
mod saving;
mod story_edits;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub use atomic_file::{
    SaveStage, WriteError, backup_path, create_folder_for, folder_of, json_text, replace_atomically, write_atomically,
    write_atomically_with,
};
pub use autosave::{
    AUTOSAVE_FOLDER, AutosaveListing, AutosaveStore, Autosaved, UnreadableAutosave, describe_unix_time,
};
pub use facts::{FactEdit, FactEditError, OrphanQuotes, quotes_orphaned_by};
pub use history::History;
pub use new_case::{NewCaseError, create_case_file};
pub use recent_files::{RECENT_FILES_KEPT, RECENT_FILES_NAME, RecentFiles, RecentFilesError};
pub use relocate::{relative_path, relocate_documents};
pub use story_edits::{StoryEdit, StoryEditError};

use crate::layout::{ForceLayout, LayoutSettings, LiveLayout, WorldPoint};
use crate::model::{Case, CaseGraph, Diagnostic, DocumentStore, FigureSettings, NodeIx, NodeKind, SaveError, Story};

/// Steps kept for undo.
const UNDO_LIMIT: usize = 500;

/// A change the analyst asks of the case. Each becomes one undo step, except that all the
/// moves of one drag, up to [`Edit::EndDrag`], are a single step.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Put a node at a world position and pin it: one move of a drag.
    MoveNode {
        /// The node.
        node: NodeIx,
        /// Its new position.
        to: WorldPoint,
    },
    /// The drag is over: its moves become one undo step.
    EndDrag,
    /// Pin or unpin one node.
    SetPinned {
        /// The node.
        node: NodeIx,
        /// Pinned afterwards.
        pinned: bool,
    },
    /// Pin every node.
    PinAll,
    /// Unpin every node.
    UnpinAll,
    /// Run the layout again; pinned nodes stay.
    RerunLayout,
    /// Show the nodes of a kind if hidden, hide them if shown.
    ToggleKind(NodeKind),
    /// Keep how the figure was exported, to make it again later.
    SetFigureSettings(Box<FigureSettings>),
}

/// One node's place: where it is and whether it is pinned.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Placement {
    node: NodeIx,
    at: WorldPoint,
    pinned: bool,
}

/// The places of some nodes, and whether the layout was at rest then.
#[derive(Clone, Debug, PartialEq)]
struct Arrangement {
    placements: Vec<Placement>,
    at_rest: bool,
}

/// What one undo step restores and redoes.
#[derive(Debug)]
enum Step {
    /// Nodes moved or were pinned or unpinned.
    Arrange { before: Arrangement, after: Arrangement },
    /// The layout was run again from `before`.
    Relayout { before: Arrangement },
    /// Kinds were shown or hidden.
    Visibility { before: Vec<NodeKind>, after: Vec<NodeKind> },
    /// The figure settings changed.
    Figure { before: Option<FigureSettings>, after: Option<FigureSettings> },
    /// Nodes, links, sources or quotes were added, changed or deleted.
    Facts(fact_edits::FactChanges),
    /// The story's steps changed.
    Story { before: Story, after: Story },
}

/// Why the case could not be saved. The file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum DocumentSaveError {
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The case cannot be written as JSON.
    #[error("{0}")]
    Encode(#[from] SaveError),
    /// The case came from no file (the bundled sample) and must be given one.
    #[error("this case has no file yet; use Save As… to choose where it goes")]
    NoFile,
}

/// When a file was last changed and how long it was, to notice edits made outside the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    length: u64,
}

impl FileStamp {
    /// The stamp of the file at `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self { modified: metadata.modified().ok(), length: metadata.len() })
    }
}

/// The case being worked on. Its facts, look-ups and arrangement are read through accessors
/// and change only through [`Document::edit`], [`Document::undo`] and [`Document::redo`], and
/// the layout's own movement through [`Document::step_layout`].
pub struct Document {
    /// The case as its file holds it (facts, saved positions, saved view).
    case: Case,
    /// Look-ups over the case.
    graph: CaseGraph,
    /// Where every node is now, moving while the layout runs.
    layout: LiveLayout,
    /// The local copies of the sources, for showing quotes in context.
    documents: Box<dyn DocumentStore>,
    /// What loading warned about, placed in the file.
    warnings_as_loaded: Vec<Diagnostic>,
    /// The warnings of the facts as they are now, once asked for after they changed.
    warnings_now: std::cell::OnceCell<Vec<Diagnostic>>,
    hidden_kinds: Vec<NodeKind>,
    figure: Option<FigureSettings>,
    history: History<Step>,
    /// Counts the changes to the facts, for what the window keeps worked out from them.
    facts_revision: u64,
    /// Ids of items deleted since the case was opened, never given to a new item.
    retired_ids: std::collections::HashSet<crate::model::Id>,
    /// The whole arrangement when the current drag started.
    drag_start: Option<Arrangement>,
    file: Option<PathBuf>,
    name: String,
    stamp: Option<FileStamp>,
    revision: u64,
}

impl Document {
    /// A document for `case`, read from `file` (`None` for the bundled sample) and shown as
    /// `name`. Its layout starts from the saved positions.
    pub fn new(
        case: Case,
        file: Option<PathBuf>,
        name: String,
        documents: Box<dyn DocumentStore>,
        warnings: Vec<Diagnostic>,
    ) -> Self {
        let graph = CaseGraph::new(&case);
        let layout = LiveLayout::new(ForceLayout::new(&case, &graph, LayoutSettings::default()));
        Self::from_parts(case, graph, layout, file, name, documents, warnings)
    }

    /// A document for `case` whose arrangement is `layout`, already run: the command line
    /// saves a layout it made without starting a second one.
    pub fn with_layout(
        case: Case,
        layout: ForceLayout,
        file: Option<PathBuf>,
        name: String,
        documents: Box<dyn DocumentStore>,
        warnings: Vec<Diagnostic>,
    ) -> Self {
        let graph = CaseGraph::new(&case);
        Self::from_parts(case, graph, LiveLayout::in_frames(layout), file, name, documents, warnings)
    }

    fn from_parts(
        case: Case,
        graph: CaseGraph,
        layout: LiveLayout,
        file: Option<PathBuf>,
        name: String,
        documents: Box<dyn DocumentStore>,
        warnings: Vec<Diagnostic>,
    ) -> Self {
        let stamp = file.as_deref().and_then(FileStamp::of);
        Self {
            hidden_kinds: case.view.hidden_kinds.clone(),
            figure: case.view.figure.clone(),
            case,
            graph,
            layout,
            documents,
            warnings_as_loaded: warnings,
            warnings_now: std::cell::OnceCell::new(),
            history: History::new(UNDO_LIMIT),
            facts_revision: 0,
            retired_ids: std::collections::HashSet::new(),
            drag_start: None,
            file,
            name,
            stamp,
            revision: 0,
        }
    }

    /// The case as its file holds it: facts, saved positions, saved view.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// Look-ups over the case: ids, neighbours, the quotes behind an item.
    pub fn graph(&self) -> &CaseGraph {
        &self.graph
    }

    /// Where every node is now, and which are pinned.
    pub fn layout(&self) -> &LiveLayout {
        &self.layout
    }

    /// The local copies of the sources, for showing quotes in context.
    pub fn documents(&self) -> &dyn DocumentStore {
        self.documents.as_ref()
    }

    /// What the case is warned about: as loaded (placed in the file) until its facts change,
    /// then the whole-case checks and the quote checks again, so a warning the analyst has
    /// dealt with goes away. Worked out once per change, when asked for.
    pub fn warnings(&self) -> &[Diagnostic] {
        if self.facts_revision == 0 {
            return &self.warnings_as_loaded;
        }
        self.warnings_now.get_or_init(|| {
            let mut diagnostics = Vec::new();
            crate::model::validate(&self.case, None, &mut diagnostics);
            crate::model::check_quotes_in_documents(&self.case, None, self.documents.as_ref(), &mut diagnostics);
            diagnostics.retain(|diagnostic| !diagnostic.is_error());
            diagnostics
        })
    }

    /// Moves the layout on by up to `max_steps` steps, or takes the newest step of a layout on
    /// its own thread; returns whether a node moved. This is the one change to the arrangement
    /// that is not an edit: the layout's own movement is not the analyst's, and is not undone.
    pub fn step_layout(&mut self, max_steps: usize) -> bool {
        self.layout.advance(max_steps)
    }

    /// Runs the layout until it comes to rest, as [`Document::step_layout`] does step by step.
    pub fn settle_layout(&mut self) {
        self.layout.run_until_settled();
    }

    /// The file the case is saved in, if it has one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The file's name as titles show it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Kinds the analyst has hidden, sorted.
    pub fn hidden_kinds(&self) -> &[NodeKind] {
        &self.hidden_kinds
    }

    /// How the figure is exported: as last exported, or the defaults.
    pub fn figure_settings(&self) -> FigureSettings {
        self.figure.clone().unwrap_or_default()
    }

    /// True when there are changes the file does not hold.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() || self.drag_start.is_some()
    }

    /// Marks the case as changed since its file, for work restored from an autosave.
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A number that changes whenever the facts change (nodes, links, sources or quotes added,
    /// edited or deleted, or such a change undone or redone), and only then.
    pub fn facts_revision(&self) -> u64 {
        self.facts_revision
    }

    /// A number that changes whenever the analyst changes the case (edit, undo or redo), so
    /// autosave can tell whether there is anything new to copy.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Carries out `edit`; returns whether anything changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let changed = self.apply_edit(edit);
        if changed {
            self.revision += 1;
        }
        changed
    }

    fn apply_edit(&mut self, edit: Edit) -> bool {
        let count = self.case.nodes.len();
        match edit {
            Edit::MoveNode { node, to } => {
                if node.index() >= count || !to.iter().all(|c| c.is_finite()) {
                    return false;
                }
                if self.drag_start.is_none() {
                    self.drag_start = Some(self.arrangement(NodeIx::all(count)));
                }
                self.layout.place_and_pin(node, to);
                true
            }
            Edit::EndDrag => {
                let Some(before) = self.drag_start.take() else { return false };
                let after = self.arrangement(NodeIx::all(count));
                let changed: Vec<NodeIx> = before
                    .placements
                    .iter()
                    .zip(&after.placements)
                    .filter(|(a, b)| a != b)
                    .map(|(a, _)| a.node)
                    .collect();
                if changed.is_empty() {
                    return false;
                }
                let keep = |arrangement: Arrangement| Arrangement {
                    placements: changed.iter().map(|&node| arrangement.placements[node.index()]).collect(),
                    at_rest: arrangement.at_rest,
                };
                self.history.push(Step::Arrange { before: keep(before), after: keep(after) });
                true
            }
            Edit::SetPinned { node, pinned } => {
                if node.index() >= count || self.layout.is_pinned(node) == pinned {
                    return false;
                }
                self.change_pins(vec![node], pinned)
            }
            Edit::PinAll | Edit::UnpinAll => {
                let pinned = edit == Edit::PinAll;
                let changing = NodeIx::all(count).filter(|&node| self.layout.is_pinned(node) != pinned).collect();
                self.change_pins(changing, pinned)
            }
            Edit::RerunLayout => {
                if count == 0 {
                    return false;
                }
                let before = self.arrangement(NodeIx::all(count));
                self.layout.restart();
                self.history.push(Step::Relayout { before });
                true
            }
            Edit::ToggleKind(kind) => {
                let before = self.hidden_kinds.clone();
                let mut after = before.clone();
                if let Some(at) = after.iter().position(|&hidden| hidden == kind) {
                    after.remove(at);
                } else {
                    after.push(kind);
                    after.sort_by_key(|kind| kind.as_str());
                }
                self.hidden_kinds = after.clone();
                self.history.push(Step::Visibility { before, after });
                true
            }
            Edit::SetFigureSettings(settings) => {
                let after = Some(*settings);
                if self.figure == after {
                    return false;
                }
                let before = std::mem::replace(&mut self.figure, after.clone());
                self.history.push(Step::Figure { before, after });
                true
            }
        }
    }

    fn change_pins(&mut self, nodes: Vec<NodeIx>, pinned: bool) -> bool {
        if nodes.is_empty() {
            return false;
        }
        let before = self.arrangement(nodes.iter().copied());
        for &node in &nodes {
            self.layout.set_pinned(node, pinned);
        }
        let after = self.arrangement(nodes.iter().copied());
        self.history.push(Step::Arrange { before, after });
        true
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        self.finish_drag();
        let Some(step) = self.history.undo() else { return false };
        match step {
            Step::Arrange { before, .. } | Step::Relayout { before } => {
                let before = before.clone();
                restore(&mut self.layout, &before);
            }
            Step::Visibility { before, .. } => self.hidden_kinds = before.clone(),
            Step::Figure { before, .. } => self.figure = before.clone(),
            Step::Story { before, .. } => self.case.story = before.clone(),
            Step::Facts(changes) => {
                let backward = changes.backward.clone();
                // The inverses were made from this very state; they always fit.
                let _undone: Result<Vec<fact_ops::FactOp>, ()> = self.apply_changes(backward);
            }
        }
        self.revision += 1;
        true
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        self.finish_drag();
        let Some(step) = self.history.redo() else { return false };
        match step {
            Step::Arrange { after, .. } => {
                let after = after.clone();
                restore(&mut self.layout, &after);
            }
            Step::Relayout { before } => {
                let before = before.clone();
                restore(&mut self.layout, &before);
                self.layout.restart();
            }
            Step::Visibility { after, .. } => self.hidden_kinds = after.clone(),
            Step::Figure { after, .. } => self.figure = after.clone(),
            Step::Story { after, .. } => self.case.story = after.clone(),
            Step::Facts(changes) => {
                let forward = changes.forward.clone();
                let _redone: Result<Vec<fact_ops::FactOp>, ()> = self.apply_changes(forward);
            }
        }
        self.revision += 1;
        true
    }

    /// A drag interrupted by undo or redo still counts as one step.
    fn finish_drag(&mut self) {
        if self.drag_start.is_some() {
            self.edit(Edit::EndDrag);
        }
    }

    fn arrangement(&self, nodes: impl Iterator<Item = NodeIx>) -> Arrangement {
        Arrangement {
            placements: nodes
                .map(|node| Placement { node, at: self.layout.position(node), pinned: self.layout.is_pinned(node) })
                .collect(),
            at_rest: self.layout.is_settled(),
        }
    }

    /// True when the file on disk changed since it was opened or saved here.
    pub fn changed_on_disk(&self) -> bool {
        match &self.file {
            Some(file) => FileStamp::of(file) != self.stamp,
            None => false,
        }
    }

    /// Accepts the file on disk as it is now, so it is not reported as changed again.
    pub fn accept_disk_version(&mut self) {
        self.stamp = self.file.as_deref().and_then(FileStamp::of);
    }
}

fn restore(layout: &mut LiveLayout, arrangement: &Arrangement) {
    let placements: Vec<(NodeIx, WorldPoint, bool)> =
        arrangement.placements.iter().map(|p| (p.node, p.at, p.pinned)).collect();
    layout.restore(&placements, arrangement.at_rest);
}

/// The name of the file at `path` as titles show it: the last part, or the whole path when
/// it has none.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}
