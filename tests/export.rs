//! Figures as a reporter publishes them: every visible label once, hidden kinds left out,
//! the same bytes every time, PNGs of the asked size with real glyphs for Cyrillic and
//! Korean, and PDFs that a PDF reader renders.

use std::path::Path;

use casegraph::export::{FigureFormat, FigureInput, render_figure};
use casegraph::layout::{ForceLayout, LayoutSettings};
use casegraph::model::{
    Case, CaseGraph, FigureSettings, FigureSize, NodeIx, NodeKind, Scene, SceneRules, SourceNote, load_case_file,
};

fn load(name: &str) -> Case {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_cases").join(name);
    load_case_file(&path).into_result().expect("the sample opens").0
}

/// Renders `case` as `format` with `options`, laid out as the export command does.
fn render(case: &Case, options: &FigureSettings, format: FigureFormat) -> Vec<u8> {
    let graph = CaseGraph::new(case);
    let mut layout = ForceLayout::new(case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    let input = FigureInput {
        case,
        graph: &graph,
        positions: layout.positions(),
        scene: Scene::of(case, &graph, &SceneRules { hidden_kinds: &case.view.hidden_kinds, ..Default::default() }),
        camera: case.view.camera,
    };
    render_figure(&input, options, format).expect("the figure renders")
}

fn svg(case: &Case, options: &FigureSettings) -> String {
    String::from_utf8(render(case, options, FigureFormat::Svg)).expect("SVG is text")
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The text elements of an SVG, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| Some(part.split_once('>')?.1.split_once("</text>")?.0.to_owned()))
        .collect()
}

#[test]
fn every_visible_label_appears_once_as_real_text_and_hidden_kinds_are_left_out() {
    let mut case = load("north-korea-business-russia.case.json");
    case.view.hidden_kinds = vec![NodeKind::Embassy];
    let svg = svg(&case, &FigureSettings::default());
    let shown: Vec<String> = texts(&svg);
    let joined = shown.join("\n");
    for node in &case.nodes {
        // Long labels wrap onto lines of their own, or where there is no room are shortened,
        // ending in "…"; either way they start with the label's first word.
        let first_word = escaped(node.label.split_whitespace().next().expect("a label"));
        if node.kind == NodeKind::Embassy {
            assert!(!joined.contains(&escaped(&node.label)), "hidden {} is drawn", node.label);
            continue;
        }
        let label_lines: Vec<&String> = shown
            .iter()
            .filter(|line| escaped(&node.label).contains(line.trim_end_matches('…')) && line.starts_with(&first_word))
            .collect();
        assert!(!label_lines.is_empty(), "{} is not drawn", node.label);
    }
    let whole_labels = |label: &str| shown.iter().filter(|line| line.as_str() == escaped(label)).count();
    assert_eq!(whole_labels("Igor Michurin"), 1);
    assert_eq!(whole_labels("Kim Jong Un"), 1);
    assert!(!joined.contains("Embassy of North Korea"), "a hidden node's label is drawn");
    assert!(!shown.iter().any(|line| line == "Embassy"), "the legend lists a hidden kind");
    assert!(shown.iter().any(|line| line == "Person"), "the legend is missing");
    assert!(joined.contains("Sources: Reuters, 6 June 2018; The Dong-A Ilbo, 4 April 2008"), "{joined}");
}

#[test]
fn the_minimal_case_figure_matches_its_snapshot() {
    let case = load("minimal.case.json");
    let options = FigureSettings {
        size: FigureSize::Pixels { width: 600.0, scale: 1.0 },
        caption: Some("Figure 1. Who owns Ardis-Bearings.".into()),
        ..Default::default()
    };
    let svg = svg(&case, &options);
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/minimal.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(snapshot.parent().expect("a folder")).expect("the folder");
        std::fs::write(&snapshot, &svg).expect("written");
    }
    let expected = std::fs::read_to_string(&snapshot).expect("the snapshot (UPDATE_SNAPSHOTS=1 writes it)");
    assert_eq!(svg, expected, "the figure changed; review it and rerun with UPDATE_SNAPSHOTS=1");
}

