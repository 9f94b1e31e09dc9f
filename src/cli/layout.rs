//! `casegraph layout`: lays a case out without a window and says what it did, so forces can
//! be compared side by side on the same case in one run.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, bail};

use super::vocabulary_argument::VocabularyParser;
use crate::document::{Document, write_atomically};
use crate::layout::{ForceLayout, LayoutEngine, LayoutSettings, STRESS_SOURCES, measure, sampled_stress};
use crate::model::{CaseGraph, MemoryDocuments, case_to_json, load_case_file};
use crate::theme::NODE_RADIUS;

/// The options of `casegraph layout`.
#[derive(Debug, clap::Args)]
pub struct LayoutArguments {
    /// The case file (*.case.json).
    #[arg(value_name = "CASE")]
    pub case: PathBuf,
    /// The force; give it more than once to compare forces on the same case [default: the
    /// app's choice for the case's size].
    #[arg(long, value_parser = VocabularyParser::<LayoutEngine>::new())]
    pub engine: Vec<LayoutEngine>,
    /// Run exactly this many steps instead of until the layout comes to rest (even when the
    /// case was saved at rest).
    #[arg(long)]
    pub iterations: Option<usize>,
    /// Start from scratch, ignoring the saved positions.
    #[arg(long)]
    pub from_scratch: bool,
    /// Write the case with the new positions here (one engine only).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print one JSON line per engine instead of a sentence.
    #[arg(long)]
    pub report: bool,
}

/// Lays the case out with each engine; reports, and writes the result when asked.
pub fn run(arguments: &LayoutArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let engines: Vec<LayoutEngine> =
        if arguments.engine.is_empty() { vec![LayoutEngine::Automatic] } else { arguments.engine.clone() };
    if arguments.output.is_some() && engines.len() > 1 {
        bail!("-o writes one layout; give a single --engine with it");
    }
    let report = load_case_file(&arguments.case);
    let (mut case, _warnings) = match report.into_result() {
        Ok(loaded) => loaded,
        Err(error) => bail!("{error}"),
    };
    if arguments.from_scratch {
        case.layout.positions.clear();
    }
    let graph = CaseGraph::new(&case);
    for engine in engines {
        let mut settings = LayoutSettings { engine, ..LayoutSettings::default() };
        if let Some(iterations) = arguments.iterations {
            settings.max_steps = iterations;
            settings.still_steps_to_settle = usize::MAX;
        }
        let started = Instant::now();
        let mut layout = ForceLayout::new(&case, &graph, settings);
        if arguments.iterations.is_some() {
            // A case saved at rest opens still; asked for steps, it runs them from there.
            layout.restart();
        }
        let final_movement = loop {
            let outcome = layout.step();
            if outcome.settled {
                break outcome.max_movement;
            }
        };
        let wall_ms = started.elapsed().as_secs_f64() * 1e3;
        let iterations = layout.steps();
        let quality = measure(layout.positions(), layout.linked_pairs(), 2.0 * NODE_RADIUS);
        let not_finite = layout.positions().iter().flatten().filter(|c| !c.is_finite()).count();
        let ms_per_iteration = wall_ms / iterations.max(1) as f64;
        let engine_name = layout.engine().as_str();
        if arguments.report {
            let line = LayoutReport {
                engine: engine_name,
                nodes: case.nodes.len(),
                links: layout.linked_pairs().len(),
                iterations,
                settled: arguments.iterations.is_none() && iterations < settings.max_steps,
                wall_ms: round(wall_ms, 1000.0),
                ms_per_iteration: round(ms_per_iteration, 1000.0),
                final_movement: round(f64::from(final_movement), 1000.0),
                edge_length_mean: round(quality.edge_length_mean, 100.0),
                edge_length_spread: round(quality.edge_length_spread, 10_000.0),
                overlapping_pairs: quality.overlapping_pairs,
                stress: round(sampled_stress(layout.positions(), layout.linked_pairs(), STRESS_SOURCES), 10_000.0),
                non_finite_coordinates: not_finite,
            };
            writeln!(out, "{}", serde_json::to_string(&line)?)?;
        } else {
            writeln!(
                out,
                "{engine_name}: {iterations} steps in {wall_ms:.0} ms ({ms_per_iteration:.2} ms a step); links {:.0} long, spread {:.3}; {} overlapping pairs",
                quality.edge_length_mean, quality.edge_length_spread, quality.overlapping_pairs
            )?;
        }
        if let Some(output) = &arguments.output {
            // The document's save rules: unmoved nodes keep their numbers, moved ones 0.01.
            let name = crate::document::file_name(output);
            let documents = Box::new(MemoryDocuments::default());
            let document = Document::with_layout(case.clone(), layout, None, name, documents, Vec::new());
            let text = case_to_json(&document.case_to_save(None))?;
            // It replaces a case, which keeps its previous version as a backup.
            write_atomically(output, text.as_bytes()).with_context(|| format!("cannot write {}", output.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One engine's run, as `--report` prints it (keys in this order).
#[derive(serde::Serialize)]
struct LayoutReport {
    engine: &'static str,
    nodes: usize,
    /// Linked pairs the force pulls on (parallel links once, self-links left out).
    links: usize,
    iterations: usize,
    /// Whether it came to rest by itself (not stopped by `--iterations` or the step limit).
    settled: bool,
    wall_ms: f64,
    ms_per_iteration: f64,
    /// The farthest a node moved in the last step, in world units.
    final_movement: f64,
    edge_length_mean: f64,
    edge_length_spread: f64,
    overlapping_pairs: usize,
    /// Stress against graph distances, sampled from a fixed set of nodes (lower is better).
    stress: f64,
    non_finite_coordinates: usize,
}

fn round(value: f64, steps: f64) -> f64 {
    (value * steps).round() / steps
}
