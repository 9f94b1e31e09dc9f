//! What the analyst is looking at this frame: the hovered item and its neighbourhood, which
//! stand out while the rest fades, and the order in which labels claim space.

use std::collections::HashSet;

use super::super::command::Selection;
use super::super::open_case::OpenCase;
use super::on_screen::OnScreen;
use crate::model::{ItemRef, LinkIx, NodeIx, Presence};

/// The hovered item, what is near it, and the nodes on screen by importance.
#[derive(Debug)]
pub(super) struct Focus {
    /// The item under the pointer, or being dragged.
    pub(super) hovered: Option<Selection>,
    /// The hovered node and its neighbours, or the hovered link's ends.
    pub(super) near_nodes: HashSet<NodeIx>,
    /// The links of the hovered node, or the hovered link.
    pub(super) near_links: HashSet<LinkIx>,
    /// The nodes on screen, most important first: hovered and selected, then best-connected.
    pub(super) by_importance: Vec<NodeIx>,
}

impl Focus {
    /// The focus when `hovered` is under the pointer, ordering the nodes on screen from
    /// `by_degree`.
    pub(super) fn new(open: &OpenCase, hovered: Option<Selection>, by_degree: &[NodeIx], on_screen: &OnScreen) -> Self {
        let (near_nodes, near_links) = neighbourhood(open, hovered);
        let mut focus = Self { hovered, near_nodes, near_links, by_importance: Vec::new() };
        let important = on_screen.nodes.iter().copied().filter(|&node| focus.is_important(open, node));
        let others = by_degree.iter().copied().filter(|&node| on_screen.is_node_on_screen[node.index()]);
        focus.by_importance = important.chain(others.filter(|&node| !focus.is_important(open, node))).collect();
        focus
    }

    /// Whether `node` is hovered or selected: its label is placed even where it overlaps.
    pub(super) fn is_important(&self, open: &OpenCase, node: NodeIx) -> bool {
        self.hovered == Some(Selection::Node(node)) || open.selection == Some(Selection::Node(node))
    }

    /// Whether `node` fades back: something is hovered and it is not near, or the story
    /// step on show is about something else.
    pub(super) fn is_faded_node(&self, open: &OpenCase, node: NodeIx) -> bool {
        (self.hovered.is_some() && !self.near_nodes.contains(&node))
            || open.presence(ItemRef::Node(node)) == Presence::Dimmed
    }

    /// Whether `link` fades back.
    pub(super) fn is_faded_link(&self, open: &OpenCase, link: LinkIx) -> bool {
        (self.hovered.is_some() && !self.near_links.contains(&link))
            || open.presence(ItemRef::Link(link)) == Presence::Dimmed
    }
}

/// The nodes and links near the hovered item.
fn neighbourhood(open: &OpenCase, hovered: Option<Selection>) -> (HashSet<NodeIx>, HashSet<LinkIx>) {
    let mut nodes = HashSet::new();
    let mut links = HashSet::new();
    match hovered {
        Some(Selection::Node(node)) => {
            nodes.insert(node);
            for neighbour in open.document.graph().neighbours(node) {
                nodes.insert(neighbour.node);
                links.insert(neighbour.link);
            }
        }
        Some(Selection::Link(link)) => {
            links.insert(link);
            if let Some((a, b)) = open.link_ends(link) {
                nodes.extend([a, b]);
            }
        }
        None => {}
    }
    (nodes, links)
}
