//! A case put together from another format's records: ids made valid and unique, references
//! resolved, link kinds checked against their ends, and every item marked with its origin.

use rustc_hash::{FxHashMap, FxHashSet};

use super::report::ImportReport;
use crate::model::new_ids::fresh_id;
use crate::model::{Case, ExchangeFormat, Id, Link, LinkKind, Node, NodeKind, Origin, Position, Quote, Source};

/// A case read from another format, with the account of how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The facts read, each marked with its origin, and any positions the file gave.
    pub case: Case,
    /// What was mapped, what was not, and which records failed.
    pub report: ImportReport,
}

/// The case being built, and the ids given so far to the file's records.
pub(crate) struct CaseBuilder {
    case: Case,
    report: ImportReport,
    /// The case id given to each record of the file, by the record's id there.
    by_reference: FxHashMap<String, Id>,
    /// Every id given so far.
    taken: FxHashSet<Id>,
    /// The kind of each node made so far.
    node_kinds: FxHashMap<Id, NodeKind>,
    /// The sources made so far.
    sources: FxHashSet<Id>,
}

impl CaseBuilder {
    /// An empty case titled after `file`.
    pub(crate) fn new(format: ExchangeFormat, file: &str) -> Self {
        let mut case = Case::default();
        case.info.title = file.split('.').next().unwrap_or(file).to_owned();
        Self {
            case,
            report: ImportReport::new(format, file),
            by_reference: FxHashMap::default(),
            taken: FxHashSet::default(),
            node_kinds: FxHashMap::default(),
            sources: FxHashSet::default(),
        }
    }

    /// The report, to count what is mapped and note what fails.
    pub(crate) fn report(&mut self) -> &mut ImportReport {
        &mut self.report
    }

    /// The case id of the record the file calls `reference`, if one was imported.
    pub(crate) fn resolve(&self, reference: &str) -> Option<&Id> {
        self.by_reference.get(reference)
    }

    /// The node the file calls `reference`, with its kind.
    pub(crate) fn node(&self, reference: &str) -> Option<(&Id, NodeKind)> {
        let id = self.by_reference.get(reference)?;
        Some((id, *self.node_kinds.get(id)?))
    }

    /// The source the file calls `reference`.
    pub(crate) fn source(&self, reference: &str) -> Option<&Id> {
        self.by_reference.get(reference).filter(|id| self.sources.contains(*id))
    }

    fn origin(&self, reference: &str) -> Origin {
        Origin { format: self.report.format, file: self.report.file.clone(), reference: reference.to_owned() }
    }

    /// The record's own id when it is a valid, unused case id; otherwise one made from its
    /// name. Remembered under `reference` unless that is taken already.
    fn claim_id(&mut self, reference: &str, prefix: &str, name: &str) -> Id {
        let id = match Id::parse(reference) {
            Ok(id) if !self.taken.contains(&id) => id,
            _ => fresh_id(prefix, name, reference, |text| self.taken.contains(text)),
        };
        self.taken.insert(id.clone());
        self.by_reference.entry(reference.to_owned()).or_insert_with(|| id.clone());
        id
    }

    /// Whether a record with this id in the file was imported already; if so, notes it.
    pub(crate) fn is_repeated(&mut self, reference: &str, place: &str) -> bool {
        if !self.by_reference.contains_key(reference) {
            return false;
        }
        let message = format!(
            "`{reference}` appears again; only its first record is imported (merge repeated records first, e.g. with `ftm aggregate`)"
        );
        self.report.problem(place, message);
        true
    }

    /// Adds a node for the record `reference`.
    pub(crate) fn add_node(&mut self, reference: &str, kind: NodeKind, label: String) -> &mut Node {
        self.add_node_with(reference, Node::new(Id::unchecked(""), kind, label))
    }

    /// Adds `node`, as read, for the record `reference`: it gets its id and origin here.
    pub(crate) fn add_node_with(&mut self, reference: &str, mut node: Node) -> &mut Node {
        node.id = self.claim_id(reference, node.kind.id_prefix(), &node.label);
        node.origin = Some(self.origin(reference));
        self.node_kinds.insert(node.id.clone(), node.kind);
        self.case.nodes.push(node);
        self.case.nodes.last_mut().expect("just pushed")
    }

    /// Lets the file refer to an item by another name too (a spreadsheet's link by an
    /// entity's label), unless that name is taken.
    pub(crate) fn also_known_as(&mut self, name: &str, id: &Id) {
        self.by_reference.entry(name.to_owned()).or_insert_with(|| id.clone());
    }

    /// Adds a link of `kind` between the nodes the file calls `ends`, or notes at `place` why
    /// it cannot be. A kind that cannot join those two kinds of node becomes `unknown`, named
    /// by its role.
    pub(crate) fn add_link(
        &mut self,
        reference: &str,
        kind: LinkKind,
        ends: (&str, &str),
        place: &str,
    ) -> Option<&mut Link> {
        let mut resolved = [ends.0, ends.1].map(|end| self.node(end).map(|(id, kind)| (id.clone(), kind)));
        let (Some((source, source_kind)), Some((target, target_kind))) = (resolved[0].take(), resolved[1].take())
        else {
            let missing = if self.node(ends.0).is_none() { ends.0 } else { ends.1 };
            self.report.problem(place, format!("`{missing}` names no imported node; the link was not imported"));
            return None;
        };
        let fitted = match kind.problem_with_ends(source_kind, target_kind) {
            None => kind,
            Some(problem) => {
                self.report.mapped(format!("{} → unknown link ({})", kind.as_str(), problem.message));
                LinkKind::Unknown
            }
        };
        let id = self.claim_id(reference, "l", &format!("{source} {} {target}", kind.as_str()));
        let mut link = Link::new(id, fitted, source, target);
        if fitted != kind {
            link.role = Some(kind.verb().to_owned());
        }
        link.origin = Some(self.origin(reference));
        self.case.links.push(link);
        self.case.links.last_mut()
    }

    /// Adds a source for the record `reference`.
    pub(crate) fn add_source(&mut self, reference: &str, publisher: String, title: String) -> &mut Source {
        let id = self.claim_id(reference, "s", &format!("{publisher} {title}"));
        self.sources.insert(id.clone());
        let source = Source { origin: Some(self.origin(reference)), ..Source::new(id, publisher, title) };
        self.case.sources.push(source);
        self.case.sources.last_mut().expect("just pushed")
    }

    /// Adds a quote from `source` backing `supports`.
    pub(crate) fn add_quote(&mut self, reference: &str, source: Id, text: String, supports: Vec<Id>) -> &mut Quote {
        let id = self.claim_id(reference, "q", &text);
        let quote = Quote { id, source, text, supports, locator: None, credibility: None, stance: None };
        self.case.quotes.push(quote);
        self.case.quotes.last_mut().expect("just pushed")
    }

    /// Adds `item` to what the quote `quote` backs.
    pub(crate) fn support(&mut self, quote: &Id, item: Id) {
        if let Some(quote) = self.case.quotes.iter_mut().rev().find(|made| made.id == *quote)
            && !quote.supports.contains(&item)
        {
            quote.supports.push(item);
        }
    }

    /// Places the node the file calls `reference`.
    pub(crate) fn place(&mut self, reference: &str, position: Position) -> bool {
        let Some((id, _)) = self.node(reference) else { return false };
        let id = id.clone();
        self.case.layout.positions.insert(id, position);
        true
    }

    /// The case and its report.
    pub(crate) fn finish(self) -> Imported {
        Imported { case: self.case, report: self.report }
    }
}
