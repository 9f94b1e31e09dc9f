//! `casegraph check`: every problem in every file, then a summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::{counted, load_case_file};

/// Checks `files`, printing compiler-style lines and a summary.
pub fn run(files: &[PathBuf], deny_warnings: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut errors = 0;
    let mut warnings = 0;
    for file in files {
        let report = load_case_file(file);
        for diagnostic in &report.diagnostics {
            writeln!(out, "{}", diagnostic.display_in(&report.file))?;
        }
        errors += report.error_count();
        warnings += report.warning_count();
    }
    let files_word = if files.len() == 1 { "file" } else { "files" };
    writeln!(
        out,
        "checked {} {files_word}: {}, {}",
        files.len(),
        counted(errors, "error"),
        counted(warnings, "warning")
    )?;
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
