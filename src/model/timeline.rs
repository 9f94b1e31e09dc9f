//! Every dated item of a case along one time axis: the spans of nodes and links, and the dates
//! of transactions, each as the whole days it covers, so `2013` is drawn as the whole year.

use super::case::{Case, Link, Node};
use super::graph::ItemRef;
use super::index::{LinkIx, NodeIx};
use super::partial_date::{DaySpan, PartialDate};

/// One dated item on the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The node or link.
    pub item: ItemRef,
    /// The days it covers.
    pub span: DaySpan,
    /// True when a date it rests on is known only to the year or the month.
    pub partial: bool,
}

/// The dated items of a case, and how many have no date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The dated nodes and links, by first day, then last day, then case order.
    pub entries: Vec<TimelineEntry>,
    /// The days from the first entry to the last; `None` when nothing is dated.
    pub extent: Option<DaySpan>,
    /// Nodes with no date.
    pub undated_nodes: usize,
    /// Links with no date.
    pub undated_links: usize,
}

impl Timeline {
    /// The timeline of `case`.
    pub fn of(case: &Case) -> Self {
        let mut timeline = Self::default();
        for (node, data) in NodeIx::all(case.nodes.len()).zip(&case.nodes) {
            match node_span(data) {
                Some((span, partial)) => {
                    timeline.entries.push(TimelineEntry { item: ItemRef::Node(node), span, partial });
                }
                None => timeline.undated_nodes += 1,
            }
        }
        for (link, data) in LinkIx::all(case.links.len()).zip(&case.links) {
            match link_span(data) {
                Some((span, partial)) => {
                    timeline.entries.push(TimelineEntry { item: ItemRef::Link(link), span, partial });
                }
                None => timeline.undated_links += 1,
            }
        }
        timeline.entries.sort_by_key(|entry| (entry.span.first_day, entry.span.last_day, entry.item));
        timeline.extent = timeline.entries.iter().map(|entry| entry.span).reduce(DaySpan::cover);
        timeline
    }

    /// How many items have no date.
    pub fn undated(&self) -> usize {
        self.undated_nodes + self.undated_links
    }

    /// A lane for each entry, in order, so that entries in one lane never share a day: each
    /// takes the first lane free by its first day. At most `max_lanes`; past that, entries
    /// share the lane that frees up first.
    pub fn lanes(&self, max_lanes: usize) -> Vec<usize> {
        let mut lane_ends: Vec<i32> = Vec::new();
        let mut lanes = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let free = lane_ends.iter().position(|&end| end < entry.span.first_day);
            let lane = match free {
                Some(lane) => lane,
                None if lane_ends.len() < max_lanes.max(1) => {
                    lane_ends.push(i32::MIN);
                    lane_ends.len() - 1
                }
                None => (0..lane_ends.len()).min_by_key(|&lane| lane_ends[lane]).unwrap_or(0),
            };
            lane_ends[lane] = lane_ends[lane].max(entry.span.last_day);
            lanes.push(lane);
        }
        lanes
    }
}

/// The days a node covers: a transaction's date, or from its start to its end.
pub fn node_span(node: &Node) -> Option<(DaySpan, bool)> {
    match node.date {
        Some(date) => Some(one_date(date)),
        None => from_start_to_end(node.start_date, node.end_date),
    }
}

/// The days a link covers: its date, or from its start to its end.
pub fn link_span(link: &Link) -> Option<(DaySpan, bool)> {
    match link.date {
        Some(date) => Some(one_date(date)),
        None => from_start_to_end(link.start_date, link.end_date),
    }
}

fn one_date(date: PartialDate) -> (DaySpan, bool) {
    (date.days(), date.is_partial())
}

/// From the start of `start` to the end of `end`; one of the two alone stands for itself.
fn from_start_to_end(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<(DaySpan, bool)> {
    match (start, end) {
        (Some(start), Some(end)) => Some((start.days().cover(end.days()), start.is_partial() || end.is_partial())),
        (Some(date), None) | (None, Some(date)) => Some(one_date(date)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_timeline_holds_its_dated_items_in_order_and_counts_the_rest() {
        let (case, _) = crate::sample::load_sample().into_result().expect("the sample opens");
        let timeline = Timeline::of(&case);
        let dated_nodes = case.nodes.iter().filter(|node| node_span(node).is_some()).count();
        let dated_links = case.links.iter().filter(|link| link_span(link).is_some()).count();
        assert!(dated_links > 0, "the sample dates some of its links");
        assert_eq!(timeline.entries.len(), dated_nodes + dated_links);
        assert_eq!(timeline.undated(), case.nodes.len() + case.links.len() - timeline.entries.len());
        assert!(timeline.entries.windows(2).all(|pair| pair[0].span.first_day <= pair[1].span.first_day));
        let extent = timeline.extent.expect("dated items");
        assert!(
            timeline
                .entries
                .iter()
                .all(|entry| extent.first_day <= entry.span.first_day && entry.span.last_day <= extent.last_day)
        );
    }

    #[test]
    fn entries_in_one_lane_never_share_a_day_until_the_lanes_run_out() {
        let (case, _) = crate::sample::load_sample().into_result().expect("the sample opens");
        let timeline = Timeline::of(&case);
        let lanes = timeline.lanes(100);
        for (index, entry) in timeline.entries.iter().enumerate() {
            for (other, other_entry) in timeline.entries.iter().enumerate().skip(index + 1) {
                if lanes[index] == lanes[other] {
                    assert!(
                        !entry.span.overlaps(other_entry.span),
                        "{entry:?} and {other_entry:?} share lane {}",
                        lanes[index]
                    );
                }
            }
        }
        assert!(timeline.lanes(2).iter().all(|&lane| lane < 2));
    }

    #[test]
    fn a_span_runs_from_the_start_of_its_start_to_the_end_of_its_end_and_is_partial_if_either_is() {
        let date = |text: &str| Some(PartialDate::parse(text).expect("a date"));
        let (span, partial) = from_start_to_end(date("2013-05-02"), date("2017")).expect("dated");
        assert_eq!(span.first_day, date("2013-05-02").expect("a date").days().first_day);
        assert_eq!(span.last_day, date("2017-12-31").expect("a date").days().last_day);
        assert!(partial);
        assert_eq!(from_start_to_end(None, None), None);
        assert!(!from_start_to_end(date("2013-05-02"), None).expect("dated").1);
    }
}
