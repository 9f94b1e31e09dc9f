//! What the panels remember between frames about the case on screen. It is kept beside the
//! [`super::OpenCase`], never inside it, so drawing borrows the case and this state apart,
//! and it is dropped with the case when another opens or the same file is read again.

use super::canvas::CanvasState;
use super::editor::OpenEditor;
use super::evidence_panel::QuoteContexts;
use super::reader::SourceReader;
use super::review_panel::ReviewState;
use super::story_panel::{StoryAction, StoryDrafts};
use super::timeline_panel::TimelineState;

/// Which tab of the side panel is on show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    /// What is selected and the quotes behind it.
    #[default]
    Evidence,
    /// The source reader.
    Sources,
    /// The story's steps.
    Story,
}

/// The panels' own state for one open case.
#[derive(Default)]
pub struct CasePanels {
    /// The canvas: a drag in progress, what it worked out from the positions, the overview.
    pub canvas: CanvasState,
    /// The evidence panel: quotes found in their sources' text.
    pub quote_contexts: QuoteContexts,
    /// The side panel's tab on show.
    pub side_tab: SideTab,
    /// The source reader: the source on show, the find box, the selected passage.
    pub reader: SourceReader,
    /// The side panel's editor of a node, link, source or quote, while one is open.
    pub editor: Option<OpenEditor>,
    /// The review: the ledger of the facts as they are, and the reviewer's name and note.
    pub review: ReviewState,
    /// The timeline: the dated items worked out from the facts, the period typed, Play.
    pub timeline: TimelineState,
    /// The shown step's title and caption as typed.
    pub story_drafts: StoryDrafts,
    /// What the Story tab and the presenter asked for this frame, for the app to carry out.
    pub story_actions: Vec<StoryAction>,
}
