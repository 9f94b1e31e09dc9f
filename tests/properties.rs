//! Property tests: random valid cases survive a save and load unchanged, and no input, however
//! broken, makes the loader panic.

use casegraph::model::{
    Amount, Camera, Case, CaseInfo, ClaimStatus, Country, Credibility, Currency, ExchangeFormat, FigureBackground,
    FigureExtent, FigureSettings, FigureSize, Id, Layout, Link, LinkKind, MemoryDocuments, Node, NodeKind, Origin,
    PartialDate, Position, Quote, Reliability, Source, SourceNote, Stance, Story, StoryStep, View, case_to_json,
    load_case_bytes,
};
use casegraph::sample::SAMPLE_CASE_JSON;
use proptest::prelude::*;

fn id(prefix: &str, index: usize) -> Id {
    Id::parse(&format!("{prefix}{index}")).expect("valid id")
}

/// Any text an analyst might type: every Unicode scalar, quotes, backslashes, control
/// characters; never blank, as blank text is an error.
fn text() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("not blank", |s| !s.trim().is_empty())
}

fn date() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (1000u16..2100).prop_map(|y| PartialDate::parse(&format!("{y}")).ok()),
        (1000u16..2100, 1u8..13).prop_map(|(y, m)| PartialDate::parse(&format!("{y}-{m:02}")).ok()),
        (1000u16..2100, 1u8..13, 1u8..29).prop_map(|(y, m, d)| PartialDate::parse(&format!("{y}-{m:02}-{d:02}")).ok()),
    ]
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>().prop_filter("finite", |v| v.is_finite()), -1e4..1e4f64]
}

prop_compose! {
    fn node(index: usize)(
        kind in prop::sample::select(NodeKind::ALL.to_vec()),
        label in text(),
        aliases in prop::collection::vec(text(), 0..3),
        countries in prop::collection::vec(prop::sample::select(vec!["ru", "kp", "us", "zz"]), 0..3),
        description in prop::option::of(any::<String>()),
        start_date in date(),
        date in date(),
        cents in prop::option::of(0u64..10_000_000),
        status in prop::option::of(prop::sample::select(ClaimStatus::ALL.to_vec())),
    ) -> Node {
        let transaction = kind == NodeKind::Transaction;
        Node {
            id: id("n", index),
            kind,
            label,
            aliases,
            countries: countries.into_iter().map(|c| Country::parse(c).expect("country")).collect(),
            description,
            start_date,
            end_date: None,
            date: if transaction { date } else { None },
            amount: cents.filter(|_| transaction).map(|cents| Amount {
                value: format!("{}.{:02}", cents / 100, cents % 100),
                max: None,
                currency: Currency::parse("KPW").expect("currency"),
                approximate: cents % 2 == 0,
            }),
            status: if transaction { status } else { None },
            origin: index.is_multiple_of(3).then(|| Origin {
                format: ExchangeFormat::ALL[index % ExchangeFormat::ALL.len()],
                file: "entities.csv".into(),
                reference: format!("row {index}"),
            }),
        }
    }
}

/// The one source, graded by `seed`.
fn graded_source(seed: u64) -> Source {
    Source {
        id: id("s", 0),
        publisher: "Publisher".into(),
        title: "Title".into(),
        date: None,
        authors: vec![],
        url: None,
        document: None,
        original: None,
        reliability: Reliability::ALL.get((seed % 7) as usize).copied(),
        reliability_reason: seed.is_multiple_of(3).then(|| "a record of corrections".into()),
        repeats: None,
        origin: None,
    }
}

