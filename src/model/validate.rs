//! Checks that need the whole case: one id namespace, references that resolve, links whose
//! ends suit their kind, and the evidence warnings (claims no quote supports, unused sources).

use super::amount::decimal_value;
use super::case::Case;
use super::decode::{Collection, FileIndices};
use super::diagnostic::{Diagnostic, did_you_mean};
use super::id::Id;
use super::id_table::{IdTable, Repeat};
use super::json_path::JsonPath;
use super::node_kind::NodeKind;
use super::partial_date::PartialDate;
use super::story::Reference;
use super::support::is_fingerprint;

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Node(usize),
    Link(usize),
    Source(usize),
    Quote(usize),
}

impl Item {
    fn describe(self) -> &'static str {
        match self {
            Item::Node(_) => "a node",
            Item::Link(_) => "a link",
            Item::Source(_) => "a source",
            Item::Quote(_) => "a quote",
        }
    }
}

/// Unknown references for which a "did you mean" is worked out; past this, the search over
/// all ids would cost more than the message is worth.
const SUGGESTION_LIMIT: usize = 50;

/// Cases with at least this many links and quotes have their references checked on two
/// threads; below it, starting a thread costs more than it saves.
const PARALLEL_MIN_ITEMS: usize = 20_000;

/// Runs every whole-case check, appending problems to `diagnostics`. `indices` maps items to
/// their place in the file (from decoding); without it, items are placed by their position.
pub fn validate(case: &Case, indices: Option<&FileIndices>, diagnostics: &mut Vec<Diagnostic>) {
    let mut evidence = Evidence {
        supported_nodes: vec![false; case.nodes.len()],
        supported_links: vec![false; case.links.len()],
        quoted_sources: vec![false; case.sources.len()],
    };
    let ids = collect_ids(case, indices, diagnostics, &mut evidence);
    diagnostics.extend(check_references(case, indices, &ids, &mut evidence));
    evidence.check(case, indices, diagnostics);
}

/// Which items some quote backs, by index, filled while checking quotes.
struct Evidence {
    supported_nodes: Vec<bool>,
    supported_links: Vec<bool>,
    quoted_sources: Vec<bool>,
}

fn item_path(indices: Option<&FileIndices>, item: Item) -> JsonPath {
    let (collection, index) = match item {
        Item::Node(i) => (Collection::Nodes, i),
        Item::Link(i) => (Collection::Links, i),
        Item::Source(i) => (Collection::Sources, i),
        Item::Quote(i) => (Collection::Quotes, i),
    };
    FileIndices::item_path(indices, collection, index)
}

/// The table of every id, reporting ids used twice.
fn collect_ids(
    case: &Case,
    indices: Option<&FileIndices>,
    diagnostics: &mut Vec<Diagnostic>,
    evidence: &mut Evidence,
) -> IdTable<Item> {
    let items = || {
        let nodes = case.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), Item::Node(i)));
        let links = case.links.iter().enumerate().map(|(i, l)| (l.id.as_str(), Item::Link(i)));
        let sources = case.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), Item::Source(i)));
        let quotes = case.quotes.iter().enumerate().map(|(i, q)| (q.id.as_str(), Item::Quote(i)));
        nodes.chain(links).chain(sources).chain(quotes)
    };
    let count = case.nodes.len() + case.links.len() + case.sources.len() + case.quotes.len();
    let (ids, repeats) = IdTable::build(count, items);
    let mut repeats = repeats.into_iter().peekable();
    for (position, (id, item)) in items().enumerate() {
        if repeats.peek().is_none() {
            break;
        }
        let Some(Repeat { first, .. }) = repeats.next_if(|repeat| repeat.position == position) else { continue };
        let message = format!("id `{id}` is already used by {} at {}", first.describe(), item_path(indices, first));
        let help = "every node, link, source and quote needs its own id";
        let path = item_path(indices, item).key("id");
        diagnostics.push(Diagnostic::error(message).at(path).with_id(id).with_help(help));
        // References to this id reach the first holder, so the evidence checks would call
        // the second one unsupported; the error above says enough.
        match item {
            Item::Node(index) => evidence.supported_nodes[index] = true,
            Item::Link(index) => evidence.supported_links[index] = true,
            Item::Source(index) => evidence.quoted_sources[index] = true,
            Item::Quote(_) => {}
        }
    }
    ids
}

