//! The story told with a case: steps in order, each a view of the case (camera, what is shown,
//! what is highlighted, a period) with a title, a caption and the quotes it cites.

use serde::Serialize;

use super::case::{Camera, Case};
use super::graph::{CaseGraph, ItemRef};
use super::id::Id;
use super::index::QuoteIx;
use super::node_kind::NodeKind;
use super::partial_date::DaySpan;
use super::partial_date::PartialDate;
use super::scene::{OutsidePeriod, Scene, SceneRules};

/// The steps of the story, in the order they are told. Since format version 4.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Story {
    /// The steps, first to last.
    pub steps: Vec<StoryStep>,
}

impl Story {
    /// True when the case tells no story.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// One step of the story: what the reader sees, and what it says.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoryStep {
    /// A short heading.
    pub title: String,
    /// A few sentences; `*emphasis*` and `**strong**` are marked as in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Where the camera stands; absent means fit what the step shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
    /// Kinds left out of the step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden_kinds: Vec<NodeKind>,
    /// Nodes and links left out of the step (a node takes its links with it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<Id>,
    /// Nodes and links drawn in full; the rest is dimmed. Empty means nothing is dimmed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<Id>,
    /// The time the step is about: dated items outside it are dimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The quotes the step cites; absent means those behind the highlighted items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: Option<Vec<Id>>,
}

impl StoryStep {
    /// The quotes the step cites, in case order: its own list, or else every quote behind a
    /// highlighted item.
    pub fn cited_quotes(&self, case: &Case, graph: &CaseGraph) -> Vec<QuoteIx> {
        let mut quotes: Vec<QuoteIx> = match &self.cites {
            Some(ids) => ids
                .iter()
                .filter_map(|id| match graph.resolve(id.as_str()) {
                    Some(ItemRef::Quote(quote)) => Some(quote),
                    _ => None,
                })
                .collect(),
            None => self
                .highlight
                .iter()
                .filter_map(|id| graph.resolve(id.as_str()))
                .flat_map(|item| graph.quotes_for(item).iter().copied())
                .collect(),
        };
        quotes.sort_unstable();
        quotes.dedup();
        quotes.retain(|quote| quote.index() < case.quotes.len());
        quotes
    }

    /// What the step draws in full, dims and leaves out.
    pub fn scene(&self, case: &Case, graph: &CaseGraph) -> Scene {
        Scene::of(case, graph, &self.scene_rules())
    }

    /// The rules of the step's scene.
    pub fn scene_rules(&self) -> SceneRules<'_> {
        SceneRules {
            hidden_kinds: &self.hidden_kinds,
            hidden: &self.hidden,
            highlight: &self.highlight,
            period: self.period.map(Period::days),
            outside_period: OutsidePeriod::Dim,
        }
    }

    /// The lists of ids the step names: each list's key in the file, its ids, and what they
    /// must name.
    pub fn reference_lists(&self) -> [(&'static str, &[Id], Reference); 3] {
        [
            ("hidden", &self.hidden, Reference::Claim),
            ("highlight", &self.highlight, Reference::Claim),
            ("cites", self.cites.as_deref().unwrap_or_default(), Reference::Quote),
        ]
    }

    fn reference_count(&self) -> usize {
        self.reference_lists().iter().map(|(_, ids, _)| ids.len()).sum()
    }

    /// The step without the ids in `gone`; true when anything was taken out.
    pub fn forget(&mut self, gone: &[Id]) -> bool {
        let before = self.reference_count();
        self.hidden.retain(|id| !gone.contains(id));
        self.highlight.retain(|id| !gone.contains(id));
        if let Some(cites) = &mut self.cites {
            cites.retain(|id| !gone.contains(id));
        }
        self.reference_count() != before
    }

    /// The step with `away` named `keep` instead (two nodes merged); true when anything changed.
    pub fn rename(&mut self, away: &Id, keep: &Id) -> bool {
        let mut changed = false;
        for list in [&mut self.hidden, &mut self.highlight] {
            for id in list.iter_mut().filter(|id| *id == away) {
                *id = keep.clone();
                changed = true;
            }
            let mut seen = Vec::new();
            list.retain(|id| {
                let first = !seen.contains(id);
                seen.push(id.clone());
                first
            });
        }
        changed
    }
}

/// What an id in a step must name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// A node or a link.
    Claim,
    /// A quote.
    Quote,
}

impl Reference {
    /// What it must name, in words for messages: "a node or link", "a quote".
    pub fn wanted(self) -> &'static str {
        match self {
            Reference::Claim => "a node or link",
            Reference::Quote => "a quote",
        }
    }

    /// Whether `item` is what it must name.
    pub fn fits(self, item: ItemRef) -> bool {
        match self {
            Reference::Claim => matches!(item, ItemRef::Node(_) | ItemRef::Link(_)),
            Reference::Quote => matches!(item, ItemRef::Quote(_)),
        }
    }
}

/// A stretch of time, from the start of `from` to the end of `to`: `2013`–`2017-06` runs from
/// 1 January 2013 to 30 June 2017.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The first date in it.
    pub from: PartialDate,
    /// The last date in it.
    pub to: PartialDate,
}

