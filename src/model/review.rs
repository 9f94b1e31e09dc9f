//! The review before publication: for every claim (node, link, transaction), the risks a
//! lawyer or an editor would raise, its support, and its review mark; worst first.

use std::collections::HashMap;

use super::case::Case;
use super::claim_status::ClaimStatus;
use super::evidence::{DocumentStore, QuoteVerification, verify_quotes};
use super::grades::Stance;
use super::graph::{CaseGraph, ItemRef};
use super::index::{LinkIx, NodeIx, QuoteIx, ReviewIx};
use super::support::{CaseSupport, Support, claim_fingerprint};

/// What may be wrong with a claim, most serious first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Risk {
    /// Nothing backs it.
    NoQuote,
    /// Quotes that cannot be verified, each with why.
    UnverifiableQuotes(Vec<(QuoteIx, String)>),
    /// A quote from the person or body concerned denies it, yet it is drawn as stated.
    DenialOnRecord(Vec<QuoteIx>),
    /// Every quote only alleges or claims it, yet it is drawn as stated.
    OnlyAllegedOrClaimed,
    /// Its best grades are low (reliability E or F, or credibility 5 or 6).
    LowGrades,
    /// All its quotes come from one source or copies of it.
    SingleSource,
}

impl Risk {
    /// Whether the claim must not be published until this is dealt with.
    pub fn is_blocking(&self) -> bool {
        matches!(self, Risk::NoQuote | Risk::UnverifiableQuotes(_))
    }

    /// Its place in the order worst first.
    fn rank(&self) -> u8 {
        match self {
            Risk::NoQuote => 0,
            Risk::UnverifiableQuotes(_) => 1,
            Risk::DenialOnRecord(_) => 2,
            Risk::OnlyAllegedOrClaimed => 3,
            Risk::LowGrades => 4,
            Risk::SingleSource => 5,
        }
    }

    /// A short name for lists and the JSON ledger ("no quote", "single source").
    pub fn name(&self) -> &'static str {
        match self {
            Risk::NoQuote => "no quote",
            Risk::UnverifiableQuotes(_) => "unverifiable quote",
            Risk::DenialOnRecord(_) => "denial on record",
            Risk::OnlyAllegedOrClaimed => "only alleged or claimed",
            Risk::LowGrades => "low grades",
            Risk::SingleSource => "single source",
        }
    }
}

/// A claim's review mark, as it stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Never reviewed.
    Unreviewed,
    /// Reviewed, and nothing has changed since.
    Reviewed(ReviewIx),
    /// Reviewed, but its facts or quotes changed afterwards: the mark no longer counts.
    Lapsed(ReviewIx),
}

impl Mark {
    /// Whether the claim counts as reviewed.
    pub fn is_current(self) -> bool {
        matches!(self, Mark::Reviewed(_))
    }
}

/// One claim in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimReview {
    /// The node or link.
    pub item: ItemRef,
    /// What may be wrong with it, most serious first; empty for a clean claim.
    pub risks: Vec<Risk>,
    /// What backs it.
    pub support: Support,
    /// Its review mark.
    pub mark: Mark,
}

impl ClaimReview {
    /// Whether any of its risks blocks publication.
    pub fn is_blocked(&self) -> bool {
        self.risks.iter().any(Risk::is_blocking)
    }
}

/// Every claim of a case with its risks, support and mark, worst first: blocked claims, then
/// by their most serious risk and how many they carry, then unreviewed before reviewed, then
/// in file order (nodes before links).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    /// The claims, worst first.
    pub claims: Vec<ClaimReview>,
}

impl Ledger {
    /// Reviews every claim of `case`, checking quotes against `documents`.
    pub fn of(case: &Case, graph: &CaseGraph, documents: &dyn DocumentStore) -> Self {
        let checks = verify_quotes(case, documents);
        let support = CaseSupport::of(case, graph);
        let reviews: HashMap<&str, ReviewIx> = case
            .reviews
            .iter()
            .enumerate()
            .map(|(index, review)| (review.item.as_str(), ReviewIx::new(index)))
            .collect();
        let items =
            NodeIx::all(case.nodes.len()).map(ItemRef::Node).chain(LinkIx::all(case.links.len()).map(ItemRef::Link));
        let mut claims: Vec<ClaimReview> = items
            .map(|item| {
                let support = support.of_item(item);
                let risks = risks_of(case, graph, &checks, item, support);
                ClaimReview { item, risks, support, mark: mark_of(case, graph, &reviews, item) }
            })
            .collect();
        claims.sort_by_key(|claim| {
            let worst = claim.risks.first().map_or(u8::MAX, Risk::rank);
            (!claim.is_blocked(), worst, std::cmp::Reverse(claim.risks.len()), claim.mark.is_current())
        });
        Self { claims }
    }

