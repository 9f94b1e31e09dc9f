//! FollowTheMoney entities into a case: things become nodes, relationship entities links,
//! payments transactions with their payer and beneficiary links, documents sources, and
//! documentation carrying a passage quotes. Everything else is counted in the report.

use super::entity::Entity;
use super::schema::{
    ALIAS_PROPERTIES, COUNTRY_PROPERTIES, DOCUMENT_SCHEMATA, PARTY_ROLE, QUOTE_ROLE, STATUS_PREFIX, date_properties,
    link_kind_of, node_kind_of, role_property,
};
use crate::exchange::builder::CaseBuilder;
use crate::exchange::report::ImportReport;
use crate::model::{
    Amount, ClaimStatus, Country, Currency, LinkKind, NodeKind, PartialDate, check_decimal, check_web_address,
};

/// A payment's parties, joined once every node exists.
struct PaymentParties {
    payment: String,
    place: String,
    payers: Vec<String>,
    beneficiaries: Vec<String>,
}

/// Imports `entities` in three passes, so that a relationship may come before the things it
/// joins: things and documents, then relationships, then documentation.
pub(crate) fn import_entities(builder: &mut CaseBuilder, entities: Vec<Entity>) {
    let (mut relationships, mut documentation, mut payments) = (Vec::new(), Vec::new(), Vec::new());
    for mut entity in entities {
        if entity.id.trim().is_empty() {
            builder.report().problem(&entity.place, "an entity without an `id`; it was skipped");
            continue;
        }
        if builder.is_repeated(&entity.id, &entity.place) {
            continue;
        }
        let classification = entity.take("classification");
        if let Some(kind) = node_kind_of(&entity.schema, &classification) {
            if !matches!(kind, NodeKind::Embassy | NodeKind::Government) && !classification.is_empty() {
                builder
                    .report()
                    .not_imported(format!("property {}.classification", entity.schema), classification.len());
            }
            if kind == NodeKind::Transaction {
                payments.push(PaymentParties {
                    payment: entity.id.clone(),
                    place: entity.place.clone(),
                    payers: entity.take("payer"),
                    beneficiaries: entity.take("beneficiary"),
                });
            }
            import_node(builder, entity, kind);
        } else if DOCUMENT_SCHEMATA.contains(&entity.schema.as_str()) {
            import_document(builder, entity);
        } else if entity.schema == "Documentation" {
            documentation.push(entity);
        } else if link_kind_of(&entity.schema).is_some() || entity.schema == "Sanction" {
            relationships.push(entity);
        } else {
            builder.report().not_imported(format!("schema {}", entity.schema), 1);
        }
    }
    for parties in payments {
        join_payment(builder, &parties);
    }
    for entity in relationships {
        import_relationship(builder, entity);
    }
    for entity in documentation {
        import_documentation(builder, entity);
    }
}

/// The first value that reads as a date; the others are reported.
fn date(entity: &mut Entity, name: &str, report: &mut ImportReport) -> Option<PartialDate> {
    let text = entity.take_first(name, report)?;
    // FtM dates may carry a time ("2021-02-16T10:00:00"); the case keeps the day.
    let day = text.get(..10.min(text.len())).unwrap_or(&text);
    match PartialDate::parse(day) {
        Ok(date) => Some(date),
        Err(error) => {
            report.problem(&entity.place, format!("{}.{name}: {error}; the date was not imported", entity.schema));
            None
        }
    }
}

fn import_node(builder: &mut CaseBuilder, mut entity: Entity, kind: NodeKind) {
    let report = builder.report();
    let mut names = entity.take("name").into_iter();
    let label_property = if kind == NodeKind::Transaction { "purpose" } else { "name" };
    let label = names.next().or_else(|| entity.take_first(label_property, report)).unwrap_or_else(|| entity.id.clone());
    let mut aliases: Vec<String> = names.collect();
    for property in ALIAS_PROPERTIES {
        aliases.extend(entity.take(property));
    }
    let mut seen = std::collections::HashSet::new();
    aliases.retain(|alias| *alias != label && seen.insert(alias.clone()));
    let countries = countries(&mut entity, report);
    let (start, end) = date_properties(kind);
    let (start_date, end_date) = (date(&mut entity, start, report), date(&mut entity, end, report));
    // A payment's summary may hold its status, so the payment is read before the description.
    let transaction = (kind == NodeKind::Transaction).then(|| transaction_facts(&mut entity, report));
    let description = description(&mut entity);
    report.mapped(format!("{} → {} node", entity.schema, kind.as_str()));
    let node = builder.add_node(&entity.id, kind, label);
    node.aliases = aliases;
    node.countries = countries;
    (node.start_date, node.end_date, node.description) = (start_date, end_date, description);
    if let Some(facts) = transaction {
        (node.date, node.amount, node.status) = (facts.date, facts.amount, facts.status);
        if let Some(summary) = facts.summary {
            node.description = Some(match node.description.take() {
                Some(text) => format!("{text}\n\n{summary}"),
                None => summary,
            });
        }
    }
    entity.report_leftovers(builder.report());
}

