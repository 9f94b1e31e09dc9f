//! What a node is: the six kinds an analyst draws.

use serde::Serialize;

/// The kind of a node. Each has its own colour and shape on the canvas and in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A natural person.
    Person,
    /// A company or other commercial legal entity.
    Company,
    /// A diplomatic mission of one state in another.
    Embassy,
    /// A ministry, sanctions authority, regional or national government, or state itself.
    Government,
    /// A foundation, UN body, party, club: any other organisation.
    Organization,
    /// A payment, contract, deal or proposal: a node so its parties and quotes attach to it.
    Transaction,
}

impl NodeKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Person,
        NodeKind::Company,
        NodeKind::Embassy,
        NodeKind::Government,
        NodeKind::Organization,
        NodeKind::Transaction,
    ];

    /// The name used in case files.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Company => "company",
            NodeKind::Embassy => "embassy",
            NodeKind::Government => "government",
            NodeKind::Organization => "organization",
            NodeKind::Transaction => "transaction",
        }
    }

    /// The kind named `text`, if any.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The FollowTheMoney schema a node of this kind exports as.
    pub fn ftm_schema(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Company => "Company",
            NodeKind::Embassy | NodeKind::Government => "PublicBody",
            NodeKind::Organization => "Organization",
            NodeKind::Transaction => "Payment",
        }
    }
}
