//! The case as a graph, for the questions the canvas and side panel ask: what is this id,
//! who is linked to this node, which quotes back this item.

use rustc_hash::FxHashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef as _;

use super::case::Case;
use super::index::{LinkIx, NodeIx, QuoteIx, SourceIx};

/// What an id names, by index into the case's collections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemRef {
    /// A node.
    Node(NodeIx),
    /// A link.
    Link(LinkIx),
    /// A source.
    Source(SourceIx),
    /// A quote.
    Quote(QuoteIx),
}

/// One link seen from one of its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Neighbour {
    /// The link.
    pub link: LinkIx,
    /// The node at the other end (the node itself for a self-link).
    pub node: NodeIx,
    /// True when the link reads from the other node towards this one.
    pub incoming: bool,
}

/// Indexes over a loaded case. Holds indices, not references, so it can live beside the
/// case it was built from; rebuild it when nodes or links change.
#[derive(Clone, Debug, Default)]
pub struct CaseGraph {
    graph: DiGraph<NodeIx, LinkIx>,
    /// The nodes at each link's ends, indexed like `case.links`; `None` when an end does not
    /// resolve.
    ends: Vec<Option<(NodeIx, NodeIx)>>,
    ids: FxHashMap<String, ItemRef>,
    quotes_by_item: FxHashMap<ItemRef, Vec<QuoteIx>>,
}

impl CaseGraph {
    /// Builds the indexes. Links whose ends do not resolve (only possible in a case that did
    /// not pass validation) are left out of the graph.
    pub fn new(case: &Case) -> Self {
        // Fx hashing: the ids are the case's own, and a case of 50,000 nodes has 300,000 of them.
        let mut ids = FxHashMap::with_capacity_and_hasher(
            case.nodes.len() + case.links.len() + case.sources.len() + case.quotes.len(),
            Default::default(),
        );
        let items = (case.nodes.iter().zip(NodeIx::all(case.nodes.len())).map(|(n, i)| (&n.id, ItemRef::Node(i))))
            .chain(case.links.iter().zip(LinkIx::all(case.links.len())).map(|(l, i)| (&l.id, ItemRef::Link(i))))
            .chain(case.sources.iter().zip(SourceIx::all(case.sources.len())).map(|(s, i)| (&s.id, ItemRef::Source(i))))
            .chain(case.quotes.iter().zip(QuoteIx::all(case.quotes.len())).map(|(q, i)| (&q.id, ItemRef::Quote(i))));
        for (id, item) in items {
            ids.entry(id.to_string()).or_insert(item);
        }
        let mut graph = DiGraph::with_capacity(case.nodes.len(), case.links.len());
        for node in NodeIx::all(case.nodes.len()) {
            graph.add_node(node);
        }
        let mut built =
            Self { graph, ends: Vec::with_capacity(case.links.len()), ids, quotes_by_item: FxHashMap::default() };
        for link in LinkIx::all(case.links.len()) {
            built.connect(case, link);
        }
        for quote in QuoteIx::all(case.quotes.len()) {
            built.file_quote(case, quote);
        }
        built
    }

    /// Takes in the item just added at the end of its collection in `case`, without building
    /// everything again: adding to a case of 10,000 nodes shows on the next frame. An item
    /// anywhere else, or removed, needs [`CaseGraph::new`].
    pub fn push(&mut self, case: &Case, item: ItemRef) {
        let id = match item {
            ItemRef::Node(node) => {
                self.graph.add_node(node);
                &case.nodes[node].id
            }
            ItemRef::Link(link) => &case.links[link].id,
            ItemRef::Source(source) => &case.sources[source].id,
            ItemRef::Quote(quote) => &case.quotes[quote].id,
        };
        self.ids.entry(id.to_string()).or_insert(item);
        match item {
            ItemRef::Link(link) => self.connect(case, link),
            ItemRef::Quote(quote) => self.file_quote(case, quote),
            ItemRef::Node(_) | ItemRef::Source(_) => {}
        }
    }

