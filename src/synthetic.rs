//! Seeded synthetic cases of realistic shape, for benchmarks, tests and `casegraph generate`:
//! clusters of closely linked nodes, a few hubs with many links, isolated nodes as from an
//! imported list, transactions with parties, some nodes saved on top of each other, and
//! sources and quotes backing every item.

use indexmap::IndexMap;

use crate::model::{
    Amount, Case, CaseInfo, ClaimStatus, Country, Credibility, Currency, Id, Layout, Link, LinkKind, Node, NodeKind,
    PartialDate, Position, Quote, Reliability, Source, Stance, Story, View,
};
use crate::seeded_random::SplitMix64;

const GIVEN_NAMES: &[&str] = &["Igor", "Anna", "Sergei", "Ким", "Олег", "Lee", "Ruben", "박", "Mikhail", "Yuri"];
const FAMILY_NAMES: &[&str] = &["Petrov", "Kim", "Иванов", "Park", "Smith", "김정", "Novak", "Choi", "Orlov", "Tan"];
const COMPANY_WORDS: &[&str] = &["Trading", "Bearings", "Marine", "Holdings", "Energy", "Торг", "무역", "Logistics"];

/// What a synthetic case looks like.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SyntheticShape {
    /// How many nodes.
    pub nodes: usize,
    /// Links per node, on average.
    pub links_per_node: f64,
    /// The share of nodes with a saved position, from 0 to 1.
    pub placed: f64,
    /// The seed: the same shape and seed always give the same case.
    pub seed: u64,
    /// Whether nodes and links carry dates (a third of them known only to the year), for the
    /// timeline; drawn from a generator of their own, so the rest of the case is the same.
    pub dated: bool,
}

/// Builds a case with `node_count` nodes and twice as many links, every item backed by a
/// quote and every node placed. The same arguments always give the same case.
pub fn generate_case(node_count: usize, seed: u64) -> Case {
    generate(&SyntheticShape { nodes: node_count, links_per_node: 2.0, placed: 1.0, seed, dated: false })
}

