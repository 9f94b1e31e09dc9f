//! The claims ledger a lawyer or an editor reads before publication: every claim, worst first,
//! with its risks, status, support, quotes (source, date, grades, place) and review mark; as
//! plain text for the terminal, Markdown to send, or JSON for tools.

use serde_json::{Value, json};

use crate::model::{
    Case, CaseGraph, ClaimReview, ItemRef, Ledger, Mark, Presence, Quote, QuoteIx, Risk, Scene, Source, claim_sentence,
    counted,
};

/// The formats the ledger is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerFormat {
    /// Plain text, for the terminal.
    Text,
    /// Markdown, to send to a lawyer or an editor.
    Markdown,
    /// JSON, for tools.
    Json,
}

/// The ledger of `case` in `format`. The same case always gives the same text.
pub fn ledger_report(case: &Case, graph: &CaseGraph, ledger: &Ledger, format: LedgerFormat) -> String {
    match format {
        LedgerFormat::Text => ledger_text(case, graph, ledger, false),
        LedgerFormat::Markdown => ledger_text(case, graph, ledger, true),
        LedgerFormat::Json => {
            let claims: Vec<Value> = ledger.claims.iter().map(|claim| claim_json(case, graph, claim)).collect();
            let report = json!({
                "case": case.info.title,
                "claims": claims,
                "blocked": ledger.blocked_count(),
                "unreviewed": ledger.unreviewed_count(),
            });
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|error| error.to_string());
            text.push('\n');
            text
        }
    }
}

/// One line summing the ledger up: "94 claims: 2 blocked, 40 with other risks, 94 unreviewed".
pub fn ledger_summary(ledger: &Ledger) -> String {
    let blocked = ledger.blocked_count();
    let other = ledger.at_risk().count() - blocked;
    format!(
        "{}: {blocked} blocked, {} with other risks, {} unreviewed",
        counted(ledger.claims.len(), "claim"),
        other,
        ledger.unreviewed_count()
    )
}

/// What a figure would show that is not ready for publication: claims a risk blocks, and
/// claims nobody has marked reviewed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureRisk {
    /// Shown claims with a blocking risk.
    pub blocked: usize,
    /// Shown claims not marked reviewed (or whose mark lapsed).
    pub unreviewed: usize,
}

impl FigureRisk {
    /// The claims of `ledger` a figure of `scene` shows, dimmed or not.
    pub fn of(ledger: &Ledger, scene: &Scene) -> Self {
        Self::of_any(ledger, std::slice::from_ref(scene))
    }

    /// The claims of `ledger` any of `scenes` shows (the steps of a story), each counted once.
    pub fn of_any(ledger: &Ledger, scenes: &[Scene]) -> Self {
        let shown = |item: ItemRef| match item {
            ItemRef::Node(_) | ItemRef::Link(_) => scenes.iter().any(|scene| scene.item(item) != Presence::Hidden),
            ItemRef::Source(_) | ItemRef::Quote(_) => false,
        };
        let mut risk = Self::default();
        for claim in ledger.claims.iter().filter(|claim| shown(claim.item)) {
            risk.blocked += usize::from(claim.is_blocked());
            risk.unreviewed += usize::from(!claim.mark.is_current());
        }
        risk
    }

    /// Whether the figure shows nothing that needs a look first.
    pub fn is_clear(self) -> bool {
        self.blocked == 0 && self.unreviewed == 0
    }

    /// What the figure shows that needs a look, in words: "2 blocked claims and 40 claims not
    /// reviewed".
    pub fn words(self) -> String {
        format!("{} and {} not reviewed", counted(self.blocked, "blocked claim"), counted(self.unreviewed, "claim"))
    }
}

fn ledger_text(case: &Case, graph: &CaseGraph, ledger: &Ledger, markdown: bool) -> String {
    let mut text = String::new();
    if markdown {
        text.push_str(&format!("# Claims ledger: {}\n\n{}.\n", case.info.title, ledger_summary(ledger)));
    } else {
        text.push_str(&format!("Claims ledger: {}\n{}\n", case.info.title, ledger_summary(ledger)));
    }
    for (number, claim) in ledger.claims.iter().enumerate() {
        let facts = ClaimFacts::of(case, graph, claim);
        text.push('\n');
        if markdown {
            facts.write_markdown(&mut text, number + 1);
        } else {
            facts.write_text(&mut text, number + 1);
        }
    }
    text
}

