//! The real app driven through AccessKit, without a GPU: what an analyst clicks, drags and
//! types, and what they then see.

use casegraph::model::NodeIx;
use casegraph::view::canvas::node_screen_position;
use casegraph::view::{CaseApp, Content, Selection};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Frames the sample's layout may take to come to rest.
const MAX_FRAMES: u64 = 1500;

fn sample_app() -> Harness<'static, CaseApp> {
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_max_steps(MAX_FRAMES)
        .build_eframe(|_| CaseApp::new(Content::from_sample()))
}

fn node_index(harness: &Harness<'_, CaseApp>, label: &str) -> NodeIx {
    let open = harness.state().open_case().expect("the sample opens");
    let index =
        open.document.case().nodes.iter().position(|node| node.label == label).expect("the node is in the sample");
    NodeIx::new(index)
}

fn position_of(harness: &Harness<'_, CaseApp>, node: NodeIx) -> [f32; 2] {
    harness.state().open_case().expect("the sample opens").document.layout().position(node)
}

#[test]
fn the_layout_settles_and_then_asks_for_no_more_frames() {
    let mut harness = sample_app();
    let frames = harness.try_run().expect("the layout comes to rest");
    assert!(frames < MAX_FRAMES, "took {frames} frames");
    let open = harness.state().open_case().expect("the sample opens");
    assert!(open.document.layout().is_settled());
    assert!(open.document.layout().positions().iter().flatten().all(|c| c.is_finite()));
    // Every node is on the canvas and labelled for screen readers.
    for node in &open.document.case().nodes {
        assert!(!harness.query_all_by_label(&node.label).collect::<Vec<_>>().is_empty(), "{} is not shown", node.label);
    }
}

#[test]
fn selecting_a_node_shows_its_quotes_and_their_sources() {
    let mut harness = sample_app();
    harness.run();
    harness.get_by_label("Igor Michurin").click();
    harness.run();
    let open = harness.state().open_case().expect("the sample opens");
    let michurin = node_index(&harness, "Igor Michurin");
    assert_eq!(open.selection, Some(Selection::Node(michurin)));
    let quote = open.document.graph().evidence_for_node(michurin)[0];
    let text = &open.document.case().quotes[quote].text;
    let fragment: String = text.chars().take(40).collect();
    let shown = |text: &str| harness.query_all_by_label_contains(text).next().is_some();
    assert!(shown(&fragment), "the panel does not show “{fragment}”");
    assert!(shown("Reuters"), "the panel does not name the source");
    assert!(shown("Kim Jong Un's art of the deal"), "the panel does not give the title");
}

#[test]
fn a_dragged_node_follows_the_pointer_exactly_and_stays_pinned() {
    let mut harness = sample_app();
    harness.run();
    let node = node_index(&harness, "Ardis-Bearings");
    let before = position_of(&harness, node);
    let open = harness.state().open_case().expect("the sample opens");
    assert!(!open.document.layout().is_pinned(node));
    let zoom = open.camera.expect("the view is set").zoom;
    // Grab the node off its centre, as a hand would.
    let grab = node_screen_position(open, node).expect("on screen") + vec2(3.0, 2.0);
    let moves = [vec2(10.0, 4.0), vec2(60.0, 30.0), vec2(120.0, 45.0)];
    harness.drag_at(grab);
    harness.step();
    for delta in moves {
        harness.hover_at(grab + delta);
        harness.step();
    }
    harness.drop_at(grab + moves[2]);
    harness.run();
    let after = position_of(&harness, node);
    let moved = [(after[0] - before[0]) * zoom, (after[1] - before[1]) * zoom];
    assert!((moved[0] - 120.0).abs() < 0.01 && (moved[1] - 45.0).abs() < 0.01, "moved by {moved:?} screen points");
    let open = harness.state().open_case().expect("the sample opens");
    assert!(open.document.layout().is_pinned(node));
    assert!(open.document.layout().is_settled());
}

