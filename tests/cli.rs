//! The `casegraph` binary as a user runs it.

use std::io::Write as _;
use std::process::{Command, Output};

#[path = "common/names.rs"]
mod names;

fn casegraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casegraph")).args(args).output().expect("run casegraph")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn help_lists_the_subcommands() {
    let output = casegraph(&["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    assert!(help.contains("check"), "{help}");
    assert!(help.contains("Check case files"), "{help}");
}

#[test]
fn checking_the_samples_passes_even_when_warnings_are_denied() {
    let output = casegraph(&[
        "check",
        "sample_cases/north-korea-business-russia.case.json",
        "sample_cases/minimal.case.json",
        "--deny-warnings",
    ]);
    assert_eq!(stdout(&output), "checked 2 files: 0 errors, 0 warnings\n");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn warnings_fail_only_when_denied() {
    let file = "tests/fixtures/broken/unverified-evidence.case.json";
    assert_eq!(casegraph(&["check", file]).status.code(), Some(0));
    let denied = casegraph(&["check", "--deny-warnings", file]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout(&denied).ends_with("checked 1 file: 0 errors, 4 warnings\n"));
}

#[test]
fn several_files_are_all_reported_and_summed() {
    let output = casegraph(&[
        "check",
        "tests/fixtures/broken/trailing-comma.case.json",
        "sample_cases/minimal.case.json",
        "tests/fixtures/broken/duplicate-ids.case.json",
    ]);
    let report = stdout(&output);
    assert!(report.contains("trailing-comma.case.json:6:3: error: trailing comma"), "{report}");
    assert!(report.contains("duplicate-ids.case.json:9:13: error:"), "{report}");
    assert!(report.ends_with("checked 3 files: 4 errors, 0 warnings\n"), "{report}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn missing_files_and_folders_get_a_clear_message() {
    let output = casegraph(&["check", "no/such/file.case.json", "sample_cases"]);
    let report = stdout(&output);
    assert!(report.contains("no/such/file.case.json: error: cannot read the file: No such file"), "{report}");
    assert!(report.contains("sample_cases: error: this is a folder, not a case file"), "{report}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_200_megabyte_file_is_read_and_reported_without_panicking() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("huge.case.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    write!(file, "{{\"format\": \"casegraph\", \"version\": 1, \"case\": {{\"title\": \"Huge\"}}, \"nodes\": [")
        .expect("write");
    let node = "{\"id\": \"p-x\", \"kind\": \"person\", \"label\": \"Кирилл 김정 Someone with a long enough name\"},\n";
    for _ in 0..(200 << 20) / node.len() {
        file.write_all(node.as_bytes()).expect("write");
    }
    drop(file);
    let output = casegraph(&["check", path.to_str().expect("utf-8 path")]);
    let report = stdout(&output);
    assert!(
        report.contains("error: the file ends inside the array opened at line 1, column 75"),
        "{}",
        &report[..report.len().min(500)]
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn help_names_the_window_options_and_the_subcommands() {
    let output = casegraph(&["--help"]);
    let text = stdout(&output);
    for expected in ["[CASE]", "--screenshot <PNG>", "check", "bundled sample"] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn export_writes_the_same_figure_every_time_in_each_format() {
    let folder = tempfile::tempdir().expect("a folder");
    for extension in ["svg", "png", "pdf"] {
        let path = folder.path().join(format!("figure.{extension}"));
        let path_text = path.to_str().expect("a UTF-8 path");
        let args =
            ["export", "sample_cases/north-korea-business-russia.case.json", "-o", path_text, "--caption", "Figure 1"];
        let output = casegraph(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(stdout(&output).starts_with("wrote "), "{}", stdout(&output));
        let first = std::fs::read(&path).expect("the figure");
        assert!(casegraph(&args).status.success());
        assert_eq!(std::fs::read(&path).expect("the figure"), first, "{extension} differs between runs");
    }
}

#[test]
fn export_explains_a_figure_name_it_cannot_write_and_a_broken_case() {
    let output = casegraph(&["export", "sample_cases/minimal.case.json", "-o", "figure.gif"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("FIGURE.png, FIGURE.svg or FIGURE.pdf"), "{error}");

    let output = casegraph(&["export", "tests/fixtures/broken/missing-comma.case.json", "-o", "figure.svg"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("missing-comma.case.json:"), "no file:line:column: {error}");
    assert!(!std::path::Path::new("figure.svg").exists(), "a figure was written for a broken case");
}

#[test]
fn export_makes_the_figure_the_case_file_saved_and_options_override_it() {
    let folder = tempfile::tempdir().expect("a folder");
    let minimal = std::fs::read_to_string("sample_cases/minimal.case.json").expect("the sample");
    let saved = r#""view": {
    "figure": {
      "extent": "whole",
      "width_mm": 100.0,
      "dpi": 300.0,
      "background": "white",
      "title": "",
      "caption": "Figure 2",
      "legend": false,
      "sources": "numbered"
    }
  }"#;
    assert!(minimal.contains(r#""view": {}"#), "the sample has an empty view");
    let case = folder.path().join("figure.case.json");
    std::fs::write(&case, minimal.replace(r#""view": {}"#, saved)).expect("written");
    let figure = folder.path().join("figure.svg");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", case.to_str().expect("UTF-8"), "-o", figure.to_str().expect("UTF-8")];
        args.extend_from_slice(extra);
        let output = casegraph(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        std::fs::read_to_string(&figure).expect("the figure")
    };
    let svg = export(&[]);
    assert!(svg.contains(r#"width="100.00mm""#), "the saved print width is used");
    assert!(svg.contains(r#"viewBox="0 0 377.95 "#), "100 mm is laid out at 96 units to the inch");
    assert!(!svg.contains("<title>"), "the saved empty title means none");
    assert!(svg.contains(">Figure 2</text>") && !svg.contains("Sources:"), "saved caption and numbered sources");
    let svg = export(&["--width", "800", "--sources", "credit", "--title", "Owners"]);
    assert!(svg.contains(r#"width="800.00""#) && svg.contains("<title>Owners</title>"), "options override");
    assert!(svg.contains("Sources:") && svg.contains(">Figure 2</text>"), "what is not overridden stays saved");
    // A PNG scale means nothing for a print size, which has its dpi.
    let output = casegraph(&["export", case.to_str().expect("UTF-8"), "-o", "unused.png", "--scale", "2"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--scale is for sizes in pixels"), "{output:?}");
}

#[test]
fn a_generated_case_passes_the_checker_and_two_forces_are_compared_in_one_run() {
    let folder = tempfile::tempdir().expect("a folder");
    let case = folder.path().join("big.case.json");
    let case_text = case.to_str().expect("UTF-8");
    let generated = casegraph(&["generate", "--nodes", "600", "--seed", "4", "--placed", "0.5", "-o", case_text]);
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    assert!(stdout(&generated).contains("600 nodes, 1200 links"), "{}", stdout(&generated));
    let again = folder.path().join("again.case.json");
    casegraph(&["generate", "--nodes", "600", "--seed", "4", "--placed", "0.5", "-o", again.to_str().expect("UTF-8")]);
    assert_eq!(std::fs::read(&case).expect("one"), std::fs::read(&again).expect("two"), "the same seed, the same file");
    assert_eq!(casegraph(&["check", case_text]).status.code(), Some(0), "the generated case has errors");

    let laid_out = folder.path().join("laid-out.case.json");
    let args = ["layout", case_text, "--engine", "fdg-sim", "--engine", "barnes-hut", "--iterations", "3", "--report"];
    let output = casegraph(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<serde_json::Value> =
        stdout(&output).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect();
    assert_eq!(lines.len(), 2, "one line per engine");
    for (line, engine) in lines.iter().zip(["fdg-sim", "barnes-hut"]) {
        assert_eq!(line["engine"], engine);
        assert_eq!(line["iterations"], 3);
        assert_eq!(line["nodes"], 600);
        assert_eq!(line["non_finite_coordinates"], 0);
        for key in
            ["wall_ms", "ms_per_iteration", "final_movement", "edge_length_spread", "overlapping_pairs", "stress"]
        {
            assert!(line[key].is_number(), "{key} missing from {line}");
        }
    }
    let written = casegraph(&["layout", case_text, "--engine", "barnes-hut", "-o", laid_out.to_str().expect("UTF-8")]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    let text = std::fs::read_to_string(&laid_out).expect("the laid-out case");
    assert_eq!(text.matches("\"pinned\"").count(), 600, "every node has a position");
    assert_eq!(casegraph(&["check", laid_out.to_str().expect("UTF-8")]).status.code(), Some(0));

    // The written case is at rest; asked for steps, the layout still takes them.
    let again = casegraph(&["layout", laid_out.to_str().expect("UTF-8"), "--iterations", "4", "--report"]);
    let line: serde_json::Value = serde_json::from_str(stdout(&again).trim()).expect("a JSON line");
    assert_eq!(line["iterations"], 4, "{line}");
}

/// Saves killed with `kill -9` while their file is being written leave their temporary files
/// behind, but they do not pile up: each next save removes them, killed or not.
#[test]
fn saves_killed_halfway_leave_nothing_once_a_save_completes() {
    let folder = tempfile::tempdir().expect("a folder");
    let case = folder.path().join("big.case.json");
    let case_text = case.to_str().expect("UTF-8");
    let generated = casegraph(&["generate", "--nodes", "30000", "--placed", "1", "-o", case_text]);
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    let save = ["layout", case_text, "--iterations", "1", "-o", case_text];
    let is_temporary = |name: &str| name.starts_with(".big.case.json.") && name.ends_with(".tmp");
    let (mut killed_while_writing, mut most_left) = (0, 0);
    for _ in 0..20 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_casegraph")).args(save).spawn().expect("run casegraph");
        // Kill it as soon as its temporary file appears: halfway through the save.
        let seen = loop {
            if names::names_in(folder.path()).iter().any(|name| is_temporary(name) && !name.contains(".bak.")) {
                break true;
            }
            if child.try_wait().expect("the save's state").is_some() {
                break false;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        };
        child.kill().expect("killed");
        child.wait().expect("ended");
        let left = names::names_in(folder.path()).into_iter().filter(|name| is_temporary(name)).count();
        killed_while_writing += usize::from(seen);
        most_left = most_left.max(left);
        assert!(left <= 2, "{left} temporary files after a killed save: they pile up");
        if killed_while_writing >= 5 && most_left >= 1 {
            break;
        }
    }
    assert!(killed_while_writing >= 5 && most_left >= 1, "{killed_while_writing} saves killed, {most_left} files left");
    assert_eq!(casegraph(&["check", case_text]).status.code(), Some(0), "the case is whole after every kill");

    let completed = casegraph(&save);
    assert!(completed.status.success(), "{}", String::from_utf8_lossy(&completed.stderr));
    assert_eq!(names::names_in(folder.path()), ["big.case.json", "big.case.json.bak"]);
}
