//! Merging two nodes that turn out to be one: the one kept takes the other's links, names,
//! countries and quotes, and any missing field; the other's label becomes an alias.

use std::collections::HashSet;

use super::fact_ops::FactOp;
use super::facts::{FactEditError, Removal, touching_links};
use crate::model::{Case, CaseGraph, Id, Node, NodeIx, Quote, QuoteIx};

/// Plans merging `away` into `keep`.
pub(super) fn plan_merge(
    case: &Case,
    graph: &CaseGraph,
    keep: NodeIx,
    away: NodeIx,
) -> Result<Vec<FactOp>, FactEditError> {
    if keep == away {
        return Err(FactEditError::MergeIntoItself);
    }
    let missing = || FactEditError::NoSuchItem("node");
    let kept = case.nodes.get(keep.index()).ok_or_else(missing)?;
    let merged_away = case.nodes.get(away.index()).ok_or_else(missing)?;
    let mut removal = Removal::default();
    let mut dropped_links: HashSet<&Id> = HashSet::new();
    for link_ix in touching_links(case, graph, away) {
        let link = &case.links[link_ix];
        let other = if link.source == merged_away.id { &link.target } else { &link.source };
        if *other == kept.id || *other == merged_away.id {
            // Between the two, it would become a link from the node to itself.
            removal.links.push(link_ix);
            dropped_links.insert(&link.id);
            continue;
        }
        let mut carried = link.clone();
        for end in [&mut carried.source, &mut carried.target] {
            if *end == merged_away.id {
                end.clone_from(&kept.id);
            }
        }
        removal.replaced_links.push((link_ix, carried));
    }
    for quote_ix in QuoteIx::all(case.quotes.len()) {
        let quote = &case.quotes[quote_ix];
        let touched = quote.supports.iter().any(|id| *id == merged_away.id || dropped_links.contains(id));
        if touched {
            removal.replaced_quotes.push((quote_ix, carried_quote(quote, &merged_away.id, &kept.id, &dropped_links)));
        }
    }
    removal.replaced_nodes.push((keep, merged(kept, merged_away)));
    removal.nodes.push(away);
    removal.renamed = Some((merged_away.id.clone(), kept.id.clone()));
    let gone: Vec<Id> = std::iter::once(merged_away.id.clone()).chain(dropped_links.into_iter().cloned()).collect();
    let mut ops: Vec<FactOp> = super::facts::reviews_without(case, &gone).into_iter().collect();
    ops.extend(removal.into_ops(case));
    Ok(ops)
}

/// `quote` supporting `keep` wherever it supported `away`, and no longer the dropped links.
fn carried_quote(quote: &Quote, away: &Id, keep: &Id, dropped_links: &HashSet<&Id>) -> Quote {
    let mut supports: Vec<Id> = Vec::with_capacity(quote.supports.len());
    for id in &quote.supports {
        let id = if id == away { keep } else { id };
        if !dropped_links.contains(id) && !supports.contains(id) {
            supports.push(id.clone());
        }
    }
    Quote { supports, ..quote.clone() }
}

/// `keep` with `away`'s names as aliases, its countries added, and its fields where `keep`
/// has none.
fn merged(keep: &Node, away: &Node) -> Node {
    let mut node = keep.clone();
    for name in std::iter::once(&away.label).chain(&away.aliases) {
        let known = node.label.eq_ignore_ascii_case(name) || node.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
        if !known {
            node.aliases.push(name.clone());
        }
    }
    for country in &away.countries {
        if !node.countries.contains(country) {
            node.countries.push(country.clone());
        }
    }
    node.description = node.description.or_else(|| away.description.clone());
    node.start_date = node.start_date.or(away.start_date);
    node.end_date = node.end_date.or(away.end_date);
    node.date = node.date.or(away.date);
    node.amount = node.amount.or_else(|| away.amount.clone());
    node.status = node.status.or(away.status);
    node
}
