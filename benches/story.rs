//! The sample's story exported, as `casegraph export --story` does after laying the case out:
//! the whole PDF (a page per step, fonts embedded) must take under 3 s; the HTML page is timed
//! beside it.

use std::hint::black_box;

use casegraph::export::{StoryInput, story_html, story_pdf};
use casegraph::layout::{ForceLayout, LayoutSettings};
use casegraph::model::{CaseGraph, FigureSettings};
use casegraph::sample::load_sample;
use criterion::{Criterion, criterion_group, criterion_main};

fn story(c: &mut Criterion) {
    let mut group = c.benchmark_group("story");
    group.sample_size(10);
    let (case, _) = load_sample().into_result().expect("the sample opens");
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    let input = StoryInput { case: &case, graph: &graph, positions: layout.positions() };
    let settings = FigureSettings::default();
    group.bench_function("pdf/sample", |b| b.iter(|| black_box(story_pdf(&input, &settings).expect("a PDF"))));
    group.bench_function("html/sample", |b| b.iter(|| black_box(story_html(&input, &settings).expect("a page"))));
    group.finish();
}

criterion_group!(benches, story);
criterion_main!(benches);
