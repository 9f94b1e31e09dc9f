//! `docs/case-format.md` stays true: it shows the real minimal example, the checker's real
//! output for every broken fixture, and documents every key the format writes.

use casegraph::model::vocabulary::Vocabulary;
use casegraph::model::{
    Amount, Camera, Case, CaseInfo, ClaimStatus, Country, Credibility, Currency, ExchangeFormat, FILE_OBJECTS,
    FigureBackground, FigureExtent, FigureSettings, FigureSize, Id, Layout, Link, LinkKind, Node, NodeKind, Origin,
    PartialDate, Period, Position, Quote, Reliability, Review, Source, SourceNote, Stance, Story, StoryStep, View,
    case_to_json, decode_case,
};
use casegraph::sample::load_sample;

mod common;

fn doc() -> String {
    std::fs::read_to_string("docs/case-format.md").expect("docs/case-format.md")
}

#[test]
fn the_example_is_the_shipped_minimal_case() {
    let minimal = std::fs::read_to_string("sample_cases/minimal.case.json").expect("minimal case");
    assert!(doc().contains(&format!("```json\n{minimal}```")), "docs/case-format.md shows a stale example");
}

#[test]
fn every_broken_fixture_report_is_shown() {
    let doc = doc();
    let reports = common::files_ending_with("tests/fixtures/broken", ".expected");
    assert!(reports.len() >= 15);
    for path in reports {
        let report = std::fs::read_to_string(&path).expect("report");
        assert!(doc.contains(&report), "docs/case-format.md lacks the report of {}", path.display());
    }
}

#[test]
fn the_sample_counts_quoted_are_right() {
    let case = load_sample().case.expect("sample");
    let sentence = format!("{} nodes, {} links and {} quotes", case.nodes.len(), case.links.len(), case.quotes.len());
    assert!(doc().contains(&sentence), "expected the docs to say: {sentence}");
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let sentence = format!("Each of its {} nodes and {} links", case.nodes.len(), case.links.len());
    assert!(readme.contains(&sentence), "expected the README to say: {sentence}");
}

/// A table of the docs: the heading it is under and its number there, and its rows of cells.
type Table = ((String, usize), Vec<Vec<String>>);

/// The tables of `docs/case-format.md`, each under the heading it follows and numbered from 0
/// within that heading, as rows of cells.
fn tables(doc: &str) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let (mut heading, mut count, mut in_table) = (String::new(), 0, false);
    for line in doc.lines() {
        if let Some(title) = line.strip_prefix('#') {
            heading = title.trim_start_matches('#').trim().to_owned();
            count = 0;
        }
        let is_row = line.starts_with('|');
        if is_row && !in_table {
            tables.push(((heading.clone(), count), Vec::new()));
            count += 1;
        }
        if is_row && !line.starts_with("| ---") {
            let cells = line.trim_matches('|').split(" | ").map(|cell| cell.trim().to_owned()).collect();
            tables.last_mut().expect("a table").1.push(cells);
        }
        in_table = is_row;
    }
    tables
}

/// The table of the object the format calls `object`, by the heading it is under.
fn object_table(object: &str) -> (&'static str, usize) {
    match object {
        "top level" => ("Top level", 0),
        "case" => ("`case`", 0),
        "node" => ("`nodes`", 0),
        "amount" => ("`amount`", 0),
        "link" => ("`links`", 0),
        "source" => ("`sources`", 0),
        "origin" => ("`origin`", 0),
        "quote" => ("`quotes`", 0),
        "review" => ("`reviews`", 0),
        "layout" => ("`layout`", 0),
        "position" => ("`layout`", 1),
        "view" => ("`view`", 0),
        "camera" => ("`view`", 1),
        "figure" => ("`view`", 2),
        "story" => ("`story`", 0),
        "step" => ("`story`", 1),
        "period" => ("`story`", 2),
        other => panic!("no table is known for `{other}`: add it here and in docs/case-format.md"),
    }
}

/// A name written as code in a table cell: `` `name` `` → `name`.
fn code(cell: &str) -> String {
    cell.trim_matches('`').to_owned()
}

