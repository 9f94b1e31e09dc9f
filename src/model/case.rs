//! The open case: facts (nodes, links, sources, quotes) and their presentation (layout, view).

use indexmap::IndexMap;
use serde::Serialize;

use super::amount::Amount;
use super::claim_status::ClaimStatus;
use super::codes::Country;
use super::figure_settings::FigureSettings;
use super::grades::{Credibility, Reliability, Stance};
use super::id::Id;
use super::link_kind::LinkKind;
use super::node_kind::NodeKind;
use super::origin::Origin;
use super::partial_date::PartialDate;
use super::story::Story;

/// The newest file format version this build reads and writes. Version 2 adds a source's
/// `original`; version 3 grades (a source's `reliability` and `repeats`, a quote's
/// `credibility` and `stance`) and `reviews`; version 4 the `story`; version 5 an imported item's
/// `origin`. A case that uses nothing newer is written as the
/// oldest version that holds it (see [`Case::format_version`]), so older builds keep opening it.
pub const FORMAT_VERSION: u32 = 5;

/// The value of the top-level `format` field, naming the file type.
pub const FORMAT_NAME: &str = "casegraph";

/// A whole case, as loaded from and saved to a `*.case.json` file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Case {
    /// Title, summary and other facts about the case itself.
    #[serde(rename = "case")]
    pub info: CaseInfo,
    /// People, companies, embassies, government bodies, organisations and transactions.
    pub nodes: Vec<Node>,
    /// Typed relations between nodes.
    pub links: Vec<Link>,
    /// The articles, filings and documents the quotes come from.
    pub sources: Vec<Source>,
    /// Verbatim passages that back nodes and links.
    pub quotes: Vec<Quote>,
    /// Claims marked as reviewed before publication. Since format version 3.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// Where the analyst put each node, and the layout seed.
    pub layout: Layout,
    /// How the case was last looked at.
    pub view: View,
    /// The story told with the case, step by step. Since format version 4.
    #[serde(skip_serializing_if = "Story::is_empty")]
    pub story: Story,
}

/// Facts about the case file itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseInfo {
    /// The case's name, shown in the window title and on figures.
    pub title: String,
    /// What the case is about, in a few sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Language of labels and descriptions, as a BCP 47 tag such as `en` or `ko`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When the case was started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<PartialDate>,
    /// When the facts were last reviewed (set by the analyst, never by saving).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
}

/// A person, company, embassy, government body, organisation or transaction.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// Unique in the case's id namespace.
    pub id: Id,
    /// What the node is.
    pub kind: NodeKind,
    /// The name shown on the canvas.
    pub label: String,
    /// Other names and spellings (transliterations, former names), searched too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Countries the node belongs to (nationality, jurisdiction, host and sending state).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    /// A sentence or two on who or what this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it began: birth, incorporation, founding, or the first of a run of payments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<PartialDate>,
    /// When it ended: death, dissolution, closure, or the last of a run of payments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<PartialDate>,
    /// Transactions only: when it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Transactions only: how much.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Transactions only: whether it happened, as the sources tell it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
    /// The file it was imported from, if it was. Since format version 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// A typed relation from `source` to `target`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Unique in the case's id namespace, so quotes can support the link.
    pub id: Id,
    /// What the link claims.
    pub kind: LinkKind,
    /// The node the relation reads from (see [`LinkKind`] for each kind's direction).
    pub source: Id,
    /// The node the relation reads to.
    pub target: Id,
    /// The relation in the source's words ("trade representative", "persuaded").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When it happened, for one-off relations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// When it began.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<PartialDate>,
    /// When it ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<PartialDate>,
    /// How firmly the sources stand behind it; absent when stated plainly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
    /// A note on the relation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The file it was imported from, if it was. Since format version 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// A published article, filing or document that quotes come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// Unique in the case's id namespace.
    pub id: Id,
    /// Who published it ("Reuters").
    pub publisher: String,
    /// Its headline or title.
    pub title: String,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Bylines, in the source's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A local plain-text copy, relative to the case file, against which quotes are checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The file the local copy was made from (a web page, a PDF, text in another encoding),
    /// kept beside it and relative to the case file. Since format version 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// How reliable the source is on the Admiralty scale (A–F). Since format version 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Why it was given that grade, in a sentence. Since format version 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability_reason: Option<String>,
    /// The source this one repeats (a syndicated copy, a rewrite of a wire story): the two
    /// count as one independent source. Since format version 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<Id>,
    /// The file it was imported from, if it was. Since format version 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// A verbatim passage from a source, and the nodes and links it backs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Unique in the case's id namespace.
    pub id: Id,
    /// The source it comes from.
    pub source: Id,
    /// The passage, word for word.
    pub text: String,
    /// The nodes and links it backs.
    pub supports: Vec<Id>,
    /// Where in the source: a page, paragraph or timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// How likely what it says is true, on the Admiralty scale (1–6). Since format version 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    /// How it frames the claims it backs; absent when the source states them. Since format
    /// version 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
}

