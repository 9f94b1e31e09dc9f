//! Changes to the facts: adding, editing, deleting and merging nodes, links, sources and
//! quotes. Each edit is planned as primitive changes ([`FactOp`]s) against the case, applied,
//! and checked with the same validation as loading; a change that would leave the case
//! invalid is taken back whole and reported.

use std::collections::HashSet;

use super::fact_ops::FactOp;
use super::fact_ops::{Item, NodePlace};
use crate::layout::WorldPoint;
use crate::model::{
    Case, CaseGraph, Id, ItemRef, Link, LinkIx, Node, NodeIx, PartialDate, Quote, QuoteIx, Review, Source, SourceIx,
    claim_fingerprint,
};

/// A change to the facts the analyst asks for. Each becomes one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum FactEdit {
    /// Adds a source (its files are already under `sources/`).
    AddSource(Box<Source>),
    /// Adds a node, at a world position or, without one, beside its neighbours.
    AddNode {
        /// The node, with a fresh id.
        node: Box<Node>,
        /// Where the analyst put it.
        at: Option<WorldPoint>,
    },
    /// Adds a link between two existing nodes.
    AddLink(Box<Link>),
    /// Adds a quote from an existing source.
    AddQuote(Box<Quote>),
    /// Puts new values in a node's fields; its id stays.
    UpdateNode(NodeIx, Box<Node>),
    /// Puts new values in a link's fields; its id stays.
    UpdateLink(LinkIx, Box<Link>),
    /// Puts new values in a source's fields; its id stays.
    UpdateSource(SourceIx, Box<Source>),
    /// Puts new values in a quote's fields; its id stays.
    UpdateQuote(QuoteIx, Box<Quote>),
    /// Deletes a node and its links.
    DeleteNode(NodeIx, OrphanQuotes),
    /// Deletes a link.
    DeleteLink(LinkIx, OrphanQuotes),
    /// Deletes a quote.
    DeleteQuote(QuoteIx),
    /// Deletes a source and every quote from it.
    DeleteSource(SourceIx),
    /// Merges `away` into `keep`: links, aliases and quotes carried over, `away`'s label kept
    /// as an alias, and `away` deleted.
    MergeNodes {
        /// The node that stays.
        keep: NodeIx,
        /// The node merged into it.
        away: NodeIx,
    },
    /// Marks a node or link reviewed as it stands now (its fingerprint is taken), in place of
    /// any earlier mark.
    MarkReviewed {
        /// The claim.
        item: ItemRef,
        /// Who reviewed it.
        by: String,
        /// What they noted.
        note: Option<String>,
        /// When.
        date: Option<PartialDate>,
    },
    /// Takes a claim's review mark away.
    ClearReview(ItemRef),
}

/// What becomes of quotes that a deletion leaves supporting nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrphanQuotes {
    /// Keep them, supporting nothing, to use again.
    Keep,
    /// Delete them too.
    Delete,
}

/// Why a fact edit was not made; the case is as it was.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FactEditError {
    /// The edit names an item the case does not have.
    #[error("there is no such {0} in the case")]
    NoSuchItem(&'static str),
    /// An update would change an item's id, which other items refer to.
    #[error("an item's id cannot be changed (`{from}` to `{to}`)")]
    IdChanged {
        /// The id it has.
        from: String,
        /// The id asked for.
        to: String,
    },
    /// A node cannot be merged into itself.
    #[error("a node cannot be merged into itself")]
    MergeIntoItself,
    /// The case would no longer be valid.
    #[error("{message}")]
    Invalid {
        /// The first error validation found.
        message: String,
        /// What to do about it.
        help: Option<String>,
    },
}