/// What the ledger says of one claim, in words, shared by the text and Markdown forms.
struct ClaimFacts {
    sentence: String,
    id: String,
    standing: String,
    risks: Vec<String>,
    quotes: Vec<(String, String)>,
    mark: String,
    blocked: bool,
}

impl ClaimFacts {
    fn of(case: &Case, graph: &CaseGraph, claim: &ClaimReview) -> Self {
        let support = claim.support;
        let mut standing = format!(
            "{}; {}, {}",
            status_of(case, claim.item),
            counted(support.independent_sources as usize, "independent source"),
            counted(support.quotes as usize, "quote")
        );
        if let Some(grades) = support.grades() {
            standing.push_str(&format!("; best grades {grades}"));
        }
        let quotes = graph
            .quotes_for(claim.item)
            .iter()
            .map(|&quote| (case.quotes[quote].text.clone(), quote_credit(case, graph, quote)))
            .collect();
        Self {
            sentence: claim_sentence(case, graph, claim.item),
            id: item_id(case, claim.item).to_owned(),
            standing,
            risks: claim.risks.iter().map(|risk| risk_words(case, risk)).collect(),
            quotes,
            mark: mark_words(case, claim.mark),
            blocked: claim.is_blocked(),
        }
    }

    fn write_text(&self, text: &mut String, number: usize) {
        let flag = if self.blocked { "BLOCKED " } else { "" };
        text.push_str(&format!("{number}. {flag}{}\n   {} — {}\n", self.sentence, self.id, self.standing));
        let risks = if self.risks.is_empty() { "none".to_owned() } else { self.risks.join("; ") };
        text.push_str(&format!("   risks: {risks}\n"));
        for (words, credit) in &self.quotes {
            text.push_str(&format!("   “{words}”\n     — {credit}\n"));
        }
        text.push_str(&format!("   review: {}\n", self.mark));
    }

    fn write_markdown(&self, text: &mut String, number: usize) {
        let flag = if self.blocked { " — **blocked**" } else { "" };
        text.push_str(&format!("## {number}. {}{flag}\n\n", markdown_escaped(&self.sentence)));
        text.push_str(&format!("- `{}`: {}\n", self.id, self.standing));
        let risks = if self.risks.is_empty() { "none".to_owned() } else { self.risks.join("; ") };
        text.push_str(&format!("- Risks: {risks}\n"));
        text.push_str(&format!("- Review: {}\n", markdown_escaped(&self.mark)));
        for (words, credit) in &self.quotes {
            // The credit's ids are written as code on purpose; only the quoted words are escaped.
            text.push_str(&format!("\n> {}\n>\n> — {credit}\n", markdown_escaped(words)));
        }
    }
}

fn claim_json(case: &Case, graph: &CaseGraph, claim: &ClaimReview) -> Value {
    let risks: Vec<Value> = claim
        .risks
        .iter()
        .map(|risk| json!({ "risk": risk.name(), "blocking": risk.is_blocking(), "detail": risk_words(case, risk) }))
        .collect();
    let quotes: Vec<Value> = graph
        .quotes_for(claim.item)
        .iter()
        .map(|&quote_ix| {
            let quote = &case.quotes[quote_ix];
            let source = source_of(case, graph, quote);
            json!({
                "id": quote.id.as_str(),
                "text": quote.text,
                "source": quote.source.as_str(),
                "publisher": source.map(|source| source.publisher.as_str()),
                "title": source.map(|source| source.title.as_str()),
                "date": source.and_then(|source| source.date.map(|date| date.to_string())),
                "reliability": source.and_then(|source| source.reliability.map(|grade| grade.as_str())),
                "credibility": quote.credibility.map(|grade| grade.as_str()),
                "stance": quote.stance.map(|stance| stance.as_str()),
                "locator": quote.locator,
            })
        })
        .collect();
    let support = claim.support;
    json!({
        "id": item_id(case, claim.item),
        "sentence": claim_sentence(case, graph, claim.item),
        "status": status_of(case, claim.item),
        "independent_sources": support.independent_sources,
        "best_reliability": support.best_reliability.map(|grade| grade.as_str()),
        "best_credibility": support.best_credibility.map(|grade| grade.as_str()),
        "blocked": claim.is_blocked(),
        "risks": risks,
        "quotes": quotes,
        "review": mark_json(case, claim.mark),
    })
}