#[test]
fn every_key_table_in_the_docs_is_the_decoders() {
    let tables = tables(&doc());
    let key_tables: Vec<_> = tables.iter().filter(|(_, rows)| rows[0][..2] == ["key", "type"]).collect();
    for object in FILE_OBJECTS {
        let place = object_table(object.object);
        let (_, rows) = key_tables
            .iter()
            .find(|((heading, index), _)| (heading.as_str(), *index) == place)
            .unwrap_or_else(|| panic!("docs/case-format.md has no key table for {}", object.object));
        let mut documented: Vec<(String, bool)> =
            rows[1..].iter().map(|row| (code(&row[0]), row[2] == "yes")).collect();
        let mut decoded: Vec<(String, bool)> =
            object.keys.iter().zip(object.required).map(|(key, &required)| ((*key).to_owned(), required)).collect();
        documented.sort();
        decoded.sort();
        assert_eq!(documented, decoded, "the keys of {} (name, required) in the docs and the decoder", object.object);
    }
    assert_eq!(
        key_tables.len(),
        FILE_OBJECTS.len(),
        "docs/case-format.md has a key table of no object the decoder reads"
    );
}

/// Checks that the first column of the table under `heading` lists exactly `T`'s names.
fn vocabulary_table<T: Vocabulary>(heading: &str) {
    let tables = tables(&doc());
    let (_, rows) = tables.iter().find(|((under, index), _)| under == heading && *index == 0).expect("the table");
    let mut documented: Vec<String> = rows[1..].iter().map(|row| code(&row[0])).collect();
    let mut names: Vec<String> = T::names().into_iter().map(str::to_owned).collect();
    documented.sort();
    names.sort();
    assert_eq!(documented, names, "the {}s documented under {heading}", T::WHAT);
}

/// Checks that the type of figure key `key` names exactly `T`'s names.
fn vocabulary_in_figure_row<T: Vocabulary>(key: &str) {
    let tables = tables(&doc());
    let (_, rows) = tables.iter().find(|((under, index), _)| under == "`view`" && *index == 2).expect("the table");
    let row = rows.iter().find(|row| code(&row[0]) == key).expect("the key's row");
    let mut documented: Vec<&str> = row[1].split('"').skip(1).step_by(2).collect();
    let mut names = T::names();
    documented.sort_unstable();
    names.sort_unstable();
    assert_eq!(documented, names, "the values of `{key}` in the docs");
}

#[test]
fn every_vocabulary_is_documented_exactly() {
    vocabulary_table::<NodeKind>("Node kinds");
    vocabulary_table::<LinkKind>("Link kinds");
    vocabulary_table::<ClaimStatus>("`status`");
    vocabulary_table::<Reliability>("Reliability");
    vocabulary_table::<Credibility>("Credibility");
    vocabulary_table::<Stance>("Stance");
    vocabulary_in_figure_row::<FigureExtent>("extent");
    vocabulary_in_figure_row::<FigureBackground>("background");
    vocabulary_in_figure_row::<SourceNote>("sources");
}

/// A case with every optional field filled in, so that its JSON holds every key.
fn case_with_every_field() -> Case {
    let id = |text: &str| Id::parse(text).expect("id");
    let date = PartialDate::parse("2017-06-01").ok();
    let country = Country::parse("ru").expect("country");
    Case {
        info: CaseInfo {
            title: "t".into(),
            summary: Some("s".into()),
            language: Some("en".into()),
            created: date,
            updated: date,
        },
        nodes: vec![Node {
            id: id("t-1"),
            kind: NodeKind::Transaction,
            label: "l".into(),
            aliases: vec!["a".into()],
            countries: vec![country],
            description: Some("d".into()),
            start_date: date,
            end_date: date,
            date,
            amount: Some(Amount {
                value: "1".into(),
                max: Some("2".into()),
                currency: Currency::parse("USD").expect("currency"),
                approximate: true,
            }),
            status: Some(ClaimStatus::Alleged),
            origin: Some(every_origin_field()),
        }],
        links: vec![Link {
            id: id("l-1"),
            kind: LinkKind::Unknown,
            source: id("t-1"),
            target: id("t-1"),
            role: Some("r".into()),
            date,
            start_date: date,
            end_date: date,
            status: Some(ClaimStatus::Denied),
            description: Some("d".into()),
            origin: Some(every_origin_field()),
        }],
        sources: every_source_field(),
        quotes: every_quote_field(),
        reviews: every_review_field(),
        layout: Layout {
            seed: 1,
            positions: std::iter::once((id("t-1"), Position { x: 1.0, y: 2.0, pinned: true })).collect(),
        },
        view: View {
            camera: Some(Camera { center_x: 0.0, center_y: 0.0, zoom: 1.0 }),
            hidden_kinds: vec![NodeKind::Person],
            figure: Some(FigureSettings {
                extent: FigureExtent::Saved,
                size: FigureSize::Print { width_mm: 180.0, dpi: 300.0 },
                background: FigureBackground::Transparent,
                title: Some("t".into()),
                caption: Some("c".into()),
                legend: false,
                sources: SourceNote::Numbered,
                support: true,
            }),
        },
        story: every_story_field(),
    }
}

