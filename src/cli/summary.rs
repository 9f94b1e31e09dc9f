//! What `casegraph` does without a subcommand until the desktop window exists: load the
//! bundled sample case, check it, and print what it holds.

use std::io::Write;
use std::process::ExitCode;

use crate::model::{CaseGraph, NodeKind};
use crate::sample::load_sample;

/// Loads the bundled sample and prints its title, contents and check result.
pub fn run_sample(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let report = load_sample();
    for diagnostic in &report.diagnostics {
        writeln!(out, "{}", diagnostic.display_in(&report.file))?;
    }
    let Some(case) = &report.case else {
        return Ok(ExitCode::FAILURE);
    };
    writeln!(out, "{} ({})", case.info.title, report.file)?;
    for kind in NodeKind::ALL {
        let labels: Vec<&str> =
            case.nodes.iter().filter(|node| node.kind == kind).map(|node| node.label.as_str()).collect();
        if !labels.is_empty() {
            writeln!(out, "  {:<13}{:>3}  {}", kind.as_str(), labels.len(), labels.join(" · "))?;
        }
    }
    let graph = CaseGraph::new(case);
    let most_linked = (0..case.nodes.len()).max_by_key(|&node| (graph.neighbours(node).len(), std::cmp::Reverse(node)));
    writeln!(out, "  {} links, {} quotes from {} sources", case.links.len(), case.quotes.len(), case.sources.len())?;
    if let Some(node) = most_linked {
        writeln!(out, "  most linked: {} ({} links)", case.nodes[node].label, graph.neighbours(node).len())?;
    }
    writeln!(out, "  {} errors, {} warnings", report.error_count(), report.warning_count())?;
    Ok(ExitCode::SUCCESS)
}
