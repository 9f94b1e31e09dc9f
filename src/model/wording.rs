//! Items put into words for people: a link as a sentence, a sum of money, a span of dates.
//! The canvas, the side panel and the figure export all say things the same way.

use super::amount::Amount;
use super::case::{Case, Link};
use super::graph::{CaseGraph, ItemRef};
use super::index::LinkIx;

/// A link's relation as its caption on the canvas: the source's own word for it (`role`)
/// when there is one, otherwise the kind's verb, then its dates ("owns · 2011–2016").
pub fn link_caption(link: &Link) -> String {
    let relation = link.role.as_deref().unwrap_or(link.kind.verb());
    match link_dates(link) {
        Some(dates) => format!("{relation} · {dates}"),
        None => relation.to_owned(),
    }
}

/// The claim a link makes, in words: "Igor Michurin — owns → Ardis-Bearings, 2011".
/// An undirected relation reads "A — is related to — B".
pub fn link_claim(case: &Case, graph: &CaseGraph, link: LinkIx) -> String {
    let Some(item) = case.links.get(link.index()) else { return String::new() };
    let name = |id: &str| graph.node_index(id).map_or(id.to_owned(), |node| case.nodes[node].label.clone());
    let relation = item.role.as_deref().unwrap_or(item.kind.verb());
    let arrow = if item.kind.is_directed() { "→" } else { "—" };
    let mut claim = format!("{} — {relation} {arrow} {}", name(item.source.as_str()), name(item.target.as_str()));
    if let Some(dates) = link_dates(item) {
        claim.push_str(", ");
        claim.push_str(&dates);
    }
    claim
}

/// A node or link as one line of a list: a link as its claim, a node by its label and kind,
/// a transaction by its label and sum ("Igor Michurin (person)", "Contribution (1,000 USD)").
pub fn claim_sentence(case: &Case, graph: &CaseGraph, item: ItemRef) -> String {
    match item {
        ItemRef::Link(link) => link_claim(case, graph, link),
        ItemRef::Node(node) => {
            let node = &case.nodes[node];
            match &node.amount {
                Some(amount) => format!("{} ({})", node.label, amount_text(amount)),
                None => format!("{} ({})", node.label, node.kind.as_str()),
            }
        }
        ItemRef::Source(source) => case.sources[source].title.clone(),
        ItemRef::Quote(quote) => case.quotes[quote].id.to_string(),
    }
}

/// When a link held: its date, or the span of its start and end ("2011–2016", "since 2011",
/// "until 2016").
pub fn link_dates(link: &Link) -> Option<String> {
    if let Some(date) = &link.date {
        return Some(date.to_string());
    }
    match (&link.start_date, &link.end_date) {
        (Some(start), Some(end)) => Some(format!("{start}–{end}")),
        (Some(start), None) => Some(format!("since {start}")),
        (None, Some(end)) => Some(format!("until {end}")),
        (None, None) => None,
    }
}

/// A sum as a reader expects it: digits grouped by thousands, a range with a dash, the
/// currency code after, and "≈" when the source hedges ("≈ 400–500 USD").
pub fn amount_text(amount: &Amount) -> String {
    let mut text = String::new();
    if amount.approximate {
        text.push_str("≈ ");
    }
    text.push_str(&group_thousands(&amount.value));
    if let Some(max) = &amount.max {
        text.push('–');
        text.push_str(&group_thousands(max));
    }
    text.push(' ');
    text.push_str(amount.currency.as_str());
    text
}

/// "1234567.50" → "1,234,567.50".
fn group_thousands(decimal: &str) -> String {
    let (whole, fraction) = decimal.split_once('.').map_or((decimal, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::with_capacity(decimal.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// A count with its noun, "1 quote" or "3 quotes", for nouns that take an s.
pub fn counted(number: usize, noun: &str) -> String {
    if number == 1 { format!("1 {noun}") } else { format!("{number} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Id, LinkKind, PartialDate};

    fn link(kind: LinkKind) -> Link {
        Link::new(Id::unchecked("l"), kind, Id::unchecked("a"), Id::unchecked("b"))
    }

    #[test]
    fn sums_read_as_a_reporter_writes_them() {
        let currency = Currency::parse("USD").expect("a known currency");
        let amount = |value: &str, max: Option<&str>, approximate| Amount {
            value: value.to_owned(),
            max: max.map(str::to_owned),
            currency: currency.clone(),
            approximate,
        };
        assert_eq!(amount_text(&amount("1234567.50", None, false)), "1,234,567.50 USD");
        assert_eq!(amount_text(&amount("400", Some("500"), true)), "≈ 400–500 USD");
        assert_eq!(amount_text(&amount("100000", None, false)), "100,000 USD");
    }

    #[test]
    fn a_link_says_its_relation_and_when() {
        let date = |text: &str| Some(PartialDate::parse(text).expect("a valid date"));
        let mut owns = link(LinkKind::Ownership);
        owns.start_date = date("2011");
        assert_eq!(link_caption(&owns), "owns · since 2011");
        owns.end_date = date("2016-03");
        assert_eq!(link_caption(&owns), "owns · 2011–2016-03");
        let mut family = link(LinkKind::Family);
        family.role = Some("brother".to_owned());
        assert_eq!(link_caption(&family), "brother");
    }
}
