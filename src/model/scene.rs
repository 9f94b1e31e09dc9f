//! What a view of the case shows: each node and link drawn in full, dimmed or hidden, from
//! the kinds and items left out, the items highlighted and a period. The canvas, a story step
//! and a figure all ask this one question, so they always agree.

use super::case::Case;
use super::graph::{CaseGraph, ItemRef};
use super::id::Id;
use super::index::{LinkIx, NodeIx};
use super::node_kind::NodeKind;
use super::partial_date::DaySpan;
use super::timeline::{link_span, node_span};

/// How one node or link is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Presence {
    /// In full.
    Full,
    /// Faint: there, but not what the view is about.
    Dimmed,
    /// Not drawn.
    Hidden,
}

/// What happens to dated items outside the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OutsidePeriod {
    /// They are dimmed.
    #[default]
    Dim,
    /// They are hidden.
    Hide,
}

/// What a view leaves out, highlights and dates.
#[derive(Clone, Copy, Debug, Default)]
pub struct SceneRules<'a> {
    /// Kinds left out.
    pub hidden_kinds: &'a [NodeKind],
    /// Nodes and links left out; a node takes its links with it.
    pub hidden: &'a [Id],
    /// Nodes and links drawn in full while the rest is dimmed; empty dims nothing.
    pub highlight: &'a [Id],
    /// Dated items outside these days are dimmed or hidden; undated items are not.
    pub period: Option<DaySpan>,
    /// Whether items outside the period are dimmed or hidden.
    pub outside_period: OutsidePeriod,
}

/// How each node and link of a case is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scene {
    nodes: Vec<Presence>,
    links: Vec<Presence>,
}

impl Scene {
    /// The scene `rules` make of `case`.
    pub fn of(case: &Case, graph: &CaseGraph, rules: &SceneRules<'_>) -> Self {
        let items = |ids: &[Id]| {
            let (mut nodes, mut links) = (vec![false; case.nodes.len()], vec![false; case.links.len()]);
            for item in ids.iter().filter_map(|id| graph.resolve(id.as_str())) {
                match item {
                    ItemRef::Node(node) => nodes[node.index()] = true,
                    ItemRef::Link(link) => links[link.index()] = true,
                    ItemRef::Source(_) | ItemRef::Quote(_) => {}
                }
            }
            (nodes, links)
        };
        let (hidden_nodes, hidden_links) = items(rules.hidden);
        let in_period = |span: Option<(DaySpan, bool)>| match (rules.period, span) {
            (Some(period), Some((span, _))) if !span.overlaps(period) => match rules.outside_period {
                OutsidePeriod::Dim => Presence::Dimmed,
                OutsidePeriod::Hide => Presence::Hidden,
            },
            _ => Presence::Full,
        };
        let nodes: Vec<Presence> = (case.nodes.iter().zip(&hidden_nodes))
            .map(|(node, &hidden)| {
                if hidden || rules.hidden_kinds.contains(&node.kind) {
                    Presence::Hidden
                } else {
                    in_period(node_span(node))
                }
            })
            .collect();
        let links: Vec<Presence> = LinkIx::all(case.links.len())
            .map(|link| match graph.link_ends(link) {
                Some((source, target)) if !hidden_links[link.index()] => {
                    let ends = nodes[source.index()].max(nodes[target.index()]);
                    if ends == Presence::Hidden { Presence::Hidden } else { in_period(link_span(&case.links[link])) }
                }
                _ => Presence::Hidden,
            })
            .collect();
        let mut scene = Self { nodes, links };
        if !rules.highlight.is_empty() {
            let (lit_nodes, lit_links) = items(rules.highlight);
            scene.dim_all_but(graph, lit_nodes, lit_links);
        }
        scene
    }

    /// Everything in full: the view with nothing left out.
    pub fn everything(case: &Case) -> Self {
        Self { nodes: vec![Presence::Full; case.nodes.len()], links: vec![Presence::Full; case.links.len()] }
    }

    /// Dims every node and link but the lit ones: the lit nodes, the ends of lit links, and
    /// the links between two lit nodes.
    fn dim_all_but(&mut self, graph: &CaseGraph, mut lit_nodes: Vec<bool>, mut lit_links: Vec<bool>) {
        let chosen_nodes = lit_nodes.clone();
        for link in LinkIx::all(lit_links.len()) {
            let Some((source, target)) = graph.link_ends(link) else { continue };
            if lit_links[link.index()] {
                lit_nodes[source.index()] = true;
                lit_nodes[target.index()] = true;
            } else if chosen_nodes[source.index()] && chosen_nodes[target.index()] {
                lit_links[link.index()] = true;
            }
        }
        for (presence, lit) in self.nodes.iter_mut().zip(lit_nodes).chain(self.links.iter_mut().zip(lit_links)) {
            if !lit && *presence == Presence::Full {
                *presence = Presence::Dimmed;
            }
        }
    }