#[test]
fn options_change_what_is_drawn() {
    let case = load("minimal.case.json");
    let mut options = FigureSettings::default();
    let full = svg(&case, &options);
    assert!(full.contains(&escaped(&case.info.title)));
    options.title = Some(String::new());
    options.legend = false;
    options.sources = SourceNote::None;
    let bare = svg(&case, &options);
    assert!(!texts(&bare).iter().any(|t| t == &escaped(&case.info.title)), "the title is still drawn");
    assert!(!texts(&bare).iter().any(|t| t == "Person"), "the legend is still drawn");
    assert!(!bare.contains("Sources:"), "the credit is still drawn");
}

#[test]
fn numbered_sources_mark_each_link_and_are_listed_under_the_figure() {
    let case = load("north-korea-business-russia.case.json");
    let options = FigureSettings { sources: SourceNote::Numbered, ..Default::default() };
    let svg = svg(&case, &options);
    let texts = texts(&svg);
    // The list: each source once, numbered in file order, with its author, title and date.
    let reuters = texts.iter().position(|t| t.contains("Kim Jong Un's art of the deal")).expect("Reuters is listed");
    assert!(texts[reuters].starts_with("Polina Nikolskaya, “Kim Jong Un"), "{}", texts[reuters]);
    assert!(texts[reuters].contains("Reuters, 6 June 2018."), "{}", texts[reuters]);
    assert_eq!(texts[reuters - 1], "1", "the entry's number precedes it");
    let donga = texts.iter().position(|t| t.contains("Businesses Thriving in Russia")).expect("Dong-A is listed");
    assert_eq!(texts[donga - 1], "2");
    assert!(!svg.contains("Sources:"), "the one-line credit is replaced by the list");
    // The markers: one on each link that quotes back, naming exactly its sources.
    let number = |source: &str| if source == "s-reuters-2018" { "1" } else { "2" };
    let mut expected: Vec<String> = vec!["1".into(), "2".into()];
    for link in &case.links {
        let mut numbers: Vec<&str> =
            case.quotes.iter().filter(|q| q.supports.contains(&link.id)).map(|q| number(q.source.as_str())).collect();
        numbers.sort_unstable();
        numbers.dedup();
        if !numbers.is_empty() {
            expected.push(numbers.join(","));
        }
    }
    let mut drawn: Vec<String> =
        texts.iter().filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ',')).cloned().collect();
    expected.sort();
    drawn.sort();
    assert_eq!(drawn, expected);
}

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
fn pngs_have_the_asked_size_at_every_scale_and_are_the_same_every_time() {
    let case = load("minimal.case.json");
    let at = |scale: f64| FigureSettings { size: FigureSize::Pixels { width: 500.0, scale }, ..Default::default() };
    let options = at(1.0);
    let (base_width, base_height, pixels) = decode_png(&render(&case, &options, FigureFormat::Png));
    assert_eq!(base_width, 500);
    let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    assert!(distinct.len() > 50, "the figure looks blank: {} colours", distinct.len());
    for scale in [1.0f64, 2.0, 3.0, 4.0] {
        let options = at(scale);
        let first = render(&case, &options, FigureFormat::Png);
        let (width, height, _) = decode_png(&first);
        assert_eq!((width, height), (base_width * scale as u32, base_height * scale as u32), "at {scale}×");
        assert_eq!(first, render(&case, &options, FigureFormat::Png), "two runs differ at {scale}×");
    }
    let options = at(5.0);
    let graph = CaseGraph::new(&case);
    let positions = vec![[0.0, 0.0]; case.nodes.len()];
    let input = FigureInput {
        case: &case,
        graph: &graph,
        positions: &positions,
        scene: Scene::everything(&case),
        camera: None,
    };
    assert!(render_figure(&input, &options, FigureFormat::Png).is_err(), "scale 5 is accepted");
}