/// The problems with references, dates and amounts, in file order. A large case is checked
/// on two threads, links on one and the rest on the other; should either find a problem, it
/// is checked again in one go, so the problems and their suggestions come out the same.
fn check_references(
    case: &Case,
    indices: Option<&FileIndices>,
    ids: &IdTable<Item>,
    evidence: &mut Evidence,
) -> Vec<Diagnostic> {
    let checker = || Checker { case, indices, ids, diagnostics: Vec::new(), suggestions_left: SUGGESTION_LIMIT };
    let large = case.links.len() + case.quotes.len() >= PARALLEL_MIN_ITEMS;
    if large && std::thread::available_parallelism().map_or(1, usize::from) >= 2 {
        let (links, others) = std::thread::scope(|scope| {
            let links = scope.spawn(|| {
                let mut links = checker();
                links.check_links();
                links.diagnostics
            });
            let mut others = checker();
            others.check_nodes();
            others.check_quotes(evidence);
            others.check_repeats_and_reviews();
            others.check_story();
            others.check_layout();
            (links.join(), others.diagnostics)
        });
        if links.is_ok_and(|links| links.is_empty()) && others.is_empty() {
            return Vec::new();
        }
    }
    let mut all = checker();
    all.check_nodes();
    all.check_links();
    all.check_quotes(evidence);
    all.check_repeats_and_reviews();
    all.check_story();
    all.check_layout();
    all.diagnostics
}

struct Checker<'c> {
    case: &'c Case,
    indices: Option<&'c FileIndices>,
    ids: &'c IdTable<Item>,
    diagnostics: Vec<Diagnostic>,
    suggestions_left: usize,
}

