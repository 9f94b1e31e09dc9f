//! The document's side of fact edits: applying planned changes, checking the result, taking it
//! back whole when it is not valid, and keeping the look-ups and the layout in step.

use indexmap::IndexMap;

use super::fact_ops::{self, FactOp, Item, LivePlaces};
use super::facts::{self, FactEdit, FactEditError};
use super::{Document, Step};
use crate::layout::{ForceLayout, LayoutSettings};
use crate::model::new_ids::fresh_id;
use crate::model::{
    Case, CaseGraph, CaseInfo, Diagnostic, Id, ItemRef, NodeIx, Position, QuoteIx, errors_as_read, validate,
};

/// The changes of one fact edit, in the order to apply them, and their inverses in the order
/// that undoes them.
#[derive(Debug)]
pub(super) struct FactChanges {
    pub forward: Vec<FactOp>,
    pub backward: Vec<FactOp>,
}

impl Document {
    /// Carries out a change to the facts as one undo step, or leaves the case as it was and
    /// says why.
    pub fn edit_facts(&mut self, edit: FactEdit) -> Result<(), FactEditError> {
        self.finish_drag();
        let forward = facts::plan(&self.case, &self.graph, edit)?;
        let appended = self.appended_item(&forward);
        if let Some(item) = appended {
            // One item added at the end: checked before, on its own and with what it names, so
            // that adding to a big case costs what the item costs, not what the case does.
            self.check_appended(item)?;
        }
        let checked_before = appended.is_some();
        let backward = self.apply_changes(forward.clone()).map_err(|()| FactEditError::NoSuchItem("item"))?;
        if !checked_before {
            let mut diagnostics = errors_as_read(&items_to_check(&forward));
            validate(&self.case, None, &mut diagnostics);
            if let Some(error) = diagnostics.iter().find(|diagnostic| diagnostic.is_error()) {
                let error = invalid(error);
                // Taking back what was just applied cannot fail: it is its exact inverse.
                let _restored: Result<Vec<FactOp>, ()> = self.apply_changes(backward);
                return Err(error);
            }
        }
        self.history.push(Step::Facts(FactChanges { forward, backward }));
        self.revision += 1;
        Ok(())
    }

    /// Carries out `edits` in order as one undo step (a node with the quote that backs it), or
    /// none of them and says why the first that failed was refused.
    pub fn edit_facts_together(&mut self, edits: Vec<FactEdit>) -> Result<(), FactEditError> {
        let mut made = 0;
        let mut outcome = Ok(());
        for edit in edits {
            outcome = self.edit_facts(edit);
            if outcome.is_err() {
                break;
            }
            made += 1;
        }
        let mut taken = Vec::with_capacity(made);
        for _ in 0..made {
            if let Some(Step::Facts(changes)) = self.history.take_last() {
                taken.push(changes);
            }
        }
        if let Err(error) = outcome {
            for changes in taken {
                // Each was just applied from this very state; its inverse always fits.
                let _restored: Result<Vec<FactOp>, ()> = self.apply_changes(changes.backward);
            }
            self.revision += 1;
            return Err(error);
        }
        taken.reverse();
        let mut forward = Vec::new();
        let mut backward = Vec::new();
        for changes in taken {
            forward.extend(changes.forward);
            backward.splice(0..0, changes.backward);
        }
        self.history.push(Step::Facts(FactChanges { forward, backward }));
        Ok(())
    }

    /// Applies `changes` in order; returns their inverses in undo order. On a change that
    /// does not fit, those already made are taken back.
    pub(super) fn apply_changes(&mut self, changes: Vec<FactOp>) -> Result<Vec<FactOp>, ()> {
        self.facts_revision += 1;
        self.warnings_now = std::cell::OnceCell::new();
        if self.only_appends(&changes) {
            return self.append(changes);
        }
        let mut live = self.live_places();
        let reshapes_layout = changes.iter().any(|op| op.changes_nodes() || op.touches_links());
        let mut inverses = Vec::with_capacity(changes.len());
        for op in changes {
            if let FactOp::Remove(at) = &op {
                self.retire_id(*at);
            }
            match fact_ops::apply(&mut self.case, &mut live, op) {
                Ok(inverse) => inverses.push(inverse),
                Err(fact_ops::OpMismatch) => {
                    for inverse in inverses.into_iter().rev() {
                        let _restored: Result<FactOp, fact_ops::OpMismatch> =
                            fact_ops::apply(&mut self.case, &mut live, inverse);
                    }
                    self.graph = CaseGraph::new(&self.case);
                    return Err(());
                }
            }
        }
        inverses.reverse();
        self.graph = CaseGraph::new(&self.case);
        if reshapes_layout {
            self.rebuild_layout(&live);
        }
        Ok(inverses)
    }

