//! An import joined to the open case: nodes matched by id or by exact label and kind, links by
//! id or by kind and ends, sources by id, address or title, quotes by source and words. What
//! matches adds only what the case lacks; the rest is added with ids made unique. Importing the
//! same file again adds nothing.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::new_ids::fresh_id;
use crate::model::{
    Case, DocumentStore, Id, Link, Node, NodeIx, Position, Quote, QuoteIx, QuoteVerification, Source, verify_quotes,
};

/// What joining an import to the open case adds and changes, for the document to apply as one
/// undo step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergePlan {
    /// New sources.
    pub sources: Vec<Source>,
    /// New nodes, each with the position the import gave it, if any.
    pub nodes: Vec<(Node, Option<Position>)>,
    /// New links.
    pub links: Vec<Link>,
    /// New quotes.
    pub quotes: Vec<Quote>,
    /// Nodes of the case that the import tells more about (aliases, countries, a description
    /// or dates they lacked), with their new values.
    pub node_updates: Vec<(NodeIx, Node)>,
    /// Quotes of the case that the import says back more items.
    pub quote_updates: Vec<(QuoteIx, Quote)>,
    /// How many imported nodes, links, sources and quotes matched ones the case has.
    pub matched: usize,
}

impl MergePlan {
    /// Whether joining changes nothing: everything imported is in the case already.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.nodes.is_empty()
            && self.links.is_empty()
            && self.quotes.is_empty()
            && self.node_updates.is_empty()
            && self.quote_updates.is_empty()
    }
}

/// Ids given so far: the case's, and the new items'.
struct Ids(FxHashSet<Id>);

impl Ids {
    /// `id`, or when it is taken one like it.
    fn unique(&mut self, id: &Id, prefix: &str, words: &str) -> Id {
        let id = if self.0.contains(id) {
            fresh_id(prefix, words, id.as_str(), |text| self.0.contains(text))
        } else {
            id.clone()
        };
        self.0.insert(id.clone());
        id
    }
}

/// Plans joining `imported` to `open`.
pub fn plan_merge(open: &Case, imported: &Case) -> MergePlan {
    let mut plan = MergePlan::default();
    let mut ids = Ids(open
        .nodes
        .iter()
        .map(|n| n.id.clone())
        .chain(open.links.iter().map(|l| l.id.clone()))
        .chain(open.sources.iter().map(|s| s.id.clone()))
        .chain(open.quotes.iter().map(|q| q.id.clone()))
        .collect());
    let mut renamed: FxHashMap<Id, Id> = FxHashMap::default();
    merge_sources(open, imported, &mut ids, &mut renamed, &mut plan);
    merge_nodes(open, imported, &mut ids, &mut renamed, &mut plan);
    merge_links(open, imported, &mut ids, &mut renamed, &mut plan);
    merge_quotes(open, imported, &mut ids, &renamed, &mut plan);
    plan
}

fn merge_sources(open: &Case, imported: &Case, ids: &mut Ids, renamed: &mut FxHashMap<Id, Id>, plan: &mut MergePlan) {
    for source in &imported.sources {
        let same = |known: &&Source| {
            known.id == source.id
                || (known.url.is_some() && known.url == source.url)
                || (known.publisher == source.publisher && known.title == source.title)
        };
        if let Some(known) = open.sources.iter().find(same) {
            renamed.insert(source.id.clone(), known.id.clone());
            plan.matched += 1;
            continue;
        }
        let id = ids.unique(&source.id, "s", &source.title);
        renamed.insert(source.id.clone(), id.clone());
        plan.sources.push(Source { id, ..source.clone() });
    }
}

/// `node` with what `from` adds to it, if it adds anything.
fn completed(node: &Node, from: &Node) -> Option<Node> {
    let mut more = node.clone();
    for alias in from.aliases.iter().chain((from.label != node.label).then_some(&from.label)) {
        if *alias != more.label && !more.aliases.contains(alias) {
            more.aliases.push(alias.clone());
        }
    }
    for country in &from.countries {
        if !more.countries.contains(country) {
            more.countries.push(country.clone());
        }
    }
    more.description = more.description.or_else(|| from.description.clone());
    more.start_date = more.start_date.or(from.start_date);
    more.end_date = more.end_date.or(from.end_date);
    (more != *node).then_some(more)
}