#[test]
fn search_selects_and_centres_the_hit() {
    let mut harness = sample_app();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    // Opening the search puts the keyboard in its field.
    harness.input_mut().events.push(egui::Event::Text("talesnik".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let node = node_index(&harness, "Mikhail Talesnikov");
    let open = harness.state().open_case().expect("the sample opens");
    assert_eq!(open.selection, Some(Selection::Node(node)));
    let at = node_screen_position(open, node).expect("on screen");
    assert!(at.distance(open.canvas_rect.center()) < 1.0, "the hit is at {at:?}, not centred");
}

#[test]
fn hiding_a_kind_hides_its_nodes_and_showing_it_brings_them_back() {
    let mut harness = sample_app();
    harness.run();
    let embassy = "Embassy of North Korea in Moscow";
    assert!(harness.query_by_label(embassy).is_some());
    harness.get_by_label_contains("Embassy (").click();
    harness.run();
    assert!(harness.query_by_label(embassy).is_none(), "the embassy is still drawn");
    harness.key_press(Key::Num3);
    harness.run();
    assert!(harness.query_by_label(embassy).is_some(), "the embassy did not come back");
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = sample_app();
    harness.run();
    harness.get_by_label("Kim Jong Un").click();
    harness.run();
    assert!(harness.state().open_case().expect("opens").selection.is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().open_case().expect("opens").selection, None);
}

#[test]
fn a_broken_case_opens_nothing_and_shows_where_it_is_broken() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/missing-comma.case.json");
    let mut harness =
        Harness::builder().with_size(vec2(1000.0, 600.0)).build_eframe(|_| CaseApp::new(Content::from_file(&path)));
    harness.run();
    assert!(harness.state().open_case().is_none());
    assert!(harness.query_by_label_contains("could not be opened").is_some());
    assert!(harness.query_by_label_contains("missing-comma.case.json:").is_some(), "no file:line:column");
}

#[test]
fn the_fit_button_brings_the_whole_case_back_into_view() {
    let mut harness = sample_app();
    harness.run();
    for _ in 0..6 {
        harness.get_by_label("+").click();
        harness.run();
    }
    let off_canvas = |harness: &Harness<'_, CaseApp>| {
        let open = harness.state().open_case().expect("the sample opens");
        NodeIx::all(open.document.case().nodes.len())
            .filter(|&node| {
                let at = node_screen_position(open, node).expect("placed");
                !open.canvas_rect.contains(at)
            })
            .count()
    };
    assert!(off_canvas(&harness) > 0, "zooming in left every node in view");
    harness.get_by_label("Fit").click();
    harness.run();
    assert_eq!(off_canvas(&harness), 0, "nodes are still outside the canvas after Fit");
}

#[test]
fn the_window_title_names_the_case_and_its_file() {
    let harness = sample_app();
    let title = harness.state().window_title();
    assert!(title.starts_with("North Korean business in Russia"), "{title}");
    assert!(title.contains("north-korea-business-russia.case.json"), "{title}");
}

#[test]
fn russian_and_korean_names_have_glyphs_in_the_window() {
    let mut harness = sample_app();
    harness.run_steps(2);
    let font = egui::FontId::proportional(14.0);
    for name in ["Igor Michurin", "Игорь Мичурин", "김정은", "Ким Чен Ын → 2017 ≈ $"] {
        assert!(harness.ctx.fonts_mut(|fonts| fonts.has_glyphs(&font, name)), "{name} would show boxes");
    }
    // The check itself can tell: a script no bundled font covers.
    assert!(!harness.ctx.fonts_mut(|fonts| fonts.has_glyphs(&font, "𓀀")));
}

/// A generated case of `nodes` nodes, every one placed, opened from a file in `folder`.
fn big_case_app(folder: &std::path::Path, nodes: usize) -> Harness<'static, CaseApp> {
    let case = casegraph::synthetic::generate_case(nodes, 11);
    let path = folder.join("big.case.json");
    std::fs::write(&path, casegraph::model::case_to_json(&case).expect("the case saves")).expect("written");
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_max_steps(MAX_FRAMES)
        .build_eframe(move |_| CaseApp::new(Content::from_file(&path)))
}