/// Any figure settings within range, with any title (empty means none) and caption.
fn figure() -> impl Strategy<Value = FigureSettings> {
    let size = prop_oneof![
        (100.0..10_000.0f64, 1.0..=4.0f64).prop_map(|(width, scale)| FigureSize::Pixels { width, scale }),
        (30.0..400.0f64, 72.0..1_000.0f64).prop_map(|(width_mm, dpi)| FigureSize::Print { width_mm, dpi }),
    ];
    (
        size,
        prop::sample::select(vec![FigureExtent::Whole, FigureExtent::Saved]),
        prop::sample::select(vec![FigureBackground::White, FigureBackground::Transparent, FigureBackground::Theme]),
        prop::sample::select(vec![SourceNote::None, SourceNote::Credit, SourceNote::Numbered]),
        (prop::option::of(any::<String>()), prop::option::of(text()), any::<bool>(), any::<bool>()),
    )
        .prop_map(|(size, extent, background, sources, (title, caption, legend, support))| FigureSettings {
            extent,
            size,
            background,
            title,
            caption,
            legend,
            sources,
            support,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..12)
        .prop_flat_map(|count| {
            let nodes: Vec<_> = (0..count).map(node).collect();
            (
                nodes,
                prop::collection::vec((0..count, 0..count, prop::option::of(text())), 0..20),
                prop::collection::vec((finite(), finite(), any::<bool>()), count),
                (text(), prop::option::of(text()), any::<u64>()),
                prop::option::of((finite(), finite(), 0.01..100.0f64)),
                (prop::collection::vec(prop::sample::select(NodeKind::ALL.to_vec()), 0..3), prop::option::of(figure())),
            )
        })
        .prop_map(|(nodes, pairs, positions, (title, quote_text, seed), camera, (hidden_kinds, figure))| {
            let is_transaction = |i: usize| nodes[i].kind == NodeKind::Transaction;
            let links: Vec<Link> = pairs
                .into_iter()
                .filter_map(|(a, b, role)| {
                    let kind = match (is_transaction(a), is_transaction(b)) {
                        (false, true) => LinkKind::Payer,
                        (true, false) => LinkKind::Beneficiary,
                        (false, false) => LinkKind::Unknown,
                        (true, true) => return None,
                    };
                    Some((kind, a, b, role))
                })
                .enumerate()
                .map(|(index, (kind, a, b, role))| Link {
                    role,
                    ..Link::new(id("l", index), kind, nodes[a].id.clone(), nodes[b].id.clone())
                })
                .collect();
            let supports: Vec<Id> =
                nodes.iter().map(|n| n.id.clone()).chain(links.iter().map(|l| l.id.clone())).collect();
            let positions = nodes
                .iter()
                .zip(positions)
                .map(|(node, (x, y, pinned))| (node.id.clone(), Position { x, y, pinned }))
                .collect();
            Case {
                info: CaseInfo {
                    title: title.clone(),
                    summary: None,
                    language: Some("ko".into()),
                    created: None,
                    updated: None,
                },
                sources: vec![graded_source(seed)],
                quotes: vec![Quote {
                    id: id("q", 0),
                    source: id("s", 0),
                    text: quote_text.unwrap_or_else(|| "quoted".into()),
                    supports,
                    locator: None,
                    credibility: Credibility::ALL.get((seed % 5) as usize).copied(),
                    stance: Stance::ALL.get((seed % 6) as usize).copied(),
                }],
                reviews: Vec::new(),
                story: story(seed, &title, camera, &nodes),
                nodes,
                links,
                layout: Layout { seed, positions },
                view: View {
                    camera: camera.map(|(center_x, center_y, zoom)| Camera { center_x, center_y, zoom }),
                    hidden_kinds,
                    figure,
                },
            }
        })
}

/// A story of one step over the first nodes, for half the seeds; a quarter cite the quote.
fn story(seed: u64, caption: &str, camera: Option<(f64, f64, f64)>, nodes: &[Node]) -> Story {
    let step = StoryStep {
        title: "Step".into(),
        caption: Some(caption.to_owned()),
        camera: camera.map(|(center_x, center_y, zoom)| Camera { center_x, center_y, zoom }),
        highlight: nodes.iter().take(2).map(|node| node.id.clone()).collect(),
        cites: seed.is_multiple_of(4).then(|| vec![id("q", 0)]),
        ..StoryStep::default()
    };
    Story { steps: seed.is_multiple_of(2).then_some(step).into_iter().collect() }
}

fn load(bytes: &[u8]) -> casegraph::model::LoadReport {
    load_case_bytes(bytes, "generated.case.json", &MemoryDocuments::default())
}

proptest! {
    // 256 cases each by default; set PROPTEST_CASES for a longer run.
    #[test]
    fn random_valid_cases_round_trip(case in case()) {
        let saved = case_to_json(&case).expect("finite case saves");
        let report = load(saved.as_bytes());
        prop_assert!(report.error_count() == 0, "{:?}", report.diagnostics);
        let loaded = report.case.expect("opens");
        prop_assert_eq!(&loaded, &case);
        prop_assert_eq!(case_to_json(&loaded).expect("saves"), saved);
    }

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let report = load(&bytes);
        prop_assert!(report.case.is_none() || report.error_count() == 0);
    }

    #[test]
    fn damaged_sample_files_never_panic_and_are_reported(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let mut bytes = SAMPLE_CASE_JSON.as_bytes().to_vec();
        for (at, byte, action) in edits {
            let at = at.index(bytes.len());
            match action {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.remove(at); }
            }
        }
        let report = load(&bytes);
        for diagnostic in &report.diagnostics {
            prop_assert!(!diagnostic.message.is_empty());
        }
    }

    #[test]
    fn truncated_sample_files_are_errors_with_a_position(cut in 0usize..SAMPLE_CASE_JSON.len() - 2) {
        let bytes = &SAMPLE_CASE_JSON.as_bytes()[..cut];
        let report = load(bytes);
        prop_assert!(report.case.is_none());
        let error = report.diagnostics.iter().find(|d| d.is_error()).expect("an error");
        prop_assert!(error.line_column.is_some() || bytes.is_empty() || std::str::from_utf8(bytes).is_err(), "{:?}", error);
    }
}
