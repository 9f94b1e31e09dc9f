//! Figure export speed: the sample case as a PNG at 4× (target under 1 s), a 5,000-node case
//! as SVG (target under 2 s), and a 50,000-node case laid out from scratch as SVG, PNG and
//! PDF (target under 5 s each), each from laid-out positions.

use casegraph::export::{FigureFormat, FigureInput, render_figure};
use casegraph::layout::WorldPoint;
use casegraph::model::{Case, CaseGraph, FigureSettings, FigureSize, Scene};
use casegraph::synthetic::generate_case;
use criterion::{Criterion, criterion_group, criterion_main};

fn positions_of(case: &Case, graph: &CaseGraph) -> Vec<WorldPoint> {
    let mut layout = casegraph::layout::ForceLayout::new(case, graph, Default::default());
    layout.run_until_settled();
    layout.positions().to_vec()
}

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10);

    let sample = casegraph::sample::load_sample().case.expect("the sample");
    let graph = CaseGraph::new(&sample);
    let positions = positions_of(&sample, &graph);
    let input = FigureInput {
        case: &sample,
        graph: &graph,
        positions: &positions,
        scene: Scene::everything(&sample),
        camera: None,
    };
    let options = FigureSettings { size: FigureSize::Pixels { width: 1200.0, scale: 4.0 }, ..Default::default() };
    group.bench_function("sample_png_4x", |b| {
        b.iter(|| render_figure(&input, &options, FigureFormat::Png).expect("renders"));
    });

    // Generated cases carry saved positions for every node, so no layout run is needed.
    let large = generate_case(5_000, 7);
    let graph = CaseGraph::new(&large);
    let positions = casegraph::layout::initial_positions(&large, &graph, 120.0).0;
    let input = FigureInput {
        case: &large,
        graph: &graph,
        positions: &positions,
        scene: Scene::everything(&large),
        camera: None,
    };
    let options = FigureSettings::default();
    group.bench_function("nodes_5000_svg", |b| {
        b.iter(|| render_figure(&input, &options, FigureFormat::Svg).expect("renders"));
    });

    let mut big = generate_case(50_000, 1);
    big.layout.positions.clear();
    let graph = CaseGraph::new(&big);
    let positions = positions_of(&big, &graph);
    let input =
        FigureInput { case: &big, graph: &graph, positions: &positions, scene: Scene::everything(&big), camera: None };
    for format in [FigureFormat::Svg, FigureFormat::Png, FigureFormat::Pdf] {
        group.bench_function(format!("nodes_50000_{}", format.extension()), |b| {
            b.iter(|| render_figure(&input, &options, format).expect("renders"));
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
