//! An import joined to the open case as one undo step: all of it, or, when any part would
//! leave the case invalid, none of it.

use super::{Document, FactEdit, FactEditError};
use crate::exchange::MergePlan;

impl Document {
    /// Applies `plan` (see [`crate::exchange::plan_merge`]) as one undo step, or leaves the
    /// case as it was and says why.
    pub fn join_import(&mut self, plan: MergePlan) -> Result<(), FactEditError> {
        let MergePlan { sources, nodes, links, quotes, node_updates, quote_updates, matched: _ } = plan;
        let mut edits = Vec::with_capacity(sources.len() + nodes.len() + links.len() + quotes.len());
        edits.extend(node_updates.into_iter().map(|(at, node)| FactEdit::UpdateNode(at, Box::new(node))));
        edits.extend(sources.into_iter().map(|source| FactEdit::AddSource(Box::new(source))));
        edits.extend(nodes.into_iter().map(|(node, position)| FactEdit::AddNode {
            node: Box::new(node),
            at: position.map(|position| [position.x as f32, position.y as f32]),
        }));
        edits.extend(links.into_iter().map(|link| FactEdit::AddLink(Box::new(link))));
        edits.extend(quotes.into_iter().map(|quote| FactEdit::AddQuote(Box::new(quote))));
        edits.extend(quote_updates.into_iter().map(|(at, quote)| FactEdit::UpdateQuote(at, Box::new(quote))));
        self.edit_facts_together(edits)
    }
}