    /// How `node` is drawn.
    pub fn node(&self, node: NodeIx) -> Presence {
        self.nodes.get(node.index()).copied().unwrap_or(Presence::Hidden)
    }

    /// How `link` is drawn.
    pub fn link(&self, link: LinkIx) -> Presence {
        self.links.get(link.index()).copied().unwrap_or(Presence::Hidden)
    }

    /// How `item` is drawn; sources and quotes are always there.
    pub fn item(&self, item: ItemRef) -> Presence {
        match item {
            ItemRef::Node(node) => self.node(node),
            ItemRef::Link(link) => self.link(link),
            ItemRef::Source(_) | ItemRef::Quote(_) => Presence::Full,
        }
    }

    /// The nodes that are drawn at all, in case order.
    pub fn drawn_nodes(&self) -> impl Iterator<Item = NodeIx> + '_ {
        NodeIx::all(self.nodes.len()).filter(|&node| self.node(node) != Presence::Hidden)
    }

    /// How many nodes and links are dimmed.
    pub fn dimmed_count(&self) -> usize {
        self.nodes.iter().chain(&self.links).filter(|&&presence| presence == Presence::Dimmed).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn sample() -> (Case, CaseGraph) {
        let (case, _) = crate::sample::load_sample().into_result().expect("the sample opens");
        let graph = CaseGraph::new(&case);
        (case, graph)
    }

    fn node(graph: &CaseGraph, id: &str) -> NodeIx {
        graph.node_index(id).expect("the node is in the sample")
    }

    #[test]
    fn highlighting_two_nodes_lights_them_and_the_links_between_them_and_dims_the_rest() {
        let (case, graph) = sample();
        let michurin = node(&graph, "p-igor-michurin");
        let highlight = [case.nodes[michurin].id.clone()];
        let scene = Scene::of(&case, &graph, &SceneRules { highlight: &highlight, ..Default::default() });
        assert_eq!(scene.node(michurin), Presence::Full);
        let others = NodeIx::all(case.nodes.len()).filter(|&other| other != michurin);
        assert!(others.clone().all(|other| scene.node(other) == Presence::Dimmed));
        assert!(LinkIx::all(case.links.len()).all(|link| scene.link(link) == Presence::Dimmed));

        let link = LinkIx::all(case.links.len())
            .find(|&link| graph.link_ends(link).is_some_and(|(source, _)| source == michurin))
            .expect("Michurin has a link");
        let (_, target) = graph.link_ends(link).expect("ends");
        let highlight = [case.nodes[michurin].id.clone(), case.nodes[target].id.clone()];
        let scene = Scene::of(&case, &graph, &SceneRules { highlight: &highlight, ..Default::default() });
        assert_eq!((scene.node(target), scene.link(link)), (Presence::Full, Presence::Full));
    }

    #[test]
    fn a_hidden_node_takes_its_links_and_a_period_dims_or_hides_only_dated_items() {
        let (case, graph) = sample();
        let michurin = node(&graph, "p-igor-michurin");
        let hidden = [case.nodes[michurin].id.clone()];
        let scene = Scene::of(&case, &graph, &SceneRules { hidden: &hidden, ..Default::default() });
        assert_eq!(scene.node(michurin), Presence::Hidden);
        for link in LinkIx::all(case.links.len()) {
            let touches = graph.link_ends(link).is_some_and(|(a, b)| a == michurin || b == michurin);
            assert_eq!(scene.link(link) == Presence::Hidden, touches);
        }

        let period = PartialDate::parse("1900").expect("a date").days();
        for (outside_period, expected) in
            [(OutsidePeriod::Dim, Presence::Dimmed), (OutsidePeriod::Hide, Presence::Hidden)]
        {
            let rules = SceneRules { period: Some(period), outside_period, ..Default::default() };
            let scene = Scene::of(&case, &graph, &rules);
            for (link, data) in LinkIx::all(case.links.len()).zip(&case.links) {
                let dated = link_span(data).is_some();
                let ends_hidden = graph
                    .link_ends(link)
                    .is_some_and(|(a, b)| scene.node(a) == Presence::Hidden || scene.node(b) == Presence::Hidden);
                if !ends_hidden {
                    assert_eq!(scene.link(link), if dated { expected } else { Presence::Full }, "{}", data.id);
                }
            }
        }
    }
}
