//! A case as a FollowTheMoney entity stream: one JSON entity a line, nodes, links, sources and
//! quotes in the case's order, property names sorted, so the same case gives the same bytes.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::schema::{
    ALIAS_PROPERTIES, COUNTRY_PROPERTIES, EMBASSY_CLASSIFICATION, GOVERNMENT_CLASSIFICATION, PARTY_ROLE, QUOTE_ROLE,
    STATUS_PREFIX, date_properties, edge_schema, role_property,
};
use crate::model::{Case, Id, Link, LinkKind, Node, NodeKind, PartialDate, Quote, Source};

/// One entity being written.
#[derive(Serialize)]
struct Entity<'c> {
    id: &'c str,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<String>>,
}

impl<'c> Entity<'c> {
    fn new(id: &'c Id, schema: &'static str) -> Self {
        Self { id: id.as_str(), schema, properties: BTreeMap::new() }
    }

    /// Adds `values` to the property `name`, each once (FtM's values are sets), leaving out
    /// empty ones.
    fn set(&mut self, name: &'static str, values: impl IntoIterator<Item = String>) {
        for value in values.into_iter().filter(|value| !value.is_empty()) {
            let property = self.properties.entry(name).or_default();
            if !property.contains(&value) {
                property.push(value);
            }
        }
    }

    fn set_one(&mut self, name: &'static str, value: Option<impl ToString>) {
        self.set(name, value.map(|value| value.to_string()));
    }
}