/// A PNG's pixels for the minimal case with its first node renamed `label` and nothing else
/// drawn but that node and its label.
fn pixels_with_label(label: &str) -> Vec<u8> {
    let mut case = load("minimal.case.json");
    case.nodes.truncate(1);
    case.links.clear();
    case.quotes.clear();
    case.nodes[0].label = label.into();
    let options = FigureSettings {
        title: Some(String::new()),
        legend: false,
        sources: SourceNote::None,
        size: FigureSize::Pixels { width: 300.0, scale: 1.0 },
        ..Default::default()
    };
    decode_png(&render(&case, &options, FigureFormat::Png)).2
}

fn ink(pixels: &[u8]) -> usize {
    pixels.chunks(4).filter(|p| p[0] < 100 && p[1] < 100 && p[2] < 100).count()
}

#[test]
fn cyrillic_and_korean_labels_are_drawn_as_glyphs_not_boxes() {
    let nothing = ink(&pixels_with_label(" "));
    for label in ["Игорь Мичурин", "김정은", "Igor Michurin"] {
        let drawn = pixels_with_label(label);
        assert!(ink(&drawn) > nothing + 40, "{label}: {} dark pixels against {nothing} for no label", ink(&drawn));
        // Characters no font has come out as the same box each: the same count of them gives
        // the same picture. Real glyphs differ from that.
        let boxes: String = label.chars().map(|c| if c == ' ' { ' ' } else { '𓀀' }).collect();
        assert!(drawn != pixels_with_label(&boxes), "{label} is drawn as boxes");
    }
}

#[test]
fn pdfs_embed_their_fonts_and_a_pdf_reader_renders_them() {
    let case = load("north-korea-business-russia.case.json");
    let pdf = render(&case, &FigureSettings::default(), FigureFormat::Pdf);
    assert!(pdf.starts_with(b"%PDF-"), "no PDF header");
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|window| window == needle);
    assert!(has(b"/FontFile2") || has(b"/FontFile3"), "no embedded font");
    assert_eq!(pdf, render(&case, &FigureSettings::default(), FigureFormat::Pdf), "two runs differ");

    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("figure.pdf");
    std::fs::write(&path, &pdf).expect("written");
    let output = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-singlefile"])
        .arg(&path)
        .arg(folder.path().join("page"))
        .output()
        .expect("pdftoppm (poppler-utils) runs; CI installs it");
    assert!(output.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&output.stderr));
    let page = std::fs::read(folder.path().join("page.png")).expect("pdftoppm wrote a page");
    let (_, _, pixels) = decode_png(&page);
    let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    assert!(distinct.len() > 20, "the rendered page looks blank");
}

