//! Building a case by hand, at scale: the type-ahead over 50,000 names (a keystroke must take
//! under 5 ms), adding a node to a 10,000-node case (no dearer than one layout step, timed
//! beside it), and reading a 200-page PDF as a source (under 3 s).

use std::hint::black_box;
use std::time::{Duration, Instant};

use casegraph::document::{Document, FactEdit};
use casegraph::ingest::{SourceFileKind, extract_bytes};
use casegraph::layout::{ForceLayout, LayoutSettings};
use casegraph::model::{CaseGraph, Id, Link, LinkKind, MemoryDocuments, NameIndex, Node, NodeKind};
use casegraph::synthetic::generate_case;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "../tests/common/pdf.rs"]
#[expect(dead_code, reason = "the scans and encrypted PDFs are for the tests")]
mod pdf;

/// Each keystroke of typing a name, as the add-node dialog asks the index after each one.
fn typeahead(c: &mut Criterion) {
    let mut group = c.benchmark_group("typeahead_keystroke");
    let case = generate_case(50_000, 3);
    let index = NameIndex::new(&case);
    let typed = case.nodes[25_000].label.clone();
    for length in [1, 3, 6, typed.chars().count()] {
        let prefix: String = typed.chars().take(length).collect();
        group.bench_with_input(BenchmarkId::new("50000_nodes", format!("{length}_chars")), &prefix, |b, prefix| {
            b.iter(|| black_box(index.suggest(prefix, 8)));
        });
    }
    group.bench_function("50000_nodes/near_duplicates", |b| b.iter(|| black_box(index.near_duplicates(&typed))));
    group.finish();
}

fn new_node(document: &Document, number: usize) -> Node {
    let label = format!("Added person {number}");
    Node::new(document.fresh_id("p", &label), NodeKind::Person, label)
}

/// Adding one node to a 10,000-node case (undone between runs, untimed), and one layout step
/// of the same case, so the two can be compared in one run.
fn add_node(c: &mut Criterion) {
    let mut group = c.benchmark_group("add_node_vs_layout_step");
    group.sample_size(20);
    let case = generate_case(10_000, 7);
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    group.bench_function("layout_step/10000", |b| {
        b.iter(|| {
            layout.restart();
            black_box(layout.step())
        });
    });
    let mut document = Document::new(case, None, "big".into(), Box::new(MemoryDocuments::default()), Vec::new());
    group.bench_function("add_node/10000", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for number in 0..iterations {
                let node = Box::new(new_node(&document, number as usize));
                let started = Instant::now();
                document.edit_facts(FactEdit::AddNode { node, at: Some([10.0, 10.0]) }).expect("added");
                total += started.elapsed();
                document.undo();
            }
            total
        });
    });
    group.bench_function("add_link/10000", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for number in 0..iterations {
                let (source, target) = (&document.case().nodes[number as usize % 5_000], &document.case().nodes[9_999]);
                let link = new_link(&document, source.id.clone(), target.id.clone());
                let started = Instant::now();
                document.edit_facts(FactEdit::AddLink(Box::new(link))).expect("linked");
                total += started.elapsed();
                document.undo();
            }
            total
        });
    });
    group.finish();
}

fn new_link(document: &Document, source: Id, target: Id) -> Link {
    Link::new(document.fresh_id("l", &format!("{source} unknown {target}")), LinkKind::Unknown, source, target)
}

/// Reading a 200-page filing's text layer.
fn pdf_source(c: &mut Criterion) {
    let mut group = c.benchmark_group("add_source");
    group.sample_size(10);
    let pages: Vec<Vec<String>> = (1..=200)
        .map(|page| {
            (1..=45)
                .map(|line| format!("Page {page}, line {line}: the court finds that the respondent company traded."))
                .collect()
        })
        .collect();
    let bytes = pdf::text_pdf(&pages);
    group.bench_function("pdf_200_pages", |b| {
        b.iter(|| black_box(extract_bytes(SourceFileKind::Pdf, &bytes).expect("read")));
    });
    group.finish();
}

criterion_group!(benches, typeahead, add_node, pdf_source);
criterion_main!(benches);
