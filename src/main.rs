//! The `casegraph` command: a thin entry point over [`casegraph::cli`].

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let arguments = casegraph::cli::Arguments::parse();
    casegraph::cli::run(arguments, &mut std::io::stdout().lock())
}
