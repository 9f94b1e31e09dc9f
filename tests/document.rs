//! The analyst's work on disk: saving writes the whole case back, stably and atomically;
//! undo and redo restore exactly; a failed save changes nothing.

mod common;
#[path = "common/names.rs"]
mod names;
#[path = "common/sample_on_disk.rs"]
mod sample_on_disk;

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use casegraph::document::{Document, Edit, SaveStage, backup_path};
use casegraph::model::NodeIx;
use casegraph::model::{Case, FigureSettings, FigureSize, SourceNote, load_case_file};
use casegraph::synthetic::generate_case;
use proptest::prelude::*;
use sample_on_disk::sample_on_disk;

fn open(path: &Path) -> Document {
    let (case, warnings) = load_case_file(path).into_result().expect("the case opens");
    let name = path.file_name().expect("a name").to_string_lossy().into_owned();
    Document::new(case, Some(path.to_path_buf()), name, Box::new(casegraph::model::documents_beside(path)), warnings)
}

fn settle(document: &mut Document) {
    document.settle_layout();
}

/// Saves `case` as a file in `folder`, opens it, settles, saves, and checks the round trip:
/// the file reads back as the saved case, and saving again gives the same bytes.
fn check_round_trip(folder: &Path, case: &Case) {
    let path = folder.join("case.case.json");
    fs::write(&path, casegraph::model::case_to_json(case).expect("encodable")).expect("written");
    let mut document = open(&path);
    settle(&mut document);
    document.save(None).expect("saved");
    let first = fs::read(&path).expect("the saved file");
    let reloaded = load_case_file(&path).into_result().expect("the saved file opens").0;
    assert_eq!(&reloaded, document.case(), "load → save → load changed the case");
    assert_eq!(reloaded.nodes, case.nodes, "saving changed the facts");
    assert_eq!(reloaded.links, case.links);
    assert_eq!(reloaded.quotes, case.quotes);
    assert_eq!(reloaded.layout.positions.len(), case.nodes.len(), "every node has a position");
    document.save(None).expect("saved again");
    assert_eq!(fs::read(&path).expect("the file"), first, "a second save changed the bytes");
    let mut reopened = open(&path);
    assert!(reopened.layout().is_settled(), "a fully placed case opens at rest");
    reopened.save(None).expect("saved after reopening");
    assert_eq!(fs::read(&path).expect("the file"), first, "reopening and saving changed the bytes");
}

#[test]
fn every_sample_round_trips_and_saves_byte_identically() {
    for file in common::files_ending_with("sample_cases", ".case.json") {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let case = load_case_file(&file).into_result().expect("the sample opens").0;
        check_round_trip(folder.path(), &case);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_cases_round_trip_and_save_byte_identically(
        nodes in 0usize..80,
        seed in any::<u64>(),
        keep_every in 1usize..4,
    ) {
        let mut case = generate_case(nodes, seed);
        // Some nodes keep a saved position and some do not.
        let mut index = 0;
        case.layout.positions.retain(|_, _| { index += 1; index % keep_every == 0 });
        let folder = tempfile::tempdir().expect("a temporary folder");
        check_round_trip(folder.path(), &case);
    }
}

#[test]
fn moving_one_node_changes_only_its_own_lines() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = sample_on_disk(folder.path());
    let mut document = open(&path);
    settle(&mut document);
    document.save(None).expect("saved");
    let before = fs::read_to_string(&path).expect("the file");

    let mut document = open(&path);
    let node = document.graph().node_index("p-igor-michurin").expect("Michurin");
    document.edit(Edit::MoveNode { node, to: [1234.5, -678.25] });
    document.edit(Edit::EndDrag);
    assert!(document.is_dirty());
    document.save(None).expect("saved");
    assert!(!document.is_dirty());
    let after = fs::read_to_string(&path).expect("the file");

    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(old.len(), new.len());
    let changed: Vec<(&str, &str)> = old.iter().zip(&new).filter(|(a, b)| a != b).map(|(a, b)| (*a, *b)).collect();
    assert_eq!(
        changed.iter().map(|(_, b)| b.trim()).collect::<Vec<_>>(),
        ["\"x\": 1234.5,", "\"y\": -678.25,", "\"pinned\": true"],
        "{changed:#?}"
    );
    let first_change = old.iter().zip(&new).position(|(a, b)| a != b).expect("a change");
    assert!(old[first_change - 1].contains("\"p-igor-michurin\": {"), "the change is not Michurin's");
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("the backup"), before, "the backup is the old file");
}

