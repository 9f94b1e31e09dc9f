//! Seeded synthetic cases of realistic shape, for benchmarks and property tests: a few hubs
//! with many links, transactions with parties, sources and quotes backing every item.

use indexmap::IndexMap;

use crate::model::{
    Amount, Case, CaseInfo, ClaimStatus, Country, Currency, Id, Layout, Link, LinkKind, Node, NodeKind, Position,
    Quote, Source, View,
};
use crate::seeded_random::SplitMix64;

const GIVEN_NAMES: &[&str] = &["Igor", "Anna", "Sergei", "Ким", "Олег", "Lee", "Ruben", "박", "Mikhail", "Yuri"];
const FAMILY_NAMES: &[&str] = &["Petrov", "Kim", "Иванов", "Park", "Smith", "김정", "Novak", "Choi", "Orlov", "Tan"];
const COMPANY_WORDS: &[&str] = &["Trading", "Bearings", "Marine", "Holdings", "Energy", "Торг", "무역", "Logistics"];

/// Builds a case with `node_count` nodes and about twice as many links, every item backed by
/// a quote and every node placed. The same arguments always give the same case.
pub fn generate_case(node_count: usize, seed: u64) -> Case {
    let mut rng = SplitMix64::new(seed);
    let countries = ["ru", "kp", "cn", "us", "by", "kr"].map(|c| Country::parse(c).unwrap_or_else(|_| unreachable!()));
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
            countries: vec![countries[rng.below(countries.len())].clone()],
            description: (rng.below(3) == 0)
                .then(|| format!("Synthetic entity number {index}, generated for testing.")),
            start_date: None,
            end_date: None,
            date: None,
            amount: is_transaction.then(|| Amount {
                value: format!("{}", 1000 + rng.below(1_000_000)),
                max: None,
                currency: Currency::parse(if rng.below(2) == 0 { "USD" } else { "RUB" })
                    .unwrap_or_else(|_| unreachable!()),
                approximate: rng.below(2) == 0,
            }),
            status: is_transaction.then(|| ClaimStatus::ALL[rng.below(ClaimStatus::ALL.len())]),
        });
    }
    let hubs = (node_count / 500).max(1);
    let plain_kinds =
        [LinkKind::Ownership, LinkKind::Employment, LinkKind::Control, LinkKind::Unknown, LinkKind::Sanction];
    let mut links = Vec::with_capacity(node_count * 2);
    for index in 0..node_count {
        let node = &nodes[index];
        for _ in 0..2 {
            let other = if rng.below(5) == 0 { rng.below(hubs) } else { rng.below(node_count) };
            let other_node = &nodes[other];
            let (kind, source, target) = match (node.kind, other_node.kind) {
                (NodeKind::Transaction, NodeKind::Transaction) => continue,
                (NodeKind::Transaction, _) => (LinkKind::Beneficiary, node.id.clone(), other_node.id.clone()),
                (_, NodeKind::Transaction) => (LinkKind::Payer, node.id.clone(), other_node.id.clone()),
                _ => (plain_kinds[rng.below(plain_kinds.len())], node.id.clone(), other_node.id.clone()),
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
            });
        }
    }
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
        });
    }
    let side = (node_count as f64).sqrt() * 100.0;
    let positions: IndexMap<Id, Position> = nodes
        .iter()
        .map(|node| {
            (node.id.clone(), Position { x: rng.unit() * side, y: rng.unit() * side, pinned: rng.below(10) == 0 })
        })
        .collect();
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
        layout: Layout { seed, positions },
        view: View::default(),
    }
}
