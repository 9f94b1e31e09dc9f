//! The primitive changes every fact edit is made of: insert, remove or replace one node, link,
//! source or quote, or put new review marks in place. Applying one gives back its inverse, so an edit's undo is its inverses
//! applied in reverse order, and redo its changes applied again: both reach the same bytes.

use std::collections::HashMap;

use crate::layout::WorldPoint;
use crate::model::{
    Case, Id, ItemRef, Link, LinkIx, Node, NodeIx, Position, Quote, QuoteIx, Review, Source, SourceIx, Story,
};

/// Where a node is on the canvas now and whether it is pinned, by id: kept through an edit so
/// the layout goes on from where it was.
pub(super) type LivePlaces = HashMap<Id, (WorldPoint, bool)>;

/// Where a removed node was: its saved position (with its place in the file's order) and its
/// place on the canvas, so that putting it back restores both exactly.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct NodePlace {
    pub saved: Option<(usize, Position)>,
    pub live: Option<(WorldPoint, bool)>,
}

/// One node, link, source or quote, with what putting a node back needs.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Item {
    Node(Box<Node>, NodePlace),
    Link(Box<Link>),
    Source(Box<Source>),
    Quote(Box<Quote>),
}

/// One primitive change.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum FactOp {
    /// Puts `Item` at the index `ItemRef` names, moving later items up.
    Insert(ItemRef, Item),
    /// Takes out the item at the index, moving later items down.
    Remove(ItemRef),
    /// Puts `Item` in place of the item at the index.
    Replace(ItemRef, Item),
    /// Puts this list in place of the case's review marks.
    SetReviews(Vec<Review>),
    /// Puts this story in place of the case's.
    SetStory(Story),
}

/// Why a primitive change could not be made: an index past the end, or an item of another
/// collection. Edits are planned against the case, so this means a planning mistake.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct OpMismatch;

/// Applies `op` to `case` and `live`; returns the op that undoes it.
pub(super) fn apply(case: &mut Case, live: &mut LivePlaces, op: FactOp) -> Result<FactOp, OpMismatch> {
    match op {
        FactOp::Insert(at, item) => insert(case, live, at, item).map(|()| FactOp::Remove(at)),
        FactOp::Remove(at) => remove(case, live, at).map(|item| FactOp::Insert(at, item)),
        FactOp::Replace(at, item) => replace(case, at, item).map(|old| FactOp::Replace(at, old)),
        FactOp::SetReviews(reviews) => Ok(FactOp::SetReviews(std::mem::replace(&mut case.reviews, reviews))),
        FactOp::SetStory(story) => Ok(FactOp::SetStory(std::mem::replace(&mut case.story, story))),
    }
}

fn insert(case: &mut Case, live: &mut LivePlaces, at: ItemRef, item: Item) -> Result<(), OpMismatch> {
    match (at, item) {
        (ItemRef::Node(ix), Item::Node(node, place)) if ix.index() <= case.nodes.len() => {
            if let Some((order, position)) = place.saved {
                let order = order.min(case.layout.positions.len());
                case.layout.positions.shift_insert(order, node.id.clone(), position);
            }
            if let Some(place) = place.live {
                live.insert(node.id.clone(), place);
            }
            case.nodes.insert(ix.index(), *node);
        }
        (ItemRef::Link(ix), Item::Link(link)) if ix.index() <= case.links.len() => case.links.insert(ix.index(), *link),
        (ItemRef::Source(ix), Item::Source(source)) if ix.index() <= case.sources.len() => {
            case.sources.insert(ix.index(), *source);
        }
        (ItemRef::Quote(ix), Item::Quote(quote)) if ix.index() <= case.quotes.len() => {
            case.quotes.insert(ix.index(), *quote);
        }
        _ => return Err(OpMismatch),
    }
    Ok(())
}

fn remove(case: &mut Case, live: &mut LivePlaces, at: ItemRef) -> Result<Item, OpMismatch> {
    Ok(match at {
        ItemRef::Node(ix) if ix.index() < case.nodes.len() => {
            let node = case.nodes.remove(ix.index());
            let saved = case.layout.positions.shift_remove_full(&node.id).map(|(order, _, position)| (order, position));
            let place = NodePlace { saved, live: live.remove(&node.id) };
            Item::Node(Box::new(node), place)
        }
        ItemRef::Link(ix) if ix.index() < case.links.len() => Item::Link(Box::new(case.links.remove(ix.index()))),
        ItemRef::Source(ix) if ix.index() < case.sources.len() => {
            Item::Source(Box::new(case.sources.remove(ix.index())))
        }
        ItemRef::Quote(ix) if ix.index() < case.quotes.len() => Item::Quote(Box::new(case.quotes.remove(ix.index()))),
        _ => return Err(OpMismatch),
    })
}

fn replace(case: &mut Case, at: ItemRef, item: Item) -> Result<Item, OpMismatch> {
    fn swap<T>(slot: Option<&mut T>, new: T) -> Result<T, OpMismatch> {
        slot.map(|slot| std::mem::replace(slot, new)).ok_or(OpMismatch)
    }
    Ok(match (at, item) {
        (ItemRef::Node(ix), Item::Node(node, place)) => {
            Item::Node(Box::new(swap(case.nodes.get_mut(ix.index()), *node)?), place)
        }
        (ItemRef::Link(ix), Item::Link(link)) => Item::Link(Box::new(swap(case.links.get_mut(ix.index()), *link)?)),
        (ItemRef::Source(ix), Item::Source(source)) => {
            Item::Source(Box::new(swap(case.sources.get_mut(ix.index()), *source)?))
        }
        (ItemRef::Quote(ix), Item::Quote(quote)) => {
            Item::Quote(Box::new(swap(case.quotes.get_mut(ix.index()), *quote)?))
        }
        _ => return Err(OpMismatch),
    })
}

/// Shorthands for planning.
impl FactOp {
    pub(super) fn replace_node(ix: NodeIx, node: Node) -> Self {
        Self::Replace(ItemRef::Node(ix), Item::Node(Box::new(node), NodePlace { saved: None, live: None }))
    }

    pub(super) fn replace_link(ix: LinkIx, link: Link) -> Self {
        Self::Replace(ItemRef::Link(ix), Item::Link(Box::new(link)))
    }

    pub(super) fn replace_source(ix: SourceIx, source: Source) -> Self {
        Self::Replace(ItemRef::Source(ix), Item::Source(Box::new(source)))
    }

    pub(super) fn replace_quote(ix: QuoteIx, quote: Quote) -> Self {
        Self::Replace(ItemRef::Quote(ix), Item::Quote(Box::new(quote)))
    }

    /// True when applying it adds or takes away a node, so the layout must take that in.
    pub(super) fn changes_nodes(&self) -> bool {
        matches!(self, Self::Insert(ItemRef::Node(_), _) | Self::Remove(ItemRef::Node(_)))
    }

    /// True when it changes a link, whose ends the layout pulls together.
    pub(super) fn touches_links(&self) -> bool {
        matches!(
            self,
            Self::Insert(ItemRef::Link(_), _) | Self::Remove(ItemRef::Link(_)) | Self::Replace(ItemRef::Link(_), _)
        )
    }
}