fn merge_nodes(open: &Case, imported: &Case, ids: &mut Ids, renamed: &mut FxHashMap<Id, Id>, plan: &mut MergePlan) {
    let by_id: FxHashMap<&Id, usize> = open.nodes.iter().enumerate().map(|(index, node)| (&node.id, index)).collect();
    let mut by_label: FxHashMap<(&str, crate::model::NodeKind), usize> = FxHashMap::default();
    for (index, node) in open.nodes.iter().enumerate() {
        by_label.entry((node.label.as_str(), node.kind)).or_insert(index);
    }
    for node in &imported.nodes {
        let matched = by_id.get(&node.id).or_else(|| by_label.get(&(node.label.as_str(), node.kind)));
        if let Some(&index) = matched {
            let known = &open.nodes[index];
            renamed.insert(node.id.clone(), known.id.clone());
            plan.matched += 1;
            if let Some(more) = completed(known, node) {
                plan.node_updates.push((NodeIx::new(index), more));
            }
            continue;
        }
        let id = ids.unique(&node.id, node.kind.id_prefix(), &node.label);
        renamed.insert(node.id.clone(), id.clone());
        let position = imported.layout.positions.get(&node.id).copied();
        plan.nodes.push((Node { id, ..node.clone() }, position));
    }
}

fn merge_links(open: &Case, imported: &Case, ids: &mut Ids, renamed: &mut FxHashMap<Id, Id>, plan: &mut MergePlan) {
    let rename = |id: &Id| renamed.get(id).cloned().unwrap_or_else(|| id.clone());
    let known: FxHashMap<(crate::model::LinkKind, &Id, &Id), &Id> =
        open.links.iter().map(|link| ((link.kind, &link.source, &link.target), &link.id)).collect();
    let by_id: FxHashMap<&Id, &Link> = open.links.iter().map(|link| (&link.id, link)).collect();
    let mut made: Vec<(Id, Id)> = Vec::new();
    for link in &imported.links {
        let (source, target) = (rename(&link.source), rename(&link.target));
        let same_id = by_id.get(&link.id).filter(|known| known.source == source && known.target == target);
        if let Some(id) = same_id.map(|known| &known.id).or_else(|| known.get(&(link.kind, &source, &target)).copied())
        {
            made.push((link.id.clone(), id.clone()));
            plan.matched += 1;
            continue;
        }
        let id = ids.unique(&link.id, "l", &format!("{source} {} {target}", link.kind.as_str()));
        made.push((link.id.clone(), id.clone()));
        plan.links.push(Link { id, source, target, ..link.clone() });
    }
    renamed.extend(made);
}

fn merge_quotes(open: &Case, imported: &Case, ids: &mut Ids, renamed: &FxHashMap<Id, Id>, plan: &mut MergePlan) {
    let rename = |id: &Id| renamed.get(id).cloned().unwrap_or_else(|| id.clone());
    let mut by_words: FxHashMap<(&Id, &str), usize> = FxHashMap::default();
    for (index, quote) in open.quotes.iter().enumerate() {
        by_words.entry((&quote.source, quote.text.as_str())).or_insert(index);
    }
    for quote in &imported.quotes {
        let source = rename(&quote.source);
        let supports: Vec<Id> = quote.supports.iter().map(rename).collect();
        if let Some(&index) = by_words.get(&(&source, quote.text.as_str())) {
            plan.matched += 1;
            let known = &open.quotes[index];
            let extra: Vec<Id> = supports.into_iter().filter(|id| !known.supports.contains(id)).collect();
            if !extra.is_empty() {
                let mut more = known.clone();
                more.supports.extend(extra);
                plan.quote_updates.push((QuoteIx::new(index), more));
            }
            continue;
        }
        let id = ids.unique(&quote.id, "q", &quote.text);
        plan.quotes.push(Quote { id, source, supports, ..quote.clone() });
    }
}

/// The new quotes whose source has a local copy that does not hold them word for word (or
/// cannot be read), each in words: a spreadsheet's quote is checked as it joins.
pub fn unverified_quotes(open: &Case, plan: &MergePlan, documents: &dyn DocumentStore) -> Vec<String> {
    let mut sources = open.sources.clone();
    sources.extend(plan.sources.iter().cloned());
    let check = Case { sources, quotes: plan.quotes.clone(), ..Case::default() };
    verify_quotes(&check, documents)
        .into_iter()
        .zip(&plan.quotes)
        .filter(|(verification, _)| *verification != QuoteVerification::NoLocalCopy)
        .filter_map(|(verification, quote)| {
            let problem = verification.problem()?;
            Some(format!(
                "“{}” (from `{}`, backing {}): {problem}",
                short(&quote.text),
                quote.source,
                quote.supports.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
            ))
        })
        .collect()
}

/// The first words of a quote, for a list.
fn short(text: &str) -> String {
    const SHOWN_CHARACTERS: usize = 80;
    if text.chars().count() <= SHOWN_CHARACTERS {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(SHOWN_CHARACTERS).collect::<String>())
    }
}