/// Presses and releases `button` at `at`, where no widget need be.
fn click_at(harness: &mut Harness<'_, CaseApp>, at: egui::Pos2, button: egui::PointerButton) {
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

#[test]
fn in_a_big_case_the_pointer_finds_nodes_without_a_widget_each() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = big_case_app(folder.path(), 3_000);
    harness.run();
    let open = harness.state().open_case().expect("the case opens");
    assert!(open.document.layout().is_settled(), "the layout comes to rest");
    // The best-connected nodes are described for screen readers, but not all three thousand.
    let described = (0..3_000).filter(|&node| {
        let label = &open.document.case().nodes[node].label;
        harness.query_all_by_label(label).next().is_some()
    });
    let described = described.count();
    assert!((100..=1_000).contains(&described), "{described} nodes described");

    // A click where a node is drawn selects that node, found through the grid.
    let node = NodeIx::all(3_000)
        .find(|&node| {
            let at = node_screen_position(open, node).expect("on screen");
            open.canvas_rect.shrink(40.0).contains(at) && open.document.graph().degree(node) > 0
        })
        .expect("a linked node well inside the canvas");
    let at = node_screen_position(open, node).expect("on screen");
    harness.hover_at(at);
    harness.run();
    click_at(&mut harness, at, egui::PointerButton::Primary);
    harness.run();
    let selected = harness.state().open_case().expect("open").selection;
    let Some(Selection::Node(picked)) = selected else { panic!("selected {selected:?}") };
    let positions = harness.state().open_case().expect("open").document.layout().positions().to_vec();
    assert!(
        positions[picked.index()] == positions[node.index()],
        "picked node {picked} at {:?}, not node {node} at {:?}",
        positions[picked.index()],
        positions[node.index()]
    );

    // Its context menu pins it.
    click_at(&mut harness, at, egui::PointerButton::Secondary);
    harness.run();
    harness.get_by_label("Pin here").click();
    harness.run();
    assert!(harness.state().open_case().expect("open").document.layout().is_pinned(picked));
}

/// The sample's documents, counting how often they are read.
struct CountingDocuments {
    inner: casegraph::model::MemoryDocuments,
    reads: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl casegraph::model::DocumentStore for CountingDocuments {
    fn read(&self, relative_path: &str) -> Result<String, casegraph::model::DocumentReadError> {
        self.reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        casegraph::model::DocumentStore::read(&self.inner, relative_path)
    }
}

#[test]
fn quotes_in_context_read_each_source_once_not_every_frame() {
    let reads = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let documents = CountingDocuments { inner: casegraph::sample::sample_documents(), reads: reads.clone() };
    let (case, warnings) = casegraph::sample::load_sample().into_result().expect("the sample opens");
    let name = casegraph::sample::SAMPLE_FILE_NAME.to_owned();
    let document = casegraph::document::Document::new(case, None, name, Box::new(documents), warnings);
    // Tall enough that every quote card of Michurin's, and its "In context", is in view.
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 1800.0))
        .with_max_steps(MAX_FRAMES)
        .build_eframe(move |_| CaseApp::new(Content::open(casegraph::view::OpenCase::new(document))));
    harness.run();
    harness.get_by_label("Igor Michurin").click();
    harness.run();
    let headers = harness.query_all_by_label("In context").count();
    assert!(headers >= 2, "{headers} quotes offer their context");
    // The first quote as its source has it, and the paragraph around it.
    let open = harness.state().open_case().expect("open");
    let quote =
        &open.document.case().quotes[open.document.graph().evidence_for_node(node_index(&harness, "Igor Michurin"))[0]];
    let source = open.document.case().sources.iter().find(|source| source.id == quote.source).expect("its source");
    let text = casegraph::sample::sample_documents().texts[source.document.as_deref().expect("a local copy")].clone();
    let context = casegraph::model::quote_in_context(&text, &quote.text).expect("the quote is in its source");
    let paragraph = format!("{}{}{}", context.before, context.quote, context.after);
    let shown = |harness: &Harness<'_, CaseApp>| harness.query_all_by_label_contains(&paragraph).count();
    let before_opening = shown(&harness);
    for index in 0..headers {
        harness.query_all_by_label("In context").nth(index).expect("a header").click();
        harness.run();
    }
    assert_eq!((before_opening, shown(&harness)), (0, 1), "the quote is shown in its paragraph");
    let after_opening = reads.load(std::sync::atomic::Ordering::Relaxed);
    for _ in 0..30 {
        harness.step();
    }
    assert_eq!(reads.load(std::sync::atomic::Ordering::Relaxed), after_opening, "read again while drawing");
    let open = harness.state().open_case().expect("open");
    let michurin = node_index(&harness, "Igor Michurin");
    let mut sources: Vec<&str> = (open.document.graph().evidence_for_node(michurin).into_iter())
        .filter_map(|quote| {
            let source = &open.document.case().quotes[quote].source;
            open.document.case().sources.iter().find(|s| &s.id == source)?.document.as_deref()
        })
        .collect();
    sources.sort_unstable();
    sources.dedup();
    // The review of the selected claim checks every quote of the case once per change of the
    // facts: each source with a local copy is read once more for that, and no more.
    let checked_by_review = open.document.case().sources.iter().filter(|source| source.document.is_some()).count();
    assert_eq!(after_opening, sources.len() + checked_by_review, "each source read once for each purpose");
}