#[test]
fn undo_and_redo_restore_a_drag_exactly_and_a_drag_is_one_step() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut document = open(&sample_on_disk(folder.path()));
    settle(&mut document);
    let node = document.graph().node_index("c-ardis-bearings").expect("Ardis");
    let start = document.layout().positions().to_vec();
    assert!(!document.layout().is_pinned(node));
    for step in 1..=10 {
        document.edit(Edit::MoveNode { node, to: [step as f32 * 10.0, 5.0] });
        document.step_layout(1);
    }
    document.edit(Edit::EndDrag);
    for _ in 0..50 {
        document.step_layout(1);
    }
    let dragged = document.layout().positions().to_vec();
    assert_eq!(dragged[node.index()], [100.0, 5.0]);

    assert!(document.undo());
    assert_eq!(document.layout().positions(), &start[..], "undo did not restore every node");
    assert!(!document.layout().is_pinned(node), "undo did not unpin");
    assert!(document.layout().is_settled(), "the layout was at rest before the drag");
    assert!(!document.is_dirty(), "undoing the only change leaves the case as saved");
    assert!(!document.undo(), "the whole drag was one step");

    assert!(document.redo());
    assert_eq!(document.layout().position(node), [100.0, 5.0]);
    assert!(document.layout().is_pinned(node));
    assert!(document.is_dirty());
}

#[test]
fn pins_visibility_and_relayout_are_undoable() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut document = open(&sample_on_disk(folder.path()));
    settle(&mut document);
    let settled = document.layout().positions().to_vec();

    document.edit(Edit::PinAll);
    assert!(document.layout().pinned().iter().all(|&p| p));
    document.edit(Edit::ToggleKind(casegraph::model::NodeKind::Embassy));
    assert_eq!(document.hidden_kinds(), [casegraph::model::NodeKind::Embassy]);
    document.edit(Edit::UnpinAll);
    document.edit(Edit::RerunLayout);
    settle(&mut document);

    assert!(document.undo(), "undo the re-run");
    assert_eq!(document.layout().positions(), &settled[..]);
    assert!(document.undo(), "undo unpin all");
    assert!(document.layout().pinned().iter().all(|&p| p));
    assert!(document.undo(), "undo hiding");
    assert!(document.hidden_kinds().is_empty());
    assert!(document.undo(), "undo pin all");
    assert!(document.layout().pinned().iter().all(|&p| !p));
    assert!(!document.is_dirty());
    assert!(!document.undo());
}

#[test]
fn figure_settings_are_saved_in_the_case_and_undoable() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = sample_on_disk(folder.path());
    let mut document = open(&path);
    assert_eq!(document.figure_settings(), FigureSettings::default());
    let chosen = FigureSettings {
        size: FigureSize::Print { width_mm: 180.0, dpi: 600.0 },
        caption: Some("Figure 1".into()),
        sources: SourceNote::Numbered,
        ..Default::default()
    };
    assert!(document.edit(Edit::SetFigureSettings(Box::new(chosen.clone()))));
    assert!(!document.edit(Edit::SetFigureSettings(Box::new(chosen.clone()))), "the same settings change nothing");
    assert!(document.is_dirty());
    document.save(None).expect("saved");
    let text = std::fs::read_to_string(&path).expect("the file");
    assert!(text.contains(r#""width_mm": 180.0"#) && text.contains(r#""sources": "numbered""#), "{text}");
    assert_eq!(open(&path).figure_settings(), chosen, "the settings come back on opening");
    assert!(document.undo());
    assert_eq!(document.figure_settings(), FigureSettings::default());
    assert!(document.is_dirty(), "the file holds the chosen settings");
}

#[test]
fn the_history_survives_a_save() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut document = open(&sample_on_disk(folder.path()));
    document.edit(Edit::SetPinned { node: NodeIx::new(0), pinned: true });
    document.save(None).expect("saved");
    assert!(!document.is_dirty());
    assert!(document.undo(), "the step before the save can still be undone");
    assert!(document.is_dirty(), "the file holds the pinned state");
    assert!(!document.layout().is_pinned(NodeIx::new(0)));
    assert!(document.redo());
    assert!(!document.is_dirty());
}