/// A claim (node or link) marked as reviewed: by whom, with what note, and the fingerprint of
/// its facts and quotes at the time, so the mark lapses by itself when either changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// The node or link reviewed.
    pub item: Id,
    /// Who reviewed it.
    pub by: String,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// What the reviewer noted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The claim's fingerprint when it was reviewed (see [`crate::model::claim_fingerprint`]).
    pub fingerprint: String,
}

/// The arrangement: node positions in world units (y down) and the seed for new positions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Layout {
    /// Seed of the force layout, so the same case always lays out the same way.
    pub seed: u64,
    /// Positions by node id, in file order; nodes without one are placed by the layout.
    pub positions: IndexMap<Id, Position>,
}

/// Where one node sits.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Position {
    /// World units, to the right.
    pub x: f64,
    /// World units, downwards.
    pub y: f64,
    /// True when the analyst placed it and the layout must not move it.
    pub pinned: bool,
}

/// How the case was last looked at.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct View {
    /// The camera; absent means fit the whole case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
    /// Kinds the analyst has hidden.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden_kinds: Vec<NodeKind>,
    /// How the figure was last exported, to make it again exactly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureSettings>,
}

/// The visible part of the world.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Camera {
    /// World x at the centre of the canvas.
    pub center_x: f64,
    /// World y at the centre of the canvas.
    pub center_y: f64,
    /// Screen points per world unit.
    pub zoom: f64,
}

/// Checks a source's `url`: a full `http://` or `https://` address without spaces. The one rule
/// for the decoder, the command line, the metadata form and what a web page says of itself.
pub fn check_web_address(text: &str) -> Result<(), String> {
    if (text.starts_with("https://") || text.starts_with("http://")) && !text.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(format!("{text:?} is not a web address; write a full http:// or https:// URL"))
    }
}

impl Node {
    /// A node with only its id, kind and label: what the analyst gives first.
    pub fn new(id: Id, kind: NodeKind, label: String) -> Self {
        Self {
            id,
            kind,
            label,
            aliases: Vec::new(),
            countries: Vec::new(),
            description: None,
            start_date: None,
            end_date: None,
            date: None,
            amount: None,
            status: None,
            origin: None,
        }
    }
}

impl Source {
    /// A source with only its id, publisher and title: what every source has.
    pub fn new(id: Id, publisher: String, title: String) -> Self {
        Self {
            id,
            publisher,
            title,
            date: None,
            authors: Vec::new(),
            url: None,
            document: None,
            original: None,
            reliability: None,
            reliability_reason: None,
            repeats: None,
            origin: None,
        }
    }
}

impl Link {
    /// A link stated plainly, with only its id, kind and ends.
    pub fn new(id: Id, kind: LinkKind, source: Id, target: Id) -> Self {
        Self {
            id,
            kind,
            source,
            target,
            role: None,
            date: None,
            start_date: None,
            end_date: None,
            status: None,
            description: None,
            origin: None,
        }
    }
}

impl Case {
    /// The oldest format version that holds everything in this case: the version it is saved as.
    pub fn format_version(&self) -> u32 {
        let graded = self.sources.iter().any(|source| {
            source.reliability.is_some() || source.reliability_reason.is_some() || source.repeats.is_some()
        }) || self.quotes.iter().any(|quote| quote.credibility.is_some() || quote.stance.is_some());
        let support_drawn = self.view.figure.as_ref().is_some_and(|figure| figure.support);
        let imported = self.nodes.iter().any(|node| node.origin.is_some())
            || self.links.iter().any(|link| link.origin.is_some())
            || self.sources.iter().any(|source| source.origin.is_some());
        if imported {
            5
        } else if !self.story.is_empty() {
            4
        } else if graded || support_drawn || !self.reviews.is_empty() {
            3
        } else if self.sources.iter().any(|source| source.original.is_some()) {
            2
        } else {
            1
        }
    }

    /// The node with this id, if any (linear; use [`crate::model::CaseGraph`] for many look-ups).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id.as_str() == id)
    }
}