/// The element that opens `<g id="ID"…>` and everything up to the group's end, for groups that
/// hold no groups.
fn group<'a>(svg: &'a str, id: &str) -> Option<&'a str> {
    let start = svg.find(&format!(r#"<g id="{id}""#))?;
    let end = start + svg[start..].find("</g>")?;
    Some(&svg[start..end])
}

#[test]
fn a_graphics_desk_finds_each_node_and_link_as_a_group_in_named_layers() {
    let case = load("north-korea-business-russia.case.json");
    let options = FigureSettings { caption: Some("Figure 1.".into()), ..Default::default() };
    let svg = svg(&case, &options);
    assert!(svg.contains(r#"xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape""#));
    let layers: Vec<&str> = svg
        .split(r#"inkscape:groupmode="layer" inkscape:label=""#)
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(label, _)| label))
        .collect();
    assert_eq!(layers, ["Title", "Links", "Nodes", "Labels", "Legend", "Caption", "Sources"]);
    for node in &case.nodes {
        let opening = format!(r#"<g id="node-{}" class="node {}">"#, node.id, node.kind.as_str());
        let found = group(&svg, &format!("node-{}", node.id)).unwrap_or_else(|| panic!("no group for {}", node.id));
        assert!(found.starts_with(&opening), "{found}");
        // Its shape, its icon and its label, which starts with the label's first word.
        assert!(found.contains(r##" stroke="#1F2933""##), "{} has no shape: {found}", node.id);
        let first_word = escaped(node.label.split_whitespace().next().expect("a label"));
        assert!(found.contains(&format!(r#"class="label">{first_word}"#)), "{} has no label: {found}", node.id);
    }
    for link in &case.links {
        let status = link.status.map_or("stated", |status| status.as_str());
        let opening = format!(r#"<g id="link-{}" class="link {} {status}">"#, link.id, link.kind.as_str());
        assert!(svg.contains(&opening), "{opening}");
        let found = group(&svg, &format!("link-{}", link.id)).expect("the link's group");
        assert!(found.contains("<polyline"), "{found}");
    }
}

#[test]
fn with_support_drawn_the_claims_two_sources_back_are_heavier_and_explained() {
    let case = load("north-korea-business-russia.case.json");
    let plain = svg(&case, &FigureSettings::default());
    let with_support = svg(&case, &FigureSettings { support: true, ..FigureSettings::default() });
    assert!(!plain.contains("corroborated") && !plain.contains("Two or more independent sources"));
    // Reuters and The Dong-A Ilbo both report the embassy; one source reports Igor Michurin.
    assert!(with_support.contains(r#"<g id="node-e-north-korea-moscow" class="node embassy corroborated">"#));
    assert!(with_support.contains(r#"<g id="node-p-igor-michurin" class="node person">"#));
    let heavy = format!(r#"stroke-width="{:.2}""#, casegraph::theme::CORROBORATED_OUTLINE_WIDTH);
    let embassy = &with_support[with_support.find("node-e-north-korea-moscow").expect("the embassy")..];
    assert!(embassy[..embassy.find("</g>").expect("its group ends")].contains(&heavy), "outlined heavier");
    assert!(with_support.contains("Two or more independent sources"), "the legend explains it");
}

#[test]
fn a_big_case_figure_names_its_hubs_and_what_is_highlighted_and_leaves_out_labels_with_no_room() {
    let case = casegraph::synthetic::generate(&casegraph::synthetic::SyntheticShape {
        nodes: 3000,
        links_per_node: 2.0,
        placed: 0.0,
        seed: 4,
        dated: false,
    });
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    let mut by_degree: Vec<NodeIx> = NodeIx::all(case.nodes.len()).collect();
    by_degree.sort_by_key(|&node| (std::cmp::Reverse(graph.degree(node)), node));
    let draw = |highlight: &[casegraph::model::Id]| {
        let input = FigureInput {
            case: &case,
            graph: &graph,
            positions: layout.positions(),
            scene: Scene::of(&case, &graph, &SceneRules { highlight, ..Default::default() }),
            camera: None,
        };
        let bytes = render_figure(&input, &FigureSettings::default(), FigureFormat::Svg).expect("the figure renders");
        String::from_utf8(bytes).expect("SVG is text")
    };
    let labelled = |svg: &str, node: NodeIx| {
        group(svg, &format!("node-{}", case.nodes[node.index()].id)).is_some_and(|group| group.contains("<text"))
    };
    let everything = draw(&[]);
    for &hub in &by_degree[..casegraph::theme::ALWAYS_LABELLED] {
        assert!(labelled(&everything, hub), "hub {} is not named", case.nodes[hub.index()].id);
    }
    let count = NodeIx::all(case.nodes.len()).filter(|&node| labelled(&everything, node)).count();
    assert!(count > casegraph::theme::ALWAYS_LABELLED, "only the hubs are named where there is room: {count}");
    assert!(count < case.nodes.len() / 2, "{count} of {} labels: most have no room", case.nodes.len());
    let unnamed = NodeIx::all(case.nodes.len()).find(|&node| !labelled(&everything, node)).expect("an unnamed node");
    let highlight = [case.nodes[unnamed.index()].id.clone()];
    assert!(labelled(&draw(&highlight), unnamed), "highlighted, a node with no room is named");
}