/// Plans `edit` against `case` as primitive changes, in the order they are applied.
pub(super) fn plan(case: &Case, graph: &CaseGraph, edit: FactEdit) -> Result<Vec<FactOp>, FactEditError> {
    match edit {
        FactEdit::AddSource(source) => {
            Ok(vec![FactOp::Insert(ItemRef::Source(SourceIx::new(case.sources.len())), Item::Source(source))])
        }
        FactEdit::AddNode { node, at } => {
            let place = NodePlace { saved: None, live: at.map(|at| (at, false)) };
            Ok(vec![FactOp::Insert(ItemRef::Node(NodeIx::new(case.nodes.len())), Item::Node(node, place))])
        }
        FactEdit::AddLink(link) => {
            Ok(vec![FactOp::Insert(ItemRef::Link(LinkIx::new(case.links.len())), Item::Link(link))])
        }
        FactEdit::AddQuote(quote) => {
            Ok(vec![FactOp::Insert(ItemRef::Quote(QuoteIx::new(case.quotes.len())), Item::Quote(quote))])
        }
        FactEdit::UpdateNode(ix, node) => {
            same_id(case.nodes.get(ix.index()).map(|n| &n.id), &node.id, "node")?;
            Ok(vec![FactOp::replace_node(ix, *node)])
        }
        FactEdit::UpdateLink(ix, link) => {
            same_id(case.links.get(ix.index()).map(|l| &l.id), &link.id, "link")?;
            Ok(vec![FactOp::replace_link(ix, *link)])
        }
        FactEdit::UpdateSource(ix, source) => {
            same_id(case.sources.get(ix.index()).map(|s| &s.id), &source.id, "source")?;
            Ok(vec![FactOp::replace_source(ix, *source)])
        }
        FactEdit::UpdateQuote(ix, quote) => {
            same_id(case.quotes.get(ix.index()).map(|q| &q.id), &quote.id, "quote")?;
            Ok(vec![FactOp::replace_quote(ix, *quote)])
        }
        FactEdit::DeleteNode(ix, orphans) => plan_node_deletion(case, graph, ix, orphans),
        FactEdit::DeleteLink(ix, orphans) => {
            let link = case.links.get(ix.index()).ok_or(FactEditError::NoSuchItem("link"))?;
            let gone = std::slice::from_ref(&link.id);
            let mut ops: Vec<FactOp> = reviews_without(case, gone).into_iter().collect();
            ops.extend(Removal::of_items(case, gone, &[ix], orphans).into_ops(case));
            Ok(ops)
        }
        FactEdit::DeleteQuote(ix) => {
            case.quotes.get(ix.index()).ok_or(FactEditError::NoSuchItem("quote"))?;
            Ok(Removal { quotes: vec![ix], ..Removal::default() }.into_ops(case))
        }
        FactEdit::DeleteSource(ix) => plan_source_deletion(case, ix),
        FactEdit::MergeNodes { keep, away } => super::merge::plan_merge(case, graph, keep, away),
        FactEdit::MarkReviewed { item, by, note, date } => {
            let id = claim_id(case, item)?;
            let fingerprint = claim_fingerprint(case, graph, item);
            let mut reviews: Vec<Review> = case.reviews.iter().filter(|review| review.item != *id).cloned().collect();
            reviews.push(Review { item: id.clone(), by, date, note, fingerprint });
            Ok(vec![FactOp::SetReviews(reviews)])
        }
        FactEdit::ClearReview(item) => {
            let id = claim_id(case, item)?;
            Ok(reviews_without(case, std::slice::from_ref(id)).into_iter().collect())
        }
    }
}

/// The id of a node or link.
fn claim_id(case: &Case, item: ItemRef) -> Result<&Id, FactEditError> {
    match item {
        ItemRef::Node(node) => {
            case.nodes.get(node.index()).map(|node| &node.id).ok_or(FactEditError::NoSuchItem("node"))
        }
        ItemRef::Link(link) => {
            case.links.get(link.index()).map(|link| &link.id).ok_or(FactEditError::NoSuchItem("link"))
        }
        ItemRef::Source(_) | ItemRef::Quote(_) => Err(FactEditError::NoSuchItem("node or link")),
    }
}

/// The review marks without those of the items `gone`, when any would go; deleting a claim
/// takes its mark with it.
pub(super) fn reviews_without(case: &Case, gone: &[Id]) -> Option<FactOp> {
    let kept: Vec<Review> = case.reviews.iter().filter(|review| !gone.contains(&review.item)).cloned().collect();
    (kept.len() != case.reviews.len()).then_some(FactOp::SetReviews(kept))
}

fn same_id(current: Option<&Id>, new: &Id, what: &'static str) -> Result<(), FactEditError> {
    let current = current.ok_or(FactEditError::NoSuchItem(what))?;
    if current == new {
        Ok(())
    } else {
        Err(FactEditError::IdChanged { from: current.to_string(), to: new.to_string() })
    }
}

fn plan_node_deletion(
    case: &Case,
    graph: &CaseGraph,
    ix: NodeIx,
    orphans: OrphanQuotes,
) -> Result<Vec<FactOp>, FactEditError> {
    let node = case.nodes.get(ix.index()).ok_or(FactEditError::NoSuchItem("node"))?;
    let links: Vec<LinkIx> = touching_links(case, graph, ix);
    let mut ids: Vec<Id> = links.iter().map(|&link| case.links[link].id.clone()).collect();
    ids.push(node.id.clone());
    let mut ops: Vec<FactOp> = reviews_without(case, &ids).into_iter().collect();
    let mut removal = Removal::of_items(case, &ids, &links, orphans);
    removal.nodes.push(ix);
    ops.extend(removal.into_ops(case));
    Ok(ops)
}

/// The links from or to `node`, in file order.
pub(super) fn touching_links(case: &Case, graph: &CaseGraph, node: NodeIx) -> Vec<LinkIx> {
    LinkIx::all(case.links.len())
        .filter(|&link| graph.link_ends(link).is_some_and(|(source, target)| source == node || target == node))
        .collect()
}