/// Whether this user can write into a folder whose permissions forbid it (root can).
fn permissions_are_ignored(folder: &Path) -> bool {
    let probe = folder.join("probe");
    let ignored = fs::write(&probe, b"").is_ok();
    let _: std::io::Result<()> = fs::remove_file(probe);
    ignored
}

#[test]
#[cfg(unix)]
fn a_save_into_a_read_only_folder_fails_leaves_the_file_and_keeps_the_case_unsaved() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = sample_on_disk(folder.path());
    let original = fs::read(&path).expect("the file");
    let mut document = open(&path);
    document.edit(Edit::MoveNode { node: NodeIx::new(0), to: [10.0, 10.0] });
    document.edit(Edit::EndDrag);

    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).expect("made read-only");
    let result = if permissions_are_ignored(folder.path()) {
        // Running as an administrator, whom permissions do not stop: the system refuses in
        // the same way at the same stage.
        document.save_with(None, &mut |stage| {
            if stage == SaveStage::CreateTemporary { Err(ErrorKind::PermissionDenied.into()) } else { Ok(()) }
        })
    } else {
        document.save(None)
    };
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).expect("made writable");

    let message = result.expect_err("the save fails").to_string();
    assert!(message.contains("north-korea-business-russia.case.json"), "{message}");
    assert!(message.contains("Save As"), "no advice: {message}");
    assert_eq!(fs::read(&path).expect("the file"), original, "the file on disk changed");
    assert!(document.is_dirty(), "a failed save must leave the case unsaved");
    let names = names::names_in(folder.path());
    assert_eq!(names, ["north-korea-business-russia.case.json", "sources"], "a failed save left files behind");
}

#[test]
fn a_save_whose_folder_is_gone_fails_and_keeps_the_case_unsaved() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut document = open(&sample_on_disk(folder.path()));
    document.edit(Edit::PinAll);
    let gone = folder.path().join("gone").join("copy.case.json");
    let message = document.save_as(&gone, None).expect_err("the folder does not exist").to_string();
    assert!(message.contains("folder is gone"), "{message}");
    assert!(document.is_dirty());
    assert_eq!(document.file(), Some(folder.path().join("north-korea-business-russia.case.json").as_path()));
}

#[test]
fn save_as_into_another_folder_keeps_the_quotes_checkable() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut document = open(&sample_on_disk(folder.path()));
    let elsewhere = folder.path().join("drafts").join("june");
    fs::create_dir_all(&elsewhere).expect("a folder");
    let copy = elsewhere.join("copy.case.json");
    let notes = document.save_as(&copy, None).expect("saved");
    assert!(notes.is_empty(), "{notes:?}");
    let report = load_case_file(&copy);
    assert_eq!(report.error_count() + report.warning_count(), 0, "{:?}", report.diagnostics);
    let case = report.case.expect("opens");
    assert!(case.sources.iter().all(|s| s.document.as_deref().is_some_and(|d| d.starts_with("../../sources/"))));
}

#[test]
fn the_bundled_sample_saved_anywhere_brings_its_source_texts() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let (case, warnings) = casegraph::sample::load_sample().into_result().expect("the sample");
    let mut document = Document::new(
        case,
        None,
        casegraph::sample::SAMPLE_FILE_NAME.into(),
        Box::new(casegraph::sample::sample_documents()),
        warnings,
    );
    assert!(matches!(document.save(None), Err(casegraph::document::DocumentSaveError::NoFile)));
    let path = folder.path().join("mine.case.json");
    assert!(document.save_as(&path, None).expect("saved").is_empty());
    let report = load_case_file(&path);
    assert_eq!(report.error_count() + report.warning_count(), 0, "{:?}", report.diagnostics);
}
