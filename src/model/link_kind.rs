//! What a link claims: the relation between two nodes, with its direction.

use serde::Serialize;

/// The kind of a link, after FollowTheMoney's interstitial schemata. `source` and `target`
/// follow the direction each kind documents; undirected kinds draw no arrowhead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// owner → asset.
    Ownership,
    /// director → organisation (board seats, heads of bodies).
    Directorship,
    /// employee → employer (staff, officials, diplomats).
    Employment,
    /// member → organisation.
    Membership,
    /// agent → client (spokespeople, lawyers, representatives).
    Representation,
    /// controller → controlled (front companies, aliases, parent bodies).
    Control,
    /// person — relative; undirected.
    Family,
    /// person — associate (friend, partner); undirected.
    Associate,
    /// authority → sanctioned party.
    Sanction,
    /// payer → transaction: who pays.
    Payer,
    /// transaction → beneficiary: who receives.
    Beneficiary,
    /// party — transaction: a party that neither pays nor receives (broker, counterparty);
    /// undirected.
    Party,
    /// subject — object: any other relation, named by `role`; undirected.
    Unknown,
}

impl LinkKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [LinkKind; 13] = [
        LinkKind::Ownership,
        LinkKind::Directorship,
        LinkKind::Employment,
        LinkKind::Membership,
        LinkKind::Representation,
        LinkKind::Control,
        LinkKind::Family,
        LinkKind::Associate,
        LinkKind::Sanction,
        LinkKind::Payer,
        LinkKind::Beneficiary,
        LinkKind::Party,
        LinkKind::Unknown,
    ];

    /// The name used in case files.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Ownership => "ownership",
            LinkKind::Directorship => "directorship",
            LinkKind::Employment => "employment",
            LinkKind::Membership => "membership",
            LinkKind::Representation => "representation",
            LinkKind::Control => "control",
            LinkKind::Family => "family",
            LinkKind::Associate => "associate",
            LinkKind::Sanction => "sanction",
            LinkKind::Payer => "payer",
            LinkKind::Beneficiary => "beneficiary",
            LinkKind::Party => "party",
            LinkKind::Unknown => "unknown",
        }
    }

    /// The kind named `text`, if any.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

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