fn plan_source_deletion(case: &Case, ix: SourceIx) -> Result<Vec<FactOp>, FactEditError> {
    let source = case.sources.get(ix.index()).ok_or(FactEditError::NoSuchItem("source"))?;
    let quotes = QuoteIx::all(case.quotes.len()).filter(|&quote| case.quotes[quote].source == source.id).collect();
    let removal = Removal { quotes, sources: vec![ix], ..Removal::default() };
    Ok(removal.into_ops(case))
}

/// Quotes that deleting the items `ids` would leave supporting nothing.
pub fn quotes_orphaned_by(case: &Case, ids: &[Id]) -> Vec<QuoteIx> {
    let gone: HashSet<&Id> = ids.iter().collect();
    QuoteIx::all(case.quotes.len())
        .filter(|&ix| {
            let supports = &case.quotes[ix].supports;
            !supports.is_empty() && supports.iter().all(|id| gone.contains(id))
        })
        .collect()
}

/// What a deletion takes out and changes, planned before anything moves.
#[derive(Default)]
pub(super) struct Removal {
    pub replaced_quotes: Vec<(QuoteIx, Quote)>,
    pub replaced_links: Vec<(LinkIx, Link)>,
    pub replaced_nodes: Vec<(NodeIx, Node)>,
    pub quotes: Vec<QuoteIx>,
    pub links: Vec<LinkIx>,
    pub nodes: Vec<NodeIx>,
    pub sources: Vec<SourceIx>,
    /// A node merged away, and the node that takes its place in the story.
    pub renamed: Option<(Id, Id)>,
}

impl Removal {
    /// Deleting the links `links` and whatever else `ids` names (a node): quotes lose their
    /// support for them, and those left supporting nothing go if `orphans` says so.
    pub fn of_items(case: &Case, ids: &[Id], links: &[LinkIx], orphans: OrphanQuotes) -> Self {
        let gone: HashSet<&Id> = ids.iter().collect();
        let mut removal = Self { links: links.to_vec(), ..Self::default() };
        for ix in QuoteIx::all(case.quotes.len()) {
            let quote = &case.quotes[ix];
            if !quote.supports.iter().any(|id| gone.contains(id)) {
                continue;
            }
            let supports: Vec<Id> = quote.supports.iter().filter(|id| !gone.contains(id)).cloned().collect();
            if supports.is_empty() && orphans == OrphanQuotes::Delete {
                removal.quotes.push(ix);
            } else {
                removal.replaced_quotes.push((ix, Quote { supports, ..quote.clone() }));
            }
        }
        removal
    }

    /// The story without what goes, and with a merged node's successor in its place, when
    /// that changes anything: the steps never name what is not there.
    fn story_op(&self, case: &Case) -> Option<FactOp> {
        let mut gone: Vec<Id> = Vec::new();
        gone.extend(self.quotes.iter().map(|&quote| case.quotes[quote].id.clone()));
        gone.extend(self.links.iter().map(|&link| case.links[link].id.clone()));
        gone.extend(self.nodes.iter().map(|&node| case.nodes[node].id.clone()));
        let mut story = case.story.clone();
        let mut changed = false;
        for step in &mut story.steps {
            if let Some((away, keep)) = &self.renamed {
                changed |= step.rename(away, keep);
            }
            changed |= step.forget(&gone);
        }
        changed.then_some(FactOp::SetStory(story))
    }

    /// The changes in an order whose indices stay right: the story first, then replacements,
    /// then each collection's removals from the last index down.
    pub fn into_ops(mut self, case: &Case) -> Vec<FactOp> {
        fn descending<T: Ord>(indices: &mut Vec<T>) {
            indices.sort_unstable();
            indices.dedup();
            indices.reverse();
        }
        let mut ops: Vec<FactOp> = self.story_op(case).into_iter().collect();
        ops.extend(self.replaced_nodes.into_iter().map(|(ix, node)| FactOp::replace_node(ix, node)));
        ops.extend(self.replaced_links.into_iter().map(|(ix, link)| FactOp::replace_link(ix, link)));
        ops.extend(self.replaced_quotes.into_iter().map(|(ix, quote)| FactOp::replace_quote(ix, quote)));
        descending(&mut self.quotes);
        descending(&mut self.links);
        descending(&mut self.nodes);
        descending(&mut self.sources);
        ops.extend(self.quotes.into_iter().map(|ix| FactOp::Remove(ItemRef::Quote(ix))));
        ops.extend(self.links.into_iter().map(|ix| FactOp::Remove(ItemRef::Link(ix))));
        ops.extend(self.nodes.into_iter().map(|ix| FactOp::Remove(ItemRef::Node(ix))));
        ops.extend(self.sources.into_iter().map(|ix| FactOp::Remove(ItemRef::Source(ix))));
        ops
    }
}