fn every_story_field() -> Story {
    let id = |text: &str| Id::parse(text).expect("id");
    let date = PartialDate::parse("2017-06-01").expect("date");
    Story {
        steps: vec![StoryStep {
            title: "t".into(),
            caption: Some("c".into()),
            camera: Some(Camera { center_x: 0.0, center_y: 0.0, zoom: 1.0 }),
            hidden_kinds: vec![NodeKind::Person],
            hidden: vec![id("l-1")],
            highlight: vec![id("t-1")],
            period: Some(Period { from: date, to: date }),
            cites: Some(vec![id("q-1")]),
        }],
    }
}

fn every_source_field() -> Vec<Source> {
    let id = |text: &str| Id::parse(text).expect("id");
    let date = PartialDate::parse("2017-06-01").ok();
    vec![Source {
        id: id("s-1"),
        publisher: "p".into(),
        title: "t".into(),
        date,
        authors: vec!["a".into()],
        url: Some("https://example.org".into()),
        document: Some("d.txt".into()),
        original: None,
        reliability: Some(Reliability::B),
        reliability_reason: Some("r".into()),
        repeats: Some(id("s-1")),
        origin: Some(every_origin_field()),
    }]
}

fn every_origin_field() -> Origin {
    Origin { format: ExchangeFormat::Ftm, file: "f.ftm".into(), reference: "r".into() }
}

fn every_quote_field() -> Vec<Quote> {
    let id = |text: &str| Id::parse(text).expect("id");
    vec![Quote {
        id: id("q-1"),
        source: id("s-1"),
        text: "t".into(),
        supports: vec![id("t-1")],
        locator: Some("p. 1".into()),
        credibility: Some(Credibility::ProbablyTrue),
        stance: Some(Stance::Alleges),
    }]
}

fn every_review_field() -> Vec<Review> {
    let id = |text: &str| Id::parse(text).expect("id");
    let date = PartialDate::parse("2017-06-01").ok();
    vec![Review {
        item: id("t-1"),
        by: "b".into(),
        date,
        note: Some("n".into()),
        fingerprint: "0123456789abcdef".into(),
    }]
}

fn keys(value: &serde_json::Value, out: &mut Vec<String>, under_positions: bool) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                if !under_positions {
                    out.push(key.clone());
                }
                keys(child, out, key == "positions");
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| keys(item, out, false)),
        _ => {}
    }
}

#[test]
fn every_key_the_format_writes_is_documented() {
    let text = case_to_json(&case_with_every_field()).expect("save");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut found = Vec::new();
    keys(&value, &mut found, false);
    found.sort();
    found.dedup();
    assert!(found.len() >= 40, "{found:?}");
    let doc = doc();
    for key in found {
        assert!(doc.contains(&format!("| `{key}` |")), "key `{key}` has no row in docs/case-format.md");
    }
}

/// What the serializer writes, the decoder reads back the same: no field is left out of either.
#[test]
fn a_case_with_every_field_reads_back_as_it_was_written() {
    let case = case_with_every_field();
    let text = case_to_json(&case).expect("save");
    let mut diagnostics = Vec::new();
    let (read, _) = decode_case(&text, &mut diagnostics).expect("the saved text is JSON");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(read, case);
}

#[test]
fn the_sample_ledger_in_the_docs_is_what_casegraph_review_prints() {
    let case = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_cases/north-korea-business-russia.case.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["review", case, "--format", "markdown"])
        .output()
        .expect("casegraph runs");
    let documented = std::fs::read_to_string("docs/sample-ledger.md").expect("docs/sample-ledger.md");
    assert!(
        String::from_utf8_lossy(&output.stdout) == documented,
        "docs/sample-ledger.md is out of date: casegraph review sample_cases/north-korea-business-russia.case.json --format markdown > docs/sample-ledger.md"
    );
}
