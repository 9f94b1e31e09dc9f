//! `casegraph generate`: a synthetic case of realistic shape, for trying big cases.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::document::replace_atomically;
use crate::model::case_to_json;
use crate::synthetic::{SyntheticShape, generate};

/// The options of `casegraph generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArguments {
    /// How many nodes.
    #[arg(long, default_value_t = 10_000)]
    pub nodes: usize,
    /// Links per node, on average.
    #[arg(long, default_value_t = 2.0)]
    pub links_per_node: f64,
    /// The share of nodes given a saved position, from 0 to 1.
    #[arg(long, default_value_t = 0.0)]
    pub placed: f64,
    /// The seed: the same options and seed always give the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Date every node and link, for trying the timeline.
    #[arg(long)]
    pub dated: bool,
    /// The case file to write (*.case.json).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// Writes the case; prints where it went and what is in it.
pub fn run(arguments: &GenerateArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if !(1..=1_000_000).contains(&arguments.nodes) {
        bail!("--nodes must be from 1 to 1,000,000, not {}", arguments.nodes);
    }
    if !(0.0..=20.0).contains(&arguments.links_per_node) {
        bail!("--links-per-node must be from 0 to 20, not {}", arguments.links_per_node);
    }
    if !(0.0..=1.0).contains(&arguments.placed) {
        bail!("--placed must be from 0 to 1, not {}", arguments.placed);
    }
    let shape = SyntheticShape {
        nodes: arguments.nodes,
        links_per_node: arguments.links_per_node,
        placed: arguments.placed,
        seed: arguments.seed,
        dated: arguments.dated,
    };
    let case = generate(&shape);
    let text = case_to_json(&case)?;
    replace_atomically(&arguments.output, text.as_bytes())
        .with_context(|| format!("cannot write {}", arguments.output.display()))?;
    writeln!(
        out,
        "wrote {}: {} nodes, {} links, {} placed ({} bytes)",
        arguments.output.display(),
        case.nodes.len(),
        case.links.len(),
        case.layout.positions.len(),
        text.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
