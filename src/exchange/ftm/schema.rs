//! Which FollowTheMoney schema and properties each kind maps to, both ways: the one table the
//! export and the import read.

use crate::model::{LinkKind, NodeKind};

/// The `classification` an embassy is written with, and recognised by, on a `PublicBody`.
pub(crate) const EMBASSY_CLASSIFICATION: &str = "embassy";

/// The `classification` a government body is written with.
pub(crate) const GOVERNMENT_CLASSIFICATION: &str = "government body";

/// The `role` a quote's `Documentation` entity is written with.
pub(crate) const QUOTE_ROLE: &str = "quote";

/// The `role` a party to a transaction is written with, on an `UnknownLink` to the payment.
pub(crate) const PARTY_ROLE: &str = "party";

/// How a transaction's status is written in a payment's `summary` (FtM's `Payment` has no
/// status): `status: proposed`.
pub(crate) const STATUS_PREFIX: &str = "status: ";

/// The schemata whose entities are documents, imported as sources.
pub(crate) const DOCUMENT_SCHEMATA: [&str; 14] = [
    "Document",
    "Article",
    "PlainText",
    "HyperText",
    "Pages",
    "Email",
    "Message",
    "Image",
    "Video",
    "Audio",
    "Table",
    "Workbook",
    "Package",
    "Folder",
];

/// The node kind an entity of `schema` becomes, reading a `PublicBody`'s classification.
pub(crate) fn node_kind_of(schema: &str, classifications: &[String]) -> Option<NodeKind> {
    Some(match schema {
        "Person" => NodeKind::Person,
        "Company" => NodeKind::Company,
        "Organization" | "LegalEntity" => NodeKind::Organization,
        "PublicBody" if classifications.iter().any(|c| c.to_lowercase().contains(EMBASSY_CLASSIFICATION)) => {
            NodeKind::Embassy
        }
        "PublicBody" => NodeKind::Government,
        "Payment" => NodeKind::Transaction,
        _ => return None,
    })
}

/// The properties holding a node's `start_date` and `end_date`.
pub(crate) fn date_properties(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("birthDate", "deathDate"),
        NodeKind::Transaction => ("startDate", "endDate"),
        _ => ("incorporationDate", "dissolutionDate"),
    }
}

/// The properties holding a node's countries, the first one written on export.
pub(crate) const COUNTRY_PROPERTIES: [&str; 5] =
    ["country", "nationality", "jurisdiction", "mainCountry", "citizenship"];

/// The properties holding other names, the first one written on export.
pub(crate) const ALIAS_PROPERTIES: [&str; 4] = ["alias", "weakAlias", "previousName", "abbreviation"];

/// The edge schema a link kind maps to, with the properties holding its source and target;
/// none for the kinds written another way (payer and beneficiary as a payment's properties,
/// sanctions as a `Sanction`, parties as an `UnknownLink`).
pub(crate) fn edge_schema(kind: LinkKind) -> Option<(&'static str, &'static str, &'static str)> {
    match kind {
        LinkKind::Payer | LinkKind::Beneficiary | LinkKind::Sanction | LinkKind::Party => None,
        _ => Some(kind.ftm_counterpart()),
    }
}

/// The link kind an edge entity of `schema` becomes, with its source and target properties.
pub(crate) fn link_kind_of(schema: &str) -> Option<(LinkKind, &'static str, &'static str)> {
    LinkKind::ALL.into_iter().find_map(|kind| {
        let (name, source, target) = edge_schema(kind)?;
        (name == schema).then_some((kind, source, target))
    })
}

/// The property holding a link's role: `relationship` on family and associate links.
pub(crate) fn role_property(kind: LinkKind) -> &'static str {
    if matches!(kind, LinkKind::Family | LinkKind::Associate) { "relationship" } else { "role" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edge_schema_reads_back_as_its_kind() {
        for kind in LinkKind::ALL {
            if let Some((schema, _, _)) = edge_schema(kind) {
                assert_eq!(link_kind_of(schema).map(|(read, _, _)| read), Some(kind), "{schema}");
            }
        }
        assert_eq!(link_kind_of("Payment"), None);
        assert_eq!(link_kind_of("Vessel"), None);
    }

    #[test]
    fn a_public_body_is_an_embassy_only_when_classified_so() {
        assert_eq!(node_kind_of("PublicBody", &["Embassy".to_owned()]), Some(NodeKind::Embassy));
        assert_eq!(node_kind_of("PublicBody", &[]), Some(NodeKind::Government));
        for kind in NodeKind::ALL {
            let classification = match kind {
                NodeKind::Embassy => vec![EMBASSY_CLASSIFICATION.to_owned()],
                _ => vec![GOVERNMENT_CLASSIFICATION.to_owned()],
            };
            assert_eq!(node_kind_of(kind.ftm_schema(), &classification), Some(kind));
        }
    }
}
