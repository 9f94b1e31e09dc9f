//! Every broken file under `tests/fixtures/broken/` gives exactly the report in its
//! `.expected` file, through the real `casegraph check` binary. Run with
//! `UPDATE_EXPECTED=1` to rewrite the expectations after an intended change, then review
//! the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn fixtures() -> Vec<PathBuf> {
    common::files_ending_with("tests/fixtures/broken", ".case.json")
}

fn check(file: &Path) -> (String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_casegraph")).arg("check").arg(file).output().expect("run casegraph");
    (String::from_utf8(output.stdout).expect("utf-8 report"), output.status.code())
}

#[test]
fn each_broken_fixture_gives_its_expected_report() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut mismatches = Vec::new();
    let all = fixtures();
    assert!(all.len() >= 15, "fixtures missing: {all:?}");
    for file in all {
        let expected_path = file.with_extension("").with_extension("expected");
        let (report, code) = check(&file);
        let has_errors = !report.lines().last().unwrap_or_default().contains(" 0 errors");
        assert_eq!(code, Some(i32::from(has_errors)), "exit code for {}", file.display());
        if update {
            std::fs::write(&expected_path, &report).expect("write expectation");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != report {
            mismatches.push(format!("{}\n--- expected\n{expected}--- actual\n{report}", file.display()));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_error_names_a_line_and_column_or_the_whole_file() {
    for file in fixtures() {
        let (report, _) = check(&file);
        for line in report.lines().filter(|line| line.contains(": error: ")) {
            let location = line.split(": error: ").next().unwrap_or_default();
            let rest = location.strip_prefix(&file.display().to_string()).unwrap_or_default();
            let parts: Vec<&str> = rest.split(':').skip(1).collect();
            let whole_file = rest.is_empty();
            let placed = parts.len() == 2 && parts.iter().all(|part| part.parse::<usize>().is_ok());
            assert!(whole_file || placed, "badly placed message in {}: {line}", file.display());
        }
    }
}