fn mark_json(case: &Case, mark: Mark) -> Value {
    let (state, review) = match mark {
        Mark::Unreviewed => return json!({ "state": "unreviewed" }),
        Mark::Reviewed(review) => ("reviewed", &case.reviews[review]),
        Mark::Lapsed(review) => ("lapsed", &case.reviews[review]),
    };
    json!({
        "state": state,
        "by": review.by,
        "date": review.date.map(|date| date.to_string()),
        "note": review.note,
    })
}

fn item_id(case: &Case, item: ItemRef) -> &str {
    match item {
        ItemRef::Node(node) => case.nodes[node].id.as_str(),
        ItemRef::Link(link) => case.links[link].id.as_str(),
        ItemRef::Source(source) => case.sources[source].id.as_str(),
        ItemRef::Quote(quote) => case.quotes[quote].id.as_str(),
    }
}

/// The claim's status as the file has it, "stated" when it has none.
fn status_of(case: &Case, item: ItemRef) -> &'static str {
    let status = match item {
        ItemRef::Node(node) => case.nodes[node].status,
        ItemRef::Link(link) => case.links[link].status,
        ItemRef::Source(_) | ItemRef::Quote(_) => None,
    };
    status.map_or("stated", |status| status.as_str())
}

fn source_of<'c>(case: &'c Case, graph: &CaseGraph, quote: &Quote) -> Option<&'c Source> {
    match graph.resolve(quote.source.as_str()) {
        Some(ItemRef::Source(source)) => Some(&case.sources[source]),
        _ => None,
    }
}

/// Where a quote comes from and how it is graded: "Reuters, 2018-06-06, “Kim Jong Un's art
/// of the deal”; graded B2; alleges; character 1982".
fn quote_credit(case: &Case, graph: &CaseGraph, quote_ix: QuoteIx) -> String {
    let quote = &case.quotes[quote_ix];
    let mut parts = Vec::new();
    match source_of(case, graph, quote) {
        Some(source) => {
            let mut credit = source.publisher.clone();
            if let Some(date) = source.date {
                credit.push_str(&format!(", {date}"));
            }
            credit.push_str(&format!(", “{}”", source.title));
            parts.push(credit);
            let reliability = source.reliability.map_or("", |grade| grade.as_str());
            let credibility = quote.credibility.map_or("", |grade| grade.as_str());
            if !reliability.is_empty() || !credibility.is_empty() {
                parts.push(format!("graded {reliability}{credibility}"));
            }
        }
        None => parts.push(format!("source `{}`", quote.source)),
    }
    if let Some(stance) = quote.stance {
        parts.push(stance.as_str().to_owned());
    }
    if let Some(locator) = &quote.locator {
        parts.push(locator.clone());
    }
    parts.push(format!("quote `{}`", quote.id));
    parts.join("; ")
}

fn risk_words(case: &Case, risk: &Risk) -> String {
    let blocking = if risk.is_blocking() { " (blocking)" } else { "" };
    let detail = match risk {
        Risk::UnverifiableQuotes(quotes) => {
            let each: Vec<String> =
                quotes.iter().map(|(quote, why)| format!("`{}` {why}", case.quotes[*quote].id)).collect();
            format!(": {}", each.join(", "))
        }
        Risk::DenialOnRecord(quotes) => {
            let each: Vec<String> = quotes.iter().map(|quote| format!("`{}`", case.quotes[*quote].id)).collect();
            format!(": {}", each.join(", "))
        }
        Risk::NoQuote | Risk::OnlyAllegedOrClaimed | Risk::LowGrades | Risk::SingleSource => String::new(),
    };
    format!("{}{blocking}{detail}", risk.name())
}

fn mark_words(case: &Case, mark: Mark) -> String {
    let by = |review: &crate::model::Review| {
        let mut words = format!("by {}", review.by);
        if let Some(date) = review.date {
            words.push_str(&format!(" on {date}"));
        }
        if let Some(note) = &review.note {
            words.push_str(&format!(": {note}"));
        }
        words
    };
    match mark {
        Mark::Unreviewed => "not reviewed".to_owned(),
        Mark::Reviewed(review) => format!("reviewed {}", by(&case.reviews[review])),
        Mark::Lapsed(review) => {
            format!("lapsed, the claim changed since it was reviewed {}", by(&case.reviews[review]))
        }
    }
}

/// Text with Markdown's active characters escaped, so a quote reads as written.
fn markdown_escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(character, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}