fn countries(entity: &mut Entity, report: &mut ImportReport) -> Vec<Country> {
    let mut countries = Vec::new();
    for property in COUNTRY_PROPERTIES {
        for code in entity.take(property) {
            match Country::parse(&code) {
                Ok(country) if !countries.contains(&country) => countries.push(country),
                Ok(_) => {}
                Err(error) => report.problem(&entity.place, format!("{}.{property}: {error}", entity.schema)),
            }
        }
    }
    countries
}

/// `description`, `summary` and `notes`, joined by blank lines.
fn description(entity: &mut Entity) -> Option<String> {
    let parts: Vec<String> =
        ["description", "summary", "notes"].into_iter().flat_map(|name| entity.take(name)).collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// What a payment says beyond a node's facts.
struct TransactionFacts {
    date: Option<PartialDate>,
    amount: Option<Amount>,
    status: Option<ClaimStatus>,
    summary: Option<String>,
}

fn transaction_facts(entity: &mut Entity, report: &mut ImportReport) -> TransactionFacts {
    let date = date(entity, "date", report);
    let (value, currency) = (entity.take_first("amount", report), entity.take_first("currency", report));
    let amount = value.and_then(|value| {
        let value = value.replace(',', "");
        let currency = currency.as_deref().unwrap_or("XXX").to_uppercase();
        match (check_decimal(&value), Currency::parse(&currency)) {
            (Ok(()), Ok(currency)) => Some(Amount { value, max: None, currency, approximate: false }),
            (Err(error), _) => problem(report, entity, format!("Payment.amount: {error}")),
            (_, Err(error)) => problem(report, entity, format!("Payment.currency: {error}")),
        }
    });
    let mut status = None;
    let mut summary = Vec::new();
    for text in entity.take("summary") {
        match text.strip_prefix(STATUS_PREFIX).and_then(ClaimStatus::parse) {
            Some(read) if status.is_none() => status = Some(read),
            _ => summary.push(text),
        }
    }
    TransactionFacts { date, amount, status, summary: (!summary.is_empty()).then(|| summary.join("\n\n")) }
}

fn problem<T>(report: &mut ImportReport, entity: &Entity, message: String) -> Option<T> {
    report.problem(&entity.place, format!("{message}; it was not imported"));
    None
}

fn join_payment(builder: &mut CaseBuilder, parties: &PaymentParties) {
    let roles = [(LinkKind::Payer, &parties.payers), (LinkKind::Beneficiary, &parties.beneficiaries)];
    for (kind, ends) in roles {
        for (number, end) in ends.iter().enumerate() {
            let reference = format!("{}-{}-{}", parties.payment, kind.as_str(), number + 1);
            let link_ends = if kind == LinkKind::Payer {
                (end.as_str(), parties.payment.as_str())
            } else {
                (parties.payment.as_str(), end.as_str())
            };
            if builder.add_link(&reference, kind, link_ends, &parties.place).is_some() {
                builder.report().mapped(format!(
                    "Payment.{} → {} link",
                    if kind == LinkKind::Payer { "payer" } else { "beneficiary" },
                    kind.as_str()
                ));
            }
        }
    }
}

fn import_document(builder: &mut CaseBuilder, mut entity: Entity) {
    let report = builder.report();
    let title = ["title", "name", "fileName"]
        .into_iter()
        .find_map(|name| entity.take_first(name, report))
        .unwrap_or_else(|| entity.id.clone());
    let publisher = entity.take_first("publisher", report).unwrap_or_else(|| "unknown publisher".to_owned());
    let date = date(&mut entity, "publishedAt", report).or_else(|| date(&mut entity, "date", report));
    let authors = entity.take("author");
    let url = entity.take_first("sourceUrl", report).filter(|url| match check_web_address(url) {
        Ok(()) => true,
        Err(error) => problem::<()>(report, &entity, format!("{}.sourceUrl: {error}", entity.schema)).is_some(),
    });
    report.mapped(format!("{} → source", entity.schema));
    let source = builder.add_source(&entity.id, publisher, title);
    (source.date, source.authors, source.url) = (date, authors, url);
    entity.report_leftovers(builder.report());
}

fn import_relationship(builder: &mut CaseBuilder, mut entity: Entity) {
    if entity.schema == "Sanction" {
        return import_sanction(builder, entity);
    }
    let Some((kind, source_property, target_property)) = link_kind_of(&entity.schema) else { return };
    let (sources, targets) = (entity.take(source_property), entity.take(target_property));
    if sources.is_empty() || targets.is_empty() {
        let missing = if sources.is_empty() { source_property } else { target_property };
        builder
            .report()
            .problem(&entity.place, format!("{} has no `{missing}`; the link was not imported", entity.schema));
        return;
    }
    let facts = LinkFacts::take(&mut entity, role_property(kind), builder.report());
    let pairs = sources.iter().flat_map(|source| targets.iter().map(move |target| (source, target)));
    for (number, (source, target)) in pairs.enumerate() {
        let is_transaction = |end: &str| builder.node(end).is_some_and(|(_, kind)| kind == NodeKind::Transaction);
        let fitted = if kind == LinkKind::Unknown && (is_transaction(source) || is_transaction(target)) {
            LinkKind::Party
        } else {
            kind
        };
        let reference = if number == 0 { entity.id.clone() } else { format!("{}-{}", entity.id, number + 1) };
        builder.report().mapped(format!("{} → {} link", entity.schema, fitted.as_str()));
        if let Some(link) = builder.add_link(&reference, fitted, (source, target), &entity.place) {
            facts.apply(link, fitted);
        }
    }
    entity.report_leftovers(builder.report());
}

/// What an edge entity says of its relation, beyond its ends.
struct LinkFacts {
    role: Option<String>,
    date: Option<PartialDate>,
    start_date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    status: Option<ClaimStatus>,
    description: Option<String>,
}

impl LinkFacts {
    fn take(entity: &mut Entity, role_property: &str, report: &mut ImportReport) -> Self {
        let role = entity.take_first(role_property, report);
        let status = entity.take_first("status", report).and_then(|text| {
            let status = ClaimStatus::parse(&text.to_lowercase());
            if status.is_none() {
                report.not_imported(
                    format!("{}.status values that are not a claim status (\"{text}\")", entity.schema),
                    1,
                );
            }
            status
        });
        Self {
            role,
            date: date(entity, "date", report),
            start_date: date(entity, "startDate", report),
            end_date: date(entity, "endDate", report),
            status,
            description: description(entity),
        }
    }

    fn apply(&self, link: &mut crate::model::Link, kind: LinkKind) {
        let role = self.role.clone().filter(|role| !(kind == LinkKind::Party && role == PARTY_ROLE));
        link.role = role.or(link.role.take());
        (link.date, link.start_date, link.end_date) = (self.date, self.start_date, self.end_date);
        (link.status, link.description) = (self.status, self.description.clone());
    }
}

/// A `Sanction`: FtM names the authority in words (and `authorityId`); the authority becomes
/// the node it names, or a government body of that name.
fn import_sanction(builder: &mut CaseBuilder, mut entity: Entity) {
    let report = builder.report();
    let (authority, authority_id) = (entity.take_first("authority", report), entity.take_first("authorityId", report));
    let targets = entity.take("entity");
    let facts = LinkFacts::take(&mut entity, "program", report);
    let source = match (authority_id.filter(|id| builder.node(id).is_some()), authority) {
        (Some(id), _) => id,
        (None, Some(name)) => {
            let reference = format!("authority {name}");
            if builder.node(&reference).is_none() {
                builder.add_node(&reference, NodeKind::Government, name);
                builder.report().mapped("Sanction.authority → government node");
            }
            reference
        }
        (None, None) => {
            builder.report().problem(&entity.place, "Sanction has no `authority`; it was not imported");
            return;
        }
    };
    for (number, target) in targets.iter().enumerate() {
        let reference = if number == 0 { entity.id.clone() } else { format!("{}-{}", entity.id, number + 1) };
        builder.report().mapped("Sanction → sanction link");
        if let Some(link) = builder.add_link(&reference, LinkKind::Sanction, (&source, target), &entity.place) {
            facts.apply(link, LinkKind::Sanction);
        }
    }
    entity.report_leftovers(builder.report());
}

/// A `Documentation` holding a passage (`summary`) becomes a quote from its document.
fn import_documentation(builder: &mut CaseBuilder, mut entity: Entity) {
    let report = builder.report();
    let role = entity.take_first("role", report);
    let text = entity.take_first("summary", report);
    let document = entity.take_first("document", report);
    let locator = entity.take_first("description", report);
    let Some(text) = text.filter(|_| role.as_deref().is_none_or(|role| role == QUOTE_ROLE)) else {
        report.not_imported("schema Documentation without a passage (`summary`)", 1);
        return;
    };
    let Some(source) = document.as_deref().and_then(|document| builder.source(document)).cloned() else {
        let message = format!(
            "Documentation names no imported document (`{}`); the quote was not imported",
            document.unwrap_or_default()
        );
        builder.report().problem(&entity.place, message);
        return;
    };
    let mut supports = Vec::new();
    for reference in entity.take("entity") {
        match builder.resolve(&reference) {
            Some(id) if !supports.contains(id) => supports.push(id.clone()),
            Some(_) => {}
            None => builder.report().not_imported("Documentation.entity naming no imported node or link", 1),
        }
    }
    builder.report().mapped("Documentation → quote");
    let quote = builder.add_quote(&entity.id, source, text, supports);
    quote.locator = locator;
    entity.report_leftovers(builder.report());
}
