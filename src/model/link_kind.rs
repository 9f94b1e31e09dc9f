//! What a link claims: the relation between two nodes, with its direction.

use super::vocabulary::vocabulary;

vocabulary! {
    /// The kind of a link, after FollowTheMoney's interstitial schemata. `source` and `target`
    /// follow the direction each kind documents; undirected kinds draw no arrowhead.
    pub enum LinkKind ("link kind") {
        /// owner → asset.
        Ownership = "ownership",
        /// director → organisation (board seats, heads of bodies).
        Directorship = "directorship",
        /// employee → employer (staff, officials, diplomats).
        Employment = "employment",
        /// member → organisation.
        Membership = "membership",
        /// agent → client (spokespeople, lawyers, representatives).
        Representation = "representation",
        /// controller → controlled (front companies, aliases, parent bodies).
        Control = "control",
        /// person — relative; undirected.
        Family = "family",
        /// person — associate (friend, partner); undirected.
        Associate = "associate",
        /// authority → sanctioned party.
        Sanction = "sanction",
        /// payer → transaction: who pays.
        Payer = "payer",
        /// transaction → beneficiary: who receives.
        Beneficiary = "beneficiary",
        /// party — transaction: a party that neither pays nor receives (broker, counterparty);
        /// undirected.
        Party = "party",
        /// subject — object: any other relation, named by `role`; undirected.
        Unknown = "unknown",
    }
}

impl LinkKind {
    /// Whether the link reads from source to target (and gets an arrowhead).
    pub fn is_directed(self) -> bool {
        !matches!(self, LinkKind::Family | LinkKind::Associate | LinkKind::Party | LinkKind::Unknown)
    }

    /// The relation in words, read from source to target ("owns", "pays").
    pub fn verb(self) -> &'static str {
        match self {
            LinkKind::Ownership => "owns",
            LinkKind::Directorship => "directs",
            LinkKind::Employment => "works for",
            LinkKind::Membership => "is a member of",
            LinkKind::Representation => "represents",
            LinkKind::Control => "controls",
            LinkKind::Family => "is related to",
            LinkKind::Associate => "is an associate of",
            LinkKind::Sanction => "sanctions",
            LinkKind::Payer => "pays in",
            LinkKind::Beneficiary => "benefits",
            LinkKind::Party => "is a party to",
            LinkKind::Unknown => "is linked to",
        }
    }

    /// The FollowTheMoney schema and the properties that hold source and target.
    pub fn ftm_counterpart(self) -> (&'static str, &'static str, &'static str) {
        match self {
            LinkKind::Ownership => ("Ownership", "owner", "asset"),
            LinkKind::Directorship => ("Directorship", "director", "organization"),
            LinkKind::Employment => ("Employment", "employee", "employer"),
            LinkKind::Membership => ("Membership", "member", "organization"),
            LinkKind::Representation => ("Representation", "agent", "client"),
            LinkKind::Control => ("Control", "controller", "controlled"),
            LinkKind::Family => ("Family", "person", "relative"),
            LinkKind::Associate => ("Associate", "person", "associate"),
            LinkKind::Sanction => ("Sanction", "authority", "entity"),
            LinkKind::Payer => ("Payment", "payer", "(the payment)"),
            LinkKind::Beneficiary => ("Payment", "(the payment)", "beneficiary"),
            LinkKind::Party => ("UnknownLink", "subject", "object"),
            LinkKind::Unknown => ("UnknownLink", "subject", "object"),
        }
    }

    /// True for the kinds that connect a party to a transaction node.
    pub fn is_transaction_role(self) -> bool {
        matches!(self, LinkKind::Payer | LinkKind::Beneficiary | LinkKind::Party)
    }
}
