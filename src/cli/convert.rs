//! `casegraph convert IN OUT`: a case or another tool's file into another format, each told
//! by its name, with a report of what was mapped and what was not.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::document::write_atomically;
use crate::exchange::{FORMATS_HELP, FileFormat, file_name, import_file, sheets_folder, write_case};
use crate::layout::{ForceLayout, LayoutSettings};
use crate::model::{Case, CaseGraph, ExchangeFormat, Position, case_to_json, errors_as_read, load_case_file};

/// The options of `casegraph convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArguments {
    /// The file to read: a case (.case.json), FollowTheMoney entities (.ftm, .ijson), an Aleph
    /// diagram (.vis), GEXF (.gexf), GraphML (.graphml), or a folder with entities.csv and
    /// links.csv.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// The file to write, in the format its name says (as for IN).
    #[arg(value_name = "OUT")]
    pub output: PathBuf,
}

/// Reads IN, prints what was read, and writes OUT.
pub fn run(arguments: &ConvertArguments, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format_of = |path: &Path| {
        FileFormat::of_path(path)
            .with_context(|| format!("{}: cannot tell its format from its name; {FORMATS_HELP}", path.display()))
    };
    let (input_format, output_format) = (format_of(&arguments.input)?, format_of(&arguments.output)?);
    if arguments.input == arguments.output {
        bail!("{}: IN and OUT are the same file; give OUT another name", arguments.output.display());
    }
    let case = match input_format {
        FileFormat::Case => match load_case_file(&arguments.input).into_result() {
            Ok((case, _warnings)) => case,
            Err(error) => bail!("{error}"),
        },
        FileFormat::Exchange(format) => {
            let imported = import_file(&arguments.input, format)?;
            out.write_all(imported.report.describe(&imported.case).as_bytes())?;
            imported.case
        }
    };
    let written = match output_format {
        FileFormat::Case => {
            if let Some(error) = errors_as_read(&case).first() {
                bail!("the case read from {} does not hold together: {}", file_name(&arguments.input), error.message);
            }
            write_atomically(&arguments.output, case_to_json(&case)?.as_bytes())?;
            vec![arguments.output.clone()]
        }
        FileFormat::Exchange(format) => {
            let placed = with_every_node_placed(case);
            if format == ExchangeFormat::Csv {
                let folder = sheets_folder(&arguments.output);
                std::fs::create_dir_all(folder)
                    .with_context(|| format!("cannot make the folder {}", folder.display()))?;
            }
            let mut written = Vec::new();
            for (path, text) in write_case(&placed, format, &arguments.output)? {
                write_atomically(&path, text.as_bytes())?;
                written.push(path);
            }
            written
        }
    };
    for path in written {
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The case with a position for every node: the saved ones, and the others laid out from the
/// case's seed, as the window would show them.
fn with_every_node_placed(mut case: Case) -> Case {
    if case.nodes.iter().all(|node| case.layout.positions.contains_key(&node.id)) {
        return case;
    }
    let graph = CaseGraph::new(&case);
    let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
    layout.run_until_settled();
    for (node, [x, y]) in case.nodes.iter().zip(layout.positions()) {
        case.layout.positions.entry(node.id.clone()).or_insert(Position {
            x: f64::from(*x),
            y: f64::from(*y),
            pinned: false,
        });
    }
    case
}