    /// The item, when `changes` only add one item at the end of its collection.
    fn appended_item<'c>(&self, changes: &'c [FactOp]) -> Option<&'c Item> {
        let [FactOp::Insert(_, item)] = changes else { return None };
        self.only_appends(changes).then_some(item)
    }

    /// True when `changes` only add items, each at the end of its collection: a node and the
    /// quote that backs it, say, redone.
    fn only_appends(&self, changes: &[FactOp]) -> bool {
        let mut counts =
            [self.case.nodes.len(), self.case.links.len(), self.case.sources.len(), self.case.quotes.len()];
        changes.iter().all(|op| {
            let FactOp::Insert(at, _) = op else { return false };
            let (collection, index) = match at {
                ItemRef::Node(ix) => (0, ix.index()),
                ItemRef::Link(ix) => (1, ix.index()),
                ItemRef::Source(ix) => (2, ix.index()),
                ItemRef::Quote(ix) => (3, ix.index()),
            };
            counts[collection] += 1;
            index + 1 == counts[collection]
        })
    }

    /// Adds items at the ends of their collections, taking them into the look-ups and the layout as they are.
    fn append(&mut self, changes: Vec<FactOp>) -> Result<Vec<FactOp>, ()> {
        let mut live = LivePlaces::new();
        let mut inverses = Vec::with_capacity(1);
        for op in changes {
            let FactOp::Insert(at, _) = &op else { return Err(()) };
            let at = *at;
            inverses.push(fact_ops::apply(&mut self.case, &mut live, op).map_err(|_mismatch| ())?);
            self.graph.push(&self.case, at);
            match at {
                ItemRef::Node(node) => {
                    let id = self.case.nodes[node].id.as_str();
                    let place = live.get(&self.case.nodes[node].id).map(|&(at, _)| at);
                    self.layout.add_node(id, place, LayoutSettings::default().edge_length);
                }
                ItemRef::Link(link) => {
                    if let Some((source, target)) = self.graph.link_ends(link) {
                        self.layout.add_pair(source, target);
                    }
                }
                ItemRef::Source(_) | ItemRef::Quote(_) => {}
            }
        }
        Ok(inverses)
    }

    /// Checks an item about to be added at the end: its id is new, it meets the file format's
    /// rules, and the whole-case checks pass for it and the items it names.
    fn check_appended(&self, item: &Item) -> Result<(), FactEditError> {
        let mut alone = items_alone([item]);
        let id = match item {
            Item::Node(node, _) => &node.id,
            Item::Link(link) => &link.id,
            Item::Source(source) => &source.id,
            Item::Quote(quote) => &quote.id,
        };
        if let Some(used) = self.graph.resolve(id.as_str()) {
            let message = format!("the id `{id}` is already used by {}", describe(used));
            return Err(FactEditError::Invalid { message, help: Some("give the new item another id".to_owned()) });
        }
        let mut diagnostics = errors_as_read(&alone);
        self.add_named_items(&mut alone);
        validate(&alone, None, &mut diagnostics);
        match diagnostics.iter().find(|diagnostic| diagnostic.is_error()) {
            Some(error) => Err(invalid(error)),
            None => Ok(()),
        }
    }

    /// Adds to `items` the existing items its links and quotes name (and a named link's ends),
    /// so the whole-case checks can run on them alone.
    fn add_named_items(&self, items: &mut Case) {
        let mut names: Vec<Id> = Vec::new();
        for link in &items.links {
            names.extend([link.source.clone(), link.target.clone()]);
        }
        for quote in &items.quotes {
            names.push(quote.source.clone());
            names.extend(quote.supports.iter().cloned());
        }
        names.sort_unstable();
        names.dedup();
        let mut ends: Vec<Id> = Vec::new();
        for name in &names {
            match self.graph.resolve(name.as_str()) {
                Some(ItemRef::Node(node)) => items.nodes.push(self.case.nodes[node].clone()),
                Some(ItemRef::Link(link)) => {
                    let link = &self.case.links[link];
                    ends.extend([link.source.clone(), link.target.clone()]);
                    items.links.push(link.clone());
                }
                Some(ItemRef::Source(source)) => items.sources.push(self.case.sources[source].clone()),
                Some(ItemRef::Quote(_)) | None => {}
            }
        }
        for end in ends.into_iter().filter(|end| !names.contains(end)) {
            if let Some(node) = self.graph.node_index(end.as_str())
                && !items.nodes.iter().any(|n| n.id == end)
            {
                items.nodes.push(self.case.nodes[node].clone());
            }
        }
    }

    fn retire_id(&mut self, at: ItemRef) {
        let id = match at {
            ItemRef::Node(ix) => self.case.nodes.get(ix.index()).map(|n| &n.id),
            ItemRef::Link(ix) => self.case.links.get(ix.index()).map(|l| &l.id),
            ItemRef::Source(ix) => self.case.sources.get(ix.index()).map(|s| &s.id),
            ItemRef::Quote(ix) => self.case.quotes.get(ix.index()).map(|q| &q.id),
        };
        if let Some(id) = id {
            self.retired_ids.insert(id.clone());
        }
    }

    /// Every node's place on the canvas now, by id.
    fn live_places(&self) -> LivePlaces {
        let positions = self.layout.positions();
        let pinned = self.layout.pinned();
        self.case
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(index, node)| Some((node.id.clone(), (*positions.get(index)?, *pinned.get(index)?))))
            .collect()
    }

    /// A layout for the changed case that starts where every node is now; new nodes without
    /// a place go beside their neighbours, and the layout relaxes gently from there.
    fn rebuild_layout(&mut self, live: &LivePlaces) {
        let placed: IndexMap<Id, Position> = self
            .case
            .nodes
            .iter()
            .filter_map(|node| {
                let &([x, y], pinned) = live.get(&node.id)?;
                Some((node.id.clone(), Position { x: f64::from(x), y: f64::from(y), pinned }))
            })
            .collect();
        let all_placed = placed.len() == self.case.nodes.len();
        let was_at_rest = self.layout.is_settled();
        let saved = std::mem::replace(&mut self.case.layout.positions, placed);
        let mut layout = ForceLayout::new(&self.case, &self.graph, LayoutSettings::default());
        self.case.layout.positions = saved;
        layout.go_on_from_here(was_at_rest && all_placed);
        self.layout.replace(layout);
    }

    /// A new id for an item named `words`, such as `p-kim-ju-hyok`: readable, valid for
    /// FollowTheMoney, and never one the case uses or used before a deletion.
    pub fn fresh_id(&self, prefix: &str, words: &str) -> Id {
        fresh_id(prefix, words, prefix, |id| self.graph.resolve(id).is_some() || self.retired_ids.contains(id))
    }

    /// Quotes that deleting `item` (with a node, its links) would leave supporting nothing:
    /// the analyst chooses whether they go too.
    pub fn quotes_orphaned_by_deleting(&self, item: ItemRef) -> Vec<QuoteIx> {
        let ids: Vec<Id> = match item {
            ItemRef::Node(node) => {
                let mut ids: Vec<Id> = facts::touching_links(&self.case, &self.graph, node)
                    .into_iter()
                    .map(|link| self.case.links[link].id.clone())
                    .collect();
                ids.extend(self.case.nodes.get(node.index()).map(|n| n.id.clone()));
                ids
            }
            ItemRef::Link(link) => self.case.links.get(link.index()).map(|l| l.id.clone()).into_iter().collect(),
            ItemRef::Source(_) | ItemRef::Quote(_) => Vec::new(),
        };
        facts::quotes_orphaned_by(&self.case, &ids)
    }

    /// The node the analyst just added, for selecting it: the last one.
    pub fn last_node(&self) -> Option<NodeIx> {
        self.case.nodes.len().checked_sub(1).map(NodeIx::new)
    }
}

