//! What the panels remember between frames about the case on screen. It is kept beside the
//! [`super::OpenCase`], never inside it, so drawing borrows the case and this state apart,
//! and it is dropped with the case when another opens or the same file is read again.

use super::canvas::CanvasState;
use super::evidence_panel::QuoteContexts;

/// The panels' own state for one open case.
#[derive(Debug, Default)]
pub struct CasePanels {
    /// The canvas: a drag in progress, what it worked out from the positions, the overview.
    pub canvas: CanvasState,
    /// The evidence panel: quotes found in their sources' text.
    pub quote_contexts: QuoteContexts,
}