/// Dates between 1990 and 2024 on every node and link: a transaction's day, others' starts
/// (and for one link in four an end); a third known only to the year.
fn add_dates(nodes: &mut [Node], links: &mut [Link], seed: u64) {
    let mut rng = SplitMix64::new(seed ^ 0x5EED_DA7E);
    let date = |rng: &mut SplitMix64| {
        let year = 1990 + rng.below(35);
        let text = if rng.below(3) == 0 {
            format!("{year:04}")
        } else {
            format!("{year:04}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
        };
        PartialDate::parse(&text).ok()
    };
    for node in nodes.iter_mut() {
        if node.kind == NodeKind::Transaction {
            node.date = date(&mut rng);
        } else {
            node.start_date = date(&mut rng);
        }
    }
    for link in links.iter_mut() {
        link.start_date = date(&mut rng);
        if rng.below(4) == 0 {
            let end = date(&mut rng);
            if end.zip(link.start_date).is_some_and(|(end, start)| !start.is_certainly_after(&end)) {
                link.end_date = end;
            }
        }
    }
}

/// Nodes per cluster, on average.
const CLUSTER_SIZE: usize = 40;

/// Builds a case of `shape`. Nodes come in clusters of about forty, most links joining two
/// nodes of one cluster; one node in 500 is a hub that a fifth of all links reach; one node
/// in twenty is isolated. Placed nodes sit around their cluster's spot, and one in fifty
/// shares the point of the node before it.
pub fn generate(shape: &SyntheticShape) -> Case {
    let node_count = shape.nodes;
    let mut rng = SplitMix64::new(shape.seed);
    let mut nodes = generate_nodes(&mut rng, node_count);
    let mut links = generate_links(&mut rng, &nodes, shape);
    let (sources, quotes) = generate_evidence(&mut rng, &nodes, &links);
    let positions = generate_positions(&mut rng, &nodes, shape);
    if shape.dated {
        add_dates(&mut nodes, &mut links, shape.seed);
    }
    Case {
        info: CaseInfo {
            title: format!("Synthetic case of {node_count} nodes"),
            summary: Some("Generated for benchmarks and tests.".to_owned()),
            language: Some("en".to_owned()),
            created: None,
            updated: None,
        },
        nodes,
        links,
        sources,
        quotes,
        reviews: Vec::new(),
        layout: Layout { seed: shape.seed, positions },
        view: View::default(),
        story: Story::default(),
    }
}

/// The nodes: people, companies and the rest in realistic shares, a quarter with an alias,
/// transactions with amounts and statuses.
fn generate_nodes(rng: &mut SplitMix64, node_count: usize) -> Vec<Node> {
    const COUNTRIES: [Country; 6] = [
        Country::known("ru"),
        Country::known("kp"),
        Country::known("cn"),
        Country::known("us"),
        Country::known("by"),
        Country::known("kr"),
    ];
    const CURRENCIES: [Currency; 2] = [Currency::known("USD"), Currency::known("RUB")];
    let mut nodes = Vec::with_capacity(node_count);
    for index in 0..node_count {
        let kind = match rng.below(100) {
            0..=39 => NodeKind::Person,
            40..=64 => NodeKind::Company,
            65..=69 => NodeKind::Embassy,
            70..=76 => NodeKind::Government,
            77..=81 => NodeKind::Organization,
            _ => NodeKind::Transaction,
        };
        let label = match kind {
            NodeKind::Person => format!(
                "{} {} {index}",
                GIVEN_NAMES[rng.below(GIVEN_NAMES.len())],
                FAMILY_NAMES[rng.below(FAMILY_NAMES.len())]
            ),
            NodeKind::Transaction => format!("Payment {index}"),
            _ => format!(
                "{} {} {index}",
                FAMILY_NAMES[rng.below(FAMILY_NAMES.len())],
                COMPANY_WORDS[rng.below(COMPANY_WORDS.len())]
            ),
        };
        let is_transaction = kind == NodeKind::Transaction;
        nodes.push(Node {
            id: Id::unchecked(&format!("n{index}")),
            kind,
            label,
            aliases: if rng.below(4) == 0 { vec![format!("alias {index}")] } else { Vec::new() },
            countries: vec![COUNTRIES[rng.below(COUNTRIES.len())].clone()],
            description: (rng.below(3) == 0)
                .then(|| format!("Synthetic entity number {index}, generated for testing.")),
            start_date: None,
            end_date: None,
            date: None,
            amount: is_transaction.then(|| Amount {
                value: format!("{}", 1000 + rng.below(1_000_000)),
                max: None,
                currency: CURRENCIES[rng.below(CURRENCIES.len())].clone(),
                approximate: rng.below(2) == 0,
            }),
            status: is_transaction.then(|| ClaimStatus::ALL[rng.below(ClaimStatus::ALL.len())]),
            origin: None,
        });
    }
    nodes
}

/// Which cluster each node is in, and which nodes are hubs or isolated.
struct Clusters {
    node_count: usize,
    clusters: usize,
    hubs: usize,
}

impl Clusters {
    fn new(node_count: usize) -> Self {
        Self { node_count, clusters: (node_count / CLUSTER_SIZE).max(1), hubs: (node_count / 500).max(1) }
    }

    fn of(&self, node: usize) -> usize {
        node * self.clusters / self.node_count.max(1)
    }

    fn start(&self, cluster: usize) -> usize {
        (cluster * self.node_count).div_ceil(self.clusters)
    }

    fn is_isolated(&self, node: usize) -> bool {
        node >= self.hubs && node % 20 == 19
    }
}

/// The links: most within a cluster, a fifth to a hub, a few anywhere; none to an isolated
/// node, and transactions joined by payer and beneficiary links.
fn generate_links(rng: &mut SplitMix64, nodes: &[Node], shape: &SyntheticShape) -> Vec<Link> {
    let node_count = nodes.len();
    let clusters = Clusters::new(node_count);
    let plain_kinds =
        [LinkKind::Ownership, LinkKind::Employment, LinkKind::Control, LinkKind::Unknown, LinkKind::Sanction];
    let link_count = if node_count < 2 { 0 } else { (node_count as f64 * shape.links_per_node).round() as usize };
    let mut links = Vec::with_capacity(link_count);
    // Tiny cases may have no pair that can be linked (two transactions, say): give up in time.
    let mut attempts = link_count * 20;
    while links.len() < link_count && attempts > 0 {
        attempts -= 1;
        let node = rng.below(node_count);
        let other = match rng.below(10) {
            0 | 1 => rng.below(clusters.hubs),
            2 => rng.below(node_count),
            _ => {
                let cluster = clusters.of(node);
                let (start, end) = (clusters.start(cluster), clusters.start(cluster + 1));
                start + rng.below((end - start).max(1))
            }
        };
        if node == other || clusters.is_isolated(node) || clusters.is_isolated(other) {
            continue;
        }
        let (node, other_node) = (&nodes[node], &nodes[other]);
        let (kind, source, target) = match (node.kind, other_node.kind) {
            (NodeKind::Transaction, NodeKind::Transaction) => continue,
            (NodeKind::Transaction, _) => (LinkKind::Beneficiary, node.id.clone(), other_node.id.clone()),
            (_, NodeKind::Transaction) => (LinkKind::Payer, node.id.clone(), other_node.id.clone()),
            (source_kind, target_kind) => {
                let drawn = plain_kinds[rng.below(plain_kinds.len())];
                let kind =
                    if drawn.problem_with_ends(source_kind, target_kind).is_none() { drawn } else { LinkKind::Unknown };
                (kind, node.id.clone(), other_node.id.clone())
            }
        };
        links.push(Link {
            id: Id::unchecked(&format!("l{}", links.len())),
            kind,
            source,
            target,
            role: (rng.below(3) == 0).then(|| "business partner".to_owned()),
            date: None,
            start_date: None,
            end_date: None,
            status: (rng.below(4) == 0).then_some(ClaimStatus::Alleged),
            description: None,
            origin: None,
        });
    }
    links
}

/// A source for every fifty nodes, and a quote backing every three items.
fn generate_evidence(rng: &mut SplitMix64, nodes: &[Node], links: &[Link]) -> (Vec<Source>, Vec<Quote>) {
    let node_count = nodes.len();
    let source_count = (node_count / 50).max(1);
    let sources = (0..source_count)
        .map(|index| Source {
            id: Id::unchecked(&format!("s{index}")),
            publisher: "Synthetic Wire".to_owned(),
            title: format!("Report number {index} on cross-border trade"),
            date: None,
            authors: vec!["A. Reporter".to_owned()],
            url: Some(format!("https://example.org/report/{index}")),
            document: None,
            original: None,
            reliability: Reliability::ALL.get(index % 7).copied(),
            reliability_reason: None,
            repeats: (index % 10 == 9).then(|| Id::unchecked(&format!("s{}", index - 1))),
            origin: None,
        })
        .collect();
    let mut quotes = Vec::with_capacity(node_count);
    let mut supports = Vec::new();
    let items: Vec<Id> = nodes.iter().map(|n| n.id.clone()).chain(links.iter().map(|l| l.id.clone())).collect();
    for id in items {
        supports.push(id);
        if supports.len() == 3 {
            quotes.push(Quote {
                id: Id::unchecked(&format!("q{}", quotes.len())),
                source: Id::unchecked(&format!("s{}", rng.below(source_count))),
                text: "“We treated each other as friends,” the businessman said of the trade representative, adding that they met in the embassy compound several times.".to_owned(),
                supports: std::mem::take(&mut supports),
                locator: None,
                credibility: Credibility::ALL.get(quotes.len() % 7).copied(),
                stance: [None, Some(Stance::Alleges), None, Some(Stance::Claims), None, Some(Stance::Denies)][quotes.len() % 6],
            });
        }
    }
    if !supports.is_empty() {
        quotes.push(Quote {
            id: Id::unchecked(&format!("q{}", quotes.len())),
            source: Id::unchecked("s0"),
            text: "The last items.".to_owned(),
            supports,
            locator: None,
            credibility: None,
            stance: None,
        });
    }
    (sources, quotes)
}

/// Positions for the placed share of nodes: clusters on a grid, their nodes scattered around
/// the cluster's spot, one in fifty on the point of the node before it.
fn generate_positions(rng: &mut SplitMix64, nodes: &[Node], shape: &SyntheticShape) -> IndexMap<Id, Position> {
    let clusters = Clusters::new(nodes.len());
    let columns = (clusters.clusters as f64).sqrt().ceil().max(1.0) as usize;
    let spacing = (CLUSTER_SIZE as f64).sqrt() * 150.0;
    let mut positions: IndexMap<Id, Position> = IndexMap::new();
    let mut previous: Option<Position> = None;
    for (index, node) in nodes.iter().enumerate() {
        let cluster = clusters.of(index);
        let spot = [(cluster % columns) as f64 * spacing, (cluster / columns) as f64 * spacing];
        let jitter = [(rng.unit() - 0.5) * spacing * 0.8, (rng.unit() - 0.5) * spacing * 0.8];
        let mut position = Position { x: spot[0] + jitter[0], y: spot[1] + jitter[1], pinned: rng.below(10) == 0 };
        if let Some(before) = previous.filter(|_| rng.below(50) == 0) {
            position.x = before.x;
            position.y = before.y;
        }
        if rng.unit() < shape.placed {
            positions.insert(node.id.clone(), position);
            previous = Some(position);
        }
    }
    positions
}
