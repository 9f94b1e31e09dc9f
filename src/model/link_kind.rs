//! What a link claims: the relation between two nodes, with its direction.

use super::node_kind::NodeKind;
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

/// Why a link of some kind cannot join two nodes of the kinds it names, and what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkEndsProblem {
    /// What is wrong.
    pub message: &'static str,
    /// How to put it right.
    pub help: &'static str,
}

impl LinkKind {
    /// Whether a link of this kind may go from a `source` node to a `target` node: the one rule
    /// both the case check and the link dialog's list of kinds follow.
    pub fn problem_with_ends(self, source: NodeKind, target: NodeKind) -> Option<LinkEndsProblem> {
        let is_transaction = |kind| kind == NodeKind::Transaction;
        let problem = |message, help| Some(LinkEndsProblem { message, help });
        match self {
            LinkKind::Payer if is_transaction(source) && !is_transaction(target) => {
                problem("a payer link goes from the party that pays to the transaction", "swap `source` and `target`")
            }
            LinkKind::Payer if !is_transaction(target) || is_transaction(source) => problem(
                "a payer link goes from the party that pays to a transaction node",
                "point `target` at a transaction",
            ),
            LinkKind::Beneficiary if is_transaction(target) && !is_transaction(source) => problem(
                "a beneficiary link goes from the transaction to the party that receives",
                "swap `source` and `target`",
            ),
            LinkKind::Beneficiary if !is_transaction(source) || is_transaction(target) => problem(
                "a beneficiary link goes from a transaction node to the party that receives",
                "point `source` at a transaction",
            ),
            LinkKind::Party if is_transaction(source) == is_transaction(target) => {
                problem("a party link joins a transaction node and one of its parties", "make one end a transaction")
            }
            LinkKind::Family | LinkKind::Associate if source != NodeKind::Person || target != NodeKind::Person => {
                problem("family and associate links join two people", "use `unknown` with a `role` for other relations")
            }
            LinkKind::Payer | LinkKind::Beneficiary | LinkKind::Party | LinkKind::Unknown => None,
            _ if is_transaction(source) || is_transaction(target) => problem(
                "a transaction joins its parties through payer, beneficiary and party links",
                "link the parties to the transaction with `payer`, `beneficiary` or `party`",
            ),
            LinkKind::Ownership if target == NodeKind::Person => problem(
                "an ownership link goes from an owner to what it owns, never a person",
                "use `control`, `family` or `unknown` with a `role`",
            ),
            LinkKind::Directorship | LinkKind::Employment | LinkKind::Membership if !target.is_organisation() => {
                problem(
                    "directorship, employment and membership links end at a company, embassy, government body or organisation",
                    "point `target` at the organisation, or use `associate` or `unknown` with a `role` between people",
                )
            }
            LinkKind::Employment if source != NodeKind::Person => problem(
                "an employment link goes from the person employed to the employer",
                "use `control`, `representation` or `unknown` with a `role` between organisations",
            ),
            LinkKind::Sanction if !matches!(source, NodeKind::Government | NodeKind::Organization) => problem(
                "a sanction link goes from the authority that imposes it: a government body or an organisation such as the UN",
                "point `source` at the authority, or swap `source` and `target`",
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitting(source: NodeKind, target: NodeKind) -> Vec<LinkKind> {
        LinkKind::ALL.into_iter().filter(|kind| kind.problem_with_ends(source, target).is_none()).collect()
    }

    #[test]
    fn the_kinds_that_fit_two_ends_follow_what_each_kind_joins() {
        let people = fitting(NodeKind::Person, NodeKind::Person);
        assert!(people.contains(&LinkKind::Associate) && people.contains(&LinkKind::Family));
        assert!(!people.contains(&LinkKind::Payer) && !people.contains(&LinkKind::Party));
        let to_payment = fitting(NodeKind::Company, NodeKind::Transaction);
        assert!(to_payment.contains(&LinkKind::Payer) && to_payment.contains(&LinkKind::Party));
        assert!(!to_payment.contains(&LinkKind::Beneficiary) && !to_payment.contains(&LinkKind::Associate));
        let from_payment = fitting(NodeKind::Transaction, NodeKind::Embassy);
        assert!(from_payment.contains(&LinkKind::Beneficiary) && !from_payment.contains(&LinkKind::Payer));
        assert!(!fitting(NodeKind::Company, NodeKind::Person).contains(&LinkKind::Associate));
        assert!(!people.contains(&LinkKind::Ownership) && !people.contains(&LinkKind::Employment));
        assert!(fitting(NodeKind::Person, NodeKind::Company).contains(&LinkKind::Ownership));
        assert!(fitting(NodeKind::Person, NodeKind::Embassy).contains(&LinkKind::Employment));
        assert!(!to_payment.contains(&LinkKind::Ownership) && to_payment.contains(&LinkKind::Unknown));
        assert!(fitting(NodeKind::Government, NodeKind::Person).contains(&LinkKind::Sanction));
        assert!(!fitting(NodeKind::Person, NodeKind::Government).contains(&LinkKind::Sanction));
    }
}