    /// The claims that carry a risk, worst first.
    pub fn at_risk(&self) -> impl Iterator<Item = &ClaimReview> {
        self.claims.iter().filter(|claim| !claim.risks.is_empty())
    }

    /// How many claims a risk blocks.
    pub fn blocked_count(&self) -> usize {
        self.claims.iter().filter(|claim| claim.is_blocked()).count()
    }

    /// How many claims are not marked reviewed (or whose mark lapsed).
    pub fn unreviewed_count(&self) -> usize {
        self.claims.iter().filter(|claim| !claim.mark.is_current()).count()
    }
}

/// The risks of one claim, most serious first, each at most once.
fn risks_of(
    case: &Case,
    graph: &CaseGraph,
    checks: &[QuoteVerification],
    item: ItemRef,
    support: Support,
) -> Vec<Risk> {
    let quotes = graph.quotes_for(item);
    if quotes.is_empty() {
        return vec![Risk::NoQuote];
    }
    let mut risks = Vec::new();
    let unverifiable: Vec<(QuoteIx, String)> = quotes
        .iter()
        .filter_map(|&quote| {
            checks.get(quote.index()).and_then(QuoteVerification::problem).map(|problem| (quote, problem))
        })
        .collect();
    if !unverifiable.is_empty() {
        risks.push(Risk::UnverifiableQuotes(unverifiable));
    }
    let stance = |quote: QuoteIx| case.quotes[quote].stance.unwrap_or(Stance::States);
    if drawn_as_stated(case, item) {
        let denials: Vec<QuoteIx> = quotes.iter().copied().filter(|&quote| stance(quote) == Stance::Denies).collect();
        if !denials.is_empty() {
            risks.push(Risk::DenialOnRecord(denials));
        }
        let backing = quotes.iter().filter(|&&quote| stance(quote) != Stance::Denies);
        let mut backing = backing.peekable();
        if backing.peek().is_some() && backing.all(|&quote| stance(quote).is_hearsay()) {
            risks.push(Risk::OnlyAllegedOrClaimed);
        }
    }
    let low_reliability = support.best_reliability.is_some_and(|grade| grade.is_low());
    let low_credibility = support.best_credibility.is_some_and(|grade| grade.is_low());
    if low_reliability || low_credibility {
        risks.push(Risk::LowGrades);
    }
    if support.independent_sources == 1 {
        risks.push(Risk::SingleSource);
    }
    risks
}

/// Whether the claim is drawn as established fact: no status, or one that is not qualified.
fn drawn_as_stated(case: &Case, item: ItemRef) -> bool {
    let status: Option<ClaimStatus> = match item {
        ItemRef::Node(node) => case.nodes[node].status,
        ItemRef::Link(link) => case.links[link].status,
        ItemRef::Source(_) | ItemRef::Quote(_) => return false,
    };
    !status.is_some_and(ClaimStatus::is_qualified)
}

/// The claim's review mark: current while its fingerprint still matches.
fn mark_of(case: &Case, graph: &CaseGraph, reviews: &HashMap<&str, ReviewIx>, item: ItemRef) -> Mark {
    let id = match item {
        ItemRef::Node(node) => &case.nodes[node].id,
        ItemRef::Link(link) => &case.links[link].id,
        ItemRef::Source(_) | ItemRef::Quote(_) => return Mark::Unreviewed,
    };
    match reviews.get(id.as_str()).copied() {
        None => Mark::Unreviewed,
        Some(review) if case.reviews[review].fingerprint == claim_fingerprint(case, graph, item) => {
            Mark::Reviewed(review)
        }
        Some(review) => Mark::Lapsed(review),
    }
}
