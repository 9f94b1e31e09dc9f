//! What a node is: the six kinds an analyst draws.

use super::vocabulary::vocabulary;

vocabulary! {
    /// The kind of a node. Each has its own colour and shape on the canvas and in exports.
    pub enum NodeKind ("node kind") {
        /// A natural person.
        Person = "person",
        /// A company or other commercial legal entity.
        Company = "company",
        /// A diplomatic mission of one state in another.
        Embassy = "embassy",
        /// A ministry, sanctions authority, regional or national government, or state itself.
        Government = "government",
        /// A foundation, UN body, party, club: any other organisation.
        Organization = "organization",
        /// A payment, contract, deal or proposal: a node so its parties and quotes attach to it.
        Transaction = "transaction",
    }
}

impl NodeKind {
    /// Whether a node of this kind is a body people work for, direct or join: a company, an
    /// embassy, a government body or another organisation.
    pub fn is_organisation(self) -> bool {
        matches!(self, NodeKind::Company | NodeKind::Embassy | NodeKind::Government | NodeKind::Organization)
    }

    /// The first letter of a new node's id (`p-kim-ju-hyok`, `c-ardis-bearings`), so an id says
    /// what it names.
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Person => "p",
            NodeKind::Company => "c",
            NodeKind::Embassy => "e",
            NodeKind::Government => "g",
            NodeKind::Organization => "o",
            NodeKind::Transaction => "t",
        }
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