    /// Adds link `link`'s edge and ends, the next in `ends`.
    fn connect(&mut self, case: &Case, link: LinkIx) {
        let item = &case.links[link];
        let ends = self.node_index(item.source.as_str()).zip(self.node_index(item.target.as_str()));
        if let Some((source, target)) = ends {
            self.graph.add_edge(NodeIndex::new(source.index()), NodeIndex::new(target.index()), link);
        }
        self.ends.push(ends);
    }

    /// Lists quote `quote` under every item it supports.
    fn file_quote(&mut self, case: &Case, quote: QuoteIx) {
        for supported in &case.quotes[quote].supports {
            if let Some(item) = self.ids.get(supported.as_str()) {
                let quotes = self.quotes_by_item.entry(*item).or_default();
                if quotes.last() != Some(&quote) {
                    quotes.push(quote);
                }
            }
        }
    }

    /// What `id` names, if anything.
    pub fn resolve(&self, id: &str) -> Option<ItemRef> {
        self.ids.get(id).copied()
    }

    /// The node with this id.
    pub fn node_index(&self, id: &str) -> Option<NodeIx> {
        match self.resolve(id) {
            Some(ItemRef::Node(index)) => Some(index),
            _ => None,
        }
    }

    /// How many links touch node `node` (a self-link once): how well connected it is, counted
    /// without building the list, since drawing asks it of every node every frame.
    pub fn degree(&self, node: NodeIx) -> usize {
        let index = NodeIndex::new(node.index());
        if index.index() >= self.graph.node_count() {
            return 0;
        }
        let outgoing = self.graph.edges_directed(index, Direction::Outgoing).count();
        let incoming =
            self.graph.edges_directed(index, Direction::Incoming).filter(|e| e.source() != e.target()).count();
        outgoing + incoming
    }

    /// The links touching node `node`, in the order the case lists them.
    pub fn neighbours(&self, node: NodeIx) -> Vec<Neighbour> {
        let index = NodeIndex::new(node.index());
        if index.index() >= self.graph.node_count() {
            return Vec::new();
        }
        let outgoing = self.graph.edges_directed(index, Direction::Outgoing).map(|edge| Neighbour {
            link: *edge.weight(),
            node: self.graph[edge.target()],
            incoming: false,
        });
        let incoming = self
            .graph
            .edges_directed(index, Direction::Incoming)
            .filter(|edge| edge.source() != edge.target())
            .map(|edge| Neighbour { link: *edge.weight(), node: self.graph[edge.source()], incoming: true });
        let mut all: Vec<Neighbour> = outgoing.chain(incoming).collect();
        all.sort_by_key(|neighbour| neighbour.link);
        all
    }

    /// Indices of the quotes whose `supports` names this item, in case order.
    pub fn quotes_for(&self, item: ItemRef) -> &[QuoteIx] {
        self.quotes_by_item.get(&item).map_or(&[], Vec::as_slice)
    }

    /// The quotes behind a node and its links: the evidence the side panel shows.
    pub fn evidence_for_node(&self, node: NodeIx) -> Vec<QuoteIx> {
        let mut quotes: Vec<QuoteIx> = self.quotes_for(ItemRef::Node(node)).to_vec();
        for neighbour in self.neighbours(node) {
            quotes.extend_from_slice(self.quotes_for(ItemRef::Link(neighbour.link)));
        }
        quotes.sort_unstable();
        quotes.dedup();
        quotes
    }

    /// The nodes at the ends of link `link` (source, target), when both resolve.
    pub fn link_ends(&self, link: LinkIx) -> Option<(NodeIx, NodeIx)> {
        self.ends.get(link.index()).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nodes_degree_counts_the_links_its_neighbour_list_shows() {
        let (mut case, _) = crate::sample::load_sample().into_result().expect("the sample opens");
        // A self-link counts once, as the side panel lists it once.
        let mut own = case.links[0].clone();
        own.target = own.source.clone();
        case.links.push(own);
        let graph = CaseGraph::new(&case);
        for node in NodeIx::all(case.nodes.len()) {
            assert_eq!(graph.degree(node), graph.neighbours(node).len(), "node {node}");
        }
        assert_eq!(graph.degree(NodeIx::new(case.nodes.len())), 0, "no such node");
    }
}
