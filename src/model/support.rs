//! What backs each claim: how many independent sources say it, and the best grades among
//! them; and the fingerprint a review mark keeps of a claim and its quotes.

use super::case::Case;
use super::grades::{Credibility, Reliability};
use super::graph::{CaseGraph, ItemRef};
use super::index::{LinkIx, NodeIx, QuoteIx, SourceIx};

/// The backing of one node or link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Support {
    /// Quotes that back it.
    pub quotes: u32,
    /// Sources among those quotes' sources that do not repeat one another.
    pub independent_sources: u32,
    /// The best reliability among those sources, when any is graded.
    pub best_reliability: Option<Reliability>,
    /// The best credibility among the quotes, when any is graded.
    pub best_credibility: Option<Credibility>,
}

impl Support {
    /// Whether two or more independent sources say it: what the canvas draws heavier.
    pub fn is_corroborated(self) -> bool {
        self.independent_sources >= 2
    }

    /// The best grades as the Admiralty code writes them ("B2", "B", "2"), or `None`.
    pub fn grades(self) -> Option<String> {
        let reliability = self.best_reliability.map(Reliability::as_str);
        let credibility = self.best_credibility.map(Credibility::as_str);
        match (reliability, credibility) {
            (None, None) => None,
            (reliability, credibility) => Some(format!("{}{}", reliability.unwrap_or(""), credibility.unwrap_or(""))),
        }
    }
}

/// The support of every node and link of a case, indexed like `case.nodes` and `case.links`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseSupport {
    nodes: Vec<Support>,
    links: Vec<Support>,
}

impl CaseSupport {
    /// Works out every claim's support, sources grouped by `repeats`.
    pub fn of(case: &Case, graph: &CaseGraph) -> Self {
        let original_of = originals(case, graph);
        let original = |source: SourceIx| original_of[source.index()];
        Self {
            nodes: NodeIx::all(case.nodes.len())
                .map(|node| claim_support(case, graph, ItemRef::Node(node), original))
                .collect(),
            links: LinkIx::all(case.links.len())
                .map(|link| claim_support(case, graph, ItemRef::Link(link), original))
                .collect(),
        }
    }

    /// The support of `node`.
    pub fn node(&self, node: NodeIx) -> Support {
        self.nodes.get(node.index()).copied().unwrap_or_default()
    }

    /// The support of `link`.
    pub fn link(&self, link: LinkIx) -> Support {
        self.links.get(link.index()).copied().unwrap_or_default()
    }

    /// The support of a node or link; sources and quotes have none.
    pub fn of_item(&self, item: ItemRef) -> Support {
        match item {
            ItemRef::Node(node) => self.node(node),
            ItemRef::Link(link) => self.link(link),
            ItemRef::Source(_) | ItemRef::Quote(_) => Support::default(),
        }
    }
}

/// The support of `item`, with `original` giving the source each source counts as.
fn claim_support(case: &Case, graph: &CaseGraph, item: ItemRef, original: impl Fn(SourceIx) -> SourceIx) -> Support {
    let quotes = graph.quotes_for(item);
    let mut originals: Vec<SourceIx> = Vec::with_capacity(quotes.len());
    let mut support = Support::default();
    for &quote_ix in quotes {
        let quote = &case.quotes[quote_ix];
        support.quotes += 1;
        support.best_credibility = better(support.best_credibility, quote.credibility);
        let Some(ItemRef::Source(source)) = graph.resolve(quote.source.as_str()) else { continue };
        support.best_reliability = better(support.best_reliability, case.sources[source].reliability);
        let counted_as = original(source);
        if !originals.contains(&counted_as) {
            originals.push(counted_as);
        }
    }
    support.independent_sources = u32::try_from(originals.len()).unwrap_or(u32::MAX);
    support
}

/// The better of two optional grades (grades sort best first); a graded one beats none.
fn better<T: Ord + Copy>(kept: Option<T>, other: Option<T>) -> Option<T> {
    match (kept, other) {
        (Some(kept), Some(other)) => Some(kept.min(other)),
        (kept, other) => kept.or(other),
    }
}

/// For every source, the source it counts as (see [`original`]).
fn originals(case: &Case, graph: &CaseGraph) -> Vec<SourceIx> {
    SourceIx::all(case.sources.len()).map(|source| original(case, graph, source)).collect()
}

/// The source at the end of `start`'s `repeats` chain: the one it and its copies count as.
/// A chain that loops (an error the checker reports) ends where it would come round again.
fn original(case: &Case, graph: &CaseGraph, start: SourceIx) -> SourceIx {
    let mut at = start;
    for _ in 0..case.sources.len() {
        let next = case.sources[at].repeats.as_ref().and_then(|id| graph.resolve(id.as_str()));
        match next {
            Some(ItemRef::Source(next)) if next != start => at = next,
            _ => break,
        }
    }
    at
}

/// Number of hexadecimal digits in a fingerprint.
const FINGERPRINT_DIGITS: usize = 16;

/// A digest of a claim and the quotes that back it, as their JSON is saved: when either
/// changes, so does this, and a review mark holding the old one lapses. FNV-1a (64 bits),
/// written here because the mark is saved in files: the digest must be the same on every
/// machine and in every later build, which std's and rustc-hash's hashers do not promise.
pub fn claim_fingerprint(case: &Case, graph: &CaseGraph, item: ItemRef) -> String {
    let mut hash = Fnv1a::default();
    let claim = match item {
        ItemRef::Node(node) => serde_json::to_string(&case.nodes[node]),
        ItemRef::Link(link) => serde_json::to_string(&case.links[link]),
        ItemRef::Source(source) => serde_json::to_string(&case.sources[source]),
        ItemRef::Quote(quote) => serde_json::to_string(&case.quotes[quote]),
    };
    // Serialising plain data to a string cannot fail; were it to, the text of the error
    // still changes the digest, so no mark would match by mistake.
    hash.write(claim.unwrap_or_else(|error| error.to_string()).as_bytes());
    let mut quotes: Vec<QuoteIx> = graph.quotes_for(item).to_vec();
    quotes.sort_by(|a, b| case.quotes[*a].id.cmp(&case.quotes[*b].id));
    for quote in quotes {
        hash.write(b"\n");
        hash.write(serde_json::to_string(&case.quotes[quote]).unwrap_or_else(|error| error.to_string()).as_bytes());
    }
    format!("{:0width$x}", hash.0, width = FINGERPRINT_DIGITS)
}

/// Whether `text` has the shape of a fingerprint casegraph writes.
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == FINGERPRINT_DIGITS && text.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
}

/// The 64-bit FNV-1a hash.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_digests() {
        let digest = |text: &str| {
            let mut hash = Fnv1a::default();
            hash.write(text.as_bytes());
            hash.0
        };
        assert_eq!(digest(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(digest("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(digest("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_better_grade_is_kept_and_any_grade_beats_none() {
        assert_eq!(better(Some(Reliability::C), Some(Reliability::B)), Some(Reliability::B));
        assert_eq!(better(None, Some(Credibility::Doubtful)), Some(Credibility::Doubtful));
        assert_eq!(better::<Reliability>(None, None), None);
    }

    #[test]
    fn a_fingerprint_has_sixteen_lowercase_hex_digits() {
        assert!(is_fingerprint("0123456789abcdef"));
        assert!(!is_fingerprint("0123456789ABCDEF") && !is_fingerprint("abc"));
    }
}