/// The items an edit puts into the case, on their own, for [`errors_as_read`].
fn items_to_check(changes: &[FactOp]) -> Case {
    let mut items = items_alone(changes.iter().filter_map(|op| match op {
        FactOp::Insert(_, item) | FactOp::Replace(_, item) => Some(item),
        FactOp::Remove(_) | FactOp::SetReviews(_) | FactOp::SetStory(_) => None,
    }));
    for op in changes {
        if let FactOp::SetReviews(reviews) = op {
            items.reviews.clone_from(reviews);
        }
    }
    items
}

/// A case holding only `given`.
fn items_alone<'i>(given: impl IntoIterator<Item = &'i Item>) -> Case {
    let mut items =
        Case { info: CaseInfo { title: "edited items".to_owned(), ..CaseInfo::default() }, ..Case::default() };
    for item in given {
        match item {
            Item::Node(node, _) => items.nodes.push(node.as_ref().clone()),
            Item::Link(link) => items.links.push(link.as_ref().clone()),
            Item::Source(source) => items.sources.push(source.as_ref().clone()),
            Item::Quote(quote) => items.quotes.push(quote.as_ref().clone()),
        }
    }
    items
}

fn describe(item: ItemRef) -> &'static str {
    match item {
        ItemRef::Node(_) => "a node",
        ItemRef::Link(_) => "a link",
        ItemRef::Source(_) => "a source",
        ItemRef::Quote(_) => "a quote",
    }
}

fn invalid(error: &Diagnostic) -> FactEditError {
    FactEditError::Invalid { message: error.message.clone(), help: error.help.clone() }
}