/// The case as an FtM entity stream, each line one entity, ending with a newline.
pub fn case_to_ftm(case: &Case) -> String {
    let payments = PaymentParties::of(case);
    let mut lines = Vec::with_capacity(case.nodes.len() + case.links.len() + case.sources.len() + case.quotes.len());
    let mut push =
        |entity: Entity<'_>| lines.push(serde_json::to_string(&entity).expect("strings and lists always serialise"));
    for node in &case.nodes {
        push(node_entity(node, &payments));
    }
    for link in &case.links {
        if let Some(entity) = link_entity(link, case) {
            push(entity);
        }
    }
    for source in &case.sources {
        push(source_entity(source));
    }
    for quote in &case.quotes {
        push(quote_entity(quote, &payments));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Each transaction's payers and beneficiaries, which FtM keeps on the payment itself, and the
/// transaction each payer or beneficiary link folds into.
struct PaymentParties<'c> {
    payers: FxHashMap<&'c Id, Vec<String>>,
    beneficiaries: FxHashMap<&'c Id, Vec<String>>,
    folded: FxHashMap<&'c Id, &'c Id>,
}

impl<'c> PaymentParties<'c> {
    fn of(case: &'c Case) -> Self {
        let mut parties =
            Self { payers: FxHashMap::default(), beneficiaries: FxHashMap::default(), folded: FxHashMap::default() };
        for link in &case.links {
            match link.kind {
                LinkKind::Payer => {
                    parties.payers.entry(&link.target).or_default().push(link.source.to_string());
                    parties.folded.insert(&link.id, &link.target);
                }
                LinkKind::Beneficiary => {
                    parties.beneficiaries.entry(&link.source).or_default().push(link.target.to_string());
                    parties.folded.insert(&link.id, &link.source);
                }
                _ => {}
            }
        }
        parties
    }

    /// What a quote's `supports` id is in the stream: the payment for a folded link.
    fn entity_for(&self, id: &'c Id) -> &'c Id {
        self.folded.get(id).copied().unwrap_or(id)
    }
}

fn dates(
    entity: &mut Entity<'_>,
    names: (&'static str, &'static str),
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) {
    entity.set_one(names.0, start);
    entity.set_one(names.1, end);
}

fn node_entity<'c>(node: &'c Node, payments: &PaymentParties<'c>) -> Entity<'c> {
    let mut entity = Entity::new(&node.id, node.kind.ftm_schema());
    dates(&mut entity, date_properties(node.kind), node.start_date, node.end_date);
    entity.set_one("description", node.description.as_ref());
    if node.kind == NodeKind::Transaction {
        entity.set_one("purpose", Some(&node.label));
        entity.set_one("date", node.date);
        if let Some(amount) = &node.amount {
            entity.set_one("amount", Some(&amount.value));
            entity.set_one("currency", Some(amount.currency.as_str()));
        }
        entity.set_one("summary", node.status.map(|status| format!("{STATUS_PREFIX}{}", status.as_str())));
        entity.set("payer", payments.payers.get(&node.id).cloned().unwrap_or_default());
        entity.set("beneficiary", payments.beneficiaries.get(&node.id).cloned().unwrap_or_default());
        return entity;
    }
    entity.set_one("name", Some(&node.label));
    entity.set(ALIAS_PROPERTIES[0], node.aliases.iter().cloned());
    entity.set(COUNTRY_PROPERTIES[0], node.countries.iter().map(|country| country.as_str().to_owned()));
    let classification = match node.kind {
        NodeKind::Embassy => Some(EMBASSY_CLASSIFICATION),
        NodeKind::Government => Some(GOVERNMENT_CLASSIFICATION),
        _ => None,
    };
    entity.set_one("classification", classification);
    entity
}

fn link_entity<'c>(link: &'c Link, case: &'c Case) -> Option<Entity<'c>> {
    let mut entity = match (link.kind, edge_schema(link.kind)) {
        (LinkKind::Payer | LinkKind::Beneficiary, _) => return None,
        (LinkKind::Sanction, _) => {
            let mut entity = Entity::new(&link.id, "Sanction");
            entity.set_one("entity", Some(&link.target));
            let authority = case.node(link.source.as_str()).map_or(link.source.as_str(), |node| node.label.as_str());
            entity.set_one("authority", Some(authority));
            entity.set_one("authorityId", Some(&link.source));
            entity.set_one("program", link.role.as_ref());
            entity
        }
        (LinkKind::Party, _) => {
            let mut entity = Entity::new(&link.id, "UnknownLink");
            entity.set_one("subject", Some(&link.source));
            entity.set_one("object", Some(&link.target));
            entity.set_one("role", Some(link.role.as_deref().unwrap_or(PARTY_ROLE)));
            entity
        }
        (kind, Some((schema, source, target))) => {
            let mut entity = Entity::new(&link.id, schema);
            entity.set_one(source, Some(&link.source));
            entity.set_one(target, Some(&link.target));
            entity.set_one(role_property(kind), link.role.as_ref());
            entity
        }
        (_, None) => return None,
    };
    entity.set_one("date", link.date);
    dates(&mut entity, ("startDate", "endDate"), link.start_date, link.end_date);
    entity.set_one("status", link.status.map(|status| status.as_str()));
    entity.set_one("description", link.description.as_ref());
    Some(entity)
}

fn source_entity(source: &Source) -> Entity<'_> {
    let mut entity = Entity::new(&source.id, "Article");
    entity.set_one("title", Some(&source.title));
    entity.set_one("publisher", Some(&source.publisher));
    entity.set_one("publishedAt", source.date);
    entity.set("author", source.authors.iter().cloned());
    entity.set_one("sourceUrl", source.url.as_ref());
    entity
}

fn quote_entity<'c>(quote: &'c Quote, payments: &PaymentParties<'c>) -> Entity<'c> {
    let mut entity = Entity::new(&quote.id, "Documentation");
    entity.set_one("document", Some(&quote.source));
    let mut supported: Vec<String> = Vec::with_capacity(quote.supports.len());
    for id in &quote.supports {
        let target = payments.entity_for(id).to_string();
        if !supported.contains(&target) {
            supported.push(target);
        }
    }
    entity.set("entity", supported);
    entity.set_one("role", Some(QUOTE_ROLE));
    entity.set_one("summary", Some(&quote.text));
    entity.set_one("description", quote.locator.as_ref());
    entity
}