impl Checker<'_> {
    fn path(&self, item: Item) -> JsonPath {
        item_path(self.indices, item)
    }

    /// The item `reference` names when it is of the wanted sort; otherwise reports the
    /// problem at the place `path` builds (only built when needed: this runs for every
    /// reference in the case).
    fn check_reference(
        &mut self,
        reference: &Id,
        wanted: &str,
        accepts: fn(Item) -> bool,
        path: impl FnOnce(&Self) -> JsonPath,
        owner: &Id,
    ) -> Option<Item> {
        match self.ids.get(reference.as_str()) {
            Some(item) if accepts(item) => Some(item),
            Some(item) => {
                let message = format!("`{reference}` is {}, but this must name {wanted}", item.describe());
                let diagnostic = Diagnostic::error(message).at(path(self)).with_id(owner.as_str());
                self.diagnostics.push(diagnostic);
                None
            }
            None => {
                let help = if self.suggestions_left > 0 {
                    self.suggestions_left -= 1;
                    let candidates = self.ids.iter().filter(|(_, item)| accepts(*item)).map(|(id, _)| id);
                    did_you_mean(reference.as_str(), candidates).map(|near| format!("did you mean `{near}`?"))
                } else {
                    None
                };
                let message = format!("`{reference}` does not name {wanted} in this case");
                let help =
                    help.or_else(|| Some(format!("add {wanted} with id `{reference}`, or correct the reference")));
                let diagnostic =
                    Diagnostic::error(message).at(path(self)).with_id(owner.as_str()).with_optional_help(help);
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// A source repeats another source, never itself, directly or through others; a review
    /// names a node or link, once, with a fingerprint casegraph wrote.
    fn check_repeats_and_reviews(&mut self) {
        let case = self.case;
        for (index, source) in case.sources.iter().enumerate() {
            let Some(repeated) = &source.repeats else { continue };
            let path = |checker: &Self| checker.path(Item::Source(index)).key("repeats");
            let is_source = |item| matches!(item, Item::Source(_));
            if self.check_reference(repeated, "a source", is_source, path, &source.id).is_some()
                && self.repeats_lead_back(index)
            {
                let message = format!("source `{}` repeats itself, through `{repeated}`", source.id);
                let help = "a copy repeats the original: point `repeats` at the source it was copied from";
                self.diagnostics
                    .push(Diagnostic::error(message).at(path(self)).with_id(source.id.as_str()).with_help(help));
            }
        }
        let mut reviewed = std::collections::HashSet::new();
        for (index, review) in case.reviews.iter().enumerate() {
            let path = |_: &Self| JsonPath::root().key("reviews").index(index);
            let is_claim = |item| matches!(item, Item::Node(_) | Item::Link(_));
            let at = |checker: &Self| path(checker).key("item");
            self.check_reference(&review.item, "a node or link", is_claim, at, &review.item);
            if !reviewed.insert(review.item.as_str()) {
                let message = format!("`{}` is marked reviewed twice", review.item);
                let help = "keep one review of each claim";
                self.diagnostics
                    .push(Diagnostic::error(message).at(at(self)).with_id(review.item.as_str()).with_help(help));
            }
            if !is_fingerprint(&review.fingerprint) {
                let message = format!("{:?} is not a fingerprint casegraph wrote", review.fingerprint);
                let help = "remove this review and mark the claim reviewed again in casegraph";
                let diagnostic = Diagnostic::error(message).at(path(self).key("fingerprint")).with_help(help);
                self.diagnostics.push(diagnostic.with_id(review.item.as_str()));
            }
        }
    }

    /// Every id a story step names is a node or link (`hidden`, `highlight`) or a quote
    /// (`cites`).
    fn check_story(&mut self) {
        for (index, step) in self.case.story.steps.iter().enumerate() {
            let step_path = JsonPath::root().key("story").key("steps").index(index);
            for (key, ids, reference) in step.reference_lists() {
                for (position, id) in ids.iter().enumerate() {
                    let path = |_: &Self| step_path.clone().key(key).index(position);
                    let accepts: fn(Item) -> bool = match reference {
                        Reference::Claim => |item| matches!(item, Item::Node(_) | Item::Link(_)),
                        Reference::Quote => |item| matches!(item, Item::Quote(_)),
                    };
                    self.check_reference(id, reference.wanted(), accepts, path, id);
                }
            }
        }
    }

    /// Whether following `repeats` from the source at `start` comes back to it.
    fn repeats_lead_back(&self, start: usize) -> bool {
        let sources = &self.case.sources;
        let mut at = start;
        for _ in 0..sources.len() {
            let Some(next) = sources[at].repeats.as_ref() else { return false };
            match self.ids.get(next.as_str()) {
                Some(Item::Source(next)) if next == start => return true,
                Some(Item::Source(next)) => at = next,
                _ => return false,
            }
        }
        false
    }

    fn check_dates(&mut self, start: Option<PartialDate>, end: Option<PartialDate>, item: Item, id: &Id) {
        if let (Some(start), Some(end)) = (start, end)
            && start.is_certainly_after(&end)
        {
            let message = format!("ends ({end}) before it starts ({start})");
            self.diagnostics.push(Diagnostic::error(message).at(self.path(item).key("end_date")).with_id(id.as_str()));
        }
    }

    fn check_nodes(&mut self) {
        for (index, node) in self.case.nodes.iter().enumerate() {
            let item = Item::Node(index);
            self.check_dates(node.start_date, node.end_date, item, &node.id);
            if let Some(amount) = &node.amount
                && let Some(max) = &amount.max
                && decimal_value(max) < decimal_value(&amount.value)
            {
                let message = format!("the range {}–{max} runs backwards", amount.value);
                let path = self.path(item).key("amount").key("max");
                let diagnostic = Diagnostic::error(message).at(path).with_id(node.id.as_str());
                self.diagnostics.push(diagnostic.with_help("`value` is the low end and `max` the high end"));
            }
        }
    }

    fn check_links(&mut self) {
        for (index, link) in self.case.links.iter().enumerate() {
            let item = Item::Link(index);
            let is_node = |item| matches!(item, Item::Node(_));
            let source =
                self.check_reference(&link.source, "a node", is_node, |c| c.path(item).key("source"), &link.id);
            let target =
                self.check_reference(&link.target, "a node", is_node, |c| c.path(item).key("target"), &link.id);
            self.check_dates(link.start_date, link.end_date, item, &link.id);
            if let (Some(Item::Node(source)), Some(Item::Node(target))) = (source, target) {
                let kinds = (self.case.nodes[source].kind, self.case.nodes[target].kind);
                self.check_link_ends(index, kinds);
            }
        }
    }

    fn check_link_ends(&mut self, index: usize, (source, target): (NodeKind, NodeKind)) {
        let link = &self.case.links[index];
        if let Some(problem) = link.kind.problem_with_ends(source, target) {
            let path = self.path(Item::Link(index)).key("kind");
            let diagnostic =
                Diagnostic::error(problem.message).at(path).with_id(link.id.as_str()).with_help(problem.help);
            self.diagnostics.push(diagnostic);
        }
    }

    fn check_quotes(&mut self, evidence: &mut Evidence) {
        for (index, quote) in self.case.quotes.iter().enumerate() {
            let item = Item::Quote(index);
            let is_source = |item| matches!(item, Item::Source(_));
            let source =
                self.check_reference(&quote.source, "a source", is_source, |c| c.path(item).key("source"), &quote.id);
            if let Some(Item::Source(source)) = source {
                evidence.quoted_sources[source] = true;
            }
            if quote.supports.is_empty() {
                let diagnostic = Diagnostic::warning("this quote supports no node or link")
                    .at(self.path(item).key("supports"))
                    .with_id(quote.id.as_str())
                    .with_help("list the ids of the nodes and links it backs");
                self.diagnostics.push(diagnostic);
            }
            for (position, supported) in quote.supports.iter().enumerate() {
                let accepts = |item| matches!(item, Item::Node(_) | Item::Link(_));
                let path = |c: &Self| c.path(item).key("supports").index(position);
                match self.check_reference(supported, "a node or link", accepts, path, &quote.id) {
                    Some(Item::Node(node)) => evidence.supported_nodes[node] = true,
                    Some(Item::Link(link)) => evidence.supported_links[link] = true,
                    _ => {}
                }
            }
        }
    }

    fn check_layout(&mut self) {
        for id in self.case.layout.positions.keys() {
            let path = |_: &Self| JsonPath::root().key("layout").key("positions").key(id.as_str());
            let is_node = |item| matches!(item, Item::Node(_));
            self.check_reference(id, "a node", is_node, path, id);
        }
    }
}

impl Evidence {
    /// Warns of nodes and links no quote supports and of sources never quoted.
    fn check(&self, case: &Case, indices: Option<&FileIndices>, diagnostics: &mut Vec<Diagnostic>) {
        let unsupported = |message: String, item: Item, id: &Id| {
            let help = format!("add a quote whose `supports` lists `{id}`");
            Diagnostic::warning(message).at(item_path(indices, item)).with_id(id.as_str()).with_help(help)
        };
        for (index, node) in case.nodes.iter().enumerate() {
            if !self.supported_nodes[index] {
                diagnostics.push(unsupported(
                    format!("no quote supports “{}”", node.label),
                    Item::Node(index),
                    &node.id,
                ));
            }
        }
        for (index, link) in case.links.iter().enumerate() {
            if !self.supported_links[index] {
                let message = format!("no quote supports the link {} → {}", link.source, link.target);
                diagnostics.push(unsupported(message, Item::Link(index), &link.id));
            }
        }
        for (index, source) in case.sources.iter().enumerate() {
            if !self.quoted_sources[index] {
                let diagnostic = Diagnostic::warning(format!("the source “{}” is never quoted", source.title))
                    .at(item_path(indices, Item::Source(index)))
                    .with_id(source.id.as_str())
                    .with_help("quote it, or remove it if nothing in the case rests on it");
                diagnostics.push(diagnostic);
            }
        }
    }
}