impl Period {
    /// The days it covers.
    pub fn days(self) -> DaySpan {
        DaySpan { first_day: self.from.days().first_day, last_day: self.to.days().last_day }
    }

    /// The period covering exactly `days`, as whole dates; `None` outside years 0 to 9999.
    pub fn from_days(days: DaySpan) -> Option<Self> {
        let date = |day: i32| {
            let (year, month, day_of_month) = super::partial_date::date_of_day(day);
            PartialDate::parse(&format!("{year:04}-{month:02}-{day_of_month:02}")).ok()
        };
        Some(Self { from: date(days.first_day)?, to: date(days.last_day)? })
    }

    /// The period as a reader writes it: "2013 – June 2017", or one date when both agree.
    pub fn in_words(self) -> String {
        if self.from == self.to {
            self.from.in_words()
        } else {
            format!("{} – {}", self.from.in_words(), self.to.in_words())
        }
    }
}

/// A stretch of caption text and how it is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaptionRun<'a> {
    /// The words.
    pub text: &'a str,
    /// How they are set.
    pub emphasis: Emphasis,
}

/// How a run of caption text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Plain.
    Plain,
    /// `*italic*`.
    Emphasis,
    /// `**bold**`.
    Strong,
}

/// A caption cut into plain, `*emphasised*` and `**strong**` runs, as Markdown marks them. A
/// marker with no partner is kept as text, so nothing the analyst typed is lost. (Markdown's
/// full rules are not needed for a caption; a Markdown crate would bring a whole document model.)
pub fn caption_runs(caption: &str) -> Vec<CaptionRun<'_>> {
    let mut runs = Vec::new();
    let mut rest = caption;
    let mut plain_start = 0;
    let mut offset = 0;
    while let Some(star) = rest[plain_start..].find('*').map(|at| at + plain_start) {
        let (marker, emphasis) =
            if rest[star..].starts_with("**") { ("**", Emphasis::Strong) } else { ("*", Emphasis::Emphasis) };
        let inner_start = star + marker.len();
        let closing = rest[inner_start..].find(marker).map(|at| at + inner_start);
        match closing.filter(|&close| close > inner_start) {
            Some(close) => {
                if star > 0 {
                    runs.push(CaptionRun { text: &rest[..star], emphasis: Emphasis::Plain });
                }
                runs.push(CaptionRun { text: &rest[inner_start..close], emphasis });
                let next = close + marker.len();
                offset += next;
                rest = &caption[offset..];
                plain_start = 0;
            }
            None => plain_start = inner_start,
        }
    }
    if !rest.is_empty() {
        runs.push(CaptionRun { text: rest, emphasis: Emphasis::Plain });
    }
    runs
}

/// The caption without its emphasis markers, for search, wrapping and plain-text readers.
pub fn caption_plain(caption: &str) -> String {
    caption_runs(caption).iter().map(|run| run.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(caption: &str) -> Vec<(&str, Emphasis)> {
        caption_runs(caption).into_iter().map(|run| (run.text, run.emphasis)).collect()
    }

    #[test]
    fn emphasis_and_strong_are_cut_out_and_stray_stars_are_kept() {
        assert_eq!(
            runs("Michurin *says* he met **Lee** in 2013."),
            vec![
                ("Michurin ", Emphasis::Plain),
                ("says", Emphasis::Emphasis),
                (" he met ", Emphasis::Plain),
                ("Lee", Emphasis::Strong),
                (" in 2013.", Emphasis::Plain),
            ]
        );
        assert_eq!(runs("5 * 3 = 15"), vec![("5 * 3 = 15", Emphasis::Plain)]);
        assert_eq!(runs("**"), vec![("**", Emphasis::Plain)]);
        assert_eq!(caption_plain("a *b* **c** d*"), "a b c d*");
    }

    #[test]
    fn a_period_runs_from_the_start_of_its_first_date_to_the_end_of_its_last() {
        let period = Period {
            from: PartialDate::parse("2013").expect("a date"),
            to: PartialDate::parse("2017-06").expect("a date"),
        };
        let days = period.days();
        assert_eq!(days.first_day, PartialDate::parse("2013-01-01").expect("a date").days().first_day);
        assert_eq!(days.last_day, PartialDate::parse("2017-06-30").expect("a date").days().last_day);
        assert_eq!(period.in_words(), "2013 – June 2017");
        let exact = Period::from_days(days).expect("within the calendar");
        assert_eq!((exact.from.to_string(), exact.to.to_string()), ("2013-01-01".to_owned(), "2017-06-30".to_owned()));
        assert_eq!(exact.days(), days);
    }

    #[test]
    fn forgetting_and_renaming_ids_keep_the_rest() {
        let id = |text: &str| Id::unchecked(text);
        let mut step = StoryStep {
            highlight: vec![id("a"), id("b")],
            hidden: vec![id("c")],
            cites: Some(vec![id("q1"), id("q2")]),
            ..Default::default()
        };
        assert!(step.forget(&[id("b"), id("q2")]));
        assert_eq!(step.highlight, vec![id("a")]);
        assert_eq!(step.cites, Some(vec![id("q1")]));
        assert!(!step.forget(&[id("zzz")]));
        assert!(step.rename(&id("c"), &id("a")));
        assert_eq!(step.hidden, vec![id("a")]);
    }
}
